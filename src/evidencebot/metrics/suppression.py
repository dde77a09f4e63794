"""Small-number suppression for figures that leave the organisation.

The default follows NHS Digital's Mental Health Services Monthly Statistics
(``94_Round_output.py``) for sub-national figures:

- counts of 1-4 are shown as "<5"; every other count is rounded to the nearest 5
  (halves round up);
- a rate or percentage is shown only when its denominator is at least 5 and
  its numerator is 0 or at least 5; it is calculated from the unrounded numbers.

A percentage is also hidden when the cases *without* the outcome (the
denominator minus the numerator) are 1-4 (``complement=True``): "89% of about
10" would give away that one person was missed, which is a count the rules hide.
A percentage on fewer than :data:`SMALL_BASE` cases is not published as a
percentage either: a percentage of so few misleads (the checker's
``small-denominator`` rule uses the same number); it is given in counts.

Zero is shown as "0" by default. A zero can be disclosive too (everyone in a
small group had the outcome); pass ``suppress_zero=True`` to hide it as well.
Secondary suppression (:func:`secondary_suppression`) hides one more cell when
a single hidden cell could be recovered from a published total.

Internal dashboards may show unrounded values; these helpers are for
commissioner-facing outputs. Outcome stories need consent and
de-identification; count suppression does not cover them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from evidencebot.errors import InputError

MISSING = "n/a"
"""Shown for a count or rate that is unknown (None)."""
HIDDEN = "*"
"""Shown for a rate or percentage that is suppressed."""
SMALL_BASE = 10
"""A percentage on fewer cases than this is given as counts, not as a percentage."""


def _check_settings(threshold: int, rounding: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise InputError(f"suppression threshold must be a whole number of at least 1, got {threshold!r}")
    if isinstance(rounding, bool) or not isinstance(rounding, int) or rounding < 1:
        raise InputError(f"rounding must be a whole number of at least 1, got {rounding!r}")


def _check_count(n, what: str = "count") -> None:
    if isinstance(n, bool) or not isinstance(n, (int, float)) or not math.isfinite(n) or n < 0 or n != int(n):
        raise InputError(f"a {what} must be a whole number 0 or more, got {n!r}")


def round_count(n: int, rounding: int = 5) -> int:
    """Round to the nearest multiple of ``rounding``, halves up (12 -> 10, 13 -> 15)."""
    _check_count(n)
    return int(math.floor(int(n) / rounding + 0.5)) * rounding


def is_count_suppressed(n: int | None, threshold: int = 5, *, suppress_zero: bool = False) -> bool:
    """True when a count must not be shown as a number."""
    if n is None:
        return True
    _check_count(n)
    return (0 < n < threshold) or (n == 0 and suppress_zero)


def suppress_count(
    n: int | None, threshold: int = 5, rounding: int = 5, *, suppress_zero: bool = False
) -> str:
    """A count as it may be published: '0', '<5', '10', '1,235'; None gives 'n/a'."""
    _check_settings(threshold, rounding)
    if n is None:
        return MISSING
    _check_count(n)
    if is_count_suppressed(n, threshold, suppress_zero=suppress_zero):
        return f"<{threshold}"
    return f"{round_count(n, rounding):,}"


def suppress_rate(value, numerator: int | None, denominator: int | None, threshold: int = 5,
                  *, suppress_zero: bool = False, complement: bool = False,
                  small_base: int = 0) -> bool:
    """True when a rate or percentage must be hidden.

    Hidden when the value is missing, the numerator or denominator is missing,
    the denominator is below ``threshold``, or the numerator is 1 to
    ``threshold - 1``. A true zero over a publishable denominator is shown (0%),
    as a zero count is, unless ``suppress_zero``: hiding it as "<5" would tell a
    reader that a few people had the outcome when none did.

    With ``complement`` (percentages: the cases without the outcome are a count
    too) it is also hidden when the denominator minus the numerator is 1 to
    ``threshold - 1``; with ``small_base`` when the denominator is below it.
    """
    _check_settings(threshold, 1)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    if numerator is None or denominator is None:
        return True
    _check_count(numerator, "numerator")
    _check_count(denominator, "denominator")
    if denominator < small_base:
        return True
    if complement and 0 < denominator - numerator < threshold:
        return True
    if numerator == 0 and not suppress_zero:
        return denominator < threshold
    return numerator < threshold or denominator < threshold


def format_suppressed(
    value,
    numerator: int | None,
    denominator: int | None,
    *,
    threshold: int = 5,
    decimals: int = 0,
    suffix: str = "",
    hidden: str = HIDDEN,
) -> str:
    """A rate or percentage as it may be published: '67%' or '*' when suppressed.

    ``value`` is already on its display scale (e.g. 66.7 for a percentage);
    pass ``suffix="%"`` to append a unit.
    """
    if suppress_rate(value, numerator, denominator, threshold):
        return hidden
    return f"{value:,.{decimals}f}{suffix}"


def secondary_suppression(
    counts: Mapping[str, int], threshold: int = 5, *, suppress_zero: bool = False
) -> set[str]:
    """Keys to hide in a breakdown whose total is published.

    Every cell under the threshold is hidden; if exactly one is hidden, the
    smallest other non-zero cell is hidden too, so that the hidden one cannot
    be worked out by subtracting the others from the total.
    """
    _check_settings(threshold, 1)
    hidden = {k for k, n in counts.items() if is_count_suppressed(n, threshold, suppress_zero=suppress_zero)}
    if len(hidden) == 1:
        others = sorted(
            (n, k) for k, n in counts.items() if k not in hidden and n is not None and n > 0
        )
        if others:
            hidden.add(others[0][1])
    return hidden
