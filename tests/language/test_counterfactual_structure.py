"""Counterfactual credit read by structure (session 26, m26, issue 15).

The forms the counterfactual check did not read at the start of session 26: a condition the parser hangs from the
main verb or from its subject ("... had the team not existed", "Were the club to close"), our refusal ("Had we
declined ..."), "minus" and "in the absence of", "Take X away and ...", a relative pronoun as the subject, a quantity
of people ("four of the lads"), a service that is not ours overwhelmed without us, what we are given to run taken
away ("without this contract"), "but for ..." after the claim, and "Left to statutory services alone, ...".
Sentences written for this test; none is from a labelled or held-out set.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules

RULE = "overclaim.counterfactual-credit"


@pytest.mark.parametrize("text", [
    "The nine admissions we headed off would all have gone ahead had the crisis house not existed.",
    "Were the Thursday club to close, the out-of-hours service would be overwhelmed by Christmas.",
    "If the Thursday club had closed, self-harm among its members would be higher.",
    "Had we declined the referral, this girl would be in a secure unit today.",
    "In the absence of our carers' line, the GP practice's waiting list would be far longer.",
    "Take the befriending scheme away and these older men would be back in A&E within a month.",
    "Nine of our tenants who would otherwise have been evicted are still in their flats.",
    "Seven of the women from the sewing group would be back in hospital if the group had never existed.",
    "Without our link workers, the duty desk at the council would have been swamped.",
    # what we are given to run, taken away; the condition after the claim; left without us
    "Without this contract, dozens of carers would have given up work.",
    "These evictions would have gone ahead but for our money advisers.",
    "Left to the usual pathway alone, these students would have dropped out by Easter.",
    "Left without our visits, Mrs Okafor would have gone back into hospital.",
    "Had our nurses not been embedded in the practice, none of these patients would be on treatment.",
])
def test_a_counterfactual_read_by_its_structure_is_flagged(overclaim_checker, text):
    assert RULE in _rules(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    # a future "if" with a simple past is a plan, not what would have happened without us
    "If the Thursday club closed, the members would find another venue.",
    # about us, or about things, not a person's or a system's outcome
    "Were the village hall to close, we would move the group to the library.",
    "Had we declined the invitation, we would have missed the conference.",
    "In the absence of a signed consent form, the referral would be returned to the GP.",
    "Take away the jargon and the plan is simple.",
    "Take the forms out of the pack and the folder would be much lighter.",
    "Seven of the women from the sewing group would have liked more sessions.",
    "Left to themselves, the children would play outside all day.",
    "Without the contract, we would have had to sell the minibus.",
])
def test_the_same_frames_about_us_or_things_pass(overclaim_checker, text):
    assert RULE not in _rules(overclaim_checker, text), text


def test_might_have_is_a_hedge_but_would_have_is_a_claim(overclaim_checker):
    # the decision for issue 15: "might have" says what could have happened (hedged: passes); "would have" says
    # what did not happen as if it were known (flagged), for a person and for a service not ours alike
    assert _rules(overclaim_checker, "Without our tenancy workers, Mr Quinn would have lost his flat.")
    assert not _rules(overclaim_checker, "Without our tenancy workers, Mr Quinn might have lost his flat.")
    assert RULE in _rules(overclaim_checker, "Were it not for our night shelter, the duty team would have been "
                                             "overwhelmed.")
    assert not _rules(overclaim_checker, "Were it not for our night shelter, the duty team might have been "
                                         "overwhelmed.")
