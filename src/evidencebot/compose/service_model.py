"""The service model described from what the buyer states (issue 12, session 27).

Every panel since s22 scored Q1 'service model and access' at 1-2: the parts asking for 'the components of the service
and how they will work together', 'how a person moves through the service from first contact to discharge, naming the
bases and outreach locations in each district' and 'how the Single Point of Access will operate ... including
self-referral' got nothing, or 'We will run the Wellbeing Hubs ourselves from the first day of the contract'.

:func:`asks` says which aspects of the model a part asks for (cues in ``phrasebank/service_model.yaml``); :func:`read`
reads the model the buyer sets out: the places and teams we run and those partners run (its facility tables, lists
and sentences, by the readers :mod:`tender_profile` already has for them), the CMHTs and their bases by locality, the
hours, channels and routes in, and its access standards (:mod:`buyer_standards`); :func:`units` says it in our words
through ``templates/service_model.md.j2``: the components and how each hands over to the next, the person's journey
in numbered steps, the bases by locality, and the hours and routes in. Nothing the buyer does not state is said: a
step has a timescale only where the buyer or the service profile gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidencebot.compose import buyer_standards, tender_profile
from evidencebot.compose import env as compose_env
from evidencebot.compose.filters import join_and, load_phrasebank
from evidencebot.compose.library import content_stems
from evidencebot.text import table_cells

PHRASEBANK = "service_model.yaml"
TEMPLATE = "service_model.md.j2"
BLOCK = "buyer-service-model"
ASPECTS = ("components", "journey", "bases", "hours")


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _re(key: str, flags: int = re.I) -> re.Pattern:
    return re.compile(str(_spec().get(key) or r"(?!x)x"), flags)


def asks(text: str) -> list[str]:
    """The aspects of the service model (of :data:`ASPECTS`) the part ``text`` asks for, in that order."""
    spec = _spec()
    cues = spec.get("asks") or {}
    found = [a for a in ASPECTS if re.search(str(cues.get(a) or r"(?!x)x"), text or "", re.I)]
    if found and _re("not_asks").search(text or "") and "components" not in found:
        return []
    return found


@dataclass
class Component:
    name: str
    kind: str = ""
    short: str = ""
    """its proper name alone ('Cedar Lodge' of 'Cedar Lodge step-up/step-down house'), or its name when it has none"""
    ours: bool = True
    runner: str = ""
    where: str = ""
    hours: str = ""
    does: str = ""
    text: str = ""
    serves: str = ""
    """what a partner's is for, after its name ('a crisis stay outside hospital')"""
    do: str = ""
    """what it does, said of several ('are where people meet ...'), or '' when the phrasebank has no plural"""

    @property
    def proper(self) -> bool:
        """Whether it has a proper name ('Tern House'), not only a description ('Drug and alcohol treatment')."""
        return not re.match(r"[A-Z][\w'’]*\s+(?:and\s+)?[a-z]", self.name) or self.short != self.name

    @property
    def as_partner(self) -> str:
        """A partner's component as our text names it: 'Tern House, run by Lantern Mental Health Charity, for a crisis
        stay outside hospital'; 'drug and alcohol treatment, run by Ellandshire Recovery Alliance (ERA)'."""
        by = f", run by {self.runner}," if self.runner else ""
        if self.proper:
            return f"{self.called}{by} for {self.serves}"
        entry = _kind(self.name)
        # a description that opens with its kind's own words is said in lower case ('drug and alcohol treatment');
        # one that opens with a name keeps it ('the Lantern safe haven')
        opens = re.match(str(entry.get("match") or r"(?!x)x"), self.name, re.I)
        if opens:
            return f"{self.name[:1].lower()}{self.name[1:]}{by.rstrip(',')}"
        return f"the {self.name}{by} for {self.serves}"

    @property
    def called(self) -> str:
        """How our text names it: its proper name alone where it has one ('Cedar Lodge'), with 'the' where that
        reads ('the Single Point of Access', 'the Wellbeing Hubs')."""
        return _the(self.short or self.name)

    @property
    def many(self) -> bool:
        """Whether its name is plural ('Wellbeing Hubs', 'community recovery teams')."""
        last = (self.short or self.name).split()[-1]
        return last.endswith("s") and not last.endswith("ss")

    @property
    def at(self) -> str:
        """The town or site the buyer gives for it, when that is a plain place ('Pellingford'), else ''."""
        place = re.split(r"\s*[(:]", self.where or "", maxsplit=1)[0].strip(" ,.")
        if self.many:  # several places: all of them, or none ('Pellingford, Shorehaven, Fellbridge and Colbury')
            return place if len(place.split(",")) + len(place.split(" and ")) > 2 and not _re("street", 0).search(
                place) and re.fullmatch(r"(?:[A-Z][\w'’]*)(?:,?\s+(?:and\s+)?[A-Z][\w'’]*){1,7}", place) else ""
        # a street is an address, not a place to name ('Customs House, Quay Street'): the building, else nothing
        place = next((p.strip() for p in place.split(",") if not _re("street", 0).search(p)), "") if "," in place \
            or _re("street", 0).search(place) else place
        return place if re.fullmatch(r"(?:[A-Z][\w'’]*)(?:,?\s+(?:and\s+)?[A-Z][\w'’]*){0,5}", place) else ""


