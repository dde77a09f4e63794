"""The buyer's standards beyond first contact and workforce, and the buyer's baselines.

A panel marks an answer down when the buyer sets a standard and the answer states a weaker one
beside it ("every safeguarding concern reported on the same working day" against our block's "within
one working day"), ignores a training level, a payment policy's rate or a KPI trajectory, or never
answers the buyer's own baseline ("only 54% of crisis plans shared"). This module reads them:

* **timescales** for the matters in ``phrasebank/buyer_standards.yaml`` (reporting a safeguarding
  concern, sharing a crisis plan, contact after discharge, urgent contact, acknowledging a referral):
  :func:`weaker` finds a sentence of ours on the same matter with a longer timescale, which the answer
  leaves out; the ``buyer standard timescale`` template commits to the buyer's;
* **training levels** ("registered practitioners and team leaders trained to Level 3, before working
  unsupervised"), committed to by the roles and the time the buyer sets;
* **payment rates** for involving people with lived experience ("£20 per hour plus travel costs");
* **KPIs**: a target (by year: "60% in Year 1, rising to 70% from Year 2") and the buyer's baseline for
  the same measure ("38% ... had a paired outcome measure"), answered with our figure for the same
  measure where our records hold it (an indicator id in the phrasebank) and a plan from the baseline.

Nothing here says we already meet a standard: the templates commit to it with a method.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from evidencebot.compose import blockmatch, buyer_kpis, figure_clauses, timings
from evidencebot.compose.consistency import caseloads, normalise
from evidencebot.compose.filters import load_phrasebank
from evidencebot.mentions import NUMBER_OR_WORD, days, number_or_word
from evidencebot.text import BULLETS, line_sentences, table_cells

PHRASEBANK = "buyer_standards.yaml"

_TIME = re.compile(
    rf"(?P<within>within\s+(?:the\s+)?(?P<n>{NUMBER_OR_WORD})\s*(?:\(\d+\)\s*)?(?P<u>working\s+days?|calendar\s+days?|days?|weeks?|"
    rf"hours?)(?P<of>\s+(?:of|after|from)\s+[^.,;:()\n]{{3,45}}(?=[.,;:()\n]|$))?)"
    r"|(?P<same>\b(?:on\s+)?(?:the\s+)?same\s+(?:working\s+)?day)"
    r"|(?P<next>\bby\s+the\s+next\s+working\s+day|\b(?:on\s+)?the\s+next\s+working\s+day)"
    r"|(?P<now>\bimmediately\b)", re.I)
_YEAR = re.compile(r"\b(?:in|during|for|over|to|year\s+to)\s+(?:the\s+)?(?:year\s+(?:to\s+)?)?(?:(?:19|20)\d\d|"
                   r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d\d)",
                   re.I)
_PAST = re.compile(r"\b(?:had|has\s+had|was|were|did|reached|currently|at\s+present|last\s+year|only)\b", re.I)
_PCT = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*%")
# the first step may name whom it counts before its year ('at least 60% of people discharged in Year 1, rising to 70% in
# Year 2 and 75% from Year 3': s25 q02's target was said from Year 2 on, its Year 1 left out; a panel's fault)
_TRAJECTORY = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*%(?:\s+or\s+(?:above|below|lower|higher|more|less|over|under))?"
                         r"(?P<of>\s+of\s+(?:[a-z][\w-]*\s+){1,6}?)?\s*"
                         r"(?P<when>in|from|by(?:\s+the\s+end\s+of)?)\s+(?:Year|Month)\s+(?P<y>\d+)", re.I)


@dataclass
class Standard:
    kind: str
    """'timescale', 'training', 'payment', 'reporting' or 'kpi'."""
    matter: str
    """The matter's key ('safeguarding_report', 'paired_outcome'); for training, the training's subject."""
    text: str
    """The buyer's requirement as the answer writes it ('every safeguarding concern to be reported on the same
    working day'; 'Level 3'; '£20 per hour plus travel costs'; '60% in Year 1, rising to 70% from Year 2')."""
    sentence: str
    """The buyer's sentence it came from."""
    days: float | None = None
    """A timescale in days (a working day counts 1.4, the same day 0.5)."""
    time: str = ""
    """A timescale as the buyer wrote it ('within 2 working days of being agreed or updated')."""
    who: str = ""
    """Training: the roles it is for ('registered practitioners and team leaders'), '' for all staff."""
    when: str = ""
    """Training: by when ('before working unsupervised')."""
    baseline: str = ""
    """KPI: the buyer's current figure ('38%'; '19 days')."""
    baseline_sentence: str = ""
    label: str = ""
    """KPI: the measure in words ('people discharged with a paired outcome measure')."""
    indicator: str = ""
    """KPI: our indicator for the same measure, '' when our records hold none."""
    values: dict = field(default_factory=dict)
    """Requirement: the pattern's groups ('n', 'role', 'freq') and, as '_asked', the buyer's own words matched."""
    share: str = ""
    """Timescale: the buyer's percentage for it ('95%'), '' when the buyer gives none."""
    to: str = ""
    """Timescale: whom it goes to or is done with, as the buyer names it ('the GP and the EPFT CMHT')."""


def _data() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _phrases(words) -> re.Pattern:
    words = [str(w).strip() for w in words or [] if str(w).strip()]
    if not words:
        return re.compile(r"(?!)")
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})", re.I)


@functools.lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[str, ...]:
    """The buyer's sentences (and ';' clauses) of ``text``, read once for all the kinds of standard and scale read
    from the same tender text."""
    flat = re.sub(r"[ \t]*\|[ \t]*", ". ", text or "")
    # a line wrapped inside a sentence goes on; a blank line, a bullet or a list item starts another
    flat = re.sub(r"(?<=[^\n.?!:;])\n(?![ \t]*(?:\n|[-•▪*]|o\s|\(?[a-z0-9ivx]{1,4}[).]\s|[A-Z][^.]{0,80}$))", " ", flat)
    out = []
    for sentence in line_sentences(flat):  # the shared sentences; a clause ended by ';' is a piece of its own here
        for s in re.split(r"(?<=;)\s+", sentence):
            s = s.strip(" -•▪o\t")
            if s:
                out.append(s)
    return tuple(out)


def _days(m: re.Match) -> float:
    if m.group("now"):
        return 0.1
    if m.group("same"):
        return 0.5
    if m.group("next"):
        return 1.4
    return days(number_or_word(m.group("n")) or 0.0, m.group("u"))


