"""Evidence for narratives, read from the store: indicators, case-review
learning, service changes and outcome stories.

Everything here is shared by the tender answer and the contract review.
Counts are returned raw; templates suppress them for external documents
with the ``count``/``suppress`` filters. Stories are only ever returned when
they may leave the service, by the one rule every export uses
(:data:`evidencebot.store.workflow.EXPORTABLE_SQL`): consent ``external``,
status ``approved``, an approver named and consent not withdrawn.
"""

from __future__ import annotations

import datetime as _dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.compose.filters import lower_is_better
from evidencebot.errors import InputError
from evidencebot.metrics import periods
from evidencebot.metrics.catalogue import load_catalogue
from evidencebot.metrics.indicators import compute_all
from evidencebot.metrics.indicators import latest_data_date as engine_latest
from evidencebot.store import records, workflow
from evidencebot.text import letter_word_pattern

EXTERNAL_STORY_SQL = workflow.EXPORTABLE_SQL
"""Another name of :data:`evidencebot.store.workflow.EXPORTABLE_SQL`; nothing in the package uses it."""
TRIGGER_WORDS = {
    "sleep": "sleep", "housing": "housing", "benefits": "benefits", "relationship": "relationships",
    "medication": "medication", "substance": "substance use", "other": "other reasons",
}


# ---------------------------------------------------------------- periods


def latest_data_date(db: Database) -> _dt.date | None:
    """The latest date in the service's records (the indicator engine's :func:`latest_data_date`)."""
    return engine_latest(db)


def read_period(db: Database, text: str | None, *, default: str = "review", now: _dt.date | None = None):
    """(Period, note) from what the user typed, or the default for a document kind; every face reads a
    period here (the chat, ``assemble review --period``, ``assemble note``), so the same words name the
    same months everywhere. ``note`` is '' or a sentence saying that the data stop before what relative
    words name (:func:`evidencebot.metrics.periods.bound_note`); ``now``: today unless given.

    Defaults: a review covers the last complete quarter (``last quarter``); a tender the 12 complete
    months up to the latest data. Every quarter is a financial-year quarter, however it was asked for
    ("last quarter", "2026-Q3", "July to September 2026", "Jul-Sep 2026" all read 'Jul-Sep 2026 (2026/27
    Q2)'), so one document never mixes a calendar label with a financial one
    (:func:`evidencebot.metrics.periods.as_financial`).
    """
    latest = latest_data_date(db)
    if text:
        p = periods.as_financial(periods.parse_period(text, latest=latest, now=now))
        return p, periods.bound_note(text, p, latest=latest, now=now)
    if latest is None:
        raise InputError("the database holds no dated records: give a period with --period")
    if default == "tender":
        month_end = periods.month_end(latest.year, latest.month)
        last_full = (latest.year, latest.month) if latest >= month_end else periods.add_months(latest.year, latest.month, -1)
        first = periods.add_months(*last_full, -11)
        return periods.range_period(first, last_full), ""
    last = periods.parse_period("last quarter", latest=latest, now=now)
    return periods.as_financial(last), periods.bound_note("last quarter", last, latest=latest, now=now)


def parse(db: Database, text: str | None, *, default: str = "review"):
    """A Period from what the user typed, or the default for a document kind (:func:`read_period`)."""
    return read_period(db, text, default=default)[0]


def prose_period(p) -> str:
    """How a period reads in a sentence: '2025/26 Q3', 'Oct 2025 to Sep 2026'."""
    if p is None:
        return "n/a"
    kind = getattr(p, "kind", "")
    if kind in ("range", "relative", "quarter") and hasattr(p, "describe"):
        text = p.describe()
        return text.split(" (")[0] if kind != "quarter" else text
    return str(getattr(p, "label", p))


