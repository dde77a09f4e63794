"""The ``facts`` table: figures from outside the database, with their source and dates.

Validation (units, dates, known indicators) is :mod:`evidencebot.evidence.facts`; this module only reads and
writes rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass
class Fact:
    fact_id: int
    statement: str
    value: float | None
    unit: str | None
    indicator_id: str | None
    period: str | None
    source: str
    source_date: str
    review_by: str
    created_at: str | None = None
    created_by: str | None = None

    def is_stale(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return dt.date.fromisoformat(self.review_by) < today


def insert_fact(db: Database, row: dict) -> Fact:
    """Store one validated fact row; returns it with its new id."""
    with db.atomic():
        fact_id = db.table("facts").insert(row).last_pk
    assert fact_id is not None  # an insert always has a key
    return Fact(fact_id=int(fact_id), **row)


def list_facts(db: Database) -> list[Fact]:
    """Every fact, oldest first (none when the table is missing)."""
    if not db["facts"].exists():
        return []
    return [Fact(**row) for row in db.table("facts").rows_where(order_by="fact_id")]


def get_fact(db: Database, fact_id: int) -> Fact | None:
    rows = list(db.table("facts").rows_where("fact_id = ?", [fact_id]))
    return Fact(**rows[0]) if rows else None


def delete_fact(db: Database, fact_id: int) -> None:
    with db.atomic():
        db.table("facts").delete(fact_id)
