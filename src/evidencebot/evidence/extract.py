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

from evidencebot.locations import parse_yaml, search_path
from evidencebot.mentions import Figure, denominator, direction_word, figure_period, period_mentions
from evidencebot.mentions import figures as figures_in
from evidencebot.metrics.catalogue import load_catalogue
from evidencebot.text import sentence_spans

__all__ = ["Claim", "Figure", "extract_claims", "indicator_terms", "period_mentions", "sentences"]


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


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (:func:`evidencebot.text.sentence_spans`)."""
    return sentence_spans(text)


@lru_cache(maxsize=8)
def _terms_from(path_key: tuple[str, float]) -> list[tuple[re.Pattern, str, str]]:
    data = parse_yaml(Path(path_key[0]).read_text(encoding="utf-8")) or {} if path_key[0] else {}
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
    for folder in search_path("phrasebank"):
        path = folder / "indicator_terms.yaml"
        if path.exists():
            return _terms_from((str(path), path.stat().st_mtime))
    return _terms_from(("", 0.0))


def extract_claims(text: str) -> list[Claim]:
    """Every sentence of ``text`` that states a figure, with what it refers to."""
    terms = indicator_terms()
    claims = []
    for a, b in sentences(text):
        sentence = text[a:b]
        figures = figures_in(sentence, a)
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
            said = figure_period(sentence, a, f, mentions)
            if said is not None:
                f.period_text, f.period_from = said.text, said.other
        claim.direction = next((f.direction for f in figures if f.direction), None) or direction_word(sentence)
        claim.denominator = denominator(sentence, figures)
        claims.append(claim)
    return claims
