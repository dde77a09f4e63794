"""The buyer's tables given back row for row, with the cells we can fill (issue 12, session 37).

A panel marks an element 'Not' when the question gives a table (milestones, KPIs with targets, minimum staffing, social
value commitments, risks) or asks for one to be completed and the answer does not give it with the buyer's rows and
columns: s36 q09 'Table 9B not completed', q10 'Table 10A not followed milestone by milestone (M4, M6 ... absent)',
s34 q11 'no completed Table 11.1 with a "Provider actions" column', s35 q12 'the required commitments table is not
completed'.

:func:`read` finds the buyer's tables in the question (by their header row: ``kinds`` of
``phrasebank/buyer_tables.yaml``) and a table the question describes but does not print ('by completing Table 9B (your
structure, WTE by role, banding or salary range and base)'); :func:`complete` gives each back as a Markdown table: the
buyer's columns in its order, one row per buyer's row, the buyer's own cells as it wrote them, and each cell left for the
bidder filled only from what we know (the WTE of our establishment for the buyer's role, the owner of a milestone from
``phrasebank/buyer_mobilisation.yaml``) or said as unknown (``unknown``: 'To confirm at mobilisation'), never a value of
our own making. :func:`counted` says whether the buyer counts the table in the limit ('excluding Table 9B', 'does not
count towards the limit'). The Word export turns the Markdown table into a Word table (:mod:`word`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from evidencebot.compose import buyer_mobilisation, buyer_scale
from evidencebot.compose.filters import load_phrasebank
from evidencebot.mentions import NUMBER_OR_WORD
from evidencebot.text import list_marker, sentences, table_cells

PHRASEBANK = "buyer_tables.yaml"


@dataclass(frozen=True)
class BuyerTable:
    kind: str
    """'milestone', 'kpi', 'staffing', 'social value' or 'risk' (``kinds`` of the phrasebank)."""
    title: str
    """The buyer's caption ('Table 10A – Mobilisation milestones'), '' when the table has none."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    counted: bool = True
    """Its words count towards the answer's limit (the buyer does not say otherwise)."""
    optional: bool = False
    """The buyer says it need not be given back ('does not need to be reproduced')."""
    extra: str = ""
    """A column the question tells the bidder to add ('Provider actions'), '' for none."""
    floors: tuple[str, ...] = ()
    """For a table the question describes (:func:`_described`): each row's minimum WTE in the buyer's staffing table."""
    ours: bool = False
    """Its rows are our establishment's roles (a staffing table the question asks for in words, :func:`_asked`)."""