@dataclass
class Locality:
    place: str
    cmht: str
    base: str = ""
    outreach: list[str] = field(default_factory=list)
    ours: list[str] = field(default_factory=list)


@dataclass
class Model:
    components: list[Component] = field(default_factory=list)
    localities: list[Locality] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    timescales: dict[str, str] = field(default_factory=dict)
    cover: list = field(default_factory=list)
    """The hours and staffing cover the buyer sets for places we run (:class:`Cover`)."""

    def ours(self, kind: str | None = None) -> list[Component]:
        return [c for c in self.components if c.ours and (kind is None or c.kind == kind)]

    def partners(self) -> list[Component]:
        return [c for c in self.components if not c.ours]


_SEPARATOR = re.compile(r"\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*")
_ITEM = re.compile(r"^(?:[-•▪*]|\d{1,2}[.)])\s+")
_ASIDE = re.compile(r"\s*\((?![A-Z]{2,8}\))[^()]*\)")
_CUT = re.compile(r",|:|;|\s+[–—-]\s+|\s+(?:at|in|on)\s+(?=(?:the\s+)?[A-Z])|\s+(?:run|operated|provided)\s+by\b")
_LEAD = re.compile(r"^(?:the|a|an|(?:two|three|four|five|six|\d+))\s+", re.I)


def _cells(line: str) -> list[str]:
    return [c.replace("*", "").strip() for c in table_cells(line)]


def _name(text: str) -> tuple[str, str]:
    """(the name an item opens with, what follows it): 'Windward House, 3 Mariners Walk, Corvenport: an 8-bed ...' ->
    ('Windward House', '3 Mariners Walk, Corvenport: an 8-bed ...'); an aside in brackets is no part of the name."""
    plain = _ASIDE.sub("", " ".join(text.split()))
    m = _CUT.search(plain)
    name = (plain[:m.start()] if m else plain).strip(" .")
    rest = plain[m.end():].strip(" .") if m else ""
    while _LEAD.match(name):
        name = _LEAD.sub("", name, count=1)
    return name, rest


def _kind(*texts: str) -> dict:
    """The phrasebank's entry for the kind of component (its kind, what it does, what a partner's is for), by its name
    first, then by what its row or item says of it; {} when none fits."""
    for text in texts:
        for entry in _spec().get("components") or []:
            if re.search(str(entry.get("match") or r"(?!x)x"), text or "", re.I):
                return dict(entry)
    return {}


_PROPER = re.compile(r"^[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|the)\s+)?(?:[A-Z][\w'’-]*|\([A-Z]{2,8}\)))*")


def _short(name: str) -> str:
    """The proper name ``name`` opens with, when it has two words or more ('EPFT Community Mental Health Teams' of
    'EPFT Community Mental Health Teams listed above'); else ``name``."""
    m = _PROPER.match(name)
    return m.group(0) if m and len(m.group(0).split()) >= 2 else name


