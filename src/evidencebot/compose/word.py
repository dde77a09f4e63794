"""Word documents in house style: a Word template (docxtpl) filled with the document's body.

:func:`render_docx` is the one way a Word document is made (``evidencebot
assemble``, ``tender export``, the app's export). The template gives the house
style (A4, the organisation's name in the header, "Page X of Y" in the
footer, Heading 1/2/3, 11 pt body); it receives the document's ``title``,
``organisation``, ``kind``, ``context`` (label, value pairs), ``date`` and its
``body``, built from the same Markdown the Markdown and HTML exports use
(:func:`markdown_to_docx`): headings become Heading
2/3, tables are sized to their content (no column narrower than its longest
word) with the header row repeated on every page, and charts are pictures.

Templates are looked up in ``<config dir>/templates/word/`` first (a file
named after the kind, e.g. ``tender.docx``, ``review.docx``, ``appendix.docx``,
then ``document.docx``), then in the shipped ``templates/word/``. A user's
template is rendered in the sandbox. A template with a Jinja error, or one
that is not a Word file, is a :class:`~evidencebot.errors.ConfigError` naming
the file (and the line), and nothing is written.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from evidencebot import locations
from evidencebot.compose import charts as C
from evidencebot.compose import env as compose_env
from evidencebot.compose.charts import Chart
from evidencebot.compose.document import APPENDIX_TITLE, ExportDoc, appendix_markdown, demote, markdown_parser
from evidencebot.compose.env import _sandbox
from evidencebot.config import load_settings
from evidencebot.errors import ConfigError

DEFAULT_TEMPLATE = "document.docx"
TABLE_FONT_PT = 9.0
CELL_PAD_PT = 14.0
"""Left plus right cell margins (Word's default 0.08 inch each side, 11.5 pt) and a little slack: a short cell of wide
letters ('M10', 17.5 pt in Arial 9 against 16.2 by :data:`CHAR_EM`) broke over two lines at 11.5 (session 37)."""
CHAR_EM = 0.6
"""Width of an average character in ems, generous for Arial and Calibri (bold headers included)."""


def template_for(kind: str, template: str | Path | None = None) -> tuple[Path, bool]:
    """The Word template to use and whether it is the user's own (sandboxed)."""
    if template is not None:
        return Path(template).expanduser(), True
    names = [f"{kind}.docx", DEFAULT_TEMPLATE] if kind else [DEFAULT_TEMPLATE]
    user = locations.user_dir("templates") / "word"
    for name in names:
        if (user / name).is_file():
            return user / name, True
    shipped = locations.packaged_dir("templates") / "word"
    for name in names:
        if (shipped / name).is_file():
            return shipped / name, False
    raise ConfigError(f"{shipped / DEFAULT_TEMPLATE}: the Word template is missing; reinstall evidencebot")


def organisation_name() -> str:
    """The organisation named in document headers (``[documents] organisation`` in config.toml)."""
    return load_settings().documents.organisation


# ---------------------------------------------------------------- tables sized to content


def text_width_pt(text: str, size: float) -> float:
    return len(text) * CHAR_EM * size


def column_widths(cells: list[list[str]], available_pt: float, size: float = TABLE_FONT_PT) -> list[float]:
    """Column widths (points) for a table of cell texts: each at least its longest word,
    the rest of the page shared out in proportion to how much more each column wants."""
    ncols = max((len(r) for r in cells), default=0)
    least, want = [CELL_PAD_PT] * ncols, [CELL_PAD_PT] * ncols
    for row in cells:
        for j, text in enumerate(row):
            words = text.split() or [""]
            least[j] = max(least[j], max(text_width_pt(w, size) for w in words) + CELL_PAD_PT)
            want[j] = max(want[j], text_width_pt(text, size) + CELL_PAD_PT)
    if sum(want) <= available_pt:
        return want
    spare = available_pt - sum(least)
    extra = sum(w - m for w, m in zip(want, least))
    if spare <= 0 or extra <= 0:
        return least
    return [m + (w - m) * spare / extra for w, m in zip(want, least)]


def size_table(table, cells: list[list[str]], available_pt: float, size: float = TABLE_FONT_PT) -> list[float]:
    """Fix the widths of a python-docx table to its content and repeat its header row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    widths = column_widths(cells, available_pt, size)
    table.autofit = False
    tbl = table._tbl
    pr = tbl.tblPr
    layout = pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(round(width * 20))))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Pt(width)
    if table.rows:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
        cant = OxmlElement("w:cantSplit")
        for row in table.rows:
            row._tr.get_or_add_trPr().append(cant.__copy__())
    return widths


def available_width_pt(document) -> float:
    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / 12700


# ---------------------------------------------------------------- rendering


def _jinja_env(sandboxed: bool, undefined=None):
    import jinja2

    undefined = undefined or jinja2.StrictUndefined
    if sandboxed:
        return _sandbox()(undefined=undefined, autoescape=True)
    return jinja2.Environment(undefined=undefined, autoescape=True)


def _sample_undefined():
    """For checking a template on sample values: a name the template uses that no document
    gives (``{{ titel }}``) is an error; an item or attribute the sample values lack
    (``{{ context[0][1] }}`` with no rows) is empty, as a real document may have it."""
    import jinja2
    from jinja2.utils import missing

    class SampleUndefined(jinja2.ChainableUndefined):
        def _strict(self) -> None:
            if self._undefined_obj is missing:
                self._fail_with_undefined_error()

        def __str__(self) -> str:
            self._strict()
            return ""

        def __iter__(self):
            self._strict()
            return iter(())

        def __bool__(self) -> bool:
            self._strict()
            return False

        def __len__(self) -> int:
            self._strict()
            return 0

    return SampleUndefined


def _template_error(path: Path, exc: Exception) -> ConfigError:
    line = getattr(exc, "lineno", None)
    where = ""
    around = list(getattr(exc, "docx_context", None) or [])
    if line:
        k = line - 1 - max(line - 4, 0)  # docxtpl keeps the lines from line - 4 on, tags stripped
        text = " ".join(around[k].split()) if 0 <= k < len(around) else ""
        where = f" at line {line}" + (f" (“{text[:60]}”)" if text else "")
    message = getattr(exc, "message", None) or str(exc)
    return ConfigError(f"{path}: Word template error{where}: {' '.join(str(message).split())}")


# ---------------------------------------------------------------- Markdown to Word


def _add_inline(paragraph, children) -> None:
    bold = italic = False
    for tok in children or []:
        if tok.type == "strong_open":
            bold = True
        elif tok.type == "strong_close":
            bold = False
        elif tok.type == "em_open":
            italic = True
        elif tok.type == "em_close":
            italic = False
        elif tok.type in ("text", "code_inline", "html_inline"):
            run = paragraph.add_run(tok.content)
            run.bold, run.italic = bold or None, italic or None
        elif tok.type in ("softbreak",):
            paragraph.add_run(" ")
        elif tok.type == "hardbreak":
            paragraph.add_run().add_break()


def _inline_text(children) -> str:
    return "".join(t.content if t.type != "softbreak" else " " for t in children or [])


def _style(document, name: str):
    """A paragraph style if the template has it (an organisation's template may not)."""
    try:
        return document.styles[name]
    except KeyError:
        return None


def _style_ids(document):
    """``style_id(name_or_style)``: the id python-docx's paragraph style setter would write (None for the
    document's default style; KeyError for a name the document lacks), looked up once per document.
    The setter looks the style up by name and scans every style for the default on each paragraph:
    686 scans of the template's styles for test_export's eight documents (cProfile, issue 17)."""
    from docx.enum.style import WD_STYLE_TYPE

    known: dict = {}

    def style_id(style):
        if not isinstance(style, str):  # a style object: nothing to remember it by
            return document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        if style not in known:
            known[style] = document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return known[style]

    return style_id


def _add_table(document, rows: list[list[tuple[str, list]]], header: bool, width: float | None = None,
               align: list[str] | None = None) -> None:
    if not rows:
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    ncols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=ncols)
    try:
        table.style = "Table Grid"
    except (KeyError, ValueError):
        pass
    small = _style(document, "Table Text")
    for i, (row, docx_row) in enumerate(zip(rows, table.rows)):
        cells = docx_row.cells  # one lookup per row: table.cell(i, j) rescans the grid
        for j in range(ncols):
            para = cells[j].paragraphs[0]
            if small is not None:
                para._p.style = small.style_id  # by id: the style setter looks the style up every time
            if align and j < len(align) and align[j] == "right":
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if j < len(row):
                _add_inline(para, row[j][1])
            if header and i == 0:
                for run in para.runs:
                    run.bold = True
    if width:
        size_table(table, [[c[0] for c in r] for r in rows], width)


def markdown_to_docx(document, markdown: str, *, width: float | None = None) -> None:
    """Append Markdown to a python-docx Document (or docxtpl sub-document) with real
    headings, lists and tables; ``width`` (points): size tables to their content within it."""
    tokens = markdown_parser().parse(markdown)
    style_id = _style_ids(document)
    i = 0
    list_stack: list[str] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            heading = document.add_paragraph(_inline_text(inline.children))  # as add_heading, style by id
            heading._p.style = style_id(f"Heading {min(level, 4)}")
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append("List Bullet" if tok.type == "bullet_list_open" else "List Number")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            style = list_stack[-1] if list_stack else None
            para = document.add_paragraph()
            if style:
                try:
                    para._p.style = style_id(style)
                except KeyError:  # (as add_paragraph(style=...) did: its paragraph stays, unstyled)
                    para = document.add_paragraph()
            _add_inline(para, inline.children)
            i += 3
            continue
        elif tok.type == "table_open":
            rows: list[list[tuple[str, list]]] = []
            header = False
            align: list[str] = []
            j = i + 1
            current: list[tuple[str, list]] | None = None
            while tokens[j].type != "table_close":
                t = tokens[j]
                if t.type == "thead_open":
                    header = True
                elif t.type == "tr_open":
                    current = []
                elif t.type == "tr_close":
                    rows.append(current or [])
                elif t.type == "th_open":
                    align.append("right" if "right" in (t.attrGet("style") or "") else "left")
                elif t.type == "inline" and current is not None:
                    current.append((t.content, t.children))
                j += 1
            _add_table(document, rows, header, width, align)
            i = j + 1
            continue
        elif tok.type == "hr":
            document.add_paragraph()
        elif tok.type in ("blockquote_open", "blockquote_close"):
            pass
        elif tok.type in ("fence", "code_block"):
            document.add_paragraph(tok.content.rstrip("\n"))
        i += 1


def charts_to_docx(document, charts_: list[Chart], *, width: float, notes: list[str] | None = None) -> None:
    """The variation and assurance summary (icons and words) and one picture per chart."""
    from docx.shared import Pt

    document.add_heading("Variation and assurance", level=2)
    table = document.add_table(rows=len(charts_) + 1, cols=3)
    try:
        table.style = "Table Grid"
    except (KeyError, ValueError):
        pass
    small = _style(document, "Table Text")
    texts = [["indicator", "variation", "assurance"]]
    for k, label in enumerate(texts[0]):
        para = table.rows[0].cells[k].paragraphs[0]
        if small is not None:
            para._p.style = small.style_id
        para.add_run(label).bold = True
    for chart, row in zip(charts_, table.rows[1:]):
        cells = row.cells
        words = [chart.title, C.variation_words(chart), C.assurance_words(chart)]
        texts.append(words)
        for k, (key, text) in enumerate(((None, words[0]), (C.variation_icon(chart), words[1]),
                                         (C.assurance_icon(chart), words[2]))):
            para = cells[k].paragraphs[0]
            if small is not None:
                para._p.style = small.style_id
            if key is not None:
                para.add_run().add_picture(io.BytesIO(C.icon(key)), width=Pt(12), height=Pt(12))
                para.add_run(" ")
            para.add_run(text)
    size_table(table, texts, width)
    for note in notes or []:
        document.add_paragraph(note)
    document.add_heading("SPC charts", level=2)
    caption_style = _style(document, "Caption")
    caption_id = None if caption_style is None else _style_ids(document)(caption_style)
    for chart in charts_:
        document.add_picture(io.BytesIO(C.chart_png(chart)), width=Pt(min(width, 468)))
        caption = document.add_paragraph(C.caption(chart))
        if caption_style is not None:
            caption._p.style = caption_id


# ---------------------------------------------------------------- the document


def render_docx(document, template: str | Path | None = None, *, part: str = "document", charts: bool = True,
                appendix: bool | None = None, organisation: str | None = None, sample: bool = False) -> bytes:
    """The Word file for an :class:`~evidencebot.compose.document.ExportDoc`, as bytes.

    ``part``: ``document`` (what the reader gets: a submitted tender answer is
    the answer only) or ``appendix`` (the evidence appendix on its own).
    ``appendix``: put the evidence appendix at the end of the document
    (default: yes, except for a submitted answer, whose appendix is a separate
    document). ``template``: a Word template file (default: see the module
    docstring). ``sample``: the values are samples (a template check), so an item
    they lack renders empty. Raises :class:`ConfigError` for a broken template.
    """
    kind = "appendix" if part == "appendix" else document.kind
    path, users = template_for(kind, template)
    try:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(str(path))
        base = tpl.get_docx()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such Word template") from None
    except Exception as exc:
        raise ConfigError(f"{path}: not a Word template ({type(exc).__name__}); save it as .docx") from None
    body = tpl.new_subdoc()
    width = available_width_pt(base)
    submitted = document.submitted
    if part == "appendix":
        title = f"{APPENDIX_TITLE}: {document.title}"
        context = [(k, v) for k, v in document.context if "limit" not in k.lower()]  # the limit is the bid team's
        markdown_to_docx(body, appendix_markdown(document, heading=False), width=width)
    else:
        title = document.title
        context = [] if submitted else list(document.context)
        if document.quote and not submitted:
            for block in [b for b in document.quote.strip().split("\n\n") if b.strip()]:
                para = body.add_paragraph()
                para.add_run(" ".join(block.split())).italic = True
        markdown_to_docx(body, demote(document.body), width=width)
        if not submitted:
            if charts and document.charts:
                charts_to_docx(body, document.charts, width=width,
                               notes=getattr(document, "chart_notes", None))
            for note in document.notes:
                markdown_to_docx(body, note, width=width)
            if appendix is None or appendix:
                from docx.enum.text import WD_BREAK

                body.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                markdown_to_docx(body, appendix_markdown(document), width=width)
        elif appendix:
            markdown_to_docx(body, appendix_markdown(document), width=width)
    import datetime as dt

    named = (document.names_provider(load_settings().documents.name_provider) if isinstance(document, ExportDoc)
             else not getattr(document, "anonymous", False))
    values = {
        "title": title,
        # a submitted answer is blind unless asked (ExportDoc.names_provider): no provider in the page header
        "organisation": ("" if not named
                         else organisation if organisation is not None
                         else organisation_name() or getattr(document, "organisation", "")),
        "kind": kind,
        "context": [(str(k), str(v)) for k, v in context],
        "date": dt.date.today().isoformat(),
        "body": body,
    }

    def fill() -> bytes:
        try:
            tpl.render(values, jinja_env=_jinja_env(users, _sample_undefined() if sample else None), autoescape=True)
        except Exception as exc:
            import jinja2

            if isinstance(exc, (jinja2.TemplateError, TypeError, ValueError, AttributeError)):
                raise _template_error(path, exc) from None
            raise
        out = tpl.docx  # (get_docx() would reload the template after rendering)
        props = out.core_properties
        props.title = title
        # a blind answer names no author at all: a panel read "evidencebot" in File > Properties as a tool's
        # fingerprint to remove before submission (session 22)
        props.author = values["organisation"] or ""
        props.last_modified_by = props.last_modified_by if named else ""
        props.comments = ""
        if not named:  # a template's own company and manager (File > Properties) would name us too
            _blank_extended_properties(out)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    if not users:
        return fill()
    # the user's own Word template: the same child process, time and memory budget as a narrative template
    seconds, mb = compose_env.budgets()

    def bounded() -> bytes:
        compose_env._budget.start(seconds)
        try:
            return fill()
        finally:
            compose_env._budget.stop()

    return compose_env._in_child(bounded, path.name, seconds, mb)


_NAMING_PROPERTIES = re.compile(rb"<(Company|Manager)>[^<]*</\1>")


def _blank_extended_properties(docx) -> None:
    """Empty the Company and Manager of the file's extended properties (docProps/app.xml), which python-docx
    does not expose: a user's template saved in Word carries the organisation's name there."""
    for part in docx.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml" and hasattr(part, "_blob"):
            part._blob = _NAMING_PROPERTIES.sub(lambda m: b"<" + m.group(1) + b"/>", part._blob)


def check_template(path: str | Path, kind: str = "document") -> None:
    """Render a Word template for a document of ``kind`` with sample values: a broken one raises
    :class:`ConfigError` (bad syntax, not a Word file, a name no document gives); what only the
    real document holds (its context rows) is not required of the samples."""
    render_docx(ExportDoc(title="Template check", body="A paragraph.", kind=kind), path,
                organisation="Template check", sample=True)


_ID_RE = re.compile(r"\(([a-z][a-z0-9]*_[a-z0-9_]+)\)")


def internal_ids(text: str) -> list[str]:
    """Indicator-id-like tokens in brackets, e.g. ``(gas_t)``: never in a document a commissioner reads."""
    return _ID_RE.findall(text)