def _matter_at(s: str, m: re.Match, prev_end: int, matters: dict, *, ours: bool) -> str | None:
    """The matter a timescale in ``s`` is for: named between the previous timescale (or the sentence's start)
    and it, else in the words after it up to the next comma. In a sentence of ours, the words of its own clause
    only (between semicolons or colons: a list of indicators, 'time from escalation to clinical review; follow-up
    within 72 hours of discharge', gives each its own matter: s20 q09 read the follow-up as a step-up's)."""
    whole = s
    if ours:
        start = max(s.rfind(";", 0, m.start()), s.rfind(":", 0, m.start())) + 1
        ends = [i for i in (s.find(";", m.end()), s.find(":", m.end())) if i >= 0]
        whole = s[start:min(ends) if ends else len(s)]
        prev_end = max(prev_end, start)
    before = s[prev_end:m.start()]
    after = re.split(r"[,;]|\band\b", s[m.end():], maxsplit=1)[0]
    # the whole clause is read for a matter only when this is its one timescale, or a condition on the one before it
    # ('within 3 days of the step-up, and the same working day when the risk is high'): a timescale with words of its
    # own before it is for what those say, and a cue by another timescale of the clause is that one's (s30 q01:
    # 'screened ... within two working days, and ... we will offer everyone accepted a first contact within 5 working
    # days of referral' held the first contact, by the screening's cue, to an urgent referral's 24 hours)
    alone = len(re.findall(r"[A-Za-z]+", before)) <= 3 or not any(t.start() != m.start() for t in _TIME.finditer(whole))
    for window in (before, after, whole) if alone else (before, after):
        for key, spec in matters.items():
            cue = _phrases(list(spec.get("any") or []) + (list(spec.get("ours") or []) if ours else []))
            if cue.search(window) and _phrases(spec.get("with")).search(whole) and not _phrases(
                    spec.get("not")).search(whole):
                return key
        if window is after and not ours:
            break
    return None


def _asks(s: str, data: dict) -> bool:
    return bool(_phrases(data.get("asks")).search(s)) and not _YEAR.search(s) and not re.search(
        r"\b(?:were|was|had|reached)\b", s, re.I)


def _instruction(s: str, data: dict) -> bool:
    """A buyer's list item that starts with what is done, in lower case ('report patient safety incidents to the
    Commissioners within 2 working days ...'): it asks, as the stem it hangs from does."""
    first = re.match(r"[a-z][a-z-]*", s or "")
    return first is not None and first.group(0) in {str(w).lower() for w in data.get("instruction_verbs") or []}


def _tables(text: str) -> list[str]:
    """The buyer's tables in ``text`` that are not KPI tables (:mod:`buyer_kpis` answers those a row per KPI)."""
    tables = re.findall(r"(?:^[ \t]*\|.*\|[ \t]*(?:\n|$))+", text or "", re.M)
    return [t for t in tables if not buyer_kpis.read(t)]


def _rows(text: str) -> list[str]:
    """The rows of a buyer's table of standards, each read as one sentence ('Decision on a step-up referral ... 95%
    within 4 hours of referral'): its matter, target and timescale sit in separate cells, which the sentences of
    :func:`_sentences` split. None from a KPI table (:mod:`buyer_kpis` answers it a row per KPI): the text of a
    tender holds several tables."""
    out = []
    for line in (line for table in _tables(text) for line in table.splitlines()):
        cells = table_cells(line)
        cells = [c for c in cells if c and not re.fullmatch(r"[-: ]+", c)]
        # two rows run together on one line (a row's last cell, then the next row's first: 'within 4 hours of referral
        # Early warning signs and ...') are two rows
        pieces: list[list[str]] = [[]]
        for c in cells:
            run = re.match(r"((?:within|same|on\s+the\s+same)\b[^A-Z]*?)\s+([A-Z][a-z]+\s+[a-z].*)$", c)
            if run:
                pieces[-1].append(run.group(1))
                pieces.append([run.group(2)])
            else:
                pieces[-1].append(c)
        for row in pieces:
            if 2 <= len(row) and all(len(c.split()) <= 30 for c in row) and _TIME.search(" ".join(row)):
                # (a row holding the question's own long text is read by its sentences)
                out.append(", ".join(c.rstrip(".,") for c in row))
    return out


def _share(s: str, start: int, m: re.Match, row: bool) -> str:
    """The buyer's percentage for the timescale ``m`` of ``s``: the last one before it in its clause (since the
    previous timescale, ``start``: '95% of referrals triaged within 2 working days'), else one in brackets right after
    it in its clause ('... within 1 working day (95%)', '... in 95% of cases'), else a table row's only one."""
    before = list(_PCT.finditer(s[start:m.start()]))
    if before:
        return f"{before[-1].group('n')}%"
    rest = s[m.end():]
    nxt = _TIME.search(rest)
    after = _PCT.search(re.split(r"[;.]\s", rest[:nxt.start()] if nxt else rest, maxsplit=1)[0])
    if after:  # '... within 15 working days for at least 85% of people', '... within 1 working day (95%)'
        return f"{after.group('n')}%"
    every = list(_PCT.finditer(s))
    return f"{every[0].group('n')}%" if row and len(every) == 1 else ""


