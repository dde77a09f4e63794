"""The buyer's KPI table, answered a row per KPI (issue 12, session 14).

The s11-s13 blind panels gave a part headed "Achieving the KPI trajectories" no marks: it was "[To write]", and "None
of the 7 trajectories is addressed". A buyer reproduces its KPI schedule as a table (a KPI, its measure, the baseline
and a target for each date: "| KPI 1 | % of referrals with first contact within 14 days | 31% | 60% | 80% | 90% |"
under "| KPI | Measure | Baseline 2025/26 | Q2 Yr 1 (Sep 2028) | ... |") or as lines ("KPI 3: ... 75% by Month 12").

:func:`read` gives one :class:`KpiRow` per KPI; :func:`sentences` says each in the buyer's phrase the evidence checker
reads as quoted ("KPI 1: the buyer's target for the share of referrals with first contact within 14 days is 60% by
September 2028, 80% by March 2029 and 90% by March 2031 (baseline 31%)"), never a target of our own, and names the
library's approved method block for the KPI's topic as the method that works towards it, or asks for it ("[To confirm:
...]") when the library holds none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from evidencebot.compose import blockmatch
from evidencebot.text import sentences as text_sentences, table_cells

_MONTHS = {m[:3].lower(): m for m in ("January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December")}
_REF = re.compile(r"^(?:KPI[\s-]*\d+[a-z]?|[A-Z]{1,4}\d?[-.]\d{1,3}[a-z]?|[A-Z]{2,5}\d{1,2}(?:\.\d+)?)$")
_VALUE = re.compile(r"^(?:[≤≥<>]\s*|(?:at\s+least|no\s+more\s+than|below|above|under|over)\s+)?\d+(?:\.\d+)?\s*"
                    r"(?:%|days?|weeks?|hours?)?$", re.I)
_LINE = re.compile(r"^\s*[-•*]?\s*(?P<ref>KPI[\s-]*\d+[a-z]?)\s*[:–-]\s*(?P<measure>[^:]+?)\s*[:–-]\s*(?P<steps>.+)$", re.I)
_STEP = re.compile(r"(?P<v>\d+(?:\.\d+)?\s*%?)\s+(?P<w>(?:by|in|from)\s+(?:(?:the\s+end\s+of\s+)?(?:Contract\s+)?"
                   r"(?:Year|Month)\s+\d+|[A-Z][a-z]+\s+(?:19|20)\d\d))", re.I)


@dataclass
class KpiRow:
    ref: str
    """The buyer's reference ('KPI 1', 'L2-03')."""
    measure: str
    """As the buyer words it ('% of referrals with first contact within 14 days')."""
    baseline: str = ""
    """The buyer's baseline value ('31%'), '' when not collected or not a figure."""
    steps: list[tuple[str, str]] = field(default_factory=list)
    """(value, when) in the buyer's order: ('60%', 'by September 2028')."""
    timescale: str = ""
    """A target-first table's timescale cell ('within 1 working day of receipt'), said after the measure."""
    reported: str = ""
    """How often the buyer has it reported ('Monthly'), '' when the table does not say."""



def _when(header: str) -> str:
    """A column header as the step's date: 'Q2 Yr 1 (Sep 2028)' -> 'by September 2028'; 'From 2029/30' -> 'from
    2029/30'; 'Q4 2027/28' -> 'by Q4 2027/28'; 'Year 2' -> 'in Year 2'."""
    h = " ".join(header.split())
    dated = [m for m in re.finditer(r"\(?\b([A-Z][a-z]{2,8})\.?\s+((?:19|20)\d\d)\)?", h)
             if m.group(1)[:3].lower() in _MONTHS]
    if dated:
        # a period's column ('Year 1: Oct 2028–Mar 2029') is reached by its end, not by its first month (s14 q10 was
        # drafted '80% by October 2028' for the buyer's October 2028 to March 2029)
        m = dated[-1]
        return f"by {_MONTHS[m.group(1)[:3].lower()]} {m.group(2)}"
    onwards = re.search(r"\b((?:Contract\s+)?Year\s+\d+|Month\s+\d+)\s+(?:onwards|and\s+after|onward)\b", h, re.I)
    if onwards:
        return "from " + onwards.group(1)  # 'Year 3 onwards': from Year 3, not in Year 3 alone
    if re.match(r"from\b", h, re.I):
        return "from " + h.split(None, 1)[1] if " " in h else ""
    y = re.search(r"\b(?:Contract\s+)?Year\s+\d+|\bMonth\s+\d+", h, re.I)
    if y and not re.search(r"\bQ[1-4]\b", h):
        return "in " + y.group(0)
    q = re.search(r"\bQ[1-4]\s+(?:19|20)\d\d/\d\d\b", h)
    if q:
        return "by " + q.group(0)
    return ""