def heading_period(p) -> str:
    """How a period reads where a document or a reply names it (a title, the Period line, a heading): a quarter
    with its months and its financial-year label, 'Jul-Sep 2026 (2026/27 Q2)', however it was asked for;
    anything else as :func:`prose_period` says it. Sentences keep :func:`prose_period` ('in 2026/27 Q2')."""
    if p is not None and hasattr(p, "describe") and (
            p.kind in ("quarter", "fy_quarter") or (p.kind == "range" and periods.is_quarter(p))):
        return periods.as_financial(p).describe()
    return prose_period(p)


def _bounds(p) -> tuple[str, str]:
    return p.start.isoformat(), p.end.isoformat()


# ---------------------------------------------------------------- indicators


def catalogue() -> dict:
    return load_catalogue()


def expand_ids(ids: list[str], cat: dict | None = None) -> list[str]:
    """Catalogue ids for a list that may name families (``reliable_improvement``)."""
    cat = cat if cat is not None else catalogue()
    out: list[str] = []
    for ident in ids:
        if ident in cat:
            found = [ident]
        else:
            found = [k for k, ind in cat.items() if getattr(ind, "family", "") == ident or k.startswith(ident + ".")]
        for k in found:
            if k not in out:
                out.append(k)
    return out


def indicators(db: Database, period, compare=None, ids: list[str] | None = None, *, external: bool = True) -> dict:
    """Indicator results by id (only those with a value or a suppressed value)."""
    wanted = expand_ids(ids) if ids is not None else None
    if wanted is not None and not wanted:
        return {}
    results = compute_all(db, period, compare=compare, ids=wanted, external=external)
    out = {}
    for r in results:
        if r.value is None and not getattr(r, "suppressed", False):
            continue
        out[r.id] = r
    return out


def targets(db: Database) -> dict[str, float]:
    return records.targets(db)


def missed_target(result, target: float | None) -> bool:
    """True when a value is on the wrong side of its target."""
    if target is None or result.value is None:
        return False
    lower = lower_is_better(result.direction)
    if lower is None:
        return False
    return result.value > target if lower else result.value < target


# ---------------------------------------------------------------- case-review learning


@dataclass
class EscalationSummary:
    total: int = 0
    by_level: dict[int, int] = field(default_factory=dict)
    triggers: list[tuple[str, int]] = field(default_factory=list)
    reviewed: int = 0
    median_hours_to_review: float | None = None
    with_rationale: int = 0
    outcomes: list[tuple[str, int]] = field(default_factory=list)


def escalations(db: Database, p) -> EscalationSummary:
    rows = records.escalations_raised(db, *_bounds(p))
    summary = EscalationSummary(total=len(rows))
    if not rows:
        return summary
    summary.by_level = dict(sorted(Counter(int(r["level"]) for r in rows).items()))
    trig = Counter()
    for r in rows:
        for t in (r["triggers"] or "").split(";"):
            t = t.strip().lower()
            if t:
                trig[t] += 1
    summary.triggers = trig.most_common()
    hours = []
    for r in rows:
        if r["reviewed_at"]:
            summary.reviewed += 1
            try:
                a = _dt.datetime.fromisoformat(r["raised_at"])
                b = _dt.datetime.fromisoformat(r["reviewed_at"])
                hours.append((b - a).total_seconds() / 3600)
            except ValueError:
                pass
        if (r["rationale"] or "").strip():
            summary.with_rationale += 1
    summary.median_hours_to_review = statistics.median(hours) if hours else None
    summary.outcomes = Counter((r["outcome"] or "").strip() for r in rows if (r["outcome"] or "").strip()).most_common()
    return summary


def trigger_words(name: str) -> str:
    return TRIGGER_WORDS.get(name, name.replace("_", " "))


def incidents(db: Database, p, *, with_learning: bool = False, limit: int | None = None) -> list[dict]:
    """Incidents and near misses that occurred in the period, newest first."""
    rows = records.incidents(db, *_bounds(p), with_learning=with_learning)
    return rows[:limit] if limit else rows


def incident_types(rows: list[dict]) -> list[tuple[str, int]]:
    return Counter((r["type"] or "other") for r in rows).most_common()


