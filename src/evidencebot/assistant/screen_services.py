"""What the app's screens ask of the assistant, one job per call.

Each call opens its own connection to the conversation's database, does its job through Store
(or the assistant's modules that use Store), and closes the connection: the screens hold no
connection and run no SQL. Calls block; screens run them in worker threads. Writers that must
not fail on a busy database (the story and draft savers) wait at most
:data:`WRITER_BUSY_TIMEOUT_MS` per attempt and retry (:func:`evidencebot.assistant.journal.write_with_retry`),
so the screen can say "retrying" while the journal keeps the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from evidencebot.assistant import editing, exporting, governance
from evidencebot.assistant import indicator_views as views
from evidencebot.assistant.checking import shared_database
from evidencebot.assistant.journal import Entry, restore_entries, write_with_retry
from evidencebot.assistant.story_capture import story_markdown_preview
from evidencebot.compose import gapflow, library, tender_store
from evidencebot.compose.tender import swap_block as swap
from evidencebot.compose.tender import swap_choices
from evidencebot.errors import InputError
from evidencebot.store import changes, drafts, search, workflow
from evidencebot.store.db import set_busy_timeout
from evidencebot.store.search import StoryHit

WRITER_BUSY_TIMEOUT_MS = 1000
"""How long one write attempt by a screen's saver waits for the database's lock before it retries."""

Waiting = Callable[[int, Exception], None]


def _no_wait(attempt: int, exc: Exception) -> None:
    return None


@contextmanager
def _connection(conversation, *, busy_ms: int | None = None) -> Iterator[Database]:
    db = conversation.connect()
    try:
        if busy_ms is not None:
            set_busy_timeout(db, busy_ms)
        yield db
    finally:
        db.close()


# ---------------------------------------------------------------- the evidence screen


@dataclass
class IndicatorTable:
    period: Any
    selection: Any
    results: list
    note: str = ""
    """'' or the sentence saying the data stop before what the typed words name (the chat says it too)."""


def indicator_table(conversation, period_text: str | None, domain: str) -> IndicatorTable:
    """The indicators of one domain (all when ``domain`` is empty) for the period the user typed."""
    with _connection(conversation) as db:
        period, note = views.resolve_period_note(db, period_text)
        selection = views.select_indicators(domains=[domain] if domain else [])
        results = views.compute(db, period, ids=selection.ids)
    return IndicatorTable(period, selection, results, note)


def find_stories(conversation, query: str, limit: int = 30) -> list[StoryHit]:
    with _connection(conversation) as db:
        return search.search_stories(db, query, limit=limit)


def story_preview(conversation, story_id: str) -> str:
    """The story as Markdown for the reader pane (``InputError`` when there is no such story)."""
    with _connection(conversation) as db:
        row = search.load_story(db, story_id)
    return story_markdown_preview(row)


# ---------------------------------------------------------------- the story screen


def read_story(conversation, story_id: str) -> dict:
    """The stored story, or only its id when nothing is stored yet (a new story)."""
    with _connection(conversation) as db:
        try:
            return search.load_story(db, story_id)
        except InputError:
            return {"story_id": story_id}


class StoryWriter:
    """One connection that writes a story's typed fields, in order, for as long as the screen is open."""

    def __init__(self, conversation) -> None:
        self._db = conversation.connect()
        try:
            set_busy_timeout(self._db, WRITER_BUSY_TIMEOUT_MS)
        except BaseException:
            self._db.close()
            raise

    def save(self, story_id: str, fields: dict, *, cancelled: Callable[[], bool] = lambda: False,
             waiting: Waiting = _no_wait) -> dict | None:
        """Write the fields (retrying while the database is busy); the stored row, or None when
        ``cancelled()`` turned true first (the journal keeps the text)."""
        return write_with_retry(lambda: search.save_story_draft(self._db, story_id, fields),
                                cancelled=cancelled, waiting=waiting)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> StoryWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def preview_consent(conversation, story_id: str, consent: str) -> str:
    """The question to confirm a consent change (``InputError`` when it cannot be made)."""
    with _connection(conversation) as db:
        return changes.preview_consent(db, story_id, consent)


def change_consent(conversation, story_id: str, consent: str) -> tuple[changes.StoryChange, dict]:
    """Change the story's consent; the change (to undo it) and the story as it is now."""
    with _connection(conversation) as db:
        change = changes.change_consent(db, story_id, consent)
        return change, workflow.get_story(db, story_id)


def undo_change(conversation, change: changes.StoryChange) -> dict:
    """Undo a consent or approval change; the story as it is now."""
    with _connection(conversation) as db:
        return changes.undo(db, change)


def submit_question(conversation, story_id: str) -> str:
    """The confirmation question before a story is submitted (``InputError`` when it cannot be)."""
    with _connection(conversation) as db:
        return governance.submit_question(db, story_id)


def submit_story(conversation, story_id: str) -> dict:
    """Submit the story for approval (checked first); the stored row."""
    with _connection(conversation) as db:
        return governance.submit_story_checked(db, story_id)


# ---------------------------------------------------------------- the export screen


def export_choices(conversation) -> list[tuple[str, str, list[str]]]:
    """The stories the export screen offers (:func:`evidencebot.assistant.exporting.story_choices`)."""
    with _connection(conversation) as db:
        return exporting.story_choices(db)


