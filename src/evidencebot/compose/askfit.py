"""Does a block answer what a sub-point asks, or only share its topic words?

A topic cue can match a sub-point that asks about something else: 'Core Competency
Standard' holds the cue 'core standards' (of the business continuity test), 'the first
72 hours ... after discharge' holds 'first 72 hours' (of becoming unwell), 'Covering
absence and vacancies' holds 'vacancies' (of recruiting). What tells them apart is the
*situation* the ask is set in and the one the block was written for.

Each block's title says the situation it was written for (:data:`SCENES`: business
continuity, a discharge from hospital, someone becoming unwell, mobilisation, training,
recruiting, cover for absence, ...). A sub-point's own words say the situation it asks
about. When both name situations and they share none, the block does not answer the ask:
it is left out of the part (an honest gap beats it), and the coverage says why. A block
whose title names no situation, or an ask that names none, is not judged here.

:func:`why` gives, for a block that is placed, the words of the ask it answers (for the
coverage report and ``tender status``), and :func:`misfit` the reason one was left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evidencebot.compose import blockmatch, gather, partfit
from evidencebot.compose.blockmatch import normalise
from evidencebot.compose.filters import load_phrasebank

SCENES: dict[str, tuple[str, ...]] = {
    "business continuity": ("business continuity", "continuity plan", "EPRR", "emergency preparedness",
                            "cyber attack", "severe weather", "pandemic", "losing a base", "loss of premises"),
    "a discharge from hospital or crisis care": ("discharge", "discharged", "ward", "wards", "hospital", "inpatient",
                                                 "bed flow", "crisis house"),
    "someone becoming unwell": ("unwell", "deterioration", "deteriorates", "deteriorating", "relapse", "escalation",
                                "escalate", "escalating", "stepup", "rising risk", "risk is rising"),
    "spotting the signs early": ("early warning signs", "warning signs", "relapse signature", "baseline",
                                 "recognise early", "notice early", "spot early", "spotting"),
    "mobilisation": ("mobilisation", "mobilise", "mobilising", "go-live", "go live", "TUPE", "transition milestones",
                     "start of the contract", "contract start", "incumbent", "outgoing provider", "current provider",
                     "transferring from"),
    "the end of the contract": ("exit", "end of the contract", "successor provider", "change of provider"),
    "training": ("training", "train", "trained", "induction", "competence", "competency"),
    "recruiting": ("recruit", "recruiting", "recruitment", "hire", "hiring"),
    "cover for absence": ("absence", "absences", "sickness", "staff shortages", "agency staff", "cover for vacancies"),
    "supervision": ("supervision", "supervising", "reflective practice"),
    "housing": ("housing", "tenancy", "tenancies", "homelessness", "homeless", "eviction"),
    "money": ("money", "debt", "debts", "benefits", "arrears", "universal credit", "PIP"),
    # (s29 q08: 'support people who find seasonal work to keep or move into work when the season ends' took the
    # seasonal workers' evening outreach block; the panel: text lifted from another topic)
    "employment": ("employment", "IPS", "Individual Placement and Support", "paid work", "job", "jobs", "employers",
                   "move into work", "moving into work", "back to work", "return to work", "returning to work",
                   "stay in work", "staying in work"),
    "first contact": ("first contact", "first appointment", "referral", "referrals", "waiting list", "waiting times",
                      "response standard", "urgent referrals"),
    "the localities": ("locality", "localities", "hub", "bases"),
    "incidents": ("incident", "incidents", "near miss", "near misses", "serious incident", "PSIRF"),
    # (s22 q08 (d): 'keep staffing at Alder Court safe at night and at weekends' answered with the evening sessions
    # 'within our opening hours (Monday to Friday 8am to 8pm ...)')
    "the night": ("night", "nights", "overnight", "waking night", "waking staff"),
    "the evening sessions": ("evening", "evenings", "late shift", "late shifts"),
}
"""Situations a block is written for, each with the words that name it (in a block's title, in a sub-point)."""


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, frozenset[str], int]]:
    out = []
    for scene, phrases in SCENES.items():
        for phrase in phrases:
            toks = frozenset(blockmatch.tokens(normalise(phrase)))
            if toks:
                out.append((scene, toks, len(toks)))
    return out


