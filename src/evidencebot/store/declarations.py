"""The organisation's declarations (table ``declarations``, migration m027): what the provider has
recorded that it can confirm in a buyer's Pass/Fail part, one row per topic of
``phrasebank/confirmations.yaml`` (``safeguarding_policies``, ``dbs_checks``, ...).

Each row holds the statement we confirm, in our words, and its evidence (the policy's name, who approved it
and when, when it was last reviewed). :mod:`evidencebot.compose.confirmations` answers "Yes." only from a row
here; this module only reads and writes rows."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from evidencebot.errors import InputError

FIELDS = ("statement", "evidence", "approved_by", "approved_on", "reviewed_on")


def _date(value, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"{what} must be a date written YYYY-MM-DD, not {text!r}") from None


def get_declarations(db: Database) -> dict[str, dict]:
    """Every recorded declaration, by topic."""
    if not db["declarations"].exists():
        return {}
    return {r["topic"]: dict(r) for r in db.query("select * from declarations order by topic")}


def set_declaration(db: Database, topic: str, *, statement: str, evidence: str = "", approved_by: str = "",
                    approved_on: str = "", reviewed_on: str = "", user: str = "") -> dict:
    """Record (or replace) the declaration for ``topic``; dates are checked, text is kept on one line."""
    topic = " ".join(str(topic or "").split())
    statement = " ".join(str(statement or "").split())
    if not topic or not statement:
        raise InputError("a declaration needs a topic and the statement we confirm")
    row = {"topic": topic, "statement": statement, "evidence": " ".join(str(evidence or "").split()),
           "approved_by": " ".join(str(approved_by or "").split()),
           "approved_on": _date(approved_on, "--approved-on"), "reviewed_on": _date(reviewed_on, "--reviewed-on"),
           "updated_at": dt.datetime.now().replace(microsecond=0).isoformat(), "updated_by": user}
    with db.atomic():
        db.table("declarations").upsert(row, pk="topic")
    return row


def remove_declaration(db: Database, topic: str) -> bool:
    if not db["declarations"].exists() or not db["declarations"].count_where("topic = ?", [topic]):
        return False
    with db.atomic():
        db.table("declarations").delete(topic)
    return True
