"""Exporting narratives: Markdown, HTML and Word.

Every export is built from one :class:`ExportDoc`: a title, lines of context,
the Markdown body, SPC charts and an evidence appendix that lists the
provenance of every figure (indicator, period, numerator, denominator,
definition). The word and character counts of the counted text (a tender
answer) are shown with the rule used to count them.

* **Markdown**: the body, then the appendix and counts after a rule.
* **HTML**: the same Markdown rendered with markdown-it-py (CommonMark plus
  tables; raw HTML in the text is escaped, never passed through), charts
  embedded as PNG images.
* **Word** (python-docx): Markdown headings become real Heading 1/2/3
  paragraphs, tables become Word tables, lists become list paragraphs, and
  each SPC chart is a picture made with matplotlib (Agg backend).

Writing never overwrites an existing file unless ``force`` is given, and a
file is written to a temporary name first and then moved into place, so a
failure leaves nothing half-written. :func:`write_recorded` (files) and
:func:`recorded` (stdout) record which stories a document used before it is
written, and refuse stories that may not leave the service.
"""

from __future__ import annotations

import dataclasses
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from evidencebot.compose import charts as C
from evidencebot.compose import filters
from evidencebot.compose.charts import Chart, chart_png, icon_png  # noqa: F401  (one chart module for every face)
from evidencebot.compose.compliance import compliance_xlsx as build
from evidencebot.compose.word import render_docx, size_table
from evidencebot.compose.words import WORD_RULE, counts
from evidencebot.errors import InputError
from evidencebot.outputs import check_output, write_output
from evidencebot.store.backup import main_file
from evidencebot.store.workflow import record_export

FORMATS = ("md", "html", "docx")
SUBMITTED_KINDS = ("tender", "tender_response", "response")
"""Documents a bidder submits: the answer(s) only (see :attr:`ExportDoc.submitted`)."""
APPENDIX_TITLE = "Evidence appendix"
SUPPRESSION_RULE = (
    "Counts are rounded to the nearest 5 (\"about 10\") and counts of 1 to 4 are shown as <5; "
    "a rate or percentage is calculated from the unrounded counts, and it is not published "
    "when its numerator or denominator is shown as <5. A percentage is also not published when "
    "the cases without the outcome number 1 to 4 (it would give that count away) or when its "
    "denominator is below 10; the counts are then given in words."
)
"""The one small-number rule, in the words every document states it (once)."""
APPENDIX_NOTE = "Every figure in this document, traced to the data it was computed from. " + SUPPRESSION_RULE


@dataclass
class ExportDoc:
    title: str
    body: str
    """Markdown without the title."""
    kind: str = "document"
    context: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) lines shown under the title: period, question, word limit."""
    organisation: str = ""
    """Who the document is from: the service profile's provider. The Word header names the
    config's ``[documents] organisation`` when set, else this."""
    anonymous: bool = False
    """For blind evaluation: no organisation in the Word header or the document's properties."""
    counted: str | None = None
    """The text whose words and characters are counted (a tender answer)."""
    word_limit: int | None = None
    figures: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart_notes: list[str] = field(default_factory=list)
    """Sentences shown under the variation and assurance table (in every format), e.g.
    which indicators with a target have no chart and where their status is."""
    appendix_note: str | None = None
    """The appendix's opening note when the document states the rounding rule elsewhere."""
    quote: str | None = None
    """Text quoted as it was given (the tender question), shown as a blockquote."""
    compliance: list[dict] = field(default_factory=list)
    """For the bid team's compliance sheet: one row per sub-point (label, budget, words,
    paragraphs, evidence, status). Never printed in the document itself."""
    writer_notes: list[tuple[str, str]] = field(default_factory=list)
    """(marker, note): a gap's marker in the body ('[To write: Severe weather]') and why it is a gap, for
    the writer only: a Word comment on the marker (and a column of the compliance sheet), never body text."""
    commitments: list[dict] = field(default_factory=list)
    """For the compliance sheet's 'Commitments to confirm': each sentence written from an approved template on the
    buyer's terms (part, template, text). Never printed in the document itself."""

    @property
    def submitted(self) -> bool:
        """A tender answer: the document holds the answer only; its evidence appendix is a
        separate document and its counts and coverage go to the compliance sheet."""
        return self.kind in SUBMITTED_KINDS

    def counts_line(self) -> str:
        if self.counted is None:
            return ""
        c = counts(self.counted)
        return f"{c.describe(self.word_limit)}. {WORD_RULE[:1].upper() + WORD_RULE[1:]}."


