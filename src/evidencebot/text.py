"""Plain-text basics shared by every part of evidencebot: sentences, words,
month names and number words.

A leaf module: it imports only the standard library, so the checker
(``language``), the claims reader (``evidence``), the composer (``compose``),
the store and the assistant can all use it, and they all see the same
sentences in the same text.

Sentences are character spans ``(start, end)`` into the text given, so a
caller can point back at the exact place. The rule:

* A blank line always ends a sentence (a paragraph break). A single line
  break is a space: a heading or a bullet without a full stop runs on.
* Otherwise a sentence ends at ``.``, ``!``, ``?`` or ``…`` (or a run of
  them, "..."), with any closing quotes or brackets after it, when white
  space follows and the next sentence starts with a capital letter or a
  digit (optionally behind an opening quote or bracket), or with ``£`` or a
  template placeholder ``{``.
* A decimal point never ends a sentence (no space follows it: "12.5").
* A full stop after an abbreviation that is never the end of a sentence
  ("e.g.", "i.e.", "Dr.", "Mr.", "Mrs.", "vs.", "approx.") or after an
  initial ("J. Smith", "J.R. Smith") does not end one; "No.", "p." and
  "para." do not when a number follows ("No. 5"), or a code of capitals
  and digits ("prison no. B4421KT"). "etc." ends a sentence
  when a capital follows it ("debt advice etc. The team ...").
* A question or exclamation inside a quotation followed by a small letter
  ('"Is it safe?" she asked.') is one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# ------------------------------------------------------------------ sentences

#: Abbreviations whose full stop never ends a sentence (lower case, without the final ".").
ABBREVIATIONS = frozenset({
    "e.g", "eg", "i.e", "ie", "viz", "cf", "vs", "v", "approx", "c", "ca",
    "dr", "mr", "mrs", "ms", "mx", "prof", "rev", "st", "sr", "jr", "cllr", "hon",
})
#: Abbreviations whose full stop does not end a sentence when a number follows ("No. 5", "p. 12").
BEFORE_NUMBER = frozenset({"no", "nos", "p", "pp", "para", "paras", "fig", "figs", "ref", "vol", "ch", "sec", "tel", "ext"})

#: Opening and closing quotation marks, straight and curly: the one set for every part that asks "is this quoted?".
OPEN_QUOTES = "\"'“‘"
CLOSE_QUOTES = "\"'”’"
QUOTES = frozenset(OPEN_QUOTES + CLOSE_QUOTES)
_OPEN = OPEN_QUOTES + "([{"
_CLOSE = CLOSE_QUOTES + ")]"
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_END = re.compile(r"(?:[.!?…]+)[\"'”’)\]]*(?=\s)")
_NEXT = re.compile(r"\s+(?=[\"'“‘(\[]?[A-Z0-9]|£|\{)")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
# a number, or a code of up to four capitals and a digit, after "No." and the like: "No. 5", "prison no. B4421KT"
_NUMBER_AFTER = re.compile(r"[A-Z]{0,4}\d")


def phrase_alternation(words) -> str:
    """A regex alternation of phrases (longest first, so a longer phrase wins over its own first words; the spaces
    inside a phrase match any run of white space); a pattern that never matches when there are none. Words from YAML
    may be other scalars ('on' read as true is quoted in the files, but a number is still a word here)."""
    words = [str(w).strip() for w in words or [] if str(w).strip()]
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _word_before(text: str, dot: int) -> str:
    """The word that the full stop at ``dot`` ends ("e.g" for "(e.g.")."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _OPEN:
        start -= 1
    return text[start:dot]


