"""A tender's own facts: who the buyer is, the area, the service as the buyer names it, when the
contract starts and for how long, and whether we would be the incumbent or a new provider.

The service profile (:mod:`evidencebot.store.blocks`) describes the service we run now. A tender
may be for another buyer, another area or another start date, and the answers must say what the
buyer's questionnaire says, never what our own service's profile says. So:

* :func:`read_facts` reads these facts from the buyer's text where it states them ("the contract
  will commence on 1 April 2026", "NHS Halbrook Integrated Care Board", "staff of the incumbent
  provider may transfer under TUPE"), each with the words it was read from;
* :func:`resolve` lays the tender's facts over the service profile. When the tender's buyer is not
  the profile's commissioner, the profile's buyer-specific facts (area, service name, contract
  start and length, incumbent or new) are dropped rather than carried over to another buyer: what
  the tender does not state is *unknown*, and an answer leaves it out or names it plainly
  ("the service") and says so in its coverage, rather than guessing;
* :func:`check_against` reads drafted answers for anything the tender's facts contradict: another
  buyer or area, another contract start, writing as the incumbent to a buyer who has one, or as
  an incoming provider when we run the service.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from evidencebot.compose import site_roles
from evidencebot.compose.consistency import Contradiction, Statement, _sentences
from evidencebot.compose.filters import load_phrasebank
from evidencebot.errors import InputError
from evidencebot.text import MONTH_NAMES, PatternTable, month_number

FIELDS: dict[str, tuple[str, str]] = {
    "commissioner": ("buyer", "--buyer"),
    "area": ("area", "--area"),
    "service": ("service name", "--service"),
    "contract_start": ("contract start", "--start"),
    "contract_length": ("contract length", "--length"),
    "provider_status": ("incumbent or new provider", "--incumbent / --new"),
    "premises": ("premises", "--premises"),
    "localities": ("the buyer's localities", "--localities"),
    "base": ("the buyer's places the service works from or runs", "--base"),
}
"""The tender's facts: profile field -> (label, the ``evidencebot tender profile`` option that sets it)."""

OPTIONAL = ("localities", "base")
"""Facts a tender may state and answers use when it does; never reported as missing."""

BUYER_SPECIFIC = ("area", "service", "contract_start", "contract_length", "provider_status", "premises", "team_by_locality")
"""Service-profile facts that hold for our current buyer only: never carried over to another buyer."""

PLAIN = {"service": "the service", "area": "the area", "commissioner": "the commissioner"}
"""How an answer names a fact it does not know (not a guess: it names no one)."""

_MONTH = "|".join(MONTH_NAMES)  # full names only: a contract date is written out
_P = PatternTable(yaml.safe_load(Path(__file__).with_name("tender_profile_patterns.yaml").read_text(encoding="utf-8")),
                  MONTH=_MONTH)
"""The regular expressions that read the tender's facts (``_P.date``, ``_P.length`` ...):
``compose/tender_profile_patterns.yaml``."""
_LEAD = {"the", "this", "that", "each", "every", "our", "your", "a", "an", "local", "partner", "lead", "host", "any",
         "all", "both", "their", "its", "with", "and", "of", "for", "by", "in", "on", "to", "from", "as", "at",
         "describe", "explain", "outline", "please", "how", "what", "which", "who", "commissioner", "commissioners",
         "contracting", "authority", "relevant", "respective", "q", "question", "section", "lot", "part"}
_ORG_WORDS = {"nhs", "integrated", "care", "board", "icb", "council", "borough", "metropolitan", "city", "county",
              "district", "town", "london", "royal", "and", "of", "the", "service", "community", "mental", "health",
              "wellbeing", "recovery", "support", "team"}
_COMPASS = {"north", "south", "east", "west", "central", "inner", "outer", "greater"}
_GENERIC_SERVICE = {"health service", "national health service", "the service", "service", "nhs service"}


@dataclass
class ReadFact:
    value: str
    quote: str = ""
    """The buyer's words the value was read from."""


@dataclass
class Resolved:
    """The profile an answer fills its placeholders from, and what it does not know."""

    profile: dict[str, str]
    facts: dict[str, str] = field(default_factory=dict)
    """The tender's own facts (read or set), as given."""
    other_buyer: bool = False
    """The tender's buyer is not the service profile's commissioner."""

    @property
    def unknown(self) -> list[str]:
        """Tender facts neither the tender nor (for the same buyer) the service profile gives."""
        return [f for f in FIELDS if not self.profile.get(f) and f not in OPTIONAL]

    @property
    def incumbent(self) -> bool | None:
        status = (self.profile.get("provider_status") or "").strip().lower()
        return True if status == "incumbent" else False if status == "new" else None


# ---------------------------------------------------------------- reading the buyer's text


def _clip(text: str, start: int, end: int, width: int = 150) -> str:
    """The sentence around ``start``..``end``, at most ``width`` characters."""
    left = max(text.rfind(c, 0, start) for c in ".\n") + 1
    right = min([i for i in (text.find(c, end) for c in ".\n") if i >= 0] or [len(text)])
    quote = " ".join(text[left:right + 1].split())
    return quote if len(quote) <= width else quote[:width - 1].rsplit(" ", 1)[0] + " …"


