"""Reading the answers of one tender together: facts stated differently, open
actions told as current practice, roles the team does not have.

A panel reads every answer of a bid side by side. :func:`check_answers` finds
the facts of ``corpus/library/facts.yaml`` (review intervals, response times,
meeting frequencies, caseload limits, who carries out a carer's assessment,
how vacancies are covered) in every sentence, converts each value to one unit
and reports a fact stated with two different values. It also reports any
sentence that describes as current practice an incident action the log still
has open, and, given the service profile, any role the answer names that is
neither in the profile's team nor among the provider's roles
(:func:`unknown_roles`: "the peer support lead" in a team of peer support
workers).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from evidencebot import locations
from evidencebot.compose import askfit
from evidencebot.compose.gaps import MARKERS
from evidencebot.compose.library import content_stems
from evidencebot.errors import ConfigError
from evidencebot.mentions import days
from evidencebot.store import records
from evidencebot.text import number_value, sentences

_ONE = {"a": 1, "an": 1, "single": 1}
"""Words for one beside the number words (:data:`evidencebot.text.NUMBER_WORDS`): 'a quarter', 'a single worker'."""
_ADVERBS = {"daily": (1, "day"), "weekly": (1, "week"), "fortnightly": (2, "week"), "monthly": (1, "month"),
            "quarterly": (1, "quarter"), "yearly": (1, "year"), "annually": (1, "year")}


@dataclass
class Fact:
    name: str
    label: str
    patterns: list[re.Pattern]
    needs: str = ""
    kind: str = "time"
    """'time' (a timescale or frequency, compared in days), 'count' (a number), 'hours' (a range of the
    clock: '8am to 8pm', '09:00–20:00', compared in minutes), 'choice' (words, compared after ``values``
    maps synonyms to one name) or 'caseload' (the most people one worker of ``role`` holds, read by the
    sentence's structure: :func:`caseloads`)."""
    values: dict[str, str] = field(default_factory=dict)
    role: str = ""
    """A 'caseload' fact: the role whose caseload it is ('recovery worker')."""

    def key(self, value: str) -> tuple | None:
        if self.kind in ("count", "caseload"):
            v = value.lower().strip()
            n = float(v) if re.fullmatch(r"\d+\.\d+", v) else _count(v)  # '71.4 whole-time-equivalent posts'
            return None if n is None else (n,)
        if self.kind == "choice":
            v = " ".join(value.lower().replace("’", "'").split())
            return (self.values.get(v, v),)
        if self.kind == "hours":
            return hours(value)
        return normalise(value)


@dataclass
class Statement:
    ref: str
    value: str
    sentence: str
    key: tuple = ()


@dataclass
class Contradiction:
    kind: str
    """'fact' (one fact, two values), 'open action' (an open action told as practice) or 'role'
    (a role that is not in the team)."""
    label: str
    statements: list[Statement] = field(default_factory=list)

    def describe(self) -> str:
        if self.kind == "open action":
            s = self.statements[0]
            return f"{s.ref}: describes as current practice an incident action that is still open ({self.label}): {s.sentence!r}"
        if self.kind in ("night", "place"):
            s = self.statements[0]
            return f"{s.ref}: {s.value!r}, where {self.label}: {s.sentence!r}"
        if self.kind == "role":
            s = self.statements[0]
            return f"{s.ref}: names {s.value!r}, a role not in the service profile's team ({self.label}): {s.sentence!r}"
        parts = "; ".join(f"{s.ref}: {s.value!r} ({s.sentence[:90]}{'...' if len(s.sentence) > 90 else ''})"
                          for s in self.statements)
        return f"{self.label} stated differently: {parts}"


SAYS_OPEN = re.compile(r"\(open\b|\bstill open\b|\bwe will\b|\bwe would\b|\bwe plan to\b|\bdue (?:in|by)\b", re.I)
"""A sentence that says its action is still to come (open, planned, proposed) is not told as current practice."""


def load_facts() -> list[Fact]:
    """The facts answers must state one way (``corpus/library/facts.yaml``, user copy first)."""
    return locations.read_data_yaml("corpus", "library/facts.yaml", _build_facts) or []


def _build_facts(path, data: dict) -> list[Fact]:
    out = []
    for name, spec in (data.get("facts") or {}).items():
        if isinstance(spec, dict) and spec.get("kind") == "caseload":
            if not str(spec.get("role") or "").strip():
                raise ConfigError(f"{path}: fact {name}: a caseload fact needs 'role'")
            out.append(Fact(str(name), str(spec.get("label") or name), [], str(spec.get("needs") or ""), "caseload",
                            role=" ".join(str(spec["role"]).lower().split())))
            continue
        if not isinstance(spec, dict) or not spec.get("patterns"):
            raise ConfigError(f"{path}: fact {name} needs 'patterns'")
        pats = []
        for p in spec["patterns"]:
            try:
                pat = re.compile(str(p), re.I)
            except re.error as exc:
                raise ConfigError(f"{path}: fact {name}: pattern {p!r} is not a regular expression ({exc})") from None
            if "v" not in pat.groupindex:
                raise ConfigError(f"{path}: fact {name}: pattern {p!r} has no group named v")
            pats.append(pat)
        kind = str(spec.get("kind") or "time")
        if kind not in ("time", "count", "choice", "hours"):
            raise ConfigError(f"{path}: fact {name}: kind {kind!r} is not time, count, hours, choice or caseload")
        values = {" ".join(str(k).lower().split()): str(v) for k, v in (spec.get("values") or {}).items()}
        out.append(Fact(str(name), str(spec.get("label") or name), pats, str(spec.get("needs") or ""), kind, values))
    return out


_TENS_UNITS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (?:one|two|three|four|five|six|seven|eight|nine)"
"""'twenty eight' ('twenty-eight' with its hyphen made a space), read whole: not 'eight'."""


def normalise(value: str) -> tuple | None:
    """A timescale or frequency as a length in days (rounded), or None when unreadable.

    '12-weekly' -> 84, 'three-monthly' -> 91, 'every quarter' -> 91, 'the same day' -> 0,
    'by the next working morning' -> 1, 'within two working days' -> 2.8, 'straight away' -> 0.
    """
    v = " ".join(value.lower().replace("-", " ").split())
    if "same" in v or v in ("straight away", "immediately", "at once"):
        return (0.0,)
    if "next working" in v:
        return (1.0,)
    for word, (n, unit) in _ADVERBS.items():
        if v == word or v.endswith(" " + word) and len(v.split()) == 2 and v.split()[0] in ("each", "every"):
            return (round(days(n, unit), 1),)
    m = re.search(rf"({_TENS_UNITS}|\d+|[a-z]+)?\s*(working day|day|hour|week|month|quarter|year)s?\b", v)
    if m is None:
        m2 = re.match(r"^(\d+|[a-z]+) (weekly|monthly)$", v)
        if not m2:
            return None
        count = _count(m2.group(1))
        unit = "week" if m2.group(2) == "weekly" else "month"
        return None if count is None else (round(days(count, unit), 1),)
    n = (_count(m.group(1)) if m.group(1) else 1) or 1  # 'every quarter', 'every month': one
    return (round(days(n, m.group(2)), 1),)


_CLOCK = re.compile(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)?|(?P<noon>noon|midday|midnight)", re.I)


def hours(value: str) -> tuple | None:
    """A range of the clock as (start, end) in minutes after midnight: '8am to 8pm' -> (480, 1200),
    '09:00–20:00' -> (540, 1200), '9 to 5' -> (540, 1020); None when it is not two times."""
    times = []
    for m in _CLOCK.finditer(value or ""):
        if m.group("noon"):
            times.append((0 if m.group("noon").lower() == "midnight" else 12 * 60, "x"))
            continue
        h, mins, ap = int(m.group("h")), int(m.group("m") or 0), (m.group("ap") or "").lower().replace(".", "")
        if h > 24 or mins > 59:
            return None
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        times.append((h * 60 + mins, ap or ("24h" if m.group("m") else "")))
    if len(times) != 2:
        return None
    (start, sa), (end, ea) = times
    if not ea and end <= start:
        end += 12 * 60  # '9 to 5', '9am to 5': the afternoon ('9 to 5pm': 9 stays the morning)
    return (start, end)


# the last word of a role ('clinical lead', 'recovery workers'): :func:`caseloads` and :func:`_role_phrases`
_ROLE_HEAD_WORDS = (r"(leads?|leaders?|managers?|workers?|officers?|advis[eo]rs?|co-?ordinators?|champions?"
                    r"|specialists?|clinicians?|practitioners?|directors?|guardians?|owners?|supervisors?|nurses?)")


@dataclass
class Caseload:
    n: float
    """The most people one worker holds."""
    role: str
    """The worker's role, singular, lower case, without 'whole-time' ('recovery worker')."""
    text: str
    """The words it was read from."""


_N = r"(?P<n>\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|" \
     r"ten|eleven|twelve|fifteen|eighteen)"
_ROLE = r"(?P<role>(?:[a-z][a-z'’-]*\s+){0,3}?" + _ROLE_HEAD_WORDS + r")"
_CEILING = r"(?:more\s+than|above|over|exceeding|greater\s+than|in\s+excess\s+of)"
_AT_MOST = r"(?:up\s+to|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|a\s+cap\s+of)"
_CASELOADS = (
    # no ROLE VERB a caseload of more than N: 'no recovery worker holds / will hold / may carry a caseload of more than 30'
    re.compile(rf"\bno\s+{_ROLE}\s+(?:[a-z]+\s+){{1,2}}?(?:a\s+)?caseloads?\s+(?:of\s+)?{_CEILING}\s+{_N}", re.I),
    # N (people) per / for each ROLE: 'up to 55 people for each whole-time recovery worker', 'a caseload of 30 per worker'
    re.compile(rf"(?:\b{_AT_MOST}|\bcaseloads?\s+(?:of\s+)?(?:{_AT_MOST}\s+)?)\s*{_N}(?:\s+(?:people|cases|clients|adults))?\s+"
               rf"(?:for|per)\s+(?:each\s+|every\s+|a\s+|one\s+)?(?:whole-time\s+|full-time\s+|WTE\s+|FTE\s+)?{_ROLE}", re.I),
    # ROLEs at / holding up to N each: '7.0 WTE recovery workers at up to 55 each', 'recovery workers hold up to 30 people each'
    re.compile(rf"{_ROLE}\s+(?:at|with|holding|hold|carrying|carry|each\s+holding)\s+(?:caseloads?\s+of\s+)?{_AT_MOST}\s+{_N}"
               r"(?:\s+(?:people|cases|clients|adults))?\s+each\b", re.I),
)


def caseloads(sentence: str) -> list[Caseload]:
    """The caseloads ``sentence`` states, read by their structure (a number, a bound, and the worker it is per: 'per' /
    'for each' ROLE, ROLEs at ... each, no ROLE ... more than): 'no recovery worker holds a caseload of more than 30
    people', 'up to 55 people for each whole-time recovery worker' and '7.0 WTE recovery workers at up to 55 each' are
    one fact (session 18: the last was not read, so an answer kept it beside the buyer's 30)."""
    out: list[Caseload] = []
    seen: set[int] = set()
    for pat in _CASELOADS:
        for m in pat.finditer(sentence or ""):
            n = _count(m.group("n").lower().replace("-", " ")) if not re.match(r"\d", m.group("n")) else float(m.group("n"))
            if n is None or m.start("n") in seen:
                continue
            seen.add(m.start("n"))
            words = m.group("role").lower().replace("’", "'").split()
            while words and (words[0] in _ROLE_STOP or re.match(r"[\d.]+$", words[0])):
                words = words[1:]  # 'two peer support workers', 'whole-time recovery worker'; 'WTE' below
            words = [w for w in words if w not in ("wte", "fte")]
            if not words:
                continue
            words[-1] = _singular(words[-1])
            out.append(Caseload(float(n), " ".join(words), " ".join(m.group(0).split())))
    return out


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _ONE.get(word, number_value(word))


_WEAK = {"introduc", "updat", "add", "agre", "set", "show", "offer", "archiv", "report", "review", "every", "each",
         "all", "brief", "refresh", "session", "check", "new", "weekly", "monthly", "daily", "rule"}
"""Stems of an incident action's words that do not show a sentence tells of it ('introduce', 'review', 'weekly')."""


def _split_sentences(text: str) -> list[str]:
    return sentences(" ".join((text or "").split()))


def _open_actions(db: Database) -> list[set[str]]:
    return [st for st in (content_stems(action) - _WEAK for action in records.open_action_texts(db)) if len(st) >= 3]


def _contradicts(sentence: str, open_actions: list[set[str]]) -> bool:
    """True when the sentence holds at least half of an open action's content words."""
    have = content_stems(sentence)
    return any(len(a & have) * 5 >= len(a) * 3 and len(a & have) >= 3 for a in open_actions)


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text or ""):
        para = para.strip()
        if not para or para.startswith("#"):
            continue
        # a gap note to the writer ('[To confirm] The buyer requires ...; our profile gives ...') states nothing
        out.extend(x for x in _split_sentences(para) if not _GAP.search(x))
    return out


