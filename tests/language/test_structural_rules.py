"""The structural over-claim rules (on by default from session 11): read by grammar, not by a list of the words.

``overclaim.vague-size``: any adjective on a noun of change, or degree adverb on a verb of change,
with no figure in the sentence, whatever the word is (words no list holds are read like "huge").
``overclaim.universal-outcome``: a universal quantifier over people as the subject of an active,
finite verb that is not the service's own process, being or having. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker

RULES = ["overclaim.vague-size", "overclaim.universal-outcome"]
CASES = [
    ("overclaim.vague-size", True, "Engagement has shown a phenomenal rise since the redesign."),
    ("overclaim.vague-size", True, "Feedback shows a seismic shift in how carers see the service."),
    ("overclaim.vague-size", True, "Participants make whopping gains in confidence."),
    ("overclaim.vague-size", False, "There has been a slight drop in missed appointments."),
    ("overclaim.vague-size", False, "Missed appointments fell from 14% to 9% between Q1 and Q3, a marked drop."),
    ("overclaim.vague-size", False, "Anxiety among young people has risen sharply across the country."),
    # a change sized by its predicate, or by a verb that is a size in itself (session 11)
    ("overclaim.vague-size", True, "The improvement in tenants' sleep was extraordinary."),
    ("overclaim.vague-size", True, "Rent arrears on the estate have nosedived."),
    ("overclaim.vague-size", False, "The rise in referrals was temporary."),
    ("overclaim.vague-size", False, "The fall in arrears was due to the new council policy."),
    ("overclaim.universal-outcome", True, "Every young person who completes the course returns to education or training."),
    ("overclaim.universal-outcome", True, "Everyone who uses the service settles into a routine."),
    ("overclaim.universal-outcome", False, "All staff complete safeguarding training every year."),
    ("overclaim.universal-outcome", False, "Every tenant has a named worker."),
    ("overclaim.universal-outcome", False, "Every client can ask for a different worker."),
    # a promise for everyone: a modal of the future with a verb of a person's outcome (session 11)
    ("overclaim.universal-outcome", True, "Each of the men in the shed group will overcome his isolation."),
    ("overclaim.universal-outcome", False, "Everyone will receive a call within two days of referral."),
]


@pytest.fixture(scope="module")
def checker():
    return Checker(settings=CheckerSettings(enabled_rules=RULES), families=["overclaim"])


@pytest.mark.parametrize("rule, flagged, sentence", CASES, ids=[c[2][:40] for c in CASES])
def test_structural_rule(checker, rule, flagged, sentence):
    rules = {f.rule for f in checker.check_text(sentence) if f.family == "overclaim"}
    assert (rule in rules) is flagged, (rule, sorted(rules))


def test_a_heading_with_no_verb_is_read_and_flagged(checker):
    # the climb from the noun to its verb stops at the root (it looped for ever on a verbless heading)
    rules = {f.rule for f in checker.check_text("A massive drop in missed appointments") if f.family == "overclaim"}
    assert "overclaim.vague-size" in rules


def test_structural_rules_are_on_by_default(checker_factory):
    """Switched on in session 11: over 13 writers left out one at a time, pooled recall rose with
    pooled precision above 0.95 (bench/overclaim_lowo.py)."""
    found = checker_factory("overclaim").check_text("Engagement has shown a phenomenal rise since the redesign.")
    assert "overclaim.vague-size" in {f.rule for f in found}


def test_two_rules_that_defer_to_each_other_still_report_the_sentence():
    """The learned scorer and a structural rule both defer to ``overclaim.*``: when both matched the
    same sentence each dropped the other's finding and the sentence went unreported (session 11)."""
    checker = Checker(settings=CheckerSettings(enabled_rules=[*RULES, "overclaim.learned-claim"]),
                      families=["overclaim"])
    sentence = "Every young person on the scheme will return to education within a year."
    rules = [f.rule for f in checker.check_text(sentence) if f.family == "overclaim"]
    assert rules == ["overclaim.universal-outcome"], rules
