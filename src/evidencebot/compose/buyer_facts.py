"""The buyer's facts against an answer: what the tender says, and where our answer says otherwise (issue 12).

Session 18's third reader found 18 firm contradictions of the buyer's facts in 12 answers that ``check --db`` had
passed: our profile's opening hours ("8am to 8pm on weekdays and 10am to 4pm at weekends") against the buyer's 8am to
10pm and 9am to 5pm; "within 72 hours of discharge" against the buyer's 48 hours; a decline letter "within five
working days" against 2; "the buyer's target ... is at least 55%" where that KPI's target is 70% (55% was another
KPI's); DIALOG as the primary measure where the buyer requires ReQoL-10. A fact given in one question binds every
answer of the lot (the hours in Q1's background hold for Q3's answer).

:func:`read` reads the buyer's facts from the tender's text, each with the words it was read from and where
(``Q1 background``); :func:`check` reads an answer against them and returns each :class:`Clash` with both places
("the buyer says X (Q1 background), this answer says Y"); :func:`findings` gives them as checker findings (family
``buyer``), so that ``evidencebot check --question-file``/``--tender``, ``assemble tender`` and ``tender draft`` report
them alike; :func:`hold` rewrites a sentence of ours to the buyer's value where it reads as a drop-in (the hours, a
timescale, a target, the measure, a version), for the composer. The kinds:

* **hours**: the service's opening hours by day (weekdays, weekends, bank holidays);
* **timescale**: the time the buyer allows for a matter (a decline letter, contact after discharge, a crisis plan's
  review after a crisis, a safeguarding concern ...): ours gives more time;
* **target**: a share the buyer sets for a measure ('KPI 7: at least 70% of ... have a paired ReQoL-10 score'),
  stated by us as a target with another value;
* **measure**: the outcome measure the buyer requires, where we make another one our primary measure;
* **version**: a named protocol, template or form with another version than the buyer's;
* **timetable**: a figure of ours for a period that ends after the tender's first date (the notice of intention to
  award, the submission deadline): it cannot have been measured when the bid was submitted;
* **owner**: whose plan, framework or group it is ('the Trust's PCREF action plan', said by us as the ICB's);
* **contract**: another contract start; a service the buyer says ends before the contract starts, worked with during
  it; a date before the contract is awarded ('twelve weeks before the start' when the award is ten weeks before);
* **cadence**: when a review falls ('an external review by IPS Grow at months 6 and 12 and yearly after that'), said
  by us of the same review with a schedule that misses one of its dates ('each year');
* **runs**: a service the lot includes ('Lot 2 includes an Individual Placement and Support (IPS) service'), said by us
  as an outside service we refer people to ('the local IPS service');
* **members**: how many of whom sit on the buyer's board ('at least two people with lived experience as members of the
  service's governance board'), where we give fewer ('one attends the ... governance board');
* **group_target**: a target the buyer sets for each group, where we propose or agree targets of our own;
* **assessor**: who carries out an assessment for the buyer ('Statutory carers' assessments ... are delivered on the
  Council's behalf by the Moorvale Carers Centre'), where we refer people to someone else for it (our profile's
  'the council's adult social care team'); the buyer's organisation fills the profile's field for it;
* **limit**: a time the buyer allows, read by its subject and not by a listed matter: a row of the KPI table
  ('95% ; Urgent referrals: first contact ; within 4 hours') or a clause that asks ('Step-up contact must be made
  within 4 hours of a trigger being reported'); ours on the same subject (most of its words, and more than any other
  limit's) gives more time;
* **parties**: two organisations or more hand the service or its staff over ('approx. 38 from <A> ... and approx. 8 from
  <B>', 'Three incumbent services will transfer: ... (<A>), ... (<B>)'), where we speak of 'the outgoing provider' as
  one: ours says each outgoing provider;
* **place**: a place the buyer says the provider runs (:func:`tender_profile.base_names`: 'The provider will run ...:
  Heron Row House'), said by us as a partner's ('agree with the Heron Row House how referrals ... pass between us',
  'the Heron Row House's meetings'): the sentence goes;
* **forbid**: what the buyer forbids ('must not use family members or children as interpreters'), where ours has one
  of them in that role without a negation ('family members, and never children, interpret only in an emergency'): the
  sentence goes;
* **must_or**: what the buyer requires done ('will attend the ... MARAC whenever ...'), where ours offers another way
  with 'or' ('attends the MARAC or sends a written update'): the 'or' and its clause go;
* **from_start**: the date from which the buyer holds the provider to its KPIs ('held to the KPIs below from 1 April
  2028'), where ours sets a target for later ('..., set for the end of the first contract year'): that clause goes.

Vocabulary: ``phrasebank/buyer_facts.yaml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from evidencebot.compose import tender_profile
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.library import stem
from evidencebot.language.findings import Finding, locate
from evidencebot.mentions import NUMBER_OR_WORD, days, number_or_word, period_mentions
from evidencebot.text import (BULLETS, MD_HEADING, MONTH_ABBREVIATIONS, MONTH_NAMES, line_sentences, list_marker,
                              month_number, sentence_spans)

PHRASEBANK = "buyer_facts.yaml"
FAMILY = "buyer"

KINDS = ("hours", "timescale", "target", "measure", "version", "contract", "owner", "timetable", "cadence", "runs", "members", "group_target",
         "assessor", "outgoing", "meets", "peer_roles", "place",
         "limit", "parties", "forbid", "must_or", "from_start")

CUT_KINDS = ("must_or", "from_start")
"""Kinds whose replacement takes words out (another way to meet a requirement, a later date for a target) rather
than saying the buyer's value."""

KEPT_WHEN_ALONE = ("forbid", "must_or")
"""Kinds whose clashing sentence stays, with a note for the writer, when it is the only one in its part (the part
would otherwise say nothing)."""


@dataclass(frozen=True)
class BuyerFact:
    kind: str
    """One of :data:`KINDS`."""
    label: str
    """What the fact is about ('the service's opening hours', 'KPI 7', 'contact after discharge')."""
    value: str
    """The buyer's value as written ('8am to 10pm Monday to Friday and ...', 'within 2 working days', '70%')."""
    quote: str
    """The buyer's sentence."""
    where: str
    """Where the buyer says it ('Q1 background', 'the question')."""
    data: tuple = ()
    """What the comparison needs, by kind."""


@dataclass
class Clash:
    fact: BuyerFact
    said: str
    """Our value as written."""
    sentence: str
    ref: str = "answer"
    start: int = 0
    """Where ``said`` starts and ends in the answer's text."""
    end: int = 0
    replacement: str = ""
    """The buyer's value to put in place of ``said`` when it reads as a drop-in; empty when the sentence must go."""

    def describe(self) -> str:
        return (f"{self.ref}: the buyer says {self.fact.value!r} for {self.fact.label} ({self.fact.where}: "
                f"“{_clip(self.fact.quote)}”), this answer says {self.said!r} (“{_clip(self.sentence)}”)")

    def message(self) -> str:
        return (f"the buyer says {self.fact.value!r} for {self.fact.label} ({self.fact.where}: "
                f"“{_clip(self.fact.quote)}”); this answer says {self.said!r}")


def _clip(text: str, width: int = 140) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= width else t[: width - 3].rstrip() + "..."


_SPEC: list = [0.0, None]


def _spec() -> dict:
    """``phrasebank/buyer_facts.yaml`` (a user's copy first), looked up at most once a second: finding the file costs
    more than a whole check otherwise (it is read for every sentence and fact)."""
    now = time.monotonic()
    if _SPEC[1] is None or now - _SPEC[0] > 1.0:
        _SPEC[:] = [now, load_phrasebank(PHRASEBANK)]
    return _SPEC[1]


def _phrases(words) -> re.Pattern:
    """One pattern for a list of phrases, matched as whole words, case-insensitive (longest first)."""
    items = sorted({str(w) for w in words or []}, key=len, reverse=True)
    if not items:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


@functools.lru_cache(maxsize=64)
def _compiled(key: str, words: tuple) -> re.Pattern:
    return _phrases(words)


def _pat(*path: str) -> re.Pattern:
    node = _spec()
    for p in path:
        node = node.get(p) or {}
    return _compiled("/".join(path), tuple(node) if isinstance(node, list) else ())


# ---------------------------------------------------------------- where the buyer says it

_QUESTION_NO = re.compile(r"\bquestion\s+(\d+(?:\.\d+)?[a-z]?)\b", re.I)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


@functools.cache
def _section_labels() -> frozenset[str]:
    """The labels a buyer puts over a section on a line of their own (``phrasebank/intake.yaml``)."""
    return frozenset(" ".join(str(w).lower().split()) for w in load_phrasebank("intake.yaml").get("section_labels") or [])


def _section_label(line: str) -> bool:
    """Whether ``line`` is only a section's label ('Context', '**Guidance**', 'Background:')."""
    return " ".join(line.strip("*:# ").lower().split()) in _section_labels()


def buyer_lines(text: str, ref: str = "") -> list[tuple[str, str]]:
    """The buyer's sentences of ``text`` as (where, sentence): where is the question's reference and the section it
    stands in ('Q1 background'); a paragraph's lines are read together (a line break inside it is a space); a list item
    or table row after a paragraph that ends with a colon carries that paragraph's words in front ('The Protocol
    requires that: ... make contact within 24 hours'), so that what it asks is read."""
    out: list[tuple[str, str]] = []
    label, section, lead = ref, "", ""
    block: list[str] = []
    item = False

    def flush() -> None:
        nonlocal block, lead
        if not block:
            return
        body = " ".join(block)
        body = re.sub(r"\*\*", "", body).replace("|", " ; ").strip(" ;")
        where = " ".join(x for x in (label or "the question", section) if x)
        for s in line_sentences(body):
            out.append((where, f"{lead} {s}".strip() if item and lead else s))
        if not item:
            lead = body if body.rstrip().endswith(":") else ""
        block = []

    for raw in (text or "").splitlines():
        line = raw.strip()
        head = MD_HEADING.match(line) if line else None
        if not line or head or _TABLE_RULE.match(line):
            flush()
            if head:
                title = head.group(1).strip().strip("*")
                q = _QUESTION_NO.search(title)
                if q and not line.startswith("###"):
                    label, section = f"Q{q.group(1)}", ""
                else:
                    section = title.lower()
                lead = ""
            continue
        if _section_label(line):
            # a section's label on a line of its own ('Context', 'Guidance') is no word of the sentence below it:
            # read as joined, 'Context Skelmouth Carers Centre carries out ...' made the label part of a name (s31)
            flush()
            section, lead, item = " ".join(line.strip("*:# ").lower().split()), "", False
            continue
        starts = line.startswith((*BULLETS, "|")) or list_marker("", "labels").match(line)
        if starts or (item and line.startswith("|")):
            flush()
            item = True
            block = [list_marker(BULLETS, "labels").sub("", line)]
            continue
        if not block:
            item = False
        block.append(line)
    flush()
    return out


# ---------------------------------------------------------------- hours

