"""(s32, issue 15) Privacy by structure: an identifier of any shape after a label that makes it a person's, a user name
of letters alone after a word for one, a date of birth in more formats and tied to a person by an age or a GP
registration, a named GP practice with a date of birth, and a name that is also a word held by a person frame.
Sentences written for these tests (each fails on main eb8a552a, or guards a pass beside one that does)."""

from __future__ import annotations

import pytest


BIRTH = ("privacy.date-of-birth", "privacy.practice-birth-date")


@pytest.mark.parametrize("text, part", [
    ("His works number was 88120 at the mill, his daughter told us.", "88120"),
    ("Mum's customer account 40-1187-22 is the one the water company cut off.", "40-1187-22"),
    ("Her early help ref, FS.4471.22, was closed when she moved.", "FS.4471.22"),
    ("Payroll 0071134 is on the payslip he brought to the drop-in.", "0071134"),
])
def test_an_identifier_after_a_persons_label_of_any_shape(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "Our customer account with the printer is 40-1187-22.",
    "The staff number went up to 52 in 2025.",
    "Release 4.4471.22 of the rota app fixed the login.",
])
def test_a_services_own_number_is_no_ones(privacy, text):
    assert privacy.found(text) == []


@pytest.mark.parametrize("text, part", [
    ("Her Snapchat username is moonbeamz and men from the park add her.", "moonbeamz"),
    ("He games under the gamertag NightRaven with adults he has never met.", "NightRaven"),
    ("His TikTok account: lilprinceleo, where he films the stairwell.", "lilprinceleo"),
    ("She was messaged from instagram.com/tazz.b.k about the party.", "instagram.com/tazz.b.k"),
])
def test_a_user_name_without_digits_after_a_word_for_one(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "His TikTok account was closed after the report.",
    "Usernames should never be written on the form.",
    "Her Instagram profile is public, so the worker could see it.",
])
def test_a_plain_word_about_an_account_is_no_user_name(privacy, text):
    assert privacy.found(text, "privacy.social-handle") == []


@pytest.mark.parametrize("text, part", [
    ("Born the first of May, nineteen sixty-eight, in Dewsbury.", "first of May, nineteen sixty-eight"),
    ("His DOB is 7/2/'99 on the tenancy form.", "7/2/'99"),
    ("D.O.B. 30.vi.1981 on the old card.", "30.vi.1981"),
    ("DOB 1984/03/17 on the referral.", "1984/03/17"),
    ("Her d.o.b. is 4 Feb '71.", "4 Feb '71"),
    ("She put 19.12.1975 as her date of birth.", "19.12.1975"),
    ("Aged 68 (09/11/1957), he sleeps in his van.", "09/11/1957"),
    ("Age 70 - 3.3.1955 - lives alone.", "3.3.1955"),
    ("He registered with the GP giving 21.4.1987 and a friend's address.", "21.4.1987"),
])
def test_a_date_of_birth_in_more_formats_and_frames(privacy, text, part):
    assert privacy.covered(text, part, BIRTH)


@pytest.mark.parametrize("text", [
    "Aged 68, he came to the lunch club on 9 November 2025.",
    "The minutes of 4/11/'24 record the vote.",
    "Wharf Street Surgery was rebuilt in 1987 and hosts our Thursday clinic.",
])
def test_a_date_that_is_no_birth(privacy, text):
    assert privacy.found(text, "privacy.date-of-birth") == []
    assert privacy.found(text, "privacy.practice-birth-date") == []


def test_a_named_practice_and_a_date_of_birth_are_one_finding(privacy):
    text = "Patient at Wharf Street Surgery, born 2.8.77, lives alone."
    assert privacy.covered(text, "Wharf Street Surgery, born 2.8.77")


@pytest.mark.parametrize("text, name", [
    ("Hope, the girl from the top flat, has run away again.", "Hope"),
    ("Will, her cousin, stays with them at weekends.", "Will"),
    ("Brook, the toddler, was not brought to the clinic.", "Brook"),
    ("Grace | 33 | fleeing abuse | referred by police", "Grace"),
    ("Sonny | 16 | excluded | referred by school", "Sonny"),
])
def test_a_common_word_name_in_a_person_frame(privacy, text, name):
    assert name in privacy.found(text, "privacy.person-name")


@pytest.mark.parametrize("text", [
    "Grace | 2024 | 2025 | change",
    "Sonny | 16 | 12 | 9",
    "May | 14 | rising | on target",
    "Hope, the theme of the day, came up again and again.",
])
def test_a_common_word_with_no_person_frame(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []
