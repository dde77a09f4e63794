"""Deliberate changes to a story's consent, approval or withdrawal, and undoing one.

The app never changes these columns as a side effect of moving around a form:
every change goes through one of the functions here, which call the rules in
:mod:`evidencebot.store.workflow` and return a :class:`StoryChange` holding
the governance columns before and after. The change is audited twice (the
table triggers, and the consent history where consent moved).

:func:`undo` puts the columns back as they were, audited as ``undo``, as long
as **no export has happened since** (an exported document may already carry
the change) and the story's governance columns are still as the change left
them (nobody changed them again in between).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.errors import InputError
from evidencebot.store import audit, workflow

GOVERNANCE_COLUMNS = (
    "consent", "consent_date", "consent_withdrawn_at", "consent_withdrawn_by",
    "status", "submitted_by", "submitted_at", "approved_by", "approved_at",
)
WHAT = {"consent": "consent", "approval": "approval", "withdrawal": "consent withdrawal"}


@dataclass
class StoryChange:
    """One deliberate change: which story, what, the columns before and after."""

    story_id: str
    title: str
    what: str
    """``consent``, ``approval`` or ``withdrawal``."""
    before: dict
    after: dict
    by: str
    export_mark: int
    """The newest export audit entry when the change was made (undo is refused after a newer one)."""
    documents: list[dict] = field(default_factory=list)
    """Documents that already used the story (a withdrawal, or a loss of external consent)."""

    def summary(self) -> str:
        """``consent of story S0001 “Title”: none → external`` (names the story and the change)."""
        return f"{WHAT[self.what]} of story {self.story_id} “{self.title}”: {describe_move(self.what, self.before, self.after)}"


def describe_move(what: str, before: dict, after: dict) -> str:
    if what == "approval":
        return f"{before.get('status') or 'draft'} → {after.get('status') or 'draft'}"
    return f"{before.get('consent') or 'none'} → {after.get('consent') or 'none'}"


def snapshot(db: Database, story_id: str) -> dict:
    row = workflow.get_story(db, story_id)
    return {c: row.get(c) for c in GOVERNANCE_COLUMNS}


def _title(db: Database, story_id: str) -> str:
    row = workflow.get_story(db, story_id)
    return (row.get("title") or "").strip() or "untitled"


def export_mark(db: Database) -> int:
    """The id of the newest ``export`` audit entry (0 when nothing was ever exported)."""
    if not db["audit_log"].exists():
        return 0
    row = db.execute("SELECT max(audit_id) FROM audit_log WHERE action = 'export'").fetchone()
    return int(row[0] or 0)


def _made(db: Database, story_id: str, what: str, before: dict, documents=None) -> StoryChange:
    return StoryChange(story_id=story_id, title=_title(db, story_id), what=what, before=before,
                       after=snapshot(db, story_id), by=audit.current_user(db),
                       export_mark=export_mark(db), documents=list(documents or []))


def preview_consent(db: Database, story_id: str, consent: str) -> str:
    """The sentence a confirmation shows before :func:`change_consent` (raises when it would be refused)."""
    consent = (consent or "").strip().lower()
    if consent not in workflow.CONSENT_VALUES:
        raise InputError(f"unknown consent '{consent}' (known: {', '.join(workflow.CONSENT_VALUES)})")
    before = snapshot(db, story_id)
    if (before.get("consent") or "none") == consent and not before.get("consent_withdrawn_at"):
        raise InputError(f"story {story_id} already has consent '{consent}'")
    return (f"Change the consent of story {story_id} “{_title(db, story_id)}” from "
            f"{before.get('consent') or 'none'} to {consent}?")


def change_consent(db: Database, story_id: str, consent: str, *, note: str | None = None) -> StoryChange:
    """Record a new consent (see :func:`evidencebot.store.workflow.record_consent`)."""
    preview_consent(db, story_id, consent)
    before = snapshot(db, story_id)
    result = workflow.record_consent(db, story_id, consent, note=note)
    return _made(db, story_id, "consent", before, result.documents)


def approve(db: Database, story_id: str) -> StoryChange:
    """Approve a submitted story (four eyes: see :func:`evidencebot.store.workflow.approve_story`)."""
    before = snapshot(db, story_id)
    workflow.approve_story(db, story_id)
    return _made(db, story_id, "approval", before)


def withdraw(db: Database, story_id: str, *, note: str | None = None) -> StoryChange:
    """The person withdrew consent (:func:`evidencebot.store.workflow.withdraw_consent`)."""
    before = snapshot(db, story_id)
    result = workflow.withdraw_consent(db, story_id, note=note)
    return _made(db, story_id, "withdrawal", before, result.documents)


def undo_blocker(db: Database, change: StoryChange) -> str | None:
    """Why ``change`` can no longer be undone (None when it can)."""
    if export_mark(db) != change.export_mark:
        return "a document has been exported since, and it may already carry the change"
    try:
        now = snapshot(db, change.story_id)
    except InputError:
        return f"story {change.story_id} no longer exists"
    if now != change.after:
        return f"story {change.story_id}'s consent or approval has changed again since"
    return None


def undo(db: Database, change: StoryChange) -> dict:
    """Put the story's governance columns back as they were before ``change``; return the row."""
    with db.atomic():
        blocker = undo_blocker(db, change)
        if blocker:
            raise InputError(f"the {WHAT[change.what]} of story {change.story_id} cannot be undone: {blocker}")
        moved = {c: change.before[c] for c in GOVERNANCE_COLUMNS if change.before[c] != change.after[c]}
        if moved:
            sets = ", ".join(f"[{c}] = :{c}" for c in moved)
            db.execute(f"UPDATE stories SET {sets} WHERE story_id = :story_id", {**moved, "story_id": change.story_id})
        audit.record(db, table="stories", action="undo", key=change.story_id,
                     changes={"undid": change.what,
                              **{c: [change.after[c], change.before[c]] for c in moved
                                 if c in ("consent", "status", "approved_by")}})
    return workflow.get_story(db, change.story_id)
