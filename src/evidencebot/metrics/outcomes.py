"""Outcome measures: Goal Attainment Scaling, reliable change, SWEMWBS scoring.

- :func:`gas_t`: the Kiresuk-Sherman (1968) T-score, as ``calc_tscore()`` in
  the gasr R package::

      T = 50 + 10 * sum(w_i x_i) / sqrt((1 - rho) * sum(w_i^2) + rho * (sum w_i)^2)

  with goal levels x_i in -2..+2 (0 = the expected outcome), weights w_i
  (default 1) and an assumed correlation between goals rho (default 0.3).
  T = 50 means goals were met as expected on average; report rho with T.
- :data:`RELIABLE_CHANGE`: the published national reliable-change thresholds
  (NHS England CMH PROMs and CYP outcomes dashboards, NHS Talking Therapies,
  Parabiaghi 2005 for HoNOS). Store the threshold and its source with every
  result: a threshold computed from local data can differ a lot.
- :func:`classify_change`: reliable improvement, no reliable change or
  reliable deterioration for a pair of scores, as the NHS England dashboards:
  a change counts when its size is at least the threshold.
- :func:`swemwbs_metric`: SWEMWBS raw total (7-35) to the metric score, which
  is what the SWEMWBS threshold of 3 applies to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from evidencebot.errors import InputError


def gas_t(levels: Sequence[int | None], weights: Sequence[float] | None = None, rho: float = 0.3) -> float:
    """Kiresuk-Sherman GAS T-score for one person's goals.

    Goals whose level is None are dropped with their weights. If every weight
    is 0 they all count as 1 (as gasr does). With no scored goals the result
    is nan.
    """
    levels = list(levels)
    if weights is None:
        weights = [1.0] * len(levels)
    weights = list(weights)
    if len(weights) != len(levels):
        raise InputError(f"{len(weights)} goal weights for {len(levels)} goals")
    if isinstance(rho, bool) or not isinstance(rho, (int, float)) or not 0 <= rho < 1:
        raise InputError(f"rho (the assumed correlation between goals) must be 0 to below 1, got {rho!r}")
    pairs = []
    for level, weight in zip(levels, weights):
        if level is None or (isinstance(level, float) and math.isnan(level)):
            continue
        if isinstance(level, bool) or not isinstance(level, (int, float)) or level not in (-2, -1, 0, 1, 2):
            raise InputError(f"a goal attainment level must be -2, -1, 0, +1 or +2, got {level!r}")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight) or weight < 0:
            raise InputError(f"goal weights must be numbers 0 or more, got {weight!r}")
        pairs.append((int(level), float(weight)))
    if not pairs:
        return math.nan
    if all(w == 0 for _, w in pairs):
        pairs = [(x, 1.0) for x, _ in pairs]
    total_w = math.fsum(w for _, w in pairs)
    numerator = 10 * math.fsum(x * w for x, w in pairs)
    denominator = (1 - rho) * math.fsum(w * w for _, w in pairs) + rho * total_w**2
    return 50 + numerator / math.sqrt(denominator)


@dataclass(frozen=True)
class Instrument:
    """A standard measure and the thresholds evidencebot uses for it."""

    name: str
    low: float
    high: float
    """Range of the total (or per-item / per-goal) score that the threshold applies to."""
    higher_is_better: bool
    threshold: float
    """Reliable change: a change of at least this many points."""
    clinical_cutoff: float | None
    """Clinical range boundary: lower-is-better measures are clinical at or above it,
    higher-is-better ones below it. None when there is no agreed cut-off."""
    source: str

    def is_clinical(self, score: float) -> bool | None:
        """Whether a score is in the clinical range (None when there is no cut-off)."""
        if self.clinical_cutoff is None:
            return None
        if self.higher_is_better:
            return score < self.clinical_cutoff
        return score >= self.clinical_cutoff


RELIABLE_CHANGE: dict[str, Instrument] = {
    i.name: i
    for i in (
        Instrument(
            "PHQ-9", 0, 27, False, 6, 10,
            "NHS Talking Therapies (IAPT) manual: reliable change 6 points, caseness 10 or more; "
            "Gyani et al. 2013",
        ),
        Instrument(
            "GAD-7", 0, 21, False, 4, 8,
            "NHS Talking Therapies (IAPT) manual: reliable change 4 points, caseness 8 or more; "
            "Gyani et al. 2013",
        ),
        Instrument(
            "CORE-10", 0, 40, False, 5, 11,
            "NHS England CYP outcomes dashboard (CYP IAPT 2015: 5.39, rounded to 5); clinical "
            "range 11 or more (Barkham et al. 2013). An adult value of 6 is also quoted and is "
            "unverified; Jacobson-Truax with SD 7.7 and alpha 0.90 gives 6.75",
        ),
        Instrument(
            "WEMWBS", 14, 70, True, 9, None,
            "NHS England CYP outcomes dashboard (8.55, rounded to 9; Maheswaran et al. 2012)",
        ),
        Instrument(
            "SWEMWBS", 7, 35, True, 3, None,
            "NHS England CYP outcomes dashboard (2.87 = 2.77 SEM, rounded to 3; Shah et al. 2018); "
            "applies to the metric score, not the raw total",
        ),
        Instrument(
            "ReQoL-10", 0, 40, True, 5, 25,
            "NHS England CMH PROMs dashboard: reliable change 5, clinical below 25 (Franklin et al. "
            "2021 give below 24; check the ReQoL user manual)",
        ),
        Instrument(
            "DIALOG", 1, 7, True, 1, None,
            "NHS England CMH PROMs dashboard: 1 point per item (items scored 1-7)",
        ),
        Instrument(
            "HoNOS", 0, 48, False, 8, None,
            "Parabiaghi et al. 2005 (ANZJP 39:719): reliable change 8 points (7 in the severe "
            "subgroup); an Italian community sample, so consider a local value too",
        ),
        Instrument(
            "GBO", 0, 10, True, 3, None,
            "NHS England CMH PROMs dashboard: 3 points per goal (goals scored 0-10)",
        ),
    )
}


def _key(name: str) -> str:
    return re.sub(r"[\s\-_]+", "", name.lower())


_ALIASES = {_key(name): name for name in RELIABLE_CHANGE}
_ALIASES.update(
    {
        "core10clinical": "CORE-10",
        "reqol": "ReQoL-10",
        "goalbasedoutcome": "GBO",
        "goalbasedoutcomes": "GBO",
        "honoswa": "HoNOS",
        "honosworkingage": "HoNOS",
        "dialogscale": "DIALOG",
        "shortwemwbs": "SWEMWBS",
    }
)


def canonical_instrument(name: str) -> str:
    """The standard name for a measure: 'phq9', 'PHQ 9', 'phq-9' -> 'PHQ-9'."""
    if isinstance(name, Instrument):
        return name.name
    key = _key(str(name))
    if key not in _ALIASES:
        raise InputError(
            f"unknown measure '{name}' (known: {', '.join(RELIABLE_CHANGE)})"
        )
    return _ALIASES[key]


def instrument(name: str | Instrument) -> Instrument:
    """The :class:`Instrument` for a name in any spelling."""
    if isinstance(name, Instrument):
        return name
    return RELIABLE_CHANGE[canonical_instrument(name)]


_EPSILON = 1e-9  # metric SWEMWBS scores are 2-decimal numbers; 19.98 - 16.98 is not exactly 3


def classify_change(instrument_name: str | Instrument, baseline: float, followup: float) -> str:
    """'reliable_improvement', 'no_reliable_change' or 'reliable_deterioration'.

    A change of at least the threshold, in the better direction, is a reliable
    improvement; in the worse direction, a reliable deterioration.
    """
    inst = instrument(instrument_name)
    for what, score in (("baseline", baseline), ("follow-up", followup)):
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not math.isfinite(score):
            raise InputError(f"{inst.name} {what} score must be a number, got {score!r}")
        if not inst.low <= score <= inst.high:
            raise InputError(
                f"{inst.name} {what} score {score:g} is outside {inst.low:g}-{inst.high:g}"
            )
    change = followup - baseline
    if abs(change) < inst.threshold - _EPSILON:
        return "no_reliable_change"
    better = change > 0 if inst.higher_is_better else change < 0
    return "reliable_improvement" if better else "reliable_deterioration"


SWEMWBS_METRIC: dict[int, float] = dict(
    zip(
        range(7, 36),
        (
            7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36,
            16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21,
            24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
        ),
    )
)
"""SWEMWBS raw total (7-35) to metric score (Warwick conversion table)."""


def swemwbs_metric(raw: int) -> float:
    """Convert a SWEMWBS raw total (7-35, whole number) to its metric score."""
    if (
        isinstance(raw, bool)
        or not isinstance(raw, (int, float))
        or not math.isfinite(raw)
        or raw != int(raw)
    ):
        raise InputError(f"a SWEMWBS raw total must be a whole number 7-35, got {raw!r}")
    if int(raw) not in SWEMWBS_METRIC:
        raise InputError(f"a SWEMWBS raw total must be 7-35 (7 items scored 1-5), got {raw!r}")
    return SWEMWBS_METRIC[int(raw)]