def format_date(m: re.Match) -> str:
    if m.group("m"):
        month = MONTH_NAMES[(month_number(m.group("m")) or 1) - 1]
        return f"{int(m.group('d'))} {month} {m.group('y')}" if m.group("d") else f"{month} {m.group('y')}"
    month_no = int(m.group("mm"))
    if not 1 <= month_no <= 12:
        return ""
    return f"{int(m.group('dd'))} {MONTH_NAMES[month_no - 1]} {m.group('yy')}"


def read_date(text: str) -> str:
    """A contract start as the bid team types it ('1 April 2026', '2026-04-01', '01/04/2026',
    'April 2026'), written as the answers write it ('1 April 2026')."""
    t = " ".join((text or "").split())
    iso = re.fullmatch(r"(20\d\d)-(\d\d)-(\d\d)", t)
    if iso:
        t = f"{iso.group(3)}/{iso.group(2)}/{iso.group(1)}"
    m = _P.date.fullmatch(t)
    value = format_date(m) if m else ""
    if not value:
        raise InputError(f"contract start {text!r} is not a date (use e.g. '1 April 2026' or 2026-04-01)")
    return value


def _name_before(text: str, end: int) -> list[str]:
    """The run of capitalised words (with 'and'/'&' between them) just before ``end``, on its line."""
    left = max(text.rfind(c, 0, end) for c in ".\n:;,()\"“”") + 1
    words = text[left:end].split()
    out: list[str] = []
    for w in reversed(words):
        if w in ("Board", "ICB", "Council", "Trust", "Partnership"):
            break  # the end of another organisation's name ('... ICB and Halbrook Borough Council')
        if re.fullmatch(r"[A-Z][\w'’-]*", w) or (w in ("and", "&") and out):
            out.insert(0, w)
        else:
            break
    while out and (out[0].lower() in _LEAD or out[0] in ("and", "&")):
        out = out[1:]
    return out


def _buyers(text: str) -> list[tuple[str, str, str]]:
    """Every buyer named in the text, in the order named: (name as written, area, quote)."""
    out = []
    starts: list[int] = []
    for m in sorted([*_P.icb.finditer(text), *_P.nation_buyer.finditer(text)], key=lambda m: m.start()):
        words = _name_before(text, m.start())
        place = [w for w in words if w != "NHS"]
        if not place:
            continue
        nhs = "NHS " if words and words[0] == "NHS" else ""
        name = f"{nhs}{' '.join(place)} {m.group(0)}"
        out.append((name, " ".join(place), _clip(text, m.start(), m.end())))
        starts.append(m.start())
    for m in _P.council.finditer(text):
        kind = " ".join(m.group(0).split())
        words = _name_before(text, m.start() + (len(m.group(0)) - len(m.group(0).lstrip())))
        if kind != "Council" or not words:
            place = words
        else:
            place = [w for w in words if w not in ("Borough", "City", "County", "District", "Metropolitan")]
        if not place:
            continue
        out.append((f"{' '.join(words)} {kind}" if kind != "Council" else f"{' '.join(words)} Council",
                    " ".join(place), _clip(text, m.start(), m.end())))
        starts.append(m.start())
    for m in _P.borough_of.finditer(text):
        name = m.group(0).strip()
        if re.match(r"\s*Council\b", text[m.end():]):
            name += " Council"
        out.append((name, m.group("a"), _clip(text, m.start(), m.end())))
        starts.append(m.start())
    found = sorted(zip(starts, out), key=lambda x: x[0])
    # 'Halbrook Borough Council's housing team': a partner the service works with, not the buyer
    return [b for at, b in found if not _P.partner.match(text, at + text[at:].find(b[0].split()[-1]) + len(b[0].split()[-1]))]


def _start_dates(text: str) -> list[tuple[str, str]]:
    """Dates the text gives as a start ('commence on 1 April 2026', 'go-live: April 2026'), in
    order, with their sentence; dates of the tender process (submission, award) are not starts."""
    out = []
    for s in _P.start.finditer(text):
        if _P.start_modifier.match(text, s.end()) or _P.week_before.search(text, 0, s.start()):
            continue  # 'a go-live readiness review', 'the week beginning …': another thing's date, not the start
        left = max(text.rfind(c, 0, s.start()) for c in ".\n") + 1
        row_end = text.find("\n", s.end()) % (len(text) + 1)
        if text[left:row_end].count("|") >= 2:
            # a milestone table's row: the start is the milestone's own ('| M11 | Service start (first session) |
            # Saturday 1 July 2028 |'), its date in the row's date cell however long the milestone's words; a row
            # where something else begins ('TUPE consultation ... begins') or a review after the start is not one
            # (s34 q11 read the contract start as the TUPE consultation's 3 April 2028)
            cell = text[text.rfind("|", 0, s.start()) + 1:s.start()]
            if not _P.row_start_subject.fullmatch(cell.strip()):
                continue
            d = _P.date.search(text, s.end(), row_end)
        else:
            line_end = min([i for i in (text.find(c, s.end()) for c in ".\n;") if i >= 0] or [len(text)])
            d = _P.date.search(text, s.end(), min(line_end, s.end() + 60))
        if d is None:
            continue
        if _P.not_start.search(text[left:d.start()]) or _P.series_start.search(text[left:s.start()]):
            continue
        value = format_date(d)
        if value:
            out.append((value, _clip(text, s.start(), d.end())))
    return out


