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
    # 'Maximum' qualifying another noun is a cap of the buyer's, not a limit column (s35 q11, the lead's mend)
    assert Q._facts_header(["Post", "Minimum WTE", "Maximum open cases per 1.0 WTE", "Bidder's proposed WTE"])


def test_the_staffing_table_still_gives_no_limit_and_stays_context():
    limits = Q.read_limits(FACTS)
    assert limits.words is None and limits.weighting is None
    assert "| Recovery worker | 6.0 | 25 |" in Q.unpack_row(FACTS)


# ---------------------------------------------------------------- headings: the ask's head, as a gerund


def test_a_present_passive_how_is_headed_by_what_is_done():
    assert Q.make_heading("how volunteers are trained to run the peer groups") == "Training volunteers to run the peer groups"
    assert Q.make_heading("how complaints are acted on") == "Acting on complaints"
    assert Q.make_heading("how a person's plan is reviewed and ended") == "Reviewing and ending a person's plan"


def test_a_present_passive_with_a_later_participle_is_not_half_made_a_gerund():
    heading = Q.make_heading("how safety plans are written with the person, shared with the GP and kept under review")
    assert not heading.startswith("Writing safety plans with the person, shared"), heading
    # (review) the ask as the buyer wrote it, whole: a heading that is neither half a gerund nor cut
    assert heading == "How safety plans are written with the person, shared with the GP and kept under review", heading


def test_a_long_how_clause_about_someone_else_is_headed_by_its_verb_not_cut_to_its_subject():
    text = ("how the new outreach team will work with the district nursing teams, the GP surgeries and the housing "
            "officers in the two market towns")
    heading = Q.make_heading(text, short=True)
    assert heading.startswith("Working with the district nursing teams"), heading
    asked = ("How will volunteers from the three partner charities in the valley take part in the monthly review of "
             "the safety plans")
    heading = Q.make_heading(asked, short=True)
    assert heading != "How will volunteers" and heading.startswith("Taking part in the monthly review"), heading


def test_a_printed_heading_never_stops_on_its_verb_or_before_the_verb_of_its_question():
    assert Q._no_ask_head("Bidder will comply", " with the Board's procedures")
    assert Q._no_ask_head("How will volunteers", " from the valley take part")
    assert not Q._no_ask_head("Recruiting and keeping staff", " in the valleys")
    assert not Q._no_ask_head("What will happen", " on a day the ferry is cancelled")


def test_a_cap_column_in_a_staffing_table_is_no_limit():
    """A buyer's staffing table whose header says 'Maximum open cases per 1.0 WTE' is facts, not questionnaire rows:
    its numbers are posts and caps, never the answer's word limit (the intake refactor read 'Maximum' in the header
    as a limit column and took the table's total of 18.0 WTE as an 18-word limit; s35 q11)."""
    from evidencebot.compose.questions import parse_question

    text = (
        "| Post (Council title) | Minimum WTE | Maximum open cases per 1.0 WTE | Bidder's proposed WTE "
        "| Bidder's grade / band equivalent |\n"
        "|---|---|---|---|---|\n"
        "| Total | 18.0 | | | |\n"
        "- how you will cover absence and vacancies, including keeping the late clinics running.\n"
    )
    q = parse_question(text)
    assert q.word_limit is None