def open_actions(db: Database, p) -> list[dict]:
    """Incident actions not closed by the end of the period (any age)."""
    return records.actions_open_at(db, p.end.isoformat())


@dataclass
class SafeguardingSummary:
    total: int = 0
    referred: int = 0
    referred_within_2_days: int = 0
    multi_agency: int = 0


def safeguarding(db: Database, p) -> SafeguardingSummary:
    rows = records.safeguarding_concerns(db, *_bounds(p))
    s = SafeguardingSummary(total=len(rows))
    for r in rows:
        if r["referred_on"]:
            s.referred += 1
            try:
                gap = (_dt.date.fromisoformat(r["referred_on"][:10]) - _dt.date.fromisoformat(r["concern_on"][:10])).days
            except ValueError:
                gap = None
            if gap is not None and gap <= 2:
                s.referred_within_2_days += 1
        if r["multi_agency_plan"]:
            s.multi_agency += 1
    return s


@dataclass
class PartnerSummary:
    total: int = 0
    partners: list[tuple[str, int]] = field(default_factory=list)
    purposes: list[tuple[str, int]] = field(default_factory=list)
    on_time: int = 0
    median_days: float | None = None


def partner_comms(db: Database, p, on_time_days: int = 2) -> PartnerSummary:
    rows = records.partner_messages(db, *_bounds(p))
    s = PartnerSummary(total=len(rows))
    if not rows:
        return s
    s.partners = Counter((r["partner"] or "other") for r in rows).most_common()
    s.purposes = Counter((r["purpose"] or "other") for r in rows if r["purpose"]).most_common()
    days = [r["days_to_send"] for r in rows if r["days_to_send"] is not None]
    s.on_time = sum(1 for d in days if d <= on_time_days)
    s.median_days = statistics.median(days) if days else None
    return s


@dataclass
class CrisisPlanSummary:
    people: int = 0
    reviewed_in_period: int = 0
    easy_read: int = 0


def crisis_plans(db: Database, p) -> CrisisPlanSummary:
    return CrisisPlanSummary(*records.crisis_plan_counts(db, *_bounds(p)))


def caseload(db: Database, p) -> int:
    return records.caseload(db, *_bounds(p))


def service_changes(db: Database, until, *, since=None) -> list[dict]:
    """Dated service changes up to the end of ``until`` (a Period or date), oldest first."""
    end = until.end.isoformat() if hasattr(until, "end") else str(until)
    start = None if since is None else since.start.isoformat() if hasattr(since, "start") else str(since)
    return records.service_changes(db, end, start)


def changes_for(changes: list[dict], indicator_ids: list[str]) -> list[dict]:
    """Changes that name any of these indicators (a change naming none applies to all)."""
    wanted = set(indicator_ids)
    out = []
    for c in changes:
        named = {i.strip() for i in (c.get("indicators") or "").split(";") if i.strip()}
        if not named or named & wanted or any(n.split(".")[0] in wanted for n in named):
            out.append(c)
    return out


# ---------------------------------------------------------------- stories

_WORD = letter_word_pattern(2)


def _fts_query(terms: list[str]) -> str:
    parts = []
    for t in terms:
        words = _WORD.findall(t)
        if not words:
            continue
        parts.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
    return " OR ".join(parts)


def stories(db: Database, terms: list[str], *, domains: list[str] | None = None,
            exclude: set[str] | None = None, limit: int = 3) -> list[dict]:
    """Stories that may be used externally (:data:`evidencebot.store.workflow.EXPORTABLE_SQL`), best match first.

    Full-text search (porter stemming) on ``terms``; when nothing matches,
    stories tagged with one of ``domains``, newest first.
    """
    exclude = exclude or set()
    out: list[dict] = []
    query = _fts_query(terms)
    if query:
        out = [r for r in workflow.match_exportable_stories(db, query) if r["story_id"] not in exclude]
    if not out and domains:
        rows = workflow.exportable_stories(db)
        wanted = set(domains)
        out = [r for r in rows if r["story_id"] not in exclude
               and wanted & {d for d in (r["domains"] or "").split(";") if d}]
    return out[:limit]