def timescales(text: str) -> list[Standard]:
    """The buyer's timescale standards in ``text``, one per matter (the first asked), with the buyer's percentage
    for each and whom it goes to, where the buyer says."""
    data = _data()
    matters = data.get("matters") or {}
    out: dict[str, Standard] = {}
    rows = _rows(text)
    flat = " ".join((text or "").split())

    def at(piece: str) -> int:
        i = flat.find(" ".join(piece.split(", ", 1)[0].split())[:40])
        return i if i >= 0 else len(flat)

    # in the order of the text (the question's own first: the tender's other questions follow it), a table's row before
    # the sentences its cells make, which split a row's matter from its timescale
    # a table read by its rows is not read again by the sentences its cells make, which run one row's matter into the
    # next row's timescale (s25 q03: the crisis plan's '90% ... within 20 working days' read as the early-warning contact)
    rest = text or ""
    for table in _tables(text):
        if any(r in rows for r in _rows(table)):
            rest = rest.replace(table, "\n")
    # each row's longest cell that is neither a timescale nor a percentage: its matter as the buyer wrote it
    matter_cells = [max(cells, key=len)[:40] for cells in (
        [c for c in r.split(", ") if not _TIME.search(c) and not _PCT.search(c)] for r in rows) if cells]
    ordered = sorted([(at(r), 0, r) for r in rows] + [(at(x), 1, x) for x in _sentences(rest)])
    for s in (x for _, _, x in ordered):
        if s not in rows and not (_asks(s, data) or _targets_in(s, data) or _instruction(s, data) or _listed(s)):
            continue
        if s not in rows and any(len(m) >= 12 and m in s for m in matter_cells):
            continue  # a table read by its rows, said again as a run of cells (the tender's facts quote it flattened)
        if s in rows and (_YEAR.search(s) or _PAST.search(s)):
            continue  # a table of the buyer's past figures
        prev, last = 0, None
        for m in _TIME.finditer(s):
            key = _matter_at(s, m, prev, matters, ours=False)
            start, prev = prev, m.end()
            key = key or last
            last = key
            if key is not None and key in out and out[key].sentence == s and re.fullmatch(
                    r"\s*,?\s*(?:and|or)\s+", s[start:m.start()]):
                # a second time for the same matter, under a condition ('same day, and within 4 hours where increased
                # risk is reported'): said with the first
                cond = re.match(r"\s+(?:where|when|if|for)\b[^,;.]*", s[m.end():])
                more = f", and {' '.join(m.group(0).split())}" + (" " + " ".join(cond.group(0).split()) if cond else "")
                if more not in out[key].time:  # (the tender's text may hold the same row twice)
                    out[key].time += more
                continue
            if key is None or key in out:
                continue
            time = " ".join(m.group(0).split())
            if m.group("same") and not time.lower().startswith("on "):
                time = "on the " + time if not time.lower().startswith("the ") else "on " + time
            spec = matters[key]
            to = re.search(str(spec["to"]), s) if spec.get("to") else None
            says = str(spec.get("says") or "{time}")
            prep = str(spec.get("to_prep") or "to")
            out[key] = Standard("timescale", key, says.format(time=time, to=f" {prep} {to.group('to')}" if to else ""),
                                s, days=_days(m), time=time, share=_share(s, start, m, s in rows),
                                to=" ".join(to.group("to").split()) if to else "")
    return list(out.values())


def _listed(s: str) -> bool:
    """A buyer's list item that gives a timescale with its percentage and nothing of the past ('urgent referrals
    contacted within 24 hours (95%);'): a standard, as the stem it hangs from ('Access standards (Schedule 6)') says."""
    return bool(_PCT.search(s) and _TIME.search(s)) and not _PAST.search(s) and not _YEAR.search(s)


def commitment(standard: Standard) -> str:
    """The buyer's timescale standard said as our commitment, in our words, with its percentage and who does it and
    how ('We will contact 95% of urgent referrals within 4 hours: the duty worker marks a referral urgent when it is
    read and calls the person, ...'): the matter's ``commit`` (``commit_all`` without a percentage) and ``how`` in the
    phrasebank. '' for a matter the phrasebank gives no active phrase for."""
    spec = (_data().get("matters") or {}).get(standard.matter) or {}
    phrase = str(spec.get("commit") if standard.share and spec.get("commit") else spec.get("commit_all") or "")
    if not phrase:
        return ""
    # a condition of the buyer's ('and within 4 hours where increased risk is reported') in words the evidence checker
    # does not read as a result of ours
    time = re.sub(r"\b(is|are)\s+reported\b", r"\1 raised with us", standard.time)
    if spec.get("from") and time.lower().startswith("within") and not re.search(r"\b(?:of|after|from)\b", time, re.I):
        time += " " + str(spec["from"])
    prep = str(spec.get("to_prep") or "to")
    said = phrase.format(share=f"{standard.share} of " if standard.share else "", time=time,
                         to=f" {prep} {standard.to}" if standard.to else "")
    how = str(spec.get("how") or "").strip().rstrip(".")
    return "We will " + " ".join(said.split()) + (f": {how}." if how else ".")


def _bare(time: str) -> str:
    """A timescale without what it runs from ('within 2 working days of being agreed' -> 'within 2 working days')."""
    return re.sub(r"\s+(?:of|after|from)\s+.*$", "", time or "", flags=re.I)


def hold(sentence: str, standards: list[Standard]) -> tuple[str, list[tuple[str, str]]]:
    """``sentence`` (ours) with each timescale on a matter the buyer sets a shorter one for said with the buyer's, what
    it runs from kept ours ('A clinical lead reviews the escalation within 72 hours of the step-up' against the buyer's
    'step-up requests responded to within 4 hours' -> '... within 4 hours of the step-up'); ours is kept where it is as
    short or shorter. The matter is read from the words of the clause (``matters`` in the phrasebank), as
    :func:`weaker` reads it. A condition left saying the same time twice goes ('..., and within 4 hours when the risk
    is high'). Returns the sentence and [(ours, the buyer's)] as written."""
    slow = {st.matter: st for st in standards if st.kind == "timescale" and st.days is not None}
    if not slow or not _TIME.search(sentence or ""):
        return sentence, []
    matters = _data().get("matters") or {}
    edits = []
    prev = 0
    for m in _TIME.finditer(sentence):
        key = _matter_at(sentence, m, prev, matters, ours=True)
        prev = m.end()
        st = slow.get(key) if key else None
        later = st is not None and _runs_later(m.group("of") or "", st.time)
        if st is None or st.days is None or (_days(m) <= st.days + 1e-9 and not later):
            continue
        new = st.time if later else _bare(st.time)
        if m.group("of") and new.lower().startswith("within") and not later:
            new += m.group("of")
        edits.append((m.start(), m.end(), new, " ".join(m.group(0).split())))
    out = sentence
    for start, end, new, _ in reversed(edits):
        out = out[:start] + new + out[end:]
    for bare in dict.fromkeys(_bare(new) for _, _, new, _ in edits):
        first = re.search(rf"{re.escape(bare)}(?:\s+(?:of|after|from)\s+[^,;.]+)?", out, re.I)
        if first is not None:
            # the condition after the first statement of it says nothing more ('within 4 hours of the step-up, and
            # within 4 hours when the risk is high')
            rest = re.sub(rf",?\s+(?:and|or)\s+{re.escape(bare)}\s+(?:when|if|where|for)\b[^,;.]*", "",
                          out[first.end():], flags=re.I)
            out = out[:first.end()] + rest
    return out, [(old, new) for _, _, new, old in edits]


def _from(words: str) -> str:
    """The event a timescale runs from, as :mod:`timings` names it ('of the referral' -> 'referral'; '' for any other:
    'of the first meeting', 'of starting')."""
    m = re.search(r"\b(?:of|after|from|following)\s+(?:the\s+|their\s+|a\s+|his\s+|her\s+)?(?P<e>[^.,;:()]+?)\s*$",
                  words or "", re.I)
    return timings.event_of(m.group("e")) if m else ""


