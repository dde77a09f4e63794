"""Buyers' questionnaires in and out: Word and Excel tenders.

Reading (:func:`read_questionnaire`):

* **Word, tables.** A table whose header row names a question column
  ("Question", "Requirement") is read one row per question; other columns are
  found by their header words: reference ("Ref", "No.", "Section"), guidance
  ("Guidance", "Notes", "What we are looking for"), limit ("Word limit",
  "Limit", "Max words", "Characters", "Pages"), weighting ("Weighting",
  "Weight", "%"). A two-column table whose left cells are labels ("Question",
  "Guidance", "Word limit", "Weighting", "Ref") holds one question.
* **Word, paragraphs.** Without such tables, the document's paragraphs in order
  (with or without Heading styles: many buyers' documents have none). A question
  starts at a reference or title line: a Heading paragraph, "Q3.2 ...",
  "Question 5", "4.1 ..." (or "1." when the document has no other references),
  and runs to the next one. A numbered list inside a question (after a lead-in
  ending with ":", numbered on from it, or "3.1" under "3.") and the buyer's
  scoring scale ("5 – Excellent: ...") belong to the question they sit in; a
  title with nothing under it is a section title, not a question. A small table
  under a question ("Word limit | 500", "Weighting | 10%") is read as its lines.
* **Excel.** The first sheet with a header row (in its first 40 rows) that
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

from evidencebot.compose.columns import column_kind, header_columns
from evidencebot.compose.file_errors import unreadable
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.questions import _ASK_WORDS, header_unit, limit_cell, question_title, read_limits, title_reference
from evidencebot.errors import InputError
from evidencebot.inputs import check_input, load_yaml


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
    cells: dict[str, str] = field(default_factory=dict)
    """Where each field was read: 'cell D3 of sheet Quality' (Excel), 'row 3 of the question table, column "Word
    limit"' (Word); named by an error about that field."""

    def at(self, kind: str) -> str:
        """', cell D3 of sheet Quality' for an error about field ``kind`` ('' when not known)."""
        return f" ({self.cells[kind]})" if kind in self.cells else ""

    @property
    def full_text(self) -> str:
        """The question as the parser reads it: question, guidance and limit."""
        return "\n".join(t for t in (self.question, self.guidance, self.limit_text) if t and t.strip())


@dataclass
class Questionnaire:
    path: Path
    kind: str  # docx | xlsx | text (question files, one question each)
    title: str
    questions: list[BuyerQuestion] = field(default_factory=list)
    sheet: str | None = None
    answer_column: str | None = None
    """Excel: the header of the answer column (its letter is found again on export)."""
    preamble: str = ""
    """The buyer's text outside the questions (a Word document's paragraphs, the rows above an
    Excel header): where the buyer, the contract start and the incumbent are often stated."""
    skipped: list[str] = field(default_factory=list)
    """Text that reads like a question but was not imported as one (said on import, never silent)."""

    @property
    def text(self) -> str:
        """Everything the buyer wrote: the title, the preamble and every question."""
        return "\n".join([self.title, self.preamble] + [q.full_text for q in self.questions])


QUESTION_FILES = (".md", ".txt")
"""Suffixes read as one question each (the files ``evidencebot assemble tender --question-file`` takes)."""


_HEADER_LINE = re.compile(r"^\s*(?:\*\*|__)?(?P<key>[A-Za-z][A-Za-z ]{1,40}?)\s*:\s*(?:\*\*|__)?\s*(?P<value>\S.*?)\s*$")


