"""The ``drafts`` and ``draft_versions`` tables: the editor's text, saved as it is typed, and numbered versions.

Review status (submit, approve) is :mod:`evidencebot.store.workflow`; how long versions are kept is
:mod:`evidencebot.store.retention`. The editor's document object lives in the assistant
(:class:`evidencebot.assistant.editing.DraftDoc`); this module reads and writes plain rows.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from evidencebot.store.retention import prune_versions

FIELDS = ("body", "question", "word_limit", "title", "period")


def _now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat()


def write_draft(db: Database, draft_id: int | None, fields: dict, *, kind: str, author: str | None = None) -> int:
    """Update draft ``draft_id`` with ``fields`` (see :data:`FIELDS`), or create it when there is none; its id."""
    now = _now()
    values = {k: fields.get(k) for k in FIELDS}
    with db.atomic():
        if draft_id is not None and db.execute("select 1 from drafts where draft_id = ?", [draft_id]).fetchone():
            db.execute(
                "update drafts set body = ?, question = ?, word_limit = ?, title = ?, period = ?, updated_at = ? "
                "where draft_id = ?", [*(values[k] for k in FIELDS), now, draft_id])
            return int(draft_id)
        table = db.table("drafts")
        table.insert({"kind": kind, **values, "status": "draft", "created_by": author,
                      "created_at": now, "updated_at": now})
        assert table.last_pk is not None  # an insert always has a key
        return int(table.last_pk)


def add_version(db: Database, draft_id: int, body: str, *, author: str | None = None) -> int:
    """Add ``body`` as the draft's next numbered version and apply the retention setting; the version."""
    with db.atomic():
        row = db.execute("select max(version) from draft_versions where draft_id = ?", [draft_id]).fetchone()
        version = (row[0] or 0) + 1
        db.table("draft_versions").insert({"draft_id": draft_id, "version": version, "body": body,
                                           "saved_at": _now(), "saved_by": author})
    prune_versions(db)
    return version


def draft_row(db: Database, draft_id: int) -> dict | None:
    rows = list(db.query("select * from drafts where draft_id = ?", [draft_id]))
    return rows[0] if rows else None


def latest_draft_id(db: Database) -> int | None:
    row = db.execute("select draft_id from drafts order by updated_at desc, draft_id desc limit 1").fetchone()
    return int(row[0]) if row else None


def mark_privacy_warned(db: Database, draft_id: int) -> None:
    """Record that the user was told draft ``draft_id`` holds personal data (the first time only)."""
    with db.atomic():
        db.execute("insert or ignore into draft_privacy_warnings (draft_id, warned_at) values (?, ?)",
                   [int(draft_id), _now()])


def privacy_warned(db: Database, draft_id: int | None) -> bool:
    """True once the user was told draft ``draft_id`` holds personal data (in this session or an earlier one)."""
    if draft_id is None or not db["draft_privacy_warnings"].exists():
        return False
    return db.execute("select 1 from draft_privacy_warnings where draft_id = ?", [int(draft_id)]).fetchone() is not None


def list_drafts(db: Database) -> list[dict]:
    """Every draft row, oldest first."""
    return list(db.query("select * from drafts order by draft_id"))
