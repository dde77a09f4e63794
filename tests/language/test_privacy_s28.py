"""(s28) Privacy: names of many origins, an initial after a name, a title written in capitals or lower case, a year
of birth in brackets, a rota's day labels, bank details written as notes write them, and shops that are no one's
name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from evidencebot import locations
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_privacy_rules([SHIPPED]) if r.kind != "learned"]


def _found(rules, nlp, text, rule="privacy.person-name"):
    return [f.match for f in find_privacy(text, nlp(text), rules) if f.rule == rule]


@pytest.mark.parametrize("text, name", [
    ("Nomvula rang the duty line twice on Sunday night.", "Nomvula"),
    ("We met Takeshi at the library to go through his housing form.", "Takeshi"),
    ("Tharshini missed her appointment because the bus was cancelled.", "Tharshini"),
    ("Mpho told us the new tablets make him sleepy.", "Mpho"),
])
def test_first_names_of_many_origins_are_names(rules, nlp, text, name):
    assert name in _found(rules, nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Allocations | Worker\nNkechi O | Dana\nRuairi B | Dana", "Nkechi O"),
    ("Follow-ups today: Olumide K, then the housing call.", "Olumide K"),
])
def test_an_initial_ending_a_list_item_is_part_of_the_name(rules, nlp, text, name):
    assert name in _found(rules, nlp, text)


@pytest.mark.parametrize("text", [
    "Grace A-level results came in on Thursday.",
    "Plan B is to meet at the library.",
])
def test_a_letter_that_is_no_initial_is_left_alone(rules, nlp, text):
    assert not any(len(m.split()) > 1 and m.split()[-1] in ("A", "B") for m in _found(rules, nlp, text))


@pytest.mark.parametrize("text, name", [
    ("ALERT: MS THUY PHAM - DO NOT SHARE HER NEW ADDRESS", "MS THUY PHAM"),
    ("rang mr and mrs dlamini back about the carers' assessment", "mr and mrs dlamini"),
])
def test_a_title_in_capitals_or_lower_case_is_reported_with_the_name(rules, nlp, text, name):
    assert name in _found(rules, nlp, text)


def test_a_year_of_birth_in_brackets_is_reported_with_the_name(rules, nlp):
    text = "Mrs Okonjo (b. 1951) has asked for a home visit."
    assert "Mrs Okonjo (b. 1951)" in _found(rules, nlp, text)


def test_a_rota_day_label_is_not_part_of_a_name(rules, nlp):
    # (s31) with a detail beside the names: a bare rota's staff are no longer reported (test_privacy_s31.py)
    text = "Cover this week Sat: Dr Emeka Nwosu Sun: Rhian Price, both on 07700 900456 if the mobile fails"
    found = _found(rules, nlp, text)
    assert "Dr Emeka Nwosu" in found and not any("Sun" in m for m in found)


@pytest.mark.parametrize("text, value", [
    ("The hardship payment bounced from a/c 52208817, so finance will send it again.", "a/c 52208817"),
    ("Her old account ending 4402 was closed, so the refund failed.", "account ending 4402"),
    ("His rent goes by standing order out of 70331950 each month.", "70331950"),
    ("Please send her travel refund to 20-61-44 as before.", "20-61-44"),
    ("Payee for the respite grant: 61093327 / 30-12-85", "61093327 / 30-12-85"),
    ("Could finance reimburse the volunteer? Her account number is 30418862.", "account number is 30418862"),
])
def test_bank_details_as_a_note_writes_them(rules, nlp, text, value):
    assert value in _found(rules, nlp, text, "privacy.bank-details")


@pytest.mark.parametrize("text", [
    "Supplier acc no. 40129983 is on the purchase order.",
    "We paid 12 invoices to the caterer in March.",
    "Paid on 12-03-24 to the venue for the hall hire.",
])
def test_numbers_that_are_no_persons_account_pass(rules, nlp, text):
    assert not _found(rules, nlp, text, "privacy.bank-details")


def test_shops_and_drinks_are_no_ones_name(rules, nlp):
    text = "The tuck shop sells Lucozade and Vimto, and Greggs gives us its unsold rolls."
    assert not _found(rules, nlp, text)
