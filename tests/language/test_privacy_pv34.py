"""(pv34, issue 15) Privacy on text it has never seen, by structure: a lower-case word that is no word of English
(phrasebank/english_words.txt, built from SCOWL and our own text) in a name's slot is a name typed in lower case (after
a greeting or a verb of contact, as a message's sender, owning something in a note, the subject of a note); an
e-mail address whose mailbox is made of English words, none a first name, is an organisation's role mailbox; a
number after a label ending in a record one person holds ("freedom pass number", "rent account") is that person's.
Sentences written for these tests (each flag or pass marked "new" fails on main 4f84d333; the others guard one)."""

from __future__ import annotations

import pytest


def _names(rules):
    return next(r.names for r in rules if r.names is not None and r.names.english_words)


def test_english_words_are_known_with_their_regular_inflections(privacy):
    names = _names(privacy.rules)
    for word in ("visit", "visits", "phoned", "housing", "carries", "quietly", "carer", "carers"):
        assert names.english_word(word), word
    for word in ("thaddeus", "bongani", "villanueva"):
        assert not names.english_word(word), word


def test_a_word_one_letter_from_an_english_word_is_a_typo(privacy):
    names = _names(privacy.rules)
    assert names.typo_of_word("improvemnt")
    assert names.typo_of_word("recieved")
    assert not names.typo_of_word("thaddeus")
    assert not names.typo_of_word("dev")  # (too short to tell)


@pytest.mark.parametrize("text, part", [
    # new: after a greeting
    ("hey tavita, are you still ok for the walk tomorrow", "tavita"),
    # a message's sender (found on main too: a guard)
    ("marivic: cant come today, the baby is poorly", "marivic"),
    # new: the subject of a note, with a hyphened given name and a surname that are no English
    ("tet-tet okonjo didnt answer the door again, left a card", "tet-tet okonjo"),
    # after a verb of contact, the surname run on (a guard)
    ("rang farzaneh rostami re the housing form, will ring back", "farzaneh rostami"),
    # owning something in a note typed in lower case (a guard)
    ("got zoltan's new number from the hostel, putting it on the system", "zoltan"),
])
def test_a_lower_case_name_in_a_names_slot_is_found(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "saw improvemnt in his mood this week",
    "fluoxetine started last month, side effects settling",
    "hi all, the minibus is booked for tuesday",
    "rang cmht re the referral, no answer",
    "admin: the printer on floor 2 is broken again",
    "met with commissioners re the kpis, went ok",
])
def test_ordinary_words_medicines_and_typos_in_those_slots_pass(privacy, text):
    assert privacy.findings(text) == []


@pytest.mark.parametrize("text", [
    # new
    "Questions about the framework go to procurement@example.gov.uk before Friday.",
    # new
    "Carers can write to carers.advice@example.org.uk for a call back.",
])
def test_a_mailbox_of_english_words_is_a_role_mailbox(privacy, text):
    assert privacy.findings(text) == []


@pytest.mark.parametrize("text, part", [
    ("Send it to his own address, ravi.menon@example.com, not the office.", "ravi.menon@example.com"),
    # a first name that is also a word keeps the address a person's
    ("Her address is grace.hill@example.com if you need her.", "grace.hill@example.com"),
])
def test_a_persons_mailbox_is_still_found(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text, part", [
    # new
    ("His concessionary travel pass number 7701 2290 4418 was in the wallet he lost.", "7701 2290 4418"),
    # new
    ("Council rent account 10294471 is three months behind.", "10294471"),
])
def test_a_number_after_a_record_one_person_holds_is_found(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "The payroll export for the team is file 5193180917.",
    "The charity account number 20448812 is for donations only.",
    "Contract award number 2026/0441 was published in March.",
])
def test_an_organisations_number_after_such_a_label_passes(privacy, text):
    assert privacy.findings(text) == []


@pytest.mark.parametrize("text, part", [
    # new: a job at a named workplace (a ward of it) opening the sentence, then what the person told us of their health
    ("The night cleaner on the Foxglove ward at Penwith Hospital has told us she is drinking every day.",
     "night cleaner on the Foxglove ward at Penwith Hospital"),
    # (found on main too, by another rule: a guard that the new pattern's finding holds the whole combination)
    ("A retired lock keeper from Marsworth who has bipolar disorder came to the online group.",
     "retired lock keeper from Marsworth who has bipolar disorder"),
])
def test_a_job_at_a_named_workplace_with_the_persons_health_is_found(privacy, text, part):
    assert privacy.covered(text, part)


@pytest.mark.parametrize("text", [
    "The manager at Brynmor Hall told us the room is free on Mondays.",
    "The trainer from Active Valleys told us the sessions were full.",
])
def test_a_job_at_a_named_workplace_saying_its_work_passes_this_rule(privacy, text):
    assert not any(f.rule == "privacy.person-workplace" for f in privacy.findings(text))


def test_a_mailbox_made_of_surnames_that_are_english_words_is_a_persons():
    """Review, session 34: 'hill.wood@' passed as a role mailbox because both parts are English words."""
    from evidencebot.language.checker import check_text

    assert "privacy.email" in {f.rule for f in check_text("Email hill.wood@example.org about her tenancy.")}
    assert "privacy.email" not in {f.rule for f in check_text("Email recovery@harbourtrust.org.uk for a form.")}


def test_a_users_english_word_list_in_capitals_is_read_in_lower_case(tmp_path):
    """Review, session 34: a user's english_words.txt with 'Bongani' in it never matched the lower-case word."""
    from evidencebot.language.privacy import _parse_names

    (tmp_path / "english_words.txt").write_text("# ours\nBongani\nharbour\n", encoding="utf-8")
    names = _parse_names(tmp_path / "privacy.yaml", "privacy.person-name", {"english_words": "english_words.txt"}, [], [])
    assert names.english_word("bongani") and names.english_word("harbour")
