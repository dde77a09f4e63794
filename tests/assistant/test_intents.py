"""Reading messages: slash commands, the regex reader and the spaCy reader agree."""

from __future__ import annotations

import pytest

from evidencebot.assistant import intents
from evidencebot.assistant.intents import find_period, parse, read_word_limit

# (message, intent, expected slots)
EXAMPLES = [
    ("how are we doing on crisis escalation this quarter?", "indicators",
     {"period": "this quarter", "topics": ["crisis"]}),
    ("show follow-up after discharge for 2025/26", "indicators",
     {"period": "2025/26", "indicators": ["followup_48h", "followup_72h"]}),
    ("find stories about step-down and housing", "stories", {"query": "step-down and housing"}),
    ("draft an answer to: How will you reduce crisis escalation? in 500 words", "draft",
     {"question": "How will you reduce crisis escalation?", "word_limit": 500}),
    ("check this: We reduced A&E attendances by 40%.", "check", {"body": "We reduced A&E attendances by 40%."}),
    ("contract review for 2025/26 Q3", "review", {"period": "2025/26 Q3"}),
    ("new story", "new_story", {}),
    ("export to Word", "export", {"format": "docx"}),
    ("save it as html", "export", {"format": "html"}),
    ("show the DNA rate for the last 6 months", "indicators", {"period": "last 6 months", "indicators": ["dna_rate"]}),
    ("Q3 2025/26 stability indicators", "indicators", {"period": "Q3 2025/26", "domains": ["stability"]}),
    ("search stories with consent about sleep", "stories", {"query": "sleep", "consent": "external"}),
    ("check my draft", "check", {"body": ""}),
    ("what can you do?", "help", {}),
    ("open the evidence screen", "evidence", {}),
    ("continue my story", "new_story", {}),
    ("what's the weather like in Leeds", "unknown", {}),
    ("make me a sandwich", "unknown", {}),
]


def _check(intent, name, slots):
    assert intent.name == name, intent
    for key, value in slots.items():
        assert getattr(intent, key) == value, (key, intent)


@pytest.mark.parametrize("text,name,slots", EXAMPLES)
def test_regex_reader(text, name, slots):
    intent = parse(text)
    assert intent.source in ("regex",)
    _check(intent, name, slots)


@pytest.fixture(scope="module")
def matcher(nlp):
    return intents.IntentMatcher(nlp)


@pytest.mark.parametrize("text,name,slots", EXAMPLES)
def test_spacy_reader_agrees(matcher, text, name, slots):
    intent = parse(text, matcher)
    assert intent.source == "spacy"
    _check(intent, name, slots)


def test_spacy_reader_uses_lemmas(matcher):
    # "finding" and "stories" reach the lemma patterns; the regex reader needs the base forms.
    intent = parse("I am finding it hard to get the stories on housing", matcher)
    assert intent.name == "stories"
    assert "housing" in intent.query


def test_slash_commands():
    assert parse("/indicators 2025/26 Q3 safety").period == "2025/26 Q3"
    assert parse("/indicators 2025/26 Q3 safety").domains == ["safety"]
    assert parse("/stories housing stability").query == "housing"
    assert parse("/stories housing stability").domains == ["stability"]
    draft = parse("/draft How do you support carers? in 300 words")
    assert (draft.name, draft.question, draft.word_limit) == ("draft", "How do you support carers?", 300)
    assert parse("/export md").format == "md"
    assert parse("/h").name == "help"
    unknown = parse("/frobnicate now")
    assert unknown.name == "unknown" and unknown.argument == "frobnicate"


def test_empty_message():
    assert parse("   ").name == "empty"


@pytest.mark.parametrize("text,period", [
    ("figures for 2025-04..2026-03 please", "2025-04..2026-03"),
    ("in March 2026", "March 2026"),
    ("for FY2025/26", "FY2025/26"),
    ("Q1 2026 numbers", "Q1 2026"),
    ("over the last year", "last year"),
    ("this financial year", "this financial year"),
    ("nothing here", None),
])
def test_find_period(text, period):
    assert find_period(text)[0] == period


@pytest.mark.parametrize("text, period, query", [
    ("find stories about housing from Jul-Sep 2026", "July 2026 to September 2026", "housing"),
    ("find stories about housing from Oct 2025 – Sep 2026", "Oct 2025 to Sep 2026", "housing"),
    ("stories about moving in from July to September 2026", "July 2026 to September 2026", "moving in"),
    ("find stories about moving in", None, "moving in"),
])
def test_the_period_as_typed_leaves_the_story_search(text, period, query):
    intent = parse(text)
    assert (intent.period, intent.query) == (period, query)


def test_a_review_for_a_quarters_months_covers_the_quarter():
    intent = parse("draft the quarterly contract review for the commissioner for July to September 2026")
    assert intent.name == "review"
    assert intent.period == "July 2026 to September 2026"


def test_word_limit_is_taken_off_the_question():
    assert read_word_limit("Describe your approach (max 250 words)") == ("Describe your approach", 250)
    assert read_word_limit("Describe your approach in no more than 1,000 words.") == ("Describe your approach", 1000)
    assert read_word_limit("Describe your approach.") == ("Describe your approach.", None)