_TIME = r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|midday|noon|midnight)"
_RANGE = re.compile(rf"(?<![\w.:])(?P<a>{_TIME})\s*(?:to|until|till|–|—|-)\s*(?P<b>{_TIME})(?![\w])", re.I)


def _minutes(t: str, closing: bool = False) -> int:
    t = t.lower().replace(".", ":").replace(" ", "")
    if t in ("midday", "noon"):
        return 12 * 60
    if t == "midnight":
        return 24 * 60 if closing else 0
    m = re.match(r"(\d{1,2})(?::(\d{2}))?(am|pm|a:m:|p:m:)?", t)
    if m is None:
        return 0
    h, mins, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(":", "")
    if half == "pm" and h != 12:
        h += 12
    if half == "am" and h == 12:
        h = 0
    return h * 60 + mins


def _day_spans(sentence: str) -> list[tuple[int, int, str]]:
    out = []
    for cls, words in (_spec().get("hours", {}).get("days") or {}).items():
        for m in _compiled(f"hours/days/{cls}", tuple(words)).finditer(sentence):
            out.append((m.start(), m.end(), cls))
    out.sort()
    kept: list[tuple[int, int, str]] = []
    for s in out:  # 'saturdays and sundays' over 'saturdays'
        if kept and s[0] < kept[-1][1]:
            if s[1] - s[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = s
            continue
        kept.append(s)
    return kept


_EXPAND = {"every_day": ("weekday", "weekend", "bank_holiday")}


def read_hours(sentence: str) -> tuple[dict[str, tuple[int, int]], int, int]:
    """The hours a sentence gives by kind of day ({'weekday': (480, 1320), 'weekend': ...}) and the span of the whole
    statement in it (from the first range to the last day words said with one). A range's days are those written
    right before it ('Monday to Friday 8am to 8pm'), else those after it before the next range ('8am to 8pm on
    weekdays'), else those shortly before it; day words elsewhere ('weekend sessions within our opening hours (...)')
    are not its days."""
    ranges = list(_RANGE.finditer(sentence))
    if not ranges:
        return {}, 0, 0
    daysaid = _day_spans(sentence)
    hours: dict[str, tuple[int, int]] = {}
    lo, hi = ranges[0].start(), ranges[-1].end()
    taken: set[int] = set()
    for i, r in enumerate(ranges):
        left = ranges[i - 1].end() if i else 0
        right = ranges[i + 1].start() if i + 1 < len(ranges) else len(sentence)
        free = [d for d in daysaid if d[0] not in taken]
        right_before = [d for d in free if left <= d[0] and d[1] <= r.start() and
                        re.fullmatch(r"[\s,:;(]*(?:from\s+)?", sentence[d[1]:r.start()], re.I)]
        after = [d for d in free if r.end() <= d[0] < right and d[0] - r.end() <= 40
                 and not re.search(r"[.;]", sentence[r.end():d[0]])]
        near = [d for d in free if left <= d[0] and d[1] <= r.start() and r.start() - d[1] <= 15]
        mine = right_before or after or near
        # the day words after a range run on while joined by 'and' / commas ('Saturdays, Sundays and bank holidays')
        if mine is after and after:
            run = [after[0]]
            for d in after[1:]:
                if re.fullmatch(r"[\s,]*(?:and\s+)?(?:on\s+)?", sentence[run[-1][1]:d[0]], re.I):
                    run.append(d)
            mine = run
        span = (_minutes(r.group("a")), _minutes(r.group("b"), closing=True))
        classes = []
        for d in mine:
            taken.add(d[0])
            classes += list(_EXPAND.get(d[2], (d[2],)))
            lo, hi = min(lo, d[0]), max(hi, d[1])
        for c in classes or ["unsaid"]:
            hours.setdefault(c, span)
    return hours, lo, hi


def _hours_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    service, opened, other = _pat("hours", "service"), _pat("hours", "open"), _pat("hours", "other")
    for where, s in lines:
        if not _RANGE.search(s) or not service.search(s) or not opened.search(s) or other.search(s):
            continue
        hours, lo, hi = read_hours(s)
        hours.pop("unsaid", None)
        if hours:
            out.append(BuyerFact("hours", "the service's opening hours", s[lo:hi], s, where,
                                 tuple(sorted(hours.items()))))
    return out


def hours_facts(text: str) -> list[BuyerFact]:
    """The service's opening hours the buyer states in ``text`` (the hours facts of :func:`read` alone)."""
    return _hours_facts(buyer_lines(text))


def _check_hours(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    if not _RANGE.search(sentence) or not _pat("hours", "ours").search(sentence):
        return None
    ours, lo, hi = read_hours(sentence)
    theirs = dict(fact.data)
    if ours.get("unsaid") and len(ours) == 1:
        return None
    differ = [c for c in ours if c in theirs and ours[c] != theirs[c]]
    return (sentence[lo:hi], lo, hi) if differ else None


# ---------------------------------------------------------------- timescales

_SCALE = re.compile(
    rf"(?P<lead>within|in|by|after|no\s+later\s+than|up\s+to)?\s*(?:the\s+)?(?:first\s+)?"
    rf"(?P<n>{NUMBER_OR_WORD})\s*(?:\(\d+\)\s*)?(?P<u>working\s+days?|calendar\s+days?|days?|hours?|weeks?|months?)\b"
    r"|(?P<same>(?:on\s+)?the\s+same\s+(?:working\s+)?day|same[-\s]day)"
    r"|(?P<next>(?:by|on)?\s*the\s+next\s+working\s+(?:day|morning))"
    r"|(?P<now>immediately|straight\s+away)", re.I)


SAME_DAY = 0.5
"""'the same (working) day' as days allowed: more than any limit in hours up to 12, less than 'within 1 day'."""


@dataclass(frozen=True)
class _Scale:
    text: str
    start: int
    end: int
    days: float


@functools.lru_cache(maxsize=4096)
def _scales(sentence: str) -> tuple[_Scale, ...]:
    out = []
    for m in _SCALE.finditer(sentence):
        if m.group("n"):
            lead = (m.group("lead") or "").lower()
            n = number_or_word(m.group("n"))
            if n is None or not lead or lead == "after":
                continue  # '3 attempts over 5 working days', 'a 12-week episode': not a time allowed
            unit = m.group("u").lower()
            try:
                d = days(n, unit)
            except ValueError:
                continue
            a = m.start("lead")
        elif m.group("same"):
            # the same day runs to the day's end: longer than a few hours, shorter than a day (s24 contradiction A5:
            # 'calls the person back the same day' against the buyer's 'within 4 hours' gives more time)
            d, a = SAME_DAY, m.start()
        elif m.group("next"):
            d, a = 1.4, m.start()
        else:
            d, a = 0.0, m.start()
        out.append(_Scale(sentence[a:m.end()].strip(), a, m.end(), d))
    return tuple(out)


def _matter_of(sentence: str, spec: dict) -> list[int] | None:
    """Where the sentence names the matter's event (its group ``event``, else its last: what the time runs from), or
    None when the sentence is not on the matter."""
    groups = spec.get("all") or []
    event = spec.get("event", len(groups) - 1)
    where = None
    for i, g in enumerate(groups):
        m = _compiled("matter", tuple(g)).search(sentence)
        if m is None:
            return None
        if i == event:
            where = [m.start(), m.end()]
    if _compiled("matter", tuple(spec.get("not") or ())).search(sentence):
        return None
    return where


def _nearest(scales: tuple[_Scale, ...] | list[_Scale], where: list[int], sentence: str = "", spec: dict | None = None) -> _Scale | None:
    """The timescale said of the matter: the one nearest its event; where the matter names what must follow the time
    ('within 48 hours of discharge': ``anchor``), only a timescale so followed."""
    anchor = (spec or {}).get("anchor")
    if anchor:
        pat = _compiled("anchor", tuple(anchor))
        scales = [s for s in scales if pat.match(sentence[s.end:].lstrip())]
    if not scales:
        return None
    return min(scales, key=lambda s: min(abs(s.start - where[1]), abs(where[0] - s.end)))


def _timescale_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    asks = _pat("asks")
    for where, s in lines:
        if not asks.search(s):
            continue
        scales = _scales(s)
        if not scales:
            continue
        for name, spec in (_spec().get("matters") or {}).items():
            at = _matter_of(s, spec)
            if at is None:
                continue
            near = _nearest(scales, at, s, spec)
            if near is None:
                continue
            # a standard with a fallback ('on the same working day ..., and in any case within 24 hours'): the
            # latest is what is allowed, the first is said
            said = [near] + [x for x in scales if x is not near and x.start > near.end
                             and re.search(r"\bin\s+any\s+case\b", s[near.end:x.start], re.I)]
            allowed = max(x.days for x in said)
            out.append(BuyerFact("timescale", spec.get("label") or name, near.text, s, where,
                                 (name, allowed)))
    return out


def _check_timescale(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    name, allowed = fact.data
    spec = (_spec().get("matters") or {}).get(name) or {}
    at = _matter_of(sentence, spec)
    if at is None:
        return None
    near = _nearest(_scales(sentence), at, sentence, spec)
    if near is None or near.days <= allowed + 1e-9:
        return None
    return near.text, near.start, near.end


# ---------------------------------------------------------------- targets

_PCT = re.compile(r"(?<![\w.])(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.I)
_KPI = re.compile(r"\bKPI\s*(\d+[a-z]?)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d+")


def _content(text: str) -> set[str]:
    generic = {str(w).lower() for w in (_spec().get("targets") or {}).get("generic") or []}
    return {stem(w.lower()) for w in _WORD.findall(text or "") if w.lower() not in generic and len(w) > 1}


def _target_parts(sentence: str, m: re.Match) -> tuple[set[str], set[str]]:
    """(what the share measures, what it is a share of) for the share at ``m``."""
    rest = sentence[m.end():]
    of = re.match(r"\s+of\s+", rest)
    if not of:
        return _content(sentence), set()
    rest = rest[of.end():]
    verb = _pat("targets", "verbs").search(rest)
    if not verb:
        return _content(rest), set()
    return _content(rest[verb.start():]), _content(rest[:verb.start()])


KPI_ROW = "the buyer's KPI table"
"""The label of a target read from a row of the buyer's KPI table: held against the sentences of that question's answer
only, when the answer names its question (its words are a whole row's, and s22 q09's 'at least 25% of Service posts held by people ...' was set against
q11's row 'People leaving Alder Court contacted by the Service')."""


def _target_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    # (kpi23) 'in 100% of cases' after a duty is the buyer's target for it (s22 q07's Adult Gateway timescale)
    cues = re.compile(r"\b(?:at\s+least|no\s+less\s+than|target|KPI|minimum)\b|\bin\s+\d{1,3}%\s+of\s+cases\b", re.I)
    for where, s in lines:
        # a row of a KPI table that opens with the buyer's target ('100% ; Step-up referrals to Alder Court given a
        # decision ; within 4 hours of referral ; Monthly'): the row's target, else the answer's 'the buyer's target
        # of 100% for step-up referrals ...' was set right to a target of another sentence (90%, s22 q11)
        row = _PCT.match(s) is not None and " ; " in s
        if not cues.search(s) and not row:
            continue
        for m in _PCT.finditer(s):
            cases = re.match(r"\s+of\s+cases\b", s[m.end():]) is not None  # the share of the duty's cases: its words
            measure, population = (_content(s), set()) if row or cases else _target_parts(s, m)
            kpi = None
            for k in _KPI.finditer(s, 0, m.start()):  # the KPI named last before the share
                kpi = k
            label = f"KPI {kpi.group(1)}" if kpi else (KPI_ROW if row else "the buyer's target")
            out.append(BuyerFact("target", label, m.group(0), s, where,
                                 (float(m.group("n")), frozenset(measure), frozenset(population))))
    return out


SAID_HERE = 4
"""The content words a sentence must share with a target of its own question to be about it."""


def _check_targets(facts: list[BuyerFact], sentence: str, home: str = "") -> list[tuple[BuyerFact, str, int, int]]:
    if not _pat("targets", "cues").search(sentence) or not _pat("targets", "theirs").search(sentence):
        return []  # a share said as the buyer's target, not our own ('our target is that 60% of new starters ...')
    out = []
    prev = 0
    for m in _PCT.finditer(sentence):
        # the share is said as a target in its own stretch of the sentence (since the share before it), never as a
        # baseline ('is 80%, from the buyer's current figure of 61%': 61% is no target)
        window, prev = sentence[prev:m.start()], m.end()
        if not _pat("targets", "cues").search(window) or _pat("targets", "baseline").search(window):
            continue
        words = _content(sentence)
        kpi = _KPI.search(sentence)
        scored = []
        for f in facts:
            if kpi and f.label.startswith("KPI") and f.label != f"KPI {kpi.group(1)}":
                continue
            if f.label == KPI_ROW and home and f.where.split()[:1] != [home]:
                continue
            value, theirs, population = f.data
            exact = 100 if kpi and f.label == f"KPI {kpi.group(1)}" else 0
            # as well fitted, the answer's own question's target is the one it speaks of
            here = int(bool(home) and f.where.split()[0] == home)
            scored.append((exact + len(words & theirs), here, len(words & population), f))
        scored = [x for x in scored if x[0] > 0]
        if not scored:
            continue
        if any(x[1] and x[0] >= SAID_HERE and abs(float(m.group("n")) - x[3].data[0]) < 1e-9 for x in scored):
            # the answer's own question sets this figure for a measure said in the same words: it is that target
            # (s22 q07: 'to the buyer's target of 100%' for the Adult Gateway's 1 working day was set against Q5's 90%
            # for joint assessments 'within 5 working days of the need being identified')
            continue
        best = max(scored, key=lambda x: x[:3])
        tied = [x for x in scored if x[:3] == best[:3]]
        if len({x[3].data[0] for x in tied}) > 1:
            continue  # two of the buyer's targets fit as well: not sure which this is
        f = best[3]
        if any(x[3].quote == f.quote and abs(float(m.group("n")) - x[3].data[0]) < 1e-9 for x in scored):
            # another step of the same trajectory ('50% of people discharged in Year 1, rising to 70% from Year 3'):
            # the buyer's own figure, not a clash with its last (s26 q02 printed '70% in Year 1, rising to 70%')
            continue
        if abs(float(m.group("n")) - f.data[0]) > 1e-9:
            out.append((f, m.group(0), m.start(), m.end()))
    return out


# ---------------------------------------------------------------- the required outcome measure

def _measure_names() -> re.Pattern:
    return _pat("measures", "names")


def _family(name: str) -> str:
    """'ReQoL-10' and 'ReQoL' are one measure's names; 'SWEMWBS' and 'WEMWBS' are not."""
    n = re.sub(r"[^a-z0-9+]", "", name.lower())
    return re.sub(r"\d+$", "", n) if n.startswith("reqol") or n.startswith("core") else n


def _measure_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out, seen = [], set()
    require = _pat("measures", "require")
    for where, s in lines:
        names = list(_measure_names().finditer(s))
        if not names:
            continue
        cue = re.search(r"\b(?:in\s+place\s+of|other\s+than)\s+", s, re.I)
        if cue:
            after = [n for n in names if n.start() >= cue.end()]
            chosen = after[0] if after else None
        else:
            req = require.search(s)
            chosen = next((n for n in names if req and n.start() >= req.start()), None) if req else None
        if chosen is None or _family(chosen.group(0)) in seen:
            continue
        seen.add(_family(chosen.group(0)))
        out.append(BuyerFact("measure", "the outcome measure", chosen.group(0), s, where, (_family(chosen.group(0)),)))
    return out


def _check_measure(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    if not _pat("measures", "primary").search(sentence) or _pat("measures", "addition").search(sentence):
        return None
    names = list(_measure_names().finditer(sentence))
    if not names or any(_family(n.group(0)) == fact.data[0] for n in names):
        return None
    n = names[0]
    return n.group(0), n.start(), n.end()


def buyer_measures(text: str) -> frozenset[str]:
    """The outcome measures the buyer's ``text`` names anywhere, by family ('reqol', 'dialog', 'swemwbs')."""
    return frozenset(_family(m.group(0)) for m in _measure_names().finditer(text or ""))


def without_other_measures(sentence: str, named: frozenset[str]) -> str:
    """``sentence`` without a ';'-clause after its first that brings in a measure of ours the buyer names nowhere
    (``named``: :func:`buyer_measures`), beside a first clause that says a measure the buyer names: 'we will use DIALOG
    as the primary ... measure ...; SWEMWBS, the wellbeing measure behind our current figures, continues alongside it
    for the first year' to a buyer that names DIALOG alone (s23 A11/B13: two answers giving two measure sets). Nothing
    is cut when the buyer names no measure."""
    if not named or ";" not in sentence:
        return sentence
    parts = re.split(r";\s*", sentence)
    first = {_family(m.group(0)) for m in _measure_names().finditer(parts[0])}
    if not first & named:
        return sentence
    kept = [parts[0]] + [p for p in parts[1:] if not ({_family(m.group(0)) for m in _measure_names().finditer(p)}
                                                      - named)]
    if len(kept) == len(parts):
        return sentence
    out = "; ".join(kept).rstrip()
    return out if out.endswith((".", "!", "?")) else out.rstrip(",;: ") + "."


# ---------------------------------------------------------------- versions of named documents

_VERSION = re.compile(r"\b(?:version|ver\.?|v)\s*(?P<v>\d+(?:\.\d+)*)\b", re.I)
_CAP = re.compile(r"[A-Z][\w'’-]*")
_NAME_STOP = {"the", "a", "an", "our", "their", "its", "and", "of", "for", "to", "on", "in", "with", "we", "will",
              "this", "that", "under", "using", "use", "follow", "follows", "version"}


@functools.lru_cache(maxsize=4096)
def _named_versions(sentence: str) -> tuple[tuple[str, frozenset, str, int, int], ...]:
    """(name, key words, version, start, end of the version number) of each named document with a version."""
    heads = _pat("versions", "heads")
    out = []
    for m in _VERSION.finditer(sentence):
        left = sentence[max(0, m.start() - 120):m.start()]
        head = None
        for h in heads.finditer(left):
            head = h
        if head is None:
            continue
        upto = left[:head.end()]
        # the capitalised words before the head, back to the start of the name
        words = re.findall(r"[\w'’()-]+", upto)
        name: list[str] = []
        for w in reversed(words):
            clean = w.strip("()")
            if clean and (clean[0].isupper() or clean.lower() in ("and", "of", "for", "to", "on")):
                name.insert(0, clean)
            elif clean:
                break
        while name and name[0].lower() in _NAME_STOP:
            name.pop(0)
        key = frozenset(w.lower() for w in name if w.lower() not in _NAME_STOP)
        if len(key) >= 2:
            out.append((" ".join(name), key, m.group("v"), m.start("v"), m.end("v")))
    return tuple(out)


def _version_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    for where, s in lines:
        for name, key, v, _, _ in _named_versions(s):
            out.append(BuyerFact("version", f"the version of the {name}", f"version {v}", s, where, (key, v)))
    return out


def _check_version(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    key, v = fact.data
    for _, ours, said, a, b in _named_versions(sentence):
        shared = key & ours
        if len(shared) >= max(2, min(len(key), len(ours)) - 1) and said != v:
            return said, a, b
    return None


# ---------------------------------------------------------------- contract dates

_MONTHS = "|".join(MONTH_NAMES)
_DATE = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTHS})\s+(?P<y>20\d\d)\b", re.I)


def _date(m: re.Match) -> dt.date | None:
    try:
        return dt.date(int(m.group("y")), month_number(m.group("m")) or 0, int(m.group("d")))
    except ValueError:
        return None


def _contract_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    start_cue, ends = _pat("contract", "start"), _pat("contract", "ends")
    start = None
    for where, s in lines:
        c = start_cue.search(s)
        d = _DATE.search(s, c.end()) if c else None
        if c and d and d.start() - c.end() < 40 and start is None and not re.search(
                r"\b(?:award|submission|standstill|clarification|signature)\b", s[:d.start()], re.I):
            start = _date(d)
            if start:
                out.append(BuyerFact("contract", "the contract start", d.group(0), s, where, ("start", start)))
    for where, s in lines:
        e = ends.search(s)
        d = _DATE.search(s, e.end()) if e else None
        if not (e and d):
            continue
        ended = _date(d)
        if ended is None or (start and ended >= start):
            continue
        for name in _ending(s, e):
            out.append(BuyerFact("contract", f"the {name}", f"ends on {d.group(0)}", s, where,
                                 ("ends", frozenset(w.lower() for w in name.split()), name)))
        # the timetable's award date: nothing of the contract happens before it
    for where, s in lines:
        a = re.search(r"\bcontract\s+award\b", s, re.I)
        if a and not re.search(r"\bnotice\b", s, re.I):
            d = _DATE.search(s, a.end())
            if not (d and d.start() - a.end() < 25):
                # a timetable row that gives the date first ('11 January 2027 ; Contract award', the dev buyer's q08)
                d = next((x for x in _DATE.finditer(s, 0, a.start()) if re.fullmatch(r"\s*;\s*", s[x.end():a.start()])), None)
            if d and _date(d):
                out.append(BuyerFact("contract", "the contract award", d.group(0), s, where, ("award", _date(d))))
    return out


_OPERATOR = re.compile(r"\b(?:run|operated|provided|delivered|hosted|managed|led)\s+(?:jointly\s+)?by\s+(?:the\s+)?$",
                       re.I)
_ALL_OF = re.compile(r"\b(?:all|both|each)\s+of\s+(?:which|them|these)\s*$|\bwhich\s+(?:all|both)\s*$", re.I)
_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:also\s+|will\s+|all\s+)?$", re.I)


def _ending(sentence: str, cue: re.Match) -> list[str]:
    """The names of the services the buyer says end: those listed just before 'all of which end on ...', or the name
    that is the subject of 'X ends on ...'. Never an organisation that runs one ('delivered by Brightwater Recovery
    Trust'), nor a name before 'a grant agreement that ends' (what ends is the agreement)."""
    before = sentence[:cue.start()]
    if _ALL_OF.search(before.rstrip(" ,")) or re.match(r"(?:all|both|each)\s+of\s+which|which\s+(?:all\s+|both\s+)?end", cue.group(0), re.I):
        window = before[max(0, len(before) - 300):]
    elif _RELATIVE.search(before):
        head = re.search(r"([\w'’-]+)\s+(?:that|which)\s+(?:also\s+|will\s+|all\s+)?$", before)
        if not head or not head.group(1)[:1].isupper():
            return []
        window = before[max(0, len(before) - 80):]
    else:
        window = before[max(0, len(before) - 80):]
    out = []
    for m in re.finditer(r"(?:[A-Z][\w'’-]*)(?:\s+(?:and|to|of|the)?\s*[A-Z][\w'’-]*)+", window):
        if _OPERATOR.search(window[:m.start()]):
            continue
        words = [w for w in m.group(0).split() if w[0].isupper()]
        if len(words) >= 3 or (len(words) == 2 and len(m.group(0)) > 12):
            out.append(m.group(0))
    return out


_BEFORE = re.compile(rf"\b(?P<n>{NUMBER_OR_WORD})\s+(?P<u>weeks?|months?|days?)\s+before\s+(?:the\s+)?"
                     r"(?:start|go-live|go\s+live|service\s+starts|contract\s+starts|commencement)\b", re.I)
_TRANSITION = re.compile(r"\b(?:transfer|transfers|transferring|outgoing|mobilisation|mobilising|TUPE|handover|hand\s+over|"
                         r"incumbent|current\s+services?|before\s+(?:the\s+)?(?:start|go-live)|ends?|ending|closes?|"
                         r"closing|decommission\w*|replace[sd]?)\b", re.I)


def _check_contract(fact: BuyerFact, sentence: str, facts: list[BuyerFact]) -> tuple[str, int, int, str] | None:
    what = fact.data[0]
    if what == "start":
        cue = _pat("contract", "start").search(sentence)
        d = _DATE.search(sentence, cue.end()) if cue else None
        if cue and d and d.start() - cue.end() < 40 and _date(d) and _date(d) != fact.data[1]:
            return d.group(0), d.start(), d.end(), fact.value
        return None
    if what == "ends":
        key, name = fact.data[1], fact.data[2]
        words = {w.lower() for w in re.findall(r"[\w'’-]+", sentence)}
        if not key <= words or _TRANSITION.search(sentence) or not _pat("contract", "with").search(sentence):
            return None
        i = sentence.lower().find(name.split()[0].lower())
        return name, max(i, 0), max(i, 0) + len(name), ""
    if what == "award":
        start = next((f.data[1] for f in facts if f.data[:1] == ("start",)), None)
        m = _BEFORE.search(sentence)
        if start is None or m is None:
            return None
        n = number_or_word(m.group("n"))
        if n is None:
            return None
        unit = m.group("u").lower()
        back = dt.timedelta(days=n * (7 if unit.startswith("week") else 30.44 if unit.startswith("month") else 1))
        if start - back < fact.data[1]:
            return m.group(0), m.start(), m.end(), ""
    return None


# ---------------------------------------------------------------- the tender's timetable

_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTHS}|{'|'.join(MONTH_ABBREVIATIONS)})\.?\s+(?P<y>20\d\d)\b", re.I)


def _timetable_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """The first date of the buyer's timetable that a bid is submitted before (the notice of intention to award, the
    submission deadline): no figure of ours can be for a period that ends after it."""
    cue = _pat("timetable", "before")
    found = []
    for where, s in lines:
        c = cue.search(s)
        d = _DATE.search(s, c.end()) if c else None
        day = _date(d) if c and d and d.start() - c.end() < 40 else None
        if c and d and day:
            found.append((day, where, s, d.group(0), c.group(0)))
    if not found:
        return []
    day, where, s, said, what = min(found)
    return [BuyerFact("timetable", f"the tender's timetable ({what.lower()})", said, s, where, (day,))]


def deadline(facts: list[BuyerFact]) -> dt.date | None:
    """The date the bid is submitted before (:func:`_timetable_facts`), or None."""
    return next((f.data[0] for f in facts if f.kind == "timetable"), None)


def _month_end(m: re.Match) -> dt.date | None:
    n = month_number(m.group("m"))
    if not n:
        return None
    y = int(m.group("y"))
    return dt.date(y + (n == 12), n % 12 + 1, 1) - dt.timedelta(days=1)


def _check_timetable(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    if not _PCT.search(sentence) and not re.search(r"\bbase\b|\bof\s+(?:about\s+)?\d", sentence):
        return None  # a figure of ours, for a period
    for m in period_mentions(sentence):
        last = _MONTH_YEAR.search(m.text)
        end = _month_end(last) if last else None
        if end and end > fact.data[0]:
            return sentence[m.start:m.end], m.start, m.end
    return None


# ---------------------------------------------------------------- whose plan, framework or group it is

@functools.lru_cache(maxsize=4096)
def _owned(sentence: str) -> tuple[tuple[str, str, int, int], ...]:
    """(owner, the thing owned, start and end of the owner's word) of each 'the Trust's PCREF action plan' in the
    sentence: an organisation of ``owners.words`` and the capitalised name or acronym it owns."""
    out = []
    for m in _pat("owners", "words").finditer(sentence):
        rest = sentence[m.end():]
        poss = re.match(r"(?:['’]s|s['’]|['’])\s+(?P<thing>[A-Z][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z0-9-]*)*)", rest)
        if poss:
            owner = re.sub(r"s$", "", m.group(0).lower())
            out.append((owner, poss.group("thing"), m.start(), m.end() + poss.start("thing") - 1))
    return tuple(out)


def _owner_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    for where, s in lines:
        for owner, thing, a, b in _owned(s):
            out.append(BuyerFact("owner", f"whose {thing} it is", s[a:b], s, where, (thing, owner)))
    return out


def _check_owner(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    thing, owner = fact.data
    for ours, said, a, b in _owned(sentence):
        if said == thing and ours != owner:
            return sentence[a:b], a, b
    return None


# ---------------------------------------------------------------- when a review falls

_AT_MONTHS = re.compile(r"\b(?:at|in|by|after)\s+months?\s+(?P<list>\d+(?:\s*(?:,|and|&)\s*\d+)*)", re.I)
_N_WEEKLY = re.compile(rf"\b(?:(?P<a>\d+)-weekly|every\s+(?P<b>{NUMBER_OR_WORD})\s+weeks)\b", re.I)
_THEN = re.compile(r"^\s*(?:and\s+)?(?:then\s+)?", re.I)
_AFTER_THAT = re.compile(r"^\s*(?:after\s+that|thereafter|from\s+then\s+on|after\s+this|afterwards)\b", re.I)
_CLAUSE = re.compile(r";\s*|,\s+(?:and|but|while|whereas)\s+|\.\s+")


@dataclass(frozen=True)
class _Schedule:
    text: str
    start: int
    end: int
    months: tuple
    """When it falls in the first three years, in months from the start."""


def _periods() -> list[tuple[float, re.Pattern]]:
    return [(float(k), _compiled("cadence-period", tuple(v))) for k, v in
            ((_spec().get("cadence") or {}).get("periods") or {}).items()]


def _schedules(clause: str) -> list[_Schedule]:
    """Each schedule ``clause`` states: months named ('at months 6 and 12'), with the period after them ('and yearly
    after that'), or a period alone ('each year', 'every six months', '12-weekly')."""
    found: list[tuple[int, int, float]] = []
    for months, pat in _periods():
        found += [(m.start(), m.end(), months) for m in pat.finditer(clause)]
    for m in _N_WEEKLY.finditer(clause):
        n = number_or_word(m.group("a") or m.group("b"))
        if n:
            found.append((m.start(), m.end(), n / 4.345))
    found.sort(key=lambda x: (x[0], -x[1]))
    periods, last = [], -1
    for a, b, months in found:  # 'every six months' holds 'six months': the longest at a place
        if a >= last:
            periods.append((a, b, months))
            last = b
    out, used = [], set()
    for m in _AT_MONTHS.finditer(clause):
        points = [int(x) for x in re.findall(r"\d+", m.group("list"))]
        end, period = m.end(), None
        nxt = next((p for p in periods if p[0] >= m.end() and _THEN.match(clause[m.end():p[0]])
                    and not clause[m.end():p[0]].strip(" ,").replace("and", "").replace("then", "").strip()), None)
        if nxt:
            used.add(nxt)
            after = _AFTER_THAT.match(clause[nxt[1]:])
            end, period = nxt[1] + (after.end() if after else 0), nxt[2]
        out.append(_Schedule(clause[m.start():end], m.start(), end, _occurrences(points, period)))
    for p in periods:
        if p not in used and not any(s.start <= p[0] < s.end for s in out):
            out.append(_Schedule(clause[p[0]:p[1]], p[0], p[1], _occurrences([], p[2])))
    return sorted(out, key=lambda s: s.start)


def _occurrences(points: list[int], period: float | None, horizon: float = 36.0) -> tuple:
    occ = [float(x) for x in points]
    if period:
        t = (max(points) if points else 0.0) + period
        while t <= horizon + 1e-9:
            occ.append(t)
            t += period
    return tuple(sorted(set(occ)))


def _misses(buyer: tuple, ours: tuple) -> bool:
    """Our schedule leaves out a date of the buyer's (one month either way is the same date)."""
    return any(not any(abs(t - o) <= 1.0 for o in ours) for t in buyer)


def _cadence_words(text: str) -> set[str]:
    generic = {str(w).lower() for w in (_spec().get("cadence") or {}).get("generic") or []}
    return {stem(w.lower()) for w in _WORD.findall(text or "")
            if w.lower() not in generic and not w.isdigit() and len(w) > 2}


def _review_names(clause: str) -> set[str]:
    """The words that name which review a clause speaks of: the (up to three) words before each review noun, as
    :func:`_cadence_words` keeps them ('contract' in 'the quarterly contract review'; 'crisi', 'pathway' in 'the monthly
    Stanmere Crisis Pathway Review meeting', the place's name too)."""
    out: set[str] = set()
    for h in _pat("cadence", "nouns").finditer(clause):
        out |= _cadence_words(" ".join(clause[:h.start()].split()[-3:]))
    return out


def _clauses(sentence: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return out


def _reviews(sentence: str) -> list[tuple[int, int, _Schedule]]:
    """(clause start, clause end, the schedule) of each clause of ``sentence`` that names a review and when it falls,
    the schedule within ``cadence.window`` characters of the review."""
    nouns = _pat("cadence", "nouns")
    window = int((_spec().get("cadence") or {}).get("window") or 60)
    out = []
    for a, b in _clauses(sentence):
        clause = sentence[a:b]
        hits = list(nouns.finditer(clause))
        if not hits:
            continue
        # the schedule nearest a review, not the first within reach: 'submit to the MHSDS every month from April 2027,
        # attend quarterly contract review meetings' is a quarterly review (s22 q11: ours was made 'every month')
        near = [(min(min(abs(sch.start - h.end()), abs(h.start() - sch.end)) for h in hits), i, sch)
                for i, sch in enumerate(_schedules(clause))]
        near = [x for x in near if x[0] <= window]
        if near:
            out.append((a, b, min(near, key=lambda x: (x[0], x[1]))[2]))
    return out


def _schedule_facts(lines: list[tuple[str, str]], gate: re.Pattern, found, kind: str, label: str) -> list[BuyerFact]:
    """A fact of ``kind`` for each (words, schedule) ``found`` in a buyer's sentence that ``gate`` lets through: what
    falls when (a review, a group's meetings), held as (the words naming it, the months it falls in)."""
    out = []
    for where, s in lines:
        if not gate.search(s):
            continue
        for words, sch in found(s):
            if words and sch.months:
                out.append(BuyerFact(kind, label, sch.text, s, where, (frozenset(words), sch.months)))
    return out


def _cadence_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    # what is reviewed is named in the review's own clause: a sentence listing several targets ('...; and recovery plan
    # reviewed at least every 12 weeks (95%)') holds only that clause's matter to its schedule (s20: a data sharing
    # agreement's yearly review was held to the recovery plan's 12 weeks)
    return _schedule_facts(lines, _pat("cadence", "nouns"),
                           lambda s: [(_cadence_words(s[a:b]), sch) for a, b, sch in _reviews(s)],
                           "cadence", "when the review falls")


def _check_cadence(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    words, months = fact.data
    for a, b, sch in _reviews(sentence):
        clause = sentence[a:b]
        # the same matter: two words in common, or the one word of a short matter ('KPI 4: recovery plan ...', 'an
        # external fidelity review'); one shared word of many on both sides ('inform' in 'information governance' and
        # 'inform reviews of the plan') is not (s20 q07: a data sharing agreement held to the recovery plan's 12 weeks)
        ours = _cadence_words(clause)
        if len(ours & words) < min(2, len(words), len(ours)) or not sch.months:
            continue
        # each names its review, and the names share nothing: two reviews ('the quarterly contract review' with the
        # commissioners' names in it is not the buyer's 'monthly Stanmere Crisis Pathway Review meeting', s22 q09/q10)
        theirs, named = _review_names(fact.quote), _review_names(clause)
        if theirs and named and not (theirs & named & words):
            continue
        if _misses(months, sch.months):
            return sch.text, a + sch.start, a + sch.end
    return None


# ---------------------------------------------------------------- how often a group meets

def _meetings(sentence: str) -> list[tuple[int, int, set[str], _Schedule]]:
    """(clause start, clause end, the words naming the body, the schedule) of each clause of ``sentence`` in which a
    body ('a Lived Experience Reference Group', 'the lived experience panel') meets, and how often ('meets at least
    monthly', 'meets every quarter'): the body's words are those naming it before the verb; the schedule stands
    within ``meets.window`` characters after it."""
    spec = _spec().get("meets") or {}
    verbs, bodies = _pat("meets", "verbs"), _pat("meets", "bodies")
    window = int(spec.get("window") or 30)
    out = []
    prev = ""
    for a, b in _clauses(sentence):
        clause = sentence[a:b]
        for v in verbs.finditer(clause):
            before = clause[:v.start()]
            if not bodies.search(before) and not before.strip() and bodies.search(prev):
                before = prev  # a table row: 'Lived Experience Reference Group ; Meets at least 6 times a year'
            if not bodies.search(before):
                continue
            sch = next((x for x in _schedules(clause) if 0 <= x.start - v.end() <= window), None)
            if sch and sch.months:
                # the body's own name: the words just before its head ('Lived Experience Reference' Group, 'lived
                # experience' panel), not the service or partner named after it (s23: 'the Ashbrook Mental Health
                # Forum' is not our panel 'of people who use ... Mental Health ... Service')
                head = list(bodies.finditer(before))[-1]
                out.append((a, b, _cadence_words(" ".join(before[:head.start()].split()[-4:])), sch))
                break
        prev = clause
    return out


def _meets_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    return _schedule_facts(lines, _pat("meets", "verbs"), lambda s: [(w, sch) for _, _, w, sch in _meetings(s)],
                           "meets", "how often the group meets")


def _check_meets(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    """Our body meets less often than the buyer's minimum for the same body (s24 contradictions A2/B2: 'A lived
    experience panel ... meets every quarter' against the buyer's 'Lived Experience Reference Group that meets at least
    monthly'): the same body shares ``meets.shared`` of the words that name it."""
    words, months = fact.data
    need = int((_spec().get("meets") or {}).get("shared") or 2)
    for a, _, ours, sch in _meetings(sentence):
        # fewer meetings than the buyer's (quarterly against 'at least 6 times a year' misses no date by a month)
        if len(ours & words) >= need and (_misses(months, sch.months) or len(sch.months) < len(months)):
            return sch.text, a + sch.start, a + sch.end
    return None


# ---------------------------------------------------------------- how many lived-experience posts the buyer requires

def _peer_roles_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """The lived-experience posts the buyer's staffing table requires ('Peer support workers ; at least 8.0 WTE',
    'Lived Experience and Co-production Lead ; 1.0 WTE'), counted as people: one fact, their sum."""
    spec = _spec().get("peer_roles") or {}
    row = re.compile(str(spec.get("row") or r"(?!)"), re.I)
    roles = _pat("peer_roles", "roles")
    total, quotes, where = 0, [], ""
    for w, s in lines:
        m = row.match(s)
        if m and roles.search(m.group("role")):
            total += math.ceil(float(m.group("n")) - 1e-9)
            quotes.append(" ".join(s.split()))
            where = where or w
    if not total:
        return []
    value = str(spec.get("fill") or "").format(n=total)
    return [BuyerFact("peer_roles", "how many lived-experience posts the buyer requires", value, "; ".join(quotes),
                      where, (total,))]


def _check_peer_roles(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    """Our count of paid lived-experience roles below the buyer's required posts (s24 contradictions A3/B3: 'paid roles
    for people with lived experience ... rise from four in year 1 to six in year 3' beside the buyer's 8.0 WTE peer
    support workers and a lived-experience lead): our block's rise says the buyer's number (``ours``, ``fill``); any
    other count of such roles below it ('at least four paid roles held by people with lived experience', 'five paid
    lived experience roles': ``counted``) has no drop-in, and the sentence goes."""
    spec = _spec().get("peer_roles") or {}
    for key in ("ours", "counted"):
        pat = re.compile(str(spec.get(key) or r"(?!)").replace("{n}", NUMBER_OR_WORD), re.I)
        for m in pat.finditer(sentence):
            n = number_or_word(m.group("n"))
            if n is not None and n < fact.data[0]:
                return m.group("said"), m.start("said"), m.end("said"), fact.value if key == "ours" else ""
    return None


# ---------------------------------------------------------------- who runs what

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _runs_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    spec = _spec().get("runs") or {}
    kinds = "|".join(re.escape(str(k)) for k in spec.get("service") or ["service"])
    out = []
    for lead in spec.get("includes") or []:
        pat = re.compile(str(lead) + r"(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|to)\s+)?)+)(?:\((?P<acr>[A-Z][A-Za-z]{1,9})\)\s+)?"
                         rf"(?:{kinds})\b")
        for where, s in lines:
            for m in pat.finditer(s):
                name = " ".join(m.group("name").split())
                name = re.sub(r"\s+(?:and|of|for|to)$", "", name)
                acr = m.group("acr") or ""
                out.append(BuyerFact("runs", f"who runs the {acr or name} service",
                                     f"the lot includes the {name}{f' ({acr})' if acr else ''} service", s, where,
                                     (name, acr)))
    return out


@functools.lru_cache(maxsize=256)
def _outside(name: str, acr: str) -> re.Pattern:
    spec = _spec().get("runs") or {}
    kinds = "|".join(re.escape(str(k)) for k in spec.get("service") or ["service"])
    dets = "|".join(re.escape(str(d)).replace(r"\ ", r"\s+") for d in sorted(spec.get("outside") or ["the"], key=len, reverse=True))
    names = [re.escape(name).replace(r"\ ", r"\s+") + (rf"(?:\s*\({re.escape(acr)}\))?" if acr else "")]
    if acr:
        names.append(re.escape(acr))
    return re.compile(rf"(?P<verb>\b(?:delivered|provided|run)\s+with\s+)?\b(?P<det>{dets})\s+(?P<name>{'|'.join(names)})"
                      rf"\s+(?P<kind>{kinds})\b", re.I)


def _check_runs(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    name, acr = fact.data
    m = _outside(name, acr).search(sentence)
    if m is None:
        return None
    ours = str((_spec().get("runs") or {}).get("ours") or "our")
    rep = f"{ours} {' '.join(m.group('name').split())} {m.group('kind')}"
    if m.group("verb"):
        rep = f"{m.group('verb').split()[0]} by {rep}"
    if m.start() == 0:
        rep = rep[:1].upper() + rep[1:]
    return m.group(0), m.start(), m.end(), rep


# ---------------------------------------------------------------- the outgoing provider

_ORG = r"(?P<org>[A-Z][\w'’&-]*(?:\s+(?:and\s+|of\s+|for\s+|&\s+)?[A-Z][\w'’&-]*)*)"


def _party_name(words: str) -> str:
    """An organisation's name as the buyer wrote it, without a trailing joiner or a leading 'the'."""
    name = re.sub(r"^(?:the|The)\s+", "", " ".join(words.split()))
    return re.sub(r"\s+(?:and|of|for|&)$", "", name)


def _named_orgs(sentence: str) -> list[tuple[str, int, int]]:
    """The organisations ``sentence`` says run the service now or send the staff who transfer (:data:`outgoing`
    in ``phrasebank/buyer_facts.yaml``), each (name, start, end): two words or more, or an acronym."""
    out = []
    pats = [_pat("outgoing", "by")]
    if _pat("outgoing", "transfer").search(sentence):
        pats.append(_pat("outgoing", "from"))
    if _pat("outgoing", "now").search(sentence):
        pats.append(_pat("outgoing", "by_now"))
    for cue in pats:
        for m in cue.finditer(sentence):
            o = re.match(r"[\s,:]+(?:the\s+)?" + _ORG, sentence[m.end():])
            if o:
                out.append((o.group("org"), m.end() + o.start("org"), m.end() + o.end("org")))
    for m in _pat("outgoing", "is").finditer(sentence):
        before = sentence[:m.start()].rstrip(" ,")
        o = re.search(_ORG + r"$", before)
        if o:
            out.append((o.group("org"), o.start("org"), o.end("org")))
    names: list[tuple[str, int, int]] = []
    for org, a, _ in out:
        name = _party_name(org)
        # 'Lighthouse Wellbeing Trust and KMFT' is two; 'Ravensmoor and Ambledale Partnership NHS Foundation Trust' one
        parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", name)]
        if len(parts) < 2 or not all(_one_party(p) for p in parts):
            parts = [name]
        for part in parts:
            i = sentence.find(part, a)
            if _one_party(part) and (part, i) not in [(n, x) for n, x, _ in names]:
                names.append((part, i, i + len(part)))
    return names


def _one_party(name: str) -> bool:
    """Two capitalised words or more, or an acronym: a name an organisation goes by."""
    return len(name.split()) >= 2 or bool(re.fullmatch(r"[A-Z]{2,}", name))


def _names_in(name: str, sentence: str) -> list[re.Match]:
    words = r"\s+".join(re.escape(w) for w in name.split())
    return list(re.finditer(rf"(?<![\w-]){words}(?![\w-])", sentence))


def _outgoing_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """The organisations the buyer names only as running the service now or as the staff's employer before the
    transfer: named in a sentence without a :data:`transition` word anywhere in the tender, it goes on after the start
    (s23's KMFT, 'where care is shared with KMFT') and no fact is read of it."""
    found: dict[str, tuple[str, str]] = {}
    for where, s in lines:
        for name, _, _ in _named_orgs(s):
            found.setdefault(name, (s, where))
    transition, stays = _pat("outgoing", "transition"), _pat("outgoing", "stays")
    out = []
    for name, (quote, where) in found.items():
        # its acronym too ('run by Severnmoor Partnership NHS Foundation Trust (SPFT)', then 'SPFT' alone)
        words = r"\s+".join(re.escape(w) for w in name.split())
        aliases = {name} | {m.group(1) for _, s in lines for m in re.finditer(words + r"\s*\(([A-Z][A-Za-z]{1,9})\)", s)}
        if any(_names_in(a, s) and (stays.search(s) or not transition.search(s)) for a in aliases for _, s in lines):
            continue
        out.append(BuyerFact("outgoing", f"the {name}", f"{name} is the outgoing provider, a party to the handover",
                             quote, where, (name,)))
    return out


def outgoing_facts(text: str) -> list[BuyerFact]:
    """The outgoing providers of ``text`` alone (one question: those it names only in the handover)."""
    return _outgoing_facts(buyer_lines(text))


def outgoing(facts: list[BuyerFact]) -> list[str]:
    """The names of the organisations ``facts`` say hand the service over: parties to the transition, never partners."""
    return [f.data[0] for f in facts if f.kind == "outgoing"]


def _check_outgoing(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    """A sentence of ours naming the outgoing provider as a partner: with an ``ongoing`` word ('how each service refers
    to the other', 'every six months'), or with no ``transition`` word at all ('We will work with the Lighthouse
    Wellbeing Trust')."""
    hits = _names_in(fact.data[0], sentence)
    if not hits:
        return None
    ongoing = _pat("outgoing", "ongoing").search(sentence) or (
        _pat("outgoing", "cadence").search(sentence) and not _pat("outgoing", "bounded").search(sentence))
    if ongoing or not _pat("outgoing", "transition").search(sentence):
        return hits[0].group(0), hits[0].start(), hits[0].end()
    return None


def not_yet_agreed(text: str, buyer: str) -> str:
    """``text`` with a plan of ours said as already 'agreed with' ``buyer`` (a buyer we do not yet work for: nothing is
    agreed with it before award) said as one we will agree with it during mobilisation: 'Our patient safety incident
    response plan, agreed with the Council, follows PSIRF' -> '..., which we will agree with the Council during
    mobilisation, follows PSIRF'. A sentence that says when ('agreed with the Council at mobilisation', '... in the
    first quarter') is left as it is. Wording: ``not_yet_agreed`` in ``phrasebank/buyer_facts.yaml``."""
    if not buyer or "agreed with" not in (text or ""):
        return text
    spec = _spec().get("not_yet_agreed") or {}
    name = r"\s+".join(re.escape(w) for w in buyer.split())
    relative = str(spec.get("relative") or "")
    plain = str(spec.get("plain") or "")
    if relative:
        text = re.sub(rf",\s*agreed\s+with\s+{name}\s*,", lambda m: relative.format(buyer=buyer), text)
    if plain:
        text = re.sub(rf"(?<=\w)\s+agreed\s+with\s+{name}(?=\s*[:.;])", lambda m: plain.format(buyer=buyer), text)
    return text


# ---------------------------------------------------------------- how many organisations hand over

_IN_BRACKETS = re.compile(r"\((?:the\s+)?(?P<org>[A-Z][\w'’&-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w'’&-]*)+)\)")


def _parties_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """The organisations the service or its staff come from at the transfer, when there are two or more: those a
    sentence with a ``outgoing.transfer`` word names after 'from' or 'currently run by' (:func:`_named_orgs`), and in
    a sentence that also says they run it now (``outgoing.now``), those in brackets after each service ('the Gull Lane
    step-up beds (Harbourside Care Ltd)')."""
    names: dict[str, tuple[str, str]] = {}
    transfer, now = _pat("outgoing", "transfer"), _pat("outgoing", "now")
    for where, s in lines:
        if not transfer.search(s):
            continue
        found = [n for n, _, _ in _named_orgs(s)]
        if now.search(s):
            found += [_party_name(m.group("org")) for m in _IN_BRACKETS.finditer(s)]
        for n in found:
            if _one_party(n) and n.lower() not in {k.lower() for k in names}:
                names[n] = (s, where)
    if len(names) < 2:
        return []
    first = next(iter(names.values()))
    return [BuyerFact("parties", "who hands the service and its staff over", "; ".join(names), first[0], first[1],
                      tuple(names))]


def _check_parties(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    """'the outgoing provider' (one) where the buyer names two or more (s24 contradiction A24/B25, UNCERTAIN: 'asks the
    outgoing provider for employee liability information' with three services from two incumbents): it says each."""
    m = re.compile(str((_spec().get("parties") or {}).get("ours") or r"(?!)"), re.I).search(sentence)
    if m is None:
        return None
    rep = f"{(_spec().get('parties') or {}).get('fill') or 'each'} {m.group('noun')}"
    return m.group(0), m.start(), m.end(), rep[:1].upper() + rep[1:] if m.group(0)[:1].isupper() else rep


# ---------------------------------------------------------------- how many sit on a board

@functools.lru_cache(maxsize=4)
def _members_pat(which: str, spec_text: str) -> re.Pattern:
    return re.compile(spec_text.replace("{n}", NUMBER_OR_WORD), re.I)


def _members(which: str) -> re.Pattern | None:
    text = (_spec().get("members") or {}).get(which)
    return _members_pat(which, str(text)) if text else None


def _count(word: str) -> float | None:
    return 1.0 if word.lower() in ("a", "an") else number_or_word(word)


def _body_key(body: str) -> str:
    return " ".join(body.lower().replace("’", "'").split()[-2:])


def _members_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    pat = _members("buyer")
    out: list[BuyerFact] = []
    if pat is None:
        return out
    for where, s in lines:
        for m in pat.finditer(s):
            n = _count(m.group("n"))
            if n:
                body = " ".join(m.group("body").split())
                out.append(BuyerFact("members", f"how many {' '.join(m.group('who').split())} sit on the {body}",
                                     f"at least {m.group('n')} as members", s, where, (n, _body_key(body))))
    return out


def _check_members(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    pat = _members("ours")
    n_buyer, key = fact.data
    for m in pat.finditer(sentence) if pat else []:
        n = _count(m.group("n"))
        if n is not None and n < n_buyer and _body_key(m.group("body")) == key:
            return m.group(0), m.start(), m.end()
    return None


# ---------------------------------------------------------------- a target for each group

def _group_spec(key: str) -> re.Pattern | None:
    text = (_spec().get("group_targets") or {}).get(key)
    return _members_pat(f"group:{key}", str(text)) if text else None


def _group_target_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    each, target = _group_spec("buyer"), _group_spec("target")
    out: list[BuyerFact] = []
    if each is None or target is None:
        return out
    for where, s in lines:
        if each.search(s) and target.search(s) and _pat("asks").search(s):
            out.append(BuyerFact("group_target", "the target for each group", s.rstrip(" ;"), s, where, ()))
    return out


def _check_group_target(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    propose, agreed = _group_spec("propose"), _group_spec("agreed")
    if propose and propose.search(sentence):
        said = re.sub(r"\bmust\s+be\b", "will be", fact.value).rstrip(".")
        lead = str((_spec().get("group_targets") or {}).get("lead") or "")
        return sentence, 0, len(sentence), f"{lead}{said[:1].lower() + said[1:]}."
    m = agreed.search(sentence) if agreed else None
    if m:
        return m.group(0), m.start(), m.end(), ""
    return None


# ---------------------------------------------------------------- reading and checking

# ---------------------------------------------------------------- who carries out an assessment

@functools.lru_cache(maxsize=8)
def _assessor_pat(key: str) -> re.Pattern | None:
    spec = _spec().get("assessor") or {}
    text = spec.get(key)
    # the organisation's name is read by its capitals: only the words around it match in any case
    words = "(?i:" + str(spec.get("assessment") or r"(?!)") + ")"
    return re.compile(str(text).replace("{assessment}", words), re.I if key == "ours" else 0) if text else None


def _org_name(words: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(words.split()))


def _assessor_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    out = []
    pats = [p for p in (_assessor_pat("active"), _assessor_pat("passive")) if p is not None]
    for where, s in lines:
        for pat in pats:
            m = pat.search(s)
            if m is None:
                continue
            name = _org_name(m.group("org"))
            # one capitalised word is a name only after 'the' ('the Council'): 'We carry out carers' assessments' is not
            if name and (len(name.split()) > 1 or name != " ".join(m.group("org").split())):
                out.append(BuyerFact("assessor", "who carries out carers' assessments", f"the {name}", s, where, (name,)))
            break
    return out


def _check_assessor(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    pat = _assessor_pat("ours")
    want = {stem(w) for w in _WORD.findall(fact.data[0].lower())}
    for m in pat.finditer(sentence) if pat else []:
        said = {stem(w) for w in _WORD.findall(m.group("who").lower())}
        if not want <= said:
            return m.group("who"), m.start("who"), m.end("who")
    return None



# ---------------------------------------------------------------- what the buyer forbids, and a must weakened by 'or'

_FORBID_USE = r"\s+use\s+(?P<what>[^.;:]{3,80}?)\s+as\s+(?P<role>[A-Za-z][\w-]*)"


def _forbid_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """'must not use family members or children as interpreters': what is forbidden (each of the listed) in a role."""
    out = []
    lead = _pat("forbid", "lead")
    for where, s in lines:
        for m in lead.finditer(s):
            u = re.match(_FORBID_USE, s[m.end():])
            if not u:
                continue
            items = [" ".join(x.split()) for x in re.split(r",\s*|\s+or\s+|\s+and\s+", u.group("what")) if x.strip()]
            items = [re.sub(r"^(?:any|a|an|the|their|its)\s+", "", x, flags=re.I) for x in items]
            role = stem(u.group("role").lower())
            if items and role:
                value = f"{m.group(0)} use {u.group('what')} as {u.group('role')}"
                out.append(BuyerFact("forbid", f"using {u.group('what')} as {u.group('role')}", value, s, where,
                                     (tuple(items), role)))
    return out


def _item_pat(item: str) -> re.Pattern:
    words = [stem(w) for w in _WORD.findall(item.lower())]
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) + r"[\w'’]*" for w in words) + r"(?![\w-])", re.I)


def _check_forbid(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    items, role = fact.data
    # the role's doer or its verb ('interpreters', 'interpret', 'interpreting')
    root = re.sub(r"(?:er|or)$", "", role) if len(role) > 6 else role
    roles = list(re.finditer(rf"(?<![\w-]){re.escape(root)}[\w'’]*", sentence, re.I))
    if not roles:
        return None
    neg = _pat("forbid", "negations")
    reach = int((_spec().get("forbid") or {}).get("reach") or 4)
    others = [_item_pat(x) for x in items]
    for pat in others:
        for m in pat.finditer(sentence):
            before = " ".join(_WORD.findall(sentence[:m.start()])[-reach:])
            if neg.search(before):
                continue
            after = [r for r in roles if r.start() >= m.end()]
            if not after:
                continue
            between = sentence[m.end():after[0].start()]
            # a negation between it and the role negates it, unless it is another forbidden one's ('family members,
            # and never children, interpret only in an emergency': the children are forbidden, the family members not)
            negated = False
            for n in neg.finditer(between):
                rest = between[n.end():]
                if not any(p.match(rest.lstrip(" ,")) or p.match(re.sub(r"^\s*(?:a|an|the|their)\s+", "", rest))
                           for p in others):
                    negated = True
            if not negated:
                return m.group(0), m.start(), m.end()
    return None


def _must_or_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """'the Provider will attend the Brindley Heath MARAC whenever ...': a verb the buyer requires and its object."""
    out: list[BuyerFact] = []
    spec = _spec().get("must_or") or {}
    lead, verbs, stops = _pat("must_or", "lead"), _pat("must_or", "verbs"), _pat("must_or", "stops")
    if not spec:
        return out
    for where, s in lines:
        for m in lead.finditer(s):
            v = verbs.match(s, m.end() + len(s[m.end():]) - len(s[m.end():].lstrip()))
            if not v:
                continue
            rest = s[v.end():]
            stop = stops.search(rest)
            obj = rest[:stop.start()] if stop else rest
            obj = re.split(r"[,;.:()]", obj)[0]
            words = _WORD.findall(obj)
            if not words or len(words) > 6:
                continue
            key = words[-1]
            out.append(BuyerFact("must_or", "what the provider must do, with no other way to meet it",
                                 f"{m.group(0)} {v.group(0)} {' '.join(obj.split())}", s, where,
                                 (stem(v.group(0).lower()), key)))
    return out


def _check_must_or(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    verb, key = fact.data
    pat = re.compile(rf"(?<![\w-])(?P<keep>{re.escape(verb)}\w*\s+(?:[\w'’-]+\s+){{0,4}}?{re.escape(key)}[\w'’]*)"
                     rf"(?P<alt>,?\s+or\s+(?!not\b)[a-z][^,.;]*)", re.I)
    m = pat.search(sentence)
    if not m:
        return None
    first = _WORD.findall(m.group("alt"))[1:2]  # the word after 'or'
    if not first or _pat("must_or", "not_verbs").fullmatch(first[0]):
        return None
    return m.group(0), m.start(), m.end(), m.group("keep")


def _from_start_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """'The Provider will be held to the key performance indicators (KPIs) below from 1 April 2028'."""
    spec = _spec().get("from_start") or {}
    if not spec.get("held"):
        return []
    pat = re.compile(str(spec["held"]), re.I)
    out = []
    for where, s in lines:
        m = pat.search(s)
        if m:
            out.append(BuyerFact("from_start", "when the KPIs' targets apply", f"from {m.group('when')}", s, where, ()))
            break
    return out


def _check_from_start(fact: BuyerFact, sentence: str) -> tuple[str, int, int, str] | None:
    spec = _spec().get("from_start") or {}
    if not _pat("from_start", "target").search(sentence):
        return None
    for later in spec.get("later") or []:
        # the clause after a comma that sets it later goes; the word before the comma stays
        m = re.search(rf"(?P<word>[\w'’]+),\s+(?P<late>{later})(?=\s*[,.;]|\s*$)", sentence, re.I)
        if m:
            return m.group(0), m.start(), m.end(), m.group("word")
        m = re.search(rf"(?P<late>{later})", sentence, re.I)
        if m:
            return m.group(0), m.start(), m.end(), ""
    return None

# ---------------------------------------------------------------- a time limit, by its subject

def _limit_words(text: str) -> frozenset[str]:
    """The words that say what a time limit is for: content words, without numbers, time units and the question's own
    words (``limit.generic``)."""
    return frozenset(w for w in _content(_pat("limit", "generic").sub(" ", text)) if not w.isdigit())


_OF_EVENT = re.compile(r"\s+(?:of|from|after)\s+[^,;]*?(?=\s+and\s|\s+in\s+\d|,|;|$)", re.I)


def _limits(sentence: str) -> list[tuple[_Scale, frozenset[str]]]:
    """Each time limit of ``sentence`` ('within 4 hours', 'the same day') with the words of its subject: those of its
    clause since the limit before it, and the event it runs from ('of referral'): 'an initial assessment within 10
    working days of referral and a recovery plan agreed within 20 working days' gives two subjects."""
    out = []
    for a, b in _clauses(sentence):
        clause, prev = sentence[a:b], 0
        for sc in _scales(clause):
            if sc.days > 0 or re.search(r"same", sc.text, re.I):
                event = _OF_EVENT.match(clause, sc.end)
                words = _limit_words(clause[prev:sc.start] + " " + (event.group(0) if event else ""))
                out.append((_Scale(sc.text, a + sc.start, a + sc.end, sc.days), words))
            prev = sc.end
    return out


def _limit_facts(lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """The buyer's time limits, each with the words of its subject: a row of its KPI table that gives a share and a
    time ('95% ; Urgent referrals: first contact ; within 4 hours'), or a clause of a sentence that asks (``asks``)."""
    asks = _pat("asks")
    need = int((_spec().get("limit") or {}).get("least") or 2)
    out = []
    for where, s in lines:
        row = _PCT.match(s) is not None and " ; " in s
        if not row and not asks.search(s):
            continue
        for sc, words in _limits(s):
            if row:  # the row is one subject: all its words but its target
                words = _limit_words(_PCT.sub(" ", s))
            if len(words) >= need and sc.text.lower().split()[0] in {"within", "by", "no", "on", "the", "same", "in"}:
                out.append(BuyerFact("limit", "the time it allows", sc.text, s,
                                     where, (words, sc.days)))
    return out


def _check_limits(facts: list[BuyerFact], sentence: str) -> list[tuple[BuyerFact, str, int, int]]:
    """Our time limit for a subject the buyer sets one for, with more time (s24 contradiction A5: 'calls the person
    back the same day' against 'within 4 hours'): the buyer's limit whose subject shares the most words with our
    clause, ``limit.least`` of them and ``limit.share`` of its own; two limits as near with other times: not sure."""
    spec = _spec().get("limit") or {}
    need, share = int(spec.get("least") or 2), float(spec.get("share") or 0.75)
    out = []
    for sc, ours in _limits(sentence):
        scored = []
        for f in facts:
            words, _ = f.data
            n = len(words & ours)
            if n >= need and n >= share * len(words):
                scored.append((n / len(words), n, f))
        if not scored:
            continue
        best = max(scored, key=lambda x: x[:2])
        tied = {x[2].data[1] for x in scored if x[:2] == best[:2]}
        if len(tied) == 1 and sc.days > best[2].data[1] + 1e-9:
            out.append((best[2], sc.text, sc.start, sc.end))
    return out


# ---------------------------------------------------------------- a place the provider runs, said as a partner's

def _place_facts(sources: list[tuple[str, str]], lines: list[tuple[str, str]]) -> list[BuyerFact]:
    """Each place the buyer says the provider runs (:func:`tender_profile.base_names`), with where it says so."""
    out = []
    for _, text in sources:
        for name, quote in tender_profile.base_names(text):
            bare = name.removeprefix("the ")
            where = next((w for w, s in lines if bare in s), "the tender")
            out.append(BuyerFact("place", f"who runs the {bare}", f"the provider runs the {bare}", quote, where, (bare,)))
    return out


def places(facts: list[BuyerFact]) -> list[str]:
    """The names of the places ``facts`` say the provider runs: ours, never a partner to plan referrals with."""
    return [f.data[0] for f in facts if f.kind == "place"]


def _check_place(fact: BuyerFact, sentence: str) -> tuple[str, int, int] | None:
    """Our sentence naming a place the provider runs as a partner (s24 contradictions A1/B1, s23 A1-A4, firm: 'We will
    work with the Gull Lane House from the start of the contract', 'agree with the Tidewater Crisis House and the Gull
    Lane House how referrals ... pass between us', 'join the Gull Lane House's team or partnership meetings'): the name
    after one of ``place.with`` (through a list of names joined by 'and'), or before one of ``place.after``."""
    spec = _spec().get("place") or {}
    joined = r"(?:(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+(?:and|or|,)\s+)*"
    with_ = _pat("place", "with").pattern
    for m in _names_in(fact.data[0], sentence):
        before = sentence[max(0, m.start() - int(spec.get("window") or 80)):m.start()]
        before = re.split(r"[.;:]", before)[-1]
        if re.search(rf"{with_}\s+{joined}(?:the\s+)?$", before, re.I) or _pat("place", "after").match(sentence[m.end():].lstrip()):
            return m.group(0), m.start(), m.end()
    return None


def read(sources) -> list[BuyerFact]:
    """The buyer's facts in ``sources``: a text, or (ref, text) pairs (a tender's questions; the header under '')."""
    if isinstance(sources, str):
        sources = [("", sources)]
    sources = list(sources)
    lines: list[tuple[str, str]] = []
    for ref, text in sources:
        lines += buyer_lines(text, ref)
    facts = (_hours_facts(lines) + _timescale_facts(lines) + _target_facts(lines) + _measure_facts(lines)
             + _version_facts(lines) + _contract_facts(lines) + _owner_facts(lines) + _timetable_facts(lines)
             + _cadence_facts(lines) + _runs_facts(lines) + _members_facts(lines) + _group_target_facts(lines)
             + _assessor_facts(lines) + _outgoing_facts(lines) + _meets_facts(lines)
             + _peer_roles_facts(lines) + _place_facts(sources, lines) + _limit_facts(lines)
             + _parties_facts(lines) + _forbid_facts(lines) + _must_or_facts(lines)
             + _from_start_facts(lines))
    # one fact read twice (a question restated in its guidance) is one fact
    seen, out = set(), []
    for f in facts:
        k = (f.kind, f.label, f.value, f.data)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return _agreed(out)


def _agreed(facts: list[BuyerFact]) -> list[BuyerFact]:
    """Facts the buyer gives one way only: two opening hours or two timescales for one matter (the current service's
    beside the new one's) are not held against an answer."""
    out = []
    for f in facts:
        if f.kind == "hours":
            if len({g.data for g in facts if g.kind == "hours"}) > 1:
                continue
        if f.kind == "timescale":
            if len({g.data for g in facts if g.kind == "timescale" and g.data[0] == f.data[0]}) > 1:
                continue
        if f.kind == "owner":  # the buyer names two owners of one thing: not a fact to hold an answer to
            if len({g.data for g in facts if g.kind == "owner" and g.data[0] == f.data[0]}) > 1:
                continue
        out.append(f)
    return out


# how each kind of fact is held against a sentence: the check, and what replaces the words it finds ("value": the
# fact's value; "name": its data's second item, a document's name; "": nothing; "own": the check gives it as a fourth
# item). A check gives the words it finds as (said, start, end), or None
_CLASH_CHECKS: dict[str, tuple[Callable, str]] = {
    "hours": (_check_hours, "value"), "timescale": (_check_timescale, "value"), "measure": (_check_measure, "value"),
    "version": (_check_version, "name"), "timetable": (_check_timetable, ""), "owner": (_check_owner, "value"),
    "cadence": (_check_cadence, "value"), "members": (_check_members, ""), "assessor": (_check_assessor, "value"),
    "outgoing": (_check_outgoing, ""), "meets": (_check_meets, "value"), "place": (_check_place, ""),
    "group_target": (_check_group_target, "own"), "runs": (_check_runs, "own"), "peer_roles": (_check_peer_roles, "own"),
    "parties": (_check_parties, "own"), "forbid": (_check_forbid, ""), "must_or": (_check_must_or, "own"),
    "from_start": (_check_from_start, "own"),
}


def _clash_of(f: BuyerFact, s: str, facts: list[BuyerFact]) -> tuple[tuple | None, str]:
    """Where sentence ``s`` says what fact ``f`` contradicts ((said, start, end) or None), and the words that replace
    them."""
    if f.kind == "contract":
        found = _check_contract(f, s, facts)
        return (found[:3], found[3]) if found else (None, "")
    check_fact, replaced = _CLASH_CHECKS.get(f.kind, (None, ""))
    found = check_fact(f, s) if check_fact else None
    if not found:
        return None, ""
    if replaced == "own":
        return found[:3], found[3]
    return found, f.value if replaced == "value" else f.data[1] if replaced == "name" else ""


def _row_spans(answer: str) -> list[tuple[int, int]]:
    """The sentence spans of ``answer`` with each row of a Markdown table its own span: a table is read as one sentence
    otherwise, and each row's target is then held against the first KPI named above it (s37 q08: KPI 2's 70% said to
    clash with KPI 1's 90%)."""
    out = []
    for a, b in sentence_spans(answer):
        if "|" not in answer[a:b]:
            out.append((a, b))
            continue
        at = a
        for line in answer[a:b].split("\n"):
            if line.strip():
                start = at + len(line) - len(line.lstrip())
                out.append((start, at + len(line.rstrip())))
            at += len(line) + 1
    return out


def check(answer: str, facts: list[BuyerFact], ref: str = "answer", home: str = "") -> list[Clash]:
    """Every sentence of ``answer`` that states what the buyer's ``facts`` contradict, with both places. ``home``: the
    reference of the question the answer answers ('Q9'; facts read from it are preferred where two fit alike)."""
    if not facts or not (answer or "").strip():
        return []
    out: list[Clash] = []
    targets = [f for f in facts if f.kind == "target"]
    limits = [f for f in facts if f.kind == "limit"]
    for a, b in _row_spans(answer):
        s = answer[a:b]
        if MD_HEADING.match(s):
            continue
        # what the sentence could clash on at all (most sentences state no hours, time, share, measure or version)
        may = {"hours": bool(_RANGE.search(s)), "timescale": bool(_scales(s)), "measure": bool(_measure_names().search(s)),
               "version": bool(_VERSION.search(s)), "owner": bool(_owned(s)), "contract": True, "timetable": True,
               "cadence": bool(_pat("cadence", "nouns").search(s)), "runs": True,
               "meets": bool(_pat("meets", "verbs").search(s))}
        for f in facts:
            if not may.get(f.kind, True):
                continue
            hit, rep = _clash_of(f, s, facts)
            if hit:
                out.append(Clash(f, hit[0], s, ref, a + hit[1], a + hit[2], rep))
        for f, said, x, y in (_check_targets(targets, s, home) if _PCT.search(s) else []):
            out.append(Clash(f, said, s, ref, a + x, a + y, f.value))
        # a limit read by its subject, where no listed matter's timescale clashed on the same words already
        taken = [(c.start, c.end) for c in out if c.fact.kind == "timescale"]
        for f, said, x, y in (_check_limits(limits, s) if limits and _scales(s) else []):
            if not any(a + x < e and b0 < a + y for b0, e in taken):
                out.append(Clash(f, said, s, ref, a + x, a + y, f.value))
    return out


def findings(answer: str, facts: list[BuyerFact], home: str = "") -> list[Finding]:
    """:func:`check` as checker findings (family ``buyer``, error), with line and column in ``answer``."""
    out = [Finding(rule=f"{FAMILY}.{c.fact.kind}", family=FAMILY, severity="error", message=c.message(),
                   start=c.start, end=c.end, match=answer[c.start:c.end],
                   suggestions=[c.replacement] if c.replacement else [])
           for c in check(answer, facts, home=home)]
    return locate(out, answer)


def hold(sentence: str, facts: list[BuyerFact]) -> tuple[str | None, list[Clash]]:
    """``sentence`` with each value the buyer's facts contradict replaced by the buyer's, or None when a clash has
    no drop-in (the sentence must go); and the clashes, for the review copy."""
    clashes = check(sentence, facts)
    if not clashes:
        return sentence, []
    if any(not c.replacement for c in clashes):
        # a list of milestones ('...; by twelve weeks before the start, premises ... are in place; eight weeks before,
        # ...'): the clause that clashes goes, the others stay
        # what the buyer forbids, allowed in a clause after the first ('Professional interpreters are booked ...;
        # family members ... interpret only in an emergency'): that clause goes, the first stays
        least = 2 if all(c.fact.kind == "forbid" for c in clashes if not c.replacement) else 3
        cut = _without_clauses(sentence, [c.start for c in clashes if not c.replacement], least)
        if cut is None or check(cut, facts):
            return None, clashes
        return cut, clashes
    out, left, seen = sentence, clashes, list(clashes)
    for _ in range(4):  # a name said twice in a sentence ('the IPS service ... with the IPS service'): each in turn
        # one replacement per span: two facts may clash with the same words, and a second replacement at offsets the
        # first has moved garbles the sentence (s20 panel: 'every 12 weekseekseekseeks')
        taken: list[tuple[int, int]] = []
        for c in sorted(left, key=lambda c: (-c.start, c.end)):
            if any(c.start < e and s0 < c.end for s0, e in taken):
                continue
            taken.append((c.start, c.end))
            rep = c.replacement
            if c.fact.kind == "timescale" and c.start == 0:
                rep = rep[:1].upper() + rep[1:]
            out = out[:c.start] + rep + out[c.end:]
        left = check(out, facts)
        if not left or any(not c.replacement or c.fact.kind != "runs" for c in left):
            break
        seen += left
    if left:  # the buyer's value did not read as a drop-in here
        return None, seen
    return out, seen


def _without_clauses(sentence: str, where: list[int], least: int = 3) -> str | None:
    """``sentence`` without its ';'-separated clauses that hold the offsets ``where``; None when it has fewer than
    ``least`` clauses or one to cut is its first (which carries the subject)."""
    bounds, start = [], 0
    for m in re.finditer(r";\s*", sentence):
        bounds.append((start, m.start(), m.end()))
        start = m.end()
    bounds.append((start, len(sentence), len(sentence)))
    if len(bounds) < least:
        return None
    cut = {i for i, (a, b, _) in enumerate(bounds) for w in where if a <= w < b}
    if not cut or 0 in cut or len(cut) > len(bounds) - (least - 1):
        return None
    kept = [sentence[a:b] for i, (a, b, _) in enumerate(bounds) if i not in cut]
    out = "; ".join(kept)
    return out if out.rstrip().endswith((".", "!", "?")) or not sentence.rstrip().endswith(".") else out.rstrip() + "."


def sources(question: str, context: str = "") -> list[tuple[str, str]]:
    """What an answer is held to: its question, and the rest of the tender's text when drafted with it."""
    out = [("", question or "")]
    if (context or "").strip() and " ".join(context.split()) != " ".join((question or "").split()):
        out.append(("", context))
    return out


def adapt_profile(profile: dict, facts: list[BuyerFact]) -> dict:
    """The profile the blocks are filled from, with the buyer's opening hours and required outcome measure in place
    of ours ('{service} is open {hours}' says the buyer's hours; '{prom} is our primary ... measure' its measure), and
    the organisation the buyer says carries out carers' assessments in place of the one our profile refers carers to."""
    out = dict(profile)
    for f in facts:
        if f.kind == "measure" and out.get("prom"):
            out["prom"] = f.value
        elif f.kind == "hours" and out.get("hours"):
            out["hours"] = f.value
        elif f.kind == "assessor":
            spec = _spec().get("assessor") or {}
            field = str(spec.get("field") or "")
            if field and out.get(field) and _check_assessor(f, out[field]):
                out[field] = str(spec.get("fill") or "").format(org=f.value)
    return out


def without_hours(sentence: str, hours: str) -> str | None:
    """``sentence`` without our current service's ``hours`` said beside 'our opening hours' ('(8am to 8pm ...)',
    ', 8am to 8pm ...,'); None when it states them otherwise ('The service is open 8am to 8pm ...': it goes)."""
    if not hours or hours not in sentence:
        return sentence
    out = re.sub(rf"\s*\({re.escape(hours)}\)|,\s*{re.escape(hours)},", "", sentence)
    return None if hours in out else out


class Checked:
    """A checker that also holds each text to the buyer's facts (:func:`findings`): what ``assemble tender`` and
    ``tender draft`` check an answer with, so that an answer is called checked only when no fact of the buyer's is
    contradicted either."""

    def __init__(self, checker, facts: list[BuyerFact], home: str = ""):
        self.checker, self.facts, self.home = checker, list(facts or []), home

    def check_text(self, text: str) -> list:
        found = list(self.checker.check_text(text))
        if self.facts:
            found += findings(text, self.facts, home=self.home)
        return found

    def __getattr__(self, name):
        return getattr(self.checker, name)