def _runs_later(ours: str, theirs: str) -> bool:
    """Whether our timescale's clock starts later than the buyer's for the same act (session 37, s36 panel FIRM: our
    'starts job search with the person within four weeks of the first meeting' against the buyer's 'within 30 days of
    referral'; the first meeting may itself be days after the referral). True when the buyer's runs from the referral
    and ours names another event: every step of ours comes after the referral, so ours says the buyer's time."""
    return bool(ours.strip()) and _from(theirs) == "referral" and _from(ours) != "referral"


def hold_only(standard: Standard) -> bool:
    """Whether ``standard``'s matter only holds our sentences to the buyer's time (phrasebank ``hold_only``): the
    buyer's own sentence is echoed as it stands, so no template restates it in other words (session 36)."""
    spec = (_data().get("matters") or {}).get(standard.matter) or {}
    return standard.kind == "timescale" and bool(spec.get("hold_only"))


def matters_in(sentence: str) -> set[str]:
    """The matters of the timescales ``sentence`` (ours) states, read as :func:`weaker` reads them."""
    matters = _data().get("matters") or {}
    out, prev = set(), 0
    for m in _TIME.finditer(sentence or ""):
        key = _matter_at(sentence, m, prev, matters, ours=True)
        prev = m.end()
        if key:
            out.add(key)
    return out


def weaker(sentence: str, standard: Standard) -> bool:
    """True when ``sentence`` (ours) states a timescale on the standard's matter that is longer than the
    buyer's ('within one working day' beside 'on the same working day')."""
    if standard.kind != "timescale" or standard.days is None:
        return False
    matters = _data().get("matters") or {}
    prev = 0
    for m in _TIME.finditer(sentence or ""):
        key = _matter_at(sentence, m, prev, matters, ours=True)
        prev = m.end()
        if key == standard.matter and _days(m) > standard.days + 1e-9:
            return True
    return False


def routine_contact(text: str) -> tuple[str, float, str] | None:
    """A routine first-contact standard written after an urgent one without its own 'within' ('contact within
    4 hours for urgent referrals and 5 working days for routine referrals'): (as written, days, sentence)."""
    for s in _sentences(text):
        m = re.search(rf"(?:within\s+)?(?P<n>{NUMBER_OR_WORD})\s+(?P<u>working\s+days?|calendar\s+days?|days?|weeks?)\s+for\s+"
                      r"(?:all\s+)?routine\b", s, re.I)
        if m and _asks(s, _data()):
            unit = " ".join(m.group("u").lower().split())
            return f"{m.group('n')} {unit} of referral", days(number_or_word(m.group("n")) or 0.0, unit), s
    return None


# ---------------------------------------------------------------- training, payment


def training(text: str) -> list[Standard]:
    """The buyer's training levels: 'registered practitioners and team leaders trained to Level 3, before
    working unsupervised'; 'All staff must complete the ... Standard (Level 2) within six months of starting'."""
    data = _data().get("training") or {}
    level = re.compile("|".join(data.get("level") or [r"(?!)"]), re.I)
    when_re = re.compile("|".join(data.get("when") or [r"(?!)"]), re.I)
    words = _phrases(data.get("words"))
    out: list[Standard] = []
    for s in _sentences(text):
        m = level.search(s)
        if not m or not words.search(s) or not _asks(s, _data()) and not re.search(r"\bwill\s+complete\b", s, re.I):
            continue
        lvl = f"Level {m.group('n')}"
        if any(x.text == lvl for x in out):
            continue
        who = ""
        w = re.search(r"\b(?:with|for)\s+(?P<who>[a-z][a-z ,]{3,60}?)\s+(?:being\s+)?trained\s+to\s+level", s, re.I) or \
            re.search(r"level\s+\d\s+for\s+(?P<who>[a-z][a-z ,]{3,60}?)(?=[.,;(]|\s+(?:within|before|by)\b|$)", s, re.I) or \
            re.search(r"(?:^|[,;]\s*|\band\s+)(?P<who>(?!all\b)[A-Za-z][a-z]+(?:\s+[a-z]+){0,4}?)\s+(?:must|will|should|are\s+to)\s+"
                      r"(?:be\s+trained|hold|reach|complete)\b[^.;]{0,40}?level", s, re.I)
        if w:
            who = w.group("who").strip(" ,")
        subject = ""
        t = re.search(r"\bcomplete\s+(?P<what>(?:the\s+)?[^,;]{3,90}?)\s*(?:\(level\s+\d\)|\bat\s+the\s+level|\bto\s+level|"
                      r"\bwithin\b|\bbefore\b)", s, re.I)
        t = t or re.search(r"level\s+\d\s+(?P<what>[a-z][a-z ]{2,40}?)\s+training\b", s, re.I)
        if t:
            subject = re.sub(r"\s+training$", "", t.group("what").strip(), flags=re.I)
            subject = re.sub(r"^level\s+\d\s+", "", subject, flags=re.I)  # the level is said once, after it
        when = when_re.search(s)
        out.append(Standard("training", subject, lvl, s, who=who, when=when.group(0).strip(" ,") if when else ""))
    return out


def payment(text: str) -> list[Standard]:
    """The buyer's rate for paying people with lived experience ('£20 per hour plus travel costs')."""
    data = _data().get("payment") or {}
    rate = re.compile("|".join(data.get("rate") or [r"(?!)"]), re.I)
    words = _phrases(data.get("words"))
    for s in _sentences(text):
        m = rate.search(s)
        if m and words.search(s):
            policy = re.search(r"((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on)\s+)?){1,6}Polic(?:y|ies))\b", s)
            name = policy.group(1).strip() if policy else ""
            name = re.sub(r"^(?:The|the|Its|its|Our|our)\s+", "", name)
            return [Standard("payment", name, " ".join(m.group(0).split()), s)]
    return []


_REPORT = re.compile(r"\breport(?:s|ing)?\b(?P<body>[^.;]{0,120}?)\b(?P<freq>quarterly|monthly|annually|every\s+(?:month|quarter|"
                     r"year|six\s+months))\b(?P<rest>[^.;]{0,160})", re.I)
_REPORT_TO = re.compile(r"\bto\s+(?:the\s+)?(?P<to>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on)\s+)?){0,8}(?:Board|Committee|Group|"
                        r"Alliance|Partnership|Forum|Panel|Meeting))\b")
