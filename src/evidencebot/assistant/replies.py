"""What an action is given and what it gives back: :class:`Context` (the database, the conversation's
:class:`State`, the language model) and :class:`Reply`.

The actions live in :mod:`evidencebot.assistant.actions` and, for approval and consent, opening a file and
tenders, in :mod:`~evidencebot.assistant.governance`, :mod:`~evidencebot.assistant.opening` and
:mod:`~evidencebot.assistant.tendering`. Those three import these types from here, not from ``actions``, so that
``actions`` can import them at its top (the dispatch table names their functions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from evidencebot.assistant.editing import DraftDoc
from evidencebot.assistant.indicator_views import ChartData
from evidencebot.assistant.model_loader import LanguageModel


@dataclass
class Reply:
    markdown: str
    intent: str = "text"
    ok: bool = True
    """False when the request could not be done (shown as a warning)."""
    open: str | None = None
    """A screen to open: ``editor``, ``story``, ``evidence`` or ``export``."""
    payload: dict = field(default_factory=dict)
    charts: list[ChartData] = field(default_factory=list)


@dataclass
class Context:
    """What an action may use: the database, the conversation state, the model."""

    db: object
    db_path: str
    state: "State"
    language: LanguageModel | None
    progress: Callable[[str], None] = lambda message: None


@dataclass
class State:
    """What the conversation remembers between messages."""

    draft: DraftDoc | None = None
    story_id: str | None = None
    period: str | None = None
    first_run: bool = False
    export_format: str = "docx"
    insert: str | None = None
    """Text for the editor to put in at the sub-point the cursor is in (``/use story ID``)."""
    front: str | None = None
    """The document the user last worked on: ``editor`` (the draft) or ``story`` (the story form)."""
    pending: str | None = None
    """The confirmed form of the change the last reply asked about ("yes" runs it)."""
    last_change: object | None = None
    """The last consent or approval change (:class:`~evidencebot.store.changes.StoryChange`), for ``/undo``."""


def wait_for_language(ctx: Context, why: str) -> None:
    lang = ctx.language
    if lang is not None and not lang.settled:
        ctx.progress(f"waiting for the language model to finish loading ({why})…")
        lang.wait()
