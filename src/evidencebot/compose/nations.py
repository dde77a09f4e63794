"""The buyer's nation, and our law, programmes and bodies of one nation said to a buyer in another (issue 12, s33).

Our library was written for a service in England. To a buyer in Wales (s33 panel, FIRM) it named section 42 of the
Care Act 2014, the Children Act 1989, Op COURAGE, the Duty to Refer, a primary care network, Greener NHS and Freedom
to Speak Up, and offered a professional interpreter to people who prefer Welsh where the buyer requires Welsh-speaking
staff. :func:`read` says where the buyer is from its own text (England when nothing says otherwise);
:func:`rewrite` says a sentence of ours to that buyer: a term that does not hold there is written as the buyer's own
equivalent where the buyer's text names it, else cut (a clause that the sentence stands without) or the sentence is
left out, for the writer to write the buyer's arrangement. Data: ``phrasebank/nations.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot.compose.filters import built_once, load_phrasebank

PHRASEBANK = "nations.yaml"
ENGLAND = "England"


@dataclass(frozen=True)
class Term:
    label: str
    pattern: re.Pattern
    applies: frozenset[str]
    equivalent: dict  # nation -> (text, cue pattern, ask pattern)
    clause: re.Pattern | None
    swap_only: bool
    ours: str = ""
    """The term in our library's words, for matching a buyer's equivalent to our blocks (:func:`in_our_words`):
    the row's ``ours``, else its label without a bracket ('Healthwatch (England)' -> 'Healthwatch')."""


@dataclass
class Said:
    """What :func:`rewrite` made of a sentence: its new text (None: left out), the terms written as the buyer's
    equivalent (term label, equivalent), and the terms cut or that left it out (labels)."""
    text: str | None
    swapped: list[tuple[str, str]] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _build_terms(spec: dict) -> tuple[Term, ...]:
    out = []
    for t in spec.get("terms") or []:
        # (text, cue, what an ask names it by: the row's `ask`, else its cue; `ask: false`, nothing)
        eq = {n: (str(e["text"]), re.compile(str(e["cue"])),
                  re.compile(r"(?!)" if e.get("ask") is False else str(e.get("ask") or e["cue"])))
              for n, e in (t.get("equivalent") or {}).items()}
        ours = str(t.get("ours") or re.sub(r"\s*\([^()]*\)", "", str(t["label"]))).strip()
        out.append(Term(str(t["label"]), re.compile(str(t["term"])), frozenset(t.get("applies") or [ENGLAND]), eq,
                        re.compile(str(t["clause"])) if t.get("clause") else None, bool(t.get("swap_only")), ours))
    return tuple(out)


def terms() -> tuple[Term, ...]:
    """The terms of ``nations.yaml``, built once per loaded file (:func:`built_once`: a user's copy edited while the
    app runs is read)."""
    spec = _spec()
    return built_once(spec, "nations.terms", lambda: _build_terms(spec))


def _equivalents() -> list[tuple[re.Pattern, str]]:
    """[(one pattern of every nation's cue for a term, the term in our words)], built once per loaded file."""
    return built_once(_spec(), "nations.equivalents", _build_equivalents)


def _build_equivalents() -> list[tuple[re.Pattern, str]]:
    rows: dict[str, list[str]] = {}
    for t in terms():
        for _text, _cue, ask in t.equivalent.values():
            if t.ours:
                rows.setdefault(t.ours, [])
                if ask.pattern not in rows[t.ours]:
                    rows[t.ours].append(ask.pattern)
    return [(re.compile("|".join(f"(?:{c})" for c in cues)), ours) for ours, cues in rows.items()]


def in_our_words(text: str) -> str:
    """``text`` with, after it, our library's words for each arrangement of another nation it names: a buyer's 'PVG
    scheme membership' is our 'enhanced DBS check', 'the RQIA' our 'CQC', 'the SSSC' our 'Social Work England'
    (every equivalence row of ``phrasebank/nations.yaml``, every nation). Our blocks are written in England's terms,
    so a part asking about the buyer's own found none of them (s34 q07: a PVG part filled with a social-value block;
    the app's draft of a PVG question left '[To write]' beside our safer-recruitment block). The matcher reads the
    text so expanded (:func:`evidencebot.compose.blockmatch.tokens`, the library's full-text search); the block placed
    is then said in the buyer's term by :func:`rewrite`. Unchanged when it names none, or names ours already."""
    if not text:
        return text or ""
    low = text.lower()
    add = [ours for cue, ours in _equivalents() if cue.search(text) and ours.lower() not in low]
    return f"{text} ({'; '.join(add)})" if add else text


