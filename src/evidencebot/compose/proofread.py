"""A proofreading pass over our drafted text for the substitution errors a panel reads as carelessness (issue 12,
session 24; tests/data/heldout/s23/panel/scorer2.md, spent).

Our text is built by putting the buyer's names, figures and units into approved sentences, and a substitution can
leave a sentence broken: a unit said twice around a figure ('69.8 per 100 people for crisis events per 100 people'),
a singular verb after a plural put in ('the commissioners is told'), a count word that no longer matches its list
('three steps: a; b; c; d'), a word said twice where two wordings met ('By by 30 November 2026'), or a date put in place of a phrase ending in a noun of time ('by 15 March 2027 month'), or 'the' put before a
building's own name by a template written for 'the {named}' ('agree with the Anchor House').
:func:`mend` puts right what can be put right from the sentence itself and says what it did; :func:`flags` names what
it cannot (a date before a noun of time: the words it replaced are not known). The assembler runs it over every part
before the checker (:func:`mend_sections`), and prints what it did in the coverage.

The vocabulary is data: ``phrasebank/proofread.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidencebot.compose.filters import load_phrasebank, phrasebank_file
from evidencebot.compose.repeats import count_mismatches
from evidencebot.text import phrase_alternation

PHRASEBANK = "proofread.yaml"


@lru_cache(maxsize=4)
def _spec(path: str, mtime: float) -> dict:
    data = load_phrasebank(PHRASEBANK) or {}
    verbs = {str(k).lower(): str(v) for k, v in (data.get("singular_verbs") or {}).items()}
    numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
    return {
        "verbs": verbs,
        "numbers": numbers,
        "words": {v: k for k, v in numbers.items()},
        "singular": frozenset(str(w).lower() for w in data.get("singular_in_s") or []),
        # a figure, a unit of two to four words after it, up to eight words without a figure, the same unit again
        "repeat": re.compile(r"(?P<fig>(?!(?:19|20)\d\d\b)\d[\d.,]*%?)\s+"
                             rf"(?P<unit>(?!(?i:{phrase_alternation(data.get('not_unit_openers'))})\b)[A-Za-z]+(?:\s+[A-Za-z0-9](?:\w|[.,](?=\d))*){{1,3}})\b"
                             r"(?P<mid>(?:\s+(?!\d)[\w'’-]+){1,8}?)\s+(?P=unit)\b"),
        # a plural subject opening a sentence or clause, then a singular verb
        "agree": re.compile(rf"(?:^|(?<=[.!?:;]\s)|\b(?i:{phrase_alternation(data.get('clause_openers'))})\s+)"
                            rf"(?P<det>[Tt]he|[Oo]ur|[Tt]heir|[Tt]hese|[Tt]hose)\s+(?P<noun>[a-z]+s)\s+"
                            rf"(?P<verb>{phrase_alternation(verbs)}|[a-z]+[^s\W']s(?=\s+(?:{phrase_alternation(data.get('after_verb'))})\b))\b"),
        "count": re.compile(rf"\b(?P<n>{phrase_alternation(numbers)})\s+(?P<noun>(?:[a-z-]+\s+){{0,2}}[a-z-]+s)\s*:\s+"
                            r"(?P<list>[^.\n]+)", re.I),
        "doubled": re.compile(rf"\b(?P<w>{phrase_alternation(data.get('doubled_words'))})\s+(?P=w)\b", re.I),
        # 'the' before a building's own name ('with the Anchor House and ...'), not before a described name ('the
        # Tidewater Crisis House') nor before a name that stands before its own noun ('the Anchor House team')
        "article": re.compile(rf"\b(?P<the>[Tt]he)\s+(?P<name>(?:(?!(?:{phrase_alternation(data.get('described_names'))})\b)"
                              rf"[A-Z][\w'’-]*\s+){{1,3}}(?:{phrase_alternation(data.get('no_article_heads'))}))\b"
                              rf"(?!['’]|\s+(?:{phrase_alternation(data.get('name_modifies'))}|[A-Z])\b)"),
        "date_noun": re.compile(rf"\b\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s+(?:{phrase_alternation(data.get('time_nouns'))})\b"),
        # an opener a template puts before sentences of its kind, and the openers a later one takes (:func:`vary_openers`)
        "openers": [(re.compile(str(o.get("said")), re.I), [str(a) for a in o.get("as") or []])
                    for o in data.get("openers") or [] if o.get("said")],
    }


def _s() -> dict:
    path = phrasebank_file(PHRASEBANK)
    return _spec(str(path), path.stat().st_mtime)


def _plural(noun: str, singular: frozenset[str]) -> bool:
    low = noun.lower()
    return low not in singular and not re.search(r"(?:ss|us|is|ics)$", low)


def _items(listed: str) -> int:
    """How many items a list after a colon holds: parts apart by semicolons; 0 when it has none (a list apart by
    commas is not counted: 'weight or body mass index, blood pressure, ...' has items holding 'or' and 'and')."""
    parts = [p for p in re.split(r"\s*;\s*", listed) if p.strip()]
    return len(parts) if len(parts) >= 2 else 0


def mend(text: str) -> tuple[str, list[str]]:
    """``text`` with its substitution errors put right, and what was changed ('X' -> 'Y')."""
    s = _s()
    done: list[str] = []

    def unit(m: re.Match) -> str:
        done.append(f"'{m.group(0)}' -> '{m.group('fig')} {m.group('unit')}{m.group('mid')}' (a unit said twice)")
        return f"{m.group('fig')} {m.group('unit')}{m.group('mid')}"

    text = s["repeat"].sub(unit, text)

    def agree(m: re.Match) -> str:
        if not _plural(m.group("noun"), s["singular"]):
            return m.group(0)
        verb = m.group("verb")
        plural = s["verbs"].get(verb.lower()) or verb[:-1]  # 'signs off' -> 'sign off'
        new = m.group(0)[:m.start("verb") - m.start()] + plural
        said = m.group(0)[m.start("det") - m.start():]
        done.append(f"'{said}' -> '{new[m.start('det') - m.start():]}' (the verb agrees with its subject)")
        return new

    text = s["agree"].sub(agree, text)

    def count(m: re.Match) -> str:
        n = s["numbers"][m.group("n").lower()]
        listed = _items(m.group("list"))
        if not listed or listed == n or listed not in s["words"]:
            return m.group(0)
        word = s["words"][listed]
        word = word.capitalize() if m.group("n")[:1].isupper() else word
        new = word + m.group(0)[len(m.group("n")):]
        done.append(f"'{m.group('n')} {m.group('noun')}' -> '{word} {m.group('noun')}' ({listed} listed)")
        return new

    text = s["count"].sub(count, text)

    def doubled(m: re.Match) -> str:
        done.append(f"'{m.group(0)}' -> '{m.group('w')}' (a word said twice)")
        return m.group("w")

    text = s["doubled"].sub(doubled, text)

    def article(m: re.Match) -> str:
        done.append(f"'{m.group(0)}' -> '{m.group('name')}' (a building's own name takes no article)")
        return m.group("name")

    text = s["article"].sub(article, text)
    return text, done


def flags(text: str) -> list[str]:
    """What :func:`mend` cannot put right: a date before a noun of time, a count its sentences after it do not
    match (:func:`repeats.count_mismatches`)."""
    out = [f"'{m.group(0)}': a date where words were replaced" for m in _s()["date_noun"].finditer(text or "")]
    return out + [f"{c}: the count does not match its list" for c in count_mismatches(text)]


_LEADING_ALSO = re.compile(r"^(?:Also,?\s+(?=[a-z])|(?P<subj>We|Our\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:(?P<aux>will|can|would|shall|"
                           r"do|does|are|is|have|has)\s+)?also\s+(?=[a-z]))")
"""A sentence that opens by saying 'also' of what it does ('We will also deliver ...', 'Also, we ...')."""


def without_leading_also(text: str) -> str:
    """``text`` with its opening 'also' gone ('We will also deliver ...' -> 'We will deliver ...'; 'Also, we run ...'
    -> 'We run ...')."""
    m = _LEADING_ALSO.match(text or "")
    if m is None:
        return text
    if m.group("subj") is None:
        rest = text[m.end():]
        return rest[:1].upper() + rest[1:]
    aux = f" {m.group('aux')}" if m.group("aux") else ""
    return f"{m.group('subj')}{aux} {text[m.end():]}"


def _openers() -> list[tuple[re.Pattern, list[str]]]:
    return _s()["openers"]


def _with_opener(text: str, pattern: re.Pattern, said: str) -> str:
    """``text`` opened by ``said`` in place of what ``pattern`` matches at its start (its own when none)."""
    m = pattern.match(text or "")
    if m is None:
        return text
    rest = text[m.end():]
    if not said:
        return rest[:1].upper() + rest[1:]
    return said + (rest[:1].lower() + rest[1:] if rest[:2] != rest[:2].upper() else rest)


def vary_openers(sections: list) -> dict[str, list[str]]:
    """The sentences of an answer (every part's kept units, in order) that open as an earlier one does with an opener
    of ``openers`` (phrasebank: 'In our current service, ...' three times in s37 q03) said with the next of its other
    openers, in place (their shorter and longer wordings too); returns, per part key, what was changed. An opener
    this changed before is first put back, so the first sentence still kept always has the phrasebank's own."""
    openers = _openers()
    if not openers:
        return {}
    units = []
    for sec in sections:
        for u in sec.units:
            was = getattr(u, "opened", None)
            if was and u.text == was[1]:
                for attr, old in was[2].items():
                    setattr(u, attr, old)
            u.opened = None
        kept = [(i, u) for i, u in enumerate(sec.units) if u.kept]
        units += [(sec, u) for _, u in sorted(kept, key=lambda iu: (iu[1].paragraph, iu[0]))]
    seen: dict[int, int] = {}
    out: dict[str, list[str]] = {}
    for sec, u in units:
        for n, (pattern, others) in enumerate(openers):
            m = pattern.match(u.text or "")
            if m is None:
                continue
            k = seen.get(n, 0)
            seen[n] = k + 1
            if k == 0 or k > len(others):
                break
            said = others[k - 1]
            old = {a: getattr(u, a) for a in ("text", "short", "full") if getattr(u, a, None)}
            for attr, was in old.items():
                setattr(u, attr, _with_opener(was, pattern, said))
            u.opened = (old["text"], u.text, old)
            out.setdefault(sec.point.key, []).append(
                f"proofread: '{m.group(0).strip()}' opened an earlier sentence: said '{said.strip()}' here")
            break
    return out


def mend_sections(sections: list) -> dict[str, list[str]]:
    """Each part's units mended in place (:func:`mend`: their text and the shorter and longer wordings the trimmer
    may switch to); returns, per part key, what was changed and what is flagged."""
    out: dict[str, list[str]] = {}
    for sec in sections:
        notes: list[str] = []
        for u in sec.units:
            for attr in ("text", "short", "full"):
                was = getattr(u, attr, None)
                if not was:
                    continue
                new, done = mend(was)
                if new != was:
                    setattr(u, attr, new)
                    if attr == "text" and u.kept:
                        notes += [f"proofread: {d}" for d in done]
        kept = [u for u in sec.units if u.kept]
        # the first by paragraph, then by place in the part (not kept.index: a search per comparison, by equality)
        first = min(enumerate(kept), key=lambda iu: (iu[1].paragraph, iu[0]))[1] if kept else None
        if first is not None and _LEADING_ALSO.match(first.text):
            # the part's first sentence says 'also' of nothing before it ('We will also deliver sessions at partner
            # sites ...', the buyer's bullet said back: s32 q01, the answer's first sentence): the 'also' goes
            for attr in ("text", "short", "full"):
                was = getattr(first, attr, None)
                if was:
                    setattr(first, attr, without_leading_also(was))
            notes.append("proofread: 'also' dropped from the part's first sentence")
        said = " ".join(u.text for u in sec.kept_units())
        notes += [f"proofread, to check: {f}" for f in flags(said)]
        if notes:
            out[sec.point.key] = notes
    for key, varied in vary_openers(sections).items():
        out.setdefault(key, []).extend(varied)
    return out
