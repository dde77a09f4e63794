"""Pass/Fail and yes/no confirmations: recognised at intake, answered "Yes." only where the record meets them.

A buyer's Pass/Fail part ("Do you have a safeguarding adults policy ... approved by your board and reviewed
within the last 12 months? Attach both as Appendix 5A.") is marked on a Yes or a No. A paragraph of method
under it fails the bid (session 9's panel excluded one), and a false "Yes" can exclude the bid or become a
contractual misstatement. So a confirmation sub-point (``SubPoint.kind == 'confirm'``, :func:`is_confirmation`:
a yes/no question or statement in a Pass/Fail part, or an explicit "Please confirm ..." anywhere; never a
sentence with a how/what clause) is answered as a confirmation:

* "Yes." with the declaration's own statement and evidence (:mod:`evidencebot.store.declarations`: the policy,
  who approved it and when, when it was reviewed; the buyer's appendix named), only when a declaration is
  recorded for every topic the statement names, the records meet every condition the buyer's sentence sets
  (an amount of cover per kind, a grade on an ordered scale, a training level, how often, how recently) and
  every clause of it is covered by them (:func:`answer`);
* otherwise a "[To confirm]" line naming what the buyer asks and what the record says: never a "Yes" the
  records do not back. A question asking the bidder to disclose ("Have you ever failed ...?", "... any claims
  ...?") is always "[To confirm]" (:func:`disclosure`). It is a gap: the coverage says "confirmation needed"
  and ``tender status`` lists it.

Cues, topics, conditions and the words read as the same are data: ``phrasebank/confirmations.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from evidencebot.compose import gates
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.library import stem
from evidencebot.mentions import NUMBER_OR_WORD, days, number_or_word
from evidencebot.store.blocks import add_months
from evidencebot.text import NUMBER_WORDS

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


_PART_B_LINE = re.compile(r"^[\W_]*part\s+b\b", re.I)


def scored_start(text: str) -> int | None:
    """Where the scored part's heading starts in ``text`` ('PART B (scored)'), None when it has none.

    A line that opens with 'Part B' and reads as its heading is taken first: 'Part B – maximum 800 words' inside a
    limits line before Part A ('Limits: Part A – Yes/No ..., Part B – maximum 800 words.', s12 q04) is not where
    the scored part starts. Without such a line (the question flattened to one line), the first heading found."""
    text = text or ""
    pats = [re.compile(p, re.I) for p in _data().get("scored_part") or []]
    if "\n" in text:
        at = 0
        for line in text.splitlines(keepends=True):
            if _PART_B_LINE.match(line) and any(p.search(line) for p in pats):
                return at + len(line) - len(line.lstrip())
            at += len(line)
    hits = [m.start() for p in pats for m in [p.search(text)] if m]
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
    """A sub-point to answer Yes or No.

    * In a question with a Pass/Fail part (``before_scored``: the sub-point comes before the scored part's
      heading): a yes/no question of any subject ('Do you have ...?', 'Will all staff ...?') or a statement to
      confirm ('You will follow ...', 'All staff ... will complete ...');
    * anywhere: an explicit request to confirm ('Please confirm that ...', 'Do you confirm ...?').

    Never a sentence that holds a clause asking for method ('Will you follow ..., and how will you make sure
    ...?', 'Have you considered how ...?'): a panel scores that one, and it gets its method (review s10 item 2)."""
    data = _data()
    t = " ".join((text or "").split())
    if not t:
        return False
    first = re.split(r"(?<=[?.!])\s+", t, maxsplit=1)[0]
    if _phrases(data.get("not_states"), start=True).search(first) or _phrases(data.get("method_clause")).search(first):
        return False
    if _phrases(data.get("confirm_asks"), start=True).search(first):
        return True
    if not (before_scored and pass_fail(question)):
        return False
    if first.rstrip().endswith("?") and _phrases(data.get("pass_fail_asks"), start=True).search(first):
        return True
    return bool(_phrases(data.get("states"), start=True).search(first))


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
    # the buyer's third person for the bidder: 'The Bidder will name ...', 'in which it has taken part', 'its Board'
    if _BIDDER.search(text):
        text = _BIDDER.sub(lambda m: "our" if m.group("pos") else "we", text)
        text = _we_plural(text)
        text = re.sub(r"\bit\s+(has|is|holds)\b", lambda m: "we " + _PLURAL[m.group(1).lower()], text)
        text = re.sub(r"\bits\b", "our", text)
    return our_words(text)


def _we_plural(text: str) -> str:
    return re.sub(r"\bwe\s+(has|is|was|holds|does)\b", lambda m: "we " + _PLURAL[m.group(1).lower()], text, flags=re.I)


_BIDDER = re.compile(r"(?:\b[Tt]he\s+(?:[Ss]uccessful\s+)?|^)(?:[Bb]idder|[Tt]enderer|[Pp]rovider|[Ss]upplier)(?P<pos>['’]s)?\b")
_PLURAL = {"has": "have", "is": "are", "was": "were", "holds": "hold", "does": "do"}


def our_words(text: str) -> str:
    """The buyer's words that would read to our checker as a promise of an outcome, in ours ('will follow' -> 'will
    work to': ``our_words``); nothing else changed (a row's heading keeps the buyer's own question)."""
    for theirs, ours in ((_data().get("our_words") or {}).items()):
        text = re.sub(rf"\b{re.escape(str(theirs))}\b", str(ours), text, flags=re.I)
    return text


_FRAME = re.compile(r"^(?P<who>(?:the\s+(?:successful\s+)?)?(?:bidder|tenderer|provider|supplier))\s+(?:hereby\s+)?confirms\s+"
                    r"(?:that\s+)?(?P<it>it\s+)?", re.I)


def unframed(said: str) -> str:
    """The statement without the buyer's confirmation frame, for its heading: 'The Bidder confirms that it will
    comply with ...' -> 'The Bidder will comply with ...'; 'The Bidder confirms that all staff ... will hold ...' ->
    'All staff ... will hold ...' (s11 q04: every row was headed 'Bidder confirms')."""
    m = _FRAME.match(said or "")
    if not m or not said[m.end():].strip():
        return said
    rest = said[m.end():]
    return f"{m.group('who')} {rest}" if m.group("it") else rest[:1].upper() + rest[1:]


_REWRITES = [
    (r"^(?:the\s+(?:successful\s+)?)?(?:bidder|tenderer|provider|supplier)\s+(?:hereby\s+)?confirms\s+(?:that\s+)?"
     r"it\s+(?P<rest>.+)$", "We confirm that we {rest}"),
    (r"^(?:the\s+(?:successful\s+)?)?(?:bidder|tenderer|provider|supplier)\s+(?:hereby\s+)?confirms\s+(?:that\s+)?"
     r"(?P<rest>.+)$", "We confirm that {rest}"),
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
    at = gates.cap_clause(first)  # '...; responses that do not confirm this will not score above 2': the buyer's rule
    return (first[:at] if at is not None else first).rstrip(" ?.!;:")


def restate(text: str) -> str:
    """The statement as ours, a sentence: 'Will you name a safeguarding lead ...?' -> 'We will name a
    safeguarding lead ...'; 'All staff ... will complete ...' -> 'We confirm that all staff ... will complete ...'."""
    s = statement(text)
    for pattern, out in _REWRITES:
        m = re.match(pattern, s, re.I)
        if m:
            parts = {k: _ours(v or "").strip() for k, v in m.groupdict().items()}
            said = _we_plural(" ".join(out.format(**parts).split()))
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
    out = []
    for key, spec in (_data().get("topics") or {}).items():
        mine = _phrases(spec.get("not")).sub(lambda m: " " * len(m.group(0)), s)
        if _phrases(spec.get("any")).search(mine):
            out.append(key)
    return out


def topic_label(key: str) -> str:
    return str(((_data().get("topics") or {}).get(key) or {}).get("label") or key.replace("_", " "))


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
    return add_months(day, -months)


# ---------------------------------------------------------------- the buyer's conditions, read and checked


def _conditions() -> dict:
    return _data().get("conditions") or {}


def _num(word: str) -> float | None:
    """A count in digits or words ('twenty four' -> 24; :func:`evidencebot.mentions.number_or_word`), 'a', 'once',
    'each' -> 1."""
    w = word.lower().strip()
    if w in ("a", "an", "once", "each", "every"):
        return 1.0
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    return number_or_word(w)


@dataclass
class _Found:
    kind: str
    """'money', 'grade', 'level', 'every' (how often), 'window' (how recently) or 'deadline' (how soon)."""
    key: str
    """What it is about: a kind of cover, a scale, a group, the verb it goes with; for a deadline, 'working' (working
    days), 'hours' or ''."""
    value: float
    said: str
    span: tuple[int, int]


def _money(text: str) -> list[_Found]:
    kinds = [str(k) for k in _conditions().get("money_kinds") or []]
    out = []
    for m in re.finditer(r"£\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>million|m\b|mn\b|k\b|thousand|bn\b|billion)?", text, re.I):
        n = _num(m.group("n")) or 0.0
        u = (m.group("u") or "").lower()
        n *= 1e6 if u in ("million", "m", "mn") else 1e3 if u in ("k", "thousand") else 1e9 if u in ("bn", "billion") else 1
        before = text[max(0, m.start() - 80):m.start()].lower().replace("’", "'")
        at = [(before.rfind(k.lower()), k) for k in kinds if k.lower() in before]
        key = max(at)[1].lower().replace("employers' liability", "employer's liability").replace(
            "employers liability", "employer's liability").replace("employer liability", "employer's liability").replace(
            "product liability", "products liability") if at else ""
        out.append(_Found("money", key, n, " ".join(m.group(0).split()), m.span()))
    return out


def _grades(text: str) -> list[_Found]:
    out = []
    for scale in _conditions().get("grades") or []:
        cue = scale.get("cue")
        if cue and not re.search(str(cue), text, re.I):
            continue
        levels = [str(x) for x in scale.get("levels") or []]
        best: _Found | None = None
        for rank, level in sorted(enumerate(levels), key=lambda x: -len(x[1])):
            for m in re.finditer(r"(?<!\w)" + r"\s+".join(map(re.escape, level.split())) + r"(?!\w)", text, re.I):
                if best is None or not (best.span[0] <= m.start() < best.span[1]):
                    if best is None or rank > best.value:
                        best = _Found("grade", str(scale.get("name")), float(rank), " ".join(m.group(0).split()), m.span())
        if best is not None:
            out.append(best)
    return out


def _every(text: str) -> list[_Found]:
    """How often, in months, with the verb it goes with ('renewed every three years' -> ('renewed', 36))."""
    cond = _conditions()
    adverbs = {str(k).lower(): float(v) for k, v in (cond.get("every") or {}).items()}
    units = {str(k).lower(): float(v) for k, v in (cond.get("units") or {}).items()}
    unit = "|".join(sorted(units, key=len, reverse=True))
    # the buyer's verb read as the record's ('rechecked every three years' is the record's 'renewed every three
    # years'): the one-word entries of coverage's same_words
    same = (_data().get("coverage") or {}).get("same_words") or {}
    same_verbs = {stem(str(k)): stem(str(v)) for k, v in same.items() if " " not in str(k) + str(v)}
    pats = [
        rf"\b(?:at\s+least\s+)?(?:every|each)\s+(?:(?P<n>{NUMBER_OR_WORD})\s+)?(?P<other>other\s+)?(?P<u>{unit})s?\b",
        rf"\b(?:at\s+least\s+)?(?P<times>once|twice)\s+(?:a|an|each|every|per)\s+(?P<u>{unit})\b",
        rf"\b(?:at\s+least\s+)?(?P<adv>{'|'.join(sorted(map(re.escape, adverbs), key=len, reverse=True))})(?!\w)",
    ]
    out: list[_Found] = []
    for p in pats:
        for m in re.finditer(p, text, re.I):
            if any(f.span[0] <= m.start() < f.span[1] for f in out):
                continue
            g = m.groupdict()
            if g.get("adv"):
                months = adverbs[g["adv"].lower()]
            else:
                months = units[g["u"].lower()] * (_num(g.get("n") or "1") or 1.0)
                if g.get("other"):
                    months *= 2
                if g.get("times") and g["times"].lower() == "twice":
                    months /= 2
            verb, word, at = _verb_before(text, m.start())
            verb = same_verbs.get(verb, verb)
            said = " ".join(m.group(0).split())
            out.append(_Found("every", verb, months, f"{word} {said}" if word else said, (at, m.end())))
    return out


def _verb_before(text: str, at: int) -> tuple[str, str, int]:
    """The participle a frequency or a window goes with, as a stem, as written and where it starts ('renewed' in
    'a DBS check, renewed every year'); ('', '', at) when there is none."""
    start = max(0, at - 60)
    before = re.split(r"[;:]|\band\s+(?=[a-z]+ed\b)", text[start:at])[-1]
    start = at - len(before)
    verbs = list(re.finditer(r"\b([a-z]+(?:ed|en)|held|run|met|done)\b", before, re.I))
    if not verbs:
        return "", "", at
    return stem(verbs[-1].group(1)), verbs[-1].group(1).lower(), start + verbs[-1].start()


def _windows(text: str) -> list[_Found]:
    """How recently, in months: 'reviewed within the last 12 months', 'updated in the past two years'."""
    out = []
    for m in re.finditer(rf"\b(?:with)?in\s+the\s+(?:last|past|previous)\s+(?:(?P<n>{NUMBER_OR_WORD})\s+)?(?P<u>months?|years?)\b",
                         text, re.I):
        n = _num(m.group("n") or "1") or 1.0
        months = n * (12 if m.group("u").lower().startswith("year") else 1)
        verb, word, at = _verb_before(text, m.start())
        said = " ".join(m.group(0).split())
        out.append(_Found("window", verb, months, f"{word} {said}" if word else said, (at, m.end())))
    return out


_DEADLINE = re.compile(
    rf"\b(?:(?:with)?in\s+(?P<n>{NUMBER_OR_WORD}|a|an)\s+(?P<working>working\s+|business\s+|calendar\s+)?"
    rf"(?P<u>hours?|days?|weeks?|months?)(?:\s+of\s+(?:starting|joining|appointment|their\s+start)(?:\s+(?:in\s+post|work))?)?"
    rf"|(?:on\s+)?the\s+same\s+(?:working\s+|business\s+)?day|same[- ]day|immediately|straight\s+away"
    rf"|(?P<start>at\s+induction|before\s+(?:they\s+)?start(?:ing)?(?:\s+work)?))(?!\w)", re.I)


def _deadlines(text: str) -> list[_Found]:
    """How soon something is done, in days (:func:`evidencebot.mentions.days`): 'within one working day' (1.4),
    'within 24 hours' (1), 'the same working day' (1), 'straight away' (0). Not how recently ('in the last 12 months': :func:`_windows`).

    The key is 'working' for a timescale in working (or business) days, 'hours' for one in hours, '' otherwise: a
    working day is not 24 hours over a weekend, so :func:`_short_of` never lets the one meet the other."""
    out = []
    for m in _DEADLINE.finditer(text or ""):
        unit = (m.group("u") or "").lower().rstrip("s")
        working = re.search(r"\b(?:working|business)\b", m.group(0), re.I) is not None
        if unit:  # a working day is 7/5 of a day, as everywhere ('within 2 working days' is not 'within 2 days')
            soon = days(_num(m.group("n")) or 1.0, "working day" if working and unit == "day" else unit)
        else:  # 'straight away', 'at induction' and 'before they start work': at once
            soon = 0.0 if m.group("start") or re.match(r"immediately|straight", m.group(0), re.I) else 1.0
        key = "working" if working else "hours" if unit == "hour" else ""
        out.append(_Found("deadline", key, soon, " ".join(m.group(0).split()), m.span()))
    return out


def _months_text(months: float) -> str:
    if months >= 12 and months % 12 == 0:
        n = int(months // 12)
        return "every year" if n == 1 else f"every {n} years"
    if months >= 1 and months == int(months):
        return "every month" if months == 1 else f"every {int(months)} months"
    return f"every {months * 4.35:g} weeks".replace("every 1 weeks", "every week")


def _record_text(decl: dict) -> str:
    return " ".join(str(decl.get(k) or "") for k in ("statement", "evidence", "approved_by"))


def _said(decl: dict) -> str:
    return " ".join(str(decl.get("statement") or "").split()).rstrip(" .")


def _short_of(buyer: str, decls: list[dict], today: dt.date) -> tuple[list[str], list[tuple[int, int]]]:
    """Each condition of the buyer's sentence the records do not meet, said as what the buyer asks and what the
    record says; and the spans of the buyer's sentence the conditions took (they are not words to cover)."""
    record = " ".join(_record_text(d) for d in decls)
    short: list[str] = []
    spans: list[tuple[int, int]] = []
    # money: per kind of cover, the record's amount for the same kind must reach the buyer's
    ours = _money(record)
    for f in _money(buyer):
        spans.append(f.span)
        same = [o for o in ours if o.key == f.key] if f.key else ours
        what = f.key or "the amount"
        if not same:
            short.append(f"the buyer asks for {what} cover of \"{f.said}\"; the record gives no {what} cover")
        elif max(o.value for o in same) + 1e-6 < f.value:
            best = max(same, key=lambda o: o.value)
            short.append(f"the buyer asks for {what} cover of at least \"{f.said}\"; the record says \"{best.said}\"")
    # grades on an ordered scale
    have = {g.key: g for g in _grades(record)}
    for g in _grades(buyer):
        spans.append(g.span)
        if g.key not in have:
            short.append(f"the buyer asks for \"{g.said}\" ({g.key}); the record shows no grade on that scale")
        elif have[g.key].value < g.value:
            short.append(f"the buyer asks for \"{g.said}\"; the record says \"{have[g.key].said}\"")
    # training levels, by who they are for
    want = _levels(buyer)
    for p in (_data().get("checks") or {}).get("level") or []:
        spans += [m.span() for m in re.finditer(p, buyer, re.I)]
    if want:
        got = _levels(record)
        top = max(got.values(), default=0)
        for who, level in want.items():
            mine = got.get(who, got.get("", 0)) if who else top
            if mine < level:
                whom = f" ({who})" if who else ""
                said = f"Level {mine}{whom}" if mine else "no level"
                short.append(f"the buyer asks for \"Level {level}{whom}\"; the record shows \"{said}\"")
    # how soon: every timescale the record states must be as quick as the buyer's ('within one working day' is met by
    # 'the same working day' and 'within 24 hours', not by 'within five working days'); the other words of the
    # buyer's clause (what is done, for whom) must still be covered by the record
    timescales = _deadlines(record)
    for f in _deadlines(buyer):
        spans.append(f.span)
        if not timescales:
            short.append(f"the buyer asks for \"{f.said}\"; the record gives no timescale")
        else:
            # a working-day timescale never meets one in hours ('within one working day' is not 'within 24 hours')
            slow = [o for o in timescales
                    if o.value > f.value + 1e-6 or (f.key == "hours" and o.key == "working")]
            if slow:
                slowest = max(slow, key=lambda o: o.value)
                short.append(f"the buyer asks for \"{f.said}\"; the record says \"{slowest.said}\"")
    cond = _conditions()
    dated = {stem(str(v)) for v in cond.get("dated_by_record") or []}
    last = max((str(d.get(k) or "") for d in decls for k in ("reviewed_on", "approved_on")), default="")
    # how often: the record must say as often or more often, for the same verb
    theirs = _every(record)
    windows = _windows(buyer)
    for f in _every(buyer):
        spans.append(f.span)
        same = [o for o in theirs if o.key == f.key] if f.key else theirs
        # with no verb to pair them ('complete Prevent training every year'), every frequency the record states must be
        # as often: its 'reported every quarter' is not how often the training is done (never a Yes it cannot back)
        worst = min if f.key else max
        if not same:
            short.append(f"the buyer asks for \"{f.said}\"; the record does not say how often")
        elif worst(o.value for o in same) > f.value + 1e-6:
            short.append(f"the buyer asks for \"{f.said}\"; the record says \"{worst(same, key=lambda o: o.value).said}\"")
        elif f.key in dated:  # 'reviewed annually': the last review falls inside the year too
            windows.append(_Found("window", f.key, f.value, f.said, f.span))
    # how recently: the record's review (or approval) date must fall inside the buyer's window
    for w in windows:
        spans.append(w.span)
        if w.key and w.key not in dated:
            short.append(f"the buyer asks for \"{w.said}\"; the record gives no date for that")
        elif not last:
            short.append(f"the buyer asks for \"{w.said}\"; no review date is recorded")
        elif dt.date.fromisoformat(last) < _months_before(today, int(round(w.value))):
            short.append(f"the buyer asks for \"{w.said}\"; the record's last review or approval is {last}")
    return short, spans


def disclosure(text: str) -> bool:
    """The statement asks the bidder to disclose something ('Have you ever failed ...?', 'Have you had any claims
    ...?', 'Are you aware of any incident ...?'): usually answered No, never from a declaration."""
    spec = _data().get("disclosure") or {}
    s = statement(text)
    return any(re.search(str(f), s, re.I) for f in spec.get("frames") or []) and bool(
        _phrases(spec.get("words")).search(s))


def _norm_words(text: str) -> str:
    cov = _data().get("coverage") or {}
    t = " " + " ".join((text or "").replace("’", "'").split()) + " "
    for theirs, ours in sorted((cov.get("same_words") or {}).items(), key=lambda x: -len(str(x[0]))):
        t = re.sub(r"(?<!\w)" + r"\s+".join(map(re.escape, str(theirs).split())) + r"(?!\w)", f" {ours} ", t, flags=re.I)
    return t


def _word_set(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", _norm_words(text).lower())}


def _uncovered(buyer: str, decls: list[dict], topics: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """The clauses of the buyer's sentence holding a word no declaration it names covers ('a registered social
    worker on call 24 hours a day'), in the buyer's words."""
    cov = _data().get("coverage") or {}
    text = re.sub(r"(?<=\w)\((?:s|es)\)", lambda m: " " * len(m.group(0)), buyer)  # 'check(s)': the plural is the same word
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + " " * (b - a) + text[b:]
    for pattern in cov.get("scope_patterns") or []:
        text = re.sub(str(pattern), lambda m: " " * len(m.group(0)), text, flags=re.I)
    for phrase in sorted((str(x) for x in cov.get("scope_phrases") or []), key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", lambda m: " " * len(m.group(0)),
                      text, flags=re.I)
    record = " ".join(_record_text(d) for d in decls)
    specs = _data().get("topics") or {}
    cues = " ".join(" ".join(map(str, (specs.get(t) or {}).get("any") or [])) for t in topics)
    have = _word_set(record + " " + cues)
    plain = _word_set(" ".join(str(w) for w in cov.get("plain_words") or []))
    anywhere = _phrases(cov.get("every_area")).search(record)
    for theirs, ours in (cov.get("same_words") or {}).items():  # 'their first shift' read as the record's 'start work'
        if len(str(theirs).split()) > 1 and _word_set(str(ours)) <= have | plain:
            text = re.sub(r"(?<!\w)" + r"\s+".join(map(re.escape, str(theirs).split())) + r"(?!\w)",
                          lambda m: " " * len(m.group(0)), text, flags=re.I)
    lost: list[str] = []
    for clause in re.split(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+(?=(?:an?|the|our|your)\s)", text):
        words = []
        for m in re.finditer(r"[A-Za-z0-9£]+(?:[-'’][A-Za-z0-9]+)*", clause):
            raw = m.group(0)
            ws = _word_set(raw)
            if not ws or ws <= have or ws <= plain:
                continue
            if anywhere and raw[:1].isupper() and raw.lower() != "i":
                continue  # the buyer's place name ('the Wendle ... procedures'), covered by 'every area we work in'
            words.append(m)
        if words:
            lost.append(" ".join(clause[words[0].start():words[-1].end()].split()))
    return lost


# ---------------------------------------------------------------- the answer


@dataclass
class Confirmation:
    status: str
    """'confirmed' (a declaration backs it), 'committed' (a commitment the method library backs: :func:`committed`)
    or 'needed'."""
    lines: list[str]
    """The part's sentences: 'Yes.' + the declaration's statement + evidence, or the '[To confirm]' line."""
    topics: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Topics with no declaration recorded."""
    reason: str = ""

    @property
    def coverage(self) -> str:
        if self.status == "confirmed":
            return "confirmed: " + ", ".join(f"declaration {t}" for t in self.topics)
        if self.status == "committed":
            return "Yes: " + self.reason
        return "confirmation needed: " + self.reason


def _sentence(text: str) -> str:
    text = " ".join((text or "").split()).rstrip(" .;")
    return text[:1].upper() + text[1:] + "." if text else ""


def declared(decl: dict) -> str:
    """A declaration's own statement as our sentence: 'We have a named executive safeguarding lead ...', 'We follow
    ...', 'We confirm that every member of staff ... holds ...'."""
    said = _said(decl)
    if re.match(r"(?:we|our)\b", said, re.I):
        return _sentence(said)
    if re.match(r"(?:every|all|each|no)\b", said, re.I):
        return _sentence("We confirm that " + said)
    return _sentence("We have " + said)


def answer(text: str, declarations: dict[str, dict], today: dt.date | None = None) -> Confirmation:
    """The answer to one confirmation sub-point from the recorded ``declarations`` (by topic): "Yes." only when a
    declaration for each topic the statement names meets every condition the buyer sets and covers every clause."""
    today = today or dt.date.today()
    topics = topics_in(text)
    asked = statement(text)
    attach = attachment(text)
    missing = [t for t in topics if t not in declarations]
    decls = [declarations[t] for t in topics if t in declarations]
    short: list[str] = []
    if disclosure(text):
        reason = ("it asks the organisation to disclose (failures, claims, breaches, incidents and the like), and a "
                  "declaration records what we confirm, not what we must disclose")
        line = (f"{MARKER} \"{asked}\": a disclosure, which no declaration answers; answer it from the organisation's "
                f"own records, with the details asked for if Yes.")
        return Confirmation("needed", [line], topics, missing, reason)
    if topics and not missing:
        short, spans = _short_of(asked, decls, today)
        short += [f"the record does not cover \"{c}\"" for c in _uncovered(asked, decls, topics, spans)]
    if not topics or missing or short:
        if not topics:
            reason = "no declaration topic matches this statement"
        elif missing:
            reason = "no declaration is recorded for " + ", ".join(topic_label(t) for t in missing)
        else:
            reason = "; ".join(short)
        line = f"{MARKER} \"{asked}\": not Yes on our record, because {reason}."
        return Confirmation("needed", [line], topics, missing, reason)
    lines = ["Yes."]
    for d in decls:
        said = declared(d)
        if said not in lines:
            lines.append(said)
    for d in decls[:2]:
        ev = d.get("evidence") or ""
        if ev:
            lines.append(_sentence(ev))
    if attach:
        what, ref = attach
        lines.append(f"{'Both are' if what.lower() in {'both', 'them', 'these', 'copies'} else 'It is'} attached as {ref}.")
    return Confirmation("confirmed", lines, topics, [], "")


# ---------------------------------------------------------------- a commitment the method library backs

_COMMIT = re.compile(r"\b(?:will|shall)\b", re.I)
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
_LEVEL = re.compile(r"\blevel\s+(\d)\b", re.I)


def sign_off(text: str) -> bool:
    """The statement is one only the organisation can sign off: a fact about it now ('We have a ... policy ...
    reviewed within the last 24 months', no 'will'), or a topic in ``sign_off`` (insurance, DBS checks, policies
    and their dates, registration), or a disclosure. Never answered Yes from the method library."""
    said = statement(text)
    if disclosure(text) or not _COMMIT.search(said):
        return True
    keys = set(_data().get("sign_off") or [])
    return bool(keys & set(topics_in(text))) or bool(_phrases(_data().get("sign_off_words")).search(said))


def _content(text: str) -> set[str]:
    """Content-word stems, without the buyer's own names (a capitalised word after the first, an acronym): the
    library says 'the local multi-agency procedures' where the buyer names its partnership."""
    plain = set((_data().get("coverage") or {}).get("plain_words") or [])
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
    return {stem(w.lower()) for n, w in enumerate(words)
            if w.lower() not in plain and len(w) > 2 and not (n and w[:1].isupper()) and not w.isupper()}


def _numbers(text: str) -> dict[str, set[str]]:
    """The numbers a sentence sets, by what they count ('level': {'3'}, 'month': {'6'}, 'year': {'3'})."""
    out: dict[str, set[str]] = {}
    for m in re.finditer(r"\blevel\s+(\d)\b", text, re.I):
        out.setdefault("level", set()).add(m.group(1))
    for m in re.finditer(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(day|week|month|year|hour)s?\b",
                         text, re.I):
        n = m.group(1).lower()
        out.setdefault(m.group(2).lower(), set()).add(str(NUMBER_WORDS.get(n, n)))
    return out


def library_commitment(text: str, sentences: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(block id, sentence): the approved method sentence that says how we meet a commitment the buyer asks us to
    confirm ('All staff will complete Level 3 safeguarding training within 6 months of starting'), from
    ``sentences`` ((block id, sentence) of the approved library, filled with the profile); None when the statement
    is for the organisation to sign off (:func:`sign_off`) or no sentence covers it. A sentence covers it when it
    shares at least 0.6 of the statement's content words (four or more; the buyer's own names aside) and sets
    no other number for what the statement counts (a training level, a number of months)."""
    if sign_off(text):
        return None
    said = statement(text)
    want = _content(said)
    theirs = _numbers(said)
    best: tuple[float, str, str] | None = None
    for block_id, sentence in sentences:
        if "{" in sentence or not sentence.strip():
            continue
        ours = _numbers(sentence)
        if any(ours.get(k) and not ours[k] & v for k, v in theirs.items()) or (ours.get("level") and not theirs.get("level")):
            continue  # 'Level 3' where the buyer asks Level 4, '12 months' where it asks 6
        shared = want & _content(sentence)
        score = len(shared) / max(1, len(want))
        if len(shared) >= 4 and score >= 0.6 and (best is None or score > best[0]):
            best = (score, block_id, sentence.strip())
    return (best[1], best[2]) if best else None


def committed(text: str, found: tuple[str, str] | None) -> Confirmation:
    """The answer to a commitment the buyer asks us to confirm (not one for the organisation to sign off):
    'Yes.' and the approved method sentence saying how we meet it (``found``: block id, sentence), or, with none,
    the statement restated as ours. Never 'No'. The bid team signs it off before submission (the compliance
    sheet lists it)."""
    if found:
        return Confirmation("committed", ["Yes.", _sentence(found[1])], topics_in(text), [],
                            f"a commitment, how we meet it from the method library ({found[0]}); sign it off before "
                            f"submission")
    return Confirmation("committed", ["Yes.", restate(text)], topics_in(text), [],
                        "a commitment in the buyer's words (no approved block says how we meet it); sign it off "
                        "before submission")
