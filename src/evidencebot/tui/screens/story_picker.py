"""Pick one story from the chat's last story search (F7): Enter puts an excerpt into the open draft
(``/use story ID``), O opens the story; Escape changes nothing.

The list is the search reply's own hits (best match first), each with whether it may leave the
service; a story that may not is still listed, and "use" then says why it cannot be used.
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


class StoryPicker(ModalScreen[tuple[str, str] | None]):
    """Returns ``("use", id)``, ``("open", id)`` or None."""

    DEFAULT_CSS = """
    StoryPicker { align: center middle; }
    StoryPicker > Vertical {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    StoryPicker #story-pick-title { text-style: bold; color: $text-accent; }
    StoryPicker OptionList, StoryPicker OptionList:focus {
        height: auto; max-height: 12; border: none; padding: 0; margin: 1 0;
    }
    StoryPicker .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="story-pick-cancel", tooltip="Close the list and change nothing."),
        Binding("o", "choose('open')", "Open", id="story-pick-open", tooltip="Open the highlighted story."),
        Binding("u", "choose('use')", "Use in draft", id="story-pick-use",
                tooltip="Put an excerpt of the highlighted story into the open draft."),
    ]

    def __init__(self, about: str, hits: list[dict]) -> None:
        super().__init__()
        self.about = about
        self.hits = list(hits)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Stories{self.about}: pick one"), id="story-pick-title")
            yield OptionList(*[Option(self._line(n, h), id=f"pick-{h['story_id']}")
                               for n, h in enumerate(self.hits, 1)], id="story-pick-list")
            yield Static("Enter or U: use in the draft · O: open the story · Esc: cancel", classes="hint")

    @staticmethod
    def _line(n: int, hit: dict) -> Text:
        may = "✓ may be used externally" if hit.get("usable") else f"✗ internal only ({hit.get('why') or 'not approved'})"
        return Text(f"{n}. {hit['title']} ({hit['story_id']}) · {may}")

    def on_mount(self) -> None:
        options = self.query_one("#story-pick-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#story-pick-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("use", self.hits[event.option_index]["story_id"]))

    def action_choose(self, what: str) -> None:
        index = self.query_one("#story-pick-list", OptionList).highlighted
        if index is not None and 0 <= index < len(self.hits):
            self.dismiss((what, self.hits[index]["story_id"]))

    def action_cancel(self) -> None:
        self.dismiss(None)
