"""Mentions in a sentence: figures, periods, denominators (bases) and baselines.

Plain pattern work on text (no parse), with character offsets, shared by the
claims reader (:mod:`evidencebot.evidence.extract`), the checker's figure rules
and the composer. Imports only :mod:`evidencebot.text` and the standard library.

* :func:`figures` -- each figure in a sentence: a percentage, a rate per 100,
  "37 of 45", "from 19% to 13%" (its baseline), "fell by 30%", "halved", a
  time ("within 48 hours", a standard), a count of people or events.
* :func:`period_mentions` -- each period named ("2025/26 Q3", "Oct 2025 to Sep
  2026", "between Q1 and Q4 2025/26", "the last six months").
* :func:`denominator` -- the base a figure is out of: "n=45", "(base about 40)",
  "of 45 people", "numerator about 160; denominator about 220".
* :func:`has_baseline` -- whether the sentence gives something to compare with
  ("from 19% to 13%", "up from", "compared with", "against 2024/25").
* :func:`find_period` -- the period a request asks for ("indicators for fy 2025-26 q3",
  "last 6 months"), in the words :func:`evidencebot.metrics.periods.parse_period` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidencebot.text import MONTH_NAMES, MONTH_PATTERN, NUMBER_WORDS, lower_words, month_number, number_word_pattern


def _pattern(*parts: str) -> re.Pattern:
    """One case-blind pattern from its parts, written one alternative a line."""
    return re.compile("".join(parts), re.I)


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_PCT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b)"
_WORD_FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "a quarter": 25.0,
    "a fifth": 20.0,
    "two thirds": 200 / 3,
    "three quarters": 75.0,
}
_MULTIPLES = {"halved": ("fall", 50.0), "doubled": ("rise", 100.0), "trebled": ("rise", 200.0), "tripled": ("rise", 200.0)}
FALL_WORDS = (
    "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "decreased", "decrease", "decreases",
    "reduced", "reduce", "reduces", "reduction", "declined", "decline", "declines", "lowered", "lower",
    "cut", "cuts", "down", "improved", "shortened", "shorter", "fewer", "less",
)
RISE_WORDS = (
    "rose", "rise", "rises", "rising", "increased", "increase", "increases", "grew", "grow", "up",
    "higher", "more", "longer", "doubled", "climbed",
)
_CHANGE_VERB = (
    r"(?P<verb>fell|dropped|decreased|reduced|declined|lowered|cut|went down|came down|"
    r"rose|increased|grew|went up|climbed|improved|shortened|lengthened)"
)

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # from 19% to 13%, from 60 to 20 hours
    ("from_to", re.compile(
        rf"\bfrom\s+(?P<a>{_NUM})(?P<apct>{_PCT})?(?:\s+(?P<aunit>hours|days|per\s100))?\s+(?:to|down to|up to)\s+"
        rf"(?P<b>{_NUM})(?P<bpct>{_PCT})?(?:\s+(?P<bunit>hours?|days?|per\s100))?", re.I)),
    # fell by 30%, rose by 5 percentage points, reduced by a quarter
    ("change", re.compile(
        rf"\b{_CHANGE_VERB}\s+(?:by\s+)?(?:(?P<n>{_NUM})(?P<pct>{_PCT}|\s+percentage\s+points?|\s+points?)?"
        rf"|(?P<frac>half|a half|a third|a quarter|a fifth|two thirds|three quarters))(?![\w/-])", re.I)),
    ("multiple", re.compile(r"\b(?P<word>halved|doubled|trebled|tripled)\b", re.I)),
    # 37 of 45, 37 out of 45
    ("fraction", re.compile(
        rf"\b(?P<a>{_NUM})\s+(?:of|out\s+of)\s+(?P<b>{_NUM})\b(?!\s*(?:%|per\s?cent|points?\b|months?\b))", re.I)),
    # 6.7 per 100 people
    ("rate", re.compile(
        rf"(?P<n>{_NUM})\s+(?:[a-z&-]+\s+){{0,3}}per\s+100\b(?:\s+(?:people|service users|on (?:the |our )?caseload))?",
        re.I)),
    ("percent", re.compile(rf"(?P<n>{_NUM}){_PCT}", re.I)),
    # median of 20 hours, 20 hours, within 48 hours
    ("time", re.compile(rf"(?P<within>within\s+)?(?P<n>{_NUM})(?:\s|-)(?P<unit>hours?|days?|weeks?)\b", re.I)),
    ("count", re.compile(
        rf"(?<![\d.,/-])(?P<n>{_NUM})\s+(?P<noun>people|service users|clients|individuals|discharges|contacts|"
        r"crisis events|crisis presentations|presentations|admissions|readmissions|escalations|referrals|"
        r"goals|stories|incidents|step-ups|appointments)\b", re.I)),
]

_PERIOD_ATOM = (
    rf"(?:(?:fy\s?)?\d{{4}}/\d{{2}}\s*q[1-4]|q[1-4]\s*(?:of\s+)?(?:fy\s?)?\d{{4}}/\d{{2}}|(?:fy\s?)?\d{{4}}/\d{{2}}"
    rf"|\d{{4}}-q[1-4]|q[1-4]\s+\d{{4}}|\d{{4}}-\d{{2}}\.\.\d{{4}}-\d{{2}}|\d{{4}}-(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{MONTH_PATTERN}\s+\d{{4}}|q[1-4])"
)
_PERIOD_RANGE = _pattern(
    rf"\b(?:(?:between|from)\s+)?(?P<a>{_PERIOD_ATOM})\s*(?:\s(?:and|to|until)\s|–|—|\s-\s)\s*(?P<b>{_PERIOD_ATOM})\b",
)
# "95% CI 53% to 82%", "(95% confidence interval 1.8 to 17.1)": statistics about a
# figure, not figures of their own.
_CI = _pattern(
    rf"\b\d{{2}}(?:\.\d+)?\s?%\s*(?:CI|confidence interval)\b[:\s]*(?:{_NUM}\s?%?\s*(?:to|-|–)\s*{_NUM}\s?%?"
    r"(?:\s*(?:per\s100|hours|days))?)?",
)
_CLAUSE_BREAK = re.compile(r"[;,()]|\bcompared\b|\bagainst\b|\bversus\b|\bvs\.?\b", re.I)
_PERIOD = re.compile(rf"\b(?P<p>{_PERIOD_ATOM})\b", re.I)
_RELATIVE = _pattern(
    r"\b(?P<p>(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:last|past|previous|this)\s+"
    rf"(?:(?:\d+|{number_word_pattern()})\s+months?|quarter|month|year|"
    r"financial\s+year))\b",
)
_NUMBER_WORD = re.compile(rf"\b{number_word_pattern()}\b", re.I)
_FROM_TO = dict(_PATTERNS)["from_to"]
_FRACTION = dict(_PATTERNS)["fraction"]
# "n=45", "(n ≈ 45)", "base of about 40", "denominator about 220", "denominator: 97", "of 45 people",
# "12 of about 95" (a rounded count is a base too): the base a figure is out of.
_ABOUT = r"(?:about|around|roughly|approximately|approx\.?|some|~)"
_DENOMINATOR = _pattern(
    rf"\(?\bn\s?[=≈]\s?(?P<n>{_NUM})\)?"
    rf"|\b(?:base|denominator):?\s+(?:of\s+|was\s+|is\s+)?(?:{_ABOUT}\s+)?(?P<k>{_NUM})\b"
    rf"|\b(?:of|out of)\s+(?P<m>{_NUM})\s+(?:people|service users|discharges|contacts|clients|referrals)\b"
    rf"|\bof\s+(?:about|approximately)\s+(?P<r>{_NUM})\b",
)


@dataclass
class Figure:
    """One figure in a sentence, with offsets into the whole text."""

    kind: str
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None  # percent, per_100, hours, days, weeks, points, count, ratio
    baseline: float | None = None  # the "from" value of "from X to Y"
    numerator: float | None = None
    denominator: float | None = None
    direction: str | None = None  # "fall" | "rise" for changes
    decimals: int = 0  # reported precision of value
    period_text: str | None = None  # the period this figure speaks of, when the sentence names several
    period_from: str | None = None  # first period of a span such as "Oct 2025 to Sep 2026"


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    return float(text.replace(",", ""))


def _value(text: str) -> float:
    """A number the pattern always captures ("1,200" -> 1200.0)."""
    return float(text.replace(",", ""))


def _decimals(text: str) -> int:
    text = text.replace(",", "")
    return len(text.split(".")[1]) if "." in text else 0


def _unit_of(pct: str | None, unit: str | None) -> str | None:
    if pct:
        return "points" if "point" in pct.lower() else "percent"
    if unit:
        u = unit.lower().rstrip("s")
        return {"hour": "hours", "day": "days", "per 100": "per_100", "week": "weeks"}.get(u, u)
    return None

def figures(sentence: str, offset: int = 0) -> list[Figure]:
    """Every figure in ``sentence``, in order; offsets are ``offset`` + the place in the sentence.

    Statistics about a figure ("95% CI 53% to 82%") are not figures of their own."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _CI.finditer(sentence):
        taken.append(m.span())
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            fig = Figure(kind=kind, start=offset + a, end=offset + b, text=m.group())
            if kind == "from_to":
                base, value = _value(g["a"]), _value(g["b"])
                fig.baseline, fig.value = base, value
                fig.unit = _unit_of(g["bpct"] or g["apct"], g["bunit"] or g["aunit"])
                fig.direction = "fall" if value < base else "rise" if value > base else None
                fig.decimals = _decimals(g["b"])
            elif kind == "change":
                verb = g["verb"].lower()
                fig.direction = "rise" if verb in ("rose", "increased", "grew", "went up", "climbed", "lengthened") else "fall"
                if g["frac"]:
                    fig.value, fig.unit = _WORD_FRACTIONS[g["frac"].lower()], "percent"
                else:
                    fig.value, fig.unit = _num(g["n"]), _unit_of(g["pct"], None) or "count"
                    fig.decimals = _decimals(g["n"])
            elif kind == "multiple":
                fig.direction, fig.value = _MULTIPLES[g["word"].lower()]
                fig.unit = "percent"
            elif kind == "fraction":
                k, n = _value(g["a"]), _value(g["b"])
                fig.numerator, fig.denominator = k, n
                if n and k <= n:
                    fig.value, fig.unit = 100 * k / n, "percent"
                else:
                    continue
            elif kind == "rate":
                fig.value, fig.unit, fig.decimals = _num(g["n"]), "per_100", _decimals(g["n"])
            elif kind == "percent":
                fig.value, fig.unit, fig.decimals = _num(g["n"]), "percent", _decimals(g["n"])
            elif kind == "time":
                fig.value, fig.unit, fig.decimals = _num(g["n"]), _unit_of(None, g["unit"]), _decimals(g["n"])
                if g["within"] or "-" in m.group():
                    fig.kind = "standard"  # "within 48 hours", "30-day readmission": a standard, not a result
            elif kind == "count":
                fig.value, fig.unit = _num(g["n"]), "count"
            taken.append((a, b))
            found.append(fig)
    found.sort(key=lambda f: f.start)
    return found