def same_date(a: str, b: str) -> bool:
    """'1 April 2026' and '1 April 2026', or 'April 2026' and '1 April 2026' (one gives no day)."""
    wa, wb = a.split(), b.split()
    return wa == wb or (min(len(wa), len(wb)) == 2 and wa[-2:] == wb[-2:])


def key_words(name: str) -> set[str]:
    """The distinctive words of a buyer's, area's or service's name ('NHS Halbrook ICB': {'halbrook'})."""
    return {w for w in re.findall(r"[a-z][a-z'’-]+", (name or "").lower()) if w not in _ORG_WORDS and len(w) > 2}


def same_buyer(a: str, b: str) -> bool:
    ka, kb = key_words(a), key_words(b)
    return bool(ka and kb and ka & kb)


def read_facts(text: str) -> dict[str, ReadFact]:
    """The tender's facts the buyer's ``text`` states (fields of :data:`FIELDS`; absent when not stated).

    ``provider_status`` is read as 'new' when the text speaks of another provider running the
    service now ("the incumbent provider", "the current provider's staff may transfer"), unless
    it only does so conditionally ("if you are the incumbent ..."). The caller decides whether
    that incumbent is us (see :func:`facts_for_import`).
    """
    text = text or ""
    out: dict[str, ReadFact] = {}
    buyers = _buyers(text)
    if buyers:
        # one name per buyer: the longest way the text writes it ('London Borough of Dene Council')
        def kind(name: str) -> tuple:
            return frozenset(key_words(name)), "Council" in name

        longest: dict[tuple, str] = {}
        for name, _, _ in buyers:
            if len(name) > len(longest.get(kind(name), "")):
                longest[kind(name)] = name
        buyers = [(longest[kind(n)], a, q) for n, a, q in buyers]
        counts = Counter(name for name, _, _ in buyers)
        first: dict[str, tuple[str, str]] = {}
        for name, area, quote in buyers:
            first.setdefault(name, (area, quote))
        names = sorted(counts, key=lambda n: (-counts[n], list(first).index(n)))
        # one buyer, or a joint one (an ICB and a council) when both kinds are named
        chosen = [names[0]]
        for n in names[1:]:
            # a council and an ICB named in one sentence ('X ICB and Y Council jointly commission')
            if ("Council" in n) != ("Council" in names[0]) and any(
                    names[0] in q and n in q for _, _, q in buyers):
                chosen.append(n)
                break
        out["commissioner"] = ReadFact(" and ".join(chosen), first[chosen[0]][1])
        out["area"] = ReadFact(first[chosen[0]][0], first[chosen[0]][1])
    else:
        m = _P.area_of.search(text)
        if m and m.group("a").split()[0].lower() not in _LEAD:
            out["area"] = ReadFact(m.group("a"), _clip(text, m.start(), m.end()))
    # the contract start: the first date just after a start word, in a sentence about starting
    for value, quote in _start_dates(text):
        out["contract_start"] = ReadFact(value, quote)
        break
    length = None
    for pat in _P.length:
        m = pat.search(text)
        if m:
            length = (f"{m.group('n')} {m.group('u')}", m)
            break
    plus = _P.plus.search(text)
    if length is None and plus:
        extra = f", with an option to extend by {plus.group('b')} year{'s' if plus.group('b') != '1' else ''}"
        length = (f"{plus.group('a')} year{'s' if plus.group('a') != '1' else ''}{extra}", plus)
    elif length is not None:
        ext = _P.extend.search(text)
        if ext:
            length = (f"{length[0]}, with an option to extend by {ext.group('n')} {ext.group('u')}", length[1])
    if length is not None:
        value, m = length
        out["contract_length"] = ReadFact(value.lower(), _clip(text, m.start(), m.end()))
    for m in _P.other_provider.finditer(text):
        before = text[max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1: m.start()]
        if _P.if_you.search(before):
            continue  # "if you are the incumbent provider, ...": said to every bidder alike
        out["provider_status"] = ReadFact("new", _clip(text, m.start(), m.end()))
        break
    if "provider_status" not in out:
        named = _P.named_provider.search(text)
        if named:  # a body named as running the service now: ours or not is for facts_for, with the profile
            out["provider_status"] = ReadFact("new", _clip(text, named.start(), named.end()))
    places = localities(text)
    if places:
        out["localities"] = places
    bases = base_names(text)
    if bases:
        out["base"] = ReadFact("; ".join(name for name, _ in bases), bases[0][1])
    services = Counter(" ".join(m.group("name").split()) for m in _P.service.finditer(text))
    for name, _ in services.most_common():
        words = name.split()
        while words and words[0].lower() in _LEAD:
            words = words[1:]
        name = " ".join(words)
        if len(words) >= 2 and name.lower() not in _GENERIC_SERVICE and not name.startswith("NHS "):
            where = text.find(name)
            if _existing_service(text, where):
                continue  # "In 2025/26 the X Service made 312 referrals": a service there now, not the one tendered
            if _partner_service(text, where):
                continue  # "how will this link with ... the X Service": a partner's service, not the one tendered
            if _P.procurement_body.search(name):
                continue  # the body that runs the procurement for the buyer, not the service it buys
            out["service"] = ReadFact(name, _clip(text, where, where + len(name)))
            break
    return out


