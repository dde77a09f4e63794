"""Structural readings generalised in session 22 (o22, issue 15) from the kinds the spent s20/s21 sets missed.

Each group names the rule that must report the sentence, so a test fails when the reading is lost even if
another rule happens to flag it. Sentences written for this test; none is from a labelled or held-out set.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def checker(checker_factory):
    return checker_factory("overclaim")


def _rules(checker, text: str) -> set[str]:
    return {f.rule for f in checker.check_text(text) if f.family == "overclaim"}


# --- a counterfactual whose condition opens the sentence and which the parser hangs elsewhere -----------------

@pytest.mark.parametrize("text", [
    # an inverted "had ... not" the parser makes the root
    "Had the mentors not stepped in, dozens of young people would have dropped out of college.",
    # "were it not for" as the root, the claim its dependent
    "Were it not for our befrienders, 40 older residents would have spent Christmas alone.",
    # "if it wasn't for", a quantity of people as the subject
    "If it wasn't for our drop-in, a lot of the tenants on the estate would have been evicted by now.",
    # "but for", a people noun made of two words
    "But for our outreach workers, several rough sleepers would have frozen.",
])
def test_an_opening_condition_that_takes_us_away_is_flagged(checker, text):
    assert "overclaim.counterfactual-credit" in _rules(checker, text)


@pytest.mark.parametrize("text", [
    # what someone else did, not us
    "Had the council not cut our funding, more families would have been seen.",
    # about us, not a person's outcome
    "Were it not for the grant, we would have closed the café.",
    # a question
    "If our nurses had not been there, would anyone have died?",
])
def test_a_condition_about_others_or_about_us_passes(checker, text):
    assert "overclaim.counterfactual-credit" not in _rules(checker, text)


# --- no relapse: a verb the tagger reads as a noun, going back to a habit of any name ---------------------------

@pytest.mark.parametrize("text", [
    # 'relapse' tagged as a noun at the root
    "Tenants who complete our course never relapse.",
    # 'reoffend' tagged as an adjective
    "Young people who join our group never reoffend.",
    # a universal subject and a verb read as a plural noun
    "No one in our groups reoffends after the first year.",
    # going back to a habit the vocabulary does not list
    "Nobody who finishes our programme ever goes back to shoplifting.",
    "None of our clients ever goes back to gambling.",
    "No one who finishes our course ever goes back to bingeing.",
])
def test_a_group_said_never_to_relapse_is_flagged(checker, text):
    assert "overclaim.generic-outcome" in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "Some members go back to smoking after the course.",
    "Staff never go back to checking the list by hand.",
    "None of our volunteers ever goes back to the office.",
    "We do not claim that tenants who complete our course never relapse.",
])
def test_part_of_a_group_staff_or_a_denial_passes_generic_outcome(checker, text):
    assert "overclaim.generic-outcome" not in _rules(checker, text)