_GAP = re.compile(r"\[(?:" + "|".join(map(re.escape, MARKERS)) + r")(?::[^\]\n]*)?\]")
"""A gap's marker (:data:`evidencebot.compose.gaps.MARKERS`), with or without its heading."""


def statements(answers: list[tuple[str, str]], facts: list[Fact] | None = None) -> dict[str, list[Statement]]:
    """Every statement of every fact in the answers ((ref, text) pairs)."""
    facts = load_facts() if facts is None else facts
    found: dict[str, list[Statement]] = {}
    for ref, text in answers:
        for sentence in _sentences(text):
            for fact in facts:
                if fact.needs and fact.needs.lower() not in sentence.lower():
                    continue
                if fact.kind == "caseload":
                    for said in caseloads(sentence):
                        if said.role == fact.role or said.role.endswith(" " + fact.role):
                            found.setdefault(fact.name, []).append(Statement(ref, said.text, sentence, (said.n,)))
                    continue
                for pat in fact.patterns:
                    for m in pat.finditer(sentence):
                        key = fact.key(m.group("v"))
                        if key is None:
                            continue
                        found.setdefault(fact.name, []).append(Statement(ref, m.group("v"), sentence, key))
    return found


def check_answers(answers: list[tuple[str, str]], *, db=None, facts: list[Fact] | None = None,
                  profile: dict | None = None) -> list[Contradiction]:
    """Contradictions across (and within) the answers of one tender, given as (ref, text) pairs;
    with ``profile`` (the service profile), also each role an answer names that its team lacks."""
    facts = load_facts() if facts is None else facts
    labels = {f.name: f.label for f in facts}
    kinds = {f.name: f.kind for f in facts}
    out: list[Contradiction] = []
    for name, said in statements(answers, facts).items():
        for group in (_by_site(said) if kinds[name] == "hours" else [said]):
            firsts = _first_of_each_value(group)
            if len(firsts) > 1 and not (kinds[name] == "time" and _bound_met(firsts)):
                out.append(Contradiction("fact", labels[name], firsts))
    if db is not None:
        actions = _open_actions(db)
        if actions:
            for ref, text in answers:
                for sentence in _sentences(text):
                    if SAYS_OPEN.search(sentence):
                        continue  # the sentence itself says the action is still to be done
                    if _contradicts(sentence, actions):
                        out.append(Contradiction("open action", "see the incident log", [Statement(ref, "", sentence)]))
    out += day_hours_at_night(answers)
    if profile is not None:
        known = known_roles(profile)
        for ref, text in answers:
            for sentence in _sentences(text):
                for role in unknown_roles(sentence, profile, known=known):
                    out.append(Contradiction("role", "the team is: " + (profile.get("team") or "not given"),
                                             [Statement(ref, role, sentence)]))
    return out


