"""Computing the catalogue's indicators from the service tables.

Entry points:

- :func:`compute` one indicator for a period (and its comparison period);
- :func:`compute_all` every indicator (or a chosen few) for a period;
- :func:`monthly_series` the monthly values behind an indicator's SPC chart;
- :func:`latest_data_date` the date relative periods ("last quarter") count from.

Each indicator follows its definition in ``catalogue.yaml`` word for word; the
conventions shared by all of them (caseload, eligible discharges, pending
windows, missing flags) are written at the top of that file.

How it is kept fast
-------------------
Every period is a whole number of calendar months, so each indicator is
computed for a list of *spans* of months at once: the period, the comparison
period and each month of the SPC series (24 months ending with the period).
Additive indicators (counts of contacts, discharges, escalations ...) count
each month once, either with one ``GROUP BY`` month query per contiguous run
of months or, where a covering index makes it cheaper than sorting every row
of the window, with one count per month; spans add months up. The others
(distinct people, medians, the latest review per goal, caseload
denominators) read their rows once and split them by span in Python, or do it
in one SQL statement over a ``VALUES`` list of spans; caseload counts come
from sorted referral and discharge dates with :mod:`bisect`. Shared reads
(people, monthly contact counts, goal reviews, scores) are kept on a
per-database context for as long as the data do not change.
:func:`compute_all` also hands the indicators whose time is spent inside
SQLite (:data:`WORKER_FAMILIES`) to a second thread with its own read-only
connection. The queries are written for the indexes in
:data:`RECOMMENDED_INDEXES` (not created here: the schema belongs to the
migrations); without them results are identical, only slower.

The cache
---------
Results are kept in memory, on the ``Database`` object, keyed by indicator,
period, comparison period, external flag and SPC/suppression settings, and
are valid for one *data version* (:mod:`evidencebot.store.dataversion`): a commit
by another connection, a schema change or a write on this connection to a data
table empties the cache; saving drafts, tender answers, library blocks and the
audit trail they write does not. Reading the version costs two trivial calls.
The raw measures behind a result (before suppression) are kept on the context
too, so an indicator computed for inside and for outside the service (the
evidence check and the document) is worked out once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import sqlite3
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from itertools import compress
from typing import Callable

from evidencebot.config import load_settings
from evidencebot.errors import InputError
from evidencebot import mentions
from evidencebot.metrics import outcomes, periods, spc, stats, suppression
from evidencebot.metrics.catalogue import Indicator, get_indicator, load_catalogue
from evidencebot.metrics.periods import Period, parse_period
from evidencebot.metrics.results import IndicatorResult
from evidencebot.metrics.suppression import round_count
from evidencebot.store import dataversion
from evidencebot.store import indicator_reads as reads

ATTENDED, DNA, CANCELLED = reads.ATTENDED, reads.DNA, reads.CANCELLED
"""Attendance codes: seen ('late' = arrived late but seen), did not attend, cancelled."""
NOT_ELIGIBLE_DISCHARGE = reads.NOT_ELIGIBLE_DISCHARGE
SERIES_MONTHS = 24
DAYS_PER_MONTH = mentions.days(1, "month")  # 365.25 / 12: the one table of time units (evidencebot.mentions)
RHO = 0.3
FOLLOWUP_MIN_DAYS = 28
TARGET_COMPARISONS = (">=", ">", "<=", "<")
TARGET_WORDS = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}

NO_RATIONALE = reads.NO_RATIONALE
RECOMMENDED_INDEXES = reads.RECOMMENDED_INDEXES
"""Indexes the indicator queries are written for (:data:`evidencebot.store.indicator_reads.RECOMMENDED_INDEXES`);
without them every result is the same, only slower."""
index_sql = reads.index_sql


# ------------------------------------------------------------------ months and spans


def _mi(d: dt.date) -> int:
    """Month index: year * 12 + month - 1."""
    return d.year * 12 + d.month - 1


def _month_start(mi: int) -> dt.date:
    return dt.date(mi // 12, mi % 12 + 1, 1)


def _month_end(mi: int) -> dt.date:
    return _month_start(mi + 1) - dt.timedelta(days=1)


def month_label(mi: int) -> str:
    return f"{mi // 12:04d}-{mi % 12 + 1:02d}"


def _label_mi(label: str) -> int:
    return int(label[:4]) * 12 + int(label[5:7]) - 1


@dataclass(frozen=True)
class Span:
    """A run of whole months, first..last (month indices), both included."""

    first: int
    last: int
    detail: bool = False
    """True for the period and comparison period: compute the extras too."""

    @property
    def start(self) -> dt.date:
        return _month_start(self.first)

    @property
    def end(self) -> dt.date:
        return _month_end(self.last)

    @property
    def months(self) -> range:
        return range(self.first, self.last + 1)


def _runs(months: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of sorted distinct month indices."""
    runs: list[tuple[int, int]] = []
    for m in months:
        if runs and m == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


def _iso(d: dt.date) -> str:
    return d.isoformat()


# ------------------------------------------------------------------ measures


@dataclass
class Measure:
    """A computed value for one span, before it becomes an :class:`IndicatorResult`.

    The interval is worked out only for the spans that are reported (the
    period and comparison period), by :func:`_add_ci`; series months need only
    the value.
    """

    value: float | None
    numerator: int | None
    denominator: int | None
    ci_low: float | None = None
    ci_high: float | None = None
    extra: dict = field(default_factory=dict)
    method: str | None = None
    """How the interval is calculated: wilson, rate, median or mean."""
    values: list | None = field(default=None, repr=False)
    """Sorted values behind a median, or the scores behind a mean."""


def _finite(x) -> float | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return float(x)


def _proportion(x: int, n: int, extra: dict | None = None) -> Measure:
    return Measure(100 * x / n if n else None, x, n, extra=dict(extra or {}), method="wilson")


def _rate(x: int, n: int, extra: dict | None = None) -> Measure:
    return Measure(100 * x / n if n else None, x, n, extra=dict(extra or {}), method="rate")


