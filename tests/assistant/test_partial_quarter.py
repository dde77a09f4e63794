"""'This quarter' when the data end inside a quarter: it is that quarter, said to be partial ("to date"),
and 'last quarter' is the one before, in the indicator replies and the board summary.

The demo here ends on 30 November 2026, two months into the calendar quarter Oct-Dec 2026.
"""

from __future__ import annotations

import pytest

from evidencebot.assistant.conversation import Conversation
from evidencebot.metrics.periods import parse_period

MID_QUARTER = {"people": 40, "months": 15, "end": "2026-11"}


@pytest.fixture(scope="module")
def mid_quarter(demo_factory):
    return demo_factory(**MID_QUARTER)


def test_the_demo_ends_inside_a_quarter(mid_quarter):
    from evidencebot.compose.gather import latest_data_date
    from evidencebot.store.db import connect

    db = connect(mid_quarter)
    try:
        latest = latest_data_date(db)
    finally:
        db.close()
    assert (latest.year, latest.month) == (2026, 11)


def test_this_quarter_is_the_partial_quarter_and_last_quarter_the_one_before(mid_quarter):
    conversation = Conversation(mid_quarter)
    this = conversation.respond("how are we doing on crisis escalation this quarter?")
    last = conversation.respond("how are we doing on crisis escalation last quarter?")
    this_period, last_period = parse_period(this.payload["period"]), parse_period(last.payload["period"])
    assert (this_period.start.isoformat(), this_period.end.isoformat()) == ("2026-10-01", "2026-12-31")
    assert last_period == this_period.previous()
    assert "is not over" in this.markdown and "to date: 2 of 3 months" in this.markdown
    assert "is not over" not in last.markdown and "to date" not in last.markdown


def test_the_board_summary_of_this_quarter_says_it_is_partial(mid_quarter):
    conversation = Conversation(mid_quarter)
    this = conversation.respond("Write a one-page summary of this quarter for the board")
    assert this.ok and this.intent == "board", this.markdown
    first = this.markdown.splitlines()[0]
    assert first.startswith("## Board summary: Oct-Dec 2026") and "to date: 2 of 3 months" in first
    assert "_The quarter is not over:" in this.markdown
    last = conversation.respond("/board last quarter")
    assert last.ok and last.markdown.startswith("## Board summary: Jul-Sep 2026")
    assert "to date" not in last.markdown
    assert parse_period(last.payload["period"]) == parse_period(this.payload["period"]).previous()


def test_a_figure_about_a_month_after_the_data_is_a_finding_not_a_failure(mid_quarter):
    from evidencebot.evidence.verify import check_evidence
    from evidencebot.store.db import connect

    db = connect(mid_quarter)
    try:
        report = check_evidence(db, "Planned and review contacts not attended (DNA) were 19% in Dec 2026.")
    finally:
        db.close()
    [finding] = [f for f in report.findings if f.match == "19%" and f.rule.endswith("figure-unsupported")]
    assert finding.severity == "warning" and "2026-12" in finding.message


def test_the_review_of_this_quarter_mid_quarter_is_assembled_and_says_it_is_partial(mid_quarter):
    conversation = Conversation(mid_quarter)
    reply = conversation.respond("/review this quarter")
    assert reply.ok and reply.intent == "review", reply.markdown
    assert "to date: 2 of 3 months" in reply.markdown
