"""Small read-only summaries of what the database holds."""

from __future__ import annotations

from sqlite_utils import Database

SERVICE_TABLES = (
    "people",
    "contacts",
    "escalations",
    "crisis_events",
    "admissions",
    "crisis_plans",
    "goals",
    "goal_reviews",
    "measures",
    "safeguarding",
    "incidents",
    "partner_comms",
    "stories",
)


def table_counts(db: Database) -> dict[str, int]:
    """Row counts of the service tables, in schema order."""
    return {t: db[t].count for t in SERVICE_TABLES if db[t].exists()}


def data_range(db: Database) -> tuple[str | None, str | None]:
    """First and last contact dates (YYYY-MM-DD), or (None, None) when empty."""
    row = db.execute("select min(substr(contact_at,1,10)), max(substr(contact_at,1,10)) from contacts").fetchone()
    return row[0], row[1]
