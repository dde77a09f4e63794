"""XmR charts and the Making Data Count rules (metrics.md section 1).

Every series below was worked by hand; the comments give the mean, average
moving range (AMR) and limits so that a failing test can be checked on paper.
"""

from __future__ import annotations

import json
import math

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics.spc import LIMIT, NEAR_LIMIT, limits, xmr

# metrics.md 1.7 (NHSRplotthedots vignette "deviations")
WORKED = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]


def flagged(result) -> dict[int, str]:
    return {p.index: p.special for p in result.point_list if p.special}


# ---------------------------------------------------------------- limits


def test_worked_example_without_screening():
    # sum 35 over 18 points; 17 moving ranges summing to 32
    result = xmr(WORKED)
    assert round(result.mean, 2) == 1.94
    assert round(limits(WORKED).amr, 2) == 1.88
    assert (round(result.lower, 2), round(result.upper, 2)) == (-3.06, 6.95)
    assert result.mean == pytest.approx(35 / 18)
    assert result.upper == pytest.approx(35 / 18 + 2.66 * 32 / 17)


def test_worked_example_with_screening():
    # 3.267 x 1.88 = 6.15 screens out the ranges 8 and 9; 15 ranges of 1 remain
    result = xmr(WORKED, screen=True)
    assert limits(WORKED, screen=True).amr == 1.0
    assert (round(result.lower, 2), round(result.upper, 2)) == (-0.72, 4.60)
    assert round(result.mean, 2) == 1.94


def test_near_limits_are_two_thirds_of_the_way():
    lim = limits([10, 12] * 6)  # mean 11, AMR 2
    assert (lim.mean, lim.amr) == (11, 2)
    assert lim.upper == pytest.approx(11 + 5.32) and lim.lower == pytest.approx(11 - 5.32)
    assert lim.near_upper == pytest.approx(11 + 2 * 2.66 / 3 * 2)
    assert NEAR_LIMIT == pytest.approx(1.77333, abs=1e-5) and LIMIT == 2.66


def test_the_worked_outlier_is_astronomical_and_the_last_point_common_cause():
    result = xmr(WORKED, improvement="decrease")
    assert flagged(result) == {4: "astronomical"}
    assert result.point_list[4].type == "concern"
    assert result.verdict == "common_cause" and result.rule is None


def test_constant_series_has_zero_width_limits_and_no_signal():
    result = xmr([5] * 12, screen=True)
    assert (result.mean, result.lower, result.upper) == (5, 5, 5)
    assert result.verdict == "common_cause" and not flagged(result)


# ---------------------------------------------------------------- astronomical


def test_point_above_the_upper_limit():
    # [10, 12] x 10 then 20: mean 240/21 = 11.43, AMR 46/20 = 2.3, UPL 17.55
    series = [10, 12] * 10 + [20]
    result = xmr(series, improvement="decrease")
    assert result.verdict == "concern"
    assert result.rule == "point above the upper process limit"
    assert flagged(result) == {20: "astronomical"}
    assert xmr(series, improvement="increase").verdict == "improvement"


def test_point_below_the_lower_limit():
    series = [10, 12] * 10 + [2]  # mean 222/21 = 10.57, AMR 28/20 = 1.4, LPL 6.85
    result = xmr(series, improvement="decrease")
    assert (result.verdict, result.rule) == ("improvement", "point below the lower process limit")


# ---------------------------------------------------------------- shift

SHIFT_7 = [12, 14] * 7 + [10, 11, 10, 11, 10, 11, 10]
# mean 255/21 = 12.14, AMR 36/20 = 1.8, limits 7.36 to 16.93, near 8.95 to 15.34


def test_shift_of_exactly_seven_points():
    result = xmr(SHIFT_7, improvement="decrease")
    assert result.verdict == "improvement"
    assert result.rule == "7 points below the mean (shift)"
    assert flagged(result) == {i: "shift" for i in range(14, 21)}
    assert xmr(SHIFT_7, improvement="increase").verdict == "concern"


def test_six_points_are_one_short_of_a_shift():
    result = xmr(SHIFT_7[:-1])
    assert result.verdict == "common_cause" and not flagged(result)


def test_shift_length_is_configurable():
    result = xmr(SHIFT_7[:-1], shift=6)
    assert result.verdict == "improvement"
    assert result.rule == "6 points below the mean (shift)"
    assert result.settings["shift"] == 6


