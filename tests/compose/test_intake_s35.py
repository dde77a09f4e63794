"""Session 35 intake (issue 12 item 1): one reading of a table's header, and headings that are the ask's head."""

from __future__ import annotations

from evidencebot.compose import questions as Q
from evidencebot.compose.columns import column_kind

FACTS = """Describe how you will staff the service.

| Role | Minimum WTE | Caseload cap per 1.0 WTE |
|---|---|---|
| Recovery worker | 6.0 | 25 |
"""


def test_a_table_taken_apart_says_whether_a_rule_line_sits_under_its_first_line():
    table = Q._row_parts(FACTS)
    assert table is not None and table.ruled
    assert table.rows[0] == ["Role", "Minimum WTE", "Caseload cap per 1.0 WTE"]
    bare = Q._row_parts("Describe your rota.\n\n| Role | Minimum WTE | Caseload cap |\n| Recovery worker | 6.0 | 25 |\n")
    assert bare is not None and not bare.ruled


def test_a_facts_header_is_one_the_questionnaire_reader_finds_no_limit_or_weighting_column_in():
    for cell in ("Max. length", "Score", "Word limit", "Weighting"):
        assert column_kind(cell) in ("limit", "weighting")
        assert not Q._facts_header(["Team", cell]), cell
    assert Q._facts_header(["Role", "Minimum WTE", "Caseload cap per 1.0 WTE"])


def test_the_staffing_table_still_gives_no_limit_and_stays_context():
    limits = Q.read_limits(FACTS)
    assert limits.words is None and limits.weighting is None
    assert "| Recovery worker | 6.0 | 25 |" in Q.unpack_row(FACTS)