def _component(cell: str, desc: str, ours: bool, runner: str = "", where: str = "", hours: str = "") -> Component | None:
    name, rest = _name(cell)
    if len(name) < 4 or not re.search(r"[A-Za-z]", name):
        return None
    if not runner and not ours:
        m = _re("run_by", 0).search(desc)
        runner = m.group("who").strip() if m else ""
    runner = _name(runner.replace(")", " ").replace("(", " (") if runner.count("(") < runner.count(")") else runner)[0]
    entry = _kind(name, f"{cell} {desc}")
    if not entry:
        return None
    c = Component(name=name, kind=str(entry.get("kind")), short=_short(name), ours=ours, runner=runner,
                  where=where or rest, hours=hours, text=f"{cell} {desc}", serves=str(entry.get("for") or ""))
    c.does = str((entry.get("do") if c.many else None) or entry.get("does") or "")
    c.do = str(entry.get("do") or "")
    return c


def _side(line: str) -> bool | None:
    """Whose the items after ``line`` (a heading, caption or sentence) are: ours, partners', or not said."""
    if tender_profile.partner_heading(line):
        return False
    if tender_profile.base_heading(line):
        return True
    return None


def _components(text: str) -> list[Component]:
    """The places and teams the buyer sets out with who runs each: a table with a 'Run by' column, the items of a list
    under a heading that says who runs them, or the items of a sentence saying so ('The provider will run ...: A; B')."""
    out: list[Component] = []
    lines = (text or "").splitlines()
    side: bool | None = None
    heads: list[str] = []
    for i, raw in enumerate(lines):
        body = raw.strip()
        row = body.count("|") >= 2
        if row and i + 1 < len(lines) and _SEPARATOR.fullmatch(lines[i + 1].strip()):
            heads = _cells(body)
            continue
        if row:
            if _SEPARATOR.fullmatch(body):
                continue
            cells = _cells(body)
            run = next((n for n, h in enumerate(heads) if tender_profile.run_by_column(h)), -1)
            if run > 0 and len(cells) > run:
                ours, runner = tender_profile.ours_cell(cells[run]), cells[run]
            elif side is not None:
                ours, runner = side, ""
            else:
                # a question's row whose guidance cell says in prose which places we run (s27 q01)
                for cell in cells:
                    out += _sentence_components(cell, body)
                continue
            where = next((cells[n] for n, h in enumerate(heads) if n and n < len(cells) and n != run
                          and _re("location_column").search(h)), "")
            hours = next((cells[n] for n, h in enumerate(heads) if n and n < len(cells) and n != run
                          and _re("hours_column").search(h)), "")
            desc = " ".join(c for n, c in enumerate(cells[1:], 1) if n != run)
            c = _component(cells[0], desc, ours, "" if ours else runner, where, hours)
            if c:
                out.append(c)
            continue
        heads = []
        item = _ITEM.match(body)
        if item and side is not None:
            c = _component(body[item.end():], body[item.end():], side)
            if c:
                out.append(c)
        elif body and not item:
            side = None
            out += _sentence_components(body)
            for sentence in re.split(r"(?<=[.])\s+(?=[A-Z*])", body):
                said = _side(sentence)
                if said is None:
                    continue
                side = said
                head, colon, listed = sentence.partition(":")
                if colon and listed.strip() and ";" in listed:
                    for part in listed.split(";"):
                        part = re.sub(r"^\s*(?:and|or)\s+", "", part.strip()).strip(" .")
                        c = _component(part, part, said)
                        if c:
                            out.append(c)
    seen: set[str] = set()
    unique = []
    for c in out:
        if c.name.lower() not in seen:
            seen.add(c.name.lower())
            unique.append(c)
    return unique


def _top_level_items(listed: str) -> list[str]:
    """The items of a comma list, commas inside brackets kept ('A (Church Street, Kestlebury), B and C' -> A (...), B,
    C)."""
    items, depth, start = [], 0, 0
    for n, ch in enumerate(listed):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            items.append(listed[start:n])
            start = n + 1
    items.append(listed[start:])
    out = []
    for item in items:
        parts = re.split(r"\s+and\s+(?![^()]*\))", item.strip()) if item is items[-1] or len(items) == 1 else [item]
        out += [re.sub(r"^\s*(?:and|or)\s+", "", x).strip(" .") for x in parts]
    return [x for x in out if x]


