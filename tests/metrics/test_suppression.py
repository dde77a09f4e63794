"""Small-number suppression (metrics.md 4.3)."""

from __future__ import annotations

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics.suppression import (
    format_suppressed,
    is_count_suppressed,
    round_count,
    secondary_suppression,
    suppress_count,
    suppress_rate,
)


@pytest.mark.parametrize(
    "n, shown",
    [
        (0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (7, "5"), (8, "10"), (12, "10"), (13, "15"),
        (15, "15"), (17, "15"), (18, "20"), (99, "100"), (1232, "1,230"), (1233, "1,235"),
        (None, "n/a"),
    ],
)
def test_counts(n, shown):
    assert suppress_count(n) == shown


def test_zero_can_be_suppressed():
    assert suppress_count(0, suppress_zero=True) == "<5"
    assert is_count_suppressed(0, suppress_zero=True) and not is_count_suppressed(0)


def test_threshold_and_rounding_are_settings():
    assert suppress_count(9, threshold=10) == "<10"
    assert suppress_count(10, threshold=10, rounding=10) == "10"
    assert suppress_count(7, rounding=1) == "7"
    assert suppress_count(3, threshold=3, rounding=1) == "3"


def test_rounding_halves_go_up():
    # Python's round() would give 20 and 20 (round half to even); the NHS rule rounds up
    assert round_count(15, 10) == 20
    assert round_count(25, 10) == 30
    assert round_count(14, 10) == 10


@pytest.mark.parametrize("n", [-1, 2.5, "7", True])
def test_bad_counts(n):
    with pytest.raises(InputError):
        suppress_count(n)


@pytest.mark.parametrize("threshold, rounding", [(0, 5), (5, 0), (5.0, 5)])
def test_bad_settings(threshold, rounding):
    with pytest.raises(InputError):
        suppress_count(10, threshold, rounding)


@pytest.mark.parametrize(
    "value, numerator, denominator, hide",
    [
        (30.0, 3, 10, True),   # numerator under 5
        (100.0, 4, 4, True),   # both under 5
        (55.5, 5, 4, True),    # denominator under 5 (cannot really happen for a %, but a rate can)
        (100.0, 5, 5, False),
        (33.3, 5, 15, False),
        (0.0, 0, 20, False),   # a true zero is shown as 0%, not hidden as if 1-4 had the outcome
        (0.0, 0, 4, True),     # ... but not over a denominator under 5
        (None, 10, 20, True),
        (float("nan"), 10, 20, True),
        (50.0, None, 20, True),
        (50.0, 10, None, True),
    ],
)
def test_rates_are_hidden_when_numerator_or_denominator_is_small(value, numerator, denominator, hide):
    assert suppress_rate(value, numerator, denominator) is hide


def test_a_zero_rate_can_still_be_hidden_on_request():
    assert suppress_rate(0.0, 0, 20, suppress_zero=True) is True
    assert suppress_rate(0.0, 0, 20) is False


def test_format_suppressed():
    assert format_suppressed(66.6667, 10, 15, decimals=1, suffix="%") == "66.7%"
    assert format_suppressed(66.6667, 10, 15) == "67"
    assert format_suppressed(75.0, 3, 4, suffix="%") == "*"
    assert format_suppressed(75.0, 3, 4, hidden="<5") == "<5"
    assert format_suppressed(12.5, 5, 40, threshold=6) == "*"


def test_secondary_suppression():
    # one hidden cell: the smallest other non-zero cell is hidden too
    assert secondary_suppression({"a": 3, "b": 10, "c": 20}) == {"a", "b"}
    assert secondary_suppression({"a": 3, "b": 0, "c": 8, "d": 20}) == {"a", "c"}
    # two hidden cells already protect each other
    assert secondary_suppression({"a": 3, "b": 2, "c": 20}) == {"a", "b"}
    assert secondary_suppression({"a": 10, "b": 20}) == set()


def test_a_percentage_hides_its_complement_and_needs_a_base_of_ten():
    from evidencebot.metrics.suppression import SMALL_BASE

    assert SMALL_BASE == 10
    # 90 of 92: 98% would tell a reader that 2 were missed
    assert suppress_rate(97.8, 90, 92) is False
    assert suppress_rate(97.8, 90, 92, complement=True) is True
    assert suppress_rate(90.0, 90, 100, complement=True) is False  # 10 missed: a count that may be shown
    assert suppress_rate(100.0, 92, 92, complement=True) is False  # none missed
    # 9 of 9 on a base under 10: given in counts, not as a percentage
    assert suppress_rate(100.0, 9, 9, small_base=SMALL_BASE) is True
    assert suppress_rate(100.0, 10, 10, small_base=SMALL_BASE) is False


def test_share_words_say_how_many_without_a_small_count():
    from evidencebot.metrics.indicators import Measure, share_word

    def word(n, d):
        return share_word(Measure(100 * n / d if d else None, n, d), "percent")

    assert word(0, 20) == "none" and word(20, 20) == "all"
    assert word(2, 30) == "few"          # fewer than 5 had it
    assert word(88, 90) == "all_but_few"  # all but fewer than 5 (both round to 90)
    assert word(5, 9) == "some"          # "about 5 of about 10" says more than "all but fewer than 5"
    assert word(8, 9) == "all_but_few"    # 8 and 9 both round to 10
    assert word(3, 4) == "some"
