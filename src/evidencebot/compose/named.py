"""The buyer's named elements of a part, sentences that only say the ask back, and who does what (issue 12, s30).

The blind panels of s28 and s29 marked the same three faults in every session:

* the buyer's own elements of a part (its policy with a version, 'the Council Lone Working Standard v2.3'; named
  teams, bases, a van, places, 'Morrow Moor'; its figures, 'from 52% to the 70% target by March 2029', 'KPI 6') were
  answered with generic text or not at all. :func:`in_ask` reads them from the part's own words; :func:`said` tells
  whether a text names one. A document the ask requires us to meet or follow gets a plain commitment to follow it
  (:func:`follow_sentence`); every other element the part leaves unsaid is a visible gap in its coverage row
  (:func:`gap_note`), never a generic paragraph;
* a promise that is the ask said back ('We will decide when a visit needs two workers' under 'how you will decide
  when a visit needs two workers'): :func:`restates`;
* who does what: the buyer says the Provider delivers a thing itself ('The Service must deliver Individual Placement
  and Support (IPS)') or names the body that does it ('the Carers Hub, which carries out carers' assessments'), and
  our text sends it elsewhere ('referred to the local IPS service', 'a referral to the council's adult social care
  team for a carer's assessment'): :func:`who_does_what`.

Vocabulary: ``phrasebank/named_elements.yaml``. Nothing here says we already do a thing; the only sentence it writes
commits to follow a document the buyer requires.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from evidencebot.compose.filters import load_phrasebank

PHRASEBANK = "named_elements.yaml"

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = (rf"(?:(?:the\s+end\s+of\s+)?(?:{_MONTHS}\s+\d{{4}}|(?:Contract\s+)?Year\s+\d+|month\s+\d+|\d{{4}}(?:/\d{{2,4}})?)"
         rf"|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}})")
_TARGET = re.compile(rf"(?:\bfrom\s+(?:about\s+|around\s+)?\d+(?:\.\d+)?\s?%\s+)?(?:\bto\s+(?:the\s+|a\s+|at\s+least\s+)?)?"
                     rf"\d+(?:\.\d+)?\s?%[^.;:?|]{{0,160}}?\bby\s+{_DATE}", re.I)
_KPI = re.compile(r"\bKPI\s?\d+[A-Za-z]?\b")
_VERSION = re.compile(r"\s*(?:\((?:version|v)\s*\d+(?:\.\d+)*(?:,\s*[A-Za-z]+\s+\d{4})?\)|,?\s+(?:version|v)\s?\d+(?:\.\d+)*)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@dataclass(frozen=True)
class Named:
    """One element the buyer names in a part's ask: ``kind`` 'document' (a policy, standard or protocol, with its
    version when given), 'target' (a figure with its date), 'kpi' ('KPI 6'), 'name' (a team, base, place, scheme) or
    'time' (a clock time the buyer's facts set, '10:00': :func:`from_context` only).
    ``required``: for a document, the ask asks us to meet or follow it."""

    text: str
    kind: str
    required: bool = False


@functools.cache
def _spec() -> dict:
    return load_phrasebank(PHRASEBANK)


def _words(key: str) -> list[str]:
    return [str(w) for w in _spec().get(key) or []]


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_TOKEN = (r"(?:[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)*|[A-Z]{2,}s?|[A-Z][a-z]*\d+[A-Za-z]*"
          r"|\d{4}(?:[–-]\d{2,4})?)")


@functools.cache
def _name_re() -> re.Pattern:
    joiners = _alt(_words("name_joiners") + ["the"])
    return re.compile(rf"\b{_TOKEN}(?:\s+(?:(?:{joiners})\s+)?{_TOKEN})*(?:['’]s)?\b")


@functools.cache
def _document_heads() -> frozenset[str]:
    return frozenset(_words("document_heads"))


def _strip_openers(words: list[str]) -> list[str]:
    openers = set(_words("openers"))
    joiners = set(_words("name_joiners")) | {"the"}
    while words and (words[0] in openers or words[0].lower() in joiners):
        words = words[1:]
    while words and words[-1].lower() in joiners:
        words = words[:-1]
    return words


def _documents(text: str) -> list[Named]:
    heads = _document_heads()
    cues = re.compile(rf"\b(?:{_alt(_words('require_cues'))})\s+(?:the\s+|your\s+|our\s+)?[^.;:?]{{0,12}}$", re.I)
    out: list[Named] = []
    for m in _name_re().finditer(text):
        words = _strip_openers(m.group(0).split())
        last = max((i for i, w in enumerate(words) if w.strip("'’s") in heads or w in heads), default=None)
        if last is None or last == 0 and len(words) == 1:
            continue
        # the name runs on past its head only with capitalised words ('Standard for Commissioned Providers')
        name = " ".join(words)
        start = m.start() + m.group(0).find(words[0])
        end = start + len(name)
        v = _VERSION.match(text, end)
        if v:
            name += v.group(0)
        out.append(Named(name.strip(), "document", bool(cues.search(text[:start]))))
    return out


def _split_names(words: list[str]) -> list[list[str]]:
    """A run of capitalised words joined by 'and' as the names it holds: split after a word that ends a name (a head
    noun in ``name_heads``, an acronym or a generic word: 'Porthaven Recovery Hub and Harbour View', 'GP and Turning
    Tide'); 'Crisis Resolution and Home Treatment Team' stays one."""
    heads = set(_words("name_heads")) | set(_words("generic"))
    out: list[list[str]] = [[]]
    for w in words:
        if w == "and" and out[-1] and (out[-1][-1] in heads or re.fullmatch(r"[A-Z]{2,}s?", out[-1][-1])):
            out.append([])
            continue
        out[-1].append(w)
    return [_strip_openers(x) for x in out if x]


def _names(text: str, taken: list[str]) -> list[Named]:
    generic = set(_words("generic")) | set(_words("openers"))
    out: list[Named] = []
    runs = [w for m in _name_re().finditer(text) for w in _split_names(_strip_openers(m.group(0).split()))]
    for words in runs:
        if re.search(rf"\b{_MONTHS}\b", " ".join(words)):
            continue  # a date, not a name
        if not words or any(t in " ".join(words) or " ".join(words) in t for t in taken):
            continue
        caps = [w for w in words if w[:1].isupper() and w.rstrip("'’s") not in generic and w not in generic]
        acronym = len(words) == 1 and re.fullmatch(r"[A-Z]{3,}s?", words[0]) and words[0] not in generic
        if not (acronym or len(caps) >= 2 or len(caps) == 1 and len(words) >= 2 and words[-1] not in generic):
            continue
        if re.fullmatch(r"\d{4}.*", words[0]):
            continue
        out.append(Named(" ".join(words).rstrip("'’s") if words[-1].endswith(("'s", "’s")) else " ".join(words), "name"))
    return out


def in_ask(ask: str) -> list[Named]:
    """The buyer's named elements in a part's ask, in the order the ask gives them: documents (with their versions),
    targets with their dates, KPI numbers, then proper-noun names (teams, bases, places, schemes); none twice."""
    text = " ".join(ask.split())
    out = _documents(text)
    out += [Named(" ".join(m.group(0).split()), "target") for m in _TARGET.finditer(text) if _is_target(text, m)]
    out += [Named(m.group(0), "kpi") for m in _KPI.finditer(text)]
    out += _names(text, [n.text for n in out])
    return _longest(out)


def _longest(found: list[Named]) -> list[Named]:
    """Each element once, and none that is part of a longer one ('Patient and Carer Race Equality Framework' within
    'NHS England Patient and Carer Race Equality Framework')."""
    out: list[Named] = []
    for n in found:
        low = n.text.lower()
        if any(low in o.text.lower() for o in out):
            continue
        out = [o for o in out if o.text.lower() not in low] + [n]
    return sorted(out, key=found.index)


def _is_target(text: str, m: re.Match) -> bool:
    around = text[max(0, m.start() - 60): m.end()]
    cues = re.compile(rf"\b(?:{_alt(_words('target_cues'))})\b", re.I)
    never = re.compile(rf"\b(?:{_alt(_words('not_target_cues'))})\b", re.I)
    return bool(cues.search(around)) and not never.search(around)


def from_stem(stem: str, asks: list[tuple[str, str]]) -> dict[str, list[Named]]:
    """The documents and targets of the question's own text around its parts (``stem``), each given to the part
    (``asks``: (key, its ask)) its sentence shares the most content words with, two at least; a target with a
    date no part speaks of goes to the first part (s29 q07: 'at least 70% ... by 31 March 2029' asked nowhere in a
    part). An element a part's own ask names stays with that part."""
    own = {e.text.lower() for _, ask in asks for e in in_ask(ask)}
    words = {key: set(_content(ask)) for key, ask in asks}
    out: dict[str, list[Named]] = {}
    seen: set[str] = set()
    for sentence in _sentences(stem):
        # documents and targets only: the names of the question's text are mostly its header and background
        found = [e for e in in_ask(sentence) if e.kind in ("document", "target")
                 and e.text.lower() not in own and e.text.lower() not in seen]
        if not found or not asks:
            continue
        mine = set(_content(sentence))
        best = max(asks, key=lambda a: len(mine & words[a[0]]))
        share = len(mine & words[best[0]])
        for e in found:
            key = best[0] if share >= 2 else asks[0][0] if e.kind == "target" else None
            if key is not None:
                seen.add(e.text.lower())
                out.setdefault(key, []).append(e)
    return {k: _longest(v) for k, v in out.items()}


_CLOCK = re.compile(r"\b(?:at|from|by|before)\s+(?P<time>\d{1,2}:\d{2})\b(?!\s*(?:[–-]|to\b))")
_WEEKDAYS = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|to\b|and\b|\s)+$")


def _split_and(name: str) -> list[str]:
    """'Oakfield Park Surgery and Northgate Family Hub': the two names a run joined by 'and' when each side holds two
    capitalised words or more; one name otherwise ('Crisis Resolution and Home Treatment Team' keeps its 'and' when a
    side holds one)."""
    name = re.split(r"\s+(?:on|in)\s+", name)[0]  # 'Lantern Wellbeing Hub on Thursdays', '... Centre in Brindley Heath'
    heads = set(_words("name_heads")) | set(_words("context_split_heads"))
    parts = name.split(" and ")
    if len(parts) == 2 and parts[0].split()[-1] in heads and all(
            sum(w[:1].isupper() for w in p.split()) >= 2 for p in parts):
        return parts
    return [name]


def _whole(name: str, sentence: str) -> str:
    """The name with a capitalised word the name reader stops before ('Harbour Light Crisis' of 'the Harbour Light
    Crisis Café')."""
    m = re.search(re.escape(name) + r"(\s+[A-Z][^\W\d_]*[^\x00-\x7f][^\W\d_]*)", sentence)
    return name + m.group(1) if m else name


def _context_name(name: str) -> bool:
    """A name from the question's facts worth a part's coverage: not an address ('Kiln Walk'), not a dated Act
    ('Mental Health Act 1983'), not the buyer's own kind of body ('ICB')."""
    words = name.split()
    return bool(words) and words[-1] not in _words("context_address_heads") and not re.search(r"\b\d{4}\b", name) \
        and name not in _words("context_skip") and not _WEEKDAYS.match(name)


def from_context(question: str, asks: list[tuple[str, str]]) -> dict[str, list[Named]]:
    """The buyer's named teams, places and partners, its clock times ('meeting every working day at 10:00'), the days it
    sets for a place or a meeting ('Tullyvar (Monday)', 'every Tuesday') and its local figures ('97 deaths'), that the
    question's facts give and a part's ask refers to without naming them ('what you will deliver at each partner
    site' of 'sessions at partner sites it does not run: the Harbour Light Crisis Café ..., Oakfield Park Surgery and
    Northgate Family Hub'; 'the daily shared triage with the CMHT' of '... a shared triage ... meeting every working
    day at 10:00'): each given to the one part its sentence shares the most content words with, two at least and more
    than with any other part (the s28-s32 panels marked these 'not mentioned' where our coverage called the part
    covered). Only lines that are sentences (ending '.', ';' or ':') are read, never the buyer's header lines, and a
    part's own ask is not read as its facts (:func:`context_facts` gives each with the buyer's sentence it is in)."""
    out: dict[str, list[Named]] = {}
    for key, facts in context_facts(question, asks).items():
        out[key] = _longest([e for f in facts for e in f.elements])
    return out


@dataclass(frozen=True)
class Fact:
    """One sentence of the buyer's facts, as the buyer wrote it (a list joined by ';' kept whole: 'the Provider will
    deliver sessions at three partner sites it does not run: A; B; and C'), and the elements of it a part refers to."""

    sentence: str
    elements: tuple[Named, ...]


def _fact_lines(question: str) -> list[str]:
    """The question's lines, a wrapped line joined to the one before it; list markers and backticks taken off."""
    lines: list[str] = []
    for raw in question.splitlines():  # a wrapped line goes on with the one before it
        item = re.match(r"\s*(?:[-•*]|\(?[a-z0-9]{1,4}[.)])\s+", raw)
        if lines and raw.strip() and lines[-1] and not item:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    return [x.strip().lstrip("-•* ").strip().strip("`").strip() for x in lines]


def _full_sentences(line: str) -> list[str]:
    """A line's sentences, split at a full stop only (a ';' list stays in its sentence)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'‘“])", line) if s.strip()]


@functools.cache
def _day_re() -> tuple[re.Pattern, re.Pattern]:
    days = _alt(_words("weekdays"))
    place = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
    return (re.compile(rf"(?P<place>{place})\s*\((?P<day>(?:{days})s?)\)"),
            re.compile(rf"\bevery\s+(?:other\s+)?(?P<day>{days})\b"))


def _days(sentence: str) -> list[Named]:
    """The days the buyer sets in ``sentence``: a place with its day ('Tullyvar (Monday)') and a meeting's day ('every
    Tuesday')."""
    by_place, every = _day_re()
    out = [Named(f"{m.group('place')} ({m.group('day')})", "day") for m in by_place.finditer(sentence)]
    out += [Named(m.group("day"), "day") for m in every.finditer(sentence)
            if not any(m.group("day") in e.text for e in out)]
    return out


@functools.cache
def _figure_re() -> re.Pattern:
    return re.compile(rf"(?<![\w.£:/-])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\s+[a-z][\w-]*){{0,2}}?\s+"
                      rf"(?:{_alt(_words('figure_nouns'))})\b")


def _figures(sentence: str) -> list[Named]:
    """The buyer's local figures in ``sentence``: a count of people, deaths, referrals ... ('97 deaths', 'around 1,900
    people'); never a year nor a percentage (targets are read as targets)."""
    out = []
    for m in _figure_re().finditer(sentence):
        if re.fullmatch(r"(?:19|20)\d\d", m.group("n")):
            continue
        out.append(Named(" ".join(m.group(0).split()), "figure"))
    return out


def context_facts(question: str, asks: list[tuple[str, str]]) -> dict[str, list[Fact]]:
    """:func:`from_context`'s elements with the buyer's sentence each is in, per part key: one Fact per sentence, its
    elements in the order the sentence gives them; an element goes to one part only."""
    words = {key: set(_content(ask)) for key, ask in asks}
    own = {e.text.lower() for _, ask in asks for e in in_ask(ask)}
    asked = " ".join(ask for _, ask in asks)
    # the buyer's header lines (its bodies, the ITT, the Lot: 'Brindley Heath Borough Council'): a name within them
    # is the buyer or its area ('Brindley Heath'), never a part's element
    header = " ".join([x for x in question.splitlines() if x.strip()][:4]).lower()
    out: dict[str, dict[str, list[Named]]] = {}
    seen: set[str] = set()
    for _, whole in _fact_sentences(question, asks):
        # a local figure goes to the part that points back at the people it counts ('reach these men' of
        # '97 deaths ...; 51 of these were men aged 40 to 64'), else to a part sharing three words with it
        back = [k for k, ask in asks if any(_stem(w) in _stems(whole) for w in
                                            re.findall(r"\b(?:these|those)\s+([a-z]+)", ask)
                                            if w not in _words("back_generic"))]
        for sentence in _sentences(whole):
            mine = set(_content(sentence))
            ranked = sorted(((len(mine & words[k]), k) for k, _ in asks), reverse=True)
            sure = bool(ranked) and ranked[0][0] >= 2 and not (len(ranked) > 1 and ranked[1][0] == ranked[0][0])
            found: list[tuple[Named, str]] = []
            if sure:
                key = ranked[0][1]
                found = [(Named(_whole(n, sentence), "name"), key) for e in in_ask(sentence) if e.kind == "name"
                         for n in _split_and(e.text) if _context_name(n)]
                found += [(Named(m.group("time"), "time"), key) for m in _CLOCK.finditer(sentence)]
                found += [(d, key) for d in _days(sentence) if not re.search(rf"\b{re.escape(d.text)}\b", asked)]
            for f in _figures(sentence):
                if back or sure and ranked[0][0] >= 3:
                    found.append((f, back[0] if back else ranked[0][1]))
            for e, key in found:
                low = e.text.lower()
                if low in seen or any(low in o or o in low for o in own) or e.kind == "name" and low in header:
                    continue
                seen.add(low)
                out.setdefault(key, {}).setdefault(whole, []).append(e)
    return {k: [Fact(s, tuple(v)) for s, v in facts.items()] for k, facts in out.items()}


def fact_naming(element: Named, question: str, asks: list[tuple[str, str]]) -> str:
    """The first sentence of the question's facts (never a part's ask, never its header lines) that names
    ``element``, as the buyer wrote it; '' when none does (an element only the ask names)."""
    return next((whole for line, whole in _fact_sentences(question, asks) if line >= 4 and said(element, whole)), "")


def _fact_sentences(question: str, asks: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """(the line's place among :func:`_fact_lines`, the sentence) of each whole sentence of the question's facts: a
    line ending a sentence or a list's lead-in ('.', ';', ':'), not a part's own ask (four in five of the line's
    content words in one ask). One reader for :func:`context_facts` and :func:`fact_naming`."""
    words = [set(_content(ask)) for _, ask in asks]
    out: list[tuple[int, str]] = []
    for n, line in enumerate(_fact_lines(question)):
        if not re.search(r"[.;:]$", line):
            continue
        mine = set(_content(line))
        if any(mine and len(mine & w) >= 0.8 * len(mine) for w in words):
            continue  # a part's own ask
        out.extend((n, whole) for whole in _full_sentences(line))
    return out


def lower_teams(ask: str) -> list[Named]:
    """The teams a part's ask names in lower case ('working with ... the in-reach team', 'link them to the housing
    options team'): 'the' and one to three words before a head of ``lower_heads``, none of ``lower_skip`` ('your
    team', 'the same team'). Read for the coverage row only (s32 panel: 'The in-reach team is never mentioned')."""
    heads = _alt(_words("lower_heads"))
    skip = {w.lower() for w in _words("lower_skip")}
    out = []
    for m in re.finditer(rf"\bthe\s+((?:[a-z][a-z'’-]+\s+){{1,3}}(?:{heads}))\b", " ".join(ask.split())):
        words = m.group(1).split()
        while len(words) > 2 and words[0].endswith(("'s", "’s")):
            words = words[1:]  # whose team it is ('the prison's in-reach team'): the team is named by the rest
        if any(w in skip for w in words[:-1]):
            continue
        out.append(Named(" ".join(words), "name"))
    return out


def _stem(w: str) -> str:
    w = w.lower().replace("’", "'")
    for end in ("'s", "s'", "'"):
        if w.endswith(end):
            w = w[: -len(end)]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text)}


