"""(oc31) Over-claims read from the clause: a causal link said as fact in a pseudo-cleft or with a verb of harm,
and credit for a change other parties share (a cleft's focus, "the one who got ...", "made that happen",
"changed how the board ...", "exists because we ...", "made the estate safer", "the driving force behind ...").

Sentences written for these tests (none is from a labelled or held-out set). Each rule named is the one
that must report the sentence; a pass sentence must get no finding from the rule named with it.
"""

from __future__ import annotations

import pytest

FACT = "overclaim.causal-fact"
CAUSATIVE = "overclaim.credit-causative"
CREDIT = "overclaim.credit-claim"

FLAGS = [
    # a pseudo-cleft: the copula's subject is the cause
    (FACT, "Rent debt is what pushes young tenants into crisis."),
    (FACT, "Night-time noise is what drives relapse on busy hostels."),
    # verbs of harm
    (FACT, "Shame breeds isolation in men who gamble."),
    (FACT, "Shift work wrecks the mental health of junior doctors."),
    # a one-word subject the small model reads as an adjective
    (FACT, "Bereavement causes depression in widowers."),
    # "the one who got ..." with a noun of ours, not only "we were the ones"
    (CAUSATIVE, "Our tenancy officer was the one who got the landlord to replace the boiler."),
    # a cleft whose focus names a kind of service, and a thing made to happen
    (CAUSATIVE, "Weekend opening now runs at every surgery, and it was the federation that made it happen."),
    (CAUSATIVE, "We were the ones who made that happen."),
    # a verb of change whose clause says how an outside body acts
    (CAUSATIVE, "It was the recovery college that changed how the board hires peer staff."),
    # an outside body's act that exists or happened because of us
    (CAUSATIVE, "The trust's new carers' passport exists because our carers' forum kept asking for it."),
    (CAUSATIVE, "The council's decision to keep the library open happened because we refused to let it drop."),
    # a shared place made better
    (CAUSATIVE, "Our street pastors made the city centre a safer place at night."),
    (CAUSATIVE, "We made the estate safer for older residents."),
    # the idiom of making a thing known across a place
    (CAUSATIVE, "Our peer trainers put recovery colleges on the map in the north of the county."),
    # the driving force behind someone else's, or something new
    (CREDIT, "Our carers' forum was the driving force behind the hospital's new visiting policy."),
    (CREDIT, "We were the driving force behind the new discharge rules at the infirmary."),
]

PASSES = [
    # hedged, past, reported, limited, a question of what causes it
    (FACT, "Rent debt can be what pushes some tenants into crisis."),
    (FACT, "Rent debt was what pushed Mark into crisis."),
    (FACT, "Tenants told us rent debt is what pushes them into crisis."),
    (FACT, "What drives relapse on busy hostels is not yet clear."),
    (FACT, "Our rota is what decides who covers nights."),
    # a person, not ours; a request; our own event; our own process
    (CAUSATIVE, "Her neighbour was the one who got the landlord to replace the boiler."),
    (CAUSATIVE, "We were the ones who asked the landlord to replace the boiler."),
    (CAUSATIVE, "It was our volunteers who made the summer picnic happen."),
    (CAUSATIVE, "We changed how our team plans its rota."),
    (CAUSATIVE, "It was the pandemic that changed how the board hires staff."),
    # not us; nobody else's; hedged
    (CAUSATIVE, "The trust's new carers' passport exists because two ward sisters asked for it."),
    (CAUSATIVE, "Our new carers' leaflet exists because our forum asked for it."),
    (CAUSATIVE, "The council's review may have happened because we raised it."),
    # our own premises; not ours; an aim
    (CAUSATIVE, "Our volunteers made the café a calmer place on Fridays."),
    (CAUSATIVE, "The new street lights made the city centre safer."),
    (CAUSATIVE, "We hope to make the estate a safer place."),
    (CAUSATIVE, "We put the new leaflets on the table in reception."),
    (CAUSATIVE, "Her daughter put the day centre on the map for the taxi firm."),
    # someone else's force; our own club; one of several
    (CREDIT, "The council was the driving force behind the new pathway, and we took part in its design."),
    (CREDIT, "Our volunteers are the driving force behind the Friday lunch club."),
    (CREDIT, "We were not the driving force behind the new discharge rules."),
]


@pytest.mark.parametrize("rule, sentence", FLAGS)
def test_a_claim_read_from_the_clause_is_reported(overclaim_checker, rule, sentence):
    rules = {f.rule for f in overclaim_checker.check_text(sentence)}
    assert rule in rules, (sentence, rules)


@pytest.mark.parametrize("rule, sentence", PASSES)
def test_the_same_frame_said_carefully_passes(overclaim_checker, rule, sentence):
    rules = {f.rule for f in overclaim_checker.check_text(sentence)}
    assert rule not in rules, (sentence, rules)
