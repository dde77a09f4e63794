"""The ``tenders`` and ``tender_questions`` tables (migration m013): an imported questionnaire, one row
per question with its limit, owner, due date and drafted answer.

Reading a questionnaire, drafting and exporting are :mod:`evidencebot.compose.tender_store`; this
module only reads and writes rows.
"""

from __future__ import annotations

from sqlite_utils import Database


def insert_tender(db: Database, tender: dict, questions: list[dict]) -> int:
    """Store a tender and its questions (each row without ``tender_id``) together; the tender's id."""
    with db.atomic():
        table = db.table("tenders").insert(tender)
        assert table.last_pk is not None  # an insert always has a key
        tender_id = int(table.last_pk)
        db.table("tender_questions").insert_all([{"tender_id": tender_id, **q} for q in questions])
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
