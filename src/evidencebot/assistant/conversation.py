"""The conversation: one object per session, turning messages into replies.

:meth:`Conversation.respond` is called from a worker thread; it opens its own
database connection for each message (SQLite connections stay in the thread
that uses them) and answers one message at a time.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from evidencebot.assistant import actions
from evidencebot.assistant.intents import Intent, parse
from evidencebot.assistant.journal import Journal
from evidencebot.assistant.model_loader import LanguageModel
from evidencebot.assistant.replies import Context, Reply, State
from evidencebot.errors import ConfigError
from evidencebot.store.db import connect


class Conversation:
    def __init__(self, db_path: str | Path | None, *, language: LanguageModel | None = None,
                 first_run: bool = False):
        self.db_path = str(db_path) if db_path is not None else None
        self.language = language if language is not None else LanguageModel(enabled=False)
        self.state = State(first_run=first_run)
        self.history: list[tuple[str, str]] = []

        self.journal = Journal.for_database(self.db_path)
        """Typed story and draft text not yet in the database (see :mod:`evidencebot.assistant.journal`)."""
        self._lock = threading.Lock()

    def connect(self):
        return connect(self.db_path)

    def understand(self, text: str) -> Intent:
        """The intent of ``text``, with the spaCy matchers once they are ready."""
        matcher = self.language.matcher if self.language.ready else None
        return parse(text, matcher)

    def _context(self, db, progress) -> Context:
        return Context(db=db, db_path=actions.db_label(self.db_path), state=self.state,
                       language=self.language, progress=progress or (lambda message: None))

    def respond(self, text: str, progress: Callable[[str], None] | None = None) -> Reply:
        """Answer one message (blocking: call it from a worker)."""
        with self._lock:
            try:
                intent = self.understand(text)
            except ConfigError as exc:  # a broken phrasebank file: say which, keep the conversation going
                reply = Reply(f"I cannot read my own vocabulary files: {exc}. Fix the file (or remove your copy "
                              "from the config folder) and send the message again.", intent="error", ok=False)
                self.history.append(("user", text))
                self.history.append(("assistant", reply.markdown))
                return reply
            db = self.connect()
            try:
                reply = actions.run(self._context(db, progress), intent)
            finally:
                db.close()
            self.history.append(("user", text))
            self.history.append(("assistant", reply.markdown))
            return reply

    def welcome(self) -> Reply:
        with self._lock:
            db = self.connect()
            try:
                return actions.welcome(self._context(db, None))
            finally:
                db.close()