_AGAINST = re.compile(r"\bagainst\s+(?P<against>the\s+[^.,;]{3,50}?)(?=\s+to\s+(?:the\s+)?[A-Z]|[.,;]|$)", re.I)
_BROKEN_DOWN = re.compile(r"\bbroken\s+down\s+by\s+(?P<by>[a-z][a-z ,]{3,70}?)(?=[.;:]|$|\s+(?:and\s+)?(?:how|with|so)\b)",
                          re.I | re.M)


def reporting(text: str) -> list[Standard]:
    """The buyer's reporting standard: how often, to which board, against what ('report quarterly against the
    KPI schedule in Annex E to the Hartmoor and Wendle Mental Health Partnership Board'), with the breakdowns
    the buyer asks for anywhere in the question ('broken down by locality, ethnicity and deprivation')."""
    by = _BROKEN_DOWN.search(re.sub(r"[ \t]+", " ", text or ""))
    for s in _sentences(text):
        m = _REPORT.search(s)
        if not m or not _asks(s, _data()) and not re.search(r"\band\s+report\b", s, re.I):
            continue
        around = m.group("body") + " " + m.group("rest")
        to = _REPORT_TO.search(around)
        if to is None:
            continue
        against = _AGAINST.search(around)
        freq = m.group("freq").lower()
        return [Standard("reporting", to.group("to").strip(), freq, s, when=against.group("against") if against else "",
                         who=by.group("by").strip(" ,") if by else "")]
    return []


def reports_before_start(standard: Standard) -> bool:
    """Whether the board a reporting standard names meets before the contract starts (a mobilisation,
    transition or implementation board: its name or the buyer's sentence says so)."""
    cue = _phrases((_data().get("reporting") or {}).get("before_start"))
    return bool(cue.search(standard.matter) or cue.search(standard.sentence))


# ---------------------------------------------------------------- KPIs and baselines


def _measure(s: str, measures: dict) -> str | None:
    low = s.lower()
    for key, spec in measures.items():
        # `none`: words that make it another measure of the same people ('paired ReQoL-10 scores showing reliable
        # improvement' is an outcome's share, not the share with a paired measure: s28 q09 quoted KPI 5's 55% as KPI 4's)
        if _phrases(spec.get("any")).search(s) and all(str(w) in low for w in spec.get("all") or []) \
                and not (spec.get("none") and _phrases(spec.get("none")).search(s)):
            return key
    return None


def _targets_in(s: str, data: dict) -> bool:
    kpi = data.get("kpi") or {}
    return bool(_PCT.search(s) and (_phrases(kpi.get("target_words")).search(s) or _TRAJECTORY.search(s)))


def _target_text(s: str) -> str:
    years = list(_TRAJECTORY.finditer(s))
    if years:
        # the steps of one trajectory: joined by ', ', 'and', 'rising to' (not a second measure's target after it)
        last = years[0]
        for m in years[1:]:
            if not re.fullmatch(r"\s*,?\s*(?:(?:rising|falling)\s+to\s+|and\s+|then\s+)?", s[last.end():m.start()], re.I):
                break
            last = m
        said = s[years[0].start():last.end()]
        of = years[0].group("of")
        if of:  # whom it counts is the measure's label, said before it: the steps alone here
            said = said.replace(of, " ", 1)
        return " ".join(said.split())
    share = re.search(r"(?:(?:below|under|above|over|at\s+least|no\s+more\s+than|no\s+less\s+than)\s+)?\d+(?:\.\d+)?\s*%",
                      s, re.I)
    return " ".join(share.group(0).split()) if share else ""


_GENERIC_OF = {"people", "them", "those", "these", "all", "the", "each", "every", "cases", "us", "it"}


def _own_measure(s: str) -> bool:
    """A target that says what it is a share of ('30% of eligible CRHT discharges to be stepped down') names a
    measure of its own; 'The target is 90%' or '90% of people' is the sentence before's."""
    m = re.search(r"\d+(?:\.\d+)?\s*%\s+of\s+(.+?)(?=\s+(?:by|to|in|within|from|at|on|before|for|who|that|are|is|will)\b"
                  r"|[,.;:]|$)", s)
    return bool(m and set(m.group(1).lower().split()[:4]) - _GENERIC_OF)


_KPI_LINE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]\s*)?KPI\s*\d+[a-z]?\s*[:.–—-]", re.I)



def _kpi_units(text: str) -> list[tuple[str, str | None]]:
    """The buyer's sentences of ``text`` in order, each with None; but each row of a table whose header names a target
    column (``kpi.target_column``) is one unit, with its target cell: the target is the same row's, in whatever column
    order ('| 90% | People referred on discharge ... contacted within 72 hours of discharge | ... |' under '| Target |
    Indicator | ...'), never the next or the last row's read cell by cell."""
    pat = re.compile(str((_data().get("kpi") or {}).get("target_column") or r"(?!)"), re.I)
    lines = (text or "").splitlines()
    out: list[tuple[str, str | None]] = []
    chunk: list[str] = []
    i = 0
    while i < len(lines):
        rule = i + 1 < len(lines) and re.fullmatch(r"\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*", lines[i + 1].strip())
        head = table_cells(lines[i]) if lines[i].count("|") >= 2 and rule else []
        at = next((j for j, h in enumerate(head) if pat.search(h)), None)
        if at is None:
            chunk.append(lines[i])
            i += 1
            continue
        out += [(u, None) for u in _sentences("\n".join(chunk))]
        chunk = []
        i += 2
        while i < len(lines) and lines[i].count("|") >= 2:
            cells = table_cells(lines[i])
            if at < len(cells) and _PCT.search(cells[at]):
                rest = [c for j, c in enumerate(cells) if j != at and c]
                out.append((" – ".join(rest), cells[at]))
            else:
                out += [(u, None) for u in _sentences(lines[i])]
            i += 1
    if out:
        return out + [(u, None) for u in _sentences("\n".join(chunk))]
    return [(u, None) for u in _sentences(text)]  # no table with a target column: as read for every kind


def _segment_of(s: str, key: str, measures: dict) -> str:
    """The part of ``s`` whose target is the measure ``key``'s when ``s`` gives several measures each with its own
    target ('... within 2 working days (target 90%, KPI 8), and follow-up contact within 72 hours of discharge ...
    (target 85%, KPI 6)': s21 q04 quoted 90% as the 72-hour target): the sentence cut after each target's own aside
    or clause, and the one piece that names the measure. ``s`` itself when it gives one target, or no one piece names
    the measure alone."""
    cuts = [m.end() for m in re.finditer(r"\d+(?:\.\d+)?\s*%[^()]*?\)(?=\s*[,;])|\d+(?:\.\d+)?\s*%(?=\s*(?:;|,\s+and\b))", s)]
    if not cuts:
        return s
    pieces = [s[a:b] for a, b in zip([0] + cuts, cuts + [len(s)]) if _PCT.search(s[a:b])]
    if len(pieces) < 2:
        return s
    fits = [p for p in pieces if _measure(p, {key: measures[key]}) == key]
    return fits[0] if len(fits) == 1 else s


