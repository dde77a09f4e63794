"""Session 27 (lib27): blocks written for method the s25 and s26 panels listed under "what would lift it" are the first
block offered for a part that asks for it, and stay out of parts about something else (the sentences here are ours,
not a buyer's)."""

from __future__ import annotations

import pytest

from evidencebot.compose import blockmatch
from evidencebot.compose import library as lib

ASKS = [
    ("how you will support people in villages where bus links are limited", "rural-few-buses-visits"),
    ("how you will reach seasonal workers living in HMOs in the resort towns", "seasonal-workers-shared-houses"),
    ("how the plan will reflect a person's military service", "veterans-military-history-assessment"),
    ("how you will support garrison families", "service-families-garrison-welfare"),
    ("how you will assess people who live on Gypsy and Traveller sites", "traveller-site-sessions"),
    ("how you will make plans accessible to people who do not read or write", "plans-without-reading"),
    ("how you will work with probation practitioners for people on licence", "probation-joint-working"),
    ("how you will assess drinking without excluding people from the service", "no-exclusion-service-wide"),
    ("how staff will hold naloxone kits and give them at discharge", "naloxone-held-on-site"),
    ("how you will run joint sessions at the drug and alcohol service hubs", "drug-service-hub-sessions"),
    ("what same-day admission to the house will look like", "step-up-same-day-admission"),
    ("what extra contact you will offer on step-up", "step-up-extra-contact"),
    ("who holds clinical responsibility during a step-up stay", "step-up-stay-responsibility"),
    ("how you will decide discharge readiness with the care coordinator and GP", "discharge-readiness-review"),
    ("how you will make sure a resident has somewhere safe to live before they leave", "discharge-confirmed-accommodation"),
    ("who does what at each stage of a step-down stay", "step-down-stay-stages"),
    ("how you will use a cuckooing flag on tenancies", "cuckooing-tenancy-flag"),
    ("how routine domestic abuse enquiry will work", "domestic-abuse-enquiry-marac"),
    ("how you will involve families in learning responses under PSIRF", "learning-responses-with-families"),
    ("how you will check mental capacity at admission", "capacity-at-admission"),
    ("how staff raise a safeguarding concern out of hours", "safeguarding-out-of-hours"),
    ("how the safety plan is shared with the CMHT and the crisis team", "safety-plan-sharing"),
    ("how you will keep supervision protected when posts are vacant", "supervision-protected-vacancies"),
    ("your lived experience career pathway", "lived-experience-career-pathway"),
    ("how you will recruit veterans and care leavers", "workforce-like-its-communities"),
    ("how the mobilisation risk log will name owners", "mobilisation-risk-log"),
    ("how people already supported keep their worker with no reassessment", "continuity-at-transfer"),
    ("how you will engage carers and partners during mobilisation", "mobilisation-engagement"),
    ("how you will explain variation in performance to commissioners", "spc-with-commissioners"),
    ("how exception reports will go to the commissioner", "exception-report-remedial-plan"),
    ("what we control and what depends on partners", "control-and-share"),
    ("how staff will use the shared care record", "shared-care-record-access"),
    ("how you will offer stop smoking support within 24 hours of admission", "stop-smoking-at-admission"),
    ("how you will promote physical activity and healthy eating at the house", "activity-and-food-sessions"),
    ("how you will run cooking sessions and a walking group", "activity-and-food-sessions"),
    ("how people stay connected with your service after a crisis cafe visit", "crisis-cafe-connection"),
    ("how assessment will work for people who cannot read or write, or whose first language is not English",
     "accessible-assessment-groups"),
]


@pytest.fixture(scope="module")
def approved(demo_db):
    return [b for b in lib.list_blocks(demo_db, status="approved") if b.approved]


@pytest.mark.parametrize("ask,block_id", ASKS)
def test_a_part_that_asks_for_the_method_is_offered_its_block_first(approved, ask, block_id):
    found = blockmatch.candidates(ask, approved)
    assert found and found[0][1].block_id == block_id, [b.block_id for _, b in found[:3]]


def test_the_record_of_early_warning_signs_is_not_the_step_up_response(approved):
    # 'early ... signs ... crisis' once matched the 'early signs of crisis' cue and its step-up response block
    found = [b.block_id for _, b in blockmatch.candidates(
        "how each person's early warning signs and crisis plan will be recorded and acted on", approved)[:1]]
    assert found == ["early-warning-signs"], found


@pytest.mark.parametrize("ask,kept_out", [
    # seasonal peaks in demand are the rota's, not seasonal workers'
    ("how you will staff the service through seasonal peaks in demand", "seasonal-workers-shared-houses"),
    # a mobilisation readiness check is not a discharge readiness review
    ("how you will confirm readiness for go-live", "discharge-readiness-review"),
    # a part asking only for the criteria keeps the trigger set (the extra-contact block leads only where it is asked)
    ("the criteria you will use to step up support", "step-up-extra-contact"),
    # the Care Act's carers are not care leavers
    ("how you will support carers of people who use the service", "workforce-like-its-communities"),
])
def test_a_new_block_stays_out_of_a_part_about_something_else(approved, ask, kept_out):
    found = [b.block_id for _, b in blockmatch.candidates(ask, approved)[:1]]
    assert kept_out not in found, found
