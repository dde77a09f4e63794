"""One event, one timing, across every answer of a tender (issue 12; s27 contradictions #6, #20, #21).

A panel reads a tender's answers side by side. When one answer offers care leavers a first contact "within ten
working days of referral" and another commits to the buyer's KPI "routine referrals contacted within 2 working days
of receipt", or one answer meets people "on the day of release or the next working day" and another "within five
working days of release", the commissioners cannot tell which the provider commits to. :func:`read` finds each
first-contact timing after an event (a referral, a release from prison, a discharge); :func:`standards` takes the
buyer's from its questions (every file of the tender); :func:`hold` says a slower timing of ours with the buyer's, or,
for an event the buyer gives no timing for, with the fastest our approved library gives (:func:`library_fastest`),
so that answers drafted one file at a time still say one timing for one event. Word lists: phrasebank/timings.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from evidencebot.compose.filters import load_phrasebank
from evidencebot.mentions import NUMBER_OR_WORD, days, number_or_word
from evidencebot.text import sentences

PHRASEBANK = "timings.yaml"


@dataclass(frozen=True)
class Timing:
    event: str
    """'referral', 'release' or 'discharge' (the keys of ``events``)."""
    action: str
    """'seen' (a meeting in person) or 'contact' (any other first contact)."""
    days: float
    words: str
    """The timing as written ('within ten working days of referral')."""
    urgent: bool
    sentence: str
    start: int
    end: int
    """Where ``words`` stands in the text read."""


@functools.lru_cache(maxsize=1)
def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _alts(words) -> str:
    return "|".join(sorted((str(w) for w in words or []), key=len, reverse=True)) or "(?!)"


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, re.Pattern], re.Pattern, re.Pattern, re.Pattern,
                         re.Pattern]:
    spec = _spec()
    events = {str(k): re.compile(rf"^(?:{_alts(v)})$", re.I) for k, v in (spec.get("events") or {}).items()}
    every = _alts([w for v in (spec.get("events") or {}).values() for w in v])
    within = re.compile(rf"\bwithin\s+(?P<n>{NUMBER_OR_WORD})\s+(?P<u>working\s+days?|calendar\s+days?|days?|weeks?|"
                        rf"hours?)\s+(?:of|after|from|following)\s+(?:the\s+|their\s+|a\s+|his\s+|her\s+)?"
                        rf"(?P<e>{every})\b", re.I)
    next_day = re.compile(rf"\bon\s+the\s+day\s+of\s+(?P<e>{every})\s+or\s+the\s+next\s+working\s+day\b", re.I)
    contact = re.compile(rf"\b(?:{_alts(spec.get('contact'))})\b", re.I)
    seen = re.compile(rf"\b(?:{_alts(spec.get('seen'))})\b", re.I)
    other = re.compile(rf"\b(?:{_alts(spec.get('other_step'))})\b", re.I)
    urgent = re.compile(rf"\b(?:{_alts(spec.get('urgent'))})\b", re.I)
    return within, next_day, events, contact, other, urgent, seen


def _event(words: str) -> str:
    _, _, events, _, _, _, _ = _patterns()
    w = " ".join(words.lower().split())
    return next((k for k, p in events.items() if p.match(w)), "")


def event_of(words: str) -> str:
    """The event ``words`` name ('receipt of the referral' -> 'referral'), '' for none of ``events``."""
    return _event(words or "")


def _clause_before(sentence: str, at: int) -> str:
    """The words of the clause the timing closes (back to the last ';', ':', ', and' or sentence start)."""
    head = sentence[:at]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind(", and"), head.rfind(", then"), head.rfind(". "))
    return head[cut + 1:] if cut >= 0 else head


def read(text: str) -> list[Timing]:
    """Each first-contact timing after an event in ``text`` (a step that is not a contact is left out)."""
    within, next_day, _, contact, other, urgent, seen = _patterns()
    out: list[Timing] = []
    offset = 0
    for s in _lines_and_sentences(text):
        at = text.find(s, offset)
        base = at if at >= 0 else 0
        offset = base + len(s) if at >= 0 else offset
        for m in list(within.finditer(s)) + list(next_day.finditer(s)):
            clause = _clause_before(s, m.start())
            near = clause[-60:]
            # the kind of contact the words nearest the timing name ('seen face to face' over 'people')
            kinds = [(x.end(), "seen") for x in seen.finditer(clause)] + [(x.end(), "contact") for x in contact.finditer(clause)]
            if not kinds or other.search(near) and not (seen.search(near) or contact.search(near)):
                continue
            action = max(kinds)[1] if not seen.search(clause) else "seen"
            event = _event(m.group("e"))
            if not event:
                continue
            if "n" in m.groupdict() and m.groupdict().get("n"):
                n = number_or_word(m.group("n"))
                if n is None:
                    continue
                d = days(n, " ".join(m.group("u").lower().split()))
            else:
                d = float(_spec().get("next_working_day") or 1.4)
            out.append(Timing(event, action, d, m.group(0), bool(urgent.search(clause) or urgent.search(s[m.end():m.end() + 40])),
                              s, base + m.start(), base + m.end()))
    return out


def _lines_and_sentences(text: str) -> list[str]:
    out = []
    for line in (text or "").splitlines():
        if line.lstrip().startswith("|"):
            out.append(line)  # a table row is one statement
        elif line.strip():
            out.extend(sentences(line))
    return out


Key = tuple[str, str, bool]
"""(event, action, urgent)."""


def standards(buyer_text: str) -> dict[Key, Timing]:
    """The buyer's fastest first-contact timing for each (event, action, urgent) in its questions."""
    out: dict[Key, Timing] = {}
    for t in read(buyer_text):
        key = (t.event, t.action, t.urgent)
        if key not in out or t.days < out[key].days:
            out[key] = t
    return out


