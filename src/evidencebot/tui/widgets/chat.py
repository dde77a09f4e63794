"""Chat widgets: messages, the pending reply and the prompt with history."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from evidencebot.tui.widgets.line_input import LineInput


class UserMessage(Static):
    """What the user typed (shown as typed, not as Markdown)."""

    DEFAULT_CSS = """
    UserMessage {
        margin: 1 0 0 6;
        padding: 0 1;
        background: $boost;
        color: $text;
        border-left: thick $accent;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__(text, markup=False)
        self.text = text


class AssistantMessage(Vertical):
    """One reply: Markdown, then any SPC charts that came with it.

    Tables too wide for the pane are shown as lists
    (:func:`evidencebot.assistant.layout.fit_tables`), decided again when the
    pane's width changes. ``markdown`` keeps the reply as written.
    """

    CHROME = 6
    """Columns around the reply's text (the chat's padding and scroll bar, this border and padding):
    the first guess at its width, before the first resize event gives the real one."""

    DEFAULT_CSS = """
    AssistantMessage {
        height: auto;
        margin: 1 0 0 0;
        padding: 0 1;
        border-left: thick $primary 50%;
    }
    AssistantMessage.-warning { border-left: thick $warning; }
    AssistantMessage Markdown { margin: 0; padding: 0; }
    AssistantMessage .chart { height: 12; margin-top: 1; }
    """

    def __init__(self, markdown: str, *, charts=(), ok: bool = True) -> None:
        super().__init__(classes="" if ok else "-warning")
        self.markdown = markdown
        self.charts = list(charts)
        self.shown = markdown
        """The Markdown as shown at the current width."""
        self._fitted_width: int | None = None
        """The width ``shown`` was fitted to (a resize to the same width, e.g. a new height, changes nothing)."""

    def _fitted(self, width: int) -> str:
        from evidencebot.assistant.layout import fit_tables

        return fit_tables(self.markdown, width)

    def compose(self):
        if self.app.size.width:
            self.shown = self._fitted(self.app.size.width - self.CHROME)
        yield Markdown(self.shown)
        if self.charts:
            from evidencebot.tui.widgets.spc_chart import SPCChart

            for chart in self.charts[:2]:
                yield SPCChart(chart, classes="chart")

    async def on_resize(self, event) -> None:
        width = self.content_size.width
        if width <= 0 or width == self._fitted_width:
            return
        self._fitted_width = width
        fitted = self._fitted(width)
        if fitted != self.shown:
            self.shown = fitted
            await self.query_one(Markdown).update(fitted)


class PendingReply(Static):
    """Shown while the assistant works; the progress text comes from the worker."""

    DEFAULT_CSS = """
    PendingReply {
        margin: 1 0 0 0;
        padding: 0 1;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self) -> None:
        super().__init__("working…", markup=False)


class PromptInput(LineInput):
    """The message box: Enter sends, Up and Down walk through earlier messages."""

    BINDINGS = [
        Binding("up", "history(-1)", "Earlier message", show=False, id="prompt-history-back",
                tooltip="Put an earlier message back in the box."),
        Binding("down", "history(1)", "Later message", show=False, id="prompt-history-forward",
                tooltip="Move forward through earlier messages."),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self._position: int | None = None
        self._unsent = ""

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._position = None
        self._unsent = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position is None:
            if step > 0:
                return
            self._unsent = self.value
            self._position = len(self.history)
        position = self._position + step
        if position >= len(self.history):
            self._position = None
            self.value = self._unsent
        else:
            self._position = max(0, position)
            self.value = self.history[self._position]
        self.cursor_position = len(self.value)
