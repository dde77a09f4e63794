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
from evidencebot.text import MONTH_NAMES, sentence_spans

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


# ---------------------------------------------------------------- one timeline per answer (session 21)


@functools.lru_cache(maxsize=4)
def _timeline_spec(path: str, mtime: float) -> tuple[list[re.Pattern], int]:
    data = load_phrasebank(PHRASEBANK).get("timelines") or {}
    months = "|".join(MONTH_NAMES)
    pats = [re.compile(str(a).replace("{MONTH}", f"(?:{months})"), re.I) for a in data.get("anchors") or []]
    return pats, int(data.get("min", 3))


def timeline_anchors(text: str) -> int:
    """How many dated or relative steps ``text`` walks through (``timelines.anchors`` of second_mentions.yaml)."""
    path = phrasebank_file(PHRASEBANK)
    pats, _ = _timeline_spec(str(path), path.stat().st_mtime)
    return sum(len(p.findall(text or "")) for p in pats)


def is_timeline(text: str) -> bool:
    """``text`` (a block's sentences) is a timeline: it holds ``timelines.min`` anchors or more, and at least one for
    each of its sentences (a risk register that says 'eight weeks before' of one risk is not a timeline)."""
    path = phrasebank_file(PHRASEBANK)
    _, least = _timeline_spec(str(path), path.stat().st_mtime)
    n = timeline_anchors(text)
    return n >= least and n >= len(sentence_spans(text or ""))


# ---------------------------------------------------------------- a count said agrees with its list (session 21)


@functools.lru_cache(maxsize=4)
def _count_spec(path: str, mtime: float) -> tuple[list[str], re.Pattern | None, re.Pattern | None]:
    data = load_phrasebank(PHRASEBANK).get("counted_lists") or {}
    numbers = [str(n).lower() for n in data.get("numbers") or []]
    if len(numbers) < 3 or not data.get("item"):
        return numbers, None, None
    said = "|".join(re.escape(n) for n in numbers[2:])
    announce = re.compile(rf"\b(?P<n>{said})\s+(?P<noun>[a-z-]+s)\s*[.:]?\s*$", re.I)
    return numbers, announce, re.compile(str(data["item"]))


def _block_of(unit) -> str:
    return next((r for r in getattr(unit, "refs", []) or [] if r.startswith("block:")), "")


def counts_agree(units: list) -> None:
    """Each announced count ('The mobilisation risk register ... starts with five risks.') says how many items of its
    list the part keeps (``counted_lists`` of second_mentions.yaml), in place: the items are the units of its block
    that follow it, each shaped as an item, and the count is changed when the block's whole list holds exactly the
    number announced (the announcement is then about that list), or when two or more of its items are kept. A count this changed before is first put back,
    so the trimmer's later choices are counted afresh."""
    path = phrasebank_file(PHRASEBANK)
    numbers, announce, item = _count_spec(str(path), path.stat().st_mtime)
    if announce is None or item is None:
        return
    for u in units:
        was = getattr(u, "counted", None)
        if was and was[1] in u.text:
            u.text = u.text.replace(was[1], was[0], 1)
        u.counted = None
    for i, u in enumerate(units):
        m = announce.search(u.text) if u.kept else None
        if m is None:
            continue
        n = numbers.index(m.group("n").lower())
        block = _block_of(u)
        items = []
        for v in units[i + 1:]:
            if not block or _block_of(v) != block or not item.match(v.text):
                break
            items.append(v)
        kept = sum(1 for v in items if v.kept)
        # the block's list as the part holds it may be shorter than announced already (an item said with a name the
        # answer does not use left out before the units were made: s23 q10 'starts with five risks', four listed):
        # two kept items or more after the count are its list (as :func:`count_mismatches` reads it)
        if kept in (0, n) or (len(items) != n and kept < 2):
            continue
        noun = m.group("noun") if kept > 1 else re.sub(r"s$", "", m.group("noun"))
        old, new = m.group("n") + u.text[m.end("n"):m.end("noun")], f"{numbers[kept]} {noun}"
        if m.group("n")[:1].isupper():
            new = new[:1].upper() + new[1:]
        u.text = u.text[:m.start("n")] + new + u.text[m.end("noun"):]
        u.counted = (old, new)


