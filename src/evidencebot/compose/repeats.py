"""Long proper names said once per part of an answer in full, then by a short form (issue 12; s20 reading).

An answer's blocks are filled with the buyer's own names, so one paragraph can say "Brackenford City Council and NHS
Brackenford and Moorvale Integrated Care Board" three times, or name "the Brackenford and Moorvale SMI Physical Health
Check Pathway" four times in three sentences, and a mobilisation plan's dated lines (a paragraph each) named the buyer
five times under one heading. A panel reads that as padding. :func:`shorten_paragraph` keeps the first mention of each
long name in a run of sentences and says the later ones by a short form ("the commissioners", "the pathway");
:func:`apply` does it for each part of an answer (the sentences under one heading) before they are laid out, and
undoes its own earlier change first, so the part's first kept sentence naming it always carries the full name
whatever the trimmer has dropped since.

Vocabulary: ``phrasebank/second_mentions.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from evidencebot.compose.filters import load_phrasebank, phrasebank_file

PHRASEBANK = "second_mentions.yaml"


@dataclass(frozen=True)
class _Names:
    pattern: re.Pattern
    heads: dict[str, str]
    organisations: tuple[str, ...]
    joined: str
    min_words: int
    leads: frozenset[str]


@functools.lru_cache(maxsize=4)
def _names_for(path: str, mtime: float) -> _Names:
    data = load_phrasebank(PHRASEBANK)
    heads = {k.lower(): v for k, v in (data.get("heads") or {}).items()}
    inner = "|".join(re.escape(w) for w in data.get("inner") or [])
    head = "|".join(r"\s+".join(re.escape(w.title()) for w in h.split()) for h in sorted(heads, key=len, reverse=True))
    word = r"(?:NHS|ICB|SMI|[A-Z][\w'’&-]*)"
    # a capitalised word, then capitalised or joining words, ending in a head (a version may follow it)
    pattern = re.compile(
        rf"(?<![\w-])(?P<name>{word}(?:\s+(?:{word}|{inner}))*\s+(?P<head>{head})(?:\s+v\d+(?:\.\d+)*)?)(?![\w-])")
    return _Names(pattern, heads, tuple(o.lower() for o in data.get("organisations") or []),
                  data.get("joined", "the commissioners"), int(data.get("min_words", 4)),
                  frozenset(w.lower() for w in data.get("leads") or []))


def _names() -> _Names:
    path = phrasebank_file(PHRASEBANK)
    return _names_for(str(path), path.stat().st_mtime)


def _short(name: str, head: str, names: _Names) -> str:
    """The short form of ``name`` whose last word(s) are ``head``."""
    org_head = r"(?:" + "|".join(re.escape(o) for o in names.organisations) + r")"
    if re.search(rf"\b{org_head}\s+and\s+\S", name, re.I) and re.search(rf"\b{org_head}$", name, re.I):
        return names.joined
    said = " ".join(name.lower().split())
    longest = max((h for h in names.heads if said.endswith(" " + h)), key=len, default=" ".join(head.lower().split()))
    return names.heads[longest]


def mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, short form) of each long name in ``text``; a "the" before it is inside the span."""
    names = _names()
    out = []
    for m in names.pattern.finditer(text):
        # a run that starts with a sentence's first word ('Where the X Pathway ...', 'The X Pathway') starts at its
        # first proper word
        tokens = list(re.finditer(r"\S+", m.group("name")))
        while tokens and tokens[0].group().lower() in names.leads:
            tokens = tokens[1:]
        if len(tokens) < names.min_words:
            continue
        start = m.start("name") + tokens[0].start()
        name = text[start:m.end("name")]
        if text[max(0, start - 4):start].lower() == "the ":
            start -= 4
        out.append((start, m.end("name"), name, _short(name, m.group("head"), names)))
    return out


def shorten_paragraph(texts: list[str]) -> list[str]:
    """``texts`` (one paragraph's sentences, in order) with every long name after its first mention in the
    paragraph said by its short form."""
    seen: set[str] = set()
    out = []
    for text in texts:
        pieces, last = [], 0
        for start, end, name, short in mentions(text):
            key = " ".join(name.split()).lower()
            if key not in seen:
                seen.add(key)
                continue
            head = text[:start].rstrip()
            said = short[0].upper() + short[1:] if not head or head.endswith((".", ":", "!", "?")) else short
            pieces.append(text[last:start])
            pieces.append(said)
            last = end
        pieces.append(text[last:])
        out.append("".join(pieces))
    return out


def apply(paragraphs: list[list]) -> None:
    """Shorten the later mentions in each paragraph of units (objects with ``text``), in place. A unit this changed
    before is first put back as it was (unless its text has been changed since by someone else), so the first unit
    still kept in a paragraph names in full."""
    for units in paragraphs:
        for u in units:
            said = getattr(u, "said_short", None)
            if said and u.text == said[1]:
                u.text = said[0]
            u.said_short = None
        for u, new in zip(units, shorten_paragraph([u.text for u in units])):
            if new != u.text:
                u.said_short = (u.text, new)
                u.text = new