def said(element: Named, text: str) -> bool:
    """``text`` names ``element``: a document by the words of its name next to its head and its version number; a
    target by every number it holds; a KPI by its number; a name by each of its capitalised words."""
    have = _stems(text)
    if element.kind == "target":  # its percentages and its year ('by 31 March 2029', 'by the end of Contract Year 2')
        key = re.findall(r"(\d+(?:\.\d+)?)\s?%", element.text) + re.findall(r"\b(?:19|20)\d{2}\b", element.text)
        numbers = _NUMBER.findall(text)
        return all(n in numbers for n in key) and all(
            re.search(rf"\bYear\s+{y}\b", text, re.I) for y in re.findall(r"\bYear\s+(\d+)", element.text))
    if element.kind == "time":  # a clock time the buyer sets ('10:00'), said as written
        return bool(re.search(rf"(?<![\d:]){re.escape(element.text)}(?![\d])", text))
    if element.kind == "day":  # the place and its day, each by its word ('Tullyvar (Monday)': Tullyvar ... Mondays)
        return all(_stem(w) in have for w in re.findall(r"[A-Z][\w'’-]+", element.text))
    if element.kind == "figure":  # a local figure by its number, as written or without its thousands comma
        n = _figure_re().match(element.text)
        number = n.group("n").replace(",", "") if n else ""
        return bool(number) and number in {x.replace(",", "") for x in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", text)}
    if element.kind == "kpi":
        number = re.sub(r"\D", "", element.text)
        return bool(re.search(rf"\bKPI\s?{number}(?![\d])", text))
    if element.kind == "document":
        v = _VERSION.search(element.text)
        name = element.text[: v.start()] if v else element.text
        words = name.split()
        heads = _document_heads()
        last = max(i for i, w in enumerate(words) if w.strip("'’s") in heads or w in heads)
        generic = set(_words("generic"))
        core = []
        for w in reversed(words[: last + 1]):
            if w in generic or not w[:1].isupper():
                break
            core.append(w)
        version = _NUMBER.findall(v.group(0))[:1] if v else []
        return all(_stem(w) in have for w in core) and all(n in _NUMBER.findall(text) for n in version)
    core = [w for w in element.text.split() if w[:1].isupper() or w[:1].isdigit()] or [
        w for w in element.text.split() if len(w) > 2]  # a team named in lower case (:func:`lower_teams`)
    return bool(core) and all(_stem(w) in have for w in core)


def _plural(phrase: str) -> str:
    return phrase + "s" if not phrase.endswith("s") else phrase


def by_name(sentence: str, element: Named) -> str:
    """``sentence`` with its generic words for the kind of team or service ``element`` is ('the crisis team',
    'the community mental health teams') said as the buyer names it ('the WPFT CRHTT', 'the WPFT CMHTs'), or
    unchanged. Only after 'the' (never 'a', 'any', 'each': those speak of any such team), and in number with the
    name."""
    if element.kind != "name":
        return sentence
    for kind in _spec().get("kinds") or []:
        if not any(m.lower() in element.text.lower() for m in kind.get("marks") or []):
            continue
        plural = element.text.endswith("s") and not element.text.endswith("ss")
        phrases = [_plural(g) if plural else g for g in kind.get("generic") or []]
        m = re.search(rf"\b[Tt]he\s+(?:local\s+)?(?:{_alt(phrases)})\b(?!['’])", sentence, re.I)
        if m:
            name = element.text if element.text.lower().startswith("the ") else f"the {element.text}"
            name = name[:1].upper() + name[1:] if m.group(0)[:1].isupper() else name
            return sentence[: m.start()] + name + sentence[m.end():]
    return sentence


def follow_sentence(element: Named) -> str:
    """The plain commitment to follow a document the buyer requires, with who checks our procedures against it and
    when: no claim that we meet it already."""
    name = element.text if element.text.lower().startswith("the ") else f"the {element.text}"
    return (f"We will follow {name}, and the service manager will check our own procedures against it before the "
            "service starts and each time it is revised.")


def gap_note(elements: list[Named]) -> str:
    """The coverage row's words for the elements a part leaves unsaid: a visible gap, in the writer's terms."""
    if not elements:
        return ""
    how = {"target": "how you will reach it (who, what, by when)", "kpi": "how you will meet it (who checks, how often)",
           "document": "how you will meet it (who, when)", "name": "what you will do with it (who, when, how often)",
           "time": "how you will meet it (who takes part, how)",
           "day": "what happens on that day (who goes, where, what is offered)",
           "figure": "what it changes in your plan (say how you use it)"}
    verb = {"time": "sets", "day": "sets", "figure": "gives"}
    return "; " + "; ".join(f"the buyer {verb.get(e.kind, 'names')} {e.text} here: write {how[e.kind]}" for e in elements)


# ---------------------------------------------------------------- the buyer's facts committed to in our voice


def buyer_noun(buyer_text: str) -> str:
    """How the buyer's text calls the buyer ('the Trust', 'the Council'): the kind of body of ``buyer_nouns`` it names
    most often after 'the'; 'the commissioner' when it names none."""
    counts = {n: len(re.findall(rf"\bthe\s+{re.escape(n)}\b(?!\s+[A-Z])", buyer_text)) for n in _words("buyer_nouns")}
    best = max(counts, key=lambda n: (counts[n], len(n)), default="")
    return f"the {best}" if best and counts[best] else "the commissioner"


@functools.cache
def _provider_re() -> re.Pattern:
    return re.compile(rf"^(?P<all>All\s+)?(?:[Tt]he\s+)?(?:{_alt(_words('provider_nouns'))})(?P<staff>\s+staff)?"
                      rf"(?P<rel>\s+(?:who|that)\s+[^,;:]{{1,60}}?)?\s+(?:{_alt(_words('provider_modals'))})\s+"
                      r"(?P<rest>[a-z].+)$", re.S)


def _ours(text: str) -> str:
    """The Provider said as us within a buyer's sentence ('at no charge to the Provider' -> 'at no charge to us';
    'sites it does not run' after a Provider subject -> 'sites we do not run')."""
    text = re.sub(r"\b[Tt]he\s+Provider['’]s\b", "our", text)
    text = re.sub(rf"\b({_alt(_words('provider_object_before'))})\s+the\s+Provider\b", r"\1 us", text)
    text = re.sub(r"\bit\s+does\s+not\s+", "we do not ", text)
    return re.sub(r"\bit\s+(will|would)\s+not\s+", r"we \1 not ", text)


def _proper_first(sentence: str, buyer_text: str) -> bool:
    """The sentence's first word is a name (an acronym, or a word the buyer never writes in lower case:
    'Carrickbane Poultry ...'), not a capital only because it opens the sentence ('Between 2021 and 2025 ...')."""
    first = re.match(r"[A-Za-z][\w'’-]*", sentence)
    if first is None or first.group(0)[1:2].isupper():
        return True
    return not re.search(rf"\b{re.escape(first.group(0).lower())}\b", buyer_text)


AROUND = "We will plan this work around"
"""How :func:`commitment` opens a fact that is not the Provider's own duty: named and attributed; its use is the
writer's to say."""


def commitment(fact: str, buyer_text: str) -> str:
    """The buyer's fact ``fact`` said as what we will do, in the buyer's words exactly, nothing added we cannot know:
    a sentence whose subject is the Provider ('the Provider will attend a joint weekly huddle ... every Tuesday at
    09:30 at Beechmount House') is ours ('We will attend a joint weekly huddle ...'; 'All Provider staff who work
    alone will be expected to follow ...' -> 'All our staff who work alone will follow ...'); any other fact is one
    we plan around, attributed to the buyer ('We will plan this work around what the Trust sets out: weekly outreach
    days in the market towns: Tullyvar (Monday), ...'; its figures are 'the Trust's figures'). '' for a fact
    that is a question or an instruction to bidders."""
    s = " ".join(fact.split()).strip().rstrip(";:,. ")
    # 'Tullyvar (Monday)' as 'in Tullyvar on Mondays' (a bare list of places with brackets reads to the checker as
    # people's names); 'at' a site ('at Killycoran Medical Practice on Wednesdays')
    heads = set(_words("name_heads")) | set(_words("context_split_heads"))
    s = _day_re()[0].sub(lambda m: f"{'at' if m.group('place').split()[-1] in heads else 'in'} {m.group('place')} on "
                         f"{m.group('day').rstrip('s')}s", s)
    if not s or s.endswith("?") or re.match(rf"(?:{_alt(_words('instruction_openers'))})\b", s):
        return ""
    own = re.match(rf"^[Tt]he\s+(?:{_alt(_words('provider_nouns'))})['’]s\s+(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                   rf"(?:{_alt(_words('provider_modals'))})\s+(?P<rest>[a-z].+)$", s)
    if own:  # 'The Provider's approach must be consistent with ...' -> 'Our approach will be consistent with ...'
        return f"Our {own.group('what')} will {_ours(own.group('rest'))}."
    m = _provider_re().match(s)
    if m:
        rel = _ours(m.group("rel") or "")
        who = ("All our staff" if m.group("all") else "Our staff") + rel if m.group("staff") else "We"
        return f"{who} will {_ours(m.group('rest'))}."
    body = _ours(s)
    if not _proper_first(body, buyer_text):
        body = body[:1].lower() + body[1:]
    buyer = buyer_noun(buyer_text)
    if re.search(r":\s", body) and body[:1].islower():  # 'weekly outreach days in the market towns: Tullyvar ...'
        head, rest = re.split(r":\s", body, maxsplit=1)
        if re.match(r"(?:an?|the)\s", head):
            head = re.sub(r"^(?:an?|the)\s+", "", head)
        return f"{AROUND} the {head.strip()} {buyer} sets out: {rest.strip()}."
    what = f"{buyer}'s figures" if _figures(s) else f"what {buyer} sets out"
    return f"{AROUND} {what}: {body}."


# ---------------------------------------------------------------- a promise that is the ask said back


@functools.cache
def _promise() -> re.Pattern:
    return re.compile(rf"^(?:{_alt(_words('promise_openers'))})\b", re.I)


@functools.cache
def _follows() -> re.Pattern:
    return re.compile(rf"^We\s+will\s+(?:{_alt(_words('follow_verbs'))})\s+(?:the\s+)?[A-Z]")


def _content(text: str) -> list[str]:
    empty = set(_words("empty_words"))
    return [_stem(w) for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in empty]


def restates(sentence: str, ask: str) -> bool:
    """``sentence`` is a promise ('We will ...') whose content words are (nearly) all the ask's own and that adds no
    who, when or how of its own (a role, a frequency, a number the ask does not hold): the ask said back, which
    earns nothing. A plain commitment to follow a named document ('We will follow the ... Standard v2.3') is not."""
    s = " ".join(sentence.split())
    if not _promise().match(s) or _follows().match(s):
        return False
    words = _content(s)
    if len(words) < 3:
        return False
    asked = set(_content(ask))
    if sum(w in asked for w in words) < 0.75 * len(words):
        return False
    detail = {_stem(w) for w in _words("own_detail")}
    if any(w in detail and w not in asked for w in words):
        return False
    return all(n in _NUMBER.findall(ask) for n in _NUMBER.findall(s))


def bare(sentence: str) -> bool:
    """A promise with no figure, date or frequency at all ('We will decide when a visit needs two workers'): said back
    it commits to nothing a panel could check. One that holds the buyer's own figure ('... within 5 working days')
    commits to the buyer's standard in its words, and stays, with its missing method named in the coverage."""
    timing = re.compile(rf"\b(?:{_alt(_words('timing_words'))})\b", re.I)
    return not re.search(r"\d", sentence) and not timing.search(sentence)


# ---------------------------------------------------------------- who does what, from the buyer's facts


@dataclass(frozen=True)
class Duty:
    """What the buyer says is done by whom: ``by`` '' when the Provider delivers it itself, else the body's name;
    ``names`` how the thing is named (its full name and its acronym); ``sentence`` the buyer's."""

    names: tuple[str, ...]
    by: str
    sentence: str


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;!?])\s+|\n+", text) if s.strip()]


