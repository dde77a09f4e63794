"""Story capture: the four parts, then domains, goals and consent.

Every field is saved as it is typed: a change waits 0.3 s for the next key,
then goes on a queue that one long-lived write worker drains in order
(:func:`evidencebot.store.search.save_story_draft`). The worker also reads
each saved part with the privacy rules and posts the findings back, so a
name or an NHS number is flagged while the user is still writing.
"""

from __future__ import annotations

import queue

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Footer,
    Header,
    Input,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)
from textual.worker import get_current_worker

from evidencebot.assistant.stories import STEPS
from evidencebot.tui.base import SubScreen
from evidencebot.tui.messages import StoryLoaded, StorySaved

SAVE_DELAY = 0.3
CONSENTS = ("external", "internal", "none")
DOMAINS = ("safety", "stability", "experience")


class StoryScreen(SubScreen):
    BINDINGS = SubScreen.BINDINGS + [
        Binding("ctrl+down", "next_part", "Next part", id="story-next", tooltip="Go to the next question."),
        Binding("ctrl+up", "previous_part", "Previous part", id="story-previous",
                tooltip="Go back to the previous question."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.story_id: str | None = None
        self._values: dict[str, object] = {}
        """What the database holds (loaded or last queued) for each field."""
        self._pending: dict[str, object] = {}
        self._timer: Timer | None = None
        self._queue: queue.Queue = queue.Queue()
        self._loading = False

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
                    yield Input(id=f"field-{step.field}", classes="story-line")
                elif step.kind == "domains":
                    yield SelectionList[str](*[(d, d) for d in DOMAINS], id=f"field-{step.field}",
                                             classes="story-choice")
                elif step.kind == "consent":
                    with RadioSet(id=f"field-{step.field}", classes="story-choice"):
                        for c in CONSENTS:
                            yield RadioButton(c, value=c == "none", id=f"consent-{c}")
                if step.kind in ("text", "line"):
                    yield Static("", id=f"privacy-{step.field}", classes="privacy", markup=False)
        yield Static("", id="story-status", classes="status-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._writer()
        for widget in self.query(".privacy"):
            widget.display = False

    def on_screen_resume(self) -> None:
        wanted = self.app.conversation.state.story_id
        if wanted is None:
            self.query_one("#story-heading", Static).update("No story is open: type `new story` in the chat.")
            return
        if wanted != self.story_id:
            self._flush()
            self.story_id = wanted
            self._loading = True
            self.query_one("#story-status", Static).update("opening…")
            self._read(wanted)
        else:
            self._focus_first_empty()

    def on_screen_suspend(self) -> None:
        self._flush()

    def on_unmount(self) -> None:
        self._flush()
        self._queue.put(None)

    # ------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-reader", description="Opening the story")
    def _read(self, story_id: str) -> None:
        from evidencebot.assistant.stories import privacy_findings
        from evidencebot.errors import InputError
        from evidencebot.store.search import load_story

        db = self.app.conversation.connect()
        try:
            try:
                row = load_story(db, story_id)
            except InputError:
                row = {"story_id": story_id}
        finally:
            db.close()
        findings = {s.field: privacy_findings(row.get(s.field) or "") for s in STEPS if s.kind in ("text", "line")}
        self.post_message(StoryLoaded(story_id, row, findings))

    @on(StoryLoaded)
    def _loaded(self, message: StoryLoaded) -> None:
        if message.story_id != self.story_id:
            return
        row = message.row
        self._values = {}
        for step in STEPS:
            widget = self.query_one(f"#field-{step.field}")
            value = row.get(step.field)
            if step.kind == "text":
                widget.load_text(value or "")
                self._values[step.field] = value or ""
            elif step.kind == "line":
                text = value or ""
                if step.field == "title" and text == "Untitled story" and "created_at" in row:
                    text = ""
                widget.value = text
                self._values[step.field] = text
            elif step.kind == "domains":
                chosen = [d for d in (value or "").split(";") if d]
                widget.deselect_all()
                for d in chosen:
                    widget.select(d)
                self._values[step.field] = chosen
            elif step.kind == "consent":
                consent = value or "none"
                self.query_one(f"#consent-{consent}", RadioButton).value = True
                self._values[step.field] = consent
        self._show_privacy(message.findings)
        new = "created_at" not in row
        self.query_one("#story-heading", Static).update(
            f"Story {self.story_id} · {'new, saved as you type' if new else (row.get('status') or 'draft')}"
        )
        self.query_one("#story-status", Static).update(
            "Everything you type is saved." if new else "Opened. Everything you type is saved.")
        self._loading = False
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        for step in STEPS:
            if step.kind in ("text", "line"):
                widget = self.query_one(f"#field-{step.field}")
                value = widget.text if step.kind == "text" else widget.value
                if not value:
                    widget.focus()
                    return
        self.query_one("#field-title").focus()

    # ------------------------------------------------------------ typing

    def _changed_value(self, field: str, value) -> None:
        if self._loading or self.story_id is None:
            return
        if self._values.get(field) == value and field not in self._pending:
            return
        self._pending[field] = value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self._flush)
        self.query_one("#story-status", Static).update("saving…")

    @on(TextArea.Changed, ".story-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._changed_value(event.text_area.id.removeprefix("field-"), event.text_area.text)

    @on(Input.Changed, ".story-line")
    def _line_changed(self, event: Input.Changed) -> None:
        self._changed_value(event.input.id.removeprefix("field-"), event.value)

    @on(SelectionList.SelectedChanged)
    def _domains_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._changed_value("domains", [d for d in DOMAINS if d in event.selection_list.selected])

    @on(RadioSet.Changed)
    def _consent_changed(self, event: RadioSet.Changed) -> None:
        button = event.pressed
        if button is not None and button.id:
            self._changed_value("consent", button.id.removeprefix("consent-"))

    def _flush(self) -> None:
        """Queue everything typed since the last save for the write worker."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending or self.story_id is None:
            return
        fields = dict(self._pending)
        self._pending.clear()
        self._values.update(fields)
        self._queue.put((self.story_id, fields))

    # ------------------------------------------------------------ the write worker

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-writer", description="Saving the story")
    def _writer(self) -> None:
        """Drain the queue in order until the screen goes; one connection, one writer."""
        from evidencebot.assistant.stories import completeness, privacy_findings
        from evidencebot.store.search import save_story_draft

        worker = get_current_worker()
        db = self.app.conversation.connect()
        try:
            while True:
                try:
                    item = self._queue.get(timeout=0.1)
                except queue.Empty:
                    if worker.is_cancelled:
                        return
                    continue
                if item is None:
                    return
                story_id, fields = item
                # Coalesce what is already waiting for the same story: fewer writes, same result.
                while True:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None or more[0] != story_id:
                        self._queue.put(more)
                        break
                    fields.update(more[1])
                row = save_story_draft(db, story_id, fields)
                findings = {f: privacy_findings(row.get(f) or "") for f in fields
                            if f in ("title", "context", "support_approach", "delivery", "evidence", "goal_ids")}
                self.post_message(StorySaved(story_id, sorted(fields), findings, completeness(row)))
        finally:
            db.close()

    @on(StorySaved)
    def _saved(self, message: StorySaved) -> None:
        if message.story_id != self.story_id:
            return
        self._show_privacy(message.findings)
        if self._pending:
            return
        missing = f" · still to write: {', '.join(message.missing)}" if message.missing else " · all four parts written"
        self.query_one("#story-status", Static).update(f"✓ saved{missing}")
        self.query_one("#story-heading", Static).update(f"Story {self.story_id} · draft")

    def _show_privacy(self, findings: dict) -> None:
        for field, found in findings.items():
            try:
                panel = self.query_one(f"#privacy-{field}", Static)
            except Exception:
                continue
            if found:
                panel.update("\n".join(
                    f"⚠ “{f.match}”: {f.message.split('. ')[0].rstrip('.')}." for f in found[:3]))
                panel.display = True
            else:
                panel.update("")
                panel.display = False

    def worker_failed(self, worker) -> None:
        if worker.group == "story-writer":
            self.query_one("#story-status", Static).update("✗ not saved: see the message; keep this screen open")
            self._writer()

    # ------------------------------------------------------------ moving between parts

    def _fields(self):
        return [self.query_one(f"#field-{s.field}") for s in STEPS]

    def action_next_part(self) -> None:
        self._move(1)

    def action_previous_part(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        fields = self._fields()
        focused = self.focused
        index = next((i for i, w in enumerate(fields) if w is focused), -1)
        target = fields[max(0, min(len(fields) - 1, index + step))]
        target.focus()
        target.scroll_visible()
