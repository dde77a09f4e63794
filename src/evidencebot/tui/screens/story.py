"""Story capture: the four parts, then domains, goals and consent.

Nothing typed is lost. Every change is kept at once in the unsaved-text
journal (:mod:`evidencebot.assistant.journal`, a private file), and queued
for the database at most 0.3 s after the key that made it, even while the user
keeps typing, and on focus loss and when the screen or the app closes; one
long-lived write worker then writes it to the database (:func:`evidencebot.store.search.save_story_draft`) in order.
A write that cannot get the database's lock (another program is importing) is
retried until it lands, and the status line says "not saved yet" until then;
the journal entry is removed only once the database holds the text.

Each saved part is checked as ``evidencebot check`` checks a file (over-claiming
and personal data, :func:`evidencebot.assistant.story_capture.check_part`) once typing
pauses (:data:`CHECK_DELAY`) or the part is left, not after every save, and the
findings are shown under it. Consent is never a field you can arrow through:
it changes only with **Change consent…**, a confirmation naming the story and
the change, an announcement, an audit entry, and **Undo** until the next export.
"""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass, field

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer
from textual.widgets import (
    Button,
    Header,
    Input,
    Static,
    TextArea,
)
from textual.worker import get_current_worker

from evidencebot.assistant.story_capture import STEPS
from evidencebot.tui.base import SubScreen
from evidencebot.tui.messages import StoryLoaded, StorySaved
from evidencebot.tui.widgets.footer import Footer
from evidencebot.tui.widgets.line_input import LineInput
from evidencebot.tui.widgets.shown_text import show_text
from evidencebot.tui.widgets.toggles import GlyphSelectionList

SAVE_DELAY = 0.3
"""The longest a typed change waits before it is journalled and queued (typing on does not delay it)."""
CHECK_DELAY = 0.6
"""Saved parts are checked once typing has paused this long (at once when the part is left)."""
DRAIN_ON_CLOSE = 3.0
CONSENTS = ("external", "internal", "none")
DOMAINS = ("safety", "stability", "experience")
CHECKED = tuple(s.field for s in STEPS if s.kind in ("text", "line"))
TYPING_KEYS = frozenset({"enter", "backspace", "delete", "tab", "shift+tab", "space", "ctrl+down", "ctrl+up"})
"""Keys that are typing, kept while a story loads and replayed once it is in place (others act at once)."""


@dataclass
class StoryBusy(Message):
    """The database is locked by another program: the write is being retried."""

    story_id: str
    attempt: int


@dataclass
class StoryChecked(Message):
    """The checker read some parts of the story (both families)."""

    story_id: str
    texts: dict
    findings: dict = field(default_factory=dict)


@dataclass
class StoryGovernance(Message):
    """Consent changed, or a change was undone (``text`` announces it)."""

    story_id: str
    ok: bool
    text: str
    row: dict | None = None
    change: object | None = None
    undone: bool = False


def consent_glyphs(consent: str) -> str:
    """``(●) external  ( ) internal  ( ) none``: the state by glyph, not colour."""
    return "  ".join(f"({'●' if c == consent else ' '}) {c}" for c in CONSENTS)


