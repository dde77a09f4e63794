"""Session 26 (lib26): blocks written for method the s24 and s25 panels listed under "what would lift it" are the first
block offered for a part that asks for it, and stay out of parts about something else (the sentences here are ours,
not a buyer's)."""

from __future__ import annotations

import pytest

from evidencebot.compose import blockmatch
from evidencebot.compose import library as lib

ASKS = [
    ("what pre-release contact you will have with people in prison, and the first week after release",
     "prison-release-contact"),
    ("how you will support people leaving HMP Brackmoor who use drugs in the first weeks after release, including "
     "overdose risk and naloxone", "prison-release-overdose-naloxone"),
    ("how you will reach students during the autumn intake weeks", "students-university-college-link"),
    ("how you will offer evening sessions in community venues in the most deprived neighbourhoods",
     "deprived-neighbourhoods-outreach"),
    ("how you will staff the service through seasonal peaks in demand", "seasonal-demand-staffing"),
    ("how people will tell their story once, with a joint assessment with the CMHT", "joint-assessment-cmht"),
    ("how you will use DIALOG+ and ReQoL-10 in practice", "outcome-measure-in-session"),
    ("how you will achieve a paired outcome measure for people discharged", "closing-measure-booked"),
    ("the handover list you will send to the crisis team each evening", "evening-handover-list"),
    ("who will join the daily crisis huddle", "daily-crisis-huddle"),
    ("how you will use the Duty to Refer and nominations where a resident has nowhere suitable to live",
     "house-housing-plan-day-one"),
    ("what you will do if you cannot make contact after discharge from the house", "house-follow-up-booked"),
    ("how you will send discharge summaries to the GP within the timescale", "discharge-summary-mechanics"),
    ("how you will make sure abnormal results lead to follow-up", "abnormal-results-pathway"),
    ("how you will keep a recall list of people due a health check", "health-check-recall-list"),
    ("how you will support smokers in a smoke-free house, including nicotine replacement therapy", "smoke-free-house"),
    ("how you will support oral health and dental registration", "oral-health-dental"),
    ("how you will manage visitors, searches and drug dealing at the house", "house-visitors-searches"),
    ("how you will monitor exclusions of people who use alcohol or drugs", "substance-use-exclusion-monitoring"),
    ("how you will know that step-up is preventing crisis escalation", "step-up-own-data"),
    ("how you will agree joint care plans within 15 working days with a named keyworker", "joint-plan-on-time"),
    ("how you will use SWEMWBS in groups and courses", "wellbeing-measure-groups"),
]


@pytest.fixture(scope="module")
def approved(demo_db):
    return [b for b in lib.list_blocks(demo_db, status="approved") if b.approved]


@pytest.mark.parametrize("ask,block_id", ASKS)
def test_a_part_that_asks_for_the_method_is_offered_its_block_first(approved, ask, block_id):
    found = blockmatch.candidates(ask, approved)
    assert found and found[0][1].block_id == block_id, [b.block_id for _, b in found[:3]]


@pytest.mark.parametrize("ask,kept_out", [
    # 'release' alone is not prison: information released to partners
    ("how information will be released to partners with consent", "prison-release-contact"),
    # students of a recovery college are the college's
    ("how students can take part in recovery college courses", "students-university-college-link"),
    # a hospital's delayed discharges are not a stay in our house
    ("how you will address delayed discharges from the acute wards where housing is the barrier",
     "house-housing-plan-day-one"),
    # health visitors are not visitors to the house
    ("how you will work with health visitors and midwives", "house-visitors-searches"),
])
def test_a_new_block_stays_out_of_a_part_about_something_else(approved, ask, kept_out):
    found = [b.block_id for _, b in blockmatch.candidates(ask, approved)[:1]]
    assert kept_out not in found, found


def test_people_leaving_prison_in_a_list_of_groups_take_the_prison_block_not_a_ward_discharge_block(approved):
    # s25 q01 (spent): 'people leaving HMP ...' after '... wards' read as leaving a hospital ward
    found = [b.block_id for _, b in blockmatch.candidates(
        "how you will make the Service accessible to people in the Harbour and Mill wards, students, and people "
        "leaving HMP Brackmoor", approved)[:2]]
    assert found[0] == "prison-release-contact" and "discharge-planning-meetings" not in found, found