def read(text: str) -> tuple[str, str]:
    """(the buyer's nation, the words of its text that say so): 'Wales', 'Scotland', 'Northern Ireland' or
    'England' ('' words: nothing named another nation, England by default)."""
    for nation, cue in _nation_cues():
        m = cue.search(text or "")
        if m:
            return nation, " ".join(m.group(0).split())
    return ENGLAND, ""


def _nation_cues() -> list[tuple[str, re.Pattern]]:
    """(nation, one of its cues compiled), in the file's order, built once per loaded ``nations.yaml``."""
    spec = _spec()
    return built_once(spec, "nations.cues", lambda: [(str(nation), re.compile(str(cue)))
                                                     for nation, cues in (spec.get("nations") or {}).items()
                                                     for cue in cues or []])


def _welsh(key: str) -> re.Pattern:
    """The ``welsh`` pattern ``key`` of ``nations.yaml`` compiled, once per loaded file."""
    spec = _spec()
    return built_once(spec, f"nations.welsh.{key}", lambda: re.compile(str((spec.get("welsh") or {}).get(key))))


def log_line(nation: str, cue: str) -> str:
    """The line the assemble log gives the nation read."""
    if nation == ENGLAND and not cue:
        return "the buyer's nation: England (no other nation named in the buyer's text)"
    return f"the buyer's nation: {nation} (the buyer's text says '{cue}')"


def welsh_speakers_required(buyer_text: str) -> bool:
    """The buyer requires Welsh-speaking staff or the Active Offer."""
    w = _spec().get("welsh") or {}
    return bool(w.get("requires") and _welsh("requires").search(buyer_text or ""))


def _cut_clause(text: str, clause: re.Pattern) -> str | None:
    m = clause.search(text)
    if not m:
        return None
    before, after = text[:m.start()], text[m.end():]
    if re.match(r"\s+and\s", m.group(0)) and ", " in before:
        # 'A, B and the X' with 'and the X' cut: 'A and B'
        i = before.rfind(", ")
        before = before[:i] + " and " + before[i + 2:]
    return before + after


def _welsh_interpreter(text: str) -> str | None:
    """An interpreter sentence for people who prefer Welsh: Welsh taken out of its list of languages, or None when
    Welsh is its only language; the sentence unchanged when it offers no interpreter for Welsh."""
    if not (_welsh("interpreter").search(text) and _welsh("language").search(text)):
        return text
    less = _welsh("in_list").sub("", text, count=1)
    if _welsh("language").search(less) or less == text:
        return None
    return less


def rewrite(sentence: str, nation: str, buyer_text: str, welsh: bool = False) -> Said:
    """``sentence`` of ours said to a buyer in ``nation``. A term that does not hold there: the buyer's equivalent
    where ``buyer_text`` names it; else its clause cut where one is listed, else the sentence left out (text None).
    ``welsh``: the buyer requires Welsh speakers (:func:`welsh_speakers_required`): no interpreter for Welsh."""
    said = Said(sentence)
    if nation == ENGLAND or not sentence:
        return said
    text = sentence
    for t in terms():
        if nation in t.applies or not t.pattern.search(text):
            continue
        eq = t.equivalent.get(nation)
        if eq and eq[1].search(buyer_text or ""):
            text = t.pattern.sub(eq[0], text)
            said.swapped.append((t.label, eq[0]))
            continue
        if t.swap_only:
            continue
        cut = _cut_clause(text, t.clause) if t.clause else None
        said.cut.append(t.label)
        if cut is None or t.pattern.search(cut):
            said.text = None
            return said
        text = cut
    if welsh:
        now = _welsh_interpreter(text)
        if now is None:
            said.cut.append("an interpreter for Welsh")
            said.text = None
            return said
        if now != text:
            said.cut.append("an interpreter for Welsh")
        text = now
    said.text = text
    return said


def note(label: str, nation: str) -> str:
    """The coverage row's words for a term cut or a sentence left out."""
    if label == "an interpreter for Welsh":
        return ("an interpreter offered for Welsh; the buyer requires Welsh-speaking staff (the Active Offer): write "
                "how a person who chooses Welsh is seen by a Welsh speaker")
    adjective = {"Wales": "Welsh", "Scotland": "Scottish", "Northern Ireland": "Northern Ireland"}.get(nation, nation)
    applies = next((t.applies for t in terms() if t.label == label), frozenset([ENGLAND]))
    where = " and ".join(sorted(applies)) + (" only" if len(applies) > 1 else "-only")
    return f"{where}: {label}; the buyer is in {nation}: write the {adjective} arrangement"
