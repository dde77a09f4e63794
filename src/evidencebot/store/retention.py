"""How long saved draft versions are kept: ``[drafts] keep_versions_days`` (90 unless set; 0 keeps all).

Drafts hold text that may, before it is checked, contain personal data, so old
numbered versions (``draft_versions``) are not kept for ever. A draft's current
text (``drafts.body``) is never pruned. The app prunes when a version is saved
and when it starts; ``evidencebot doctor`` states the setting and counts what
is due, and ``doctor --fix`` prunes it. Every deletion is audited by the
table's triggers.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from evidencebot.config import load_settings
from evidencebot.errors import ConfigError

DEFAULT_DAYS = 90


def keep_versions_days() -> int:
    try:
        return max(0, int(load_settings().drafts.keep_versions_days))
    except ConfigError:
        return DEFAULT_DAYS


def _cutoff(days: int) -> str:
    return (dt.datetime.now() - dt.timedelta(days=days)).replace(microsecond=0).isoformat()


def _conn(db):
    return db.conn if hasattr(db, "conn") else db


def _has_versions(conn: sqlite3.Connection) -> bool:
    return conn.execute("select 1 from sqlite_master where type = 'table' and name = 'draft_versions'").fetchone() \
        is not None


def versions_due(db, days: int | None = None) -> int:
    """How many saved versions are older than the retention period (``db``: a Database or a connection)."""
    days = keep_versions_days() if days is None else days
    conn = _conn(db)
    if days <= 0 or not _has_versions(conn):
        return 0
    return conn.execute("select count(*) from draft_versions where saved_at < ?", [_cutoff(days)]).fetchone()[0]


def prune_versions(db, days: int | None = None) -> int:
    """Delete saved draft versions older than ``days`` (default: the setting); return how many."""
    days = keep_versions_days() if days is None else days
    conn = _conn(db)
    if days <= 0 or not _has_versions(conn):
        return 0
    if hasattr(db, "atomic"):
        with db.atomic():
            cursor = conn.execute("delete from draft_versions where saved_at < ?", [_cutoff(days)])
    else:
        with conn:
            cursor = conn.execute("delete from draft_versions where saved_at < ?", [_cutoff(days)])
    return cursor.rowcount or 0


def describe(db) -> str:
    days = keep_versions_days()
    if days <= 0:
        return "saved draft versions are kept for ever ([drafts] keep_versions_days = 0)"
    due = versions_due(db, days)
    return (f"saved draft versions are kept {days} days ([drafts] keep_versions_days); "
            + (f"{due} older version{'s' if due != 1 else ''} due to be pruned" if due else "none older"))
