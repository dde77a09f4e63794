"""Goal Attainment Scaling, reliable change and SWEMWBS scoring (metrics.md sections 2 and 3)."""

from __future__ import annotations

import math

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics.outcomes import (
    RELIABLE_CHANGE,
    Instrument,
    canonical_instrument,
    classify_change,
    gas_t,
    instrument,
    swemwbs_metric,
)

# ---------------------------------------------------------------- GAS T-score


def test_gas_worked_examples():
    assert gas_t([0, 0, 0]) == 50
    assert gas_t([1]) == 60
    assert round(gas_t([1, 1, 0]), 1) == 59.1
    assert round(gas_t([-2, 0, -1, 2, 0, 1], weights=[3, 5, 1, 4, 2, 6]), 1) == 55.0


def test_gas_by_hand():
    # (+1, +1, 0): 50 + 20 / sqrt(0.7 x 3 + 0.3 x 9) = 50 + 20 / sqrt(4.8)
    assert gas_t([1, 1, 0]) == pytest.approx(50 + 20 / math.sqrt(4.8))
    # the gasr example: sum w x = 7, denominator 0.7 x 91 + 0.3 x 441 = 196 = 14^2
    assert gas_t([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]) == pytest.approx(55.0, abs=1e-12)
    # rho = 0: 50 + 10 x sum / sqrt(n)
    assert gas_t([1, 1], rho=0) == pytest.approx(50 + 20 / math.sqrt(2))
    # all at -2: 50 - 10 x 2n / sqrt(0.7 n + 0.3 n^2) -> for n = 1: 30
    assert gas_t([-2]) == pytest.approx(30)


def test_gas_drops_missing_goals_with_their_weights():
    assert gas_t([1, None], weights=[1, 5]) == 60
    assert math.isnan(gas_t([None, None]))
    assert math.isnan(gas_t([]))


def test_gas_all_zero_weights_become_ones():
    assert gas_t([1, 1, 0], weights=[0, 0, 0]) == pytest.approx(gas_t([1, 1, 0]))


@pytest.mark.parametrize(
    "levels, weights, rho, message",
    [
        ([3], None, 0.3, "-2, -1, 0"),
        ([0.5], None, 0.3, "-2, -1, 0"),
        ([1, 0], [1], 0.3, "1 goal weights for 2 goals"),
        ([1], [-1], 0.3, "weights"),
        ([1], None, 1.0, "rho"),
        ([1], None, -0.1, "rho"),
    ],
)
def test_gas_rejects_bad_input(levels, weights, rho, message):
    with pytest.raises(InputError, match=message):
        gas_t(levels, weights, rho)


# ---------------------------------------------------------------- instruments


@pytest.mark.parametrize(
    "name, threshold, higher_is_better, low, high",
    [
        ("PHQ-9", 6, False, 0, 27),
        ("GAD-7", 4, False, 0, 21),
        ("CORE-10", 5, False, 0, 40),
        ("WEMWBS", 9, True, 14, 70),
        ("SWEMWBS", 3, True, 7, 35),
        ("ReQoL-10", 5, True, 0, 40),
        ("DIALOG", 1, True, 1, 7),
        ("HoNOS", 8, False, 0, 48),
        ("GBO", 3, True, 0, 10),
    ],
)
def test_threshold_table(name, threshold, higher_is_better, low, high):
    inst = RELIABLE_CHANGE[name]
    assert isinstance(inst, Instrument)
    assert (inst.name, inst.threshold, inst.higher_is_better, inst.low, inst.high) == (
        name, threshold, higher_is_better, low, high,
    )
    assert inst.source


def test_core10_source_mentions_the_adult_alternative():
    assert "6" in RELIABLE_CHANGE["CORE-10"].source


