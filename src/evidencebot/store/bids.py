"""The ``bids`` table (migration m005): earlier tender answers, how they scored, with full-text search.

Validation (scores, outcomes, dates) and the ranking of similar answers are
:mod:`evidencebot.compose.library`; this module only reads and writes rows.
"""

from __future__ import annotations

from sqlite_utils import Database


def insert_bid(db: Database, row: dict) -> int:
    """Store one validated answer row; its ``bid_id``."""
    with db.atomic():
        table = db.table("bids").insert(row)
    assert table.last_pk is not None  # an insert always has a key
    return int(table.last_pk)


def bid_row(db: Database, bid_id: int) -> dict | None:
    rows = list(db.query("select * from bids where bid_id = ?", [int(bid_id)]))
    return rows[0] if rows else None


def update_bid(db: Database, bid_id: int, fields: dict) -> None:
    with db.atomic():
        db.table("bids").update(int(bid_id), fields)


def list_bids(db: Database) -> list[dict]:
    """Every answer, newest first."""
    return list(db.query("select * from bids order by created_at desc, bid_id desc"))


def search_bids(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Full-text search over questions and answers (``text`` quoted), best match first."""
    return list(db.table("bids").search(text, quote=True, limit=limit))


def has_bids(db: Database) -> bool:
    return db["bids"].exists() and db.execute("select 1 from bids limit 1").fetchone() is not None


def match_bids(db: Database, match: str, limit: int) -> list[dict]:
    """Answers matching the FTS5 expression ``match``, ranked by bm25 (question weighted three times
    the answer), then by the share of the score won; each row has a ``rank``."""
    return list(db.query(
        """
        select bids.*, bm25(bids_fts, 3.0, 1.0) as rank
        from bids_fts join bids on bids.rowid = bids_fts.rowid
        where bids_fts match :match
        order by rank, coalesce(bids.score * 1.0 / nullif(bids.max_score, 0), 0) desc, bids.bid_id desc
        limit :limit
        """,
        {"match": match, "limit": limit},
    ))
