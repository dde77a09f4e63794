"""SPC charts as NHS boards expect them (Making Data Count), for every face.

One :class:`Chart` describes what is drawn: the monthly points, each
classified as common cause, improvement, concern or neutral; the mean and
process limits of each part of the series (limits are recalculated only at a
recorded, dated service change); the target; the verdict and the assurance.
The same object is drawn as a PNG for Word and HTML (:func:`chart_png`), by
``evidencebot spc --chart out.png`` and in the app (:func:`display_range`,
:func:`point_colour`), and summarised as icons (:func:`icon_png`) or words
(:func:`variation_words`, :func:`assurance_words`).

Conventions (NHSRplotthedots ``ptd_spc_colours()`` defaults): common cause
grey, improvement blue, concern orange, neutral purple; mean solid black,
process limits dashed grey, target red; a vertical mark where a service change
starts a new part; axis titles with units; percentages drawn only from 0 to
100 (limits beyond are cut); with fewer points than a verdict needs, a run
chart (points and median) saying "not enough points for a verdict".
"""

from __future__ import annotations

import functools
import io
import math
import re
from dataclasses import dataclass, field

from evidencebot.compose import filters
from evidencebot.metrics.spc import VERDICT_TEXT

GREY, BLUE, ORANGE, PURPLE = "#a6a6a6", "#00b0f0", "#e46c0a", "#490092"
MEAN, LIMITS, TARGET = "#000000", "#7f7f7f", "#de1b1b"
COLOURS = {"common_cause": GREY, "improvement": BLUE, "concern": ORANGE,
           "neutral_high": PURPLE, "neutral_low": PURPLE}
NOT_ENOUGH = "not enough points for a verdict"
UNIT_AXIS = {
    "percent": "Per cent (%)",
    "per_100": "Rate per 100 people",
    "days": "Days",
    "hours": "Hours",
    "score": "Score",
    "count": "Count",
}


@dataclass
class Segment:
    start: int
    end: int
    """Positions of the first and last month of this part of the series (inclusive)."""
    mean: float | None
    lower: float | None
    upper: float | None

CAPTION_UNIT = {"percent": "a percentage", "per_100": "a rate per 100 people", "days": "days", "hours": "hours",
                "score": "a score", "count": "a count"}


