"""One reader of the role of every place a buyer's questions name (issue 12 item 4, session 35).

The s34 blind panel found, FIRM, the base the buyer says the Provider will run ('Service base: Tobar House ... leased
from the Council and will be run by the Provider') written into sentences meant for a partner's site: 'The team leader
will agree with the staff of <base> a written timetable of drop-in sessions ... at least once a week at the site',
'Staff at <base> will be able to call our duty worker for advice'; and a once-weekly drop-in there stood against the
buyer's walk-in access in all the base's opening hours. Two readers had grown apart (the tender's base in
:mod:`tender_profile`, the sites we run in :mod:`places`); neither read a base given by a label and a sentence after it.

:func:`read` gives each named place in the tender's text (every question file of the lot: pass the whole text) ONE
role, with the buyer's sentence that says it and the question it is in:

* ``ours``: a base or place the Provider will run ('will be run by the Provider', 'will operate from', 'Service base');
* ``partner``: a site someone else runs where we deliver (a charity's drop-in, a GP practice hosting clinics, a shed);
* ``buyer``: the buyer's or the NHS's own building (a hospital, a CMHT's base);
* ``outreach``: a venue or island visited on named days, with no other role.

A place of any role may carry the buyer's named days there (its schedule: 'every Tuesday and Thursday'). The words are
data (``phrasebank/site_roles.yaml``). :func:`rare_session_at_base` finds our sentence offering a weekly drop-in at a
base the buyer opens to walk-ins all its hours; :func:`with_schedule` says a sentence's 'at least once a week' for a
place as the buyer's days; :func:`row` is the coverage row's words for a place.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from evidencebot.compose.filters import built_once, files_checked_once, word_lists_once
from evidencebot.text import phrase_alternation, sentence_spans

PHRASEBANK = "site_roles.yaml"
ROLE_WORDS = {"ours": "our base", "partner": "a partner's site, not run by us", "buyer": "the buyer's own building",
              "outreach": "an outreach venue"}
"""Each role a place can hold, and how a coverage row says it."""


def _spec() -> dict:
    """``site_roles.yaml`` with a user's additions, the same dict until one of its files changes (what is built from
    it is built once per loaded file, :func:`built_once`: a user's copy edited while the app runs is read)."""
    return word_lists_once(PHRASEBANK)


def _words(key: str) -> list[str]:
    return [str(w) for w in _spec().get(key) or []]


def _re(key: str) -> re.Pattern:
    spec = _spec()
    return built_once(spec, f"site_roles.re.{key}", lambda: re.compile(
        str(spec.get(key) or "(?!x)x").replace("{DAY}", str(spec.get("day") or "(?!x)x")), re.I))


def _name_re() -> re.Pattern:
    return built_once(_spec(), "site_roles.name_re", _make_name_re)


NAME_WORD = r"(?:St\.?|[A-Z][\w'’ò-]*)"
"""A word of a place's proper name: a capital's word ('Tobar', 'Mòr', "Men's") or 'St'/'St.'."""


def headed_name(heads: str, *, word: str = NAME_WORD, joins: str = r"of\s+|and\s+|y\s+|on\s+",
                shortest: bool = False) -> str:
    """The pattern of a place's name ending with a head word (``heads``, an alternation: 'Hub', 'House'): one to
    seven words of ``word``, each after the first maybe after one of ``joins`` ('Isle of ...', 'Bryn y ...'), then
    the head; the fewest words first with ``shortest``. One shape for this module's and :mod:`places`' names."""
    return rf"{word}(?:\s+(?:{joins})?{word}){{0,6}}{'?' if shortest else ''}\s+(?:{heads})"


def _make_name_re() -> re.Pattern:
    word = NAME_WORD
    heads = phrase_alternation(_words("heads"))
    kinds = phrase_alternation(_words("kind_words"))
    island = str(_spec().get("island") or "(?!x)x")
    prefix = phrase_alternation(_words("prefix_heads"))
    return re.compile(rf"(?<![\w'’-])(?:(?P<prefixed>(?:{prefix})(?:\s+{word}){{1,2}})(?![\w'’-])"
                      rf"|(?P<headed>{headed_name(heads)})"
                      rf"(?![\w'’-])|(?P<kinded>{word}(?:\s+{word}){{0,3}})\s+(?:{kinds})(?![\w'’-])|(?P<island>{island}))")