def kpis(text: str) -> list[Standard]:
    """The buyer's KPI targets and baselines, one per measure: the target (by year where given) with the
    buyer's baseline for the same measure; a baseline with no target is kept too (the buyer's figure an
    answer should meet with ours). A target sentence naming no measure is for the measure of the sentence
    before it ('The target is 90% by the end of Year 2')."""
    data = _data()
    kpi = data.get("kpi") or {}
    measures = kpi.get("measures") or {}
    out: dict[str, Standard] = {}
    last = None
    named = None  # the measure whose words the last sentence with a figure named ('29% of adults are from ... groups')
    units = [(part, cell) for whole, cell in _kpi_units(text)
             for part in ([whole] if cell else re.split(r",\s+and\s+(?=\d+(?:\.\d+)?\s*%)", whole))]
    for s, cell in units:
        key = _measure(s, measures)
        if cell is not None:
            # a row of the buyer's KPI table with its target cell: the row's measure, the row's target
            if key is not None:
                spec = measures[key]
                st = out.setdefault(key, Standard("kpi", key, "", s, label=str(spec.get("label") or key),
                                                  indicator=str(spec.get("indicator") or "")))
                if not st.text:
                    text = " ".join(cell.split())
                    # a cell's capital is no sentence's ('At least 90%': 'the buyer's target ... is at least 90%')
                    st.text, st.sentence = (text[:1].lower() + text[1:] if not text[1:2].isupper() else text), s
            last = key
            continue
        wait = re.search(r"\bmedian\s+wait\b[^.]{0,60}?\b(?P<n>\d+)\s+(?P<u>days|weeks)\b", s, re.I) or \
            re.search(r"\b(?P<n>\d+)[- ](?P<u>day|week)s?\s+median\s+wait\b", s, re.I)
        if wait and not _targets_in(s, data):
            unit = wait.group("u").lower().rstrip("s") + "s"
            st = out.setdefault("median_wait", Standard("kpi", "median_wait", "", s, label="the median wait from referral "
                                                        "to first contact", indicator="median_wait"))
            st.baseline, st.baseline_sentence = f"{wait.group('n')} {unit}", s
            last = "median_wait"
            continue
        labelled = bool(_KPI_LINE.match(s))
        if labelled and key is None:
            # 'KPI 10: ethnicity recorded – 95%' names a measure of its own, one we have no words for: never the
            # measure of the line before (s20: it became the DNA rate's target, and 'KPI 1: initial contact ...' the
            # safeguarding standard's)
            last = None
            continue
        if not _PCT.search(s):
            last = key or last
            continue
        if key is None and named and re.search(r"\b(?:these|those|this)\s+groups?\b", s, re.I) and all(
                str(w) in s.lower() for w in measures[named].get("all") or []):
            key = named  # 'only 8% of referrals ... were for people from these groups'
        named = next((k for k, spec in measures.items() if _phrases(spec.get("any")).search(s)), named)
        # a labelled KPI line's figure is its target ('KPI 9: did not attend (DNA) rate for first appointments – below
        # 10%': 'did' is no past figure)
        if (_targets_in(s, data) or labelled) and not (_YEAR.search(s) or (_PAST.search(s) and not labelled)):
            if key is None and _own_measure(s):
                # '30% of eligible CRHT discharges to be stepped down ..., and 45% by Year 2': a measure of its own,
                # not the last one named, and nor is the step after it
                last = None
                continue
            key = key or last
            if key is None or key not in measures:
                continue  # no measure named, or the one before is the median wait: a percentage is no target for it
            spec = measures[key]
            own = _segment_of(s, key, measures)  # of several targets, the one in the measure's own clause
            target = _target_text(own)
            at = s.find(target) if target else -1
            digit = re.search(r"\d", target)
            if at >= 0 and digit and _measured(s, at + digit.start(), spec) is False:
                # the target's own clause measures something else ('so that missing data falls below 10% by March
                # 2029' in a question about referrals from minority ethnic groups: s11 q08)
                continue
            st = out.setdefault(key, Standard("kpi", key, "", s, label=str(spec.get("label") or key),
                                              indicator=str(spec.get("indicator") or "")))
            if not st.text:
                st.text, st.sentence = target, s
            last = key
        elif key and (_YEAR.search(s) or _PAST.search(s)):
            spec = measures[key]
            pct = _own_share(s, spec)
            if pct:  # a past sentence on the matter whose shares measure something else is no baseline for it
                st = out.setdefault(key, Standard("kpi", key, "", s, label=str(spec.get("label") or key),
                                                  indicator=str(spec.get("indicator") or "")))
                if not st.baseline:
                    st.baseline, st.baseline_sentence = f"{pct.group('n')}%", s
            last = key
    # a measure with neither a target nor a baseline gives the answer no figure of the buyer's to say (s30 q08 wrote
    # "The buyer's current figure for safeguarding concerns reported within the standard is ." from a sentence whose
    # shares were of the concerns' kinds)
    out = {key: st for key, st in out.items() if st.text.strip() or st.baseline.strip()}
    for key, st in out.items():  # the people the target counts, from a sentence that gives the target (never a
        # baseline's 'people leaving the current service')
        st.label = _label_of(key, st.label, [u for u, _ in units if st.text and st.text in u], measures)
    return list(out.values())


def _label_of(key: str, label: str, sentences: list[str], measures: dict) -> str:
    """The measure's label with the people it counts as the buyer names them (s24 contradictions A4/B4: our default
    'people discharged with a paired outcome measure' where the buyer's KPI is '90% of people open to the service for
    6 months or more have a paired outcome measure'): ``label_of`` of the measure with ``kpi.base_of``'s ``base`` read
    from a sentence of the buyer's that gives the target and names the measure; else ``label``."""
    spec = measures.get(key) or {}
    template = str(spec.get("label_of") or "")
    pats = [re.compile(str(p), re.I) for p in (_data().get("kpi") or {}).get("base_of") or []]
    if not template or not pats:
        return label
    for s in sentences:
        if _measure(s, {key: spec}) != key:
            continue
        for pat in pats:
            m = pat.search(s)
            if m:
                return template.format(base=" ".join(m.group("base").split()))
    return label