def stands_alone(sentence: str) -> bool:
    """A sentence that does not lean on the one before it: it opens with no 'It', 'This', 'They', 'Also' ..., and its
    first eight words hold no 'these', 'them', 'it' ... ('The officer reports these to the council')."""
    words = [w.strip(",;:.").lower() for w in sentence.split()]
    if not words or words[0] in {w.lower() for w in _words("leaning_openers")}:
        return False
    return not set(words[1:8]) & {w.lower() for w in _words("leaning_inside")}


def duties(buyer_text: str) -> list[Duty]:
    """The buyer's who-does-what: 'The Service must deliver Individual Placement and Support (IPS) ...' (the Provider
    itself) and '<body>, which carries out <thing> on the Council's behalf' (a named body)."""
    spec = _spec().get("delivers_itself") or {}
    itself = re.compile(rf"\b(?:{_alt(spec.get('subjects') or [])})\s+(?:must|will|shall)\s+(?:also\s+|itself\s+)?"
                        rf"(?:{_alt(spec.get('verbs') or [])})\s+(?P<what>[^.;:,]+?)"
                        r"(?=\s+(?:to|in|at|for|across|within|itself|directly|from|under|and\s+(?:must|will))\b|[.;:,]|$)")
    body = re.compile(rf"(?P<who>\b[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{1,6}}),\s+which\s+(?:{_alt(_words('done_by_verbs'))})\s+"
                      r"(?P<what>[^.;:,]+?)(?=\s+(?:on|for)\s+[^.;:,]*behalf|[.;:,]|$)")
    holder = _holder()
    out: list[Duty] = []
    for s in _sentences(" ".join(buyer_text.split(" "))):
        for m in itself.finditer(s):
            what = m.group("what").strip()
            short = re.findall(r"\(([A-Z]{2,})\)", what)
            full = re.sub(r"^(?:an?|the)\s+", "", re.sub(r"\s*\([A-Z]{2,}\)", "", what)).strip()
            if not (short or re.search(r"\b[A-Z][a-z]+\s+[A-Z]", full)):
                continue  # 'these bases': no named thing
            out.append(Duty(tuple(dict.fromkeys([full, *short])), "", s.strip("-*` ")))
        for m in body.finditer(s):
            who = re.sub(r"^(?:The|the)\s+", "", m.group("who"))
            out.append(Duty((m.group("what").strip(),), who, s.strip("-*` ")))
        for m in holder.finditer(s):
            # '<body> holds the Council's contract for carers' assessments and breaks': each named thing of the
            # list with two content words or more is one the body does ('breaks' alone names too little)
            who = re.sub(r"^(?:The|the)\s+", "", m.group("who"))
            what = m.group("what").strip().strip("\"'`”")
            parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", what) if len(_content(p)) >= 2]
            out.append(Duty(tuple(dict.fromkeys([what, *parts])), who, s.strip("-*` ")))
    return list(dict.fromkeys(out))


