"""Question intake, session 37 (issue 12): asks joined in one sentence with ', and how you will ...' are split there
before any list inside one of them; a list of facts that is a section of its own under its own heading, before the
heading whose section asks, is the buyer's background; 'Each part: maximum 250 words' over a list of parts is the
parts' limit together; a question pasted on one line is titled by its reference and title, not its first ask; and
the intake bench counts a gate the buyer asks the bidder to confirm as a sub-point of its own.

Every question here is written for these tests (the buyers and places are invented); none is copied from a labelled
set. The shapes are those of s36 q03 (spent)."""

from __future__ import annotations

import pytest

from evidencebot.compose.gates import read as read_gates
from evidencebot.compose.questions import answer_title, parse_question, question_title, read_limits

from tests.compose.intake_bench import bench, points, same


# ------------------------------------------------------------------ (b) asks joined with ', and how you will ...'

JOINED_HOUSING = (
    "# Question 5 – Keeping a home\n\n**Maximum 600 words**\n\n"
    "Describe how you will help people keep their tenancy in the first year, and how you will work with the "
    "council's housing options team when a tenancy is at risk, and how you will support people with debts, "
    "including rent arrears, council tax arrears and utility debts, to agree a plan they can keep, and how you will "
    "know that a tenancy has been sustained.")


def test_asks_joined_by_and_how_you_will_are_split_there_not_at_the_inner_list():
    got = points(JOINED_HOUSING)
    same(got, [
        "how you will help people keep their tenancy in the first year",
        "how you will work with the council's housing options team when a tenancy is at risk",
        "how you will support people with debts, including rent arrears, council tax arrears and utility debts, to "
        "agree a plan they can keep",
        "how you will know that a tenancy has been sustained",
    ])
    # the inner list stays inside its ask: none of its items is a sub-point of its own
    assert not any(p.strip(" .").lower() in ("rent arrears", "council tax arrears", "utility debts") for p in got)
    assert any("utility debts" in p and "agree a plan" in p for p in got)


JOINED_WHAT = (
    "Question 9 Peer support\n\nMaximum 500 words\n\n"
    "Explain how you will recruit peer support workers from the communities the service covers, and what you will "
    "offer them in training, supervision and pay, and how you will protect their own wellbeing in the role, "
    "including access to reflective practice, a named supervisor and time away from caseload work.")


def test_what_asks_join_the_series_too_and_the_last_ask_keeps_its_including_list():
    got = points(JOINED_WHAT)
    same(got, [
        "how you will recruit peer support workers from the communities the service covers",
        "what you will offer them in training, supervision and pay",
        "how you will protect their own wellbeing in the role, including access to reflective practice, a named "
        "supervisor and time away from caseload work",
    ])


JOINED_TO_AND_TO = (
    "## Question 4 – Working with colleges\n\n**Maximum 700 words**\n\n"
    "Explain how you will agree referral routes with the two further education colleges, and how you will meet "
    "the target of 40 students seen each term, and how you will encourage college staff to complete the mental "
    "health awareness course and to refer students who are struggling before a crisis, and how you will report "
    "to the colleges each term.")


def test_one_ask_verb_over_two_to_clauses_is_two_asks_with_the_verb_carried():
    got = points(JOINED_TO_AND_TO)
    same(got, [
        "how you will agree referral routes with the two further education colleges",
        "how you will meet the target of 40 students seen each term",
        "how you will encourage college staff to complete the mental health awareness course",
        "how you will encourage college staff to refer students who are struggling before a crisis",
        "how you will report to the colleges each term",
    ])
    assert any(p.startswith("how you will encourage college staff to refer") for p in got)


def test_a_to_clause_that_points_back_stays_with_its_ask():
    text = ("Explain how you will find work placements for young people, and how you will prepare employers for "
            "each placement, and how you will help each young person to start a placement and to keep it going.")
    got = points(text)
    assert len(got) == 3, got
    assert any("start a placement and to keep it going" in p for p in got)


