"""Registered facts: figures from outside the database, with source and date.

A bid may quote a figure the service's own data cannot produce: the ICB's
dashboard, a CQC rating, a commissioner's report. Registering it (with where it
came from and when) lets the checker accept a matching figure in a draft as
supported. Every fact has a review date (by default a year after its source
date); after that it is *stale* and the checker says so.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from evidencebot.errors import InputError
from evidencebot.metrics.catalogue import load_catalogue
from evidencebot.metrics.periods import parse_period
from evidencebot.store.facts import Fact, delete_fact, get_fact, insert_fact, list_facts
from evidencebot.store.values import ValueProblem, parse_date

__all__ = ["Fact", "add_fact", "list_facts", "matching_fact", "remove_fact"]

UNITS = ("percent", "per_100", "count", "hours", "days", "score", "text")
DEFAULT_REVIEW_DAYS = 365


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(parse_date(str(text).strip()))
    except ValueProblem as exc:
        raise InputError(f"{field} {text!r}: {exc}") from None


def add_fact(
    db: Database,
    statement: str,
    *,
    source: str,
    source_date: str,
    value: float | None = None,
    unit: str | None = None,
    indicator_id: str | None = None,
    period: str | None = None,
    review_by: str | None = None,
    created_by: str | None = None,
) -> Fact:
    """Register a fact; returns it with its new id."""
    if not statement.strip():
        raise InputError("a fact needs a statement (what the figure says)")
    if not source.strip():
        raise InputError("a fact needs a source (where the figure comes from)")
    if unit is not None and unit not in UNITS:
        raise InputError(f"unit {unit!r} is not one of: {', '.join(UNITS)}")
    if value is not None and unit is None:
        unit = "count"
    start = _date(source_date, "source date")
    review = _date(review_by, "review date") if review_by else start + dt.timedelta(days=DEFAULT_REVIEW_DAYS)
    if review < start:
        raise InputError(f"review date {review} is before the source date {start}")
    if indicator_id:
        if indicator_id not in load_catalogue():
            raise InputError(f"unknown indicator {indicator_id!r} (see 'evidencebot metrics --list')")
    if period:
        period = parse_period(period).label
    row = {
        "statement": statement.strip(),
        "value": value,
        "unit": unit,
        "indicator_id": indicator_id or None,
        "period": period or None,
        "source": source.strip(),
        "source_date": start.isoformat(),
        "review_by": review.isoformat(),
        "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        "created_by": created_by,
    }
    return insert_fact(db, row)


def remove_fact(db: Database, fact_id: int) -> Fact:
    fact = get_fact(db, fact_id)
    if fact is None:
        raise InputError(f"no fact with id {fact_id} (see 'evidencebot facts list')")
    delete_fact(db, fact_id)
    return fact


def matching_fact(facts: list[Fact], value: float, unit: str | None, decimals: int,
                  indicator_id: str | None = None) -> Fact | None:
    """The registered fact a figure quotes, if any (same value to the figure's precision)."""
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9
    for fact in facts:
        if fact.value is None:
            continue
        if unit and fact.unit and fact.unit != unit:
            continue
        if indicator_id and fact.indicator_id and fact.indicator_id != indicator_id:
            continue
        if abs(fact.value - value) <= tolerance:
            return fact
    return None
