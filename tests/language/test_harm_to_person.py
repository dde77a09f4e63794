"""A story's causal claim about one person, and a learned claim beside another rule's finding (session 18, o18).

A frontline worker's story sentence, "Our support completely stopped her crisis calls and saved the NHS
thousands of pounds", showed only the money finding: the causal rule did not read "her crisis calls" as an
outcome ("calls" is our own process in "we stopped the calls"), and the learned scorer, which reads what the
rules miss, skipped the whole sentence because the money rule had reported part of it. Sentences written for
this test.
"""

from __future__ import annotations

import json

import pytest

from tests.language.overclaim_rules import rules_reported as _rules

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker

CAUSAL = "overclaim.causal-outcome"
LEARNED = "overclaim.learned-claim"
STORY = "Our support completely stopped her crisis calls and saved the NHS thousands of pounds."


@pytest.fixture(scope="module")
def checker():
    return Checker(settings=CheckerSettings(), families=["overclaim"])


def test_the_story_sentence_shows_the_causal_claim_and_the_money_claim(checker):
    found = _rules(checker, STORY)
    assert "overclaim.money-return" in found
    assert CAUSAL in found


@pytest.mark.parametrize("text", [
    "Our support stopped her crisis calls.",
    "We stopped his calls to the crisis line.",
    "The service stopped her self-harming.",
    "Our team ended his drinking.",
    "Our advocates ended his nights in crisis.",
    "Our support ended Sam's crisis calls.",
])
def test_stopping_a_harm_to_a_person_is_a_causal_claim(checker, text):
    assert CAUSAL in _rules(checker, text)


@pytest.mark.parametrize("text", [
    "We stopped the calls.",  # no person: our own process
    "We ended her sessions when she moved away.",  # her sessions are our output
    "We did not stop her crisis calls.",  # negated
    "Her GP stopped her crisis calls.",  # not us
    "We hope to stop her crisis calls by the spring.",  # an aim
])
def test_careful_or_not_ours_is_not_a_causal_claim(checker, text):
    assert CAUSAL not in _rules(checker, text)


@pytest.fixture
def scores_everything(isolated_home, shipped_weights):
    """A user weights file that scores every sentence over its threshold: which spans the learned rule may
    report is then the engine's deferring alone."""
    from evidencebot import locations
    from evidencebot.language import checker as checker_mod
    from evidencebot.language.phrasebank import clear_cache

    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "overclaim-scorer.json").write_text(json.dumps(dict(shipped_weights, bias=50.0)), encoding="utf-8")
    clear_cache()
    checker_mod.clear_cache()
    yield
    clear_cache()
    checker_mod.clear_cache()


@pytest.fixture(scope="module")
def shipped_weights():
    from evidencebot import locations

    return json.loads((locations.packaged_dir("phrasebank") / "overclaim-scorer.json").read_text(encoding="utf-8"))


def test_the_learned_rule_defers_by_span_not_by_sentence(scores_everything):
    text = "Our peer workers broke the cycle of crisis for her and saved the NHS thousands of pounds."
    found = [f for f in Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(text)
             if f.family == "overclaim"]
    money = [f for f in found if f.rule == "overclaim.money-return"]
    learned = [f for f in found if f.rule == LEARNED]
    assert money, found
    # the clause the money rule did not report is scored on its own; the money clause is left to that rule
    assert [f.match for f in learned] == ["Our peer workers broke the cycle of crisis for her"]
    assert all(f.end <= m.start or m.end <= f.start for f in learned for m in money)


def test_a_sentence_whose_only_clause_another_rule_reported_is_left_to_it(scores_everything):
    text = "Our service saved the NHS thousands of pounds last year."
    found = [f for f in Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(text)
             if f.family == "overclaim"]
    assert "overclaim.money-return" in {f.rule for f in found}
    assert LEARNED not in {f.rule for f in found}
