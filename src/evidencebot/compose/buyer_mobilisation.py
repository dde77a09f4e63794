"""The buyer's mobilisation timetable as dated milestones, each with an owner by role (issue 12, session 20).

s19 q12 gave "Contract award (expected): 9 November 2026", "Service go-live: 1 April 2027", the incumbent whose contract
ends on 31 March 2027, "Around 34 staff are expected to transfer under TUPE" and "About 580 people are currently
supported", and asked for "a mobilisation plan from contract award to go-live, showing key milestones". Our answer
worked in weeks ("by twelve weeks before the start") and never gave a date, a number of staff or an owner per step.

:func:`read` reads the timetable from the buyer's facts (:mod:`buyer_facts`: the contract award and start, a service
that ends before it) and quantities (:mod:`buyer_scale`: the staff who may transfer), and the people supported now;
:func:`milestones` gives the dated milestones of ``phrasebank/buyer_mobilisation.yaml``, one sentence each, in date
order, with the role that owns each as its subject. Vocabulary and offsets: ``phrasebank/buyer_mobilisation.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from evidencebot.compose import buyer_facts, buyer_scale
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.library import content_stems

PHRASEBANK = "buyer_mobilisation.yaml"


@dataclass
class Timetable:
    award: dt.date
    golive: dt.date
    incumbent: str = ""
    tupe: int | None = None
    people: int | None = None


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def asks(text: str) -> bool:
    """Whether ``text`` (a part of the question) asks for the mobilisation plan or its milestones."""
    pat = _spec().get("asks")
    return bool(pat and re.search(str(pat), text or "", re.I))


def asks_with_table(text: str) -> bool:
    """Whether ``text`` (a part of a question that holds the buyer's own milestone table) is about mobilising, so that
    the table and our steps go in it when no part asks for the plan in :func:`asks`' words (s22b q07)."""
    pat = _spec().get("asks_with_table")
    return bool(pat and re.search(str(pat), text or "", re.I))


def read(text: str) -> Timetable | None:
    """The buyer's timetable in ``text`` (the question and the rest of the tender); None without an award and a start."""
    facts = buyer_facts.read(text)
    award = next((f.data[1] for f in facts if f.kind == "contract" and f.data[:1] == ("award",)), None)
    start = next((f.data[1] for f in facts if f.kind == "contract" and f.data[:1] == ("start",)), None)
    if award is None or start is None or award >= start:
        return None
    incumbent = next((f.data[2] for f in facts if f.kind == "contract" and f.data[:1] == ("ends",)), "")
    if not incumbent:  # no end date given: the provider the buyer says runs the service now ('currently delivered by')
        incumbent = " and ".join(buyer_facts.outgoing(facts))
    tupe = next((int(q.value) for q in buyer_scale.read(text) if q.kind == "tupe_staff"), None)
    m = re.search(str(_spec().get("people") or r"(?!)"), text or "", re.I)
    people = int(m.group("n").replace(",", "")) if m else None
    return Timetable(award, start, incumbent, tupe, people)


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def milestones(tt: Timetable, buyer: str) -> list[str]:
    """One sentence per milestone of ``phrasebank/buyer_mobilisation.yaml`` on the buyer's dates, in date order; a
    milestone the buyer's facts cannot date or fill (no incumbent, no staff to transfer) is left out, and so is one that
    would fall before the award (a short mobilisation) or, before go-live, on or after it."""
    spec = _spec()
    values = {"buyer": buyer or "the commissioner", "incumbent": tt.incumbent,
              "tupe": f"{tt.tupe:,}" if tt.tupe else "",
              "people": str(spec.get("people_phrase") or "").format(n=f"{tt.people:,}") if tt.people else "",
              "transfer": str(spec.get("transfer_phrase") or "").format(tupe=f"{tt.tupe:,}") if tt.tupe else ""}
    out: list[tuple[dt.date, int, str]] = []
    for i, m in enumerate(spec.get("milestones") or []):
        need = m.get("needs")
        if need and not values.get(str(need)):
            continue
        anchor = tt.award if m.get("from") == "award" else tt.golive
        days = int(m.get("days") or 0)
        when = anchor + dt.timedelta(days=days)
        if when < tt.award or (m.get("from") == "golive" and days < 0 and when >= tt.golive):
            continue
        text = str(m.get("text") or "").format(date=_day(when), **values)
        out.append((when, i, text[:1].upper() + text[1:]))
    return [t for _, _, t in sorted(out)]


# ---------------------------------------------------------------- the buyer's own dated milestones (s22 q10, spent)

_DATED = re.compile(r"^\s*\|?\s*(?:\*\*)?(?P<day>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})(?:\*\*)?\s*(?:\||:|[-\u2013\u2014])\s*"
                    r"(?P<what>[^|\n]+?)\s*\|?\s*$", re.M)
_RELATIVE = re.compile(r"\b(?:within|in\s+the\s+first|no\s+later\s+than|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:days?|weeks?|months?)\s+(?:of|after|from|before)\s+(?:the\s+)?(?:contract\s+)?[\w-]+",
                       re.I)
SHARED = 2
"""The content words a sentence of ours must share with the buyer's milestone to be about the same step."""
# a timing of our own with no preposition before it ('two weeks before go-live'), moved only by _same_event
_BARE = re.compile(r"(?<!\bwithin )(?<!\bby )(?<!\bthan )\b(?:\w+|\d+)\s+(?:days?|weeks?|months?)\s+before\s+"
                   r"(?:the\s+)?(?:contract\s+)?[\w-]+", re.I)


def _same_event(before: str, milestones_: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The buyer's milestone our bare timing is about: the words just before the timing (the step it times: 'signs off
    a readiness checklist') hold the word that opens that milestone and no other of the buyer's ('Readiness review');
    None when none or more than one is so named (w23: widening the timing rewrite on shared words alone moved timings
    to the wrong milestone; a verb the milestone shares, 'signs' and 'Contract signed', names no event)."""
    ours = content_stems(" ".join(before.split()[-3:]))
    milestones_ = list(dict.fromkeys(milestones_))  # a table the buyer's text holds twice (the question and its facts)
    stems = [content_stems(m[1]) for m in milestones_]
    hits = []
    for m, st in zip(milestones_, stems):
        own = st - set().union(*(o for k, o in enumerate(stems) if milestones_[k][1] != m[1]))
        opening = content_stems(m[1].split()[0]) if m[1].split() else set()
        if ours & own & opening:
            hits.append(m)
    return hits[0] if len(hits) == 1 else None


_DATED_LAST = re.compile(r"^\s*\|\s*(?P<what>[^|\n]*[A-Za-z][^|\n]*?)\s*\|\s*(?P<lead>(?:by|on|from|week\s+commencing|w/c)\s+)?"
                         r"(?P<day>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})\s*\|\s*$", re.M | re.I)


def dated(text: str) -> list[tuple[str, str]]:
    """The buyer's dated milestones in ``text`` ('| 11 January 2027 | Measures letter sent to the current providers
    |', '11 January 2027: measures letter sent', and a table with the date last: '| TUPE consultation with
    transferring staff started | by 11 January 2027 |', the s23 dev buyer's q08): (the date as the buyer writes it,
    with its 'by' or 'week commencing' when it has one, what happens), in its order."""
    out = []
    found = [(m.start(), "", m.group("day"), m.group("what")) for m in _DATED.finditer(text or "")]
    found += [(m.start(), " ".join((m.group("lead") or "").split()), m.group("day"), m.group("what"))
              for m in _DATED_LAST.finditer(text or "")]
    for _, lead, raw, what in sorted(found):
        day = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", raw)
        try:
            dt.datetime.strptime(day, "%d %B %Y")
        except ValueError:
            continue
        out.append(((lead.lower() + " " + day).strip(), what.strip(" *")))
    return out


def buyer_milestones(dates: list[tuple[str, str]]) -> list[str]:
    """The buyer's own dated milestones, one sentence each in its words and order, committed to as our plan's
    ('By 11 January 2027: TUPE consultation with transferring staff started.'): s22 q10 and the s23 dev buyer's q08
    gave a milestone table and our plan worked to dates of its own reckoning (award plus two weeks), never the
    buyer's readiness review or caseload handover dates."""
    out = []
    for day, what in dates:
        # 'week commencing 12 October 2026' reads as a start on that date to the consistency check (a contract start
        # stated differently, s25 q10 and s22b q07 once their tables were said): the same week in other words
        day = re.sub(r"^(?:week\s+commencing|w/c)\s+", "in the week of ", day, flags=re.I)
        out.append(f"{day[:1].upper() + day[1:]}: {what.rstrip('.')}.")
    return out


def _steps(what: str) -> list[tuple[str, str, str]]:
    """(when, who, what) of each step toward the buyer's milestone ``what``: :func:`steps`."""
    spec = _spec()
    # an event the milestone comes after is not the milestone ('Post go-live review', 'Review three months after
    # go-live' are reviews, and took go-live's steps: s30 q12 said 'On the day, the service manager opens the service'
    # under a review three months after it): an entry found only in such an event's words does not match
    after = [m.span("event") for m in re.finditer(
        rf"(?i)\b(?:post|after|following)[\s-]+(?:the\s+)?(?P<event>(?:service\s+)?(?:{spec.get('timeline_events', '(?!)')})"
        r"[\w-]*)", what or "")]

    def fits(pattern: str) -> bool:
        return any(not any(a <= m.start() and m.end() <= b for a, b in after)
                   for m in re.finditer(pattern, what or "", re.I))

    found = next((e.get("steps") or [] for e in spec.get("milestone_steps") or []
                  if fits(str(e.get("match") or r"(?!x)x"))), None)
    out = []
    for st in found if found is not None else spec.get("any_milestone") or []:
        when, who, does = (str(st.get(k) or "").strip() for k in ("when", "who", "what"))
        if when and who and does:
            out.append((when, who, does))
    return out


def steps(what: str) -> list[str]:
    """The steps we take to reach the buyer's milestone ``what`` ('CQC registration application for Harbour View
    submitted'), one sentence each: when, relative to the milestone's date, who of our team, what they do
    (``milestone_steps`` of the phrasebank, the first entry whose ``match`` finds the milestone; ``any_milestone`` when
    none does). s27 q11, panel: our plan said the buyer's table back 'with no steps under any row'."""
    return [f"{when[:1].upper() + when[1:]}, {who} {does.rstrip('.')}." for when, who, does in _steps(what)]


def owner(what: str) -> str:
    """Who of our team leads the buyer's milestone ``what``: the role with most of its steps (on a tie the
    first step's: 'the head of people' for a TUPE consultation, 'the director' for the contract signature), '' when no
    entry of the phrasebank matches it (``any_milestone`` names no owner: a row of the buyer's table, session 37)."""
    found = _steps(what)
    if not found or found == _steps(""):
        return ""
    most = Counter(who for _, who, _ in found)  # the role with most of its steps; on a tie, the first step's
    return max(most, key=lambda w: (most[w], -[who for _, who, _ in found].index(w)))


def hold_to_dates(text: str, milestones_: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """Our sentence that times a step of the buyer's dated milestones by our own reckoning ('Within four weeks of award
    we send the outgoing employer our measures letter') says the buyer's date instead ('By 11 January 2027 we send
    ...'): the buyer's date holds (s22 q10, FIRM: our four weeks from award against its 11 January 2027). Returns the
    text and [(our timing, the buyer's date)]."""
    changed: list[tuple[str, str]] = []
    # a step timed from an event of the contract's timeline only ('of award', not 'of any'), read once a call
    timeline = re.compile(rf"(?i)\b{_spec().get('timeline_events', '(?!)')}\w*$")
    parts = re.split(r"(?<=[.!?])\s+", text or "")
    for i, s in enumerate(parts):
        rel = _RELATIVE.search(s)
        if rel is None:
            bare = _BARE.search(s)
            if bare and (re.match(r"(?i)(?:every|each)\b", bare.group(0)) or not timeline.search(bare.group(0))):
                # a rhythm ('every week before the allocation meeting') or a step before no event of the contract's
                # timeline is no timing of a milestone (s27 q09, after its measurement: it became 'by 12 February 2027
                # meeting', the date of the buyer's caseload transfer plan)
                bare = None
            best = _same_event(s[:bare.start()], milestones_) if bare else None
            if bare and best:
                # a bare timing of our own ('signs off a readiness checklist two weeks before go-live') against the
                # buyer's dated milestone on the same event ('8 March 2027 | Readiness review'): the buyer's date
                parts[i] = s[:bare.start()] + "by " + best[0] + s[bare.end():]
                changed.append((bare.group(0), best[0]))
            continue
        if not timeline.search(rel.group(0)):
            continue
        ours = content_stems(s[:rel.start()] + " " + s[rel.end():])
        best = max(milestones_, key=lambda m: len(ours & content_stems(m[1])), default=None)
        if best is None or len(ours & content_stems(best[1])) < SHARED:
            continue
        said = rel.group(0)
        new = ("By " if said[:1].isupper() else "by ") + best[0]
        parts[i] = s[:rel.start()] + new + s[rel.end():]
        changed.append((said, best[0]))
    return " ".join(parts), changed
