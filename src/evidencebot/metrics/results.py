"""What an indicator computation returns: :class:`IndicatorResult`.

A result carries everything needed to trace a figure back to the data: the
value with its numerator and denominator, the confidence interval, the period
and comparison period, the SPC verdict of the monthly series, the definition
it was computed by, and whether it was suppressed for external use.

Units: ``percent`` values are 0-100; ``per_100`` values are per 100 people;
``hours``, ``days`` and ``score`` values are medians or means in that unit.
In an external (suppressed) result the numerator and denominator are the
published text of the counts ("<5", "15") rather than integers, and a hidden
value, interval or comparison value is ``None``.
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import asdict, dataclass, field

UNIT_SUFFIX = {
    "percent": "%",
    "per_100": " /100",
    "hours": " h",
    "days": " d",
    "score": "",
    "count": "",
}

VERDICT_MARK = {
    "improvement": "✓ improvement",
    "concern": "! concern",
    "neutral": "◆ special cause",
    "common_cause": "~ common cause",
    "too_few_points": "? too few points",
}
"""Variation marks in words and symbols that cannot be read as a direction (the
verdict is what the chart shows, not whether the value went up or down)."""

CSV_FIELDS = (
    "id", "title", "domain", "period", "value", "unit", "numerator", "denominator",
    "ci_low", "ci_high", "compare_period", "compare_value", "direction", "suppressed",
    "spc_verdict", "spc_rule", "spc_points", "spc_mean", "spc_lower", "spc_upper",
    "partial", "months_covered", "target", "target_comparison", "target_status",
)


def _clean(value):
    """JSON-safe copy: nan and infinities become None, tuples become lists."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@dataclass
class IndicatorResult:
    """One indicator for one period (see the module docstring for units)."""

    id: str
    title: str
    domain: str
    period: str
    value: float | None
    unit: str
    numerator: int | str | None
    denominator: int | str | None
    ci_low: float | None
    ci_high: float | None
    compare_period: str | None
    compare_value: float | None
    direction: str
    suppressed: bool
    spc: dict
    """verdict, rule, points (how many months were judged), mean, lower, upper,
    trial, assurance, notes, settings, and ``series`` ([month, value] pairs)."""
    definition: str
    extra: dict = field(default_factory=dict)
    """Indicator-specific detail: method, pending, pairing_rate, n_goals,
    threshold, period dates, the comparison's counts..."""
    partial: bool = False
    """The period runs past the latest data: only ``coverage`` months are counted."""
    coverage: dict | None = None
    """months_covered, months_in_period, first_month, last_month, text ('Apr-Sep 2026,
    to date: 6 of 12 months'); see :class:`evidencebot.metrics.periods.Coverage`."""
    target: dict | None = None
    """The contract target and whether it was met, decided on the unsuppressed
    figure: value, comparison ('>=', '>', '<=', '<'), status ('met', 'not_met',
    'not_assessable'), reason; None when the indicator has no target."""

    @property
    def verdict(self) -> str | None:
        return (self.spc or {}).get("verdict")

    def to_dict(self) -> dict:
        """A JSON-safe dict with every field."""
        return _clean(asdict(self))

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def csv_row(self) -> dict:
        """The flat row written by ``--format csv`` (keys are :data:`CSV_FIELDS`)."""
        row = {k: v for k, v in self.to_dict().items() if k in CSV_FIELDS}
        spc = self.to_dict()["spc"] or {}
        for key in ("verdict", "rule", "points", "mean", "lower", "upper"):
            row[f"spc_{key}"] = spc.get(key)
        row["months_covered"] = (self.coverage or {}).get("months_covered")
        target = self.target or {}
        row["target"] = target.get("value")
        row["target_comparison"] = target.get("comparison")
        row["target_status"] = target.get("status")
        return {k: ("" if row.get(k) is None else row.get(k)) for k in CSV_FIELDS}

    def copy(self) -> "IndicatorResult":
        return copy.deepcopy(self)

    # ------------------------------------------------------------ display text

    def value_text(self, decimals: int | None = None) -> str:
        """The value with its unit ('72.5%', '4.1 /100', '18 h'); '*' when hidden."""
        return format_value(self.value, self.unit, decimals, hidden=self.suppressed)

    def counts_text(self) -> str:
        """'n/N' for the value's numerator and denominator ('' when there are none;
        '*' when the value is suppressed, so the counts cannot give it away)."""
        if self.numerator is None and self.denominator is None:
            return ""
        if self.suppressed:
            return "*"
        return f"{_count(self.numerator)}/{_count(self.denominator)}"

    def ci_text(self, decimals: int | None = None) -> str:
        if self.ci_low is None or self.ci_high is None:
            return ""
        d = _decimals(self.unit) if decimals is None else decimals
        return f"{self.ci_low:.{d}f}–{self.ci_high:.{d}f}"

    def verdict_text(self) -> str:
        return VERDICT_MARK.get(self.verdict or "", self.verdict or "")


def _count(n) -> str:
    if n is None:
        return "–"
    if isinstance(n, int):
        return f"{n:,}" if n >= 10_000 else str(n)
    return str(n)


def _decimals(unit: str) -> int:
    return 0 if unit == "count" else 1


def format_value(value, unit: str, decimals: int | None = None, *, hidden: bool = False) -> str:
    """A value on its unit's scale; '*' when suppressed, 'n/a' when missing."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "*" if hidden else "n/a"
    d = _decimals(unit) if decimals is None else decimals
    return f"{value:.{d}f}{UNIT_SUFFIX.get(unit, '')}"
