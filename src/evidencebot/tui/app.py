"""The evidencebot terminal app.

A chat pane of Markdown messages and an input. Every reply comes from the core
(``evidencebot.assistant``); this module only shows it. Database work runs in
thread workers that post messages back; widgets are touched only on the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Input, Markdown


class ReplyReady(Message):
    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown


class EvidencebotApp(App[None]):
    TITLE = "evidencebot"
    CSS = """
    #chat { height: 1fr; padding: 0 1; }
    #chat Markdown { margin: 0 0 1 0; }
    .user { color: $text-accent; }
    #prompt { dock: bottom; }
    """
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_path: Path | str | None) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="chat")
        yield Input(placeholder="Ask about your evidence, or /help", id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#prompt", Input).focus()
        self.answer("/welcome")

    def add_message(self, markdown: str, *, user: bool = False) -> None:
        chat = self.query_one("#chat", VerticalScroll)
        widget = Markdown(markdown, classes="user" if user else "")
        chat.mount(widget)
        chat.scroll_end(animate=False)

    @on(Input.Submitted, "#prompt")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        event.input.value = ""
        if not text:
            return
        self.add_message(f"**You:** {text}", user=True)
        self.answer(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="assistant")
    def answer(self, text: str) -> None:
        from evidencebot.assistant.shell import reply

        self.post_message(ReplyReady(reply(text, self.db_path)))

    @on(ReplyReady)
    def show_reply(self, message: ReplyReady) -> None:
        self.add_message(message.markdown)


def run_app(db_path: Path | str | None) -> None:
    EvidencebotApp(db_path).run()