@dataclass
class Chart:
    """One SPC (XmR) chart, ready to draw."""

    indicator_id: str
    title: str
    labels: list[str]
    values: list[float | None]
    unit: str = ""
    verdict: str = ""
    """The verdict in words, as the document says it."""
    verdict_key: str = ""
    """improvement, concern, neutral, common_cause or too_few_points."""
    improvement: str = "neutral"
    """Which way is better: increase, decrease or neutral."""
    point_types: list[str | None] = field(default_factory=list)
    """Per position: common_cause, improvement, concern, neutral_high, neutral_low (None: no data)."""
    segments: list[Segment] = field(default_factory=list)
    changes: list[int] = field(default_factory=list)
    """Positions of the first month after each recorded service change."""
    target: float | None = None
    assurance: str | None = None
    """consistent_pass, consistent_fail, inconsistent or None."""
    x_title: str = "Month"

    # -- the last part's limits (what the latest point is judged against) --
    @property
    def mean(self) -> float | None:
        return self.segments[-1].mean if self.segments else None

    @property
    def lower(self) -> float | None:
        return self.segments[-1].lower if self.segments else None

    @property
    def upper(self) -> float | None:
        return self.segments[-1].upper if self.segments else None

    @property
    def points(self) -> int:
        return sum(1 for v in self.values if v is not None)

    @property
    def enough(self) -> bool:
        """Enough points for a verdict (else drawn as a run chart)."""
        return self.verdict_key not in ("", "too_few_points") and self.points >= 2

    @property
    def monthly(self) -> bool:
        """One point per calendar month (labels 'YYYY-MM')."""
        return self.x_title == "Month" and bool(self.labels) and all(
            re.fullmatch(r"\d{4}-\d{2}", str(x)) for x in self.labels)

    @property
    def y_title(self) -> str:
        base = UNIT_AXIS.get(self.unit, self.unit.replace("_", " ").capitalize() or "Value")
        return f"{base}, per month" if self.monthly else base

    @property
    def scale_words(self) -> str:
        """What a point is, for the caption: 'each point is one month's rate per 100 people,
        October 2024 to September 2026' and, for a rate, that a longer period's rate in a
        table is larger (it counts the events of all its months)."""
        if not self.monthly:
            return ""

        unit = CAPTION_UNIT.get(self.unit, self.unit.replace("_", " ") or "a value")
        shown = [m for m, v in zip(self.labels, self.values) if v is not None] or self.labels
        text = (f"Each point is one month's figure ({unit}), {filters.fmt_month(shown[0])} to "
                f"{filters.fmt_month(shown[-1])}; a table's figure covers its whole period")
        if self.unit == "per_100":
            text += ", so a quarter's rate there is usually larger than a month's rate here"
        return text + "."

    # -- builders ------------------------------------------------------------------
    @classmethod
    def from_result(cls, result) -> "Chart | None":
        """A chart from an indicator result (its ``spc`` summary); None without a series to draw."""
        spc = getattr(result, "spc", None) or {}
        series = spc.get("series") or []
        if len(series) < 2:
            return None
        if getattr(result, "suppressed", False) and getattr(result, "value", None) is None:
            return None
        labels = [str(m) for m, _ in series]
        values = [None if v is None else float(v) for _, v in series]
        key = spc.get("verdict") or ""
        labels_verdict = (filters.change_phrases().get("labels") or {}).get(filters.verdict(result), "")
        chart = cls(
            indicator_id=result.id, title=result.title, labels=labels, values=values,
            unit=getattr(result, "unit", "") or "",
            verdict=labels_verdict or filters.verdict_label(result), verdict_key=key,
            improvement=getattr(result, "direction", None) or (spc.get("settings") or {}).get("improvement")
            or "neutral",
            target=spc.get("target"), assurance=spc.get("assurance"),
        )
        chart._fill_from_summary(spc)
        return chart

    def _fill_from_summary(self, spc: dict) -> None:
        n = len(self.values)
        rows = spc.get("chart_points") or []
        types: list[str | None] = [None] * n
        if rows:
            by_group: dict[int, list] = {}
            for index, kind, group, mean, lower, upper in rows:
                if 0 <= index < n:
                    types[index] = kind
                    by_group.setdefault(group, []).append((index, mean, lower, upper))
            for group in sorted(by_group):
                pts = by_group[group]
                first = min(p[0] for p in pts)
                self.segments.append(Segment(first, max(p[0] for p in pts), pts[-1][1], pts[-1][2], pts[-1][3]))
            starts = [s.start for s in self.segments]
            for k in range(len(self.segments) - 1):  # each part runs to the month before the next
                self.segments[k].end = starts[k + 1] - 1
            if self.segments:
                self.segments[0].start, self.segments[-1].end = 0, n - 1
            self.changes = starts[1:]
        else:
            special = set(spc.get("special_months") or [])
            kind = {"improvement": "improvement", "concern": "concern"}.get(self.verdict_key, "neutral_high")
            types = [None if v is None else (kind if label in special else "common_cause")
                     for label, v in zip(self.labels, self.values)]
            step = spc.get("step_change") or {}
            at = step.get("change_index")
            if isinstance(at, int) and 0 < at < n and step.get("pre_mean") is not None:
                self.segments = [Segment(0, at - 1, step["pre_mean"], step.get("pre_lower"), step.get("pre_upper")),
                                 Segment(at, n - 1, spc.get("mean"), spc.get("lower"), spc.get("upper"))]
                self.changes = [at]
            else:
                self.segments = [Segment(0, n - 1, spc.get("mean"), spc.get("lower"), spc.get("upper"))]
        step = spc.get("step_change") or {}
        if step.get("rule") and self.verdict_key in ("improvement", "concern"):
            # the run since a service change judged against the pre-change limits
            for i in step.get("flagged") or []:
                if isinstance(i, int) and 0 <= i < n:
                    types[i] = self.verdict_key
        self.point_types = [t if v is not None else None for t, v in zip(types, self.values)]

    @classmethod
    def from_xmr(cls, result, values, labels=None, *, title: str = "SPC chart", unit: str = "",
                 target: float | None = None) -> "Chart":
        """A chart from :func:`evidencebot.metrics.spc.xmr`'s result (``evidencebot spc --chart``)."""
        n = len(values)
        labels = [str(x) if x not in (None, "") else str(i + 1) for i, x in enumerate(labels or range(1, n + 1))]
        summary = {
            "chart_points": [[p.index, p.type, p.group, p.mean, p.lower, p.upper] for p in result.point_list],
        }
        chart = cls(
            indicator_id="", title=title, labels=labels,
            values=[None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in values],
            unit=unit, verdict=VERDICT_TEXT.get(result.verdict, result.verdict), verdict_key=result.verdict,
            improvement=(result.settings or {}).get("improvement", "neutral"), target=target,
            assurance=result.assurance, x_title="Point",
        )
        chart._fill_from_summary(summary)
        return chart


# ---------------------------------------------------------------- reading a chart


def point_colour(kind: str | None) -> str:
    return COLOURS.get(kind or "common_cause", GREY)