def from_draft(text: str, *, kind: str = "text", title: str = "", question: str = "",
               word_limit: int | None = None, period: str | None = None, assembled=None) -> ExportDoc:
    """The export document for a draft as it stands (the app's editor).

    A draft assembled by the core (a :class:`~evidencebot.compose.tender.TenderAnswer`,
    anything with ``to_export()``) becomes exactly the document the command line
    writes for it (title, context, figures, charts, compliance rows), with the
    draft's current text as the body; so the app and ``evidencebot assemble``
    produce the same document from the same code. Other drafts get a plain document.
    """
    to_export = getattr(assembled, "to_export", None)
    if callable(to_export):
        doc = to_export()
        doc.body = text
        if doc.counted is not None:
            doc.counted = text
        return doc
    context = []
    if question:
        context.append(("Question", " ".join(question.split())))
    if word_limit:
        context.append(("Word limit", str(word_limit)))
    if period:
        context.append(("Period", period))
    return ExportDoc(
        title=title or ("Tender answer" if kind == "tender" else "Draft"),
        body=text,
        kind=kind,
        context=context,
        quote=question or None if kind == "tender" else None,
        counted=text if kind == "tender" else None,
        word_limit=word_limit,
        figures=list(getattr(assembled, "figures", []) or []),
        sources=list(getattr(assembled, "sources", []) or []),
    )


# ---------------------------------------------------------------- Markdown


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "/").replace("\n", " ").strip()


