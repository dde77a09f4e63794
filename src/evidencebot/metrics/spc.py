"""Statistical process control: XmR charts with NHS "Making Data Count" rules.

This reproduces the NHS-R ``NHSRplotthedots`` package (``ptd_spc``), which
mimics the NHS England Making Data Count (MDC) tools.

Limits, for the points of one group::

    mean     = average of the values                 (centre line)
    MR_i     = |y_i - y_(i-1)|                        (moving ranges, within the group)
    AMR      = average moving range
    screening (optional, off by default as in the MDC Excel tool):
               keep only MR_i < 3.267 x AMR, then recompute AMR
    limits   = mean +/- 2.66 x AMR                    (process limits, "3 sigma")
    near     = mean +/- (2/3 x 2.66) x AMR            ("2 sigma")

Every point of a group is used for its limits (PTD-R's default; nothing is
frozen after the first 12). ``baseline_points`` only marks limits from fewer
points as *trial* limits and decides when a service change may be rebased.

Special-cause rules, applied within each group. A point takes the first rule
that matches, in this order:

1. ``astronomical``: above the upper or below the lower process limit.
2. ``trend``: ``trend`` (7) or more points each strictly higher (or lower) than
   the one before; a tie breaks it; a trend may cross the mean; every point
   of the run is flagged. A point shared by a rising and a falling run takes
   the direction of the later run (PTD-R: "use right side").
3. ``two_in_three``: at least 2 of 3 consecutive points beyond the near limit
   (but not beyond the process limit) with all 3 on the same side of the
   mean; only the near-limit points are flagged.
4. ``shift``: ``shift`` (7) or more consecutive points on the same side of the
   mean. A point on the mean (within 1e-9 relative) breaks the run.

A flagged point's direction (+1 high, -1 low) comes from its rule: the side of
the mean, or the trend's direction. With ``improvement="increase"`` a high
signal is an improvement and a low one a concern; ``"decrease"`` the reverse;
``"neutral"`` gives ``neutral_high`` / ``neutral_low``.

**The verdict** is the type of the *last* point, as the MDC variation icon:
``improvement``, ``concern``, ``neutral`` or ``common_cause`` (no evidence of
change); ``too_few_points`` when there are fewer than ``min_points`` values.

**Assurance** (target given, direction not neutral), from the limits of the
latest group: a target beyond the upper limit means every month will fall on
one side of it (``consistent_pass`` if lower is better, ``consistent_fail`` if
higher is better), and likewise below the lower limit; otherwise the target
will be hit and missed (``inconsistent``).

**Dated service changes** (``rebase_at``: positions in ``values`` where a
documented service change took effect), as NHS practice does it:

- Every recorded change starts a new *segment* with its own mean and limits,
  and the special-cause rules are applied to each segment's own points only.
  New points are never judged against the limits from before the change (that
  over-signals: about 7% of series with no change gave a signal at 9 points
  before and 15 after; see ``bench/spc_false_alarm.py``).
- A segment with fewer than ``baseline_points`` points (12 by default,
  ``[spc] baseline_points``) has *trial* limits, and a note says so.
- A segment with fewer than ``min_points`` points is not judged: when it is the
  latest, the verdict is ``too_few_points``.
- :attr:`SPCResult.segments` lists every segment with its own limits, and
  :attr:`SPCResult.step_change` gives the means before and after the latest
  change (a description, never a verdict). The change is named by the label at
  its position (callers pass the change date there), else by its point number.

**Run charts** (:func:`run_chart`): for series of whole numbers with many ties
(monthly medians of days) XmR limits and runs are driven by the ties, so those
get a run chart around the median instead: only the shift rule, with points on
the median neither counting nor breaking a run.

Values that are ``None`` (or nan) are months without data: they are left out of
the chart (and their labels with them), but positions, ``rebase_at`` and
:attr:`SPCPoint.index` still refer to the original sequence.

Callers may truncate a displayed lower limit at 0; results keep the calculated value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from evidencebot.errors import InputError

LIMIT = 2.66
"""3 / d2 with d2 = 1.128 for moving ranges of two points."""
NEAR_LIMIT = 2 * (LIMIT / 3)
"""The "2 sigma" multiplier, 1.7733."""
SCREEN_LIMIT = 3.267
"""D4 for ranges of two: moving ranges at or above 3.267 x AMR are screened out."""

RULES = ("astronomical", "trend", "two_in_three", "shift")
VERDICTS = ("improvement", "concern", "neutral", "common_cause", "too_few_points")
_DIRECTIONS = {"increase": 1, "decrease": -1, "neutral": 0}


@dataclass
class SPCPoint:
    """One plotted point and how it was judged."""

    index: int
    """Position in the original ``values`` (missing values keep their positions)."""
    value: float
    label: str | None
    group: int
    """Which service-change period the point is in (0 before any ``rebase_at``)."""
    mean: float
    lower: float
    upper: float
    near_lower: float
    near_upper: float
    special: str | None
    """The rule that flagged it: astronomical, trend, two_in_three, shift; or None."""
    direction: int
    """+1 high, -1 low, 0 common cause."""
    type: str
    """improvement, concern, neutral_high, neutral_low or common_cause."""


@dataclass
class SPCResult:
    verdict: str
    """improvement, concern, neutral, common_cause or too_few_points."""
    rule: str | None
    """What made the verdict special cause, in words; None for common cause."""
    points: int
    mean: float
    lower: float
    upper: float
    """Mean and process limits that the last point was judged against."""
    trial: bool
    """Those limits come from fewer than ``baseline_points`` points."""
    assurance: str | None
    """consistent_pass, consistent_fail, inconsistent; None without a target or when neutral."""
    point_list: list[SPCPoint]
    settings: dict
    """The rule set used: record it with every report."""
    notes: list[str] = field(default_factory=list)
    """Plain-language caveats: trial limits, service changes not yet rebased."""
    step_change: dict | None = None
    """Means before and after the latest service change (description only, no verdict)."""
    segments: list[dict] = field(default_factory=list)
    """One entry per service-change segment, oldest first: first/last (positions),
    first_label/last_label, change (its name, None for the first), points, mean,
    lower, upper, near_lower, near_upper, trial (fewer than baseline_points) and
    judged (at least min_points, so the rules were applied)."""

    @property
    def special_points(self) -> list[SPCPoint]:
        return [p for p in self.point_list if p.special]

    def to_dict(self) -> dict:
        """A JSON-safe summary (nan becomes None)."""
        return _json_safe(
            {
                "verdict": self.verdict,
                "rule": self.rule,
                "points": self.points,
                "mean": self.mean,
                "lower": self.lower,
                "upper": self.upper,
                "trial": self.trial,
                "assurance": self.assurance,
                "settings": self.settings,
                "notes": list(self.notes),
                "step_change": self.step_change,
                "segments": self.segments,
                "point_list": [asdict(p) for p in self.point_list],
            }
        )


def _json_safe(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


# ---------------------------------------------------------------- limits


@dataclass(frozen=True)
class Limits:
    mean: float
    amr: float
    lower: float
    upper: float
    near_lower: float
    near_upper: float
    n: int


def limits(values: Sequence[float], *, screen: bool = False) -> Limits:
    """Mean, average moving range and limits of consecutive values (one group)."""
    n = len(values)
    if n == 0:
        return Limits(math.nan, math.nan, math.nan, math.nan, math.nan, math.nan, 0)
    mean = math.fsum(values) / n
    if n < 2:
        return Limits(mean, math.nan, math.nan, math.nan, math.nan, math.nan, n)
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    amr = math.fsum(ranges) / len(ranges)
    if screen:
        kept = [r for r in ranges if r < SCREEN_LIMIT * amr]
        if kept:  # all ranges equal to zero would otherwise leave none
            amr = math.fsum(kept) / len(kept)
    return Limits(
        mean,
        amr,
        mean - LIMIT * amr,
        mean + LIMIT * amr,
        mean - NEAR_LIMIT * amr,
        mean + NEAR_LIMIT * amr,
        n,
    )


# ---------------------------------------------------------------- rules


@dataclass
class _Flag:
    rule: str | None = None
    direction: int = 0
    run_start: int = 0
    run_length: int = 0
    near_count: int = 0


def _side(y: float, lim: Limits) -> int:
    if math.isnan(lim.mean):
        return 0
    tol = 1e-9 * max(abs(lim.mean), lim.amr if math.isfinite(lim.amr) else 0.0)
    if abs(y - lim.mean) <= tol:
        return 0
    return 1 if y > lim.mean else -1


def _runs(keys: list[int], length: int) -> list[tuple[int, int, int]]:
    """Maximal runs of equal non-zero keys at least ``length`` long: (start, end, key)."""
    found = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if keys[start] != 0 and i - start >= length:
                found.append((start, i - 1, keys[start]))
            start = i
    return found


def _flag(ys: Sequence[float], lim: Limits, shift: int, trend: int) -> list[_Flag]:
    """Apply the four rules to consecutive values judged against ``lim``."""
    n = len(ys)
    side = [_side(y, lim) for y in ys]
    outside = [y > lim.upper or y < lim.lower for y in ys]  # False when limits are nan
    near = [not outside[i] and (y < lim.near_lower or y > lim.near_upper) for i, y in enumerate(ys)]
    flags = [_Flag() for _ in ys]

    # shift: runs of points on one side of the mean
    shift_of: dict[int, tuple[int, int, int]] = {}
    for start, end, key in _runs(side, shift):
        for i in range(start, end + 1):
            shift_of[i] = (start, end, key)

    # two in three: windows of 3 with >= 2 near points, all on one side
    two_of: dict[int, tuple[int, int]] = {}
    for w in range(0, n - 2):
        if sum(near[w : w + 3]) >= 2 and abs(sum(side[w : w + 3])) == 3:
            for i in range(w, w + 3):
                if near[i] and i not in two_of:
                    two_of[i] = (w, sum(near[w : w + 3]))

    # trend: runs of strictly rising or falling values; diffs[i] links i-1 and i
    diffs = [0] + [(ys[i] > ys[i - 1]) - (ys[i] < ys[i - 1]) for i in range(1, n)]
    trend_of: dict[int, tuple[int, int, int]] = {}
    for start, end, key in _runs(diffs, trend - 1):
        first = start - 1  # the point before the first rising (falling) step
        for i in range(first, end + 1):
            trend_of[i] = (first, end, key)  # a later run overwrites: "use right side"

    for i, y in enumerate(ys):
        f = flags[i]
        if outside[i]:
            f.rule, f.direction, f.run_start, f.run_length = "astronomical", 1 if y > lim.mean else -1, i, 1
        elif i in trend_of:
            start, end, key = trend_of[i]
            f.rule, f.direction, f.run_start, f.run_length = "trend", key, start, end - start + 1
        elif i in two_of:
            start, count = two_of[i]
            f.rule, f.direction, f.run_start, f.run_length = "two_in_three", side[i], start, 3
            f.near_count = count
        elif i in shift_of:
            start, end, key = shift_of[i]
            f.rule, f.direction, f.run_start, f.run_length = "shift", key, start, end - start + 1
    return flags


def _point_type(direction: int, improvement: int) -> str:
    if direction == 0:
        return "common_cause"
    if improvement == 0:
        return "neutral_high" if direction > 0 else "neutral_low"
    return "improvement" if direction * improvement > 0 else "concern"


def _verdict(point_type: str) -> str:
    return "neutral" if point_type.startswith("neutral") else point_type


def _describe(flag: _Flag) -> str:
    high = flag.direction > 0
    if flag.rule == "astronomical":
        return "point above the upper process limit" if high else "point below the lower process limit"
    if flag.rule == "trend":
        return f"{flag.run_length}-point {'rising' if high else 'falling'} trend"
    if flag.rule == "two_in_three":
        return f"{flag.near_count} of 3 points near the {'upper' if high else 'lower'} limit"
    if flag.rule == "shift":
        return f"{flag.run_length} points {'above' if high else 'below'} the mean (shift)"
    return ""


# ---------------------------------------------------------------- the chart


def _check_int(name: str, value, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InputError(f"{name} must be a whole number of at least {minimum}, got {value!r}")
    return value


def _clean_values(values) -> list[tuple[int, float]]:
    result = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise InputError(f"value {i + 1} is not a number: {v!r}")
        v = float(v)
        if math.isnan(v):
            continue
        if math.isinf(v):
            raise InputError(f"value {i + 1} is infinite")
        result.append((i, v))
    return result


def xmr(
    values: Sequence[float | None],
    *,
    improvement: str = "decrease",
    target: float | None = None,
    rebase_at: Sequence[int] = (),
    shift: int = 7,
    trend: int = 7,
    screen: bool = False,
    baseline_points: int = 12,
    min_points: int = 7,
    labels: Sequence[str | None] | None = None,
) -> SPCResult:
    """An XmR chart of ``values`` judged with the MDC rules (see the module docstring)."""
    direction_name = str(improvement).strip().lower()
    if direction_name not in _DIRECTIONS:
        raise InputError(
            f"improvement must be 'increase', 'decrease' or 'neutral', got {improvement!r}"
        )
    improving = _DIRECTIONS[direction_name]
    _check_int("shift", shift, 3)
    _check_int("trend", trend, 3)
    _check_int("baseline_points", baseline_points, 2)
    _check_int("min_points", min_points, 2)
    if target is not None:
        if isinstance(target, bool) or not isinstance(target, (int, float)) or not math.isfinite(target):
            raise InputError(f"target must be a number, got {target!r}")
    values = list(values)
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(values):
            raise InputError(f"{len(labels)} labels for {len(values)} values")
    notes: list[str] = []

    # service changes: positions in the original sequence
    changes = []
    for position in rebase_at:
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise InputError(f"rebase_at must hold positions 0 or more, got {position!r}")
    for position in sorted(set(rebase_at)):
        if position >= len(values):
            notes.append(f"service change at position {position} is after the last value: ignored")
        elif position > 0:
            changes.append(position)
    settings = {
        "chart": "xmr",
        "improvement": direction_name,
        "target": target,
        "shift": shift,
        "trend": trend,
        "two_in_three": True,
        "screen": bool(screen),
        "baseline_points": baseline_points,
        "min_points": min_points,
        "rebase_at": changes,
    }

    data = _clean_values(values)

    def label_at(i: int) -> str | None:
        return str(labels[i]) if labels is not None and labels[i] is not None else None

    def name_of(i: int) -> str:
        return str(label_at(i)) if label_at(i) is not None else f"point {i + 1}"

    groups = [sum(1 for c in changes if c <= i) for i, _ in data]
    ys = [v for _, v in data]

    if len(data) < min_points:
        lim = limits(ys, screen=screen)
        points = [
            SPCPoint(i, v, label_at(i), g, lim.mean, lim.lower, lim.upper, lim.near_lower,
                     lim.near_upper, None, 0, "common_cause")
            for (i, v), g in zip(data, groups)
        ]
        word = "value" if len(data) == 1 else "values"
        return SPCResult(
            verdict="too_few_points",
            rule=f"only {len(data)} {word}; at least {min_points} are needed to judge change",
            points=len(data),
            mean=lim.mean,
            lower=lim.lower,
            upper=lim.upper,
            trial=True,
            assurance=None,
            point_list=points,
            settings=settings,
            notes=notes,
        )

    # segments: every recorded service change starts a new segment with its own
    # limits, judged by the rules on its own points only (never new points against
    # old limits). A segment of fewer than baseline_points has trial limits; one of
    # fewer than min_points is not judged at all.
    segments: list[dict] = []
    for g in range(len(changes) + 1):
        members = [k for k, grp in enumerate(groups) if grp == g]
        if not members:
            continue
        segments.append({"members": members, "change": changes[g - 1] if g > 0 else None})

    point_list: list[SPCPoint | None] = [None] * len(data)
    flags: list[_Flag | None] = [None] * len(data)
    seg_limits = []
    for seg in segments:
        members = seg["members"]
        lim = limits([ys[k] for k in members], screen=screen)
        seg_limits.append(lim)
        judged = len(members) >= min_points
        seg_flags = _flag([ys[k] for k in members], lim, shift, trend) if judged else [_Flag() for _ in members]
        for k, f in zip(members, seg_flags):
            i = data[k][0]
            flags[k] = f
            point_list[k] = SPCPoint(
                i, ys[k], label_at(i), groups[k], lim.mean, lim.lower, lim.upper,
                lim.near_lower, lim.near_upper, f.rule, f.direction,
                _point_type(f.direction, improving),
            )
        for f in seg_flags:  # run positions inside the segment -> positions in data
            f.run_start = members[f.run_start] if f.rule else f.run_start
        seg["limits"] = lim
        seg["judged"] = judged

    last_seg, last_lim = segments[-1], seg_limits[-1]
    trial = last_lim.n < baseline_points
    last = point_list[-1]
    last_flag = flags[-1]
    verdict = _verdict(last.type)
    rule = _describe(last_flag) if last_flag.rule else None
    if last_seg["change"] is not None:
        name = name_of(last_seg["change"])
        count = len(last_seg["members"])
        plural = "s" if count != 1 else ""
        if not last_seg["judged"]:
            verdict = "too_few_points"
            rule = (f"only {count} point{plural} since the service change on {name}; at least "
                    f"{min_points} are needed to judge change")
            notes.append(f"service change on {name}: limits recalculated from that month; {count} "
                         f"point{plural} since, too few to judge (at least {min_points} needed)")
        elif trial:
            notes.append(f"service change on {name}: limits recalculated from that month; {count} "
                         f"point{plural} since, so these are trial limits (fewer than {baseline_points})")
        else:
            notes.append(f"service change on {name}: limits recalculated from that month ({count} points since)")
        if rule and last_seg["judged"]:
            rule = f"{rule}, since the service change on {name}"
    if trial and last_seg["judged"]:
        notes.insert(
            0,
            f"trial limits: calculated from {last_lim.n} points (fewer than {baseline_points}); "
            "they will move as data are added",
        )

    step_change = None
    if len(segments) > 1:
        pre, post = seg_limits[-2], last_lim
        # a level shift: the whole new segment's mean lies beyond the old process
        # limits (both segments long enough to judge); a description of the step,
        # not the variation verdict (the mean of 7+ points beyond 3-sigma limits
        # almost never happens by chance: see bench/spc_false_alarm.py)
        level_shift = 0
        if segments[-2]["judged"] and last_seg["judged"] and math.isfinite(pre.upper):
            level_shift = 1 if post.mean > pre.upper else (-1 if post.mean < pre.lower else 0)
        step_change = {
            "change": name_of(last_seg["change"]),
            "change_index": last_seg["change"],
            "pre_mean": pre.mean,
            "pre_lower": pre.lower,
            "pre_upper": pre.upper,
            "pre_points": pre.n,
            "post_mean": post.mean,
            "points": post.n,
            "trial": trial,
            "level_shift": level_shift,
            "level_shift_type": _point_type(level_shift, improving),
            "note": "means before and after the change, for description only: the verdict comes "
                    "from the rules applied to the points since the change",
        }
    segment_list = [
        {
            "first": data[seg["members"][0]][0],
            "last": data[seg["members"][-1]][0],
            "first_label": label_at(data[seg["members"][0]][0]),
            "last_label": label_at(data[seg["members"][-1]][0]),
            "change": name_of(seg["change"]) if seg["change"] is not None else None,
            "points": len(seg["members"]),
            "mean": seg["limits"].mean,
            "lower": seg["limits"].lower,
            "upper": seg["limits"].upper,
            "near_lower": seg["limits"].near_lower,
            "near_upper": seg["limits"].near_upper,
            "trial": len(seg["members"]) < baseline_points,
            "judged": seg["judged"],
        }
        for seg in segments
    ]

    assurance = None
    if target is not None and improving != 0 and math.isfinite(last_lim.upper):
        if target > last_lim.upper:
            assurance = "consistent_fail" if improving > 0 else "consistent_pass"
        elif target < last_lim.lower:
            assurance = "consistent_pass" if improving > 0 else "consistent_fail"
        else:
            assurance = "inconsistent"

    return SPCResult(
        verdict=verdict,
        rule=rule,
        points=len(data),
        mean=last_lim.mean,
        lower=last_lim.lower,
        upper=last_lim.upper,
        trial=trial,
        assurance=assurance,
        point_list=point_list,
        settings=settings,
        notes=notes,
        step_change=step_change,
        segments=segment_list,
    )


def tied_integers(values: Sequence[float | None], *, share: float = 1 / 3) -> bool:
    """True for whole-number values where at least ``share`` of the moving ranges
    are zero (ties), or any values where half of them are: such a series gets a
    run chart, not XmR signals."""
    ys = [v for _, v in _clean_values(values)]
    if len(ys) < 3:
        return False
    ties = sum(1 for a, b in zip(ys, ys[1:]) if a == b)
    if any(not float(v).is_integer() for v in ys):
        return ties >= 0.5 * (len(ys) - 1)  # mostly one repeated value (0% month after month)
    return ties >= share * (len(ys) - 1)


def run_chart(
    values: Sequence[float | None],
    *,
    improvement: str = "decrease",
    rebase_at: Sequence[int] = (),
    shift: int = 7,
    min_points: int = 7,
    baseline_points: int = 12,
    labels: Sequence[str | None] | None = None,
) -> SPCResult:
    """A run chart around the median of each segment: the shift rule only, with
    points on the median skipped (they neither count nor break a run); no limits."""
    base = xmr(values, improvement=improvement, rebase_at=rebase_at, shift=shift, trend=max(shift, 3),
               baseline_points=baseline_points, min_points=min_points, labels=labels)
    improving = _DIRECTIONS[str(improvement).strip().lower()]
    note = ("whole-number monthly values with many ties: a run chart around the median is used "
            "(no process limits; only runs of points on one side of the median count)")
    base.settings["chart"] = "run"
    base.notes = [n for n in base.notes if not n.startswith("trial limits")] + [note]
    base.assurance = None
    if base.verdict == "too_few_points":
        return base
    by_segment: dict[int, list[SPCPoint]] = {}
    for p in base.point_list:
        by_segment.setdefault(p.group, []).append(p)
    for seg_points in by_segment.values():
        ordered = sorted(p.value for p in seg_points)
        n = len(ordered)
        median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
        judged = n >= min_points
        run: list[SPCPoint] = []
        side_of_run = 0
        for p in seg_points:
            p.mean, p.lower, p.upper, p.near_lower, p.near_upper = median, math.nan, math.nan, math.nan, math.nan
            p.special, p.direction, p.type = None, 0, "common_cause"
            side = 0 if p.value == median else (1 if p.value > median else -1)
            if side == 0:
                continue
            if side != side_of_run:
                run, side_of_run = [], side
            run.append(p)
            if judged and len(run) >= shift:
                for q in run:
                    q.special, q.direction, q.type = "shift", side, _point_type(side, improving)
    for seg in base.segments:
        members = [p for p in base.point_list if seg["first"] <= p.index <= seg["last"]]
        if members:
            seg["mean"] = members[0].mean
        seg.update(lower=math.nan, upper=math.nan, near_lower=math.nan, near_upper=math.nan)
    last = base.point_list[-1]
    base.mean, base.lower, base.upper = last.mean, math.nan, math.nan
    if base.segments and not base.segments[-1]["judged"]:
        return base
    base.verdict = _verdict(last.type)
    if last.special:
        count = 0
        for p in reversed(base.point_list):
            if p.special and p.direction == last.direction:
                count += 1
            elif p.value != last.mean or p.group != last.group:
                break
        base.rule = f"{count} points {'above' if last.direction > 0 else 'below'} the median (run chart)"
    else:
        base.rule = None
    return base


VERDICT_TEXT = {
    "improvement": "special cause improvement",
    "concern": "special cause concern",
    "neutral": "special cause (neither better nor worse)",
    "common_cause": "common cause: no evidence of change",
    "too_few_points": "too few points to judge change",
}

ASSURANCE_TEXT = {
    "consistent_pass": "the target will consistently be met",
    "consistent_fail": "the target will consistently be missed unless the process changes",
    "inconsistent": "the target will be hit and missed (it lies within the process limits)",
}
