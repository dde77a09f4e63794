"""A report's deadline after a month or quarter ends is no later than the buyer's (issue 12, session 29).

The s29 third reader marked FIRM 'a quarterly report within 15 working days of the end of each quarter' against the
buyer's 'quarterly KPIs by the 20th day of the month after the quarter ends'. Texts written for this test."""

from __future__ import annotations

from evidencebot.compose import deadlines as D
from evidencebot.compose import tender as T

BUYER = ("Performance will be reviewed against Schedule 4. Monthly activity data is due by the 8th working day of the "
         "following month, and quarterly outcome returns by the 15th day of the month after the quarter ends.")


def test_the_buyer_deadlines_are_read_per_period():
    got = D.standards(BUYER)
    assert got["month"].days == 8 * 7 / 5 and "8th working day" in got["month"].words
    assert got["quarter"].days == 15 and "15th day" in got["quarter"].words


def test_a_later_deadline_of_ours_is_said_as_the_buyers_and_an_earlier_one_stays():
    held = D.standards(BUYER)
    late, changed = D.hold("We send the quarterly return within twelve working days of the end of each quarter.", held)
    assert "by the 15th day of the month after the quarter ends" in late and changed
    early = "We send the monthly data within five working days of the end of each month."
    assert D.hold(early, held) == (early, [])


def test_an_answer_to_a_reporting_question_keeps_the_buyers_quarterly_deadline(demo_db, checker):
    q = ("Describe how you will report performance and quality to the commissioners. Quarterly KPI returns are due by "
         "the 12th day of the month after the quarter ends. (400 words)")
    answer = T.assemble_tender(demo_db, q, period="2025-10..2026-09", checker=checker)
    assert "within 15 working days of the end of each quarter" not in answer.markdown
