"""Escalation patterns and the people to bring to case review.

:func:`find_patterns` looks at one period and returns a :class:`PatternsReport`:

* **Triggers**: how often each escalation trigger was recorded in the period
  (an escalation with two triggers counts once for each), against the
  previous period, with the SPC verdict of its monthly count over up to 24
  months (more escalations is read as worse).
* **People for case review**, by pseudonymised id, each with every reason that
  applies. A person is considered when they were on the caseload in the
  period. The reasons:

  ``repeat_crisis``
      two crisis events that started no more than 30 days apart, the later one
      in the period;
  ``unplanned_surge``
      at least 3 unplanned contacts (not cancelled) in the last 4 weeks of the
      period (its last 28 days), and at least double their own average per 4
      weeks over the 12 weeks before that;
  ``above_baseline``
      at least 2 escalations in the period, and escalations per month (over
      their days on the caseload in the period, as the
      ``below_baseline_escalation`` indicator) at least 1.5 times their
      onboarding baseline. (Merely above it is too common to be a prompt: in
      the demo service a quarter of the caseload is above it in any quarter,
      by chance alone.)
  ``no_followup_72h``
      an eligible discharge in the period (not a transfer or death) without a
      follow-up within 3 days, whose 3 days have passed;
  ``crisis_no_plan``
      a crisis event in the period, on the caseload at its end, and no crisis
      plan created or reviewed in the six calendar months ending then;
  ``disengaged``
      on the caseload at the period end, referred before its last 8 weeks, and
      no attended contact in those 8 weeks.

Nothing here is a clinical judgement: it is a list of prompts for a case
review, with the facts behind each.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from evidencebot.metrics import spc
from evidencebot.metrics.indicators import (
    DAYS_PER_MONTH,
    SERIES_MONTHS,
    _change_positions,
    _mi,
    _month_start,
    _resolve_period,
    _series_spans,
    _settings,
    _state,
    month_label,
)
from evidencebot.store import case_review

REPEAT_DAYS = 30
SURGE_MIN = 3
SURGE_FACTOR = 2.0
ABOVE_BASELINE_MIN = 2
ABOVE_BASELINE_FACTOR = 1.5

REASON_TITLES = {
    "repeat_crisis": "two or more crisis events within 30 days",
    "unplanned_surge": "unplanned contacts at least double their usual level",
    "above_baseline": "escalating at least 1.5 times as often as their onboarding baseline",
    "no_followup_72h": "discharge without follow-up within 72 hours",
    "crisis_no_plan": "crisis event and no current crisis plan",
    "disengaged": "no attended contact in the last 8 weeks",
}


@dataclass
class TriggerTrend:
    trigger: str
    count: int
    previous: int
    change: int
    trend: str
    """'up', 'down', 'same' or 'new' compared with the previous period."""
    spc_verdict: str | None = None
    spc_rule: str | None = None


@dataclass
class Reason:
    code: str
    detail: str

    @property
    def title(self) -> str:
        return REASON_TITLES.get(self.code, self.code)


@dataclass
class ReviewPerson:
    person_id: str
    reasons: list[Reason] = field(default_factory=list)


@dataclass
class PatternsReport:
    period: str
    period_start: str
    period_end: str
    compare_period: str
    triggers: list[TriggerTrend]
    people: list[ReviewPerson]
    escalations: int
    previous_escalations: int

    def to_dict(self) -> dict:
        data = asdict(self)
        for person, raw in zip(self.people, data["people"]):
            for reason, item in zip(person.reasons, raw["reasons"]):
                item["title"] = reason.title
        return data


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _after(d: dt.date) -> str:
    return _iso(d + dt.timedelta(days=1))


def _trend(now: int, before: int) -> str:
    if before == 0 and now > 0:
        return "new"
    return "up" if now > before else "down" if now < before else "same"


def _split(triggers: str | None) -> list[str]:
    parts = [p.strip() for p in (triggers or "").split(";") if p.strip()]
    return parts or ["not recorded"]


def _trigger_trends(ctx, period, compare, settings) -> tuple[list[TriggerTrend], int, int]:
    db, latest = ctx.db, ctx.latest
    spans = _series_spans(ctx, _mi(period.end), SERIES_MONTHS)
    months = [month_label(s.first) for s in spans]
    in_series = set(months)
    start = f"{months[0]}-01" if months else _iso(period.start)
    lo = min(start, _iso(compare.start))
    monthly: dict[str, Counter] = defaultdict(Counter)
    now: Counter = Counter()
    before: Counter = Counter()
    n_now = n_before = 0
    p0, p1 = _iso(period.start), _after(period.end)
    c0, c1 = _iso(compare.start), _after(compare.end)
    for raised, triggers, n in case_review.trigger_counts(db, lo, p1):
        parts = _split(triggers)
        if p0 <= raised < p1:
            n_now += n
            for t in parts:
                now[t] += n
        if c0 <= raised < c1:
            n_before += n
            for t in parts:
                before[t] += n
        if raised[:7] in in_series:
            for t in parts:
                monthly[t][raised[:7]] += n
    month_starts = [s.start for s in spans]
    # changes aimed at named indicators are not about escalations in general
    rebase = _change_positions((day for day, ids in ctx.service_changes() if not ids), spans)
    trends = []
    for trigger in sorted(set(now) | set(before), key=lambda t: (-now[t], -before[t], t)):
        values = []
        for m, first in zip(months, month_starts):
            # months before the data start, or after the latest data, have no value
            has_data = latest is None or first <= latest
            values.append(monthly[trigger].get(m, 0) if has_data else None)
        verdict = rule = None
        if months:
            result = spc.xmr(
                values, improvement="decrease", rebase_at=rebase, labels=months,
                shift=settings.spc.shift_length, trend=settings.spc.trend_length,
                screen=settings.spc.screen_moving_ranges, baseline_points=settings.spc.baseline_points,
            )
            verdict, rule = result.verdict, result.rule
        trends.append(
            TriggerTrend(trigger, now[trigger], before[trigger], now[trigger] - before[trigger],
                         _trend(now[trigger], before[trigger]), verdict, rule)
        )
    return trends, n_now, n_before


def _people_in_period(db, period) -> dict[str, tuple[str, str | None, float | None]]:
    rows = case_review.people_on_caseload(db, _iso(period.start), _iso(period.end))
    return {pid: (ref, dis or None, base) for pid, ref, dis, base in rows}


def _repeat_crisis(db, period, people, add) -> None:
    rows = case_review.crisis_starts(db, _iso(period.start - dt.timedelta(days=REPEAT_DAYS)), _after(period.end))
    by_person: dict[str, list[str]] = defaultdict(list)
    for pid, day in rows:
        by_person[pid].append(day[:10])
    p0 = _iso(period.start)
    for pid, days in by_person.items():
        if pid not in people:
            continue
        closest = None
        for earlier, later in zip(days, days[1:]):
            gap = (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days
            if later >= p0 and gap <= REPEAT_DAYS and (closest is None or gap < closest[0]):
                closest = (gap, earlier, later)
        if closest:
            in_period = sum(1 for d in days if d >= p0)
            add(pid, "repeat_crisis",
                f"{in_period} crisis event{'s' if in_period != 1 else ''} in the period; "
                f"{closest[1]} and {closest[2]} were {closest[0]} days apart")


def _unplanned_surge(db, period, people, add) -> None:
    recent_start = period.end - dt.timedelta(days=27)
    before_start = recent_start - dt.timedelta(days=84)
    rows = case_review.unplanned_contacts(db, _iso(before_start), _iso(recent_start), _after(period.end))
    for pid, recent, earlier in rows:
        if pid not in people:
            continue
        usual = (earlier or 0) / 3  # per 4 weeks over the 12 weeks before
        if recent >= SURGE_MIN and recent >= SURGE_FACTOR * usual:
            add(pid, "unplanned_surge",
                f"{recent} unplanned contacts in the last 4 weeks ({_iso(recent_start)} to "
                f"{_iso(period.end)}); {usual:.1f} per 4 weeks in the 12 weeks before")


def _above_baseline(db, period, people, add) -> None:
    rows = case_review.escalations_by_person(db, _iso(period.start), _after(period.end))
    for pid, n in rows:
        if pid not in people or n < ABOVE_BASELINE_MIN:
            continue
        ref, dis, baseline = people[pid]
        if not baseline or baseline <= 0:
            continue
        first = max(period.start, dt.date.fromisoformat(ref[:10]))
        last = min(period.end, dt.date.fromisoformat(dis[:10])) if dis else period.end
        days = (last - first).days + 1
        if days <= 0:
            continue
        rate = n / (days / DAYS_PER_MONTH)
        if rate >= ABOVE_BASELINE_FACTOR * baseline:
            add(pid, "above_baseline",
                f"{n} escalations in {days} days on the caseload = {rate:.1f} a month; "
                f"baseline {baseline:g} a month")


def _no_followup(db, period, people, add, latest) -> None:
    rows = case_review.discharges_to_follow_up(db, _iso(period.start), _after(period.end))
    for pid, spell, discharged, followup in rows:
        if pid not in people:
            continue
        day = dt.date.fromisoformat(discharged[:10])
        if latest is not None and day + dt.timedelta(days=3) > latest:
            continue  # the 3 days have not passed yet
        if followup:
            gap = (dt.date.fromisoformat(followup[:10]) - day).days
            if 0 <= gap <= 3:
                continue
            what = f"first follow-up on day {gap}"
        else:
            what = "no follow-up recorded"
        add(pid, "no_followup_72h", f"spell {spell} discharged {discharged[:10]}: {what}")


def _plan_window_start(end: dt.date) -> dt.date:
    """First day of the six calendar months ending on ``end`` (a month end)."""
    return _month_start(_mi(end) - 5)


def _crisis_no_plan(db, period, add) -> None:
    end, window = _iso(period.end), _iso(_plan_window_start(period.end))
    # every review in the plan history counts (migration m010), not only the latest
    rows = case_review.crisis_without_plan(db, _iso(period.start), _after(period.end), end, window)
    for pid, n, last in rows:
        add(pid, "crisis_no_plan",
            f"{n} crisis event{'s' if n != 1 else ''} in the period (latest {last[:10]}); no crisis plan "
            f"created or reviewed since {window}")


def _disengaged(db, period, add) -> None:
    end = period.end
    window = end - dt.timedelta(days=55)
    rows = case_review.without_attended_contact(db, _iso(window), _iso(end), _after(end))
    for pid, last in rows:
        seen = f"last attended contact {last[:10]}" if last else "no attended contact recorded"
        add(pid, "disengaged", f"no attended contact {_iso(window)} to {_iso(end)}; {seen}")


def find_patterns(db, period=None, *, compare=None, settings=None) -> PatternsReport:
    """Trigger trends and case-review prompts for ``period`` (default: the last quarter)."""
    settings = _settings(settings)
    ctx = _state(db)["ctx"]
    period = _resolve_period(period, ctx)
    compare = _resolve_period(compare, ctx) if compare is not None else period.previous()
    triggers, n_now, n_before = _trigger_trends(ctx, period, compare, settings)

    people = _people_in_period(db, period)
    found: dict[str, list[Reason]] = defaultdict(list)

    def add(pid: str, code: str, detail: str) -> None:
        if not any(r.code == code for r in found[pid]):
            found[pid].append(Reason(code, detail))

    _repeat_crisis(db, period, people, add)
    _unplanned_surge(db, period, people, add)
    _above_baseline(db, period, people, add)
    _no_followup(db, period, people, add, ctx.latest)
    _crisis_no_plan(db, period, add)
    _disengaged(db, period, add)
    order = list(REASON_TITLES)
    review = [
        ReviewPerson(pid, sorted(reasons, key=lambda r: order.index(r.code)))
        for pid, reasons in found.items()
    ]
    review.sort(key=lambda p: (-len(p.reasons), p.person_id))
    return PatternsReport(
        period=period.label,
        period_start=_iso(period.start),
        period_end=_iso(period.end),
        compare_period=compare.label,
        triggers=triggers,
        people=review,
        escalations=n_now,
        previous_escalations=n_before,
    )