NIGHT = "the night"
"""The situation (:data:`evidencebot.compose.askfit.SCENES`) of a part that asks about nights: 'safe at night and at
weekends', 'overnight', 'waking staff'."""
_T = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)"
_DAY_RANGE = re.compile(rf"\b(?:{_T}\s*(?:to|until|till|-|–|—)\s*{_T}|between\s+{_T}\s+and\s+{_T})\b", re.I)
_HEADING = re.compile(r"^\s*(?:#+\s+(?P<h>.+?)|\*\*(?P<b>[^*\n]+)\*\*)\s*$", re.M)


def parts(text: str) -> list[tuple[str, str]]:
    """(heading, text) of each part of an answer, in order (the text before the first heading under '')."""
    out, head, start = [], "", 0
    for m in _HEADING.finditer(text or ""):
        out.append((head, text[start:m.start()]))
        head, start = (m.group("h") or m.group("b") or "").strip(), m.end()
    out.append((head, (text or "")[start:]))
    return [(h, t) for h, t in out if t.strip()]


def day_hours_at_night(answers: list[tuple[str, str]]) -> list[Contradiction]:
    """A part that asks about nights (its heading's situation, :data:`NIGHT`) answered with hours of the day that end
    by 10pm ('within our opening hours (Monday to Friday 8am to 8pm ...)' under 'Keeping staffing at Alder Court safe at
    night and at weekends', s22 contradictions A20), in a sentence that says nothing of the night itself."""
    out = []
    for ref, text in answers:
        for head, body in parts(text):
            if NIGHT not in askfit.scenes(head):
                continue
            for sentence in _sentences(body):
                if NIGHT in askfit.scenes(sentence):
                    continue
                for m in _DAY_RANGE.finditer(sentence):
                    clock = hours(m.group(0))
                    if clock and 6 * 60 <= clock[0] and clock[1] <= 22 * 60:
                        out.append(Contradiction("night", f"the part asks about nights ({head[:80]})",
                                                 [Statement(ref, m.group(0), sentence)]))
                        break
    return out


