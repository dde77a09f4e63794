"""Named read queries the indicator engine (:mod:`evidencebot.metrics.indicators`) shares across
indicators: the span of the records, people's caseload days, service changes, indexes and targets.

Each is one query (or a handful of PRAGMAs) per call; the engine caches the results per data version.
"""

from __future__ import annotations

from sqlite_utils import Database

RECORD_DATES = (
    ("contacts", "contact_at"),
    ("escalations", "raised_at"),
    ("crisis_events", "started_on"),
    ("admissions", "admitted_on"),
    ("admissions", "discharged_on"),
)
"""The dated records whose first and last days bound the data."""


def _day(db: Database, sql: str) -> str | None:
    row = db.execute(sql).fetchone()
    return row[0][:10] if row and row[0] else None


def latest_record_day(db: Database) -> str | None:
    """The latest day (ISO) in the dated records, or None when they are empty."""
    days = [d for d in (_day(db, f"select max({col}) from {table}") for table, col in RECORD_DATES) if d]
    return max(days) if days else None


def earliest_record_day(db: Database) -> str | None:
    """The earliest day (ISO) in the dated records (dates before the year 1000 are typing slips), or None."""
    days = [d for d in (_day(db, f"select min({col}) from {table} where {col} >= '1000'") for table, col in RECORD_DATES)
            if d]
    return min(days) if days else None


def people_days(db: Database) -> list[tuple[str, int, int | None, float | None]]:
    """(person, referral day, discharge day or None, onboarding baseline) for every person with a valid
    referral date; days are ordinals (:meth:`datetime.date.toordinal`) worked out by SQLite."""
    # julianday - 1721424.5 is the proleptic Gregorian ordinal
    return db.execute(
        "select person_id, cast(julianday(referral_date) - 1721424.5 as integer), "
        "case when discharge_date is null or discharge_date = '' then null "
        "else cast(julianday(discharge_date) - 1721424.5 as integer) end, "
        "baseline_escalations_per_month from people "
        "where julianday(referral_date) is not null").fetchall()


def service_change_dates(db: Database) -> list[tuple[str, str | None]]:
    """(changed on, the indicators it names as recorded) for every service change."""
    return db.execute("select changed_on, indicators from service_changes").fetchall()


def index_columns(db: Database, table: str) -> list[tuple[str, ...]]:
    """The columns of each index on ``table``, in index order."""
    out = []
    for row in db.execute(f"PRAGMA index_list({table})").fetchall():
        out.append(tuple(r[2] for r in db.execute(f"PRAGMA index_info({row[1]})").fetchall()))
    return out


def targets_with_comparison(db: Database) -> dict[str, tuple[float, str | None]]:
    """Indicator id (or family) -> (target, comparison as stored, None in a database before comparisons)."""
    has_comparison = any(r[1] == "comparison" for r in db.execute("PRAGMA table_info(targets)").fetchall())
    column = "comparison" if has_comparison else "null"
    return {i: (t, c) for i, t, c in db.execute(f"select indicator_id, target, {column} from targets").fetchall()}
