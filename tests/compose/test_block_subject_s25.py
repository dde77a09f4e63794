"""Each part keeps its subject (issue 12, session 25): a list's shared object carried to the items that stop before it,
a contested part's next block on its own subject or an honest gap, and one-word cues never matched inside a name.

The sentences are written for these tests.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from evidencebot.compose import blockmatch, questions
from evidencebot.compose import tender as T
from evidencebot.compose.questions import split_question


def _points(text: str) -> list[str]:
    return [t.rstrip(".?;") for _, t in split_question(text)[1]]


def _block(title: str, body: str = "", tags=()):
    return SimpleNamespace(block_id=title.lower().replace(" ", "-"), title=title, body=body, tags=list(tags))


@pytest.mark.parametrize("text, items", [
    ("the checks made before, on the day of, and after a move", ["the checks made before a move", "on the day of a move",
                                                                  "after a move"]),
    ("spotting and reporting neglect", ["spotting neglect", "reporting neglect"]),
    ("planning, agreeing and reviewing goals", ["planning goals", "agreeing goals", "reviewing goals"]),
    ("before and after an admission", ["before an admission", "after an admission"]),
    # items that name their own thing keep it
    ("housing, benefits and debt advice", ["housing", "benefits", "debt advice"]),
])
def test_intake_carries_a_lists_shared_object_to_items_that_stop_before_it(text, items):
    assert questions._split_series(text) == items


def test_intake_keeps_the_head_an_including_clause_qualifies():
    points = _points("Describe how you will recruit and keep volunteers, including people who have used the service, "
                     "and the induction you will give them.")
    assert any("recruit and keep volunteers" in p for p in points)
    assert any(p.startswith("the induction you will give them") for p in points)
    assert "people who have used the service" not in points


def test_intake_drops_the_and_before_each_clause_of_a_long_list():
    points = _points("Please describe how you will support people's sleep, including people who work nights, and how "
                     "you will support people who gamble, and how you will work with the Harbourside Gambling Clinic, "
                     "and how you will help people to cut down on caffeine.")
    assert not any(p.endswith(" and") or " and and " in p for p in points)
    assert any(p.startswith("how you will support people who gamble") for p in points)


@pytest.mark.parametrize("text, topic", [
    ("how you will support people staying at Rowan Court", "criminal_justice"),
    ("how you will run the Brookside Evening Safe Haven and its groups", "evening_weekend_cover"),
])
def test_a_one_word_cue_never_counts_inside_a_name(text, topic):
    assert topic not in {h.topic.name for h in blockmatch.topic_hits(text)}


def test_the_same_word_outside_a_name_still_counts():
    assert "criminal_justice" in {h.topic.name for h in blockmatch.topic_hits("how you will support people through the courts")}


def test_a_heading_in_title_case_is_not_read_as_a_name():
    assert blockmatch.unnamed("Keeping People Safe From Harm") == "Keeping People Safe From Harm"
    assert blockmatch.unnamed("Working with Rowan Court").split() == ["Working", "with"]


@pytest.mark.parametrize("ask, title, keeps", [
    ("Involving people who use the service", "Involving families and carers", False),
    ("Helping people improve their physical health day to day", "Medication concerns", False),
    ("Mobilisation plan against the milestones above", "Contract review meetings and exception reporting", False),
    ("Helping people improve their physical health day to day", "Knowing whether people's physical health has improved",
     True),
    ("How referrals will be received and allocated", "Referral and first appointment", True),
    ("Keeping caseloads within the caps", "Staffing model", True),  # a title naming nothing of its own is not judged
])
def test_a_blocks_own_subject_is_among_what_the_part_asks(ask, title, keeps):
    assert blockmatch.own_subject(ask, _block(title)) is keeps


def test_a_part_that_lost_its_best_block_takes_another_topics_block_only_on_its_subject():
    point = SimpleNamespace(label="How people will get access to the service", text="how people will get access")
    off = _block("Managing the waiting list", "Our standard is a first contact within five working days.")
    on = _block("Referral and first appointment", "Access is by one phone number, a text or a web form.")
    assert not T._keeps_subject(point, off, strict=True)
    assert T._keeps_subject(point, on, strict=True)
    assert T._keeps_subject(point, off, strict=False)  # no candidate speaks of the heading: not judged here


def test_a_name_is_the_subject_when_nothing_outside_it_is():
    topics = {h.topic.name for h in blockmatch.topic_hits("how you will work with the Northmoor Safeguarding Adults Board")}
    assert "safeguarding" in topics or any("safeguard" in t for t in topics)


def test_a_situation_named_only_inside_a_name_still_counts():
    from evidencebot.compose import askfit

    assert "training" in askfit.scenes("how new staff will finish the Northgate Core Competency Standard in 10 weeks")
    assert "the evening sessions" not in askfit.scenes("staff training for the Brookside Evening Safe Haven")
