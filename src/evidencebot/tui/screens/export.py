"""Export: choose what, the format and the file; refusals say why.

What is preselected is the document in front of you: the draft when you came
from the editor, the story when you came from the story form. Files go to the
documents folder (``[documents] folder``, else ``documents`` in the data
directory), shown under the path and changeable by editing it; an existing file
is replaced only after you confirm it by name. A draft opened from a Word file
(``/open draft.docx``) is also offered as "Word with findings as comments" (and
that is preselected): a copy of the draft as it stands with each finding as a
Word comment; the file it came from is never written.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Button,
    Header,
    Input,
    RadioSet,
    Select,
    Static,
)

from evidencebot.tui.base import SubScreen
from evidencebot.tui.messages import ExportChoices, ExportFinished
from evidencebot.tui.widgets.footer import Footer
from evidencebot.tui.widgets.line_input import LineInput
from evidencebot.tui.widgets.toggles import GlyphCheckbox as Checkbox
from evidencebot.tui.widgets.toggles import GlyphRadioButton as RadioButton

FORMATS = (("docx", "Word"), ("html", "HTML"), ("md", "Markdown"))


class ExportScreen(SubScreen):
    BINDINGS = SubScreen.BINDINGS + [
        Binding("ctrl+s", "export", "Export", id="export-now", tooltip="Write the file now."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._stories: list = []
        self._has_draft = False
        self._shown_story: str | None = None
        self._asking = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="export-form"):
            yield Static("What to export", classes="form-label")
            with RadioSet(id="ex-what"):
                yield RadioButton("The open draft", id="what-draft", value=True)
                yield RadioButton("A story", id="what-story")
            yield Select([], prompt="choose a story", id="ex-story")
            yield Static("Format", classes="form-label")
            with RadioSet(id="ex-format"):
                for key, label in FORMATS:
                    yield RadioButton(label, id=f"fmt-{key}", value=key == "docx")
                yield RadioButton("Word with findings as comments", id="fmt-comments")
            yield Static("File", classes="form-label")
            yield LineInput(id="ex-path")
            yield Static("", id="ex-folder", classes="hint", markup=False)
            with Horizontal(id="ex-actions"):
                yield Checkbox("Replace the file if it exists", id="ex-force")
                yield Button("Export", id="ex-go", variant="primary")
            yield Static("", id="ex-result", markup=False)
        yield Footer()

    def on_screen_resume(self) -> None:
        if self._asking:  # back from "replace the file?": keep the choices as they are
            self._asking = False
            return
        from evidencebot.assistant.exporting import COMMENTS, from_word

        word = from_word(self.app.conversation.state.draft)
        fmt = self.app.conversation.state.export_format or "docx"
        if fmt == COMMENTS and not word:
            fmt = "docx"
        elif fmt == "docx" and word:
            fmt = COMMENTS  # a draft opened from Word goes back with its findings, unless you choose otherwise
        comments = self.query_one(f"#fmt-{COMMENTS}", RadioButton)
        comments.display = word
        self.query_one(f"#fmt-{fmt}", RadioButton).value = True
        self._choices()

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-reader", description="Listing stories")
    def _choices(self) -> None:
        from evidencebot.assistant.screen_services import export_choices

        stories = export_choices(self.app.conversation)
        doc = self.app.conversation.state.draft
        has_draft = doc is not None and bool(doc.text.strip())
        self.post_message(ExportChoices(stories, has_draft, (doc.title if doc else "") or "Draft"))

    @on(ExportChoices)
    def _fill(self, message: ExportChoices) -> None:
        self._stories = message.stories
        self._has_draft = message.has_draft
        select = self.query_one("#ex-story", Select)
        select.set_options(
            [(f"{sid} {title[:40]}" + ("" if not reasons else f" — ✗ {reasons[0]}"), sid)
             for sid, title, reasons in message.stories]
        )
        state = self.app.conversation.state
        current = state.story_id
        if current and any(sid == current for sid, _t, _r in message.stories):
            self._shown_story = current  # showing the story in the list is not choosing to export a story
            select.value = current
        draft_button = self.query_one("#what-draft", RadioButton)
        draft_button.label = f"The open draft: {message.draft_title}" if message.has_draft else "The open draft (none open)"
        story_in_front = state.front == "story" and current is not None
        if story_in_front or not message.has_draft:
            self.query_one("#what-story", RadioButton).value = True
        else:
            self.query_one("#what-draft", RadioButton).value = True
        self._suggest_path()


    def _format(self) -> str:
        pressed = self.query_one("#ex-format", RadioSet).pressed_button
        return pressed.id.removeprefix("fmt-") if pressed is not None and pressed.id else "docx"

    def _what(self) -> str:
        pressed = self.query_one("#ex-what", RadioSet).pressed_button
        return "story" if pressed is not None and pressed.id == "what-story" else "draft"

    def _suggest_path(self) -> None:
        from evidencebot.assistant.exporting import COMMENTS, comments_path, default_path, documents_folder

        fmt = self._format()
        if fmt == COMMENTS and self._what() == "draft" and self.app.conversation.state.draft is not None:
            self._show_path(comments_path(documents_folder(), self.app.conversation.state.draft))
            return
        if self._what() == "story":
            value = self.query_one("#ex-story", Select).value
            name = f"story-{value}" if isinstance(value, str) else "story"
        else:
            doc = self.app.conversation.state.draft
            name = (doc.title if doc is not None and doc.title else "draft")
        self._show_path(default_path(documents_folder(), name, "docx" if fmt == COMMENTS else fmt))

    def _show_path(self, value: Path) -> None:
        from evidencebot.assistant.exporting import shown_folder

        folder = value.parent
        self.query_one("#ex-path", Input).value = str(value)
        self.query_one("#ex-folder", Static).update(
            f"Documents folder: {shown_folder(folder)} (edit the path to write elsewhere; [documents] folder in config.toml "
            "changes the default)")

    @on(RadioSet.Changed)
    def _option_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "ex-format":
            self.app.conversation.state.export_format = self._format()
        self._suggest_path()

    @on(Select.Changed, "#ex-story")
    def _story_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value == self._shown_story:
            self._shown_story = None
        elif isinstance(event.value, str):
            self.query_one("#what-story", RadioButton).value = True
        self._suggest_path()

    @on(Button.Pressed, "#ex-go")
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_export()

    def action_export(self) -> None:
        what = self._what()
        story = self.query_one("#ex-story", Select).value
        if what == "story" and not isinstance(story, str):
            self._result(False, "Choose a story to export first.")
            return
        if what == "story" and self._format() == "comments":
            self._result(False, "Findings as comments are for a draft opened from Word: choose Word for a story.")
            return
        path = self.query_one("#ex-path", Input).value.strip()
        if not path:
            self._result(False, "Give a file name to write to.")
            return
        target = Path(path).expanduser()
        force = self.query_one("#ex-force", Checkbox).value
        if target.exists() and not force:
            from evidencebot.tui.screens.confirm import ConfirmChange

            def answered(yes: bool | None) -> None:
                if yes:
                    self._start_export(what, story, str(target), True)
                else:
                    self._result(False, f"Not exported: {target.name} is still as it was. Change the file name "
                                        "to keep both.")

            self._asking = True
            self.app.push_screen(ConfirmChange(
                f"**{target.name}** already exists in {target.parent}. Replace it with "
                f"{'story ' + str(story) if what == 'story' else 'the draft'}?", "Replace"), answered)
            return
        self._start_export(what, story, str(target), force)

    def _start_export(self, what: str, story, path: str, force: bool) -> None:
        self.query_one("#ex-result", Static).update("exporting…")
        self._export(what, story if what == "story" else None, self._format(), path, force)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", description="Exporting")
    def _export(self, what: str, story_id: str | None, fmt: str, path: str, force: bool) -> None:
        from evidencebot.assistant import exporting
        from evidencebot.assistant.screen_services import export
        from evidencebot.errors import InputError

        try:
            result = export(self.app.conversation, what, story_id, fmt, path, force=force, db_path=self.app.db_path)
        except exporting.ExportRefused as exc:
            self.post_message(ExportFinished(False, str(exc).split(":")[0] + ":", exc.reasons))
            return
        except InputError as exc:
            self.post_message(ExportFinished(False, str(exc)))
            return
        self.post_message(ExportFinished(True, f"Exported {result.what} as {result.format} to {result.path}",
                                         path=str(result.path)))

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        text = message.text
        if message.reasons:
            text += "\n" + "\n".join(f"• {r}" for r in message.reasons)
        self._result(message.ok, text)
        self.query_one("#ex-result", Static).scroll_visible()
        self.notify(message.text if message.ok else "Not exported: " + (message.reasons[0] if message.reasons else message.text),
                    severity="information" if message.ok else "warning", timeout=8, markup=False)

    def _result(self, ok: bool, text: str) -> None:
        result = self.query_one("#ex-result", Static)
        result.set_class(not ok, "-refused")
        result.set_class(ok, "-done")
        result.update(text)
