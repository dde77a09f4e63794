"""Messages that workers post back to the screens (the only way results reach widgets)."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class ReplyReady(Message):
    """The assistant answered a message."""

    text: str
    reply: object  # evidencebot.assistant.replies.Reply


@dataclass
class AssistantProgress(Message):
    """What a long request is doing now ("waiting for the language model…")."""

    text: str


@dataclass
class ConversationReady(Message):
    """The assistant is built (after the first frame): the chat's queue can be answered."""


@dataclass
class LanguageChanged(Message):
    """The language model finished loading (or failed)."""

    state: str
    description: str


@dataclass
class CheckFinished(Message):
    """The checker read the editor's text."""

    text: str
    report: object  # evidencebot.assistant.checking.CheckReport
    status: object  # evidencebot.assistant.editing.EditorStatus


@dataclass
class DraftSaved(Message):
    draft_id: int
    version: int | None = None
    text: str | None = None
    """The text that was written."""


@dataclass
class DraftBusy(Message):
    """The database is locked by another program: the draft's write is being retried."""

    attempt: int


@dataclass
class StoryLoaded(Message):
    story_id: str
    row: dict


@dataclass
class StorySaved(Message):
    """Fields of a story were written (the screen checks them once typing pauses)."""

    story_id: str
    fields: list[str]
    missing: list[str] = field(default_factory=list)
    status: str | None = None
    """The story's status after the write (a save never changes it)."""


@dataclass
class IndicatorsLoaded(Message):
    period: str
    period_text: str
    rows: list
    charts: dict


@dataclass
class StoriesFound(Message):
    query: str
    hits: list


@dataclass
class StoryPreview(Message):
    story_id: str
    markdown: str


@dataclass
class ExportChoices(Message):
    stories: list
    has_draft: bool
    draft_title: str


@dataclass
class ExportFinished(Message):
    ok: bool
    text: str
    reasons: list = field(default_factory=list)
    path: str | None = None