def test_two_asks_so_joined_keep_the_earlier_reading_of_an_including_list():
    # one ', and how you will' only: the including-list qualifies the first ask (the reading before session 37)
    text = ("Describe how you will recruit volunteers, including people with lived experience and carers, and how "
            "you will support them once they are in post.")
    got = points(text)
    assert len(got) == 2, got
    assert "people with lived experience and carers" in got[0] and got[1].startswith("how you will support them")


# ------------------------------------------------------------------ (a) a section of facts under its own heading

FACTS_THEN_QUESTION = (
    "Harrowgate Vale Council – Community Connector Service\n\n"
    "# Question 6 – Reaching isolated older people\n\n**Weighting:** 8%\n**Maximum 800 words**\n\n"
    "## The area\n\n"
    "- About a third of residents aged 75 and over in the district live alone, most of them in the rural wards.\n"
    "- Two market towns hold the only GP surgeries and the only weekly markets in the district.\n"
    "- The bus service between the villages runs twice a day on weekdays and not at all on Sundays.\n"
    "- The district has the highest rate of falls admissions among people aged 80 and over in the county.\n"
    "- Twelve village halls host a lunch club at least once a month.\n\n"
    "## Question\n\n"
    "Explain how you will find older people who are isolated but not known to services, and how you will agree "
    "with each person what contact they want, and how you will use the village halls and lunch clubs without "
    "drawing people away from what they already attend, and how you will measure whether loneliness has eased.\n")


def test_fact_bullets_under_their_own_heading_are_background_and_the_asks_below_are_read():
    got = points(FACTS_THEN_QUESTION)
    same(got, [
        "how you will find older people who are isolated but not known to services",
        "how you will agree with each person what contact they want",
        "how you will use the village halls and lunch clubs without drawing people away from what they already attend",
        "how you will measure whether loneliness has eased",
    ])
    assert not any("bus service" in p or "market towns" in p for p in got)
    q = parse_question(FACTS_THEN_QUESTION)
    assert q.word_limit == 800 and q.weighting == 8


def test_a_list_under_a_heading_that_asks_is_still_the_sub_points():
    text = (
        "# Question 2 – Safeguarding\n\n**Maximum 500 words**\n\n"
        "## What your answer should cover\n\n"
        "- How staff will recognise and record a safeguarding concern about an adult.\n"
        "- How you will make a referral to the local authority within one working day.\n"
        "- How the safeguarding lead will review every referral each month.\n\n"
        "## Guidance\n\nAnswers will be scored against the descriptors in Annex C.\n")
    got = points(text)
    assert len(got) == 3, got
    assert any("one working day" in p for p in got)


# ------------------------------------------------------------------ limits said of each part

PARTS = (
    "Question 8 – Partnership working\n\n"
    "1. Describe how your workers will take part in the weekly meeting with the community mental health team.\n"
    "2. Explain how you will share information with the GP practices in the area.\n"
    "3. Set out how you will agree joint plans with the housing association.\n"
    "4. Describe how you will resolve a disagreement with a partner about who leads.\n\n")


@pytest.mark.parametrize("line, words", [
    ("Each part: maximum 300 words.", 1200),
    ("For each part, no more than 300 words.", 1200),
    ("300 words max per part.", 1200),
    ("Each part: maximum 300 words (1,000 words in total).", 1000),  # the whole's limit is the answer's
    ("Maximum 300 words.", 300),  # said of the whole question
])
def test_a_limit_said_of_each_listed_part_is_the_parts_together(line, words):
    assert read_limits(PARTS + line).words == words
    assert parse_question(PARTS + line).word_limit == words


# ------------------------------------------------------------------ a question pasted on one line

ONE_LINE = ("Question 3 Employer engagement (Maximum 500 words; 6%). Describe how you will: (a) find and keep "
            "employers who offer work that suits the people you support; (b) help employers make reasonable "
            "adjustments; and (c) stay in touch with each employer after a person starts work.")


