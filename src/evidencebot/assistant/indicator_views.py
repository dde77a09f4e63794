"""Indicators for the assistant and the evidence browser, read from the core.

Everything the screens show about indicators is prepared here: which
indicators a request means, the period it speaks of, the results with their
SPC verdicts, table rows and chart series. The computations themselves are
:mod:`evidencebot.metrics.indicators`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot.assistant.intents import _topics
from evidencebot.compose import gather
from evidencebot.compose.charts import Chart, display_range
from evidencebot.compose.gather import latest_data_date
from evidencebot.errors import InputError
from evidencebot.metrics import indicators as engine, periods
from evidencebot.metrics.results import format_value


def catalogue() -> dict:
    """The indicator catalogue (:func:`evidencebot.compose.gather.catalogue`)."""
    return gather.catalogue()


def expand_ids(ids: list[str], cat: dict | None = None) -> list[str]:
    """Catalogue ids for names that may be families (:func:`evidencebot.compose.gather.expand_ids`)."""
    return gather.expand_ids(ids, cat)


@dataclass
class Selection:
    """Which indicators a request is about, and how to name them."""

    ids: list[str] | None
    """None means every indicator."""
    heading: str


def select_indicators(*, ids: list[str] = (), domains: list[str] = (), topics: list[str] = ()) -> Selection:
    """Named indicators first, then whole domains, then the topics' indicators."""
    cat = catalogue()
    if ids:
        wanted = expand_ids(list(ids), cat)
        if len(wanted) == 1:
            return Selection(wanted, cat[wanted[0]].title)
        return Selection(wanted, "Indicators: " + ", ".join(cat[i].label for i in wanted[:3])
                         + (" …" if len(wanted) > 3 else ""))
    if domains:
        wanted = [k for k, ind in cat.items() if ind.domain in domains]
        return Selection(wanted, " and ".join(d.capitalize() for d in domains) + " indicators")
    if topics:
        table = _topics()
        wanted: list[str] = []
        labels = []
        for name in topics:
            topic = table.get(name)
            if topic is None:
                continue
            labels.append(topic.label)
            wanted.extend(i for i in expand_ids(topic.indicators, cat) if i not in wanted)
        if wanted:
            return Selection(wanted, " and ".join(labels))
    return Selection(None, "All indicators")


def latest_date(db: Database):
    return latest_data_date(db)


def resolve_period(db: Database, text: str | None):
    """The period a request names, or the last complete quarter (:func:`evidencebot.compose.gather.read_period`,
    the reading every face uses)."""
    return gather.read_period(db, text)[0]


def resolve_period_note(db: Database, text: str | None):
    """(period, note): :func:`resolve_period` and the sentence saying the data stop before what the words
    name ('' when they do not)."""
    return gather.read_period(db, text)


def coverage_note(db: Database, period) -> str:
    """'' for a complete period; else a sentence saying the period is partial and what it covers."""
    try:
        coverage = periods.cover(period, latest_data_date(db))
    except InputError:  # a period the data do not reach is refused where it is computed
        return ""
    return f"{period.label} is not over: the figures cover {coverage.text()}." if coverage.partial else ""


def compute(db: Database, period, *, ids: list[str] | None = None, compare=None, external: bool = False) -> list:
    if compare is None:
        compare = period.previous()
    return list(engine.compute_all(db, period, compare=compare, ids=ids, external=external))


def monthly_series(db: Database, ident: str, end_period, months: int = 24):
    return engine.monthly_series(db, ident, end_period, months=months)


# ---------------------------------------------------------------- display


def short_title(result, cat: dict | None = None) -> str:
    cat = cat if cat is not None else catalogue()
    ind = cat.get(result.id)
    return ind.label if ind is not None else result.title


def value_cell(r) -> str:
    counts = r.counts_text()
    return r.value_text() + (f" ({counts})" if counts and not r.suppressed else "")


def compare_cell(r) -> str:
    if r.compare_value is None:
        return "–"
    return format_value(r.compare_value, r.unit)


@dataclass
class IndicatorRow:
    id: str
    domain: str
    title: str
    value: str
    ci: str
    before: str
    verdict: str
    verdict_key: str


def rows(results: list, cat: dict | None = None) -> list[IndicatorRow]:
    cat = cat if cat is not None else catalogue()
    return [
        IndicatorRow(
            id=r.id, domain=r.domain, title=short_title(r, cat), value=value_cell(r),
            ci=r.ci_text() or "–", before=compare_cell(r), verdict=r.verdict_text() or "–",
            verdict_key=r.verdict or "",
        )
        for r in results
    ]


def _cell(text) -> str:
    return " ".join(str(text).replace("|", "/").split())


def table_markdown(results: list, cat: dict | None = None) -> str:
    lines = ["| indicator | value | 95% CI | before | SPC verdict |", "|---|---:|---|---:|---|"]
    for row in rows(results, cat):
        lines.append(f"| {_cell(row.title)} | {row.value} | {row.ci} | {row.before} | {row.verdict} |")
    return "\n".join(lines)


@dataclass
class ChartData:
    """One SPC chart: the monthly series with its mean and process limits."""

    id: str
    title: str
    unit: str
    labels: list[str]
    values: list[float | None]
    mean: float | None
    lower: float | None
    upper: float | None
    verdict: str
    direction: str
    notes: list[str] = field(default_factory=list)
    mdc: object | None = None
    """The same chart as Word and HTML draw it (:class:`evidencebot.compose.charts.Chart`):
    point colours, limits per part, service changes."""

    @property
    def plottable(self) -> bool:
        return sum(1 for v in self.values if v is not None) >= 2

    def display_range(self) -> tuple[float, float]:
        """The y-axis range: the data and the limits, cut to what the unit can hold.

        Process limits of a proportion often fall outside 0-100% (and those of
        a rate or time below 0); a limit nobody can reach is not drawn.
        """
        if self.mdc is not None:
            return display_range(self.mdc)
        points = [v for v in self.values if v is not None]
        points += [x for x in (self.mean, self.lower, self.upper) if x is not None]
        lo, hi = min(points), max(points)
        floor = None if self.unit == "score" else 0.0
        ceiling = 100.0 if self.unit == "percent" else None
        if floor is not None:
            lo = max(lo, floor)
        if ceiling is not None:
            hi = min(hi, ceiling)
        if hi <= lo:
            hi = lo + 1.0
        pad = (hi - lo) * 0.05
        return (lo - pad if floor is None else max(floor, lo - pad),
                hi + pad if ceiling is None else min(ceiling, hi + pad))


def chart_data(result, cat: dict | None = None) -> ChartData:
    spc = result.spc or {}
    series = spc.get("series") or []
    labels, values = [], []
    for item in series:
        if isinstance(item, dict):
            month, value = item.get("month") or item.get("label"), item.get("value")
        else:
            month, value = item[0], item[1]
        labels.append(str(month)[:7])
        values.append(None if value is None else float(value))
    return ChartData(
        id=result.id, title=short_title(result, cat), unit=result.unit, labels=labels, values=values,
        mean=spc.get("mean"), lower=spc.get("lower"), upper=spc.get("upper"),
        verdict=result.verdict_text() or "", direction=result.direction,
        notes=list(spc.get("notes") or []), mdc=_mdc(result),
    )


def _mdc(result):
    try:
        return Chart.from_result(result)
    except (TypeError, ValueError, KeyError):
        return None
