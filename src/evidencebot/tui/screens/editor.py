"""The draft editor: the text, the checker's findings beside it, one key to fix.

When typing pauses (0.6 s) the text is checked in a worker (the checker keeps
a paragraph cache, so only changed paragraphs are read again). Every change
goes at once into the unsaved-text journal (:mod:`evidencebot.assistant.journal`)
and to the ``drafts`` table at most 0.5 s later, even while typing goes on, and
on focus loss and on leaving; a write that cannot get the database's lock is
retried, the status says "not saved yet" until it lands, and only then is the
journal entry dropped. The word count, the question's sub-points
covered and the findings all come back in one message.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Header, MarkdownViewer, OptionList, Static, TextArea
from rich.text import Text
from textual.widgets.option_list import Option

from evidencebot.tui.base import SubScreen
from evidencebot.tui.messages import CheckFinished, DraftBusy, DraftSaved
from evidencebot.tui.widgets.checked_text_area import CheckedTextArea
from evidencebot.tui.widgets.footer import Footer
from evidencebot.tui.widgets.shown_text import show_text

CHECK_DELAY = 0.6
SAVE_DELAY = 0.5
"""The longest a change waits before it is written to the database (typing on does not delay it)."""
SEVERITY_MARK = {"error": "✖", "warning": "▲", "suggestion": "·"}


def journal_key(doc) -> str:
    return f"draft-{doc.draft_id}" if doc.draft_id is not None else f"new-{id(doc)}"


def journal_fields(doc, text: str | None = None) -> dict:
    return {"text": doc.text if text is None else text, "title": doc.title, "question": doc.question,
            "word_limit": doc.word_limit, "kind": doc.kind, "period": doc.period, "draft_id": doc.draft_id}


class EditorScreen(SubScreen):
    BINDINGS = SubScreen.BINDINGS + [
        Binding("ctrl+r", "apply_fix", "Apply fix", id="apply-fix",
                tooltip="Replace the selected finding's words with a suggested alternative "
                        "(a list to choose from when there are several)."),
        Binding("f8", "next_finding", "Next finding", id="next-finding",
                tooltip="Move the cursor to the next finding."),
        Binding("ctrl+l", "recheck", "Check now", id="recheck", tooltip="Check the whole text again now."),
        Binding("ctrl+s", "save_version", "Save version", id="save-version",
                tooltip="Save the draft as a new numbered version."),
        Binding("ctrl+o", "toggle_preview", "Read/Edit", id="toggle-preview",
                tooltip="Switch between the draft as a document (tables rendered) and the text to edit."),
        Binding("ctrl+b", "swap_block", "Swap block", id="swap-block",
                tooltip="An assembled tender answer: put another matching method block in one of its parts "
                        "(the answer is assembled and checked again)."),
        Binding("ctrl+g", "list_gaps", "Gaps", id="list-gaps",
                tooltip="List the answer's gaps (parts to write, names and items the buyer gives that no sentence "
                        "speaks to, statements to confirm); choose one to go to it."),
        Binding("ctrl+n", "save_part_block", "Save as block", id="save-part-block",
                tooltip="Save the text of the part the cursor is in as a draft method block (title from its heading, "
                        "tags from the ask, for this buyer's answers); once a colleague approves it, the next draft "
                        "of that part uses it."),
        Binding("f9", "remove_personal_data", "Remove personal data", id="remove-personal-data", show=False,
                tooltip="Replace every piece of personal data the checker found with “[removed]”."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.doc = None
        self.findings: list = []
        self._timer: Timer | None = None
        self._checked_text: str | None = None
        self._saved_text: str | None = None
        self._save_timer: Timer | None = None
        self._queued_text: str | None = None
        """The text last handed to the writer."""
        self._shown_unsaved = False
        self._busy = False
        self._journal_key: str | None = None
        self.saved_block: str | None = None
        """The last part saved as a block (Ctrl+N)."""
        import threading

        self._write_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="editor-question", classes="question", markup=False)
        with Horizontal(id="editor-body"):
            yield CheckedTextArea(id="draft", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
            yield MarkdownViewer(id="draft-preview", show_table_of_contents=False)
            with Vertical(id="editor-side"):
                yield Static("Findings", id="findings-title", classes="side-title")
                yield OptionList(id="findings")
                yield Static("", id="finding-detail")
        yield Static("", id="editor-status", classes="status-line", markup=False)
        yield Footer()

    @property
    def text_area(self) -> CheckedTextArea:
        return self.query_one("#draft", CheckedTextArea)

    def on_mount(self) -> None:
        self.watch(self.app, "language_text", lambda _text: self._show_status())
        self.query_one("#draft-preview").display = False

    @property
    def previewing(self) -> bool:
        return bool(self.query_one("#draft-preview").display)

    def action_toggle_preview(self) -> None:
        self._preview(not self.previewing)

    def _preview(self, on: bool) -> None:
        """Show the draft as a document (Markdown rendered: headings, tables) or as text to edit."""
        viewer = self.query_one("#draft-preview", MarkdownViewer)
        if on:
            viewer.document.update(self.text_area.text)
        viewer.display = on
        self.text_area.display = not on
        (viewer if on else self.text_area).focus()
        self._show_status()

    def on_screen_resume(self) -> None:
        self.app.conversation.state.front = "editor"
        doc = self.app.conversation.state.draft
        if doc is None:
            from evidencebot.assistant.editing import DraftDoc

            doc = DraftDoc(kind="text", title="New draft")
            self.app.conversation.state.draft = doc
        if doc is not self.doc:
            self._load(doc)
        if self.app.conversation.state.insert:
            self._insert_at_sub_point(self.app.conversation.state.insert)
            self.app.conversation.state.insert = None
            self._preview(False)
        if not self.previewing:
            self.text_area.focus()

    def _insert_at_sub_point(self, excerpt: str) -> None:
        """Put ``excerpt`` at the end of the sub-point (heading section) the cursor is in."""
        from evidencebot.assistant.editing import current_heading, insert_under

        text = self.text_area.text
        row = self.text_area.cursor_location[0]
        self.text_area.load_text(insert_under(text, excerpt, current_heading(text, row)))
        start = self.text_area.text.find(excerpt)
        if start >= 0:
            self._select_span(start, start + len(excerpt))

    def _load(self, doc) -> None:
        self.doc = doc
        self.findings = []
        self._checked_text = None
        self._saved_text = doc.text
        self._queued_text = None
        self._journal_key = journal_key(doc)
        unsaved = self.app.conversation.journal.pending("draft", self._journal_key)
        if unsaved.get("text") is not None:
            doc.text = unsaved["text"]
            self._saved_text = None  # restored from the journal: it goes to the database now
        question = self.query_one("#editor-question", Static)
        if doc.question:
            limit = f" ({doc.word_limit} words)" if doc.word_limit else ""
            question.update(f"Q{limit}: {' '.join(doc.question.split())}")
            question.display = True
        else:
            question.update("")
            question.display = False
        self.sub_title = doc.title or "Draft"
        self.text_area.load_text(doc.text)
        self._preview(doc.kind == "review")  # a review reads as a document first; Ctrl+O to edit it
        self.text_area.set_findings([])
        self._fill_findings()
        self._status = None
        self._show_status("checking…" if doc.text.strip() else "")
        if doc.text.strip():
            self._check(doc.text)
        if self._saved_text is None:
            self._save_now()

    # ------------------------------------------------------------ checking

    @on(TextArea.Changed, "#draft")
    def _changed(self, event: TextArea.Changed) -> None:
        if self.doc is None:
            return
        self.doc.text = event.text_area.text
        if self.doc.text not in (self._saved_text, self._queued_text):
            self._journal()
            if self._save_timer is None:  # at most SAVE_DELAY after the first unsaved change
                self._save_timer = self.set_timer(SAVE_DELAY, self._save_now)
            if self._save_timer is not None and not self._shown_unsaved:
                self._shown_unsaved = True
                self._show_status()  # "not saved yet" from the first unsaved key
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self._check_now)

    def _journal(self) -> None:
        doc = self.doc
        self.app.conversation.journal.add("draft", self._journal_key, journal_fields(doc))

    def _save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.doc is not None and self.doc.text not in (self._saved_text, self._queued_text):
            self._journal()
            self._queued_text = self.doc.text
            self._save(self.doc.text)

    def on_descendant_blur(self, event) -> None:
        self._save_now()

    def on_screen_suspend(self) -> None:
        self._save_now()

    def unsaved(self) -> bool:
        return self.doc is not None and (self.doc.text != self._saved_text
                                         or bool(self.app.conversation.journal.pending("draft", self._journal_key)))

    def _check_now(self) -> None:
        text = self.text_area.text
        if text == self._checked_text:
            return
        if not text.strip():
            self._checked_text = text
            self.findings = []
            self.text_area.set_findings([])
            self._fill_findings()
            self._show_status()
            return
        waiting = "" if self.app.conversation.language.settled else " (waiting for the language model)"
        self._show_status(f"checking…{waiting}")
        self._check(text)

    def action_recheck(self) -> None:
        self._checked_text = None
        self._check(self.text_area.text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="checker", description="Checking the draft")
    def _check(self, text: str) -> None:
        from evidencebot.assistant import checking, editing

        report = checking.check(text, db_path=self.app.db_path)
        status = editing.status(self.doc, text)
        self.post_message(CheckFinished(text, report, status))

    @on(CheckFinished)
    def _checked(self, message: CheckFinished) -> None:
        if message.text != self.text_area.text:
            return  # typed since: the next check is on its way
        self._checked_text = message.text
        self.findings = list(message.report.findings)
        self.text_area.set_findings(self.findings)
        self._fill_findings(message.report.note)
        self._status = message.status
        self._show_status()
        self._warn_personal_data()

    def _warn_personal_data(self) -> None:
        """Drafts are saved as you type: the first time one holds personal data, say so once and offer
        to take it out."""
        personal = [f for f in self.findings if f.family == "privacy"]
        doc = self.doc
        if not personal or doc is None or getattr(doc, "privacy_warned", False):
            return
        doc.privacy_warned = True
        if doc.draft_id is not None:
            self._record_warning(doc.draft_id)  # (a new draft records it with its first save)
        listed = ", ".join(f"“{f.match}”" for f in personal[:3]) + (" …" if len(personal) > 3 else "")
        self.notify(f"This draft holds personal data ({listed}) and drafts are saved as you type. "
                    "F9 replaces each with “[removed]”.", title="Personal data", severity="warning",
                    timeout=12, markup=False)

    @work(thread=True, exclusive=False, exit_on_error=False, group="draft-writer", description="Saving the draft")
    def _record_warning(self, draft_id: int) -> None:
        from evidencebot.assistant.screen_services import mark_privacy_warned

        mark_privacy_warned(self.app.conversation, draft_id)

    def action_remove_personal_data(self) -> None:
        personal = [f for f in self.findings if f.family == "privacy"]
        if not personal:
            self.notify("No personal data found in the draft.", timeout=4)
            return
        self._redact(personal)

    def _redact(self, personal) -> None:
        from evidencebot.assistant.editing import redact

        text = self.text_area.text
        cleaned = redact(text, personal)
        if cleaned != text:
            self.text_area.load_text(cleaned)  # a Changed event follows: journalled, saved and checked again
            self.notify(f"Removed {len(personal)} piece(s) of personal data from the draft.", timeout=5)

    def _fill_findings(self, note: str = "") -> None:
        options = self.query_one("#findings", OptionList)
        options.clear_options()
        for i, f in enumerate(self.findings):
            label = f"{SEVERITY_MARK.get(f.severity, '·')} {f.line}:{f.column} {f.match[:24]}"
            options.add_option(Option(Text(label), id=f"finding-{i}"))
        title = self.query_one("#findings-title", Static)
        show_text(title, f"Findings ({len(self.findings)})" if self.findings else "Findings: none")
        detail = self.query_one("#finding-detail", Static)
        show_text(detail, note if not self.findings else "")
        if self.findings:
            options.highlighted = 0

    def _show_status(self, extra: str | None = None) -> None:
        if not self.is_mounted:
            return
        parts = []
        status = getattr(self, "_status", None)
        assembled = getattr(self.doc, "assembled", None) if self.doc is not None else None
        if status is not None:
            parts.append(status.words_text())
            if status.coverage:
                # an assembled answer's parts are marked by their coverage rows: 'partly' is not ✓
                rows = {k: r.status for r in getattr(assembled, "coverage", None) or [] for k in (r.key, r.label)}
                parts.append(status.coverage_text(rows))
        if getattr(assembled, "coverage", None):
            from evidencebot.compose.tender import coverage_brief

            parts.append(coverage_brief(assembled))  # each part and its coverage status
        if self.findings:
            errors = sum(1 for f in self.findings if f.severity == "error")
            parts.append(f"{len(self.findings)} findings" + (f" ({errors} errors)" if errors else ""))
        if self.doc is not None and self.doc.text.strip():
            if self._busy:
                parts.append("not saved yet: the database is busy; retrying, your text is kept safe")
            elif self.unsaved():
                parts.append("not saved yet")
            else:
                parts.append("✓ saved")
        if self.previewing:
            parts.append("reading: Ctrl+O to edit")
        if extra:
            parts.append(extra)
        elif self.app.conversation.language.state == "loading":
            parts.append("loading language model…")
        show_text(self.query_one("#editor-status", Static), " · ".join(parts) or "Type or paste your draft.")

    # ------------------------------------------------------------ the findings list

    def _selected(self):
        options = self.query_one("#findings", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self.findings):
            return None
        return self.findings[index]

    @on(OptionList.OptionHighlighted, "#findings")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        f = self._selected()
        if f is None:
            return
        lines = [f"[b]{f.severity}[/b] · {f.family} · {f.rule}", f.message]
        if f.suggestions:
            lines.append("Try: " + " | ".join(f.suggestions[:3]))
        from rich.markup import escape

        detail = self.query_one("#finding-detail", Static)
        detail.update("\n".join([lines[0]] + [escape(x) for x in lines[1:]]))

    @on(OptionList.OptionSelected, "#findings")
    def _go_to(self, event: OptionList.OptionSelected) -> None:
        f = self._selected()
        if f is not None:
            self._select_span(f.start, f.end)
            self.text_area.focus()

    def _select_span(self, start: int, end: int) -> None:
        from textual.widgets.text_area import Selection

        document = self.text_area.document
        size = len(self.text_area.text)
        a = document.get_location_from_index(min(start, size))
        b = document.get_location_from_index(min(end, size))
        self.text_area.selection = Selection(a, b)
        self.text_area.scroll_cursor_visible()

    def action_next_finding(self) -> None:
        if not self.findings:
            self.notify("No findings.", timeout=3)
            return
        options = self.query_one("#findings", OptionList)
        current = options.highlighted
        options.highlighted = 0 if current is None else (current + 1) % len(self.findings)
        f = self._selected()
        if f is not None:
            self._select_span(f.start, f.end)

    def action_apply_fix(self) -> None:
        """Apply the selected finding's replacement; with several, let the user pick one first."""
        from evidencebot.assistant import checking

        f = self._selected()
        if f is None:
            self.notify("No finding is selected.", severity="warning", timeout=4)
            return
        choices = checking.replacement_choices(f)
        if not choices:
            advice = f.suggestions[0] if f.suggestions else "reword it by hand"
            self.notify(f"No replacement text for this one: {advice}", severity="warning", timeout=6,
                        markup=False)
            return
        if len(choices) == 1:
            self._apply_fix(f, choices[0][0])
            return
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        def chosen(index: int | None) -> None:
            if index is not None:
                self._apply_fix(f, index)
            self.text_area.focus()

        self.app.push_screen(SuggestionPicker(f.match, choices), chosen)

    def _apply_fix(self, f, index: int) -> None:
        from evidencebot.assistant import checking
        from evidencebot.errors import EvidencebotError

        text = self.text_area.text
        try:
            start, end, new = checking.suggestion_edit(text, f, index)
        except EvidencebotError as exc:
            self.notify(str(exc), severity="warning", timeout=6, markup=False)
            return
        document = self.text_area.document
        self.text_area.replace(new, document.get_location_from_index(start), document.get_location_from_index(end))
        self.findings = [x for x in self.findings if x is not f]
        self._fill_findings()
        self.notify(f"Replaced “{f.match}” with “{new}”.", timeout=4, markup=False)

    # ------------------------------------------------------------ swapping a part's method block

    def action_swap_block(self) -> None:
        """List other matching blocks for the parts of an assembled answer; the chosen one is put in."""
        from evidencebot.assistant.screen_services import block_swap_choices

        answer = getattr(self.doc, "assembled", None) if self.doc is not None else None
        if answer is None or not hasattr(answer, "plan"):
            self.notify("Swapping a block works on an answer the assistant assembled "
                        "(ask: draft an answer to …).", severity="warning", timeout=5)
            return
        choices = block_swap_choices(self.app.conversation, answer)
        if not choices:
            self.notify("No other approved block matches these parts.", severity="warning", timeout=5)
            return
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        def chosen(index: int | None) -> None:
            if index is not None:
                key, _line, block = choices[index]
                self.notify(f"Putting “{block.title}” in the part and checking the answer again…", timeout=4,
                            markup=False)
                self._swap(answer, key, block.block_id, getattr(self.doc, "tender_ref", None))
            self.text_area.focus()

        self.app.push_screen(SuggestionPicker("", [(i, line) for i, (_k, line, _b) in enumerate(choices)],
                                              title="Put another approved block in a part (part → block):"),
                             chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="swap-block", description="Swapping a block")
    def _swap(self, answer, key: str, block_id: str, tender_ref: str | None = None) -> None:
        from evidencebot.assistant.screen_services import swap_block

        new = swap_block(self.app.conversation, answer, key, block_id, tender_ref=tender_ref)
        self.app.call_from_thread(self._swapped, new)

    def _swapped(self, new) -> None:
        self.doc.assembled = new
        self.text_area.load_text(new.markdown)  # a Changed event follows: journalled, saved and checked again
        self._show_status()

    # ------------------------------------------------------------ gaps: go to one, save what was written as a block

    def action_list_gaps(self) -> None:
        """List the answer's gaps; the chosen one's part gets the cursor (at its marker, else at the part's end)."""
        from evidencebot.assistant.screen_services import answer_gaps

        if self.doc is None:
            return
        text = self.text_area.text
        found = answer_gaps(self.doc, text)
        if not found:
            self.notify("No gaps left in this answer.", timeout=4)
            return
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        def chosen(index: int | None) -> None:
            if index is not None:
                self._go_to_gap(found[index])
            self.text_area.focus()

        self.app.push_screen(SuggestionPicker("", [(i, g.line()) for i, g in enumerate(found)],
                                              title=f"{len(found)} gap{'s' if len(found) != 1 else ''}: choose one to "
                                                    "go to it, write it, then Ctrl+N saves the part as a block"),
                             chosen)

    def _go_to_gap(self, gap) -> None:
        from evidencebot.compose import gapflow

        if self.previewing:
            self._preview(False)
        text = self.text_area.text
        span = gapflow.part_span(text, gap.heading or gap.part) if (gap.heading or gap.part) else None
        if span is None:
            at = max(gap.offset, 0)
            self._select_span(at, at)
            return
        body = text[span[0]:span[1]]
        marker = gapflow.gaps.WRITER_MARKER.search(body)
        if marker is not None:  # the marker selected: typing replaces it
            self._select_span(span[0] + marker.start(), span[0] + marker.end())
        else:
            end = span[0] + len(body.rstrip())
            self._select_span(end, end)
        self.notify(f"{gap.line()}", title="Gap", timeout=6, markup=False)

    def action_save_part_block(self) -> None:
        """Save the cursor's part as a draft method block (in a worker)."""
        from evidencebot.assistant.editing import current_heading
        from evidencebot.assistant.screen_services import part_gap

        if self.doc is None:
            return
        text = self.text_area.text
        row = current_heading(text, self.text_area.cursor_location[0])
        if row is None:
            self.notify("Put the cursor in a part (under its heading) to save it as a block.", severity="warning",
                        timeout=5)
            return
        heading = text.split("\n")[row].lstrip("#").strip()
        self._save_block(text, part_gap(self.doc, text, heading))

    @work(thread=True, exclusive=True, exit_on_error=False, group="save-block", description="Saving a block")
    def _save_block(self, text: str, gap) -> None:
        from evidencebot.assistant.screen_services import save_gap_block
        from evidencebot.errors import EvidencebotError

        try:
            block = save_gap_block(self.app.conversation, self.doc, text, gap)
        except EvidencebotError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning", timeout=8, markup=False)
            return
        from evidencebot.compose.gapflow import scope_words

        scope = f" {scope_words(block.buyer)}" if block.buyer else ""
        self.app.call_from_thread(
            self.notify, f"Saved “{block.title}” as draft block {block.block_id}{scope}. A colleague approves it "
            f"(library submit {block.block_id}, then approve); the next draft of this part then uses it.",
            title="Saved as block", timeout=10, markup=False)
        self.saved_block = block.block_id

    # ------------------------------------------------------------ saving

    @work(thread=True, exclusive=False, exit_on_error=False, group="draft-writer", description="Saving the draft")
    def _save(self, text: str, version: bool = False) -> None:
        from evidencebot.assistant.screen_services import save_draft_text

        doc = self.doc
        key = self._journal_key
        conversation = self.app.conversation
        with self._write_lock:  # one write at a time, in order
            fields = journal_fields(doc, text)

            def busy(attempt, _exc):
                self._busy = True
                self.post_message(DraftBusy(attempt))

            number, draft_id = save_draft_text(conversation, doc, text, version=version, waiting=busy)
            self._busy = False
            new_key = journal_key(doc)
            if new_key != key:
                conversation.journal.rename("draft", key, new_key)
            conversation.journal.landed_if("draft", new_key, "text", fields["text"])
        self.post_message(DraftSaved(draft_id, number, text))

    @on(DraftSaved)
    def _saved(self, message: DraftSaved) -> None:
        self._shown_unsaved = False
        if self.doc is not None:
            self._saved_text = message.text
            self._journal_key = journal_key(self.doc)
        if message.version:
            self.notify(f"Saved as version {message.version} of draft {message.draft_id}.", timeout=4)
        self._show_status()

    @on(DraftBusy)
    def _draft_busy(self, message: DraftBusy) -> None:
        self._show_status()

    def action_save_version(self) -> None:
        if self.doc is None or not self.text_area.text.strip():
            self.notify("Nothing to save yet.", severity="warning", timeout=4)
            return
        self.doc.text = self.text_area.text
        self._save(self.doc.text, True)