def test_a_question_on_one_line_is_titled_by_its_reference_and_title_not_its_first_ask():
    assert answer_title(ONE_LINE) == "Question 3 – Employer engagement"
    assert question_title(ONE_LINE) == "Question 3 – Employer engagement"
    q = parse_question(ONE_LINE)
    assert q.word_limit == 500 and q.weighting == 6
    assert len(q.points) == 3 and q.points[0][1].startswith("how you will find and keep employers")


@pytest.mark.parametrize("text, title", [
    ("Q7: Crisis planning – Explain how you will agree a crisis plan with each person. 400 words.",
     "Q7: Crisis planning"),
    ("4.2 Workforce (max 400 words) How will you recruit and keep peer workers?", "4.2 – Workforce"),
    ("Employer engagement (Maximum 500 words). Describe how you will find employers.", "Employer engagement"),
])
def test_one_line_titles_in_other_shapes(text, title):
    assert answer_title(text) == title


@pytest.mark.parametrize("text, expected, number", [
    ("Q4 Describe how you will keep people safe when they stop engaging. Maximum 300 words.",
     "Q4 Keeping people safe when they stop engaging", "Q4"),
    ("Question 2. Please explain how you will recruit volunteers (maximum 400 words).",
     "Question 2 Recruiting volunteers", "Question 2"),
    ("Describe how you will support people after discharge (see Annex B). How will you know it worked?",
     "Supporting people after discharge", ""),
])
def test_an_ask_at_the_front_of_the_line_is_not_taken_for_a_title(text, expected, number):
    title = answer_title(text)
    assert "–" not in title.split()[:3] or not title.split("–", 1)[1].strip().lower().startswith(("describe", "please"))
    assert question_title(text) in ("", "Q4", "Question 2")
    # (review of s37) the two lines above hold for any title without a dash, the first ask's too: the title itself
    assert title == expected and question_title(text) == number


# ------------------------------------------------------------------ the bench: a gate to confirm beside its ask

def test_the_bench_counts_a_confirmed_gate_beside_a_longer_ask_that_holds_its_words():
    b = bench()
    text = ("Describe how you will pay the real Living Wage to everyone working on the contract, including staff of "
            "any subcontractor, and how you will apply each new rate within six months of its announcement.\n\n"
            "Bidders that do not confirm payment of the real Living Wage to everyone working on the contract will "
            "score 0 for this question.")
    gates = read_gates(text)
    assert gates and gates[0].confirming
    got = b.with_gates(points(text), gates)
    assert any(g.statement == x for g in gates for x in got)  # the gate is a sub-point of its own
    # a point that is the confirmation itself holds it: not counted twice
    assert b.with_gates(["confirmation of payment of the real Living Wage to everyone working on the contract"],
                            gates) == ["confirmation of payment of the real Living Wage to everyone working on the contract"]


def test_the_bench_still_folds_a_gate_on_what_the_answer_must_explain_into_its_ask():
    b = bench()
    text = ("Explain how you will use the DIALOG+ tool in each review with the person.\n\n"
            "Responses that do not explain how DIALOG+ will be used in each review will not score above 2.")
    gates = read_gates(text)
    assert gates and not gates[0].confirming
    pred = points(text)
    assert b.with_gates(pred, gates) == pred


@pytest.mark.parametrize("text, point", [
    ("Q7: Crisis planning – Explain how you will agree a crisis plan with each person. 400 words.",
     "Explain how you will agree a crisis plan with each person."),
    ("4.2 Workforce (max 400 words) How will you recruit and keep peer workers?",
     "How will you recruit and keep peer workers?"),
])
def test_a_one_line_questions_title_is_not_part_of_its_sub_point(text, point):
    got = points(text)
    assert len(got) == 1 and got[0].rstrip(" .?").endswith(point.rstrip(" .?")), got
    assert not got[0].startswith(("Crisis planning", "Workforce")), got
