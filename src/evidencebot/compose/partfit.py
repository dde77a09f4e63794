"""Does a block or story placed under a part answer what the part is ABOUT, not only share its topic words?

A topic cue can lift a block into a part about something else of the same topic: 'Reaching seasonal workers on holiday
parks' took the block for seasonal workers in shared houses (HMOs), 'Helping people register with a GP' the SMI
health-check recall block (its cue 'GP registers'), 'run sessions at Seaview Medical Centre' the block for running a
safe haven, and 'Making payments without affecting members' welfare benefits' a story about a benefits sanction (s31
panel sheets, issue 12 item 4). The topic is shared; what the part is about is not.

What a part is about is read from its *head*: its words before the first detail or clause (:func:`head`): the verb
and its object, the place it is set in. The kinds of place and activity, with the phrases that name each, are data
(``phrasebank/partfit.yaml``). A block does not answer a part when

* its title names only other kinds of a facet than the part's head does and its body names none of the part's
  (another place: shared houses for holiday parks; another activity: health checks for registering with a GP); or
* the part's head asks for an activity marked ``speak_of`` and the block names it nowhere.

A story is held to the second test only, read in the part's head and any 'example of ...' it asks for
(:func:`story_misfit`). Groups of people are :mod:`groups`' test; situations :mod:`askfit`'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidencebot.compose import blockmatch
from evidencebot.compose.filters import load_word_lists

PHRASEBANK = "partfit.yaml"
FACETS = ("places", "activities", "measures", "partners", "harms", "discharges", "subjects")
_WHOLE = ("harms",)
"""Facets read in the whole part (its head, details and part title), not in its head alone."""

_CUT = re.compile(r"\s*(?:[,;:()]|\s[-–—]\s|\b(?:so\s+that|so\s+as|in\s+order|including|such\s+as|and\s+how|and\s+what|"
                  r"and\s+when|and\s+where|and\s+who|without|while|whilst|because|which|ensuring)\b)", re.I)
_LEAD = re.compile(r"^\s*(?:(?:please\s+)?(?:describe|explain|set\s+out|outline|tell\s+us|detail)\s+)?"
                   r"(?:how\s+(?:you|the\s+provider|the\s+service|we)\s+(?:will|would|can|plan\s+to)\s+)?", re.I)


@lru_cache(maxsize=4)
def _table(_key: int = 0) -> tuple[tuple[str, str, re.Pattern, int, bool], ...]:
    """(facet, kind, pattern of one name, the name's length, speak_of) for every name, the longest first."""
    data = load_word_lists(PHRASEBANK)
    out = []
    for facet in FACETS:
        for kind, spec in (data.get(facet) or {}).items():
            spec = spec or {}
            speak = str(spec.get("speak_of", "")).lower() in ("yes", "true")
            for name in spec.get("names") or []:
                name = " ".join(str(name).replace("’", "'").split())
                if not name:
                    continue
                words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
                plural = "" if words[-1].endswith("s") else "(?:s|es)?"
                # a short name in capitals ('HMO', 'HMP') is that name in its case only
                flags = 0 if (len(words) == 1 and name.isupper()) else re.I
                out.append((facet, str(kind), re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + plural + r"(?![\w-])",
                                                         flags), len(name), speak))
    return tuple(sorted(out, key=lambda t: -t[3]))


@lru_cache(maxsize=8192)
def kinds(text: str, facet: str) -> frozenset[str]:
    """The kinds of ``facet`` ('places', 'activities') that ``text`` names; a name inside a longer one already read is
    that longer one's ('health check recall' is not also a GP surgery's 'surgery')."""
    text = (text or "").replace("’", "'")
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for f, kind, pattern, _, _ in _table():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if f == facet:
                found.add(kind)
    return frozenset(found)


@lru_cache(maxsize=1)
def _prom() -> frozenset[str]:
    """The measures a block's {prom} placeholder may stand for (``prom: 'yes'``)."""
    data = load_word_lists(PHRASEBANK).get("measures") or {}
    return frozenset(str(k) for k, spec in data.items() if str((spec or {}).get("prom", "")).lower() in ("yes", "true"))


@lru_cache(maxsize=1)
def _spoken() -> frozenset[str]:
    """The places and activities any answering text must name (``speak_of``), and every measure."""
    return frozenset(kind for f, kind, _, _, speak in _table() if speak or f == "measures")


def head(ask: str) -> str:
    """The words that say what ``ask`` is about: after 'Describe how you will', before its first comma, bracket,
    'including', 'so that', 'without', 'and how' ... ('reach seasonal workers on holiday parks, including outside
    standard working hours' -> 'reach seasonal workers on holiday parks')."""
    text = " ".join((ask or "").split())
    lead = _LEAD.match(text)
    text = text[lead.end():] if lead else text
    m = _CUT.search(text, 3)
    return (text[:m.start()] if m else text).strip()


