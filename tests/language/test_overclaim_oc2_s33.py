"""(oc2, session 33 round 2, issue 15) General causes of misses shared by the spent sets and s33:

* causal-fact reads a causal verb the small model tagged as a noun after a longer general subject (a preposition's
  phrase, a coordination, people as the object of an activity in -ing), its base form after a plural subject, and
  only the verbs of its own clause (a clause after a comma has its own);
* unsupported-change: a count of drop-in sessions is no change figure ("22 drop");
* absolute: a "nobody"/"no one" clause that denies loneliness, going without help or says a state ended ("any more");
* money-return: a pound put in and pounds that come back;
* proof-framing: a verb in -s tagged as a noun at the head of a "that" clause;
* guarantee: a guarantee someone else is pressed or asked to give is not ours;
* cleft-credit: "ours is why <a body acted>" as "ours is the reason ...".
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("Fuel poverty results in winter deaths, and a warm-home grant prevents them.", "overclaim.causal-fact"),
    ("Debt and cold in the home cause depression.", "overclaim.causal-fact"),
    ("Nobody who uses the befriending line is lonely any more.", "overclaim.absolute"),
    ("No tenant in our flats goes without help over Christmas.", "overclaim.absolute"),
    ("For every £5 the county puts into the allotment project, £18 comes back in saved GP time.",
     "overclaim.money-return"),
    ("Our advice line is why the council now repairs boilers within a week.", "overclaim.cleft-credit"),
])
def test_the_general_claims_are_flagged_by_their_rule(text, rule, overclaim_checker):
    assert rule in rules_reported(overclaim_checker, text)


@pytest.mark.parametrize("text", [
    "Volunteers staffed 14 drop-in lunches at the community centre.",
    "The youth forum is pressing the college to guarantee a counsellor on every campus.",
    "Sending letters home without a phone call results in fewer replies from parents.",  # no outcome after it
    "For every £10 we raise, £8 goes on direct support and £2 on the building.",  # a spending split, no return
])
def test_counts_asks_and_splits_are_not_claims(text, overclaim_checker):
    assert rules_reported(overclaim_checker, text) == set()


def test_a_noun_that_heads_a_that_clause_is_read_as_its_verb():
    from evidencebot.language.overclaim.proof import _misread_clause_verb
    from evidencebot.language.pipeline import parse

    doc = parse("The check-in data is proof that the befriending scheme works.")
    works = next(t for t in doc if t.lower_ == "works")
    if works.pos_ == "VERB":
        pytest.skip("this model reads 'works' as a verb")
    assert _misread_clause_verb(works)
    assert not _misread_clause_verb(next(t for t in doc if t.lower_ == "data"))