def _holder() -> re.Pattern:
    """'<Body> holds the contract for <thing>', '<Body> holds the Council's contract for <thing>', '<Body> is
    commissioned to deliver <thing>' (phrasebank ``holds_contract``, ``holds_owner``)."""
    owner = _spec().get("holds_owner") or {}
    link = (rf"(?:{_alt(_words('holds_contract'))}|(?:{_alt(owner.get('verbs') or [])})\s+(?:the\s+)?"
            rf"(?:[A-Z][\w'’]*\s+){{1,4}}(?:{_alt(owner.get('nouns') or [])}))")
    return re.compile(rf"(?P<who>\b[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{1,6}})\s+{link}\s+"
                      r"(?P<what>[^.;:]+?)(?=\s+(?:on|for)\s+[^.;:,]*behalf|\s+(?:in|across|within|from|under)\s|[.;:]|$)")


def _out_before(prefix: str) -> bool:
    spec = _spec().get("referred_out") or {}
    if re.search(r"\bour\s+(?:[\w-]+\s+)?$", prefix, re.I):
        return False
    if re.search(rf"\b(?:{_alt(spec.get('before') or [])})\s+(?:[\w-]+\s+)?$", prefix, re.I):
        return True
    if re.search(rf"\b(?:{_alt(spec.get('delivered') or [])})\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}$", prefix, re.I):
        return True
    return bool(re.search(rf"\b(?:{_alt(spec.get('verbs') or [])})\b[^.;]{{0,80}}\bto\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}$",
                          prefix, re.I))