def test_a_point_on_the_mean_breaks_a_run():
    # 8 b 16s and 7 9s, then 10, 11, 10, [12], 11, 10, 11, 10: sum 276 over 23 -> mean exactly 12
    on_mean = [16, 9] * 7 + [16] + [10, 11, 10, 12, 11, 10, 11, 10]
    result = xmr(on_mean)
    assert result.mean == 12
    assert result.verdict == "common_cause" and not flagged(result)
    # the same with 11.5 instead of 12: eight points below the mean (11.98)
    below = on_mean[:18] + [11.5] + on_mean[19:]
    result = xmr(below)
    assert result.rule == "8 points below the mean (shift)"
    assert set(flagged(result)) == set(range(15, 23))


# ---------------------------------------------------------------- trend

TREND_7 = [20, 10] * 7 + [18, 17, 16, 15, 14, 13, 12]
# mean 315/21 = 15, AMR 144/20 = 7.2: limits -4.15 to 34.15; the trend crosses the mean


def test_falling_trend_of_exactly_seven_points():
    result = xmr(TREND_7, improvement="decrease")
    assert result.mean == 15
    assert result.verdict == "improvement"
    assert result.rule == "7-point falling trend"
    assert flagged(result) == {i: "trend" for i in range(14, 21)}
    assert all(result.point_list[i].direction == -1 for i in range(14, 21))
    assert xmr(TREND_7, improvement="increase").verdict == "concern"


def test_six_points_are_one_short_of_a_trend():
    result = xmr(TREND_7[:-1])
    assert result.verdict == "common_cause" and not flagged(result)


def test_a_tie_breaks_a_trend():
    tied = [20, 10] * 7 + [18, 17, 16, 16, 15, 14, 13]
    assert not flagged(xmr(tied))


def test_rising_trend_and_configurable_length():
    rising = [20, 10] * 7 + [11, 12, 13, 14, 15]
    assert xmr(rising).verdict == "common_cause"  # 6 rising points: 10, 11 .. 15
    result = xmr(rising, trend=5, improvement="increase")
    assert (result.verdict, result.rule) == ("improvement", "6-point rising trend")
    assert result.settings["trend"] == 5


def test_point_shared_by_two_trends_takes_the_later_direction():
    # 0/20 x 5 then 1..7..1: the peak (7) ends a rising trend and starts a falling one
    series = [0, 20] * 5 + [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
    result = xmr(series, improvement="increase")
    peak = result.point_list[16]
    assert (peak.value, peak.special, peak.direction, peak.type) == (7, "trend", -1, "concern")
    assert result.point_list[10].direction == 1 and result.point_list[15].direction == 1
    assert set(flagged(result)) == set(range(10, 23))
    assert result.rule == "7-point falling trend"


# ---------------------------------------------------------------- two in three

TWO_IN_THREE = [10, 12] * 10 + [16, 12, 16]
# mean 264/23 = 11.48, AMR 50/22 = 2.27: near upper 15.51, UPL 17.52; 12 is above the mean


def test_two_of_three_near_the_upper_limit():
    result = xmr(TWO_IN_THREE, improvement="decrease")
    assert result.verdict == "concern"
    assert result.rule == "2 of 3 points near the upper limit"
    # only the near-limit points are flagged, not the 12 between them
    assert flagged(result) == {20: "two_in_three", 22: "two_in_three"}


def test_two_of_three_does_not_fire_when_the_third_is_across_the_mean():
    # [.., 16, 10, 16]: mean 11.39, near upper 15.74; 10 is below the mean
    series = [10, 12] * 10 + [16, 10, 16]
    lim = limits(series)
    assert lim.near_upper < 16 < lim.upper and 10 < lim.mean
    result = xmr(series)
    assert result.verdict == "common_cause" and not flagged(result)


def test_one_near_point_is_not_enough():
    series = [10, 12] * 10 + [12, 16, 12]
    assert xmr(series).verdict == "common_cause"


# ---------------------------------------------------------------- directions and priority


def test_neutral_direction():
    result = xmr([10, 12] * 10 + [20], improvement="neutral")
    assert result.verdict == "neutral"
    assert result.point_list[-1].type == "neutral_high"
    low = xmr(SHIFT_7, improvement="neutral")
    assert low.point_list[-1].type == "neutral_low"


def test_astronomical_takes_priority_over_shift():
    # six points below then one far below the lower limit: the last is astronomical, the run a shift
    series = [12, 14] * 7 + [10, 11, 10, 11, 10, 11, 2]
    result = xmr(series)
    assert result.point_list[-1].special == "astronomical"
    assert result.point_list[-2].special == "shift"


def test_improvement_direction_is_validated():
    with pytest.raises(InputError, match="increase"):
        xmr(WORKED, improvement="up")


# ---------------------------------------------------------------- assurance (metrics.md 1.4)

STABLE = [10, 12] * 6  # mean 11, limits 5.68 to 16.32


@pytest.mark.parametrize(
    "target, improvement, expected",
    [
        (20, "increase", "consistent_fail"),
        (20, "decrease", "consistent_pass"),
        (3, "increase", "consistent_pass"),
        (3, "decrease", "consistent_fail"),
        (11, "increase", "inconsistent"),
        (16.3, "decrease", "inconsistent"),
        (20, "neutral", None),
        (None, "increase", None),
    ],
)
def test_assurance_table(target, improvement, expected):
    assert xmr(STABLE, target=target, improvement=improvement).assurance == expected


# ---------------------------------------------------------------- trial limits and too few points


def test_trial_limits_under_twelve_points():
    eleven = xmr(STABLE[:11])
    assert eleven.trial is True
    assert any("trial limits" in note for note in eleven.notes)
    assert xmr(STABLE).trial is False
    assert xmr(STABLE[:11], baseline_points=10).trial is False


def test_too_few_points():
    result = xmr(STABLE[:6], target=3, improvement="increase")
    assert result.verdict == "too_few_points"
    assert result.rule == "only 6 values; at least 7 are needed to judge change"
    assert result.assurance is None and result.trial is True
    assert xmr(STABLE[:7]).verdict == "common_cause"
    assert xmr(STABLE[:6], min_points=5).verdict == "common_cause"


def test_no_values_at_all():
    result = xmr([])
    assert result.verdict == "too_few_points" and math.isnan(result.mean)
    json.dumps(result.to_dict())


# ---------------------------------------------------------------- missing values and labels


def test_missing_values_are_skipped_but_keep_positions():
    values = [10, 12, None, 10, float("nan"), 12, 10, 12, 10]
    labels = [f"2025-{m:02d}" for m in range(1, 10)]
    result = xmr(values, labels=labels)
    assert result.points == 7
    assert [p.index for p in result.point_list] == [0, 1, 3, 5, 6, 7, 8]
    assert [p.label for p in result.point_list][:3] == ["2025-01", "2025-02", "2025-04"]
    # moving ranges run across the gaps: all 2
    assert (result.mean, result.upper) == (pytest.approx(76 / 7), pytest.approx(76 / 7 + 2.66 * 2))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"values": [1, "x", 3]}, "value 2 is not a number"),
        ({"values": [1, float("inf")]}, "infinite"),
        ({"values": [1, 2], "labels": ["a"]}, "1 labels for 2 values"),
        ({"values": [1, 2], "shift": 2}, "shift"),
        ({"values": [1, 2], "trend": 0}, "trend"),
        ({"values": [1, 2], "rebase_at": [-1]}, "rebase_at"),
        ({"values": [1, 2], "target": "high"}, "target"),
    ],
)
def test_bad_arguments(kwargs, message):
    values = kwargs.pop("values")
    with pytest.raises(InputError, match=message):
        xmr(values, **kwargs)


