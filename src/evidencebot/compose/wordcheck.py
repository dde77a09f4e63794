"""Word drafts in: read a ``.docx`` for checking, and write a copy with the findings as comments.

:func:`read_docx` opens a Word document and returns its text as the reader of
the final document would see it, one :class:`Segment` per paragraph, in
reading order: body paragraphs and table cells (cell by cell, row by row, in
place), then the headers and footers. Tracked changes are taken as accepted
(inserted text kept, deleted text dropped); existing comments, field codes,
text boxes and footnotes are not read.

:func:`draft_text` joins the segments with blank lines, so the plain-text
checker sees each paragraph as one block; :func:`place` turns a finding's
offsets in that text back into a segment and a column, and :func:`annotate`
writes a copy of the document with each finding as exactly one Word comment
anchored on the words concerned (runs are split where a finding starts or
ends inside one). The original file is never written to.

Word has no comments in headers and footers: a finding there is anchored on
the first words of the body, and its comment says where the words are.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from evidencebot.compose.export import from_draft
from evidencebot.compose.word import render_docx
from evidencebot.errors import InputError
from evidencebot.inputs import read_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
AUTHOR = "evidencebot"
INITIALS = "EB"
SEPARATOR = "\n\n"
"""Between two segments in :func:`draft_text` (a blank line: a new plain-text block)."""


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = _q("p"), _q("r"), _q("t"), _q("tbl"), _q("tr"), _q("tc")
_SDT, _SDT_CONTENT = _q("sdt"), _q("sdtContent")
_SKIP = {_q("del"), _q("moveFrom"), _q("txbxContent"), _q("pPr"), _q("rPr")}
"""Subtrees whose text is not part of the accepted document (deleted, moved away, text boxes)."""
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_AS_SPACE = {_q("tab"), _q("br"), _q("cr"), _q("ptab")}
_LINE_BREAKS = {_q("br"), _q("cr")}


@dataclass
class Segment:
    """One paragraph of the document, as text, with a map back to its XML."""

    where: str
    """Where a reader finds it: ``paragraph 4``, ``table 1, row 2, column 3``, ``header``."""
    element: object
    """The ``w:p`` element."""
    story: str = "body"
    """``body``, ``header`` or ``footer``."""
    text: str = ""
    chars: list = field(default_factory=list)
    """For each character of ``text``: (the ``w:t`` element or other run child, offset in it)."""


_FLD_SIMPLE = _q("fldSimple")
_PAGE_FIELD = re.compile(r"\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b", re.I)


def _walk(p) -> tuple[str, list]:
    """The accepted text of paragraph ``p`` and each character's source (element, offset)."""
    out: list[str] = []
    chars: list = []

    def visit(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _FALLBACK or tag == _P:
                continue
            if tag == _FLD_SIMPLE and _PAGE_FIELD.match(child.get(_q("instr")) or ""):
                continue  # 'Page 1 of 1': numbers Word works out, not words of the draft (read as a count of 1 of 1)
            if tag == _T:
                text = child.text or ""
                out.append(text)
                chars.extend((child, k) for k in range(len(text)))
            elif tag in _AS_SPACE:
                # (s37) a soft line break (Shift+Enter: w:br, w:cr) is a line break of the paragraph, so the
                # privacy rules read a record typed over several lines as its lines; a tab is a space
                out.append("\n" if tag in _LINE_BREAKS else " ")
                chars.append((child, 0))
            elif tag == _q("noBreakHyphen"):
                out.append("-")
                chars.append((child, 0))
            else:
                visit(child)

    visit(p)
    return "".join(out), chars


@dataclass
class WordDraft:
    path: Path
    document: object
    """The python-docx Document (opened from the bytes read once)."""
    segments: list[Segment]

    @property
    def text(self) -> str:
        return draft_text(self.segments)


def draft_text(segments: list[Segment]) -> str:
    return SEPARATOR.join(s.text for s in segments)


def _open(path: Path, data: bytes | None = None):
    """The python-docx Document for ``path``, or a one-line :class:`InputError`."""
    import docx

    if data is None:
        data = read_bytes(path)
    if data[:8] == OLE_MAGIC:
        raise InputError(f"{path}: the Word document is password-protected (encrypted) or in the old .doc "
                         "format; remove the password or save it as .docx and try again")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{path}: not a Word .docx file (it is not a zip package: the file may be damaged)")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read the Word document ({why}); it may be damaged") from None