def who_does_what(sentence: str, found: list[Duty]) -> str:
    """The buyer's sentence ``sentence`` goes against, or '': it sends elsewhere a thing the Provider delivers itself
    ('referred to the local IPS service', 'the IPS service goes through ...'), or refers a thing the buyer says a named
    body does to another ('a referral to the council's adult social care team for a carer's assessment' where the
    Carers Hub does them)."""
    spec = _spec().get("referred_out") or {}
    bodies = _alt(spec.get("bodies") or [])
    verbs = re.compile(rf"\b(?:{_alt(spec.get('verbs') or [])})\b", re.I)
    s = " ".join(sentence.split())
    for d in found:
        if d.by:
            who = [w for w in d.by.split() if w[:1].isupper()][-2:]
            sent = re.search(rf"{verbs.pattern}[^.;]{{0,80}}?\bto\s+(?:the|a|an)\s+\S", s, re.I)
            for name in d.names:
                what = set(_content(name))
                if what and what <= set(_content(s)) and sent and not all(_stem(w) in _stems(s) for w in who):
                    return d.sentence
            continue
        for name in d.names:
            flags = 0 if name.isupper() else re.I
            for m in re.finditer(rf"\b{re.escape(name)}\b(?:\s*\([A-Z]{{2,}}\))?", s, flags):
                prefix, rest = s[: m.start()], s[m.end():]
                if _out_before(prefix):
                    return d.sentence
                if re.search(r"\bthe\s+$", prefix, re.I) and not re.search(r"\bour\s+", prefix[-12:], re.I) \
                        and re.match(rf"\s+(?:{bodies})\b", rest, re.I):
                    return d.sentence
    return ""