def _is_abbreviation(text: str, dot: int, following: str) -> bool:
    """True when the "." at ``dot`` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != "." or (dot > 0 and text[dot - 1] in ".!?…"):
        return False
    word = _word_before(text, dot)
    if not word:
        return False
    low = word.lower()
    if low in ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    return low in BEFORE_NUMBER and _NUMBER_AFTER.match(following) is not None


def _ends_in(text: str, start: int, end: int):
    """Offsets just after each sentence end within ``text[start:end]`` (one paragraph)."""
    pos = start
    while True:
        m = _END.search(text, pos, end)
        if not m:
            return
        pos = m.end()
        nxt = _NEXT.match(text, m.end(), end)
        if not nxt:
            continue
        close = m.group().rstrip(_CLOSE)
        if _is_abbreviation(text, m.start() + len(close) - 1, text[nxt.end():nxt.end() + 8]):
            continue
        yield m.end(), nxt.end()


def _blocks(text: str):
    """``(start, end)`` of each paragraph (text between blank lines), white space trimmed."""
    pos = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        a, b = pos, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b
        if brk:
            pos = brk.end()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` character offsets.

    Each span starts at the sentence's first character and ends after its
    closing punctuation (quotes and brackets included); white space between
    sentences belongs to none. See the module docstring for the rule."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    for a, b in _blocks(text):
        start = a
        for end, nxt in _ends_in(text, a, b):
            spans.append((start, end))
            start = nxt
        spans.append((start, b))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def line_sentences(text: str) -> list[str]:
    """The sentences of each line of ``text``, white space folded: for text where a line break ends a piece
    too (a buyer's list items and table rows), unlike :func:`sentences`, where a single line break is a space."""
    return [" ".join(s.split()) for line in (text or "").splitlines() for s in sentences(line)]


# ---------------------------------------------------------------------- words
# Counting words against a tender limit follows the portals' rule (white-space pieces
# holding a letter or digit) in evidencebot.compose.words; these are words for matching.

#: A word: letters or digits, with inner apostrophes or hyphens ("don't", "step-down", "24-48").
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
"""A Markdown heading line ('## Question 7 – Workforce'): group 1 is its text."""

BULLETS = "-*•"
"""The characters that mark a list item in Markdown and in text pasted from Word."""
_ITEM_NUMBERS = {
    None: "",
    "digits": r"\d+[.)]",  # '1.', '12)'
    "labels": r"\(?[a-z0-9]{1,4}[.)]",  # '1.', 'a)', '(iv)', '(12)': a buyer's numbering of its requirements
}


def table_cells(line: str) -> list[str]:
    """The cells of a Markdown table row ('| Role | 2.0 WTE |' -> ['Role', '2.0 WTE']), each with its spaces made one."""
    return [" ".join(c.split()) for c in line.strip().strip("|").split("|")]


@lru_cache(maxsize=None)
def list_marker(bullets: str = BULLETS, numbers: str | None = None) -> re.Pattern:
    """The marker at the start of a list item, with the space after it, as one pattern every reader of lists
    shares: ``list_marker().sub("", line)`` is the item's text. ``bullets``: the characters that mark an item
    (default ``-*•``; add ``–`` where a buyer's dash is a bullet, or '' for none); ``numbers``: ``None`` (no
    numbered items), ``"digits"`` ('1.', '2)') or ``"labels"`` ('1.', 'a)', '(iv)': up to four small letters or
    digits). Leading white space is part of the marker."""
    if numbers not in _ITEM_NUMBERS:
        raise ValueError(f"numbers must be one of {sorted(map(str, _ITEM_NUMBERS))}, not {numbers!r}")
    forms = ([f"[{re.escape(bullets)}]"] if bullets else []) + ([_ITEM_NUMBERS[numbers]] if numbers else [])
    if not forms:
        raise ValueError("a list marker needs bullets or numbers")
    return re.compile(rf"^\s*(?:{'|'.join(forms)})\s+")


def words(text: str) -> list[str]:
    """The words of ``text`` (see :data:`WORD`), in order, as written."""
    return WORD.findall(text or "")


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each word of ``text``."""
    return [m.span() for m in WORD.finditer(text or "")]


@lru_cache(maxsize=None)
def letter_word_pattern(min_len: int = 2) -> re.Pattern:
    """The pattern of :func:`letter_words` (ASCII letters, inner ' and -, at least ``min_len`` long)."""
    return re.compile(rf"[A-Za-z][A-Za-z'-]{{{max(min_len - 1, 0)},}}")


def letter_words(text: str, min_len: int = 2) -> list[str]:
    """Words that start with a letter and hold only letters, apostrophes and
    hyphens, at least ``min_len`` characters long ("step-down", "don't"; not
    "24" or "Q4"). For keyword matching, where numbers are noise."""
    return letter_word_pattern(min_len).findall(text or "")


def phrase_spans(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each occurrence of ``phrase`` in ``text`` that is not part of a longer
    word (the characters either side are not letters or digits), in order, overlapping ones too.
    Case as given: lower both for a case-blind search."""
    start = 0
    while True:
        i = text.find(phrase, start)
        if i == -1:
            return
        j = i + len(phrase)
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            yield i, j
        start = i + 1


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` as whole words (see :func:`phrase_spans`)."""
    return next(phrase_spans(text, phrase), None) is not None


_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def straight_quotes(text: str) -> str:
    """``text`` with curly quotation marks made straight ('‘Best Start’' -> "'Best Start'")."""
    return (text or "").translate(_STRAIGHT)


def match_form(text: str) -> str:
    """``text`` in the form two texts are compared in: lower case, every run of characters that are neither word
    characters nor '%' one space, trimmed ("Within 10 Working-Days (of referral)." -> "within 10 working days of
    referral")."""
    return " ".join(re.sub(r"[^\w%]+", " ", (text or "").lower()).split())


def lower_words(text: str) -> list[str]:
    """Runs of ASCII letters, lower-cased ("Didn't fall" -> didn, t, fall): for
    looking up single vocabulary words such as verbs of change."""
    return re.findall(r"[a-z]+", (text or "").lower())


# --------------------------------------------------------------------- months

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Every spelling of a month, lower case, to its number: full names, three-letter forms and "sept".
MONTHS: dict[str, int] = {}
for _number, (_full, _short) in enumerate(zip(MONTH_NAMES, MONTH_ABBREVIATIONS), start=1):
    MONTHS[_full.lower()] = _number
    MONTHS[_short.lower()] = _number
MONTHS["sept"] = 9
del _number, _full, _short

#: The same spellings as written in prose, capitalised ("May", "Sept").
MONTH_WORDS = frozenset(w.capitalize() for w in MONTHS)

#: A regular expression (no groups, use with re.I) for any month spelling.
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

#: Month words that are also everyday English words ("we may", "march on", "a sep..."):
#: they name a month only next to a day or a year (see :func:`month_mentions`).
AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march", "jan", "dec", "sep"})

_MONTH_IN_TEXT = re.compile(
    rf"(?<![\w-])(?P<day>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{MONTH_PATTERN})\.?"
    rf"(?![\w-])(?P<year>,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d(?!\d))?",
    re.I,
)


def month_number(word: str) -> int | None:
    """The month a word names (1-12), or None: "Sept" -> 9, "may" -> 5, "Monday" -> None."""
    return MONTHS.get((word or "").strip().rstrip(".").lower())


def month_mentions(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, month)`` for each month named in ``text``.

    A word that is also an everyday word ("may", "march", "Jan" the name) counts only
    with a day before it or a year after it ("3 May", "May 2025"); the others count
    anywhere ("in October")."""
    found = []
    for m in _MONTH_IN_TEXT.finditer(text or ""):
        word = m.group("month").lower()
        if word in AMBIGUOUS_MONTHS and not (m.group("day") or m.group("year")):
            continue
        found.append((m.start("month"), m.end("month"), MONTHS[word]))
    return found


# --------------------------------------------------------------- number words

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

#: Number words to their values: zero to ninety-nine (hyphenated compounds included) and "hundred".
NUMBER_WORDS: dict[str, int] = {w: n for n, w in enumerate(_UNITS)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({f"{t}-{u}": v + n for t, v in _TENS.items() for n, u in enumerate(_UNITS[1:10], start=1)})
NUMBER_WORDS["hundred"] = 100


@lru_cache(maxsize=1)
def number_word_pattern() -> str:
    """A regular expression (no groups) for any word in :data:`NUMBER_WORDS`, longest first."""
    return "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"


def number_value(word: str) -> int | None:
    """The value of a number word ("twelve" -> 12, "Twenty four" -> 24), or None."""
    key = re.sub(r"[\s-]+", "-", (word or "").strip().lower())
    return NUMBER_WORDS.get(key)


# --------------------------------------------------------------- pattern tables


class PatternTable:
    """Regular expressions declared as data (a YAML file next to the module that reads it, read by that module:
    this leaf imports only the standard library), compiled once.

    ``parts`` are pieces a pattern names as ``{NAME}`` (a part may name an earlier one, or one the code gives as a
    keyword argument); every other key is a
    pattern, or a list of patterns tried in order. A pattern's flags are written at its start (``(?i)``,
    ``(?im)``), as Python's ``re`` reads them. ``table.name`` is the compiled pattern (or list) of ``name``."""

    def __init__(self, table: dict, **given: str) -> None:
        data = dict(table or {})
        self.parts: dict[str, str] = dict(given)  # parts the code makes (a list of month names), named first
        for name, value in (data.pop("parts", None) or {}).items():
            self.parts[str(name)] = self.fill(str(value))
        self.patterns: dict[str, Any] = {
            str(name): [re.compile(self.fill(str(p))) for p in value] if isinstance(value, list)
            else re.compile(self.fill(str(value)))
            for name, value in data.items()}

    def fill(self, pattern: str) -> str:
        """``pattern`` with each ``{NAME}`` of :attr:`parts` written out."""
        for name, value in self.parts.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["patterns"][name]
        except KeyError:
            raise AttributeError(name) from None