def _measured(s: str, start: int, spec: dict) -> bool | None:
    """Whether the figure at ``start`` of ``s`` is of the measure ``spec`` names, from its own clause (None: its
    clause names nothing)."""
    want = " ".join([str(spec.get("label") or "")] + [str(w) for w in (spec.get("any") or []) + (spec.get("all") or [])])
    return figure_clauses.measured(s, start, want, [str(w) for w in spec.get("all") or []])


def _own_share(s: str, spec: dict) -> re.Match | None:
    """The percentage of ``s`` that its own clause says is of the measure ``spec`` names ('only 4.9% of referrals'),
    read from the dependency parse (:mod:`figure_clauses`), not the first one of the sentence: '8.6% of adults are from
    Black, Asian, mixed or other minority ethnic groups, ... yet these groups made up only 4.9% of referrals' gave the
    population share as the referral figure (s9 q09, s11 q08, s12 q08). A lone percentage whose clause names nothing
    is the measure's; one whose clause names another measure, or one of several none of which names it, is not
    (unsure: the buyer's sentence is not restated)."""
    found = list(_PCT.finditer(s))
    if not found:
        return None
    verdicts = [_measured(s, m.start(), spec) for m in found]
    fits = [m for m, ok in zip(found, verdicts) if ok]
    if fits:
        return fits[0]
    return found[0] if len(found) == 1 and verdicts[0] is None else None


_TIMES = re.compile(r"\b\d+(?:\.\d+)?\s+(?:hours?|working\s+days?|days?|weeks?|months?)\b", re.I)


def kpi_line(sentence: str) -> bool:
    """A labelled KPI line of the buyer's ('KPI 5: step-up requests responded to within 4 hours – 95%')."""
    return bool(_KPI_LINE.match(sentence or ""))


def unpublished(sentence: str, buyer_text: str) -> list[str]:
    """The figures ``sentence`` gives as the buyer's (``published.claims``: 'the buyer's target', 'the buyer's current
    figure') that no sentence of the buyer's states for the same measure: none holds that share with every time figure
    of ours beside it and a word of ours for the measure; for a current figure, none that gives it for now or a past
    period (a KPI line or a target is no current figure). [] when every figure it attributes is the buyer's."""
    spec = _data().get("published") or {}
    claims = list(_phrases(spec.get("claims")).finditer(sentence or ""))
    if not claims:
        return []
    generic = {str(w) for w in spec.get("generic") or []}
    base = _phrases(spec.get("baseline"))
    ours_times = {" ".join(t.lower().split()) for t in _TIMES.findall(sentence)}
    words = set(blockmatch.tokens(_PCT.sub(" ", sentence))) - generic - {w for t in ours_times for w in t.split()}
    rows = [line for line in (buyer_text or "").splitlines() if line.count("|") >= 2]  # a table's row, read whole
    buyer = [(s, {float(m.group("n")) for m in _PCT.finditer(s)}) for s in rows + list(_sentences(buyer_text))]
    out = []
    for i, c in enumerate(claims):
        clause = sentence[c.start():claims[i + 1].start() if i + 1 < len(claims) else len(sentence)]
        now = bool(base.search(c.group(0)))
        for f in _PCT.finditer(clause):
            value = float(f.group("n"))
            if not any(value in shares and all(t in " ".join(s.lower().split()) for t in ours_times)
                       and (not words or words & set(blockmatch.tokens(s)))
                       and (not now or (not _KPI_LINE.match(s) and (_PAST.search(s) or _YEAR.search(s)
                                                                     or re.search(r"\bcurrent", s, re.I))))
                       for s, shares in buyer):
                out.append(" ".join(clause.split()))
                break
    return out


def agrees_later(sentence: str, standard: Standard) -> bool:
    """True when ``sentence`` (ours) proposes to agree later a target or trajectory for the measure of a KPI
    the buyer has set one for already."""
    if standard.kind != "kpi" or not standard.text:
        return False
    data = _data().get("kpi") or {}
    spec = (data.get("measures") or {}).get(standard.matter) or {}
    later = re.compile("|".join(data.get("agree_later") or [r"(?!)"]), re.I)
    return bool(later.search(sentence or "") and _phrases(list(spec.get("any") or []) + ["paired-score"]
                                                          if standard.matter == "paired_outcome" else spec.get("any")).search(sentence or ""))


def sets_standard_for(standard: Standard, timescales: list[Standard]) -> bool:
    """True when one of the buyer's ``timescales`` is a standard for the KPI's measure (a crisis plan timescale
    for crisis plans shared, not a same-day safeguarding one for paired outcome measures): the measure's
    ``timescale`` matter in the phrasebank."""
    spec = ((_data().get("kpi") or {}).get("measures") or {}).get(standard.matter) or {}
    matter = str(spec.get("timescale") or "")
    return bool(matter) and any(t.kind == "timescale" and t.matter == matter for t in timescales)


def baseline_when(sentence: str) -> str:
    """The period the buyer's baseline is for, as the buyer wrote it ('2025/26', 'the year to March 2026'); never the
    year of a target's date ('against an ICB target of 90% by March 2029': s13 q06 was drafted 'the buyer's current
    figure ... is 81% (2029)')."""
    m = re.search(r"\b(?:19|20)\d\d/\d\d\b", sentence or "") or re.search(
        r"\bthe\s+year\s+to\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b", sentence or "")
    if m:
        return m.group(0)
    for y in re.finditer(r"\b(?:19|20)\d\d\b", sentence or ""):
        if not _TARGET_DATE.search((sentence or "")[:y.start()]):
            return y.group(0)
    return ""


_TARGET_DATE = re.compile(r"\b(?:by|from|until|before|to|end\s+of)\s+(?:[A-Z][a-z]+\s+)?$|\btarget\b[^.;]*$", re.I)