@dataclass(frozen=True)
class Place:
    """A place the buyer names, its role and the buyer's words that give it."""

    name: str
    """As the buyer writes it, without a leading 'the' ('Tobar House', 'Anchor Drop-in')."""
    role: str
    """One of the keys of :data:`ROLE_WORDS`."""
    evidence: str = ""
    """The buyer's sentence that gives the role."""
    where: str = ""
    """The question the sentence is in ('Q1'), '' when the text does not say."""
    schedule: str = ""
    """The buyer's named days there ('every Tuesday and Thursday'), '' when none."""
    hours: bool = False
    """(ours) The buyer sets its opening hours."""

    @property
    def key(self) -> str:
        return key(self.name)


def key(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join((name or "").split()), flags=re.I).lower()


def without_lead(name: str, lead: "frozenset[str] | set[str]") -> str:
    """``name`` with its white space made single and the leading words in ``lead`` (lower case) taken off ('the',
    'both', 'partner sites' before a list of names); :mod:`places` strips its own lead words with it."""
    words = name.split()
    while words and words[0].lower() in lead:
        words = words[1:]
    return " ".join(words)


def _lower_words(key: str) -> frozenset[str]:
    """The list ``key`` of ``site_roles.yaml`` in lower case, built once per loaded file."""
    return built_once(_spec(), f"site_roles.lower.{key}", lambda: frozenset(w.lower() for w in _words(key)))


def _lead() -> frozenset[str]:
    return _lower_words("lead_words")


def _clean(name: str) -> str:
    return without_lead(name, _lead())


def _generic_words() -> frozenset[str]:
    return _lower_words("generic_words")


def _heads() -> frozenset[str]:
    return built_once(_spec(), "site_roles.heads", lambda: frozenset(_words("heads")))


def generic(name: str, words: frozenset[str]) -> bool:
    """Whether every word of ``name`` (lower case, quotes at its ends off) is one of ``words`` ('the Wellbeing Hub',
    'Safe Haven'): no proper name. Shared with :mod:`places`."""
    return not {w.lower().strip("'’") for w in name.split()} - words


def _generic(name: str) -> bool:
    return generic(name, _generic_words())