_WITH = re.compile(r"\b(?:work(?:s|ing)?|link(?:s|ing|ed)?|liais\w*|partner(?:s|ing)?|collaborat\w*|co-?ordinat\w*|"
                   r"join(?:s|ing)?\s+up|integrat\w*|connect\w*)\s+(?:[\w'’-]+\s+){0,3}?with\b|"
                   r"\b(?:refer\w*|signpost\w*)\s+(?:[\w'’-]+\s+){0,3}?(?:to|into)\b", re.I)


def asked_with(name: str, sentence: str) -> bool:
    """The buyer's sentence asks how we work with, link with or refer to ``name``: the name is the object of such a
    verb, alone or in a list ('link with the Wykeham Active Lives programme and the Tarrow and Wyke Tobacco
    Dependence Service'), in the same clause."""
    at = (sentence or "").find(name)
    if at < 0:
        return False
    clause = re.split(r"[.;:?!]", sentence[:at])[-1]
    cues = list(_WITH.finditer(clause))
    if not cues:
        return False
    between = clause[cues[-1].end():]
    return len(between.split()) <= 12 and not re.search(r"\b(?:how|what|when|who|why|which|you|your)\b", between, re.I)


def _partner_service(text: str, where: int) -> bool:
    """A service named as the one the answer is to work with, link with or refer to: a partner's."""
    start = max(text.rfind(".", 0, where), text.rfind("\n", 0, where), text.rfind("?", 0, where)) + 1
    end = min([i for i in (text.find(".", where), text.find("\n", where), text.find("?", where)) if i != -1] or [len(text)])
    sentence = text[start:end]
    return asked_with(text[where:end].split(" Service")[0] + " Service" if " Service" in text[where:end] else
                      text[where:end], sentence)


def _existing_service(text: str, where: int) -> bool:
    """A service named in a sentence about what is there now or was done before (the current arrangement,
    last year's figures): someone else's service, not the name the buyer gives the service it tenders."""
    start = max(text.rfind(".", 0, where), text.rfind("\n", 0, where)) + 1
    ends = [i for i in (text.find(".", where), text.find("\n", where)) if i != -1]
    return bool(_P.now_or_before.search(text[start: min(ends) if ends else len(text)]))


UNNAMED_BUYER = "another buyer (the tender names local bodies, not the buyer)"
"""The commissioner read from a text that names none, but names local bodies or places that are
not ours ('Hartmoor Wellbeing Hub', 'four localities (Hartmoor City, ...)'): another buyer, unnamed."""

UNSTATED_BUYER = "not named (the question does not say who the buyer is)"
"""The commissioner when drafting for a text that names no buyer, none of our own names and no local body
('report to the ICB', 'the Commissioners'), with no buyer set for the tender: it may be anyone's, so
answers name it plainly and neither name our commissioner as the buyer nor write as its current provider."""


def buyer_as_worded(text: str) -> str | None:
    """How the buyer's ``text`` refers to a buyer it does not name ('the Commissioners': 'the commissioners',
    'the ICB and the Council': 'the ICB and council', 'the ICB'), for answers to name it the same way; None
    when it does not refer to one."""
    m = _P.worded.search(text or "")
    if m is None:
        return None
    words = [w if w.upper() == "ICB" else w.lower() for w in m.group("who").split() if w.lower() != "the"]
    return "the " + " ".join(words)


def own_names(service_profile: dict[str, str]) -> set[str]:
    """The proper names of our current buyer, area and service ('riverside'): not compass words or generic ones."""
    out: set[str] = set()
    for k in ("commissioner", "area", "service"):
        out |= {w.lower() for w in re.findall(r"\b[A-Z][a-z'’-]{2,}", service_profile.get(k) or "")
                if w.lower() in key_words(w) and w.lower() not in _COMPASS}
    return out


def names_ours(text: str, service_profile: dict[str, str]) -> bool:
    """Whether ``text`` names our current buyer, area or service by its proper name ('Riverside')."""
    said = {w.lower() for w in re.findall(r"\b[A-Z][a-z'’-]{2,}", text or "")}
    return bool(said & own_names(service_profile))


