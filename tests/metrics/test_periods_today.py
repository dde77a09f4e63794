"""One reading of relative periods for every face: counted from today, bounded by the latest data
(metrics/periods.relative_period), and the month spans the chat reads accepted wherever a period is typed."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics.periods import bound_note, parse_period

D = dt.date
DECEMBER = D(2026, 12, 4)


def test_last_quarter_asked_in_december_with_data_to_30_september_is_july_to_september():
    last = parse_period("last quarter", latest=D(2026, 9, 30), now=DECEMBER)
    assert (last.label, last.start, last.end) == ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30))
    assert bound_note("last quarter", last, latest=D(2026, 9, 30), now=DECEMBER) == ""


def test_data_that_stop_before_the_quarter_ends_give_the_last_complete_quarter_in_them_and_say_so():
    last = parse_period("last quarter", latest=D(2026, 9, 28), now=DECEMBER)
    assert last.label == "2026-Q2"
    assert bound_note("last quarter", last, latest=D(2026, 9, 28), now=DECEMBER) == (
        "Asked today, “last quarter” is Jul-Sep 2026 (2026/27 Q2); the data stop on 28 September 2026, so the "
        "figures are for Apr-Jun 2026 (2026/27 Q1).")


def test_this_quarter_with_no_data_yet_is_the_quarter_the_data_reach_and_says_so():
    this = parse_period("this quarter", latest=D(2026, 9, 30), now=DECEMBER)
    assert this.label == "2026-Q3"
    assert "“this quarter” is Oct-Dec 2026 (2026/27 Q3); the data stop on 30 September 2026" in bound_note(
        "this quarter", this, latest=D(2026, 9, 30), now=DECEMBER)


@pytest.mark.parametrize("text, label", [
    ("last quarter", "2026-Q3"), ("this quarter", "2026-Q4"), ("last month", "2026-11"), ("this month", "2026-12"),
    ("last financial year", "2025/26"), ("last 3 months", "last 3 months (2026-10..2026-12)"),
])
def test_dates_after_today_do_not_make_an_unfinished_period_the_last_one(text, label):
    # a record dated in February 2027 (a planned review) is no reason to call Oct-Dec 2026 complete in December
    assert parse_period(text, latest=D(2027, 2, 1), now=DECEMBER).label == label


@pytest.mark.parametrize("text", [
    "July to September 2026", "Jul-Sep 2026", "the quarter ending September 2026", "jul to sep 2026",
])
def test_the_month_spans_the_chat_reads_are_read_wherever_a_period_is_typed(text):
    p = parse_period(text)
    assert (p.start, p.end) == (D(2026, 7, 1), D(2026, 9, 30))


def test_the_year_to_march_and_a_span_across_the_new_year():
    assert parse_period("the year to March 2026").label == "2025-04..2026-03"
    assert parse_period("Nov-Feb 2026").label == "2025-11..2026-02"


def test_an_unreadable_period_lists_the_month_spans_among_the_accepted_forms():
    with pytest.raises(InputError) as caught:
        parse_period("July to Septembre 2026")
    message = str(caught.value)
    assert message.startswith("'July to Septembre 2026' is not a period I understand")
    assert "July to September 2026" in message and "the quarter ending September 2026" in message
