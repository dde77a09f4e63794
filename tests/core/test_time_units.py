"""One table of time units (:func:`evidencebot.mentions.days`) for every part that reads a timescale.

Before session 17 five tables disagreed: a month was 30 days in the figure pairing (compose/figure_clauses.py) and
the Pass/Fail confirmations (compose/confirmations.py), 30.4 in the block consistency check (compose/consistency.py),
30.4375 in the metrics and absent in the buyer's figures (compose/buyer_terms.py); a working day was 1.4 days
everywhere but the confirmations, where it was 1. So '12 months' was not 'annually' to the consistency check (364.8
against 365.0 days), and a record's 'within 2 working days' met a buyer's 'within 2 days'.
"""

from __future__ import annotations

import pytest

from evidencebot import mentions as M
from evidencebot.compose import confirmations, consistency, figure_clauses
from evidencebot.metrics import indicators


def test_days_reads_every_unit_and_its_plural():
    assert M.days(5, "working days") == M.days(1, "week") == 7.0
    assert M.days(3, "Months") == M.days(1, "quarter")
    assert M.days(12, "month") == M.days(1, "year") == 365.25
    assert M.days(24, "hours") == M.days(1, "calendar day") == 1.0
    assert M.days(2, "weeks") == M.days(1, "fortnight")
    assert indicators.DAYS_PER_MONTH == M.days(1, "month")


def test_a_word_that_is_no_unit_of_time_is_an_error_not_a_day():
    # buyer_terms' own table took any unknown unit as one day ('within 3 months' read as 3 days)
    assert M.time_unit("WTE") is None
    with pytest.raises(ValueError):
        M.days(3, "wte")


@pytest.mark.parametrize("said", ["within 2 working days", "within one month", "within 3 months", "within 12 months",
                                  "within 2 weeks", "within 24 hours", "within ten working days"])
def test_the_composer_the_confirmations_and_the_consistency_check_agree_in_days(said):
    (record,) = confirmations._deadlines(said)
    (figure,) = figure_clauses.figures(f"Plans are agreed {said} of referral.")
    (blocks,) = consistency.normalise(said)
    assert record.value == pytest.approx(figure.days)
    assert blocks == round(figure.days, 1)


@pytest.mark.parametrize("one, other", [
    ("every 12 months", "annually"),
    ("three-monthly", "quarterly"),
    ("every three months", "every quarter"),
])
def test_calendar_units_add_up(one, other):
    # before: 12 months were 364.8 days and a year 365.0; three months 91.2 and a quarter 91.3
    assert consistency.normalise(one) == consistency.normalise(other)