_PLACE_KIND = re.compile(r"^(?:in|across|for\s+people\s+in)\s+(?P<kind>[a-z-]+)\s+(?:areas|parts\s+of|communities|villages|"
                         r"towns|settings|localities)\b", re.I)
"""A sentence said for one kind of place: 'In rural areas ...', 'Across coastal communities ...'."""


def place_kind_unsaid(sentence: str, buyer_text: str) -> str:
    """The kind of place ``sentence`` is said for ('rural' in 'In rural areas workers plan visits by area') when the
    buyer's text never speaks of such places, else ''."""
    m = _PLACE_KIND.match((sentence or "").strip())
    return m.group("kind") if m and not re.search(rf"\b{re.escape(m.group('kind'))}\b", buyer_text or "", re.I) else ""


def _site(sentence: str) -> str:
    """The place a sentence gives hours for: the first name of two or more capitalised words in it that is not a day
    ('Foundry Hub' in 'The Foundry Hub will be open Monday to Friday 09:00–20:00'), '' when it names none."""
    for m in _NAME.finditer(sentence):
        words = m.group(0).split()
        if not sentence[:m.start()].strip():
            words = words[1:]  # the sentence's first word is capitalised whatever it is ('The', 'Each Hub is open')
        words = [w for w in words if w.lower() != "the"]
        if len(words) >= 2 and not {w.lower() for w in words} & _DAY_WORDS:
            return " ".join(words)
    return ""


