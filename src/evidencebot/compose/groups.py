"""Does text placed under a part speak of the group of people the part asks about?

The s27 blind panel's most common "Not" was a heading over text that does not answer it: 'Making the service
accessible to seasonal workers living in caravans' over text about prison release, 'Older carers and carers in poor
health' over text about young carers, a garrison welfare block under carers, a Career Transition Partnership block
under young adults (issue 12, session 28). The groups and the words that name each are data
(``phrasebank/groups.yaml``, users add ``groups-*.yaml``).

* :func:`named` - the groups a text names (each phrase read whole, the longest first, so 'young carers' is never
  'young people' as well);
* :func:`misfit` - why a text does not answer an ask that names a group (it names none of the ask's groups);
* :func:`written_for` / :func:`out_of_place` - a block written for a group (its title names one the phrasebank
  holds to its own bids) belongs only under a question that names that group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidencebot.compose.filters import load_word_lists

PHRASEBANK = "groups.yaml"


@lru_cache(maxsize=4)
def _table(_key: int = 0) -> tuple[tuple[str, re.Pattern, int], ...]:
    """(group, pattern of one name, the name's length) for every name, the longest names first."""
    data = load_word_lists(PHRASEBANK).get("groups") or {}
    out = []
    for group, spec in data.items():
        for name in (spec or {}).get("names") or []:
            name = " ".join(str(name).replace("’", "'").split())
            if not name:
                continue
            words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
            plural = "" if words[-1].endswith(("s", r"\+")) else "(?:s|es)?"
            # a one-word name written with a capital ('Roma', 'NEET', 'CAMHS') is that name, in its case only
            flags = 0 if (len(words) == 1 and name[:1].isupper()) else re.I
            out.append((str(group), re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + plural + r"(?![\w+-])", flags),
                        len(name)))
    return tuple(sorted(out, key=lambda t: -t[2]))


@lru_cache(maxsize=1)
def _held() -> frozenset[str]:
    """The groups whose blocks belong only where the question names them (``only_where_named``)."""
    data = load_word_lists(PHRASEBANK).get("groups") or {}
    return frozenset(str(g) for g, spec in data.items() if str((spec or {}).get("only_where_named", "")).lower()
                     in ("yes", "true"))


@lru_cache(maxsize=8192)
def named(text: str) -> frozenset[str]:
    """The groups ``text`` names. A name inside a longer name already read is that longer name's ('young carers'
    is not also 'young people')."""
    text = (text or "").replace("’", "'")
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for group, pattern, _ in _table():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.add(group)
    return frozenset(found)


@lru_cache(maxsize=1)
def _document_name() -> re.Pattern:
    heads = [re.escape(str(w)) for w in load_word_lists(PHRASEBANK).get("document_heads") or []]
    if not heads:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|on|&)\s+)?){1,6}(?:" + "|".join(heads)
                      + r")\b(?:\s+\d{4})?")


_DETAIL = re.compile(r",?\s+\(?(?:including|such\s+as|for\s+example|e\.g\.)\s[^,;()]*[,)]?", re.I)
"""An ask's details, to the next comma: 'reducing the carbon footprint of the service, including staff travel across
rural Upper Esk' asks about the footprint, not about people in rural areas (s9 q12, spent); 'accessible to people whose
first language is not English, including seasonal workers, and to people with a learning disability' still asks about
people with a learning disability."""


_LIST_TAIL = re.compile(r"(?i)(?:,\s*|\s)(?:including|covering(?:\s+at\s+least)?:?|such\s+as|for\s+example|e\.g\.)\s"
                        r"(?P<tail>[^.?!]*)")
_PAREN_LIST = re.compile(r"\([^()]*(?:,[^(),]*){2,}\)")
"""A parenthesised list of three or more items ('what it covers (mental health, physical health, housing, ...)')."""


_BY_LIST = re.compile(r"(?i)\bby\s+(?P<tail>[^.;?!()]*)")
"""A breakdown's dimensions: 'outcome data by locality, age, sex, ethnicity, veteran status and Gypsy, Roma or
Traveller identity' asks for figures split by these, not about veterans or Travellers (s31 q08 (b), spent: the part
took the block about engaging Gypsy, Roma and Traveller families; the panel: lifted from another answer)."""


def without_details(text: str) -> str:
    """``text`` without its details: a parenthesised list of three or more items, a tail of three or more items after
    'including', 'covering' or 'such as' (to the end of the sentence: 'including risk to the person, risk to others, and
    the risks of lone working in isolated villages' asks about risk, not about people in rural areas, s27 q08; 'covering
    at least: local employment ...; ...; and ... a rural county', s24 q09), a breakdown's list of three or more
    dimensions after 'by' (:data:`_BY_LIST`), and any other detail to the next comma (:data:`_DETAIL`)."""
    text = _PAREN_LIST.sub(" ", text or "")
    m = _LIST_TAIL.search(text)
    if m and len(re.findall(r"[,;]", m.group("tail"))) >= 2:
        text = text[:m.start()] + " " + text[m.end():]
    m = _BY_LIST.search(text)
    if m and len(re.findall(r",", m.group("tail"))) >= 2:
        text = text[:m.start()] + " " + text[m.end():]
    return _DETAIL.sub(" ", text)


def asked(text: str, *, details: bool = False) -> frozenset[str]:
    """The groups an ask names, leaving out those inside a document's, law's or organisation's name ('the Homelessness
    Reduction Act 2017' is the duty it sets, 'the Housing Options and Homelessness Service' a partner, not a group of
    people; ``document_heads``), and those named only among its details (:func:`without_details`) unless ``details``:
    a block need not speak of them, though a block for them may be added."""
    text = (text or "") if details else without_details(text or "")
    return named(_document_name().sub(" ", text))


def misfit(ask: str, text: str) -> str | None:
    """Why ``text`` (a block's body, a paragraph) does not answer ``ask``: the ask names a group and the text names
    none of its groups ('is not about seasonal workers'); None when it does, or the ask names no group."""
    asked_for = asked(ask)
    if not asked_for or asked_for & named(text):
        return None
    return f"does not speak of {_list(asked_for)}, whom the part asks about"


def written_for(block) -> frozenset[str]:
    """The groups a block was written for that hold it to their own bids: those its title names, of the groups marked
    ``only_where_named`` ('Reaching seasonal workers living in shared houses ...')."""
    return named(getattr(block, "title", "") or "") & _held()


def out_of_place(block, question: str) -> str | None:
    """Why a block written for a group (:func:`written_for`) is out of place in a question that names none of its
    groups (a garrison welfare block under carers), or None."""
    mine = written_for(block)
    if not mine or named(getattr(block, "title", "") or "") & named(question):
        return None  # any group its title names will do: an assessment made accessible to several groups
    return f"is written for {_list(mine)}, whom this question does not name"


def block_misfit(ask: str, block, question: str = "") -> str | None:
    """Why ``block`` is not placed under ``ask`` (the part's own words) in ``question``: its body does not speak of the
    group the part asks about (:func:`misfit`), or it is written for a group the question never names
    (:func:`out_of_place`); None when it may be."""
    why = misfit(ask, getattr(block, "body", "") or "")
    if why is None and question:
        why = out_of_place(block, question)
    return f"{block.block_id} {why}" if why else None


def _list(names) -> str:
    names = sorted(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