def export(conversation, what: str, story_id: str | None, fmt: str, path: str, *, force: bool = False,
           db_path=None):
    """Export a story (``what == "story"``) or the conversation's draft; the export's result.
    Raises :class:`exporting.ExportRefused` or ``InputError`` when it may not or cannot be written."""
    draft = conversation.state.draft
    with _connection(conversation) as db:
        if what == "story":
            if not story_id:
                raise InputError("choose a story to export")
            return exporting.export_story(db, story_id, path, fmt, force=force)
        if fmt == exporting.COMMENTS:
            return exporting.export_draft_with_comments(db, draft, path, db_path=db_path, force=force)
        return exporting.export_draft(db, draft, path, fmt, force=force)


# ---------------------------------------------------------------- the editor


def save_draft_text(conversation, doc: editing.DraftDoc, text: str, *, version: bool = False,
                    waiting: Waiting = _no_wait) -> tuple[int | None, int | None]:
    """Save ``text`` as the draft's body (a new numbered version with ``version``), retrying while the
    database is busy; sets ``doc.draft_id`` and returns (version number or None, draft id). A draft
    whose user was told it holds personal data keeps that note (told once, across sessions)."""
    with _connection(conversation, busy_ms=WRITER_BUSY_TIMEOUT_MS) as db:
        def write():
            snapshot = editing.DraftDoc(**{**vars(doc), "text": text})
            if version:
                number = editing.save_version(db, snapshot)
            else:
                number = None
                editing.save_draft(db, snapshot)
            doc.draft_id = snapshot.draft_id
            return number, snapshot.draft_id

        number, draft_id = write_with_retry(write, waiting=waiting)
        if doc.privacy_warned and draft_id is not None:
            write_with_retry(lambda: drafts.mark_privacy_warned(db, draft_id), waiting=waiting)
    return number, draft_id


def mark_privacy_warned(conversation, draft_id: int) -> None:
    """Record that the user was told the draft holds personal data."""
    with _connection(conversation) as db:
        write_with_retry(lambda: drafts.mark_privacy_warned(db, draft_id))


def block_swap_choices(conversation, answer) -> list:
    """Other approved blocks for the parts of an assembled answer (:func:`evidencebot.compose.tender.swap_choices`)."""
    with _connection(conversation) as db, gapflow.buyer_scope(getattr(answer, "buyer", "") or None):
        return swap_choices(db, answer)  # a block written for another buyer's tender is not offered


def swap_block(conversation, answer, key: str, block_id: str, tender_ref: str | None = None):
    """The answer with block ``block_id`` in part ``key``, checked again (:func:`evidencebot.compose.tender.swap_block`),
    on the connection the chat drafted it on, so its figures are not worked out again
    (:func:`evidencebot.assistant.checking.shared_database`)."""
    def swapped(db):
        if tender_ref:  # a tender's answer: assembled again with the tender's context, as 'tender draft' drafts it

            return tender_store.swap_block(db, tender_ref, answer, key, block_id)
        return swap(db, answer, key, block_id)

    if conversation.db_path in (None, ":memory:"):
        with _connection(conversation) as db:
            return swapped(db)
    with shared_database(conversation.db_path) as db:
        return swapped(db)


def answer_gaps(doc, text: str) -> list:
    """The gaps of the draft in the editor (:func:`evidencebot.compose.gapflow.answer_gaps`): from the coverage of the
    answer it was assembled as, if any, and the gap markers in ``text``. No database."""
    answer = getattr(doc, "assembled", None)
    return gapflow.answer_gaps(text, getattr(answer, "coverage", None) or ())


def part_gap(doc, text: str, heading: str):
    """A gap of the part under ``heading`` (the cursor's part), else that part as one to save as written."""
    want = gapflow._norm(heading)
    for g in answer_gaps(doc, text):
        if want and want in (gapflow._norm(g.heading), gapflow._norm(g.part)):
            return g
    answer = getattr(doc, "assembled", None)
    for row in getattr(answer, "coverage", None) or ():  # a part without a gap: keyed to its sub-point all the same
        if want and gapflow._norm(row.label) == want:
            return gapflow.WriterGap(part=row.label, kind="", detail="", heading=heading, key=row.key)
    return gapflow.WriterGap(part=heading, kind="", detail="", heading=heading)


def save_gap_block(conversation, doc, text: str, gap) -> Any:
    """Save what the writer wrote in ``gap``'s part of ``text`` as a draft method block
    (:func:`evidencebot.compose.gapflow.save_answer_gap`); returns the block."""
    heading = gap.heading or gap.part
    ref = getattr(doc, "tender_ref", None)
    with _connection(conversation) as db:
        if ref:
            try:
                title = tender_store.questions(db)[0].get("title") or ""
            except InputError:
                title = ""
            source = f"tender {title}, {ref}: {gapflow.title_of(heading)}".replace("tender , ", "tender ")
        else:
            source = f"draft answer '{doc.title or 'untitled'}': {gapflow.title_of(heading)}"
        ident = gapflow.save_answer_gap(db, getattr(doc, "assembled", None), text, gap, source=source)
        return library.get_block(db, ident)


# ---------------------------------------------------------------- the app


def restore_unsaved(conversation, entries: list[Entry]) -> list[str]:
    """Write journalled text that never reached the database; what was restored, one line each."""
    with _connection(conversation) as db:
        return restore_entries(db, conversation.journal, entries)