_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")
_DAY_WORDS = frozenset(d.lower() for d in calendar.day_name) | {"bank", "holidays", "holiday"}


def _by_site(said: list[Statement]) -> list[list[Statement]]:
    """Statements of opening hours grouped by the place each names: two sites open at different hours say nothing
    against each other (s28 q01: 'the Foundry Hub … 09:00–20:00' beside 'the Eastbrook Wellbeing Hub … 09:00–17:00'
    stopped the answer as inconsistent)."""
    groups: dict[str, list[Statement]] = {}
    for s in said:
        groups.setdefault(_site(s.sentence), []).append(s)
    return list(groups.values())


def _first_of_each_value(said) -> list[Statement]:
    """One statement per distinct value (key), the first of each, in order."""
    firsts: dict[tuple, Statement] = {}
    for s in said:
        firsts.setdefault(s.key, s)
    return list(firsts.values())


BOUND = re.compile(r"^\s*(?:within|no later than|at (?:the )?most|up to)\b", re.I)
"""A timescale given as a limit ('within 1 working day'): a shorter time ('the same working day') meets it."""


def _bound_met(said: list[Statement]) -> bool:
    """True when the values differ only as a limit and times inside it: one timescale stated as a limit
    ('within 1 working day', the specification's or ours) and every other value a time, not a limit, no longer
    than it ('the same working day'). A reader sees a promise that meets the limit, not two answers; two limits
    that differ, or two different times, still contradict."""
    limits = [s for s in said if BOUND.search(s.value)]
    times = [s for s in said if not BOUND.search(s.value)]
    if len(limits) != 1 or not times:
        return False
    limit = limits[0].key
    return all(len(s.key) == 1 == len(limit) and s.key[0] <= limit[0] for s in times)