def _value(cell: str) -> str:
    v = " ".join(cell.split())
    if not _VALUE.match(v):
        return ""
    return re.sub(r"^≤\s*", "no more than ", re.sub(r"^≥\s*", "at least ", v))


def read(text: str) -> list[KpiRow]:
    """The KPIs of the buyer's table (a header row naming a KPI or measure and a baseline or target column, then a
    row per KPI with its reference in the first cell), or of lines 'KPI n: measure: 60% by Month 12 ...'."""
    rows: list[KpiRow] = []
    lines = (text or "").splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("|"):
            m = _LINE.match(lines[i])
            steps = [(s.group("v").replace(" ", ""), s.group("w")) for s in _STEP.finditer(m.group("steps"))] if m else []
            if m and steps:
                rows.append(KpiRow(" ".join(m.group("ref").split()), m.group("measure").strip(" ,"), "", steps))
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            block.append(table_cells(lines[i]))
            i += 1
        if len(block) < 3:
            continue
        head = block[0]
        low = [h.lower() for h in head]
        if not any(re.search(r"\bkpi|measure|indicator", h) for h in low):
            continue
        base = next((j for j, h in enumerate(low) if "baseline" in h), None)
        whens = {j: _when(h) for j, h in enumerate(head) if j != base}
        whens = {j: w for j, w in whens.items() if w}
        measure = next((j for j, h in enumerate(low) if re.search(r"measure|indicator|description", h)), 1)
        target = next((j for j, h in enumerate(low) if re.match(r"targets?$", h)), None)
        if target is not None and base is None and not whens:
            rows.extend(_target_rows(head, block[1:], target))
            continue
        for cells in block[1:]:
            if len(cells) != len(head) or set("".join(cells)) <= set("-: ") or not _REF.match(cells[0]):
                continue
            steps = [(_value(cells[j]), w) for j, w in sorted(whens.items()) if _value(cells[j])]
            if not steps:
                continue
            rows.append(KpiRow(cells[0], cells[measure] if measure < len(cells) else "",
                               _value(cells[base]) if base is not None else "", steps))
    return rows


def _target_rows(head: list[str], body: list[list[str]], target: int) -> list[KpiRow]:
    """A table that opens each row with the buyer's target and names no KPI reference ('| 98% | Referrals
    acknowledged | within 1 working day | Monthly |' under '| Target | KPI | Timescale or measure | Reported |', s22
    q11 and the s23 dev buyer's q09: none of their rows was read, and no KPI was committed to): a row per target whose
    cell opens with a figure, the measure in the KPI or indicator column, the timescale and the reporting beside it."""
    low = [h.lower() for h in head]
    named = [j for j, h in enumerate(low) if j != target and not re.search(r"timescale|report", h)]
    measure = next((j for j in named if re.search(r"\bkpi|indicator|measure", low[j])), None)
    timescale = next((j for j, h in enumerate(low) if j not in (target, measure) and re.search(r"timescale", h)), None)
    reported = next((j for j, h in enumerate(low) if j not in (target, measure) and re.match(r"report", h)), None)
    if measure is None:
        return []
    out = []
    for cells in body:
        if len(cells) != len(head) or set("".join(cells)) <= set("-: ") or not re.match(r"\d", cells[target]):
            continue
        out.append(KpiRow("", cells[measure], "", [(" ".join(cells[target].split()), "")],
                          cells[timescale] if timescale is not None else "",
                          cells[reported] if reported is not None else ""))
    return out


def _steps(steps: list[tuple[str, str]]) -> str:
    said = [f"{v} {w}" for v, w in steps]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


_STOPS = re.compile(r"\b(?:is|was|were|are|has|had|but|while|whereas|than|which|compared|our|ours|we|us)\b", re.I)


