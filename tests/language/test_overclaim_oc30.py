"""(oc30) Over-claims read from the clause: an outcome for everyone, never again, what would have happened
without us, credit placed with us, a change to something other bodies share, an assurance over everyone.

Sentences written for these tests (none is from a labelled or held-out set). Each rule named is the one
that must report the sentence; a pass sentence must get no finding from the rule named with it.
"""

from __future__ import annotations

import pytest

UNIVERSAL = "overclaim.universal-clause"
NEVER = "overclaim.never-again"
WOULD = "overclaim.counterfactual-outcome"
OWED = "overclaim.credit-owed"
SHARED = "overclaim.shared-change-agent"
ASSURED = "overclaim.assured-universal"

FLAGS = [
    # a universal over the people we support, with an outcome predicate
    (UNIVERSAL, "Not one tenant at Gable House ends up back in the cells."),
    (UNIVERSAL, "None of our members hangs up the phone feeling worse."),
    # never again, for a person we worked with
    (NEVER, "Once a woman has finished the pathway, she will not need the crisis team again."),
    # a condition that takes help away, and a would-result naming a bad outcome
    (WOULD, "If nobody from the night line had picked up, the paper would be reporting a death."),
    (WOULD, "Take the link workers away and the assessment unit would be overwhelmed by March."),
    (WOULD, "Without the tenancy team, these lads would still be sofa-surfing in the town centre."),
    # a change placed with a service by a verb of owing or placing
    (OWED, "The borough's lower admission figures belong squarely to our night team."),
    (OWED, "Responsibility for the better audit score rests with the liaison service."),
    (OWED, "Shorter waits at the front door? You can thank our duty team for that."),
    (OWED, "Sam owes his sobriety to the Tuesday group."),
    # we as the agent of a change to something other bodies share
    (SHARED, "We mended the referral route between the surgeries and the trust."),
    (SHARED, "It was us who secured the borough's funding for the night bus."),
    # an assurance over everyone's outcome
    (ASSURED, "We commit that nobody in the scheme will reach crisis."),
]

PASSES = [
    # process, not outcome; softened; denied
    (UNIVERSAL, "Nobody waits more than three days for a call back."),
    (UNIVERSAL, "Almost everyone on the course leaves with a written plan."),
    (UNIVERSAL, "Not every parent we coach stays in work, and we track who does not."),
    (UNIVERSAL, "We don't claim that everyone who joins gets better."),
    (UNIVERSAL, "No one is turned away from the drop-in because of a missed appointment."),
    (UNIVERSAL, "A key aim of the contract is that no young person leaves without a written crisis plan."),
    (UNIVERSAL, "Each woman on the complex trauma needs pathway has a named worker."),
    # our own library's wording: the service's act on each person, a reason, a reduced relative
    (UNIVERSAL, "Staff ask each visitor before they leave whether they feel safe to go home."),
    (UNIVERSAL, "Nobody is discharged only because they missed two appointments."),
    (UNIVERSAL, "The manager reads the log and follows up every one missed."),
    # past, one person; staff's process
    (NEVER, "She never came back to the Thursday group after March."),
    (NEVER, "Our staff never lone-work after dark."),
    # hedged, doubted, reported, our business, no outcome
    (WOULD, "Without the tenancy team, some of these lads might have ended up sofa-surfing."),
    (WOULD, "Whether Dev would have returned to hospital without the café is impossible to say."),
    (WOULD, "Dev says he would not be here without the café."),
    (WOULD, "Without the lottery grant, we would have had to cut the Saturday session."),
    (WOULD, "If the rain had stopped, the walk would have gone ahead."),
    # a duty placed, shared credit, a thank-you
    (OWED, "Responsibility for safeguarding referrals rests with the duty manager."),
    (OWED, "The drop in waits is partly down to our duty team, together with the GP surgeries."),
    (OWED, "Thank you to our volunteers for a lovely summer fair."),
    # our own thing, or done with others
    (SHARED, "We cut our own waiting list by booking first visits the same week."),
    (SHARED, "Together with the trust, we mended the referral route between the surgeries and the ward."),
    # a process promised, an aim, a denial
    (ASSURED, "We will ensure every resident has a key worker and a plan."),
    (ASSURED, "We aim to make sure that no resident waits more than a week for a review."),
    (ASSURED, "We cannot promise that every resident will stay well."),
    (ASSURED, "We commit to triage every referral within two working days of receipt."),
]


@pytest.mark.parametrize("rule, sentence", FLAGS)
def test_an_outcome_claim_read_from_the_clause_is_reported(overclaim_checker, rule, sentence):
    rules = {f.rule for f in overclaim_checker.check_text(sentence)}
    assert rule in rules, (sentence, rules)


@pytest.mark.parametrize("rule, sentence", PASSES)
def test_the_same_frame_said_carefully_passes(overclaim_checker, rule, sentence):
    rules = {f.rule for f in overclaim_checker.check_text(sentence)}
    assert rule not in rules, (sentence, rules)