@dataclass
class Mention:
    """A period named in a sentence, with offsets into the sentence."""

    start: int
    end: int
    text: str  # the period (for a pair, the later one)
    other: str | None = None  # the earlier period of a pair


def _clean_atom(a: str, b: str) -> tuple[str, str | None]:
    """Normalise a pair of period atoms; a bare quarter borrows the other's year."""
    year = re.search(r"(?:fy\s?)?\d{4}/\d{2}|\d{4}", b, re.I)
    if re.fullmatch(r"q[1-4]", a, re.I) and year:
        a = f"{year.group()} {a.upper()}" if "/" in year.group() else f"{a.upper()} {year.group()}"
    if re.fullmatch(r"q[1-4]", b, re.I):
        return a, None
    return b, a


# Two months and one year ("Jul-Sep 2026", "July to September 2026"): one period, the months it spans; read the
# same in prose (period_mentions) and in a request (find_period).
_TWO_MONTHS = (rf"(?P<m1>{MONTH_PATTERN})\.?\s*(?:–|—|-|\s(?:to|until|through)\s)\s*(?P<m2>{MONTH_PATTERN})\.?\s+"
               rf"(?P<y>\d{{4}})")
_MONTHS_OF_A_YEAR = _pattern(rf"\b{_TWO_MONTHS}\b")