def _segments_of(container, where: str, story: str, counter: dict) -> list[Segment]:
    """Segments of a body, header, footer or cell, in order (tables cell by cell)."""
    out: list[Segment] = []
    for child in container:
        tag = child.tag
        if tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                out += _segments_of(content, where, story, counter)
        elif tag == _P:
            if story == "body" and not where:
                counter["paragraph"] += 1
                label = f"paragraph {counter['paragraph']}"
            else:
                label = where or story
            text, chars = _walk(child)
            out.append(Segment(label, child, story, text, chars))
        elif tag == _TBL:
            if story == "body" and not where:
                counter["table"] += 1
                name = f"table {counter['table']}"
            else:
                name = f"{where or story}, table"
            for r, tr in enumerate(child.iter(_TR), 1):
                if tr.getparent() is not child:
                    continue
                for c, tc in enumerate((x for x in tr if x.tag == _TC), 1):
                    out += _segments_of(tc, f"{name}, row {r}, column {c}", story, counter)
    return out


def read_docx(path: str | Path, data: bytes | None = None) -> WordDraft:
    """Open a Word draft for checking (see the module docstring); errors are one line naming the file."""
    path = Path(path)
    document = _open(path, data)
    counter = {"paragraph": 0, "table": 0}
    segments = _segments_of(document.element.body, "", "body", counter)
    seen = set()
    for kind in ("header", "footer"):
        parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/" + kind)]
        for n, part in enumerate(sorted(parts, key=lambda p: str(p.partname)), 1):
            if part.partname in seen:
                continue
            seen.add(part.partname)
            label = kind if len(parts) == 1 else f"{kind} {n}"
            segments += _segments_of(part.element, label, kind, counter)
    return WordDraft(path, document, segments)


# ---------------------------------------------------------------- findings by paragraph


def place(segments: list[Segment], start: int, end: int) -> tuple[int, int, int]:
    """(segment index, start, end) within the segment for offsets in :func:`draft_text`."""
    offset = 0
    for i, seg in enumerate(segments):
        stop = offset + len(seg.text)
        if start < stop + len(SEPARATOR) or i == len(segments) - 1:
            return i, start - offset, min(end, stop) - offset
        offset = stop + len(SEPARATOR)
    raise ValueError("offset beyond the draft")


def localise(findings, segments: list[Segment]) -> list[dict]:
    """The findings as the checker's JSON rows, by paragraph: ``line`` is the
    paragraph's number in reading order, ``column`` counts characters in it,
    and ``where`` says where a reader finds it (``table 1, row 2, column 3``)."""
    rows = []
    for f in findings:
        i, s, e = place(segments, f.start, f.end)
        rows.append({
            "line": i + 1, "column": s + 1, "end_line": i + 1, "end_column": max(s, e - 1) + 1,
            "where": segments[i].where, "rule": f.rule, "family": f.family, "severity": f.severity,
            "message": f.message, "match": f.match, "suggestions": list(f.suggestions),
        })
    return rows


# ---------------------------------------------------------------- annotate


def _run_of(el):
    """The ``w:r`` holding a run child, or None."""
    parent = el.getparent()
    return parent if parent is not None and parent.tag == _R else None