_NOT_PLACE = _LEAD | _ORG_WORDS | _COMPASS | {
    "safeguarding", "children", "adults", "adult", "crisis", "resolution", "home", "treatment", "shared", "plan",
    "local", "joint", "multi-agency", "multi", "agency", "provider", "mobilisation", "partnership", "primary",
    "secondary", "specialist", "voluntary", "sector", "housing", "employment", "work", "works", "safe", "haven",
    "hub", "early", "intervention", "psychosis", "liaison", "learning", "disability", "disabilities", "autism",
    "older", "people", "young", "youth", "family", "families", "carers", "carer", "peer", "access", "single",
    "point", "referral", "assessment", "duty", "out", "hours", "hospital", "discharge", "acute", "inpatient",
    "recovery", "college", "clinical", "quality", "governance", "contract", "commissioning", "transformation",
    "programme", "project", "strategic", "system", "place", "neighbourhood", "neighbourhoods", "integrated",
    "social", "prescribing", "substance", "misuse", "drug", "alcohol", "dual", "diagnosis", "criminal", "justice",
    "police", "probation", "fire", "rescue", "ambulance", "emergency", "urgent", "digital", "data", "information",
    "equality", "inclusion", "diversity", "lived", "experience", "expert", "experts", "user", "service", "users",
    "forum", "board", "group", "steering", "operational", "delivery", "performance", "review", "protocol", "policy",
    "pathway", "pathways", "step-down", "step", "down", "up", "stepped", "physical", "wellbeing", "money", "debt",
    "advice", "benefits", "welfare", "veterans", "armed", "forces", "day", "night", "weekend", "new", "existing",
    "current", "outgoing", "incoming", "incumbent", "named", "lead", "leads", "manager", "managers", "senior",
    "executive", "management", "my", "we", "you", "our", "your", "its", "if", "where", "when", "please", "annex",
    "appendix", "schedule", "table", "figure", "note", "notes", "trust", "foundation", "national", "england",
    "wales", "scotland", "ireland", "british", "uk", "gp", "gps", "cmht", "crhtt", "a&e", "ed", "mash", "nhs",
    "patient", "race", "involvement", "payment", "bed", "flow", "value", "charter", "pledge", "meeting", "strategy",
    "network", "standard", "standards", "accessible", "minimum", "practice", "trauma-informed", "trauma",
    "informed", "level", "training", "core", "key", "suicide", "prevention", "dementia", "perinatal", "eating",
    "disorder", "disorders", "health", "inner", "outer", "greater", "garden", "old", "market", "central",
    "university", "royal",
}


def localities(text: str) -> ReadFact | None:
    """The localities the buyer lists ('across four localities (Hartmoor City, Wendle Vale, Saltby Coast and
    Northfell)'), written 'Hartmoor City, Wendle Vale, Saltby Coast and Northfell'; None when it lists none."""
    for m in _P.localities.finditer(text or ""):
        items = [" ".join(i.split()) for i in re.split(r",|\band\b|;", m.group("list"))]
        names = [i for i in items if i and len(i.split()) <= 3 and all(w[:1].isupper() for w in i.split())]
        if len(names) >= 2 and len(names) == len([i for i in items if i]):
            value = ", ".join(names[:-1]) + f" and {names[-1]}"
            return ReadFact(value, _clip(text, m.start(), m.end()))
    return None


def _terms(key: str) -> str:
    words = load_phrasebank("question_terms.yaml").get(key) or []
    return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _run_by_other(text: str, end: int) -> bool:
    """Whether the place named just before ``end`` is said to be run by someone else ('..., run by the
    voluntary sector partner'), not by the bidder ('run by the provider')."""
    return bool(re.match(rf"\s*[,(]?\s*(?:which\s+is\s+|is\s+)?(?i:{_terms('place_run_by_other')})\s+"
                         rf"(?!(?i:{_terms('place_ours')})\b)", text[end:]))


def _places(text: str):
    """(name, start, end, kind) of each place the buyer names as ours: 'base' (the service operates from or is
    based at it) or 'run' (the Lot includes it, or the bidder will run or staff it; the places it lists after the
    first, 'and two wellbeing hubs: A and B'; the rows or items under a heading that says the provider runs them)."""
    text = text or ""
    for n, pat in enumerate(_P.base_of):
        for m in pat.finditer(text):
            if not _run_by_other(text, m.end()):
                yield m.group("name"), m.start(), m.end(), "base" if n == 0 else "run"
                if n:
                    yield from _listed_after(text, m.end())
    yield from _listed_under(text)


_GAP = re.compile(r"(?:\s*,\s*[A-Z][\w'’-]*)?\s*(?:,|;|:|\band\b|\bplus\b|\b(?:one|two|three|four|five|\d+)\b|"
                  r"\b[a-z][a-z-]*\b|\s)*")
_NOT_OURS_GAP = re.compile(r"\b(?:with|by|alongside|from|to|for|partners?|refer\w*)\b", re.I)


def _listed_after(text: str, end: int):
    """The places a 'will run' sentence lists after its first ('The provider will run Ferncliffe House, Ryedon (8
    rooms ...) and two wellbeing hubs: Kingsford Wellbeing Hub (...) and Saltmarsh Wellbeing Hub (...)'): each joined
    to the one before by a list's words only, never 'work with' or 'run by' another."""
    stop = re.search(r"(?<![A-Z])[.!?](?:\s|$)|\n\s*\n", text[end:])
    rest = text[end:end + stop.start()] if stop else text[end:]
    plain = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), rest)  # an aside, its length kept
    at = 0
    for m in re.finditer(_P.fill("{NAMED}"), plain):
        gap = plain[at:m.start()]
        if not _GAP.fullmatch(gap) or _NOT_OURS_GAP.search(gap) or _run_by_other(text, end + m.end()):
            return  # (s23: '..., while the Lanterns Crisis House is run by Haven Minds' is not ours)
        yield m.group("name"), end + m.start(), end + m.end(), "run"
        at = m.end()


