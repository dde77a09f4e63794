"""Buyers' questionnaires in and out: Word and Excel tenders.

Reading (:func:`read_questionnaire`):

* **Word, tables.** A table whose header row names a question column
  ("Question", "Requirement") is read one row per question; other columns are
  found by their header words: reference ("Ref", "No.", "Section"), guidance
  ("Guidance", "Notes", "What we are looking for"), limit ("Word limit",
  "Limit", "Max words", "Characters", "Pages"), weighting ("Weighting",
  "Weight", "%"). A two-column table whose left cells are labels ("Question",
  "Guidance", "Word limit", "Weighting", "Ref") holds one question.
* **Word, numbered headings.** Without such tables, a paragraph in a Heading
  style, or starting with a question number ("1.", "2.3", "Q4", "Question 5"),
  starts a question; the paragraphs after it, up to the next one, are its text.
* **Excel.** The first sheet with a header row (in its first ten rows) that
  names a question column; one row per question below it. The answer column is
  the one headed "Answer", "Response", "Bidder response" or "Your response".

Each question's limit is read from its limit cell, else from its own text
(:func:`evidencebot.compose.questions.read_limits`); a limit cell that is not a
number ("TBC") is an error, as is a file with no recognisable question, a
damaged file, or an unknown format: one line naming the file and what was not
understood (:class:`~evidencebot.errors.InputError`, exit 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from evidencebot.compose.questions import read_limits
from evidencebot.errors import InputError


@dataclass
class BuyerQuestion:
    ref: str
    question: str
    guidance: str = ""
    limit_text: str = ""
    weighting_text: str = ""
    row: int | None = None
    """Excel: the row of the question (1-based)."""
    word_limit: int | None = None
    char_limit: int | None = None
    page_limit: float | None = None
    weighting: float | None = None

    @property
    def full_text(self) -> str:
        """The question as the parser reads it: question, guidance and limit."""
        return "\n".join(t for t in (self.question, self.guidance, self.limit_text) if t and t.strip())


@dataclass
class Questionnaire:
    path: Path
    kind: str  # docx | xlsx
    title: str
    questions: list[BuyerQuestion] = field(default_factory=list)
    sheet: str | None = None
    answer_column: str | None = None
    """Excel: the header of the answer column (its letter is found again on export)."""
    preamble: str = ""
    """The buyer's text outside the questions (a Word document's paragraphs, the rows above an
    Excel header): where the buyer, the contract start and the incumbent are often stated."""

    @property
    def text(self) -> str:
        """Everything the buyer wrote: the title, the preamble and every question."""
        return "\n".join([self.title, self.preamble] + [q.full_text for q in self.questions])


_HEAD = {
    "ref": re.compile(r"^\s*(?:ref(?:erence)?|no\.?|number|#|q(?:uestion)?\s*(?:no\.?|number|ref)|section|id|item)\s*$", re.I),
    "question": re.compile(r"\b(?:question|requirement|criteri(?:on|a)|method\s+statement)s?\b", re.I),
    "guidance": re.compile(r"\b(?:guidance|notes?|looking\s+for|evaluation|help|further\s+information)\b", re.I),
    "limit": re.compile(r"\b(?:limit|max(?:imum)?\.?|words?|characters?|pages?|length)\b", re.I),
    "weighting": re.compile(r"\b(?:weight(?:ing)?|%|marks?|score)\b", re.I),
    "answer": re.compile(r"\b(?:answer|response|bidder|supplier|provider)s?\b", re.I),
}
_ORDER = ("answer", "ref", "weighting", "limit", "guidance", "question")
"""Which header wins when one cell names several (e.g. 'Question number' is a ref)."""


def _classify(header: str) -> str | None:
    text = " ".join(str(header or "").split())
    if not text:
        return None
    if _HEAD["ref"].match(text):
        return "ref"
    for key in _ORDER:
        if key == "ref":
            continue
        if _HEAD[key].search(text):
            if key == "question" and re.search(r"\b(?:no\.?|number|ref)\b", text, re.I):
                return "ref"
            if key == "limit" and _HEAD["question"].search(text) and not re.search(r"limit|max", text, re.I):
                continue
            return key
    return None


def _columns(cells: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        kind = _classify(cell)
        if kind and kind not in cols:
            cols[kind] = i
    return cols if "question" in cols else {}


def read_questionnaire(path) -> Questionnaire:
    p = Path(path).expanduser()
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        q = _read_docx(p)
    elif suffix in (".xlsx", ".xlsm"):
        q = _read_xlsx(p)
    else:
        raise InputError(f"{p}: give a Word (.docx) or Excel (.xlsx) questionnaire, not {suffix or 'a file without a suffix'}")
    if not q.questions:
        raise InputError(f"{p}: no recognisable questions (looked for a table or sheet with a 'Question' column, "
                         "and for numbered questions or question headings)")
    _read_limits(q)
    return q


def _read_limits(q: Questionnaire) -> None:
    seen: set[str] = set()
    for n, item in enumerate(q.questions, 1):
        if not item.ref:
            item.ref = str(n)
        if item.ref in seen:
            item.ref = f"{item.ref}-{n}"
        seen.add(item.ref)
        where = f"{q.path}: question {item.ref}"
        limit_text = item.limit_text.strip()
        if limit_text:
            if re.fullmatch(r"\d[\d,]*", limit_text):
                limit_text = item.limit_text = f"{limit_text} words"
            if re.fullmatch(r"(?i)n/?a|none|no limit|-", limit_text):
                item.limit_text = limit_text = ""
            else:
                cell = read_limits(limit_text)
                if not (cell.words or cell.chars or cell.pages):
                    cell = read_limits("maximum " + limit_text)
                    item.limit_text = "Maximum " + limit_text
                if not (cell.words or cell.chars or cell.pages):
                    raise InputError(f"{where}: the limit {limit_text!r} cannot be read (write it as '500 words', "
                                     "'2,000 characters' or '2 sides of A4')")
        try:
            limits = read_limits(item.full_text, strict=True)
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
        item.word_limit, item.char_limit, item.page_limit = limits.words, limits.chars, limits.pages
        weight = item.weighting_text.strip()
        if weight and not re.fullmatch(r"(?i)n/?a|none|-", weight):
            m = re.search(r"(\d+(?:\.\d+)?)", weight)
            if not m:
                raise InputError(f"{where}: the weighting {weight!r} is not a number")
            value = float(m.group(1))
            # Excel may hold 15% as 0.15
            item.weighting = value * 100 if value <= 1 and "%" not in weight and "." in m.group(1) else value
        else:
            item.weighting = limits.weighting


# ---------------------------------------------------------------- Word


def _open_docx(p: Path):
    try:
        from docx import Document

        return Document(str(p))
    except Exception as exc:  # python-docx raises several kinds for a damaged file
        raise InputError(f"{p}: not a readable Word document ({type(exc).__name__})") from None


def _cell_text(cell) -> str:
    return "\n".join(par.text for par in cell.paragraphs).strip()


def _read_docx(p: Path) -> Questionnaire:
    doc = _open_docx(p)
    title = next((par.text.strip() for par in doc.paragraphs if par.text.strip()), p.stem)
    q = Questionnaire(path=p, kind="docx", title=title[:200],
                      preamble="\n".join(par.text for par in doc.paragraphs if par.text.strip()))
    for table in doc.tables:
        rows = [[_cell_text(c) for c in row.cells] for row in table.rows]
        if not rows:
            continue
        cols = _columns(rows[0])
        if cols:
            for r in rows[1:]:
                item = _row_question(r, cols)
                if item:
                    q.questions.append(item)
            continue
        # a label/value table for one question
        labels = {}
        for r in rows:
            if len(r) >= 2:
                kind = _classify(r[0])
                if kind and kind not in labels and r[1].strip():
                    labels[kind] = r[1]
        if "question" in labels:
            q.questions.append(BuyerQuestion(ref=labels.get("ref", "").strip(), question=labels["question"],
                                             guidance=labels.get("guidance", ""), limit_text=labels.get("limit", ""),
                                             weighting_text=labels.get("weighting", "")))
    if q.questions:
        return q
    # numbered headings
    current: BuyerQuestion | None = None
    number = re.compile(r"^\s*(?:q(?:uestion)?\s*)?(\d+(?:\.\d+)*[a-z]?)[.):]?\s+(.*)$", re.I)
    for par in doc.paragraphs:
        text = par.text.strip()
        if not text:
            continue
        style = (par.style.name if par.style is not None else "") or ""
        m = number.match(text)
        heading = style.lower().startswith("heading")
        if heading or (m and (m.group(2) or "").strip()):
            if m:
                ref, rest = m.group(1), m.group(2).strip()
            else:
                ref, rest = "", text
            if heading and not m and current is None and not q.questions and par is doc.paragraphs[0]:
                continue  # the document title
            current = BuyerQuestion(ref=ref, question=rest if not heading else "")
            if heading:
                current.question = ""
                current.guidance = ""
                current.limit_text = ""
                current.ref = ref
                current._title = rest  # type: ignore[attr-defined]
            q.questions.append(current)
        elif current is not None:
            current.question = (current.question + "\n" + text).strip()
    out = []
    for item in q.questions:
        title = getattr(item, "_title", "")
        if not item.question and title:
            item.question = title
        if item.question and re.search(r"[A-Za-z]{3,}", item.question):
            out.append(item)
    q.questions = out
    return q


def _row_question(cells: list[str], cols: dict[str, int], row: int | None = None) -> BuyerQuestion | None:
    def get(kind: str) -> str:
        i = cols.get(kind)
        return str(cells[i]).strip() if i is not None and i < len(cells) and cells[i] is not None else ""

    text = get("question")
    if not text or not re.search(r"[A-Za-z]{3,}", text):
        return None
    return BuyerQuestion(ref=get("ref"), question=text, guidance=get("guidance"), limit_text=get("limit"),
                         weighting_text=get("weighting"), row=row)


# ---------------------------------------------------------------- Excel


def _open_xlsx(p: Path, **kw):
    try:
        from openpyxl import load_workbook

        return load_workbook(str(p), **kw)
    except Exception as exc:  # openpyxl raises several kinds for a damaged file
        raise InputError(f"{p}: not a readable Excel workbook ({type(exc).__name__})") from None


def _cell_str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _find_header(ws) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=10, values_only=True), 1):
        cols = _columns([_cell_str(v) for v in row])
        if cols:
            return r, cols
    return None


def _read_xlsx(p: Path) -> Questionnaire:
    wb = _open_xlsx(p, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            found = _find_header(ws)
            if not found:
                continue
            header_row, cols = found
            headers = [_cell_str(v) for v in next(ws.iter_rows(min_row=header_row, max_row=header_row,
                                                               values_only=True))]
            above = [" ".join(_cell_str(v) for v in row if v is not None)
                     for row in ws.iter_rows(min_row=1, max_row=header_row - 1, values_only=True)] if header_row > 1 else []
            q = Questionnaire(path=p, kind="xlsx", title=f"{p.stem}: {ws.title}", sheet=ws.title,
                              answer_column=headers[cols["answer"]] if "answer" in cols else None,
                              preamble="\n".join(t for t in above if t.strip()))
            for r, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), header_row + 1):
                item = _row_question([_cell_str(v) for v in row], cols, row=r)
                if item:
                    q.questions.append(item)
            if q.questions:
                return q
        return Questionnaire(path=p, kind="xlsx", title=p.stem)
    finally:
        wb.close()


def write_answers_xlsx(source: Path, target: Path, sheet: str, answer_column: str | None,
                       answers: dict[int, str]) -> bytes:
    """A copy of the buyer's workbook with each answer in its row's answer column (as bytes;
    the original is only read). Without an answer column, one is added after the last."""
    import io

    wb = _open_xlsx(source)
    if sheet not in wb.sheetnames:
        raise InputError(f"{source}: the sheet {sheet!r} is no longer in the workbook")
    ws = wb[sheet]
    found = _find_header(ws)
    if not found:
        raise InputError(f"{source}: the question header row is no longer there")
    header_row, cols = found
    col = cols.get("answer")
    if col is None:
        col = ws.max_column
        ws.cell(row=header_row, column=col + 1, value="Response")
    from openpyxl.styles import Alignment

    for row, text in answers.items():
        cell = ws.cell(row=row, column=col + 1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