def against_buyer(answers: list[tuple[str, str]], questions: list[tuple[str, str]], *,
                  facts: list[Fact] | None = None) -> list[Contradiction]:
    """A fact of ``corpus/library/facts.yaml`` the buyer's questions state one way (the Hubs' weekday opening
    hours, how often the contract meeting is held) and an answer states another (s10 panel: 'open 8am to 8pm on
    weekdays' against the buyer's '09:00–20:00 Monday to Friday'). Where the buyer's own text gives the fact two
    ways (the incumbent's hours beside the new service's) nothing is said."""
    facts = load_facts() if facts is None else facts
    labels = {f.name: f.label for f in facts}
    kinds = {f.name: f.kind for f in facts}
    buyer = [(f"the buyer's {ref}", text) for ref, text in questions if (text or "").strip()]
    refs = {ref for ref, _ in buyer}
    out = []
    for name, said in statements(list(answers) + buyer, facts).items():
        theirs = _first_of_each_value(s for s in said if s.ref in refs)
        if len(theirs) != 1:
            continue
        off = _first_of_each_value(s for s in said if s.ref not in refs and s.key != theirs[0].key)
        if off and not (kinds[name] == "time" and _bound_met(theirs + off)):
            out.append(Contradiction("fact", labels[name] + " (the buyer's, against ours)", theirs + off))
    # a sentence for a kind of place the buyer never speaks of ('In rural areas ...' to a metropolitan borough, s22)
    whole = "\n".join(text or "" for _, text in questions)
    for ref, text in answers:
        for sentence in _sentences(text):
            kind = place_kind_unsaid(sentence, whole)
            if kind:
                out.append(Contradiction("place", f"the buyer's text never speaks of {kind} places",
                                         [Statement(ref, kind, sentence)]))
    return out


# ---------------------------------------------------------------- roles the answers name

# the last word of a role ('clinical lead', 'recovery workers', 'head of people' is read apart)
_ROLE_HEAD = re.compile(r"\b" + _ROLE_HEAD_WORDS + r"\b", re.I)
_HEAD_OF = re.compile(r"\bhead of ([a-z]+(?: governance)?)\b", re.I)
# words that end the phrase before a role's head: determiners, possessives, numbers, prepositions
# words that may stand before a role's head inside its name; any other word ends the name
_ROLE_WORDS = set("""
    peer support recovery clinical team leader service housing and money data quality safeguarding
    information governance protection risk senior deputy assistant principal lead specialist nurse care
    mental health community crisis outreach family carers wellbeing employment debt benefits practice
    primary network neighbourhood transition mobilisation exit link emergency accountable caldicott
    occupational therapy social prescribing ips personal project volunteer volunteers trainee apprentice
    """.split())