def _two_months(m: re.Match) -> tuple[int, int, int, int] | None:
    """(first month, its year, last month, its year) of a :data:`_TWO_MONTHS` match; the first month is in the year
    before when the span crosses a new year ("Nov-Feb 2026")."""
    first, last, year = month_number(m.group("m1")), month_number(m.group("m2")), int(m.group("y"))
    if first is None or last is None:  # the pattern names only months: never, but the types allow it
        return None
    return first, year - 1 if first > last else year, last, year


def period_mentions(sentence: str) -> list[Mention]:
    """Every period the sentence names, with its span (pairs such as
    "between Q1 and Q4 2025/26" or "Oct 2025 to Sep 2026" as one mention; "Jul-Sep 2026" as one
    period, written as parse_period reads it: "2026-07..2026-09")."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _MONTHS_OF_A_YEAR.finditer(sentence):
        span = _two_months(m)
        if span is None:
            continue
        first, first_year, last, year = span
        found.append(Mention(m.start(), m.end(), f"{first_year}-{first:02d}..{year}-{last:02d}"))
        taken.append(m.span())
    for m in _PERIOD_RANGE.finditer(sentence):
        if any(x <= m.start() < y for x, y in taken):
            continue
        b, a = _clean_atom(m.group("a").strip(), m.group("b").strip())
        if a is None:
            continue
        found.append(Mention(m.start(), m.end(), b, a))
        taken.append(m.span())
    for m in _PERIOD.finditer(sentence):
        if any(x <= m.start() < y for x, y in taken):
            continue
        text = m.group("p").strip()
        if re.fullmatch(r"q[1-4]", text, re.I):
            continue  # a bare quarter names no year
        found.append(Mention(m.start(), m.end(), text))
    for m in _RELATIVE.finditer(sentence):
        if any(x <= m.start() < y for x, y in taken):
            continue
        text = re.sub(r"^(?:in|over|during)\s+(?:the\s+)?|^the\s+", "", m.group("p"), flags=re.I)
        text = re.sub(r"\bpast\b|\bprevious\b", "last", text, flags=re.I)
        text = _NUMBER_WORD.sub(lambda w: str(NUMBER_WORDS[w.group().lower()]), text)
        found.append(Mention(m.start(), m.end(), text.lower()))
    found.sort(key=lambda x: x.start)
    return found


def figure_period(sentence: str, offset: int, fig: Figure, mentions: list[Mention]) -> Mention | None:
    """The period a figure speaks of: one that follows it in the same clause
    ("78% in Oct 2024 to Sep 2025"), else the nearest one before it."""
    a, b = fig.start - offset, fig.end - offset
    for m in mentions:
        if m.start >= b and m.start - b <= 40 and not _CLAUSE_BREAK.search(sentence[b:m.start]):
            return m
    before = [m for m in mentions if m.end <= a]
    if before:
        return before[-1]
    return mentions[0] if mentions else None


def direction_word(sentence: str) -> str | None:
    """"fall" or "rise" when the sentence uses a verb of change, else None."""
    words = lower_words(sentence)
    if any(w in ("fell", "dropped", "decreased", "reduced", "declined", "lowered", "halved", "shortened", "fewer") for w in words):
        return "fall"
    if any(w in ("rose", "increased", "grew", "doubled", "climbed", "lengthened") for w in words):
        return "rise"
    return None



def denominator(sentence: str, found: list[Figure] | None = None) -> float | None:
    """The base the sentence states for its figures ("n=45", "(base about 40)",
    "numerator about 160; denominator about 220" -> 220, "of 45 people", "12 of about
    95"), else
    the denominator of a fraction such as "37 of 45"; None when it states none.
    ``found``: the sentence's :func:`figures`, when the caller has them already."""
    d = _DENOMINATOR.search(sentence)
    if d:
        return _num(d.group("n") or d.group("k") or d.group("m") or d.group("r"))
    if found is None:  # only a fraction can give one: no need to find every figure
        for m in _FRACTION.finditer(sentence):
            k, n = _value(m.group("a")), _value(m.group("b"))
            if n and k <= n:
                return n
        return None
    return next((f.denominator for f in found if f.denominator), None)


# Words that set a figure against another: "compared with", "up from", "against 2024/25".
_COMPARISON = _pattern(
    r"\bcompared\s+(?:with|to)\b|\bversus\b|\bvs\.?(?=\s)|\bbaseline\b|\b(?:up|down)\s+from\b"
    r"|\bagainst\s+(?:the\s+)?(?:\d|q[1-4]\b|last\b|previous\b|the\s+year\s+before\b|a\s+baseline\b)"
    r"|\bthan\s+(?:in|at|last|before|\d)\b|\bthe\s+(?:year|quarter|month)\s+before\b",
)


def has_baseline(sentence: str) -> bool:
    """True when the sentence gives its figure something to compare with: a
    "from X to Y" figure, a pair of periods ("between Q1 and Q4 2025/26"), or a
    comparison ("up from 40%", "compared with 2024/25", "against a baseline")."""
    if _COMPARISON.search(sentence) or _FROM_TO.search(sentence):
        return True
    return bool(_PERIOD_RANGE.search(sentence)) and any(m.other for m in period_mentions(sentence))


def has_period(sentence: str) -> bool:
    """True when the sentence names a period ("in 2025/26 Q3", "the last six months")."""
    return bool((_PERIOD.search(sentence) or _RELATIVE.search(sentence)) and period_mentions(sentence))


# ------------------------------------------------------------- periods asked for

# A request names a period more loosely than prose does ("fy 2025-26", "2025 q3", "2025/2026",
# "this fy"), and in the words evidencebot.metrics.periods.parse_period reads.
_FY = r"(?:fy\s?)?\d{4}\s?[/-]\s?(?:\d{4}|\d{2})"
_REQUEST_ATOM = (
    rf"(?:{_FY}\s*,?\s*q[1-4]|q[1-4]\s*(?:of\s+)?{_FY}|{_FY}"
    rf"|\d{{4}}\s?-?\s?q[1-4]|q[1-4]\s+\d{{4}}|{MONTH_PATTERN}\.?\s+\d{{4}}|\d{{4}}-\d{{2}}(?!\d))"
)
_REQUEST_RELATIVE = (
    r"(?:this|last|previous|past|the\s+last|the\s+past|current)\s+"
    r"(?:\d{1,3}\s+months?|month|quarter|year|financial\s+year|fy)"
)
# Two months and one year ("July to September 2026", "Jul-Sep 2026"), and a quarter or year named by its
# last month ("the quarter ending September 2026", "the year to March 2026"): read as the months they span.
_MONTH_SPAN = (
    rf"{_TWO_MONTHS}"
    rf"|(?:the\s+)?(?P<unit>quarter|three\s+months|(?:financial\s+)?year|twelve\s+months|12\s+months)\s+"
    rf"(?:ending|ended|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<m3>{MONTH_PATTERN})\.?\s+(?P<y3>\d{{4}})"
)
REQUEST_PERIOD = _pattern(
    rf"(?<![\w/])(?P<p>{_MONTH_SPAN}"
    rf"|{_REQUEST_ATOM}\s*(?:\.\.|\bto\b|–|-(?=\s))\s*{_REQUEST_ATOM}"
    rf"|{_REQUEST_RELATIVE}|{_REQUEST_ATOM})(?![\w/])",
)


def _month_span(m: re.Match) -> str | None:
    """A month span as ``parse_period`` reads it ("July 2026 to September 2026"), or None when ``m`` is
    not one. The first month of a span that crosses a new year is in the year before ("November to
    February 2026" is November 2025 to February 2026)."""
    if m.group("m1"):
        span = _two_months(m)
        if span is None:
            return None
        first, first_year, last, year = span
        return f"{MONTH_NAMES[first - 1]} {first_year} to {MONTH_NAMES[last - 1]} {year}"
    if m.group("m3"):
        end, year = month_number(m.group("m3")), int(m.group("y3"))
        if end is None:
            return None
        last = end
        months = 3 if m.group("unit").lower().startswith(("quarter", "three")) else 12
        index = year * 12 + last - 1 - (months - 1)
        return f"{MONTH_NAMES[index % 12]} {index // 12} to {MONTH_NAMES[last - 1]} {year}"
    return None


def find_period(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The first period a request names ("2025/26 Q3", "Oct 2025 to Sep 2026", "last 6
    months"), as ``parse_period`` reads it, and where it is; (None, None) when none."""
    for m in REQUEST_PERIOD.finditer(text):
        span = _month_span(m)
        if span:
            return span, m.span("p")
        found = " ".join(m.group("p").split())
        found = re.sub(r"\s*–\s*|\s+-\s+", " to ", found)
        found = re.sub(r"^(?:the|current)\s+", lambda g: "this " if g.group(0).strip() == "current" else "", found, flags=re.I)
        return found, m.span("p")
    return None, None


# ------------------------------------------------------------- timescales

#: Days in a unit of time: the one table for every part that compares timescales (the buyer's standard against our
#: text, a record's timescale against the buyer's, two blocks' timescales, a monthly rate). A month, a quarter and a
#: year are calendar means (365.25 days a year), so '12 months' is a year and 'three-monthly' is quarterly; a
#: working day is 7/5 of a day (five working days are a week).
UNIT_DAYS: dict[str, float] = {
    "hour": 1 / 24, "day": 1.0, "calendar day": 1.0, "working day": 1.4, "business day": 1.4, "week": 7.0,
    "fortnight": 14.0, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25,
}


def time_unit(unit: str) -> str | None:
    """``unit`` as a key of :data:`UNIT_DAYS` ('Working  Days' -> 'working day'), None when it is no unit of time."""
    key = " ".join((unit or "").lower().split())
    key = key[:-1] if key.endswith("s") else key
    return key if key in UNIT_DAYS else None


def days(n: float, unit: str) -> float:
    """``n`` units of time in days: days(5, 'working days') == 7.0, days(3, 'months') == days(1, 'quarter').
    Raises ValueError for a word that is no unit of time (the patterns that find timescales name only units)."""
    key = time_unit(unit)
    if key is None:
        raise ValueError(f"not a unit of time: {unit!r}")
    return n * UNIT_DAYS[key]


# ------------------------------------------------------------- counts in digits or words

NUMBER_OR_WORD_VALUES: dict[str, int] = {w: n for w, n in NUMBER_WORDS.items() if 0 < n < 100}
"""The number words one to ninety-nine (of :data:`evidencebot.text.NUMBER_WORDS`) a count may be written in."""
NUMBER_OR_WORD = r"\d+(?:\.\d+)?|" + "|".join(
    w.replace("-", r"[-\s]") for w in sorted(NUMBER_OR_WORD_VALUES, key=len, reverse=True))
"""A pattern (no groups, not wrapped) for a number in digits or words ('10', '4.5', 'ten', 'seventy two')."""


def number_or_word(text: str | None) -> float | None:
    """The value of a number in digits or words ('ten' -> 10.0, 'seventy two' -> 72.0, '1,150' -> 1150.0), or None."""
    t = (text or "").lower().strip()
    t = "-".join(t.split()) if "-".join(t.split()) in NUMBER_OR_WORD_VALUES else t
    if t in NUMBER_OR_WORD_VALUES:
        return float(NUMBER_OR_WORD_VALUES[t])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None
