"""Question intake, session 33 round 2 (issue 12 item 1): a table of the buyer's facts is no table of limits.

A Markdown table whose header names neither a question column nor a limit of words, characters or pages (nor a
weighting) holds the buyer's staffing figures, targets or caps: its bare numbers are no word limit and no weighting.
The texts below are written for these tests.
"""

from __future__ import annotations

from evidencebot.compose.questions import read_limits


_STAFF_TABLE = (
    "Maximum length: 3 sides of A4.\n"
    "Weighting: 12%\n\n"
    "The team we expect to see:\n\n"
    "| Post | Least WTE | Of which able to work in Welsh (Level 3 or higher) | Cases held per 1.0 WTE |\n"
    "|---|---|---|---|\n"
    "| Recovery Worker | 6.0 | 2.0 | 28 |\n"
    "| Carer Link Worker | 1.5 | 0.5 | 35 |\n"
    "| Team Leader | 1.0 | Preferred | Does not apply |\n\n"
    "Other points:\n\n"
    "- Caps are pro rata for part-time posts.\n\n"
    "Explain how you will build and keep this team, and how you will watch caseloads against the caps.\n")


def test_a_staffing_table_s_figures_are_no_word_limit_or_weighting():
    limits = read_limits(_STAFF_TABLE)
    assert limits.words is None  # '1.0' WTE is not a one-word limit
    assert limits.pages == 3.0
    assert limits.weighting == 12.0  # the stated 12%, not a caseload cap of 28


def test_a_kpi_table_with_a_target_column_gives_no_limit():
    text = ("Describe how you will report on the measures below.\n\n"
            "| Measure | Target for the people seen in each month | Reported |\n"
            "|---|---|---|\n"
            "| First contact within 5 working days | 90 | Monthly |\n"
            "| Plans reviewed at 12 weeks | 80 | Quarterly |\n\n"
            "Say what you will do when a measure falls short of its target.\n")
    limits = read_limits(text)
    assert limits.words is None and limits.weighting is None


def test_a_table_whose_header_names_a_word_limit_still_gives_its_limits():
    text = ("| Ref | Question | Max words | Weighting |\n"
            "|---|---|---|---|\n"
            "| 1 | Explain how you will recruit peer workers. | 400 | 5 |\n"
            "| 2 | Describe how you will train them for the lead role of each group. | 300 | 5 |\n")
    limits = read_limits(text)
    assert limits.words == 700