def _listed_under(text: str):
    """The places in the table rows or list items under a heading or caption that says the provider runs them
    (``base_heading``), up to the next heading, caption or paragraph; none under a heading of partners' places."""
    lines = text.splitlines(keepends=True)
    pos, ours, run_col = 0, False, -1
    for i, line in enumerate(lines):
        body = line.strip()
        row = body.count("|") >= 2
        if row and i + 1 < len(lines) and re.fullmatch(r"\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*", lines[i + 1].strip()):
            heads = body.strip("|").split("|")
            run_col = next((n for n, h in enumerate(heads) if _P.run_by_column.search(h.replace("*", ""))), -1)
            pos += len(line)
            continue  # a table's header row: its column names, no place (a 'Run by' column says whose each row is)
        if not row:
            run_col = -1
        elif run_col > 0:
            cells = body.strip("|").split("|")
            if len(cells) > run_col and _P.ours_cell.search(cells[run_col].replace("*", "")):
                yield from _row_place(line, pos)
            pos += len(line)
            continue
        item = re.match(r"^(?:[-•▪*]|\d{1,2}[.)])\s+(?!\*)", body)
        if body and not row and not item:
            # a heading, a caption or a paragraph: it sets what follows it
            ours = bool(_P.base_heading.search(body)) and not _P.partner_heading.search(body)
        elif ours and body:
            cell = body.strip("|").split("|")[0] if row or item is None else body[item.end():]
            cell = cell.replace("*", "").strip()
            m = _P.base_list_name.match(cell)
            if m and not re.fullmatch(r"[:\-\s]*", cell) and len(m.group("name").split()) >= 2 \
                    and not _P.base_heading.search(cell):
                at = pos + line.find(m.group("name"))
                yield m.group("name"), at, at + len(m.group("name")), "run"
        pos += len(line)


def _row_place(line: str, pos: int):
    """The place a table row names in its first cell ('| Willow Court, Oakhurst | ... | Provider |'), as a place we run."""
    cell = line.strip().strip("|").split("|")[0].replace("*", "").strip()
    m = _P.base_list_name.match(cell)
    if m and len(m.group("name").split()) >= 2:
        at = pos + line.find(m.group("name"))
        yield m.group("name"), at, at + len(m.group("name")), "run"


def place_name_at_start(words: str) -> str:
    """The place's proper name a role or a phrase opens with ('Ferncliffe House support workers' -> 'Ferncliffe
    House'), or ''."""
    m = re.match(_P.fill("{NAMED}"), " ".join((words or "").split()) + " ")
    return m.group("name").strip() if m and not m.group("name").lower().startswith("the ") else ""


def place_kind(name: str, text: str) -> str:
    """'base' or 'run' for the place ``name`` as ``text`` (the buyer's sentence naming it) says it is ours, by
    the buyer's verb; '' when the text does not say."""
    for found, _, _, kind in _places(text):
        if is_base(name, " ".join(found.split())):
            return kind
    return ""


def crisis_place(name: str) -> bool:
    """Whether a place's name ends with a crisis place's kind ('Safe Haven', 'Crisis House')."""
    return bool(re.search(rf"(?i)\b(?:{_terms('crisis_places')})$", " ".join(name.split())))


def base_names(text: str) -> list[tuple[str, str]]:
    """(name, quote) of each place the buyer says the service works from or runs as part of the contract
    ('the Hartmoor Wellbeing Hub', 'the Saltby Safe Haven'): ours to work in and run, not a partner's."""
    roles = {p.key: p for p in site_roles.read(text)}
    out: dict[str, str] = {}
    for name, start, end, _ in _places(text):
        bare = site_roles.without_lead(name, _LEAD)
        role = roles.get(site_roles.key(bare))
        if len(bare.split()) >= 2 and (role is None or role.role == "ours"):
            out.setdefault("the " + bare, _clip(text, start, end))
    # the base a label and the sentence after it give ('Service base: Tobar House ... will be run by the Provider', s34)
    have = {site_roles.key(n) for n in out}
    for p in roles.values():
        if p.role == "ours" and p.key not in have and not any(h.startswith(p.key + " ") for h in have):
            out.setdefault("the " + p.name, p.evidence)
    return list(out.items())


def is_base(name: str, base: str) -> str:
    """The tender's ``base`` place that ``name`` (a thing the buyer names) is, as the tender writes it ('Hartmoor
    Wellbeing Hub' in 'the Hartmoor Wellbeing Hub; the Saltby Safe Haven'), or ''. A name read short of its
    last word ('Kelsey Bay Crisis' for 'the Kelsey Bay Crisis Café') is the place when it has three words or
    more; a locality's own name ('Kelsey Bay') is not."""
    said = re.sub(r"^the\s+", "", " ".join((name or "").split()), flags=re.I).split()
    for b in (base or "").split(";"):
        # 'The Quayside Wellbeing Hub' as a list item opens with it: the same place as 'Quayside Wellbeing Hub'
        words = re.sub(r"^the\s+", "", " ".join(b.split()), flags=re.I).split()
        low = [w.lower() for w in words]
        if said and ([w.lower() for w in said] == low or (len(said) >= 3 and [w.lower() for w in said] == low[:len(said)])):
            return " ".join(words)
    return ""


def _place_words(name: str) -> list[str]:
    """The place words leading a local body's name ('Hartmoor and Wendle Crisis ... Team': Hartmoor, Wendle)."""
    out = []
    for w in name.split():
        if w == "and":
            continue
        if w.lower() in _NOT_PLACE or not re.fullmatch(r"[A-Z][a-z'’-]{2,}", w) or re.search(r"['’]s?$", w):
            break
        out.append(w.lower())
    return out


