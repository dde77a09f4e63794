"""One-shot replies without a session (kept for scripts and older callers).

The terminal app uses :class:`evidencebot.assistant.conversation.Conversation`;
this answers a single message the same way, with the regular-expression reader.
"""

from __future__ import annotations

from pathlib import Path

from evidencebot.assistant.conversation import Conversation


def reply(text: str, db_path: Path | str | None) -> str:
    conversation = Conversation(db_path)
    if text.strip().lower() == "/welcome":
        return conversation.welcome().markdown
    return conversation.respond(text).markdown
