"""Pass/Fail and yes/no confirmations: recognised at intake, answered "Yes." only from a declaration.

A buyer's Pass/Fail part ("Do you have a safeguarding adults policy ... approved by your board and reviewed
within the last 12 months? Attach both as Appendix 5A.") is marked on a Yes or a No. A paragraph of method
under it fails the bid (session 9's panel excluded one). So a confirmation sub-point (``SubPoint.kind ==
'confirm'``, :func:`is_confirmation`) is answered as a confirmation:

* "Yes." with the statement restated in our words ("We have a safeguarding adults policy ... approved by our
  board ...") and the evidence from the organisation's recorded declarations (the policy's name, who approved
  it and when, when it was reviewed; the buyer's appendix named), when every topic the statement names has a
  declaration (:mod:`evidencebot.store.declarations`) and the record meets what the buyer sets (a review within
  the last 12 months, a training level);
* otherwise a "[To confirm]" line saying plainly what must be confirmed and why we did not: never a "Yes" the
  records do not back. It is a gap: the coverage says "confirmation needed" and ``tender status`` lists it.

Cues, topics and checks are data: ``phrasebank/confirmations.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from evidencebot.compose.filters import load_phrasebank

PHRASEBANK = "confirmations.yaml"
MARKER = "[To confirm]"
CONFIRM_WORDS = 70
"""The words a confirmation part is given: a Yes, the statement and its evidence."""


def _data() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _phrases(words, *, start: bool = False) -> re.Pattern:
    words = [str(w).strip() for w in words or [] if str(w).strip()]
    if not words:
        return re.compile(r"(?!)")
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile((r"^\W*" if start else r"(?<!\w)") + rf"(?:{body})(?!\w)", re.I)


def pass_fail(question: str) -> bool:
    """The question has a Pass/Fail or Yes/No part."""
    return bool(_phrases(_data().get("pass_fail")).search(question or ""))


def scored_start(text: str) -> int | None:
    """Where the scored part's heading starts in ``text`` ('PART B (scored)'), None when it has none."""
    pats = [re.compile(p, re.I) for p in _data().get("scored_part") or []]
    hits = [m.start() for p in pats for m in [p.search(text or "")] if m]
    return min(hits) if hits else None


def trim(text: str) -> str:
    """A confirmation's own words: what comes before the scored part's heading."""
    at = scored_start(text)
    return " ".join((text[:at] if at else text).split()).strip()


def limit_excludes(question: str) -> bool:
    """The question's limit is for its scored part only ('Part B: (max. 500 words)', '1000 words maximum (Part B
    only)'): the confirmations are answered outside it."""
    for line in (question or "").splitlines():
        if re.search(r"\bpart\s+b\b", line, re.I) and re.search(r"\b(?:words?|characters?|max(?:imum)?|limit|pages?|"
                                                                 r"sides?)\b", line, re.I):
            return True
    return False


def is_confirmation(text: str, question: str = "", *, before_scored: bool = True) -> bool:
    """A sub-point to answer Yes or No: a yes/no question to the bidder ('Do you have ...?', 'Will you ...?',
    'Do you confirm that ...?'), or, in a question with a Pass/Fail part, a statement to confirm ('You will
    follow ...', 'All staff ... will complete ...') that is not a 'how/describe' ask. ``before_scored``: the
    sub-point comes before the scored part's heading (a statement after it is Part B's)."""
    data = _data()
    t = " ".join((text or "").split())
    if not t:
        return False
    first = re.split(r"(?<=[?.!])\s+", t, maxsplit=1)[0]
    if _phrases(data.get("not_states"), start=True).search(first):
        return False
    if _phrases(data.get("asks"), start=True).search(first) and (first.rstrip().endswith("?") or re.match(
            r"\W*(?:please\s+)?confirm\b", first, re.I)):
        return True
    return bool(before_scored and pass_fail(question) and _phrases(data.get("states"), start=True).search(first))


# ---------------------------------------------------------------- restating the statement in our words

_OBJ = r"(?:to|by|for|with|from|of|on|at|about|than)"


