"""Sessions held at a place the buyer names do not make it our base (issue 12, s31).

Found doing the bid writer's job in the app: "... and how you will run sessions at <a partner's GP surgery>" was read
as the place the service operates from, so the answer said the service is based at the surgery. Sentences written for
this test.
"""

import pytest

from evidencebot.compose import tender_profile as tp


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(name, kind) for name, _, _, kind in tp._places(text)]


@pytest.mark.parametrize("text", [
    "Explain how you will run sessions at the Brook Lane Centre each week.",
    "The service will deliver weekly groups at the Elm Tree Centre.",
    "Describe how your team will run clinics at the Quayside Hub.",
])
def test_sessions_groups_or_clinics_at_a_place_make_it_no_base(text):
    # (each sentence was read as our base before the change)
    assert _kinds(text) == []


@pytest.mark.parametrize("text, name", [
    ("The service will operate from the Hartley Wellbeing Hub.", "the Hartley Wellbeing Hub"),
    ("Describe how you will run the service from the Dene Centre.", "the Dene Centre"),
])
def test_working_from_a_place_still_makes_it_the_base(text, name):
    assert (name, "base") in _kinds(text)