def _median(values: list[float], numerator: int, denominator: int, extra: dict | None = None) -> Measure:
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        value = None
    elif n % 2:
        value = float(ordered[n // 2])
    else:
        value = (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return Measure(value, numerator, denominator, extra=dict(extra or {}), method="median", values=ordered)


def _mean(scores: list[float], numerator: int, extra: dict | None = None) -> Measure:
    value = math.fsum(scores) / len(scores) if scores else None
    return Measure(value, numerator, len(scores), extra=dict(extra or {}), method="mean", values=scores)


def _median_ci(ordered: list[float]) -> tuple[float | None, float | None]:
    low, high = stats.median_ci(ordered)
    return _finite(low), _finite(high)


def _add_ci(m: Measure) -> Measure:
    """Fill in the 95% interval (and name its method) for a reported measure."""
    if m.value is None:
        return m
    if m.method == "wilson":
        low, high = stats.wilson(m.numerator, m.denominator)
        m.ci_low, m.ci_high = _finite(100 * low), _finite(100 * high)
        m.extra.setdefault("method", "Wilson score interval")
    elif m.method == "rate":
        low, high, how = stats.rate_ci(m.numerator, m.denominator, 100)
        m.ci_low, m.ci_high = _finite(low), _finite(high)
        m.extra.setdefault("method", "exact Poisson interval" if how == "exact" else "Byar's interval")
    elif m.method == "median":
        m.ci_low, m.ci_high = _median_ci(m.values or [])
        m.extra.setdefault("method", "median; distribution-free interval from order statistics")
    elif m.method == "mean":
        _, low, high = stats.mean_ci(m.values or [])
        m.ci_low, m.ci_high = _finite(low), _finite(high)
        m.extra.setdefault("method", "mean; Student-t interval")
    return m


# ------------------------------------------------------------------ people (caseload)


class _People:
    """Referral and discharge dates as sorted ordinals, for counting caseloads fast."""

    def __init__(self, rows: list[tuple[str, int, int | None, float | None]]):
        self.by_id: dict[str, tuple[int, int | None, float | None]] = {
            pid: (ref, out, baseline) for pid, ref, out, baseline in rows
        }
        # discharge before referral (the importer refuses it): checked one by one
        self.odd = [(ref, out) for _, ref, out, _ in rows if out is not None and out < ref]
        good = [(ref, out) for _, ref, out, _ in rows if out is None or out >= ref]
        good.sort(key=lambda r: r[0])
        self.by_ref = good
        self.refs = self.ref_keys = [r for r, _ in good]
        self.dis = sorted(out for _, out in good if out is not None)

    def count(self, ref_max: int, dis_min: int) -> int:
        """People with referral <= ref_max and (no discharge or discharge >= dis_min)."""
        n = bisect.bisect_right(self.refs, ref_max)
        gone = bisect.bisect_left(self.dis, dis_min)  # discharged before dis_min
        if dis_min > ref_max:
            # discharged before dis_min but referred after ref_max: not in n, so not removed
            i = bisect.bisect_right(self.ref_keys, ref_max)
            while i < len(self.by_ref) and self.by_ref[i][0] < dis_min:
                out = self.by_ref[i][1]
                if out is not None and out < dis_min:
                    gone -= 1
                i += 1
        n -= gone
        n += sum(1 for ref, out in self.odd if ref <= ref_max and out >= dis_min)
        return n

    def active(self, pid: str, ref_max: int, dis_min: int) -> bool:
        row = self.by_id.get(pid)
        if row is None:
            return False
        ref, out, _ = row
        return ref <= ref_max and (out is None or out >= dis_min)

    def caseload(self, span: Span) -> int:
        return self.count(span.end.toordinal(), span.start.toordinal())


# ------------------------------------------------------------------ context


class _Context:
    """Shared reads for one data version of one database."""

    def __init__(self, db, version):
        self.db = db
        self.version = version
        self.memo: dict = {}
        self.latest = latest_data_date(db)
        self.earliest = earliest_data_date(db)
        self.latest_iso = _iso(self.latest) if self.latest else "0000-00-00"

    def cached(self, key, build: Callable):
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    @property
    def people(self) -> _People:
        def build():
            return _People(reads.people_days(self.db))

        return self.cached("people", build)

    @property
    def baseline_people(self) -> _People:
        def build():
            rows = [(pid, ref, out, b) for pid, (ref, out, b) in self.people.by_id.items() if b and b > 0]
            return _People(rows)

        return self.cached("baseline_people", build)

    def service_changes(self) -> list[tuple[dt.date, set[str]]]:
        def build():
            found = []
            for changed_on, indicators in reads.service_change_dates(self.db):
                try:
                    day = dt.date.fromisoformat(str(changed_on)[:10])
                except ValueError:
                    continue
                ids = {p.strip() for p in (indicators or "").replace(",", ";").split(";") if p.strip()}
                found.append((day, ids))
            return sorted(found, key=lambda c: c[0])

        return self.cached("service_changes", build)

    def has_index(self, table: str, columns: tuple[str, ...]) -> bool:
        """Whether some index on ``table`` starts with exactly these columns."""
        indexes = self.cached(("indexes", table), lambda: reads.index_columns(self.db, table))
        return any(cols[: len(columns)] == columns for cols in indexes)

    def _targets(self) -> dict:
        return self.cached("targets", lambda: reads.targets_with_comparison(self.db))

    def target(self, ind: Indicator) -> float | None:
        targets = self._targets()
        value, _ = targets.get(ind.id, targets.get(ind.family, (None, None)))
        return float(value) if isinstance(value, (int, float)) else None

    def target_comparison(self, ind: Indicator) -> str | None:
        """'>=', '>', '<=' or '<' as stored with the target, else from the direction."""
        targets = self._targets()
        _, stored = targets.get(ind.id, targets.get(ind.family, (None, None)))
        stored = (stored or "").strip()
        if stored in TARGET_COMPARISONS:
            return stored
        return {"increase": ">=", "decrease": "<="}.get(ind.direction)


def data_version(db) -> tuple:
    """Changes whenever the data may have changed (:func:`evidencebot.store.dataversion.data_version`)."""
    return dataversion.data_version(db)


def _state(db) -> dict:
    """The per-database cache, emptied when the data version moves."""
    version = data_version(db)
    state = getattr(db, "_evidencebot_metrics", None)
    if state is None or state["version"] != version:
        state = {"version": version, "ctx": None, "results": {}}
        try:
            db._evidencebot_metrics = state
        except AttributeError:  # an object that takes no attributes: no caching
            pass
    if state["ctx"] is None:
        state["ctx"] = _Context(db, version)
    return state


NOT_COUNTS = frozenset({"threshold"})
"""Integer ``extra`` fields that are not counts of people or records (never suppressed)."""


def latest_data_date(db) -> dt.date | None:
    """The latest date in contacts, escalations, crisis events and admissions (None if empty)."""
    day = reads.latest_record_day(db)
    return dt.date.fromisoformat(day) if day else None


def earliest_data_date(db) -> dt.date | None:
    """The earliest date in the same tables as :func:`latest_data_date`."""
    day = reads.earliest_record_day(db)
    return dt.date.fromisoformat(day) if day else None


# ------------------------------------------------------------------ helpers for spans


def _by_month(ctx: _Context, spans: list[Span], query: Callable[[int, int], dict[int, Counter]]) -> list[Counter]:
    """Add up per-month counters for each span; ``query(first, last)`` runs once per run of months."""
    months = sorted({m for s in spans for m in s.months})
    per_month: dict[int, Counter] = {}
    for lo, hi in _runs(months):
        per_month.update(query(lo, hi))
    totals = []
    for span in spans:
        total: Counter = Counter()
        for m in span.months:
            if m in per_month:
                total.update(per_month[m])
        totals.append(total)
    return totals


def _range(lo: int, hi: int) -> tuple[str, str]:
    """SQL bounds for months lo..hi: ``col >= start and col < end`` (works for date-times)."""
    return _iso(_month_start(lo)), _iso(_month_start(hi + 1))


def _monthly(ctx: _Context, spans: list[Span], names: tuple[str, ...], read: Callable[..., list[tuple]],
             *args, **kwargs) -> list[Counter]:
    """Counts named ``names`` for each span, added up from a Store read that counts by month:
    ``read(db, *args, start, end, **kwargs)`` returns rows of ('YYYY-MM', count, ...) and runs once
    per run of months."""
    return _by_month(ctx, spans, lambda lo, hi: _grouped(ctx, lo, hi, names, read, *args, **kwargs))


def _grouped(ctx: _Context, lo: int, hi: int, names: tuple[str, ...], read: Callable[..., list[tuple]],
             *args, **kwargs) -> dict[int, Counter]:
    """The rows of ``read`` (see :func:`_monthly`) for months lo..hi, by month."""
    start, end = _range(lo, hi)
    out: dict[int, Counter] = {}
    for row in read(ctx.db, *args, start, end, **kwargs):
        if not row[0]:
            continue
        out[_label_mi(row[0])] = Counter({k: (v or 0) for k, v in zip(names, row[1:])})
    return out


def _spans_rows(spans: list[Span], keys: list[str]) -> list[tuple[int, int]]:
    """For rows sorted by their ISO date ``keys``, the (lo, hi) slice of each span."""
    out = []
    for span in spans:
        lo = bisect.bisect_left(keys, _iso(span.start))
        hi = bisect.bisect_left(keys, _iso(span.end + dt.timedelta(days=1)))
        out.append((lo, hi))
    return out


def _dated_rows(ctx: _Context, key, spans: list[Span], read: Callable[..., list[tuple]]):
    """Rows whose first column is a date, read (``read(db, start, end)``, a Store read) over the union
    of the spans, and sorted."""
    runs = _runs(sorted({m for s in spans for m in s.months}))
    rows: list[tuple] = []
    for lo, hi in runs:  # runs are disjoint and in date order, so rows stay sorted
        start, end = _range(lo, hi)
        rows.extend(ctx.cached((key, lo, hi), lambda start=start, end=end: read(ctx.db, start, end)))
    keys = [r[0] for r in rows]  # ISO dates or date-times: they sort and bisect as text
    return rows, keys


# ------------------------------------------------------------------ safety


def _crisis_rate(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    counts = _monthly(ctx, spans, ("events",), reads.crisis_events_by_month)
    people = ctx.people
    return [_rate(c["events"], people.caseload(s)) for s, c in zip(spans, counts)]


EPISODE_GAP_DAYS = 7
"""A crisis event starting more than this many days after the end of the person's
previous crisis episode starts a new episode (metrics note s7, repeat crisis use)."""


def _episodes(events: list[tuple[str, str | None]]) -> int:
    """Crisis episodes among one person's events ((started_on, ended_on), by start):
    an event more than EPISODE_GAP_DAYS after the episode's last day starts a new one."""
    count, until = 0, None
    for started, ended in events:
        start = dt.date.fromisoformat(started[:10])
        try:
            end = max(start, dt.date.fromisoformat(ended[:10])) if ended else start
        except ValueError:
            end = start
        if until is None or (start - until).days > EPISODE_GAP_DAYS:
            count += 1
            until = end
        else:
            until = max(until, end)
    return count


def _repeat_crisis(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    rows, keys = _dated_rows(ctx, "crisis_people", spans, reads.crisis_events_started)
    out = []
    for lo, hi in _spans_rows(spans, keys):
        per_person: dict[str, list] = defaultdict(list)
        for started, pid, _, ended in rows[lo:hi]:
            per_person[pid].append((started, ended))
        repeat = sum(1 for events in per_person.values() if len(events) >= 2 and _episodes(events) >= 2)
        out.append(_proportion(repeat, len(per_person)))
    return out


def _contact_months(ctx: _Context, lo: int, hi: int) -> dict[int, Counter]:
    """Contacts of the kinds that indicators count, by month, kind and attendance.

    One count per month: with an index on (kind, attendance, contact_at) each is
    a walk over index entries only, which is much cheaper than one grouped
    query that must sort every contact of the window by month.
    """

    def build():
        out: dict[int, Counter] = {}
        if not ctx.has_index("contacts", ("kind", "attendance", "contact_at")):
            # without that index, one pass over the whole table beats a range of the
            # contact_at index with a table lookup for every contact
            start, end = _range(lo, hi)
            for month, kind, attendance, n in reads.contact_counts_by_month(ctx.db, start, end):
                out.setdefault(_label_mi(month), Counter())[(kind, attendance)] += n
            return out
        for m in range(lo, hi + 1):
            start, end = _range(m, m)
            out[m] = Counter(
                {(kind, attendance): n for kind, attendance, n in reads.indicator_contact_counts(ctx.db, start, end)}
            )
        return out

    return ctx.cached(("contact_months", lo, hi), build)


def _step_up_rate(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    counts = _by_month(ctx, spans, lambda lo, hi: _contact_months(ctx, lo, hi))
    people = ctx.people
    out = []
    for span, c in zip(spans, counts):
        step_ups = sum(c[("step_up", a)] for a in ATTENDED + DNA)
        out.append(_rate(step_ups, people.caseload(span)))
    return out


def _escalation_review_hours(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # Hours per month (a span's values are its months' values put together);
    # NULL = not reviewed yet. With an index on (raised_at, reviewed_at) the
    # query reads the index alone; without it a scan of the table beats the
    # raised_at index plus a table lookup for every escalation.
    indexed = ctx.has_index("escalations", ("raised_at", "reviewed_at"))

    def run_hours(lo: int, hi: int) -> dict[int, list]:
        def build():
            if indexed:  # index only: one query a month, no sorting or splitting
                out = {}
                for m in range(lo, hi + 1):
                    start, end = _range(m, m)
                    out[m] = reads.escalation_review_hours(ctx.db, start, end)
                return out
            start, end = _range(lo, hi)
            by_month: dict[int, list] = defaultdict(list)
            for month, h in reads.escalation_review_hours_by_month(ctx.db, start, end):
                by_month[_label_mi(month)].append(h)
            return dict(by_month)

        return ctx.cached(("escalation_hours", lo, hi), build)

    per_month: dict[int, list] = {}
    for lo, hi in _runs(sorted({m for s in spans for m in s.months})):
        per_month.update(run_hours(lo, hi))
    out = []
    for span in spans:
        raised = unreviewed = 0
        hours: list[float] = []
        for m in span.months:
            values = per_month.get(m, ())
            raised += len(values)
            for h in values:
                if h is None:
                    unreviewed += 1
                elif h > -1e-9:
                    hours.append(h if h > 0 else 0.0)
        extra = {"unreviewed": unreviewed, "invalid": raised - unreviewed - len(hours)}
        if unreviewed:
            # the median if every escalation with no recorded review took longer than any
            # reviewed one: a target judged on the median must hold for this too
            worst = _median(hours + [math.inf] * unreviewed, 0, 0).value
            extra["worst_case_value"] = worst if worst is not None and math.isfinite(worst) else None
        out.append(_median(hours, len(hours), raised, extra))
    return out


def _review_72h(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # pending: the 72 hours end after the latest data date, i.e. the step-up is
    # dated on or after latest - 2 days. CASE stops at the first review found.
    pending_from = _iso(ctx.latest - dt.timedelta(days=2)) if ctx.latest else "9999"
    by_kind = ctx.has_index("contacts", ("kind", "attendance", "contact_at"))

    counts = _monthly(ctx, spans, ("den", "num", "pending"), reads.step_up_reviews_by_month, pending_from,
                      by_kind_index=by_kind)
    return [_proportion(c["num"], c["den"], {"pending": c["pending"]}) for c in counts]


def _crisis_episode_days(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    rows, keys = _dated_rows(ctx, "crisis_days", spans, reads.crisis_events_ended)
    out = []
    for lo, hi in _spans_rows(spans, keys):
        days = [round(d) for _, _, d in rows[lo:hi] if d is not None and d >= 0]
        invalid = (hi - lo) - len(days)
        out.append(_median(days, len(days), len(days), {"invalid": invalid}))
    return out


def _next_working_day(day: dt.date) -> dt.date:
    nxt = day + dt.timedelta(days=1)
    while nxt.weekday() >= 5:
        nxt += dt.timedelta(days=1)
    return nxt


def _safeguarding_timely(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    latest = ctx.latest

    def query(lo: int, hi: int) -> dict[int, Counter]:
        start, end = _range(lo, hi)
        out: dict[int, Counter] = defaultdict(Counter)
        for concern_on, referred_on in reads.safeguarding_concerns(ctx.db, start, end):
            day = dt.date.fromisoformat(concern_on[:10])
            deadline = _next_working_day(day)
            c = out[_mi(day)]
            if latest is not None and deadline > latest:
                c["pending"] += 1
                continue
            c["den"] += 1
            if referred_on and day <= dt.date.fromisoformat(referred_on[:10]) <= deadline:
                c["num"] += 1
            if not referred_on:
                c["not_referred"] += 1
        return dict(out)

    counts = _by_month(ctx, spans, query)
    return [
        _proportion(c["num"], c["den"], {"pending": c["pending"], "not_referred": c["not_referred"]})
        for c in counts
    ]


def _crisis_plan_current(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # Every span ends on a month end E, and "the six calendar months ending on E"
    # start on the first day of month(E) - 5: a plan dated in month m is current
    # at the ends of months m..m+5. A person is on the caseload at the end of
    # month m for m from month(referral) to month(discharge), less one when the
    # discharge is not on a month end. Per person the months where both hold are
    # a few intervals, added up with a difference array over month indices.
    # Only people on the caseload at one of the span ends can count.
    first_end = _iso(min(s.end for s in spans))
    last_end = _iso(max(s.end for s in spans))

    def build() -> Counter:
        diff: Counter = Counter()
        current_pid, months, first, last = None, [], 0, None

        def close() -> None:
            months.sort()
            lo = hi = None
            for m in months + [None]:  # merge the [m, m+5] intervals, then clip to caseload months
                if m is not None and hi is not None and m <= hi + 1:
                    hi = max(hi, m + 5)
                    continue
                if lo is not None:
                    a, b = max(lo, first), hi if last is None else min(hi, last)
                    if a <= b:
                        diff[a] += 1
                        diff[b + 1] -= 1
                if m is not None:
                    lo, hi = m, m + 5

        # every review in the history table (crisis_plan_reviews), not only each
        # plan's latest review date: a plan is judged as it stood at each month end
        history = ctx.cached("plan_history", lambda: reads.has_crisis_plan_history(ctx.db))
        for pid, created, reviewed, first_m, last_m in reads.crisis_plan_months(ctx.db, first_end, last_end,
                                                                                 history=history):
            if pid != current_pid:
                if current_pid is not None:
                    close()
                current_pid, months, first, last = pid, [], first_m, last_m
            months.extend(m for m in (created, reviewed) if m is not None)
        if current_pid is not None:
            close()
        return diff

    diff = ctx.cached(("plan_month_diff", first_end, last_end), build)
    marks = sorted(diff)
    people = ctx.people
    out = []
    for span in spans:
        current = sum(diff[m] for m in marks[: bisect.bisect_right(marks, span.last)])
        e = span.end.toordinal()
        out.append(_proportion(current, people.count(e, e)))
    return out


def _rationale_recorded(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # With the partial index on raised_at WHERE there is no rationale: two index
    # counts per month. Without it: one grouped pass over the table.
    partial = ctx.cached("no_rationale_index", lambda: reads.has_no_rationale_index(ctx.db))

    def query(lo: int, hi: int) -> dict[int, Counter]:
        out = {}
        if not partial:
            start, end = _range(lo, hi)
            for month, total, missing in reads.rationale_by_month(ctx.db, start, end):
                out[_label_mi(month)] = Counter(den=total, num=total - (missing or 0))
            return out
        for m in range(lo, hi + 1):
            start, end = _range(m, m)
            total = reads.escalations_raised(ctx.db, start, end)
            if not total:
                continue
            missing = reads.escalations_without_rationale(ctx.db, start, end)
            out[m] = Counter(den=total, num=total - missing)
        return out

    counts = _by_month(ctx, spans, query)
    return [_proportion(c["num"], c["den"]) for c in counts]


# ------------------------------------------------------------------ stability (discharges)


def _discharges(ctx: _Context, spans: list[Span], outcome: reads.DischargeOutcome,
                window_days: int | None) -> list[Measure]:
    """Eligible discharges in each span meeting ``outcome``.

    ``window_days``: the last day of the window counted from the discharge date
    (day 0); discharges whose window ends after the latest data date are pending.
    An outcome read from a recorded flag reports the discharges without it (not_recorded).
    """

    counts = _monthly(ctx, spans, ("den", "num", "pending", "excluded", "missing"), reads.discharges_by_month,
                      outcome, window_days, ctx.latest_iso)
    out = []
    for c in counts:
        extra = {"excluded_transfer_death": c["excluded"]}
        if window_days is not None:
            extra["pending"] = c["pending"]
        if outcome.flag:
            extra["not_recorded"] = c["missing"]
        out.append(_proportion(c["num"], c["den"], extra))
    return out


def _followup(days: int):
    def compute(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
        # the earliest of first_followup_at and any attended contact after the
        # discharge: days 1..N (MHSDS MHS79), or 0..N with [metrics] followup_day0
        first = 0 if getattr(ctx, "followup_day0", False) else 1
        return _discharges(ctx, spans, reads.followed_up(first, days), days)

    return compute


def _readmission_30d(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    return _discharges(ctx, spans, reads.readmitted(29), 29)


def _transition_completed(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    return _discharges(ctx, spans, reads.seen_every_four_weeks(3), 83)


def _flag(column: str, window_days: int | None = None):
    def compute(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
        return _discharges(ctx, spans, reads.flag_set(column), window_days)

    return compute


def _baseline_ref_max(span: Span) -> dt.date:
    """Latest referral date that gives three whole months on the caseload by the span's end:
    the last day of the third month before the span's last month (30 June -> 31 March)."""
    return _month_end(span.last - 3)


def _below_baseline(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # SQL counts, per span, the eligible people whose escalations per month are
    # at or above their baseline (only people with escalations can be); everyone
    # else eligible is below it. The eligible count comes from the caseload arrays.
    people = ctx.baseline_people
    rows = []
    for k, span in enumerate(spans):
        rows.append((k, _iso(span.start), _iso(span.end + dt.timedelta(days=1)), _iso(span.end),
                     _iso(_baseline_ref_max(span)), (span.end - span.start).days + 1))
    key = ("at_or_above_baseline", tuple(rows))
    at_or_above = ctx.cached(key, lambda: reads.people_at_or_above_baseline(ctx.db, rows, DAYS_PER_MONTH))
    zero_people = ctx.cached(
        "zero_baseline_people",
        lambda: _People([(pid, r, o, b) for pid, (r, o, b) in ctx.people.by_id.items() if b == 0]),
    )
    out = []
    for k, span in enumerate(spans):
        ref_max, start = _baseline_ref_max(span).toordinal(), span.start.toordinal()
        eligible = people.count(ref_max, start)
        extra = {"zero_baseline": zero_people.count(ref_max, start)} if span.detail else {}
        out.append(_proportion(eligible - at_or_above.get(k, 0), eligible, extra))
    return out


# ------------------------------------------------------------------ experience


def _dna_rate(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    counts = _by_month(ctx, spans, lambda lo, hi: _contact_months(ctx, lo, hi))
    out = []
    for c in counts:
        dna = sum(c[(k, a)] for k in ("planned", "review") for a in DNA)
        seen = sum(c[(k, a)] for k in ("planned", "review") for a in ATTENDED)
        cancelled = sum(c[(k, a)] for k in ("planned", "review") for a in CANCELLED)
        out.append(_proportion(dna, dna + seen, {"cancelled": cancelled}))
    return out


def _disengagement(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # One query for every span end E: the cohort (on the caseload at E, referred
    # by E-55) and how many of them have no attended contact in E-55..E.
    ends = sorted({s.last for s in spans})
    triples = []
    for m in ends:
        e = _month_end(m)
        triples.append((_iso(e), _iso(e - dt.timedelta(days=55)), _iso(e + dt.timedelta(days=1))))
    found = reads.disengaged_at(ctx.db, triples)
    out = []
    for span in spans:
        n, gone = found.get(_iso(span.end), (0, 0))
        out.append(_proportion(gone or 0, n))
    return out


def _goal_reviews(ctx: _Context, spans: list[Span]):
    """Goal reviews in the spans, by date: (reviewed_on, goal_id, person_id, weight, level)."""
    return _dated_rows(ctx, "goal_reviews", spans, reads.goal_reviews)


def _gas_t(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    from itertools import groupby

    rows, keys = _goal_reviews(ctx, spans)
    goal_ids = [r[1] for r in rows]
    person_of = [r[2] for r in rows]
    pair_of = [(r[4], r[3]) for r in rows]
    t_scores: dict[tuple, float] = {}  # T depends only on the person's (level, weight) pairs

    def t_score(key: tuple) -> float:
        score = t_scores.get(key)
        if score is None:
            score = t_scores[key] = outcomes.gas_t([lv for lv, _ in key], [w for _, w in key], rho=RHO)
        return score

    out = []
    for lo, hi in _spans_rows(spans, keys):
        latest = dict(zip(goal_ids[lo:hi], range(lo, hi)))  # date order: each goal's latest review wins
        ordered = sorted(latest.values(), key=person_of.__getitem__)
        scores = [
            t_score(tuple(sorted(map(pair_of.__getitem__, group))))
            for _, group in groupby(ordered, key=person_of.__getitem__)
        ]
        scores = [x for x in scores if x == x]  # drop nan
        # a mean over people: n = people with a score (the goals behind them are n_goals)
        out.append(_mean(scores, len(scores), {"n_goals": len(latest), "rho": RHO}))
    return out


def _goals_met(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    rows, keys = _goal_reviews(ctx, spans)
    goal_ids = [r[1] for r in rows]
    met_row = [r[4] is not None and r[4] >= 0 for r in rows]
    out = []
    for lo, hi in _spans_rows(spans, keys):
        latest = dict(zip(goal_ids[lo:hi], range(lo, hi)))  # each goal's latest review in the span
        out.append(_proportion(sum(met_row[i] for i in latest.values()), len(latest)))
    return out


def _instrument_names(ctx: _Context) -> dict[str, list[str]]:
    """Canonical instrument -> every spelling of it found in measures.instrument."""
    def build():
        found: dict[str, list[str]] = defaultdict(list)
        for stored in reads.measure_instruments(ctx.db):
            try:
                found[outcomes.canonical_instrument(stored)].append(stored)
            except InputError:  # an instrument the outcomes table does not know: not this indicator's
                continue
        return dict(found)

    return ctx.cached("instrument_names", build)


def _measures_in(ctx: _Context, canonical: str, spans: list[Span]) -> tuple | None:
    """The scores of one instrument dated in the spans, in date order, with each
    person's first score ever: (first {person: (date, score)}, dates, person ids,
    scores, whether each is 28+ days after that person's first score)."""
    names = _instrument_names(ctx).get(canonical)
    if not names:
        return None
    lo_day = _iso(min(s.start for s in spans))
    hi_day = _iso(max(s.end for s in spans) + dt.timedelta(days=1))

    def build():
        rows = reads.scores_between(ctx.db, names, lo_day, hi_day)
        # the first score of each of those people (dates from the index; then one lookup each)
        first_day = _first_dates(ctx, canonical)
        wanted = {pid for pid in set(r[1] for r in rows)}
        first = {}
        for pid, day, score in reads.first_scores(ctx.db, names, lo_day, hi_day):
            if pid in wanted and first_day.get(pid) == day:
                first[pid] = (day, score)
        cutoffs: dict[str, str] = {}
        for day, _ in first.values():
            if day not in cutoffs:
                cutoffs[day] = _iso(dt.date.fromisoformat(day[:10]) + dt.timedelta(days=FOLLOWUP_MIN_DAYS))
        cutoff = {pid: cutoffs[day] for pid, (day, _) in first.items()}
        return (
            first,
            [r[0] for r in rows],
            [r[1] for r in rows],
            [r[2] for r in rows],
            [r[0] >= cutoff[r[1]] for r in rows],
        )

    return ctx.cached(("measures", canonical, lo_day, hi_day), build)


def _first_dates(ctx: _Context, canonical: str) -> dict[str, str]:
    """Each person's first score date for an instrument (answered from the index alone)."""
    names = _instrument_names(ctx).get(canonical, [])
    return ctx.cached(("first_dates", canonical), lambda: reads.first_score_dates(ctx.db, names))


def _score(canonical: str, value: float) -> float:
    """A stored score on the scale the threshold applies to (SWEMWBS raw totals -> metric)."""
    if canonical == "SWEMWBS" and float(value).is_integer() and 7 <= value <= 35:
        return outcomes.swemwbs_metric(int(value))
    return float(value)


def _reliable_improvement(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    canonical = outcomes.canonical_instrument(ind.instrument or "")
    spec = outcomes.RELIABLE_CHANGE[canonical]
    base_extra = {"threshold": spec.threshold, "threshold_source": spec.source, "instrument": canonical}
    found = _measures_in(ctx, canonical, spans)
    if found is None:
        return [Measure(None, 0, 0, extra=dict(base_extra), method="wilson") for _ in spans]
    first, keys, pids, scores, later = found
    classified: dict[tuple, str] = {}
    out = []
    for span, (lo, hi) in zip(spans, _spans_rows(spans, keys)):
        # each person's latest score in the span that is 28+ days after their baseline
        followup = dict(zip(compress(pids[lo:hi], later[lo:hi]), compress(scores[lo:hi], later[lo:hi])))
        tally: Counter = Counter()
        for pid, score in followup.items():
            key = (first[pid][1], score)
            verdict = classified.get(key)
            if verdict is None:
                try:
                    verdict = outcomes.classify_change(canonical, _score(canonical, key[0]), _score(canonical, key[1]))
                except (InputError, ValueError, TypeError):  # a stored score off the instrument's scale
                    verdict = "invalid"
                classified[key] = verdict
            tally[verdict] += 1
        pairs = sum(v for k, v in tally.items() if k != "invalid")
        extra = dict(base_extra)
        if span.detail:
            extra.update(
                improved=tally["reliable_improvement"],
                no_change=tally["no_reliable_change"],
                deteriorated=tally["reliable_deterioration"],
                invalid=tally["invalid"],
            )
            cohort = _pairing_cohort(ctx, canonical, span)
            paired = sum(1 for pid in followup if pid in cohort)
            extra["pairing_numerator"] = paired
            extra["pairing_denominator"] = len(cohort)
            extra["pairing_rate"] = 100 * paired / len(cohort) if cohort else None
        out.append(_proportion(tally["reliable_improvement"], pairs, extra))
    return out


def _pairing_cohort(ctx: _Context, canonical: str, span: Span) -> set[str]:
    """People on the caseload in the span whose first score is at least 28 days before its end."""
    latest_baseline = _iso(span.end - dt.timedelta(days=FOLLOWUP_MIN_DAYS))
    end, start = span.end.toordinal(), span.start.toordinal()
    by_id = ctx.people.by_id
    cohort = set()
    for pid, day in _first_dates(ctx, canonical).items():
        if day <= latest_baseline:
            row = by_id.get(pid)
            if row is not None and row[0] <= end and (row[1] is None or row[1] >= start):
                cohort.add(pid)
    return cohort


def _partner_comms_timely(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    # one count per month: an index on (sent_on, days_to_send) answers each from the index alone
    def query(lo: int, hi: int) -> dict[int, Counter]:
        out = {}
        for m in range(lo, hi + 1):
            start, end = _range(m, m)
            total, timely, missing = reads.partner_comms_sent(ctx.db, start, end)
            if total:
                out[m] = Counter(den=total, num=timely or 0, missing=missing or 0)
        return out

    counts = _by_month(ctx, spans, query)
    return [_proportion(c["num"], c["den"], {"not_recorded": c["missing"]}) for c in counts]


def _actions_closed_on_time(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    counts = _monthly(ctx, spans, ("den", "num", "pending", "open"), reads.actions_by_due_month, ctx.latest_iso)
    return [_proportion(c["num"], c["den"], {"pending": c["pending"], "still_open": c["open"]}) for c in counts]


COMPUTE: dict[str, Callable[[_Context, Indicator, list[Span]], list[Measure]]] = {
    "crisis_rate": _crisis_rate,
    "repeat_crisis": _repeat_crisis,
    "step_up_rate": _step_up_rate,
    "escalation_review_hours": _escalation_review_hours,
    "review_72h": _review_72h,
    "crisis_episode_days": _crisis_episode_days,
    "safeguarding_timely": _safeguarding_timely,
    "followup_48h": _followup(2),
    "followup_72h": _followup(3),
    "readmission_30d": _readmission_30d,
    "transition_completed": _transition_completed,
    "housing_confirmed": _flag("housing_confirmed"),
    "below_baseline_escalation": _below_baseline,
    "handover_complete": _flag("handover_complete"),
    "crisis_plan_current": _crisis_plan_current,
    "dna_rate": _dna_rate,
    "disengagement": _disengagement,
    "engaged_14d": _flag("engaged_within_14_days", 13),
    "gas_t": _gas_t,
    "goals_met": _goals_met,
    "reliable_improvement": _reliable_improvement,
    "partner_comms_timely": _partner_comms_timely,
    "actions_closed_on_time": _actions_closed_on_time,
    "rationale_recorded": _rationale_recorded,
}
"""Catalogue family -> computation. Every catalogue entry must have one."""


# ------------------------------------------------------------------ results


def _resolve_period(period, ctx: _Context):
    if isinstance(period, Period):
        return period
    if period is None:
        if ctx.latest is None:
            raise InputError(
                "the database holds no service data yet, so there is no latest quarter: "
                "import data ('evidencebot import') or build the demo ('evidencebot demo'), "
                "or name a period"
            )
        return parse_period("last quarter", latest=ctx.latest)
    return parse_period(str(period), latest=ctx.latest)


def _settings(settings):
    if settings is not None:
        return settings

    return load_settings()


def _series_spans(ctx: _Context, end_mi: int, months: int) -> list[Span]:
    first = end_mi - months + 1
    if ctx.earliest is not None:
        first = max(first, _mi(ctx.earliest))
    return [Span(m, m) for m in range(first, end_mi + 1)]


def _rebase_positions(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[int]:
    """Where the indicator's series is rebased: service changes aimed at it, or at everything."""
    return _change_positions(
        (day for day, ids in ctx.service_changes() if not ids or ind.id in ids or ind.family in ids), spans
    )


def _change_positions(days, spans: list[Span]) -> list[int]:
    """Series positions of the first month starting on or after each change day (never 0)."""
    positions = []
    for day in days:
        for i, span in enumerate(spans):
            if span.start >= day:  # the first month that starts on or after the change
                if i > 0:
                    positions.append(i)
                break
    return sorted(set(positions))


WARMUP_MONTHS = {
    "gas_t": 6,
    "goals_met": 6,
    "reliable_improvement": 9,
    "crisis_plan_current": 8,
    "disengagement": 2,
}
"""Indicators that need time on the caseload: the first months of the data are
left out of their SPC series (goal reviews, follow-up scores and plan reviews of
the people already on the caseload when the data start are not yet typical; a
plan counts as current for six months, and the plans of people already on the
caseload are all written in the first two; the 8-week disengagement window needs
two months of contacts)."""

MIN_MONTHLY_CASES = 5
"""A monthly percentage from fewer cases than this is left out of the SPC chart:
one or two discharges make 0% or 100% months that signal by chance."""


def _small_months(measures: list[Measure], minimum: int) -> tuple[list[Measure], str | None]:
    kept, dropped = [], 0
    for m in measures:
        if m.method == "wilson" and m.value is not None and (m.denominator or 0) < minimum:
            kept.append(Measure(None, None, None))
            dropped += 1
        else:
            kept.append(m)
    if not dropped:
        return measures, None
    return kept, (f"{dropped} month{'s' if dropped != 1 else ''} with fewer than {minimum} cases left out of "
                  "the chart (a percentage of so few cases is not a meaningful monthly point)")


def _warm_up(ctx: _Context, ind: Indicator, spans: list[Span], measures: list[Measure]) -> tuple[list[Measure], str | None]:
    months = WARMUP_MONTHS.get(ind.family or ind.id, 0)
    if not months or ctx.earliest is None:
        return measures, None
    first = _mi(ctx.earliest) + months
    if not any(s.first < first for s in spans):
        return measures, None
    kept = [m if s.first >= first else Measure(None, None, None) for s, m in zip(spans, measures)]
    note = (f"warm-up: the first {months} months of the data (to {month_label(first - 1)}) are left out "
            "of the chart, because this indicator needs time on the caseload")
    return kept, note


def _spc(ctx: _Context, ind: Indicator, spans: list[Span], measures: list[Measure], settings, hide) -> dict:
    measures, warm_note = _warm_up(ctx, ind, spans, measures)
    shown = measures  # the series keeps months of few cases (drawn, not judged)
    measures, small_note = _small_months(measures, MIN_MONTHLY_CASES)
    values = [m.value for m in measures]
    labels = [month_label(s.first) for s in spans]
    common = dict(
        improvement=ind.direction,
        rebase_at=_rebase_positions(ctx, ind, spans),
        shift=settings.spc.shift_length,
        baseline_points=settings.spc.baseline_points,
        labels=labels,
    )
    if spc.tied_integers(values):
        result = spc.run_chart(values, **common)  # ties would make XmR signals, not the process
    else:
        result = spc.xmr(
            values,
            target=ctx.target(ind),
            trend=settings.spc.trend_length,
            screen=settings.spc.screen_moving_ranges,
            **common,
        )
    for note in (warm_note, small_note):
        if note:
            result.notes.append(note)
    summary = result.to_dict()
    summary.pop("point_list", None)
    if summary.get("trial") and summary.get("verdict") != "too_few_points":
        # No verdict or assurance on trial limits: with fewer points than the baseline
        # (12 by default; NHS guidance asks for about 12-15) the chart is shown, not judged.
        # (A step at a service change is still described: see spc.xmr.)
        n = ((summary.get("segments") or [{}])[-1] or {}).get("points") or summary.get("points") or 0
        summary.update(verdict="too_few_points", assurance=None,
                       rule=f"only {n} points on the current limits; at least "
                            f"{settings.spc.baseline_points} are needed for a verdict")
    summary["series"] = [
        [label, None if (m.value is None or hide(m)) else m.value] for label, m in zip(labels, shown)
    ]
    summary["target"] = ctx.target(ind)
    summary["special_months"] = [p.label for p in result.special_points]
    # for charts: each point's type and the limits of its part (no values: those are in "series")
    summary["chart_points"] = [[p.index, p.type, p.group, p.mean, p.lower, p.upper] for p in result.point_list]
    return summary


def _last_complete_month(latest: dt.date) -> int:
    """The month index of the last complete month of data."""
    last = _mi(latest)
    return last if latest == _month_end(last) else last - 1


def _until_latest(ctx: _Context, spans: list[Span], measures: list[Measure]) -> list[Measure]:
    """Months after the last complete month of data have no value (not a zero): an
    incomplete month is left out of the SPC series."""
    if ctx.latest is None:
        return measures
    last = _last_complete_month(ctx.latest)
    return [m if s.first <= last else Measure(None, None, None) for s, m in zip(spans, measures)]


def share_word(m, unit: str, threshold: int = 5, rounding: int = 5) -> str | None:
    """'all', 'none', 'few' (1 to threshold-1 had it), 'all_but_few' (1 to threshold-1
    did not) or 'some' of the cases had the outcome (percentages only; None when there
    are no cases): a published word for a figure too small to publish, so a suppressed
    indicator still has a verdict without its number."""
    if unit != "percent" or not isinstance(m.numerator, int) or not isinstance(m.denominator, int):
        return None
    if m.denominator <= 0:
        return "no_cases"
    if m.numerator == 0:
        return "none"
    if m.numerator == m.denominator:
        return "all"
    if m.denominator >= threshold:
        if m.numerator < threshold <= m.denominator - m.numerator:
            return "few"
        if m.denominator - m.numerator < threshold <= m.numerator:
            # "about 5 of about 10" says more than "all but fewer than 5" (5 of 9), unless
            # the two round to the same number ("about 10 of about 10" for 8 of 9)
            if round_count(m.numerator, rounding) == round_count(m.denominator, rounding):
                return "all_but_few"
    return "some"


def target_status(value, denominator, target, comparison, minimum: int) -> dict | None:
    """Met, not met or not assessable, decided on the unsuppressed figure.

    Not assessable when there is no figure or fewer than ``minimum`` cases
    (the denominator) stand behind it. ``comparison`` is the target's own
    wording: '>=' at least, '>' more than, '<=' at most, '<' less than.
    """
    if target is None or comparison not in TARGET_COMPARISONS:
        return None
    out = {"value": target, "comparison": comparison, "words": TARGET_WORDS[comparison]}
    if value is None or denominator is None or (isinstance(denominator, int) and denominator < minimum):
        n = denominator if isinstance(denominator, int) else 0
        out.update(status="not_assessable",
                   reason=f"too few cases ({'none' if not n else f'{n}, fewer than {minimum}'})")
        return out
    met = {">=": value >= target, ">": value > target, "<=": value <= target, "<": value < target}[comparison]
    out.update(status="met" if met else "not_met", reason="")
    return out


def _coverage(ctx: _Context, period, compare):
    """(coverage, counted period, comparison): a partial period counts its months
    with data and is compared with the same months a year earlier by default; an
    explicit comparison is cut to the same number of months."""
    cov = periods.cover(period, ctx.latest)
    if compare is None:
        compare = periods.year_earlier(cov.covered) if cov.partial else period.previous()
    elif cov.partial:
        compare = periods.clip_months(compare, cov.months_covered)
    return cov, cov.covered, compare


def _measures(ctx: _Context, ind: Indicator, spans: list[Span]) -> list[Measure]:
    """The indicator's measure for each span (a reported span's with its interval), each span
    worked out once per data version whoever asks (inside or outside the service, any SPC or
    suppression settings, as a period, a comparison or a month of a series): a span's measure
    does not depend on the other spans asked with it. Copies, so a caller may change them."""
    memo = ctx.cached(("span_measures", ind.id, getattr(ctx, "followup_day0", False)), dict)
    missing = [s for s in dict.fromkeys(spans) if s not in memo]
    if missing:
        for span, m in zip(missing, COMPUTE[ind.family or ind.id](ctx, ind, missing)):
            memo[span] = _add_ci(m) if span.detail else m
    return [replace(memo[s], extra=dict(memo[s].extra)) for s in spans]


def _compute(ctx: _Context, ind: Indicator, period, compare, external: bool, settings,
             coverage=None) -> IndicatorResult:
    family = ind.family or ind.id
    if family not in COMPUTE:
        raise InputError(f"indicator '{ind.id}' has no computation (catalogue and code disagree)")
    ctx.followup_day0 = bool(getattr(getattr(settings, "metrics", None), "followup_day0", False))
    end_mi = _mi(period.end)
    main = Span(_mi(period.start), end_mi, detail=True)
    other = Span(_mi(compare.start), _mi(compare.end), detail=True)
    series = _series_spans(ctx, end_mi, SERIES_MONTHS)
    measures = _measures(ctx, ind, [main, other, *series])
    now, before, monthly = measures[0], measures[1], _until_latest(ctx, series, measures[2:])

    threshold = settings.suppression.threshold
    rounding = settings.suppression.rounding

    def hide(m: Measure) -> bool:
        # a percentage hides its complement too (the people without the outcome are a
        # count) and is given in counts on a small base (suppression.SMALL_BASE)
        percent = ind.unit == "percent"
        return external and suppression.suppress_rate(
            m.value, m.numerator, m.denominator, threshold, complement=percent,
            small_base=suppression.SMALL_BASE if percent else 0)

    spc_summary = _spc(ctx, ind, series, monthly, settings, hide)
    suppressed = hide(now)
    minimum = getattr(getattr(settings, "metrics", None), "target_min_cases", 1)
    target = target_status(now.value, now.denominator, ctx.target(ind), ctx.target_comparison(ind), minimum)
    if target and "worst_case_value" in now.extra:
        # a median that leaves cases out (escalations with no recorded review) is judged
        # again with them counted as the longest: met only when it is met both ways
        worst = target_status(now.extra["worst_case_value"], now.denominator, ctx.target(ind),
                              ctx.target_comparison(ind), minimum) if now.extra["worst_case_value"] is not None else None
        target["worst_case"] = (worst or {}).get("status", "not_met")
        if target["status"] == "met" and target["worst_case"] != "met":
            target.update(status="not_assessable",
                          reason="the cases left out of the median (no recorded review) could put it past the target")
    extra = {
        "period_start": _iso(period.start),
        "period_end": _iso(period.end),
        "compare_start": _iso(compare.start),
        "compare_end": _iso(compare.end),
        "latest_data": _iso(ctx.latest) if ctx.latest else None,
        "statistic": ind.statistic,
        "source": ind.source,
        **now.extra,
        "compare": {
            "numerator": before.numerator,
            "denominator": before.denominator,
            "ci_low": before.ci_low,
            "ci_high": before.ci_high,
            "suppressed": hide(before),
            "share": share_word(before, ind.unit, threshold, rounding),
            "target_status": (target_status(before.value, before.denominator, ctx.target(ind),
                                            ctx.target_comparison(ind), minimum) or {}).get("status"),
        },
        "share": share_word(now, ind.unit, threshold, rounding),
    }
    numerator, denominator = now.numerator, now.denominator
    value, low, high = now.value, now.ci_low, now.ci_high
    compare_value = before.value
    if external:
        def count(n):
            return None if n is None else suppression.suppress_count(n, threshold, rounding)

        numerator, denominator = count(numerator), count(denominator)
        if suppressed:
            value = low = high = None
        if hide(before):
            compare_value = None
            extra["compare"].update(ci_low=None, ci_high=None)
        extra["compare"].update(numerator=count(before.numerator), denominator=count(before.denominator))
        for key, item in list(extra.items()):
            # Counts of people or records are suppressed; constants such as a
            # reliable-change threshold (points on a scale) are not counts.
            if isinstance(item, int) and not isinstance(item, bool) and key not in NOT_COUNTS:
                extra[key] = count(item)
        if "pairing_rate" in extra and suppression.suppress_rate(
            now.extra.get("pairing_rate"), now.extra.get("pairing_numerator"),
            now.extra.get("pairing_denominator"), threshold,
        ):
            extra["pairing_rate"] = None
        extra["suppression"] = {"threshold": threshold, "rounding": rounding}
    return IndicatorResult(
        id=ind.id,
        title=ind.title,
        domain=ind.domain,
        period=period.label,
        value=value,
        unit=ind.unit,
        numerator=numerator,
        denominator=denominator,
        ci_low=low,
        ci_high=high,
        compare_period=compare.label,
        compare_value=compare_value,
        direction=ind.direction,
        suppressed=suppressed,
        spc=spc_summary,
        definition=ind.definition,
        extra=extra,
        partial=bool(coverage and coverage.partial),
        coverage=coverage.to_dict() if coverage is not None else None,
        target=target,
    )


def _settings_key(settings) -> tuple:
    return (
        settings.spc.shift_length, settings.spc.trend_length, settings.spc.screen_moving_ranges,
        settings.spc.baseline_points, settings.suppression.threshold, settings.suppression.rounding,
        bool(getattr(getattr(settings, "metrics", None), "followup_day0", False)),
        getattr(getattr(settings, "metrics", None), "target_min_cases", 1),
    )


def _result_key(ind: Indicator, period, compare, external: bool, settings) -> tuple:
    return (
        ind.id, period.label, period.start, period.end, compare.label, compare.start, compare.end,
        bool(external), _settings_key(settings),
    )


def _cached_compute(state: dict, ind: Indicator, period, compare, external: bool, settings,
                    coverage=None) -> IndicatorResult:
    key = _result_key(ind, period, compare, external, settings)
    hit = state["results"].get(key)
    if hit is None:
        hit = _compute(state["ctx"], ind, period, compare, external, settings, coverage)
        state["results"][key] = hit
    return hit.copy()


def compute(db, indicator_id: str, period=None, *, compare=None, external: bool = False,
            settings=None) -> IndicatorResult:
    """One indicator for ``period`` (a Period or text such as '2025/26 Q3'; None = last quarter).

    ``compare`` defaults to the period before of the same length. With
    ``external`` small numbers are suppressed for use outside the organisation.
    """
    ind = get_indicator(indicator_id)
    settings = _settings(settings)
    state = _state(db)
    ctx = state["ctx"]
    period = _resolve_period(period, ctx)
    compare = _resolve_period(compare, ctx) if compare is not None else None
    coverage, period, compare = _coverage(ctx, period, compare)
    return _cached_compute(state, ind, period, compare, external, settings, coverage)


def _canonical(indicator: Indicator) -> str:
    return outcomes.canonical_instrument(indicator.instrument or "")


WORKER_FAMILIES = frozenset({
    "disengagement", "below_baseline_escalation", "review_72h", "step_up_rate", "dna_rate",
    "crisis_rate", "transition_completed", "rationale_recorded", "readmission_30d",
})
"""Indicators that :func:`compute_all` hands to a second thread: their time is almost all
spent inside SQLite, which runs without holding Python's GIL, so they overlap with the
indicators worked out in Python."""
PARALLEL_MIN = 8
"""Fewest uncached indicators worth a second thread."""


def _worker(path: str, version, jobs, period, compare, external, settings, timings,
            coverage=None) -> tuple[dict, dict]:
    """Compute ``jobs`` on a read-only connection of its own (run in a worker thread); the
    results and the raw measures behind them (for the calling connection's context)."""
    db = reads.open_read_only(path)
    try:
        ctx = _Context(db, version)
        done = {}
        for key, ind in jobs:
            started = time.perf_counter()
            done[key] = _compute(ctx, ind, period, compare, external, settings, coverage)
            timings[ind.id] = time.perf_counter() - started
        return done, {k: v for k, v in ctx.memo.items() if isinstance(k, tuple) and k[0] == "span_measures"}
    finally:
        db.close()


def compute_all(db, period=None, *, compare=None, ids=None, external: bool = False, settings=None,
                timings: dict | None = None, parallel: bool | None = None) -> list[IndicatorResult]:
    """Every indicator in the catalogue (or those in ``ids``, in that order) for ``period``.

    Without ``ids``, per-instrument indicators are left out for instruments that
    have no score in the database at all.

    ``parallel``: compute the SQL-bound indicators (:data:`WORKER_FAMILIES`) in a
    second thread on a second, read-only connection while this thread does the
    rest. ``None`` (the default) does so for a database file when at least
    :data:`PARALLEL_MIN` indicators are not cached yet. The results are the same
    either way (if another process writes while they run, the two halves may see
    the data a moment apart).

    ``timings``, when given, receives the seconds spent on each indicator (in
    parallel, each thread's own time).
    """
    catalogue = load_catalogue()
    settings = _settings(settings)
    state = _state(db)
    ctx = state["ctx"]
    if ids:
        indicators = [get_indicator(i, catalogue) for i in ids]
    else:  # every indicator, except instruments of which there is no score at all
        present = set(_instrument_names(ctx))
        indicators = [i for i in catalogue.values() if i.instrument is None or _canonical(i) in present]
    period = _resolve_period(period, ctx)
    compare = _resolve_period(compare, ctx) if compare is not None else None
    coverage, period, compare = _coverage(ctx, period, compare)
    timings = {} if timings is None else timings

    keys = {ind.id: _result_key(ind, period, compare, external, settings) for ind in indicators}
    missing = [ind for ind in indicators if keys[ind.id] not in state["results"]]
    jobs = [(keys[i.id], i) for i in missing if (i.family or i.id) in WORKER_FAMILIES]
    path = reads.database_file(db) if jobs else None
    if parallel is None:
        parallel = len(missing) >= PARALLEL_MIN
    if getattr(db.conn, "in_transaction", False):
        parallel = False  # a second connection would not see this connection's uncommitted rows
    future = None
    if parallel and jobs and path:
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidencebot-metrics")
        worker_timings: dict[str, float] = {}
        future = pool.submit(_worker, path, state["version"], jobs, period, compare, external, settings,
                             worker_timings, coverage)
        pool.shutdown(wait=False)
        handed = {key for key, _ in jobs}
    else:
        handed = set()
    for ind in missing:
        if keys[ind.id] in handed:
            continue
        started = time.perf_counter()
        state["results"][keys[ind.id]] = _compute(ctx, ind, period, compare, external, settings, coverage)
        timings[ind.id] = time.perf_counter() - started
    if future is not None:
        try:
            done, measures = future.result()
            state["results"].update(done)
            for key, spans in measures.items():
                mine = ctx.memo.setdefault(key, {})
                for span, m in spans.items():
                    mine.setdefault(span, m)
            timings.update(worker_timings)
        except (sqlite3.Error, OSError):  # no second connection here (e.g. a read-only folder)
            for key, ind in jobs:
                started = time.perf_counter()
                state["results"][key] = _compute(ctx, ind, period, compare, external, settings, coverage)
                timings[ind.id] = time.perf_counter() - started
    results = []
    for ind in indicators:
        started = time.perf_counter()
        results.append(_cached_compute(state, ind, period, compare, external, settings, coverage))
        timings.setdefault(ind.id, time.perf_counter() - started)
    return results


def monthly_series(db, indicator_id: str, end_period=None, months: int = SERIES_MONTHS) -> list[tuple[str, float | None]]:
    """(month 'YYYY-MM', value or None) for up to ``months`` months ending with the
    last month of ``end_period``, starting no earlier than the first month with data."""
    if not isinstance(months, int) or months < 1:
        raise InputError(f"months must be a whole number of at least 1, got {months!r}")
    ind = get_indicator(indicator_id)
    state = _state(db)
    ctx = state["ctx"]
    period = _resolve_period(end_period, ctx)
    spans = _series_spans(ctx, _mi(period.end), months)
    if not spans:
        return []
    measures = _until_latest(ctx, spans, _measures(ctx, ind, spans))
    return [(month_label(s.first), m.value) for s, m in zip(spans, measures)]