def library_fastest(texts: list[str]) -> dict[Key, Timing]:
    """The fastest timing our approved blocks give for each (event, urgent), placeholders left out."""
    return standards("\n".join(t for t in texts if "{" not in t))


def _said(ours: Timing, theirs: Timing) -> str:
    """``theirs`` said in our words: its figure, our event's words ('within 2 working days of referral')."""
    m = re.match(r"within\s+\S+\s+(?:working\s+days?|calendar\s+days?|days?|weeks?|hours?)", theirs.words, re.I)
    tail = re.search(r"\s+(?:of|after|from|following)\s+.*$", ours.words, re.I)
    if m and tail:
        return m.group(0) + tail.group(0)
    if ours.words.lower().startswith("on the day"):
        return theirs.words if m is None else m.group(0) + " of " + ours.event
    return theirs.words


def hold(text: str, held: dict[Key, Timing]) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each first-contact timing of ours slower than ``held``'s for the same event said as ``held``'s.
    Returns (the text, [(ours, what it became)])."""
    changes = []
    for t in sorted(read(text), key=lambda t: -t.start):
        std = held.get((t.event, t.action, t.urgent))
        if std is None or t.days <= std.days + 1e-9:
            continue
        new = _said(t, std)
        text = text[:t.start] + new + text[t.end:]
        changes.append((t.words, new))
    return text, changes


# ---------------------------------------------------------------- one step on a referral, one timing

@dataclass(frozen=True)
class StepTiming:
    step: str
    """A key of ``steps`` ('triage')."""
    days: float
    words: str
    """The timing as written ('within two working days', 'on the same working day')."""
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _step_patterns() -> list[tuple[str, re.Pattern]]:
    spec = _spec()
    objects = _alts(spec.get("step_objects"))
    same = _alts([re.escape(str(w)).replace(r"\ ", r"\s+") for w in spec.get("same_day") or []])
    when = (rf"(?P<t>{same}|within\s+(?P<n>{NUMBER_OR_WORD})\s+(?P<u>working\s+days?|calendar\s+days?|days?|"
            rf"hours?))")
    out = []
    for step, verbs in (spec.get("steps") or {}).items():
        v = _alts(verbs)
        out.append((str(step), re.compile(
            rf"\b(?:(?:{v})\s+(?:every|each|all|any|the|a)?\s*(?:new\s+)?(?:{objects})|(?:{objects})\s+(?:is|are)\s+"
            rf"(?:{v}))\s+{when}(?![\w-])", re.I)))
    return out


def read_steps(text: str) -> list[StepTiming]:
    """Each timing of a step on a referral in ``text`` ('screens each referral within two working days')."""
    out = []
    for step, pat in _step_patterns():
        for m in pat.finditer(text or ""):
            if m.group("n"):
                n = number_or_word(m.group("n"))
                if n is None:
                    continue
                d = days(n, " ".join(m.group("u").lower().split()))
            else:
                d = 0.0
            out.append(StepTiming(step, d, m.group("t"), m.start("t"), m.end("t")))
    return out


def step_fastest(texts: list[str]) -> dict[str, StepTiming]:
    """The fastest timing each step is given in ``texts`` (the buyer's tender, the answer's own sentences)."""
    out: dict[str, StepTiming] = {}
    for t in texts:
        if "{" in t:
            continue
        for st in read_steps(t):
            if st.step not in out or st.days < out[st.step].days:
                out[st.step] = st
    return out


def hold_steps(text: str, held: dict[str, StepTiming]) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each timing of a step slower than ``held``'s said as ``held``'s. Returns (the text, [(ours, what
    it became)])."""
    changes = []
    for st in sorted(read_steps(text), key=lambda st: -st.start):
        std = held.get(st.step)
        if std is None or st.days <= std.days + 1e-9:
            continue
        new = std.words
        if new.lower().startswith("the ") and not text[:st.start].rstrip().lower().endswith(("on", "by")):
            new = "on " + new
        text = text[:st.start] + new + text[st.end:]
        changes.append((st.words, new))
    return text, changes