def external_stories(db: Database) -> list[dict]:
    """Stories that may appear in an external document, newest first (see :func:`workflow.exportable_stories`)."""
    return workflow.exportable_stories(db)


def story_is_external(row: dict) -> bool:
    """True when the story may appear in an external document (:func:`workflow.is_exportable`)."""
    return workflow.is_exportable(row)


# ---------------------------------------------------------------- contract review: activity, waits, actions


@dataclass
class Activity:
    caseload_start: int = 0
    caseload_end: int = 0
    referrals: int = 0
    discharges: int = 0
    contacts_attended: int = 0
    contacts_planned: int = 0
    """Planned and review contacts booked (attended, late, did not attend), cancellations left out."""
    unplanned: int = 0
    plan: dict = field(default_factory=dict)
    """measure -> planned value for the period, from ``activity_plan`` (empty when not held)."""


ACTIVITY_MEASURES = ("referrals", "caseload_end", "contacts_attended")
"""activity_plan measure codes the review compares with (others are listed as they are)."""


def activity(db: Database, p) -> Activity:
    """Referrals, caseload, discharges and contacts in the period, and the plan when held."""
    out = Activity(**records.activity_counts(db, *_bounds(p)))
    out.plan = records.activity_plan(db, getattr(p, "label", str(p))) or {}
    return out


@dataclass
class Waits:
    referrals: int = 0
    seen: int = 0
    median_days: float | None = None
    within_14: int = 0
    waiting: int = 0
    """Referred in the period and not yet seen by the latest data date."""
    longest_days: int | None = None
    """The longest wait from referral to first attended contact among those seen."""


def waiting_times(db: Database, p, latest: _dt.date | None = None) -> Waits:
    """Referral to first attended contact, for people referred in the period."""
    rows = records.first_contacts(db, *_bounds(p))
    out = Waits(referrals=len(rows))
    days = []
    for referred, first in rows:
        if not first:
            out.waiting += 1
            continue
        gap = (_dt.date.fromisoformat(first[:10]) - _dt.date.fromisoformat(referred[:10])).days
        days.append(gap)
    out.seen = len(days)
    out.within_14 = sum(1 for d in days if d <= 14)
    out.median_days = statistics.median(days) if days else None
    out.longest_days = max(days) if days else None
    return out


def action_status(row: dict, as_of: _dt.date) -> str:
    """The one status of an incident action as of a date: closed on time / closed late /
    overdue / open. Every table in a review uses this, so they cannot disagree."""
    closed, due = (row.get("closed_on") or "")[:10], (row.get("due_on") or "")[:10]
    day = as_of.isoformat()
    if closed and closed <= day:
        if due and closed > due:
            return f"closed late ({closed})"
        return f"closed on time ({closed})" if due else f"closed ({closed})"
    if due and due < day:
        return f"overdue (due {due})"
    return f"open (due {due})" if due else "open (no due date)"


def review_actions(db: Database, p, as_of: _dt.date) -> list[dict]:
    """Incident actions that fell due in the period or were still open at its end,
    each with its status as of ``as_of`` (the latest data date)."""
    start, end = _bounds(p)
    rows = records.actions_due_or_open(db, start, end)
    for r in rows:
        r["status"] = action_status(r, as_of)
        r["due_in_period"] = bool(r.get("due_on")) and start <= r["due_on"][:10] <= end
    return rows


def workforce(db: Database, p) -> list[dict] | None:
    """Workforce and supervision figures for the period (None when the table is not there)."""
    return records.workforce(db, getattr(p, "label", str(p)))


def requests(db: Database, p) -> list[dict] | None:
    """Requests to the commissioner raised up to the end of the period and not closed."""
    return records.open_requests(db, p.end.isoformat())
