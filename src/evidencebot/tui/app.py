"""The evidencebot terminal app.

One app factory, :func:`make_app`, is used by the command line and the tests.
The app is a set of modes (each its own screen stack): the conversation, the
draft editor, story capture, the evidence browser and export. Every reply and
every figure comes from the core (:mod:`evidencebot.assistant` and below),
called from thread workers that post messages back; widgets are only touched
on the UI thread.

Start-up is kept light: nothing here imports spaCy, matplotlib, Jinja or the
metrics engine. The assistant (:class:`~evidencebot.assistant.conversation.Conversation`,
whose import loads the whole core) is built by a worker after the first frame
is painted, and the language model after it; the time to that frame is logged
(``first_paint_ms``). Until the assistant is ready, messages typed in the chat
wait in its queue (the pending reply says so); a worker that needs it waits for
it, and the UI thread, if it asks first, builds it itself (once, under a lock).
"""

from __future__ import annotations

from evidencebot.tui._start import START_TIME  # noqa: I001  (first: start-up timing)

import os
import threading
import time
from pathlib import Path

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import Worker

from evidencebot import locations
from evidencebot.outputs import write_output
from evidencebot.tui.base import report_worker_state
from evidencebot.tui.commands import EvidencebotCommands
from evidencebot.tui.keys import screen_bindings
from evidencebot.tui.messages import ConversationReady, LanguageChanged
from evidencebot.tui.screens.chat import ChatScreen

STYLES = Path(__file__).parent / "styles"
LIGHT_THEME = "textual-light"
DARK_THEME = "textual-dark"


def _editor():
    from evidencebot.tui.screens.editor import EditorScreen

    return EditorScreen()


def _story():
    from evidencebot.tui.screens.story import StoryScreen

    return StoryScreen()


def _evidence():
    from evidencebot.tui.screens.evidence import EvidenceScreen

    return EvidenceScreen()


def _export():
    from evidencebot.tui.screens.export import ExportScreen

    return ExportScreen()