def _explode(r) -> None:
    """Give every content child of run ``r`` a run of its own (same properties)."""
    content = [c for c in r if c.tag != _q("rPr")]
    if len(content) <= 1:
        return
    rpr = r.find(_q("rPr"))
    anchor = r
    for child in content[1:]:
        new = copy.deepcopy(r)
        for c in list(new):
            new.remove(c)
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        new.append(child)  # moves it out of r
        anchor.addnext(new)
        anchor = new


def _split_at(seg: Segment, k: int) -> None:
    """Make a run boundary before character ``k`` of the segment."""
    if k <= 0 or k >= len(seg.chars):
        return
    el, offset = seg.chars[k]
    if offset == 0:
        prev_el, _ = seg.chars[k - 1]
        r, prev_r = _run_of(el), _run_of(prev_el)
        if r is not None and r is not prev_r:
            return
    r = _run_of(el)
    if r is None:
        return
    _explode(r)
    if offset == 0:
        # el now starts its own run (after the explode); nothing more to cut
        _refresh(seg)
        return
    r = _run_of(el)
    text = el.text or ""
    new = copy.deepcopy(r)
    r.addnext(new)
    new_t = new.find(_T)
    el.text, new_t.text = text[:offset], text[offset:]
    for t in (el, new_t):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _refresh(seg)


def _refresh(seg: Segment) -> None:
    seg.text, seg.chars = _walk(seg.element)


def _comment_text(f: dict, seg: Segment) -> str:
    lines = []
    if seg.story != "body":
        lines.append(f"In the {seg.where}: “{f['match']}”.")
    lines.append(f"{f['severity'].capitalize()}: {f['message']}")
    for s in f.get("suggestions") or []:
        lines.append(f"Suggestion: {s}")
    return "\n".join(lines)


def _first_body_run(draft: WordDraft):
    for seg in draft.segments:
        if seg.story == "body" and seg.text.strip():
            for el, _ in seg.chars:
                r = _run_of(el)
                if r is not None:
                    return r, r
    return None


def annotate(draft: WordDraft, rows: list[dict]) -> bytes:
    """The document with each finding (a :func:`localise` row) as one Word comment; returns the bytes.

    Runs are split where a finding begins or ends inside one, so the comment
    covers exactly the words concerned. ``draft`` is changed in memory (read it
    again to check once more); the file it came from is not touched.
    """
    by_segment: dict[int, list[dict]] = {}
    for row in rows:
        by_segment.setdefault(row["line"] - 1, []).append(row)
    anchors: list[tuple[dict, Segment, object, object]] = []
    for i, found in sorted(by_segment.items()):
        seg = draft.segments[i]
        if seg.story != "body":
            first = _first_body_run(draft)
            if first is not None:
                anchors += [(row, seg, first[0], first[1]) for row in found]
            continue
        cuts = sorted({row["column"] - 1 for row in found} | {row["end_column"] for row in found}, reverse=True)
        for k in cuts:  # from the end, so earlier positions stay valid
            _split_at(seg, k)
        for row in found:
            s, e = row["column"] - 1, row["end_column"]
            runs = [r for r in (_run_of(el) for el, _ in seg.chars[s:e]) if r is not None]
            if runs:
                anchors.append((row, seg, runs[0], runs[-1]))
    comments = draft.document.comments
    for row, seg, first, last in anchors:
        comment = comments.add_comment(text=_comment_text(row, seg), author=AUTHOR, initials=INITIALS)
        first.insert_comment_range_start_above(comment.comment_id)
        last.insert_comment_range_end_and_reference_below(comment.comment_id)
    buf = io.BytesIO()
    draft.document.save(buf)
    return buf.getvalue()


def comment_anchors(document) -> dict[int, str]:
    """{comment id: the accepted text its range covers} for a python-docx Document (body only)."""
    body = document.element.body
    open_: dict[int, list[str]] = {}
    done: dict[int, str] = {}
    start_tag, end_tag = _q("commentRangeStart"), _q("commentRangeEnd")
    for el in body.iter():
        tag = el.tag
        if tag == start_tag:
            open_[int(el.get(_q("id")))] = []
        elif tag == end_tag:
            cid = int(el.get(_q("id")))
            if cid in open_:
                done[cid] = "".join(open_.pop(cid))
        elif tag in (_T,) or tag in _AS_SPACE:
            if any(a.tag in _SKIP or a.tag == _FALLBACK for a in el.iterancestors()):
                continue
            piece = (el.text or "") if tag == _T else " "
            for parts in open_.values():
                parts.append(piece)
    return done