def row_sentence(row: KpiRow) -> str:
    """The KPI in the buyer's own phrase ('KPI 1: the buyer's target for the share of referrals with first contact
    within 14 days is 60% by September 2028, ... (baseline 31%).')."""
    measure = re.sub(r"^%\s+(?:of\s+)?", "the share of ", row.measure.strip())
    # a measure that opens on a name keeps its capitals ('Cedar Lodge bed occupancy': s26 q11 said 'cedar Lodge')
    opens_on_name = re.match(r"[A-Z][\w'’-]*\s+[A-Z][a-z]", measure)
    measure = measure[:1].lower() + measure[1:] if re.match(r"[A-Z][a-z]", measure) and not opens_on_name else measure
    measure = " ".join(measure.split())
    if not row.ref:
        # the buyer's target said as the standard we commit to meet, not as our result (a bare '100%' or '75% ...
        # in the previous 12 months' is a claim the checker cuts, and the commitment went with it)
        when = " ".join(row.timescale.split())
        when = f" ({when})" if when and not re.match(r"(?:within|by|on|at|in|over)\b", when, re.I) else (
            f" {when}" if when else "")
        often = f", reported {row.reported.strip().lower()}" if row.reported.strip() else ""
        value = row.steps[0][0] + ("," if "," in row.steps[0][0] else "")
        # said to the buyer as the commissioners' (s25 panel: 'We will meet the buyer's target of ...' eight times)
        return f"We will meet the commissioners' target of {value} for {measure}{when}{often}."
    baseline = f" (baseline {row.baseline})" if row.baseline else ""
    if _STOPS.search(measure) or re.search(r"\b(?:of|at|is|was)\s+\d", measure):
        # a measure the checker would read as the end of the buyer's phrase ('the share of 16–25 year olds'): named
        # before it, in brackets
        return f"{row.ref} ({measure}): the buyer's target is {_steps(row.steps)}{baseline}."
    return f"{row.ref}: the buyer's target for {measure} is {_steps(row.steps)}{baseline}."


def lever(row: KpiRow, blocks: list, context: str = ""):
    """The approved library block for the KPI's topic (its measure's words, acronyms spelled out from ``context``:
    'IPS job starts' is about Individual Placement and Support), or None."""
    text = blockmatch.expand_acronyms(row.measure, context)
    found = blockmatch.candidates(text, [b for b in blocks if not b.block_id.startswith("buyer-")])
    if not found:
        return None
    # of the blocks scored about alike, the one whose title and tags share most words with the measure: 'IPS job
    # starts as % of people on the IPS caseload' is the employment block's (tags IPS, job), not the staffing model's
    # (tag caseload), 104 against 103 (s13 q09 KPI 4)
    want = set(blockmatch.tokens(text))
    near: list[Any] = [b for score, b in found if score >= found[0][0] - 10]
    return max(near, key=lambda b: len(want & set(blockmatch.tokens(" ".join([b.title] + list(b.tags))))))


NO_METHOD = "No approved block in the library says how we will reach {ref}: write the method before submitting."
"""The review copy's note beside a KPI row no library block answers (issue 12, s17: the s16 panel read '[To confirm: the
method that will reach KPI-01]' in the submitted answer)."""


def sentences(rows: list[KpiRow], blocks: list, context: str = "") -> list[tuple[str, str]]:
    """For each KPI: (the buyer's row as a sentence, the method that works towards it: a sentence of the library
    block's, or '' when no block answers it (or none of its sentences stands alone): the row stands alone in the
    answer, and the review copy asks for the method (:data:`NO_METHOD`), never a marker in the submitted text)."""
    out = []
    for row in rows:
        block = lever(row, blocks, context)
        # the block's first sentence that stands alone (no placeholder, not too long) says how, in full: a title after
        # 'Our method for it:' read as a fragment (s25 q11 panel: 'Our method for it: referral and first appointment.')
        # of those, the one sharing most words with the measure ('triaged within 2 working days': the triage sentence)
        standing = [" ".join(s.split()) for s in text_sentences(block.body if block is not None else "")
                    if "{" not in s and 8 <= len(s.split()) <= 40]
        want = set(blockmatch.tokens(row.measure))
        how = max(standing, key=lambda s: len(want & set(blockmatch.tokens(s))), default="")
        out.append((row_sentence(row), how))
    return out


ASKS = re.compile(r"\btrajector|\bKPIs?\b|\bkey\s+performance\s+indicators?\b", re.I)
"""A sub-point that asks how the buyer's KPIs will be reached: where the rows go."""


UNMET = re.compile(r"\bnot\s+(?:met|achieved|reached)\b|\bmiss(?:es|ed)?\b", re.I)
"""A part about a KPI that is missed: its own method (the recovery plan) is what it asks for, not the rows."""
REPORTS = re.compile(r"\b(?:report|reporting|measure|collect)\b", re.I)


def home(points: list, text) -> Any:
    """The part the KPI rows go in: the first that asks about the KPIs and not about one that is missed; else the
    first that asks how data will be reported (the s23 dev buyer's 'v. what you will do when a KPI is not met' was
    the only part naming KPIs: its rows took the words of the recovery plan the buyer's gate requires); else the
    first naming KPIs at all; None when none does."""
    asks = [p for p in points if ASKS.search(text(p))]
    if not asks:
        return None
    return next((p for p in asks if not UNMET.search(text(p))), None) or next(
        (p for p in points if REPORTS.search(text(p))), None) or asks[0]
