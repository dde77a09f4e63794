"""Question intake, session 38 (issue 12): a numbered part's title in bold on a line of its own is a part's title;
a stem that asks a series of its own ('Describe how you will A, how you will B, and how you will C.') over 'In
particular, please address:' and a list stays asked beside the list; questions asked before an additive lead-in
('In addition, please set out:') stay asked beside its list; and the heading printed over a part is the short
heading in the buyer's words, which is what ParsedQuestion.headings now holds (the longer label is
ParsedQuestion.labels).

Every question here is written for these tests (the buyers, places and services are invented); none is copied from a
labelled set."""

from __future__ import annotations

import pytest

from evidencebot.compose.questions import heading_fault, make_heading, parse_question, plan_question

from tests.compose.intake_bench import bench, points, same


# ---------------------------------------------------------------- bold numbered part titles

BOLD_PARTS = """# Question 5 – Leaving hospital

The Kilnbrook wards discharge about 300 adults a year to the two boroughs. Each part is scored on its own.

**5.1 Before discharge** (maximum 350 words; weighting 3%)

Tell us how you will meet people on the ward before they go home. Your answer should cover: how soon after a referral
you will make first contact; how you will join ward rounds at the Fernleigh Unit; and how you will agree a plan with the
person's family where the person wants that.

**5.2 The first week at home** (maximum 250 words; weighting 2%)

Explain:

(i) how you will visit people within three days of discharge;
(ii) how you will make sure medication has been collected from the pharmacy.

**5.3 Ending support** (maximum 250 words; weighting 2%)

When will your support end? Who will you hand over to when it does? What will you do if someone cannot be reached in
the first fortnight?
"""


def test_bold_part_titles_read_each_part():
    same(points(BOLD_PARTS), [
        "how soon after a referral you will make first contact",
        "how you will join ward rounds at the Fernleigh Unit",
        "how you will agree a plan with the person's family where the person wants that",
        "how you will visit people within three days of discharge",
        "how you will make sure medication has been collected from the pharmacy",
        "When will your support end?",
        "Who will you hand over to when it does?",
        "What will you do if someone cannot be reached in the first fortnight?",
    ])


def test_bold_part_title_not_read_as_a_sub_point():
    got = points(BOLD_PARTS)
    assert not any("Before discharge" in t or "Ending support" in t for t in got), got


def test_one_bold_numbered_title_alone_is_still_one_question():
    # one bold '2.1 Title' over a single ask: no parts, the ask is read as before
    text = ("**2.1 Volunteers** (maximum 300 words)\n\n"
            "Describe how you will recruit, train and support volunteers at the Ashcombe drop-in.")
    got = points(text)
    assert len(got) == 1 and "recruit, train and support volunteers" in got[0], got


# ---------------------------------------------------------------- 'In particular' under a series of asks

SERIES_IN_PARTICULAR = """Describe how you will keep a waiting list safe for the Larchfield talking group, how you will
contact people who have waited more than six weeks, and how you will prioritise someone whose needs change while they
wait.

In particular, please address:

(a) the information you will give people when they join the list;
(b) who in your team will review the list each week.
"""


def test_series_stem_stays_asked_over_in_particular():
    same(points(SERIES_IN_PARTICULAR), [
        "how you will keep a waiting list safe for the Larchfield talking group",
        "how you will contact people who have waited more than six weeks",
        "how you will prioritise someone whose needs change while they wait",
        "the information you will give people when they join the list",
        "who in your team will review the list each week",
    ])


def test_one_ask_over_in_particular_is_still_its_frame():
    text = ("Describe how you will keep the waiting list for the Larchfield talking group safe.\n\n"
            "In particular, please address:\n\n"
            "(a) the information you will give people when they join the list;\n"
            "(b) who in your team will review the list each week.\n")
    same(points(text), ["the information you will give people when they join the list",
                        "who in your team will review the list each week"])


# ---------------------------------------------------------------- 'In addition, please set out:'

QUESTIONS_THEN_ADDITION = """Referrals from the Oakhurst estates have fallen by a third since 2024.

How will you find out why fewer people from the estates are being referred? How will you make the service easier to
reach for people who work night shifts?

In addition, please set out:

- how you will use the community room at Tanyard Court for a weekly session
- how you will work with the estates' tenants' association to publicise the service
"""


def test_questions_before_an_additive_lead_in_stay_asked():
    same(points(QUESTIONS_THEN_ADDITION), [
        "How will you find out why fewer people from the estates are being referred?",
        "How will you make the service easier to reach for people who work night shifts?",
        "how you will use the community room at Tanyard Court for a weekly session",
        "how you will work with the estates' tenants' association to publicise the service",
    ])


def test_plain_cover_lead_in_still_frames_the_question():
    # without the additive opening, a single question over 'Your answer should cover:' is spelt out by its list
    text = ("How will you make the service easier to reach for people who work night shifts?\n\n"
            "Your answer should cover:\n\n"
            "- evening and weekend appointments\n"
            "- how people can book without phoning in working hours\n")
    same(points(text), ["evening and weekend appointments", "how people can book without phoning in working hours"])


