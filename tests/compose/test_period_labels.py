"""One quarter label in every document (lead's decision, session 20).

Our default quarters are financial (April to March): a review with no period says "2026/27 Q2". A review asked
for "Jul-Sep 2026" (or "last quarter", "2026-Q3") was labelled with the calendar label, "Jul-Sep 2026 (2026-Q3)",
so one document could mix both. Every way of asking for those months now reads the financial quarter, its
months kept where the document names the period: "Jul-Sep 2026 (2026/27 Q2)". Fails on before20 (2026-Q3).
"""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.compose import gather
from evidencebot.metrics.periods import bound_note, parse_period

DECEMBER = dt.date(2026, 12, 4)  # the demo's data run to 30 September 2026


@pytest.mark.parametrize("typed", [None, "last quarter", "this quarter", "Jul-Sep 2026", "July to September 2026",
                                   "the quarter ending September 2026", "2026-Q3", "Q3 2026", "2026/27 Q2"])
def test_every_way_of_asking_for_july_to_september_reads_the_financial_quarter(demo_db, typed):
    period, _ = gather.read_period(demo_db, typed, now=DECEMBER)
    assert (period.label, period.kind) == ("2026/27 Q2", "fy_quarter")
    assert (period.start, period.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert gather.heading_period(period) == "Jul-Sep 2026 (2026/27 Q2)"
    assert gather.prose_period(period) == "2026/27 Q2"  # sentences: "raised in 2026/27 Q2"
    assert period.previous().label == "2026/27 Q1"


def test_the_note_about_data_that_stop_early_says_financial_quarters_too():
    last = parse_period("this quarter", latest=dt.date(2026, 9, 30), now=DECEMBER)
    assert bound_note("this quarter", last, latest=dt.date(2026, 9, 30), now=DECEMBER) == (
        "Asked today, “this quarter” is Oct-Dec 2026 (2026/27 Q3); the data stop on 30 September 2026, so the "
        "figures are for Jul-Sep 2026 (2026/27 Q2).")


def test_months_that_are_not_one_quarter_keep_their_own_label(demo_db):
    for typed, label in (("Aug-Oct 2026", "2026-08..2026-10"), ("2026-09", "2026-09"), ("2026/27", "2026/27"),
                         ("last 3 months", "last 3 months (2026-07..2026-09)")):
        period, _ = gather.read_period(demo_db, typed, now=DECEMBER)
        assert period.label == label
        assert "Q" not in gather.heading_period(period)