def requirements(text: str) -> list[Standard]:
    """The buyer's other named requirements in ``text`` (``requirements`` in the phrasebank: a referral route, a
    caseload ceiling, supervision and reflective practice, a plan's review, a board's review, a meeting, a date,
    a policy's rules, a pay floor), one per kind: ``text`` is our commitment in the buyer's own figures and names
    ('No recovery practitioner will hold a caseload of more than 22 people'), ``who`` how we check it."""
    specs = _data().get("requirements") or {}
    out: dict[str, Standard] = {}
    for s in _sentences(text):
        if _YEAR.search(s) and re.search(r"\b(?:were|was|had)\b", s, re.I):
            continue  # the buyer's account of the past, not a requirement
        taken: list[tuple[int, int]] = []
        for key, spec in specs.items():
            if not spec.get("pattern"):
                continue
            m = re.search(str(spec["pattern"]), s, re.I)
            if not m:
                continue
            if key in out:  # read already (the tender's text holds the question too): its words are still taken
                taken.append((m.start(), m.end()))
                continue
            if any(m.start() < b and a < m.end() for a, b in taken):
                # the buyer's words one requirement already said, read again by a more general kind ('fortnightly
                # mobilisation meetings' as the mobilisation meeting and as any meeting): committed to once (s20 q12:
                # 'our mobilisation lead will attend ...' and 'a team leader ... will attend ...' in one part)
                continue
            taken.append((m.start(), m.end()))
            groups = {k: re.sub(r"^The\b", "the", re.sub(r"\s+", " ", v or "")) for k, v in m.groupdict().items()}
            for k in spec.get("lower") or []:
                groups[k] = groups.get(k, "").lower()
            said = str(spec.get("says") or "{0}").format(**groups) if groups else m.group(0)
            said = " ".join(said.split()).rstrip(" .,;")
            out[key] = Standard("requirement", key, said[:1].upper() + said[1:], s,
                                who=str(spec.get("check") or "").rstrip(". "),
                                values=dict(groups, _asked=" ".join(m.group(0).split())))
    return list(out.values())


_FREQ = re.compile(r"\b(?:weekly|fortnightly|monthly|quarterly|six-weekly|annually|yearly|every\s+(?:week|fortnight|month|"
                   r"quarter|year|(?:two|three|four|six|eight|twelve|\d+)\s+(?:weeks|months)))\b", re.I)


def profile_conflict(standard: Standard, profile: dict) -> str:
    """Our service profile's own figure for what a named requirement concerns, as the profile writes it, when it
    differs from the buyer's ('up to 55 people for each whole-time recovery worker' against 'no recovery worker may
    hold a caseload of more than 30 people'; 'monthly one-to-one managerial supervision ...' against fortnightly);
    '' when it agrees, or the profile does not say. A per-worker ceiling is compared with our per-worker figures
    for the same role, never with the whole service's capacity (review s10 item 6)."""
    if standard.kind != "requirement":
        return ""
    spec = (((_data().get("requirements") or {}).get(standard.matter) or {}).get("profile")) or {}
    ours = " ".join(str(profile.get(str(spec.get("field") or "")) or "").split())
    value = str(standard.values.get(str(spec.get("value") or "")) or "")
    if not spec or not ours or not value:
        return ""
    if spec.get("compare") == "ceiling":
        n = number_or_word(value)
        figures = caseloads(ours)  # read by structure: 'up to 55 people for each ...', '... at up to 55 each'
        role = set(blockmatch.tokens(str(standard.values.get(str(spec.get("role") or "")) or ""))) - set(
            blockmatch.tokens("worker workers staff member practitioner"))
        # the same role's figure; a role the profile does not name (a 'care coordinator') is any of our workers'
        same = [f for f in figures if role and role <= set(blockmatch.tokens(f.role))] or figures
        over = [f for f in same if n is not None and f.n > n]
        return over[0].text if over else ""
    if spec.get("compare") == "frequency":
        buyer = normalise(value)
        mine = [k for k in (normalise(m.group(0)) for m in _FREQ.finditer(ours)) if k is not None]
        if buyer is None or not mine:
            return ""
        return ours if min(mine) > buyer else ""
    return ""


def read(text: str) -> list[Standard]:
    """Every buyer standard of this module in ``text``: timescales, training levels, payment rates, KPIs and the
    other named requirements."""
    return timescales(text) + training(text) + payment(text) + reporting(text) + kpis(text) + requirements(text)


def where(standard: Standard, points: list) -> tuple[object | None, bool]:
    """(the part a standard's template goes in, whether that part asks about it): the first part whose own
    words name its matter; else, when the buyer's sentence is the question's, the part sharing most words
    with it (not asked)."""
    data = _data()
    if standard.time:
        # the part that states the buyer's timescale itself ('... to the front door on the same working day')
        said = re.compile(r"\s+".join(map(re.escape, standard.time.split())), re.I)
        for p in points:
            if said.search(p.text):
                return p, True
    if standard.kind == "timescale" and standard.days is not None:
        # the part that names the timescale in short with what is done ('how you will meet the 4-hour decision
        # standard', s25 q03)
        n = re.match(r"within\s+(?:the\s+)?(\w+)\s+(?:working\s+)?(hour|day|week)", standard.time or "", re.I)
        spec = (data.get("matters") or {}).get(standard.matter) or {}
        if n:
            short = re.compile(rf"\b{re.escape(n.group(1))}[- ](?:working[- ])?{n.group(2)}\b", re.I)
            for p in points:
                if short.search(p.text) and _phrases(spec.get("with")).search(p.text):
                    return p, True
    if standard.kind == "timescale":
        # a part that asks about the buyer's timescales as such ('how you will meet the local reporting timescales
        # set out above') is where each of them is committed to
        asks_times = [p for p in points if _phrases(data.get("timescale_parts")).search(p.text)]
        if asks_times:
            return asks_times[0], True
        spec = (data.get("matters") or {}).get(standard.matter) or {}
        cue = _phrases(spec.get("any"))
        both = [p for p in points if cue.search(p.text) and _phrases(spec.get("with")).search(p.text)]
        if both:
            return both[0], True
    elif standard.kind == "kpi":
        spec = ((data.get("kpi") or {}).get("measures") or {}).get(standard.matter) or {}
        cue = _phrases(list(spec.get("parts") or []) + list(spec.get("any") or []) + (
            ["median wait", "wait", "waiting"] if standard.matter == "median_wait" else []))
    elif standard.kind == "reporting":
        cue = re.compile(r"\breport", re.I)
        named = [p for p in points if cue.search(p.text) and (standard.matter.split()[-1].lower() in p.text.lower())]
        if named:
            return named[0], True
    elif standard.kind == "requirement":
        spec = (data.get("requirements") or {}).get(standard.matter) or {}
        cue = _phrases(spec.get("parts"))
    elif standard.kind == "training":
        cue = _phrases(["training", "trained", "induction", standard.matter] if standard.matter else ["training", "trained"])
    else:
        cue = _phrases(["pay", "paid", "payment", "reward"])
    for p in points:
        if cue.search(p.text):
            return p, True
    want = set(blockmatch.tokens(standard.sentence + " " + standard.baseline_sentence)) - blockmatch.HEAD_GENERIC
    scored = sorted(points, key=lambda p: -len(want & set(blockmatch.tokens(p.text))))
    if scored and want & set(blockmatch.tokens(scored[0].text)):
        return scored[0], False
    return None, False