class StoryScreen(SubScreen):
    AUTO_FOCUS = None  # nothing takes keys before a story is loaded: they are kept for it (on_key)
    BINDINGS = SubScreen.BINDINGS + [
        # Priority: read when the key arrives, so text typed straight after Tab or Ctrl+Down (fast typing,
        # a paste, a busy machine) goes into the next part, not the one being left.
        Binding("tab", "move('tab')", "Next field", id="story-tab", show=False, priority=True,
                tooltip="Go to the next field."),
        Binding("shift+tab", "move('shift+tab')", "Previous field", id="story-shift-tab", show=False,
                priority=True, tooltip="Go back to the previous field."),
        Binding("ctrl+down", "next_part", "Next part", id="story-next", tooltip="Go to the next question.",
                priority=True),
        Binding("ctrl+up", "previous_part", "Previous part", id="story-previous",
                tooltip="Go back to the previous question.", priority=True),
        Binding("f6", "submit", "Submit", id="story-submit-key", priority=True,  # the text areas' F6 selects a line
                tooltip="Submit the story for approval (asks first; what you typed is saved before)."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.story_id: str | None = None
        self.consent = "none"
        self._row: dict = {}
        self._values: dict[str, object] = {}
        """What the database holds (loaded or last queued) for each field."""
        self._pending: dict[str, object] = {}
        self._timer: Timer | None = None
        self._queue: queue.Queue = queue.Queue()
        self._loading = True  # until the first story is in place (keys typed meanwhile are kept)
        self._busy = False
        self._typed_while_loading: list[tuple[str, str | None]] = []
        self._unchecked: set[str] = set()
        """Parts saved since their last check."""
        self._check_timer: Timer | None = None
        self._last_change = 0.0
        """When a part last changed (``time.monotonic``): a check waits for a pause in typing."""

    @property
    def journal(self):
        return self.app.conversation.journal

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="story-heading", classes="question", markup=False)
        with VerticalScroll(id="story-form"):
            for n, step in enumerate(STEPS, start=1):
                yield Static(f"{n}. {step.heading}: {step.prompt}", classes="step-title")
                yield Static(step.hint, classes="hint", markup=False)
                if step.kind == "text":
                    yield TextArea(id=f"field-{step.field}", classes="story-text", soft_wrap=True,
                                   tab_behavior="focus")
                elif step.kind == "line":
                    yield LineInput(id=f"field-{step.field}", classes="story-line")
                elif step.kind == "domains":
                    yield GlyphSelectionList(*[(d, d) for d in DOMAINS], id=f"field-{step.field}",
                                                  classes="story-choice")
                elif step.kind == "consent":
                    yield Static(consent_glyphs("none"), id="consent-state", markup=False)
                    with Horizontal(id="consent-actions"):
                        yield Button("Change consent…", id="consent-change")
                        yield Button("Undo consent change", id="consent-undo")
                if step.kind in ("text", "line"):
                    yield Static("", id=f"privacy-{step.field}", classes="privacy", markup=False)
            with Horizontal(id="story-actions"):
                yield Button("Submit for approval (F6)", id="story-submit", variant="primary")
        yield Static("", id="story-status", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._writer()
        for widget in self.query(".privacy"):
            widget.display = False
        self.query_one("#consent-undo").display = False

    def on_screen_resume(self) -> None:
        self.app.conversation.state.front = "story"
        wanted = self.app.conversation.state.story_id
        if wanted is None:
            self._loading = False
            self._typed_while_loading.clear()
            show_text(self.query_one("#story-heading", Static), "No story is open: type `new story` in the chat.")
            return
        if wanted != self.story_id:
            self._flush()
            self.story_id = wanted
            self._loading = True
            # Nothing can be typed until the story is loaded: loading fills every field, and would
            # otherwise overwrite what was typed meanwhile.
            self.query_one("#story-form").disabled = True
            show_text(self.query_one("#story-status", Static), "opening…")
            self._read(wanted)
        else:
            self._focus_first_empty()

    def on_screen_suspend(self) -> None:
        self._flush()

    def on_unmount(self) -> None:
        self._flush()
        # Give the writer a moment to land what is queued; the journal keeps anything it cannot.
        deadline = time.monotonic() + DRAIN_ON_CLOSE
        while self._queue.unfinished_tasks and time.monotonic() < deadline and not self._busy:
            time.sleep(0.02)
        self._queue.put(None)

    def on_descendant_blur(self, event) -> None:
        typed = set(self._pending)
        self._flush()
        self._check_unchecked(but=typed)  # a part left is checked now (one still being saved, when it lands)

    # ------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-reader", description="Opening the story")
    def _read(self, story_id: str) -> None:
        from evidencebot.assistant.screen_services import read_story

        row = read_story(self.app.conversation, story_id)
        self.post_message(StoryLoaded(story_id, row))  # its parts are checked once they are in place

    @on(StoryLoaded)
    def _loaded(self, message: StoryLoaded) -> None:
        if message.story_id != self.story_id:
            return
        row = message.row
        self._row = row
        self._values = {}
        unsaved = self.journal.pending("story", self.story_id)
        for step in STEPS:
            widget = self.query_one(f"#field-{step.field}") if step.kind != "consent" else None
            value = row.get(step.field)
            if step.kind == "text":
                self._values[step.field] = value or ""
                widget.load_text(str(unsaved.get(step.field, value or "")))
            elif step.kind == "line":
                text = value or ""
                if step.field == "title" and text == "Untitled story" and "created_at" in row:
                    text = ""
                self._values[step.field] = text
                widget.value = str(unsaved.get(step.field, text))
            elif step.kind == "domains":
                chosen = unsaved["domains"] if isinstance(unsaved.get("domains"), list) else [
                    d for d in (value or "").split(";") if d]
                widget.deselect_all()
                for d in chosen:
                    widget.select(d)
                self._values[step.field] = [d for d in (value or "").split(";") if d]
            elif step.kind == "consent":
                self._show_consent(value or "none")
        self._show_privacy({f: [] for f in CHECKED})  # the last story's findings go; this one's are checked below
        self._unchecked.clear()
        new = "created_at" not in row
        self._heading(row, new=new)
        self._loading = False
        self.query_one("#story-form").disabled = False
        if unsaved:
            # Text kept from a write that never landed: it goes to the database now.
            self._pending.update(unsaved)
            self._flush()
            show_text(self.query_one("#story-status", Static),
                "Restored text that was not saved last time: saving it now…")
        else:
            show_text(self.query_one("#story-status", Static),
                "Everything you type is saved." if new else "Opened. Everything you type is saved.")
        self._check_parts(self.story_id, {f: self._text_of(f) for f in CHECKED if self._text_of(f).strip()})
        self._focus_first_empty()
        if self._typed_while_loading:
            self.call_after_refresh(self._replay_typing)  # once the focus is on the first empty part

    def on_key(self, event: events.Key) -> None:
        """Typing while the story loads (the form is locked: loading fills every field) is kept, not dropped."""
        if self._loading and (event.is_printable or event.key in TYPING_KEYS):
            self._typed_while_loading.append((event.key, event.character))
            event.stop()
            event.prevent_default()

    def _replay_typing(self) -> None:
        """The keys typed while loading, in order, into the field that now has the focus (Tab moves on).

        Applied here, one after another, rather than posted as key events: a posted key goes to the
        widget focused when it is read, so text after a Tab would land in the field before it."""
        typed, self._typed_while_loading = self._typed_while_loading, []
        if self.focused is None:
            self.set_focus(self._first_empty())
        for key, character in typed:
            widget = self.focused
            if key in ("tab", "shift+tab", "ctrl+down", "ctrl+up"):
                self.action_move(key)
            elif isinstance(widget, (TextArea, Input)) and key in ("backspace", "delete"):
                widget.action_delete_left() if key == "backspace" else widget.action_delete_right()
            elif isinstance(widget, TextArea) and (character or key == "enter"):
                widget.insert("\n" if key == "enter" else character)
            elif isinstance(widget, Input) and character and key != "enter":
                widget.insert_text_at_cursor(character)
            elif widget is not None:
                widget.post_message(events.Key(key, character))  # e.g. Space on the domain list

    def _heading(self, row: dict, *, new: bool = False) -> None:
        status = "new, saved as you type" if new else (row.get("status") or "draft")
        show_text(self.query_one("#story-heading", Static), f"Story {self.story_id} · {status} · consent {self.consent}")

    def _show_consent(self, consent: str) -> None:
        self.consent = consent
        show_text(self.query_one("#consent-state", Static), "Consent: " + consent_glyphs(consent))

    def _text_of(self, field: str) -> str:
        widget = self.query_one(f"#field-{field}")
        return widget.text if isinstance(widget, TextArea) else widget.value

    def _first_empty(self):
        """The first part not written yet (the title when all are)."""
        for step in STEPS:
            if step.kind in ("text", "line"):
                widget = self.query_one(f"#field-{step.field}")
                if not (widget.text if step.kind == "text" else widget.value):
                    return widget
        return self.query_one("#field-title")

    def _focus_first_empty(self) -> None:
        self._first_empty().focus()

    # ------------------------------------------------------------ typing

    def _changed_value(self, field: str, value) -> None:
        if self._loading or self.story_id is None:
            return
        if self._values.get(field) == value and field not in self._pending:
            return
        self._pending[field] = value
        self._last_change = time.monotonic()
        self.journal.add("story", self.story_id, {field: value})  # at once: a kill now loses nothing
        if self._timer is None:  # typing on does not push the save back: at most SAVE_DELAY later
            self._timer = self.set_timer(SAVE_DELAY, self._flush)
        self._show_saving()

    @on(TextArea.Changed, ".story-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._changed_value(event.text_area.id.removeprefix("field-"), event.text_area.text)

    @on(Input.Changed, ".story-line")
    def _line_changed(self, event: Input.Changed) -> None:
        self._changed_value(event.input.id.removeprefix("field-"), event.value)

    @on(GlyphSelectionList.SelectedChanged)
    def _domains_changed(self, event: GlyphSelectionList.SelectedChanged) -> None:
        self._changed_value("domains", [d for d in DOMAINS if d in event.selection_list.selected])

    def _flush(self) -> None:
        """Journal everything typed since the last save and queue it for the write worker."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending or self.story_id is None:
            return
        fields = dict(self._pending)
        self._pending.clear()
        self._values.update(fields)
        self.journal.add("story", self.story_id, fields)
        self._queue.put((self.story_id, fields))

    def unsaved(self) -> bool:
        """True while some typed text has not reached the database."""
        return bool(self._pending) or (self.story_id is not None and bool(self.journal.pending("story", self.story_id)))

    def _show_saving(self) -> None:
        text = ("not saved yet: the database is busy (another program is writing); retrying, and your text "
                "is kept safe meanwhile" if self._busy else "not saved yet…")
        show_text(self.query_one("#story-status", Static), text)

    # ------------------------------------------------------------ the write worker

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-writer", description="Saving the story")
    def _writer(self) -> None:
        """Drain the queue in order until the screen goes; one connection, one writer."""
        from evidencebot.assistant.screen_services import StoryWriter
        from evidencebot.assistant.story_capture import completeness

        worker = get_current_worker()
        journal = self.journal
        with StoryWriter(self.app.conversation) as writer:
            while True:
                try:
                    item = self._queue.get(timeout=0.1)
                except queue.Empty:
                    if worker.is_cancelled:
                        return
                    continue
                if item is None:
                    self._queue.task_done()
                    return
                story_id, fields = item
                taken = 1
                # Coalesce what is already waiting for the same story: fewer writes, same result.
                while True:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None or more[0] != story_id:
                        self._queue.put(more)
                        self._queue.task_done()
                        break
                    taken += 1
                    fields.update(more[1])
                try:
                    def busy(attempt, _exc, sid=story_id):
                        self._busy = True
                        self.post_message(StoryBusy(sid, attempt))

                    row = writer.save(story_id, fields, cancelled=lambda: worker.is_cancelled, waiting=busy)
                    if row is None:
                        return  # the journal keeps the text for next time
                    self._busy = False
                    journal.landed("story", story_id, fields)
                    self.post_message(StorySaved(story_id, sorted(fields), missing=completeness(row),
                                                 status=row.get("status")))
                finally:
                    for _ in range(taken):
                        self._queue.task_done()

    @on(StoryBusy)
    def _busy_now(self, message: StoryBusy) -> None:
        if message.story_id == self.story_id:
            self._show_saving()

    @on(StorySaved)
    def _saved(self, message: StorySaved) -> None:
        if message.story_id != self.story_id:
            return
        self._unchecked.update(f for f in message.fields if f in CHECKED)
        focused = getattr(self.focused, "id", None) or ""
        if focused.removeprefix("field-") in self._unchecked:
            self._check_after_pause()  # still in the part: check when typing pauses
        else:
            self._check_unchecked()  # the part was left: check it now
        if self.unsaved():
            self._show_saving()
            return
        missing = f" · still to write: {', '.join(message.missing)}" if message.missing else " · all four parts written"
        show_text(self.query_one("#story-status", Static), f"✓ saved{missing}")
        if message.status:
            self._row["status"] = message.status  # a save never changes the status: show what the database holds
        self._heading(self._row)

    # ------------------------------------------------------------ checking as `check` does

    def _check_after_pause(self) -> None:
        """Check the saved parts once typing has paused for :data:`CHECK_DELAY` (one timer, not one a key)."""
        if self._check_timer is None and self._unchecked:
            self._check_timer = self.set_timer(CHECK_DELAY, self._check_if_paused)

    def _check_if_paused(self) -> None:
        self._check_timer = None
        typing = CHECK_DELAY - (time.monotonic() - self._last_change)
        if typing > 0.01:  # typed since the timer was set: wait for the pause
            self._check_timer = self.set_timer(typing, self._check_if_paused)
            return
        self._check_unchecked()

    def _check_unchecked(self, but: set[str] | frozenset[str] = frozenset()) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        fields, self._unchecked = self._unchecked - but, set()
        if fields and self.story_id is not None:
            self._check_parts(self.story_id, {f: self._text_of(f) for f in sorted(fields)})

    @work(thread=True, exclusive=False, exit_on_error=False, group="story-checker", description="Checking the story")
    def _check_parts(self, story_id: str, texts: dict) -> None:
        from evidencebot.assistant.story_capture import check_part

        if not texts:
            return
        findings = {f: check_part(t) for f, t in texts.items()}
        self.post_message(StoryChecked(story_id, texts, findings))

    @on(StoryChecked)
    def _checked(self, message: StoryChecked) -> None:
        if message.story_id != self.story_id:
            return
        current = {f: found for f, found in message.findings.items() if self._text_of(f) == message.texts[f]}
        self._show_privacy(current)

    def _show_privacy(self, findings: dict) -> None:
        for part, found in findings.items():
            try:
                panel = self.query_one(f"#privacy-{part}", Static)
            except NoMatches:
                continue
            if found:
                lines = []
                for f in found[:4]:
                    what = "personal data" if f.family == "privacy" else (
                        "over-claiming" if f.family == "overclaim" else f.family)
                    mark = "⚠" if f.family == "privacy" else "▲"
                    lines.append(f"{mark} {what}: “{f.match}”: {f.message.split('. ')[0].rstrip('.')}.")
                if len(found) > 4:
                    lines.append(f"… and {len(found) - 4} more")
                show_text(panel, "\n".join(lines))
                panel.display = True
            else:
                show_text(panel, "")
                panel.display = False

    def worker_failed(self, worker) -> None:
        if worker.group == "story-writer":
            show_text(self.query_one("#story-status", Static),
                "✗ not saved yet: see the message; your text is kept and will be offered back")
            self._writer()

    # ------------------------------------------------------------ consent: only on purpose

    @on(Button.Pressed, "#consent-change")
    def _change_consent(self, event: Button.Pressed) -> None:
        from evidencebot.tui.screens.confirm import ChooseConsent

        if self.story_id is None:
            return
        self._flush()
        label = f"{self.story_id} “{self._text_of('title') or 'untitled'}”"
        self.app.push_screen(ChooseConsent(label, self.consent), self._consent_chosen)

    def _consent_chosen(self, consent: str | None) -> None:
        if consent:
            self._preview_consent(self.story_id, consent)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-consent", description="Changing consent")
    def _preview_consent(self, story_id: str, consent: str) -> None:
        from evidencebot.assistant.screen_services import preview_consent
        from evidencebot.errors import InputError

        try:
            question = preview_consent(self.app.conversation, story_id, consent)
        except InputError as exc:
            self.post_message(StoryGovernance(story_id, False, f"Consent not changed: {exc}."))
            return
        self.app.call_from_thread(self._confirm_consent, story_id, consent, question)

    def _confirm_consent(self, story_id: str, consent: str, question: str) -> None:
        from evidencebot.tui.screens.confirm import ConfirmChange

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_consent(story_id, consent)
            else:
                self._announce(True, "Consent left as it was.")

        self.app.push_screen(ConfirmChange(question, "Change consent"), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-consent", description="Changing consent")
    def _set_consent(self, story_id: str, consent: str) -> None:
        from evidencebot.assistant.screen_services import change_consent
        from evidencebot.errors import InputError

        try:
            change, row = change_consent(self.app.conversation, story_id, consent)
        except InputError as exc:
            self.post_message(StoryGovernance(story_id, False, f"Consent not changed: {exc}."))
            return
        used = f" It was already used in {len(change.documents)} document(s): `/withdraw` lists them." \
            if change.documents else ""
        self.post_message(StoryGovernance(
            story_id, True, f"Changed the {change.summary()} (recorded by {change.by}).{used} "
            "Undo with the button or /undo until the next export.", row, change))

    @on(Button.Pressed, "#consent-undo")
    def _undo_pressed(self, event: Button.Pressed) -> None:
        change = self.app.conversation.state.last_change
        if change is not None:
            self._undo(change)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-consent", description="Undoing")
    def _undo(self, change) -> None:
        from evidencebot.assistant.screen_services import undo_change
        from evidencebot.errors import InputError
        from evidencebot.store import changes

        try:
            row = undo_change(self.app.conversation, change)
        except InputError as exc:
            self.post_message(StoryGovernance(change.story_id, False, f"Not undone: {exc}."))
            return
        self.post_message(StoryGovernance(change.story_id, True,
                                          f"Undone: {changes.WHAT[change.what]} of story {change.story_id} is back to "
                                          f"{row.get('consent') if change.what != 'approval' else row.get('status')}.",
                                          row, None, undone=True))

    @on(StoryGovernance)
    def _governance(self, message: StoryGovernance) -> None:
        state = self.app.conversation.state
        if message.ok and message.change is not None:
            state.last_change = message.change
        elif message.ok and message.undone:
            state.last_change = None
        if message.story_id == self.story_id and message.row is not None:
            self._row.update(message.row)
            self._show_consent(message.row.get("consent") or "none")
            self._heading(self._row)
        undo = self.query_one("#consent-undo")
        undo.display = state.last_change is not None and state.last_change.story_id == self.story_id
        self._announce(message.ok, message.text)

    def _announce(self, ok: bool, text: str) -> None:
        show_text(self.query_one("#story-status", Static), text)
        self.notify(text, severity="information" if ok else "warning", timeout=8, markup=False)

    # ------------------------------------------------------------ submitting

    @on(Button.Pressed, "#story-submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        """Submit by button or F6: what is on screen is saved first, then a confirmation names the story."""
        if self.story_id is None or self._loading:
            return
        self._take_widgets()
        self._flush()
        show_text(self.query_one("#story-status", Static), "saving what you typed before submitting…")
        self._prepare_submit(self.story_id)

    def _take_widgets(self) -> None:
        """Queue what the widgets show now, even if their change messages have not arrived yet (a key
        bound to an action can run before the text area's Changed message reaches the screen)."""
        for step in STEPS:
            if step.kind in ("text", "line"):
                self._changed_value(step.field, self._text_of(step.field))
            elif step.kind == "domains":
                chosen = self.query_one(f"#field-{step.field}", GlyphSelectionList).selected
                self._changed_value(step.field, [d for d in DOMAINS if d in chosen])

    def _drained(self, seconds: float = 15) -> bool:
        """Wait (in a worker) until every queued save has landed; False if the database stayed busy."""
        deadline = time.monotonic() + seconds
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.05)
        return not self._queue.unfinished_tasks

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-consent", description="Submitting")
    def _prepare_submit(self, story_id: str) -> None:
        from evidencebot.assistant.screen_services import submit_question

        question = self._submit_step(story_id, submit_question)
        if question is not None:
            self.app.call_from_thread(self._confirm_submit, story_id, question)

    def _submit_step(self, story_id: str, call):
        """``call(conversation, story_id)`` once every queued save has landed (so a save never follows the submission);
        None, with the reason announced, when the saves have not landed or the story cannot be submitted."""
        from evidencebot.errors import InputError

        if not self._drained():
            self.post_message(StoryGovernance(story_id, False, "Not submitted: the last changes are not saved yet "
                                              "(the database is busy). Try again in a moment."))
            return None
        try:
            return call(self.app.conversation, story_id)
        except InputError as exc:
            self.post_message(StoryGovernance(story_id, False, f"Not submitted: {exc}"))
            return None

    def _confirm_submit(self, story_id: str, question: str) -> None:
        from evidencebot.tui.screens.confirm import ConfirmChange

        def answered(yes: bool | None) -> None:
            if yes and story_id == self.story_id:
                self._take_widgets()
                self._flush()
                self._submit(story_id)
            else:
                self._announce(True, "Not submitted: the story stays a draft.")

        self.app.push_screen(ConfirmChange(question, "Submit"), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-consent", description="Submitting")
    def _submit(self, story_id: str) -> None:
        from evidencebot.assistant.screen_services import submit_story

        row = self._submit_step(story_id, submit_story)
        if row is None:
            return
        self.post_message(StoryGovernance(story_id, True, f"Submitted story {story_id} by {row['submitted_by']}: "
                                          "it now needs approval by a colleague.", row, None))

    # ------------------------------------------------------------ moving between parts

    def _fields(self):
        """Ctrl+Down/Up stops: each part, the consent button, then Submit."""
        return [self.query_one(f"#field-{s.field}") if s.kind != "consent" else self.query_one("#consent-change")
                for s in STEPS] + [self.query_one("#story-submit")]

    def action_next_part(self) -> None:
        self.action_move("ctrl+down")

    def action_previous_part(self) -> None:
        self.action_move("ctrl+up")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # While a story loads, moving keys are not bindings: they reach on_key and are kept in order
        # with the characters typed around them.
        if action in ("move", "next_part", "previous_part") and self._loading:
            return False
        return True

    def action_move(self, key: str) -> None:
        """Tab, Shift+Tab, Ctrl+Down/Up."""
        if key in ("tab", "shift+tab"):
            self.focus_next() if key == "tab" else self.focus_previous()
        else:
            self._move(1 if key == "ctrl+down" else -1)

    def _move(self, step: int) -> None:
        fields = self._fields()
        focused = self.focused
        index = next((i for i, w in enumerate(fields) if w is focused), -1)
        target = fields[max(0, min(len(fields) - 1, index + step))]
        self.set_focus(target)  # at once (not after a refresh): the next key typed goes to it
        target.scroll_visible()
