"""Applying suggestions, word counts and sub-point coverage for the editor."""

from __future__ import annotations

import pytest

from evidencebot.assistant import checking, editing
from evidencebot.errors import InputError
from evidencebot.language.findings import Finding


def finding(text, match, suggestions, start=None):
    start = text.index(match) if start is None else start
    return Finding(rule="test.rule", family="overclaim", severity="warning", message="Too strong.",
                   start=start, end=start + len(match), match=match, suggestions=suggestions)


def test_apply_replacement_and_capital():
    text = "Our support reduced admissions. reduced is strong."
    f = finding(text, "reduced", ["contributed to fewer"])
    new, start, end = checking.apply_suggestion(text, f)
    assert new == "Our support contributed to fewer admissions. reduced is strong."
    assert new[start:end] == "contributed to fewer"
    f2 = finding("Reduced admissions followed.", "Reduced", ["was followed by fewer"])
    assert checking.apply_suggestion("Reduced admissions followed.", f2)[0].startswith("Was followed by fewer")


def test_apply_finds_moved_words():
    f = finding("We reduced it.", "reduced", ["helped reduce"])
    moved = "Since April, we reduced it."
    assert checking.apply_suggestion(moved, f)[0] == "Since April, we helped reduce it."
    with pytest.raises(InputError, match="no longer in the text"):
        checking.apply_suggestion("Nothing here.", f)


def test_advice_is_not_pasted_into_the_text():
    f = finding("NHS 943 476 5919", "943 476 5919", ["use the pseudonymised id (for example P00042)",
                                                     "[NHS number removed]"])
    assert checking.first_replacement(f) == 1
    with pytest.raises(InputError, match="advice"):
        checking.apply_suggestion("NHS 943 476 5919", f, 0)
    assert checking.apply_suggestion("NHS 943 476 5919", f, 1)[0] == "NHS [NHS number removed]"
    assert not checking.is_replacement("fell from X to Y between P1 and P2 (n = N)")
    assert checking.is_replacement('"was similar to"')
    assert checking.replacement_text('"was similar to"') == "was similar to"


def test_privacy_is_checked_even_without_the_overclaim_checker():
    text = "Mrs Okafor's NHS number is 943 476 5919."
    report = checking.check(text)
    rules = {f.rule for f in report.findings}
    assert "privacy.nhs-number" in rules
    assert report.findings[0].line == 1
    md = checking.findings_markdown(report, text)
    assert "| where | severity |" in md and "943 476 5919" in md


QUESTION = """How will you support people after discharge from hospital? Your answer should cover:
a) follow-up after discharge
b) housing
c) involving carers and families"""


def test_word_count_and_coverage():
    doc = editing.DraftDoc(question=QUESTION, word_limit=60)
    text = ("We follow up every discharge within 72 hours, with a handover from the ward.\n\n"
            "Housing is confirmed before the day of discharge wherever possible.")
    status = editing.status(doc, text)
    assert status.words == 24 and status.limit == 60 and not status.over
    assert status.words_text() == "24/60 words (36 left)"
    covered = {c.key: c.covered for c in status.coverage}
    assert covered == {"a": True, "b": True, "c": False}
    assert "c✗" in status.coverage_text() and "1 not covered" in status.coverage_text()
    over = editing.status(doc, "word " * 61)
    assert over.over and over.words_text() == "61/60 words (1 over)"


def test_headings_decide_coverage():
    doc = editing.DraftDoc(question=QUESTION, word_limit=300)
    text = "## c) Carers\n\nWe invite the people who matter to the person to every review."
    covered = {c.key: c.covered for c in editing.status(doc, text).coverage}
    assert covered["c"] is True


def test_save_draft_and_versions(evidence_db):
    doc = editing.DraftDoc(text="First.", question="Q?", word_limit=100, title="Answer")
    draft_id = editing.save_draft(evidence_db, doc)
    doc.text = "Second."
    assert editing.save_draft(evidence_db, doc) == draft_id
    assert editing.save_version(evidence_db, doc) == 1
    assert editing.save_version(evidence_db, doc) == 2
    loaded = editing.load_draft(evidence_db, draft_id)
    assert (loaded.text, loaded.word_limit, loaded.question) == ("Second.", 100, "Q?")
    assert editing.latest_draft(evidence_db).draft_id == draft_id
