"""Sub-point headings are never cut (issue 12).

The s23 panel marked headings the intake made: 'How the person' (a question word whose clause lost its verb) and
'Making sure' (an aim without what it aims at). :func:`heading_fault` names what makes a heading no heading; a
heading with a fault is made another way (:func:`make_heading`'s fallback). Every sub-point heading of every spent
set (tests/data/heldout/s8 ... s23) is run through the rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencebot.compose.questions import heading_fault, make_heading, parse_question

HELDOUT = Path(__file__).parents[1] / "data" / "heldout"
SPENT = sorted(HELDOUT.glob("s*/questions_s*.jsonl"))


def test_the_spent_sets_are_found():
    assert len(SPENT) >= 16, SPENT


@pytest.mark.parametrize("path", SPENT, ids=[p.parent.name for p in SPENT])
def test_no_sub_point_heading_of_a_spent_set_has_a_fault(path):
    bad = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        q = parse_question(row["text"])
        for (_, text), heading in zip(q.points, q.headings):
            why = heading_fault(heading, text)
            if why:
                bad.append((row["id"], heading, why))
    assert not bad, bad


@pytest.mark.parametrize("heading, source", [
    ("How the person", "how the person, and where they agree their partner, will plan their week"),
    ("Making sure", "how you will make sure that no tenant is moved without notice"),
    ("Working jointly with", "how you will work jointly with the housing team on evictions"),
    ("Of existing relationships", "evidence of existing relationships with schools"),
    ("How a volunteer who calls the office", "how a volunteer who calls the office at night will be answered"),
    ("Records (paper and electronic", "your records (paper and electronic) and how they are kept"),
])
def test_a_cut_heading_has_a_fault(heading, source):
    assert heading_fault(heading, source)


@pytest.mark.parametrize("heading, source", [
    ("How often plans will be reviewed and by whom", "how often plans will be reviewed and by whom"),
    ("Who signs off the rota", "who signs off the rota"),
    ("How each team fits together", "how each team fits together"),
    ("Organisations you already work with", "the organisations you already work with"),
    ("Volunteers taking part when asked to do so", "volunteers taking part when asked to do so."),
    ("Making sure no tenant is moved without notice", "how you will make sure that no tenant is moved without notice"),
])
def test_a_whole_heading_has_none(heading, source):
    assert heading_fault(heading, source) == ""


def test_a_clause_set_off_by_commas_is_left_out_of_the_heading():
    """'how the person, and where they agree their partner, will ...': the cut before the aside left 'How the person'."""
    h = make_heading("how the person, and where they agree their partner, will plan and review their week")
    assert heading_fault(h, "") == "" and h.startswith("How the person will plan"), h


def test_a_subject_with_a_relative_clause_keeps_its_verb():
    h = make_heading("How a volunteer who calls the office at night will be answered, logged and, where needed, "
                     "passed to the on-call manager")
    assert h == "How a volunteer who calls the office at night will be answered", h


def test_a_part_whose_letters_go_on_from_the_part_before_is_read_as_a_list():
    q = parse_question(
        "Part 1 – Staffing (300 words maximum)\n"
        "a) Describe your staffing model.\n"
        "b) Explain how you will cover sickness.\n\n"
        "Part 2 – Training (300 words maximum)\n"
        "c) Set out your induction for new staff, bearing in mind that most will be new to the sector.\n"
        "d) Describe how volunteers will be trained, and how you will check that training is up to date.\n"
        "e) Explain how you will fund training for peer workers.\n")
    assert [k for k, _ in q.points] == ["a", "b", "c", "d", "e"], q.points
    assert all(not heading_fault(h, t) for h, (_, t) in zip(q.headings, q.points)), q.headings


# ---------------------------------------------------------------- sub-points by structure (issue 12)


def _points(text: str) -> list[str]:
    return [t.rstrip(".") for _, t in parse_question(text).points]


def test_long_asks_under_titles_that_ask_nothing_are_the_sub_points():
    got = _points("Please answer under the two titles below.\n"
                  "1. Before go-live\n"
                  "   - how you will recruit the team and have them trained before the first referral arrives\n"
                  "   - the three biggest risks to starting on time and what you will do about each of them\n"
                  "2. After go-live\n"
                  "   - how you will tell referrers and families that the new service has started\n"
                  "   - how you will check in the first month that nobody has been lost in the move\n"
                  "Maximum 600 words.")
    assert len(got) == 4 and got[0].startswith("how you will recruit the team"), got
    assert not any(t in ("Before go-live", "After go-live") for t in got), got


def test_parse_question_reads_mandated_headings_as_the_plan_does():
    """parse_question (what the intake bench measures) and plan_question (what the answer is built from) agree: a
    mandated heading holds the ask under it (s12 q02, spent: five headings and their five asks were ten points)."""
    from evidencebot.compose.questions import plan_question

    text = ("You must use the headings below.\n"
            "Heading 1 – Volunteer roles\n"
            "• Describe the roles volunteers will take in the service and how they will be supported.\n"
            "Heading 2 – Peer workers\n"
            "• Explain how peer workers will be recruited, paid and supervised in each of the localities.\n"
            "(500 words)")
    q = parse_question(text)
    assert [t for _, t in q.points] == [p.text for p in plan_question(text).points], q.points
    assert q.headings == ["Volunteer roles", "Peer workers"], q.headings


def test_a_lead_in_whose_items_each_carry_an_ask_is_no_sub_point_besides_them():
    got = _points("How families will be involved, including:\n"
                  "(i) how you will invite families to reviews when the person agrees to it;\n"
                  "(ii) how you will support a family member who is struggling to cope at home.\n"
                  "Maximum 400 words.")
    assert got == ["how you will invite families to reviews when the person agrees to it",
                   "how you will support a family member who is struggling to cope at home"], got


def test_questions_before_a_question_with_its_own_list_are_still_asked():
    got = _points("What will your rota look like at weekends, and how does it meet the minimum of two staff on site? "
                  "How will you cover sickness at short notice? Which courses will volunteers complete in their first "
                  "month, including first aid, safeguarding and the lone-working briefing? (400 words)")
    assert len(got) == 3, got
    assert got[0].startswith("What will your rota look like at weekends, and how does it meet"), got
    assert got[2].startswith("Which courses will volunteers complete"), got


def test_an_ask_to_meet_each_requirement_listed_above_asks_each_of_them():
    got = _points("Background\nThe service runs a drop-in four days a week.\nUnder this contract the provider must:\n"
                  "- open the drop-in by 10am on each of its days;\n"
                  "- keep a record of every visit, with the person's consent;\n"
                  "- tell the Council within a day when the drop-in has to close.\n"
                  "Question\nExplain how you will meet each of the requirements listed above.\nMaximum 500 words.")
    assert got == ["open the drop-in by 10am on each of its days", "keep a record of every visit, with the person's consent",
                   "tell the Council within a day when the drop-in has to close"], got


def test_a_few_names_one_of_several_asks_includes_are_its_detail():
    got = _points("Describe the day centre you will run in the town. Explain how people will get a "
                  "place, including self-referral, the GP practices and the CMHT. Set out how you will keep a place "
                  "open while someone is in hospital. (500 words)")
    assert len(got) == 3, got
    assert got[1].startswith("Explain how people will get a place, including self-referral"), got
