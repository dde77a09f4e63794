"""(oc36, issue 15) Over-claim kinds that kept missing on fresh sets, read by structure:

* causal-fact: the pseudo-cleft the other way round ("what drives X is Y"), "so many" in "the reason ...", an object
  the small model reads as a particle or hangs an -ing outcome on, a causal verb read as a noun before an outcome read
  as a verb, an -ing subject before a misread verb, a clause on people that names an outcome, conditions as outcomes;
* credit: an outside body's decision put down to us ("because we ...", "thanks to our ..."), a new thing that exists
  because of us, "behind" on the copula, "is why" and "now", what a won thing kept or brought back, a body stopped
  from an act in -ing;
* certainty: a piece of help said to work for everyone when "works" is read as a noun; "not every" denies a universal;
* counterfactual: counted people "who would otherwise have ...", whoever's help; "rescue" as a verb of prevention.

Every sentence here is new (written for these tests, not taken from a dev or held-out set).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("What drives young carers into poverty is the lack of respite for their parents.", "overclaim.causal-fact"),
    ("The reason so many farmers drink alone is that the markets have closed.", "overclaim.causal-fact"),
    ("Night shifts cause burnout in hospital porters.", "overclaim.causal-fact"),
    ("Rent arrears drive problem drinking among young tenants.", "overclaim.causal-fact"),
    ("Poverty shortens lives.", "overclaim.causal-fact"),
    ("Being excluded from school results in poorer mental health.", "overclaim.causal-fact"),
    ("Long waits cause older patients to be admitted with delirium.", "overclaim.causal-fact"),
    ("Air pollution causes dementia.", "overclaim.causal-fact"),
    ("A settled home breaks the cycle of addiction.", "overclaim.causal-fact"),
    ("Because we kept writing to them, the health board reversed its cut to the sitting service.",
     "overclaim.credit-causative"),
    ("Thanks to our petition, the county council dropped the charge for day care.", "overclaim.credit-causative"),
    ("The new youth bus exists because of our volunteers.", "overclaim.credit-causative"),
    ("It was our appeal that stopped the board closing the night shelter.", "overclaim.credit-causative"),
    ("Our people are behind the city's record employment rate.", "overclaim.credit-claim"),
    ("Our forum is why carers now sit on every hospital discharge panel.", "overclaim.credit-claim"),
    ("We are the reason the village swimming pool was rescued.", "overclaim.credit-claim"),
    ("I won the grant that saved the toy library.", "overclaim.credit-claim"),
    ("Creative writing works for everyone.", "overclaim.universal-efficacy"),
    ("Sixty tenants who would otherwise have been evicted kept their flats this year.",
     "overclaim.counterfactual-credit"),
    ("Our tenancy team rescued 55 tenancies from possession proceedings.",
     ("overclaim.counted-prevention", "overclaim.causal-outcome")),
])
def test_a_claim_of_these_kinds_is_flagged(text, rule, overclaim_checker):
    assert rules_reported(overclaim_checker, text) & ({rule} if isinstance(rule, str) else set(rule))


@pytest.mark.parametrize("text", [
    # a pseudo-cleft or a reason about costs or about our own doings; "what" with no outcome
    "What pushes the price of the minibus up is the insurance.",
    "What brings us together is a love of gardening.",
    # a cause that is not us acting, no decision, or no outside body
    "Because our lease ended, the landlord reopened the shop as a café.",
    "Because we asked, the council sent the minutes on Friday.",
    "Because we booked early, the group could use the big hall.",
    "The council reopened the pool because of public demand.",
    # behind: a place, someone else's thing; a reason that changes nothing
    "Our office is behind the council's depot.",
    "Our staff are behind the reception desk until six.",
    "Our rota is why the group meets on Thursdays.",
    # a won thing that is a person's own, or a meeting
    "I secured a place on the scrutiny panel.",
    # denied universals; premises transformed
    "Not every carer on our list stays well, so we ring each one monthly.",
    "We transformed the old kitchen into a meeting room.",
    # "would otherwise" with nobody counted; "rescue" with no count
    "Most people would otherwise wait a fortnight, so we open a clinic on Saturdays.",
    "We rescued the leaflets from the rain.",
])
def test_a_near_miss_passes(text, overclaim_checker):
    assert not rules_reported(overclaim_checker, text), rules_reported(overclaim_checker, text)
