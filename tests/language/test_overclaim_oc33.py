"""(oc33, issue 15) Session 33's over-claim changes, each read from the sentence's structure:

* the learned scorer does not score a superlative that ranks our own staff, rooms or times among themselves and says
  nothing else (the sentence that kept session 32's refit from shipping);
* promised-for-all reads the head of the complement's noun phrase: a document or procedure every person gets ("a
  written crisis and safety plan") is a procedure, not a promised outcome;
* causal-fact reads a clause in -ing as a pseudo-cleft's subject, people made to do what harms them, a general
  subject as "the reason" people do not act, and a change's "in";
* credit-causative reads an organisation named as someone who acts ("the park operators", "the coroner's office")
  as a body.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,ours", [
    ("Our most experienced worker leads the group.", True),
    ("Our busiest evening is Thursday.", True),
    ("The largest room is used for the Tuesday group.", True),
    ("Our newest service is the sanctuary, which opened in the spring.", True),
    ("Ours is the most experienced team in the county.", False),  # a predicate with a scope
    ("We run the most experienced crisis team in the region.", False),  # a wider set
    ("Our most experienced worker halved readmissions.", False),  # an outcome
    ("We run the biggest service.", False),  # a plain superlative on one of our agents, with "the"
    ("Most people on the caseload live alone.", False),  # "most" as a quantity
    ("Our most experienced worker is better than any agency nurse.", False),  # a comparison
])
def test_a_superlative_that_ranks_our_own_things_is_read_from_the_structure(text, ours):
    from evidencebot.language.overclaim.learned import _our_own_superlative
    from evidencebot.language.overclaim.words import W
    from evidencebot.language.phrasebank import load_vocabulary
    from evidencebot.language.pipeline import get_nlp

    vocab = load_vocabulary()
    low = lambda name: frozenset(str(w).lower() for w in vocab.get(name, []))  # noqa: E731
    claim_words = frozenset(w for name in W.own_superlative_claim_lists for w in low(name))
    sent = next(get_nlp()(text).sents)
    assert _our_own_superlative(sent, low("claim_agents"), low("plain_superlatives"), claim_words) is ours, text


def test_the_learned_scorer_leaves_our_own_superlative_unscored_even_at_any_threshold(monkeypatch):
    """With weights that read every sentence as a claim, the description of who leads a group is still not scored;
    the same sentence without the superlative is (the gate, not the weights, passes it)."""
    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_mod
    from evidencebot.language.checker import Checker
    from evidencebot.language.overclaim import learned

    model = dict(learned.load_model())
    model.update(weights={}, bias=30.0, threshold=0.5)
    monkeypatch.setattr(learned, "load_model", lambda dirs=None: model)
    checker_mod.clear_cache()
    try:
        c = Checker(settings=CheckerSettings(enabled_rules=["overclaim.learned-claim"]), families=["overclaim"])
        texts = ["Our most experienced worker leads the group.", "The largest room is used for the Tuesday group.",
                 "Our worker leads the group."]
        found = c.check_many([(t, "s.txt") for t in texts])
        scored = [any(f.rule == "overclaim.learned-claim" for f in fs) for fs in found]
        assert scored == [False, False, True]
    finally:
        checker_mod.clear_cache()


@pytest.mark.parametrize("text", [
    "Every person will have a written crisis and safety plan.",
    "We confirm that every person on the caseload will have a written crisis and safety plan.",
])
def test_a_document_every_person_gets_is_a_procedure_not_a_promised_outcome(text, overclaim_checker):
    assert "overclaim.promised-for-all" not in rules_reported(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    "Every family we house will stay out of debt for good.",
    "Every person will have a home of their own.",
])
def test_an_outcome_promised_for_everyone_is_still_flagged(text, overclaim_checker):
    assert "overclaim.promised-for-all" in rules_reported(overclaim_checker, text), text


def test_everyone_will_recover_is_still_an_over_claim(overclaim_checker):
    assert rules_reported(overclaim_checker, "Everyone will recover.")


@pytest.mark.parametrize("text", [
    "Working night shifts for years is what drives young men to drink.",
    "Loneliness is what makes people relapse in the first weeks after rehab.",
    "Debt is the reason young men do not ask their GP for help.",
    "Being evicted is what causes the spike in self-harm among young tenants.",
])
def test_general_causes_in_a_pseudo_cleft_or_a_reason_frame_are_flagged(text, overclaim_checker):
    assert "overclaim.causal-fact" in rules_reported(overclaim_checker, text), text


@pytest.mark.parametrize("text", [
    "Our rota is the reason people see a different worker each week.",
    "The bus timetable is the reason people arrive at ten.",
    "Debt may be the reason some young men do not ask their GP for help.",
])
def test_a_reason_that_is_ours_harmless_or_hedged_passes(text, overclaim_checker):
    assert "overclaim.causal-fact" not in rules_reported(overclaim_checker, text), text


@pytest.mark.parametrize("text,flag", [
    ("We made the bus operators start running a later service to the hospital.", True),
    ("Our service got the coroner's office to change how it writes to families.", True),
    ("We got the young people to plan the summer trip themselves.", False),
    ("We made the room feel warmer before the group arrived.", False),
    ("We got the young carers to plan the trip.", False),
])
def test_an_organisation_named_as_someone_who_acts_is_a_body_we_claim_to_have_moved(text, flag, overclaim_checker):
    assert ("overclaim.credit-causative" in rules_reported(overclaim_checker, text)) is flag, text