class EvidencebotApp(App[None], inherit_bindings=False):
    TITLE = "evidencebot"
    CSS_PATH = [STYLES / "global.tcss", STYLES / "app.tcss"]
    COMMANDS = App.COMMANDS | {EvidencebotCommands}
    MODES = {"chat": ChatScreen, "editor": _editor, "story": _story, "evidence": _evidence, "export": _export}
    DEFAULT_MODE = "chat"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Leave evidencebot (everything is saved)."),
        Binding("f1", "help", "Help", id="help", tooltip="What you can ask, with examples."),
        *screen_bindings(show=False),  # F2-F5 work everywhere; the chat screen's footer shows them
        Binding("ctrl+t", "toggle_theme", "Theme", id="toggle-theme", show=False,
                tooltip="Switch between the light and dark theme."),
        Binding("ctrl+p", "command_palette", "Commands", id="command-palette", show=False,
                tooltip="Search every action by name."),
    ]

    language_text: reactive[str] = reactive("language model not loaded yet")

    def __init__(self, db_path: Path | str | None, *, first_run: bool = False, load_language: bool = True,
                 theme: str = DARK_THEME) -> None:
        super().__init__()
        self.db_path = db_path
        self.db_label = Path(db_path).name if db_path else "in-memory database"
        self.sub_title = self.db_label
        self._first_run = first_run
        self._conversation = None
        self._conversation_lock = threading.Lock()
        self._painted = threading.Event()
        """Set by :meth:`on_ready`: workers never build the assistant before the first frame."""
        self._load_language_on_start = load_language
        self._initial_theme = theme
        self.first_paint_ms: float | None = None
        if not load_language:
            self.language_text = "language model off"

    @property
    def conversation(self):
        """The assistant (:class:`evidencebot.assistant.conversation.Conversation`), built on first use.

        A worker thread that asks before the first frame waits for that frame, so it is the screen that
        paints first; whoever asks while it is being built waits for the build to finish."""
        conversation = self._conversation
        if conversation is not None:
            return conversation
        if self._thread_id not in (0, threading.get_ident()):  # a worker of the running app
            while not self._painted.wait(0.05) and not (self._closing or self._closed):
                pass  # the first frame comes first (an app closing before it never blocks its workers)
        with self._conversation_lock:
            if self._conversation is None:
                from evidencebot.assistant.conversation import Conversation
                from evidencebot.assistant.model_loader import LanguageModel

                self._conversation = Conversation(self.db_path, first_run=self._first_run,
                                                  language=LanguageModel(enabled=self._load_language_on_start))
        return self._conversation

    @property
    def conversation_ready(self) -> bool:
        """True once the assistant is built (by the start-up worker or by whoever asked first): the
        conversation itself is the state, assigned only when its build has finished."""
        return self._conversation is not None

    def on_mount(self) -> None:
        self.theme = self._initial_theme
        if self._load_language_on_start:
            self.language_text = "⏳ loading language model…"

    def on_ready(self) -> None:
        self.first_paint_ms = (time.perf_counter() - START_TIME) * 1000
        self.log.info(f"evidencebot painted its first frame {self.first_paint_ms:.0f} ms after import")

    @on(events.Ready)
    def _first_frame(self) -> None:
        """The first frame is up: build the assistant once every handler of this event has run and the screen has
        refreshed (a handler of its own, so that a subclass's ``on_ready`` cannot skip it; started after the refresh
        so that a busy machine cannot run the build's thread ahead of ``on_ready``: CI saw that order once)."""
        self._painted.set()
        self.call_after_refresh(self._build_conversation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="start", description="Starting the assistant")
    def _build_conversation(self) -> None:
        self.conversation  # noqa: B018  (builds it, or waits for whoever is building it)
        self.post_message(ConversationReady())

    @on(ConversationReady)
    def _conversation_built(self) -> None:
        if self._load_language_on_start:
            self.load_language()
        self.offer_unsaved()

    # ------------------------------------------------------------ text not saved last time

    def offer_unsaved(self) -> None:
        """Text typed last time that never reached the database (a kill, a locked database): offer it back."""
        entries = sorted(self.conversation.journal.entries(), key=lambda e: -e.at)
        if not entries:
            return
        from evidencebot.tui.screens.confirm import ConfirmChange

        listed = "\n".join(f"- {e.describe()}" for e in entries)  # every one (the dialog scrolls)
        question = (f"**Text you typed last time was not saved to the database:**\n\n{listed}\n\n"
                    "Restore it now? The newest story and draft open; the others are written to the database "
                    "as they were. (Cancel keeps it all, and I ask again next time.)")

        def answered(yes: bool | None) -> None:
            if yes:
                self.restore_unsaved(entries)
            else:
                self.notify("Kept the unsaved text: I will offer it again next time.", timeout=6)

        self.push_screen(ConfirmChange(question, "Restore"), answered)

    def restore_unsaved(self, entries) -> None:
        """The newest story and draft open (their screens write them); every other entry is written to the
        database now."""
        from evidencebot.assistant.journal import draft_from_fields

        state = self.conversation.state
        drafts = [e for e in entries if e.kind == "draft"]
        stories = [e for e in entries if e.kind == "story"]
        others = stories[1:] + drafts[1:]
        if others:
            self._restore_others(others)
        if drafts:
            state.draft = draft_from_fields(drafts[0].fields)
            if drafts[0].key.startswith("new-"):  # file it under the new document's key
                from evidencebot.tui.screens.editor import journal_key

                self.conversation.journal.rename("draft", drafts[0].key, journal_key(state.draft))
        if stories:
            state.story_id = stories[0].key
            self.open_mode("story")
        elif drafts:
            self.open_mode("editor")

    @work(thread=True, exclusive=True, exit_on_error=False, group="restore", description="Restoring unsaved text")
    def _restore_others(self, entries) -> None:
        from evidencebot.assistant.screen_services import restore_unsaved

        restored = restore_unsaved(self.conversation, entries)
        text = "Restored to the database: " + "; ".join(restored) + "."
        self.call_from_thread(self.notify, text, timeout=10, markup=False)

    # ------------------------------------------------------------ the language model

    @work(thread=True, exclusive=True, exit_on_error=False, group="language",
          description="Loading the language model")
    def load_language(self) -> None:
        description = self.conversation.language.load()
        self.post_message(LanguageChanged("ready", description))

    @on(LanguageChanged)
    def _language_changed(self, message: LanguageChanged) -> None:
        self.language_text = ("✓ " if message.state == "ready" else "") + message.description

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if report_worker_state(self, event) and event.worker.group == "language":
            self.language_text = "✗ " + self.conversation.language.describe() + " (checking unavailable)"

    # ------------------------------------------------------------ actions

    def open_mode(self, mode: str, tab: str | None = None) -> None:
        self.switch_mode(mode)
        if tab == "stories" and mode == "evidence":
            self.call_after_refresh(self._show_stories_tab)

    def _show_stories_tab(self) -> None:
        from textual.widgets import TabbedContent

        self.screen.query_one("#evidence-tabs", TabbedContent).active = "tab-stories"

    def ask(self, text: str) -> None:
        """Send ``text`` to the assistant as if typed in the chat."""
        self.switch_mode("chat")
        screen = self.screen
        if isinstance(screen, ChatScreen):
            screen.ask(text)

    def action_open_mode(self, mode: str) -> None:
        self.open_mode(mode)

    def action_ask(self, text: str) -> None:
        self.ask(text)

    def action_export_here(self) -> None:
        """Export the document in front of you (remembered before the chat takes the request)."""
        if self.current_mode in ("editor", "story"):
            self.conversation.state.front = self.current_mode
        self.ask("export")

    def action_help(self) -> None:
        self.ask("/help")

    def action_new_story(self) -> None:
        self.ask("new story")

    def action_back(self) -> None:
        self.switch_mode("chat")

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    # ------------------------------------------------------------ no tracebacks on screen

    def _fatal_error(self) -> None:
        """An unexpected error: log the traceback to a file, show one line."""
        if os.environ.get("EVIDENCEBOT_DEBUG"):
            return super()._fatal_error()
        import traceback

        from rich.text import Text

        error = self._exception
        where = ""
        try:
            log = locations.cache_dir() / "crash.log"  # owner-only (0600), written whole (docs/governance.md)
            write_output(log, ("".join(traceback.format_exception(error)) if error else "").encode("utf-8"),
                         force=True, checked=True)
            where = f" (details in {log})"
        except Exception:  # the report itself must never fail loudly
            pass
        name = type(error).__name__ if error else "error"
        self._exit_renderables.append(
            Text(f"evidencebot stopped: unexpected {name}: {error}{where}. "
                 "Stories and drafts were saved as you typed.")
        )
        self._close_messages_no_wait()


def make_app(db_path: Path | str | None = None, *, first_run: bool = False, load_language: bool = True,
             theme: str = DARK_THEME) -> EvidencebotApp:
    """The one way to build the app (the command line and the tests both use it)."""
    return EvidencebotApp(db_path, first_run=first_run, load_language=load_language, theme=theme)


def run_app(db_path: Path | str | None, *, first_run: bool = False) -> None:
    make_app(db_path, first_run=first_run).run()