def listed(ask: str) -> bool:
    """True when the head is the first of a list of activities ('Recruiting, training, supervising and supporting peer
    support workers', 'recruit, train, supervise and offer career progression to ...', 'Recruiting the Lived Experience
    Panel, paid, supported and given real influence'): no text need name the head's own activity, as a block may answer
    another of the list (s30 q10: the career progression block, which the panel read as answering, went)."""
    text = " ".join((ask or "").split())
    lead = _LEAD.match(text)
    text = text[lead.end():] if lead else text
    top = head(ask)
    at = text.find(top)
    rest = text[at + len(top):] if at >= 0 else ""
    if len(top.split()) == 1 and rest.lstrip().startswith((",", "and ")):
        return True  # 'recruit, train, supervise and ...': a bare verb, the first of several on one object
    return bool(re.match(r"\s*,\s*(?!including\b|during\b|bring\b|need\b)(?:paid|[a-z]+ing|[a-z]+ed)\b", rest, re.I))


def _list(names) -> str:
    names = sorted(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def text_misfit(ask: str, title: str, body: str = "") -> str | None:
    """Why text with ``title`` and ``body`` does not answer ``ask``: its title names another place or activity than
    the ask's head, and the text names none of the ask's ('is about shared houses; the part asks about holiday parks');
    or the head asks for an activity every answer must name and the text does not ('does not speak of registering with
    a GP, which the part asks about'). None when it may answer."""
    top = head(ask)
    whole = f"{title} {body}"
    for facet in FACETS:
        if facet == "subjects":
            continue
        asked = kinds(ask if facet in _WHOLE else top, facet)
        if not asked:
            continue
        # what a block is for: its title's kinds, or for a facet read in the whole part, the kinds its text names
        # (the screening block's title names no harm; its text screens for alcohol and drugs)
        mine = kinds(whole if facet in _WHOLE else title, facet)
        if mine and not asked & mine and not asked & kinds(whole, facet):
            return f"is about {_list(mine)}; the part asks about {_list(asked)}"
    why = subject_misfit(ask, title) or object_misfit(ask, whole)
    if why:
        return why
    for facet in ("places", "activities", "measures"):
        if facet == "activities" and listed(ask):
            continue
        # an activity only outside a name: 'the Vale Outreach Van' asks for no outreach (blockmatch.unnamed)
        need = kinds(blockmatch.unnamed(top) if facet == "activities" else top, facet) & _spoken()
        named = set(kinds(whole, facet))
        if facet == "measures":
            # a measure is held to: a block that names other measures (or the profile's, {prom}, which is not a
            # loneliness scale); one naming none may describe collecting whatever is asked ('Our plan for paired
            # outcome scores' under 'Collecting ReQoL-10 and DIALOG', s29 q10)
            placeholder = re.search(r"\{proms?\}", whole) is not None
            if not named and not placeholder:
                continue
            named |= _prom() if placeholder else set()
        if need and not need & named:
            return f"does not speak of {_list(need)}, which the part asks about"
    return partner_misfit(top, title, whole)


@lru_cache(maxsize=1)
def _subjects() -> tuple[tuple[str, re.Pattern], ...]:
    """(subject, pattern of the words that ask about it) for every subject with ``asked_by`` words."""
    data = load_word_lists(PHRASEBANK).get("subjects") or {}
    out = []
    for kind, spec in data.items():
        words = [" ".join(str(w).split()) for w in (spec or {}).get("asked_by") or [] if str(w).strip()]
        if words:
            alt = "|".join(r"[\s-]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
            out.append((str(kind), re.compile(rf"(?<![\w-])(?:{alt})s?(?![\w-])", re.I)))
    return tuple(out)


def subject_misfit(ask: str, title: str) -> str | None:
    """Why a block whose title is about a subject every part must ask for (``subjects``: reporting to a board, the
    service manager as the board's named contact) does not answer ``ask``: the part's whole text names none of the
    words that ask about it. A generic paragraph is never a filler for an unrelated part (s33: the board-contact
    paragraph under isolation, information sharing, recruitment and digital skills). None when it may answer."""
    mine = kinds(title, "subjects")
    if not mine:
        return None
    for kind, asked_by in _subjects():
        if kind in mine and not asked_by.search(ask or ""):
            return f"is about {kind}; the part does not ask about it"
    return None


@lru_cache(maxsize=1)
def _object_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_word_lists(PHRASEBANK)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return words("object_verbs"), words("object_ends"), words("generic_objects"), words("object_clauses")


def asked_object(ask: str) -> str | None:
    """What the part's head reports, records, measures or monitors ('Reporting business mileage each quarter' ->
    'business mileage'; 'Measuring and reducing carbon emissions from staff travel' -> 'carbon emissions'), or None
    when its head opens with no such verb or its object's head word says nothing of what (data, outcomes, progress)."""
    verbs, ends, generic, clauses = _object_words()
    words = re.findall(r"[A-Za-z][\w'’-]*", head(ask))
    if not words or words[0].lower() not in verbs:
        return None
    i = 1
    # coordinated verbs on one object: 'Measuring and reducing carbon emissions'
    while i + 1 < len(words) and words[i].lower() in ("and", "or") and re.search(r"(?:ing|e|s)$", words[i + 1]) \
            and (words[i + 1].lower() in verbs or words[i + 1].lower().endswith("ing")):
        i += 2
    obj: list[str] = []
    for w in words[i:]:
        if not obj and w.lower() in clauses:
            return None  # 'Recording whether the help made a difference': a clause, not a thing reported
        if not obj and w.lower() in generic:
            continue  # 'each person's language choice': a determiner before the object
        if w.lower() in ends:
            break
        obj.append(w)
    # the object's head is its last word: 'accurate data' says nothing of what, 'business mileage' says mileage; a
    # name ('the Core Data Set') is read by the other tests
    if not obj or obj[-1].lower() in generic or obj[-1][:1].isupper():
        return None
    return re.sub(r"['’]s\b", "", " ".join(w for w in obj if w.lower() not in generic))


def object_misfit(ask: str, whole: str) -> str | None:
    """Why a block whose text (``whole``: title, tags, body) names no word of what the part reports or measures
    (:func:`asked_object`) does not answer it: it answers the verb alone (a contract report under 'Reporting business
    mileage each quarter'). None when the part names no such object or the block names a word of it ('carbon' of
    'carbon emissions')."""
    obj = asked_object(ask)
    if obj is None:
        return None
    want = set(blockmatch.tokens(obj)) - blockmatch.HEAD_GENERIC
    if not want or want & set(blockmatch.tokens(whole)):
        return None
    return f"does not speak of {obj.lower()}, which the part asks to report or measure"


_WITH = re.compile(r"\b(?i:work(?:ing)?|joint\s+work(?:ing)?|partnership)\s+(?i:with|alongside)\s+(?:the\s+)?"
                   r"(?P<name>[A-Z][\w'’&-]*(?:\s+(?:and\s+|of\s+|for\s+|the\s+)?[A-Z][\w'’&-]*){0,6})")


def partner_misfit(top: str, title: str, whole: str) -> str | None:
    """Why a block does not answer 'Working with <a partner the buyer names>' (``top``, the ask's head): its title is
    about working with other kinds of partner ('Sharing recovery plans with the care coordinator and GP' under 'Working
    with Tideway Recovery', s31 q03) and its text never names the ask's partner. None when the head names no partner by
    name, names a kind the title names, or the block names the partner."""
    m = _WITH.search(top)
    if not m:
        return None
    name = m.group("name").strip()
    mine = kinds(title, "partners")
    if not mine or mine & kinds(name, "partners") or name.lower() in whole.lower():
        return None
    return f"is about working with {_list(mine)}; the part asks about {name}"


def misfit(ask: str, block) -> str | None:
    """Why ``block`` does not answer ``ask`` (the part's text) by what the part is about (:func:`text_misfit`), with
    its id; None when it may."""
    body = " ".join([*(getattr(block, "tags", None) or []), getattr(block, "body", "") or ""])
    why = text_misfit(ask, getattr(block, "title", "") or "", body)
    return f"{block.block_id} {why}" if why else None


EVIDENCE_FACETS = ("discharges", "harms")
"""The facets a figure or a story is held to (what it counts or tells is about one discharge or harm or another)."""


def evidence_misfit(ask: str, about: str) -> str | None:
    """Why a figure or story whose text (``about``: a figure's title and definition, a story's text) names only other
    kinds of :data:`EVIDENCE_FACETS` than the part does not fit it: a count of hospital discharges with a complete
    handover, or a story of a person leaving an acute ward, under our own route from first contact to discharge (s33
    q01). None when it may."""
    for facet in EVIDENCE_FACETS:
        asked = kinds(ask if facet in _WHOLE else head(ask), facet)
        mine = kinds(about, facet)
        if asked and mine and not asked & mine:
            return f"is about {_list(mine)}; the part asks about {_list(asked)}"
    return None


_EXAMPLE = re.compile(r"\b(?:an?\s+|one\s+|at\s+least\s+one\s+)?(?:example|instance|case)s?\s+of\s+(?P<what>[^.;?]+)", re.I)


def story_misfit(ask: str, story_text: str) -> str | None:
    """Why a story (its whole text) does not fit ``ask``: the ask's head, or the example it asks for ('at least one
    example of a change you have made elsewhere because of co-production'), names an activity every answer must name,
    and the story names none of it (a GP prescription transfer told as the co-production example; a benefits sanction
    under 'Making payments without affecting members' welfare benefits'). None when it may fit."""
    need = kinds(head(ask), "activities") & _spoken()
    for m in _EXAMPLE.finditer(ask or ""):
        need |= kinds(m.group("what"), "activities") & _spoken()
    if need and not need & kinds(story_text, "activities"):
        return f"does not speak of {_list(need)}, which the part asks about"
    return evidence_misfit(ask, story_text)