def _ours(text: str) -> str:
    """The bidder's pronouns as ours: 'your board' -> 'our board', 'you hold' -> 'we hold', 'to you' -> 'to us'."""
    text = re.sub(r"\byours\b", "ours", text, flags=re.I)
    text = re.sub(r"\byour\b", "our", text)
    text = re.sub(r"\bYour\b", "Our", text)
    text = re.sub(rf"\b({_OBJ})\s+you\b", r"\1 us", text, flags=re.I)
    text = re.sub(r"\byou\b", "we", text)
    text = re.sub(r"\bYou\b", "We", text)
    text = re.sub(r"\bwe\s+has\b", "we have", text)
    for theirs, ours in ((_data().get("our_words") or {}).items()):
        text = re.sub(rf"\b{re.escape(str(theirs))}\b", str(ours), text, flags=re.I)
    return text


_REWRITES = [
    (r"^(?:please\s+)?(?:can|could|will|do)\s+you\s+confirm\s+(?:that\s+)?(?P<rest>.+)$", "We confirm that {rest}"),
    (r"^please\s+confirm\s+(?:that\s+)?(?P<rest>.+)$", "We confirm that {rest}"),
    (r"^confirm\s+(?:that\s+)?(?P<rest>.+)$", "We confirm that {rest}"),
    (r"^do\s+you\s+(?P<verb>have|hold|agree|accept|operate|maintain)\b\s*(?P<rest>.*)$", "We {verb} {rest}"),
    (r"^does\s+your\s+organisation\s+(?P<verb>have|hold|operate|maintain)\b\s*(?P<rest>.*)$", "Our organisation {verb}s {rest}"),
    (r"^does\s+your\s+(?P<subj>[a-z ]{2,30}?)\s+(?P<verb>have|hold|include|cover)\b\s*(?P<rest>.*)$",
     "Our {subj} {verb}s {rest}"),
    (r"^will\s+your\s+organisation\s+(?P<rest>.+)$", "Our organisation will {rest}"),
    (r"^will\s+you\s+(?P<rest>.+)$", "We will {rest}"),
    (r"^are\s+you\s+(?P<rest>.+)$", "We are {rest}"),
    (r"^have\s+you\s+(?P<rest>.+)$", "We have {rest}"),
    (r"^is\s+your\s+organisation\s+(?P<rest>.+)$", "Our organisation is {rest}"),
    (r"^is\s+your\s+(?P<subj>[a-z ]{2,30}?)\s+(?P<rest>(?:registered|accredited|certified|compliant|approved)\b.*)$",
     "Our {subj} is {rest}"),
    (r"^you\s+(?P<rest>.+)$", "We {rest}"),
]


def statement(text: str) -> str:
    """The yes/no sentence of a confirmation sub-point, without its question mark ('Do you have ... 12 months')."""
    t = trim(text)
    first = re.split(r"(?<=[?.!])\s+", t, maxsplit=1)[0]
    return first.rstrip(" ?.!;:")


def restate(text: str) -> str:
    """The statement as ours, a sentence: 'Will you name a safeguarding lead ...?' -> 'We will name a
    safeguarding lead ...'; 'All staff ... will complete ...' -> 'We confirm that all staff ... will complete ...'."""
    s = statement(text)
    for pattern, out in _REWRITES:
        m = re.match(pattern, s, re.I)
        if m:
            parts = {k: _ours(v or "").strip() for k, v in m.groupdict().items()}
            said = " ".join(out.format(**parts).split())
            break
    else:
        said = "We confirm that " + _ours(s[:1].lower() + s[1:])
    return said.rstrip(" ,;:") + "."


_ATTACH = re.compile(r"\b(?:please\s+)?(?:attach|provide|submit|enclose|upload)\s+(?P<what>(?:both|them|it|this|these|a\s+copy|"
                     r"copies|the\s+[a-z ]{2,40}?|your\s+[a-z ]{2,40}?))\s+(?:as|at|in)\s+(?P<ref>(?:appendix|annex|attachment|"
                     r"schedule)\s+[A-Z0-9][A-Za-z0-9.]*)", re.I)


def attachment(text: str) -> tuple[str, str] | None:
    """The buyer's attachment for a statement ('Attach both as Appendix 5A.'): (what, 'Appendix 5A')."""
    m = _ATTACH.search(trim(text))
    if not m:
        return None
    return m.group("what").strip(), m.group("ref").rstrip(".")


# ---------------------------------------------------------------- topics, checks and the answer


