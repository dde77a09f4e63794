"""(s30, issue 15) Privacy: staff on a rota, named by the shift they work, are not people we support; a name with a
care event beside it still is. Sentences written for these tests."""

from __future__ import annotations

import pytest

from evidencebot import locations
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_privacy_rules([SHIPPED]) if r.kind != "learned"]


def _names(rules, nlp, text):
    return [f.match for f in find_privacy(text, nlp(text), rules) if f.rule == "privacy.person-name"]


@pytest.mark.parametrize("text", [
    "Rota for w/c 9 March: Kofi Mensah (early), Hannah Price (late shift), Dylan Evans (on call).",
    "Saturday rota - Aleksandra Nowak (reception), Tom Fairweather (groups).",
])
def test_names_on_a_rota_with_their_shift_are_staff(rules, nlp, text):
    assert _names(rules, nlp, text) == []


@pytest.mark.parametrize("text, name", [
    # the same bracket without a rota is no shift: the name is read as anyone's
    ("Kofi Mensah (early) came to the drop-in and stayed for lunch.", "Kofi Mensah"),
    # on a rota, but a care event is said of the name
    ("Rota note: Hannah Price (late) was admitted on Sunday night.", "Hannah Price"),
    # on a rota, but the bracket says what the person is to us, not a shift
    ("Night rota: Dylan Evans (resident) asked for a later curfew.", "Dylan Evans"),
])
def test_a_name_is_still_flagged_without_a_shift_on_a_rota(rules, nlp, text, name):
    assert name in _names(rules, nlp, text)