def to_holder(sentence: str, found: list[Duty]) -> str:
    """``sentence`` with the other body it refers a thing to, for a thing the buyer says a named body does, said as that
    body ('a referral to the borough's social work team for a carer's assessment' -> 'a referral to the Ashvale Carers
    Centre for a carer's assessment'); '' when no such body stands in a 'to <body> for <thing>' of it."""
    s = " ".join(sentence.split())
    for d in found:
        if not d.by:
            continue
        for name in d.names:
            what = set(_content(name))
            for m in re.finditer(r"\bto\s+(?P<other>(?:the|a|an)\s+[^.;:,]{1,70}?)\s+for\s+(?P<rest>[^.;:]{1,80})", s):
                if what and what <= set(_content(m.group("rest"))):
                    return s[:m.start("other")] + d.by + s[m.end("other"):]
    return ""


# ---------------------------------------------------------------- referral routes, from the buyer's facts


@dataclass(frozen=True)
class Route:
    """The buyer's rule that all referrals (of a kind: ``referrers``, the words naming who may make them, empty for
    all) come through the named ``route``; ``sentence`` the buyer's."""

    route: str
    referrers: tuple[str, ...]
    sentence: str


def routes(buyer_text: str) -> list[Route]:
    """'All referrals from professionals will come through the Northgate Single Point of Access' in any question of
    the tender (phrasebank ``routes``)."""
    spec = _spec().get("routes") or {}
    kinds = spec.get("kinds") or {}
    rule = re.compile(rf"(?i:\bAll\s+referrals(?:\s+from\s+(?P<kind>[\w-]+))?\s+(?:will|must|shall|should)\s+"
                      rf"(?:{_alt(spec.get('verbs') or [])})\s+)(?P<route>(?:[Tt]he\s+)?[A-Z][\w'’]*"
                      r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’]*){0,7})")
    out: list[Route] = []
    for s in _sentences(buyer_text):
        for m in rule.finditer(s):
            kind = (m.group("kind") or "").lower()
            if kind and kind not in kinds:
                continue  # a kind of referral the phrasebank does not know: its referrers are not read
            words = tuple(str(w) for w in kinds.get(kind) or []) if kind else ()
            route = m.group("route")
            route = route if route.lower().startswith("the ") else "the " + route
            out.append(Route(route[0].lower() + route[1:], words, s.strip("-*` ")))
    return list(dict.fromkeys(out))


