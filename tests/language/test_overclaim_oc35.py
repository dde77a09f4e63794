"""(oc35, issue 15) Over-claim kinds that kept missing on fresh sets, read by structure:

* causal-fact: "X is why <people come to harm>", "the reason <people come to harm> is that ...", people made ill or
  made to burn out, people kept in a state of harm, a rate or risk of anything as the outcome, verbs of producing;
* credit: the writer alone ("I", "my") making a body act when nothing is quoted; a cleft whose focus is ours set
  against everyone else; credit owed to any noun of ours; an extra or additional service won;
* certainty: a piece of help said to work always or for everyone; a universal denied by a "no" subject;
* counterfactual: a counted harm said to have been prevented, whoever prevented it; "spare" as a verb of saving.

Every sentence here is new (written for these tests).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("Night work is why warehouse workers develop back pain.", "overclaim.causal-fact"),
    ("The reason tenants fall into arrears is that benefits are paid late.", "overclaim.causal-fact"),
    ("Cold flats make toddlers ill.", "overclaim.causal-fact"),
    ("Constant deadlines are what make junior doctors burn out.", "overclaim.causal-fact"),
    ("Financial abuse keeps women trapped in violent relationships.", "overclaim.causal-fact"),
    ("Overcrowded housing drives the rate of tuberculosis in the ward.", "overclaim.causal-fact"),
    ("Twelve-hour shifts produce burnout.", "overclaim.causal-fact"),
    ("I persuaded the housing association to scrap its service charge.", "overclaim.credit-causative"),
    ("It was us, not the health board, who brought the two waiting lists together.", "overclaim.contrast-cleft"),
    ("It was this cabinet, not the last one, that cleared the pothole backlog.", "overclaim.contrast-cleft"),
    ("The credit for the fall in school exclusions belongs to our youth coaches.",
     ("overclaim.credit-owed", "overclaim.effect-claim", "overclaim.attribution")),
    ("I delivered the additional evening clinic the surgery had been asking for.", "overclaim.credit-claim"),
    ("Our befriending always works.", "overclaim.universal-efficacy"),
    ("Knitting together always helps, whatever the week has been like.", "overclaim.universal-efficacy"),
    ("The crisis sanctuary avoided 74 A&E attendances over the winter.",
     ("overclaim.counted-prevention", "overclaim.causal-system-outcome")),
    ("The winter fund has averted 38 evictions since October.", "overclaim.counted-prevention"),
    ("The home fire safety team spared 35 households from serious injury.",
     ("overclaim.counted-prevention", "overclaim.causal-outcome")),
])
def test_a_claim_of_these_kinds_is_flagged(text, rule, overclaim_checker):
    assert rules_reported(overclaim_checker, text) & ({rule} if isinstance(rule, str) else set(rule))


@pytest.mark.parametrize("text", [
    # a why clause or a reason that names no harm; a reason that is one of several; our own admission
    "Night work is why the canteen opens at six.",
    "The reason people arrive early is that the bus is quicker.",
    "One reason people miss appointments is that the letters arrive late.",
    "The reason tenants fall into arrears is that we sent the forms late.",
    # make, keep: a state that is no harm
    "The heating keeps residents warm in the lounge.",
    "Good weather drives the number of visitors.",
    # the writer quoted, a person's own landlord, a promise to press
    "'I got the landlord to fix the damp,' she said.",
    "I got my landlord to fix the damp.",
    "I will be pressing ministers to keep the ward open.",
    # clefts without a contrast, with someone else in focus, or of time
    "It was our volunteers who ran the stall at the summer fair.",
    "It was the council, not us, that reopened the swimming pool.",
    "It was this year, not last year, that the grant was renewed.",
    # help that is a procedure, a thing, staff; denied universals
    "Our duty workers always help at the front desk on Mondays.",
    "The lift always works.",
    "No single approach works for everyone.",
    "No approach works for everyone, so we agree goals with each person.",
    "Peer coaching does not always work, so we review it with each person.",
    # counted things that are no harm, aims, people as the subject
    "The falls clinic aims to prevent 96 ambulance call-outs a year.",
    "Three tenants avoided eviction after their arrears were cleared by the council.",
    "We saved 40 minutes a visit by moving the files online.",
    "We can spare a room on Tuesdays.",
])
def test_a_near_miss_passes(text, overclaim_checker):
    assert not rules_reported(overclaim_checker, text), rules_reported(overclaim_checker, text)
