"""Ask before a change that matters (consent, approval, withdrawal): the question names the
story and the change; **Cancel** has the focus, so Enter alone never confirms."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, OptionList
from textual.widgets.option_list import Option


class ConfirmChange(ModalScreen[bool]):
    """Yes or no to one named change: Y or the confirm button says yes; N, Escape or Cancel say no."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", "Cancel", id="confirm-cancel", tooltip="Leave it as it is."),
        Binding("y", "answer(True)", "Confirm", id="confirm-yes", tooltip="Make the change."),
    ]
    DEFAULT_CSS = """
    ConfirmChange { align: center middle; }
    ConfirmChange > Vertical {
        width: 70; max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    ConfirmChange Markdown { margin: 0; padding: 0; max-height: 16; overflow-y: auto; }
    ConfirmChange Horizontal { height: auto; margin-top: 1; }
    ConfirmChange Button { margin-right: 2; }
    """

    def __init__(self, question: str, label: str) -> None:
        super().__init__()
        self.question = question
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Markdown(self.question + "\n\n_Y confirms, N or Escape cancels._", id="confirm-question")
            with Horizontal():
                yield Button(f"{self.label} (Y)", id="confirm-ok", variant="warning")
                yield Button("Cancel (N)", id="confirm-no", variant="default")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-ok")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


CONSENT_MEANING = {
    "external": "may appear in tenders and reviews (once approved)",
    "internal": "for learning inside the service only",
    "none": "not asked yet, or refused",
}


class ChooseConsent(ModalScreen[str | None]):
    """Pick the consent the person gave (the next step asks to confirm it)."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="consent-pick-cancel", tooltip="Leave it as it is.")]
    DEFAULT_CSS = """
    ChooseConsent { align: center middle; }
    ChooseConsent > Vertical { width: 70; max-width: 95%; height: auto; border: round $primary;
                               background: $surface; padding: 0 1; }
    ChooseConsent Markdown { margin: 0; padding: 0; }
    ChooseConsent OptionList { height: auto; border: none; margin: 1 0; }
    """

    def __init__(self, story_label: str, current: str) -> None:
        super().__init__()
        self.story_label = story_label
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Markdown(f"**What has the person agreed to?** Story {self.story_label}; consent is now "
                           f"**{self.current}**. Choose, then confirm; Escape cancels.")
            yield OptionList(*[Option(f"{c}: {what}", id=c) for c, what in CONSENT_MEANING.items()
                               if c != self.current], id="consent-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