def header_lines(text: str) -> dict[str, str]:
    """The '**Key:** value' lines a question file opens with, before its first heading ({'buyer': ..., 'itt
    reference': ...}): keys lower case, values with their spaces and case made plain."""
    out: dict[str, str] = {}
    body = re.sub(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", "", text or "", flags=re.S)
    for line in body.splitlines():
        if line.lstrip().startswith("#"):
            break
        m = _HEADER_LINE.match(line.replace("**", "").replace("__", ""))
        if m:
            out[" ".join(m.group("key").lower().split())] = " ".join(m.group("value").lower().split())
    return out


def sibling_question_files(path) -> list[Path]:
    """The other question files (``.md``, ``.txt``) in ``path``'s folder of the same tender: their header lines give the
    same value for every key of ``siblings.keys`` (``phrasebank/buyer_facts.yaml``) that ``path``'s header gives (the
    buyer, the ITT reference, the lot), and ``path``'s header names the tender (one of ``siblings.ids``). In name
    order; none when ``path`` has no such header. A file that cannot be read is not one."""
    spec = load_phrasebank("buyer_facts.yaml").get("siblings") or {}
    keys, ids = [str(k) for k in spec.get("keys") or []], {str(k) for k in spec.get("ids") or []}
    here = Path(path).expanduser()
    try:
        own = header_lines(here.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return []
    wanted = {k: v for k, v in own.items() if k in keys}
    if not ids & set(wanted):
        return []
    out = []
    for p in sorted(here.parent.iterdir())[: int(spec.get("most") or 200)]:
        if p.suffix.lower() not in QUESTION_FILES or not p.is_file() or p.resolve() == here.resolve():
            continue
        try:
            check_input(str(p), limit="check_mb", what="question file")
            theirs = header_lines(p.read_text(encoding="utf-8-sig"))
        except (InputError, OSError, UnicodeDecodeError):
            continue
        if all(theirs.get(k) == v for k, v in wanted.items()):
            out.append(p)
    return out


def read_question_files(paths) -> Questionnaire:
    """Several question files (``.md`` or ``.txt``, one question each, as the bid team pastes them from
    the buyer's portal) read as one questionnaire, in the order given: a tender assembled from its
    questions, so that the buyer, the localities and the incumbent are decided once from all of them.
    A question's reference is the buyer's, read from its title ('C2.1', 'Question 7'), else the file's
    name; front matter ``word_limit`` is its limit, as for ``assemble tender --question-file``."""
    files = [Path(p).expanduser() for p in paths]
    questions = []
    for p in files:
        if p.suffix.lower() not in QUESTION_FILES:
            raise InputError(f"{p}: several files are read as one question each: give .md or .txt files, "
                             "or one Word (.docx) or Excel (.xlsx) questionnaire")
        if not p.is_file():
            raise InputError(f"{p}: no such file")
        path = check_input(str(p), limit="check_mb", what="question file")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{p}: not a UTF-8 text file") from None
        limit_text = ""
        front = re.match(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.S)
        if front:
            meta = load_yaml(front.group(1), str(p)) or {}
            if isinstance(meta, dict) and meta.get("word_limit") is not None:
                limit_text = f"{meta['word_limit']} words"
            text = text[front.end():]
        text = text.strip()
        if not text:
            raise InputError(f"{p}: the question is empty")
        if not re.search(r"\?|\b(?:describe|explain|how|what|set\s+out|tell\s+us|outline|provide|give|demonstrate|"
                         r"detail|address|confirm|include)\b", text, re.I):
            raise InputError(f"{p}: no recognisable question (a .md or .txt file is read as one question; for a "
                             "whole questionnaire give a Word (.docx) or Excel (.xlsx) file)")
        title = question_title(text)
        named = re.search(r"\bQuestion\s+[A-Z]{0,3}\d+(?:\.\d+)*[a-z]?\b", title)
        lead = re.match(r"[A-Z]{0,3}\d+(?:\.\d+)*[a-z]?(?=$|[\s:.)–—-])", title)  # 'C2.1', 'D1.1 Service model'
        ref = title_reference(title) or (lead.group(0) if lead else "") or (named.group(0) if named else "") or p.stem
        questions.append(BuyerQuestion(ref=ref, question=text, limit_text=limit_text))
    if not questions:
        raise InputError("give at least one question file")
    # the buyer's references, not our file names ('4 questions (Question 4.4 to Question 10)', not 'q01.md to q10.md')
    refs = [q.ref for q in questions]
    title = f"{len(files)} questions ({refs[0]} to {refs[-1]})" if len(files) > 1 else (question_title(questions[0].question)
                                                                                           or refs[0])
    q = Questionnaire(path=files[0], kind="text", title=title, questions=questions)
    _read_limits(q)
    return q


def read_questionnaire(path) -> Questionnaire:
    if isinstance(path, (list, tuple)):
        if len(path) != 1 or Path(path[0]).suffix.lower() in QUESTION_FILES:
            return read_question_files(path)
        path = path[0]
    p = Path(path).expanduser()
    if p.suffix.lower() in QUESTION_FILES:
        return read_question_files([p])
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        q = _read_docx(p)
    elif suffix in (".xlsx", ".xlsm"):
        q = _read_xlsx(p)
    else:
        hint = {".doc": " (open it in Word and save it as .docx)", ".xls": " (open it in Excel and save it as .xlsx)",
                ".odt": " (save it as .docx)", ".ods": " (save it as .xlsx)",
                ".pdf": " (ask the buyer for the Word or Excel version, or paste a question into "
                        "'evidencebot assemble tender --question-file')"}.get(suffix, "")
        raise InputError(f"{p}: give a Word (.docx) or Excel (.xlsx) questionnaire, or question files (.md, .txt), not "
                         f"{suffix or 'a file without a suffix'}{hint}")
    if not q.questions:
        raise InputError(f"{p}: no recognisable questions (looked for a table or sheet with a 'Question' column, "
                         "and for numbered questions or question headings)")
    _fold_part_intros(q)
    _read_limits(q)
    return q


_NUMBER_OF = re.compile(r"(?i)^\s*(?:q(?:uestion)?\.?\s*)?(\d{1,3}[a-z]?)\s*$")


def _fold_part_intros(q: Questionnaire) -> None:
    """A question whose text only introduces its numbered parts, each read as a question of its own ('Question 12 –
    Mobilisation, TUPE and social value' / 'This question is in two parts, scored separately.' over '12.1 ...
    (maximum 3 sides of A4)' and '12.2 ... (maximum 600 words)', s32 q12, spent: the import stopped on it as a
    question with nothing to answer; s32 q05's became a question with no limit) is no question: the parts are, under
    the buyer's numbers. One that asks something of its own is kept."""
    keep: list[BuyerQuestion] = []
    for n, item in enumerate(q.questions):
        number = _NUMBER_OF.match(item.ref or "")
        after = q.questions[n + 1].ref if n + 1 < len(q.questions) else ""
        if number and re.match(rf"{re.escape(number.group(1))}\.\d", after or "") \
                and not _ASK_WORDS.search(" ".join((item.question, item.guidance))):
            continue
        keep.append(item)
    q.questions = keep


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
                    # '1000 (words)', 'Limit: 1000', '750 words (excluding headings)', 'Max 2 sides A4'
                    item.limit_text = limit_cell(limit_text) or "Maximum " + limit_text
                    cell = read_limits(item.limit_text)
                if not (cell.words or cell.chars or cell.pages):
                    raise InputError(f"{where}{item.at('limit')}: the limit {limit_text!r} cannot be read (write it "
                                     "as '500 words', '2,000 characters' or '2 sides of A4')")
        try:
            limits = read_limits(item.full_text, strict=True)
        except InputError as exc:
            raise InputError(f"{where}{item.at('limit') if 'limit' in str(exc) else ''}: {exc}") from None
        item.word_limit, item.char_limit, item.page_limit = limits.words, limits.chars, limits.pages
        weight = item.weighting_text.strip()
        if weight and not re.fullmatch(r"(?i)n/?a|none|-", weight):
            m = re.search(r"(\d+(?:\.\d+)?)", weight)
            if not m:
                raise InputError(f"{where}{item.at('weighting')}: the weighting {weight!r} is not a number")
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
    except Exception:  # python-docx raises several kinds for a damaged file: say which file and why
        raise unreadable(p, "docx") from None


def _cell_text(cell) -> str:
    """Every paragraph in the cell, those inside a content control or a nested table too."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return "\n".join(Paragraph(p, cell).text for p in cell._tc.iter(qn("w:p"))).strip()


def _blocks(doc):
    """The body's paragraphs and tables in order, those inside content controls too (buyers' forms
    often wrap questions in them, and python-docx's own list skips them)."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, doc._body)
            elif child.tag == qn("w:tbl"):
                yield Table(child, doc._body)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(doc.element.body)


def _read_docx(p: Path) -> Questionnaire:
    from docx.table import Table

    doc = _open_docx(p)
    title = next((par.text.strip() for par in doc.paragraphs if par.text.strip()), p.stem)
    q = Questionnaire(path=p, kind="docx", title=title[:200],
                      preamble="\n".join(par.text for par in doc.paragraphs if par.text.strip()))
    numbers = _Numbering(doc)
    heading: _Line | None = None  # the numbered title paragraph over a question's table, if any
    for block in _blocks(doc):
        if not isinstance(block, Table):
            marker, _ = numbers.marker(block)
            text = " ".join(f"{marker} {block.text}".split())
            if text:
                line = _numbered(_Line(text=text, heading=_style_name(block).startswith("heading")))
                # a reference ('3.1', 'Q3.1', a numbered Heading), not a list item's '1.'
                heading = line if line.shape in ("prefixed", "dotted") or (line.heading and line.shape) else heading
            continue
        rows = [[_cell_text(c) for c in row.cells] for row in block.rows]
        found = _table_questions(rows, heading)
        if found and not _columns_row(rows):
            heading = None  # a label table took the heading over it
        q.questions += found
    if q.questions:
        _add_paragraph_questions(q, doc)
        return q
    q.questions = _paragraph_questions(_docx_lines(doc))
    return q


def _columns_row(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The header row of a questions table, under a title row or two merged across the table
    ('Section 3: Quality'); it names two columns at least ('Question | Describe how ...' is a
    label and its question)."""
    return next(((n, header_columns(r)) for n, r in enumerate(rows[:3]) if len(header_columns(r)) >= 2), None)


def _table_questions(rows: list[list[str]], heading: _Line | None) -> list[BuyerQuestion]:
    """The questions of one Word table: one a row under a header row, or one question in a label
    table ('Question | ...', 'Word limit | 500'), with the reference of the numbered ``heading``
    paragraph over it when the table names none."""
    if not rows:
        return []
    found = _columns_row(rows)
    if found:
        n, cols = found
        return [item for item in (_row_question(r, cols, headers=rows[n], place=f"row {k} of its table")
                                  for k, r in enumerate(rows[n + 1:], n + 2)) if item]
    labelled = _labelled(rows)
    if "question" not in labelled:
        return []
    labels = {kind: value for kind, (_, value) in labelled.items()}
    ref, question = labels.get("ref", "").strip(), labels["question"]
    top = _numbered(_Line(text=" ".join(rows[0][0].split()))) if len(set(rows[0])) == 1 else None
    named = re.match(r"(?i)\s*(q(?:uestion)?\.?\s*\d+(?:\.\d+)*[a-z]?)\b", labelled["question"][0])
    for source in (top if top is not None and top.shape else None, heading):
        if source is not None and not ref:
            # '3.1 Safeguarding' over the table (merged across its top row, or the paragraph before it)
            ref = source.ref
            # its title, unless the question opens with it ('Safeguarding' over 'Describe ... Safeguarding Adults
            # Reviews ...' is still the title: the Word export heads the answer 'Q3.2 Safeguarding', not 'Q3.2')
            if source.rest and not question.lstrip().lower().startswith(source.rest.lower()):
                question = f"{source.rest}\n{question}"
    if not ref and named:
        ref = " ".join(named.group(1).split())  # 'Question 3.1 | Describe ...'
    limit = _limit_with_unit(*reversed(labelled["limit"])) if "limit" in labelled else ""
    return [BuyerQuestion(ref=ref, question=question, guidance=labels.get("guidance", ""),
                          limit_text=limit, weighting_text=labels.get("weighting", ""))]


def _add_paragraph_questions(q: Questionnaire, doc) -> None:
    """A document mixing layouts: questions in tables and questions written as numbered headings
    and paragraphs ('Q3.1 Service model' then its text, 'Q3.2 Safeguarding' over a Question /
    Guidance / Word limit table). The body is read again in order with each question table as a
    question of its own, so that every numbered question comes in, in the buyer's order; a table
    under a question heading stays that question's (its heading's paragraphs join it). Among
    tables, a paragraph question needs its reference ('Q3.1', '4.2'); text that asks something
    but has none is listed in :attr:`Questionnaire.skipped`, not dropped silently."""
    skipped: list[str] = []
    found = _paragraph_questions(_docx_lines(doc, tables=True), skipped=skipped, refs_only=True)
    if len(found) > len(q.questions):
        q.questions = found
    q.skipped += skipped


def _style_name(par) -> str:
    return ((par.style.name if par.style is not None else "") or "").lower()


def _labelled(rows: list[list[str]]) -> dict[str, tuple[str, str]]:
    """{kind: (label, value)} of a table that labels its cells: 'Question | text' / 'Word limit | 500'
    one pair a row, or a header row over one row of values ('Word limit | Weighting' over '500 | 10%')."""
    labels: dict[str, tuple[str, str]] = {}
    for r in rows:
        if len(r) >= 2:
            kind = column_kind(r[0])
            if kind and kind not in labels and r[1].strip():
                labels[kind] = (r[0], r[1])
    if not labels and len(rows) >= 2:
        for head, value in zip(rows[0], rows[1]):
            kind = column_kind(head)
            if kind and kind not in labels and value.strip():
                labels[kind] = (head, value)
    return labels


def _limit_with_unit(limit: str, header: str) -> str:
    """A bare number in a limit cell with the unit its label or header names ('Max characters',
    'Pages'; words otherwise): '2000' under 'Character limit' is '2000 characters'."""
    if not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", limit.strip()):
        return limit
    return f"{limit.strip()} {header_unit(header)}"


# ------------------------------------------------ Word: questions written as paragraphs

_REF_LINE = re.compile(
    r"^\s*(?P<ref>(?P<prefix>(?:[a-z]?q|question)\.?\s*)?(?P<num>\d{1,3}(?:\.\d{1,3})*)(?P<letter>[a-z](?![a-z]))?)"
    r"(?![\d,%/])(?P<sep>\s*[.):–—-](?!\d))?\s*(?P<rest>.*)$", re.I | re.S)
_SCORES = (r"excellent|outstanding|very\s+good|good|strong|satisfactory|adequate|acceptable|fair|moderate|partial|"
           r"limited|minimal|weak|poor|very\s+poor|unacceptable|unsatisfactory|inadequate|insufficient|fail(?:ed)?|"
           r"pass(?:ed)?|no\s+(?:response|answer|evidence)|not\s+(?:answered|addressed|met)|nil|none|"
           r"(?:major|minor|serious|some|significant)\s+(?:concerns?|reservations?|gaps?|weakness(?:es)?)")
_SCALE_LINE = re.compile(rf"^\s*\(?\d{{1,2}}\)?\s*(?:marks?|points?)?\s*[-–—=:.)]?\s*\(?(?:{_SCORES})\b\s*(?:[-–—:=,.)(]|$)",
                         re.I)
"""A line of the buyer's scoring scale ('5 – Excellent: fully addresses ...', '0 = No response'):
part of the question it sits in, never a question of its own."""
_UNIT_WORDS = re.compile(r"^(?:words?|characters?|chars?|pages?|sides?|marks?|points?|per\s*cent|percent|hours?|"
                         r"days?|weeks?|months?|years?|people|staff|wte|january|february|march|april|may|june|july|"
                         r"august|september|october|november|december)\b", re.I)
_ASKS = re.compile(r"\?|\b(?:describe|explain|set\s+out|outline|provide|tell\s+us|give|demonstrate|detail|confirm|"
                   r"show|how|what|which|why|when|who|where|please)\b", re.I)

_ASKS_FIRST = re.compile(r"\?|(?:^|[.:]\s+)(?:please\s+)?(?:describe|explain|set\s+out|outline|provide|tell\s+us|"
                         r"demonstrate|detail|confirm|how\s+will|what\s+will)\b", re.I | re.M)
"""A sentence that asks the bidder for something (text left out of a tender is said when it asks)."""


_CELL = re.compile(r"\s\|\s|\t")


def _is_header_row(text: str) -> bool:
    """A spreadsheet header pasted as text: 'Ref | Question | Guidance | Word limit | Weighting'."""
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\t", text.strip().strip("|"))]
    return len(cells) >= 3 and bool(header_columns(cells))


@dataclass
class _Line:
    text: str
    heading: bool = False
    shape: str = ""
    """'' (not numbered), 'prefixed' (Q3.2, Question 5), 'dotted' (4.1) or 'single' (1.)."""
    ref: str = ""
    number: tuple[int, ...] = ()
    rest: str = ""
    soft: bool = False
    """A line after a soft line break: the same Word paragraph as the line before."""
    questions: list[BuyerQuestion] = field(default_factory=list)
    """A question table read in place (a document mixing tables and paragraphs): its questions."""


_BULLET_MARK = r"[-*•·▪◦–—‣○●■□➢➤►✓]|\(?[a-z]{1,4}[.)]"
"""A bullet or a lettered item's mark ('•', '-', 'a)', '(iv)')."""
_BULLET = re.compile(rf"^\s*(?:{_BULLET_MARK})\s", re.I)
"""A bullet or lettered list line (not a numbered one)."""
_LISTED = re.compile(rf"^\s*(?:{_BULLET_MARK}|\(?\d{{1,2}}(?:\.\d{{1,2}})*[.)]?)\s", re.I)
"""A list line: a bullet, a lettered item or a numbered one ('3.', '2.1', '(4)')."""


def _join(lines: list[_Line]) -> str:
    """Lines as the question's text: Word paragraphs apart (a blank line, as the buyer's
    paragraphs read: 'Responses exceeding 800 words will not be read ...' is a rule of its own,
    not the end of the last ask); a list's items, and lines of one paragraph, one under another."""
    out: list[str] = []
    for n, line in enumerate(lines):
        if n and not line.soft and not (_LISTED.match(line.text) and _LISTED.match(lines[n - 1].text)):
            out.append("")
        out.append(line.text)
    return "\n".join(out)


def _docx_lines(doc, tables: bool = False) -> list[_Line]:
    """The document's body in order: each paragraph (its soft line breaks as lines) and, for a
    table that is not a question table, its labelled cells as 'Label: value' lines (a 'Word
    limit | 500' table under a numbered question). The document's title is left out. With
    ``tables``, a question table is one line holding its questions, read as :func:`_read_docx` reads
    them (a label table takes the reference of the numbered heading over it)."""
    from docx.table import Table

    out: list[_Line] = []
    first = True
    numbers = _Numbering(doc)
    for block in _blocks(doc):
        if isinstance(block, Table):
            rows = [[_cell_text(c) for c in row.cells] for row in block.rows]
            if tables:
                heading = None
                for x in reversed(out):
                    if x.questions:
                        break  # taken by the table before
                    if x.shape in ("prefixed", "dotted") or (x.heading and x.shape):
                        heading = x
                        break
                table_qs = _table_questions(rows, heading)
                if table_qs:
                    out.append(_Line(text="", questions=table_qs))
                    continue
            labels = _labelled(rows)
            if "limit" in labels:
                label, value = labels["limit"]
                if re.search(r"\d", value):  # 'Word limit | TBC' is read, and refused, as written
                    value = _limit_with_unit(value, label)
                out.append(_Line(text=f"Maximum {value.strip()}" if re.match(r"\d", value.strip()) else
                                 f"{label.strip().rstrip(':')}: {value.strip()}"))
            if "weighting" in labels and re.search(r"\d", labels["weighting"][1]):
                value = labels["weighting"][1].strip()  # not a scoring table ('Score | Description')
                out.append(_Line(text=f"Weighting: {value}%" if re.fullmatch(r"[\d.]+", value) else f"Weighting: {value}"))
            if "guidance" in labels:
                out += [_Line(text=t.strip()) for t in labels["guidance"][1].split("\n") if t.strip()]
            continue
        marker, level = numbers.marker(block)
        text = block.text.rstrip()  # an indent typed before a nested item is kept
        if not text.strip():
            continue
        if marker:  # Word's own numbering or bullets: not in the paragraph's text, written out as the buyer sees it
            text = "    " * level + f"{marker} {text.strip()}"
        style = _style_name(block)
        if first and style == "title":
            first = False
            continue  # the document's title (kept in the preamble)
        first = False
        if style.startswith("heading"):
            out.append(_numbered(_Line(text=" ".join(text.split()), heading=True)))
        else:  # a nested item keeps its indent (the intake reads it as a sub-list)
            out += [_numbered(_Line(text=t.rstrip(), soft=k > 0)) for k, t in enumerate(x for x in text.split("\n")
                                                                                     if x.strip())]
    return out


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(97 + r) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "bullet":
        return "•"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Word's automatic numbering, worked out as Word shows it: a paragraph (or its style) names
    a list and a level; the list's level says the format ('%1.%2', '(%1)', a bullet) and where it
    starts. Without this, a questionnaire numbered by Word ('3.2 Safeguarding' as a numbered
    Heading, '(a)' items) reads with no references and no list markers."""

    def __init__(self, doc) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1)
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"), "")] = abstract.get(ref.get(qn("w:val"), ""), {})

    def _num_pr(self, par) -> tuple[str, int] | None:
        qn = self.qn
        found = par._p.find(qn("w:pPr") + "/" + qn("w:numPr"))
        style = par.style
        while found is None and style is not None:  # numbering given by the style (a numbered Heading 2)
            found = style.element.find(qn("w:pPr") + "/" + qn("w:numPr"))
            style = style.base_style
        if found is None:
            return None
        num_id, ilvl = found.find(qn("w:numId")), found.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
            return None
        return str(num_id.get(qn("w:val"))), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0

    def marker(self, par) -> tuple[str, int]:
        """The number or bullet Word shows before the paragraph ('' if none) and its level."""
        if not self.levels:
            return "", 0
        found = self._num_pr(par)
        if found is None or found[0] not in self.levels or not par.text.strip():
            return "", 0
        num_id, level = found
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a new item restarts the levels under it
        if fmt == "bullet":
            return "•", level

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            return _format_number(counters.get(k, kstart), kfmt)

        return re.sub(r"%(\d)", value, text).strip(), level


def _numbered(line: _Line) -> _Line:
    """Read a line's question reference, if it starts with one."""
    m = _REF_LINE.match(line.text)
    if not m or _SCALE_LINE.match(line.text):
        return line
    rest = m.group("rest").strip()
    prefixed, dotted = bool(m.group("prefix")), "." in m.group("num")
    if not prefixed and (_UNIT_WORDS.match(rest) or (rest[:1].islower() and dotted)):
        return line  # '500 words', '1.5 million', a date
    if not prefixed and not dotted and not m.group("sep") and not line.heading:
        return line  # a bare number ('3 sides of A4', '2 Safeguarding' is read only as a heading)
    if not rest and not (prefixed or dotted or line.heading):
        return line
    line.shape = "prefixed" if prefixed else "dotted" if dotted else "single"
    line.ref = " ".join(m.group("ref").split()).rstrip(".")
    line.number = tuple(int(n) for n in m.group("num").split("."))
    line.rest = rest
    return line


def _paragraph_questions(lines: list[_Line], skipped: list[str] | None = None,
                         refs_only: bool = False) -> list[BuyerQuestion]:
    """Questions written as paragraphs, as many buyers' documents are (often without Heading
    styles). A question starts at a reference or title line ('Q3.2 Safeguarding', '4.1
    Workforce', 'Question 5', a Heading paragraph), not at every numbered line: a numbered
    list after a lead-in ('... should address the following:'), its continuation and the
    buyer's scoring scale ('5 – Excellent: ...') belong to the question they sit in.

    Which numbered lines start questions: references (Q3.2, Question 5, 4.1) and headings
    when there are any; else headings when a heading is followed by the question's text;
    else single numbers ('1.', '2)') that are not list items.

    A line holding a question table's questions (:func:`_docx_lines` with ``tables``) starts
    a question of its own, and gives its questions as read; the paragraphs of the numbered
    heading just over it (its ref taken by the table) join its question. With ``refs_only`` (a
    document with question tables) a question needs its reference; text skipped that asks
    something goes to ``skipped``."""
    items = _list_items(lines)
    strong = [n for n, line in enumerate(lines) if line.shape in ("prefixed", "dotted") and n not in items]
    headed = any(line.heading and n + 1 < len(lines) and not lines[n + 1].heading and not lines[n + 1].shape
                 for n, line in enumerate(lines))
    starts = {n for n, line in enumerate(lines) if line.heading or line.questions}
    if strong:
        starts |= set(strong)
    elif not headed:
        starts |= {n for n, line in enumerate(lines) if line.shape == "single" and n not in items}
    blocks: list[tuple[_Line, list[_Line]]] = []
    for n, line in enumerate(lines):
        if n in starts:
            blocks.append((line, []))
            if _CELL.search(line.text) and n and _is_header_row(lines[n - 1].text):
                # a spreadsheet row pasted as text ('Q3.7 | Describe ... | 600 words | 7%') with its
                # header line above it: the header belongs to this question, not the one before
                if len(blocks) > 1 and blocks[-2][1] and blocks[-2][1][-1] is lines[n - 1]:
                    blocks[-2][1].pop()
                blocks[-1][1].append(lines[n - 1])
        elif blocks:
            blocks[-1][1].append(line)
    out: list[BuyerQuestion] = []
    held: list[_Line] = []  # a numbered heading's paragraphs, for the question table under it
    for k, (head, body) in enumerate(blocks):
        if head.questions:
            if held and len(head.questions) == 1:
                table_q = head.questions[0]
                lead, rest = table_q.question.split("\n", 1) if "\n" in table_q.question else ("", table_q.question)
                table_q.question = "\n".join(x for x in (lead, _join(held), rest) if x)
            held = []
            out += head.questions
            leftover = _join(body)
            if skipped is not None and body and _ASKS_FIRST.search(leftover):
                skipped.append(_short(leftover))
            continue
        nxt = blocks[k + 1][0] if k + 1 < len(blocks) else None
        if nxt is not None and nxt.questions and head.shape and any(t.ref == head.ref for t in nxt.questions):
            held = body  # 'Q3.2 Safeguarding' over its table: the table is the question
            continue
        if _CELL.search(head.text):  # a pasted row is read whole, under its header: the intake unpacks it
            rows = [x.text for x in body if _is_header_row(x.text)][:1] + [head.text]
            out.append(BuyerQuestion(ref=head.ref, question="\n".join(rows + [x.text for x in body
                                                                                if not _is_header_row(x.text)])))
            continue
        title = head.rest if head.shape else head.text
        if not body and not (len(title.split()) >= 6 or _ASKS.search(title)):
            continue  # a section title ('Section 3: Quality', '4.2 Mobilisation' with nothing under it)
        text = _join(([_Line(text=title)] if title.strip() else []) + body)
        if refs_only and head.shape not in ("prefixed", "dotted"):
            if skipped is not None and _ASKS_FIRST.search(text):
                skipped.append(_short(text))
            continue
        if strong and not head.shape and "?" not in text and not read_limits(text).word_budget:
            continue  # among numbered questions, an unnumbered heading ('Instructions to bidders') is the buyer's notes
        if not re.search(r"[A-Za-z]{3,}", text):
            continue
        out.append(BuyerQuestion(ref=head.ref, question=text))
    return out


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def _list_items(lines: list[_Line]) -> set[int]:
    """Numbered lines that are items of a list inside a question: the first after a line ending
    with ':' and each one numbered next after it (1., 2., 3. or 3.1, 3.2); a '3.1' under '3.'
    (a sub-number of the numbered line before it)."""
    items: set[int] = set()
    run: tuple[str, tuple[int, ...]] | None = None  # the list's shape and the number expected next
    parent: tuple[int, ...] | None = None  # the last numbered line that may have sub-numbered items
    parent_text = False  # whether the question's own text came after that line
    for n, line in enumerate(lines):
        if not line.shape or line.heading:
            if line.heading or not _BULLET.match(line.text):
                run = None  # a paragraph that is not a list line ends the list
            if line.heading:
                parent = None
            parent_text = not line.heading
            continue
        after_colon = n > 0 and lines[n - 1].text.rstrip().endswith(":") and not lines[n - 1].heading
        continues = run is not None and run == (line.shape, line.number)
        child = (parent is not None and parent_text and line.shape == "dotted"
                 and len(line.number) == len(parent) + 1 and line.number[:-1] == parent)
        if after_colon or continues or child:
            items.add(n)
            run = (line.shape, line.number[:-1] + (line.number[-1] + 1,))
        else:
            run = None
            # '3.1' straight under '3. Quality questions' is a question: '3.' was a section title
            parent = None if line.shape == "dotted" else line.number
            parent_text = False
    return items


def _row_question(cells: list[str], cols: dict[str, int], row: int | None = None,
                  headers: list[str] | None = None, place: str = "") -> BuyerQuestion | None:
    """One question from a row of a table; ``row`` (Excel, 1-based) or ``place`` ('row 3 of the question table') say
    where, for errors."""
    def get(kind: str) -> str:
        i = cols.get(kind)
        return str(cells[i]).strip() if i is not None and i < len(cells) and cells[i] is not None else ""

    text = get("question")
    if not text or not re.search(r"[A-Za-z]{3,}", text):
        return None
    asks = _ASKS.search(text) or _ASKS.search(get("guidance"))  # 'Safeguarding | Describe how you will ...'
    if not (get("ref") or get("limit") or get("weighting")) and len(text.split()) <= 8 and not asks:
        return None  # a section row ('Section B: Social value'), not a question
    limit = get("limit")
    if headers and limit:  # a bare number: the column's header says what it counts ('Max characters', 'Pages')
        limit = _limit_with_unit(limit, headers[cols["limit"]])
    elif headers:  # one limit for every row, in the answer's or question's header: 'Response (max 500 words)'
        limit = next((headers[cols[k]] for k in ("answer", "question") if k in cols
                      and cols[k] < len(headers) and read_limits(headers[cols[k]]).word_budget), "")
    where: dict[str, str] = {}
    for kind, i in cols.items():
        if row is not None:
            from openpyxl.utils import get_column_letter

            where[kind] = f"cell {get_column_letter(i + 1)}{row}"
        elif place:
            header = " ".join(str(headers[i]).split()) if headers and i < len(headers) else ""
            where[kind] = f"{place}, column '{header}'" if header else place
    return BuyerQuestion(ref=get("ref"), question=text, guidance=get("guidance"), limit_text=limit,
                         weighting_text=get("weighting"), row=row, cells=where)


# ---------------------------------------------------------------- Excel


def _open_xlsx(p: Path, **kw):
    try:
        from openpyxl import load_workbook

        return load_workbook(str(p), **kw)
    except Exception:  # openpyxl raises several kinds for a damaged file: say which file and why
        raise unreadable(p, "xlsx") from None


def _cell_str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _find_header(ws) -> tuple[int, dict[str, int]] | None:
    # buyers' workbooks often open with a block of instructions above the question table
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=40, values_only=True), 1):
        cols = header_columns([_cell_str(v) for v in row])
        if cols:
            return r, cols
    return None


def _xlsx_title(above: list[str], wb, fallback: str) -> str:
    """The workbook's title as the buyer wrote it: a title line in the first rows above the question table
    ('Ryedale Borough Council — Community Wellbeing Service ITT RBC-2027-03': a line of at most 20 words that is not
    a sentence), else the workbook's own title property, else ``fallback`` (the file and sheet: 'itt: Quality')."""
    for line in [t.strip() for t in above if t.strip()][:3]:
        if len(line.split()) <= 20 and not re.search(r"[.:;?!]$", line):
            return line[:200]
    own = (getattr(wb.properties, "title", None) or "").strip()
    return own[:200] if own else fallback


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
            title = _xlsx_title(above, wb, f"{p.stem}: {ws.title}")
            q = Questionnaire(path=p, kind="xlsx", title=title, sheet=ws.title,
                              answer_column=headers[cols["answer"]] if "answer" in cols else None,
                              preamble="\n".join(t for t in above if t.strip()))
            for r, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), header_row + 1):
                item = _row_question([_cell_str(v) for v in row], cols, row=r, headers=headers)
                if item:
                    item.cells = {k: f"{v} of sheet '{ws.title}'" for k, v in item.cells.items()}
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
