"""Numbered parts written as plain title lines that carry their own limit and weighting ('7.1 Older adults (maximum
300 words; weighting 3%)'), each followed by the buyer's facts and then its asks (issue 12, session 31). Every part
is read on its own: its asks come from its own text, its title is never taken as an ask, and a part whose text asks
nothing we can read keeps its title as its one sub-point. The question texts are made up for these tests."""

from __future__ import annotations

from evidencebot.compose.questions import _point_starts, parse_question, plan_question

_THREE_PARTS = """Question 7: Reaching three groups

This question is in three parts. Each part is marked on its own and has its own limit and weighting.

7.1 Older adults in rural villages (maximum 300 words; weighting 3%)

Around 40,000 people over 75 live in the district, many alone. The mobile library stops in each village monthly.

Describe how you will:
- find older adults who never use the internet and offer them the service;
- arrange visits at home for people who cannot travel; and
- keep in touch with their GP practice when their needs change.

7.2 Students (maximum 250 words; weighting 2%)

Two colleges and a university campus sit in the city centre, with 9,000 students between them.

Describe how you will make the service known to students and how you will fit appointments around term dates.

7.3 Night shift workers (maximum 200 words; weighting 2%)

The port and two distribution centres run shifts through the night, all year.

Explain how you will offer appointments to people who work at night.
"""


def test_each_titled_part_is_read_with_its_own_asks():
    points = [t for _, t in parse_question(_THREE_PARTS).points]
    assert len(points) == 6
    assert points[0].startswith("how you will find older adults who never use the internet")
    assert points[2].startswith("how you will keep in touch with their GP practice")
    assert any("fit appointments around term dates" in t for t in points)
    assert points[-1].startswith("Explain how you will offer appointments to people who work at night")


def test_a_part_title_is_never_read_as_an_ask():
    points = [t for _, t in parse_question(_THREE_PARTS).points]
    assert not any("Students" == t.strip(" .") or t.lower().endswith("will students") for t in points)
    assert not any("Night shift workers" in t for t in points)


def test_each_part_keeps_its_own_limit_and_none_is_lost():
    plan = plan_question(_THREE_PARTS)
    parts = {(p.part, p.part_limit) for p in plan.points}
    assert parts == {("7.1", 300), ("7.2", 250), ("7.3", 200)}
    for label, limit in parts:
        mine = [p for p in plan.points if p.part == label]
        assert sum(p.budget for p in mine) <= limit


def test_a_part_that_asks_nothing_keeps_its_title_as_its_one_sub_point():
    text = _THREE_PARTS.replace("Describe how you will make the service known to students and how you will fit "
                                "appointments around term dates.\n", "")
    plan = plan_question(text)
    students = [p for p in plan.points if p.part == "7.2"]
    assert [p.text for p in students] == ["Students"]
    assert {p.part for p in plan.points} == {"7.1", "7.2", "7.3"}


def test_an_item_said_with_its_lists_lead_is_found_where_the_buyer_wrote_it():
    text = "Describe how you will:\n- arrange visits at home for people who cannot travel; and\n- keep records."
    at = _point_starts(text, ["how you will arrange visits at home for people who cannot travel"])[0]
    assert at is not None and text[at:].startswith("arrange visits at home")


def test_cover_how_asks_keep_their_own_lists_of_who_and_what():
    text = ("Describe how you will make the service work for people over 70. "
            "Your answer should cover how you will shorten waits for people over 70, how you will adjust visits for "
            "people with hearing loss, poor mobility or a pet they cannot leave, and how you will work with the "
            "memory clinic and the falls team when a person's needs change.")
    points = [t for _, t in parse_question(text).points]
    assert points == ["how you will shorten waits for people over 70",
                      "how you will adjust visits for people with hearing loss, poor mobility or a pet they cannot leave",
                      "how you will work with the memory clinic and the falls team when a person's needs change"]


def test_an_element_of_its_own_between_cover_how_asks_stays_apart():
    text = ("How will you improve the oral and general health of the people you support? Your response should "
            "include how you will help people attend their dental check, your approach to sleep problems, diet and "
            "exercise, how you will share news with their dentist, and how you will show what changed.")
    points = [t for _, t in parse_question(text).points]
    assert any(t.startswith("your approach to sleep problems") for t in points)
