"""Does a library block take for granted a setting the buyer has never named?

The s28 blind panel read text from other kinds of service in a community bid with two hubs: a crisis house's
follow-up ('before anyone leaves the house') under 'a person who does not attend', a lived experience group 'so people
in rural areas can join' for a city, 'weekly groups in each locality' where the buyer names hubs (issue 12, session
29). The settings and the words that presuppose or name each are data (``phrasebank/settings.yaml``, users add
``settings-*.yaml``); the buyer's words decide, never a block's.

* :func:`presumed` - the settings a text takes for granted (its cues);
* :func:`named` - the settings a buyer's text names;
* :func:`unnamed` - the settings a block takes for granted that the buyer's text does not name;
* :func:`fitting` - the blocks that may be placed for a buyer (pinned blocks always may);
* :func:`sentence_unnamed` - for a setting read sentence by sentence ('locality'), whether one sentence says it.

A setting marked ``named_in: question`` (a crisis house, a safe haven: one service among the tender's, not the
character of the whole area) is named for a question only by the question itself, or by a sentence of the tender that
names a place the question names ('Harbour View step-up/step-down house' for a question about 'Harbour View step-down
stays') or a site the provider will run ('The provider will also run Alder House, a crisis house': our house is part
of the service every question is about; a partner's is not). The s29 panel read a crisis house's missing-resident procedure under 'people who have missed checks before'
in a physical health question, because another question named a partner's crisis house (issue 12, session 30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evidencebot.compose import places, site_roles
from evidencebot.compose.filters import load_word_lists

PHRASEBANK = "settings.yaml"


@dataclass(frozen=True)
class Setting:
    name: str
    cues: re.Pattern
    named_by: re.Pattern
    instead_of: re.Pattern | None
    sentence: bool  # read sentence by sentence: only a block whose title or tags say a cue is kept out whole
    local: bool = False  # named for a question only by the question, or a tender sentence naming one of its places


def _alternation(phrases) -> re.Pattern | None:
    words = sorted({" ".join(str(p).replace("’", "'").split()) for p in phrases or []} - {""}, key=len, reverse=True)
    if not words:
        return None
    parts = [r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", p)) for p in words]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def table() -> tuple[Setting, ...]:
    """Every setting of the phrasebank, in its order."""
    out = []
    for name, spec in (load_word_lists(PHRASEBANK).get("settings") or {}).items():
        spec = spec or {}
        cues, named_by = _alternation(spec.get("cues")), _alternation(spec.get("named_by"))
        if cues is None or named_by is None:
            continue
        # `named_by_patterns`: the buyer names the setting across a few words ('Traveller families on the Saltney
        # Marsh site'), read as regular expressions
        extra = [str(p) for p in spec.get("named_by_patterns") or []]
        if extra:
            named_by = re.compile("|".join([named_by.pattern] + [f"(?:{p})" for p in extra]), re.I)
        out.append(Setting(str(name), cues, named_by, _alternation(spec.get("instead_of")),
                           str(spec.get("scope") or "block").lower() == "sentence",
                           str(spec.get("named_in") or "tender").lower() == "question"))
    return tuple(out)


def _plain(text: str) -> str:
    return (text or "").replace("’", "'")


@lru_cache(maxsize=8192)
def presumed(text: str) -> frozenset[str]:
    """The settings ``text`` takes for granted: one of a setting's cues is in it."""
    text = _plain(text)
    return frozenset(s.name for s in table() if s.cues.search(text))


@lru_cache(maxsize=256)
def named(buyer_text: str) -> frozenset[str]:
    """The settings the buyer's text names, together with those it cannot be said to exclude: a setting with
    ``instead_of`` words is out only where the buyer names one of those instead ('hubs', never 'localities')."""
    text = _plain(buyer_text)
    out = set()
    for s in table():
        if s.named_by.search(text) or (s.instead_of is not None and not s.instead_of.search(text)):
            out.add(s.name)
    return frozenset(out)


_PLACE_NAME = re.compile(r"(?<![\w'-])[A-Z][a-z][\w'-]*(?:\s+(?:of\s+|on\s+)?[A-Z][a-z][\w'-]*)+")
"""A place's name as a buyer writes it: two or more capitalised words ('Harbour View', 'Harbour Light')."""


@lru_cache(maxsize=256)
def named_for(question: str, buyer_text: str) -> frozenset[str]:
    """The settings named for one question of a tender: those of :func:`named` over the question and the tender, less
    a ``named_in: question`` setting that neither the question nor a sentence of the tender naming one of the
    question's places names."""
    wanted = set(named(f"{question}\n{buyer_text}"))
    local = [s for s in table() if s.local and s.name in wanted]
    if not local:
        return frozenset(wanted)
    text = _plain(question)
    # the places the question names, and the sites the tender says the provider will run (a house we run is part of
    # the service every question is about; a partner's crisis house is not), read as the tender's other callers read
    # them: places' sites with site_roles' roles over them (a base given by a label and a sentence after it is ours,
    # a place another body runs is not; review s37)
    whole = f"{question}\n{buyer_text}"
    names = {m.group(0) for m in _PLACE_NAME.finditer(text)}
    names |= {_plain(site.name) for site in places.sites_with(places.read(whole), site_roles.read(whole)).run}
    tied = [sentence for sentence in re.split(r"(?<=[.!?;])\s+|\n+", _plain(f"{question}\n{buyer_text}"))
            if any(n in sentence for n in names)]
    for s in local:
        if not s.named_by.search(text) and not any(s.named_by.search(t) for t in tied):
            wanted.discard(s.name)
    return frozenset(wanted)


def _heading_text(block) -> str:
    return " ".join([getattr(block, "title", "") or "", *[str(t) for t in getattr(block, "tags", ()) or ()]])


def unnamed(block, buyer_text: str, question: str | None = None) -> frozenset[str]:
    """The settings ``block`` takes for granted (in its title, tags, text or 'what it means' line; for a
    sentence-scoped setting, in its title or tags only) that ``buyer_text`` does not name (with ``question``, that
    are not named for that question of the tender: :func:`named_for`)."""
    whole = presumed(" ".join([_heading_text(block), getattr(block, "body", "") or "",
                               getattr(block, "means", "") or ""]))
    if not whole:
        return frozenset()
    sentence_scoped = {s.name for s in table() if s.sentence}
    heading = presumed(_heading_text(block))
    mine = {s for s in whole if s not in sentence_scoped or s in heading}
    return frozenset(mine - (named(buyer_text) if question is None else named_for(question, buyer_text)))


def out_of_place(block, buyer_text: str) -> str | None:
    """Why ``block`` is not placed for this buyer ('takes for granted a crisis or residential house, which the
    buyer's questions never name'), or None."""
    missing = unnamed(block, buyer_text)
    if not missing:
        return None
    names = sorted(missing)
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{block.block_id} takes for granted {said}, which the buyer's questions never name"


def fitting(blocks: list, buyer_text: str, keep=(), question: str | None = None) -> list:
    """``blocks`` less those written for a setting the buyer never names (with ``question``, never names for that
    question: :func:`named_for`); a block in ``keep`` (the writer's pins) stays whatever it says."""
    keep = set(keep)
    return [b for b in blocks if b.block_id in keep or not unnamed(b, buyer_text, question)]


def sentence_unnamed(sentence: str, buyer_text: str) -> str:
    """The sentence-scoped setting ``sentence`` says ('localities') that the buyer does not name, else ''."""
    said = presumed(sentence)
    if not said:
        return ""
    wanted = named(buyer_text)
    return next((s.name for s in table() if s.sentence and s.name in said and s.name not in wanted), "")
