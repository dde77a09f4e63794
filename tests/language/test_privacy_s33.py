"""(s33, issue 15) Privacy by structure: names in a staff frame (a rota, an on-call or duty line, supervision pairs, a
training record, apologies, a staff table, a signature) are staff at work unless the paragraph ties someone to a
person's care or private life; a post's title, a network's own name, an organisation's handle and a product named by
an apposition are no person; a record about one worker's health or absence is reported whole; a name before a
person's care document, a name owning a family, the authors of a citation. Sentences written for these tests (each
fails on main 191a5139, or guards a flag beside one that does)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Rota for the week of 9 February: Dorcas on earlies, Lewis and Mirela on lates, Dorcas on the duty phone Friday.",
    "On-call this weekend is Tadhg Brennan, then Yusra Malik from Sunday noon.",
    "Supervision pairs from April: Ines with Rhys, Obinna with Rhys.",
    "Training record: Lowenna Tregear and Ciaran Boyle completed the ligature awareness module.",
    "Staff meeting apologies: Tomos, Ngozi and Harriet.",
    "Name | Role | Base\nKofi A | Recovery worker | Hub\nMererid J | Administrator | Hub",
    "Kind regards,\nAnnika Lindqvist\nHead of Community Services",
])
def test_names_in_a_staff_frame_are_staff(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []
    assert privacy.found(text, "privacy.labelled-name") == []


@pytest.mark.parametrize("text, part", [
    ("Rota note: Benedikt Vogel (resident, flat 5) needs prompting with his insulin at breakfast.", "Benedikt Vogel"),
    ("Duty log: Marisol Quintero rang the on-call phone three times overnight, tearful.", "Marisol Quintero"),
    ("Late shift: please check on Aurelio after his discharge from the ward this afternoon.", "Aurelio"),
    ("On-call: Fenella Marsh's landlord has served notice again.", "Fenella Marsh"),
    ("Supervision notes - Kwesi (support worker). Kwesi told me he has been diagnosed with diabetes.", "Kwesi"),
])
def test_a_staff_line_about_a_person_we_support_still_flags(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "Each site keeps a named Designated Safeguarding Lead on shift.",
    "Concerns can go to our Freedom to Speak Up Guardian in confidence.",
    "News about the café goes out on Instagram every Friday.",
    "Young people can use Calm Harm, a free app, between sessions.",
    "The advice centre posts updates as @RiversideAdviceHub on every network.",
])
def test_a_post_a_network_a_product_or_an_organisations_handle_is_no_person(privacy, text):
    assert privacy.found(text) == []


def test_a_persons_handle_still_flags(privacy):
    text = "He keeps messaging the girls from @dazza_k1990 late at night."
    assert privacy.covered(text, "@dazza_k1990")


@pytest.mark.parametrize("text, part", [
    ("Sickness absence: Morwenna Hale (Recovery Worker) - 11 days, migraine, return to work interview done.",
     "Morwenna Hale"),
    ("Occupational health report for Dafydd Rees, Support Worker: back injury, no lifting for six weeks.", "back injury"),
    ("Disciplinary outcome - Lorna Petrie, Night Worker. First written warning for leaving a shift early.",
     "First written warning for leaving a shift early"),
])
def test_a_record_about_one_workers_health_or_conduct_is_reported_whole(privacy, text, part):
    assert privacy.covered(text, part, {"privacy.staff-private-life"})


@pytest.mark.parametrize("text", [
    "Sickness absence: Crisis Team - 5.2% this quarter against a 4% target.",
    "Sickness absence fell in every team in 2025/26.",
])
def test_a_teams_absence_figure_is_no_persons(privacy, text):
    assert privacy.found(text) == []


@pytest.mark.parametrize("text, part", [
    ("Somali interpreter arranged for Hodan Abdullahi's care review next week.", "Hodan Abdullahi"),
    ("Catriona Mulvey's family want to be at the discharge meeting.", "Catriona Mulvey"),
])
def test_a_name_before_a_care_document_or_owning_a_family_is_a_person(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "The model follows earlier work on peer support (Repper, Carter and Watson, 2013).",
    "Davidson, L. (2003) Living Outside Mental Illness. New York: NYU Press.",
])
def test_the_authors_of_a_citation_are_cited(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []


def test_a_bed_and_its_room_beside_a_name_are_one_finding(privacy):
    text = "Bed 2, Room 14 - Joanna Varga. Checks every hour overnight."
    assert privacy.covered(text, "Bed 2, Room 14")


@pytest.mark.parametrize("text", [
    "Families can text the crisis team on 07700 900 789 after six.",
    "Head office\nTel: 0113 496 0777 (switchboard)",
    "Best wishes, Marta Kowalczyk Senior Practitioner Brightwater Recovery Trust",
    "We post the week's groups on Twitter and Facebook every Monday.",
])
def test_a_teams_number_a_joined_signature_and_a_network_are_no_persons(privacy, text):
    assert privacy.found(text) == []


def test_a_persons_number_with_a_word_after_it_still_flags(privacy):
    text = "Her own mobile 07700 900 456 (switchboard at her work is no use) is best."
    assert privacy.covered(text, "07700 900 456")


@pytest.mark.parametrize("text, part", [
    ("Cafe rota\nTue: Wenonah, Idris\nWed: Carys (not the 12th - chemo)", "(not the 12th - chemo)"),
    ("Apologies: Bronwen Hale (in hospital for tests), Yemi", "(in hospital for tests)"),
])
def test_a_workers_health_in_brackets_after_a_name_is_reported(privacy, text, part):
    assert privacy.covered(text, part, {"privacy.staff-private-life"})


def test_every_name_of_a_rota_that_says_a_workers_health_stays_flagged(privacy):
    text = "Cafe rota\nTue: Wenonah, Idris\nWed: Carys (not the 12th - chemo)"
    assert privacy.covered(text, "Idris")


@pytest.mark.parametrize("text", [
    "Rota\nMon: Kiri Hart (stress management group)\nTue: Olwen Price (duty)",
])
def test_a_group_on_stress_in_brackets_is_no_workers_health(privacy, text):
    assert privacy.found(text, "privacy.staff-private-life") == []


@pytest.mark.parametrize("text", [
    "The children picked Mr Bump, Mr Tickle and Little Miss Sunshine from the Mr Men books to talk about feelings.",
])
def test_titled_names_listed_with_a_titled_thing_are_characters(privacy, text):
    assert privacy.found(text, "privacy.person-name") == []


@pytest.mark.parametrize("text, part", [
    ("Mr Dlamini and Mrs Achebe came to the carers' group and talked about their favourite characters.", "Mr Dlamini"),
    ("Mr Dlamini, Mrs Achebe and Mr Obi joined the book club.", "Mrs Achebe"),
])
def test_titled_people_in_a_list_are_still_people(privacy, text, part):
    assert privacy.covered(text, part)


def test_a_characters_storyline_is_a_broadcasts(privacy):
    text = "The men's group talked about Phil Mitchell's storyline on drinking after the episode aired."
    assert privacy.found(text, "privacy.person-name") == []