def _sentence_components(body: str, context: str = "") -> list[Component]:
    """Places said as ours or partners' in a sentence that lists them with commas (phrasebank run_ours_list /
    run_partners_list; the colon-and-semicolon list is :func:`_components`' own). A place listed by its name alone
    ('Harbour View (8 bedrooms, ...)') takes its kind from where ``context`` (the whole line) or ``body`` names it with
    more words ('Harbour View step-up/step-down house': s27 q01, its staffing cover went unsaid)."""
    out: list[Component] = []
    for sentence in re.split(r"(?<=[.])\s+(?=[A-Z*])", body or ""):
        for key, ours in (("run_ours_list", True), ("run_partners_list", False)):
            m = _re(key).search(sentence.strip())
            if not m or ":" in m.group("list"):
                continue
            for item in _top_level_items(m.group("list")):
                c = _component(item, item, ours)
                name = _name(item)[0]
                if c is None and len(name) >= 4:
                    said = re.search(re.escape(name) + r"\s+([\w/-]+(?:\s+[\w/-]+){0,3})", f"{context} {body}")
                    c = _component(item, f"{item} {said.group(1)}", ours) if said else None
                if c:
                    out.append(c)
    return out


def _localities(text: str, components: list[Component]) -> list[Locality]:
    """Each CMHT the buyer names with its base ('Pellingford CMHT – Elm House, Station Road, Pellingford', 'Kelsworth
    North CMHT (Ashby Road Health Centre)'), its outreach clinic where the buyer gives one, and our places there."""
    cmht = re.compile(r"(?<![\w-])(?P<name>(?!The\b|Each\b|Our\b|All\b|Four\b|Three\b)[A-Z][\w'’]+(?:\s+(?:and\s+)?"
                      r"[A-Z][\w'’]+){0,3})\s+CMHT\b\s*(?:[–—-]\s*(?P<base>[^\n;(]+?)(?=\s*\(|\s*$|;)|\((?P<base2>[^)]+)\)|\s+at\s+(?:the\s+)?(?P<base3>[A-Z][^;,.\n]+))", re.M)
    out: list[Locality] = []
    towns: dict[str, str] = {}
    for m in cmht.finditer(text or ""):
        name = " ".join(m.group("name").split())
        if any(loc.cmht == f"{name} CMHT" for loc in out):
            continue
        whole = " ".join((m.group("base") or m.group("base2") or m.group("base3") or "").split()).strip(" .,")
        base = re.sub(r"^The\s+", "the ", whole.split(",")[0])  # the building: its street address is no base
        # what follows, up to the next CMHT the buyer names (s27: one sentence names all three, and the third's
        # outreach clinic was read as the second's)
        after = cmht.search(text, m.end())
        line = re.split(r"[;\n]", text[m.end():after.start() if after else len(text)], maxsplit=1)[0][:160]
        outreach = [f"{o.group('what')} at {o.group('where')}" for o in _re("outreach", 0).finditer(f"{whole} {line}")]
        out.append(Locality(place=name, cmht=f"{name} CMHT", base=base, outreach=outreach))
        towns[f"{name} CMHT"] = whole
    for loc in out:
        words = _place_words(f"{loc.place} {towns.get(loc.cmht, loc.base)}")
        for c in components:
            if not c.ours or c.kind not in LOCAL_KINDS:
                continue
            # a component in several places ('Wellbeing Hubs (4) | Pellingford, Shorehaven, Fellbridge and Colbury')
            # is said by the place in this locality: 'the Wellbeing Hub in Fellbridge'
            items = [m.group(0).strip() for i in re.split(r",\s*|\s+and\s+", c.where)
                     for m in [re.search(r"[A-Z].*", i)] if m]
            if len(items) >= 2 and (c.short.endswith("s") or c.kind == "college"):
                one = re.sub(r"s$", "", c.short)
                loc.ours += [f"{_the(one)} {'in' if len(i.split()) == 1 else 'at'} {i}" for i in items
                             if words & _place_words(i)]
            elif words & _place_words(f"{c.name} {c.where}"):
                loc.ours.append(_the(c.short))
    return out if len(out) >= 2 else []


LOCAL_KINDS = frozenset({"hub", "stepup", "stepdown", "college"})
_NOT_PLACE_WORD = frozenset({"The", "House", "Centre", "Court", "Health", "Community", "Clinic", "Hospital", "Road", "Street"})


def _place_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Z][a-z'’]+", text or "")) - _NOT_PLACE_WORD


def _said(entries, text: str) -> list[str]:
    out = []
    for e in entries or []:
        if re.search(str(e.get("match") or r"(?!x)x"), text or "", re.I) and e.get("said") not in out:
            out.append(str(e.get("said")))
    return out


_CLAUSE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*])|;|\||\n|\(|\)")


