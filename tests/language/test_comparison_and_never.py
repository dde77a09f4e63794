"""Two structural readings added from the misses of the spent s16-s17b sets (session 18, o18).

``overclaim.comparison-claim``: a comparative with a standard ("better than", "compared with") in a sentence
that names us, with no figure and no source. ``overclaim.people-never-always``: the people we support as the
subject of a verb with "never" or "always" that is not a fact of process. Sentences written for this test
(none is from a labelled set).
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported as _rules

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker


@pytest.fixture(scope="module")
def checker():
    # the learned scorer off: these are the rules' readings, not the scorer's
    return Checker(settings=CheckerSettings(disabled_rules=["overclaim.learned-claim"]), families=["overclaim"])


@pytest.mark.parametrize("text", [
    "Our peer support model works better than the talking therapies offered elsewhere in the county.",
    "People referred to our navigators recover faster than those who wait for the community team.",
    "Compared with the previous provider, our crisis line is simply more effective.",
    "Young carers in our project achieve higher grades than their classmates.",
])
def test_an_unsourced_comparison_with_others_is_flagged(checker, text):
    assert "overclaim.comparison-claim" in _rules(checker, text)


@pytest.mark.parametrize("text", [
    # a shortfall, a measure against a named standard, a source, a figure, an aim, a hedge
    "Our waiting times were longer than the national average last winter.",
    "Our did-not-attend rate is higher than the regional average, and we are working on it.",
    "According to the council's audit, our tenants were rehoused sooner than tenants elsewhere.",
    "Our team saw people within 9 days, faster than the 14-day standard.",
    "We hope to respond sooner than the old service did.",
    "Our groups may work better than one-to-one sessions for some people.",
    "We had fewer volunteers than we planned for this year.",
])
def test_a_careful_or_sourced_comparison_passes(checker, text):
    assert "overclaim.comparison-claim" not in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "Members who come to the Thursday allotment never go back to drinking.",
    "Callers always end the call feeling safer than when they rang.",
    "Women who use the refuge never go back to their abusers.",
])
def test_never_or_always_of_the_people_we_support_is_flagged(checker, text):
    assert "overclaim.people-never-always" in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "Carers always receive a copy of the plan.",  # a fact of process
    "Tenants never wait more than a day for a visit.",
    "Some members never settle into the group, and we talk with them about other options.",  # a part of them
    "Members may never go back to drinking, but we cannot know that from a year of contact.",  # hedged
])
def test_never_or_always_of_process_or_a_part_passes(checker, text):
    assert "overclaim.people-never-always" not in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "Loneliness scores among the men fell by a staggering amount over the year.",
    "School attendance among the young people we mentor rose by a considerable margin.",
])
def test_a_change_sized_by_a_vague_amount_is_flagged(checker, text):
    assert "overclaim.vague-amount" in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "Loneliness scores fell by 6 points, from 42 to 36, between the first and last sessions.",
    "We cannot say that attendance rose by a considerable margin.",
])
def test_a_sized_or_negated_amount_passes(checker, text):
    assert "overclaim.vague-amount" not in _rules(checker, text)