def names_in(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each named place in ``text`` (two words or more ending with a place's word, a proper name
    before a kind word, an island), not made only of generic words."""
    out = []
    for m in _name_re().finditer(text or ""):
        group = next(g for g in ("prefixed", "headed", "kinded", "island") if m.group(g))
        raw = m.group(group)
        name = _clean(raw)
        if " and " in name:  # 'Victoria Parade Surgery and Cressing Road Medical Centre': the last of two
            first, last = name.rsplit(" and ", 1)
            if len(last.split()) >= 2 and not _generic(last):
                head_first = first.split()[-1] if first.split() else ""
                if head_first in _heads():
                    at = m.start(group) + raw.find(first)
                    out.append((first, at, at + len(first)))
                name = last
        if group in ("headed", "kinded") and (len(name.split()) < 2 and group == "headed" or _generic(name)):
            continue
        start = m.start(group) + raw.rfind(name)
        out.append((name, start, start + len(name)))
    return out


def _sentences(line: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of ``line``, split as the rest of the project splits them
    (:func:`evidencebot.text.sentence_spans`: 'St. Wilfrid's House' stays one name)."""
    return [(start, line[start:end]) for start, end in sentence_spans(line)] or [(0, line)]


def _question_at(text: str, pos: int) -> str:
    """'Q1' for the question whose heading comes last before ``pos`` ('## Question 1 – Service Model'), else ''."""
    found = list(re.finditer(r"(?im)^[#*\s]*question\s+(\d+(?:\.\d+)?)\b", text[:pos]))
    return f"Q{found[-1].group(1)}" if found else ""


def _schedule(after: str) -> str:
    m = _re("schedule").search(after)
    return " ".join(m.group("when").split()) if m else ""


@dataclass
class _Vote:
    role: str
    evidence: str
    at: int
    strength: int
    schedule: str = ""


def _label(body: str) -> tuple[str | None, str, str]:
    """A list item's or line's label before a colon ('**Service base:** ...'): (its role, the rest)."""
    m = re.match(r"^(?:[-•*]\s+)?\**([^:*]{2,80}?)\**\s*:\s*\**\s*(.*)$", body)
    if not m:
        return None, body, ""
    label = m.group(1)
    for role in ("partner", "ours", "outreach"):
        if _re(f"{role}_label").search(label):
            return role, m.group(2), label.strip()
    return None, body, ""


def _cells(row: str) -> list[str]:
    return [c.replace("*", "").strip() for c in row.strip().strip("|").split("|")]


def _role(name: str, before: str, after: str, side: str | None, carried: str | None, line_role: str | None,
          when: str) -> tuple[str | None, int]:
    """The role one mention gives a place, and how strongly: (role, strength), strongest 4."""
    if _re("run_by_buyer").search(after) and side != "partner":
        return "buyer", 4
    if _re("run_by_other").search(after):
        return "partner", 4
    if _re("gp_name").search(name):
        return "partner", 3
    if _re("buyer_name").search(name) or _re("buyer_before").search(before):
        return "buyer", 3
    if _re("other_runs_before").search(before):
        return "partner", 3
    if side == "partner" and _re("partner_cue").search(before):
        return "partner", 3
    if side == "ours" and (_re("ours_cue").search(before) or _re("ours_cue").search(after[:60])):
        return "ours", 3
    if _re("partner_before").search(before) and not _re("with_state_after").match(after):
        return "partner", 2
    if carried in ("ours", "partner"):
        return carried, 2
    if line_role in ("ours", "partner"):
        return line_role, 2
    if when or line_role == "outreach":
        return "outreach", 1
    return None, 0


def _votes(text: str) -> dict[str, tuple[str, list[_Vote]]]:
    text = text or ""
    votes: dict[str, tuple[str, list[_Vote]]] = {}

    def add(name: str, role: str, evidence: str, at: int, strength: int, schedule: str = "") -> None:
        k = key(name)
        if k:
            said = re.sub(r"^(?:[-•*]\s+|\d{1,2}[.)]\s+|\([a-z]{1,4}\)\s+)", "", " ".join(evidence.split()))
            votes.setdefault(k, (name, []))[1].append(_Vote(role, said, at, strength, schedule))

    heading: str | None = None
    day_col = place_col = -1
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        start_of_line = pos
        pos += len(line)
        if not body:
            continue
        if body.startswith("|"):
            cells = _cells(body)
            if any(_re("day_column").match(c) for c in cells) and any(_re("place_column").match(c) for c in cells):
                day_col = next(n for n, c in enumerate(cells) if _re("day_column").match(c))
                place_col = next(n for n, c in enumerate(cells) if _re("place_column").match(c))
                continue
            if day_col >= 0 and len(cells) > max(day_col, place_col) and not re.fullmatch(r"[-:\s]*", cells[0]):
                # a timetable's row ('| Monday | Cressing Village Hall | 10:00–15:00 |'): the place has the row's day
                m = re.match(r"(?P<n>(?:St\.?\s+|[A-Z][\w'’ò-]*\s*)+)", cells[place_col])
                day = re.match(str(_spec().get("day") or "(?!x)x"), cells[day_col], re.I)
                if m and day:
                    found = [f for f in names_in(cells[place_col]) if f[1] == 0]
                    name = found[0][0] if found else _clean(m.group("n"))
                    add(name, "outreach", body, start_of_line, 1, f"every {day.group(0).rstrip('s')}")
                continue
        else:
            day_col = place_col = -1
        item = re.match(r"^(?:[-•]|\*(?!\*)|\d{1,2}[.)])\s+", body)
        label, rest, label_words = _label(body)
        if not item and label is None:
            # a paragraph or heading: it sets the role of the list items under it
            if body.endswith(":") or body.startswith("#"):
                heading = ("partner" if _re("partner_cue").search(body) else
                           "ours" if _re("ours_cue").search(body) else None)
            else:
                heading = None
        line_role = label or (heading if item else None)
        said = rest if label else body
        offset = max(line.find(said), 0)
        last_names: list[str] = []
        for s_at, sentence in _sentences(said):
            sentence_pos = start_of_line + offset + s_at
            if not names_in(sentence) and last_names and _re("back_subject").search(sentence):
                # 'The building is leased from the Council and will be run by the Provider.'; 'Neither is run by the
                # Lot 2 provider.': the sentence speaks of the place or places named just before it
                back = ("partner" if _re("partner_cue").search(sentence) else
                        "ours" if _re("ours_cue").search(sentence) else "")
                for name in last_names if back else []:
                    add(name, back, sentence, sentence_pos, 3)
                continue
            clauses = sentence.split(";")
            c_at = 0
            carried: str | None = None
            this_sentence: list[str] = []
            for n, clause in enumerate(clauses):
                side = ("partner" if _re("partner_cue").search(clause) else
                        "ours" if _re("ours_cue").search(clause) else None)
                names = names_in(clause)
                if item and line_role and not names and n == 0 and s_at == 0:
                    # an item naming a place with no place word ('The Linhay, 22 Fore Street, Ashcombe (the main base)')
                    m = re.match(r"^(?:[-•*]\s+|\d{1,2}[.)]\s+)?\**((?:The\s+)?[A-Z][\w'’ò-]*(?:\s+[A-Z][\w'’ò-]*){0,4})",
                                 clause)
                    if m and not _generic(_clean(m.group(1))):
                        names = [(_clean(m.group(1)), m.start(1), m.end(1))]
                prev_end, prev_role = -1, None
                for i, (name, start, end) in enumerate(names):
                    before, after = clause[:start], clause[end:]
                    nxt = names[i + 1][1] if i + 1 < len(names) else len(clause)
                    when = _schedule(clause[end:nxt][:120])
                    between = clause[prev_end:start] if prev_end >= 0 else None
                    if between is not None and re.fullmatch(r"\s*,\s*(?:[A-Z][\w'’ò-]*\s*)*,?\s*", between) and (
                            re.search(r"[A-Z]", between) or _re("island").fullmatch(name)):
                        prev_end = end
                        continue  # an address after the place ('Skerra Medical Practice, Baile Mòr, Isle of Skerra')
                    if _re("name_goes_on").match(after):
                        continue  # a longer name's first words ('Adult Practice Reviews')
                    if prev_end >= 0 and _re("inside_before").search(before):
                        continue  # the building the place before is in ('on the ground floor of the X Centre')
                    role: str | None
                    if between is not None and prev_role and re.fullmatch(r"\s*(?:at|in|\()\s*(?:the\s+)?", between, re.I):
                        role, strength = prev_role, 2  # the building of the place before ('the Anchor Drop-in at X')
                    else:
                        role, strength = _role(name, before, after, side, carried, line_role, when)
                    prev_end, prev_role = end, role
                    evidence = clause if len(clauses) > 1 else sentence
                    if strength == 2 and label and role == label:
                        evidence = f"{label_words}: {evidence}"  # the label gives the role
                    if role:
                        add(name, role, evidence, sentence_pos + c_at + start, strength, when)
                    this_sentence.append(name)
                carried = side or carried
                c_at += len(clause) + 1
            last_names = this_sentence or last_names
    return _merged(votes)


def _merged(votes: dict[str, tuple[str, list[_Vote]]]) -> dict[str, tuple[str, list[_Vote]]]:
    """A short name the buyer uses for a place it also names in full ('Pier House' for 'Pier House Recovery Hub') is
    that place."""
    out = dict(votes)
    for k in sorted(votes, key=lambda x: len(x.split())):
        if len(k.split()) < 2:
            continue
        longer = [o for o in out if o != k and o.startswith(k + " ")]
        if len(longer) == 1 and k in out and not any(v.schedule for v in out[k][1]):
            out[longer[0]][1].extend(out.pop(k)[1])
    return out


_ORDER = {"partner": 0, "ours": 1, "buyer": 2, "outreach": 3}


def read(text: str) -> list[Place]:
    """Each named place of the tender's ``text`` with its one role (:func:`_read`; the last 16 texts' places are
    kept, per loaded ``site_roles.yaml``)."""
    with files_checked_once():  # its helpers ask for the lists hundreds of times per text: the files looked at once
        return list(built_once(_spec(), "site_roles.read", lambda: functools.lru_cache(maxsize=16)(_read))(text or ""))


def _read(text: str) -> tuple[Place, ...]:
    """Each named place of the tender's ``text`` with its one role (see the module's docstring), in the order the
    text names them. A place someone else is said to run (strength 4) is a partner's whatever else is said; else the
    strongest word wins, the partner's before ours at equal strength (a site said to be a partner's is never written
    as ours); the schedule is the first named days given for the place."""
    # a list item's words wrapped onto indented lines are one item (the newline said as a space, positions kept)
    text = re.sub(r"\n(?=[ \t]{2,}\S)", " ", text)
    out = []
    text = text or ""
    for shown, found in _votes(text).values():
        best = max(found, key=lambda v: (v.strength, -_ORDER[v.role]))
        if best.strength == 0:
            best = _Vote("outreach", best.evidence, best.at, 0, best.schedule)
        # the buyer's days at a place of ours are its opening or another body's session there, not our visits
        schedule = "" if best.role == "ours" else next((v.schedule for v in found if v.schedule), "")
        hours = False
        if best.role == "ours":
            hours = _opening_hours(text, shown)
        out.append((min(v.at for v in found), Place(shown, best.role, best.evidence, _question_at(text, best.at),
                                                    schedule, hours)))
    ordered = [p for _, p in sorted(out, key=lambda t: t[0])]
    # a place on an island the buyer visits on named days is visited on those days ('Tornish Community Hall' on the
    # Isle of Tornish, visited on the first and third Wednesday of each month)
    islands = {p.name.split()[-1].lower(): p.schedule for p in ordered
               if p.schedule and _re("island").fullmatch(p.name)}
    for i, p in enumerate(ordered):
        if not p.schedule and p.role != "ours" and not _re("island").fullmatch(p.name):
            days = next((islands[w.lower()] for w in p.name.split() if w.lower() in islands), "")
            if days:
                ordered[i] = dataclasses.replace(p, schedule=days)
    return tuple(ordered)


def _opening_hours(text: str, name: str) -> bool:
    """Whether the buyer sets opening hours for its place ``name``: a sentence naming it (or, on the same line, 'It')
    that says when it is open."""
    for line in text.splitlines():
        if key(name) in line.lower():
            for _, sentence in _sentences(line):
                if _re("opening").search(sentence):
                    return True
    # its short name ('The Junction must be open ...' for 'The Junction Wellbeing Centre'): its first word, not generic
    first = next((w for w in name.split() if not _generic(w)), "")
    if not first:
        return False
    said = re.compile(r"(?<![\w'’])" + re.escape(first) + r"(?![\w'’])")
    return any(_re("opening").search(s) for line in text.splitlines() if said.search(line) for _, s in _sentences(line)
               if said.search(s))


def of_role(found: list[Place], role: str) -> list[Place]:
    return [p for p in found if p.role == role]


def walk_in(text: str) -> bool:
    """Whether the buyer lets people walk in without an appointment."""
    return bool(_re("walk_in").search(text or ""))


def names(text: str, found: list[Place]) -> list[Place]:
    """The places of ``found`` that ``text`` names."""
    low = " ".join((text or "").split()).lower()
    return [p for p in found if re.search(r"(?<![\w'’])" + re.escape(p.key) + r"(?![\w'’])", low)]


def rare_session_at_base(sentence: str, found: list[Place], buyer_text: str) -> str:
    """Our base (its name) when ``sentence`` offers drop-in sessions there only once a week (or less) while the buyer
    sets the base's opening hours and lets people walk in: the two cannot both hold. '' otherwise."""
    if not _re("rare_sessions").search(sentence or "") or not walk_in(buyer_text):
        return ""
    for p in names(sentence, of_role(found, "ours")):
        if p.hours:
            return p.name
    return ""


def with_schedule(sentence: str, said: list[str], found: list[Place]) -> str:
    """``sentence`` (one about the places named ``said``) with its 'at least once a week' said as the buyer's days
    there, when the buyer sets the same days for every one of them; unchanged otherwise."""
    at = [p for n in said for p in found if p.key == key(n)]
    if not said or len(at) != len(said):
        return sentence
    days = {p.schedule for p in at}
    if len(days) != 1 or not next(iter(days)):
        return sentence
    day = next(iter(days))
    return _re("frequency").sub(day, sentence, count=1)


def row(place: Place) -> str:
    """The coverage row's words for a place: 'Tobar House: our base (Q1: "... will be run by the Provider")'."""
    quote = place.evidence if len(place.evidence) <= 110 else place.evidence[:109].rsplit(" ", 1)[0] + " …"
    where = f"{place.where}: " if place.where else ""
    days = f", visited {place.schedule}" if place.schedule else ""
    return f"{place.name}: {ROLE_WORDS[place.role]}{days} ({where}'{quote}')"


def partner_subject(sentence: str, found: list[Place]) -> str:
    """Our base (its name) when ``sentence`` is written for a partner's site and names our base as that site: its
    staff are another body's ('agree with the staff of <base>', 'Staff at <base> will be able to call our duty
    worker'), or it is an agreement with a host. '' otherwise."""
    for m in _re("partner_subject").finditer(sentence or ""):
        for p in names(next((g for g in m.groups() if g), ""), of_role(found, "ours")):
            return p.name
    return ""