# ---------------------------------------------------------------- service changes and rebasing

PRE = [10, 12, 9, 11, 10, 13, 8, 11, 10, 12, 9, 11, 10, 12]  # 14 points, mean 148/14 = 10.57
POST = [7, 8, 6, 7, 8, 7, 6, 7, 8, 7, 6, 7, 8]  # 13 points, mean 92/13 = 7.08, all below 10.57


def labelled(n_pre: int, n_post: int) -> list[str]:
    labels = [f"m{i}" for i in range(n_pre + n_post)]
    labels[n_pre] = "2025-07-01"
    return labels


def test_established_service_change_gets_its_own_limits_judged_on_its_own():
    result = xmr(PRE + POST, rebase_at=[14], labels=labelled(14, 13), improvement="decrease")
    # the points since the change are judged by the rules on their own limits only:
    # a stable new level is common cause there (never new points against old limits)
    assert all(p.special is None for p in result.point_list[14:])
    assert result.verdict == "common_cause" and result.rule is None
    assert result.mean == pytest.approx(92 / 13)
    assert [p.group for p in result.point_list] == [0] * 14 + [1] * 13
    assert result.point_list[0].mean == pytest.approx(148 / 14)
    step = result.step_change  # described, not judged
    assert step["pre_mean"] == pytest.approx(148 / 14) and step["post_mean"] == pytest.approx(92 / 13)
    assert step["points"] == 13 and "verdict" not in step
    assert result.trial is False
    assert any("2025-07-01: limits recalculated" in n for n in result.notes)
    # segments keep their own limits for the chart
    first, second = result.segments
    assert (first["points"], second["points"]) == (14, 13)
    assert first["mean"] == pytest.approx(148 / 14) and second["change"] == "2025-07-01"
    assert not first["trial"] and not second["trial"] and second["judged"]


def test_service_change_without_a_real_change_stays_common_cause():
    result = xmr(PRE + PRE, rebase_at=[14], improvement="decrease")
    assert result.verdict == "common_cause" and result.rule is None
    assert result.step_change["change"] == "point 15"


