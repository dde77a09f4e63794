"""(oc2, session 34 round 2, issue 15) Credit taken for a change many parties share, by its structure, and
capitalised names that hold claim words:

* credit-causative: we or one of our kinds of service "turned around" a shared place, a measure or the way an outside
  body acts; "moved"/"led" an outside body to act;
* credit-claim: the writer alone ("I") securing, winning or delivering a new public service;
* names: a capitalised run after any lower-case word, a company's legal form or kind, training given a name.
"""

from __future__ import annotations

import pytest

from tests.language.overclaim_rules import rules_reported


@pytest.mark.parametrize("text,rule", [
    ("Our befrienders turned the north estate around in eighteen months.", "overclaim.credit-causative"),
    # (a measure of outcomes: the causal rule, which the credit check defers to, may take it first)
    ("The outreach team turned around the attendance figures at the two academies.",
     ("overclaim.credit-causative", "overclaim.causal-outcome")),
    ("Our advocates turned around the way the landlord deals with damp.", "overclaim.credit-causative"),
    ("Our carers' group moved the trust to open a second respite ward.", "overclaim.credit-causative"),
    ("Our peer workers led the borough into commissioning a crisis house.", "overclaim.credit-causative"),
    ("I secured the new memory clinic for the valley.", "overclaim.credit-claim"),
    ("I campaigned for the new night bus route and I delivered it.", "overclaim.credit-claim"),
    ("I pushed for, and won, the new youth hub on the high street.", "overclaim.credit-claim"),
])
def test_credit_for_a_shared_change_is_flagged(text, rule, overclaim_checker):
    assert rules_reported(overclaim_checker, text) & ({rule} if isinstance(rule, str) else set(rule))


@pytest.mark.parametrize("text", [
    "We turned the tables around before the Tuesday session.",
    "We turn most housing forms around within three working days.",
    "The council's own team turned the estate around.",
    "Our volunteers moved the piano to the back of the hall.",
    "Our coordinator led the practice nurses into the new building for the tour.",
    "I won a place on the new bakery course.",
    "I secured a new flat near my sister last spring.",
    "I delivered the new leaflets to every surgery in the town.",
    # capitalised names holding claim words
    "Twelve volunteers have now completed Zero Harm Alliance training.",
    "Proven Steps CIC runs the money advice strand of the contract.",
    "The leaflets were designed with Total Change Creative, a Cardiff studio, this spring.",
])
def test_own_acts_gains_and_names_pass(text, overclaim_checker):
    assert not rules_reported(overclaim_checker, text)


@pytest.mark.parametrize("text,name", [
    ("Thirty volunteers have now completed Zero Suicide Alliance training.", "Zero Suicide Alliance training"),
    ("Proven Steps CIC runs the money advice strand of the contract.", "Proven Steps CIC"),
    ("Our booking system was built with Step Change Digital, an Edinburgh studio.", "Step Change Digital"),
])
def test_a_capitalised_name_is_read_as_a_name(text, name):
    from evidencebot.language.overclaim.engine import _titled_names
    from evidencebot.language.pipeline import get_nlp

    doc = get_nlp()(text)
    assert name in [doc[a:b].text.removeprefix("the ") for a, b in _titled_names(doc)]


def test_a_capitalised_run_with_no_name_after_it_is_read():
    from evidencebot.language.overclaim.engine import _titled_names
    from evidencebot.language.pipeline import get_nlp

    assert not _titled_names(get_nlp()("Staff said the service Always Prevents Every Crisis here."))


@pytest.mark.parametrize("text", [
    "The council built the new clinic and I delivered the training for staff.",
    "The trust opened the new crisis café last spring and I secured funding for the volunteers.",
])
def test_a_joined_verb_with_its_own_subject_does_not_take_the_first_verbs_object(text):
    """Review, session 34: 'I delivered' took the council's 'new clinic' as what the writer won, an empty span."""
    from evidencebot.language.checker import check_text

    assert not [f for f in check_text(text) if f.rule == "overclaim.credit-claim"]
