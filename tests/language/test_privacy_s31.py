"""(s31, issue 15) Privacy: a staff rota's slots as a table or a list, a service's own mailbox, a role at the only
workplace of its kind, a referral id of letter groups, a first name's own review, a cited thinker, a thing's name, the
place a group comes from, and a person "called" a nickname. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "| Thu | Late | Kofi Mensah |\n| Fri | Early | Ruth Abbott |",
    "Sun on-call: Imogen Price",
    "Early: Tariq Aziz / Late: Helen Moss",
])
def test_a_rota_slot_in_a_table_or_list_is_staff_on_shift(privacy, text):
    assert privacy.found(text) == []


@pytest.mark.parametrize("text, name", [
    ("| Thu | 10:00 | Kofi Mensah |", "Kofi Mensah"),  # a time and no shift: an appointment list
    ("Sun on-call: Imogen Price (back after surgery)", "Imogen Price"),  # more said of the person
])
def test_a_list_line_that_is_no_bare_shift_keeps_its_name(privacy, text, name):
    assert name in privacy.found(text, "privacy.person-name")


def test_a_service_mailbox_made_of_words_is_not_personal(privacy):
    assert privacy.found("Out of hours, email crisishub.team@example.org.uk.", "privacy.email") == []
    assert privacy.found("Her own address is a.price@example.org.uk.", "privacy.email") == ["a.price@example.org.uk"]


def test_a_role_at_the_only_workplace_of_its_kind_with_service_use(privacy):
    assert privacy.found("The caretaker of the village hall was referred to us in May.", "privacy.role-at-place") \
        == ["The caretaker of the village hall"]
    assert privacy.found("The caretaker of the village hall unlocks the room for our group.",
                  "privacy.role-at-place") == []


def test_a_referral_id_of_letter_groups_with_a_care_step(privacy):
    assert "KL/MH/0193" in privacy.found("Referral KL/MH/0193 was allocated on Friday.", "privacy.local-patient-id")
    assert privacy.found("Tender reference KL/MH/0193 was issued in May.") == []


def test_a_first_name_alone_owns_its_own_review(privacy):
    assert "Yonas" in privacy.found("An interpreter is booked for Yonas's review on Monday.", "privacy.person-name")


@pytest.mark.parametrize("text", [
    "Our groups follow the model described by Albert Bandura.",
    "Wilfred Bion (1897–1979) wrote about groups.",
    "In 1913 Elsie Mayhew opened a home for discharged patients here.",
])
def test_a_thinker_named_in_passing_is_no_private_person(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []


def test_a_plan_by_a_named_person_is_still_theirs(privacy):
    assert "Nadia Ross" in privacy.found("The safety plan developed by Nadia Ross sits in her notes.",
                                  "privacy.person-name")


@pytest.mark.parametrize("text", [
    "Our mobile unit is called Mabel.",
    "We named the new van Florence.",
])
def test_a_name_given_to_a_thing_is_the_things(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []


def test_the_place_a_group_of_people_comes_from(privacy):
    assert privacy.found("Residents from Shirley asked for an evening group.", "privacy.person-name") == []
    assert "Shirley" in privacy.found("Letters from Shirley arrive every week.", "privacy.person-name")


@pytest.mark.parametrize("text, name", [
    ('She is called "Hodo" by the women at the hostel.', "Hodo"),
    ("He asked us to use his nickname, Dheere, in the group.", "Dheere"),
])
def test_a_person_called_by_a_nickname(privacy, text, name):
    assert name in privacy.found(text, "privacy.person-name")


def test_an_office_of_the_only_local_body_with_the_person_ours(privacy):
    found = privacy.found("The chair of the village cricket club is on our caseload.", "privacy.role-at-place")
    assert found == ["The chair of the village cricket club"]
    assert privacy.found("The chair of the village cricket club asked us for a poster.") == []
