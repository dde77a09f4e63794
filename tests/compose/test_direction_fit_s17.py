"""A block about passing people to a service never answers a sub-point about receiving people from it, and the
reverse (issue 12, session 17).

s16 q08 (a) 'when a person is discharged from the IAMH Crisis Resolution and Home Treatment Team' was answered with
'When a visitor's risk rises ..., staff call the CRHTT straight away' (scorer 2: 'the method under (a) is about
escalating to the crisis team, not picking people up from it'). The blocks here are written for this test."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from evidencebot.compose import askfit


@dataclass
class Block:
    block_id: str
    title: str
    body: str
    tags: list = field(default_factory=list)


ESCALATE = Block("escalate", "Working with the home treatment team",
                 "When a person's risk rises beyond what we can hold, the duty worker calls the crisis team at once and "
                 "stays with them until the handover is agreed. A note goes to the crisis team by the next morning.",
                 ["crisis team"])
RECEIVE = Block("receive", "Taking on people from the home treatment team",
                "People the crisis team refers to us on stepping down are offered a first visit within two days. We "
                "agree each step-down with the crisis team's duty clinician and record who holds the plan.",
                ["crisis team", "step-down"])
BOTH_WAYS = Block("both", "Our link with the crisis team",
                  "The crisis team refers people to us when their crisis has passed, and staff call the crisis team "
                  "when a person's risk rises.", ["crisis team"])

FROM_ASK = "when a person is discharged from the Crisis Resolution and Home Treatment Team (CRHTT)"
TO_ASK = "how your staff will escalate to the crisis team when a person's risk rises out of hours"


def test_the_ask_says_which_way_people_move():
    assert askfit.asked_direction(FROM_ASK)[0] == "from"
    assert askfit.asked_direction(TO_ASK)[0] == "to"
    assert askfit.asked_direction("how you will work with the crisis team") is None


@pytest.mark.parametrize("ask, block, fits", [
    (FROM_ASK, ESCALATE, False),  # before: taken (the s16 q08 (a) slip)
    (FROM_ASK, RECEIVE, True),
    (FROM_ASK, BOTH_WAYS, True),  # one sentence each way: not against the ask
    (TO_ASK, RECEIVE, False),
    (TO_ASK, ESCALATE, True),
    ("how you will support carers at each transition", ESCALATE, True),  # no direction asked: not judged here
])
def test_a_block_facing_the_other_way_does_not_answer(ask, block, fits):
    assert (askfit.direction_misfit(ask, block) is None) is fits
    assert (askfit.misfit(ask, block) is None) is fits


def test_the_s16_crhtt_block_is_left_out_of_the_step_down_part(demo_db):
    # s16 q08 (spent, development material)
    from pathlib import Path

    from evidencebot.compose.tender import assemble_tender

    q = (Path(__file__).parents[1] / "data/heldout/s16/questions/q08.md").read_text(encoding="utf-8")
    answer = assemble_tender(demo_db, q, today="2026-12-03")
    first = answer.coverage[0]
    assert "crisis-alternatives-crhtt" not in first.evidence
    assert "staff call the CRHTT straight away" not in answer.markdown.split("## b)")[0]
    assert "passes people to the crisis team" in first.left_out
    assert not answer.findings


def test_the_step_down_part_takes_the_first_contact_block_and_never_our_longer_timescale(demo_db):
    # s16 q08 (a) after the escalation block was left out: it was a part drafted from the question while (c), the
    # overnight ED discharge, held both discharge blocks; it now takes first contact after discharge, and our '72 hours
    # of discharge' never stands under the buyer's 48 hours
    from pathlib import Path

    from evidencebot.compose.tender import assemble_tender

    q = (Path(__file__).parents[1] / "data/heldout/s16/questions/q08.md").read_text(encoding="utf-8")
    answer = assemble_tender(demo_db, q, today="2026-12-03")
    first = answer.markdown.split("## b)")[0]
    assert "step-down-first-contact" in answer.coverage[0].evidence
    assert "within 48 hours of the CRHT discharge decision, as Specification 3.7 requires" in first
    assert "The recovery worker makes the first contact" in first
    assert "72 hours" not in first
    assert answer.coverage[2].evidence.startswith("method: ")  # (c) keeps a block of its own
    assert not answer.findings