def direct_route(sentence: str, found: list[Route]) -> Route | None:
    """The buyer's route ``sentence`` offers a way around: it says a referrer of the route's kind refers directly
    ('GPs can refer directly to us', 'a direct referral from the hostel staff') and does not name the route."""
    spec = _spec().get("routes") or {}
    s = " ".join(sentence.split())
    refer = _alt((_spec().get("referred_out") or {}).get("verbs") or [])
    direct = _alt(spec.get("direct") or [])
    before = _alt(spec.get("direct_before") or [])
    if not re.search(rf"\b(?:(?:{refer})\b[^.;]{{0,40}}?\b(?:{direct})|(?:{before})\s+(?:{refer}))\b", s, re.I):
        return None
    for r in found:
        if _stems(r.route) - {"the"} <= _stems(s):
            continue
        if not r.referrers or re.search(rf"\b(?:{_alt(r.referrers)})\b", s, re.I):
            return r
    return None


def through_route(sentence: str, route: Route) -> str:
    """``sentence`` with its one direct route said through the buyer's ('GPs can refer directly to us' -> 'GPs can
    refer to us through the Northgate Single Point of Access'); '' when it names more than one place it refers to."""
    s = " ".join(sentence.split())
    direct = _alt((_spec().get("routes") or {}).get("direct") or [])
    m = re.search(rf"\b(?:{direct})\s+(?P<to>to\s+(?:us|our\s+[\w-]+|the\s+service))(?P<end>[.;]|$)", s, re.I)
    if m is None:
        return ""
    return s[:m.start()] + m.group("to") + " through " + route.route + m.group("end") + s[m.end():]