def test_clinical_cutoffs():
    phq = RELIABLE_CHANGE["PHQ-9"]
    assert (phq.clinical_cutoff, phq.is_clinical(10), phq.is_clinical(9)) == (10, True, False)
    assert RELIABLE_CHANGE["GAD-7"].is_clinical(8) is True
    assert RELIABLE_CHANGE["CORE-10"].is_clinical(11) is True
    reqol = RELIABLE_CHANGE["ReQoL-10"]
    assert (reqol.is_clinical(24), reqol.is_clinical(25)) == (True, False)
    assert RELIABLE_CHANGE["GBO"].is_clinical(2) is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("phq9", "PHQ-9"), ("PHQ 9", "PHQ-9"), ("Phq-9", "PHQ-9"), ("gad_7", "GAD-7"),
        ("core10", "CORE-10"), ("CORE - 10", "CORE-10"), ("wemwbs", "WEMWBS"),
        ("SWEMWBS", "SWEMWBS"), ("reqol10", "ReQoL-10"), ("ReQoL", "ReQoL-10"),
        ("dialog", "DIALOG"), ("honos", "HoNOS"), ("gbo", "GBO"), ("goal based outcomes", "GBO"),
    ],
)
def test_canonical_instrument(text, name):
    assert canonical_instrument(text) == name
    assert instrument(text) is RELIABLE_CHANGE[name]


def test_unknown_instrument():
    with pytest.raises(InputError, match="unknown measure 'BDI-II'.*PHQ-9"):
        canonical_instrument("BDI-II")


# ---------------------------------------------------------------- classify_change


@pytest.mark.parametrize(
    "name, baseline, followup, expected",
    [
        # lower is better: a drop of at least the threshold is an improvement
        ("PHQ-9", 15, 9, "reliable_improvement"),
        ("PHQ-9", 15, 10, "no_reliable_change"),
        ("PHQ-9", 9, 15, "reliable_deterioration"),
        ("PHQ-9", 9, 14, "no_reliable_change"),
        ("GAD-7", 12, 8, "reliable_improvement"),
        ("GAD-7", 12, 9, "no_reliable_change"),
        ("HoNOS", 20, 12, "reliable_improvement"),
        ("HoNOS", 20, 13, "no_reliable_change"),
        ("CORE-10", 20, 15, "reliable_improvement"),
        # higher is better
        ("ReQoL-10", 20, 25, "reliable_improvement"),
        ("ReQoL-10", 20, 24, "no_reliable_change"),
        ("ReQoL-10", 25, 20, "reliable_deterioration"),
        ("GBO", 2, 5, "reliable_improvement"),
        ("GBO", 5, 2, "reliable_deterioration"),
        ("WEMWBS", 40, 49, "reliable_improvement"),
        ("WEMWBS", 40, 48, "no_reliable_change"),
        ("DIALOG", 3, 4, "reliable_improvement"),
        ("DIALOG", 3, 3.9, "no_reliable_change"),
        ("SWEMWBS", 17.43, 20.73, "reliable_improvement"),  # raw 18 -> 23
        ("SWEMWBS", 17.43, 19.98, "no_reliable_change"),  # raw 18 -> 22: 2.55
    ],
)
def test_classify_change(name, baseline, followup, expected):
    assert classify_change(name, baseline, followup) == expected


def test_change_of_exactly_the_threshold_survives_float_error():
    # 4.1 - 3.1 is 0.9999999999999996 in binary floating point
    assert 4.1 - 3.1 < 1
    assert classify_change("DIALOG", 3.1, 4.1) == "reliable_improvement"
    assert classify_change("dialog", 4.1, 3.1) == "reliable_deterioration"


def test_classify_change_accepts_an_instrument():
    assert classify_change(RELIABLE_CHANGE["PHQ-9"], 15, 9) == "reliable_improvement"


@pytest.mark.parametrize("baseline, followup", [(28, 10), (10, -1), (None, 10), (10, float("nan"))])
def test_scores_outside_the_range_are_errors(baseline, followup):
    with pytest.raises(InputError, match="PHQ-9"):
        classify_change("PHQ-9", baseline, followup)


# ---------------------------------------------------------------- SWEMWBS

TABLE = {
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32,
    15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25,
    22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03,
    29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
}


def test_swemwbs_full_conversion_table():
    for raw, metric in TABLE.items():
        assert swemwbs_metric(raw) == metric
    values = [swemwbs_metric(raw) for raw in range(7, 36)]
    assert values == sorted(values) and len(set(values)) == 29


def test_swemwbs_accepts_whole_floats():
    assert swemwbs_metric(18.0) == 17.43


@pytest.mark.parametrize("raw", [6, 36, 0, 7.5, "20", None, True, float("nan")])
def test_swemwbs_rejects_bad_totals(raw):
    with pytest.raises(InputError, match="SWEMWBS"):
        swemwbs_metric(raw)