def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _blocks(text: str):
    """(caption line above it, header cells, body rows' cells) of each Markdown table of ``text``."""
    lines = (text or "").splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("|"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            j += 1
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        caption = lines[k].strip() if k >= 0 else ""
        rows = [table_cells(ln) for ln in lines[i:j]]
        body = [r for r in rows[1:] if not all(set(c) <= set("-: ") for c in r)]
        yield caption, rows[0], body
        i = j


def kind(header: list[str] | tuple[str, ...]) -> str:
    """What a table holds by its header row ('' for a table no answer gives back: scoring descriptors)."""
    spec = _spec()
    head = " ".join(header)
    if re.search(str(spec.get("not_answered") or "(?!)"), head, re.I):
        return ""
    return next((k for k, pat in (spec.get("kinds") or {}).items() if re.search(str(pat), head, re.I)), "")


def _caption(line: str) -> str:
    """The buyer's caption for a table when the line above it is one ('**Table 10A – Mobilisation milestones**')."""
    words = line.strip().strip("#").strip().strip("*").strip()
    return words if re.match(r"(?i)table\s+[\w.]+\b", words) and len(words.split()) <= 14 else ""


def _ref(title: str) -> str:
    m = re.match(r"(?i)(table\s+[\w]+(?:\.\w+)?)", title or "")
    return m.group(1) if m else ""


def _sentences_about(question: str, ref: str, kind: str = "") -> list[str]:
    """The question's sentences about a table, outside any table's rows: those naming its reference ('Table 10A')."""
    prose = " ".join(ln for ln in (question or "").splitlines() if not ln.lstrip().startswith("|"))
    sents = re.split(r"(?<=[.!?])\s+|\n", prose)
    named = [s for s in sents if ref and re.search(rf"(?i)\b{re.escape(ref)}\b", s)]
    # and those that say 'the table' or 'the staffing table' (a table of its kind) naming no table by its reference
    # ('plus the completed staffing table, which does not count towards the limit' above 'Table 4.1'; not the
    # milestone table below it, s35 q11)
    words = (_spec().get("table_words") or {})
    mine = str(words.get(kind) or "(?!)")
    others = "|".join(str(w) for k, w in words.items() if k != kind) or "(?!)"
    generic = []
    for s in sents:
        for m in re.finditer(r"(?i)(?P<before>\b[\w-]+\s+)?\btables?\b(?!\s+\d)", s):
            before = m.group("before") or ""
            if re.search(mine, before, re.I) or not re.search(others, before, re.I):
                generic.append(s)
                break
    return named + [s for s in generic if s not in named and not re.search(r"(?i)\btables?\s+\d", s)]


def read(question: str) -> list[BuyerTable]:
    """The buyer's tables of ``question`` that an answer gives back, in the question's order, each once (a table the
    text holds twice is read once); then a table the question asks to be completed and describes but does not print,
    on the rows of the buyer's staffing table ('completing Table 9B (your structure, WTE by role, banding or salary
    range and base)', s36 q09)."""
    spec = _spec()
    out: list[BuyerTable] = []
    seen = set()
    for caption_line, header, body in _blocks(question):
        k = kind(header)
        body = [r for r in body if any(c.strip("* ") for c in r)]
        if not k or not body:
            continue
        key = (tuple(header), tuple(tuple(r) for r in body))
        if key in seen:
            continue
        seen.add(key)
        title = _caption(caption_line)
        about = " ".join(_sentences_about(question, _ref(title), k))
        extra = re.search(str(spec.get("add_column") or "(?!)"), about, re.I)
        out.append(BuyerTable(k, title, tuple(header), tuple(tuple(r) for r in body),
                              counted=not re.search(str(spec.get("uncounted") or "(?!)"), about, re.I),
                              optional=bool(re.search(str(spec.get("optional") or "(?!)"), about, re.I)),
                              extra=extra.group("name").strip() if extra else ""))
    described = re.search(str(spec.get("described") or "(?!)"), question or "", re.I)
    staffing = next((t for t in out if t.kind == "staffing"), None)
    if described and staffing is not None and not any(_ref(t.title).lower() == described.group("ref").lower()
                                                      for t in out):
        # the described table, on the staffing table's rows, is the one the buyer asks for: given in its place
        out[out.index(staffing)] = _described(described.group("ref"), described.group("cols"), staffing, question)
    return out + [t for t in _asked(question) if t.kind not in {o.kind for o in out}]


def _split_cols(cols: str) -> list[str]:
    """The columns a question names in words ('each commitment, its measure, its annual target and how it will be
    evidenced'), each with its first letter made a capital."""
    lead = str(_spec().get("col_lead") or "(?!)")
    names = [re.sub(lead, "", c.strip(), flags=re.I).strip() for c in re.split(r",|\band\b(?![^()]*\))", cols)]
    return [_cap(n) for n in names if n]


def _bullets_around(question: str, at: int) -> list[str]:
    """The items of the bulleted list the character ``at`` of ``question`` is in, other than that item."""
    lines = question.splitlines(keepends=True)
    pos, idx = 0, None
    for i, ln in enumerate(lines):
        if pos <= at < pos + len(ln):
            idx = i
            break
        pos += len(ln)
    bullet = list_marker()  # '-', '*' or '•' and the space after it, as every reader of lists has it
    if idx is None or not bullet.match(lines[idx]):
        return []
    lo = idx
    while lo > 0 and bullet.match(lines[lo - 1]):
        lo -= 1
    hi = idx
    while hi + 1 < len(lines) and bullet.match(lines[hi + 1]):
        hi += 1
    return [bullet.sub("", lines[i]).strip().rstrip(";.") for i in range(lo, hi + 1) if i != idx]


def _asked(question: str) -> list[BuyerTable]:
    """The tables the question asks for in words and prints no row of (``asked`` of the phrasebank, s37): a staffing
    table by the columns it names, its rows our establishment's (:attr:`BuyerTable.ours`); a milestone table on the
    milestones it lists as a minimum, their dates as the buyer wrote them, a column for the owner; a commitments table
    by the columns it names, a row for each other item of the question's list."""
    spec = _spec()
    asked = spec.get("asked") or {}
    lead = str(spec.get("item_lead") or "(?!)")
    out = []
    for kind_, pat in asked.items():
        # a paragraph the question wraps over lines is read as one line (its list items stay one a line)
        text = re.sub(r"(?<=\S)\n(?=[^\n|*•#-])", " ", question or "") if kind_ == "milestone" else question or ""
        m = re.search(str(pat), text, re.I)
        if not m:
            continue
        about = " ".join(_sentences_about(question, "", kind_))
        counted = not re.search(str(spec.get("uncounted") or "(?!)"), about, re.I)
        if kind_ == "staffing":
            header = _split_cols(m.group("cols"))
            out.append(BuyerTable("staffing", "", tuple(header), (), counted=counted, ours=True))
        elif kind_ == "milestone":
            rows = []
            for item in re.split(r";|,\s+and\s+(?=\S)", m.group("rows")):
                item = re.sub(lead, "", item.strip(), flags=re.I).strip()
                when = re.search(str(spec.get("milestone_when") or "(?!)"), item, re.I)
                if not when:
                    continue
                rows.append((_cap(item[:when.start()].strip()), _cap(when.group("when")), ""))
            if rows:
                milestone_header = tuple(spec.get("asked_milestone_header") or ("Milestone", "Date", "Owner"))
                out.append(BuyerTable("milestone", "", milestone_header, tuple(rows), counted=counted))
        else:
            header = _split_cols(m.group("cols"))
            items = [_cap(re.sub(lead, "", i, flags=re.I).strip()) for i in _bullets_around(question, m.start())]
            if len(header) > 1 and items:
                out.append(BuyerTable(kind_, "", tuple(header),
                                      tuple((i,) + ("",) * (len(header) - 1) for i in items), counted=counted))
    return out


def _described(ref: str, cols: str, staffing: BuyerTable, question: str) -> BuyerTable:
    """The table the question describes in words ('Table 9B (your structure, WTE by role, banding or salary range and
    base)'), one row per role of the buyer's staffing table: its role column first, then the described columns in the
    buyer's order, each with its first letter made a capital ('your' and 'by role' left out)."""
    spec = _spec()
    role_pat = str((spec.get("columns") or {}).get("role") or "(?!)")
    names = [c.strip() for c in re.split(r",|\band\b(?![^()]*\))", cols) if c.strip()]
    header = ["Role"]
    for n in names:
        n = re.sub(r"(?i)^(?:your|the)\s+|\s+by\s+role$", "", n).strip()
        if n and not re.search(role_pat, n, re.I):
            header.append(n[:1].upper() + n[1:])
    role_col = _column(staffing.header, "role")
    wte_col = next(iter(_columns(staffing.header, "wte")), None)
    kept = [r for r in staffing.rows if role_col < len(r) and r[role_col].strip("* ") and not _total(r[role_col])]
    rows = tuple((r[role_col].strip("* "),) + ("",) * (len(header) - 1) for r in kept)
    floors = tuple(r[wte_col] if wte_col is not None and wte_col < len(r) else "" for r in kept)
    about = " ".join(_sentences_about(question, ref, "staffing"))
    counted = not re.search(str(spec.get("uncounted") or "(?!)"), about, re.I)
    return BuyerTable("staffing", ref, tuple(header), rows, counted=counted, floors=floors)


def _total(cell: str) -> bool:
    return bool(re.match(r"(?i)\W*total\b", cell or ""))


def _column(header, name: str) -> int:
    """The first column whose header is of the ``columns`` kind ``name`` of the phrasebank, else 0."""
    pat = str((_spec().get("columns") or {}).get(name) or "(?!)")
    return next((i for i, h in enumerate(header) if re.search(pat, h, re.I)), 0)


def _columns(header, name: str) -> list[int]:
    pat = str((_spec().get("columns") or {}).get(name) or "(?!)")
    return [i for i, h in enumerate(header) if re.search(pat, h, re.I)]


def to_complete(table: BuyerTable) -> list[int]:
    """The columns the bidder fills: a header that says so ('Your proposed WTE', 'Provider actions') or a column whose
    cells the buyer left empty."""
    pat = str(_spec().get("to_complete") or "(?!)")
    out = []
    for i, h in enumerate(table.header):
        empty = all(i >= len(r) or not r[i].strip("* ") for r in table.rows if not _total(r[0] if r else ""))
        if re.search(pat, h, re.I) or empty:
            out.append(i)
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_ROLE_WTE = re.compile(r"(?:^|[,(:]\s*|\band\s+)(?P<role>[A-Za-z][A-Za-z '/-]*?)\s+(?P<n>\d+(?:\.\d+)?)(?=\s*[,)]|\s+and\b|\s*$)")
# and a role whose WTE a note follows ('clinical leads 1.6 (two posts of 0.8)'): read for a table of our own rows only
# (a buyer's staffing table keeps the matches it had in s33-s36)
_ROLE_WTE_NOTED = re.compile(_ROLE_WTE.pattern.replace("[,)]", "[,)(]"))


def establishment_roles(team_wte: str, noted: bool = False) -> list[tuple[str, float]]:
    """(role, WTE) of each role our establishment sentence names ('... 53.0 WTE (service manager 1.0, IPS team leader
    3.0, ...)'), up to where it turns to the people the roles hold ('; at the specification's caseload caps ...')."""
    text = (team_wte or "").split(";")[0]
    pattern = _ROLE_WTE_NOTED if noted else _ROLE_WTE
    return [(m.group("role").strip(), float(m.group("n"))) for m in pattern.finditer(text)
            if not re.search(r"(?i)\bwte\b|posts?\b", m.group("role"))]


def _wte(role: str, ours: list[tuple[str, float]], minimum: str = "") -> str:
    """The WTE our establishment gives the buyer's ``role``: our one role of the closest name (:func:`buyer_scale.
    same_role`), '' when none or two equally close have it, or when ours is below the buyer's ``minimum`` (never a
    figure under the buyer's minimum said as our offer)."""
    name = role.split("(")[0].strip()
    found = [(buyer_scale.closeness(name, r), n) for r, n in ours if buyer_scale.same_role(name, r)]
    found.sort(reverse=True)
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return ""
    low = re.match(r"\s*(\d+(?:\.\d+)?)", minimum or "")
    if low and found[0][1] + 1e-9 < float(low.group(1)):
        return ""
    return f"{found[0][1]:.1f}"


def complete(table: BuyerTable, ours: list[tuple[str, float]] | None = None,
             speak: Callable[[str], str] | None = None) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of our copy of the buyer's ``table``: its columns in its order (and the one column we add, last:
    the one the question asks for, else our lead for a milestone, our WTE beside a staffing table's minimums), one row
    per buyer's row; the buyer's cells as written; each cell left to the bidder filled from what we know (``ours``:
    our establishment as (role, WTE); the owner and steps of a milestone, our roles said by ``speak`` in the buyer's
    titles as the answer's text says them) or with the phrasebank's ``unknown``."""
    speak = speak or (lambda t: t)
    spec = _spec()
    unknown = str((spec.get("unknown") or {}).get(table.kind) or "To confirm at mobilisation")
    if table.ours:
        return list(table.header), _our_rows(table, ours or [], speak, unknown)
    header = list(table.header)
    fill = to_complete(table)
    wte_cols = set(_columns(header, "wte"))
    pay_cols = set(_columns(header, "pay"))
    added = ""
    if table.extra and not any(h.lower() == table.extra.lower() for h in header):
        added = table.extra
    elif table.kind == "milestone" and not fill:
        added = str(spec.get("milestone_owner") or "")
    elif table.kind == "staffing" and not (set(fill) & wte_cols) and ours:
        added = str(spec.get("staffing_ours") or "")
    if added:
        header.append(added)
        fill = fill + [len(header) - 1]
    role_col = _column(table.header, "role")
    what_col = _column(table.header, "role") if table.kind != "milestone" else next(
        (i for i, h in enumerate(table.header) if re.search(r"(?i)milestone", h)), 0)
    rows = []
    for n, r in enumerate(table.rows):
        cells = [c for c in r] + [""] * (len(header) - len(r))
        cells = cells[:len(header)]
        if _total(r[0] if r else "") or (len(r) > 1 and _total(r[1])):
            rows.append([c if i not in fill else "" for i, c in enumerate(cells)])
            continue
        for i in fill:
            if cells[i].strip("* "):
                continue  # the buyer's own cell, kept
            h = header[i]
            value = ""
            if table.kind == "staffing" and (i in wte_cols or h == added) and i not in pay_cols:
                low = table.floors[n] if n < len(table.floors) else next(
                    (r[j] for j in sorted(wte_cols) if j < len(r) and j not in fill), "")
                value = _wte(r[role_col] if role_col < len(r) else "", ours or [], low)
            elif table.kind == "kpi" and re.search(str(spec.get("kpi_expected_column") or "(?!)"), h, re.I):
                target = next((r[j] for j, t in enumerate(table.header) if j not in fill and j < len(r)
                               and re.search(str(spec.get("kpi_target_column") or "(?!)"), t, re.I)
                               and r[j].strip("* ")), "")
                value = str(spec.get("kpi_expected") or "{target}").format(target=target.strip()) if target else ""
            elif table.kind == "milestone":
                what = r[what_col] if what_col < len(r) else ""
                if re.search(str((spec.get("columns") or {}).get("actions") or "(?!)"), h, re.I):
                    value = speak(" ".join(buyer_mobilisation.steps(what))) if buyer_mobilisation.owner(what) else ""
                else:
                    value = _cap(speak(buyer_mobilisation.owner(what)))
            cells[i] = value or (str(spec.get("unknown_pay") or unknown) if table.kind == "staffing" and i in pay_cols
                                 else unknown)
        rows.append(cells)
    return header, rows


def _our_rows(table: BuyerTable, ours: list[tuple[str, float]], speak: Callable[[str], str],
              unknown: str) -> list[list[str]]:
    """A row per role of our establishment (``ours``) under the buyer's columns: the role in the buyer's titles, its
    WTE as our establishment gives it, a pay band as unknown (the profile holds none), then a total of the WTE."""
    spec = _spec()
    role_col = _column(table.header, "role")
    wte_cols = set(_columns(table.header, "wte"))
    pay_cols = set(_columns(table.header, "pay"))
    rows = []
    for role, n in ours:
        cells = []
        for i in range(len(table.header)):
            if i == role_col:
                cells.append(_cap(speak(role)))
            elif i in wte_cols:
                cells.append(f"{n:.1f}")
            else:
                cells.append(str(spec.get("unknown_pay") or unknown) if i in pay_cols else unknown)
        rows.append(cells)
    if rows and wte_cols:
        rows.append(["Total" if i == role_col else f"{sum(n for _, n in ours):.1f}" if i in wte_cols else ""
                     for i in range(len(table.header))])
    return rows


def _cell(text: str) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def markdown(table: BuyerTable, ours: list[tuple[str, float]] | None = None,
             speak: Callable[[str], str] | None = None) -> str:
    """Our copy of the buyer's ``table`` as Markdown: its caption in bold when it has one, then the table."""
    header, rows = complete(table, ours, speak)
    lines = [f"**{table.title}**", ""] if table.title else []
    lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def buyers_own(table: BuyerTable, md: str, start: int, end: int) -> bool:
    """Whether the stretch ``start``:``end`` of our Markdown copy ``md`` of ``table`` lies in one cell the buyer wrote
    (its header or a cell of its rows, given back as written): a finding there is on the buyer's words, not ours (s37
    q08: the buyer's target '80% of completed MHTRs' read as a figure of ours with no denominator)."""
    line_start = md.rfind("\n", 0, start) + 1
    line_end = md.find("\n", start)
    line = md[line_start:line_end if line_end >= 0 else len(md)]
    if not line.lstrip().startswith("|") or "\n" in md[start:end]:
        return False
    left = line.rfind("|", 0, start - line_start)
    right = line.find("|", end - line_start)
    if left < 0 or right < 0:
        return False
    cell = line[left + 1:right].strip()
    theirs = {_cell(c).strip() for r in (table.header,) + table.rows for c in r if c.strip("* ")}
    return bool(cell) and cell in theirs


def given(table: BuyerTable) -> bool:
    """Whether an answer gives the table back: always, unless it would take words of the limit with nothing of ours in
    it and the buyer says it need not be reproduced, or it is a KPI table with every target set (the answer's text takes
    each KPI in turn, :mod:`buyer_kpis`: the buyer's table said again would only take the parts' words)."""
    bare = table.counted and not to_complete(table) and not table.extra
    return not (bare and (table.optional or table.kind == "kpi"))


def home(table: BuyerTable, parts: list[tuple[str, str]]) -> str:
    """The key of the part of the answer the table goes in (``parts``: (key, the part's text)): the first part that
    names the table's reference, else the first that asks about its kind's rows; '' for the top of the answer."""
    ref = _ref(table.title)
    if ref:
        hit = next((k for k, t in parts if re.search(rf"(?i)\b{re.escape(ref)}\b", t)), "")
        if hit:
            return hit
    pat = str((_spec().get("kinds") or {}).get(table.kind) or "(?!)")
    return next((k for k, t in parts if re.search(pat, t, re.I)), "")


# ---------------------------------------------------------------- a commitments table said from the answer (s38)


@dataclass(frozen=True)
class Stated:
    """A commitment our answer states for a year: 'By the end of year 1: {items}', 'at least four paid roles held by people
    with lived experience' (its measure: 'Paid roles held by people with lived experience')."""
    when: str
    said: str
    measure: str


def stated_targets(text: str) -> list[Stated]:
    """The commitments ``text`` (our answer's sentences) states year by year (``stated_targets`` of the phrasebank):
    each item of a list a year's opener introduces ('By the end of year 1: two apprentices started, at least four
    paid roles ..., and the mileage baseline measured.'), in the answer's own words."""
    spec = _spec().get("stated_targets") or {}
    when = re.compile(str(spec.get("when") or "(?!)"))
    lead = re.compile(str(spec.get("lead") or "(?!)"), re.I)
    measure_lead = re.compile(str(spec.get("measure_lead") or "(?!)").replace("{NUMBER}", f"(?:{NUMBER_OR_WORD})"),
                              re.I)
    # an item starts after ', and ' or after a comma before a quantity or 'the' ('voluntary, community and social
    # enterprise organisations' is one item)
    quantity = rf"(?:at\s+least\s+|no\s+more\s+than\s+|up\s+to\s+)?(?:{NUMBER_OR_WORD})\b"
    split = re.compile(rf",\s+and\s+|,\s+(?={quantity}|the\s)|\s+and\s+(?={quantity})", re.I)
    out = []
    for s in sentences(" ".join((text or "").split())):
        # a year's words open the sentence or a clause of it ('..., and by the end of year 2 five apprentices'); after
        # an item ('ten by the end of year 1 and thirty by the end of year 3') they close it, and are not read
        marks = [m for m in when.finditer(s) if re.search(r"(?:^|[;:]\s*|,\s*(?:and\s+)?)$", s[:m.start()])]
        for i, m in enumerate(marks):
            n = m.group("n") or m.group("m")
            label = str(spec.get("year") or "Year {n}: {items}").replace("{n}", n) if n else \
            str(spec.get("every") or "Every year: {items}")
            said = s[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(s)]
            out += _items(re.sub(r"(?:,?\s+and)?[\s,.;]*$", "", said), label, split, lead, measure_lead, spec)
    return out


def _items(said: str, label: str, split: re.Pattern, lead: re.Pattern, measure_lead: re.Pattern,
           spec: dict) -> list[Stated]:
    """The items of one year's list (``said``, the words after its opener), each in the answer's words."""
    out = []
    for item in split.split(said):
        item = lead.sub("", item.strip()).strip()
        if len(item.split()) < 2:
            continue
        measure = re.sub(str(spec.get("measure_tail") or "(?!)"), "", measure_lead.sub("", item, count=1),
                         flags=re.I).strip()
        out.append(Stated(label, item, _cap(measure or item)))
    return out


def said_from_answer(table: BuyerTable, md: str, stated: list[Stated], row_of: Callable[[Stated], int | None],
                     measures: bool = True) -> str:
    """``md`` (our copy of a commitments ``table``) with the target and measure cells of each row said from the
    commitments our answer states for it (``stated``; ``row_of``: the row a stated commitment is about, None for
    none), in the answer's framing of its year ('By the end of year 1: at least four paid roles ...; By the end of year 2: five
    paid lived experience roles');
    a cell no stated commitment is about keeps what it said (with ``measures`` False, every measure cell). The same
    words and figures as the answer's text."""
    spec = _spec().get("stated_targets") or {}
    if table.kind != "social value" or not stated:
        return md
    header_at = next((i for i, ln in enumerate(md.splitlines()) if ln.lstrip().startswith("|")), None)
    if header_at is None:
        return md
    lines = md.splitlines()
    header = table_cells(lines[header_at])
    target = next((i for i, h in enumerate(header) if re.search(str(spec.get("target_column") or "(?!)"), h, re.I)),
                  None)
    measure = next((i for i, h in enumerate(header) if re.search(str(spec.get("measure_column") or "(?!)"), h, re.I)),
                   None)
    if target is None:
        return md
    per_row: dict[int, list[Stated]] = {}
    for st in stated:
        r = row_of(st)
        if r is not None:
            per_row.setdefault(r, []).append(st)
    for r, found in per_row.items():
        at = header_at + 2 + r
        if at >= len(lines):
            continue
        cells = table_cells(lines[at])
        years: dict[str, list[str]] = {}
        for st in found:
            years.setdefault(st.when, []).append(st.said)
        cells[target] = ". ".join(when.replace("{items}", "; ".join(items)) for when, items in years.items())
        if measures and measure is not None and measure != target:
            cells[measure] = "; ".join(dict.fromkeys(st.measure for st in found))
        lines[at] = "| " + " | ".join(_cell(c) for c in cells) + " |"
    return "\n".join(lines)
