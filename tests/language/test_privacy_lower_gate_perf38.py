"""(perf38, issue 15) Privacy's lower-case name finder (``_NameFinder.lower_case``) passes over a token that is not a
word of lower-case letters before asking its per-token tests. That is exact only while every one of those tests says
no to such a token: this reads every token of the rules' own examples and a labelled privacy set (a capitalised word,
a number, punctuation, a word with a digit or an apostrophe) and asks each test (the ambiguous names' own test holds the same one), and checks the finder still finds
what it found on a few notes typed in lower case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.language import privacy
from evidencebot.language.privacy import _NameFinder
from evidencebot.language.ruletest import example_spans

SHIPPED = locations.packaged_dir("phrasebank")
LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"


@pytest.fixture(scope="module")
def name_rule():
    rules = privacy.load_privacy_rules([SHIPPED])
    return next(r for r in rules if r.kind == "entity" and r.names is not None)


def _texts() -> list[str]:
    rules = privacy.load_privacy_rules([SHIPPED])
    texts = [example_spans(e)[0] for r in rules for k in ("flag", "pass") for e in r.examples[k]]
    rows = (LABELLED / "privacy_dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in rows if line.strip()]
    # tokens of every other shape next to a lower-case name's slot: an owner with a digit, a capitalised first name
    # owning a relative, a hyphened word, a note's opening word in capitals
    return texts + ["rang jo2's mum", "Kayden's mum rang, she is fine", "saw al-amin today", "SUNNY said she'd ring",
                    "hi Thaddeus, text from Rhiannon: running late"]


def test_no_per_token_test_says_yes_to_a_token_that_is_not_lower_case_letters(name_rule, nlp):
    texts = _texts()
    assert len(texts) > 100
    asked = 0
    for text in texts:
        finder = _NameFinder(name_rule, text, nlp(text))
        for i, tok in enumerate(finder.toks):
            if tok.text.isalpha() and tok.text.islower():
                continue
            asked += 1
            assert not finder.note_subject(tok), (text, tok.text)
            assert not finder.lower_kin_owner(i), (text, tok.text)
            assert not finder.lower_name_with_pronoun(i), (text, tok.text)
            assert not finder.lower_name_slot(i), (text, tok.text)
    assert asked > 1000  # (the tokens the gate passes over were read: capitals, numbers, punctuation)


@pytest.mark.parametrize("text, expected", [
    ("phoned kayden's mum, no answer", ["kayden"]),
    ("spoke to john smith about the rent", ["john smith"]),
    ("Kayden's mum rang about the rent", []),
    ("Rang 0113 496 0555 about it; no answer from the office", []),
])
def test_the_lower_case_finder_still_finds_names_typed_in_lower_case(name_rule, nlp, text, expected):
    finder = _NameFinder(name_rule, text, nlp(text))
    assert [text[a:b] for a, b in finder.lower_case()] == expected