def count_mismatches(text: str) -> list[str]:
    """The announced counts of ``text`` whose list, as the paragraph goes on, has another number of items ('five
    risks: 4 listed'); each paragraph (lines apart by a blank line) is read on its own."""
    path = phrasebank_file(PHRASEBANK)
    numbers, announce, item = _count_spec(str(path), path.stat().st_mtime)
    if announce is None or item is None:
        return []
    out = []
    for para in re.split(r"\n\s*\n", text or ""):
        said = [" ".join(para[a:b].split()) for a, b in sentence_spans(para)]
        for i, s in enumerate(said):
            m = announce.search(s)
            if m is None:
                continue
            listed = 0
            for t in said[i + 1:]:
                if not item.match(t):
                    break
                listed += 1
            n = numbers.index(m.group("n").lower())
            if listed >= 2 and listed != n:
                out.append(f"{m.group('n')} {m.group('noun')}: {listed} listed")
    return out


_CAPITAL = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'’-]*")
REPEAT_RUN = 6
"""Consecutive words two sentences share (a buyer's name left out) that, with most of the later one's long words, make
it say the earlier again."""
REPEAT_SHARE = 0.6
"""The share of the later sentence's long words (names left out) the earlier must hold with such a run."""


def _run_key(sentence: str) -> list[str]:
    # capitalised words inside a sentence are names (the buyer's, a partner's): they never make two sentences one
    return re.findall(r"[a-z0-9%]+|\x00", _CAPITAL.sub("\x00", sentence).lower())


@functools.lru_cache(maxsize=8192)
def _shape(sentence: str) -> tuple[str, frozenset, frozenset, frozenset, frozenset]:
    key = " ".join(re.findall(r"[a-z0-9%]+", sentence.lower()))
    names = frozenset(m.group(0).lower() for m in _CAPITAL.finditer(sentence))
    longs = frozenset(w for w in re.findall(r"[a-z]+", sentence.lower()) if len(w) >= 5)
    toks = _run_key(sentence)
    plain = frozenset(w for w in toks if len(w) >= 5)
    grams = set()
    for k in range(len(toks) - REPEAT_RUN + 1):
        gram = toks[k:k + REPEAT_RUN]
        if "\x00" not in gram and sum(len(w) >= 5 for w in gram) >= 3:
            grams.add(tuple(gram))
    return key, longs, plain, frozenset(grams), names


def says_again(earlier: str, later: str) -> bool:
    """``later`` says ``earlier`` again: the same words (eight or more), nearly all the same long words (four in five of
    the shorter's, eight or more), or a run of :data:`REPEAT_RUN` words in common that holds three long words and no
    name, with :data:`REPEAT_SHARE` of the later one's long words (names left out) in the earlier and no name the
    earlier does not name ('Every worker is
    briefed on the framework at induction before the service goes live ...' under two headings of s20 q01; 'Goals are
    reviewed with the person every 12 weeks, and sooner when their circumstances change' after 'The plan is reviewed
    with the person every 12 weeks and whenever their circumstances change')."""
    k1, l1, p1, g1, n1 = _shape(earlier)
    k2, l2, p2, g2, n2 = _shape(later)
    if len(k2.split()) >= 8 and k1 == k2:
        return True
    small = min(len(l1), len(l2))
    if small >= 8 and len(l1 & l2) >= 0.8 * small:
        return True
    # a sentence naming someone the earlier one does not ('We will offer the Tobacco Dependence Service ...' after the
    # same frame for the Active Lives programme) says something new in the same words
    return bool(g1 & g2) and bool(p2) and len(p1 & p2) >= REPEAT_SHARE * len(p2) and n2 <= n1


def near_duplicates(sentences: list[str]) -> list[tuple[int, int]]:
    """(earlier, later) for each sentence of ``sentences`` (an answer's, in order) that says an earlier one again
    (:func:`says_again`); each later sentence is paired once."""
    out = []
    for j in range(len(sentences)):
        for i in range(j):
            if says_again(sentences[i], sentences[j]):
                out.append((i, j))
                break
    return out