def _subject_of(region: str, ours: list[Component]) -> Component | None:
    """The place of ours the words before a cover verb name: its name or proper name in them (the last said), else
    the one whose name's content words they share most, two at least ('both Recovery Hubs': the Kestlebury Recovery
    Hub; 'The single point of access telephone line')."""
    low = region.lower()
    named = [(low.rfind(n.lower()), c) for c in ours for n in {c.name, c.short} if n and n.lower() in low]
    if named:
        return max(named, key=lambda x: x[0])[1]
    words = content_stems(region)
    scored = [(len(words & content_stems(c.name)), c) for c in ours]
    best = max(scored, key=lambda x: x[0], default=(0, None))
    return best[1] if best[0] >= min(2, len(content_stems(best[1].name)) if best[1] else 2) else None


@dataclass
class Cover:
    component: Component
    subject: str
    """The buyer's words for the place ('both Recovery Hubs'), or its name when the buyer's are not a short phrase."""
    verb: str
    hours: str
    admissions: str = ""

    @property
    def sentence(self) -> str:
        spec = _spec()
        said = str((spec.get("cover_said") or {}).get(self.verb) or "")
        if not said:
            return ""
        text = said.format(subject=self.subject, hours=self.hours)
        if self.admissions:
            text += str(spec.get("cover_admissions_said") or "").format(when=self.admissions)
        return text.rstrip(" ,.") + "."


def _cover(question: str, components: list[Component]) -> list[Cover]:
    """The opening hours and staffing cover the buyer sets, each for a place we run (``cover_*`` of the phrasebank):
    'The single point of access telephone line must be open 8am to 10pm, seven days a week; both Recovery Hubs must be
    open 8am to 8pm Monday to Friday ...; Harbour View is staffed 24 hours a day, 365 days a year' (s27 q01). One per
    place, the first the buyer states."""
    ours = [c for c in components if c.ours]
    partners = [c for c in components if not c.ours]
    verb, stop, hours_rx = _re("cover_verb"), _re("cover_stop"), _re("cover_hours")
    admissions = _re("cover_admissions")
    out: list[Cover] = []
    for c in ours:  # the hours column of the buyer's table of places (s26 q01)
        said = re.match(rf"(?:{verb.pattern})\s+", c.hours, re.I)
        hours = c.hours[said.end():] if said else c.hours
        if said or hours_rx.match(hours) and re.match(r"\d", hours):
            hours = re.sub(r"\s*;\s*(?:open\s+)?", ", and ", hours).strip(" ,.")
            out.append(Cover(c, _the(c.name), said.group("verb").lower() if said else "open", hours))
    text = question or ""
    for m in verb.finditer(text):
        start = max(text.rfind(ch, 0, m.start()) for ch in ".;|\n(") + 1
        region = text[start:m.start()]
        before = ""
        if start > 0 and text[start - 1] in ")(":
            # 'Foundry Lodge (8 beds, Foundry Street) is staffed ...', 'Gull Lane House, Saltby (6-bed house, staffed
            # ...)': the name before the bracket
            opened = start - 1 if text[start - 1] == "(" else text.rfind("(", 0, start)
            begin = max(text.rfind(ch, 0, opened) for ch in ".;|\n") + 1 if opened >= 0 else start
            before = text[begin:opened] if opened >= 0 else ""
        if _re("run_by", 0).search(region) or _subject_of(region, partners):
            continue  # a partner's place ('the safe haven, run by ..., opens 6pm to 11pm')
        place = _subject_of(region, ours) or (_subject_of(before, ours) if before else None)
        if before and place is not None and _subject_of(region, ours) is None:
            region = before
        if place is None or place.hours or any(x.component is place for x in out):
            continue  # a place whose hours the buyer's table gives is said from the table (below)
        ends = [i for i in (text.find(ch, m.end()) for ch in ";|\n()") if i >= 0]
        sentence_end = re.search(r"\.(?=\s|$)", text[m.end():])
        end = min(ends + ([m.end() + sentence_end.start()] if sentence_end else []) + [len(text)])
        rest = text[m.end():end]
        taken = admissions.search(rest)
        cut = stop.search(rest)
        body = rest[:min(cut.start() if cut else len(rest), taken.start() if taken else len(rest))]
        parts = [p.strip() for p in body.split(",")]
        kept: list[str] = []
        for p in parts:
            if not p or not hours_rx.search(p):
                break
            kept.append(p)
        hours = ", ".join(kept).strip(" ,.")
        if not hours or not re.search(r"\d|\b(?:seven|every)\b", hours, re.I):
            continue
        subject = " ".join(region.split()).strip(" -*,")
        subject = re.sub(r"\s+(?:must|will|shall|should)\s*(?:be)?$|\s+(?:is|are)$", "", subject, flags=re.I).strip()
        if not subject or len(subject.split()) > 8 or re.search(r"[,:]", subject) or not subject[:1].isalpha():
            subject = _the(place.name)
        else:
            subject = subject[:1].lower() + subject[1:] if re.match(r"(?:The|Both|Each|All|Our)\b", subject) else subject
        out.append(Cover(place, subject, m.group("verb").lower(), hours, taken.group("when") if taken else ""))
    return out