_ROLE_STOP = {
    "a", "an", "the", "their", "our", "his", "her", "its", "your", "my", "each", "every", "any", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "with", "by", "to", "from", "for", "of",
    "at", "in", "on", "as", "is", "are", "was", "who", "which", "that", "this", "these", "those", "or", "than",
    "both", "all", "other", "another", "same", "new", "named", "duty", "senior", "current", "previous",
    "allocated", "usual", "own", "first", "next", "last", "relief", "agency", "bank", "temporary", "single",
    "locality", "trained", "experienced", "north", "south", "more", "most", "no", "not", "many",
    "whole-time", "full-time", "part-time",
}


def _singular(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _role_phrases(text: str) -> list[str]:
    """Role names in ``text``, singular and without their determiners: 'clinical lead', 'worker',
    'housing and money adviser', 'head of information governance'."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|[,;:.()]", text or "")
    out = []
    for i, w in enumerate(words):
        if not _ROLE_HEAD.fullmatch(w):
            continue
        if i + 1 < len(words) and words[i + 1].lower() in ("of",) and w.lower().startswith("head"):
            continue
        if w.lower() in ("lead", "leads") and i + 1 < len(words) and words[i + 1].lower() in ("to", "the", "a", "an", "on", "by", "and", "in", "with"):
            continue  # a verb ('leads to', 'lead the review'), not a role
        phrase = [_singular(w)]
        j = i - 1
        while j >= 0 and len(phrase) < 5:
            prev = words[j]
            low = prev.lower().replace("’", "'")
            if low == "lead" and len(phrase) == 1 and phrase[0] != "lead":
                phrase.insert(0, low)  # 'lead clinician', 'lead nurse': a role of its own
                j -= 1
                continue
            if not prev[0].isalpha() or low in _ROLE_STOP or low.endswith("'s") or _ROLE_HEAD.fullmatch(prev):
                break
            if low not in _ROLE_WORDS and not ("-" in low and not low.endswith("ly")):
                break
            phrase.insert(0, low)
            j -= 1
        while phrase and phrase[0] == "and":
            phrase = phrase[1:]
        out.append(" ".join(phrase))
    out += ["head of " + m.group(1).lower() for m in _HEAD_OF.finditer(text or "")]
    return out


def known_roles(profile: dict) -> set[str]:
    """The roles an answer may name: the profile's team and provider roles, and the duties and
    partners' roles listed under ``roles`` in ``corpus/library/facts.yaml``."""
    known = {"worker", "lead", "leader", "manager", "officer", "practitioner", "clinician", "specialist",
             "director", "champion", "supervisor", "adviser", "coordinator", "owner"}  # a role named by its head alone
    for field_name in ("team", "provider_roles"):
        for part in re.split(r",|\band\b(?![^()]*\))", re.sub(r"\([^()]*\)", " ", profile.get(field_name) or "")):
            known.update(_role_phrases(part))
    known.update(_role_phrases(profile.get("team") or ""))
    listed = locations.read_data_yaml("corpus", "library/facts.yaml", lambda path, data: data.get("roles") or {}) or {}
    for group in listed.values():
        for role in group or []:
            known.update(_role_phrases(str(role)) or [str(role).lower()])
    return known


def unknown_roles(text: str, profile: dict, *, known: set[str] | None = None) -> list[str]:
    """Roles ``text`` names that neither the profile's team nor its provider roles hold, nor a
    duty or partner role listed in facts.yaml ('peer support lead', 'lead clinician')."""
    known = known_roles(profile) if known is None else known
    out = []
    for role in _role_phrases(text):
        if role not in known and role not in out:
            out.append(role)
    return out