@lru_cache(maxsize=4096)
def scenes(text: str) -> frozenset[str]:
    """The situations ``text`` names."""
    seq = blockmatch.tokens(normalise(text))
    have = set(seq)
    # one word names a situation only outside a name: 'Ravensmoor General Hospital' is not a discharge from hospital,
    # nor 'the Penmarsh Evening Safe Haven' the evening sessions (blockmatch.unnamed); when nothing outside the names
    # names one, the names do ('complete the Esk Marches Core Competency Standard' is training)
    plain = set(blockmatch.tokens(normalise(blockmatch.unnamed(text))))
    found = _scenes_in(seq, have, plain)
    if not found and plain != have:
        found = _scenes_in(seq, have, have)
    return frozenset(found)


def _scenes_in(seq: list[str], have: set[str], plain: set[str]) -> set[str]:
    """The situations named by the words ``seq`` (a one-word cue only among ``plain``)."""
    found = set()
    for scene, toks, n in _cues():
        if n == 1 and toks <= plain or n > 1 and toks <= have and blockmatch._near(toks, seq):
            found.add(scene)
    return found


def block_scenes(block) -> frozenset[str]:
    """The situations a block was written for: those its title names."""
    return scenes(block.title)


def misfit(ask: str, block) -> str | None:
    """Why ``block`` does not answer ``ask`` (the sub-point's text), or None when it may: written for another
    situation (:func:`text_misfit`), facing the other way (:func:`direction`), or about another place or activity
    than the ask's head (:func:`evidencebot.compose.partfit.misfit`)."""
    why = text_misfit(ask, block.title) or direction_misfit(ask, block)
    if why:
        return f"{block.block_id} {why}"
    # another place or activity than the part's head asks about, under a shared topic (s31 panel; partfit)
    return partfit.misfit(ask, block)


# ---------------------------------------------------------------- which way people move (issue 12, s17)


@lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    data = load_phrasebank("question_terms.yaml").get("directions") or {}

    def alt(key: str) -> str:
        words = sorted((str(w) for w in data.get(key) or []), key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or r"(?!)"

    return {k: alt(k) for k in ("from_ask", "to_ask", "to_block", "from_block", "from_after")}


def _service_words(phrase: str) -> list[str]:
    """The words that name the service in ``phrase`` ('the IAMH Crisis Resolution and Home Treatment Team (CRHT)'): the
    cues of the topics it hits ('crisis team', 'crisis resolution', 'CRHTT') and the phrase's own acronyms ('CRHT')."""
    words = [cue for h in blockmatch.topic_hits(phrase) for cue, _ in h.topic.cues]
    words += re.findall(r"\b[A-Z]{3,}\b", phrase)
    return sorted({w for w in words if len(w) >= 3}, key=len, reverse=True)


def asked_direction(ask: str) -> tuple[str, list[str]] | None:
    """('from', service words) when ``ask`` is about people coming to us from a service ('when a person is discharged
    from the IAMH Crisis Resolution and Home Treatment Team'), ('to', ...) when about passing people to one ('how staff
    will escalate to the crisis team'); None when it names no direction, or both."""
    d = _directions()
    text = " ".join((ask or "").split())
    found = []
    for way in ("from", "to"):
        for m in re.finditer(rf"\b(?:{d[way + '_ask']})\s+(?:the\s+|an?\s+)?(?P<what>[^,;:.?]{{3,90}})", text, re.I):
            words = _service_words(m.group("what"))
            if words:
                found.append((way, words))
    ways = {w for w, _ in found}
    return found[0] if len(ways) == 1 else None


def block_direction(text: str, service: list[str]) -> tuple[int, int]:
    """(sentences passing people to the service, sentences taking people from it) among ``text``'s sentences that name
    the service: the words just before its name say which way ('staff call the CRHTT', 'referred by the crisis team'),
    or, with the service as the subject, the words just after it ('the CRHTT can refer to the safe haven')."""
    d = _directions()
    name = "|".join(r"\s+".join(map(re.escape, w.split())) for w in service)
    to = frm = 0
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join((text or "").split())):
        for m in re.finditer(rf"\b(?:{name})\b", sentence, re.I):
            before = sentence[max(0, m.start() - 40):m.start()]
            after = sentence[m.end():m.end() + 30]
            if re.search(rf"\b(?:{d['from_block']})\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){{0,2}}$", before, re.I) or \
                    re.match(rf"(?:['’]s\s+[\w-]+\s+|\)\s*)?\s*(?:can\s+|will\s+|may\s+)?(?:{d['from_after']})\b", after, re.I):
                frm += 1
            elif re.search(rf"\b(?:{d['to_block']})\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){{0,2}}$", before, re.I):
                to += 1
    return to, frm


