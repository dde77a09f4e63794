"""The ``variance_notes`` table (migration m005): why an indicator or an activity measure is off
target in a period, what is being done, who acts and by when.

What a note must hold (a known indicator, dates) is :mod:`evidencebot.compose.review`; this module
only reads and writes rows.
"""

from __future__ import annotations

from sqlite_utils import Database


def save_note(db: Database, row: dict) -> None:
    """Record the note, replacing the one for the same indicator and period."""
    with db.atomic():
        db.table("variance_notes").upsert(row, pk=("indicator_id", "period"), alter=False)


def notes_for(db: Database, period: str) -> dict[str, dict]:
    """The period's notes by indicator id; none when the table is missing."""
    if not db["variance_notes"].exists():
        return {}
    return {r["indicator_id"]: r for r in db.query("select * from variance_notes where period = :p", {"p": period})}


def latest_notes(db: Database, indicator_ids: list[str]) -> dict[str, dict]:
    """Each indicator's latest note (latest due date, then latest period) by id, in one query;
    indicators without a note are left out."""
    ids = list(dict.fromkeys(indicator_ids))
    if not ids or not db["variance_notes"].exists():
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.query(
        f"""
        select * from (
            select *, row_number() over (partition by indicator_id
                                         order by coalesce(due_on, '') desc, period desc) as latest_rank
            from variance_notes where indicator_id in ({marks})
        ) where latest_rank = 1
        """,
        ids,
    )
    return {r["indicator_id"]: {k: v for k, v in r.items() if k != "latest_rank"} for r in rows}
