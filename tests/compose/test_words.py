"""Word and character counting as tender portals do it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evidencebot.compose.words import count_chars, count_words, counts, split_sentences, words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("step-down support", 2),           # a hyphenated word counts once
        ("24-48 hours", 2),
        ("72 people, 1,500 contacts and 63%", 6),  # numbers count
        ("crisis - escalation", 2),         # a lone dash is punctuation
        ("before – after — end", 3),        # en and em dashes alone do not count
        ("A & B", 2),                       # a lone ampersand does not count
        ("and/or", 1),
        ("## Heading", 1),                  # Markdown markup adds nothing
        ("| cell | other |", 2),
        ("**bold** _it_", 2),
        ("(n=12).", 1),
        ("line one\nline two", 4),
        ("café naïve", 2),                  # non-ASCII letters are letters
    ],
)
def test_counting_rules(text, expected):
    assert count_words(text) == expected
    assert len(words(text)) == expected


def test_characters_with_and_without_spaces():
    assert count_chars("ab c") == 4
    assert count_chars("ab c", spaces=False) == 3
    assert count_chars("a\r\nb") == 3  # a Windows line break is one character
    c = counts("Two words.")
    assert (c.words, c.chars, c.chars_no_spaces) == (2, 10, 9)
    assert "2 words of 5 allowed" in c.describe(5)


_token = st.text(alphabet="abcXYZ019-'%.", min_size=1, max_size=8)
_punct = st.sampled_from(["-", "–", "—", "&", "|", "#", "**", "...", "(", ")", ":"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_token, max_size=30), st.lists(_punct, max_size=10), st.sampled_from([" ", "\n", "\t", "  "]))
def test_punctuation_tokens_never_count(tokens, punct, sep):
    text = sep.join(tokens)
    base = count_words(text)
    assert base == sum(1 for t in tokens if any(ch.isalnum() for ch in t))
    assert count_words(text + " " + " ".join(punct)) == base


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abc 19.", min_size=0, max_size=20), max_size=10))
def test_counts_add_up_over_pieces(pieces):
    assert count_words("\n".join(pieces)) == sum(count_words(p) for p in pieces)


def test_sentences_split_whole_and_keep_decimals_and_initials():
    text = 'The rate was 12.5% in Q1. S. (a pseudonym) kept the tenancy. "It helped." Then e.g. Housing stayed.'
    assert split_sentences(text) == [
        "The rate was 12.5% in Q1.",
        "S. (a pseudonym) kept the tenancy.",
        '"It helped."',
        "Then e.g. Housing stayed.",
    ]
    assert split_sentences("") == []