def direction_misfit(ask: str, block) -> str | None:
    """Why a block faces the other way from the ask: the ask is about people coming from a service and the block's
    sentences naming that service pass people to it more than they take them from it (s16 q08 (a): 'discharged from the
    CRHT' answered with 'staff call the CRHTT straight away'), or the reverse. A block written for a discharge (its
    title names one) takes people from it whatever its verbs; None when the block does not name the service."""
    asked = asked_direction(ask)
    if asked is None:
        return None
    way, service = asked
    body = " ".join([block.title, *getattr(block, "tags", []), getattr(block, "body", "") or ""])
    to, frm = block_direction(body, service)
    named = min((w for w in service if w.islower()), key=len, default=service[0])
    if way == "from" and to > frm and "a discharge from hospital or crisis care" not in block_scenes(block):
        return f"passes people to the {named}; the ask is about people coming from it"
    if way == "to" and frm > to:
        return f"takes people from the {named}; the ask is about passing people to it"
    return None


def text_misfit(ask: str, about: str) -> str | None:
    """Why something that is ``about`` one situation (a block's title, a figure's title and definition, a
    story's title and opening) does not fit ``ask``: 'is about X; the ask is about Y', or None."""
    mine = scenes(about)
    if not mine:
        return None
    asked = scenes(ask)
    if not asked or asked & mine:
        return None
    return f"is about {_list(mine)}; the ask is about {_list(asked)}"


def figure_misfit(ask: str, indicator_id: str) -> str | None:
    """Why the catalogue figure ``indicator_id`` does not fit ``ask`` (its title and definition name
    another situation: 'Transitions completed with planned support (12 weeks)', a discharge measure, under
    'complete the Core Competency Standard within 12 weeks of starting'), or None."""
    ind = gather.catalogue().get(indicator_id)
    if ind is None:
        return None
    about = " ".join(str(getattr(ind, k, "") or "") for k in ("title", "definition", "numerator", "denominator"))
    # what the figure counts is also told by its source ('crisis and step-down pathway guidance': discharges from
    # hospital or crisis care, not from our own service)
    why = text_misfit(ask, about) or partfit.evidence_misfit(ask, f"{about} {getattr(ind, 'source', '') or ''}")
    return f"{indicator_id} {why}" if why else None


def fits(ask: str, block) -> bool:
    """True when the block's title names a situation the ask names (or the ask names none and the block
    is not against it): the test for a block that replaces one left out."""
    asked = scenes(ask)
    if not asked:
        return misfit(ask, block) is None
    return bool(asked & block_scenes(block)) and direction_misfit(ask, block) is None and partfit.misfit(ask, block) is None


def why(ask: str, block) -> str:
    """The words of the ask that the block's title, tags or topic cue answers ('' when none is shared)."""
    hits = blockmatch.topic_hits(normalise(ask))
    own = {h.topic.name: h for h in hits}
    answered = blockmatch.block_topics(block, blockmatch.load_topics())
    # in the order the ask names them (not a set's order, which changed from run to run), the first one the block's
    # title names, else its tags ('money' for money-and-benefits, tagged 'housing' too, under 'housing, money and
    # other practical causes')
    found = [h for name, h in own.items() if name in answered]
    title = set(blockmatch.tokens(block.title))
    head = set(blockmatch.tokens(block.title + " " + " ".join(block.tags)))
    if found:
        h = max(found, key=lambda h: (bool(set(blockmatch.tokens(h.cue)) & title),
                                      bool(set(blockmatch.tokens(h.cue)) & head)))
        return f"{block.block_id} for '{h.cue}'"
    shared = set(blockmatch.tokens(ask)) & head
    shared -= blockmatch.HEAD_GENERIC
    if shared:
        return f"{block.block_id} for {', '.join(sorted(shared))}"
    return f"{block.block_id} (from the question's topic)"


def _list(names) -> str:
    names = sorted(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