def reader_period(text: str) -> str:
    """A period as a reader writes it: '2025-10..2026-09' -> 'October 2025 to September 2026', '2026-04..2026-09' ->
    'April to September 2026', '2026-03' -> 'March 2026'; any other label ('2025/26', '2026-Q1') as given."""
    import calendar

    t = str(text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?", t)
    if not m or not 1 <= int(m.group(2)) <= 12 or (m.group(4) and not 1 <= int(m.group(4)) <= 12):
        return t
    y1, m1 = int(m.group(1)), int(m.group(2))
    if not m.group(3) or (m.group(3), m.group(4)) == (m.group(1), m.group(2)):
        return f"{calendar.month_name[m1]} {y1}"
    y2, m2 = int(m.group(3)), int(m.group(4))
    if y1 == y2:
        return f"{calendar.month_name[m1]} to {calendar.month_name[m2]} {y2}"
    return f"{calendar.month_name[m1]} {y1} to {calendar.month_name[m2]} {y2}"


def appendix_markdown(doc: ExportDoc, *, heading: bool = True) -> str:
    """The evidence appendix as Markdown: for each figure a heading, one line of numbers
    (period, value, numerator, denominator, interval, SPC verdict) and its definition as a
    paragraph (never a narrow table column); then the other evidence used. No internal ids."""
    lines = ([f"## {APPENDIX_TITLE}", ""] if heading else []) + [doc.appendix_note or APPENDIX_NOTE, ""]
    level = "###" if heading else "##"
    if not doc.figures:
        lines += ["No computed figures are used.", ""]
    for f in doc.figures:
        lines += [f"{level} {_cell(f['title'])}", ""]
        counts = []
        if f.get("numerator") not in (None, "", "-"):
            counts.append(f"numerator {f['numerator']}")
        if f.get("denominator") not in (None, "", "-"):
            counts.append(f"denominator {f['denominator']}")
        if f.get("ci") and f["ci"] not in ("-", "–", "n/a"):
            ci = _cell(f["ci"])
            counts.append(ci if ci.lower().startswith("95%") else f"95% CI {ci}")
        # the measure named in the sentence, so the figure can be checked on its own
        line = f"{_cell(f['title'])} in {_cell(reader_period(f['period']))}: **{_cell(f['value'])}**"
        line += f" ({'; '.join(counts)})." if counts else "."
        if f.get("verdict") and f["verdict"] not in ("-", "–"):
            line += f" SPC verdict: {_cell(f['verdict'])}."
        lines += [line, ""]
        if f.get("definition"):
            lines += [f"*Definition.* {_cell(f['definition'])}", ""]
    if doc.sources:
        lines += ["Other evidence used:", ""]
        for src in doc.sources:
            kind = _cell(src.get("kind") or "source").capitalize()
            detail = f" ({_cell(src['detail'])})" if src.get("detail") else ""
            lines.append(f"- {kind}: {_cell(src.get('title') or '')}{detail}")
    return "\n".join(lines).rstrip() + "\n"


def _blockquote(text: str) -> str:
    lines = [ln.rstrip() for ln in text.strip().splitlines()]
    return "\n".join(("> " + ln) if ln else ">" for ln in lines)


def to_markdown(doc: ExportDoc, *, part: str = "document", summary: bool = True) -> str:
    """The document as Markdown. A submitted answer is the answer only; ``part="appendix"``
    is its evidence appendix on its own. Counts and coverage are never in it (see
    :mod:`evidencebot.compose.compliance`)."""
    if part == "appendix":
        return f"# {APPENDIX_TITLE}: {doc.title}\n\n" + appendix_markdown(doc, heading=False)
    parts = [f"# {doc.title}", ""]
    if not doc.submitted:
        for label, value in doc.context:
            parts.append(f"**{label}:** {value}  ")
        if doc.context:
            parts[-1] = parts[-1].rstrip()
            parts.append("")
        if doc.quote:
            parts += [_blockquote(doc.quote), ""]
    parts.append(doc.body.strip())
    if not doc.submitted:
        if doc.charts and summary:
            parts += ["", summary_markdown(doc.charts, doc.chart_notes)]
        for note in doc.notes:
            parts += ["", note]
        parts += ["", "---", "", appendix_markdown(doc)]
    return "\n".join(parts).rstrip() + "\n"


def summary_markdown(charts: list[Chart], notes: list[str] | None = None) -> str:
    """The variation and assurance summary in words (the Word and HTML copies show the icons)."""
    lines = ["## Variation and assurance", "", "| indicator | variation | assurance |", "|---|---|---|"]
    for chart in charts:
        lines.append(f"| {_cell(chart.title)} | {C.variation_words(chart)} | {C.assurance_words(chart)} |")
    for note in notes or []:
        lines += ["", note]
    if any(chart.monthly for chart in charts):
        lines += ["", "The variation and assurance come from charts of one value per month; the tables above give "
                  "the figure for each whole period, so a rate per 100 people there is usually larger than a month's."]
    lines += ["", "### The charts in words", "",
              "The Word and HTML copies of this document draw these charts; this Markdown copy cannot hold "
              "pictures, so it says what each chart shows.", ""]
    lines += [f"- {chart_words(chart)}" for chart in charts]
    return "\n".join(lines)


def _month_runs(labels: list[str], flags: list[bool]) -> list[str]:
    """'January 2026 to September 2026', 'March 2026': the runs of flagged months."""
    runs, start = [], None
    for i, flag in enumerate(flags + [False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            first, last = filters.fmt_month(labels[start]), filters.fmt_month(labels[i - 1])
            runs.append(first if first == last else f"{first} to {last}")
            start = None
    return runs


def chart_words(chart: Chart) -> str:
    """What a chart shows, in words and without figures (for a copy that cannot hold the
    picture): its verdict, the months it covers, where limits were recalculated, which
    months are marked as special cause, where the latest month sits against the mean,
    and where the target line lies against the limits."""
    shown = [m for m, v in zip(chart.labels, chart.values) if v is not None]
    if not shown:
        return f"**{chart.title}**: no months to draw."
    monthly = chart.monthly
    span = (f"{filters.fmt_month(shown[0])} to {filters.fmt_month(shown[-1])}" if monthly
            else f"{shown[0]} to {shown[-1]}")
    parts = [f"**{chart.title}** ({len(shown)} {'months' if monthly else 'points'}, {span}): "
             f"{(chart.verdict if chart.enough else C.NOT_ENOUGH).rstrip('.')}."]
    if not chart.enough:
        return " ".join(parts + ["It is drawn as a run chart, without limits."])
    for at in chart.changes:
        if 0 <= at < len(chart.labels):
            parts.append(f"The mean and limits are recalculated from {filters.fmt_month(chart.labels[at])}, "
                         "after a recorded service change.")
    for kind, colour in (("improvement", "blue"), ("concern", "orange")):
        runs = _month_runs(chart.labels, [t == kind for t in chart.point_types])
        if runs:
            parts.append(f"Months marked as special-cause {kind} ({colour}): {'; '.join(runs)}.")
    last = next((v for v in reversed(chart.values) if v is not None), None)
    if last is not None and chart.mean is not None:
        side = "above" if last > chart.mean else "below" if last < chart.mean else "on"
        parts.append(f"The latest month is {side} the mean.")
    if chart.target is not None:
        parts.append(f"Target line: {C.assurance_words(chart)}.")
    return " ".join(parts)


# ---------------------------------------------------------------- HTML

_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; max-width: 52rem; margin: 2rem auto; line-height: 1.5; color: #1a1a1a; }}
table {{ border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }}
th, td {{ border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; }}
th {{ background: #eef2f7; }}
figure {{ margin: 1rem 0; }}
figcaption {{ font-size: 0.85rem; color: #444; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _markdown_it():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")

    def image(self, tokens, idx, options, env):
        # Never a reference to a file elsewhere: opening the page would fetch it (and
        # send whatever its address holds off the machine). Embedded data only.
        import html

        token = tokens[idx]
        src = token.attrGet("src") or ""
        alt = "".join(c.content for c in token.children or ()) or token.content
        if src.startswith("data:image/"):
            return f'<img src="{html.escape(src)}" alt="{html.escape(alt)}" />'
        return f'<span class="left-out">[image left out: {html.escape(alt) or "no description"}]</span>'

    md.add_render_rule("image", image)
    return md


def to_html(doc: ExportDoc, *, charts: bool = True, part: str = "document") -> str:
    """The document as one HTML page (charts and icons embedded as PNG images)."""
    import html

    md = _markdown_it()
    body = md.render(to_markdown(doc, part=part, summary=False))
    if part == "document" and not doc.submitted and doc.charts:
        extra = _summary_html(doc.charts) + "".join(f"\n<p>{html.escape(n)}</p>" for n in doc.chart_notes)
        if charts:
            extra += "\n<h2>SPC charts</h2>\n" + "\n".join(_figure_html(c) for c in doc.charts)
        marker = f"<h2>{html.escape(APPENDIX_TITLE)}</h2>"
        body = body.replace(marker, extra + "\n" + marker, 1) if marker in body else body + extra
    title = f"{APPENDIX_TITLE}: {doc.title}" if part == "appendix" else doc.title
    return _PAGE.format(title=html.escape(title), body=body)


def _data_uri(png: bytes) -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _summary_html(charts_: list[Chart]) -> str:
    import html

    rows = ["<h2>Variation and assurance</h2>",
            "<table><thead><tr><th>indicator</th><th>variation</th><th>assurance</th></tr></thead><tbody>"]
    for chart in charts_:
        cells = []
        for key, words in ((C.variation_icon(chart), C.variation_words(chart)),
                           (C.assurance_icon(chart), C.assurance_words(chart))):
            img = "" if key is None else (
                f'<img class="icon" alt="{html.escape(words)}" width="20" height="20" '
                f'src="{_data_uri(_icon(key))}"> ')
            cells.append(f"<td>{img}{html.escape(words)}</td>")
        rows.append(f"<tr><td>{html.escape(chart.title)}</td>{''.join(cells)}</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _figure_html(chart: Chart) -> str:
    import html

    caption = html.escape(_caption(chart))
    return (f'<figure><img alt="{caption}" src="{_data_uri(chart_png(chart))}">'
            f"<figcaption>{caption}</figcaption></figure>")


def _caption(chart: Chart) -> str:
    caption = f"{chart.title}: {chart.verdict if chart.enough else C.NOT_ENOUGH}"
    scale = chart.scale_words
    return f"{caption.rstrip('.')}. {scale}" if scale else caption


_ICONS: dict[str, bytes] = {}


def _icon(key: str) -> bytes:
    if key not in _ICONS:
        _ICONS[key] = icon_png(key)
    return _ICONS[key]


# ---------------------------------------------------------------- Word


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
    tokens = _markdown_it().parse(markdown)
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
                para.add_run().add_picture(io.BytesIO(_icon(key)), width=Pt(12), height=Pt(12))
                para.add_run(" ")
            para.add_run(text)
    size_table(table, texts, width)
    for note in notes or []:
        document.add_paragraph(note)
    document.add_heading("SPC charts", level=2)
    caption_style = _style(document, "Caption")
    caption_id = None if caption_style is None else _style_ids(document)(caption_style)
    for chart in charts_:
        document.add_picture(io.BytesIO(chart_png(chart)), width=Pt(min(width, 468)))
        caption = document.add_paragraph(_caption(chart))
        if caption_style is not None:
            caption._p.style = caption_id


def demote(markdown: str) -> str:
    """Body headings start at level 2 under the document's Heading 1 title."""
    if re.search(r"^# ", markdown, re.M):
        return re.sub(r"^(#{1,5}) ", lambda m: "#" + m.group(1) + " ", markdown, flags=re.M)
    return markdown


def to_docx_bytes(doc: ExportDoc, *, charts: bool = True, part: str = "document", template=None,
                  review: bool = False) -> bytes:
    """The Word file (see :func:`evidencebot.compose.word.render_docx`).

    The file a panel reads (``review=False``, the default) holds no comments and no note for the writer: a
    gap's marker ('[To write: ...]') is the only sign of it. ``review=True`` gives the bid team's review copy:
    the same document with each writer note as a Word comment on its marker (:func:`comment_markers`)."""
    if not review and part == "document":
        doc = without_writer_markers(doc)  # the file a panel reads: no '[To write: ...]' (the review copy keeps it)
    data = render_docx(doc, template, part=part, charts=charts)
    if not review or part == "appendix" or not doc.writer_notes:
        return data
    return comment_markers(data, doc.writer_notes)


def comment_markers(data: bytes, notes: list[tuple[str, str]]) -> bytes:
    """The Word file with each note as a comment on the paragraph holding its marker (the writer sees
    why a part is a gap where it is; the body holds only the marker). A marker not found is left."""
    from docx import Document

    document = Document(io.BytesIO(data))
    # in order: two answers of one tender may hold the same marker ('[To write: Social value]'), each its own note
    remaining = [(m, n) for m, n in notes if m and n]
    for para in document.paragraphs:
        here = [item for item in remaining if item[0] in para.text] if para.runs else []
        for marker in dict.fromkeys(m for m, _ in here):  # one note per marker per paragraph, the first left
            item = next(x for x in here if x[0] == marker)
            document.add_comment(para.runs, text=item[1], author="evidencebot", initials="EB")
            remaining.remove(item)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- compliance sheet


def compliance_xlsx(doc: ExportDoc) -> bytes:
    """The bid team's compliance sheet for a tender answer (see :mod:`evidencebot.compose.compliance`)."""
    return build(doc)


# ---------------------------------------------------------------- writing files


def guess_format(path: str | Path | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
        return fmt
    if path:
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in ("md", "markdown"):
            return "md"
        if suffix in ("html", "htm"):
            return "html"
        if suffix == "docx":
            return "docx"
    return "md"


_WRITER_MARKER = re.compile(r"\[To (?:write|confirm)(?::[^\]\n]*)?\]")


def strip_writer_markers(text: str) -> str:
    """``text`` (Markdown) without its '[To write: ...]' and '[To confirm: ...]' markers: a paragraph that held only
    a marker goes, headings stay (see :func:`without_writer_markers`)."""
    if not _WRITER_MARKER.search(text or ""):
        return text
    paras = []
    for para in re.split(r"\n\s*\n", text):
        if not _WRITER_MARKER.search(para):
            paras.append(para)
            continue
        kept = " ".join(_WRITER_MARKER.sub(" ", para).split())
        if kept:
            paras.append(kept)
    return "\n\n".join(paras)


def without_writer_markers(doc: ExportDoc) -> ExportDoc:
    """The submitted copy of a tender answer: a part still to write keeps its heading (the buyer's sub-point, in the
    buyer's order, where the writer types the answer) but not its '[To write: ...]' or '[To confirm: ...]' marker.

    A panel reads a bracketed marker as an unfinished draft submitted (the s17 blind panel: "visible placeholders")
    and marks the whole answer down for it; the writer needs the marker and why the part is a gap, which the review
    copy keeps (the marker, with a Word comment saying what the buyer asked, the nearest blocks and the facts
    needed) and the compliance sheet lists. The command still names every gap before it writes. Other documents,
    and a tender answer with no such marker, are returned as they are."""
    if not doc.submitted or not _WRITER_MARKER.search(doc.body or ""):
        return doc
    body = strip_writer_markers(doc.body)
    out = dataclasses.replace(doc, body=body)
    if doc.counted is not None:
        out.counted = body
    return out


def render(doc: ExportDoc, fmt: str, *, part: str = "document", charts: bool = True) -> bytes:
    """One document (``part``: ``document``, ``appendix`` or ``review``, the Word review copy) in one format. The
    document itself holds no writer's marker (:func:`without_writer_markers`); the review copy keeps them."""
    if part == "document":
        doc = without_writer_markers(doc)
    if fmt == "md":
        return to_markdown(doc, part=part).encode("utf-8")
    if fmt == "html":
        return to_html(doc, part=part, charts=charts).encode("utf-8")
    if fmt == "docx":
        if part == "review":
            return to_docx_bytes(doc, charts=charts, review=True)
        return to_docx_bytes(doc, part=part, charts=charts)
    raise InputError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")


REVIEW_SUFFIX = "-review"
"""The Word review copy's name: ``response.docx`` -> ``response-review.docx``."""


def companion_paths(doc: ExportDoc, path: Path, fmt: str | None = None) -> dict[str, Path]:
    """The files written beside a submitted answer: its evidence appendix (same format), the bid team's
    compliance sheet and, for a Word answer with notes for the writer (why a part is a gap), the review copy
    (``<name>-review.docx``: the same answer with each note as a Word comment). Nothing for other documents.
    The file at ``path`` itself is the one to submit: it never holds a comment or a note for the writer."""
    if not doc.submitted:
        return {}
    out = {"appendix": path.with_name(f"{path.stem}-evidence{path.suffix}"),
           "compliance": path.with_name(f"{path.stem}-compliance.xlsx")}
    if guess_format(path, fmt) == "docx" and any(m and n for m, n in doc.writer_notes):
        out["review"] = path.with_name(f"{path.stem}{REVIEW_SUFFIX}.docx")
    return out


def writer_gaps(doc: ExportDoc) -> list[str]:
    """The parts of a submitted answer whose '[To write: ...]' or '[To confirm: ...]' marker the file to submit
    leaves out (:func:`without_writer_markers`): what the marker names, in order."""
    if not doc.submitted:
        return []
    return [m.group(0)[1:-1].split(":", 1)[-1].strip() for m in _WRITER_MARKER.finditer(doc.body or "")]


def file_roles(path: Path, files: list[Path] | None = None, notes: int | None = None,
               gaps: list[str] | None = None) -> dict[Path, str]:
    """What each file an export wrote is for, as the command line and the app say it after 'written:'. ``path``
    is the document to submit; the others are recognised by the names :func:`companion_paths` gives them.
    ``gaps`` (:func:`writer_gaps`): the parts the document to submit holds as a heading only, named so that the
    writer does not send it with an empty part."""
    path = Path(path)
    roles = {path: "the document to submit: no comments, no notes for the writer"}
    if gaps:
        roles[path] += (f"; {len(gaps)} part{'s' if len(gaps) != 1 else ''} still to write, under {'its' if len(gaps) == 1 else 'their'}"
                        f" heading only: " + "; ".join(gaps))
    for p in files or []:
        p = Path(p)
        if p == path:
            continue
        if p.name == f"{path.stem}-evidence{path.suffix}":
            roles[p] = "the evidence appendix, a separate document"
        elif p.name == f"{path.stem}-compliance.xlsx":
            roles[p] = "compliance sheet for the bid team: not for submission"
        elif p.name == f"{path.stem}{REVIEW_SUFFIX}.docx":
            said = f"{notes} note{'' if notes == 1 else 's'}" if notes else "the notes"
            roles[p] = f"review copy for the bid team: {said} for the writer as Word comments; not for submission"
        elif p.suffix.lower() == ".xlsx":
            roles[p] = "a copy of the buyer's workbook with the answers in its answer column"
    return roles


def render_all(doc: ExportDoc, path: Path, fmt: str) -> list[tuple[Path, bytes]]:
    """Every file an export writes, rendered (nothing is written here)."""
    files = [(path, render(doc, fmt))]
    extra = companion_paths(doc, path, fmt)
    if "appendix" in extra:
        files.append((extra["appendix"], render(doc, fmt, part="appendix")))
    if "compliance" in extra:
        files.append((extra["compliance"], compliance_xlsx(doc)))
    if "review" in extra:
        files.append((extra["review"], render(doc, fmt, part="review")))
    return files


def place_all(files: list[tuple[Path, bytes]]) -> None:
    """Put every file in place, or none: a failure takes back the ones already placed."""
    placed: list[Path] = []
    existed = {p: p.exists() for p, _ in files}
    try:
        for p, data in files:
            place_file(p, data)
            placed.append(p)
    except BaseException:
        for p in placed:
            if not existed[p]:
                p.unlink(missing_ok=True)
        raise


def check_target(path: str | Path, *, force: bool = False, protect=()) -> Path:
    """The output path, checked by :func:`evidencebot.outputs.check_output`: refused
    when it is empty, a folder, a pipe or device, a database or one of its side
    files (``protect``), its folder is missing, or it exists and ``force`` is not
    given (files are never overwritten unasked)."""
    return check_output(path, force=force, protect=protect, what="document")


def place_file(path: Path, data: bytes, *, force: bool = True) -> None:
    """Write ``data`` to a private (0600) temporary file beside ``path``, created with
    O_EXCL|O_NOFOLLOW, then move it into place (a failure leaves what was there
    before). The path must already have been checked (:func:`check_target`)."""
    write_output(path, data, force=force, checked=True)


def write(doc: ExportDoc, path: str | Path, fmt: str | None = None, *, force: bool = False) -> Path:
    """Write ``doc`` to ``path`` (and a submitted answer's companions beside it, see
    :func:`companion_paths`); refuse to overwrite unless ``force``.

    This does not record the export: documents that leave the service are
    written with :func:`write_recorded`.
    """
    path = check_target(path, force=force)
    for extra in companion_paths(doc, path, fmt).values():
        check_target(extra, force=force)
    fmt = guess_format(path, fmt)
    place_all(render_all(doc, path, fmt))
    return path


# ---------------------------------------------------------------- recorded exports


def document_text(doc: ExportDoc) -> str:
    """What a reader of the document reads (title, question, body, notes), for finding stories it holds."""
    return "\n\n".join(str(x) for x in (doc.title, getattr(doc, "quote", None), doc.body,
                                         *(getattr(doc, "notes", None) or [])) if x)


def used_story_ids(doc: ExportDoc) -> list[str]:
    """The stories a document uses: its sources of kind ``story``, in order."""
    return list(dict.fromkeys(str(s["id"]) for s in doc.sources if s.get("kind") == "story" and s.get("id")))


@contextmanager
def recorded(db, document: str | Path, kind: str, story_ids, *, text: str | None = None):
    """Record an export (:func:`evidencebot.store.workflow.record_export`)
    *before* the body writes or prints it, in one transaction.

    A refusal (:class:`~evidencebot.store.workflow.ExportNotAllowed`, a story
    that may not leave the service) is raised before the body runs, so nothing
    is written; if the body fails, the record is rolled back. Used for files
    (:func:`write_recorded`) and for documents printed to stdout.
    """
    with db.atomic():
        record_export(db, document, kind, story_ids, text=text)  # text: stories it holds count as used
        yield


def write_recorded(db, doc: ExportDoc, path: str | Path, fmt: str | None = None, *, kind: str,
                   story_ids=None, force: bool = False) -> Path:
    """Write ``doc`` to ``path`` and record which stories it used: both or neither.

    The one way documents are written for people outside the service (the
    command line and the app both use it). ``story_ids`` defaults to the
    document's story sources (:func:`used_story_ids`). The path is checked
    first (never overwritten without ``force``), the document is rendered,
    then the export is recorded (refused with
    :class:`~evidencebot.store.workflow.ExportNotAllowed` when a story may not
    be used: nothing is written) and the file is put in place in the same
    transaction. The recorded path is absolute, so
    :func:`~evidencebot.store.workflow.documents_using` can say where it is.
    """
    protect = [main_file(db.conn)]
    path = check_target(path, force=force, protect=protect)
    for extra in companion_paths(doc, path, fmt).values():
        check_target(extra, force=force, protect=protect)
    fmt = guess_format(path, fmt)
    ids = used_story_ids(doc) if story_ids is None else list(story_ids)
    files = render_all(doc, path, fmt)
    existed = {p: p.exists() for p, _ in files}
    placed = False
    try:
        with recorded(db, path.absolute(), kind, ids, text=document_text(doc)):
            place_all(files)
            placed = True
    except BaseException:
        if placed:  # the record did not commit: take the files away again
            for p, _ in files:
                if not existed[p]:
                    p.unlink(missing_ok=True)
        raise
    return path
