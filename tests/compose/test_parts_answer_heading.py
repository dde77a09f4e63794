"""Every part answers its own heading: measures for a measuring ask, the buyer's mandated headings kept (issue 12, s15).

The s8-s13 panels marked down "how will you know / how will you measure" sub-points answered with a paragraph about a
process: no measures, no frequency, nobody named to receive them, nothing said about what happens when one is off
track. The questions here are written for these tests (other services, verbs and bodies than the spent sets).
"""

from __future__ import annotations

import re

import pytest

BEFRIENDING = (
    "Q5.2 Befriending and loneliness (maximum 600 words)\n\n"
    "The Council wants the befriending service to reduce loneliness among older adults living alone in Marshfold. "
    "Please describe:\n\n"
    "a) how volunteers will be recruited, matched with people and supported;\n"
    "b) how you will work with GP practices and the Marshfold Age Well network to find people who are isolated;\n"
    "c) how you will evidence and report the difference befriending makes to the number of people who say they "
    "feel lonely, including to the Wellbeing Oversight Group each quarter.\n"
)

PARTS_TABLE = (
    "Q7 Social value (max 500 words)\n\n"
    "| Theme | Ref | Measure | Unit |\n|---|---|---|---|\n"
    "| Jobs | MV-J1 | Local residents employed | FTE |\n"
    "| Jobs | MV-J2 | Apprenticeship weeks | Weeks |\n"
    "| Environment | MV-E1 | Business mileage avoided | Miles |\n\n"
    "Set out your commitments against the measures above, and explain how you will monitor and evidence "
    "delivery each year.\n"
)


def _parts(markdown: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"(?m)^## (.+)\n((?:(?!^## ).*\n?)*)", markdown)}


@pytest.mark.parametrize("ask, what", [
    ("how you will know whether the peer groups are reaching younger men", "whether the peer groups are reaching younger men"),
    ("How will you demonstrate to the Trust Board that waiting times are falling", "that waiting times are falling"),
    ("Measures you will use to track whether carers feel better supported", "whether carers feel better supported"),
    ("Monitoring and reporting progress against your action plan every month", "progress against our action plan"),
    ("how we will know it is working", "that it is working"),
    ("Evidencing delivery", "progress on delivery"),
])
def test_a_measuring_ask_is_read_with_its_object(ask, what):
    from evidencebot.compose.tender import measure_ask

    assert measure_ask(ask) == what


@pytest.mark.parametrize("ask", [
    "how you will recruit and train volunteers",
    "how will you make sure people are seen quickly",
    "What you will report to the safeguarding partnership when a concern is raised",
])
def test_an_ask_that_does_not_ask_for_measures_is_not_one(ask):
    """Fails on the old code (no reading of a measuring ask at all)."""
    from evidencebot.compose.tender import measure_ask

    assert measure_ask(ask) is None


def test_the_buyers_measure_references_are_read_from_its_table():
    from evidencebot.compose.tender import buyer_measure_refs

    assert buyer_measure_refs(PARTS_TABLE) == ["MV-J1", "MV-J2", "MV-E1"]
    # a theme numbered over its measures is not a measure; a postcode district in an address is none
    assert buyer_measure_refs("Theme QX1 targets: QX1.1 and QX1.2 (see %).\nOffice: 4 High St, AB12 3CD") == \
        ["QX1.1", "QX1.2"]


def test_a_how_will_you_evidence_part_names_measures_frequency_audience_and_action(demo_db, checker):
    """Fails on the old code: the part held a process paragraph with no measure, frequency, audience or action."""
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, BEFRIENDING, checker=checker)
    part = next(body for head, body in _parts(answer.markdown).items() if "difference befriending makes" in head
                or "Evidencing" in head)
    assert "To evidence the difference befriending makes to the number of people who say they feel lonely" in part
    assert "the number of people who say they feel lonely among the people we support" in part
    assert "every quarter to the Wellbeing Oversight Group" in part
    assert "off track" in part and "owner and a date" in part
    assert answer.findings == []
    # the other parts are not given a measures paragraph
    assert sum("To evidence " in body for body in _parts(answer.markdown).values()) == 1


def test_a_measures_part_names_the_buyers_own_measures(demo_db, checker):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, PARTS_TABLE, checker=checker)
    assert "the buyer's measures MV-J1, MV-J2 and MV-E1" in answer.markdown
    assert "To monitor progress on delivery" in answer.markdown or "To evidence" in answer.markdown
    assert "every year to" in answer.markdown
    assert answer.findings == []


MANDATED = (
    "Q3.4 Delivery model (maximum 900 words)\n\n"
    "You must use the three headings below, in the order given. Content that evaluators cannot find under the "
    "right heading may not be credited.\n\n"
    "Heading 1 – Referral and first contact\n"
    "• Explain how referrals from GP practices and self-referrals will be taken, and how quickly people will be "
    "contacted.\n\n"
    "Heading 2 – Support planning\n"
    "• Describe how support plans will be agreed with each person and reviewed.\n"
    "• Tell us how the person's family will be involved where they agree.\n\n"
    "Heading 3 – Ending support\n"
    "• Set out how the end of support is planned and how people can come back.\n"
)


def test_mandated_headings_hold_what_they_ask_and_no_other_heading_comes_between(demo_db, checker):
    """Fails on the old code: each bullet under a mandated heading became a part with a heading of its own (six
    headings for the buyer's three), so the buyer's structure was broken (s12 q02's panel, spent)."""
    from evidencebot.compose.questions import plan_question
    from evidencebot.compose.tender import assemble_tender

    plan = plan_question(MANDATED)
    assert [p.label for p in plan.points] == ["Referral and first contact", "Support planning", "Ending support"]
    assert all(p.mandated for p in plan.points)
    assert "family will be involved" in plan.points[1].text
    answer = assemble_tender(demo_db, MANDATED, checker=checker)
    assert re.findall(r"(?m)^## (.+)$", answer.markdown) == ["Referral and first contact", "Support planning",
                                                             "Ending support"]
    assert answer.findings == []
