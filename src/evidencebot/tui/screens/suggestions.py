"""A small list of a finding's suggested replacements, to pick one (Ctrl+R in the editor).

Shows what :func:`evidencebot.assistant.checking.replacement_choices` gives;
returns the chosen suggestion's index (or None) to the editor, which makes
the edit.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class SuggestionPicker(ModalScreen[int | None]):
    """Pick one of a finding's replacements: arrows and Enter, or its number; Escape cancels."""

    DEFAULT_CSS = """
    SuggestionPicker {
        align: center middle;
    }
    SuggestionPicker > Vertical {
        width: 64;
        max-width: 90%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    SuggestionPicker #pick-title {
        text-style: bold;
        color: $text-accent;
    }
    SuggestionPicker OptionList, SuggestionPicker OptionList:focus {
        height: auto;
        max-height: 10;
        border: none;
        padding: 0;
        margin: 1 0;
    }
    SuggestionPicker .hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pick-cancel", tooltip="Close the list and change nothing."),
        *[Binding(str(n), f"pick({n - 1})", str(n), show=False, id=f"pick-{n}",
                  tooltip=f"Apply suggestion {n}.") for n in range(1, 10)],
    ]

    def __init__(self, words: str, choices: list[tuple[int, str]], title: str | None = None) -> None:
        super().__init__()
        self.words = words
        self.choices = list(choices)
        self.title_text = title

    def compose(self) -> ComposeResult:
        shown = self.words if len(self.words) <= 40 else self.words[:39] + "…"
        with Vertical():
            yield Static(Text(self.title_text or f"Replace “{shown}” with:"), id="pick-title")
            yield OptionList(*[Option(Text(f"{n}  {text or '(delete the words)'}"), id=f"choice-{n}")
                               for n, (_index, text) in enumerate(self.choices, 1)], id="pick-list")
            yield Static(f"Enter or 1-{len(self.choices)}: apply · Esc: cancel", classes="hint")

    def on_mount(self) -> None:
        options = self.query_one("#pick-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#pick-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index)

    def action_pick(self, position: int) -> None:
        if 0 <= position < len(self.choices):
            self.dismiss(self.choices[position][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