def test_rules_run_within_each_group():
    # 4 points below the pre-change mean (12.375), then 3 below the post-change mean (21.25):
    # seven in a row on the "low" side of their own means, but split by the change: no shift
    pre = [12, 14] * 6 + [10, 11, 10, 11]
    post = [18, 19, 18] + [24, 20] * 4 + [24]
    result = xmr(pre + post, rebase_at=[16])
    assert result.point_list[0].mean == pytest.approx(12.375)
    assert result.point_list[16].mean == pytest.approx(21.25)
    assert all(result.point_list[i].special is None for i in range(12, 19))
    # without the service change the same values would be one group with other limits
    assert xmr(pre + post).point_list[16].mean == pytest.approx((198 + 255) / 28)


def test_a_short_new_segment_has_trial_limits_and_says_so():
    result = xmr(PRE + POST[:8], rebase_at=[14], labels=labelled(14, 8), improvement="decrease")
    # limits recalculated at the change from its 8 points: trial limits
    assert result.mean == pytest.approx(sum(POST[:8]) / 8)
    assert all(p.mean == pytest.approx(sum(POST[:8]) / 8) for p in result.point_list[14:])
    assert result.trial is True and result.segments[-1]["trial"] is True
    assert result.verdict == "common_cause"
    assert any("8 points since, so these are trial limits" in n for n in result.notes)
    assert any(n.startswith("trial limits") for n in result.notes)


def test_no_verdict_on_fewer_points_than_the_minimum_since_a_change():
    result = xmr(PRE + POST[:4], rebase_at=[14], labels=labelled(14, 4), improvement="decrease")
    assert result.verdict == "too_few_points"
    assert "only 4 points since the service change on 2025-07-01" in result.rule
    assert all(p.special is None for p in result.point_list[14:])
    assert result.segments[-1]["judged"] is False


def test_trial_threshold_is_configurable():
    short = xmr(PRE + POST[:8], rebase_at=[14], baseline_points=8)
    assert short.mean == pytest.approx(sum(POST[:8]) / 8) and short.trial is False


def test_a_signal_inside_the_new_segment_names_the_change():
    post = [7, 8, 6, 7, 8, 7, 6, 7, 8, 7, 6, 7, 30]  # the last point far above its own limits
    result = xmr(PRE + post, rebase_at=[14], labels=labelled(14, 13), improvement="decrease")
    assert result.verdict == "concern"
    assert result.rule == "point above the upper process limit, since the service change on 2025-07-01"


def test_short_post_change_series_is_not_judged():
    result = xmr(PRE + [10, 11, 9, 12], rebase_at=[14])
    assert result.verdict == "too_few_points"  # 4 points since the change, fewer than 7


def test_rebase_positions_outside_the_series():
    result = xmr(STABLE, rebase_at=[0, 12])
    assert result.settings["rebase_at"] == []
    assert any("after the last value" in note for note in result.notes)


# ---------------------------------------------------------------- the result


def test_settings_are_recorded():
    result = xmr(WORKED, shift=6, trend=5, screen=True, baseline_points=10, improvement="increase")
    s = result.settings
    assert (s["shift"], s["trend"], s["screen"], s["baseline_points"], s["improvement"]) == (
        6, 5, True, 10, "increase",
    )


def test_to_dict_is_json_safe():
    result = xmr(PRE + POST, rebase_at=[14], labels=labelled(14, 13), target=9)
    data = json.loads(json.dumps(result.to_dict()))
    for key in ("verdict", "rule", "points", "mean", "lower", "upper", "trial", "assurance"):
        assert key in data
    assert data["points"] == 27 and len(data["point_list"]) == 27
    assert data["point_list"][14]["label"] == "2025-07-01"
    assert data["settings"]["shift"] == 7
    one = xmr([3]).to_dict()
    assert one["lower"] is None and json.dumps(one)


def test_labels_may_be_dates():
    import datetime as dt

    labels = [dt.date(2025, m, 1) for m in range(1, 13)]
    result = xmr(STABLE, labels=labels)
    assert result.point_list[0].label == "2025-01-01"
    json.dumps(result.to_dict())


def test_no_change_series_rarely_signal_at_the_demo_layout():
    # bench/spc_false_alarm.py in small: 9 points before a recorded change, 15 after,
    # nothing really changing. Judged within each segment, the false-signal rate stays
    # near the plain XmR rate (the old check against pre-change limits gave about 7%).
    import random

    rng = random.Random(14)
    signals = sum(
        xmr([rng.gauss(50, 5) for _ in range(24)], rebase_at=[9]).verdict in ("improvement", "concern")
        for _ in range(600)
    )
    assert signals / 600 <= 0.05
