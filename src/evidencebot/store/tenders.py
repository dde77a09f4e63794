"""The ``tenders`` and ``tender_questions`` tables (migration m013): an imported questionnaire, one row
per question with its limit, owner, due date and drafted answer; ``tender_facts`` (m026): the
tender's own facts (buyer, area, contract start, incumbent or new provider).

Reading a questionnaire, drafting and exporting are :mod:`evidencebot.compose.tender_store`; this
module only reads and writes rows.
"""

from __future__ import annotations

from sqlite_utils import Database


def insert_tender(db: Database, tender: dict, questions: list[dict], facts: list[dict] | None = None) -> int:
    """Store a tender, its questions and its facts (rows without ``tender_id``) together; the tender's id."""
    with db.atomic():
        table = db.table("tenders").insert(tender)
        assert table.last_pk is not None  # an insert always has a key
        tender_id = int(table.last_pk)
        db.table("tender_questions").insert_all([{"tender_id": tender_id, **q} for q in questions])
        if facts:
            set_facts(db, tender_id, facts)
    return tender_id


def has_tenders(db: Database) -> bool:
    return db["tenders"].exists() and db.execute("select 1 from tenders limit 1").fetchone() is not None


def tender_row(db: Database, tender_id: int | None = None) -> dict | None:
    """Tender ``tender_id``, or the latest imported when None."""
    if tender_id is None:
        rows = list(db.query("select * from tenders order by tender_id desc limit 1"))
    else:
        rows = list(db.query("select * from tenders where tender_id = ?", [tender_id]))
    return rows[0] if rows else None


def question_rows(db: Database, tender_id: int) -> list[dict]:
    """The tender's questions in the questionnaire's order."""
    return list(db.query("select * from tender_questions where tender_id = ? order by position", [tender_id]))


def update_question(db: Database, question_id: int, fields: dict) -> None:
    with db.atomic():
        db.table("tender_questions").update(question_id, fields)


def fact_rows(db: Database, tender_id: int) -> list[dict]:
    """The tender's own facts (migration m026): field, value, source ('questionnaire' or 'set'), quote."""
    if not db["tender_facts"].exists():
        return []
    return list(db.query("select * from tender_facts where tender_id = ? order by field", [tender_id]))


def set_facts(db: Database, tender_id: int, rows: list[dict], clear: list[str] | None = None) -> None:
    """Write the tender's facts (each row: field, value, source, quote, updated_at, updated_by) and
    remove the fields in ``clear``, together."""
    with db.atomic():
        for f in clear or []:
            db.execute("delete from tender_facts where tender_id = ? and field = ?", [tender_id, f])
        if rows:
            db.table("tender_facts").upsert_all([{"tender_id": tender_id, **r} for r in rows],
                                                pk=("tender_id", "field"))
