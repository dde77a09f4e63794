"""The conversation: messages in, Markdown replies out.

Messages are answered one at a time, in order, by a thread worker that calls
:meth:`evidencebot.assistant.conversation.Conversation.respond` and posts a
:class:`~evidencebot.tui.messages.ReplyReady`; the handler mounts the reply
and opens the screen the reply asks for.
"""

from __future__ import annotations

from collections import deque

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Static

from evidencebot.tui.base import BaseScreen
from evidencebot.tui.keys import screen_bindings
from evidencebot.tui.messages import AssistantProgress, ReplyReady
from evidencebot.tui.widgets.chat import AssistantMessage, PendingReply, PromptInput, UserMessage
from evidencebot.tui.widgets.footer import Footer

WELCOME = object()


class ChatScreen(BaseScreen):
    BINDINGS = screen_bindings(show=True) + [
        Binding("f7", "pick_story", "Pick a story", id="pick-story",
                tooltip="Pick one of the stories the last search found: use it in the draft, or open it."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._queue: deque = deque()
        self._busy = False
        self._pending: PendingReply | None = None
        self._story_hits: list[dict] = []
        """The last story search's hits (F7 picks one)."""
        self._story_about = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="chat")
        yield Static("", id="status", classes="status-line", markup=False)
        yield PromptInput(placeholder="Ask about your evidence, or type /help", id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#chat", VerticalScroll).anchor()
        self.query_one("#prompt", PromptInput).focus()
        self.watch(self.app, "language_text", self._show_status)
        self._enqueue(WELCOME)

    def _show_status(self, text: str) -> None:
        self.query_one("#status", Static).update(f"{self.app.db_label} · {text}")

    # ------------------------------------------------------------ sending

    @on(Input.Submitted, "#prompt")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        prompt = self.query_one("#prompt", PromptInput)
        prompt.value = ""
        if not text:
            return
        prompt.remember(text)
        self.ask(text)

    def _gone(self) -> bool:
        """True once the app has begun to close (the user quit) or this screen left it: a reply, a progress line or
        a failure that arrives then is dropped quietly (mounting it raised MountError at exit)."""
        return not self.is_attached

    def ask(self, text: str) -> None:
        """Show ``text`` as the user's message and queue it for the assistant."""
        if self._gone():
            return
        self.query_one("#chat", VerticalScroll).mount(UserMessage(text))
        self._enqueue(text)

    def _enqueue(self, item) -> None:
        self._queue.append(item)
        self._next()

    def _next(self) -> None:
        if self._busy or not self._queue or self._gone():
            return
        self._busy = True
        item = self._queue.popleft()
        self._pending = PendingReply()
        self.query_one("#chat", VerticalScroll).mount(self._pending)
        self._answer(item)

    @work(thread=True, exclusive=True, exit_on_error=False, group="assistant", description="Answering")
    def _answer(self, item) -> None:
        if not self.app.conversation_ready:  # built after the first frame: what is typed meanwhile waits
            self.post_message(AssistantProgress("starting the assistant…"))
        conversation = self.app.conversation
        if item is WELCOME:
            self.post_message(ReplyReady("", conversation.welcome()))
            return
        reply = conversation.respond(item, progress=lambda text: self.post_message(AssistantProgress(text)))
        self.post_message(ReplyReady(item, reply))

    # ------------------------------------------------------------ replies

    @on(AssistantProgress)
    def _progress(self, message: AssistantProgress) -> None:
        if self._pending is not None and not self._gone():
            self._pending.update(message.text)

    @on(ReplyReady)
    def _reply(self, message: ReplyReady) -> None:
        if self._gone():
            return  # the reply came after the user quit: nothing left to show it in
        reply = message.reply
        self._clear_pending()
        chat = self.query_one("#chat", VerticalScroll)
        if reply.intent == "clear":
            chat.remove_children()
        elif reply.markdown:
            chat.mount(AssistantMessage(reply.markdown, charts=reply.charts, ok=reply.ok))
        self._busy = False
        hits = reply.payload.get("hits") if isinstance(reply.payload, dict) and reply.intent == "stories" else None
        if hits:
            self._story_hits = list(hits)
            query = str(message.text).strip()
            self._story_about = f" for “{query[:40]}”" if query else ""
            chat.mount(Static("F7: pick one of these stories, to use it in the draft or open it.",
                              classes="hint", markup=False))
            self.refresh_bindings()
        if reply.open:
            self.app.open_mode(reply.open)
        confirm = reply.payload.get("confirm") if isinstance(reply.payload, dict) else None
        if confirm:
            self._confirm(confirm)
        self._next()

    def _confirm(self, confirm: dict) -> None:
        """A change to consent or approval: a dialog naming the story and the change; yes sends the
        confirmed command, no leaves everything as it was."""
        from evidencebot.tui.screens.confirm import ConfirmChange

        def answered(yes: bool | None) -> None:
            if yes:
                self.ask(confirm["command"])
                return
            self.app.conversation.state.pending = None
            if not self._gone():
                self.query_one("#chat", VerticalScroll).mount(
                    AssistantMessage("Left as it was: nothing changed.", ok=True))

        self.app.push_screen(ConfirmChange(confirm["question"], confirm.get("label") or "Confirm"), answered)

    # ------------------------------------------------------------ picking a story from a search

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "pick_story":
            return bool(self._story_hits)  # shown in the footer once a search found stories
        return True

    def action_pick_story(self) -> None:
        from evidencebot.tui.screens.story_picker import StoryPicker

        if not self._story_hits:
            return

        def picked(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            what, story_id = choice
            self.ask(f"/use story {story_id}" if what == "use" else f"/story {story_id}")

        self.app.push_screen(StoryPicker(self._story_about, self._story_hits), picked)

    def _clear_pending(self) -> None:
        if self._pending is not None:
            self._pending.remove()
            self._pending = None

    def worker_failed(self, worker) -> None:
        if worker.group == "assistant" and not self._gone():
            self._clear_pending()
            self.query_one("#chat", VerticalScroll).mount(
                AssistantMessage(f"Sorry, that failed: {worker.error}. Nothing was changed; try again "
                                 "or type `/help`.", ok=False))
            self._busy = False
            self._next()
