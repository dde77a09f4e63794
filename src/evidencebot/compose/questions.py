"""Planning a tender answer: split the question into sub-points, map each to
evidence, and give each a word budget.

How a question is split (the first that applies):

1. Lettered or numbered items: "Your answer should cover: a) ... b) ..." or
   "(i) ... (ii) ...", inline or one per line; "1." / "2)" at the start of lines.
2. Bullet lists: lines starting with -, *, or a bullet sign.
3. Otherwise each sentence of the question is a sub-point.

In every case a sentence starting "Include ..." / "Please include ..." /
"Provide examples ..." that is not already an item becomes a sub-point of
its own. Word-limit and weighting notes ("Maximum 500 words", "(20%)") are
read, not answered. Text before the list (the stem) is kept as context: a
sub-point whose words match no topic borrows the stem's topics.

Weights come from the question where it gives them ("(20%)", "(5 marks)"),
otherwise every sub-point weighs 1. Budgets are shares of the word limit in
proportion to weight (largest remainders get the spare words).
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from evidencebot.compose import confirmations
from evidencebot.compose import gates as gates_mod
from evidencebot.compose.columns import column_kind, header_columns, names_limit
from evidencebot.compose.filters import load_phrasebank, load_word_lists
from evidencebot.errors import ConfigError, InputError
from evidencebot.text import MD_HEADING, NUMBER_WORDS, PatternTable
from evidencebot.text import sentences as text_sentences

_INTAKE = load_word_lists("intake.yaml", also=("intake_shapes.yaml",))
"""The intake's vocabulary (``phrasebank/intake.yaml``): its verbs, the words a phrase cannot end on, and the rest;
with a user's ``intake-*.yaml`` (or the older ``intake_shapes.yaml``) in the config dir: a file adds lists, a list
with the id of a shipped one replaces it (:func:`evidencebot.compose.filters.load_word_lists`)."""


def _listed(key: str, *, within: str = "") -> list[str]:
    """A word list of ``phrasebank/intake.yaml`` (``within``: the mapping it sits in), each phrase lower case with
    single spaces: a missing or empty list is a ConfigError naming the key (a user's copy without it would
    otherwise make its pattern match anything)."""
    data = (_INTAKE.get(within) or {}) if within else _INTAKE
    words = data.get(key)
    if not isinstance(words, list) or not words:
        raise ConfigError(f"intake.yaml: '{within + '.' if within else ''}{key}' is missing or empty")
    return [" ".join(str(w).lower().split()) for w in words]


@functools.lru_cache(maxsize=None)
def _words(key: str, *, within: str = "") -> frozenset[str]:
    return frozenset(_listed(key, within=within))


def _words_pattern(words) -> str:
    """Phrases as one alternation, longest first, spaces as any run of spaces."""
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)) + ")"

MIN_WORDS_PER_POINT = 25

#: A question that states no limit at all (no words, characters or sides) is still drafted: about this many
#: words a sub-point, never fewer than UNSTATED_MIN_WORDS nor more than UNSTATED_MAX_WORDS in all, and the
#: draft says so (QuestionPlan.limit_note), so the writer can hold it to the length their bid team expects.
UNSTATED_WORDS_PER_POINT = 150
UNSTATED_MIN_WORDS = 400
UNSTATED_MAX_WORDS = 1000
"""Below this budget a sub-point cannot be answered in a sentence: it is squeezed."""


@dataclass
class Topic:
    name: str
    label: str
    terms: list[str]
    domains: list[str]
    indicators: list[str]
    stories: list[str]
    learning: list[str]
    system: bool
    leads: list[str]
    lead_when: list[list[re.Pattern]] = field(default_factory=list, repr=False)
    """For each lead, the terms that make it the preferred lead (empty: any sub-point)."""
    patterns: list[re.Pattern] = field(default_factory=list, repr=False)

    def hits(self, text: str) -> int:
        """How strongly ``text`` matches: the total length of the terms found,
        so a specific phrase ("outside your control") outweighs a common word."""
        return sum(len(m.group(0)) for p in self.patterns for m in p.finditer(text))


@dataclass
class SubPoint:
    key: str
    """'a', 'b', 'ii', '3', or 'p1', 'p2' for sentences and bullets."""
    text: str
    """The sub-point as the question words it."""
    label: str
    """A short heading made from the wording."""
    weight: float = 1.0
    topics: list[str] = field(default_factory=list)
    borrowed: bool = False
    """True when the topics came from the question's stem, not the point itself."""
    budget: int = 0
    direct: list[str] = field(default_factory=list)
    """Indicator ids the wording names directly (``indicator_terms``), best first."""
    kind: str = ""
    """'confirm' for a Pass/Fail or yes/no statement answered Yes or No (:mod:`confirmations`), else ''."""
    limit: int | None = None
    """The part's own word limit when the buyer sets one below the question's ('B1 ... (100 words)' under 'Total
    for B1 and B2: 500 words'): its budget never exceeds it, and the answer's part is cut to it."""
    about: str = ""
    """The sub-point as blocks are matched to it when it calls the people the ask before it names 'them' ('how you
    will involve carers in ...' for 'how you will involve them in ...': :func:`_them`); '' when it is ``text``."""
    part: str = ""
    """The buyer's part this sub-point is in when the limits are set per part ('Part 1: 600 words; Part 2: 500
    words' over headings 1-3 and 4-6): the part's label as the buyer writes it, '' otherwise."""
    part_limit: int | None = None
    """That part's word limit, shared by its sub-points: their words together never exceed it."""
    part_chars: int | None = None
    """That part's character limit when the buyer sets it in characters (:attr:`NumberedPart.chars`): the part's
    text, its heading with it, never runs past it."""
    part_title: str = ""
    """The part's title line as the buyer wrote it ('Part 2 – Leaving hospital'), '' when none: read with the
    sub-point when matching blocks (the first 72 hours of 'Part 2 – Leaving hospital' are after a discharge)."""
    heading: str = ""
    """The heading printed over this sub-point's part of the answer: ``label`` made short (at most ten words, no
    order or 'must' of the buyer's: :func:`make_heading`); '' means ``label``. The label stays the longer wording the
    method blocks are matched by."""
    mandated: bool = False
    """The buyer mandates this heading ('You MUST structure your response using the four headings below'):
    ``label`` is the buyer's heading word for word, and the answer's part is headed with it alone."""

    @property
    def ref(self) -> str:
        return f"{self.key})" if not self.key.startswith("p") else f"point {self.key[1:]}"


@dataclass
class QuestionPlan:
    question: str
    stem: str
    points: list[SubPoint]
    word_limit: int
    stated_limit: int | None = None
    """A word limit written in the question itself, if any."""
    topics: dict[str, Topic] = field(default_factory=dict)
    limits: "Limits | None" = None
    char_limit: int | None = None
    """A character limit the answer must also fit (spaces included)."""
    title: str = ""
    """The buyer's reference and title ('Q3.2 Safeguarding'), '' when the question has none."""
    instructions: list[str] = field(default_factory=list)
    """The buyer's rules for the response (format, scoring, attachments): kept, never answered."""
    limit_note: str = ""
    """How the limit was set when the question states none ('' when it states one or --words gave it)."""
    requirements: list[str] = field(default_factory=list)
    """The buyer's background lists (:func:`listed_requirements`: what a protocol or the specification requires,
    partners, KPIs), each item with its lead-in: the buyer's facts and standards, which the answer must meet
    (read with the question by the composer), never parts of their own."""
    gates: list[gates_mod.Gate] = field(default_factory=list)
    """The statements the buyer's scoring gates require ('Responses that do not set out who holds clinical
    responsibility ... will not score above 2'), each placed in its sub-point (:mod:`gates`)."""

    def topic_list(self, point: SubPoint) -> list[Topic]:
        return [self.topics[t] for t in point.topics if t in self.topics]

    @property
    def squeezed(self) -> list[SubPoint]:
        return [p for p in self.points if p.budget < MIN_WORDS_PER_POINT]


# ---------------------------------------------------------------- vocabulary


@functools.lru_cache(maxsize=4096)  # the topics are read again for each question: each term compiled once
def _term_pattern(term: str) -> re.Pattern:
    term = term.strip().lower()
    stem = term.endswith("*")
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\w-]*" if stem else r"(?:s|es)?"
    return re.compile(rf"(?<![\w&-]){body}{tail}(?![\w&])", re.I)


def load_topics() -> dict[str, Topic]:
    """Topics from ``phrasebank/question_terms.yaml`` (user copy first)."""
    data = load_phrasebank("question_terms.yaml")
    raw = data.get("topics")
    if not isinstance(raw, dict) or not raw:
        raise ConfigError("question_terms.yaml: 'topics' is missing or empty")
    topics: dict[str, Topic] = {}
    known = {"label", "terms", "domains", "indicators", "stories", "learning", "system", "lead", "leads"}
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"question_terms.yaml: topic {name} should be a mapping")
        unknown = set(spec) - known
        if unknown:
            raise ConfigError(f"question_terms.yaml: topic {name}: unknown keys {', '.join(sorted(unknown))}")
        if not spec.get("terms"):
            raise ConfigError(f"question_terms.yaml: topic {name} has no terms")
        terms = [str(t) for t in spec.get("terms") or []]
        leads = spec.get("leads") if spec.get("leads") is not None else spec.get("lead")
        if isinstance(leads, str):
            leads = [leads]
        if not isinstance(leads or [], list):
            raise ConfigError(f"question_terms.yaml: topic {name}: leads should be a list of sentences")
        lead_texts, lead_when = [], []
        for item in leads or []:
            if isinstance(item, dict):
                unknown = set(item) - {"text", "when"}
                if unknown or not item.get("text"):
                    raise ConfigError(f"question_terms.yaml: topic {name}: a lead needs 'text' (and optional 'when')")
                lead_texts.append(" ".join(str(item["text"]).split()))
                lead_when.append([_term_pattern(str(t)) for t in item.get("when") or []])
            elif str(item).strip():
                lead_texts.append(" ".join(str(item).split()))
                lead_when.append([])
        topics[name] = Topic(
            name=name,
            label=str(spec.get("label") or name.replace("_", " ").capitalize()),
            terms=terms,
            domains=[str(d) for d in spec.get("domains") or []],
            indicators=[str(i) for i in spec.get("indicators") or []],
            stories=[str(s) for s in spec.get("stories") or []],
            learning=[str(s) for s in spec.get("learning") or []],
            system=bool(spec.get("system")),
            leads=lead_texts,
            lead_when=lead_when,
            patterns=[_term_pattern(t) for t in terms],
        )
    return topics


def load_indicator_terms() -> dict[str, list[re.Pattern]]:
    """``indicator_terms`` from question_terms.yaml: indicator id -> patterns."""
    raw = load_phrasebank("question_terms.yaml").get("indicator_terms") or {}
    if not isinstance(raw, dict):
        raise ConfigError("question_terms.yaml: indicator_terms should map indicator ids to lists of words")
    return {str(k): [_term_pattern(str(t)) for t in (v or [])] for k, v in raw.items()}


def match_indicators(text: str, terms: dict[str, list[re.Pattern]]) -> list[str]:
    """Indicator ids named by ``text``, longest matching term first."""
    found = []
    for ident, patterns in terms.items():
        best = max((len(m.group(0)) for p in patterns for m in p.finditer(text)), default=0)
        if best:
            found.append((-best, ident))
    return [i for _, i in sorted(found)]


def fallback_topics() -> list[str]:
    return [str(t) for t in load_phrasebank("question_terms.yaml").get("fallback") or []]


def match_topics(text: str, topics: dict[str, Topic], limit: int = 3) -> list[str]:
    """Topic names whose terms occur in ``text``, most hits first (ties: file order)."""
    scored = []
    for order, (name, topic) in enumerate(topics.items()):
        n = topic.hits(text)
        if n:
            scored.append((-n, order, name))
    return [name for _, _, name in sorted(scored)[:limit]]


# ---------------------------------------------------------------- limits and weighting

WORDS_PER_SIDE = 500
"""How a page limit becomes a word budget: one side of A4 is taken as 500 words
(11-point type, single spacing, normal margins, no tables or pictures)."""
CHARS_PER_WORD = 7
"""How a character limit becomes a first word budget (the answer is then cut
until its characters, spaces included, fit)."""

_LIMITS = PatternTable(yaml.safe_load(Path(__file__).with_name("question_limits.yaml").read_text(encoding="utf-8")))
"""The patterns that read a question's limits and weighting, by what they read (``words``, ``chars``,
``pages``, ``weighting``): ``compose/question_limits.yaml``."""
_N = _LIMITS.parts["N"]
_WORD_LIMITS, _CHAR_LIMITS, _PAGE_LIMITS, _WEIGHTINGS = _LIMITS.words, _LIMITS.chars, _LIMITS.pages, _LIMITS.weighting
_NUMBER_WORDS = {**NUMBER_WORDS, "a": 1, "an": 1, "single": 1, "half a": 0.5, "a half": 0.5}
_COUNT_NOTE = re.compile(r"[^\S\n]*\([^()\n]*\b(?:count|counted|headings?|tables?|references?|spaces|diagrams?|"
                         r"appendi\w+|bibliography)\b[^()\n]*\)")
_BRACKET_PERCENT = re.compile(rf"[\(\[]\s*{_N}\s*%\s*[\)\]]")
_UNREADABLE = re.compile(
    r"\b(?:(?:word|character|page)\s+(?:limit|count)|max(?:imum)?\.?\s+(?:words|characters|pages))\b"
    # a limit given as something other than a number: after ':' / '=' / a dash, or a placeholder ('Word
    # limit TBC'); not a sentence about the limit ('Character counts will be checked', 'the word limit and ...')
    r"(?:\s*(?:is|of)?\s*[:=–-]\s*|\s+(?:is\s+)?(?=(?:tbc|tba|tbd|to\s+be\b|n/?a\b|x{2,}|\?)))"
    r"(?!\s*\d)(?!\s*(?:of\s+)?(?:one|two|three|four|five|six|half)\b)"
    # a bound before the number is still a number ('Word limit: no more than 800 words', 'up to 3 pages')
    r"(?!\s*(?:no|not)\s+(?:more|longer)\s+than\s+\d)(?!\s*(?:up\s+to|at\s+most|a\s+maximum\s+of|maximum(?:\s+of)?)\s+\d)"
    r"([A-Za-z?][\w/ ]{0,20})", re.I)


@dataclass
class Limits:
    """The limits and weighting a question states, as written and as numbers."""

    words: int | None = None
    chars: int | None = None
    pages: float | None = None
    weighting: float | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Where each was read in the question (instructions, not sub-points)."""
    per_part: bool = False
    """``words`` is the sum of limits the question sets per part only ('Section 1 – 400 words; Section 2 – ...')."""

    @property
    def word_budget(self) -> int | None:
        """The words an answer may use: the word limit, else one worked out from pages or characters."""
        found = []
        if self.words:
            found.append(self.words)
        if self.pages:
            found.append(int(self.pages * WORDS_PER_SIDE))
        if self.chars:
            found.append(max(1, self.chars // CHARS_PER_WORD))
        return min(found) if found else None

    def describe(self) -> str:
        """The limit in words, with how it was converted ('' when none)."""
        parts = []
        if self.words:
            parts.append(f"{self.words:,} words")
        if self.chars:
            parts.append(f"{self.chars:,} characters including spaces (about {self.chars // CHARS_PER_WORD:,} words "
                         f"at {CHARS_PER_WORD} characters a word; the characters are counted too)")
        if self.pages:
            sides = f"{self.pages:g} side{'s' if self.pages != 1 else ''} of A4"
            parts.append(f"{sides}, taken as {int(self.pages * WORDS_PER_SIDE):,} words "
                         f"({WORDS_PER_SIDE} words a side: 11-point type, single spacing, no tables)")
        return "; ".join(parts)


def _number(text: str) -> float:
    key = " ".join(text.lower().split())
    if key in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[key])
    return float(key.replace(",", ""))


_ATTACHMENT = re.compile(r"\b(?:appendix|appendices|annex(?:es)?|organograms?|charts?|diagrams?|gantt|attach\w*|"
                         r"supporting\s+documents?|cvs?)\b", re.I)


_EXPLAIN_NO = re.compile(r"\s*(?:of\s+)?(?:explanation|narrative|to\s+explain|explaining)\b[^.\n]{0,40}?"
                         r"\b(?:any|a|each|every)\s+['\"‘“]?no['\"’”]?(?:\s+(?:answer|response)s?)?\b", re.I)


def _about_attachment(text: str, m: re.Match) -> bool:
    """True when a limit is written for an attachment ('Organograms ... must be no more
    than 1 side of A4'), not for the answer; or for explaining a Pass/Fail 'No' ('Part A – Yes/No for each
    statement, plus up to 100 words of explanation for any "No" answer', s12 q04: the answer was held to 100 words
    where Part B allowed 800)."""
    if _EXPLAIN_NO.match(text, m.end()):
        return True
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    return bool(_ATTACHMENT.search(text[start:m.start()]))  # the attachment is what the limit is about


_ENVELOPE = re.compile(r"(?i)\b(?:quality|technical|price|cost|commercial)(?:\s+(?:envelope|criteria|questions?|"
                       r"section|evaluation))?\s*[\(\[]\s*$")
"""What a percentage weighs when it follows this: the whole quality (or price) envelope, a heading over every
question ('Tender questions – Quality (60% of the total score)', 'Award Criteria: Quality (70%)'), not the
question's weighting (s18 dev q21, q25: 60% was read where the question said 'worth 15%')."""


_CELLS = re.compile(r"\s*\|\s*|\t")
_MARKER_TAB = re.compile(
    r"(?m)^([ \t]*(?:[-*•·▪◦–—‣○●■□➢➤►✓o§→⇒]|\d{1,2}(?:\.\d{1,2})*[.):]?|\(?(?:[a-hA-H]|i{1,3}|iv|vi{0,3}|ix|x)[.)]"
    r"|\((?:[a-hA-H]|i{1,3}|iv|vi{0,3}|ix|x|\d{1,2})\)))(\t+)(?=[^\t\n]*$)"
)
"""A list marker followed by tabs and then one cell of text: Word's bullets and numbers pasted
as text ('•\tyour safeguarding leadership'). Those tabs are the marker's spacing, not cells."""


def _marker_spacing(text: str) -> str:
    """Tabs after a list marker as spaces (the same length, so offsets hold); other tabs kept. A line set in
    Markdown bold ('**Part A — Step-down (maximum 600 words)**') loses its asterisks the same way, as spaces, so a
    part's title and its limit read as they would unformatted (s17 q04: Part A's list and both parts' limits were
    lost)."""
    text = _MARKER_TAB.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    return _BOLD_LINE.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3) + " " * len(m.group(4)), text)


_BOLD_LINE = re.compile(r"(?m)^([ \t]*)(\*\*|__)(\S[^\n]*?\S)(\*\*|__)(?=[ \t]*$)")


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
"""A Markdown table's rule line ('|---|---|'): not a row."""
_LIMIT_CELL = re.compile(
    r"(?i)^(?:(?:(?:max(?:imum)?\.?\s+)?(?:word|character|char|page|side)s?\s+(?:limit|count)|(?:(?:response|answer)\s+)?(?:limit|length)|"
    r"max(?:imum)?\.?(?:\s+(?:words?|char(?:acter)?s|pages|sides))?|up\s+to|no\s+more\s+than)\s*(?:is|of)?\s*[:=–-]?\s*)?"
    r"(?P<n>\d[\d,]*(?:\.\d+)?)[^\S\n]*-?"
    r"(?P<unit>words?\b|w\b|char(?:acter)?s?\b|pages?(?:\s+(?:of\s+)?A4)?|(?:x\s*)?(?:A4\s+)?sides?(?:\s+(?:of\s+)?A4)?|"
    r"A4\s+(?:sides?|pages?))?\.?"
    r"(?:\s*\(?\s*(?:max(?:imum)?|limit|in\s+total|total)\b\.?\s*\)?)?"
    r"(?P<rest>\s*(?:[,;(–-]|per\b|excl|incl|not\s+including|including)[^\n]*)?\s*$")
_ROW_REF = re.compile(r"(?i)^(?:ref(?:erence)?\s*:?\s*)?(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*[a-z]?$")
_NO_WEIGHT = re.compile(r"(?i)^(?:n/?a|none|-|pass\s*/\s*fail|pass\s+or\s+fail|not\s+scored|unweighted)$")


def limit_cell(cell: str, header: str = "") -> str | None:
    """A spreadsheet or table cell that holds only a limit, written so that :func:`read_limits` reads it:
    '750' under 'Word limit' -> 'Maximum 750 words', '3,000' under 'Max characters' -> 'Maximum 3,000
    characters', '750 words (excluding headings)', '1000 (words)', 'Limit: 1000', 'Max 2 sides A4'. The
    unit is the cell's own, else one named in its note, else the header's (words when none names one);
    a qualifying note ('(excluding headings)', 'per answer') is left out: it says how to count, it asks
    nothing. None when the cell is not a limit."""
    text = " ".join((cell or "").split())
    m = _LIMIT_CELL.match(text)
    if not m or "%" in text:
        return None
    if not m.group("unit") and re.match(r"-[^\W\d_]", text[m.end("n"):]):
        return None  # '90-day review', '24-hour line': a number joined to its noun is no limit (s29 q12's milestones)
    rest = (m.group("rest") or "").strip()
    named = m.group("unit") or ""
    if not named and re.fullmatch(r"(?i)\(?\s*(?:words?|char(?:acter)?s?|pages?|sides?)\s*\)?", rest):
        named, rest = rest, ""
    named = named or (m.group(0) if re.search(r"(?i)\b(?:char|page|side)", text[:m.start("n")]) else "") or header
    unit = header_unit(named) if named.strip().lower() not in ("w",) else "words"
    return f"Maximum {m.group('n')} {unit}"


def _row_cells(line: str) -> list[str]:
    return [c.strip() for c in _CELLS.split(line.strip().strip("|").strip())]


def _unquote(cell: str) -> str:
    """An Excel cell copied with its line breaks comes quoted ('"Describe ...\n- a"'): the text inside."""
    c = cell.strip()
    if len(c) >= 2 and c[0] == '"' and c[-1] == '"':
        return c[1:-1].replace('""', '"')
    return c


_ASKED_COLUMN = re.compile(r"(?i)^\s*(?:(?:evidence|information|detail|response)s?\s+(?:required|requested|needed|sought|expected)"
                           r"|evidence(?:\s+of\s+\w+)?|what\s+(?:you|bidders?|tenderers?|providers?)\s+(?:should|must|need\s+to)\s+\w+"
                           r"|what\s+we\s+(?:need|want|expect|would\s+like)\s+to\s+(?:see|know))\s*$")
"""A header cell naming what the bidder has to give under each row ('Evidence required', 'Information
requested', 'What you should provide'): the column that asks, beside a 'Requirement' column that states."""


def _is_header(cells: list[str]) -> dict[str, int]:
    """The columns a header row names ({} when the cells read as a row of a question, not a header). Beside a
    column of the buyer's requirements, a column naming the evidence wanted is the one that asks: it is read
    as the question, and the requirement as the row's context ('Requirement | Evidence required')."""
    # (a short abbreviation's full stop is no sentence's: 'No. | Requirement | Bidder guidance | ...', dev31 q08)
    if any(len(c.split()) > 6 or re.search(r"[?!]$|\d", c) or c.endswith(".") and not re.fullmatch(r"[^\W\d_]{1,4}\.", c)
           for c in cells if c):
        return {}
    cols = header_columns(cells)
    asked = next((i for i, c in enumerate(cells) if _ASKED_COLUMN.match(c)), None)
    if asked is None:
        return cols
    if cols and asked != cols["question"] and not re.search(r"(?i)\bquestion", cells[cols["question"]]):
        cols = {k: v for k, v in cols.items() if v != asked}
        cols["context"], cols["question"] = cols["question"], asked
    elif not cols:
        # 'Standard | Evidence needed': a label column the header words do not name, beside the evidence column
        named = {k: v for k, v in header_columns(cells[:asked] + ["Question"] + cells[asked + 1:]).items()}
        stated = [i for i, c in enumerate(cells) if c.strip() and i != asked and i not in named.values()]
        if len(stated) == 1:
            cols = {**named, "context": stated[0]}
    return cols


def _gather_rows(lines: list[str], width: int | None) -> tuple[list[list[str]], list[str]]:
    """The rows in ``lines`` (cells split by bars or tabs), a cell that runs over several lines kept whole
    (quoted by Excel, or a row shorter than its header), and the lines after the rows."""
    rows: list[list[str]] = []
    cur: list[str] | None = None
    after: list[str] = []
    open_quote = False
    for line in lines:
        if _MD_RULE.match(line) and "-" in line:
            continue
        cells = _row_cells(line) if (_CELLS.search(line) or open_quote or cur is not None) else [line.strip()]
        several = len(cells) >= 2
        if cur is None:
            if not line.strip():
                continue
            cur = cells
        elif open_quote or (width and len(cur) < width) or (not width and not several and not _closed(cur)):
            cur[-1] = f"{cur[-1]}\n{cells[0]}" if cur[-1] else cells[0]
            cur.extend(cells[1:])
        elif several:
            rows.append(cur)
            cur = cells
        else:
            after.append(line)
            continue
        open_quote = cur[-1].lstrip().startswith('"') and cur[-1].count('"') % 2 == 1
    if cur is not None:
        rows.append(cur)
    return [[_unquote(c) for c in r] for r in rows], after


def _closed(cells: list[str]) -> bool:
    """A row without a header ends with its limit or weighting cell: what follows is not one of its cells."""
    last = cells[-1].strip()
    return bool(re.fullmatch(r"\d+(?:\.\d+)?\s*%", last) or limit_cell(last) or _NO_WEIGHT.match(last))


_POINTS_BACK_TO_ROW = re.compile(r"(?i)\b(?:this|these|those|that)\s+(?!is\b|are\b|was\b|will\b|the\b)[a-z]{3,}")


def _row_text(cells: list[str], cols: dict[str, int], header: list[str]) -> list[str]:
    """One row written out as a question: its question, guidance, limit and weighting lines."""
    if cols:
        def cell(kind: str) -> str:
            i = cols.get(kind)
            return cells[i] if i is not None and i < len(cells) else ""

        out = [cell("question"), cell("guidance")]
        if out[0] and len(out[0].split()) <= 8 and not re.search(r"[.?!:;]\s*$", out[0]) \
                and not _ASK_WORDS.search(out[0]) and _ASK_WORDS.search(out[1]):
            # a requirement's short label over the guidance that asks ('Links with the crisis line' | 'Explain how
            # ...'): a title of its own, not the first words of the ask's sentence
            out[0] = out[0].rstrip() + "."
        if cell("context") and _POINTS_BACK_TO_ROW.search(out[0]):
            # 'Explain how you will meet this timescale' needs its row's requirement to make sense
            out[0] = f"{cell('context').rstrip(' .:')}: {out[0]}"
        limit, weight = cell("limit"), cell("weighting")
        if limit:
            out.append(limit_cell(limit, header[cols["limit"]]) or limit)
        if weight:
            out.append(f"Weighting: {weight}%" if re.fullmatch(r"[\d.]+", weight) else f"Weighting: {weight}")
        return out
    # a row without its header: a bare percentage is the weighting, a bare number the word limit (a second,
    # smaller bare number after it the weighting), 'Label: value' cells go by their label
    out: list[str] = []
    limit_seen = False
    for n, c in enumerate(cells):
        label = re.match(r"^([A-Za-z][A-Za-z ()%.]{1,30}?)\s*:\s*(\S.*)$", c, re.S)
        kind = column_kind(label.group(1)) if label and len(label.group(1).split()) <= 3 else None
        kind = kind if kind in ("ref", "question", "guidance", "limit", "weighting") else None
        value = label.group(2).strip() if kind else c
        if (n == 0 or kind == "ref") and _ROW_REF.match(value):
            continue  # the reference
        if kind == "weighting" or re.fullmatch(r"\d+(?:\.\d+)?\s*%", value):
            out.append(f"Weighting: {value}%" if re.fullmatch(r"[\d.]+", value) else f"Weighting: {value}")
        elif _NO_WEIGHT.match(value):
            continue
        elif limit_seen and re.fullmatch(r"\d{1,2}(?:\.\d+)?", value):
            out.append(f"Weighting: {value}%")
        elif (kind in (None, "limit")) and limit_cell(value, label.group(1) if kind else ""):
            out.append(limit_cell(value, label.group(1) if kind else ""))
            limit_seen = True
        elif value:
            out.append(value)
    return out


_QUOTED_CELL = re.compile(r'(?m)(?:^|(?<=\t)|(?<=\|))[^\S\n]*"(?:[^"]|"")*\n(?:[^"]|"")*"(?=[^\S\n]*(?:\t|\||$))')
_KEPT_BREAK = "\ue000"


def _csv_as_bars(text: str) -> str:
    """Spreadsheet rows saved or pasted as comma-separated values ('Row,Question,Guidance,Max words,Weight' over
    '14,"Describe ...","...",400,5%'): written with bars, as a pasted table is. Only from a header line whose cells
    name a question column (:func:`_is_header`), and only the lines after it that have as many cells; anything
    else is left as it is (a sentence's commas are not cells)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "," not in line or "|" in line or "\t" in line:
            continue
        head = next(csv.reader([line]))
        if len(head) < 3 or not _is_header([c.strip() for c in head]):
            continue
        rest = "\n".join(lines[i + 1:])
        rows, used = [], 0
        reader = csv.reader(io.StringIO(rest))
        try:
            for row in reader:
                if len(row) != len(head):
                    break
                rows.append(row)
                used = reader.line_num
        except csv.Error:
            return text
        if not rows:
            return text
        body = rest.split("\n")
        out = [" | ".join(c.strip() for c in head)] + [" | ".join(" ".join(c.split()) for c in r) for r in rows]
        return "\n".join(lines[:i] + out + body[used:])
    return text


class _Table(NamedTuple):
    """A spreadsheet row (or table) pasted as text, taken apart by :func:`_row_parts`."""

    before: list[str]
    """The lines before the table."""
    header: list[str]
    """Its header's cells ([] when its first line names no question column)."""
    cols: dict[str, int]
    """The columns the header names."""
    rows: list[list[str]]
    """The rows' cells (the first line's too when there is no header)."""
    after: list[str]
    """The lines after the rows."""
    ruled: bool
    """The table's first line is a Markdown header: a rule line ('|---|---|') right under it."""


def _row_parts(question: str) -> _Table | None:
    """A spreadsheet row pasted as text, taken apart (:class:`_Table`); None when the text holds no such row."""
    text = _csv_as_bars((question or "").replace("\r\n", "\n").replace("\r", "\n"))
    # an Excel cell with line breaks is copied in quotes: its breaks are not the row's end
    text = _marker_spacing(_QUOTED_CELL.sub(lambda m: m.group(0).replace("\n", _KEPT_BREAK), text))
    lines = text.split("\n")
    # a row has three cells or more; two do when they are the header of a requirement and its evidence column
    start = next((i for i, line in enumerate(lines) if _CELLS.search(line) and not _MD_RULE.match(line)
                  and len([c for c in _row_cells(line) if c]) >= 2
                  and (len(_row_cells(line)) >= 3 or "context" in _is_header(_row_cells(line)))), None)
    if start is None:
        return None
    # the questionnaire's own table after a table of the buyer's facts ('| Role | Minimum | Caseload cap |' above
    # '| Ref | Question | Guidance | Word limit | Weighting |'): its rows are the question's (s22 dev q06: the two
    # tables were read as one, their cells spliced)
    if not _is_header(_row_cells(lines[start])):
        start = next((i for i in range(start + 1, len(lines)) if _MD_RULE.match(lines[i].strip()) and i
                      and _CELLS.search(lines[i - 1]) and _is_header(_row_cells(lines[i - 1]))
                      and not _MD_RULE.match(lines[i - 1].strip()) and lines[i - 1].strip().startswith("|")), start + 1) - 1
    first = _row_cells(lines[start])
    cols = _is_header(first) if any(ln.strip() and not _MD_RULE.match(ln) for ln in lines[start + 1:]) else {}
    header = first if cols else []
    rows, after = _gather_rows(lines[start + 1:] if cols else lines[start:], len(header) if cols else None)
    if not rows:
        return None
    rows = [[c.replace(_KEPT_BREAK, "\n") for c in r] for r in rows]
    ruled = lines[start].strip().startswith("|") and start + 1 < len(lines) and bool(_MD_RULE.match(lines[start + 1].strip())) \
        and "-" in lines[start + 1]
    return _Table([ln.strip() for ln in lines[:start] if ln.strip()], header, cols, rows,
                  [ln.replace(_KEPT_BREAK, "\n") for ln in after], ruled)


_ROW_BREAK = "\ue001"
"""Opens each row of a questionnaire table written out for the splitter (:func:`_prepared`), with the row's
reference after it: each row is read as a part of its own."""


def unpack_row(question: str, *, rows_apart: bool = False) -> str:
    """A spreadsheet row pasted as text ('5.1 | Describe ... | ... | 500 | 7.5%', with bars or tabs, with
    or without its header line 'Ref | Question | Guidance | Max words | Weighting', under a title line or
    not, as a Markdown table or not) written out as a question: the question, its guidance, 'Maximum 500
    words', 'Weighting: 7.5%' (the header says what a bare number in a cell is). Any other text is
    returned as it is (its line breaks made '\\n')."""
    parts = _row_parts(question)
    if parts is None:
        return _marker_spacing((question or "").replace("\r\n", "\n").replace("\r", "\n"))
    before, header, cols, rows, after = parts.before, parts.header, parts.cols, parts.rows, parts.after
    if not cols and (len(rows) >= 3 and not any(_ASK_WORDS.search(c) for r in rows for c in r)
                     or len(rows) >= 2 and _figures_header(rows[0]) or parts.ruled and _facts_header(rows[0])):
        # a table of the buyer's figures (three rows or more, no question in any cell: '| Men aged 18–34 | 14.9% |'):
        # context to read as it is, not questionnaire rows whose bare percentages would be weightings
        return _marker_spacing((question or "").replace("\r\n", "\n").replace("\r", "\n"))
    if cols and _requirements_table(header, cols, rows):
        return _marker_spacing((question or "").replace("\r\n", "\n").replace("\r", "\n"))
    out = list(before)
    # under a column of the evidence wanted ('Evidence required') every filled cell asks, noun phrase or not
    asking = [bool(cols) and len(cells) == len(header) and (bool(_ASK_WORDS.search(cells[cols["question"]])) or
                                                            "context" in cols and bool(cells[cols["question"]].strip()))
              for cells in rows]
    apart = rows_apart and sum(asking) >= 2
    for cells, asks in zip(rows, asking):
        if out and cols:
            out.append("")  # each row a paragraph of its own: a title line over the table does not run into its question
        if apart:
            # a row that asks nothing (a scoring table's, run on after the questions) is the question's context
            ref = (cells[cols["ref"]].strip() or " ") if asks and "ref" in cols and cols["ref"] < len(cells) else " " if asks else "-"
            out += [f"{_ROW_BREAK}{ref}", ""]
        out += _row_text(cells, cols, header)
    out += [ln.strip() for ln in after if ln.strip()]
    return "\n".join(t for n, t in enumerate(out) if t or (n and out[n - 1]))


def _requirements_table(header: list[str], cols: dict[str, int], rows: list[list[str]]) -> bool:
    """A table of the buyer's terms under a 'Requirement' column ('| Requirement | Minimum |' over '| Pay | Real
    Living Wage for all staff |'): no column for a limit, weighting, guidance or reference, and no row that asks.
    Its rows are the buyer's requirements, not questions (s24 dev q07: each row's label was a sub-point)."""
    if set(cols) - {"question", "answer"} or \
            " ".join(header[cols["question"]].lower().split()) not in _words("requirement_labels"):
        return False
    return not any(_ASK_WORDS.search(c) for r in rows for c in r if len(r) == len(header))


def _figures_header(cells: list[str]) -> bool:
    """A table's header row that names no question column ('KPI | Description | Target | Reporting', 'Standard |
    Requirement' is a question's): short labels, no figures, no sentence. The table under it is the buyer's
    facts (s18 dev q03: each KPI's target, 95%, was read as the question's weighting)."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(re.search(r"[.?!:;]$", c) or len(c.split()) > 6 for c in filled):
        return False
    # a figure inside a label ('Maximum caseload per 1.0 WTE', s24 q08) is the label's; a cell that is a figure, a
    # reference or a limit is a row's value, not a label (a headerless row '| 3.1 | Safeguarding | 500 | 10% |')
    figures = [c for c in filled if re.search(r"\d", c)]
    return all(len(c.split()) <= 4 for c in filled if c not in figures) and all(
        len(re.findall(r"[^\W\d_]{3,}", c)) >= 2 and not limit_cell(c) and not re.search(r"\d\s*%", c) for c in figures)


def _facts_header(cells: list[str]) -> bool:
    """A Markdown table's header row (:attr:`_Table.ruled`) that names no question column and no limit or weighting
    column (:func:`columns.names_limit`: '| Role | Minimum WTE | Caseload cap per 1.0 WTE |', '| KPI | Target |
    Reporting |'): the table is the buyer's facts, read as context. Its bare numbers ('1.0', '25') are staffing or
    targets, not limits: a header line says what each column holds, and none of these holds a limit (s33 q10: '1.0'
    WTE was read as a 1-word limit, '25' as a weighting)."""
    return any(c.strip() for c in cells) and not any(names_limit(c) for c in cells)


def _row_title(header: list[str], cols: dict[str, int], cells: list[str]) -> str:
    """A row's reference and title ('Q4.3 Step-down'): from the columns its header names, else from
    its own cells (a reference first, a short title cell before the question, 'Ref: Q4.3')."""
    if cols:
        low = [h.strip().lower() for h in header]
        ref = next((cells[i] for i, h in enumerate(low) if i < len(cells) and re.match(r"^(?:ref|no\b|number|id\b|q\b)", h)), "")
        name = next((cells[i] for i, h in enumerate(low) if i < len(cells) and re.match(r"^(?:title|topic|heading)", h)), "")
        asked = next((cells[i] for i, h in enumerate(low) if i < len(cells) and h.startswith("question")), "")
        label = re.match(r"^([A-Z][^:.?!]{3,60}):\s+\S", asked)
        if not name and label and len(label.group(1).split()) <= 8:
            name = label.group(1)  # 'Information governance and data security: describe how ...'
        return " ".join(x for x in (ref, name) if x)
    ref = name = ""
    for n, c in enumerate(cells):
        value = re.sub(r"(?i)^(?:ref(?:erence)?|question\s+(?:no\.?|number|ref))\s*:\s*", "", c).strip()
        if n == 0 and _ROW_REF.match(value):
            ref = value
            continue
        short = len(value.split()) <= 8 and not re.search(r"[.?!:;]$", value) and not _ASKED.match(value)
        if short and value and not limit_cell(value) and not re.search(r"\d\s*%|^\d", value) \
                and not _NO_WEIGHT.match(value):
            name = _title_words(value)
        break  # the title, if any, comes before the question
    return " ".join(x for x in (ref, name) if x)


def header_unit(header: str) -> str:
    """The unit a limit's column header or label names: 'Max characters' -> 'characters', 'Pages' ->
    'sides of A4', and 'words' otherwise."""
    name = header.lower()
    return "characters" if "char" in name else "sides of A4" if re.search(r"page|side", name) else "words"


def _limit_cells(text: str) -> str:
    """A Markdown table that only gives the limit and weighting, written out as lines ('| Weighting | 15% |' ->
    'Weighting: 15%'; '| Weighting | Word limit |' over '| 20% | 1,000 words across 1.1 and 1.2 |' -> 'Weighting:
    20%' and 'Word limit: 1,000 words ...'), and a line of fields joined by bars ('Weighting: 10% | Limit: 5,000
    characters') as a line each (s19 dev d16, d21, d26: the limits were unread). Other tables are left as they are."""
    lines = text.split("\n")
    out: list[str] = []
    header: list[str] | None = None
    for n, line in enumerate(lines):
        t = line.strip()
        if not t.startswith("|"):
            header = None
            if " | " in t and all(":" in c for c in t.split(" | ")):
                out += [c.strip() for c in t.split(" | ")]
            else:
                out.append(line)
            continue
        cells = _row_cells(t)
        if _MD_RULE.match(t):
            above = _row_cells(lines[n - 1].strip()) if n and lines[n - 1].strip().startswith("|") else []
            header = above if above and all(column_kind(c) in ("limit", "weighting") and not re.fullmatch(
                r"(?i)\s*scores?\s*", c) for c in above) else None
            if header:
                out.pop()  # the header's labels go before each value
            else:
                out.append(line)
            continue
        if header and len(cells) == len(header):
            out += [f"{h}: {c}" for h, c in zip(header, cells)]
        elif len(cells) == 2 and column_kind(cells[0]) in ("limit", "weighting") and re.search(r"\d", cells[1]) \
                and not re.fullmatch(r"(?i)\s*scores?\s*", cells[0]):
            out.append(f"{cells[0]}: {cells[1]}")
        else:
            out.append(line)
    return "\n".join(out)


_MD_EMPHASIS = re.compile(r"\*\*|__")
"""Markdown's bold marks, which stand between a limit's label and its figure."""


def read_limits(question: str, *, strict: bool = False) -> Limits:
    """Word, character and page limits and the weighting written in a question.

    With ``strict``, a limit named but not given as a number ("Word limit: TBC")
    is an error: a budget cannot be guessed.
    """
    # bold and italic marks read as blanks of the same length ('**Weighting:** 12%' is 'Weighting: 12%'; the spans
    # still fall where they were written): the s22 and s24 writers bolded every limit's label
    text = _MD_EMPHASIS.sub(lambda m: " " * len(m.group(0)), _limit_cells(unpack_row(question or "").replace("\t", "\n")))
    out = Limits()
    weighed = None
    for attr, patterns in (("words", _WORD_LIMITS), ("chars", _CHAR_LIMITS), ("pages", _PAGE_LIMITS),
                           ("weighting", _WEIGHTINGS)):
        for pattern in patterns:
            m = next((x for x in pattern.finditer(text) if not _about_attachment(text, x)
                      and not (attr == "weighting" and _ENVELOPE.search(text, 0, x.start()))), None)
            if not m:
                continue
            value = _number(m.group(1))
            if getattr(out, attr) is None:
                setattr(out, attr, value if attr in ("pages", "weighting") else int(value))
                weighed = m if attr == "weighting" else weighed
            out.spans.append(m.span())
            for more in pattern.finditer(text):
                out.spans.append(more.span())
                note = _COUNT_NOTE.match(text, more.end())
                if note:  # '(headings and tables are included in the count)': how to count, not an ask
                    out.spans.append(note.span())
    if out.words is None and out.chars is None and out.pages is None:
        _bare_limit(text, out)
    if weighed is not None:
        _marks_of_stated_total(text, weighed, out)
    if out.weighting is None:
        _marks_weighting(text, out)
    parts = _part_limit_matches(text)
    whole = [m for pattern in _WORD_LIMITS for m in pattern.finditer(text) if not _about_attachment(text, m)]
    if len(parts) >= 2 and len({m.group(1).strip().lower() for m in parts}) == len(parts) and all(
            any(p.start() <= w.start() < p.end() or w.start() <= p.start(2) < w.end() for p in parts) for w in whole):
        # 'Section 1 – 400 words; Section 2 – 300 words', 'Part A ... (300 words)' / 'Part B ... (700 words)' and no
        # limit for the whole: the answer's limit is the parts' together (each part held to its own when placed)
        out.words, out.per_part = sum(int(_number(p.group(2))) for p in parts), True
    elif out.words is None and len(parts) == 1 and _NO_NARRATIVE.search(text):
        # 'Part A: Yes/No response only. Part B: 750 words.': the one part with words holds the answer's narrative,
        # the other is confirmations, so the answer is held to that part's limit (its Yes lines count in it too)
        out.words = int(_number(parts[0].group(2)))
        out.spans.append(parts[0].span())
    _sum_parts(question, text, out)
    _whole_limit(question, text, out)
    _each_listed_part(text, out)
    _sum_titled_parts(question, out)
    _sum_numbered_weights(text, out)
    brackets = [m for m in _BRACKET_PERCENT.finditer(text) if not _ENVELOPE.search(text, 0, m.start())]
    if out.weighting is None and len(brackets) == 1:
        # one '(15%)' in the question is its weighting; several are the weights of its sub-points
        out.weighting = _number(brackets[0].group(1))  # left in the text: a sub-point's own weight reads it too
    if strict:
        m = _UNREADABLE.search(text)
        if m and not any(a <= m.start() < b for a, b in out.spans):
            raise InputError(f"the limit {text[m.start():m.end()].strip()!r} is not a number")
    return out


_BARE_LIMIT = re.compile(rf"(?im)^[^\S\n]*(?:(?:response|answer|word|length)[^\S\n]+)?(?:limit|max(?:imum)?\.?)[^\S\n]*[:=–-][^\S\n]*{_N}"
                         rf"(?![^\S\n]*(?:%|[^\W\d_]))")
_UNIT_SAID = re.compile(r"(?i)\b(?P<c>char(?:acter)?s?)\b|\b(?P<p>pages?|sides?)\b|\b(?P<w>words?)\b")


def _bare_limit(text: str, out: Limits) -> None:
    """A limit given as a number alone on its line ('Limit: 1500'), its unit said elsewhere in the question ('Responses
    in this section are limited by characters, including spaces', 'Text beyond 500 words will not be evaluated'):
    the first unit named outside it; words when none is."""
    m = _BARE_LIMIT.search(text)
    if not m:
        return
    said = next((u for u in _UNIT_SAID.finditer(text) if not m.start() <= u.start() < m.end()), None)
    value = int(_number(m.group(1)))
    if said and said.group("c"):
        out.chars = value
    elif said and said.group("p"):
        out.pages = float(value)
    else:
        out.words = value
    out.spans.append(m.span())


_MARKS_OF_TOTAL = re.compile(rf"(?i)\b{_N}\s+(?:marks?\s+)?(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?{_N}\s+"
                             rf"(?:quality\s+|technical\s+)?marks?\b")
_SCORE_TIMES = re.compile(r"(?i)\bscor(?:e|ed|ing)\b[^\n\d]{0,12}0\s*[–—-]\s*(\d{1,2})\s*[x×]\s*(\d{1,2}(?:\.\d+)?)\b")
_MARKS_AFTER = re.compile(rf"(?im)(?<=[\d.)\]])[^\S\n]*[\(\[]\s*{_N}\s*marks?(?:\s+(?:in\s+total|total|available))?\s*[\)\]][^\S\n]*$")


_TOTAL_MARKS = re.compile(rf"(?i)\b(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+)?{_N}\s+(?:quality\s+|technical\s+)?marks?\b"
                          rf"|\b{_N}\s+marks?\s+in\s+total\b|\btotal\s*:\s*{_N}\s+marks?\b")
_OWN_MARKS = re.compile(rf"(?i)\b(?:available\s+marks?|marks?\s+available|marks?)\s*[:=–-]\s*{_N}\b|\b{_N}\s+marks?\b")
MIN_MARKS_TOTAL = 50
"""The least total of marks read as the evaluation's ('400 marks in total'); a smaller one is a question's own (its
parts' '10 marks each, 20 marks in total')."""


def _marks_of_stated_total(text: str, weighed: re.Match, out: Limits) -> None:
    """A weighting read as raw marks ('worth 30 marks', 'carries 400 marks', 'Marks available: 14') where the
    question also states the total they are out of ('out of the 500 marks available', 'The quality questionnaire
    carries 400 marks in total', '(of 200 quality marks)'): the question's marks as a percentage of that total, as
    the writers label it (30 of 500: 6). A total of 100 is the percentage already; with no total stated, marks stay
    marks."""
    said = weighed.group(0).lower()
    if "mark" not in said or "%" in said:
        return
    totals = [t for t in _TOTAL_MARKS.finditer(text) if not _ENVELOPE.search(text, 0, t.start())]
    if not totals:
        return
    t = totals[0]
    total = _number(next(g for g in t.groups() if g))
    if total == 100 or total < MIN_MARKS_TOTAL:
        return
    own = next((m for m in _OWN_MARKS.finditer(text) if m.end() <= t.start() or m.start() >= t.end()), None)
    if own is None:
        return
    marks = _number(next(g for g in own.groups() if g))
    if 0 < marks < total:
        out.weighting = round(100 * marks / total, 2)
        out.spans.extend([t.span(), own.span()])


def _marks_weighting(text: str, out: Limits) -> None:
    """The weighting written as marks in shapes the patterns do not read: marks of a stated total ('(20 of the 200
    marks available)': 10, a percentage); a score times a multiplier ('Score: 0–4 × 3': its maximum, 12); marks in
    brackets at the end of a line after a limit or a sentence ('(750 words) (15 marks)', '... may be attached. (15
    marks)'), the raw marks."""
    m = _MARKS_OF_TOTAL.search(text)
    if m and _number(m.group(2)) > 0:
        out.weighting = round(100 * _number(m.group(1)) / _number(m.group(2)), 2)
    elif (m := _SCORE_TIMES.search(text)) is not None:
        out.weighting = _number(m.group(1)) * _number(m.group(2))
    elif (m := next((x for x in _MARKS_AFTER.finditer(text) if not _ROW_REF.match(
            text[text.rfind("\n", 0, x.start()) + 1:x.start()].strip())), None)) is not None:
        # not a bare reference's marks ('Q4 (20 marks)' alone on its line names no weighting: the s6i writer's label)
        out.weighting = _number(m.group(1))
    if m:
        out.spans.append(m.span())


def _whole_limit(question: str, text: str, out: Limits) -> None:
    """The limit said of the whole answer when the question also gives others ('(max. 400 words)' on each of four
    headings, then 'the overall maximum is 1,400 words'; 'The whole answer must not exceed 800 words' after a part's
    'Maximum 300 words'): the whole's is the answer's, whichever comes first (s16 q09 read 400)."""
    if out.per_part or numbered_parts(question)[0]:
        return
    found = [m for pattern in _WORD_LIMITS for m in pattern.finditer(text) if not _about_attachment(text, m)]
    if len({_number(m.group(1)) for m in found}) < 2:
        return
    whole = {int(_number(m.group(1))) for m in found if _said_of_whole(text, m)}
    if len(whole) == 1:
        out.words = whole.pop()


WHOLE_REACH = 40
"""How far before a limit the words that say it is the whole answer's may stand ('the overall maximum is ...')."""


def _said_of_whole(text: str, m: re.Match) -> bool:
    """'(900 words in total)', 'the overall maximum is 1,400 words', 'The whole answer must not exceed 800 words':
    a limit said of the whole answer, not of a part ('500 words max per part' is each part's)."""
    if _EACH_PART.match(text, m.end()):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    after = text.find("\n", m.end())
    window = text[max(line_start, m.start() - WHOLE_REACH):m.end()] + text[m.end():after if after >= 0 else len(text)][:25]
    return bool(_WHOLE_WORDS.search(window))


_EACH_PART_BEFORE = re.compile(r"(?i)(?:^|[.;]\s+)(?:for\s+)?(?:each|every|per)\s+(?:part|section|sub-?question)\s*[:,–—-]?\s*"
                               r"(?:(?:is\s+)?(?:limited\s+to|max(?:imum)?\.?|up\s+to|no\s+more\s+than|word\s+limit)\s*[:–—-]?\s*)?$")
"""'Each part: maximum 250 words', 'For each part, no more than 250 words': the limit that follows is each part's."""


def _each_listed_part(text: str, out: Limits) -> None:
    """A word limit said of each part ('Each part: maximum 250 words.', '250 words per part') and no other word
    limit (none for the whole), over one list of parts ('1. Describe ...' / '2. Explain ...' / '3. Set out ...'):
    the answer's limit is the parts' together, the limit times the number of parts (s17 q11, spent: 250 was read,
    a third of the answer's room; the writer labelled 750). Nothing when the parts cannot be counted (no list, or
    more than one)."""
    if out.per_part or not out.words:
        return
    found = [m for pattern in _WORD_LIMITS for m in pattern.finditer(text) if not _about_attachment(text, m)]
    if len({int(_number(m.group(1))) for m in found}) != 1:
        return
    line_start = text.rfind("\n", 0, found[0].start()) + 1
    before = re.sub(r"\s+", " ", text[line_start:found[0].start()]).strip()
    if not (_EACH_PART_BEFORE.search(before) or _EACH_PART.match(text, found[0].end())):
        return
    lines = text.split("\n")
    runs = _list_runs(lines)
    if len(runs) != 1:
        return
    first, last = runs[0]
    base = len(lines[first]) - len(lines[first].lstrip())
    parts = sum(1 for ln in lines[first:last + 1] if _LIST_LINE.match(ln) and len(ln) - len(ln.lstrip()) <= base)
    if parts >= 2:
        out.words = out.words * parts


_PARTS_WEIGHTS = re.compile(r"(?im)^[ \t]*(?:[^\W\d_]{2,12}[ \t]*/[ \t]*)?weight(?:ing)?[ \t]*[:=–-][^\n]*$")
_PART_WEIGHT = re.compile(rf"(?i)\b(?:part\s+([a-z0-9]{{1,2}})|(\d{{1,2}}\.\d{{1,2}}))\s*[:=–-]?\s*{_N}\s*%")
# a numbered part with its weighting in brackets after it: '11.1 (weighting 6%, maximum 800 words) and 11.2 (weighting
# 4%, ...)'
_REF_WEIGHT = re.compile(rf"(?i)(?<![\d.])(\d{{1,2}}\.\d{{1,2}})[^\S\n]*[\(\[][^\S\n]*weight(?:ing)?[^\S\n]*[:=–-]?[^\S\n]*{_N}\s*%")


def _sum_parts(question: str, text: str, out: Limits) -> None:
    """The answer's limit and weighting when the buyer gives them per part only, each read and added up:
    'Weighting: Part A 4%; Part B 4%'; part titles 'Part A – ... (750 words; 6%)'; a table's rows, each with
    its 'Max words' and 'Weighting' cells; numbered items each with their own limit ('7.1 ... Max 300 words.',
    '7.2 ... Max 200 words.') and none for the whole (s18 dev q05, q09, q15, q16, q18)."""
    # 'Weighting: Part A 4%; Part B 4%', 'Weighting: 6.1 – 5%, 6.2 – 5%' (its first part's number is no weighting)
    listed = [(m.group(1) or m.group(2), m.group(3)) for line in _PARTS_WEIGHTS.finditer(text)
              for m in _PART_WEIGHT.finditer(line.group(0))]
    titled = [(m.group(1), m.group(3)) for m in _PART_TITLE_LIMIT.finditer(text) if m.group(3)]
    bracketed = [(m.group(1), m.group(2)) for m in _REF_WEIGHT.finditer(text)]
    for found in (listed, titled, bracketed):
        if len(found) >= 2 and len({ref.lower() for ref, _ in found}) == len(found):
            out.weighting = sum(_number(n) for _, n in found)
    rows = _row_parts(question)
    if rows and len(rows.rows) >= 2:
        header, cols, cells = rows.header, rows.cols, rows.rows
        if header:  # a scoring table's rows run on after the questions' are none of theirs
            cells = [r for r in cells if len(r) == len(header)]
        for kind in ("limit", "weighting"):
            values = [r[cols[kind]].strip() for r in cells if kind in cols and cols[kind] < len(r)]
            if len(values) < 2 or len(values) != len(cells):
                continue
            if kind == "weighting" and all(re.fullmatch(r"\d+(?:\.\d+)?\s*%?", v) for v in values):
                out.weighting = sum(_number(v.rstrip("% ")) for v in values)
            elif kind == "limit":
                read = [read_limits(limit_cell(v, header[cols[kind]]) or v) for v in values]
                if all(x.words for x in read):
                    out.words = sum(x.words or 0 for x in read)
                elif all(x.chars for x in read):
                    out.chars = sum(x.chars or 0 for x in read)  # a 'Max chars' column, one limit a row (dev31 q01)
    if out.chars and not out.words:
        _sum_numbered_chars(text, out)
    if (out.words or out.pages) and not out.per_part:
        parts, total = numbered_parts(question)
        if parts and all(p.pages for p in parts) and not total:
            out.pages = sum(p.pages or 0 for p in parts)  # '(2 sides of A4)' / '(1 side of A4)': 3 sides together
        elif parts:  # numbered parts each with its own limit: the limit stated for them together, else their sum
            out.words = total or sum(p.limit for p in parts)
            if not total and any(p.pages or p.chars for p in parts):
                # parts held to limits of different kinds ('12.1 ... (maximum 3 sides of A4)' / '12.2 ... (maximum
                # 600 words)', s32 q12): each kind as stated, the parts' of that kind together (600 words and 3
                # sides); the answer's words are the parts' own together (:func:`plan_question`)
                out.words = sum(p.limit for p in parts if not p.pages and not p.chars) or None
                out.pages = sum(p.pages or 0 for p in parts) or None
                out.chars = sum(p.chars or 0 for p in parts) or None


def _sum_numbered_chars(text: str, out: Limits) -> None:
    """Numbered parts each with a character limit of its own ('6.1.1 ... (Max 1,500 characters)' / '6.1.2 ... (Max
    2,500 characters)') and none said of the whole: the answer's limit is theirs together, as for words. Nothing
    when a part has none, or a limit stands before the first part (the whole's)."""
    heads = _leaf_heads([h for h in _NUMBERED_HEAD.finditer(text) if h.group("ref")])
    refs = [h.group("ref").lower() for h in heads]
    if len(heads) < 2 or len(set(refs)) != len(refs):
        return
    found = sorted({(m.start(), int(_number(m.group(1)))) for pattern in _CHAR_LIMITS for m in pattern.finditer(text)})
    if not found or found[0][0] < heads[0].start() or _WHOLE_WORDS.search(text[heads[-1].start():]):
        return
    values = []
    for n, h in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        mine = [v for at, v in found if h.start() <= at < end]
        if not mine:
            return
        values.append(mine[0])
    out.chars = sum(values)


def _sum_titled_parts(question: str, out: Limits) -> None:
    """Parts under their own titles, each with its own weighting ('4.1 Physical health' ... 'Weighting: 6%.' / '4.2
    Co-occurring substance use' ... 'Weighting: 6%.') and none for the whole question: the question's weighting is
    the parts' together (s22 dev q04: 6% was read, the first part's). Their word limits are read by
    :func:`numbered_parts`, the one reader of parts' limits."""
    if "\n" not in (question or ""):
        return
    parts = _scored_parts(_part_heads_apart(unpack_row(question).replace("\t", "\n")))
    if len(parts) < 2:
        return
    own = [read_limits(p) for p in parts]
    for attr, patterns in (("weighting", _WEIGHTINGS),):
        values = [getattr(x, attr) for x in own]
        # each part states its own (a figure in brackets, '(21%)', is no part's weighting)
        stated = all(any(pattern.search(p) for pattern in patterns) for p in parts)
        if all(values) and stated and getattr(out, attr) == values[0]:
            setattr(out, attr, sum(values) if attr == "weighting" else int(sum(values)))


def _sum_numbered_weights(text: str, out: Limits) -> None:
    """Numbered parts each closing on its own weighting ('**6.1** Describe ...' / '(maximum 500 words; weighting
    4%)' / '**6.2** ...' / '(maximum 300 words; weighting 2%)'; '6.1 Staffing structure (maximum 600 words) – 6
    marks') and none for the whole: the question's weighting is the parts' together (s21 q06, s24 q06 read the first
    part's 4%). Nothing when a part has none or two of its own (the whole's written after the last part)."""
    heads = _leaf_heads([h for h in _NUMBERED_HEAD.finditer(text) if h.group("ref")])
    refs = [h.group("ref").lower() for h in heads]
    if out.weighting is None or len(heads) < 2 or len(set(refs)) != len(refs) or len({r.split(".")[0] for r in refs}) != 1:
        return
    found = sorted({(m.start(), _number(m.group(1))) for pattern in _WEIGHTINGS for m in pattern.finditer(text)
                    if not _about_attachment(text, m)})
    if any(at < heads[0].start() for at, _ in found):
        return  # the whole question's, stated before its parts
    values = []
    for n, h in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        mine = {v for at, v in found if h.start() <= at < end}
        if len(mine) != 1:
            return
        values.append(mine.pop())
    if out.weighting == values[0]:
        out.weighting = sum(values)


_NO_NARRATIVE = re.compile(r"\bpass\s*/\s*fail\b|\byes\s*/\s*no\b|\bno\s+narrative\b|\bnot\s+(?:provide|include|give)\s+"
                           r"(?:a\s+|any\s+)?narrative\b", re.I)
"""A part answered by confirmations only ('Pass/Fail', 'Yes/No response only', 'do not provide narrative')."""

_PART_LIMIT = re.compile(rf"\b((?:part|section|question|lot)(?:\s*\([a-z0-9]{{1,4}}\)|\s+[a-z](?![a-z])|\s*\d+(?:\.\d+)*[a-z]?))"
                         rf"\s*[:=–-]\s*(?:max(?:imum)?\.?[^\S\n]*)?{_N}[^\S\n]*words?\b", re.I)


_OTHER_TONGUE = r"(?:[^\W\d_]{2,12}(?:[ \t]+[a-h\d]{1,2})?[ \t]*/[ \t]*)?"
"""A bilingual label's first half before the English one: 'Rhan A / ' in 'Rhan A / Part A – ...'."""

PART_MARGIN = 0.02
"""Kept free below a part's own limit, as a share of it (at least 3 words), as a panel counts each part with its
own tool; the whole answer keeps the same (:data:`evidencebot.compose.tender.PANEL_MARGIN` is this)."""


def part_reserve(limit: int) -> int:
    """Words of a part's own limit its sub-points may not use (:data:`PART_MARGIN`)."""
    return max(3, math.ceil(limit * PART_MARGIN))


_PART_TITLE_LIMIT = re.compile(
    rf"(?im)^[ \t#*>_]*{_OTHER_TONGUE}((?:part|section)[ \t]+(?:[a-h]|\d{{1,2}}|i{{1,3}}|iv))(?![\w.])[^\n(\[]{{0,120}}[(\[][ \t]*"
    rf"(?:(?:max(?:imum)?\.?|up\s+to)[ \t]*)?{_N}[ \t]*words?(?:[ \t]+max(?:imum)?\.?)?"
    rf"(?:[ \t]*[;,][ \t]*{_N}[ \t]*%)?[ \t]*[)\]][ \t]*$")
"""A part's title line that carries its own limit: 'Part A – Young people moving on ...   (300 words)', and
perhaps its weight ('Rhan A / Part A – Clinical governance (750 words; 6%)', group 3)."""


def _part_limit_matches(text: str) -> list[re.Match]:
    """The per-part limits in ``text``, in the order written: a list of them ('Part 1: 600 words; Part 2: 500
    words', 'Section (a) – 600 words') and the parts' own title lines ('Part A – Transitions (300 words)')."""
    found = sorted(list(_PART_LIMIT.finditer(text)) + list(_PART_TITLE_LIMIT.finditer(text)), key=lambda m: m.start())
    out: list[re.Match] = []
    for m in found:
        if not any(m.start() < o.end() and o.start() < m.end() for o in out):
            out.append(m)
    return out


def part_word_limits(question: str) -> list[tuple[str, int]]:
    """Word limits written per part ('Part 1: 600 words; Part 2: 500 words', 'Section (a) – 600 words', a part's
    title line 'Part A – Transitions (300 words)'): each part's label and limit, in the order written."""
    text = unpack_row(question or "")
    return [(m.group(1).strip(), int(_number(m.group(2)))) for m in _part_limit_matches(text)]


def _point_starts(text: str, texts: list[str]) -> list[int | None]:
    """Where each sub-point's wording starts in the question (its first six words), None when not found."""
    starts: list[int | None] = []
    for t in texts:
        words = re.findall(r"\S+", t)[:6]
        m = re.search(r"\s+".join(re.escape(w) for w in words), text) if words else None
        if words and not m:
            # its limit in brackets in the middle of its words, taken out of the sub-point ('Continuity of care (max.
            # 300 words) – how people ...', s16 q09, spent: no heading was held to its own limit)
            m = re.search(r"\s+(?:[(\[][^()\[\]\n]{1,40}[)\]]\s+)?".join(re.escape(w) for w in words), text)
        if words and not m:
            # an item said with its list's lead ('how you will work with ...' from 'Describe how you will:' + '- work
            # with ...', s31 q05): found by its own words after the lead, five or more of them
            rest = re.findall(r"\S+", t)
            for drop in range(1, 5):
                own = rest[drop:drop + 6]
                if len(own) < 5:
                    break
                m = re.search(r"\s+".join(re.escape(w) for w in own), text)
                if m:
                    break
        starts.append(m.start() if m else None)
    return starts


_QUESTION_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?q(?:uestion)?(?![a-z])\.?", re.I)
"""A numbered line that numbers the question itself ('Question 2.3 Workforce', 'Q4.1 Housing'), not one of its parts."""

_NUMBERED_HEAD = re.compile(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:q(?:uestion)?\.?[ \t]*)?(?:(?P<ref>\d{1,2}(?:\.\d{1,2}){1,2}[a-z]?)|"
    rf"{_OTHER_TONGUE}(?P<label>(?:part|section)[ \t]+(?:[a-h]|\d{{1,2}}|i{{1,3}}|iv)(?![\w.])))(?:\*\*|__)?"
    r"[ \t]*[.:)]?[ \t]+(?:[–—-][ \t]+)?(?P<title>\S[^\n]*)$")
"""A numbered part's first line: '## 4.1 Physical health', '**6.2** Describe how ...', '7.1 Mobilisation plan: ...',
'Q5.1 ...', a table's row written out by :func:`unpack_row` ('5.1 How will you ...')."""

_EACH_PART = re.compile(r"(?i)[^\S\n]*(?:max(?:imum)?\.?[^\S\n]+)?(?:per|for\s+each|each)\s+(?:part|section|sub-?question|question)\b")
"""'500 words max per part': a limit for each part, not for them together."""

_WHOLE_WORDS = re.compile(r"(?i)\b(?:total|overall|altogether|combined|together|in\s+all|whole|entire)\b")
"""A limit said of the whole question ('Total for Question 5: 800 words', '(900 words in total)'), not of a part."""


def _leaf_heads(heads: list[re.Match]) -> list[re.Match]:
    """Numbered heads without the one whose number opens the others' ('3.2 Safe haven' over '3.2.1', '3.2.2'): that
    is the question's own title, not one of its parts."""
    refs = [(h.group("ref") or "").lower() for h in heads]
    return [h for h, r in zip(heads, refs) if not (r and any(o.startswith(r + ".") for o in refs))]


def _first_of_runs(heads: list[re.Match]) -> list[re.Match]:
    """A part's number said again at the start of its ask, under its own heading ('## 5.1 Students (Maximum 600
    words)' then '5.1 Describe how you will ...', s30 q05): one part, headed by its first line; a number that comes
    back after another part's is still a repeat (and no parts are read)."""
    out: list[re.Match] = []
    for h in heads:
        if out and h.group("ref") and (out[-1].group("ref") or "").lower() == h.group("ref").lower():
            continue
        out.append(h)
    return out


@dataclass(frozen=True)
class NumberedPart:
    """One numbered part of a question with its own word limit (:func:`numbered_parts`)."""

    label: str
    limit: int
    title: str
    start: int
    end: int
    """Where the part runs in the question as :func:`_parts_text` writes it."""
    chars: int | None = None
    """The part's own character limit when the buyer sets it in characters ('12.1 Social value' over 'Character
    limit: 3,000 characters including spaces'); ``limit`` is then its words at :data:`CHARS_PER_WORD`."""
    pages: float | None = None
    """The part's own limit in sides of A4 when the buyer sets it so ('12.1 Mobilisation and TUPE (weighting 7%;
    maximum 3 sides of A4)'); ``limit`` is then its words at :data:`WORDS_PER_SIDE`."""

    def describe(self) -> str:
        """The part's own limit as the buyer set it, with how it was converted: '3 sides of A4, taken as 1,500
        words', '3,000 characters, taken as 428 words', '600 words'."""
        if self.pages:
            sides = f"{self.pages:g} side{'s' if self.pages != 1 else ''} of A4"
            return f"{sides}, taken as {self.limit:,} words ({WORDS_PER_SIDE} words a side)"
        if self.chars:
            return f"{self.chars:,} characters, taken as {self.limit:,} words ({CHARS_PER_WORD} characters a word)"
        return f"{self.limit:,} words"


def _page_limits(text: str) -> list[re.Match]:
    """The page limits in ``text`` (every pattern's), in the order written, none said of an attachment."""
    return sorted((m for pattern in _PAGE_LIMITS for m in pattern.finditer(text) if not _about_attachment(text, m)),
                  key=lambda m: (m.start(), -m.end()))


def _limit_only(line: str) -> bool:
    """A line that says a limit and nothing more ('no more than 3 sides of A4.', 'Maximum 500 words'): no title."""
    limits = read_limits(line)
    if not (limits.words or limits.chars or limits.pages):
        return False
    return not re.search(r"[^\W\d_]{3,}", re.sub(r"(?i)\b(?:of|a4|arial|font|pt|no|more|than|maximum|max|limit|"
                                                r"words?|sides?|pages?|char(?:acter)?s?|including|spaces)\b", " ",
                                                _strip_limits(line)))


def _parts_text(question: str) -> str:
    return unpack_row(question or "").replace("\r\n", "\n").replace("\r", "\n")


@functools.lru_cache(maxsize=1024)  # read for the limits and again for the plan's parts
def numbered_parts(question: str) -> tuple[tuple[NumberedPart, ...], int | None]:
    """The question's numbered parts each with its own word limit, and the limit stated for them together (None
    when none is). One reader for every shape the buyers wrote: '## 4.1 Physical health' ... 'Maximum 600 words.'
    / '## 4.2 ...'; '**6.1** Describe ...' / '(maximum 500 words) Weighting: 4%'; '**12.1** Describe ... (Maximum
    750 words)'; '7.1 Mobilisation plan: ... Max 300 words.'; '## 6.1 Social value (maximum 500 words)' under
    '(900 words in total)'; a table's rows, each a reference, the ask and a 'Max words' cell, under 'Total for
    Question 5: 800 words'. A part's limit is the first one after its number, before the next part's; a limit
    said of the whole ('in total', 'overall', 'Total for ...') is nobody's. Nothing when there are fewer than two
    parts, their numbers repeat or belong to different questions, or a part has no limit of its own: then
    nothing is guessed."""
    text = _parts_text(question)
    listed = _part_limit_matches(text)  # 'Part A: max. 800 words. Part B: max. 400 words.': the parts' limits listed
    # a part's label said again on a line that is only its limit ('Part A: no more than 3 sides of A4.' under
    # 'Part A — Mobilisation and TUPE', s17 q12) is the part's limit, not another part
    found = _leaf_heads(_first_of_runs([h for h in _NUMBERED_HEAD.finditer(text)
                                        if h.group("ref") or not _limit_only(h.group("title"))]))
    heads = [h for h in found if h.group("ref")]
    if len(heads) < 2:  # 'Part 1 – Understanding and using equality data (400 words)' / 'Part 2 – Action ...'
        heads = [h for h in found if h.group("label")
                 and not any(m.re is _PART_LIMIT and m.start() == h.start("label") for m in listed)]
    refs = [" ".join((h.group("ref") or h.group("label")).lower().split()) for h in heads]
    if len(heads) < 2 or len(set(refs)) != len(refs) or len({r.split(".")[0] for r in refs}) != 1 and heads[0].group("ref"):
        return (), None
    by_label = {" ".join(m.group(1).lower().split()): int(_number(m.group(2))) for m in listed}
    limits = sorted((m for pattern in _WORD_LIMITS for m in pattern.finditer(text) if not _about_attachment(text, m)),
                    key=lambda m: (m.start(), -m.end()))

    def whole(m: re.Match) -> bool:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        return bool(_WHOLE_WORDS.search(text[line_start:len(text) if line_end < 0 else line_end]))

    parts: list[NumberedPart] = []
    own: list[tuple[int, int]] = []
    for n, h in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        mine = next((m for m in limits if h.start() <= m.start() < end and not whole(m)), None)
        cap = int(_number(mine.group(1))) if mine else by_label.get(refs[n])
        chars = None
        ahead = _named_ahead(text, h, heads[0].start()) if cap is None and h.group("ref") else None
        if ahead is not None:
            # the parts' limits listed once before them ('This question is in two parts: 11.1 (weighting 6%, maximum
            # 800 words) and 11.2 (weighting 4%, maximum 400 words).', s29 q11, spent): each part's is its own
            read, span = ahead
            own.append(span)
            parts.append(NumberedPart(h.group("ref"), read.word_budget or 1, _numbered_title(text, h), h.start(), end,
                                      read.chars if read.chars and not read.words else None,
                                      read.pages if read.pages and not read.words and not read.chars else None))
            continue
        if cap is None and not any(h.start() <= m.start() < end for m in limits):
            # a part held to characters on a line of its own under its title ('12.1 Social value' / 'Character
            # limit: 3,000 characters including spaces' / 'Weighting: 2%', s31 q12, spent): its words are its
            # characters at CHARS_PER_WORD, and the characters are kept to as well
            chars = next((int(_number(c.group(1))) for c in sorted(
                (c for pattern in _CHAR_LIMITS for c in pattern.finditer(text)), key=lambda c: c.start())
                if h.end() <= c.start() < end and not whole(c)), None)  # one on the title's line is its point's
            cap = max(1, chars // CHARS_PER_WORD) if chars else None
        pages = None
        if cap is None and not any(h.start() <= m.start() < end for m in limits):
            # a part held to sides of A4 ('12.1 Mobilisation and TUPE (weighting 7%; maximum 3 sides of A4)' beside
            # '12.2 Social value (weighting 5%; maximum 600 words)', s32 q12, spent: both were read as one run of
            # sub-points held to 600 words): its words are its sides at WORDS_PER_SIDE, as for a whole answer
            pages = next((_number(c.group(1)) for c in _page_limits(text) if h.start() <= c.start() < end
                          and not whole(c)), None)
            cap = max(1, int(pages * WORDS_PER_SIDE)) if pages else None
        if cap is None and is_instruction(text[h.start("title"):end]):
            continue  # '7.3 Attach Gantt chart as Appendix 7A. Not scored.': an instruction, no part to write
        if cap is None:
            return (), None
        if mine:
            own.append(mine.span())
        label = h.group("ref") or " ".join(h.group("label").split())
        parts.append(NumberedPart(label, cap, _numbered_title(text, h), h.start(), end, chars, pages))
    own += [m.span() for m in listed]
    others = [m for m in limits if not any(m.start() < b and a < m.end() for a, b in own)
              and not _EACH_PART.match(text, m.end())]
    total = next((int(_number(m.group(1))) for m in sorted(others, key=lambda m: not whole(m))), None)
    return (tuple(parts), total) if len(parts) >= 2 else ((), None)


def _numbered_title(text: str, h: re.Match) -> str:
    """A numbered part's title: its words ('Physical health'), a titled part's whole line ('Part 2 – Leaving
    hospital'); its own limit is not its title, and a title too long to be one is none ('')."""
    title = text[h.start("title" if h.group("ref") else "label"):h.end()]
    title = re.sub(r"\s*[(\[][^()\[\]\n]*\b(?:words?|sides?|pages?|char(?:acter)?s?)\b[^()\[\]\n]*[)\]]", "",
                   re.sub(r"[*_]{2}", "", title)).strip(" *_#")
    # its weighting or limit written after a dash is not its title either ('Information sharing – Weighting: 2%')
    title = re.sub(r"\s+", " ", _strip_limits(title)).strip(" *_#–—:-")
    return title if len(title.split()) <= (8 if h.group("ref") else 16) else ""


def _named_ahead(text: str, h: re.Match, first: int) -> tuple[Limits, tuple[int, int]] | None:
    """The limit of numbered part ``h`` given by its number before the parts begin ('11.1 (weighting 6%, maximum 800
    words)' in 'This question is in two parts: 11.1 (...) and 11.2 (...)'), with where it is; None when none is."""
    ref = h.group("ref")
    for m in re.finditer(rf"(?<![\w.]){re.escape(ref)}(?![\w.])[^\S\n]*[(\[]([^()\[\]\n]{{3,100}})[)\]]", text[:first]):
        read = read_limits(m.group(1))
        if read.word_budget:
            return read, m.span(1)
    return None


def _title_only(line: str) -> bool:
    """A part's title and nothing more: a few words, no ask, no sentence ('Premises (maximum 300 words)')."""
    title = re.sub(r"\s*[(\[][^()\[\]\n]*[)\]]", "", re.sub(r"[*_]{2}", "", line)).strip()
    return bool(title) and len(title.split()) <= 8 and not re.search(r"[.?!:;]$", title) \
        and not _ASK_WORDS.search(title)


def _numbered_groups(question: str, items: list[tuple[str, str]]) -> list[tuple[str, int, str]] | None:
    """The numbered part (label, limit, title) each sub-point is in (:func:`numbered_parts`); None when the question
    is not in such parts, or a sub-point sits in none, or a part holds none: nothing is guessed."""
    parts, _ = numbered_parts(question)
    if not parts:
        return None
    text = _parts_text(question)
    out = []
    for at, (_, said) in zip(_point_starts(text, [t for _, t in items]), items):
        home = next((p for p in parts if at is not None and p.start <= at < p.end), None)
        if home is None and at is not None and at < parts[0].start:
            # its words said first in the question's title ('## Question 9 – Social value and co-production' over
            # '### 9.1 Social value (600 words)', s23 q09): the part that says them again holds it
            again = _point_starts(text[parts[0].start:], [said])[0]
            if again is not None:
                home = next((p for p in parts if p.start <= parts[0].start + again < p.end), None)
        if home is None and at is not None and at < parts[0].start:
            # a requirement the buyer states above the parts ('... Selvey Island Homes must be involved in discharge
            # planning from the first week of admission' above '### 4.1' / '### 4.2', s27 q04 panel: the answer lost
            # both part headings and both limits over it): in the part whose words it shares most, when one does
            home = _nearest_part(said, [text[p.start:p.end] for p in parts], parts)
        if home is None:
            return None
        out.append((home.label, home.limit, home.title))
    return out if len({o[0] for o in out}) == len(parts) else None


def _parts_in_order(question: str, items: list[tuple[str, str]], groups: list[tuple[str, int, str]]
                    ) -> tuple[list[tuple[str, str]], list[tuple[str, int, str]]]:
    """The sub-points part by part in the buyer's order of the parts, each part's own asks first in the order
    written and a requirement stated above the parts after them (:func:`_numbered_groups`): the answer is then
    written under each part's heading once ('4.1' ... '4.2', never back to '4.1')."""
    parts, _ = numbered_parts(question)
    first = parts[0].start if parts else None
    starts = _point_starts(_parts_text(question), [t for _, t in items]) if parts else [None] * len(items)
    rank = {label: n for n, label in enumerate(dict.fromkeys(g[0] for g in groups))}
    order = sorted(range(len(items)), key=lambda i: (rank[groups[i][0]],
                                                     first is not None and starts[i] is not None and starts[i] < first, i))
    return [items[i] for i in order], [groups[i] for i in order]


def _nearest_part(said: str, texts: list[str], parts: tuple[NumberedPart, ...]) -> NumberedPart | None:
    """The part whose text shares the most content words with ``said``; None when none shares any or two tie."""
    mine = _content_words(said)
    shared = [len(mine & _content_words(t)) for t in texts]
    best = max(shared, default=0)
    if best == 0 or shared.count(best) > 1:
        return None
    return parts[shared.index(best)]


def _part_id(label: str) -> str:
    """'Part 1' -> '1', 'Section (a)' -> 'a', 'Question 4.5a' -> '4.5a'."""
    return re.sub(r"^\w+\s*", "", label).strip("() ").lower()


def part_groups(question: str, items: list[tuple[str, str]]) -> list[tuple[str, int, str]] | None:
    """The part (label, limit) each sub-point is in, when the question sets its word limits per part ('Part 1:
    600 words; Part 2: 500 words'): a sub-point is in the part whose title line ('Part 1 – Young people moving on
    from CAMHS') comes last before it, or, with no such lines, the part its own key names ('Section (a)' for
    '(a)'). None when the limits are not per part, or a part or a sub-point cannot be placed: then nothing is
    guessed."""
    parts = part_word_limits(question)
    if len(parts) < 2 or len({label.lower() for label, _ in parts}) != len(parts):
        return None
    text = unpack_row(question or "").replace("\r\n", "\n").replace("\r", "\n")
    listed = [m.span(2) if m.re is _PART_TITLE_LIMIT else m.span() for m in _part_limit_matches(text)]
    starts = _point_starts(text, [t for _, t in items])
    heads: list[tuple[int, int, str]] = []  # (where the part's title line starts, index of the part, the line)
    for i, (label, _) in enumerate(parts):
        at = [m for m in re.finditer(rf"(?im)^[ \t#*>_-]*{_OTHER_TONGUE}({re.escape(label)})(?![\w.])", text)
              if not any(a <= m.start(1) < b for a, b in listed)]
        if len(at) == 1:
            line = text[at[0].start(1):].split("\n", 1)[0].strip(" *_#")
            line = re.sub(r"\s*[(\[][^()\[\]\n]*\bwords?\b[^()\[\]\n]*[)\]]\s*$", "", line)  # its own limit: not its title
            heads.append((at[0].start(1), i, line if len(line.split()) <= 16 else ""))
    if len(heads) != len(parts):
        # the parts' titles numbered by their key alone ('Word limits: Section 1 – 600 words; Section 2 – ...' over
        # '1. Mobilisation plan' / '2. TUPE and workforce transfer' / '3. Continuity of care', each over its bullets,
        # s14 q12, spent): each key on one line of its own, in the order of the parts
        keyed = []
        for i, (label, _) in enumerate(parts):
            key = re.escape(_part_id(label))
            at = [m for m in re.finditer(rf"(?im)^[ \t#*>_]*\(?({key})[.)][ \t]+(\S[^\n]*)$", text)
                  if _title_only(m.group(2))]
            if len(at) == 1:
                keyed.append((at[0].start(1), i, f"{label} – {at[0].group(2).strip(' *_#')}"))
        if len(keyed) == len(parts) and [i for _, i, _ in sorted(keyed)] == list(range(len(parts))):
            heads = keyed
    out: list[tuple[str, int, str] | None] = []
    if len(heads) == len(parts):
        heads.sort()
        for at in starts:
            before = [(i, line) for h, i, line in heads if at is not None and h <= at]
            out.append(parts[before[-1][0]] + (before[-1][1],) if before else None)
    else:
        ids = {_part_id(label): (label, n, "") for label, n in parts}
        out = [ids.get(key.lower(), ids.get(key.lower().split(".")[0])) for key, _ in items]  # 'a.ii' in 'Section (a)'
    if any(o is None for o in out) or len({o[0] for o in out if o}) != len(parts):
        return None
    return [o for o in out if o is not None]


def _row_groups(question: str, items: list[tuple[str, str]]) -> list[tuple[str, int, str]] | None:
    """The row (reference, word limit) each sub-point is in, when the question is a table of two or more rows
    that each give a reference and a word limit ('| 6a | Describe ... | ... | 500 words | 4% |'): each row is held
    to its own limit, as the buyer reads it (s22 dev q06). None when a sub-point's key names no row."""
    found = _row_parts(question)
    if not found:
        return None
    header, cols, rows = found.header, found.cols, found.rows
    if not cols or "limit" not in cols:
        return None
    refcol = cols.get("ref")
    whole = [c for c in rows if len(c) == len(header)]
    if (refcol is None or len({c[refcol].strip() for c in whole}) < len(whole)) and cols.get("question") != 0 \
            and whole and all(_ROW_REF.match(c[0].strip()) for c in whole):
        # 'Row,Question,Guidance,Max words,Weight' over '14,"Describe ...",...' (dev32 q12), or a 'Section' column
        # the rows share ('18 | Workforce | ...' / '19 | Workforce | ...', dev31 q18): the row's number is its reference
        refcol = 0
    if refcol is None:
        return None
    caps: dict[str, int] = {}
    at: dict[str, int | None] = {}
    for cells in whole:
        read = read_limits(limit_cell(cells[cols["limit"]], header[cols["limit"]]) or cells[cols["limit"]])
        # a row held to characters ('Max chars' 3000, dev31 q01) is held to its words at CHARS_PER_WORD
        words = read.words or (max(1, read.chars // CHARS_PER_WORD) if read.chars else None)
        if cells[refcol].strip() and words:
            caps[cells[refcol].strip()] = words
            said = cells[cols["question"]].strip() if "question" in cols else ""
            at[cells[refcol].strip()] = _point_starts(question, [said])[0] if said else None
    if len(caps) < 2:
        return None
    keyed = _rows_by_key(items, caps)
    if keyed is not None or None in at.values():
        return keyed
    # sub-points keyed by their order ('p1', 'p2', ...), not by the rows' references (dev32 q02): each in the row
    # whose question it is written in
    rows_at = sorted((a, ref) for ref, a in at.items() if a is not None)
    out = []
    for start in _point_starts(question, [t for _, t in items]):
        before = [ref for a, ref in rows_at if start is not None and a <= start]
        if not before:
            return None
        out.append((before[-1], caps[before[-1]], ""))
    return out if len({o[0] for o in out}) == len(caps) else None


def _rows_by_key(items: list[tuple[str, str]], caps: dict[str, int]) -> list[tuple[str, int, str]] | None:
    """The row each sub-point is in by its key ('6a', '6a2' in '6a'); None when a key names no row."""
    out = []
    for key, _ in items:
        ref = max((r for r in caps if key == r or (key.startswith(r) and key[len(r):].isalnum()
                                                   and key[len(r):][:1].isdigit() != r[-1:].isdigit())),
                  key=len, default=None)
        if ref is None:
            return None
        out.append((ref, caps[ref], ""))
    return out if len({o[0] for o in out}) == len(caps) else None


def stated_word_limit(question: str) -> int | None:
    """The word budget the question states ("Maximum 500 words", "2 sides of A4"), if any."""
    return read_limits(question).word_budget


@functools.lru_cache(maxsize=8192)  # called on the same lines again and again while a question is read
def _strip_limits(text: str) -> str:
    merged: list[list[int]] = []
    for a, b in sorted(read_limits(text).spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in reversed(merged):
        # what the limit covers goes with it: '600 words across both parts', '... in total', '... per question'
        scope = _LIMIT_SCOPE.match(text, b)
        text = text[:a] + " " + text[scope.end() if scope else b:]
    return re.sub(r"[\(\[][\s,;.:–-]*[\)\]]|\(\s*$", " ", text)


_LIMIT_STUB = re.compile(r"\s*[\(\[]\s*(?:max(?:imum)?|up\s+to|word\s+limit|limit)\.?\s*:?\s*$", re.I)
"""What a limit cut at its abbreviation's full stop leaves on the last item: "(b) carers' assessments. (max" from
'... (b) carers' assessments. (max. 400 words)'."""

_LIMIT_SCOPE = re.compile(r"\s*(?:in\s+total|across\s+(?:both|all|the|each\s+of\s+the)\s+(?:\w+\s+)?(?:parts?|sections?|questions?|"
                          r"elements?|rows?)|for\s+(?:this|the\s+(?:whole|entire))\s+(?:question|response|section)|"
                          r"per\s+(?:question|part|sub-?question|section))\b\.?", re.I)


# ---------------------------------------------------------------- splitting

_WEIGHT = re.compile(
    r"[\(\[]\s*(?:weighting:?\s*|weight:?\s*)?(\d+(?:\.\d+)?)\s*(%|marks?|points?)\s*[\)\]]", re.I
)
_INSTRUCTION = re.compile(
    r"^(?:\(?\s*)?(?:maximum|max\.?|word limit|word count|character limit|page limit|up to \d|no more than \d|"
    r"\d[\d,]* (?:words?|characters?)|weighting|weight\b|this question (?:is|carries|will be)|font|please note|"
    r"(?:the\s+)?(?:answer|response)s?\s+(?:must|should)\s+(?:not\s+exceed|be\s+no\s+(?:more|longer))|"
    r"(?:answers?|responses?|text)\s+(?:beyond|over|exceeding)\b|anything\s+(?:beyond|over)\b|"
    r"(?:please\s+)?(?:use|write\s+in)\s+(?:arial|font|\d+\s*pt)|(?:\d+\s*)?marks?\b|score\b|scored\b|"
    r"(?:this|the)\s+question\s+(?:is\s+)?(?:scored|weighted|evaluated|marked)|evaluat(?:ion|ors?)\s+(?:will|criteria)|"
    r"guidance\s*:?\s*$|attachments?\b|appendices\b|do not attach|(?:please\s+)?do\s+not\b|don't\b|"
    r"(?:answers?|responses?|bidders?)\s+(?:should|must|may)\s+(?:draw|refer|be\b(?!\s+(?:open|clear)\s+about\s+(?:which|what|how|whether)\b)|use|not)\b|(?:including|incl\.?)\s+spaces\b|"
    r"all\s+commitments\b|score\s*:|scoring\b|(?:the\s+)?panel\s+will\b|q(?:uestion)?\s*\d+(?:\.\d+)*\s*$|"
    # a part's mark left over with the weighting line after it: '(Pass/Fail) Weighting: C5.1 – 10%' (dev31 q10)
    r"pass\s*/\s*fail\s*\)?\s*(?:weight(?:ing)?\b|$))",
    re.I,
)
_LIST_LINE = re.compile(
    r"^\s*(?:"
    r"(?P<bullet>[-*•·▪◦–—‣○●■□➢➤►✓o§→⇒])"
    r"|(?P<dotted>[A-Z]?\d{1,2}(?:\.\d{1,2})+)\.?"
    r"|\(?(?P<num>\d{1,2})\s*[.):]"
    r"|\((?P<num2>\d{1,2})\)"
    r"|\(?(?P<roman>i{1,3}|iv|vi{0,3}|ix|x)[.)]"
    r"|\((?P<roman2>i{1,3}|iv|vi{0,3}|ix|x)\)"
    r"|\(?(?P<letter>[a-hA-H])[.)]"
    r"|\((?P<letter2>[a-hA-H])\)"
    # 'KPI 1 – ...', 'Outcome 2: ...', 'Standard 3. ...': items the buyer numbers under a name
    r"|(?i:kpi|outcome|standard|requirement|objective|indicator|priority|theme|stage|scenario|step|element|heading)\s*"
    r"(?P<lab>\d{1,2})\s*[.:)–—-]"
    r")\s+(?P<text>\S.*)$"
)
_INLINE_KEY = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[:;,.]))(?:\((?P<k1>[a-h]|i{1,3}|iv|vi{0,3}|ix|x|\d{1,2})\)|(?P<k2>[a-h]|i{1,3}|iv|vi{0,3}|ix|x|\d{1,2})\)"
    r"|(?<![\d.,])(?P<k3>\d)\.(?=\s+[a-z]))\s+",
    re.I,
)
"""Inline keys: '(a)', 'b)', '(ii)', '3)'; and '1.' '2.' before a lower-case word ('cover 1. the partners, 2. your
role'), which must run from 1."""
_INCLUDE = re.compile(
    r"^(?:please\s+)?(?:you\s+(?:should|must|may\s+wish\s+to)\s+)?(?:also\s+)?"
    r"(?:include|including|provide examples?|give examples?|tell us about|evidence)\b",
    re.I,
)
_COVER_LEADIN = re.compile(
    r"(?:(?:your|the|each|all)\s+(?:answer|response|submission|bid)s?\s+(?:should|must|will\s+need\s+to|needs?\s+to|is\s+expected\s+to)\s+"
    r"(?:\w+\s+)?(?:cover|address|include|set\s+out|describe|explain|demonstrate|show|detail|evidence|consider|outline)"
    r"|(?:your|the)\s+(?:answer|response|submission)s?\s+(?:should|must|will\s+need\s+to|needs?\s+to)(?=\s*:)"
    r"(?:\s+(?:the\s+following|as\s+a\s+minimum|at\s+least))?"
    r"|(?:bidders|providers|applicants|suppliers|you)\s+(?:should|must|are\s+asked\s+to|will\s+need\s+to)\s+(?:\w+\s+)?"
    r"(?:cover|address|include|set\s+out|describe|explain|demonstrate|detail|consider|outline)(?:\s+the\s+following)?"
    r"|(?:please\s+)?(?:cover|address|include|consider)(?:\s+the\s+following(?:\s+\w+)?)?"
    r"|in\s+(?:particular|your\s+(?:answer|response|submission))(?:,?\s+(?:please|you\s+(?:should|must))(?:\s+\w+)?)?"
    r"|(?:the\s+)?following(?:\s+(?:points|areas|elements|aspects|topics|questions|themes|headings|criteria|issues|"
    r"requirements|outcomes|priorities|stages|scenarios|risks|groups))?"
    r"|as\s+a\s+minimum|(?:we|the\s+(?:panel|commissioner|evaluators?|authority|council|buyer))\s+(?:would\s+like|want|expects?|will\s+look\s+for)(?:\s+to\s+(?:see|know|understand))?"
    r"|(?:things|areas|points|elements)\s+to\s+(?:cover|address|include)|(?:please\s+)?(?:tell\s+us|explain|describe|set\s+out)(?:\s+about)?"
    r")\s*(?:the\s+following\s*)?:?\s*$",
    re.I,
)
_WH = re.compile(r"^(?:how|what|when|who|whom|where|why|which|whether)\b", re.I)
_CONTEXT = re.compile(
    r"^(?:the\s+(?:service|contract|lot|provider|commissioner|council|authority|icb|trust)\b(?!\s+(?:you|will\s+you))"
    r"|this\s+(?:service|contract|lot|question|section)\b(?!.*\?)"
    r"|we\s+(?:are|want|expect|need|would)\b|guidance\b|note\b|background\b|context\b|for\s+(?:the\s+)?avoidance"
    # 'Bidders should note that the commissioners expect, as a minimum: A; B; and C': what the buyer states, its
    # list the buyer's requirements, no asks (the s19 writer: "'Bidders should note' information paragraph (not an
    # ask)"; s25 q09's minimum list took the place of the question's three asks)
    r"|(?:please\s+)?(?:(?:bidders|tenderers|providers|suppliers|applicants|you)\s+(?:should|must|will\s+wish\s+to)\s+)?"
    r"(?:also\s+)?note\s+(?:that\b|the\s+(?!following\b)))",
    re.I,
)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    text = re.sub(r"\s+([.?!,;:])", r"\1", text)
    text = re.sub(r"([.?!])[.?!\s]*[.](?=\s|$)", r"\1", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text).strip()
    # a table's cell divider left at the end when the limit after it was read ('... legal basis. | Max 3,000 ...')
    text = re.sub(r"(?<=[.?!])\s*\|$", "", text)
    return text.strip(" ;,–—-")


_ANSWER_FORM = re.compile(r"\banswer\s+(?:yes|no)\s+or\s+(?:yes|no)\b|\bno\s+(?:narrative|explanation|supporting\s+text)\s+"
                          r"(?:is\s+)?(?:required|needed)\b", re.I)

_FORMAT_RULE = re.compile(
    # how the response is laid out, counted, attached or scored: a rule for the bidder, never a sub-point
    r"\b(?:font|arial|calibri|verdana|times\s+new\s+roman|\d+\s*(?:pt|point)\b|point\s+size|typed|single[- ]spac\w*|"
    r"margins?\b|hyperlinks?|marketing\s+material|word\s+count|page\s+limit|character\s+count|"
    r"(?:will|shall)\s+not\s+be\s+(?:evaluated|read|scored|considered|marked|followed|opened|taken\s+into\s+account|counted)|"
    r"(?:be|is|are)\s+(?:disregarded|ignored)|not\s+(?:count|be\s+counted|included)\s+(?:towards|in)\b|"
    r"(?:will|shall|to)\s+be\s+(?:scored|evaluated|marked|assessed)\b|scor(?:e|es|ed|ing)\s+(?:poorly|well|highly|low|zero|0)\b|"
    r"\bscoring\b|evaluation\s+(?:criteria|methodology|guidance)|score\s+of\s+\d|"
    r"\battach(?:ed|ing|ment)?\b|\bappend(?:ed|ix|ices)\b|\bannex\b|"
    r"(?:use|using|follow)\s+the\s+(?:headings?|numbering|structure|template)\b|"
    r"answer\s+(?:all|each|every)\s+(?:parts?|elements?|sub-?questions?)|do\s+not\s+repeat|must\s+be\s+(?:written\s+)?in\s+english|"
    r"(?:form|forms)\s+part\s+of\s+the\s+contract|will\s+be\s+monitored|"
    r"per\s+cent\s+of\s+the\s+(?:total|overall|quality)|worth\s+\d)",
    re.I,
)
_CONDITION_LEAD = (r"(?:if|should|in\s+the\s+event\s+that)\s+(?:(?:you|your|any|the|a|an|bidders?|providers?|it|there|"
                   r"this|these)\b[^.;:?\n]{2,160}?|['‘\"“]?(?:yes|no)['’\"”]?),\s+")
"""The condition before a conditional ask ('If you propose to subcontract any part of the service, ' explain ...)."""
_CONDITIONAL_ASK = re.compile(
    rf"^{_CONDITION_LEAD}(?:please\s+)?(?:also\s+)?(?:give|provide|describe|explain|set\s+out|outline|confirm|state|list|"
    r"identify|tell\s+us|say|name|specify|detail|include|submit|send|upload)\b"
    r"(?!\s+(?:in|under|at)\s+(?:part|section|question|box|row|item)\b)", re.I)
"""A follow-up asked only of some bidders: 'If you propose to subcontract, explain which parts and to whom', 'If
you do not have Welsh-speaking staff, set out how you will recruit them' (dev31 q02, q06, q13, q20): an ask, on its
own line, after a 'Note:' label or in a table's guidance cell. Not one that says where another part answers it ('If
you answer No to Part 1, describe in Part 2 (ii) how ...': Part 2 (ii) is the ask, s17 q09)."""
_ASK_WORDS = re.compile(
    rf"(?:^|[.;:]\s+)(?:{_CONDITION_LEAD})?(?:please\s+)?(?:briefly\s+|also\s+|clearly\s+)?(?:describe|explain|set\s+out|outline|tell\s+us|detail|"
    r"demonstrate|show|provide|give|include|confirm|state\b|summari[sz]e|identify|specify|list|discuss|illustrate|refer\s+to|"
    r"cover\b|address\b|how\b|what\b|when\b|who\b|where\b|why\b|which\b|in\s+what\s+ways?|name\s+(?=(?:the|your|each)\s))"
    r"|\b(?:you|bidders?|providers?|applicants?|suppliers?|tenderers?|(?:your\s+|the\s+)?(?:answer|response|submission)s?)\s+"
    r"(?:should|must|shall|will\s+need\s+to|are\s+asked\s+to|are\s+invited\s+to|may\s+wish\s+to|might)\s+(?:also\s+)?(?:describe|explain|set\s+out|"
    r"include|cover|address|demonstrate|show|detail|outline|confirm|provide|give|tell|evidence|state|identify|specify|list|say|"
    r"be\s+(?:open|clear)\s+about|name(?=\s+(?:the|your|each)\s))\b|\?",
    re.I,
)


_LIMIT_LEFTOVER = _words("limit_leftover")
_LIMIT_WORDS = _words("limit_words")


def is_instruction(text: str) -> bool:
    """True when ``text`` is a rule for the bidder (a limit, weighting, format, scoring or
    attachment line: "Text beyond 2 sides will not be evaluated", "Response to be, minimum font
    size Arial 11", "Generic statements ... will score poorly", "Attach ... as Appendix 3"),
    not something the answer has to cover."""
    return _is_instruction(text)


def read_instructions(question: str) -> list[str]:
    """The rules a question gives the bidder, in its own words: format, scoring, attachment
    and 'will not be evaluated' lines (limit and weighting alone are read by :func:`read_limits`)."""
    out: list[str] = []
    text = unpack_row(question or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", "\n")
    for line in text.split("\n"):
        m = _LIST_LINE.match(line)
        for sentence in _sentences(m.group("text") if m else line):
            if not _is_instruction(sentence):
                continue
            rest = set(re.findall(r"[a-z]+", _clean(_strip_limits(_WEIGHT.sub(" ", sentence))).lower()))
            if re.match(r"^\s*(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*\.?\s*$", sentence, re.I) or not (
                    rest - _LIMIT_LEFTOVER - _LIMIT_WORDS):
                continue
            if sentence not in out:
                out.append(sentence)
    return out


def _is_instruction(text: str) -> bool:
    t = _clean(text)
    if not t or not re.search(r"[^\W_]", t):
        return True
    if _INSTRUCTION.match(t):
        return True
    if _ANSWER_FORM.search(t):
        # how a Pass/Fail part is answered, or a part's title over it ('Confirmation statements (answer Yes or No to
        # each; no narrative is required)'): never a statement to confirm ('Please confirm that ... (answer Yes or No)')
        rest = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", t)
        if not re.search(r"\b(?:that|whether|if)\b", rest, re.I) and (_ANSWER_FORM.search(rest) or len(rest.split()) <= 6):
            return True
    # a thing asked for, named with its determiner, whose bracketed aside is the format rule ('A mobilisation plan
    # showing milestones (a Gantt chart may be attached ...)'): the aside does not make the thing an instruction
    outside = " ".join(re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", t).split())
    aside_only = outside != t and len(outside.split()) >= 3 and not _FORMAT_RULE.search(outside) and \
        bool(re.match(r"(?i)(?:an?|the|your|each|every)\s", outside))
    if _FORMAT_RULE.search(t) and not aside_only and \
            (not _ASK_WORDS.search(t) or re.match(
            r"^(?:please\s+)?(?:attach|append|use\s+the|follow\s+the|complete\s+the|do\s+not)\b", t, re.I)):
        return True
    stripped = _clean(_strip_limits(t))
    label = re.findall(r"[a-z]+", t.lower())
    if re.search(r":\W*$", t) and len(label) <= 2 and not (set(label) - _LIMIT_LEFTOVER - _LIMIT_WORDS) and \
            not set(label) & {w for modal in _listed("modal", within="asker") for w in modal.split()}:
        return True  # a limit's label left when its value was read ('Response: 1 side of A4.' -> 'Response:.')
    if not re.search(r"[A-Za-z]{3,}", _WEIGHT.sub("", stripped)):
        return True
    if _PART_ONLY.match(t):
        return True  # '(Part B only)', 'Part B 3%.': which part a note or weighting is for, left over; nothing asked
    if stripped != t and not (set(re.findall(r"[a-z]+", stripped.lower())) - _LIMIT_LEFTOVER):
        return True  # 'Answers must not exceed 400 words' once the limit is read: 'Answers must'
    if _shape("score_line").match(t):
        return True  # '0 – No answer, or ...', '4 – Good: all of the question is answered well': the scoring matrix
    return bool(_WEIGHT.fullmatch(t.rstrip(".")))


def _weight(text: str) -> tuple[str, float | None]:
    m = _WEIGHT.search(text)
    if not m:
        return text, None
    cleaned = _clean(text[: m.start()] + text[m.end():])
    return cleaned, float(m.group(1))


def _paragraph_sentences(text: str) -> list[str]:
    """The sentences of each paragraph, limits read out paragraph by paragraph: 'Responses exceeding
    800 words will not be read beyond that point.' in a paragraph of its own leaves 'will not be read
    ...', a rule, not the tail of the last ask."""
    return [s for para in re.split(r"\n[ \t]*\n", text or "") for s in _sentences(_strip_limits(para))
            for s in _label_apart(s)]


def _label_apart(sentence: str) -> list[str]:
    """A section's label on the line over its text is not the first words of its first sentence: 'Guidance' +
    'Bidders should describe how ...' read as one sentence 'Guidance Bidders should describe how ...' (s18 dev
    q07, q10, q19: the guidance's asks were lost)."""
    m = _shape("label_line").match(sentence)
    if m and sentence[m.end():].strip() and _ASK_WORDS.search(m.group(1)):
        return [sentence[m.end():]]  # 'What you need to tell us' over the asks: a label, never an ask of its own
    return [m.group(1), sentence[m.end():]] if m and sentence[m.end():].strip() else [sentence]


def _sentences(text: str) -> list[str]:
    return [s for s in (_clean(q) for p in text_sentences(_clean(text)) for q in _wanted_apart(p)) if s]


_WANTED_AFTER = re.compile(r";\s+(?=(?:we|the\s+(?:panel|commissioners?|council|evaluators?))\s+(?:would\s+like|want|wish|need|"
                           r"are\s+looking)\s+to\s+(?:know|understand|see)\s+(?:how|what|whether|which)\b)", re.I)


@functools.lru_cache(maxsize=None)
def _ask_after() -> re.Pattern:
    leads = _words_pattern(_listed("ask_leads", within="asks_joined"))
    verbs = _words_pattern(_listed("ask_verbs"))
    wh = _words_pattern(_listed("clause_asks", within="asks_joined"))
    return re.compile(rf"[,;]\s+(?:and\s+|so\s+)?(?=(?:{leads})\s+(?:also\s+)?(?:{verbs})\s+(?:us\s+)?(?:{wh})\b)", re.I)


def _ask_after_statement(sentence: str) -> list[str]:
    """'We want a service that hears of arrears early, so please tell us how you would get that information from our
    housing officers': the buyer's statement, then its ask of the bidder, a sentence of its own (an ask hidden in a
    context paragraph was lost with the statement). The ask must be a clause of six words or more after a statement
    of four or more."""
    m = _ask_after().search(sentence)
    if not m or len(sentence[:m.start()].split()) < 4 or len(sentence[m.end():].split()) < 6:
        return [sentence]
    return [sentence[:m.start()] + ".", sentence[m.end():]]


def _wanted_apart(sentence: str) -> list[str]:
    parts = _ask_after_statement(sentence)
    if len(parts) > 1:
        return parts
    return _wanted_after(sentence)


def _wanted_after(sentence: str) -> list[str]:
    """'Commissioners do not expect risk tools to decide who gets a service; we want to see how safety plans are
    shared with the person and the CMHT': the buyer's ask after its statement is a sentence of its own (s26 q07, spent:
    it was lost in the statement). Not a short clause that points back ('...; we want to know how you will deliver
    it': the note on how to answer)."""
    m = _WANTED_AFTER.search(sentence)
    if not m:
        return [sentence]
    wanted = _WANT_TO_KNOW.sub("", sentence[m.end():])
    # a short ask of the bidder is still one ('...; we want to know what you would do differently', dev31 q04), not a
    # short note on what the panel looks for ('...; we want to see how decision-making power will be shared', s10 q07)
    short = len(wanted.split()) < 7 and not (len(wanted.split()) >= 4 and re.search(r"\b(?:you|your)\b", wanted, re.I))
    if short or re.search(r"\b(?:it|them|this|these)\W*$", wanted, re.I):
        return [sentence]
    return [sentence[:m.start()] + ".", sentence[m.end():]]


_ROMANS = [str(k) for k in _INTAKE.get("roman_keys") or []]


def _key_order(keys: list[str]) -> bool:
    """True when list keys run in order from the first (a, b, c / i, ii / 1, 2)."""
    if not keys:
        return False
    if all(k.isdigit() for k in keys):
        nums = [int(k) for k in keys]
        return all(b == a + 1 for a, b in zip(nums, nums[1:]))
    for seq in ("abcdefgh", _ROMANS):
        try:
            idx = [list(seq).index(k) for k in keys]
        except ValueError:
            continue
        if all(b == a + 1 for a, b in zip(idx, idx[1:])) and (idx[0] == 0 or (seq == "abcdefgh" and len(idx) >= 3)):
            # a part's letters go on from the part before ('Part 2' + 'd) ... e) ... f) ...', s16 q07, spent)
            return True
    return False


_GLYPH_LEVEL = {"o": 2, "◦": 2, "○": 2, "▪": 3, "§": 3, "■": 3, "□": 3}
"""The list level Word's bullet glyphs stand for when a list is pasted as text (its indents lost)."""
_DETAIL_LEAD = re.compile(r"\b(?:including|covering|such\s+as|in\s+particular|as\s+follows|for\s+example)\s*:$", re.I)


def _line_items(lines: list[str]) -> tuple[int, int, list[tuple[str, str]]] | None:
    """Items of a list written one per line: (first line, last line, [(key, text)])."""
    marks = []
    for i, line in enumerate(lines):
        m = _LIST_LINE.match(line)
        if not m:
            continue
        if i == 0 and (m.group("dotted") or (m.group("num") and len(lines) > 1 and not lines[1].strip())) \
                and not _has_sibling(lines, m):
            continue  # a question reference such as '3.4 Crisis planning' or '7. Equality', not an item
        if m.group("bullet"):
            key = "-"
        elif m.group("dotted"):
            key = m.group("dotted")
        else:
            key = next(g for g in (m.group("num"), m.group("num2"), m.group("roman"), m.group("roman2"),
                                   m.group("letter"), m.group("letter2"), m.group("lab")) if g).lower()
        if m.group("bullet") == "o" and not re.match(r"^\s*o\s+[a-z]", line) and not (
                re.match(r"^\s*o[ \t]+[A-Z]", line) and sum(bool(re.match(r"^\s*o[ \t]+[A-Z]", x)) for x in lines) >= 2):
            continue  # Word's second-level 'o' pasted as text: lower case after it, or a capital with a sibling
        marks.append((i, key, m.group("text")))
    if len(marks) < 2:
        return None
    marks = _asked_list(lines, marks)
    if len(marks) < 2:
        return None
    # a nested list (indented deeper than the first item, under an item that ends with ':'
    # or of another kind of marker) belongs to the item above it
    def indent(i: int) -> int:
        return len(lines[i].expandtabs(4)) - len(lines[i].expandtabs(4).lstrip())

    def level(i: int) -> int:  # Word's bullets pasted as text: '•' then 'o' then '▪' / '§', often not indented
        return _GLYPH_LEVEL.get(_LIST_LINE.match(lines[i]).group("bullet") or "", 1)

    base = indent(marks[0][0])
    top_kind = _kind(marks[0][1])
    top_level = level(marks[0][0])
    nested: set[int] = set()
    for n, (i, k, _t) in enumerate(marks[1:], 1):
        parent_open = any(j not in nested for j, _, _ in marks[:n])
        if parent_open and (indent(i) > base + 1 or (_kind(k) != top_kind and indent(i) >= base and
                                                        marks[n - 1][2].rstrip().endswith(":"))
                            or (k == "-" and level(i) > top_level and indent(i) >= base)):
            nested.add(i)
    marks_top = [m for m in marks if m[0] not in nested]
    # a roman numeral that is really a letter (i after h) keeps the letter reading
    keys = [k for _, k, _ in marks_top]
    if not all(k == "-" for k in keys):
        lettered = [k for k in keys if k != "-"]
        if not (_key_order(lettered) or all("." in k or k.isdigit() for k in lettered)):
            letters = [k for k in lettered if len(k) == 1 and k.isalpha()]
            if not _key_order(letters) and not all(k.isdigit() for k in lettered):
                return None
    if len(marks_top) < 2:
        return None
    items: list[tuple[str, str]] = []
    first, last = marks[0][0], marks[-1][0]
    by_line = {i: (k, t) for i, k, t in marks_top}
    # nested items written as the elements of a list ('(i) ...;' each ending in a semicolon)
    # are sub-points of their own, after their parent; short aspects without one stay in it
    # so are the items under a topic that ends with ':' ('annual physical health checks:'), which they split
    tops = [i for i, _, _ in marks_top]

    def topic_parent(i: int) -> bool:
        above = [j for j in tops if j < i]
        head = by_line[above[-1]][1].rstrip() if above else ""
        return head.endswith(":") and not _WH.match(head) and len(head.split()) <= 6 and not _DETAIL_LEAD.search(head)

    def parent_of(i: int) -> str:
        above = [j for j in tops if j < i]
        return by_line[above[-1]][1].rstrip() if above else ""

    def own_child(i: int, t: str) -> bool:
        head = parent_of(i)
        # '(i) ...;' / under 'In relation to the CRHTT, set out:' / under 'how you will work with:'
        # ... or under a short label of their own that asks nothing ('(a) Mobilisation and service continuity' over
        # '(i) Provide a plan ...' / '(ii) Explain how ...'), when it asks in a sentence of its own
        # ('Provide ...', 'Explain how ...'; not 'how often ...' under '(1) Personal recovery outcomes')
        return bool(t.rstrip().endswith(";") or topic_parent(i) or _open_end(head) or _ask_lead_end(head)
                    or (_label_head(head) and bool(_IMPERATIVE.match(t) or _OWN_ASK.match(t))))

    own = {i for i, _k, t in marks if i in nested and own_child(i, t)}
    # children that each carry an ask of their own (long enough to: 'how you will retain and engage transferring
    # staff, and any plans to harmonise terms and conditions') under a title that asks nothing ('2. TUPE and workforce
    # transfer', '1. Who you'll focus on', '(a) Discharge from adult acute inpatient wards') are its sub-points (s14
    # q07, q12, spent); short aspects ('(a) the measures you will use') stay in their title's part
    groups: dict[str, list[tuple[int, str]]] = {}
    for i, _k, t in marks:
        if i in nested:
            groups.setdefault(parent_of(i), []).append((i, t))
    titles = {head for head, children in groups.items() if _title_line(head) and len(children) >= 2
              and all(len(t.split()) >= TITLED_ASK_WORDS for _, t in children)}
    own |= {i for head in titles for i, _ in groups[head]}
    # 'How people will get into the service, including:' over '(i) how you will accept referrals from ...' and '(ii)
    # how you will meet the ... requirement that ...': each item carries the ask, the lead-in is no sub-point besides
    # them (s12 q01, s14 q01, s15 q01, spent); short aspects ('covering: - training - supervision') stay its detail
    detailed = {head for head, children in groups.items() if _DETAIL_LEAD.search(head) and len(children) >= 2
                and all(len(t.split()) >= TITLED_ASK_WORDS for _, t in children)}
    own |= {i for head in detailed for i, _ in groups[head]}
    titles |= detailed
    # children written as the elements of one list ('(i) ...; and' / '(ii) ...;') are all its elements or none
    listed_under = {parent_of(i) for i, _k, t in marks if i in nested and re.search(r";(?:\s*(?:and|or))?\s*$", t)}
    own |= {i for i, _k, _t in marks if i in nested and parent_of(i) in listed_under}
    parent_key = ""
    parent_at: int | None = None
    parent_text = ""
    for i in range(first, len(lines)):
        if i in by_line:
            k, t = by_line[i]
            items.append((f"p{len(items) + 1}" if k == "-" else k, t))
            parent_key = k if k != "-" else ""
            parent_at, parent_text = len(items) - 1, t.rstrip()
            last = i
        elif i in own and items:
            # 'how people will access the service:' is split exactly by its items; 'how staff will
            # support X, covering:' keeps its own ask, the items are aspects of it; 'a) Staffing model'
            # is a label over its own asks
            if parent_at is not None and parent_at == len(items) - 1 and (
                    (parent_key and parent_text.endswith(":") and (not _WH.match(parent_text) or not _DETAIL_LEAD.search(parent_text)))
                    or _label_head(parent_text) or _open_end(parent_text) or parent_text in titles):
                items.pop()  # 'your recruitment approach, including:' is framed by its own items ('how you ...:' asks)
                parent_at = None
            m = _LIST_LINE.match(lines[i])
            ck = next((g for g in (m.group("num"), m.group("num2"), m.group("roman"), m.group("roman2"),
                                   m.group("letter"), m.group("letter2"), m.group("lab")) if g), "")
            key = f"{parent_key}.{ck.lower()}" if parent_key and ck else f"p{len(items) + 1}"
            child = m.group("text").strip()
            if _open_end(parent_text) and _joinable(_lead_phrase(parent_text)):  # 'how you will work with:' + 'GPs'
                child = _lead_phrase(parent_text) + " " + _lower_first(child)
            items.append((key, child))
            last = i
        elif i in nested and items:
            child = _LIST_LINE.match(lines[i]).group("text").strip()
            head = items[-1][1].rstrip()
            items[-1] = (items[-1][0], head + (" " if head.endswith(":") else (": " if ":" not in head else "; ")) + child)
        elif lines[i].strip() and i < marks[-1][0] and items:
            if re.match(r"^[A-Z][^.?!:]{0,50}:$", lines[i].rstrip()) and len(lines[i].split()) <= 6:
                continue  # 'Joint working:' between two groups of items: the next group's label, not this item's words
            if any(_MD_HEADING.match(lines[j]) for j in range(last + 1, i + 1)):
                continue  # (s30 q05) a heading after the item ('## 5.2 LGBTQ+ residents'): it and the part's context
                # and lead-in under it until the next item are the next part's, never this item's words
            if _apart_from_item(lines, i, items[-1][1]):
                continue
            items[-1] = (items[-1][0], items[-1][1] + " " + lines[i].strip())
        elif lines[i].strip() and i > marks[-1][0] and i == last + 1 and items and \
                not re.search(r"[.?!:]\s*$", items[-1][1]) and lines[i][:1].isspace():
            items[-1] = (items[-1][0], items[-1][1] + " " + lines[i].strip())
            last = i
        elif i > marks[-1][0]:
            break
    return first, last, items


_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+\S")
"""A Markdown heading line ('## 5.2 LGBTQ+ residents (Maximum 500 words)')."""


def _apart_from_item(lines: list[str], i: int, item: str) -> bool:
    """Line ``i``, between two items of a list, is not the words of the item above it: a table (its rows, however
    many) or a paragraph of its own after a blank line, under an item that ended its sentence ('(b) how you will
    ...;' + a table of dates + '(c) ...'; '(d) ...' + 'This question will not score above 2 unless ...' + '(e) ...'):
    the buyer's facts or rule between the parts, never part of one (it ran into the part's words)."""
    j = i
    while j > 0 and lines[j - 1].strip() and (lines[j - 1].lstrip().startswith("|") or not _LIST_LINE.match(lines[j - 1])):
        j -= 1  # the first line of this paragraph
    if j == 0 or lines[j - 1].strip():
        return False  # no blank line before the paragraph: the item's text wrapped onto the next line
    first = lines[j].strip()
    if first.startswith("|"):
        return True
    para = " ".join(ln.strip() for ln in lines[j:i + 1])
    # a paragraph that asks ('Include rotas and cover.') may be the item's own detail: only a rule or a gate is apart
    return bool(re.search(r"[.;?]\s*$", item)) and first[:1].isupper() and (
        bool(gates_mod.read(para)) or (_is_instruction(para) and not _ASK_WORDS.search(para)))


_OPEN_END = _words("open_end")
_ASK_END = re.compile(r"\b(?:describe|explain|set\s+out|outline|tell\s+us|address|cover|include|confirm|provide|state|"
                      r"demonstrate|show|detail|evidence)\s*:\s*$", re.I)


def _open_end(head: str) -> bool:
    """A lead-in whose phrase goes on in each item below it: 'how staff will recognise and respond to:',
    'Describe how peer supporters will:', 'how you will work with:' (its last word cannot end a phrase)."""
    m = re.search(r"([A-Za-z]+)\s*:\s*$", head or "")
    return bool(m) and m.group(1).lower() in _OPEN_END


_ABOUT_LEAD = re.compile(r"^(?:in\s+relation\s+to|with\s+regard\s+to|regarding|as\s+regards|in\s+respect\s+of|for|on|about)\b"
                         r"[^,:]{1,80},\s*", re.I)


def _ask_lead_end(head: str) -> bool:
    """A parent that only asks for what follows, with no object of its own: 'In relation to the CRHTT, set
    out:', 'Your response should address:' (not 'your approach to safety planning, which should include:')."""
    t = _ABOUT_LEAD.sub("", _clean(head or "")) if (head or "").rstrip().endswith(":") else ""
    if not t:
        return False
    m = _ASK_END.search(t) or _COVER_LEADIN.search(t)
    return bool(m) and m.start() == 0


def _label_head(head: str) -> bool:
    """A short label over a list of asks ('a) Staffing model', 'Training'): not an ask itself."""
    t = (head or "").strip()
    return bool(t) and len(t.split()) <= 5 and not re.search(r"[.?!:;,]$", t) and not _WH.match(t) \
        and not _IMPERATIVE.match(t) and t[:1].isupper()


TITLED_ASK_WORDS = 8
"""A child under a title carries an ask of its own at this many words or more (:func:`_line_items`)."""


def _title_line(head: str) -> bool:
    """A title over a group of items that asks nothing itself: short, capitalised, without sentence punctuation, not a
    command ('Mobilisation plan', 'Who you'll focus on', 'Discharge from adult acute inpatient wards')."""
    t = (head or "").strip()
    return bool(t) and len(t.split()) <= 8 and not re.search(r"[.?!:;,]$", t) and not _IMPERATIVE.match(t) \
        and t[:1].isupper()


def _lower_first(text: str) -> str:
    """'Identify people at risk' after 'how you will' -> 'identify people at risk' (names and acronyms kept)."""
    first = text.split()[0] if text.split() else ""
    if first[:1].isupper() and first[1:].islower() and (first.lower() in _words("plain_first") or _looks_like_verb(first)):
        return first.lower() + text[len(first):]
    return text


def _joinable(lead: str) -> bool:
    """A lead-in short and plain enough to go before each item ('how staff will recognise and respond to'); not a
    long one with its own clauses ('how you will support people who are homeless ..., with particular reference to')."""
    if not (1 <= len(lead.split()) <= 9 and "," not in lead and ";" not in lead):
        return False
    if _ASKER_MODAL.match(lead):
        return False  # 'In answering this question you should:' names who answers, not what: each item is the ask
    # the lead names the bidder or its people ('how you will work with', 'how staff will recognise and respond
    # to'); a lead about another thing ('how the safe haven will work with') would carry that thing's words
    # into every item and pull each part's method towards it
    m = re.match(r"^(?:how|what|when|where|whether|why)\s+(?P<subject>.+?)\s+(?:will|would|can|could|should|must|shall)\b",
                 lead, re.I)
    return not m or bool(_BIDDER.fullmatch(m.group("subject")))


_ASKER_MODAL = re.compile(rf"^(?:{_words_pattern(_words('opening', within='asker'))}\s+)?"
                          rf"{_words_pattern(_words('who', within='asker') | _words('response', within='asker'))}\s+"
                          rf"{_words_pattern(_words('modal', within='asker'))}(?:\s+also)?$", re.I)
"""A lead-in that only says who answers ('In answering this question you should', 'Bidders must'): never joined
before each item."""

_BIDDER = re.compile(r"(?:you|we|your\s+(?:service|organisation|team|staff|\w+\s+)?(?:workers|staff|team)|staff|"
                     r"(?:(?:your|the|our)\s+)?(?:staff|workers|practitioners|clinicians|therapists|peer\s+(?:support\s+)?"
                     r"(?:workers|supporters)|employment\s+specialists|key\s+workers|support\s+workers|tutors|volunteers|"
                     r"team|service|provider))", re.I)


def _lead_phrase(head: str) -> str:
    """The ask of a lead-in without its command and colon: 'Describe how staff will recognise and respond to:'
    -> 'how staff will recognise and respond to'."""
    t = re.sub(r"\s*:\s*$", "", _clean(head))
    return re.sub(r"^(?:please\s+)?(?:briefly\s+)?(?:describe|explain|set\s+out|outline|tell\s+us|show|confirm|state)\s+"
                  r"(?=(?:how|what|when|who|where|why|whether|which|that)\b)", "", t, flags=re.I)


_GUIDANCE_LEAD = re.compile(
    r"^(?:(?:further\s+|bidder\s+)?guidance(?:\s+(?:for|to)\s+(?:bidders|suppliers|providers|applicants))?|notes?\s+for\s+\w+|"
    r"evaluation\s+criteria|scoring(?:\s+guidance)?|what\s+good\s+looks\s+like)\s*:?\s*$"
    r"|^(?:the\s+)?(?:evaluators?|assessors?|evaluation\s+panel|panel|scorers?)\s+(?:will|would)\s+(?:look|be\s+looking)\s+for\b.*:\s*$",
    re.I)
"""A line that opens the buyer's guidance on how answers are judged ('Guidance', 'Evaluators will look for:')."""


_JUDGED_LEAD = re.compile(
    r"^(?:(?:evaluation|scoring|assessment|award)\s+criteria|how\s+(?:we|the\s+panel)\s+(?:will\s+)?(?:score|assess|mark|evaluate)"
    r"|what\s+(?:we|the\s+panel)\s+will\s+look\s+for)\b"
    r"|\b(?:the\s+)?(?:evaluators?|assessors?|(?:evaluation\s+)?panel|scorers?|markers?)\s+(?:will|may)\s+"
    r"(?:consider|look\s+for|assess|take\s+(?:into\s+account|account\s+of)|score\s+against|be\s+looking\s+for)\b",
    re.I)
"""A lead that says what the answer is judged by, not what it must say ('Evaluation criteria – the panel will
consider the following:', 'How we score this question')."""
_MUST_ADDRESS = re.compile(r"\b(?:must|should|to)\s+(?:address|cover|respond\s+to)\b|\baddress(?:es)?\s+(?:each|every|all)\b"
                           r"|\bmake\s+sure\s+(?:your|the)\s+(?:answer|response)\b", re.I)
"""A lead that asks the answer to take each item ('please make sure your answer addresses each point')."""
_EACH_POINT = re.compile(r"\baddress(?:es)?\s+(?:each|every|all)\b|\bmake\s+sure\s+(?:your|the)\s+(?:answer|response)\b", re.I)
"""A guidance lead that holds the answer to every item, not one that lists what it should cover."""


_YES_NO_END = re.compile(r"\byes\s*/\s*no\W*$", re.I)


def _has_sibling(lines: list[str], m: re.Match) -> bool:
    """'7.1 What ...?' followed by '7.2 How ...?': the first of numbered sub-questions, not a reference; so is
    '1) Will all staff ...? Yes / No' with '2) ...' after it, a blank line between (a Pass/Fail part's 'A1.',
    'A2.' read as '1)', '2)')."""
    if m.group("num") and not m.group("dotted"):
        text = m.group("text")
        if not (_ASK_WORDS.match(text) or "?" in text or _YES_NO_END.search(text)):
            return False
        mark = m.string[:m.start("text")].strip()
        nxt = re.escape(mark.replace(m.group("num"), str(int(m.group("num")) + 1), 1))
        return any(re.match(rf"^\s*{nxt}\s+\S", ln) for ln in lines[1:])
    key = m.group("dotted")
    # (or a question put for a Yes or No: '3.1 Do you hold ... insurance of at least £5m? Yes / No', dev31 q12)
    if not key or not (_ASK_WORDS.match(m.group("text")) or m.group("text").rstrip().endswith("?")
                       or _YES_NO_END.search(m.group("text"))):
        return False  # '5.1 Safeguarding – Part A' over '5.2 ... Part B': section titles
    head, _, n = key.rpartition(".")
    nxt = f"{head}.{int(n) + 1}"
    return any(re.match(rf"^\s*{re.escape(nxt)}\.?\s+\S", ln) for ln in lines[1:])


def _stated_list(lines: list[str], first: int, last: int) -> bool:
    """A list under a lead-in that states ('The contract has these KPIs:', 'The service has three outcomes:')
    followed by a sentence that asks ('Explain how you will report against these KPIs.'): the list is context."""
    intro = next((ln.strip() for ln in reversed(lines[:first]) if ln.strip()), "")
    # 'Context' / 'Background' over facts (or facts that open the question, their label taken as its title),
    # the asks after them
    items = [m.group("text") for m in (_LIST_LINE.match(ln) for ln in lines[first:last + 1]) if m]
    labelled = (bool(_CONTEXT_LABEL.match(intro)) and not any(_asking_item(t) for t in items)) or (not intro and len(items) >= 2 and all(
        t.rstrip().endswith(".") and len(t.split()) >= 6 and not _ASK_WORDS.search(t) and not _IMPERATIVE.match(t)
        and not _WH.match(t) for t in items))
    if not labelled and (not intro.endswith(":") or _ASK_WORDS.search(intro) or _COVER_LEADIN.search(intro)
                         or _open_end(intro)):
        return False
    after = [s for s in _paragraph_sentences("\n".join(lines[last + 1:])) if not _is_instruction(s)]
    return bool(after) and bool(_ASK_WORDS.match(_unlabel(after[0]))) and not _CONTEXT.match(_unlabel(after[0]))


_CONTEXT_LABEL = re.compile(r"^(?:the\s+)?" + _words_pattern(_listed("context_labels")) + r"\b[^.?!]{0,40}:?$", re.I)
"""A label over the buyer's background ('Background', 'Context', 'Local picture'): phrasebank/intake.yaml."""


def _asking_item(text: str) -> bool:
    """A list item that asks ('How will you share ...?', 'how you check references', 'Describe ...')."""
    t = text.strip()
    return t.endswith("?") or bool(_WH.match(t) or _IMPERATIVE.match(t) or _ASK_WORDS.match(t))


def _fact_list(lines: list[str], group: list[tuple[int, str, str]]) -> bool:
    """A list that states facts, not asks: under a label such as 'Background' or 'Context', or every item a
    statement of its own (a full sentence, no ask word: '11% were in paid work.')."""
    intro = next((ln.strip() for ln in reversed(lines[:group[0][0]]) if ln.strip()), "")
    if _CONTEXT_LABEL.match(intro) and not any(_asking_item(t) for _, _, t in group):
        return True  # 'Information sharing:' over questions is a heading of asks, not facts
    if intro.endswith(":") and (_ASK_WORDS.search(intro) or _COVER_LEADIN.search(intro)):
        return False  # 'Your response should demonstrate that:' + statements: what the answer must show
    return all(t.rstrip().endswith(".") and len(t.split()) >= 6 and not _ASK_WORDS.search(t) and not _IMPERATIVE.match(t)
               and not _WH.match(t) for _, _, t in group)


def _asked_list(lines: list[str], marks: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Two lists of different kinds with prose between them ('- Contract award is expected in
    October.' facts, then 'Please address:' and '1. ... 2. ...'): the list the buyer asks for is
    the one after a lead-in ending with ':' (else the last one); the other is context."""
    groups: list[list[tuple[int, str, str]]] = [[marks[0]]]
    for prev, cur in zip(marks, marks[1:]):
        between = [ln for ln in lines[prev[0] + 1:cur[0]] if ln.strip() and not ln[:1].isspace()]
        if between:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    if len(groups) >= 2:
        # facts listed under 'Background' / 'Context', or written as statements ('23% of people ... were living in
        # temporary accommodation.'), beside a list that asks: context, not sub-points
        facts = [g for g in groups if _fact_list(lines, g)]
        if facts and len(facts) < len(groups):
            kept = [m for g in groups if g not in facts for m in g]
            if len(kept) >= 2:
                return kept
        # requirements listed under a lead-in that asks nothing ('In summary:' + '- a registered Clinical Lead ...;'),
        # beside a list whose items ask ('(a) Set out ...', '(d) How you will ...'): the buyer's terms, not asks
        def lead_of(g: list[tuple[int, str, str]]) -> str:
            return next((ln.strip() for ln in reversed(lines[:g[0][0]]) if ln.strip()), "")
        asks_in = [g for g in groups if sum(_asking_item(t) for _, _, t in g) >= 2]
        silent = [g for g in groups if len(g) >= 2 and lead_of(g).endswith(":") and not any(_asking_item(t) for _, _, t in g)
                  and not _ASK_WORDS.search(lead_of(g)) and not _COVER_LEADIN.search(lead_of(g))]
        if asks_in and silent and len(asks_in) + len(silent) == len(groups):
            kept = [m for g in asks_in for m in g]
            if len(kept) >= 2:
                return kept
        # a list under 'Guidance' / 'Evaluators will look for:' says how the answer is judged: with a list
        # that asks, it is not a list of sub-points
        def judged(g: list[tuple[int, str, str]], prev_end: int) -> bool:
            return any(_GUIDANCE_LEAD.search(ln.strip()) for ln in lines[prev_end:g[0][0]] if ln.strip())
        ends = [0] + [g[-1][0] + 1 for g in groups[:-1]]
        asked = [g for g, e in zip(groups, ends) if not judged(g, e)]
        if asked and len(asked) < len(groups):
            kept = [m for g in asked for m in g]
            if len(kept) >= 2:
                return kept
        # facts listed under a statement ('The current service:' + '• receives 1,200 referrals a year'), then
        # the asks under a lead-in that asks ('Your answer should cover:'): the asked list is the one
        def lead(g: list[tuple[int, str, str]]) -> str:
            return next((ln.strip() for ln in reversed(lines[:g[0][0]]) if ln.strip()), "")
        asking = [g for g in groups if lead(g).endswith(":") and (_ASK_WORDS.search(lead(g)) or _COVER_LEADIN.search(lead(g)))]
        stated = [g for g in groups if lead(g).endswith(":") and not _ASK_WORDS.search(lead(g))
                  and not _COVER_LEADIN.search(lead(g))]
        if asking and stated and len(asking) + len(stated) == len(groups):
            kept = [m for g in asking for m in g]
            if len(kept) >= 2:
                return kept
    if len(groups) < 2 or len({_kind(g[0][1]) for g in groups}) < 2:
        return marks
    def led(g: list[tuple[int, str, str]]) -> bool:
        before = [ln for ln in lines[:g[0][0]] if ln.strip()]
        return bool(before) and before[-1].rstrip().endswith(":")
    chosen = [g for g in groups if led(g)] or [groups[-1]]
    return chosen[-1] if len(chosen[-1]) >= 2 else marks


def _kind(key: str) -> str:
    if key == "-":
        return "bullet"
    if key.isdigit() or "." in key:
        return "number"
    return "roman" if key in _ROMANS[1:] or key == "i" and False else ("letter" if len(key) == 1 else "roman")


def _line_key(m: re.Match) -> str:
    """The key of a list line as :func:`_kind` reads it: '-' for a bullet, '2.1', '3', 'ii', 'b'."""
    if m.group("bullet"):
        return "-"
    if m.group("dotted"):
        return m.group("dotted")
    return next(g for g in (m.group("num"), m.group("num2"), m.group("roman"), m.group("roman2"),
                            m.group("letter"), m.group("letter2"), m.group("lab")) if g).lower()


def _list_runs(lines: list[str]) -> list[tuple[int, int]]:
    """The lists written one item a line, as (first line, last line): items of one kind of marker, blank lines
    between them allowed, and any item indented deeper than the first within it (a nested list); a list of
    another kind of marker at the same depth is a list of its own ('1. Contract award: ...' over 'a. Provide a
    mobilisation plan ...'). Lists of one item are left out."""
    def indent(line: str) -> int:
        return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())

    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        m = _LIST_LINE.match(lines[i])
        if not m:
            i += 1
            continue
        kind, base, start, end, tops, j = _kind(_line_key(m)), indent(lines[i]), i, i, 1, i + 1
        while j < len(lines):
            k = j
            while k < len(lines) and not lines[k].strip():
                k += 1
            mm = _LIST_LINE.match(lines[k]) if k < len(lines) else None
            if not mm or (_kind(_line_key(mm)) != kind and indent(lines[k]) <= base):
                break
            tops += indent(lines[k]) <= base
            end, j = k, k + 1
        if tops >= 2:
            runs.append((start, end))
        i = end + 1
    return runs


def _plain_line(line: str) -> str:
    """A line without its Markdown heading marks and bold: '### Background' -> 'Background'."""
    m = MD_HEADING.match(line)
    return re.sub(r"\*\*|__", "", m.group(1) if m else line).strip()


def _asking_lead(lead: str) -> bool:
    """A list's lead-in addressed to the bidder: an ask ('Please explain how you will meet each of the following
    standards:', 'Your response should include:', 'how you will work with:', 'Bidders should:', 'In particular:').
    Not one that states what the buyer, a protocol or a specification requires, includes or names ('The Protocol
    requires the Provider to:', 'Key partners include:', 'The service will be monitored against these KPIs:')."""
    t = _clean(re.sub(r"\s*:\s*$", "", lead))
    if not t:
        return False
    if _ASK_WORDS.search(t) or _IMPERATIVE.match(t) or _WH.match(t) or _ASKER_MODAL.match(t) \
            or _shape("should_ask").match(t + " "):
        return True
    # said to the bidder: 'Your commitments should cover:', 'Structure your answer under these headings:', or a
    # command ('Use the following headings:'), or the buyer's wish ('We are particularly interested in:')
    first = t.split()[0].lower()
    if re.search(r"\b(?:you|your)\b", t, re.I) or first in _COMMON_VERBS or first == "we":
        return True
    m = _COVER_LEADIN.search(t + ":")
    # 'Your response should include:', 'In particular, please address:'; not 'Key partners include:' (its subject
    # is the buyer's partners, not the bidder's answer)
    return bool(m) and (m.start() == 0 or t[:m.start()].rstrip().endswith(",") or t[m.start():].lower().startswith("please"))


def _in_background(lines: list[str], start: int) -> bool:
    """The line sits under a 'Background' / 'Context' label, with no other label (a 'Question' heading) and no
    ask ('In your response please set out:', 'Please answer both parts.') between."""
    for line in reversed(lines[:start]):
        plain = _plain_line(line)
        if not plain:
            continue
        if _CONTEXT_LABEL.match(plain):
            return True
        if MD_HEADING.match(line) or _shape("label_line").match(plain + " X") and len(plain.split()) <= 5 \
                and not re.search(r"[.?!]$", plain):
            return False
        if not _LIST_LINE.match(line) and (_asking_lead(plain) or re.match(r"(?i)^please\b", plain)):
            return False
    return False


_STATED = re.compile(r"\b(?:must|will|shall|are|is)\b")
_CONDITION_OPENS = re.compile(r"^(?:where|when|if)\b[^,]{3,}?,\s+\S", re.I)
"""'Where a person cannot be contacted within 24 hours, the Service must ...': a condition, then the standard."""


def _standards_stated(texts: list[str]) -> bool:
    """A list with no lead-in whose items are each the buyer's own statement of a standard or fact ('Concerns must be
    raised within 1 working day.', 'The Service will have a named lead.', 'Incidents are reported within 2 days.'):
    whole sentences that say what must be or is, none addressed to the bidder and none asking (s22 q07, spent: the
    lines under a 'Requirements ...' title were read as its sub-points and its five asks were lost)."""
    return len(texts) >= 2 and all(
        t.rstrip().endswith(".") and t[:1].isupper() and len(t.split()) >= 6 and _STATED.search(t)
        and not (_asking_item(t) and not _CONDITION_OPENS.match(t)) and not re.search(r"\b(?:you|your|we|our|bidders?|tenderers?)\b", t, re.I)
        for t in texts)


def _section_asks(lines: list[str]) -> bool:
    """Some sentence in these lines (one heading's section) asks the bidder something."""
    said = "\n".join(m.group("text") if m else _plain_line(ln) for ln, m in ((ln, _LIST_LINE.match(ln)) for ln in lines))
    return any(not _is_instruction(x) and bool(_ASK_WORDS.search(_unlabel(x))) for x in _paragraph_sentences(said))


def _fact_section(lines: list[str], run: tuple[int, int], texts: list[str]) -> bool:
    """A list that opens a section of its own under a Markdown heading that asks nothing ('## Local labour market'),
    each item a whole sentence stating a fact (no ask, not addressed to the bidder), before a later heading whose
    section asks ('## Question' + 'Explain how you will ...'): the buyer's background however it is titled (s36
    q03, spent: seven facts about local employers were read as the sub-points, the asks below lost)."""
    j = run[0] - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0 or not MD_HEADING.match(lines[j]):
        return False
    heading = _plain_line(lines[j])
    if _ASK_WORDS.search(heading) or _QUESTION_LINE.match(lines[j]) and re.search(r"\d", heading):
        return False  # '## Question 3 ...' or '## What we want to know': a heading over the asks
    if len(texts) < 2 or not all(
            t.rstrip().endswith(".") and len(t.split()) >= 6 and not _asking_item(t) and not _ASK_WORDS.search(t)
            and not re.search(r"(?i)\b(?:you|your|bidders?|tenderers?|applicants?)\b", t) for t in texts):
        return False
    later = [n for n in range(run[1] + 1, len(lines)) if MD_HEADING.match(lines[n])]
    if not later or _section_asks(lines[j + 1:later[0]]):
        return False  # the list's own section asks: its list may be what it asks about
    ends = later[1:] + [len(lines)]
    return any(_section_asks(lines[a + 1:b]) for a, b in zip(later, ends))


def context_lists(text: str) -> tuple[str, list[str]]:
    """The question without the lists that give the buyer's background, and those lists' items.

    A list is the buyer's context, not the question's sub-points, when its lead-in states what the buyer, a
    protocol or the specification requires, includes or names ('The Protocol requires the Provider to:', 'Section
    9 sets the following workforce requirements:', 'Key partners include:', 'The service will be monitored
    against these KPIs:'), says it is for information ('For reference, the relevant clauses ... are:'), or is a
    short label beside a list that asks ('Key dates:' over '1. Contract award: ...', then 'a. Provide ...'), or
    when the list sits under a 'Background' / 'Context' label; and its items do not ask (most are no question
    and no 'Describe ...'). A lead-in addressed to the bidder ('Please explain how you will meet each of the
    following standards:', 'Your response should include:') keeps its list as asks. The lists are taken out only
    when the rest of the question asks something. Each item is returned with its lead-in ('The Protocol requires
    the Provider to make first contact ...'): the buyer's requirements, which the answer must meet (s18 q04,
    q05, q07, q10; s19 dev)."""
    lines = (text or "").split("\n")
    runs = _list_runs(lines)
    if not runs:
        return text, []
    markers = _words_pattern(_listed("context_markers"))

    def lead_at(start: int) -> int | None:
        j = start - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        return j if j >= 0 and not _LIST_LINE.match(lines[j]) else None

    def items(run: tuple[int, int]) -> list[str]:
        return [m.group("text").strip() for m in (_LIST_LINE.match(ln) for ln in lines[run[0]:run[1] + 1]) if m]

    def asks_itself(texts: list[str]) -> bool:
        asking = sum(t.rstrip().endswith("?") or bool(_OWN_ASK.match(t)) or bool(_WH.match(t) and re.search(
            r"\b(?:you|your|bidders?|tenderers?)\b", t, re.I)) for t in texts)
        return asking * 2 > len(texts)

    leads: dict[tuple[int, int], str] = {}
    for run in runs:
        at = lead_at(run[0])
        line = _plain_line(lines[at]) if at is not None else ""
        leads[run] = (_sentences(line) or [""])[-1] if line.rstrip().endswith(":") else ""
    asking_runs = [r for r in runs if _asking_lead(leads[r]) or asks_itself(items(r))]
    context: list[tuple[int, int]] = []
    rules: set[tuple[int, int]] = set()
    for run in runs:
        lead, texts = leads[run], items(run)
        at = lead_at(run[0])
        if at is not None and _JUDGED_LEAD.search(_plain_line(lines[at])) and \
                not _MUST_ADDRESS.search(_plain_line(lines[at])) and not any(_asking_item(t) for t in texts) and \
                any(_ASK_WORDS.search(ln) for n, ln in enumerate(lines) if n < at and ln.strip()):
            # 'Evaluation criteria – the panel will consider the following:' over '- Timeliness of first contact':
            # what the panel weighs the answer by, after the question asked its own (not 'please make sure your
            # answer addresses each point:', which asks for each)
            context.append(run)
            rules.add(run)
            continue
        if run in asking_runs and not re.search(markers, lead, re.I):
            continue
        if asks_itself(texts):
            continue
        at = lead_at(run[0])
        if at is not None and _GUIDANCE_LEAD.match(_plain_line(lines[at])) and all(
                t.rstrip().endswith(".") and not _asking_item(t) for t in texts):
            # 'Notes for bidders' over '- Commitments must be entered on the Schedule (Annex H).': the buyer's
            # rules (read by read_instructions), neither asks nor requirements (s16 q12, spent)
            context.append(run)
            rules.add(run)
            continue
        # a section's label ('Things to think about:', 'What we are looking for:') heads asks, not the buyer's facts
        bare = re.sub(r"\s*:\s*$", "", lead)
        label = bool(bare) and bool(_shape("label_line").match(bare + " X")) and \
            _shape("label_line").match(bare + " X").end() == len(bare) + 1
        stated = bool(lead) and not label and (len(lead.split()) >= 3 or bool(re.search(markers, lead, re.I))) \
            or " ".join(_plain_line(bare).lower().split()) in _words("requirement_labels")
        labelled = bool(lead) and any(r is not run for r in asking_runs)
        if stated or labelled or _in_background(lines, run[0]) or (not lead and _standards_stated(texts)) \
                or (not lead and _fact_section(lines, run, texts)):
            context.append(run)
    if not context:
        return text, []
    gone: set[int] = set()
    listed: list[str] = []
    kept_lines = list(lines)
    for run in context:
        gone.update(range(run[0], run[1] + 1))
        if run in rules:
            continue
        lead = leads[run]
        head = re.sub(r"\s*:\s*$", "", lead)
        for t in items(run):
            t = t.rstrip(" ;,")
            listed.append(f"{head} {_lower_first(t)}" if head and _open_end(lead) else (f"{head}: {t}" if head else t))
        at = lead_at(run[0])
        if lead and at is not None:
            # the lead-in goes with its list; the sentences before it on its line stay
            plain = _plain_line(lines[at])
            kept_lines[at] = plain[:len(plain) - len(lead)].rstrip() if plain.endswith(lead) else ""
    rest = "\n".join(ln for n, ln in enumerate(kept_lines) if n not in gone)
    # what is left asks something: a sentence, an item or a title line's question ('Q8 Tell us how ...')
    said = "\n\n".join(re.sub(r"(?i)^\s*(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*[a-z]?[.:)]?\s+", "",
                               m.group("text") if m else _plain_line(ln))
                        for ln, m in ((ln, _LIST_LINE.match(ln)) for n, ln in enumerate(kept_lines) if n not in gone))
    asked = any(not _is_instruction(x) and (_ASK_WORDS.search(_unlabel(x)) or _COVER_LEADIN.search(x))
                for x in _paragraph_sentences(said))
    if not asked:
        return text, []
    return rest, listed


def _inline_items(text: str) -> tuple[int, list[tuple[str, str, int, int]]] | None:
    """Items keyed inline: 'a) ... b) ...', '(i) ... (ii) ...', '1) ... 2) ...'."""
    hits = list(_INLINE_KEY.finditer(text))
    best = None
    # the longest run of keys in order from the first
    for s in range(len(hits)):
        run = [hits[s]]
        for h in hits[s + 1:]:
            keys = [(x.group("k1") or x.group("k2") or x.group("k3")).lower() for x in run + [h]]
            if _key_order(keys):
                run.append(h)
        if run[0].group("k3") and (run[0].group("k3") != "1" or any(not x.group("k3") for x in run)):
            continue  # '2. ...' keys are a list only from '1.', and never mixed with 'a)' keys
        if len(run) >= 2 and (best is None or len(run) > len(best)):
            best = run
    if not best:
        return None
    out = []
    for n, m in enumerate(best):
        end = best[n + 1].start() if n + 1 < len(best) else len(text)
        out.append(((m.group("k1") or m.group("k2") or m.group("k3")).lower(), text[m.end():end], m.start(), end))
    return best[0].start(), out


def _split_tail(chunk: str) -> tuple[str, str]:
    """Split the last list item from sentences that follow it."""
    chunk, _, after = chunk.partition("\n\n")
    parts = text_sentences(chunk.strip())
    if len(parts) > 1:
        # '(iii) how you will report waiting times. Please also tell us how ...': the next sentence is not the item
        chunk, more = parts[0], " ".join(parts[1:])
        return chunk, more + ("\n\n" + after if after else "")
    return chunk, after


def _protected(text: str) -> str:
    """``text`` with the commas and 'and's a list is never split at hidden: inside brackets, and a number's thousands
    separator ('grow access from 431 people to 1,150 people a year' was split into '... to 1' and '150 people a year':
    s15 q02, spent). The caller puts them back (\\x00 → ',', \\x01 → 'and')."""
    text = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00").replace(" and ", " \x01 "), text)
    text = _examples_hidden(text)
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "\x00", text)


_EXAMPLES_LEAD = re.compile(r"\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.)[,:]?\s+", re.I)
_EXAMPLES_STOP = re.compile(r"[;:()]|,?\s+(?:(?:and|or)\s+)?(?=(?:how|what|when|where|who|whom|why|whether|which)\s)"
                            r"|,\s+(?:and\s+)?(?=(?:your|the|our|their|its|any)\s)", re.I)
MAX_EXAMPLE_WORDS = 6
"""An example in a guidance list is a few words ('overdose', 'withdrawal', 'intoxication at Ferncliffe House')."""


def _examples_hidden(text: str) -> str:
    """The commas and 'and's of a list of examples hidden ('how you will manage risks such as overdose, withdrawal
    and intoxication at Ferncliffe House'): guidance on the ask before it, never items of the sentence's list (s21
    q05, spent: the list 'Include how A, how B, and how C such as x, y and z' was cut at the examples, and its
    first ask lost to them)."""
    for m in reversed(list(_EXAMPLES_LEAD.finditer(text))):
        rest = text[m.end():]
        stop = _EXAMPLES_STOP.search(rest)
        run = rest[:stop.start()] if stop else rest
        examples = [e for e in re.split(r",\s*|\s+(?:and|or)\s+", run) if e.strip()]
        if len(examples) >= 2 and all(len(e.split()) <= MAX_EXAMPLE_WORDS for e in examples):
            text = text[:m.end()] + run.replace(",", "\x00").replace(" and ", " \x01 ") + rest[len(run):]
    return text


_AND_SPLIT = re.compile(r",?\s+(?:and|or|as\s+well\s+as|plus)\s+(?=\S)", re.I)


_BARE_VERB = re.compile(r"^(?:how|when|where)\s+(?:you|we|they|the\s+\w+)\s+(?:will|would|can|could|plan\s+to|intend\s+to)\s+"
                        r"[a-z]+$", re.I)


def _bare_verbs_joined(pieces: list[str]) -> list[str]:
    """A piece that stops at its verb shares the next piece's object: 'how you will achieve, evidence and sustain the
    fidelity scores required' is one ask, not 'how you will achieve' and 'evidence and sustain ...' (s15 q02, spent)."""
    out: list[str] = []
    for piece in pieces:
        if out and _BARE_VERB.match(out[-1].replace("\x00", ",")):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _carry_object(items: list[str]) -> list[str]:
    """Items of a coordinated list that stop before their object share the last item's: 'before, on the day of, and
    after discharge' -> 'before discharge', 'on the day of discharge', 'after discharge'; 'assessing and reviewing
    risk' -> 'assessing risk', 'reviewing risk' (a bare 'assessing' part matched no topic and drifted)."""
    if len(items) < 2:
        return items
    last = items[-1].split()
    if len(last) < 2 or not (_gerund_word(last[0]) or last[0].lower() in _SHARES_OBJECT_END):
        return items
    obj = " ".join(last[1:])
    out = []
    for item in items[:-1]:
        words = item.split()
        bare = bool(words) and (words[-1].lower() in _SHARES_OBJECT_END or (len(words) == 1 and _gerund_word(words[0])))
        out.append(f"{item} {obj}" if bare else item)
    return out + [items[-1]]


def _split_series(text: str) -> list[str]:
    """'A; B; and C' or 'A, B and C' into items, when the items are parallel (an item stopping before its object takes
    the last item's: :func:`_carry_object`)."""
    return _carry_object(_split_items(text))


def _split_items(text: str) -> list[str]:
    text = _clean(text).rstrip(".")
    if ";" in text:
        parts = [re.sub(r"^(?:and|or)\s+", "", _clean(p), flags=re.I) for p in text.split(";")]
        return [p for p in parts if p]
    # do not split inside brackets
    protected = _protected(text)
    pieces = _bare_verbs_joined(_attach_examples([p.strip() for p in re.split(r",\s*", protected) if p.strip()]))
    if len(pieces) >= 2:
        last = pieces[-1]
        tail = _AND_SPLIT.split(" " + re.sub(r"^(?:and|or)\s+", "", last, flags=re.I))
        m = re.match(r"^(?:and|or)\s+", last, flags=re.I)
        if m:
            pieces[-1] = last[m.end():]
        elif len(tail) == 2:
            pieces[-1:] = [t.strip() for t in tail]
        # 'A, and how B, and how C': each item after an Oxford 'and' is the item, not 'and how B'
        items = [re.sub(r"^(?:and|or)\s+", "", p.replace("\x00", ",").replace("\x01", "and").strip(), flags=re.I)
                 for p in pieces]
        # a comma list whose later items are clauses of the first ("how you X, working with Y") is not a list
        wh = [bool(_WH.match(i)) for i in items]
        if wh[0] and not all(wh) and any(len(i.split()) <= 2 for i in items[1:]):
            return [text]
        if not wh[0] and any(wh[1:]) and not all(wh[1:]) and not (
                len(items) >= 3 and m is not None and all(len(i.split()) >= 3 for i in items)):
            return [text]  # ('A, B and C' where each is an element of its own, ending 'and the ...', is a list)
        return items
    parts = _AND_SPLIT.split(protected)
    if len(parts) > 2:
        # 'your DSPT status and how you will comply with UK GDPR and the DPA 2018': split before the clause
        parts = re.split(r"\s+and\s+(?=(?:how|what|who|when|where|whether)\b)", protected, maxsplit=1, flags=re.I)
    if len(parts) == 2:
        a, b = (p.replace("\x00", ",").replace("\x01", "and").strip() for p in parts)
        if not _WH.match(a) and len(b.split()) <= 7 and _POINTS_BACK.search(b):
            return [text.replace("\x00", ",").replace("\x01", "and")]  # 'an example and what changed as a result'
        if (_WH.match(a) and _WH.match(b) and len(b.split()) >= 3) or (_WH.match(b) and len(a.split()) >= 3
                                                                       and len(b.split()) >= 3) or \
                (len(a.split()) <= 3 and len(b.split()) <= 3 and not _WH.match(a)) or _parallel(a, b):
            return [a, b]
    return [text.replace("\x00", ",").replace("\x01", "and")]


def listed_elements(text: str) -> list[str]:
    """The elements a sub-point lists after 'including' ('... after a crisis, including crisis plans, early warning
    signs and peer support' -> ['crisis plans', 'early warning signs', 'peer support']; '..., including out of hours'
    -> ['out of hours']); [] when it lists none."""
    m = re.search(r"(?i),?\s+including\s+(?!but\b)(.+)$", _clean(text or ""))
    if not m:
        return []
    items = [_clean(i).rstrip(".?") for i in _split_series(m.group(1).rstrip(".?"))]
    return [i for i in items if i]


_LIST_LEAD = re.compile(r"(?i)(?:,\s*|\s+)(?:including|such\s+as)\s+(?!but\b)")
_LATER_ASK = re.compile(r"(?i),\s+(?:and|as\s+well\s+as)\s+(?=(?:how|what|when|who|where|whether)\b)")
_ABOUT_LEAD = re.compile(r"(?i)^(?:about|on|for|in)\s+(?=\S)")


def asked_elements(text: str) -> list[str]:
    """The named elements a sub-point lists, which a panel looks for one by one: the items after 'including' or 'such
    as', and an ask the sub-point adds after that list (', and how you will ...'). ('how staff will raise concerns,
    including about domestic abuse, exploitation, self-neglect and modern slavery, and how you will make referrals
    under section 42' -> ['domestic abuse', 'exploitation', 'self-neglect', 'modern slavery', 'how you will make
    referrals under section 42']: :func:`listed_elements` read it as one element, s28 q08 b.) [] when it lists none."""
    text = _clean(text or "").rstrip(".?;")
    m = _LIST_LEAD.search(text)
    if not m:
        return []
    rest = text[m.end():]
    later = _LATER_ASK.split(rest, maxsplit=1)
    items = [_ABOUT_LEAD.sub("", _clean(i).rstrip(".?;,")) for i in _split_series(later[0])]
    if len(later) == 2:  # the ask after the list is an element of its own
        items.append(_clean(later[1]).rstrip(".?;,"))
    return [i for i in dict.fromkeys(items) if i]


_DETERMINER = re.compile(r"^(?:the|your|any|each|every|all|their|our|a|an)\s+\S", re.I)


_NOT_GERUNDS = _words("not_gerunds")
_SHARES_OBJECT_END = _words("shares_object_end")


def _gerund_word(word: str) -> bool:
    """'attending', 'agreeing': a verb's -ing form opening a phrase (not 'housing', 'during', 'training')."""
    w = word.strip(",.;:?").lower()
    return len(w) > 5 and w.endswith("ing") and w not in _NOT_GERUNDS


def _parallel(a: str, b: str) -> bool:
    """'the transfer of staff under TUPE and the transfer of case records', 'the number of local people you
    will employ and the number of paid roles ...': two noun phrases of the same build, each named whole
    (three words or more, each opening with a determiner and the same first two words or both naming a
    thing of their own with 'of')."""
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) >= 3 and len(wb) >= 3 and _gerund_word(wa[0]) and _gerund_word(wb[0]):
        return True  # 'attending discharge planning meetings and agreeing who does what': two actions
    if len(wa) < 3 or len(wb) < 3 or not (_DETERMINER.match(a) and _DETERMINER.match(b)):
        return False
    return wa[:2] == wb[:2] or (wa[2:3] == ["of"] and wb[2:3] == ["of"])


_EXAMPLE_LEAD = re.compile(r"^(?:such\s+as|including|for\s+example|for\s+instance|e\.g\.|in\s+particular|especially|particularly)\b",
                           re.I)


def _attach_examples(pieces: list[str]) -> list[str]:
    """', such as people leaving prison,' names examples of the item before it: not an item."""
    out: list[str] = []
    for p in pieces:
        if out and _EXAMPLE_LEAD.match(p):
            out[-1] = out[-1] + ", " + p
        else:
            out.append(p)
    return out


_INCLUDING = re.compile(
    r"^(?P<head>.*?\S)\s*(?:,|\s)\s*(?:including|in\s+particular|specifically|covering|(?:that|which)\s+covers|addressing|with\s+(?:particular\s+)?(?:reference|regard)\s+to)\s*:?\s+(?P<list>.+)$",
    re.I,
)
_INCLUDE_LEAD = re.compile(
    r"^(?:please\s+)?(?:you\s+(?:should|must|may\s+wish\s+to|might)\s+)?(?:also\s+)?(?:include|cover|address|refer\s+to)"
    r"(?:\s+(?:in|within)\s+your\s+(?:answer|response))?\s*:?\s+"
    r"(?:(?:a\s+)?references?\s+to\s+|details\s+of\s+)?(?P<list>.+)$",
    re.I,
)


_COVER_SENTENCE = re.compile(
    r"^(?:(?:bidders|providers|applicants|suppliers|tenderers|you)\s+(?:should|must|are\s+(?:asked|expected|invited)\s+to|"
    r"will\s+need\s+to|need\s+to)\s+(?:also\s+)?|(?:your|the)\s+(?:answer|response|submission)s?\s+(?:should|must)\s+(?:also\s+)?)"
    r"(?:set\s+out|cover|address|include|describe|explain|outline|detail)\s+(?P<list>[^:]+)$",
    re.I,
)
_LABEL = re.compile(r"^(?:(?:further\s+|bidder\s+)?guidance(?:\s+for\s+bidders)?|notes?(?:\s+for\s+bidders)?)\s*[:–—-]\s*(?P<rest>\S.*)$",
                    re.I)


_DISCOURSE = re.compile(r"^(?:in\s+(?:your|the)\s+(?:response|answer|submission)|in\s+particular|in\s+addition|additionally|finally|lastly|secondly|thirdly|furthermore|"
                        rf"moreover|also|next|then|{_words_pattern(_listed('context_turns'))})\s*,\s*(?=\S)", re.I)
_WANT_TO_KNOW = re.compile(
    r"^(?:we|the\s+(?:panel|commissioners?|council|icb|authority|buyer|evaluators?|trust))\s*(?:(?:would|['’]d)\s+(?:also\s+)?"
    r"(?:particularly\s+)?like|(?:also\s+)?(?:want|wish|need)|are\s+(?:also\s+)?(?:keen|looking))\s+to\s+(?:know|understand|see|"
    r"hear|learn)(?:\s+(?:more\s+)?about)?\s+(?=(?:how|what|when|who|where|why|whether|which|your)\b)"
    # 'we are particularly interested in how ...': the buyer's emphasis on what it asks, the asks after it
    r"|^(?:we|the\s+(?:panel|commissioners?|council|icb|authority|buyer|evaluators?|trust))\s+(?:are|is)\s+"
    r"(?:also\s+|particularly\s+|especially\s+|most\s+)?interested\s+(?:in\s+(?:hearing|knowing|learning|understanding)\s+)?"
    r"(?:in\s+)?(?=(?:how|what|when|who|where|why|whether|which)\b)"
    # 'The Council would like bidders to explain how ...', 'We would welcome an explanation of how ...': the buyer
    # asking in the third person, inside a context paragraph (dev31 q04, q17)
    r"|^(?:we|the\s+(?:panel|commissioners?|council|icb|authority|buyer|evaluators?|trust|board|health\s+board))\s+"
    r"(?:would|['’]d)\s+(?:also\s+)?(?:like|ask|invite|want)\s+(?:bidders|you|tenderers|providers|applicants|suppliers)\s+"
    r"to\s+(?=(?:explain|describe|set\s+out|outline|tell\s+us|show|say|demonstrate|confirm)\b)"
    r"|^(?:we|the\s+(?:panel|commissioners?|council|icb|authority|buyer|evaluators?|trust|board|health\s+board))\s+"
    r"(?:would\s+)?(?:also\s+)?welcome\s+(?:an?\s+)?(?:explanation|description|account|outline|description)\s+of\s+"
    r"(?=(?:how|what|when|who|where|why|whether|which)\b)",
    re.I)


def _unlabel(sentence: str) -> str:
    """'Guidance: Bidders should set out A, B and C' -> the ask without its label (a label over
    anything else, such as a scoring note, is kept); an ask in the buyer's own voice said plainly:
    'In particular, we want to understand how you will X' / 'We would also like to know how you will X'
    / 'Finally, tell us how you will X' -> 'how you will X' / 'tell us how you will X'."""
    m = _LABEL.match(sentence)
    if m and (_COVER_SENTENCE.match(m.group("rest")) or _INCLUDE_LEAD.match(m.group("rest"))
              or _shape("should_ask").match(m.group("rest")) or _CONDITIONAL_ASK.match(m.group("rest"))):
        return m.group("rest")
    plain = _DISCOURSE.sub("", sentence)
    wanted = _WANT_TO_KNOW.sub("", plain)
    if wanted != plain and not wanted.rstrip().endswith(":"):
        return wanted
    if plain != sentence and (_ASK_WORDS.match(plain) or _IMPERATIVE.match(plain)) and not plain.rstrip().endswith(":"):
        if _ADDITIVE.match(sentence) and _IMPERATIVE.match(plain) and not _ALSO_ASK.match(plain):
            # 'In addition, please explain how X' after a list: an ask of its own, as 'Please also explain how X' is
            return re.sub(r"^(please\s+)?", lambda m: (m.group(1) or "") + "also ", plain, count=1, flags=re.I)
        return plain
    return sentence


_ADDITIVE = re.compile(r"^(?:in\s+addition|additionally|finally|lastly|furthermore|moreover|also)\s*,", re.I)


_REPEATED_PREP = re.compile(r"^(?:please\s+)?(?:tell\s+us|describe|explain|set\s+out|outline)\b[^,;:]*?\s(?P<p>about|on|to|for|with)"
                            r"\s+(?P<list>.+)$", re.I)


def _preposition_series(s: str) -> list[str] | None:
    """An ask whose preposition opens each of its elements: 'tell us about your links with A, about in-work
    support ..., and about how you will help people who ...' -> the three elements (s19 dev d08). None when the
    preposition is not repeated before a last 'and'."""
    m = _REPEATED_PREP.match(s)
    if not m:
        return None
    p = m.group("p")
    if not re.search(rf",?\s+and\s+{p}\s+\S", m.group("list"), re.I):
        return None
    items = [_clean(x).rstrip(".") for x in re.split(rf",\s+(?:and\s+)?{p}\s+|\s+and\s+{p}\s+", m.group("list"),
                                                     flags=re.I)]
    return items if len(items) >= 3 and all(items) else None


_GUIDANCE_EXAMPLE = re.compile(r"^(?:such\s+as|for\s+example|for\s+instance|e\.g\.|not\s+(?:only|just|simply)|rather\s+than)\b",
                               re.I)
"""An element that only illustrates or bounds the one before it ('such as reminders', 'not only signposting'): the
buyer's guidance on an ask, never a sub-point of its own (s22 q06, spent)."""


def _split_sentence(sentence: str) -> list[str]:
    """One sentence's sub-points: 'Include A, B and C' and '..., including A and B' are split."""
    s = _clean(sentence)
    semi = _semicolon_asks(s)
    if semi and all(_IMPERATIVE.match(p) or _ASK_HEAD_VERB.match(p) for p in semi):
        # 'Describe A; explain how B; set out how C, including D; and explain how E': the semicolons divide asks
        # before any list inside one of them is read (an including-list in the fourth took the sentence, dev29)
        return [x for p in semi for x in _split_sentence(p)]
    joined = _joined_asks(s)
    if joined:
        return joined
    repeated = _preposition_series(s)
    if repeated:
        return repeated
    m = _COVER_SENTENCE.match(s)
    if m:
        # 'Bidders should set out the measures they will use, how often ... and how ...'
        items = _loose_series(m.group("list"))
        if any(_GUIDANCE_EXAMPLE.match(i) for i in items[1:]):
            return [s]  # 'explain practical support, such as A, B and C, and not only D': one ask, its examples
        hows = _wh_split(m.group("list"))
        if 2 <= len(hows) < len(items) and all(re.match(_BIDDER_HOW, h, re.I) for h in hows) \
                and not any(_HEADED_ITEM.match(x) for h in hows for x in re.split(r",\s+", h)[1:]):
            # 'Your answer should cover how you will A, how you will B for people with X, Y or Z, and how you will C
            # with D and E': each how-ask is one sub-point, its own list of who or what stays in it (s29 q05.1, spent);
            # not when an element of its own comes between ('..., your approach to A, B and C', s14 q05)
            return hows
        if len(items) >= 2:
            return items
    m = _INCLUDE_LEAD.match(s)
    if m:
        items = _bare_nouns_joined(_share_lead(_split_series(m.group("list"))))
        if len(items) >= 2:
            return items
        loose = _loose_series(m.group("list"))
        if len(loose) >= 3 and _WH.match(loose[-1]):
            return loose  # 'Please refer to A, B, and how you will C': elements, the last a clause
        return [s]
    m = _INCLUDING.match(s)
    if m and _is_cover_list(m.group("head")):
        m = None  # 'Your response should include: A, including ...; B; C': the colon's list comes first
    if m:
        # 'a plan that covers the period from award to start, detailing key activities, milestones and risks':
        # the list is what the plan details
        inner = re.match(r"^.+?,\s*(?:detailing|setting\s+out|showing|listing|including)\s+(?P<list>.+)$", m.group("list"), re.I)
        if inner and len(_split_series(inner.group("list"))) >= 3:
            return _split_series(inner.group("list"))
    if m and ":" in m.group("list"):
        # '..., including how you would respond to: a cyber attack; severe weather; and ...'
        lead, _, rest = m.group("list").partition(":")
        items = _split_series(rest)
        asked = re.search(r",\s+and\s+(?=(?:how|what|which|when|where|who|whether|why)\s)", lead, re.I)
        if asked and len(items) >= 2:
            # '..., including a panel that meets quarterly, and how your approach reflects the five ways of working:
            # A, B, C and D': a wh-ask of its own closes the including-clause, and the colon's list names what its
            # last words name (the five ways), not asks: the two asks, the list kept inside the second (s33 q12.1:
            # both asks were lost, the five names read as five sub-points)
            return [f"{m.group('head')}, including {_clean(lead[:asked.start()])}",
                    f"{_clean(lead[asked.end():])}: {_clean(rest).rstrip('.')}"]
        if len(items) >= 2:
            lead = _clean(lead)
            return [f"{lead} {i}" for i in items] if _WH.match(lead) else items
    if m and re.match(r"(?:in|with|for|by|at|on|from|during|through|when|where|while|out\s+of)\b", m.group("list"), re.I):
        return [s]  # 'raise a concern, including in accessible formats': the manner of the ask, not a list of asks
    if m and not re.search(r"\bsuch\s+as\s*$", m.group("head"), re.I):
        items = _split_series(m.group("list"))
        if len(items) >= 2 and re.match(r"(?i)(?:when|where|while)\b", items[-1]) and not _CLAUSE_START.match(items[-1]):
            # 'How will you recruit staff, including peer workers, when the current services carry a 17% vacancy
            # rate?': the clause says when the head is asked, it is no ask of its own (s22 dev q06)
            return [s]
        wh = [bool(_WH.match(i)) for i in items]
        if len(items) == 2 and not any(wh) and _WH_HEAD.match(m.group("head")) and "," not in m.group("list") \
                and re.search(r"\s+or\s+", m.group("list")) and all(len(i.split()) <= 4 for i in items):
            # 'how you will help people build their digital skills, including any device or data lending': two
            # alternatives that qualify the how-ask ('any device or data lending' is one kind of lending), no frame
            # the head leaves for them: the ask is kept with them whole (s31 q12.2, spent: the ask was lost, 'any
            # device' and 'data lending' read as two sub-points)
            asks = _wh_split(m.group("head")) or [m.group("head")]
            asks[-1] = f"{asks[-1]}, including {m.group('list').rstrip(' .')}"
            return asks
        if len(items) == 2 and _WH_HEAD.match(m.group("head")) and not wh[0] and _DETERMINER.match(items[1]) \
                and len(items[1].split()) >= 3 and re.search(r",\s+and\s+" + re.escape(items[1].split()[0]) + r"\b",
                                                            m.group("list")):
            # 'how you will recruit and retain staff, including people with lived experience in peer roles, and the
            # training and clinical supervision you will provide': the comma before 'and' closes the including-clause,
            # which qualifies the head; what follows is an ask of its own (the head was lost: the part read
            # 'people with lived experience in peer roles', issue 12, s25)
            return [f"{m.group('head')}, including {items[0]}", items[1]]
        if len(items) >= 2 and _WH_HEAD.match(m.group("head")) and not wh[0] and wh[-1]:
            # 'how you will recruit staff, including peer workers and X, and how you will support them':
            # the 'including' names qualify the head's ask; the clause after them is an ask of its own
            names = [i for i, w in zip(items, wh) if not w]
            head = m.group("head") + ", including " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1
                                                       else names[0])
            return [head] + [i for i, w in zip(items, wh) if w]
        if len(items) >= 2 and s.rstrip().endswith("?") and _WH.match(m.group("head")) and not any(
                _WH.match(i) or (_gerund_word(i.split()[0]) and len(i.split()) >= 2) for i in items if i.split()):
            # 'Which training will staff complete ..., including the X Training, trauma-informed practice and the Y
            # competencies?': the things named are what the question is about, not asks of their own (s15 q05, spent)
            return [s]
        if len(items) >= 2 and s.rstrip().endswith("?") and _OWN_ASK.match(m.group("head") + "?"):
            # 'How will you work with ward staff before discharge, including attending X and agreeing Y?': the
            # question is asked, its elements beside it
            return [m.group("head") + "?"] + [i.rstrip("?") for i in items]
        if len(items) >= 2 and _WH_HEAD.match(m.group("head")) and re.search(r",\s*including\s+$", s[:m.start("list")], re.I) \
                and all(re.match(_BIDDER_HOW, i, re.I) for i in items):
            # 'Explain how you will A, including how you will B and how you will C': the head is asked, and each
            # how-ask in its including-clause beside it (:func:`_including_how`, s22 labels)
            return [m.group("head")] + items
        if len(items) >= 2:
            return items  # the head ('your approach to X') frames the items
        loose = _loose_series(m.group("list"))
        if len(loose) >= 3 and _WH.match(loose[-1]) and _WH_HEAD.match(m.group("head")):
            # '... how you will X, including A, B and how you will C': the list adds asks
            # beside the head's own, so the head is a sub-point too
            return [m.group("head")] + loose
        if len(loose) >= 3 and _WH.match(loose[-1]):
            return loose  # 'Describe your workforce plan, including A, B, C and how you will D': the head frames them
    m = re.match(r"^(?P<head>.+?)\s*:\s*(?P<list>.+)$", s)
    if m and _COVER_LEADIN.search(m.group("head") + ":"):
        items = _split_series(m.group("list"))
        if len(items) == 1:
            # 'Your answer should include: A, B and how you will C': after the buyer's lead-in, a list ending on a clause
            loose = _loose_series(m.group("list"))
            items = loose if len(loose) >= 3 and _WH.match(loose[-1]) else items
        items = [re.sub(r"^\(?(?:[a-h]|i{1,3}|iv|\d{1,2})\)\s+", "", i) for i in items]
        return [i for i in items if i] or [s]
    if m and _ASK_HEAD.match(m.group("head")):
        # 'Tell us how you will manage the contract: the KPIs you propose, your reporting
        # and how you will respond ...': three or more elements after an ask are its sub-points
        items = _loose_series(m.group("list"))
        lead = _lead_phrase(m.group("head") + ":")
        if len(items) >= 2 and _open_end(m.group("head") + ":") and _joinable(lead):
            return [f"{lead} {_lower_first(i)}" for i in items]  # 'How will you make the service accessible to: A, B and C'
        if len(items) >= 3:
            return items
    return [s]


_JOINED_ASK = re.compile(r",\s+and\s+(?=(?:how|what)\s+(?:you|we)\s+(?:will|would)\b)", re.I)
JOINED_ASKS = 3
"""A sentence that joins this many asks or more with ', and how you will ...' / ', and what you will ...' is read as
those asks before any list inside one of them (s36 q03, spent: 'Explain how you will A, and how you will B, ...,
and how you will support people who choose X, including P, Q and R, to start that work' was split at the inner
'including' list and lost its six asks). Two asks so joined are left to the readings that follow (an including-list
before ', and how ...' may qualify the first ask, :func:`_split_sentence`)."""
_TO_AND_TO = re.compile(r"^(?P<lead>(?:how|what)\s+(?:you|we)\s+(?:will|would)\s+[a-z][\w-]*\s+(?:[\w'-]+\s+){1,3}?to)\s+"
                        r"(?P<a>(?:[\w'-]+,?\s+){3,}?[\w'-]+)\s+and\s+to\s+(?P<b>(?:[\w'-]+\s+){3,}[\w'-]+)$", re.I)


def _to_and_to(ask: str) -> list[str]:
    """'how you will encourage employers to join the scheme at Level 2 and to sign the Charter and pay the wage':
    one ask verb over two things the bidder is to bring about, each with its own 'to' and four words or more, is two
    asks, the lead carried to the second (s36 q03's writer split it so). Not when the second points back ('and to
    keep it')."""
    m = _TO_AND_TO.match(ask)
    if not m or re.search(r"(?i)\b(?:it|them|this|these|those|that)\b", m.group("b")):
        return [ask]
    return [f"{m.group('lead')} {m.group('a')}", f"{m.group('lead')} {m.group('b')}"]


def _joined_asks(sentence: str) -> list[str] | None:
    """The asks of a sentence that joins :data:`JOINED_ASKS` or more how- or what-asks with ', and how you will
    ...', split there first; each ask is kept whole with any list inside it ('including delivery riders, warehouse
    night-shift workers and taxi drivers' names whom the ask is about), only two 'to'-clauses under one ask verb
    apart (:func:`_to_and_to`). None when the sentence is not so joined or does not open with the ask."""
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), sentence)
    cuts = list(_JOINED_ASK.finditer(protected))
    if len(cuts) < JOINED_ASKS - 1:
        return None
    first = _ASK_HEAD_VERB.sub("", _clean(sentence[:cuts[0].start()]))
    if not re.match(r"(?i)^(?:how|what)\s+(?:you|we)\s+(?:will|would)\b", first):
        return None
    bounds = [c.end() for c in cuts]
    pieces = [first] + [sentence[a:b] for a, b in zip(bounds, [c.start() for c in cuts[1:]] + [len(sentence)])]
    return [x for p in pieces for x in _to_and_to(_clean(p).rstrip(" .;?"))]


_SHARED_LEAD = re.compile(r"^(?:how|when|where)\s+(?:you|we)\s+(?:will|would|plan\s+to|intend\s+to)\s+", re.I)


_HEADED_ITEM = re.compile(r"^(?:and\s+)?(?:your|the|our|its|their|any|each|a|an|how|what|who|when|where|which|whether|why)\b",
                          re.I)


def _bare_nouns_joined(items: list[str]) -> list[str]:
    """'Include your approach to A, your support for B, C and D, and how you will E': where every other element opens
    with a determiner or a wh-word, a bare noun phrase between them ('C and D') is the last one's own list ('your
    support for B, C and D'), not an element (s22 q06, spent)."""
    headed = [bool(_HEADED_ITEM.match(i)) for i in items]
    if len(items) < 3 or not headed[0] or sum(headed) < 3:
        return items
    out: list[str] = []
    for item, own in zip(items, headed):
        if out and not own and item[:1].islower() and not _looks_like_verb(item.split()[0]):
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


def _share_lead(items: list[str]) -> list[str]:
    """'how you will prioritise referrals, keep people informed and monitor waits': the later
    items share the first one's 'how you will' ('how you will keep people informed')."""
    m = _SHARED_LEAD.match(items[0]) if items else None
    if not m:
        return items
    out = [items[0]]
    for item in items[1:]:
        first = item.split()[0] if item.split() else ""
        out.append(m.group(0) + item if first.islower() and _looks_like_verb(first) else item)
    return out


_WH_HEAD = re.compile(r"^(?:please\s+)?(?:explain|describe|set\s+out|tell\s+us|outline)?\s*(?:how|what)\b", re.I)


def _loose_series(text: str) -> list[str]:
    """'A, B and how C' into A, B, C: a comma list whose last item may be a clause
    (used only after an ask that introduces a list)."""
    text = _clean(text).rstrip(".")
    if ";" in text:
        return _split_series(text)
    protected = _protected(text)
    pieces = _bare_verbs_joined([p.strip() for p in re.split(r",\s*", protected) if p.strip()])
    if len(pieces) < 2:
        return [text]
    last = re.sub(r"^(?:and|or)\s+", "", pieces[-1], flags=re.I)
    tail = _AND_SPLIT.split(" " + last)
    pieces[-1:] = [t.strip() for t in tail if t.strip()] if len(tail) == 2 else [last]
    items = [re.sub(r"^(?:and|or)\s+", "", p.replace("\x00", ",").replace("\x01", "and").strip(), flags=re.I)
             for p in pieces]
    for n in range(len(items) - 1, 0, -1):
        if _RELATIVE_ITEM.match(items[n]) or _continues(items[n - 1], items[n]):
            items[n - 1:n + 1] = [f"{items[n - 1]}, {items[n]}"]
    return items if all(len(i.split()) >= 2 for i in items) else [text]


def _continues(before: str, item: str) -> bool:
    """A comma piece that goes on with the element before it, no element of its own: one opened by a preposition
    that measures or bounds it ('your commitment to recruit local people, against the target that 70% of staff live
    locally'; `series_continuations` in phrasebank/intake.yaml), or a participle's phrase after a wh-ask ('how you will
    cut travel emissions, reporting mileage each quarter'), which says how that ask is done (s33 q12.2: both were
    read as sub-points of their own)."""
    if re.match(rf"(?i){_words_pattern(_listed('series_continuations'))}\s", item):
        return True
    first = item.split()[0].lower() if item.split() else ""
    return bool(_WH.match(before)) and len(item.split()) >= 3 and first.endswith("ing") and len(first) > 5 \
        and first not in _words("series_continuations") and not re.match(r"(?i)\S+\s+(?:and|or)\b", item)


_RELATIVE_ITEM = re.compile(r"^(?:which|who|whom)\s+(?:the|a|an|this|that|these|those|is|are|was|were|has|have|had|must|may|"
                            r"might|shall)\b|^whose\b", re.I)
"""', which the Provider will be required to adopt': a clause that says more of the thing before the comma, no ask of
its own (s26 q07, spent: it was a sub-point); an interrogative 'which' names its noun ('which system you will use')."""


_OWN_ASK = re.compile(
    r"^(?:please\s+)?(?:give|provide|describe|explain|tell\s+us|set\s+out|outline|confirm|state|list|identify)\b"
    r"|^(?:how|what|when|who|where|why|which)\s+(?:will|would|do|does|did|can|is|are|have|has)\b.*\?\s*$",
    re.I,
)
_ASK_HEAD = re.compile(r"^(?:please\s+)?(?:tell\s+us|describe|explain|set\s+out|outline|how\b|what\b)", re.I)


_ALSO_ASK = re.compile(
    r"^(?:please\s+)?(?:(?:you|bidders|providers|applicants|suppliers)\s+(?:should|must|will\s+need\s+to|are\s+asked\s+to)\s+)?"
    r"also\s+(?:briefly\s+)?(?:describe|explain|state|set\s+out|tell\s+us(?:\s+about)?|confirm|show|outline|provide|give|"
    r"demonstrate|detail|identify|say)\s+"
    r"|^(?:please\s+)?(?:tell\s+us|describe|explain|set\s+out|outline|show\s+us)\s+also\s+(?:about\s+)?",
    re.I,
)
_WH_AND = re.compile(r"(?:,\s*|\s+)and\s+(?=(?:how|what|who|when|where|why|whether)\b)"
                     r"|,\s*(?=how\s+(?:(?:often|much|many|long|soon|quickly)\s+)?(?:will|would|do|does|are|is|can)\s+(?:you|they)\b)"
                     r"|,\s*(?=(?:how|what)\s+you\s+(?:will|would|plan\s+to|intend\s+to)\b)"
                     r"|,\s*(?=how\s+(?:often|much|many|long|soon|quickly)\s+(?:you|they|we|it|people|staff|this|these)\s+"
                     r"(?:will|would|are|is|can|should)\b)"
                     r"|,\s*and\s+(?:please\s+)?(?=(?:describe|explain|set\s+out|outline|tell\s+us|confirm|show)\s+(?:how|what|who|when|where|why|whether|your)\b)",
                     re.I)
_LEAD_FOR_DETAIL = re.compile(r"(?:,\s*|\s+)(?:including|such\s+as|for\s+example|e\.g\.)\s*:\s*$", re.I)


_AND_ASK = re.compile(r"\s+and\s+(?:please\s+)?(?=(?:describe|explain|set\s+out|outline|confirm|provide|state|give)\s+"
                      r"(?:the|your|how|what|who|when|where|why|whether|any|each|an?)\b)", re.I)
_LATER_WH_ASK = re.compile(r",\s+and\s+(?=(?:how|what|where|when|who|whether|why)\s+(?:you|your|staff|the|we)\b)", re.I)
"""A later wh-ask of a sentence: 'Describe how you will reach A, and how you will work with B'."""
_IMPERATIVE = re.compile(r"^(?:please\s+)?(?:give|provide|describe|explain|set\s+out|outline|confirm|state|list|"
                         r"identify|submit|attach)\s+\S", re.I)


_ASK_HEAD_VERB = re.compile(r"^(?:please\s+)?(?:describe|explain|set\s+out|outline|tell\s+us)\s+", re.I)


_POINTS_BACK = re.compile(
    r"^(?:and\s+)?(?:who\s+(?:(?:is|are|will\s+be)\s+(?:(?:responsible|accountable)\s+for|(?:the\s+)?(?:lead|owner)\s+(?:for|of))|"
    r"(?:will\s+)?(?:leads?|owns?|oversees?|manages?))\s+(?:each|it|them)(?:\s+(?:one|of\s+(?:them|these|those)))?"
    r"|what\s+(?:changed|happened|improved|was\s+(?:different|learned|learnt|achieved)|difference\s+(?:it|this)\s+made)"
    r"(?:\s+for\s+\w+(?:\s+\w+)?)?\s+as\s+a\s+result(?:\s+of\s+it)?)[.?]?$",
    re.I)
"""A short clause that only points back at the thing before it, naming who owns it ('who is responsible for
each', 'who will lead each one') or what an example led to ('what changed as a result'): not an ask of its own.
A clause with an action of its own ('how you will check competence in each', 'what you will change as a result')
is one."""


def _semicolon_asks(text: str) -> list[str] | None:
    """'Describe how you will A; how you will B (for example X, Y and Z); how your staff will C; and how you will
    D' (s13 q05: several questions pasted into one spreadsheet cell): the asks the semicolons divide, when the first
    asks how/what and every later piece is a how/what clause of its own; None otherwise."""
    if ";" not in text:
        return None
    protected = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(";", "\x00"), text)
    pieces = [re.sub(r"^(?:and|or)\s+", "", p.strip(), flags=re.I).replace("\x00", ";") for p in protected.split(";")]
    pieces = [p for p in pieces if p]
    if len(pieces) >= 2 and all((_IMPERATIVE.match(p) or _ASK_HEAD_VERB.match(p)) and len(p.split()) >= 4 for p in pieces):
        # 'Set out your commitments ...; explain how you will co-produce ...; and describe how you will report ...':
        # each piece an imperative of its own, each an ask (s25 q09, spent)
        return [_clean(p).rstrip("?.;") for p in pieces]
    if len(pieces) < 2 or not _WH.match(_ASK_HEAD_VERB.sub("", pieces[0])):
        return None
    if not all(_WH.match(p) and len(p.split()) >= 4 for p in pieces[1:]):
        return None
    return [_clean(p).rstrip("?.;") for p in pieces]


_WH_WORD = r"(?:how|what|which|when|where|why|who|whether)"
_CLAUSE_SUBJECT = r"(?:you|we|they|your(?:\s+\w+){1,2}|staff|people|the\s+(?:service|provider|team))"
_CLAUSE_AUX = r"(?:will|would|do|does|can|could|should|are|is|have|has|need\s+to|plan\s+to|intend\s+to)"
_ASK_WH = r"(?:how|what|which|whether|why)(?:\s+and\s+(?:how|what|when|where|why))?"
_CLAUSE_START = re.compile(
    rf"{_WH_WORD}(?:\s+and\s+{_WH_WORD})?(?:\s+[\w-]+){{0,2}}?\s+{_CLAUSE_AUX}(?:\s+not)?\s+{_CLAUSE_SUBJECT}\b"
    rf"|{_ASK_WH}(?:\s+[\w-]+){{0,2}}?\s+{_CLAUSE_SUBJECT}\s+{_CLAUSE_AUX}\b"
    rf"|{_ASK_WH}\s+(?:you|we|they)\s+[a-z]+\b",
    re.I)
"""A wh-clause with a subject and an auxiliary of its own: direct ('how will you', 'which groups will you',
'what do you understand') or indirect ('how you will', 'what your staff would', 'whether and when you will',
'what you see as'). 'where', 'when' and 'who' start an ask only as a direct question ('where will you'):
'where they want', 'when people leave' are the clause's own circumstances."""
_NP_WORD = r"(?!(?:how|what|whether|why|when|where|will|would|can|could|should|must)\b)[\w'’.-]+,?"
_CLAUSE_ANY = re.compile(
    rf"{_ASK_WH}\s+(?:{_NP_WORD}\s+){{1,8}}?(?:(?:will|would|can|could|should|must)\b|[\w-]+'ll\b)"
    rf"|{_ASK_WH}\s+(?:you|we|they)'ll\b",
    re.I)
"""A wh-clause whose subject is any short noun phrase before its modal ('how the approx. 950 people on the current
caseload will', 'how people, carers and staff will', 'how complaints and incidents will', 'what influence they
will'): the clause's own subject and verb, so a clause of its own wherever a comma or a run-on puts it."""
_CLAUSE_GAP = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:(?:and|or)\s+)?", re.I)
_TAKES_CLAUSE = _OPEN_END | _words("takes_clause")
"""Words a wh-clause completes rather than follows ('explain how you will', 'agree with people what they
would like', 'so that what you will do ...'): no boundary after them unless a comma or 'and' marks one."""


def _clause_start(text: str, at: int = 0) -> bool:
    """A wh-clause with a subject and a verb of its own starts at ``at`` (:data:`_CLAUSE_START`, :data:`_CLAUSE_ANY`)."""
    if _RELATIVE_ITEM.match(text[at:]):
        return False  # ', which the Provider will be required to adopt': says more of what is before it
    return bool(_CLAUSE_START.match(text, at) or _CLAUSE_ANY.match(text, at))


_SERIES_WHEN = re.compile(rf"when\s+(?!there\b)(?:{_NP_WORD}\s+){{0,4}}?(?:will|would|can|could|should|must)\b", re.I)
"""In a comma series of asks, 'when they will be completed' is one too (a modal of its own; 'when people leave'
is the clause's own circumstance, as is ', where there will be no building')."""


_SERIES_LEAD = re.compile(r"^(?:please\s+)?(?:also\s+)?(?:describe|explain|set\s+out|outline|tell\s+us|include|cover|address|"
                          r"show(?:\s+us)?)\s+", re.I)
_SERIES_CUT = re.compile(r",\s*(?:(?:and|or)\s+)?(?=\S)", re.I)
_SERIES_NOUN = re.compile(r"^(?:the|your|any|each|its|their)\s+\S+(?:\s+\S+){2,}", re.I)
_BIDDER_NOUN = re.compile(r"^(?:the|your|any|each|its|their)\s+(?:[\w-]+\s+){1,3}(?:you|we|they|it)\s+(?:will|would|plan\s+to)\b",
                          re.I)
"""'the health promotion you will offer': a thing the bidder will do, an ask of its own after ', and' even beside one
wh-clause ('how you will A, and the B you will offer')."""


def _clause_series(text: str) -> list[str] | None:
    """'Describe how A will X, how B will Y, and the Z you will offer': a comma series of two wh-clauses or more, each
    with its own subject and verb (:func:`_clause_start`), its last item perhaps a noun phrase of its own after ', and'
    ('..., and the key risks with their mitigations'); each is an ask. None unless the text (after 'Describe',
    'Explain' ...) opens on such a clause and holds at least one more; a comma before a noun list's last word
    ('how you will involve carers, families, and the wider community') is no cut."""
    head = _SERIES_LEAD.sub("", text)
    if not _clause_start(head):
        return None
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), text)
    cuts: list[tuple[int, int]] = []
    gaps = list(_SERIES_CUT.finditer(protected, len(text) - len(head)))
    for n, gap in enumerate(gaps):
        if _clause_start(protected, gap.end()) or _SERIES_WHEN.match(protected, gap.end()):
            cuts.append((gap.start(), gap.end()))
        elif re.search(r"\band\s+$", gap.group(0), re.I) and (
                _BIDDER_NOUN.match(protected[gap.end():])
                or (n == len(gaps) - 1 and cuts and _SERIES_NOUN.match(protected[gap.end():]))):
            before = protected[(cuts[-1][1] if cuts else 0):gap.start()]
            if len(before.split()) >= 4 and len(before.rsplit(",", 1)[-1].split()) > 2:
                cuts.append((gap.start(), gap.end()))
    if not cuts:
        return None
    bounds = [0] + [c for cut in cuts for c in cut] + [len(text)]
    pieces = [_clean(text[bounds[i]:bounds[i + 1]]).rstrip("?.,;") for i in range(0, len(bounds), 2)]
    if any(len(p.split()) < 4 for p in pieces):
        return None
    return pieces


def _clause_run(text: str) -> list[str] | None:
    """A run-on of three or more wh-clauses, each with its own subject and auxiliary, divided by commas, 'and',
    or nothing at all: 'Tell us how you will A where the person agrees and what you will do where they do not
    how you will B ...' or 'What do you see as A, which B will you C first and why, how will you D, ...?' (several
    questions pasted into one paragraph). None when the text is not such a run: it must open with a wh-clause
    (after 'Tell us', 'Describe' ...), and every clause must run to four words or more."""
    head = _ASK_HEAD_VERB.sub("", text)
    if not _clause_start(head):
        return None
    lead = len(text) - len(head)
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), text)
    cuts: list[tuple[int, int]] = []
    for gap in _CLAUSE_GAP.finditer(protected, lead):
        if gap.start() == 0 or not gap.group(0) or not _clause_start(protected, gap.end()):
            continue
        if not re.search(r"[,]|\band\b|\bor\b", gap.group(0), re.I):
            before = re.findall(r"[A-Za-z']+", protected[:gap.start()])
            if not before or before[-1].lower() in _TAKES_CLAUSE:
                continue
        if cuts and gap.start() < cuts[-1][1]:
            continue
        cuts.append((gap.start(), gap.end()))
    if len(cuts) < 2:
        return None
    bounds = [0] + [c for cut in cuts for c in cut] + [len(text)]
    pieces = [text[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    if any(len(p.split()) < 4 for p in pieces):
        return None
    merged: list[str] = []
    for p in pieces:
        # 'how will you adapt it to reach them': a clause that only points back stays with the one before
        if merged and len(p.split()) <= 7 and (re.search(r"\b(?:them|it|these|those)\b", p, re.I)
                                              or _POINTS_BACK.search(_clean(p))):
            merged[-1] = f"{merged[-1]} and {p}"
        else:
            merged.append(p)
    return [_clean(p).rstrip("?.,;") for p in merged] if len(merged) >= 3 else None


_NOUN_ITEM = re.compile(r"^(?:the|your|any|each|their|its)\s+\S", re.I)


def _noun_series(text: str) -> list[str] | None:
    """'Describe the process for escalating risk to the Trust, the timescales, and the named roles involved': an ask
    verb over three things or more, each named with its own determiner and divided by commas, is an ask for each
    (as 'Include A, B and C' is). None for fewer than three, or when any item is not so named ('Describe the support,
    advice and guidance you offer' is one thing)."""
    m = _ASK_HEAD_VERB.match(text)
    if not m or _WH.match(text[m.end():]) or re.search(r"[.?!;:]\s+\S", text):
        return None  # one sentence only ('Describe the measures ... . The Partners require A, B and C': the buyer's)
    protected = re.sub(r"\([^()]*\)", lambda x: "\x00" * len(x.group(0)), text)
    bounds = [m.end()] + [c for g in re.finditer(r",\s*(?:and\s+)?|\s+and\s+(?=(?:the|your|any|each|their|its)\s)",
                                                   protected[m.end():]) for c in (m.end() + g.start(), m.end() + g.end())]
    bounds.append(len(text))
    items = [_clean(text[bounds[i]:bounds[i + 1]]).rstrip("?.;,") for i in range(0, len(bounds), 2)]
    if len(items) < 3 or not all(_NOUN_ITEM.match(i) for i in items):
        return None
    return [_clean(text[:bounds[1]]).rstrip("?.;,")] + items[1:]


def _wh_split(text: str) -> list[str]:
    """'..., and who makes that decision?' -> two asks (each side three words or more); 'Provide your
    organisation chart and describe the lines of accountability' -> two asks (two imperatives); a comma series of
    clauses whatever their subjects (:func:`_clause_series`) when it finds more asks than those readings."""
    plain = _wh_split_plain(text)
    if len(plain) == 2 and re.match(r"(?i)(?:how|what|when|where|why|whether)\s+each\b", plain[1]) and \
            _about_the_first(*plain):
        return [_clean(text).rstrip("?.;")]  # 'Your main risks and how each will be mitigated': one ask about the risks
    series = _clause_series(text) or _noun_series(text)
    if series and len(series) == 2 and _about_the_first(*series):
        return plain  # 'which system they will use, and how it will link with X': one ask
    return series if series and len(series) > len(plain) else plain


def _wh_split_plain(text: str) -> list[str]:
    if _IMPERATIVE.match(text):
        both = _AND_ASK.split(text, maxsplit=1)
        if len(both) == 2 and all(len(p.split()) >= 4 for p in both) and not both[1].rstrip().endswith(":"):
            return [x for p in both for x in _wh_split(_clean(p).rstrip("?."))]
    semi = _semicolon_asks(text)
    if semi:
        return [x for p in semi for x in _wh_split(p)]
    run = _clause_run(text)
    if run:
        return run
    parts = _WH_AND.split(text)
    if len(parts) == 2 and _WH.match(_ASK_HEAD_VERB.sub("", parts[0])):
        # 'Describe what your team would do ..., who would be involved, and how ...': a run of parallel clauses
        cuts = [g for g in re.finditer(r",\s*", parts[0])
                if re.match(r"(?:who|what|when|where|how|whether)\s+(?:\w+\s+)?(?:would|will|should|could|can)\b",
                            parts[0][g.end():], re.I) or (re.match(r"how\s", parts[0][g.end():], re.I)
                                                         and _clause_start(parts[0], g.end()))]
        bounds = [0] + [c for g in cuts for c in (g.start(), g.end())] + [len(parts[0])]
        run = [parts[0][bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2)]
        if len(run) > 1 and all(len(p.split()) >= 3 for p in run):
            parts = run + parts[1:]
    if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
        return [text]
    if any(re.search(r"\b(?:who|what|which|where|when|how|whether)\s+(?:is|are|was|were|does|do|has|have|can|will)(?:\s+not)?\s*,?\s*$", p, re.I) for p in parts[:-1]):
        return [text]  # 'data on who is, and who is not, using the service': one clause set against another
    if len(parts) == 2 and not _WH.match(parts[0]) and _OWN_ASK.match(parts[0]):
        # 'Describe one innovation you would introduce, the benefit you expect it to deliver and how you
        # would evaluate it': a list of things about one thing, each an element of its own
        nouns = [_clean(p) for p in re.split(r",\s+(?=(?:the|your|its|their|any)\s)", parts[0])]
        if len(nouns) >= 2 and all(len(n.split()) >= 3 for n in nouns):
            return nouns + [_clean(parts[1]).rstrip("?.")]
    # 'they' refers back when the first clause names the thing ('Describe the main risks to mobilisation and how
    # they will be mitigated'), not when it is a wh-clause of its own ('Tell us which tools you will use, how often
    # they will be reviewed, ...')
    back = r"them|it|these|those" if _WH.match(_ASK_HEAD_VERB.sub("", parts[0])) else r"them|it|these|those|they"
    if len(parts) == 2 and text.rstrip().endswith("?") and _WH.match(parts[0]) and re.match(
            r"(?i)^(?:how|what|when|where|why)\s+(?:will|would|does|do|is|are|can)\s+(?:it|this|these)\b", parts[1]):
        # 'What supervision will staff receive, and how will it meet the minimum of ...?': the second question asks
        # about what the first names, one ask (s15 q05, s10 q05, spent)
        return [text]
    if len(parts) >= 4 and _WH.match(_ASK_HEAD_VERB.sub("", parts[0])):
        # 'Tell us how you will A and how you will B and ... and what you see as the main risks and how you will
        # manage them' (s13 q11, a run-on question): each clause is an ask; one that only points back at the
        # clause before it ('how you will manage them') stays with that clause
        merged: list[str] = []
        for p in parts:
            if merged and len(p.split()) <= 7 and (re.search(rf"\b(?:{back})\b", p, re.I) or _POINTS_BACK.search(_clean(p))):
                merged[-1] = f"{merged[-1]} and {p}"
            else:
                merged.append(p)
        if len(merged) >= 3:
            return [_clean(p).rstrip("?.") for p in merged]
    if len(parts) == 2 and _about_the_first(parts[0], parts[1], back):
        return [text]
    if not _WH.match(parts[0]) and any(len(p.split()) <= 7 and re.search(rf"\b(?:{back})\b", p, re.I) for p in parts[1:]):
        return [text]  # 'the risks and how you will manage them': one ask about the risks
    if not _WH.match(_ASK_HEAD_VERB.sub("", parts[0])) and any(
            len(p.split()) <= 7 and _POINTS_BACK.search(_clean(p)) for p in parts[1:]):
        return [text]  # 'your plan with key milestones and who is responsible for each': one ask about the plan
    return [_clean(p).rstrip("?.") for p in parts]


_BACK_SUBJECT = re.compile(r"^(?P<wh>how|what|when|where|why|whether)\s+(?P<s>it|this|these|those|they|each)\s+"
                           r"(?:will|would|can|could|should|is|are|does|do|\w+s)\b", re.I)


def _about_the_first(first: str, second: str, back: str = "") -> bool:
    """'the components of the service and how they will work together as one service', 'which system they will use,
    and how it will link with the Care Record': the second clause's subject is a pronoun for what the first names,
    one ask however long (s26 q01, q11, spent; 20 of 25 such clauses kept whole across the labelled sets). Not when
    the first clause has that same subject ('how it will identify risk, and how it will discharge its duties': two
    asks of one bidder), nor 'they' after a wh-clause (:func:`_wh_split_plain`'s ``back``)."""
    m = _BACK_SUBJECT.match(_clean(second))
    back = back or (r"them|it|these|those|each" if _WH.match(_ASK_HEAD_VERB.sub("", first)) else r"them|it|these|those|they|each")
    if not m or m.group("s").lower() not in back.split("|"):
        return False
    head = _shape("should_ask").sub("", _ASK_HEAD_VERB.sub("", _clean(first)))
    return not re.match(rf"^(?:{_WH_WORD})\s+{m.group('s')}\b", head, re.I)


_WILL_VERB = re.compile(r"\b(?:will|would|to|please)\s+(?:(?:also|then|first)\s+)?(?P<v>[a-z][a-z-]+)\b|"
                        r"^(?P<i>[A-Za-z][a-z-]+)\b", re.I)
_AND_VERB = re.compile(r"(?:,\s*|\s+)and\s+(?:(?:also|then)\s+)?(?P<v>[a-z][a-z-]+)\s+(?P<next>[\w'-]+)", re.I)


SENTENCE_HOWS = 2
"""In a sentence that asks or a listed item, an including-clause is asks of its own only when it lists two
how-asks or more ('Explain how you will A, including how you will B and how you will C'); one how-ask qualifies the
ask before it ('Explain how you will share information, including how you will comply with ...'). The spent sets'
writers split both ways on one: 8 keep it whole (s10 q09, s12 q09, s16 q06, s17 q11, s21 q11, s22 q09, dev q-095,
s5w-q21), 6 split it (s18 q04, q10, s22 q01, q04, q08, dev q-091); the majority's rule is kept (session 23)."""
_BIDDER_HOW = r"how\s+(?:you|we|they|the\s+(?:bidder|provider|supplier))\s+(?:will|would)\b"
_INCLUDING_HOW = re.compile(rf"^(?P<head>.*?\S),\s+including\s+(?P<list>{_BIDDER_HOW}.+)$", re.I)
_HOW_CUT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?={_BIDDER_HOW})", re.I)
_MORE_ITEMS = re.compile(r",\s*(?:and\s+)?(?:your|the|our|their|its|any|who|what|which|when|where|whether)\b", re.I)


def _including_how(text: str, least: int = 1) -> list[str]:
    """'how you will run the service, including how you will staff the evenings': a second ask in an
    including-clause, a how-clause with the bidder as its subject, is a sub-point of its own, as is each of
    several ('..., including how you will A and how you will B'). An including-list of nouns is not, nor one that
    mixes a how-clause with nouns or other clauses ('including how you will meet the standard, your criteria, and
    who holds ...': the head's elements, one ask), nor 'including what you will do when ...' (s22 labels); the head
    must be a how- or what-ask itself (a named thing, 'your offer on X, including how you will Y', holds it: s15)."""
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), text)
    m = _INCLUDING_HOW.match(protected)
    if not m or len(m.group("head").split()) < 4 or not _WH_HEAD.match(_clean(m.group("head"))):
        return [text]  # 'your offer on stopping smoking, including how you will refer ...': what the offer holds
    cuts = [0] + [c.end() for c in _HOW_CUT.finditer(m.group("list"))]
    starts = [m.start("list") + c for c in cuts]
    ends = [m.start("list") + c.start() for c in _HOW_CUT.finditer(m.group("list"))] + [len(text)]
    pieces = [text[a:b] for a, b in zip(starts, ends)]
    if len(pieces) < least or any(_MORE_ITEMS.search(protected[a:b]) for a, b in zip(starts, ends)):
        return [text]
    return [_clean(text[:m.end("head")]).rstrip(" ,;")] + [_clean(p).rstrip(" ,;.") for p in pieces]


def _ask_verb_pattern() -> re.Pattern:
    verbs = _words_pattern(_listed("ask_verbs"))
    wh = _words_pattern(_listed("clause_asks", within="asks_joined"))
    return re.compile(rf"(?:,\s*|\s+)and\s+(?:please\s+)?(?:also\s+)?(?P<verb>{verbs})\s+(?:to\s+us\s+|us\s+)?"
                      rf"(?=(?:{wh})\b)", re.I)


def _ask_verbs_joined(text: str) -> list[str]:
    """'Describe how you will contact families and explain how you will agree what support they want', 'Give the date
    the premises will be ready and say who is responsible': an item (or sentence) that opens with an ask verb and,
    after 'and', asks again with an ask verb of its own before a wh-clause, asks twice; each half must be a clause
    of its own (four words or more before, a wh-clause after). Two verbs under one 'how you will' ('how you will
    record contacts and share figures') and 'and who will deliver it' (no ask verb) stay one ask."""
    clean = _clean(text)
    first = _listed("ask_verbs") + _listed("first_verbs", within="asks_joined")
    if not re.match(rf"(?i)^(?:please\s+)?(?:also\s+)?(?:{_words_pattern(first)})\b", clean):
        return [text]
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), clean)
    for m in _ask_verb_pattern().finditer(protected):
        head, rest = clean[:m.start()].rstrip(" ,;"), clean[m.start("verb"):].rstrip("?.;")
        if _CONDITIONAL_ASK.match(re.split(r"[.?!]\s+", head)[-1]):
            continue  # 'If you have no such contract, say so and explain how ...': a conditional ask is one ask
        if re.search(r"(?i)\b(?:it|this|these|those)\b", rest):
            continue  # '..., and explain how it meets each requirement', '... how you arrived at these figures': about
            # what the first ask names, one ask (s10 q02, s13 q01 labels)
        if re.search(r"(?i)\b(?:will|would|to|can|should|shall)\s+[\w'-]+$", head):
            continue  # 'how you will identify and explain what ...': one object for both verbs
        if len(head.split()) >= 4 and len(rest.split()) >= 4:
            return [head] + _ask_verbs_joined(rest)
    return [text]


def _after_including(text: str) -> list[str]:
    """'how you will assess risk with the person, including positive risk-taking, and how risk information will be
    shared with the CMHTs': after an including-clause of one element, a comma, 'and' and a wh-clause with a subject
    and verb of its own is a second ask, not a second element (a list of two or more elements before ', and how ...'
    is one list, and a clause that points back, 'and how it will ...', is about the first ask)."""
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), _clean(text))
    wh = _words_pattern(_listed("clause_asks", within="asks_joined"))
    m = re.match(rf"(?i)^(?P<head>.+?\S),\s+including\s+(?P<inc>[^,;]+?),\s+and\s+(?P<ask>(?:{wh})\b.+)$", protected)
    if not m or _WH.match(m.group("inc")) or len(m.group("head").split()) < 4 \
            or re.search(r"(?i)\s(?:and|or)\s", m.group("inc")):  # 'including frequency and who provides it': a list
        return [text]
    clean = _clean(text)
    ask = clean[m.start("ask"):].rstrip(" .;")
    if len(ask.split()) < 5 or not re.search(r"(?i)\b(?:will|would|can|could|should|do|does|is|are)\b", ask) \
            or re.search(r"(?i)\b(?:it|them|these|those|this|each)\b", ask):
        return [text]
    if re.match(r"(?i)^how\s+(?:you|we|they|the\s+(?:bidder|provider|service))\s+(?:will|would|can|could|plan|intend)\b", ask):
        # 'How people will get into the Hubs, including self-referral, and how you will achieve first contact within
        # 5 working days': the bidder's next step in the same ask (s10, s11, s14, s24, s30 labels keep it whole); a
        # clause of another subject ('how risk information will be shared', 'what reduction you will commit to') asks anew
        return [text]
    return [clean[:m.end("inc")].rstrip(" ,")] + [ask]


def _item_asks(text: str, least: int = 1) -> list[str]:
    """One item's asks: its including-clause's how-asks (:func:`_including_how`, at least ``least`` of them), then
    each one's second verb (:func:`_verb_asks`); first, two ask verbs joined by 'and' (:func:`_ask_verbs_joined`)."""
    if _CONDITIONAL_ASK.match(_clean(text)):
        return [text]  # a conditional ask is one ask (:func:`_asks`)
    joined = _ask_verbs_joined(text)
    if len(joined) > 1:
        return [x for piece in joined for x in _item_asks(piece, least)]
    after = _after_including(text)
    if len(after) > 1:
        return [x for piece in after for x in _item_asks(piece, least)]
    nouns = _noun_series(_clean(text))
    if nouns:
        return nouns  # '8.2 Describe the process for escalating risk, the timescales, and the named roles' (s18 dev q17)
    return [x for piece in _including_how(text, least) for x in _verb_asks(piece)]


def _verb_asks(text: str) -> list[str]:
    """'how you will learn from A, B and C, and share that learning with D', '..., including how you will take part
    in discharge planning before the discharge date and make contact within 72 hours': a second ask, its own verb
    and object after 'and', is a sub-point of its own (s22 dev q02). The first verb must have an object of four
    words or more before the 'and' ('how you will recruit and retain staff', 'oversee risk decisions and learn from
    incidents' are one ask), and only in a sentence that asks outright ('Explain how ...', 'Set out ...'); a list of nouns is no ask ('crisis episodes, re-presentations and readmissions'), nor is
    a clause that only points back ('and act on them', 'and learn from them under PSIRF')."""
    if not _ASK_HEAD_VERB.match(text):
        return [text]  # a listed 'how you will A and take part in B' is one ask (s5 q03, q12 labels)
    protected = re.sub(r"\([^()]*\)", lambda m: "\x00" * len(m.group(0)), text)
    for m in _AND_VERB.finditer(protected):
        verb, nxt = m.group("v").lower(), m.group("next").lower()
        if verb not in _COMMON_VERBS or verb in _NOT_VERBS or re.fullmatch(r"of|for|and|or|with", nxt):
            continue
        heads = list(_WILL_VERB.finditer(protected, 0, m.start()))
        if not heads:
            continue
        between = re.findall(r"[\w'-]+", protected[heads[-1].end():m.start()])
        if between and between[-1].lower() in _words("dangling_before_and"):
            continue  # 'help care leavers prepare for and keep their first tenancy': one object for both verbs
        if (heads[-1].group("v") or heads[-1].group("i") or "").lower() in _words("person_and_verb_heads") \
                and not m.group(0).lstrip().startswith(","):
            continue  # 'help people keep their tenancy and avoid losing their home': both are what people are helped to do
        item = protected[:m.start()].rsplit(",", 1)
        if not m.group(0).lstrip().startswith(",") and len(item) == 2 and len(item[1].split()) <= 2:
            continue  # the last of a list of nouns: 'people who use the services, carers, referrers and staff about
        rest = _clean(text[m.end("v") - len(m.group("v")):]).rstrip("?.;")
        if len(between) < 4 or len(rest.split()) < 4 or re.match(r"^\S+\s+(?:\S+\s+)?(?:them|it|these|those)\b", rest, re.I) or (
                len(rest.split()) <= 7 and re.search(r"\b(?:them|it|these|those|this)\b", rest, re.I)):
            continue
        return [_clean(text[:m.start()]).rstrip("?.;,")] + _verb_asks(rest)
    return [text]


def _asks(sentence: str) -> tuple[list[str], bool]:
    """A sentence's sub-points, and whether they came from a list it introduces
    ('Include A, B and C', 'covering: ...', ', including ...'), in which case the
    sentences before it only frame the list."""
    s = _ALSO_ASK.sub("", _added_ask(sentence) or _clean(sentence))
    if _CONDITIONAL_ASK.match(s):
        # 'If you propose to subcontract, explain which parts, to whom, and how you will manage them': every part of
        # it hangs on the condition, so it is one ask (apart, 'how you will manage them' would be asked of everyone)
        return [s], False
    numbered = re.match(r"^\(?\d{1,2}(?:\.\d{1,2})+[a-z]?\)?\s+(?=[A-Z])", s)
    if numbered and _shape("should_ask").match(s[numbered.end():]):
        s = s[numbered.end():]  # '2.3 The Supplier will describe how ...': the paragraph's number is not the asker's
    lead = _shape("should_ask").match(s)
    wh = bool(lead) and bool(_WH.match(s[lead.end():]))
    parts = [] if wh else _split_sentence(s)
    own = bool(lead) and len(parts) <= 1
    if own:
        # 'Bidders should describe how X' -> 'how X' ('Bidders should set out A, how B and how C' is a series);
        # 'examples of A and say how B' -> 'examples of A', 'how B': asks of its own, not a list framing the
        # sentences before it; a clause is kept whole ('how referrals, shared care plans and information sharing
        # will operate, with reference to the Protocol', s18 dev q09)
        said_by = re.sub(r"(?i)^please\s+", "", lead.group(0)).split()
        s = s[lead.end():]
        if any(_BIDDER_SUBJECT.match(" ".join(said_by[:n])) for n in (1, 2)):
            s = _bidders_they(s)  # '... transition work they have done elsewhere' (s32 q02): the bidder's, ours
        parts = [p for piece in _example_kept(s)
                 for p in ([piece] if _WH.match(piece) or _EXAMPLE.search(piece) else _split_sentence(piece))]
    series = not own and (len(parts) > 1 or (_is_cover_list(s) and parts != [s]))
    out = []
    for part in parts:
        out.extend(_wh_split(part))
    if own:
        # a guidance ask's 'how it will X, including A and B': X is asked, and A and B beside it (the s18 writer's
        # rule; s18 dev q02)
        out = [x for part in out for x in _with_included(part)]
    own_object = not _WH.match(re.sub(r"^(?:please\s+)?(?:tell\s+us|describe|explain|set\s+out|outline)\s+", "", s, flags=re.I))
    if len(out) >= 3 and len(parts) == 1 and _ASK_HEAD.match(s) and not _WH.match(s) and not own_object:
        series = True  # 'Tell us how you will A, how you will B, and what C': the elements of what came before
    return out, series


_EXAMPLE = re.compile(r"\bexamples?\b", re.I)
_FORWARD = re.compile(r"\b(?:will|would|shall|plan\s+to|intend\s+to|propose\s+to)\b", re.I)


def _example_kept(s: str) -> list[str]:
    """A guidance ask cut at its joined asks ('examples of A and say how B' -> 'examples of A', 'how B'), except
    where what follows an example only asks about that example: 'give at least one example of a decision that was
    changed ..., and say what changed', '... examples of transition work and say what they learned from it' are
    one ask each (the writers' labels); 'examples of local relationships and say how they will avoid duplication'
    asks what the bidder will do, an ask of its own."""
    pieces: list[str] = []
    start = 0
    for m in _shape("and_ask").finditer(s):
        if _EXAMPLE.search(s[start:m.start()]) and not _FORWARD.search(s[m.end():]):
            continue
        pieces.append(s[start:m.start()])
        start = m.end()
    pieces.append(s[start:])
    return [p for p in pieces if p.strip()]


def _with_included(ask: str) -> list[str]:
    """'how it will discharge its duties, including its arrangements for A and its approach to B' -> the ask and its
    two elements; any other ask as it is."""
    m = re.match(r"^(?P<head>(?:how|what)\b.*?\S),\s+including\s+(?P<list>(?:the|its|their|your|any)\b.+)$", ask, re.I)
    items = _split_series(m.group("list")) if m else []
    if m and len(items) < 2:  # 'its arrangements for A and its approach to B': two things, each with its determiner
        items = re.split(r",?\s+and\s+(?=(?:the|its|their|your)\s)", m.group("list"))
    if len(items) < 2 or any(_WH.match(i) for i in items):
        return [ask]
    return [m.group("head")] + [i.rstrip(".") for i in items]


def _own_ask(sentence: str) -> bool:
    """'Explain how you will reduce inequalities in access ... for the groups identified above': an
    ask of its own beside an 'Include ...' list, not the list's frame ('Describe your approach to risk')."""
    t = re.sub(r"^(?:please\s+)?(?:explain|describe|set\s+out|outline|tell\s+us)\s+", "", _clean(sentence), flags=re.I)
    return bool(re.match(r"^how\s+(?:you|we)\s+(?:will|would)\s+", t, re.I)) and len(t.split()) >= 10


_ADDED = re.compile(
    r"^(?:in\s+addition(?:\s+to\s+this)?|additionally|further(?:more)?|finally|lastly|separately|as\s+well\s+as\s+this|"
    r"in\s+your\s+(?:response|answer|submission))\s*,?\s*",
    re.I)
"""A sentence that adds to what came before: 'In addition, please explain how ...', 'In your response you
should also describe how ...' (after a list, an ask of its own; the words before the ask go)."""


def _added_ask(sentence: str) -> str | None:
    """The ask of a sentence that adds one after a list ('In addition, please explain how X' -> 'please explain
    how X'), or None. An additive opening ('in addition', 'finally') makes any imperative or question an added
    ask; 'In your response' only frames one that says 'also' or 'include'."""
    m = _ADDED.match(_clean(sentence))
    if not m:
        return None
    rest = _clean(sentence)[m.end():]
    rest = rest[:1].upper() + rest[1:]
    if _INCLUDE.match(rest) or _ALSO_ASK.match(rest):
        return rest
    if not re.match(r"(?i)in\s+your", m.group(0)) and (_IMPERATIVE.match(rest) or _OWN_ASK.match(rest)):
        return rest
    return None


_SHAPES: dict[str, re.Pattern] = {}


def _shape(name: str) -> re.Pattern:
    """A pattern built from the shapes' lists in ``phrasebank/intake.yaml`` (read once): ``should_ask`` is a guidance
    sentence's lead that asks for more ('Bidders should describe ', 'Tenderers should also demonstrate ')."""
    if not _SHAPES:
        def listed(key: str, within: str = "") -> str:
            return _words_pattern(_listed(key, within=within))

        askers, modals, verbs = listed("who", "asker"), listed("modal", "asker"), listed("ask_verbs")
        labels = listed("section_labels")
        # with no colon: 'Guidance: Bidders should ...' is read whole (:func:`_unlabel`)
        _SHAPES["label_line"] = re.compile(rf"^((?:[^\W\d_]+\s*/\s*)?{labels})\s+(?=[A-Z])", re.I)
        _SHAPES["how_to_answer"] = re.compile(rf"\b{listed('how_to_answer')}\b",
                                              re.I)
        # the phrase that names whom or where the ask is about straight after it ('in practice for island staff')
        _SHAPES["how_to_answer_narrowed"] = re.compile(rf"\s+{listed('how_to_answer_narrowed')}\s+\w", re.I)
        objects = listed("asked_objects")
        _SHAPES["asked_object"] = re.compile(rf"^{objects}\b", re.I)
        leads = listed("item_list_leads")
        _SHAPES["item_list"] = re.compile(
            rf"(?:(?:^|(?<=[.?!])\s+){leads}|^[A-Z][^\W\d_]*(?:\s+[^\W\d_]+){{0,3}})\s*:\s*(?P<list>[^:;]+(?:;[^:;]+)+)$", re.I)
        score_labels = listed("score_labels")
        score_words = listed("score_words")
        # (or a score in bold before a dash, whatever its words: '**5** – Commitments are specific ...', s22 dev q07,
        # where the six descriptor lines took the place of the question's parts (a) to (c))
        _SHAPES["score_line"] = re.compile(
            rf"^(?:{score_labels}\s*:?\s*)?[0-5]\s*(?:[–—=:.)-]\s*|\s+)(?:[–—-]\s*)?{score_words}\b"
            rf"|^(?:\*\*|__)[0-5](?:\*\*|__)\s*[–—:-]\s*\S", re.I)
        # 'examples of A and say how B'; 'how it will support A, and the steps it will take to B' (s18 dev q05)
        fields = listed("field_labels")
        _SHAPES["field_line"] = re.compile(rf"^[ \t]*{fields}[ \t]*:", re.I)
        _SHAPES["and_ask"] = re.compile(rf",?\s+and\s+{verbs}\s+(?=(?:how|what|whether|why|which|when|who)\b)"
                                        rf"|,\s+and\s+(?=(?:the|your|its|their)\s+\w+(?:\s+\w+)?\s+(?:it|you|they|we)\s+"
                                        rf"(?:will|would|plan\s+to)\b)", re.I)
        stated = listed("statement_verbs", "asker")
        _SHAPES["should_ask"] = re.compile(rf"^(?:please\s+)?{askers}\s+(?:{modals}\s+(?:also\s+)?{verbs}|will\s+(?:also\s+)?"
                                           rf"{stated})\s+(?=\S)", re.I)
        responses = listed("response", "asker")
        answers = listed("guidance_subjects", "heading")
        _SHAPES["heading_lead"] = re.compile(rf"^(?:please\s+)?(?:{answers})\s+{modals}\s+(?:also\s+)?{verbs}\s+(?=\S)", re.I)
        _SHAPES["guidance_lead"] = re.compile(rf"^(?:please\s+)?(?:{askers}|{responses}|the\s+{askers})\s+{modals}\s+"
                                              rf"(?:also\s+)?{verbs}\s+(?=\S)", re.I)
    return _SHAPES[name]


def _is_ask(sentence: str) -> bool:
    return bool(_INCLUDE.match(sentence) or _ALSO_ASK.match(sentence) or _added_ask(sentence)
                or _CONDITIONAL_ASK.match(_clean(sentence)))


def _fields_apart(text: str) -> str:
    """A portal's export, one field a line ('Question Number: 3.3', 'Question Title: ...', 'Question Text: ...',
    'Guidance: ...', 'Max Length: 750 words'): each field a paragraph of its own, so the title does not run into the
    question's first sentence (s18 dev q30: 'Question Title: Social value ... Describe the social value ...' was
    read as one sentence that asks nothing, and the question was lost). Text with fewer than three such fields is
    returned as it is."""
    field = _shape("field_line")
    if sum(1 for line in text.split("\n") if field.match(line)) < 3:
        return text
    return "\n".join(("\n" + line) if field.match(line) and n else line for n, line in enumerate(text.split("\n")))


def _item_list(text: str) -> list[str] | None:
    """The elements one numbered item lists after a colon, separated by semicolons: '8.1 How will connectors
    integrate with the CMHTs? Cover: attendance at MDT; access to RiO; joint supervision.' (the ask before 'Cover:'
    is what the elements detail), 'Mobilisation plan: key milestones to service start date; risks and mitigations'
    (a label over them). None when the item is one ask (s18 dev q16, q17, q20)."""
    m = _shape("item_list").search(text)
    if not m:
        return None
    items = [_clean(t).rstrip(".") for t in re.split(r"\s*;\s*(?:and\s+)?", m.group("list").strip().rstrip("."))]
    items = [t for t in items if t]
    return items if len(items) >= 2 else None


def _how_to_write(sentence: str) -> bool:
    """'Bidders should describe the practical steps taken before, on the day of, and after discharge, naming who is
    responsible at each stage': the guidance's note on how to write the answer (practical, by whom and when), not a
    thing to cover; beside the question's own asks it is no sub-point (s24 q04: it was split into four)."""
    m = _shape("should_ask").match(_clean(sentence))
    return bool(m) and bool(_shape("how_to_answer").search(_clean(sentence)[m.end():]))


def _guidance_ask(sentence: str, after_list: bool) -> bool:
    """'Bidders should describe how they will keep people safe ...' after a list (in the guidance): an ask of its
    own (s18 dev q07, q10, q19, q27). Before the list it frames the list ('The Tenderer shall set out the service
    model ... The response shall describe:'), unless it is split into elements of its own ('..., including A and
    B', s18 dev q02)."""
    m = _shape("should_ask").match(_clean(sentence))
    if not m:
        return False
    rest = _clean(sentence)[m.end():]
    # what it asks for is a thing to cover ('how they will ...', 'the number of ...', 'examples of ...'), not how to
    # write ('what will actually happen, by whom and when', 'practical arrangements, not aspirations', 'familiarity
    # with ...': s5, s9, s11, s17 labellers)
    if not _shape("asked_object").match(rest) or any(
            not _shape("how_to_answer_narrowed").match(rest[h.end():]) for h in _shape("how_to_answer").finditer(rest)):
        return False
    return after_list or _asks(sentence)[1]


_HEADINGS_LEAD = re.compile(r"\b(?:headings?|following|sections?|cover|address|include)\b[^:\n]*:\s*$", re.I)


_INLINE_HEADINGS = re.compile(
    r"(?P<lead>\b(?i:(?:using|use|under|with|in)\s+(?:the\s+|these\s+)?(?:following\s+)?(?:sub-?)?headings?))\s*:?\s+"
    r"(?P<list>[\"'‘“]?[A-Z][^.\n:;]*?(?:(?:,|;|\s+and)\s+[\"'‘“]?[A-Z][^.\n:;,]*?)+)\s*(?P<end>\.|$)",
    re.M)


def _inline_headings(text: str) -> str:
    """Headings the buyer mandates inside a sentence ('Please structure your answer using the headings
    Access, Assessment, Treatment and Discharge.') written one a line, as a list under its lead-in."""
    def one_a_line(m: re.Match) -> str:
        names = [n.strip(" \"'‘’“”") for n in re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+", m.group("list"))]
        if len(names) < 2 or any(not n or len(n.split()) > 6 or not n[:1].isupper() for n in names):
            return m.group(0)
        return m.group("lead") + ":\n" + "\n".join(f"- {n}" for n in names) + "\n"
    return _INLINE_HEADINGS.sub(one_a_line, text)


def _unmarked_list(lines: list[str]) -> list[str]:
    """Headings the buyer lists one a line without a marker, after a lead-in ending with ':' ('You must use
    the following headings:' over 'Local employment' / 'Environmental sustainability'): marked as a list.
    Two or more short lines (eight words or fewer, no sentence punctuation, no limit) make the list."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not _HEADINGS_LEAD.search(line) or _LIST_LINE.match(line):
            continue
        run = []
        for j in range(i + 1, len(lines)):
            t = lines[j].strip()
            if not t and not run:
                continue
            if not t or _LIST_LINE.match(lines[j]) or len(t.split()) > 8 or re.search(r"[.?!:;]$", t) \
                    or read_limits(t).spans or not re.match(r"[A-Za-z]", t):
                break
            run.append(j)
        if len(run) >= 2:
            for j in run:
                out[j] = "- " + lines[j].strip()
    return out


_PART_WORD = _words_pattern(_listed("part_words"))
"""What a buyer calls a separately answered part of one question ('Part B', 'Element A'): phrasebank/intake.yaml."""
_PART_ONLY = re.compile(rf"^\W*{_PART_WORD}[ \t]+[a-z0-9]{{1,2}}\b(?:[ \t]+only|[ \t]*[:–—-]?[ \t]*\d+(?:\.\d+)?[ \t]*%)?\W*$",
                        re.I)
_PART_HEAD = re.compile(
    r"^\s*(?:\*\*|__)?(?:(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*[a-z]?\s*[.:)]?\s+)?(?:[A-Z][^\n?]{0,60}?\s+[–—:/-]\s*)?"
    r"(?:" + _PART_WORD + r"|section)\s+(?:[a-h]|\d{1,2}|i{1,3}|iv)\s*(?:$|[(\[:–—-])[^\n?]{0,100}$"
    r"|^\s*(?:#{1,6}[ \t]*)?\d+\.\d+(?:\.\d+)?\s+[A-Z][^\n.?!:;]{0,70}$",
    re.I)
"""The title of a separately scored part of one question: 'Part A (Pass/Fail)', '5.2 Safeguarding – Part B
(scored)', '4.2 Safeguarding practice (scored, 8%)', a Markdown heading '## 4.2 Co-occurring substance use' (s22 dev
q04)."""


_PART_LABEL = re.compile(r"(?im)^([ \t]*" + _PART_WORD + r"[ \t]+(?:[a-h]|\d{1,2}|i{1,3}|iv)\b[ \t]*(?:[(\[][^()\[\]\n]{0,40}[)\]])?)"
                         r"[ \t]*[:.–—-][ \t]*(?=\S)(?=[^\n]{12})")
"""'Part B (scored): Describe ...': a part's title with its text on the same line."""


def _part_heads_apart(text: str) -> str:
    """'Part B (scored): Describe how ...' -> 'Part B (scored)' over 'Describe how ...', so the part is read as a
    part of its own (with two or more parts in the question); one part label alone is left as written."""
    if len(re.findall(r"(?im)^[ \t]*" + _PART_WORD + r"[ \t]+(?:[a-h]|\d{1,2}|i{1,3}|iv)\b", text)) < 2:
        return text
    def apart(m: re.Match) -> str:
        rest = m.string[m.end():].split("\n", 1)[0]
        asks = rest.split(". ")[0].rstrip().endswith("?") or _ASK_WORDS.match(rest) or _IMPERATIVE.match(rest) \
            or re.match(r"(?i)(?:do|will|are|have|can|does|is)\s+(?:you|your)\b", rest)
        return m.group(1).rstrip() + "\n" if asks else m.group(0)
    return _PART_LABEL.sub(apart, text)


def _scored_parts(text: str) -> list[str]:
    """A question made of parts under their own titles, each with its own ask: the parts' texts (an
    introduction before the first title goes with the first part); [] when it is one question."""
    lines = text.split("\n")
    heads = []
    for i, line in enumerate(lines):
        # a part's limit and weighting noted after its title are no part of it: '5.1 Veterans (maximum 400 words;
        # weighting 4%)' is a title line as '5.1 Veterans' is (s31 q05: its ';' hid all three parts' titles)
        t = _TITLE_NOTE.sub("", line).strip() if _PART_HEAD.match(line) or _PART_HEAD.match(_TITLE_NOTE.sub("", line)) else ""
        # how the part is answered is no part of its title: 'PART A – Declarations (answer Yes or No to each; no
        # narrative is required)' (s15 q06, spent)
        t = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", t).strip() if _ANSWER_FORM.search(t) else t
        t = re.sub(rf"(?i)^{_OTHER_TONGUE}(?=(?:part|section)\b)", "", t)  # 'Rhan A / Part A – ...': one title
        if t and len(t.split()) <= 10 and not _ASK_WORDS.match(re.sub(r"^[\d.\s]+", "", t)):
            heads.append(i)
    if len(heads) < 2 and not (heads and any(ln.strip() for ln in lines[:heads[0]]) and heads[0] > 0
                               and re.search(r"(?i)\b" + _PART_WORD + r"\s+[b-h2-9]\b", lines[heads[0]])):
        return []
    cuts = [0 if n == 0 else h for n, h in enumerate(heads)]
    parts = ["\n".join(lines[a:b]).strip() for a, b in zip(cuts, cuts[1:] + [len(lines)])]
    if len(parts) >= 2 and not any(_ASK_WORDS.search(ln.strip()) for ln in parts[0].split("\n")[1 if heads[0] == 0 else 0:]) \
            and (heads[0] == 0 or all(len(ln.split()) <= 14 and not re.search(r"[.?!;]$", ln.strip())
                                      for ln in lines[heads[0]:heads[1]])):
        # a title and an introduction that asks nothing: the first part's (a document's heading lines before it
        # too: 'Adran C: Cwestiynau Ansawdd / Section C: Quality Questions' is the tender's section, s18 dev q15)
        parts[:2] = [parts[0] + "\n\n" + parts[1]]
    merged: list[str] = []
    for n, part in enumerate(parts):
        if n and merged and not [ln for ln in part.split("\n")[1:] if ln.strip()] and not _ASK_WORDS.search(part):
            merged[-1] += "\n" + part  # 'Part B: (max. 500 words)' / 'Part A: Pass/Fail.' after the parts: a note
        else:
            merged.append(part)
    bodies = [[ln for ln in p.split("\n")[1:] if ln.strip()] for p in merged]
    if len(merged) < 2 or any(not b for b in bodies):
        return []
    return merged


_LOOKED_FOR = re.compile(r"^(?:guidance\s*:\s*)?(?:the\s+)?(?:evaluators?|assessors?|(?:evaluation\s+)?panel|scorers?|commissioners?)\s+"
                         r"(?:will|would)\s+(?:also\s+)?(?:(?:look|be\s+looking)\s+for|expect\s+to\s+see|want\s+to\s+see|"
                         r"consider|look\s+at|take\s+into\s+account)\s+(?P<list>[^:]+)$", re.I)
_HOW_YOU_WILL = re.compile(r"(?:^|,\s*|\s+and\s+)(?:(?:an?\s+)?(?:clear\s+)?(?:explanation|description|account)\s+of\s+)?"
                           r"(?P<ask>how\s+(?:you|(?:the|your|its|their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:will|would|plan\s+to)\s+.+)$",
                           re.I)
"""The ask of such guidance: 'how you will ...', or 'how the Bidder will ...', 'how the workforce will ...' (s26 q08,
spent: 'Evaluators will also consider how the Bidder will A, and how the workforce will B' was two asks lost)."""


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2} - _words("content_stop")


def _looked_for(text: str, points: list[str]) -> list[str]:
    """What the buyer's guidance says evaluators look for that is an ask of its own: 'Evaluators will look for
    a clear method, realistic timescales, and an explanation of how you will treat small numbers' -> 'how you
    will treat small numbers' (a quality such as 'a clear method' or 'named roles' is how the answer is judged,
    not a part of it; an element the sub-points already name is not added twice)."""
    out: list[str] = []
    for para in re.split(r"\n", text or ""):
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", _clean(para)):
            m = _LOOKED_FOR.match(re.sub(r"^guidance\s*:\s*", "", sentence, flags=re.I))
            if not m:
                continue
            listed = re.sub(r"\s*\((?:for\s+example|e\.g\.)[^)]*\)", "", m.group("list")).rstrip(".")
            asks = [a.rstrip(".") for h in _HOW_YOU_WILL.finditer(listed) for a in _wh_split(_clean(h.group("ask")).rstrip("."))]
            for ask in asks:
                words = _content_words(ask)
                if words and not any(len(words & _content_words(p)) >= 0.6 * min(len(words), len(_content_words(p)) or 1)
                                     for p in points + out):
                    out.append(ask)
    return out


def _asking_column(text: str) -> str:
    """A Markdown table whose one column asks and whose other columns say how answers are judged ('| What we are
    looking for | What scores well |' over '| Explain how you will reach men ... Describe the settings ... |
    Evidence of existing relationships ... |'): the asks written out a row a paragraph, the judging cells left out
    (s19 dev d21: the table was read as one sub-point). Any other table is left as it is."""
    lines = text.split("\n")
    rows = [n for n, ln in enumerate(lines) if ln.strip().startswith("|") and not _MD_RULE.match(ln.strip())]
    rules = [n for n, ln in enumerate(lines) if ln.strip().startswith("|") and _MD_RULE.match(ln.strip())]
    if len(rules) != 1 or len(rows) < 2 or rows[0] != rules[0] - 1:
        return text
    body = [_row_cells(lines[n].strip()) for n in rows[1:] if n > rules[0]]
    width = len(_row_cells(lines[rows[0]].strip()))
    if not body or width < 2 or any(len(r) != width for r in body):
        return text
    asks = [c for c in range(width) if all(_ASK_WORDS.search(r[c]) for r in body)]
    silent = [c for c in range(width) if not any(_ASK_WORDS.search(r[c]) for r in body)]
    if len(asks) != 1 or len(silent) != width - 1:
        return text
    table = set(rows) | set(rules)
    first = min(table)
    out = [ln for n, ln in enumerate(lines) if n < first]
    out += [x for r in body for x in ("", r[asks[0]])] + [""]
    out += [ln for n, ln in enumerate(lines) if n > max(table)]
    return "\n".join(out)


def _prepared(question: str) -> str:
    """The question as the splitter reads it: a table row written out, sub-question references and a portal's
    fields apart, 'including, but not limited to:' as 'including:'."""
    original = unpack_row(_statement_table((question or "").replace("\r\n", "\n").replace("\r", "\n")), rows_apart=True)
    original = _sub_question_refs(original.replace("\t", "\n").strip())
    # 'including, but not limited to:' lists as 'including:' does
    original = re.sub(r"\b(includ(?:e|ing))\s*,?\s*but\s+(?:are\s+|is\s+)?not\s+(?:limited|restricted)\s+to\s*,?", r"\1", original,
                      flags=re.I)
    # a sub-question's reference in bold ('**7.1** How will you ...', '**11.3** How will you ...'): a reference as
    # any other, so each sub-question is an item of its own (s18 q07, q11)
    original = re.sub(r"(?m)^([ \t]*)(?:\*\*|__)((?:q(?:uestion)?\.?\s*)?\d{1,2}(?:\.\d{1,2})+[a-z]?\.?)(?:\*\*|__)(?=[ \t]+\S)",
                      r"\1\2", original, flags=re.I)
    # a part's title in bold run into its text ('**Element A – Physical health.** How will you ...?'): the title on a
    # line of its own, as 'Part A – Physical health' over its ask is read (s35 q07, spent: the first element's ask
    # was lost and its items read as context)
    original = re.sub(r"(?im)^([ \t]*(?:\*\*|__)" + _PART_WORD + r"[ \t]+(?:[a-h]|\d{1,2})\b[^\n*_]{0,80}?(?:\*\*|__))[ \t]+(?=\S)",
                      r"\1\n", original)
    # a numbered part's title in bold on a line of its own ('**4.1 Engagement before release** (maximum 400 words)'):
    # a title as '4.1 Engagement before release' is, so each part is read on its own (the bold hid the parts and only
    # the part holding a list was read; s37 q04, spent); its limit or weighting may follow in brackets or after a dash
    # ('**9.1 Safeguarding** – Maximum 450 words': s38 q09, spent, lost its part 9.2 and held 9.1 to the 800 of both)
    original = re.sub(r"(?m)^([ \t]*)(?:\*\*|__)(\d{1,2}(?:\.\d{1,2})+[a-z]?\.?[ \t]+[A-Z][^\n*_.?!:;]{0,70}?)(?:\*\*|__)"
                      r"(?=[ \t]*(?:(?:[(\[]|[–—-][ \t]*(?i:max|up\s+to|no\s+more|word|limit|weight|\d))[^\n]*)?$)",
                      r"\1\2", original)
    # a table cell's line breaks written as HTML ('Bidders should:<br>• explain ...<br>• set out ...'): its lines
    original = re.sub(r"(?i)<br\s*/?>", "\n", original)
    # a form's tick boxes ('... before starting work.   ☐ Yes   ☐ No' + a rule on the same line): the answer's form
    # ends the statement to confirm, the rule after it is a sentence of its own (dev29 d12)
    original = re.sub(r"[^\S\n]*[☐□]\s*(yes)\s*[☐□]\s*(no)\b[^\S\n]*", r" \1 / \2\n", original, flags=re.I)
    return _fields_apart(_asking_column(_limit_cells(_graded_lines(_score_lists(original)))))


def _graded_lines(text: str) -> str:
    """A scoring guide written in grade words ('How we score this question' over 'Strong – clear, realistic ...',
    'Adequate – ...', 'Weak – ...'): two lines or more that open on a grade and a dash, under a line saying how the
    answer is judged. Written as the scoring lines they are ('Score – Strong – ...'), each a sentence, so they are
    never read as asks; the judging line, a heading over them that asks nothing ('How we score ...' reads as a
    question), is left out."""
    lines = text.split("\n")
    grade = re.compile(rf"^[ \t]*(?:[-*•][ \t]+)?(?:{_words_pattern(_listed('score_words'))})[ \t]*[–—:-][ \t]+\S", re.I)
    for n, line in enumerate(lines):
        label = line.strip().rstrip(":")
        if not label or len(label.split()) > 8 or re.search(r"[.?!]$", label) or not _JUDGED_LEAD.search(label):
            continue
        run = n + 1
        while run < len(lines) and grade.match(lines[run]):
            run += 1
        if run - n - 1 >= 2:
            lines[n] = ""
            for i in range(n + 1, run):
                row = lines[i].strip().lstrip("-*• ")
                lines[i] = f"Score – {row}" if re.search(r"[.?!]$", row) else f"Score – {row}."
    return "\n".join(lines)


_SCORE_ITEM = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?(?P<n>[0-5])(?:\*\*|__)?[ \t]*[–—:=-][ \t]+(?P<rest>\S[^\n]*)$")


def _score_lists(text: str) -> str:
    """The scoring descriptors written as a list ('- **5** – Commitments are specific ...', '- **4** – ...' down to
    0): three lines or more whose scores run in order, each a
    different score. Written as the scoring lines they are ('Score 5 –
    ...'), so they are never read as the question's list (s22 dev q07: they were taken for its
    sub-points and its parts (a) to (c) were lost)."""
    lines = text.split("\n")
    marks = [_SCORE_ITEM.match(ln) for ln in lines]
    n = 0
    while n < len(lines):
        run = n
        while run < len(lines) and marks[run]:
            run += 1
        scores = [int(m.group("n")) for m in marks[n:run]]
        steps = {b > a for a, b in zip(scores, scores[1:])}
        if run - n >= 3 and len(steps) == 1 and len(set(scores)) == len(scores) \
                and not all(_shape("score_line").match(ln.strip()) for ln in lines[n:run]):  # those are read already
            for i in range(n, run):
                lines[i] = f"Score {marks[i].group('n')} – {marks[i].group('rest')}"
            n = run
        else:
            n += 1
    return "\n".join(lines)


def listed_requirements(question: str) -> list[str]:
    """The buyer's background lists in ``question`` (:func:`context_lists`), each item with its lead-in: the
    requirements, standards, partners and KPIs the answer must meet or name, never sub-points."""
    return context_lists(_prepared(question))[1]


def split_question(question: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a question into (stem, [(key, sub-point text), ...]) (:func:`_split_question`); sub-questions the
    buyer keys 'B1', 'B2' keep those keys."""
    stem, points = _split_question(question)
    lettered = _lettered_refs(unpack_row(question or "").replace("\t", "\n").split("\n"))
    if lettered:
        letter = lettered[0][1].group("k").upper()
        keys = {m.group("n") for _, m in lettered}
        points = [(f"{letter}{k}" if k in keys else k, t) for k, t in points]
    return stem, points


_PEOPLE = _words_pattern(_listed("people_nouns"))
_THEM_OBJECT = re.compile(r"\b(?P<verb>[a-z]+)\s+them\b", re.I)


_PLURAL_BEFORE = re.compile(r"(?i)\b(?:the|your|any|these|those|its|their)\s+(?:[a-z-]+\s+)?[a-z-]{3,}(?<!s)s\b")
"""A plural named in the ask itself ('the main risks', 'your plans'): what its 'them' stands for."""


def _them(text: str, before: str) -> str:
    """'how you will involve them in safety planning' split from 'how you will support carers, ...': said with the
    people the ask before names ('how you will involve carers in safety planning'), so the part's heading and the
    block matched to it are about them (alone, the part took a block on a lived experience panel; s30, a tmux run of
    the bid writer's job). Only when the ask names no people of its own before 'them' and the one before names
    people right after its verb; the sub-point itself keeps the buyer's words."""
    them = _THEM_OBJECT.search(text)
    if not before or not them or re.search(_PEOPLE, text[:them.start()], re.I):
        return text
    if _PLURAL_BEFORE.search(text[:them.start()]):
        return text  # 'the main risks to mobilisation and how you will manage them': the risks (s32 q12, spent)
    who = re.search(rf"\b(?:will|to|you|we)\s+(?:[a-z]+ly\s+)?[a-z]+\s+(?:the\s+|all\s+)?(?P<who>(?:[a-z+-]+\s+)?{_PEOPLE})\b",
                    before, re.I)
    if not who:
        return text
    people = who.group("who")
    if not re.fullmatch(_PEOPLE, people, re.I) and people.split()[0].lower() not in _words("people_adjectives"):
        people = people.split(None, 1)[1]  # 'support carers': no word before the people but an adjective of theirs
    return text[:them.start("verb")] + them.group("verb") + " " + people + text[them.end():]


_EACH_LISTED = re.compile(r"(?i)\b(?:meet|deliver|achieve|comply\s+with|address|fulfil|satisfy)\s+(?:each|every|all)\s+"
                          r"(?:one\s+)?(?:of\s+)?(?:the|these|those)\s+(?:\w+\s+)?(?:requirements|standards|commitments|"
                          r"obligations|expectations|duties)\s+(?:listed|set\s+out|described|given|above)\b")
"""An ask that points back at a list of requirements the buyer gave above it ('meet each of the requirements listed
above'): the list's items are the sub-points."""


def _split_question(question: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a question into (stem, [(key, sub-point text), ...]) (:func:`_split_asks`); the buyer's background
    lists (:func:`context_lists`) are no sub-points: they open the stem, the question's context."""
    original = _prepared(question)
    if not original or not re.search(r"[^\W_]", original):
        raise InputError("the question is empty")
    original, listed = context_lists(original)
    stem, points = _split_asks(original)
    each = [n for n, (_, t) in enumerate(points) if _EACH_LISTED.search(t)]
    if len(listed) >= 2 and len(each) == 1:
        # 'Explain how you will meet each of the requirements listed above.' under 'the provider must:' and its list:
        # each requirement is a sub-point, the ask that points back at them is their frame (s19 q07, spent)
        at = each[0]
        stem = " ".join(x for x in (stem, points[at][1]) if x)
        # without the lead-in they share ('Under this contract the provider must'): each names what is required
        shared = os.path.commonprefix([t.split() for t in listed])
        if len(shared) >= 2 and re.fullmatch(r"(?i)must|shall|will|should|to", shared[-1]):
            listed = [" ".join(t.split()[len(shared):]) for t in listed]
        points = _renumber(points[:at] + [("p", t.rstrip(" .;")) for t in listed] + points[at + 1:])
        listed = []
    return " ".join([t.rstrip(" .;") + "." for t in listed] + ([stem] if stem else [])), points


def _table_rows_apart(original: str) -> tuple[str, list[tuple[str, str]]]:
    """A questionnaire table of several rows (:func:`unpack_row` with ``rows_apart``): each row's question and
    guidance read on their own, as a part is, keyed by the row's reference ('6a', '6b' ...; '6a', '6a2' when a
    row asks two things); the text before the table is the question's context (s22 dev q06: the rows' cells were
    spliced into one another)."""
    head, *rows = original.split(_ROW_BREAK)
    contexts = [" ".join(head.split())] if head.strip() else []
    points: list[tuple[str, str]] = []
    for row in rows:
        ref, _, body = row.partition("\n")
        if not body.strip():
            continue
        if ref == "-":
            contexts.append(" ".join(body.split()))
            continue
        try:
            # a row's question is asked beside its guidance cell's asks, never their frame (s18 dev q09)
            context, found = _split_asks(body.strip(), framed=False)
        except InputError:
            continue  # a row that holds only its limit or weighting
        contexts.append(context)
        ref = ref.strip()
        points += [(_sub_key(ref, n) if ref else "p", t) for n, (_, t) in enumerate(found)]
    if not points:
        raise InputError("the question's table holds nothing to answer")
    return " ".join(c for c in contexts if c), _renumber(points)


def _split_asks(original: str, *, framed: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """Split a question (:func:`_prepared`, its background lists taken out) into (stem, [(key, sub-point text), ...]).

    Shapes read, the first that applies: a list written one item per line
    (bullets, 1. / 1) / (1), a) / (a) / a., i) / (i), 2.1); items keyed inline
    ("a) ... b) ...", "(i) ... (ii) ..."); otherwise the sentences. Within the
    sentences, "Your answer should cover: a; b; and c", "Include A, B and C"
    and "..., including A and B" are split into their items. Limits and
    weightings are read separately (:func:`read_limits`), never answered.
    Sentences before a list (the stem) are context unless they ask for
    something the list does not ("Include ..."); the stem is a sub-point of
    its own only when it asks a question and the list is introduced as
    "including"/"in particular" items of it.
    """
    if _ROW_BREAK in original:
        return _table_rows_apart(original)
    parts = _scored_parts(_part_heads_apart(original))
    if parts:
        # 'Part A (Pass/Fail)' ... 'Part B (scored)', '4.1 ...' ... '4.2 ...': each part read on its own
        contexts, points = [], []
        for part in parts:
            # a bare 'Part A' label put on a line of its own (:func:`_part_heads_apart`) is not the part's words; a
            # bilingual title's other tongue ('Rhan A / Part A – ...') is no more of its title
            part = re.sub(rf"(?im)^([ \t]*){_OTHER_TONGUE}(?=(?:part|section)[ \t]+(?:[a-h]|\d{{1,2}})\b)", r"\1", part)
            part = re.sub(r"(?im)^[ \t]*" + _PART_WORD + r"[ \t]+(?:[a-h]|\d{1,2}|i{1,3}|iv)\b[ \t]*(?:[(\[][^()\[\]\n]{0,40}[)\]])?"
                          r"[ \t]*[:.–—-]?[ \t]*$", "", part).strip() or part
            # a numbered part's own heading ('## 2.1 Premises (maximum 300 words)') titles it and asks nothing: an
            # introduction before it made it run into the part's first ask ('## 2.1 Premises Describe ...')
            # (a line that numbers the question itself, 'Question 2.3 Workforce', titles no part of it)
            titles = [_TITLE_NOTE.sub("", m.group("title")).strip() for m in _NUMBERED_HEAD.finditer(part)
                      if m.group("ref") and _title_only(m.group("title")) and not _QUESTION_LINE.match(m.group(0))]
            part = _NUMBERED_HEAD.sub(lambda m: "" if m.group("ref") and _title_only(m.group("title")) else m.group(0),
                                      part).strip() or part
            for m in reversed([m for m in _part_limit_matches(part) if m.re is not _PART_TITLE_LIMIT]):
                # the list of the parts' limits ('Part 1: 300 words; Part 2: 700 words') is no part's words: its
                # labels are not sub-points (s15 q08, spent)
                part = part[:m.start()] + part[m.end():]
            try:
                context, found = split_question(part)
            except InputError:
                context, found = "", []  # a part that holds only its limit or weighting
            if len(titles) == 1 and not any(_LIST_LINE.match(ln) for ln in part.split("\n")) \
                    and not any(_ASK_WORDS.search(t) or _IMPERATIVE.match(t) or "?" in t or _is_ask(t) for _, t in found):
                # a numbered part titled on its own line whose text asks nothing we read (only its facts): the part is
                # still scored, so its title is its one sub-point (never dropped: the panel scores an unanswered part
                # 0) and its facts are its context
                context = " ".join([context] + [t for _, t in found]).strip()
                found = [("p", titles[0])]
            if not found:
                continue
            contexts.append(context)
            points += found
        if points:
            return " ".join(c for c in contexts if c), _renumber(points)
    titled = _drop_title(original)
    title = original[: len(original) - len(titled)].strip() if original.endswith(titled) else ""
    original = titled
    first_line = _LIST_LINE.match(original.split("\n")[0])
    if not (first_line and _has_sibling(original.split("\n"), first_line)):
        original = re.sub(r"^\s*(?:q(?:uestion)?\.?\s*\d+(?:\.\d+)*[a-z]?|\d+\.\d+(?:\.\d+)*)\s*[.:)–—-]?\s+(?=[A-Z])", "",
                          original, flags=re.I)
    original = _inline_headings(original)
    # 'Describe your approach: • training • supervision • escalation' (bullets pasted onto one line)
    original = "\n".join(re.sub(r"\s+([•●▪])\s+", r"\n\1 ", ln) if len(re.findall(r"\s[•●▪]\s", ln)) >= 2 else ln
                         for ln in original.split("\n"))
    # 'Question:' over the question (a form's label on a line of its own, or before the text)
    original = re.sub(r"(?im)^[ \t]*(?:the\s+)?question(?:\s+text)?[ \t]*(?:[:–—-][ \t]*(?:\n|(?=\S))|\n)", "", original)
    lines = _unmarked_list(original.split("\n"))
    items: list[tuple[str, str]] = []
    stem_text, trailing = original, ""

    found = _line_items(lines)
    stated = bool(found) and _stated_list(lines, found[0], found[1])
    if stated:
        # 'The contract has these KPIs:' + 'KPI 1 - ...' + 'Explain how you will report against these KPIs.': the list
        # states the buyer's facts, the ask after it is the question (the list is its context)
        stem_text, trailing = "\n".join(lines[:found[1] + 1]), "\n".join(lines[found[1] + 1:])
        found = None
    inline = None if found or stated else _inline_items(original)
    if found:
        first, last, raw = found
        stem_text = "\n".join(lines[:first])
        trailing = "\n".join(lines[last + 1:])
        items = raw
        intro = next((ln.strip() for ln in reversed(lines[:first]) if ln.strip()), "")
        if _open_end(intro) and not _COVER_LEADIN.search(intro) and not _CONTEXT.match(intro.split(". ")[-1]) \
                and _joinable(_lead_phrase(intro.split(". ")[-1])):
            # 'Describe how staff will recognise and respond to:' + '- self-harm' -> each item says the whole ask
            lead = _lead_phrase(intro.split(". ")[-1])
            items = [(k, f"{lead} {_lower_first(t.strip())}") for k, t in raw]
    elif inline:
        start, raw = inline
        stem_text = original[:start]
        for n, (key, chunk, _, _) in enumerate(raw):
            if n + 1 == len(raw):
                chunk, trailing = _split_tail(chunk)
            items.append((key, chunk))
        lead_words = re.findall(r"[A-Za-z]+", stem_text.split(".")[-1])
        lead = _lead_phrase(stem_text.split(". ")[-1].strip())
        if lead_words and lead_words[-1].lower() in _OPEN_END and _joinable(lead):
            # 'how you will involve people in (a) recruitment, (b) ...' -> 'how you will involve people in recruitment'
            items = [(k, f"{lead} {_lower_first(_clean(t))}") for k, t in items]

    stem_sentences = [_unlabel(s) for s in _paragraph_sentences(stem_text) if not _is_instruction(s)]
    # a guidance list after the asks ('### Guidance' + '- Bidders should describe how they will ...'): its items
    # are read as sentences, without their bullets, so a guidance ask among them is asked (s18 q01)
    trailing = "\n".join(m.group("text") if m and m.group("bullet") else ln
                         for ln, m in ((ln, _LIST_LINE.match(ln)) for ln in trailing.split("\n")))
    trail_sentences = [_unlabel(s) for s in _paragraph_sentences(trailing) if not _is_instruction(s)]

    if items:
        points = []
        flat = " ".join(original.split())
        for key, text in items:
            # a line the buyer asks a Yes or No to is a statement to confirm, whatever it names ('... in the format
            # at Annex D.  Yes / No' is no attachment rule)
            yes_no = bool(_YES_NO_END.search(text))
            text = _LIMIT_STUB.sub("", _clean(_strip_limits(text))).rstrip(";,")
            # a parent whose elements follow as sub-points of their own: 'X, including:' -> 'X'
            text = re.sub(r"[,;]?\s*(?:including|covering|such\s+as|in\s+particular|as\s+follows)?\s*:$", "", text,
                          flags=re.I).strip()
            text = re.sub(r"[;,]?\s+(?:and|or)$", "", text, flags=re.I)
            said = _sentences(text)
            if len(said) >= 2 and not yes_no and not _ASK_WORDS.search(said[0]) and not _CONDITIONAL_ASK.match(said[0]) \
                    and not re.search(rf"(?i)\b{_words_pattern(_listed('ask_verbs'))}\b|\?", said[0]) \
                    and all(_ASK_WORDS.search(x) for x in said[1:]):
                # '(a) Your workforce will be largely non-clinical. What is your approach to ...?': the item's first
                # sentence states the context its ask is put in, the ask is the sub-point (dev29 d21)
                text = " ".join(said[1:])
            told = re.match(rf"(?i)^{_words_pattern(_listed('context_markers'))}\s*[:–—-]\s*(?P<rest>\S.*)$", text)
            if told and not yes_no and not _ASK_WORDS.search(told.group("rest")):
                continue  # '3.4 Information only: the Council will provide licences ...': the buyer informs (dev31 q12)
            if text and (yes_no or not _is_instruction(text)):
                # as the buyer wrote it on one line (a nested list joined as 'Parent: child; child' is read as it was)
                listed = _item_list(text) if " ".join(text.split()) in flat else None
                # an item is one ask with its ', and how you will B' (33 of 35 such items in the spent sets are
                # labelled whole; s22 q01 and s18 dev q12 split), its second verb ('how you will A and share B') and
                # two including-how asks or more its own (session 23; s22 dev had split ', and how')
                asked = [] if listed or yes_no else _item_asks(text, SENTENCE_HOWS)
                if listed:
                    points += [(f"{key}{'abcdefgh'[n]}", t) for n, t in enumerate(listed)]
                elif len(asked) >= 2:
                    points += [(_sub_key(key, n), t) for n, t in enumerate(asked)]
                else:
                    points.append((key, text))
        # 'The Tenderer shall describe how it will X, and how it will Y.' + 'In particular, the Tenderer shall
        # address:' + a list: the list adds detail to asks made before it, which stay asked (s18 dev q02)
        detail = bool(stem_sentences) and bool(re.match(r"(?i)in\s+particular\b", stem_sentences[-1]))
        # 'Describe how you will A, how you will B, and how you will C.' + 'In particular, please address:' + a list:
        # a stem that is a series of asks of its own is asked, the list details them (as 'The Tenderer shall describe
        # how it will X, and how it will Y' is, s18 dev q02; one ask over 'In particular' is spelt out by the list)
        series_asks = [s for s in stem_sentences[:-1] if detail and _IMPERATIVE.match(_clean(s)) and not _CONTEXT.match(s)
                       and len([x for x in _asks(s)[0] if _WH.match(x)]) >= 2]
        # 'Please tell us your commitments on A, B and C.' + 'Please also tell us:' + a list: the list is asked
        # beside what came before it, not as its detail (s18 dev q25)
        # ('In addition, please set out:', 'Additionally, tell us:' say the same: s37 q06's questions before it)
        also = bool(stem_sentences) and stem_sentences[-1].rstrip().endswith(":") and bool(
            re.match(r"(?i)^(?:please\s+)?(?:also\s+(?:tell\s+us|describe|explain|set\s+out)|(?:tell\s+us|describe|"
                     r"explain|set\s+out)\s+also)\b", _ADDED.sub("", stem_sentences[-1]))
            or (bool(_ADDED.match(stem_sentences[-1])) and not re.match(r"(?i)in\s+your", stem_sentences[-1])
                and bool(re.match(r"(?i)^(?:please\s+)?(?:also\s+)?(?:tell\s+us|describe|explain|set\s+out|outline|"
                                  r"cover|address)\b", _ADDED.sub("", stem_sentences[-1])))))
        extra = [s for s in stem_sentences + trail_sentences
                 if (_is_ask(s) or _guidance_ask(s, s in trail_sentences or detail) or s in series_asks
                     or (also and s in stem_sentences[:-1] and _OWN_ASK.match(s) and not _CONTEXT.match(s)))
                 and not _COVER_LEADIN.search(s) and not s.rstrip().endswith(":")]
        # 'How will people be able to access recovery education? Describe your recovery college offer:' + items:
        # the question is asked as well when the list has a lead-in of its own that names another thing
        lead_in = stem_sentences[-1] if stem_sentences else ""
        if lead_in.rstrip().endswith(":") and _IMPERATIVE.match(lead_in) and not _COVER_LEADIN.search(lead_in) \
                and not _open_end(lead_in) and not _ask_lead_end(lead_in) and not _WH.match(_ASK_HEAD_VERB.sub("", lead_in)):
            extra = [s for s in stem_sentences[:-1] if s.rstrip().endswith("?") and _OWN_ASK.match(s)
                     and not _CONTEXT.match(s)] + extra
        # 'Describe X.' + 'What good looks like – please make sure your answer addresses each point:' + a list: the
        # lead-in says what the panel looks for in X, so X is asked as well as each item (not 'Your answer should
        # cover:', which spells X out; nor 'In particular:', which the spent sets' writers label as spelling X out,
        # s27 q02, s5-03, while the dev29 writer keeps X: the spent labels are kept)
        if lead_in.rstrip().endswith(":") and _EACH_POINT.search(lead_in) and (
                _GUIDANCE_LEAD.match(re.split(r"\s+[–—-]\s+|:", lead_in)[0].strip()) or _JUDGED_LEAD.search(lead_in)):
            umbrella = [s for s in stem_sentences[:-1] if (_IMPERATIVE.match(s) or _OWN_ASK.match(s))
                        and not _CONTEXT.match(s) and s not in extra]
            extra = umbrella[-1:] + extra
        # 'Describe how you will X, including how A and how B.' + 'Bidders should:' + a list: the lead-in names only who
        # answers, so the list is the guidance's further asks, and a question before it that names asks of its own
        # is asked too (s18 q04; one plain question over 'In answering this question you should:' is framed by the
        # list, s17 q08)
        if lead_in.rstrip().endswith(":") and _ASKER_MODAL.match(_clean(lead_in.rstrip(" :"))):
            # without its reference ('4.1 Describe how ...'), in its place among the stem's sentences
            stem_sentences = [re.sub(r"^\d{1,2}(?:\.\d{1,2})+[a-z]?\.?\s+", "", s) for s in stem_sentences]
            asked = [s for s in stem_sentences[:-1] if (_OWN_ASK.match(s) or s.rstrip().endswith("?"))
                     and not _CONTEXT.match(s) and len(_asks(s)[0]) >= 2]
            extra = [s for s in asked if s not in extra] + extra
        # 'Please confirm that you will meet X and describe how you will: (a) ...': the confirmation is asked too
        for s in stem_sentences:
            both = _AND_ASK.split(_clean(s), maxsplit=1) if s.rstrip().endswith(":") and _IMPERATIVE.match(s) else []
            if len(both) == 2 and len(both[0].split()) >= 4 and not _COVER_LEADIN.search(both[0]):
                points.insert(0, ("p0", re.sub(r"^please\s+", "", both[0], flags=re.I)))
        # 'Who ...? How ...? Please also describe X, including:' + a list: the list details X
        lead = stem_sentences[-1] if stem_sentences else ""
        others = [s for s in stem_sentences[:-1] if not _CONTEXT.match(s) and (s.endswith("?") or _is_ask(s))]
        if lead and _LEAD_FOR_DETAIL.search(lead) and others:
            head = _LEAD_FOR_DETAIL.sub("", lead)
            merged = [p for o in others for p in _asks(o)[0]]
            merged += [p for p in _asks(head)[0][:1]]
            if merged:
                merged[-1] = merged[-1] + ": " + "; ".join(_clean(t) for _, t in points)
                points = [(f"p{n + 1}", t) for n, t in enumerate(merged)]
                extra = [s for s in extra if s not in stem_sentences]
                stem_sentences = []
        # 'Describe how you will reach A, and how you will work with B. Your answer should cover:' + a list that
        # speaks of A only: the list spells out the first ask, and a later wh-ask of the sentence that names a body
        # or place (capitalised words) no listed item names, and shares few words with any item, is asked too (s34
        # q04: the work with the local action group was no sub-point). A later ask the items spell out ('..., and how
        # you will work with crisis services when they do' over an item on the CRHTT, s21 q03) names nobody.
        if points and lead_in.rstrip().endswith(":") and _COVER_LEADIN.search(lead_in):
            listed_words = [_content_words(t) for _, t in points]
            for s in stem_sentences:
                if s in extra or _CONTEXT.match(s) or s.rstrip().endswith(":") or not _IMPERATIVE.match(_clean(s)):
                    continue
                for part in _LATER_WH_ASK.split(_clean(s).rstrip(".?"))[1:]:
                    said = _content_words(part)
                    names = re.findall(r"(?<!^)\b[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|and|for))*\s+[A-Z][\w'-]*", part)
                    unnamed = [n for n in names if not any(n in t for _, t in points)]
                    if len(part.split()) >= 5 and said and unnamed and \
                            all(len(said & w) / len(said) < 0.5 for w in listed_words):
                        points.insert(0, ("p", part))
                        points = _renumber(points)
        before = []
        for s in extra:
            for part in [x for a in _asks(s)[0] for x in _item_asks(a, SENTENCE_HOWS)]:
                if s in stem_sentences and s not in trail_sentences:
                    before.append(("p", part))  # asked before the list: in the buyer's order
                else:
                    points.append((f"p{len(points) + 1}", part))
        if before:
            points = _renumber(before + [(k if not k.startswith("p") else "p", t) for k, t in points])
        # 'Explain how X.' + bullets that are questions of their own ('Give an example ...',
        # 'How will you ...?'): the stem's ask is the first sub-point, not their frame
        if lead and points and not lead.rstrip().endswith(":") and not _COVER_LEADIN.search(lead) \
                and not _CONTEXT.match(lead) and _ASK_WORDS.match(lead) and lead not in extra \
                and all(_OWN_ASK.match(t) for _, t in points) and any(not _WH.match(t) for _, t in points):
            points = [("p0", _asks(lead)[0][0] if len(_asks(lead)[0]) == 1 else lead)] + points
            stem_sentences = stem_sentences[:-1]
            points = _renumber([(k if not k.startswith("p") else "p", t) for k, t in points])
        # asks the buyer added after a keyed list continue its keys; what the guidance says evaluators look for does not
        points = _continue_keys(_renumber(points))
        points = _renumber(points + [("p", t) for t in _looked_for(original, [t for _, t in points])])
        context = " ".join(s for s in stem_sentences if s not in extra and not _COVER_LEADIN.search(s))
        context = _with_title(title, context)
        if not points:
            points = [("p1", s) for s in stem_sentences] or [("p1", _clean(stem_text))]
        return context, _renumber(points)

    # no list: the sentences, with inline series split ('Part A: How will you ...?' loses its label)
    sentences = [re.sub(r"^part\s+[a-z0-9]{1,2}\s*[:.–—-]\s*", "", x, flags=re.I) for x in stem_sentences + trail_sentences]
    asks = [s for s in sentences if not _CONTEXT.match(s)] or sentences
    # a statement that asks nothing ('Many people referred have unstable housing.', 'Figures
    # quoted must state their source.') is context or a rule, when other sentences do ask
    asking = [s for s in asks if (_ASK_WORDS.search(s) or _COVER_LEADIN.search(s) or _is_cover_list(s))
              and not _how_to_write(s)]
    if asking and len(asking) < len(asks):
        asks = asking
    if not asks:
        raise InputError("the question holds only instructions (a word limit or weighting), nothing to answer")
    parts: list[str] = []
    context_parts = [s for s in sentences if s not in asks]
    pending_leadin = False
    listed: set[str] = set()
    elements: set[str] = set()
    split_of: dict[str, list[str]] = {}
    for s in asks:
        if _COVER_LEADIN.search(s) and s.rstrip().endswith(":"):
            pending_leadin = True
            continue
        split, series = _asks(s)
        if series and len(asks) >= 3 and _IMPERATIVE.match(s) and not _COVER_LEADIN.search(s) and not _INCLUDE.match(s) \
                and _INCLUDING.match(_clean(s)) and not any(_WH.match(x) or _IMPERATIVE.match(x) or len(x.split()) > 6
                                                             or re.search(r"(?i)\b(?:you|we|will)\b", x) for x in split):
            # one of a paragraph's several asks ('Describe the service model ... Explain how people will access the
            # service, including self-referral and referral from GPs, the three CMHTs and the CRHTT. Set out ...'):
            # the few names it includes are its detail, not a list the asks before it frame (s23 q01, spent; 'the
            # number of local people you will employ' after 'Set out commitments ..., including' is asked, s8 q12)
            split, series = [_clean(s)], False
        if pending_leadin and len(split) == 1:
            split = _split_series(s) if ";" in s else split
        split_of[s] = split
        if series and not re.match(r"^(?:please\s+)?refer\s+to\b", s, re.I):
            # 'Describe X. Your answer should cover: a; b; c': the sentences before the list are its context
            # ('Explain how X. Include A, B and C': the list adds to the ask, which stays a sub-point;
            # a sentence split into elements of its own ('..., including A and B') stays too)
            include = bool(re.match(r"^(?:please\s+)?(?:also\s+)?include\b", s, re.I))
            mixed = not all(_WH.match(x) for x in split)  # 'Include how you will A, B and C' details the stem
            # a question asked outright ('How will you involve people ...?' + 'Include how A, how B and how C') is
            # asked as well (s18 dev q24); not over a colon's list ('Include: A; B; C', s8-02; 'Include in your
            # answer: A; B; and C')
            asked = include and ":" not in s
            # a question's own list ('Which training will staff complete, including A, B and C?') frames no question
            # asked before it ('What will your establishment be ...? How will you recruit ...?', s15 q05, spent)
            questions = s.rstrip().endswith("?") and bool(_WH.match(s))
            # the asks before 'Your answer should address: a; b; c' are its frame however many they are: the writers
            # label the list (s24 q03, a table row's question cell over its guidance cell; s6i-04, s7 q12, s8-01)
            head = re.match(r"^([^:]{3,80}):\s*\S", _clean(s))
            covered = bool(head) and bool(_COVER_LEADIN.search(head.group(1) + ":"))
            # 'Describe the social value you will deliver.' + 'Your response should also set out A, and how B': the
            # 'also' adds to the ask before it, which is asked too (s33 q12.2; dev_s18 q30 and dev q-011 label it so)
            added = bool(_ALSO_LEAD.match(_clean(s)))
            keep = [p for p in parts if p in listed and (not covered or p in elements) or (include and mixed and _own_ask(p))
                    or (added and bool(_FRAME_ASK.match(p)) and not p.rstrip().endswith(":"))
                    or (asked and (p.rstrip().endswith("?") and _OWN_ASK.match(p) or _INCLUDE.match(p)))
                    or (questions and p.rstrip().endswith("?") and _WH.match(p))]
            context_parts += [p for p in parts if p not in keep]
            # (an ask an earlier list took for its frame is asked again: 'You must confirm that all staff, including
            # subcontracted staff, ...' between them is a gate, not the list that spells the ask out)
            revived = [p for p in context_parts if added and p in asks and _FRAME_ASK.match(p) and not p.rstrip().endswith(":")]
            context_parts = [p for p in context_parts if p not in revived]
            parts = revived + keep
        if series and all(re.match(r"^(?:(?:please\s+)?(?:describe|explain|set\s+out|outline|tell\s+us)\s+)?"
                                   r"(?:your|our|how|what|who|when|where|whether|which)\b", x, re.I) for x in split):
            listed.update(split)  # elements asked for ('your DSPT status and how you will comply with UK GDPR')
            if re.search(r"(?i),?\s+including\b", s):
                elements.update(split)  # what a frame includes is asked even over a cover list (s7 q12)
        parts.extend(split)
    frame = _framing_ask(asks, split_of) if framed else None
    if frame and frame in parts:
        parts.remove(frame)
        context_parts.append(frame)
    # 'confirm that you have a policy ..., and attach it as Appendix 1': the attachment is the buyer's instruction, the
    # confirmation before it still asked (the attachment's format rule took the whole sentence out)
    parts = [x for p in parts for x in ([p] if not _AND_ATTACH.search(p) else _AND_ATTACH.split(p, maxsplit=1))]
    parts = [p for p in parts if p and not _is_instruction(p)] or asks
    parts = [x for p in parts for x in _item_asks(p, SENTENCE_HOWS)]
    parts += _looked_for(original, parts)
    context = _with_title(title, " ".join(context_parts))
    return context or " ".join(asks), [(f"p{i + 1}", p) for i, p in enumerate(parts)]


_AND_ATTACH = re.compile(r",?\s+and\s+(?=(?:please\s+)?(?:attach|append|upload|enclose|submit)\s+(?:it|them|this|these|a\s+copy)\b)",
                         re.I)


_FRAME_ASK = re.compile(r"^(?:please\s+)?(?:describe|explain|set\s+out|outline|tell\s+us)\b", re.I)


_ALSO_LEAD = re.compile(r"^(?:please\s+)?(?:(?:your|the)\s+(?:answer|response|submission)s?|bidders|providers|applicants|"
                        r"suppliers|tenderers|you)\s+(?:should|must|will\s+need\s+to|are\s+asked\s+to)\s+also\b", re.I)
"""A guidance sentence that asks for more ('Your response should also set out ...', 'You should also explain ...')."""
_CONFIRM_LEAD = re.compile(r"^(?:please\s+)?(?:(?:you|bidders|providers|tenderers)\s+(?:must|should|will\s+need\s+to)\s+)?"
                           r"confirm\b", re.I)
"""A confirmation the buyer requires ('You must confirm that ...'): a gate, asked beside the question's text."""


def _framing_ask(asks: list[str], split_of: dict[str, list[str]]) -> str | None:
    """The one ask that the sentences after it spell out, and so frames them: 'Describe how you will support adults
    with co-occurring needs.' over 'Include how A, how B and how C', 'Explain how you will help people keep a home.'
    over 'Your response should include ...', 'Describe your approach to outcomes.' over 'Responses should explain how
    ...' (s16 q11, s17 q05, s20 q09, s9 fresh f9-06: the writers label only what the guidance sentences ask). Only
    when every later sentence details it ('Include ...', '<who> should explain ...', 'Also explain ...') and they ask
    two things or more between them; a first sentence that asks two things itself, or asks a question, stays."""
    if len(asks) < 2 or not _FRAME_ASK.match(asks[0]) or asks[0].rstrip().endswith("?"):
        return None
    first = split_of.get(asks[0]) or []
    if len(first) != 1 or re.search(r",\s+including\s+(?:the|your|its|their|any)\b", asks[0], re.I):
        return None  # two asks, or 'Set out your plan ..., including the TUPE transfer of staff and ...': it asks more
    # than the guidance spells out (s24 dev q08)
    rest = asks[1:]
    said = [r for r in rest if not _CONFIRM_LEAD.match(_clean(r))]
    if said and _ALSO_LEAD.match(_clean(said[0])):
        return None  # the first sentence after it asks for more ('... should also set out'): it is asked as well
    details = all(_INCLUDE.match(s) or _shape("guidance_lead").match(s) or _ALSO_ASK.match(s) for s in rest)
    if not details or sum(len(split_of.get(s) or []) for s in rest) < 2:
        return None
    if any(_INCLUDE.match(s) and not all(_WH.match(x) for x in split_of.get(s) or []) for s in rest):
        return None  # 'Include your approach to A, how B and the adjustments C': a mixed list beside an ask (s7 q06)
    return first[0]


_SUB_REF = re.compile(r"^\s*(?:q(?:uestion)?\.?\s*)?(?P<n>\d{1,2}(?:\.\d{1,2})*)\s*\(?(?P<k>[a-h])\)?[.):]?\s+(?=\S)", re.I)


_LETTER_REF = re.compile(r"^\s*(?P<k>[A-H])(?P<n>\d{1,2})\s*[.):]?\s+(?=[A-Z][a-z])")


_TABLE_ASK_COLUMN = re.compile(r"(?i)^(?:statements?|requirements?|standards?|declarations?)$")


def _statement_table(text: str) -> str:
    """A Markdown table of statements in a question ('| Ref | Statement | Yes / No |' over '| A1 | The Bidder will
    ... | |'): each row's statement written as a list item, the table's header and rule left out."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")] if lines[i].lstrip().startswith("|") else []
        col = next((n for n, c in enumerate(cells) if _TABLE_ASK_COLUMN.match(c)), None)
        if col is None or i + 1 >= len(lines) or not _MD_RULE.match(lines[i + 1]):
            out.append(lines[i])
            i += 1
            continue
        j, items = i + 2, []
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            row = [c.strip() for c in lines[j].strip().strip("|").split("|")]
            if col < len(row) and row[col]:
                items.append(f"- {row[col]}")
            j += 1
        if len(items) < 2 or all(len(t.split()) <= 6 and not re.search(r"[.?!;:]$", t) for t in items) and len(cells) >= 2:
            # the column holds short labels ('| Requirement | Minimum |' over '| Pay | Real Living Wage ... |'): the
            # buyer's terms set out by label, no statements to confirm (s24 dev q07: 'Pay' was a sub-point)
            out.append(lines[i])
            i += 1
            continue
        out += items
        i = j
    return "\n".join(out)


def _lettered_refs(lines: list[str]) -> list[tuple[int, re.Match]]:
    """'B1 Describe ...' / 'B2 Explain ...' on lines of their own: (line, match) for each, [] when not so keyed."""
    lettered = [(i, _LETTER_REF.match(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in lettered if m]
    if len(found) >= 2 and len({m.group("k").upper() for _, m in found}) == 1 \
            and _key_order([m.group("n") for _, m in found]) and found[0][1].group("n") == "1":
        return found
    return []


def _sub_question_refs(text: str) -> str:
    """'Q5a How ...' / 'Q5b What ...' on lines of their own (two or more, one number): written as 'a) ...'."""
    lines = text.split("\n")
    # 'B1 Describe ...' / 'B2 Explain ...': one letter, numbered from 1, a sentence after each: written as '1) ...'
    lettered = _lettered_refs(lines)
    if lettered:
        for i, m in lettered:
            lines[i] = f"{m.group('n')}) " + lines[i][m.end():]
        return "\n".join(lines)
    hits = [(i, _SUB_REF.match(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in hits if m]
    if len(found) < 2 or len({m.group("n") for _, m in found}) != 1:
        return text
    if not _key_order([m.group("k").lower() for _, m in found]):
        return text
    for i, m in found:
        lines[i] = f"{m.group('k').lower()}) " + lines[i][m.end():]
    return "\n".join(lines)


_TITLE = re.compile(r"^\s*(?:(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*[a-z]?\b[.:)]?\s*[–—:-]?\s*)?(?P<rest>[^\n]*)$", re.I)


def _drop_title(text: str) -> str:
    """Drop leading title lines: a question reference ('Q4.2', '3.4 Crisis planning (15%)',
    'Question 8') or a short heading line without sentence punctuation, when more follows."""
    lines = text.split("\n")
    one = [ln for ln in lines if ln.strip()]
    ref = _REF.match(one[0].strip()) if len(one) == 1 else None
    if ref and _title_before_ask(ref.group("rest")):
        # 'Question 3 Employer engagement (Maximum 500 words; 6%). Describe how you will: ...' on one line: the
        # reference and title go (the answer's title, :func:`_title_before_ask`), the ask stays
        return ref.group("rest")[_TITLE_BEFORE_ASK.match(ref.group("rest")).end():].strip()
    while len(lines) > 1:
        first = lines[0].strip()
        if not first:
            lines.pop(0)
            continue
        listed = _LIST_LINE.match(lines[0])
        if listed and _has_sibling(lines, listed):
            break  # '7.1 What ...?' over '7.2 How ...?': the first sub-question, not a title
        m = _TITLE.match(first)
        rest = _strip_limits(m.group("rest")).strip() if m else first
        has_ref = bool(re.match(r"^\s*(?:q(?:uestion)?\.?\s*\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*)\b", first, re.I))
        # '2.3 Service user involvement' reads as a list line, but is a title when no other line is numbered so
        alone = has_ref and not any(re.match(r"^\s*\d+\.\d+", line) for line in lines[1:])
        # its words: a dash, a number or a reference label ('Specification ref. 4.3 – ...') is none
        short = len([w for w in rest.split() if re.search(r"[^\W\d_]{2}", w) and
                     not re.fullmatch(r"(?i)(?:ref|no|para|section|spec)\.?", w)]) <= 8 and not re.search(r"[.?!:;]\s*$", rest) and (alone or not _LIST_LINE.match(lines[0]))
        if (has_ref and (not rest or short or re.match(r"^[A-Z][^.?!]*[.?!]", rest))) or short:
            if has_ref and rest and not short:
                lines[0] = rest  # 'Q2.7 Describe how ...': keep the question, drop its number
                break
            lines.pop(0)
            continue
        break
    # the first line kept keeps its indent: a list indented under the title dropped is still one level
    return "\n".join(lines).strip("\n").rstrip() or text


_REF = re.compile(r"^\s*(?P<ref>(?:q(?:uestion)?\.?\s*)\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)+[a-z]?|\d+\.?(?=\s+[A-Z]))"
                  r"\s*[.:)–—-]?\s*(?P<rest>.*)$", re.I)
_TITLE_NOTE = re.compile(r"\s*[\(\[][^()\[\]]*(?:%|weight|pass|fail|marks?|points?|score|words?|characters?|sides?|pages?"
                         r"|spec(?:ification)?\b|ref(?:erence)?\b|annexe?\b|appendix|schedule\b)[^()\[\]]*[\)\]]", re.I)


_ASKED = re.compile(r"^(?:please|describe|explain|how|what|set out|tell us|outline|provide|give)\b", re.I)


def _title_words(text: str) -> str:
    """``text`` without the weighting, limit, pass/fail or specification note written in it and without
    the punctuation those leave ('Social value (Weighting: 10%). Max 300 words' -> 'Social value')."""
    cleaned = _clean(_strip_limits(_TITLE_NOTE.sub("", text)))
    if cleaned != _clean(text) and re.fullmatch(r"[^.?!]+\.", cleaned) and not _ASKED.match(cleaned):
        cleaned = cleaned[:-1]  # a title, not a sentence: the full stop closed the note
    return cleaned


def question_title(question: str, *, or_question: bool = False) -> str:
    """The buyer's reference and title for the answer's heading ('Q3.2 Safeguarding'), without the
    weighting, limit or pass/fail note written beside it; the reference alone when the question
    follows it on the same line or sits in a spreadsheet row; '' when the question has neither.
    ``or_question`` (the response document's headings): a question without a title of its own gives
    its first line instead, its reference kept ('4.1 Describe how you will ...'), when that is short."""
    title = _question_title(question)
    if not or_question or (title and title != title_reference(title)):
        return title
    first = next((ln.strip() for ln in (question or "").splitlines() if ln.strip()), "")
    if _CELLS.search(first) or _row_parts(question) is not None:  # a spreadsheet row: its reference and title
        return title
    line = _title_words(first)
    return line if line and len(line) <= 120 else title


def _question_title(question: str) -> str:
    parts = _row_parts(question)
    if parts is not None:  # a spreadsheet row: a title line above it, else the row's own reference and title
        before, header, cols, rows = parts.before, parts.header, parts.cols, parts.rows
        return (_question_title("\n".join(before + [""])) if before else "") or _row_title(header, cols, rows[0])
    text = _marker_spacing((question or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    lines = _title_lines(text)
    if not lines:
        return ""
    for line in lines[:4]:
        if re.match(r"^(?:section|part|lot|schedule)\b", line, re.I) and not _REF.match(line):
            continue  # 'SECTION 3 – QUALITY QUESTIONS': the section, not this question
        m = _REF.match(line)
        ref, rest = (m.group("ref").strip(), m.group("rest")) if m else ("", line)
        raw_rest = rest
        rest = _title_words(rest)
        sentence = bool(re.search(r"[.?!]$", rest)) or len(rest.split()) > 12 or bool(_ASKED.match(rest))
        if sentence and (ref or line is lines[0]):
            titled = _title_before_ask(raw_rest, noted=not ref)
            if titled:
                lead = line[:m.start("rest")].strip() if m and ref else ""
                return f"{lead} {titled}" if re.search(r"[:–—-]$", lead) else " – ".join(x for x in (lead, titled) if x)
        if ref and (not rest or sentence):
            return ref
        if sentence:
            return ""
        if ref or (len(lines) > 1 and line is not lines[-1]):
            return _clean(f"{line[:m.start('rest')].strip()} {rest}") if m and ref else rest
    return ""


_TITLE_BEFORE_ASK = re.compile(
    r"^(?P<title>[^.?!:;()\[\]–—\n]{2,80}?)[^\S\n]*(?P<note>[\(\[][^()\[\]\n]*[\)\]])?[^\S\n]*(?P<sep>[.:;–—]|-(?=\s))?"
    r"[^\S\n]+(?=(?:please\s+)?(?:describe|explain|set\s+out|outline|tell\s+us|provide|give|how|what|which|in\s+your\s+"
    r"(?:answer|response))\b)", re.I)
TITLE_MAX_WORDS = 8


def _title_before_ask(text: str, *, noted: bool = False) -> str:
    """The buyer's title at the front of a question written on one line ('Employer engagement (Maximum 500 words;
    6%). Describe how you will: ...' -> 'Employer engagement'): a few capitalised words, not an ask, ended by a
    limit or weighting note in brackets or by a full stop, colon or dash, before the ask itself. With ``noted``
    (no reference before it) only a bracketed note ends it. '' when the line opens with the ask (session 37: a
    question pasted as one line was titled by its first ask, 'How you will')."""
    m = _TITLE_BEFORE_ASK.match(text or "")
    if not m or not (m.group("note") or m.group("sep")) or (noted and not m.group("note")):
        return ""
    if m.group("note") and not _TITLE_NOTE.fullmatch(" " + m.group("note")):
        return ""  # '(see Annex B)': a bracket that is no limit or weighting note
    title = _clean(m.group("title"))
    if not title[:1].isupper() or _ASKED.match(title) or len(title.split()) > TITLE_MAX_WORDS \
            or not re.search(r"[^\W\d_]{3}", title):
        return ""
    return title


_HEADER_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z/&' -]{0,40}?)\s*:\s+\S")
_NAMES_QUESTION = re.compile(r"^(?:question|q)\s*[a-z]{0,3}\s*\d", re.I)
_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})?[.)]?\s+[A-Z][^.?!]{2,80}$")


def _titled_reference(line: str) -> bool:
    """'Question 10: Staffing and workforce', not 'Question SV1' alone (a title line above it names the topic)."""
    m = _REF.match(line)
    return bool(m) and len(re.findall(r"[A-Za-z]{2,}", m.group("rest"))) >= 2


def _title_lines(text: str) -> list[str]:
    """The question's lines as its title is looked for: without Markdown (heading marks, bold or underline markers
    anywhere in the line: '**Buyer:** Harrowden ...'), without the buyer's header lines ('Buyer: ...', 'ITT reference:
    ...', 'Lot: ...': the tender's, not this question's), and with a heading that names the question ('## Question 7 –
    Workforce, training and supervision') first wherever it stands in the opening lines."""
    lines, named = [], ""
    rows = text.split("\n")
    # a line standing alone between blank lines ('**4. Students …**' once its bold markers are spaced out)
    alone = {rows[i].strip() for i in range(len(rows)) if rows[i].strip()
             and (i == 0 or not rows[i - 1].strip()) and (i + 1 == len(rows) or not rows[i + 1].strip())}
    for n, raw in enumerate(ln.strip() for ln in rows if ln.strip()):
        line = re.sub(r"\*\*|__", "", raw).strip()
        head = MD_HEADING.match(line)
        plain = head.group(1).strip() if head else line
        field = _HEADER_FIELD.match(plain)
        if field and " ".join(field.group("label").lower().split()) in _words("header_labels"):
            continue
        whole_bold = bool(re.fullmatch(r"(?:\*\*|__).+(?:\*\*|__)", raw)) or raw in alone
        if not named and n < 12 and (
                ((head or whole_bold) and (_NAMES_QUESTION.match(plain) or _NUMBERED_TITLE.match(plain)))
                or (not head and _NAMES_QUESTION.match(plain) and len(plain.split()) <= 14
                    and not re.search(r"[.?!]$", plain) and _titled_reference(plain))):
            # 'Q2. Co-occurring …', 'Question 6 | Digital …', '**4. Students …**', '# 11. Mobilisation': the question's
            # own title, above an unlabelled buyer line ('Brackenford City Council and …', s28)
            named = plain
        elif plain:
            lines.append(plain)
    return [named] + lines if named else lines


def answer_title(question: str, ref: str = "", *, max_words: int | None = None) -> str:
    """The title of an answer as a bid writer would give it: the buyer's title ('Q3.2 Safeguarding'), else the
    question's reference (its own, or ``ref``) and the first words of what it asks, made a heading ('Q3 Keeping people
    safe when they stop engaging with the service', 'Reducing crisis escalation'); never 'Tender answer', which said
    nothing of the question (issue 12, session 18)."""
    title = question_title(question)
    if title and title != title_reference(title):
        return title
    ref = title or " ".join((ref or "").split())
    text = _marker_spacing((question or "").replace("\r\n", "\n").replace("\r", "\n"))
    lines = _title_lines(text)
    if lines and title:
        m = _REF.match(lines[0])
        lines[0] = m.group("rest") if m else lines[0]
    # a paragraph's wrapped lines read as one; a list item or a heading line is a line of its own
    paras = re.split(r"\n(?=[-*•#]|\(?[a-z0-9ivx]{1,4}[.)]\s|[A-Z][^.?!]{0,80}$)", "\n".join(lines))
    sentences = [x.strip() for para in paras for x in re.split(r"(?<=[.?!])\s+(?=[A-Z])", _title_words(" ".join(para.split())))
                 if x.strip()]
    # what it asks: the first sentence that asks (a background before it states the buyer's facts, not the question)
    asked = next((x for x in sentences if _ASKED.match(x) or x.endswith("?")), sentences[0] if sentences else "")
    heading = make_heading(asked, max_words or MAX_HEADING_WORDS) if asked else ""
    return " ".join(x for x in (ref, heading) if x) or "Tender answer"


def title_reference(title: str) -> str:
    """The buyer's reference at the start of a title ('Q4.1 Service model and pathway' -> 'Q4.1'), '' when none."""
    m = _REF.match(title or "")
    return m.group("ref").strip() if m else ""


def _with_title(title: str, context: str) -> str:
    """The question's title line ('Mobilisation', '3.4 Crisis planning') kept as context:
    it names the topic the sub-points belong to."""
    title = _clean(_strip_limits(re.sub(r"^\s*(?:q(?:uestion)?\.?\s*)?\d+(?:\.\d+)*[a-z]?\b[.:)]?\s*[–—:-]?\s*", "",
                                       title, flags=re.I)))
    if not title or not re.search(r"[A-Za-z]{3,}", title):
        return context
    return f"{title}. {context}".strip() if context else title


def _is_cover_list(sentence: str) -> bool:
    m = re.match(r"^(?P<head>.+?)\s*:\s*\S", _clean(sentence))
    return bool(m and _COVER_LEADIN.search(m.group("head") + ":"))


def _next_key(key: str) -> str | None:
    """The key after ``key`` in its scheme: 'b' -> 'c', '2' -> '3', 'ii' -> 'iii', 'B2' -> 'B3'; None for others."""
    if len(key) > 1 and key in _ROMANS[:-1]:  # a list of two or more keyed 'i' ... ends on 'ii' or later
        return _ROMANS[_ROMANS.index(key) + 1]
    if len(key) == 1 and key.isalpha() and key.lower() < "z":
        return chr(ord(key) + 1)
    if key.isdigit():
        return str(int(key) + 1)
    m = re.fullmatch(r"([A-Za-z])(\d+)", key)
    return f"{m.group(1)}{int(m.group(2)) + 1}" if m else None


def _continue_keys(points: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Asks added after a keyed list ('a) ...', 'b) ...', then 'Finally, describe how ...') continue the list's
    keys ('c'), without the sentence's full stop, as the list's items are written."""
    keyed = [i for i, (k, _) in enumerate(points) if not k.startswith("p")]
    if not keyed:
        return points
    out, cur = list(points), points[keyed[-1]][0]
    used = {k for k, _ in points}
    for i in range(keyed[-1] + 1, len(points)):
        nxt = _next_key(cur)
        if nxt is None or nxt in used:
            break
        out[i] = (nxt, points[i][1].rstrip(". "))
        used.add(nxt)
        cur = nxt
    return out


def _sub_key(key: str, n: int) -> str:
    """The key of the ``n``-th ask of one keyed item: the item's own key first, then '3a', '3b' (a number) or 'b2',
    'b3' (a letter or a roman numeral)."""
    if n == 0:
        return key
    return f"{key}{'abcdefgh'[n]}" if key[-1:].isdigit() else f"{key}{n + 1}"


def _renumber(points: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Make keys unique: p-keys are numbered after the explicit items."""
    out, used, n = [], set(), 0
    for key, text in points:
        if key.startswith("p") or key in used:
            n += 1
            key = f"p{n}"
            while key in used:
                n += 1
                key = f"p{n}"
        used.add(key)
        out.append((key, text))
    return out


# ---------------------------------------------------------------- headings

_LEADING = re.compile(
    r"^(?:please\s+)?(?:(?:briefly|clearly|fully)\s+)?(?:describe|explain|set\s+out|outline|tell\s+us(?:\s+about)?|detail|"
    r"demonstrate|show(?:\s+us)?|provide|give|evidence|include|including|confirm|state|summarise|summarize|identify|"
    r"specify|list|discuss|illustrate|cover|address|clarify|indicate|refer\s+to|say(?=\s+(?:what|how|who|when|where|whether|which)\b)|"
    r"name(?=\s+(?:the|your|each)\s))"
    r"(?:\s+(?:to\s+us|us|(?:full\s+|clear\s+)?details?\s+of|(?:an?\s+|one\s+or\s+more\s+|two\s+|some\s+)?examples?\s+of|evidence\s+of|"
    r"an?\s+(?:clear\s+)?(?:overview|summary|description|explanation)\s+of|in\s+detail))?\s+",
    re.I,
)
_HOW_YOU = re.compile(
    r"^(?:how|the\s+ways?\s+(?:in\s+which\s+)?|the\s+way\s+)\s*(?:you|your\s+(?:service|organisation|team|staff)|the\s+(?:service|provider)|"
    # the buyer's guidance speaks of bidders as 'they' ('Bidders should also explain how they will check that ...'):
    # the heading is the ask, never 'How they will check ...' (s18 q06, q09)
    r"(?:they|bidders|the\s+bidder)(?=\s+(?:will|would|can|could|intend|plan|propose)\b)|"
    r"(?:(?:your|the|our)\s+)?(?:staff|workers|practitioners|clinicians|therapists|peer\s+(?:support\s+)?(?:workers|supporters)|"
    r"employment\s+specialists|key\s+workers|support\s+workers|tutors|volunteers|managers)(?=\s+(?:will|would|can|could)\b))\s+"
    r"(?:will\s+|would\s+|can\s+|could\s+|do\s+|does\s+|intend\s+to\s+|plan\s+to\s+|propose\s+to\s+|are\s+going\s+to\s+)?"
    r"(?:(?:also|then|routinely|actively|effectively)\s+)?(?P<verb>[a-z]+(?:-[a-z]+)?)\b",
    re.I,
)
_HOW_WILL_YOU = re.compile(
    r"^(?:how|in\s+what\s+ways?)\s+(?:will|would|do|can|does)\s+(?:you|your\s+(?:service|organisation|team|staff)|the\s+(?:service|provider))\s+"
    r"(?:(?:also|then|routinely|actively|effectively)\s+)?(?P<verb>[a-z]+(?:-[a-z]+)?)\b",
    re.I,
)
_NOT_VERBS = _words("not_verbs")
_DOUBLE = _words("double_final")
_IRREGULAR = {str(k).lower(): str(v) for k, v in (_INTAKE.get("irregular_gerunds") or {}).items()}
_PARTICIPLES = {str(k).lower(): str(v) for k, v in (_INTAKE.get("irregular_participles") or {}).items()}
_BOUNDARIES = re.compile(
    r"\s*(?:\(|\s[–—-]\s|;|(?<!\d):(?!\d)|,\s*(?:such\s+as|including|for\s+example|e\.g\.|so\s+that|in\s+order\s+to|particularly|"
    r"in\s+particular|showing|demonstrating|explaining|setting\s+out|"
    r"especially|and\s+(?:how|what|when|why|who|where|whether)|which|where|with\s+(?:particular|specific)|that\s+is|"
    r"given\s+that)\b"
    r"|\s(?:such\s+as|for\s+example|e\.g\.|so\s+that|in\s+order\s+to|and\s+(?:how|what|when|why|who|where|whether)|"
    r"to\s+ensure|ensuring|including|in\s+line\s+with|in\s+accordance\s+with|throughout)\b)",
    re.I,
)
_RELATIVE = re.compile(r"(?<!\bso)(?<!\bsure)(?<!\bsuch)(?<!\bnow)(?<!\bgiven)\s(?:that|which|who)\s", re.I)
"""A relative clause ('people | who use the service'); 'so that', 'make sure that' are not one."""
_SUBJECT_ONLY = re.compile(r"\b(?:sure|ensure|that|whether)\s+(?:(?:the|those|all|any|people|staff|each|every|\w+)\s+){0,2}\S+$",
                           re.I)
"""A cut that leaves a clause's subject without its verb ('Making sure that people | who ...')."""
_CONTINUES = re.compile(r"^(?:of|to|for|with|in|on|at|by|from|about|and|or|but|than|as|between|into)\b", re.I)
"""A heading starting with one of these continues a phrase whose head was cut off ('Of existing ...')."""
_BARE_SUBJECT = re.compile(r"^(?:how|what|when|where|why|which|whether)\s+(?:(?:will|would|do|does|can|could|is|are)\s+)?\S+$",
                           re.I)
MAX_HEADING_WORDS = 10
END_BAD = _words("end_bad")
"""Words a phrase cannot end on: a heading or a cut is trimmed back past them (also used by tender.py)."""
RELATIVE_OPENERS = _words("relative_openers")
"""Words that open a clause about what comes before ('a city where ...'): where tender.py cuts a heading back to."""


def gerund(verb: str) -> str:
    """'identify' -> 'identifying', 'make' -> 'making', 'plan' -> 'planning'."""
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v in _DOUBLE or re.fullmatch(r"[^aeiouy]*[aeiou][bdfgklmnprstvz]", v):
        # one syllable ending consonant-vowel-consonant doubles its last letter ('spot' -> 'spotting', s12 q04)
        return v + v[-1] + "ing"
    if v.endswith("e") and not v.endswith(tuple(_words("keep_e_after"))) and len(v) > 2:
        return v[:-1] + "ing"
    return v + "ing"


def _cut_at_boundary(text: str, max_words: int) -> str:
    """The text up to the last phrase boundary that leaves at most ``max_words`` words
    (a bracket, a dash, ', such as', ', including', ' and how', a relative clause); the
    whole text when no boundary does."""
    if len(text.split()) <= max_words:
        return text
    cuts = [m.start() for m in _BOUNDARIES.finditer(text)] + [m.start() for m in _RELATIVE.finditer(text)]
    relative = {m.start() for m in _RELATIVE.finditer(text)}
    # between two actions: 'Recognising early that a person is unwell again | and arranging a quick return ...'
    # (only in a heading far over the limit, when nothing else cuts it)
    actions = [m.start() for m in re.finditer(r"\s+and\s+(?=([a-z]+ing)\b)", text) if _gerund_word(m.group(1))
               and text.split()[0].lower().endswith("ing") and len(text[:m.start()].split()) >= 3]
    actions = actions if len(text.split()) > max_words + 6 else []

    def whole(c: int) -> bool:
        before = text[:c].split()
        if c in relative and (_looks_like_verb(before[-1]) or before[-1].lower() in _words("knowing", within="cut")):
            return False  # 'agree | who leads': what is agreed, not a relative clause
        if c in relative and any(w.lower() in _words("which", within="cut") for w in before[-3:]):
            return False  # 'raise any concern | that appears to meet the criteria': the clause says which
        if c in relative and before[-1].lower() in _words("when", within="cut"):
            return False  # 'recognise early | that a person is unwell': what is recognised
        if c in relative and text[c:].split()[0].lower() == "that" and any(
                w.lower() in _words("showing", within="cut") for w in before[-7:]):
            return False  # 'show the ICB and the Council | that the learning has changed practice': what is shown
        # never inside a coordination ('... went well and one | that did not')
        return before[-1].lower().strip(",") not in END_BAD and not (
            len(before) >= 2 and before[-2].lower() in ("and", "or"))

    # never right after a question's subject, before its verb ('How will people | who use ...')
    cuts = [c for c in cuts if not _BARE_SUBJECT.match(text[:c].strip()) and not _SUBJECT_ONLY.search(text[:c].strip())]
    good = [c for c in cuts if 2 <= len(text[:c].split()) <= max_words and whole(c)]
    # 'One example of a decision | that co-production has changed': what the example is about follows
    if good and re.match(r"(?i)^(?:(?:an?|one|two|some)\s+)?examples?\s+of\s+(?:\w+\s+){0,2}\w+$", text[:max(good)].strip()):
        good = [c for c in good if c != max(good)]
        if not good:
            longer = [c for c in cuts if max_words < len(text[:c].split()) <= max_words + 4 and whole(c)]
            return text[:min(longer)].rstrip(" ,;:") if longer else text
    if good and max(good) in {m.start() for m in _RELATIVE.finditer(text)} and len(text[:max(good)].split()) <= 3 \
            and len(text.split()) <= max_words + 4:
        return text  # 'Keeping the people | who use the service informed during the change': the clause sits inside
    if good and max(good) in relative and text[max(good):].split()[0].lower() == "who":
        # 'Making the Service accessible to groups | who are under-represented in current referrals, including ...':
        # the clause says which people the part is about; the heading keeps it, up to a comma or to where it says
        # where or how ('Supporting people who are intoxicated or using substances | at Alder Court', s22 q05 (iii))
        at = max(good) + len(" who")
        end = re.search(rf"[,;]|\s+{_words_pattern(_words('clause_end', within='cut'))}\s", text[at:], re.I)
        stop = at + end.start() if end else len(text)
        # without a last adverb ('people who use the current services | safely'): how, not which people
        # (but a negated clause's adverb is what it denies: 'people who do not read or write | confidently' is not
        # 'people who do not read or write', s26 q02 panel)
        kept = text[:stop].rstrip(" ,;:")
        if not re.search(r"\bnot\b|n['’]t\b", kept[at:]):
            kept = re.sub(r"\s+[a-z]{3,}(?<![ip]ly)(?<=ly)$", "", kept)
        if len(kept[max(good):].split()) >= 3 and len(kept.split()) <= max_words + 4:
            return kept
    if good and len(text[:max(good)].split()) <= 2 and len(text.split()) <= max_words + 4 and not [
            c for c in cuts if len(text[:c].split()) > 2]:
        return text  # 'Supporting people | who use drugs or alcohol alongside their mental health needs'
    if good and len(text[:max(good)].split()) <= 2:
        # 'Supporting people | who want to get into or stay in work, including ...': two words name nothing;
        # a cut a few words past the limit keeps what the heading is about
        longer = [c for c in cuts if max_words < len(text[:c].split()) <= max_words + 4 and whole(c)]
        if longer:
            return text[:min(longer)].rstrip(" ,;:")
    if good and max(good) in relative and text[:max(good)].split()[-1].lower() in _WHOLE_WITH_WHO:
        # 'What alternatives you will offer to people | who cannot or will not use digital channels' (s32 q07 panel):
        # cut from its clause, 'to people' names no one; the heading stops before the phrase that holds them
        head = re.sub(r"(?i)\s+(?:to|for|with|from|by|among|between)\s+(?:the\s+|all\s+|any\s+)?[a-z]+$", "",
                      text[:max(good)].rstrip(" ,;:"))
        if len(head.split()) >= 3 and head != text[:max(good)].rstrip(" ,;:") and not re.search(r"\bto\s+[a-z]+$", head):
            return head
    if good:
        return text[:max(good)].rstrip(" ,;:")
    firsts = sorted(c for c in cuts if len(text[:c].split()) >= 2 and whole(c))
    if not firsts and actions:
        return text[:actions[0]].rstrip(" ,;:")
    return text[:firsts[0]].rstrip(" ,;:") if firsts else text


_COMMON_VERBS = _words("verbs")


def _looks_like_verb(word: str) -> bool:
    return word.lower() in _COMMON_VERBS


# (its subject never runs over another 'will' or 'how': 'how you will make sure people ... receive their checks, and how
# abnormal results will be followed up' is not a passive 'Following you will make sure ...', s21 q06.1)
_PASSIVE = re.compile(r"^how\s+(?!(?:often|much|many|long|soon|quickly|far|well|early|frequently)\b)(?:(?:will|would|can|are|is)\s+(?P<s1>.+?)\s+be|(?P<s2>(?:(?!\b(?:will|would|can|how)\b).)+?)\s+(?:will|would|can)\s+be|"
                      # 'how plans are shared with ...', 'how staff are supported to ...': the present passive too
                      r"(?P<s3>(?:(?!\b(?:will|would|can|how|is|are|and|or)\b)[^,;:])+?)\s+(?:is|are))\s+"
                      r"(?P<verb>[a-z]+ed|" + "|".join(sorted(_PARTICIPLES, key=len, reverse=True)) + r")\b(?P<rest>.*)$", re.I)


_LATER_PARTICIPLE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:[a-z]{2,}ed|" + "|".join(
    sorted(_PARTICIPLES, key=len, reverse=True)) + r")\b", re.I)


def _passive_subject(m: re.Match) -> str:
    return m.group("s1") or m.group("s2") or m.group("s3") or ""


def _base_verb(word: str) -> str:
    """'involved' -> 'involve', 'trained' -> 'train', 'supported' -> 'support' ('' when not a known verb)."""
    w = word.lower()
    if w in _PARTICIPLES:
        return _PARTICIPLES[w]  # 'told' -> 'tell', 'written' -> 'write'
    for cand in (w[:-1], w[:-2], w[:-3] if len(w) > 5 and w[-3] == w[-4] else ""):
        if cand and cand in _COMMON_VERBS:
            return cand
    return ""


def verb_base(word: str) -> str:
    """The base form of a verb's -ed form, by the intake's verb list ('involved' -> 'involve') and else by the spelling
    rules ('organised' -> 'organise', 'allocated' -> 'allocate', 'planned' -> 'plan', 'screened' -> 'screen', 'tried'
    -> 'try'): for a word the sentence's structure makes a verb (coordinated with a verb), whatever the list holds."""
    w = word.lower()
    known = _base_verb(w)
    if known or not w.endswith("ed") or len(w) < 5:
        return known or w
    stem = w[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    if re.search(r"(?:[aeiou][sz]|[^aeiou]s|[vcu]|[aeiou]g|[^n]g|at|ut|[aiou]r)$", stem) and not stem.endswith(("ss", "rs")):
        return stem + "e"
    return stem


LONG_HEADING_WORDS = 12
"""A heading longer than this after the phrase boundaries is cut at a weaker one (:func:`_cut_long`)."""
_NAMED_CODE = re.compile(r"\b(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on|in)\s+)?){2,}"
                         r"(?P<code>[A-Z]{1,6}-?\d+[A-Za-z]?(?:\s+v\d+(?:\.\d+)*)?)(?=[\s,.;:)]|$)")


def _short_names(text: str) -> str:
    """A document named in full with its reference is named by the reference: 'under the Fennwick Mental Health
    Information Sharing Agreement ISA-07 v3.1' -> 'under ISA-07 v3.1' (a heading in the buyer's words, short)."""
    return _NAMED_CODE.sub(lambda m: m.group("code"), text) if len(text.split()) > MAX_HEADING_WORDS else text


def _verbless_clause(head: str) -> bool:
    """``head`` ends in a clause after 'sure', 'ensure', 'that' or 'whether' whose verb is not in it yet ('Making sure
    that no young adult referred | under the protocol is discharged ...': s32 q02 (d)'s heading, cut there)."""
    clause = re.split(r"(?i)\b(?:sure|ensure|that|whether)\s+", head)
    return len(clause) > 1 and bool(clause[-1].split()) and not any(_finite(w) for w in clause[-1].split())


def _denied_bare(head: str) -> bool:
    """``head`` ends on the verb of a clause whose subject denies it ('no young adult ... is discharged'): what it is
    denied for comes next ('for not attending'); cut there, the heading promises more than the buyer asked."""
    clause = re.split(r"(?i)\b(?:sure|ensure|that|whether)\s+", head)[-1].lower()
    denied = _words("denied_subjects", within="cut")
    return any(clause.startswith(w + " ") for w in denied) and clause.split()[-1].endswith(("ed", "en"))


def _cut_long(text: str, max_words: int) -> str:
    """A heading still too long (more than LONG_HEADING_WORDS) cut before a phrase that says how, where or when
    ('Transferring the care of people on the caseload | without any gap in support'), taking three words or more
    off ('..., and checking its quality before submission' keeps its two) and leaving five words or more
    and not ending on a word that needs more; the last such cut within ``max_words``, else the first within
    LONG_HEADING_WORDS, else the text as it is."""
    phrases = _listed("circumstance", within="cut")
    pattern = re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
                         + r")\b", re.I)
    cuts = []
    for m in pattern.finditer(text):
        before = text[:m.start()].split()
        if len(before) >= 5 and len(text[m.start():].split()) >= 3 and before[-1].lower().strip(",") not in END_BAD and text[:m.start()].count("(") == \
                text[:m.start()].count(")") and not _verbless_clause(text[:m.start()]):
            cuts.append((len(before), m.start()))
    within = [c for n, c in cuts if n <= max_words]
    if within:
        return text[:max(within)].rstrip(" ,;:")
    near = [c for n, c in cuts if n <= LONG_HEADING_WORDS]
    return text[:min(near)].rstrip(" ,;:") if near else text


def _cut_longer(text: str, max_words: int) -> str:
    """A heading still longer than LONG_HEADING_WORDS after :func:`_cut_long` cut before a clause or phrase that says
    when, where, why, how or with whom (``cut.long_tail`` in phrasebank/intake.yaml): the last such cut leaving five to
    ``max_words`` words, else the first leaving at most LONG_HEADING_WORDS; never after a word that needs more, inside
    a bracket, or right after a comma-divided list's item ('with the ward, the CMHT | and the GP' is not cut there)."""
    if len(text.split()) <= LONG_HEADING_WORDS or re.match(r"(?i)^(?:(?:an?|one|two|some)\s+)?examples?\s+of\b", text):
        return text  # 'One example of a decision that co-production has changed in a service you run': what it is of
    phrases = _listed("long_tail", within="cut")
    pattern = re.compile(r",?\s+(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b(?!\s+least\b)",
                         re.I)
    # or before a phrase a comma sets off that opens on an -ing form ('..., working with GP practices and the Physical
    # Health Team', '..., building on what the GP already holds'): how the thing is done, not what it is (pl27)
    # ('self-neglect, hoarding and cuckooing' is a list of things; 'who is not, using the service' the clause's verb)
    participle = [m for m in re.finditer(r"(?<!\bnot),\s+(?P<w>[a-z][a-z-]+ing)\b(?!\s*(?:,|\band\b|\bor\b))", text)
                  if m.group("w") not in _NOT_GERUNDS]
    cuts = []
    verbless = False
    for m in sorted([*pattern.finditer(text), *participle], key=lambda x: x.start()):
        before = text[:m.start()]
        words = before.split()
        if len(words) < 5 or len(text[m.start():].split()) < 3 or words[-1].lower().strip(",") in END_BAD \
                or before.count("(") != before.count(")") or (len(words) >= 2 and words[-2].lower() in ("and", "or")):
            continue
        if _verbless_clause(before):
            verbless = True
            continue
        cuts.append((len(words), m.start()))
    within = [c for n, c in cuts if n <= max_words]
    if within:
        return text[:max(within)].rstrip(" ,;:")
    # a cut left the clause without its verb: the first cut after the verb, a few words over, keeps the clause whole
    near = [c for n, c in cuts if n <= LONG_HEADING_WORDS + (4 if verbless else 0)]
    return text[:min(near)].rstrip(" ,;:") if near else text


_NOBODY_PASSIVE = re.compile(r"^(?:making\s+sure|ensuring)\s+(?:that\s+)?(?:no\s+one|no-one|nobody|no\s+person)\s+(?:is|gets)\s+"
                             r"(?P<verb>[a-z]+ed)\b(?P<particle>\s+(?:away|out|off|back))?(?P<rest>[^,;:]*)", re.I)
_ASIDE_BEFORE_VERB = re.compile(r",\s+(?:including|such\s+as|for\s+example|especially|particularly|in\s+particular)\s+"
                                r"[^,;:]{3,120}?,\s+(?=(?:will|would|can|could|should|must|are|is)\s)", re.I)


def make_heading(text: str, max_words: int = MAX_HEADING_WORDS, _fallback: bool = True, *, short: bool = False) -> str:
    """A short heading in the buyer's own words, never cut mid-phrase.

    'how you identify early warning signs' -> 'Identifying early warning signs';
    'your standard for first contact (for example within 48 hours)' -> 'Standard
    for first contact'. A long wording is cut only at a phrase boundary (a
    bracket, a dash, ', such as', ' and how', a relative clause): never after a
    fixed number of words. ``short`` (the heading printed over the part): a buyer's 'must' said as what is done, an
    order joined on with 'and say' left out, and at most ``max_words`` words (:func:`_cap_heading`); without it, the
    longer label the method blocks are fitted by (SubPoint.label), as before session 28.
    """
    t = _clean(re.sub(r"\s*\([^()]*\)", "", _clean(text)))
    t = re.split(r"(?<=[a-z0-9)][.?!])\s+(?=[A-Z])", t, maxsplit=1)[0].rstrip(".?!:;")  # the first sentence names it
    # an aside set between the subject and its verb is not the heading's: 'how your staff, including the 2.0 WTE dual
    # diagnosis practitioners required in Question 10, will be trained, supervised and supported' (s28 q02 printed 'How
    # your staff', spent; session 29)
    t = _ASIDE_BEFORE_VERB.sub(" ", t)
    t = re.sub(r"^(?:and|or|also)\s+", "", t, flags=re.I)
    if short:
        t = _obliged_as_ask(t)
    # the guidance's lead-in is not the heading's words: 'Bidders should describe how staff will identify carers',
    # 'Your answer should include how staff will be trained' (s19 dev d20, s18 dev q23)
    lead = _shape("guidance_lead").match(t) or _shape("heading_lead").match(t)
    if lead and t[lead.end():].strip():
        t = t[lead.end():]
        t = re.sub(r"^(how|when|where)\s+(?:they|it)\s+(?=(?:will|would|can|could|plan\s+to|intend\s+to)\b)", r"\1 you ",
                   t, flags=re.I)  # 'how they will recruit' after 'Bidders should say': the bidder's own
        # 'Bidders should give examples of transition work they have done elsewhere' (s32 q02 printed 'e) Examples of
        # transition work they have done elsewhere'): the bidders' 'they' acting is the bidder's own
        t = _bidders_they(t)
    for _ in range(2):
        rest = _LEADING.sub("", t)
        if _CONTINUES.match(rest):
            break  # 'evidence of existing relationships': 'evidence' is the head of the phrase, not an ask
        t = rest
    t = re.sub(r"^(?:to\s+us\s+)?(?:about\s+)?", "", t, flags=re.I)
    # 'confirm that you will pay at least the real Living Wage ...' (its 'confirm' gone): what the bidder will do,
    # made a heading as any 'how you will' is ('Paying at least ...'), not 'That you will pay' (s34 q12)
    said = re.sub(r"^that\s+(?:you|we)\s+(?:will|would)\s+(?=[a-z]+\s)", "how you will ", t, flags=re.I)
    if said != t:  # '..., and will attend the meetings' / ', and that you will take part': the buyer's next statement
        t = re.split(r"(?i),?\s+and\s+(?:that\s+(?:you|we)\s+)?(?:will|would)\s", said, maxsplit=1)[0]
    t = re.sub(r"^what\s+is\s+(?:your|the)\s+(approach|plan|model|policy|process)\b", lambda m: m.group(1), t, flags=re.I)
    t = re.sub(r"^(?:what|which)\s+(?:steps|actions|measures|arrangements)\s+will\s+you\s+(?:take|put\s+in\s+place|use)\s+to\s+",
               "how you will ", t, flags=re.I)
    t = re.sub(r"^what\s+(?:else\s+)?(?:(?:will|would)\s+you|you\s+(?:will|would))\s+(?:do|offer|provide|put\s+in\s+place)\s+"
               r"(?:directly\s+)?to\s+", "how you will ", t, flags=re.I)
    # 'how will the Hubs help people ...', 'how will this link with ...': what is done, as a heading
    other = re.match(r"^(?i:how|in\s+what\s+ways?)\s+(?:will|would|do|does|can)\s+(?P<subject>(?i:the|your|these|our|its)\b"
                     r"(?:\s+[A-Za-z-]+){1,3}?|this|they)\s+(?P<verb>[a-z]+(?:-[a-z]+)?)\b(?P<after>\s+\S+)?", t)
    if other is None:
        other = re.match(r"^(?:how|in\s+what\s+ways?)\s+(?:will|would|do|does|can)\s+(?P<subject>this|they)\s+"
                         r"(?P<verb>[a-z]+(?:-[a-z]+)?)\b(?P<after>\s+\S+)?", t, re.I)
    if other and (_looks_like_verb(other.group("verb")) or other.group("verb").lower() in _words("linking")) \
            and other.group("verb").lower() not in _NOT_VERBS and not (_HOW_WILL_YOU.match(t) or _HOW_YOU.match(t)):
        t = "how you will " + t[other.start("verb"):]
    # 'which outcome measures you will use, when ...': the measures
    t = re.sub(r"^which\s+(?=(?:\w+\s+){1,4}?(?:you|we)\s+(?:will|would)\b)", "", t, flags=re.I)
    # a further ask joined on ('..., and explain how it meets ...'; 'X, who will be accountable, and what ...'):
    # the heading names the first
    t = re.split(r",?\s+and\s+(?:please\s+)?(?:explain|describe|set\s+out|outline|tell\s+us)\b", t, maxsplit=1,
                 flags=re.I)[0]
    # '... they will use and say on which days they will attend, and should show how ...' (s27 q01 panel: pasted as a
    # heading): an order or an obligation joined on with 'and' is the buyer's next ask, not this heading's words
    if short:
        t = _JOINED_ORDER.split(t, maxsplit=1)[0]
    listed = re.match(r"^(?P<head>[^,]{6,}?),\s*(?:who|what|when|where|whether)\s+\S+(?:\s+\S+)?\s+(?:will|would|is|are|be)\b", t, re.I)
    if listed and len(listed.group("head").split()) >= 2:
        t = listed.group("head")
    # 'What digital tools will you use to improve access?' -> 'Digital tools to improve access'
    t = re.sub(r"^what\s+(?!(?:will|would|do|does|is|are)\b)((?:\w+\s+){0,3}?\w+)\s+(?:will|would)\s+you\s+(?:use|provide|offer|put\s+in\s+place)\s+(?=to\s)",
               r"\1 ", t, flags=re.I)
    t = re.sub(r"^(how\s+you\s+will\s+(?:make\s+sure|ensure))\s+that\s+", r"\1 ", t, flags=re.I)
    passive = _PASSIVE.match(t)
    if passive and (re.match(r"(?i)(?:and|or)\s", _passive_subject(passive)) or re.match(r",\s*[a-z]+(?:ed|nt)\b", passive.group("rest"))):
        # 'How and when DIALOG will be completed', 'how stories will be captured, consented and used': as written
        passive = None
    if passive and passive.group("s3") and _LATER_PARTICIPLE.search(re.sub(r"^\s+(?:and|or)\s+[a-z]+ed\b", "",
                                                                           passive.group("rest"))):
        # 'how safety plans are written with the person, shared with ... and kept under review', 'how risk is
        # assessed at first contact and reviewed': a later participle would be left as it is ('Writing ..., shared')
        passive = None
    part = r"(?:(?!\b(?:will|would|can|how|you|we|including|and\s+how)\b)[^,?;:])+"
    many = re.match(rf"^how\s+(?P<subject>{part}(?:,\s*{part})+)\s+will\s+(?P<verb>[a-z]+)\b", t, re.I)
    if many and _looks_like_verb(many.group("verb")) and not passive:
        # 'How staff, people who use the service and the Commissioners will use the results to ...': what they do
        t = gerund(many.group("verb").lower()) + t[many.end():]
    if passive and _base_verb(passive.group("verb")):
        # 'How will people who use the service be involved in its governance' -> 'Involving people who use ...'
        rest = passive.group("rest")
        both = re.match(r"^\s+(and|or)\s+([a-z]+ed)\b", rest)
        verbs = gerund(_base_verb(passive.group("verb")))
        if both:  # 'how risk will be assessed and formulated', 'how your service will be staffed and organised'
            # (a participle coordinated with the first is a verb by the structure, known to the list or not)
            verbs += f" {both.group(1)} " + gerund(verb_base(both.group(2)))
            rest = rest[both.end():]
        particle = re.match(r"^\s+(up|out|back|off)\b(?!\s+of\b)", rest)
        if particle:  # 'how referrals will be made and followed up' -> 'Making and following up referrals'
            verbs += " " + particle.group(1)
            rest = rest[particle.end():]
        stranded = re.match(r"^\s+(with|to|for|about|on)\b(?=\s*(?:$|[,.;?]))", rest, re.I)
        if stranded:  # 'how people, carers and staff will be communicated with' -> 'Communicating with people, ...'
            verbs += " " + stranded.group(1)
            rest = rest[stranded.end():]
        subject = _passive_subject(passive)
        # 'how they will be supported' -> 'Supporting them' (the subject becomes the object)
        subject = {"they": "them", "he": "him", "she": "her", "we": "us"}.get(subject.strip().lower(), subject)
        t = verbs + " " + subject + rest
    # 'how you will be ready to flow ...', 'how you will have your systems ... in place': a state to reach
    t = re.sub(r"^how\s+you\s+will\s+(be\s+(?:ready|able|prepared)\b|have\s+(?=.*\bin\s+place\b))",
               lambda x: ("being " if x.group(1).lower().startswith("be") else "having ") + x.group(1).split(None, 1)[1]
               if len(x.group(1).split()) > 1 else ("having "), t, flags=re.I)
    m = _HOW_WILL_YOU.match(t) or _HOW_YOU.match(t)
    if m and m.group("verb").lower() not in _NOT_VERBS and not (
            re.search(r"(?:ed|s)$", m.group("verb").lower()) and m.group("verb").lower() not in _COMMON_VERBS):
        rest = t[m.end():]
        # 'assess, document and review risk': every verb of the run becomes a gerund
        # (single words coordinated right after the verb are verbs by the structure, whether or not the list knows
        # them: 'receive, screen and allocate referrals' -> 'Receiving, screening and allocating referrals', s17 q01)
        run = re.match(r"^((?:,\s*[a-z]+)+)(?=,?\s+(?:and|or)\s+[a-z]+\b)", rest)
        if run and not any(v in _NOT_VERBS | END_BAD for v in re.findall(r"[a-z]+", run.group(1))):
            done = re.sub(r"[a-z]+", lambda x: gerund(x.group(0)), run.group(1))
            rest = rest[run.end():]
            # the run's last verb too, after the run ('recruit, retain and deploy staff' -> 'Recruiting, retaining
            # and deploying staff': s22 q08 printed 'and deploy', spent)
            last = re.match(r"^(,?\s+(?:and|or)\s+)([a-z]+)(?=\s)", rest)
            if last and last.group(2) not in _NOT_VERBS | END_BAD:
                rest = last.group(1) + gerund(last.group(2)) + rest[last.end():]
            rest = done + rest
        rest = " " + _both_verbs(rest[1:]) if rest.startswith(" ") else rest
        if not (m.group("verb").lower() == "ensure" or re.match(r"^\s+sure\b", rest)):
            # ('ensure staff recognise and report concerns': the verbs after the subject are not the heading's)
            # ('keep people and staff informed': 'staff' is the second thing kept, not a verb)
            rest = re.sub(r"(,?\s+and\s+)([a-z]+)\b(?!-)(?!\s+(?:[a-z]+ed|safe|well|aware|up\s+to\s+date)\b)",
                          lambda x: x.group(1) + (gerund(x.group(2)) if _looks_like_verb(x.group(2)) and ("," in x.group(1) or not re.search(
                              r"\b(?:the|a|an|your|their|its|our)\s+[a-z]+$", x.string[:x.start()])) and not re.search(
                              r"\bto\s+(?:be|stop|eat|get|take|make|become|stay|keep|live|feel|move|find)\b[^.;:]*$",
                              x.string[:x.start()])  # 'to stop smoking, eat well and manage': infinitives
                              and not re.search(r"\bto\s+[a-z]+$", x.string[:x.start()])  # 'to identify and reduce'
                              or (_looks_like_verb(x.group(2)) and re.match(r"\s+(?:(?:on|upon|with|from)\s+)?(?:what|how|it|them|this|these)\b",
                                                                            x.string[x.end():]))
                              # ('... on your caseload and use what you learn': a verb and its object, s26 q03)
                              else x.group(2)), rest)
            # ('meet the sharing and review timescales': 'review' names the timescales, it is not a second verb)
        rest = re.sub(r"(\s+and\s+)have\b", r"\1having", rest)  # 'receive supervision and have a route'
        rest = re.sub(r"(\brather\s+than\s+)([a-z]+)\b",
                      lambda x: x.group(1) + (gerund(x.group(2)) if _looks_like_verb(x.group(2)) else x.group(2)), rest)
        t = gerund(m.group("verb")) + rest
    else:
        t = re.sub(r"^(?:your|the|an?|any|our)\s+(?=\S)", "", t, flags=re.I)
    head, colon, _ = t.partition(": ")
    if colon and len(head.split()) >= 2:
        t = head  # 'Personal recovery outcomes: the measures you will use; ...' (a nested list)
    t = re.split(r",?\s+(?:for\s+example|e\.g\.|for\s+instance)\b", t, maxsplit=1, flags=re.I)[0]
    t = _short_names(t)
    whole_t = t
    t = _cut_at_boundary(t, max_words)
    if len(t.split()) <= 2 and re.match(r"\s+(?:who|that|which)\s", whole_t[len(t):]):
        # the relative clause says whom the part is for: 'Supporting people | who have to travel to the mainland on
        # the ferry' was cut to 'Supporting people' (s27 q01 panel, after its measurement)
        t = _cut_longer(_cut_long(whole_t, max_words), max_words)
        if len(t.split()) > LONG_HEADING_WORDS:  # the clause up to its first phrase of place or means
            t = re.split(r"\s+(?:on|by|via|using|through)\s+(?:the\s+)?(?=[A-Z])|\s*\(", t, maxsplit=1)[0]
    if len(t.split()) > LONG_HEADING_WORDS:
        t = _cut_longer(_cut_long(t, max_words), max_words)
    if t != whole_t and re.match(r"\s+(?:that|which|who)\s", whole_t[len(t):]):
        # '..., and the follow-up interventions | that come out of it': the clause was the last item's; the
        # heading names the item without it ('... health check and follow-up interventions')
        t = re.sub(r",?\s+and\s+the\s+((?:[\w-]+\s+){0,2}[\w-]+)$", r" and \1", t)
    # a trailing 'you will use' / 'you propose' adds nothing to a heading
    if not _WH.match(t):
        t = re.sub(r"\s+(?:that\s+)?(?:you|they)\s+(?:will|would|)\s*(?:use|take|propose|apply|adopt|put in place|have)$", "", t,
                   flags=re.I)
    t = re.sub(r"(?:,\s*|\s+)(?:including|such\s+as|for\s+example|e\.g\.)$", "", t.rstrip(" ,;:"), flags=re.I)
    t = t.strip(" ,;:–—-")
    if not t:
        return _clean(text)[:60]
    if re.match(r"^examples?\b", t, re.I):
        t = ("An " if t.lower().startswith("example ") else "") + t  # 'An example of ...' reads as a heading
    bare = re.match(r"^([a-z]+)(?=\s+(?:a|an|the|every|each|all|any|their|its|this|these|people|staff)\b)", t)
    if bare and _looks_like_verb(bare.group(1)) and bare.group(1) not in _NOT_VERBS:
        # a sub-point the buyer lists as a bare verb after a shared 'how you will' ('agree a planned admission to
        # ...': s26 q04's heading read as an order, 'Agree a planned admission'): a gerund like the others
        t = gerund(bare.group(1)) + t[bare.end():]
    nobody = _NOBODY_PASSIVE.match(t)
    if nobody and (verb_base(nobody.group("verb")) or _base_verb(nobody.group("verb"))):
        # 'Making sure no one is turned away, or asked to stop ...' is a guarantee to our checker and the part printed
        # only its reference ('a)': s28 q02, spent; session 29): what we do not do, said of our own practice
        base = _base_verb(nobody.group("verb")) or verb_base(nobody.group("verb"))
        t = "not " + gerund(base) + " anyone" + (nobody.group("particle") or "") + nobody.group("rest")
    t = t[:1].upper() + t[1:]
    if _STRANDED.search(t):
        # a passive made a gerund strands its preposition before a second verb ('Referring people to and access the
        # service', s27 q01 panel, after its measurement): the buyer's question said in the present
        said = re.sub(r"(?i)\bwill\s+be\b", "are", re.split(r",", _clean(text), maxsplit=1)[0].strip())
        said = re.sub(r"(?i)\bwill\s+", "", said)
        if len(said.split()) <= LONG_HEADING_WORDS:
            t = said[:1].upper() + said[1:]
    if _fallback and heading_fault(t, text):
        # the buyer's words give no clean heading this way ('How the person', s23 q02 panel): another way, or as made
        t = _fallback_heading(text, t, max_words)
    if short and _fallback and _heading_words(t) > max_words:
        capped = _cap_heading(t, text, max_words)
        # a cap that keeps only the ask's verb or its vague head ('Working in partnership', 'Outreach you will carry
        # out', 'Absorbing a rise': three content words or fewer) drops what the part is about: a heading of up to
        # twelve words is printed whole (the writers' headings name the object; session 38)
        lost = max_words == MAX_HEADING_WORDS and len(_content_words(capped)) <= SHORT_CAP_CONTENT
        if lost and _heading_words(t) <= LONG_HEADING_WORDS and not heading_fault(t, text):
            capped = t
        elif max_words == MAX_HEADING_WORDS and (lost or _heading_words(capped) > LONG_HEADING_WORDS):
            # longer than twelve words: the same cut within twelve words, when that says more than the short one or
            # the short one found no cut at all ('Using the Council's case management system, Carewise, | for all
            # records ...')
            wider = _cap_heading(t, text, LONG_HEADING_WORDS)
            # never before the clause that says what or which ('... each quarter to check | that access reflects ...')
            goes_on = t.startswith(wider) and re.match(r"(?i)[\s,]*(?:that|which|who|whose|whether)\b", t[len(wider):])
            # nor between a verb and what it is done for or to ('... no tenant is evicted | for rent arrears': the cut
            # says something the buyer did not; lead, session 38, test_said_as_ours_s32)
            last_two = wider.split()[-2:]
            verb_end = bool(last_two) and (_looks_like_verb(last_two[-1]) or (
                len(last_two) == 2 and bool(re.fullmatch(r"(?i)is|are|be|been|was|were", last_two[0]))))
            goes_on = goes_on or (t.startswith(wider) and verb_end and bool(
                re.match(r"(?i)\s+(?:for|to|of|from|by|with|into|without)\b", t[len(wider):])))
            if len(_content_words(wider)) > (SHORT_CAP_CONTENT if lost else 1) and _heading_words(wider) <= LONG_HEADING_WORDS \
                    and not heading_fault(wider, text) and not goes_on:
                capped = wider
        t = capped
    return t


SHORT_CAP_CONTENT = 3
"""A capped heading with this few content words has lost what its part is about ('Working in partnership',
'Absorbing a rise': :func:`make_heading`); 'Showing change over time honestly' has not."""


_OBLIGED = _words_pattern(_listed("obliged", within="cut"))
_JOINED_ORDER = re.compile(r",?\s+and\s+(?:(?:" + _OBLIGED + r")\s+)?" + _words_pattern(_listed("joined_orders", within="cut"))
                           + r"\b|,?\s+and\s+" + _OBLIGED + r"\s+[a-z]+\b", re.I)
_OBLIGED_CLAUSE = re.compile(r"^(?:(?:where|if|when|once|unless|whenever)\b[^,;:]{3,150},\s*)?(?P<subject>[^;:]{2,160}?)\s+"
                             + _OBLIGED + r"\s+(?P<rest>(?:not\s+)?[a-z][\s\S]*)$", re.I)
_BIDDER_SUBJECT = re.compile(r"^(?:" + _words_pattern(_listed("bidder_subjects", within="cut")) + r")$", re.I)
_WITH_LEAD = re.compile(r"^(?:" + _words_pattern(_listed("with_lead", within="cut")) + r")\s+(?P<who>.+?)\s+to\s+"
                        r"(?P<verb>[a-z]+)\s+(?P<rest>\S.*)$", re.I)
_CAP_BEFORE = re.compile(r"(?:,\s*|\s+)(?=(?:" + _words_pattern(_listed("cap_before", within="cut")) + r")\b)", re.I)
_CAP_NOT_END = _words("cap_not_end", within="cut")
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s+(?=[a-z][a-z-]+ing\b)")
_SURE_PASSIVE = re.compile(r"^(?:making\s+sure|ensuring)\s+(?:that\s+)?(?P<subject>[^,;:]+?)\s+(?:is|are)\s+(?P<verb>[a-z]+)\b"
                           r"(?P<particle>\s+(?:up|out|back|on))?(?P<rest>(?:\s+(?:and|or)\s+[a-z]+ed\b)?(?:\s+(?:within|by|before|after|at|in|on)\b.*)?)$",
                           re.I)


_BOUND = r"(?:to|from|with|by|into|onto|on|in|at|for)"
"""Prepositions a participle takes as its own ('admitted | to the mainland'); 'during', 'within', 'before' say when
('staff informed | during a cyber attack' is cut there)."""


def _bare_participle_end(head: str) -> bool:
    """``head`` ends on a participle that says which ('residents admitted'), not on a passive verb ('is closed'): what
    follows it ('to the mainland') is its own and stays."""
    return bool(re.search(r"[a-z]ed$", head.rstrip(" ,"))) and not re.search(
        r"(?i)\b(?:is|are|be|been|being|was|were|get|gets)\s+(?:[a-z]+ly\s+)?[a-z-]+ed$", head.rstrip(" ,"))


def _heading_words(heading: str) -> int:
    """Words as a portal counts them: pieces between spaces with a letter or digit ('2,350' is one)."""
    return sum(1 for w in heading.split() if re.search(r"\w", w))


def _bidders_they(t: str) -> str:
    """After a lead naming the bidders, their 'they' with a verb of its own is the bidder's ('transition work they have
    done elsewhere' -> '... you have done elsewhere', said as ours in the heading)."""
    if re.search(rf"\b{_words_pattern(_words('others_they', within='cut'))}\b", t, re.I):
        return t  # a 'they' that may be theirs ('how carers are supported when they have been ...')
    return re.sub(r"\bthey\s+(?=(?:have\s+[a-z]+(?:ed|ne|un|de|ld|wn|en)|had\s+[a-z]+|[a-z]+(?:ed|ught|ew|ld))\b)", "you ", t)


def _obliged_as_ask(t: str) -> str:
    """A requirement the buyer states as a sub-point, said as the ask it makes (s27 q04 panel: 'Where a person's tenancy
    is at risk ..., the Council's Housing Options Team ... must be involved in discharge planning ...' was a heading):
    'X must be involved in Y' -> 'how X will be involved in Y' (a heading 'Involving X in Y'), 'the provider must
    agree Z' -> 'how you will agree Z'; the condition before it ('Where ..., ') goes. Anything else as it is."""
    m = _OBLIGED_CLAUSE.match(t)
    if not m or _WH.match(m.group("subject")) or re.match(r"(?i)^not\b", m.group("rest")):
        return t
    subject, rest = m.group("subject").strip(), m.group("rest")
    subject = re.sub(r",\s*(?:for|in|at|with|where|when|if)\b[^,]{1,40},\s*", " ", subject)  # 'and, for its tenants, X'
    if _BIDDER_SUBJECT.match(subject):
        return "how you will " + _bidders_they(rest)
    if re.match(r"(?i)^be\s+[a-z]+(?:ed|en|wn|ne|lt|pt|nt)\b", rest):
        lower = subject.split()[0].lower() in _words("plain_first")  # 'The council's ...' inside the sentence
        return f"how {subject[:1].lower() + subject[1:] if lower else subject} will {rest}"
    return t


def _both_verbs(rest: str) -> str:
    """What follows a verb made a gerund, with the verb coordinated right after it made one too: 'and reach parents'
    after 'find' -> 'and reaching parents' (both verbs in the same form: s32 q05 printed 'Finding and reach parents')."""
    both = re.match(r"^((?:and|or)\s+)([a-z]+)(?=\s)", rest)
    if both and both.group(2).lower() not in _NOT_VERBS | END_BAD and _looks_like_verb(both.group(2)):
        return both.group(1) + gerund(both.group(2)) + rest[both.end():]
    return rest


_LAST_CONJUNCT = re.compile(r"(?i)(?:^|[\s,])(?:and|or)\s+(?P<member>(?P<first>[a-z'’-]+)(?:\s+[a-z'’-]+)?)$")
"""A head ending on the last member of a coordination, one or two words ('... autistic adults and adults', '..., and
any plans', '... keep or move')."""


def _cut_in_coordination(head: str, after: str) -> bool:
    """``head`` stops inside a coordination whose last member needs what follows (``after``): a noun said again
    ('autistic adults and adults | with ADHD', s32 q05: the heading dropped 'with ADHD'), a noun phrase whose
    complement follows ('..., and any plans | to harmonise terms'), or a verb cut from its object ('to keep or move
    | into work', 'real or due | to normal variation')."""
    m = _LAST_CONJUNCT.search(head)
    if not m:
        return False
    member = m.group("member").lower().split()
    before = [w.lower().strip(",") for w in head[:m.start()].split()]
    if member[-1] in before[-6:] and member[-1] not in END_BAD:
        return True  # the same noun again: what follows tells the two apart
    if member[0] in _DETERMINERS and len(member) == 2 and re.match(r"(?i)\s*to\s+[a-z]+", after):
        return True
    return len(member) == 1 and (_looks_like_verb(member[0]) or member[0] in _CAP_NOT_END or member[0] in END_BAD) \
        and not member[0].endswith("ing") and re.match(r"(?i)\s*(?:to|into|in|on|from|with)\s", after) is not None


_DETERMINERS = frozenset(_words("determiners", within="cut"))


def _cap_heading(t: str, source: str, max_words: int) -> str:
    """A heading still over ``max_words`` words, brought within them in the buyer's words, never cut mid-phrase:
    'Working with X to plan Y' -> 'Planning Y' (what is done; the partners are in the text); else the longest start of
    three to ``max_words`` words before a phrase of place, time, means, purpose or a clause (``cut.cap_before``) or a
    comma-set -ing phrase or a participle that says which, that ends a phrase, stops in no list and has no fault
    (:func:`heading_fault`); else the heading as it is (a list is never said to its first items)."""
    sure = _SURE_PASSIVE.match(t)
    if sure and _base_verb(sure.group("verb")):
        # 'Making sure every person leaving Elmstead Lodge or Harbour View is contacted' -> 'Contacting every person
        # leaving Elmstead Lodge or Harbour View' (cut, it lost its verb)
        verbs, rest = gerund(_base_verb(sure.group("verb"))) + (sure.group("particle") or ""), sure.group("rest")
        # a participle coordinated with the first, before or after the place ('needs are recorded in recovery plans
        # and reviewed', '... are recorded and reviewed in ...'): both made what is done, none left as a participle
        # ('Recording ... in recovery plans and reviewed', s35 q04, spent)
        both = re.match(r"^\s+(and|or)\s+([a-z]+ed)\b", rest) or re.search(r"\s+(and|or)\s+([a-z]+ed)$", rest)
        if both and _base_verb(both.group(2)):
            verbs += f" {both.group(1)} " + gerund(_base_verb(both.group(2)))
            rest = rest[:both.start()] + rest[both.end():]
        done = verbs + " " + sure.group("subject") + rest
        t = done[:1].upper() + done[1:]
        if _heading_words(t) <= max_words and not heading_fault(t, source):
            return t
    done_when = re.match(r"(?i)^what\s+(?:(?:you|we)\s+will|will\s+(?:you|we))\s+do\s+(?=(?:when|if|where)\s)", t)
    if done_when:  # 'What you will do when a KPI target is not met' -> 'When a KPI target is not met'
        t = t[done_when.end():]
        t = t[:1].upper() + t[1:]
        if _heading_words(t) <= max_words:
            return t
    said = _BIDDER_WILL.match(t)
    # (after 'will' the word is a verb by the structure, whether or not the verb list knows it: 'comply')
    other = (said.group("verb"), re.split(r"(?i),?\s+and\s+(?:will|shall|must)\s", said.group("rest"), maxsplit=1)[0]) \
        if said and said.group("verb").lower() not in _NOT_VERBS | END_BAD else _other_does(t)
    if other:
        # 'How move-on will work with the Council's Housing Options Team, ...', 'How will people with lived experience
        # ... shape the design ...': what is done, as every 'how you will' heading is ('Working with ...'); the doer is
        # in the sub-point's text (a cut before the verb left 'How will people', s12 q07)
        done = gerund(other[0].lower()) + " " + _both_verbs(other[1].lstrip())
        t = done[:1].upper() + done[1:]
        if _heading_words(t) <= max_words and not heading_fault(t, source):
            return t
    lead = _WITH_LEAD.match(t)
    if lead and _looks_like_verb(lead.group("verb").lower()) and lead.group("verb").lower() not in _NOT_VERBS:
        done = gerund(lead.group("verb").lower()) + " " + _both_verbs(lead.group("rest"))
        done = done[:1].upper() + done[1:]
        if _heading_words(done) <= max_words and not heading_fault(done, source):
            return done
        t = done
    # before a participle that says which ('island residents | admitted to the mainland'), not after it ('admitted |
    # to the mainland' leaves the participle without its place)
    participles = [m.start() for m in re.finditer(r"(?<=[a-z])\s+(?=[a-z]+ed\s+" + _BOUND + r"\s)", t, re.I)
                   if not re.search(r"(?i)\b(?:is|are|be|been|being|was|were|has|have|had|will|get|gets)\s*$", t[:m.start()])]
    cuts = [m.start() for m in _CAP_BEFORE.finditer(t)
            if not (_bare_participle_end(t[:m.start()]) and re.match(r"(?i)[\s,]*" + _BOUND + r"\s", t[m.start():]))]
    cuts += [m.start() for m in _PARTICIPLE_AFTER_COMMA.finditer(t)] + participles
    best = ""
    over: list[str] = []  # whole heads a few words over the limit, for a clause a cut within it leaves without its verb
    verbless = coordinated = False
    for at in sorted(set(cuts)):
        head = t[:at].rstrip(" ,;:–—-")
        n = _heading_words(head)
        if n < 3 or head.count("(") != head.count(")"):
            continue
        if n > max_words:
            if n <= LONG_HEADING_WORDS + 4 and not _verbless_clause(head) and not heading_fault(head, source) \
                    and head.split()[-1].lower() not in END_BAD and not _denied_bare(head):
                over.append(head)
            continue
        last = head.split()[-1].lower()
        if last in END_BAD or last in _AIM_END or last in _CAP_NOT_END:
            continue
        if _cut_in_coordination(head, t[at:]):
            coordinated = True
            continue
        chunk = head.rsplit(",", 1)[1] if "," in head else ""
        if chunk and not re.search(r"(?i)\b(?:and|or)\b", chunk) and _heading_words(chunk) <= 4:
            continue  # inside a list: 'the required operating hours of 8am to 8pm, Monday | to Friday'
        if re.search(r"(?i)\b(?:between|both|either|neither)\s+\S+$", head) or re.match(r"(?i)\s*(?:and|or)\s", t[at:]):
            continue  # 'between the hubs | and ...' holds both
        if re.match(r"(?i)[\s,]*(?:from|to)\s+[^,;]*\d", t[at:]):
            continue  # the buyer's figures stay whole: 'Growing the caseload | from 2,350 people to 3,100 people'
        if re.match(r"(?i)\s*to\s", t[at:]) and not re.match(rf"(?i)\s*to\s+{_words_pattern(sorted(_TO_WHOM))}\s", t[at:]) and (re.search(r"\d", last) or (last[:1] != head[:1] and head.split()[-1][:1].isupper())):
            continue  # a range: '8am | to 8pm', 'Monday | to Friday'
        if re.search(r"(?i)\bto\s+[a-z]+$", head) and _looks_like_verb(last) \
                and re.match(r"(?i)\s*(?:to|with|on|for|in|into|at|from|about)\s", t[at:]):
            continue  # 'to work | with co-occurring conditions': the verb's phrase goes on
        if last.endswith("ing") and len(head.split()) <= 4 and re.match(r"(?i)\s*(?:to|with|on|for|in|into|at)\s", t[at:]):
            continue  # 'Assessing and responding | to substance use', 'Working day to day | with ...': no object yet
        if last.endswith("ing") and re.search(r"(?i)\b(?:and|or)\s+\w+ing$", head) \
                and re.match(r"(?i)\s*(?:to|with|on|for|in|into|at)\s", t[at:]):
            continue  # 'Identifying housing problems early and working | with the Housing Options Team' (s34 q06)
        if heading_fault(head, source) or _wh_fragment(re.findall(r"[A-Za-z0-9][\w'’-]*", head)) or _no_ask_head(head, t[at:]):
            continue
        clause = re.split(r"(?i)\b(?:sure|ensure|that|whether)\s+", head)
        if len(clause) > 1 and not any(_finite(w) for w in clause[-1].split()):
            verbless = True
            continue  # 'Making sure every person leaving Elmstead Lodge | or ... is contacted': its verb was cut
        if re.match(r"(?i)[\s,]*(?:that|whether)\s", t[at:]) and re.search(r"(?i)\bto\s+[a-z]+$", head) \
                and _looks_like_verb(last):
            continue  # 'to check | that access reflects ...': what is checked follows (s37 q06's printed heading)
        if last in _WHOLE_WITH_WHO and re.match(r"(?i)\s*(?:who|whose|that|which)\b", t[at:]):
            continue  # 'What alternatives you will offer to people | who cannot use digital channels' (s32 q07)
        best = head
    if not best and verbless and over and _heading_words(t) > LONG_HEADING_WORDS + 4:
        # 'Making sure that no young adult referred | under the protocol is discharged ...' (s32 q02 (d)): the
        # shortest cut that keeps the clause's verb, though over the limit
        best = over[0]
    if coordinated and _heading_words(t) <= max_words + COORDINATED_OVER and (
            not best or _heading_words(best) < _heading_words(t) - COORDINATED_OVER):
        # a cut inside a coordinated noun phrase was the one that would keep most: the heading whole, a few words
        # over, keeps both members as the buyer wrote them ('... autistic adults and adults with ADHD')
        return t
    if best:  # 'Social value commitments you will make': what is left adds nothing to a heading
        best = re.sub(r"(?i)\s+(?:that\s+)?(?:you|they|we)\s+(?:will\s+|would\s+)?(?:use|take|propose|apply|adopt|make|have)$",
                      "", best)
    return best or t


_OTHER_DOES = re.compile(r"(?i)^how\s+(?:(?P<ask>will|would|can)\s+(?P<s1>[^,;:?]{2,})|(?P<s2>[^,;:?]{2,60}?)\s+(?:will|would|can)"
                         r"\s+(?P<verb>[a-z]+)\b(?P<rest>\s+\S.*))")
_BIDDER_WILL = re.compile(r"(?i)^(?:the\s+)?(?:bidder|tenderer|provider|supplier|you|we)\s+(?:will|shall|must)\s+"
                          r"(?P<verb>[a-z]+)\b(?P<rest>\s+\S.*)$")
"""The buyer's statement of what the bidder will do ('Bidder will comply with ...'): headed by what is done."""


def _other_does(t: str) -> tuple[str, str] | None:
    """(verb, what follows it) of a 'how' question or clause whose doer is not the bidder ('how move-on will work
    with ...', 'how will volunteers from ... take part in ...'): the first word the verb list knows after the doer,
    who is never a lone determiner ('how will your | staff think family' is not 'Staffing'); None otherwise."""
    m = _OTHER_DOES.match(t)
    if not m:
        return None
    if m.group("s2"):
        doer, verb, rest = m.group("s2").split(), m.group("verb"), m.group("rest")
    else:
        words = re.split(r"(\s+)", m.group("s1"))
        at = next((i for i in range(2, len(words), 2) if _looks_like_verb(words[i]) and words[i].islower()), None)
        if at is None or at + 1 >= len(words):
            return None
        doer, verb, rest = words[:at:2], words[at], "".join(words[at + 1:]) + t[m.end("s1"):]
        if any(w.lower() in _RELATIVES for w in doer):
            return None  # 'how will people who use the service | influence ...': 'use' is the relative clause's
    if not doer or doer[-1].lower() in _DETERMINERS or not _looks_like_verb(verb) or verb.lower() in _NOT_VERBS:
        return None
    return verb, rest


STUB_WORDS = 4
"""A cut heading this short that stops on its verb has lost what the verb is done to (:func:`_no_ask_head`)."""
_COMPLEMENT = re.compile(r"(?i)^[\s,]*(?:with|to)\s")


def _no_ask_head(head: str, rest: str) -> bool:
    """``head`` (a start of a heading cut to fit, ``rest`` what the cut leaves off) names no ask: a question opening
    of three words whose clause has no verb of its own ('How will people | using the service be able to access
    recovery education', s8), or a few words that stop on their verb after its auxiliary, before the 'with' or 'to'
    the verb takes ('Bidder will comply | with ...', 'How staff are supported | to manage ...'): what is done, or with
    whom, was cut off."""
    words = re.findall(r"[A-Za-z0-9][\w'’-]*", head)
    if len(words) < 2:
        return False
    if len(words) <= 3 and re.fullmatch(r"(?i)how|when|where|why", words[0]) and not any(
            _verb_like(w) and w.lower() not in _AUXILIARIES for w in words[1:]):
        return True
    return len(words) <= STUB_WORDS and words[-2].lower() in _AUXILIARIES and words[-1].isalpha() \
        and words[-1].islower() and words[-1].lower() not in _DETERMINERS and bool(_COMPLEMENT.match(rest))


_WHOLE_WITH_WHO = _words("whole_with_who", within="cut")
_TO_WHOM = _words("to_whom", within="cut")
COORDINATED_OVER = 4
"""How many words over the limit a heading may run to keep a coordinated noun phrase whole (:func:`_cap_heading`)."""


def _finite(word: str) -> bool:
    """A word that can be a clause's own verb after 'sure that': not a participle ('-ing'), nor an '-ed' word that is
    no known verb, which says which one after its noun ('no young adult referred | under the protocol is discharged':
    s32 q02 (d) was headed 'Making sure that no young adult referred')."""
    w = word.lower()
    if w.endswith("ing"):
        return False
    if w.endswith("ed") and w not in _AUXILIARIES and not _looks_like_verb(w):
        return False
    return _verb_like(w)


_STRANDED = re.compile(r"^\w+ing\b.*\b(?:to|from|with|for|into|on|by)\s+and\s+[a-z]+\b")
"""A gerund heading whose preposition is left before 'and' and another verb ('Referring people to and access')."""

_AIM_END = _words("aim_end", within="heading")
_AUXILIARIES = _words("auxiliaries", within="heading")
_RELATIVES = _words("relatives", within="heading")


def _verb_like(word: str) -> bool:
    """A word that can be a clause's verb: an auxiliary, a known verb or its -s form, a word ending -ed."""
    w = word.lower()
    return (w in _AUXILIARIES or re.search(r"['’](?:ll|d)$|n['’]t$", w) or _looks_like_verb(w)
            or (w.endswith("s") and (_looks_like_verb(w[:-1]) or (w.endswith("es") and _looks_like_verb(w[:-2]))))
            or (w.endswith("ed") and len(w) > 4))


def _wh_fragment(words: list[str]) -> bool:
    """A heading opening on a question word whose clause lost its verb: 'How the person' (s23 q02 panel), 'How a
    person who rings the helpline' (the verb, 'will be triaged', was after the cut). A verb inside a relative
    clause ('who rings') is not the clause's own."""
    if not _WH.match(words[0]):
        return False
    for n, w in enumerate(words[1:], 1):
        if w.lower() in _RELATIVES and n > 1:
            # the subject's relative clause: the clause's own verb is an auxiliary after it ('How people who use
            # the service will see ...'), or it came after the cut
            return not any(x.lower() in _AUXILIARIES for x in words[n + 2:])
        if _verb_like(w):
            return False
    return len(words) <= 4


def _ends_whole(words: list[str], source: str) -> bool:
    """The heading's last words end a phrase or sentence where the buyer wrote them ('when asked to do so.')."""
    if not source.strip():
        return False
    tail = r"\W+".join(re.escape(w) for w in words[-2:])
    return bool(re.search(rf"(?i)\b{tail}(?:\s*[.?!]|\W*$)", source))


def heading_fault(heading: str, source: str = "") -> str:
    """What makes ``heading`` no heading, '' when nothing does: an unclosed bracket; a last word that cannot end a
    phrase ('of', 'the', 'your': ``end_bad``) or an aim without what it aims at ('Making sure', s23 q05 panel) where
    the sub-point's wording (``source``) goes on; a first word that continues a phrase whose head was cut ('Of
    existing relationships', 'From Pakistani and Bangladeshi communities'); a question word whose clause lost its
    verb ('How the person', s23 q02 panel)."""
    words = re.findall(r"[A-Za-z0-9][\w'’-]*", heading)
    if not words:
        return "empty"
    body = re.sub(r"^\s*\(?[A-Za-z0-9]{1,4}[.)]\s+", "", heading)  # the buyer's reference: 'd) ', '(ii) '
    if body.count("(") != body.count(")") or body.count("[") != body.count("]"):
        return "unclosed bracket"
    last = words[-1].lower()
    if (last in END_BAD or last in _AIM_END) and not _ends_whole(words, source):
        return f"ends on '{last}'"
    flat = " ".join((source or "").split())
    tail = " ".join(heading.split())[-40:]
    after = flat[flat.find(tail) + len(tail):] if tail and tail in flat else None
    if after is not None:
        if re.search(r"\d$", heading) and re.match(r"[:.]\d", after):
            return "cut inside a figure"  # 'between 08' of '08:00' (s26 q01 panel)
        joined = re.match(r"\s+(?:and|or)\s+([a-z]+)", after)
        if re.search(r"\bto\s+[a-z]+$", heading) and joined and joined.group(1) not in END_BAD and len(words) >= 2 \
                and words[-2].lower() == "to":
            return f"ends on 'to {last}' before its object"  # '... communities to identify' (s26 q11 panel)
        if re.search(r",\s+[a-z]+\s+[^,]+$", heading) and _looks_like_verb(heading.rsplit(",", 1)[1].split()[0]) \
                and re.match(r"[^,;.]*?\s+and\s+[a-z]+", after) and re.match(
                    r"[^,;.]*?\s+and\s+([a-z]+)", after).group(1) not in END_BAD:
            return "a list of actions cut before its last"  # 'receive step-up referrals, make a decision' (s26 q03)
    if len(words) >= 3 and words[-2].lower() == "to":
        # 'Helping people using the Service to look | after their physical health' (s35 q07, spent): the verb without
        # the particle it takes ('look after', 'follow up') says something else or nothing (the heading's first words
        # may be made, 'Helping' for 'help': its last three are the buyer's)
        said = re.search(r"(?i)\b" + r"\s+".join(map(re.escape, words[-3:])) + r"\s+(\w+)\b", flat)
        if said and f"{last} {said.group(1).lower()}" in _words("phrasal_verbs"):
            return f"ends on 'to {last}' before its particle"
    first = words[0].lower()
    cont = _CONTINUES.match(first)
    if cont and cont.end() == len(first) and not re.match(
            r"(?i)^\s*(?:\W*[a-z0-9]{1,4}[.)]\s+)?" + re.escape(words[0]) + r"\b", source):
        return f"starts mid-phrase on '{first}'"
    if _wh_fragment(words):
        return f"a bare '{first}' fragment"
    return ""


_ASIDE = re.compile(r",\s*(?:(?:and|or|but)\s+)?(?:where|when|if|as|once|unless)\b[^,;:.?]{2,60},\s*", re.I)
"""A clause set off by commas inside another ('how the person, and where they wish their family or carers, will
shape ...'): the heading is made without it."""
_MAIN_VERB = re.compile(r"\b(?:will|would|can|could|should|must|shall|is|are|do|does)\s+(?:not\s+)?(?:be\s+)?[a-z][\w-]*", re.I)


def _fallback_heading(text: str, made: str, max_words: int) -> str:
    """A heading for a sub-point whose made heading has a fault (:func:`heading_fault`): the buyer's words without a
    clause set off by commas; else the heading without the words that continue or leave a phrase open; else the
    sub-point's clause up to the end of its verb group, cut at the first phrase boundary after it ('How a person
    who rings the helpline at 2am will be triaged'); else the made heading."""
    tries = []
    if _ASIDE.search(text):
        tries.append(make_heading(_ASIDE.sub(" ", text, count=1), max_words, _fallback=False))
    words = made.split()
    while words and _CONTINUES.match(words[0]) and _CONTINUES.match(words[0]).end() == len(words[0]):
        words = words[1:]
    while words and words[-1].lower().strip(",;:") in END_BAD | _AIM_END:
        words = words[:-1]
    if len(words) >= 2:
        tries.append(words[0][:1].upper() + " ".join(words)[1:])
    t = _clean(re.sub(r"\s*\([^()]*\)", "", _clean(text)))
    t = re.split(r"(?<=[a-z0-9)][.?!])\s+(?=[A-Z])", t, maxsplit=1)[0].rstrip(".?!:;")
    t = _LEADING.sub("", _ASIDE.sub(" ", t))
    verb = _MAIN_VERB.search(t)
    if verb:
        stop = re.search(r"[,;:(]|\s[–—-]\s|\s+(?:and|or)\s+(?:how|what|when|where|why|who|whether)\b", t[verb.end():])
        clause = t[:verb.end() + stop.start()] if stop else t
        tries.append(clause[:1].upper() + clause[1:].strip())
    for h in tries:
        if h and not heading_fault(h, text):
            return h
    return made


def make_label(text: str, max_words: int = MAX_HEADING_WORDS) -> str:
    """The heading for a sub-point (kept under its old name)."""
    return make_heading(text, max_words)


# ---------------------------------------------------------------- the parsed question


@dataclass
class ParsedQuestion:
    text: str
    stem: str
    points: list[tuple[str, str]]
    headings: list[str]
    """The heading printed over each sub-point's part of the answer (as :func:`plan_question` prints it: short, in the
    buyer's words; the buyer's own when mandated)."""
    limits: Limits
    instructions: list[str] = field(default_factory=list)
    """The buyer's rules for the response (format, scoring, attachments), never sub-points."""
    requirements: list[str] = field(default_factory=list)
    """The buyer's background lists (what a protocol requires, partners, KPIs: :func:`listed_requirements`): facts
    and standards the answer must meet, never sub-points."""
    labels: list[str] = field(default_factory=list)
    """Each sub-point's longer label, the one the method blocks are fitted by (SubPoint.label)."""

    # the limits as the question's own: word_limit is limits.words (read, never set, here)
    word_limit = property(lambda self: self.limits.words)
    char_limit = property(lambda self: self.limits.chars)
    page_limit = property(lambda self: self.limits.pages)
    weighting = property(lambda self: self.limits.weighting)


_MANDATED = re.compile(
    r"(?i)(?<!incl\.\s)(?<!including\s)(?<!excluding\s)\b(?:use|using|under|structured?|structuring|follow|following|"
    r"organi[sz]e[ds]?)\b[^.\n]{0,50}?\bheadings?\b(?!\s+(?:and|or)\s+(?:tables?|spaces?|references?)\b)")
"""The buyer gives the headings the response must use ('Use the following headings:', 'You MUST structure your
response using the four headings below', 'under these headings'); not a counting note ('incl. headings')."""
_NOT_A_HEADING = re.compile(r"^(?:how|what|which|when|where|who|why|whether|please|describe|explain|set\s+out|outline|"
                             r"provide|give|tell\s+us|your|the|you|confirm|state|list|demonstrate|show)\b", re.I)
_HEAD_AND_ASK = re.compile(r"^(?P<head>[^–—:]{3,100}?)\s*(?:\s[–—-]\s|:\s)\s*\S")


def mandated_headings(question: str) -> bool:
    """True when the question tells the bidder to use the headings it lists."""
    return any(not re.search(r"(?i)\b(?:incl(?:uding|\.)?|excluding|count(?:s|ed)?)\b[^.\n]{0,20}$", question[:m.start()])
               for m in _MANDATED.finditer(question or ""))


def buyer_heading(text: str) -> str | None:
    """The heading a buyer wrote for a listed item, word for word: the words before its dash or colon
    ('Support after a hospital stay – how you will ...'), or the whole item when it is a heading itself
    ('Training, including the Trauma-Informed Practice Standard'); None for an item that is a sentence."""
    t = _clean(text).strip()
    quoted = re.match(r"^[\"“‘']([^\"“”‘’]{2,100}?)[\"”’']\s*(?:[–—:-]|$)", t)
    if quoted and quoted.group(1)[:1].isupper():  # 'Heading 4: "Before discharge" – how you will ...'
        return quoted.group(1).strip(" ,;")
    if not t[:1].isupper() or _NOT_A_HEADING.match(t):
        return None  # 'how you will assess risk', 'Describe how ...': an ask under a letter, not a heading
    m = _HEAD_AND_ASK.match(t)
    if m and len(m.group("head").split()) <= 12:
        return m.group("head").strip(" ,;")
    body = t.rstrip(" .;:")
    if len(body.split()) <= 14 and not re.search(r"[.?!]\s+\S", body) and not body.endswith("?"):
        return body
    return None


def point_heading(text: str, made: str, mandated: bool) -> tuple[str, bool]:
    """(the part's heading, whether it is the buyer's mandated heading): the buyer's own when mandated."""
    if mandated:
        own = buyer_heading(text)
        if own:
            return own, True
    return made, False


def parse_question(text: str, *, strict: bool = False) -> ParsedQuestion:
    """Sub-points, headings, limits and weighting of a question (``strict``: an unreadable limit is an error)."""
    limits = read_limits(text, strict=strict)
    stem, points = split_question(text)
    # the buyer's mandated headings each with what it asks under it, as the plan reads them (:func:`plan_question`)
    points = _under_mandated_headings(text, points)
    mandated = mandated_headings(text) and len(points) >= 2
    labels = [point_heading(_weight(t)[0], make_heading(_weight(t)[0]), mandated) for _, t in points]
    # the heading over each part as the answer prints it (session 38: the bench and the status table read the longer
    # label, 10 words a heading on average, where the answer prints 8 and the writers label 5.5)
    headings = [label if own else make_heading(_weight(t)[0], short=True) for (_, t), (label, own) in zip(points, labels)]
    return ParsedQuestion(text=text, stem=stem, points=points, headings=headings, limits=limits,
                          instructions=read_instructions(text), requirements=listed_requirements(text),
                          labels=[label for label, _ in labels])


# ---------------------------------------------------------------- budgets


def question_focus(plan: "QuestionPlan") -> str:
    """What the whole question is about: the buyer's title and the stem's own asks (not its context
    facts, not its sub-points), so a sub-point is read as part of this question."""
    asks = [x for x in _sentences(plan.stem or "") if _ASK_WORDS.search(x) and not _CONTEXT.match(x)
            and not any(p.text and p.text in x for p in plan.points)]
    return " ".join([plan.title] + asks).strip()


def allocate(weights: list[float], total: int) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder)."""
    if not weights:
        return []
    s = sum(weights)
    if s <= 0:
        weights, s = [1.0] * len(weights), float(len(weights))
    raw = [total * w / s for w in weights]
    base = [int(r) for r in raw]
    spare = total - sum(base)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:spare]:
        base[i] += 1
    return base


def _capped(weights: list[float], caps: list[int | None], total: int) -> list[int]:
    """:func:`allocate`, with no share above its cap: what a capped share cannot take goes to the others."""
    budgets = allocate(weights, total)
    for _ in range(len(weights)):
        over = sum(b - c for b, c in zip(budgets, caps) if c is not None and b > c)
        if not over:
            break
        budgets = [min(b, c) if c is not None else b for b, c in zip(budgets, caps)]
        room = [i for i, (b, c) in enumerate(zip(budgets, caps)) if c is None or b < c]
        if not room:
            break
        for i, extra in zip(room, allocate([weights[i] for i in room], over)):
            budgets[i] += extra
    return budgets


def _own_limits(question: str, texts: list[str]) -> list[int | None]:
    """Each sub-point's own word limit, written on its line after it ('B1 Describe ... (100 words)'); None where
    it has none. A limit read for two sub-points at once (one sentence that lists them) is nobody's own."""
    text = unpack_row(question or "").replace("\r\n", "\n").replace("\r", "\n")
    starts = _point_starts(text, texts)
    found: list[tuple[int, int] | None] = []
    for n, at in enumerate(starts):
        if at is None:
            found.append(None)
            continue
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        later = [x for x in starts[n + 1:] if x is not None and x > at]
        end = min([end] + later)
        limits = read_limits(text[at:end])
        # a character limit of its own holds the part to the words it makes ('(Max 1,500 characters)')
        own = limits.words or (limits.chars // CHARS_PER_WORD if limits.chars else None)
        found.append((own, at + limits.spans[0][0]) if own and limits.spans else None)
    if not any(found) and all(at is not None for at in starts):
        # or on the lines after it, before the next sub-point ('6.1 Describe ...' / '(maximum 500 words) Weighting: 4%'
        # / '6.2 ...': s21 q06, read as one limit of 500 for both), when every sub-point has one there: the last one's
        # is then its own, not the question's
        after = []
        for n, at in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            limits = read_limits(text[at:end]) if at is not None and end > at else None
            one = limits is not None and limits.words and limits.spans
            after.append((limits.words, at + limits.spans[0][0]) if one and limits and at is not None else None)
        if all(after):
            found = after
    spans = [f[1] for f in found if f]
    return [f[0] if f and spans.count(f[1]) == 1 else None for f in found]


_ANSWER_FORMAT = re.compile(r"[\W_]*(?:yes|y)\s*(?:/|or|\|)\s*(?:no|n)[\W_]*", re.I)
"""A Pass/Fail answer's format alone ('Yes / No', 'YES/NO', 'Yes or No'): never a sub-point."""


def _mark_confirmations(question: str, points: list[SubPoint], limit: int) -> None:
    """Mark the Pass/Fail and yes/no statements (:func:`confirmations.is_confirmation`): each keeps its own words
    only (not the scored part's text after it), is headed by the buyer's statement, and takes the words of a
    confirmation from the limit, none when the limit is for the scored part only. Several confirmations sharing
    the limit with scored asks take at most half of it together."""
    flat = " ".join(question.split())
    scored_at = confirmations.scored_start(question)  # read on the lines (a 'Part B' heading opens one), then flat
    if scored_at is not None:
        scored_at = len(" ".join(question[:scored_at].split()))
    outside = confirmations.limit_excludes(question) and not _shared_limit(question)
    marked = []
    for p in points:
        where = flat.find(" ".join(p.text.split())[:40])
        before = scored_at is None or where < 0 or where < scored_at
        if not confirmations.is_confirmation(p.text, question, before_scored=before):
            continue
        p.kind = "confirm"
        p.text = confirmations.trim(p.text)
        said = confirmations.unframed(confirmations.statement(p.text))  # 'The Bidder confirms that ...' off the heading
        p.label = said if len(said.split()) <= MAX_CONFIRM_HEADING_WORDS else make_heading(said)
        p.topics, p.borrowed, p.direct = [], False, []
        marked.append(p)
    share = limit // max(1, len(marked)) if len(marked) == len(points) else (limit // 2) // max(1, len(marked))
    for p in marked:
        p.budget = 0 if outside else min(confirmations.CONFIRM_WORDS + len(p.label.split()), limit // 4, share)


_SHARED_LIMIT = re.compile(r"\b(?:parts?\s+a\s*(?:,|and|&|\+)\s*(?:part\s+)?b|both\s+parts|all\s+(?:the\s+)?parts|together|combined|"
                           r"(?:whole|entire)\s+(?:question|response|answer))\b", re.I)


MAX_CONFIRM_HEADING_WORDS = 32
"""A Pass/Fail statement is its part's heading in the buyer's words, cut only past this length."""


def _shared_limit(question: str) -> bool:
    """'Your response to Part A and Part B together must not exceed 250 words': one limit for both parts (the
    confirmations take their words from it), not a limit for Part B only."""
    return any(_SHARED_LIMIT.search(line) and re.search(r"\b(?:words?|characters?|pages?|sides?)\b", line, re.I)
               for line in (question or "").splitlines())


_GROUP_END = re.compile(r"\b(staff|workers|volunteers|carers|families|partners|managers|practitioners|peer\s+supporters)$", re.I)


def _their(text: str, before: str) -> str:
    """'how you will support their wellbeing' after 'how you will recruit and retain staff': 'their' is the staff's
    ('how you will support staff wellbeing'), so the heading says whose ('Supporting staff wellbeing')."""
    m = _GROUP_END.search(before.rstrip(" .?;,"))
    if not m or len(re.findall(r"\btheir\b", text, re.I)) != 1:
        return text
    named = re.compile(_GROUP_END.pattern[:-1] + r"\b", re.I)
    ahead = text[:re.search(r"\btheir\b", text, re.I).start()]
    if named.search(ahead) or re.search(_PEOPLE, ahead, re.I):
        # 'how you will support peer support workers in their roles': theirs, named nearer; 'how you will transfer
        # people currently receiving support without a break in their care' is the people's care (s32 q12, spent)
        return text
    noun = m.group(1).lower()
    return re.sub(r"\btheir\b", noun if noun == "staff" else noun + "'", text, count=1, flags=re.I)


_ASKING = re.compile(r"(?:please\s+)?(?:explain|describe|set\s+out|outline|tell\s+us|provide|give|include|confirm|state|"
                     r"list|show|demonstrate|detail|summarise)\b", re.I)


def _under_mandated_headings(question: str, items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The buyer's mandated headings each with what it asks under it: an item that is only a heading ('Heading 1 -
    Staffing model and skill mix') takes the items after it that are no heading of their own ('Set out your proposed
    establishment ...') as its text, so the answer has the buyer's headings and no others in between (s12 q02, spent:
    five mandated headings came out as ten, 'This breaks the five-heading structure'; issue 12)."""
    if len(items) < 2 or not mandated_headings(question):
        return items
    heads = [buyer_heading(_weight(t)[0]) for _, t in items]
    only = [h is not None and h.strip(" .;:") == _clean(_weight(t)[0]).strip(" .;:") for h, (_, t) in zip(heads, items)]
    if sum(only) < 2:
        return items
    out: list[tuple[str, str]] = []
    held = False  # the last item kept is a mandated heading standing alone, still taking what it asks
    for (key, text), head, alone in zip(items, heads, only):
        asks = key.startswith("p") or text.rstrip().endswith((".", "?")) or _ASKING.match(_clean(text).strip())
        if held and head is None and asks and not out[-1][0].startswith("p"):
            # a bullet or sentence under a numbered heading; a sibling of the heading's own list ('3. How the model
            # will work ...' after '2. Training') is a heading of its own, read as the buyer wrote it
            k, t = out[-1]
            joined = f"{t.rstrip(' .;:')} – {text.strip()}" if t.rstrip(" .;:") == _clean(_weight(t)[0]).strip(" .;:") \
                else f"{t.rstrip()} {text.strip()}"
            out[-1] = (k, joined)
            continue
        out.append((key, text))
        held = alone
    return out


def plan_question(question: str, word_limit: int | None = None, *, topics: dict[str, Topic] | None = None) -> QuestionPlan:
    """Split, map and budget a tender question."""
    limits = read_limits(question)
    stated = limits.word_budget
    limit = word_limit if word_limit is not None else stated
    stem, items = split_question(question)
    # the answer's format on a line of its own ('Yes / No' after a lone Pass/Fail statement) is not something asked
    items = [(k, t) for k, t in items if not _ANSWER_FORMAT.fullmatch(t.strip())] or items
    items = _under_mandated_headings(question, items)
    # the parts each with its own limit: numbered or titled parts ('## 4.1 ...' / '## 4.2 ...', 'Part 1 – ... (400
    # words)'), else parts a key names ('(a)' in 'Section (a) – 600 words'), else a table's rows by reference
    groups = (_numbered_groups(question, items) or part_groups(question, items) or _row_groups(question, items)) \
        if len(items) >= 2 else None
    if groups:
        items, groups = _parts_in_order(question, items, groups)
    mixed = bool(groups) and any(p.pages for p in numbered_parts(question)[0]) or \
        len({(bool(p.pages), bool(p.chars)) for p in numbered_parts(question)[0]}) > 1
    if (limit is None or (limits.per_part and word_limit is None) or (mixed and word_limit is None)) and groups:
        # (parts held to limits of different kinds, '12.1 ... 3 sides of A4' / '12.2 ... 600 words': each part's
        # words, its sides converted, added up; the question's 600 words and 3 sides are each a part's)
        # 'Part 1: 600 words; Part 2: 500 words' over the headings of each part: the answer's limit is the
        # parts' together, and each part is held to its own
        limit = stated = sum({label: cap for label, cap, _ in groups}.values())
    elif limits.per_part and word_limit is None:
        limit = None  # the parts' sum cannot be kept to when the sub-points cannot be placed in the parts
    if limit is None:
        parts = part_word_limits(question)
        if len(parts) >= 2:
            listed = "; ".join(f"{label}: {n:,} words" for label, n in parts)
            raise InputError(f"the question gives word limits per part only ({listed}): give the whole answer's "
                             f"limit with --words (--words {sum(n for _, n in parts)} for all of them together); "
                             f"its sub-points could not be placed in those parts (no title line 'Part 1 ...' "
                             f"before them, no key naming one), so check each part's length in the compliance "
                             f"sheet")
        if limits.chars or limits.pages or parts:
            # a length stated some other way ('Part B: 750 words' alone, characters or sides no word count
            # came from): the buyer's, not ours to guess
            raise InputError("no word limit: give one with --words (the question states a length that no word "
                             "limit for the whole answer could be read from)")
        limit = min(UNSTATED_MAX_WORDS, max(UNSTATED_MIN_WORDS, UNSTATED_WORDS_PER_POINT * max(1, len(items))))
        limit_note = (f"the question states no limit: drafted to at most {limit:,} words (about "
                      f"{UNSTATED_WORDS_PER_POINT} a sub-point); give --words to set another")
    else:
        limit_note = ""
    numbered = numbered_parts(question)[0] if groups else ()
    if word_limit is None and (any(p.pages for p in numbered) or len({(bool(p.pages), bool(p.chars)) for p in numbered}) > 1):
        # a part held to sides (or parts of different kinds): how each part's words were set, said in the log
        limit_note = "each part held to its own limit: " + "; ".join(f"{p.label}: {p.describe()}" for p in numbered)
    if limit <= 0:
        raise InputError(f"the word limit must be a positive number, not {limit}")
    topics = topics if topics is not None else load_topics()
    stem_topics = match_topics(stem, topics) if stem else []
    fallback = [t for t in fallback_topics() if t in topics]
    indicator_terms = load_indicator_terms()
    points: list[SubPoint] = []
    weighed = [_weight(text) for _, text in items]
    given = [w for _, w in weighed if w]
    default_weight = sum(given) / len(given) if given else 1.0
    before = ""
    mandated = mandated_headings(question) and len(items) >= 2
    for (key, _), (cleaned, weight) in zip(items, weighed):
        theirs = _their(cleaned, before)  # 'their wellbeing' after '... retain staff': the staff's, for topics too
        whose = _them(theirs, before)  # 'involve them' after '... support carers': carers, for the blocks too
        heading, own = point_heading(cleaned, make_heading(whose), mandated)
        printed = heading if own else make_heading(whose, short=True)
        before = cleaned
        found = match_topics(whose, topics)
        borrowed = False
        if not found:
            found = stem_topics[:2] or fallback[:2]
            borrowed = True
        points.append(
            SubPoint(key=key, text=cleaned, label=heading, heading=printed, weight=weight or default_weight,
                     topics=found, borrowed=borrowed, direct=match_indicators(cleaned, indicator_terms), mandated=own,
                     about=whose if whose != theirs else "")
        )
    # a part's own limit means something only beside other parts (one point's limit is the question's)
    own = _own_limits(question, [t for _, t in items]) if len(items) >= 2 else [None] * len(items)
    if word_limit is None and not groups and len(items) >= 2 and all(own) and stated == max(x or 0 for x in own):
        # 'B1 ... (100 words)' / 'B2 ... (100 words)' and no total: the answer's limit is theirs together
        limit = stated = sum(x or 0 for x in own)
    for p, cap in zip(points, own):
        p.limit = cap if cap and cap < limit else None
    held = {p.label: p.chars for p in numbered_parts(question)[0]} if groups else {}
    for p, (label, cap, title) in zip(points, groups or []):
        p.part, p.part_limit, p.part_title = label, cap, title
        p.part_chars = held.get(label)
        if p.limit and p.limit >= cap:
            p.limit = None
    _mark_confirmations(question, points, limit)
    scored = [p for p in points if p.kind != "confirm"]
    shares = [(scored, max(limit - sum(p.budget for p in points), len(scored)))]
    if groups:  # each part's words are budgeted within its own limit, less the margin a panel's count needs
        shares = []
        for label, cap in {label: cap for label, cap, _ in groups}.items():
            mine = [p for p in scored if p.part == label]
            confirms = sum(p.budget for p in points if p.part == label and p.kind == "confirm")
            shares.append((mine, max(cap - part_reserve(cap) - confirms, len(mine))))
    for share, total in shares:
        for p, budget in zip(share, _capped([p.weight for p in share], [p.limit for p in share], total)):
            p.budget = budget
    return QuestionPlan(question=question.strip(), stem=stem, points=points, word_limit=limit,
                        stated_limit=stated, topics=topics, limits=limits, instructions=read_instructions(question),
                        title=question_title(question), limit_note=limit_note,
                        requirements=listed_requirements(question),
                        char_limit=limits.chars if word_limit is None else None,
                        gates=gates_mod.place(gates_mod.read(question), points))
