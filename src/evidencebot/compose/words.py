"""Counting words and characters the way tender portals do.

The rule (shown to the user whenever a count is reported):

* The text is split on whitespace (spaces, tabs, line breaks).
* Each piece that holds at least one letter or digit is one word. So a
  hyphenated word ("step-down", "24-48") counts once, a number ("72", "1,500",
  "63%") counts once, and "and/or" counts once.
* A piece made only of punctuation or symbols ("-", "–", "&", "|", "#", "**")
  is not a word. This is why Markdown markup such as a heading's "#" or a
  table's "|" adds nothing.

This matches Microsoft Word's count, which most portals copy, except that Word
also counts a lone "&" or dash; a count made here is therefore never higher
than Word's, so an answer within the limit here stays within it there.

Characters are counted on the same text, with and without whitespace; line
breaks count as one character each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencebot.text import sentences

WORD_RULE = (
    "words counted as tender portals do: whitespace-separated pieces that contain "
    "a letter or digit; hyphenated words and numbers count once, punctuation alone "
    "does not count"
)

_TOKEN = re.compile(r"\S+")
_WORDLIKE = re.compile(r"[^\W_]", re.UNICODE)


def words(text: str) -> list[str]:
    """The pieces of ``text`` that count as words."""
    return [t for t in _TOKEN.findall(text or "") if _WORDLIKE.search(t)]


def count_words(text: str) -> int:
    """Number of words in ``text`` (see the module docstring for the rule)."""
    return sum(1 for t in _TOKEN.finditer(text or "") if _WORDLIKE.search(t.group()))


def count_chars(text: str, *, spaces: bool = True) -> int:
    """Characters in ``text``; with ``spaces=False`` whitespace is left out.

    ``\\r\\n`` counts as one line break.
    """
    text = (text or "").replace("\r\n", "\n")
    if spaces:
        return len(text)
    return sum(1 for ch in text if not ch.isspace())


@dataclass(frozen=True)
class Counts:
    words: int
    chars: int
    chars_no_spaces: int

    def describe(self, limit: int | None = None) -> str:
        head = f"{self.words:,} words"
        if limit:
            head += f" of {limit:,} allowed"
        return f"{head}; {self.chars:,} characters ({self.chars_no_spaces:,} without spaces)"


def counts(text: str) -> Counts:
    return Counts(count_words(text), count_chars(text), count_chars(text, spaces=False))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (:func:`evidencebot.text.sentences`: the same
    sentences the claims reader and the checker see). A decimal point ("12.5")
    never splits, nor does an initial ("S. said") or a common abbreviation
    ("e.g. Housing")."""
    return sentences(text)
