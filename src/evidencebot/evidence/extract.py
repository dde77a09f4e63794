"""Find the quantitative claims in a draft.

A *claim* is a sentence that states a figure or a change: a percentage, a rate
per 100, "37 of 45", "from 19% to 13%", "fell by 30%", "halved", a median or a
time ("within 48 hours"), a count of people or events. For each claim we also
look for the period it speaks of ("in 2025/26 Q3", "between Q1 and Q4
2025/26", "last year") and the indicator it names, using the vocabulary in
``phrasebank/indicator_terms.yaml``.

Extraction is plain pattern work on the text (no parse needed), so it is fast
and gives exact character offsets into the original text. Matching a claim to
the data is :mod:`evidencebot.evidence.verify`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

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

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_PERIOD_ATOM = (
    rf"(?:(?:fy\s?)?\d{{4}}/\d{{2}}\s*q[1-4]|q[1-4]\s*(?:of\s+)?(?:fy\s?)?\d{{4}}/\d{{2}}|(?:fy\s?)?\d{{4}}/\d{{2}}"
    rf"|\d{{4}}-q[1-4]|q[1-4]\s+\d{{4}}|\d{{4}}-\d{{2}}\.\.\d{{4}}-\d{{2}}|\d{{4}}-(?:0[1-9]|1[0-2])(?!\d)"
    rf"|{_MONTHS}\s+\d{{4}}|q[1-4])"
)
_PERIOD_RANGE = re.compile(
    rf"\b(?:(?:between|from)\s+)?(?P<a>{_PERIOD_ATOM})\s*(?:\s(?:and|to|until)\s|–|—|\s-\s)\s*(?P<b>{_PERIOD_ATOM})\b",
    re.I,
)
# "95% CI 53% to 82%", "(95% confidence interval 1.8 to 17.1)": statistics about a
# figure, not figures of their own.
_CI = re.compile(
    rf"\b\d{{2}}(?:\.\d+)?\s?%\s*(?:CI|confidence interval)\b[:\s]*(?:{_NUM}\s?%?\s*(?:to|-|–)\s*{_NUM}\s?%?"
    r"(?:\s*(?:per\s100|hours|days))?)?",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;,()]|\bcompared\b|\bagainst\b|\bversus\b|\bvs\.?\b", re.I)
_PERIOD = re.compile(rf"\b(?P<p>{_PERIOD_ATOM})\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<p>(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:last|past|previous|this)\s+"
    r"(?:(?:\d+|two|three|four|five|six|nine|twelve|eighteen|twenty-four)\s+months?|quarter|month|year|"
    r"financial\s+year))\b",
    re.I,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18, "twenty-four": 24}
_DENOMINATOR = re.compile(rf"\(?\bn\s?[=≈]\s?(?P<n>{_NUM})\)?|\bbase\s+(?:of\s+)?(?:about\s+)?(?P<k>{_NUM})\b|\b(?:of|out of)\s+(?P<m>{_NUM})\s+(?:people|service users|discharges|contacts|clients|referrals)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”’)]*)\s+(?=[\"“(]?[A-Z0-9])")


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


@dataclass
class Claim:
    """A sentence with at least one figure or an explicit claim of change."""

    start: int
    end: int
    sentence: str
    figures: list[Figure] = field(default_factory=list)
    indicator: str | None = None
    indicator_term: str | None = None
    period_text: str | None = None
    compare_text: str | None = None
    direction: str | None = None
    denominator: float | None = None

    @property
    def has_period(self) -> bool:
        return self.period_text is not None

    @property
    def has_baseline(self) -> bool:
        return any(f.baseline is not None for f in self.figures) or self.compare_text is not None


def _num(text: str | None) -> float | None:
    if text is None:
        return None
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


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (a simple splitter that keeps decimals whole)."""
    spans = []
    for block in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = block.start()
        for m in _SENTENCE_END.finditer(block.group()):
            end = block.start() + m.start() + len(m.group("close"))
            spans.append((start, end))
            start = block.start() + m.end()
        spans.append((start, block.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@lru_cache(maxsize=8)
def _terms_from(path_key: tuple[str, float]) -> list[tuple[re.Pattern, str, str]]:
    import yaml

    data = yaml.safe_load(Path(path_key[0]).read_text(encoding="utf-8")) or {} if path_key[0] else {}
    merged: dict[str, list[str]] = {k: list(v) for k, v in _catalogue_terms().items()}
    for indicator, terms in data.items():
        merged.setdefault(str(indicator), []).extend(terms or [])
    compiled = []
    for indicator, terms in merged.items():
        for term in terms or []:
            words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", str(term).strip()))
            compiled.append((re.compile(rf"(?<!\w){words}(?!\w)", re.I), str(indicator), str(term)))
    compiled.sort(key=lambda t: -len(t[2]))
    return compiled


@lru_cache(maxsize=1)
def _catalogue_terms() -> dict[str, list[str]]:
    """Each indicator's own title and short title, as the catalogue words them
    (so prose that names an indicator by its title is linked to it)."""
    from evidencebot.metrics.catalogue import load_catalogue

    terms: dict[str, list[str]] = {}
    for ind in load_catalogue().values():
        names = {ind.title, getattr(ind, "short_title", None) or ind.title}
        for name in list(names):
            bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)  # "... (DNA)", "... (median)"
            names.add(bare)
        terms[ind.id] = sorted(n for n in names if n and len(n.split()) >= 2)
    return terms


def indicator_terms() -> list[tuple[re.Pattern, str, str]]:
    """Compiled (pattern, indicator id, term), longest terms first: the
    vocabulary in ``indicator_terms.yaml`` plus every catalogue title."""
    from evidencebot.locations import search_path

    for folder in search_path("phrasebank"):
        path = folder / "indicator_terms.yaml"
        if path.exists():
            return _terms_from((str(path), path.stat().st_mtime))
    return _terms_from(("", 0.0))


def _figures_in(sentence: str, offset: int) -> list[Figure]:
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
                fig.baseline, fig.value = _num(g["a"]), _num(g["b"])
                fig.unit = _unit_of(g["bpct"] or g["apct"], g["bunit"] or g["aunit"])
                fig.direction = "fall" if fig.value < fig.baseline else "rise" if fig.value > fig.baseline else None
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
                fig.numerator, fig.denominator = _num(g["a"]), _num(g["b"])
                if fig.denominator and fig.numerator <= fig.denominator:
                    fig.value, fig.unit = 100 * fig.numerator / fig.denominator, "percent"
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
class _Mention:
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


def period_mentions(sentence: str) -> list[_Mention]:
    """Every period the sentence names, with its span (pairs such as
    "between Q1 and Q4 2025/26" or "Oct 2025 to Sep 2026" as one mention)."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _PERIOD_RANGE.finditer(sentence):
        b, a = _clean_atom(m.group("a").strip(), m.group("b").strip())
        if a is None:
            continue
        found.append(_Mention(m.start(), m.end(), b, a))
        taken.append(m.span())
    for m in _PERIOD.finditer(sentence):
        if any(x <= m.start() < y for x, y in taken):
            continue
        text = m.group("p").strip()
        if re.fullmatch(r"q[1-4]", text, re.I):
            continue  # a bare quarter names no year
        found.append(_Mention(m.start(), m.end(), text))
    for m in _RELATIVE.finditer(sentence):
        if any(x <= m.start() < y for x, y in taken):
            continue
        text = re.sub(r"^(?:in|over|during)\s+(?:the\s+)?|^the\s+", "", m.group("p"), flags=re.I)
        text = re.sub(r"\bpast\b|\bprevious\b", "last", text, flags=re.I)
        for word, n in _NUMBER_WORDS.items():
            text = re.sub(rf"\b{word}\b", str(n), text, flags=re.I)
        found.append(_Mention(m.start(), m.end(), text.lower()))
    found.sort(key=lambda x: x.start)
    return found


def _figure_period(sentence: str, offset: int, fig: Figure, mentions: list[_Mention]) -> _Mention | None:
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


def _direction_word(sentence: str) -> str | None:
    words = re.findall(r"[a-z]+", sentence.lower())
    if any(w in ("fell", "dropped", "decreased", "reduced", "declined", "lowered", "halved", "shortened", "fewer") for w in words):
        return "fall"
    if any(w in ("rose", "increased", "grew", "doubled", "climbed", "lengthened") for w in words):
        return "rise"
    return None


def extract_claims(text: str) -> list[Claim]:
    """Every sentence of ``text`` that states a figure, with what it refers to."""
    terms = indicator_terms()
    claims = []
    for a, b in sentences(text):
        sentence = text[a:b]
        figures = _figures_in(sentence, a)
        if not figures:
            continue
        claim = Claim(start=a, end=b, sentence=sentence, figures=figures)
        # The indicator: the longest vocabulary term in the sentence, nearest the first figure.
        best = None
        for pattern, indicator, term in terms:
            for m in pattern.finditer(sentence):
                distance = min(abs(a + m.start() - f.start) for f in figures)
                key = (-len(term), distance)
                if best is None or key < best[0]:
                    best = (key, indicator, term)
        if best:
            claim.indicator, claim.indicator_term = best[1], best[2]
        mentions = period_mentions(sentence)
        pair = next((m for m in mentions if m.other), None)
        first = mentions[0] if mentions else None
        if pair is not None and any(f.kind in ("from_to", "change", "multiple") for f in figures):
            claim.period_text, claim.compare_text = pair.text, pair.other
        elif first is not None:
            claim.period_text = first.text
            claim.compare_text = None
        for f in figures:
            m = _figure_period(sentence, a, f, mentions)
            if m is not None:
                f.period_text, f.period_from = m.text, m.other
        claim.direction = next((f.direction for f in figures if f.direction), None) or _direction_word(sentence)
        d = _DENOMINATOR.search(sentence)
        if d:
            claim.denominator = _num(d.group("n") or d.group("k") or d.group("m"))
        elif any(f.denominator for f in figures):
            claim.denominator = next(f.denominator for f in figures if f.denominator)
        claims.append(claim)
    return claims
