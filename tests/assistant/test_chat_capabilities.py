"""A chat that knows what it can do: closest commands for what it cannot, the board summary,
'last quarter' the last complete quarter."""

from __future__ import annotations

import pytest

from evidencebot.assistant.actions import can_do_instead, closest_commands, help_markdown
from evidencebot.assistant.conversation import Conversation
from evidencebot.assistant.intents import parse


@pytest.mark.parametrize("text, first", [
    ("email the review to the commissioner", "export"),
    ("plot a graph of admissions", "indicators"),
    ("who changed this record", "audit"),
])
def test_an_unfulfillable_request_gets_the_closest_commands(text, first):
    assert closest_commands(text)[0] == first
    reply = can_do_instead(text)
    assert reply.startswith(f"I can't do “{text}” here") and f"`/{first}" in reply


@pytest.mark.parametrize("text", [
    "Write a one-page summary of this quarter for the board",
    "board summary for 2025/26 Q3",
    "/board last quarter",
])
def test_board_requests_are_read_as_the_board_summary(text):
    assert parse(text).name == "board"


def test_a_summary_without_the_board_is_still_the_database_summary():
    assert parse("summary").name == "summary"


def test_help_has_no_pipe_inside_a_table_cell():
    for line in help_markdown().splitlines():
        if line.startswith("| `/"):
            assert line.count("|") == 3, line  # two cells: the command, what it does


def test_last_quarter_in_december_is_july_to_september_and_this_quarter_says_the_data_stop(evidence_db_path,
                                                                                          monkeypatch):
    """Data to 30 September 2026, asked on 4 December 2026: 'last quarter' is the last complete quarter,
    July to September (it was April to June: 'the quarter before the quarter of the latest data'), with no
    note; 'this quarter' (October to December) has no data yet, so its reply names the same months and says
    why. (Replaces 'this quarter and last quarter are different quarters', which asserted April to June.)"""
    from evidencebot.compose.gather import latest_data_date
    from evidencebot.metrics import periods
    from evidencebot.store.db import connect

    db = connect(evidence_db_path)
    try:
        assert latest_data_date(db).isoformat() == "2026-09-30"
    finally:
        db.close()
    monkeypatch.setattr(periods, "today", lambda: periods.datetime.date(2026, 12, 4), raising=False)
    conversation = Conversation(evidence_db_path)
    last = conversation.respond("how are we doing on crisis escalation last quarter?")
    assert last.payload["period"] == "2026/27 Q2" and "Jul-Sep 2026" in last.markdown.splitlines()[0]
    assert "the data stop" not in last.markdown
    this = conversation.respond("how are we doing on crisis escalation this quarter?")
    assert this.payload["period"] == "2026/27 Q2"
    assert ("Asked today, “this quarter” is Oct-Dec 2026 (2026/27 Q3); the data stop on 30 September 2026, so the "
            "figures are for Jul-Sep 2026 (2026/27 Q2).") in this.markdown


def test_the_board_summary_is_one_page_built_from_the_review(evidence_db_path):
    conversation = Conversation(evidence_db_path)
    reply = conversation.respond("Write a one-page summary of this quarter for the board")
    md = reply.markdown
    assert reply.ok and reply.intent == "board"
    for heading in ("## Board summary", "### Key indicators", "### Targets not met", "### Top risks", "### Actions"):
        assert heading in md
    assert "| target | variation | assurance |" in md
    assert "| rows |" not in md  # never the table row counts
    assert len(md.splitlines()) <= 60
    assert conversation.state.draft is not None and md.startswith(conversation.state.draft.text)
    from evidencebot.assistant import checking

    errors = [f for f in checking.check(md, db_path=evidence_db_path).findings if f.severity == "error"]
    assert errors == []


def test_the_checker_does_not_flag_the_products_own_indicator_names(evidence_db_path):
    from evidencebot.assistant import checking

    text = ("Transitions completed with planned support (12 weeks) is in the table. "
            "People with no attended contact in the last 8 weeks are followed up.")
    _lock, raw = checking._evidence_checker(evidence_db_path)
    flagged = {f.match for f in raw.check_text(text) if f.family == "evidence"}
    # the evidence family itself reads a duration inside an indicator's name as part of the
    # name (verify._in_name), not as a figure needing a period
    assert not ({"12 weeks", "8 weeks"} & flagged)
    findings = checking.check(text, db_path=evidence_db_path).findings
    matches = [f.match for f in findings if f.family == "evidence"]
    assert "12 weeks" not in matches and "8 weeks" not in matches


def test_the_evidence_browser_says_when_the_data_stop_before_the_period_typed(evidence_db_path, monkeypatch):
    from evidencebot.assistant.screen_services import indicator_table
    from evidencebot.metrics import periods

    monkeypatch.setattr(periods, "today", lambda: periods.datetime.date(2026, 12, 4), raising=False)
    conversation = Conversation(evidence_db_path)
    table = indicator_table(conversation, "this quarter", "crisis")
    assert table.period.label == "2026/27 Q2"
    assert "“this quarter” is Oct-Dec 2026 (2026/27 Q3); the data stop on 30 September 2026" in table.note
    assert indicator_table(conversation, "last quarter", "crisis").note == ""