def _clip(chart: Chart, value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    if chart.unit == "percent":
        return min(100.0, max(0.0, value))
    if chart.unit != "score":
        return max(0.0, value)
    return value


def display_range(chart: Chart) -> tuple[float, float]:
    """The y-axis range: the data, limits and target, cut to what the unit can hold
    (0 to 100 for a percentage; nothing below 0 for counts, rates and times)."""
    pts = [v for v in chart.values if v is not None]
    if chart.enough:
        for s in chart.segments:
            pts += [x for x in (s.mean, s.lower, s.upper) if x is not None and math.isfinite(x)]
    if chart.target is not None:
        pts.append(chart.target)
    if not pts:
        return (0.0, 1.0)
    lo, hi = min(pts), max(pts)
    pad = (hi - lo) * 0.08 or max(abs(hi) * 0.1, 1.0)
    lo, hi = lo - pad, hi + pad
    if chart.unit == "percent":
        lo, hi = max(0.0, lo), min(100.0, hi)
    elif chart.unit != "score":
        lo = max(0.0, lo)
    if hi <= lo:
        hi = lo + 1.0
    return lo, hi


def variation_icon(chart: Chart) -> str:
    """The variation icon's key: common_cause, improvement_high/low, concern_high/low,
    neutral_high/low, or none (not enough points)."""
    if not chart.enough:
        return "none"
    key = chart.verdict_key
    if key in ("common_cause", ""):
        return "common_cause"
    last = next((t for t in reversed(chart.point_types) if t and t != "common_cause"), None)
    high = True
    if last in ("neutral_high", "neutral_low"):
        high = last == "neutral_high"
    elif chart.improvement in ("increase", "decrease"):
        better_high = chart.improvement == "increase"
        high = better_high if key == "improvement" else not better_high
    kind = key if key in ("improvement", "concern") else "neutral"
    return f"{kind}_{'high' if high else 'low'}"


def variation_words(chart: Chart) -> str:
    icon = variation_icon(chart)
    if icon == "none":
        return NOT_ENOUGH
    if icon == "common_cause":
        return "common cause variation"
    kind, side = icon.rsplit("_", 1)
    what = {"improvement": "special cause improvement", "concern": "special cause concern",
            "neutral": "special cause, neither better nor worse"}[kind]
    return f"{what} ({side})"


def assurance_words(chart: Chart) -> str:
    if chart.target is None:
        return "no target"
    if not chart.enough:
        return NOT_ENOUGH
    return {"consistent_pass": "consistently passing the target",
            "consistent_fail": "consistently failing the target",
            "inconsistent": "hit and miss: the target lies between the process limits"}.get(
        chart.assurance or "", "not judged")


# ---------------------------------------------------------------- drawing


def _figure(width: float, height: float, dpi: int):
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _median(xs: list[float]) -> float:
    s = sorted(xs)
    k = len(s) // 2
    return s[k] if len(s) % 2 else (s[k - 1] + s[k]) / 2


def draw(ax, chart: Chart) -> None:
    """Draw ``chart`` on a matplotlib axes."""
    xs = [i for i, v in enumerate(chart.values) if v is not None]
    ys = [chart.values[i] for i in xs]
    lo, hi = display_range(chart)
    last = len(chart.values) - 1
    if ys:
        ax.plot(xs, ys, color=GREY, linewidth=1.0, zorder=2)
    if chart.enough:
        colours = [point_colour(chart.point_types[i] if i < len(chart.point_types) else None) for i in xs]
        ax.scatter(xs, ys, s=18, c=colours, zorder=3, edgecolors="none")
        for seg in chart.segments:
            a, b = seg.start - (0.5 if seg.start else 0), seg.end + (0.5 if seg.end < last else 0)
            if seg.mean is not None:
                ax.hlines(_clip(chart, seg.mean), a, b, colors=MEAN, linewidth=1.0, linestyles="solid", zorder=1)
            for limit in (seg.lower, seg.upper):
                shown = _clip(chart, limit)
                if shown is not None and shown == limit:  # a limit the unit cannot reach is not drawn
                    ax.hlines(shown, a, b, colors=LIMITS, linewidth=0.9, linestyles="dashed", zorder=1)
        for at in chart.changes:
            ax.axvline(at - 0.5, color="#404040", linewidth=0.9, linestyle=":", zorder=1)
            ax.text(at - 0.4, hi - (hi - lo) * 0.02, "service change", fontsize=6.5, va="top", color="#404040",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6}, zorder=4)
        verdict = chart.verdict
    else:
        ax.scatter(xs, ys, s=18, c=GREY, zorder=3, edgecolors="none")
        if ys:
            ax.hlines(_median(ys), 0, max(last, 1), colors=MEAN, linewidth=1.0, zorder=1)
        verdict = NOT_ENOUGH
    if chart.target is not None:
        ax.hlines(_clip(chart, chart.target), 0, max(last, 1), colors=TARGET, linewidth=1.0,
                  linestyles="solid", zorder=1, label="target")
    ax.set_ylim(lo, hi)
    ax.set_xlim(-0.5, max(last, 1) + 0.5)
    step = max(1, len(chart.labels) // 8)
    ticks = list(range(0, len(chart.labels), step))
    ax.set_xticks(ticks)
    ax.set_xticklabels([chart.labels[i] for i in ticks], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(chart.x_title, fontsize=7.5)
    ax.set_ylabel(chart.y_title, fontsize=7.5)
    import textwrap

    title = f"{chart.title}: {verdict}" if verdict else chart.title
    ax.set_title("\n".join(textwrap.wrap(title, 95)), fontsize=8)
    ax.grid(axis="y", linewidth=0.3, color="#d9d9d9")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


class _Shown:
    """A chart as a cache key: equal when they show the same (``repr`` of the chart: every field, read when the
    chart is drawn, so a chart changed afterwards is another key)."""

    __slots__ = ("chart", "key")

    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.key = repr(chart)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Shown) and other.key == self.key


@functools.lru_cache(maxsize=64)
def _drawn(shown: _Shown, width: float, height: float, dpi: int) -> bytes:
    """The last charts drawn, by what they show and their size: a review's charts are drawn again for each copy of
    it (Word, HTML, the app's export and the command line's), and drawing them is a large part of writing one
    (tests/compose test_export, test_word and test_cli_exports, -n 0: 47.0 -> 40.4 s CPU). The same chart always
    draws to the same bytes; nothing sets matplotlib's rc. (lru_cache is safe in the app's worker threads.)"""
    fig = _figure(width, height, dpi)
    draw(fig.add_subplot(1, 1, 1), shown.chart)
    fig.tight_layout()
    return _png(fig)


def chart_png(chart: Chart, *, width: float = 6.5, height: float = 2.7, dpi: int = 130) -> bytes:
    """The chart as PNG bytes (matplotlib, Agg backend)."""
    return _drawn(_Shown(chart), width, height, dpi)


_ICON_COLOURS = {"improvement": BLUE, "concern": ORANGE, "neutral": PURPLE, "common_cause": GREY, "none": "#ffffff"}


def icon_png(key: str, *, size: float = 0.32, dpi: int = 200) -> bytes:
    """A small round icon: variation (``common_cause``, ``improvement_high`` ...) or
    assurance (``consistent_pass``, ``consistent_fail``, ``inconsistent``, ``none``)."""
    fig = _figure(size, size, dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(-1.1, 1.1)
    ax.set_ylim(-1.1, 1.1)
    ax.axis("off")
    from matplotlib.patches import Circle

    if key in ("consistent_pass", "consistent_fail", "inconsistent"):
        colour = {"consistent_pass": BLUE, "consistent_fail": ORANGE, "inconsistent": GREY}[key]
        letter = {"consistent_pass": "P", "consistent_fail": "F", "inconsistent": "?"}[key]
    elif key == "none":
        colour, letter = "#d9d9d9", "–"
    else:
        kind = key.rsplit("_", 1)[0] if key != "common_cause" else key
        colour = _ICON_COLOURS.get(kind, GREY)
        letter = "" if key == "common_cause" else ("H" if key.endswith("high") else "L")
    ax.add_patch(Circle((0, 0), 1.0, facecolor="white", edgecolor=colour, linewidth=2.2))
    if letter:
        ax.text(0, -0.05, letter, ha="center", va="center", fontsize=size * 30, color=colour, weight="bold")
    else:  # common cause: a row of grey dots
        ax.scatter([-0.5, -0.15, 0.2, 0.55], [0.1, -0.15, 0.15, -0.1], s=size * 12, c=colour)
    return _png(fig)


def assurance_icon(chart: Chart) -> str | None:
    if chart.target is None:
        return None
    if not chart.enough or not chart.assurance:
        return "none"
    return chart.assurance


def caption(chart: Chart) -> str:
    """A chart's caption: its title and verdict, then what its scale shows."""
    caption = f"{chart.title}: {chart.verdict if chart.enough else NOT_ENOUGH}"
    scale = chart.scale_words
    return f"{caption.rstrip('.')}. {scale}" if scale else caption


_ICONS: dict[str, bytes] = {}


def icon(key: str) -> bytes:
    """:func:`icon_png` for ``key``, drawn once per run."""
    if key not in _ICONS:
        _ICONS[key] = icon_png(key)
    return _ICONS[key]