# ---------------------------------------------------------------- headings: what the answer prints

@pytest.mark.parametrize("text", [
    "how you will work with the Brookvale food bank and the two credit unions to help people out of debt",
    "the specific steps you will take to widen access for older Polish-speaking adults in Wexcombe",
    "how you will absorb a rise in referrals from 400 to 650 people a year",
])
def test_heading_keeps_what_the_part_is_about(text):
    h = make_heading(text, short=True)
    assert len(h.split()) <= 12, h
    assert not heading_fault(h, text), h
    # the heading names the object of the ask, not only its verb or vague head
    assert len(bench().words(h)) >= 4, h


def test_parsed_headings_are_the_printed_headings():
    text = ("Describe how you will support tenants at risk of eviction:\n\n"
            "(a) how you will work with the Brookvale food bank and the two credit unions to help people out of debt;\n"
            "(b) how you will keep in touch with people after their tenancy is saved, for at least six months after the "
            "court date, including by text and home visits.\n")
    q = parse_question(text)
    printed = [p.heading for p in plan_question(text).points]
    assert q.headings == printed, (q.headings, printed)
    assert all(len(h.split()) <= 12 for h in q.headings), q.headings
    assert len(q.labels) == len(q.headings) and q.labels != q.headings, q.labels


@pytest.mark.parametrize("text, stop", [
    ("how you will use equality monitoring data each quarter to check that access to MHTRs reflects the sentenced "
     "population", "to check"),
    ("how you will audit case files every month to make sure that care plans are reviewed on time", "to make sure"),
])
def test_heading_not_stopped_before_what_is_checked(text, stop):
    # a cap never stops on 'to <verb>' with the 'that' clause it governs left behind
    h = make_heading(text, short=True)
    assert not h.endswith(stop), h
    assert not heading_fault(h, text), h


@pytest.mark.parametrize("text", [
    "What will you do if someone stops engaging in the first four weeks after release?",
    "What will you do when a tenant misses three visits in a row and cannot be reached by phone?",
])
def test_what_will_you_do_question_headed_by_its_situation(text):
    # 'What will you do if/when X?' is headed by the situation, as 'what you will do when X' already was
    h = make_heading(text, short=True)
    assert not bench().question_form(h), h
    assert h.split()[0] in ("If", "When"), h
    assert not heading_fault(h, text), h


def test_a_bold_part_titles_weighting_after_a_dash_is_not_its_title():
    """'**5.3 Sharing records** (max. 200 words) – Weighting: 2%': the part's title printed over its answer is
    'Sharing records'; a heading holding '2%' is a figure our own checker faults (lead, session 38: s38 q04 exited 1)."""
    question = (
        "# Question 5 – Working with partners\n\n"
        "**5.1 Working with GP practices** (max. 300 words) – Weighting: 4%\n\n"
        "Set out:\n\n1. how you will share plans with GP practices;\n2. how often you will meet them.\n\n"
        "**5.2 Sharing records** (max. 200 words) – Weighting: 2%\n\n"
        "Set out:\n\n1. how records will be shared safely;\n2. your lawful basis for sharing.\n"
    )
    titles = {p.part: p.part_title for p in plan_question(question).points}
    assert titles == {"5.1": "Working with GP practices", "5.2": "Sharing records"}


def test_a_bold_part_title_with_its_limit_after_a_dash_is_a_part_with_that_limit():
    """'**7.1 Title** – Maximum 300 words': the part is read with its own limit, as '**7.1 Title** (maximum 300
    words)' is (lead, session 38: s38 q09 lost its part 9.2 and held 9.1 to the limit of both parts)."""
    question = (
        "# Question 7 – Safety\n\n"
        "**7.1 Keeping adults safe** – Maximum 300 words\n\n"
        "Describe:\n\n(i) how staff raise a concern;\n(ii) how you work with the safeguarding board.\n\n"
        "**7.2 Learning from incidents** – Maximum 200 words\n\n"
        "Describe:\n\n(i) how incidents are reviewed;\n(ii) how families are supported after an incident.\n"
    )
    plan = plan_question(question)
    assert {(p.part, p.part_limit, p.part_title) for p in plan.points} == {
        ("7.1", 300, "Keeping adults safe"), ("7.2", 200, "Learning from incidents")}
    assert len(plan.points) == 4 and plan.word_limit == 500


def test_a_bold_title_followed_by_an_ask_after_a_dash_is_not_taken_for_a_part_title():
    question = ("# Question 8 – Carers\n\n**8.1 Carers** – Describe how you will support carers.\n\n"
                "**8.2 Young carers** – Describe how you will identify young carers.\n\n(maximum 400 words)\n")
    plan = plan_question(question)
    assert all(p.part_title in ("", "Carers", "Young carers") for p in plan.points)
    assert any("support carers" in p.text for p in plan.points) and any("young carers" in p.text for p in plan.points)
