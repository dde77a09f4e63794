"""(oc29) A causal link said as a general truth, and credit for a change another body made.

Sentences written for these tests (none is from a labelled or held-out set). Each rule named is the one
that must report the sentence; a pass sentence must get no over-claim finding at all.
"""

from __future__ import annotations

import pytest

GENERAL = "overclaim.causal-fact"
CAUSATIVE = "overclaim.credit-causative"
CREDIT = "overclaim.credit-claim"

FLAGS = [
    # a condition as the cause, no "our" anywhere
    (GENERAL, "Chronic pain drives heavy drinking in older men."),
    (GENERAL, "Insecure work leads to burnout and anxiety."),
    # a piece of help as the cause, present simple
    (GENERAL, "Daily structure prevents relapse in early recovery."),
    # a verb the small model reads as a plural noun ("fuels", "results")
    (GENERAL, "Overcrowding fuels anxiety in children."),
    (GENERAL, "Gambling harm results in family breakdown."),
    # we made an outside body act
    (CAUSATIVE, "We got the county council to reinstate the Sunday bus to the day hospital."),
    (CAUSATIVE, "It was our data that convinced commissioners to keep the night line open."),
    (CAUSATIVE, "Our carers pushed the trust into rewriting its discharge checklist."),
    # what changed said to be ours
    (CREDIT, "The trust's nurses helped, but the drop in missed appointments is ours."),
]

PASSES = [
    # hedged, limited to some, sourced, asked, negated: the same links said carefully
    "Chronic pain can drive heavy drinking in some older men.",
    "Insecure work leads to burnout for many of the people we see.",
    "Research suggests that regular contact with a peer worker prevents relapse.",
    "According to the 2024 review, overcrowding fuels anxiety in children.",
    "Overcrowding is linked with anxiety in children (Ortiz 2021).",
    "Does insecure work lead to burnout?",
    "No claim is made here that peer contact prevents relapse.",
    # past events and things that are not outcomes
    "The storm caused a power cut at the hostel.",
    "A phone call leads to an appointment within a week.",
    # asking, working with, helping, or making a person act
    "We asked the county council to reinstate the Sunday bus.",
    "We worked with the trust on its discharge checklist.",
    "We got him to come to the Wednesday group.",
    "It was our turn to chair the partnership board.",
    # ours, but not a change, or only a part of it
    "The decision is ours.",
    "The rise in attendance was partly our work.",
]


@pytest.mark.parametrize("rule, sentence", FLAGS)
def test_a_general_causal_link_or_a_credited_change_is_reported(overclaim_checker, rule, sentence):
    rules = {f.rule for f in overclaim_checker.check_text(sentence)}
    assert rule in rules, (sentence, rules)


@pytest.mark.parametrize("sentence", PASSES)
def test_a_careful_link_or_shared_credit_passes(overclaim_checker, sentence):
    found = [f.rule for f in overclaim_checker.check_text(sentence) if f.family == "overclaim"]
    assert not found, (sentence, found)


def test_ours_to_explain_is_not_credit(overclaim_checker):
    # a duty, not a claim: the change is ours to account for ("vague-size" may still read "fall" on its own)
    rules = {f.rule for f in overclaim_checker.check_text("The fall in complaints is ours to explain to the board.")}
    assert CREDIT not in rules, rules
