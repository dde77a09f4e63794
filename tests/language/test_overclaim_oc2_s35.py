"""(oc2, session 35 round 2, issue 15) Structures the misses of credit, counterfactual, causal-fact and certainty
shared across the spent sets s24-s35, read by the parse:

* counterfactual: "would otherwise be <doing>" (what would be going on now), a digital service of ours as the agent;
  a counted harm prevented with a past the small model tagged a participle; injuries and overdoses as counted harms;
* credit: a named service ("the X Project", "the DACT") turning a measure around or putting a thing on the map; "it"
  turned around after a superlative; "this office/administration" as a cleft's focus; a change won by what we did;
  a thing found across a whole place "because of" us;
* causal-fact: "so many" is no limiter; people named by "them" after a quantity; an infinitive of harm the small
  model hangs on the object;
* certainty: a guarantee of easing a health outcome within a time is no response time.

Every sentence here is new (written for these tests).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("The teenagers who come to our youth club would otherwise be roaming the precinct until midnight.",
     "overclaim.counterfactual-credit"),
    ("The chatbot answers hundreds of parents a week who would otherwise have phoned the health visitor.",
     "overclaim.counterfactual-credit"),
    ("The scheme avoided around 40 lost-time injuries in its first year.", "overclaim.counted-prevention"),
    ("The Bridge Project put peer-led groups on the map in the valleys.", "overclaim.credit-causative"),
    ("The befriending scheme put peer-led groups on the map in the valleys.", "overclaim.credit-causative"),
    ("When we took the contract, the service had the longest waits in the county; our staff turned it around.",
     "overclaim.credit-causative"),
    ("The DACT turned around the town's overdose figures in three years.", "overclaim.credit-causative"),
    ("It was this administration that got the transport authority to restore the late bus.",
     "overclaim.credit-causative"),
    ("Our petitioning won the change to how carers' assessments are scored.", "overclaim.credit-claim"),
    ("It was the charity's campaigning that secured the change in the parking rules at the hospital.",
     "overclaim.credit-claim"),
    ("Recovery cafés now exist across the region because of our federation.", "overclaim.credit-causative"),
    ("The borough's new hoarding protocol exists because the peer support network kept raising it.",
     "overclaim.credit-causative"),
    ("Shift rotas are what drive so many of them to drink.", "overclaim.causal-fact"),
    ("Isolation on the farm is what pushes so many young men to gamble.", "overclaim.causal-fact"),
    ("Taken as directed, the supplement is guaranteed to ease anxiety within ten days.", "overclaim.guarantee"),
])
def test_flagged(text, rule, overclaim_checker):
    assert rule in rules_reported(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Most parents would otherwise wait until Monday, so we keep the phone line open on Saturdays.",
    "We turned it around in two days and sent the report back to the commissioner.",
    "It was this office that posted the consultation letters last week.",
    "The council's lobbying won the change to the bus route.",
    "Our volunteers secured the changes to our own rota.",
    "We won a change of venue for the quiz.",
    "The drop-in exists because of our volunteers.",
    "The council's new hoarding protocol exists because the coroner kept raising it.",
    "We put the group's poster on the map of the ward.",
    "Shift work may drive some of them to drink.",
    "We guarantee a call back from a nurse within an hour.",
])
def test_passes(text, overclaim_checker):
    assert not rules_reported(overclaim_checker, text)
