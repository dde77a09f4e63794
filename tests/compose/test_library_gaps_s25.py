"""Session 25 (lib25): blocks written for elements that recur across buyers and that the s22-s24 panels and the dev
buyer found missing or generic are the first block offered for a part that asks for them (the sentences here are
ours, not a buyer's)."""

from __future__ import annotations

import pytest

from evidencebot.compose import blockmatch
from evidencebot.compose import library as lib

ASKS = [
    ("the practical steps before, on the day of and after discharge, naming who is responsible at each stage",
     "hospital-discharge-stages"),
    ("how the discharge summary will reach the GP after a planned discharge from the service",
     "service-discharge-stages"),
    ("what you will do when a person's progress stalls", "progress-stalls"),
    ("how people will be supported when the service is closed, including handover to the crisis line",
     "out-of-hours-crisis-handover"),
    ("how staff are trained, with competency sign-off and a refresher cycle", "training-programme-cycle"),
    ("career progression for all staff, including peer support workers", "career-progression"),
    ("how you have planned capacity for the expected referrals a year", "capacity-from-volumes"),
    ("how a lived experience reference group will meet at least monthly", "lived-experience-group-monthly"),
    ("how many paid lived experience roles there will be in the peer workforce", "peer-roles-paid"),
    ("how step-down support will be kept within the step-down time limit", "step-down-time-limit"),
    ("how you will re-engage people who miss appointments", "re-engagement-missed-appointments"),
    ("how you will refer carers to the carers hub for a statutory carer's assessment", "carers-assessment-referral"),
    ("the role of your carers lead", "carers-work-lead"),
    ("how you will involve carers in discharge from the house", "carers-in-discharge"),
    ("how you will keep in touch with people who have no mobile signal", "no-signal-contact"),
    ("how the single point of access will work, including triage and allocation", "single-point-of-access"),
    ("who the clinical lead reports to, and the reporting lines in your structure", "leadership-reporting-lines"),
    ("how you will recruit to hard-to-fill roles in rural areas", "rural-recruitment"),
    ("how you will respond to cuckooing and county lines", "cuckooing-county-lines"),
    ("how recovery plans will be co-produced with the person, who holds a copy", "plan-in-own-words"),
    ("how you will arrange British Sign Language and book interpreters", "interpreter-booking"),
    ("your designated safeguarding lead, who is not the service manager", "designated-safeguarding-lead"),
]


@pytest.fixture(scope="module")
def approved(demo_db):
    return [b for b in lib.list_blocks(demo_db, status="approved") if b.approved]


@pytest.mark.parametrize("ask,block_id", ASKS)
def test_a_part_that_asks_for_the_element_is_offered_its_block_first(approved, ask, block_id):
    found = blockmatch.candidates(ask, approved)
    assert found and found[0][1].block_id == block_id, [b.block_id for _, b in found[:3]]


def test_a_career_block_does_not_answer_progress_against_a_plan(approved):
    # 'progression' as a cue of its own read 'not progressing against the recovery plan' as a career question
    found = [b.block_id for _, b in blockmatch.candidates("how you will respond when someone is not progressing "
                                                         "against their recovery plan", approved)]
    assert "progress-stalls" in found[:2] and "career-progression" not in found, found


def test_crisis_plans_in_the_persons_words_stay_with_the_crisis_plan_blocks(approved):
    # 'own words' is not a cue of the co-produced plan topic: a crisis plan in the person's words is a crisis plan
    found = blockmatch.candidates("how crisis plans are written in the person's own words", approved)
    assert found and found[0][1].block_id.startswith("crisis-plan"), [b.block_id for _, b in found[:3]]


def test_reporting_progress_on_commitments_is_not_a_stalled_plan(approved):
    # 'no progress' as a cue was the word 'progress' alone (a stop word dropped): it put the stalled-plan block
    # under a part on reporting progress against social value commitments (s24 q09, spent)
    found = [b.block_id for _, b in blockmatch.candidates("how you will report progress against each social value "
                                                         "commitment", approved)]
    assert found and "progress-stalls" not in found, found


def test_a_standard_the_part_names_brings_its_own_block_first(approved):
    # s25 q09: a four-word peer-roles cue outranked the block the buyer's named minimum asks for
    found = blockmatch.candidates("Sessional peer workers and lived experience roles to be paid at least the Real "
                                  "Living Wage", approved)
    assert found[0][1].block_id == "real-living-wage", [b.block_id for _, b in found[:3]]
    block = found[0][1]
    assert blockmatch.named_in(block, "paid at least the Real Living Wage")
    assert not blockmatch.named_in(block, "a real living wage for everyone")  # not written as a name