def local_names(text: str) -> list[tuple[str, list[str]]]:
    """Local bodies and places the text names, with their place words: '<Place> Wellbeing Hub',
    '<Place> Safeguarding Children Partnership', '<Place> Works', '<Place> Safe Haven', '<Place>
    Council', and the localities it lists ('four localities (Hartmoor City, Wendle Vale and Northfell)').
    National bodies ('NHS England', 'Samaritans', 'Right Care Right Person') name no place."""
    out = []
    for m in _P.local_name.finditer(text or ""):
        words = m.group("name").split()
        while words and (words[0].lower() in _LEAD or words[0] in ("and", "NHS")):
            words = words[1:]
        place = _place_words(" ".join(words))
        if place:
            out.append((" ".join(m.group(0).split()), place))
    for m in _P.localities.finditer(text or ""):
        for item in re.split(r",|\band\b|;", m.group("list")):
            place = _place_words(item.strip())
            if place and len(item.split()) <= 3:
                out.append((item.strip(), place))
    return out


def unnamed_other_buyer(text: str, service_profile: dict[str, str]) -> tuple[str, str] | None:
    """(name, quote) of a local body or place in ``text`` that is none of ours, when every local
    name the text gives is foreign to the profile's commissioner, area and service (one of ours
    named means the text is about our own area); None otherwise."""
    found = local_names(text)
    if not found:
        return None
    mine = key_words(" ".join(service_profile.get(k, "") for k in ("commissioner", "area", "service")))
    if not mine or any(set(place) & mine for _, place in found):
        return None
    name = found[0][0]
    where = (text or "").find(name)
    return name, _clip(text, where, where + len(name)) if where >= 0 else name


def facts_for(text: str, service_profile: dict[str, str], given: dict[str, str] | None = None, *,
              drafting: bool = False, context: str = "") -> dict[str, ReadFact]:
    """The tender's facts: those ``given`` (stored with the tender, or set by the bid team) over
    those :func:`read_facts` finds in ``text``. 'The incumbent provider' is read against the
    profile: when the buyer is our own commissioner and the profile says we run the service now,
    the incumbent the buyer speaks of is us, so nothing is concluded from it. A text that names no
    buyer but names local bodies or places none of which are ours (:func:`unnamed_other_buyer`), or
    speaks of 'the outgoing provider' while we run our own commissioner's service now, is read as
    another buyer, unnamed (:data:`UNNAMED_BUYER`).

    ``drafting``: the facts an answer is drafted with. Then a text (with ``context``, the rest of the
    tender) that names no buyer at all and none of our own names, with no buyer ``given``, has its
    buyer unknown (:data:`UNSTATED_BUYER`): our commissioner is not assumed to be the buyer. At import
    nothing is concluded, so that 'tender status' still shows what the text says."""
    facts = read_facts(text)
    for k, v in (given or {}).items():
        if k in FIELDS and str(v or "").strip():
            facts[k] = ReadFact(" ".join(str(v).split()), "set for the tender")
    if "commissioner" not in facts:
        other = unnamed_other_buyer(text, service_profile)
        if other is not None:  # local bodies and places that are not ours: another buyer, unnamed
            facts["commissioner"] = ReadFact(UNNAMED_BUYER, other[1])
    status = facts.get("provider_status")
    ours = " ".join(str(service_profile.get("provider") or "").split())
    if status is not None and status.value == "new" and "provider_status" not in (given or {}) and ours and \
            re.search(r"\b(?:delivered|provided|run)\s+by\s+(?:the\s+)?" + re.escape(ours), " ".join(status.quote.split()), re.I):
        # 'The current service is delivered by <our own organisation>': we run it now
        facts["provider_status"] = ReadFact("incumbent", status.quote)
        status = facts["provider_status"]
    if status is not None and status.value == "new" and "provider_status" not in (given or {}):
        buyer = facts.get("commissioner")
        # 'the outgoing provider' in a text that names no buyer: a provider that is leaving, not us
        outgoing = buyer is None and re.search(r"\b(?:outgoing|previous)\b", status.quote, re.I)
        if (buyer is None or same_buyer(buyer.value, service_profile.get("commissioner", ""))) and not outgoing and \
                (service_profile.get("provider_status") or "").lower() == "incumbent":
            del facts["provider_status"]
        elif outgoing and (service_profile.get("provider_status") or "").lower() == "incumbent":
            # we run our commissioner's service now, so a service another provider is leaving is another buyer's
            facts["commissioner"] = ReadFact(UNNAMED_BUYER, status.quote)
    if drafting and "commissioner" not in facts and service_profile.get("commissioner") \
            and not names_ours(f"{text}\n{context}", service_profile):
        facts["commissioner"] = ReadFact(UNSTATED_BUYER, "the question names no buyer")
    return facts


# ---------------------------------------------------------------- the profile an answer uses


