"""(s29, issue 15) Privacy: an identifier of any shape after a reference noun with a person near it, the room, bed or
pitch one person sleeps in, and a role at a named place with the person's use of our service said of it. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from evidencebot import locations
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_privacy_rules([SHIPPED]) if r.kind != "learned"]


def _found(rules, nlp, text, rule):
    return [f.match for f in find_privacy(text, nlp(text), rules) if f.rule == rule]


@pytest.mark.parametrize("text, code", [
    ("referral 2026-RF-0412 - older man, came in with his neighbour", "2026-RF-0412"),
    ("Case 0417-C was closed once she had moved to Hull.", "0417-C"),
    ("He was case no 6608 on the outreach list last winter.", "6608"),
    ("Self-referral SR0093 - woman in her 40s, wants evening calls.", "SR0093"),
    ("Her number on the housing list is HX-22871, so quote that.", "HX-22871"),
])
def test_an_identifier_after_a_reference_noun_beside_a_person(rules, nlp, text, code):
    assert code in _found(rules, nlp, text, "privacy.local-patient-id")


@pytest.mark.parametrize("text", [
    "Please quote case reference 3310 when you write to the ICB about the contract variation.",
    "Log 5582 on the IT helpdesk is the laptop fault she reported.",
    "Referral 2025/26 targets were met and he presented them to the board.",
    "Our ITT reference 2291-MH is on every page, as she asked.",
])
def test_a_service_number_after_a_reference_noun_is_no_person_s(rules, nlp, text):
    assert _found(rules, nlp, text, "privacy.local-patient-id") == []


@pytest.mark.parametrize("text, room, rule", [
    ("Priya (room 8) was up all night and missed breakfast.", "room 8", "privacy.detail-beside-person"),
    ("Callum Reid, bay 5, refused his evening meds.", "bay 5", "privacy.detail-beside-person"),
    ("The woman in bed 2 has asked for a female worker.", "bed 2", "privacy.room-of-person"),
    ("He's now in room 15 at Harbour House and settling.", "room 15 at Harbour House", "privacy.room-of-person"),
])
def test_the_room_one_person_sleeps_in_is_reported(rules, nlp, text, room, rule):
    assert room in _found(rules, nlp, text, rule)


@pytest.mark.parametrize("text", [
    "Mark is in room 2 for the supervision session on Friday.",
    "She is in room 6 on Wednesdays for the clinic.",
    "We have booked training room 3 for the induction.",
])
def test_a_room_in_use_for_work_is_no_one_s_bedroom(rules, nlp, text):
    found = [f.rule for f in find_privacy(text, nlp(text), rules)]
    assert "privacy.room-of-person" not in found and "privacy.detail-beside-person" not in found


@pytest.mark.parametrize("text, role", [
    ("The head greenkeeper at Ilkley Golf Club has been coming to the men's group since May.",
     "The head greenkeeper at Ilkley Golf Club"),
    ("The groundsman at Bramley Cricket Club disclosed heavy drinking to our worker.",
     "The groundsman at Bramley Cricket Club"),
    ("The verger at St Wilfrid's in Ripon was referred to us by his GP.", "The verger at St Wilfrid's in Ripon"),
])
def test_a_role_at_a_named_place_with_our_service_said_of_it(rules, nlp, text, role):
    assert role in _found(rules, nlp, text, "privacy.role-at-place")


@pytest.mark.parametrize("text", [
    "The organist at St Wilfrid's in Ripon plays at our carol service.",
    "The practice manager at Moorside Surgery sent us the referral figures.",
    "The lead nurse at Airedale General has been seeing our staff for reflective practice.",
])
def test_a_role_at_a_named_place_doing_its_job_passes(rules, nlp, text):
    assert _found(rules, nlp, text, "privacy.role-at-place") == []