def topics_in(text: str) -> list[str]:
    """The declaration topics a statement names, in the phrasebank's order."""
    s = trim(text)
    return [key for key, spec in (_data().get("topics") or {}).items() if _phrases(spec.get("any")).search(s)]


def topic_label(key: str) -> str:
    return str(((_data().get("topics") or {}).get(key) or {}).get("label") or key.replace("_", " "))


def _number(word: str) -> int:
    words = {"six": 6, "twelve": 12, "eighteen": 18, "twenty-four": 24}
    return int(word) if word.isdigit() else words.get(word.lower(), 0)


def _levels(text: str) -> dict[str, int]:
    """Training levels by who they are for ('adults', 'children', '' for unspecified): the highest of each."""
    out: dict[str, int] = {}
    for p in (_data().get("checks") or {}).get("level") or []:
        for m in re.finditer(p, text or "", re.I):
            who = (m.groupdict().get("who") or "").lower()
            who = "children" if who.startswith("child") else "adults" if who.startswith("adult") else ""
            out[who] = max(out.get(who, 0), int(m.group("n")))
    return out


def _months_before(day: dt.date, months: int) -> dt.date:
    from evidencebot.store.blocks import add_months

    return add_months(day, -months)


def _short_of(buyer: str, decl: dict, today: dt.date) -> str:
    """Why the record does not meet what the buyer sets in ``buyer`` ('' when it does)."""
    checks = _data().get("checks") or {}
    for p in checks.get("review_within") or []:
        m = re.search(p, buyer, re.I)
        if m:
            months = _number(m.group("n"))
            last = decl.get("reviewed_on") or decl.get("approved_on") or ""
            if not last:
                return f"no review date is recorded for {decl['topic'].replace('_', ' ')}"
            if months and dt.date.fromisoformat(last) < _months_before(today, months):
                return f"the record's last review ({last}) is more than {months} months ago"
    want = _levels(buyer)
    if want:
        have = _levels(f"{decl.get('statement') or ''} {decl.get('evidence') or ''}")
        top = max(have.values(), default=0)
        for who, level in want.items():
            ours = have.get(who, have.get("", top if not who else 0)) if who else top
            if ours < level:
                whom = f" ({who})" if who else ""
                return f"the record does not show Level {level}{whom}"
    return ""


@dataclass
class Confirmation:
    status: str
    """'confirmed' or 'needed'."""
    lines: list[str]
    """The part's sentences: 'Yes.' + restatement + evidence, or the '[To confirm]' line."""
    topics: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Topics with no declaration recorded."""
    reason: str = ""

    @property
    def coverage(self) -> str:
        if self.status == "confirmed":
            return "confirmed: " + ", ".join(f"declaration {t}" for t in self.topics)
        return "confirmation needed: " + self.reason


def _sentence(text: str) -> str:
    text = " ".join((text or "").split()).rstrip(" .;")
    return text[:1].upper() + text[1:] + "." if text else ""


def answer(text: str, declarations: dict[str, dict], today: dt.date | None = None) -> Confirmation:
    """The answer to one confirmation sub-point from the recorded ``declarations`` (by topic)."""
    today = today or dt.date.today()
    topics = topics_in(text)
    asked = statement(text)
    attach = attachment(text)
    missing = [t for t in topics if t not in declarations]
    short = ""
    for t in topics:
        if t in declarations:
            short = _short_of(trim(text), declarations[t], today)
            if short:
                break
    if not topics or missing or short:
        if not topics:
            reason = "no declaration topic matches this statement"
        elif missing:
            reason = "no declaration is recorded for " + ", ".join(topic_label(t) for t in missing)
        else:
            reason = short
        line = (f"{MARKER} Answer Yes or No to: \"{asked}\". This draft does not say Yes because {reason}; record the "
                f"organisation's declaration, with its evidence, before answering.")
        return Confirmation("needed", [line], topics, missing, reason)
    lines = ["Yes.", restate(text)]
    for t in topics[:2]:
        ev = declarations[t].get("evidence") or ""
        if ev:
            lines.append(_sentence(ev))
    if attach:
        what, ref = attach
        lines.append(f"{'Both are' if what.lower() in {'both', 'them', 'these', 'copies'} else 'It is'} attached as {ref}.")
    return Confirmation("confirmed", lines, topics, [], "")