def resolve(service_profile: dict[str, str], facts: dict[str, str] | None) -> Resolved:
    """The service profile with the tender's ``facts`` over it (see the module's docstring)."""
    facts = {k: " ".join(str(v).split()) for k, v in (facts or {}).items() if k in FIELDS and str(v or "").strip()}
    profile = dict(service_profile)
    buyer = facts.get("commissioner")
    other = bool(buyer) and not same_buyer(buyer or "", service_profile.get("commissioner", ""))
    if buyer in (UNNAMED_BUYER, UNSTATED_BUYER):
        # another buyer the text does not name, or a buyer it does not say: named plainly ('the commissioner'),
        # never as ours
        other = True
        facts.pop("commissioner")
        profile.pop("commissioner", None)
    if other:
        for k in BUYER_SPECIFIC:
            profile.pop(k, None)
        if "area" not in facts and buyer not in (UNNAMED_BUYER, UNSTATED_BUYER):
            # the place in the (first) buyer's name: 'Dene County Council', 'NHS Halbrook and Dene ICB and ...'
            m = re.search(r"\b(?:Council|Board|ICB)\b", buyer or "")
            first = (buyer or "")[:m.end()] if m else (buyer or "")
            place = " ".join(w for w in first.split() if w.lower() not in _ORG_WORDS - {"and"}).strip()
            place = re.sub(r"^(?:and\s+)+|(?:\s+and)+$", "", place)
            if place:
                facts["area"] = place
    profile.update(facts)
    return Resolved(profile=profile, facts=facts, other_buyer=other)


def describe_unknown(fields: list[str]) -> str:
    """'contract start, incumbent or new provider (set with evidencebot tender profile --start, --incumbent / --new)'."""
    labels = ", ".join(FIELDS[f][0] for f in fields)
    options = ", ".join(FIELDS[f][1] for f in fields)
    return f"{labels} (set with 'evidencebot tender profile {options}')"


# ---------------------------------------------------------------- answers against the tender's facts


def check_against(resolved: Resolved, answers: list[tuple[str, str]], service_profile: dict[str, str] | None = None,
                  buyer_text: str = ""):
    """Sentences of the answers ((ref, text) pairs) that state something the tender's facts
    contradict, as :class:`evidencebot.compose.consistency.Contradiction` (kind 'tender fact'):
    another buyer named, our current service's area or name under another buyer, another contract
    start, or writing as the incumbent to a tender where we would be new (and the reverse). A council or ICB the
    buyer's own text (``buyer_text``) names is one of its partners, not another buyer (a county's district councils,
    which hold housing: 'the Pellingford Borough Council Housing Options Team', s26)."""
    facts = resolved.profile
    out: list = []
    found: dict[str, list] = {}

    def add(label: str, ref: str, value: str, sentence: str) -> None:
        found.setdefault(label, []).append(Statement(ref, value, sentence))

    foreign: set[str] = set()
    if resolved.other_buyer and service_profile:
        # the proper names of our current buyer, area and service ('Riverside'), not said to another buyer
        # (the buyer's own places are its names too: s22 dev's 'Riverside Recovery and Wellbeing Hub', our 'Riverside')
        mine = key_words(" ".join(str(resolved.facts.get(k) or "") for k in ("commissioner", "area", "service", "base")))
        foreign = own_names(service_profile) - mine
    buyer = facts.get("commissioner", "")
    partners = {name for name, _, _ in _buyers(buyer_text)}
    start = facts.get("contract_start", "")
    status = resolved.incumbent
    for ref, text in answers:
        for sentence in _sentences(text):
            for name, _, _ in _buyers(sentence):
                if buyer and not same_buyer(name, buyer) and not any(same_buyer(name, b) for b in buyer.split(" and ")) \
                        and not any(same_buyer(name, p) for p in partners):
                    add("buyer", ref, name, sentence)
            said = key_words(sentence) & foreign
            if said:
                add("area or service", ref, ", ".join(sorted(said)), sentence)
            if start:
                for value, _ in _start_dates(sentence):
                    if not same_date(value, start):
                        add("contract start", ref, value, sentence)
            wrong = _P.as_incumbent.search(sentence) if status is False else _P.as_new.search(sentence) if status else None
            if wrong is not None:
                add("provider (we would be new)" if status is False else "provider (we run the service now)",
                    ref, wrong.group(0), sentence)
    named = ", ".join(resolved.facts[k] for k in ("commissioner", "area", "service") if resolved.facts.get(k))
    told = {"buyer": buyer, "area or service": named,
            "contract start": start, "provider (we would be new)": "new provider",
            "provider (we run the service now)": "incumbent"}
    for label, stated in found.items():
        out.append(Contradiction("tender fact", f"the tender's {label}",
                                 [Statement("tender", told.get(label, ""), "the tender's facts")] + stated))
    return out


def base_heading(text: str) -> bool:
    """Whether ``text`` (a heading, caption or sentence) says the provider runs what follows it."""
    return bool(_P.base_heading.search(text or ""))


def partner_heading(text: str) -> bool:
    """Whether ``text`` says what follows it is run by partners, not part of the contract."""
    return bool(_P.partner_heading.search(text or ""))


def run_by_column(head: str) -> bool:
    """Whether a table's column heading ``head`` says who runs each row ('Run by')."""
    return bool(_P.run_by_column.search((head or "").replace("*", "")))


def ours_cell(cell: str) -> bool:
    """Whether a 'Run by' cell names the provider ('Provider', 'The Provider')."""
    return bool(_P.ours_cell.search((cell or "").replace("*", "")))