# ---------------------------------------------------------------- Word to Markdown (the app's editor)


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def docx_to_markdown(path: str | Path, data: bytes | None = None) -> str:
    """A Word draft as Markdown for the editor: headings (Heading 1-6 or Title) as ``#``,
    list paragraphs as ``-`` or ``1.``, tables as Markdown tables (first row as header),
    text as if tracked changes were accepted; comments, headers and footers left out."""
    from docx.text.paragraph import Paragraph

    draft = read_docx(path, data)
    document = draft.document
    out: list[str] = []

    def style_of(p) -> str:
        try:
            return Paragraph(p, document.part).style.name or ""
        except Exception:  # a style id the document does not define
            return ""

    def emit(container) -> None:
        for child in container:
            if child.tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    emit(content)
            elif child.tag == _P:
                text, _ = _walk(child)
                text = " ".join(text.split())
                if not text:
                    continue
                style = style_of(child)
                m = re.match(r"Heading (\d)", style)
                if style == "Title":
                    out.append(f"# {text}")
                elif m:
                    out.append("#" * min(6, int(m.group(1))) + f" {text}")
                elif style.startswith("List Number"):
                    out.append(f"1. {text}")
                elif style.startswith("List"):
                    out.append(f"- {text}")
                else:
                    out.append(text)
            elif child.tag == _TBL:
                rows = []
                for tr in (r for r in child if r.tag == _TR):
                    cells = []
                    for tc in (c for c in tr if c.tag == _TC):
                        texts = [_walk(p)[0] for p in tc.iter(_P)]
                        cells.append(_md_cell(" ".join(texts)))
                    rows.append(cells)
                if not rows:
                    continue
                width = max(len(r) for r in rows)
                rows = [r + [""] * (width - len(r)) for r in rows]
                lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
                lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
                out.append("\n".join(lines))

    emit(document.element.body)
    return "\n\n".join(out) + "\n"


def check_docx(draft: WordDraft, checker) -> list[dict]:
    """The findings of ``checker`` (a :class:`~evidencebot.language.checker.Checker`) on a Word
    draft, as :func:`localise` rows (the paragraphs checked as plain text)."""
    found = checker.check_many([(draft.text, str(draft.path))], markup="text")[0]
    return localise(found, draft.segments)


def annotated_copy(data: bytes, checker, name: str = "draft.docx") -> tuple[list[dict], bytes]:
    """(findings, the document with each finding as a Word comment) for a Word file's bytes:
    how the app exports an edited draft back to Word with its findings."""
    draft = read_docx(name, data)
    rows = check_docx(draft, checker)
    return rows, annotate(draft, rows)


def annotated_markdown(markdown: str, checker, *, title: str = "Draft", name: str = "draft.docx",
                       organisation: str | None = None) -> tuple[list[dict], bytes]:
    """(findings, a Word file of the draft with each finding as a Word comment) for a draft in Markdown.

    How the app exports an edited draft that came from Word: the Markdown is
    rendered as the app's Word export renders any draft (the house-style
    template, :func:`evidencebot.compose.word.render_docx`, without an
    appendix), then checked and annotated as ``check --annotate`` annotates a
    Word file (:func:`annotated_copy`), so every finding is one comment on the
    words concerned. ``name`` labels errors only; nothing is read from or
    written to a file.
    """
    data = render_docx(from_draft(markdown, kind="text", title=title), appendix=False, charts=False,
                       organisation=organisation)
    return annotated_copy(data, checker, name)