def read(question: str, buyer_text: str = "") -> Model:
    """The service model the buyer sets out in ``question`` (its facilities, teams and localities) and the whole
    tender's text ``buyer_text`` (its routes in and access standards)."""
    spec = _spec()
    components = _components(question)
    access = next((c for c in components if c.ours and c.kind == "access"), None)
    # each matter's first timescale, this question's before the rest of the tender's (one triage time, not the last
    # one another question happens to state)
    timescales: dict[str, str] = {}
    for text in (question, buyer_text):
        for st in buyer_standards.read(text or ""):
            if st.kind == "timescale" and st.time:
                timescales.setdefault(st.matter, st.time)
    return Model(components=components, localities=_localities(question, components),
                 routes=_said(spec.get("routes"), question),
                 channels=_said(spec.get("channels"), access.text if access else question),
                 timescales=timescales, cover=_cover(question, components))


def _the(name: str) -> str:
    return name if re.match(r"(?i)the\s", name) or re.search(r"\b(?:House|Lodge|Court|Place)$", name) else "the " + name


def _listed(items: list[str]) -> str:
    """Items that have commas of their own, as one list: 'A, run by B, for C; D; and E'."""
    return "; ".join(items[:-1]) + "; and " + items[-1] if len(items) > 2 else " and ".join(items)


def _groups(components: list[Component]) -> list[tuple[list[Component], str]]:
    """Our components with what they do, those of one kind said together when the phrasebank has their plural ('the
    North, Central and South Recovery and Wellbeing Hubs are where ...'), in the buyer's order."""
    out: list[tuple[list[Component], str]] = []
    for c in components:
        same = next((g for g in out if g[0][0].kind == c.kind and c.do), None)
        if same:
            same[0].append(c)
            out[out.index(same)] = (same[0], c.do)
        else:
            out.append(([c], c.does))
    return out


def render(model: Model, aspects: list[str], profile: dict, env=None, cover: bool = False) -> str:
    """The model's aspects ``aspects`` in our words (``templates/service_model.md.j2``), as unit lines ('[P] text', a
    blank line between paragraphs: the tender point's format); '' when the buyer names no place of ours. ``cover``:
    this part also says the hours and staffing cover the buyer sets for our places, first, as our commitment (the
    first part given the model); no part then says those places' hours again, nor the profile's own hours."""
    if not model.ours() or not aspects:
        return ""
    context = {"cover": [c.sentence for c in model.cover if c.sentence] if cover else [],
               "covered": [c.component.name for c in model.cover if c.sentence], "aspects": aspects, "ours": model.ours(), "partners": model.partners(), "localities": model.localities,
               "routes": model.routes, "channels": model.channels, "t": model.timescales, "profile": profile,
               "access": next(iter(model.ours("access")), None), "house": next(iter(model.ours("stepup")), None),
               "flats": next(iter(model.ours("stepdown")), None), "hubs": model.ours("hub"),
               "teams": model.ours("team"), "groups": _groups(model.ours()),
               "local": [c for c in model.ours() if c.kind in LOCAL_KINDS], "the": _the,
               "partners_said": _listed([c.as_partner for c in model.partners()]), "join_and": join_and,
               # (s27 review) in Python: a Jinja 'first' of an empty selection failed under StrictUndefined
               "crisis": next((c for c in model.partners() if c.kind == "crisis_team"), None)}
    return compose_env.render(TEMPLATE, context, env=env)
