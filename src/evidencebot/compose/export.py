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

import io
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from evidencebot.errors import InputError

FORMATS = ("md", "html", "docx")
APPENDIX_TITLE = "Evidence appendix"
APPENDIX_NOTE = (
    "Every figure in this document, traced to the data it was computed from. "
    "Counts are rounded to the nearest 5 and counts of 1 to 4 are shown as <5; "
    "rates and percentages are calculated from the unrounded counts."
)


@dataclass
class Chart:
    """One SPC chart: the monthly series with its centre line and limits."""

    indicator_id: str
    title: str
    labels: list[str]
    values: list[float | None]
    mean: float | None = None
    lower: float | None = None
    upper: float | None = None
    verdict: str = ""
    unit: str = ""
    flagged: list[int] = field(default_factory=list)
    """Positions of points flagged as special cause."""
    change_at: int | None = None
    """Position of the first month after a dated service change (limits are drawn per part)."""
    before: tuple[float, float, float] | None = None
    """(mean, lower, upper) of the months before the change."""
    target: float | None = None

    @classmethod
    def from_result(cls, result) -> "Chart | None":
        """A chart from an indicator result's ``spc`` dict (None without a series)."""
        from evidencebot.compose import filters

        spc = getattr(result, "spc", None) or {}
        series = spc.get("series") or []
        if len(series) < 2:
            return None
        labels = [str(m) for m, _ in series]
        values = [None if v is None else float(v) for _, v in series]
        if getattr(result, "suppressed", False) and getattr(result, "value", None) is None:
            return None
        step = spc.get("step_change") or {}
        flagged = [i for i, label in enumerate(labels) if label in set(spc.get("special_months") or [])]
        change_at = step.get("change_index")
        if step.get("rule"):
            flagged = sorted(set(flagged) | set(step.get("flagged") or []))
        before = None
        if change_at is not None and step.get("pre_mean") is not None:
            before = (step["pre_mean"], step.get("pre_lower"), step.get("pre_upper"))
        labels_verdict = (filters.change_phrases().get("labels") or {}).get(filters.verdict(result), "")
        return cls(
            indicator_id=result.id,
            title=result.title,
            labels=labels,
            values=values,
            mean=spc.get("mean"),
            lower=spc.get("lower"),
            upper=spc.get("upper"),
            verdict=labels_verdict or filters.verdict_label(result),
            unit=getattr(result, "unit", ""),
            flagged=[i for i in flagged if i < len(values)],
            change_at=change_at if isinstance(change_at, int) and 0 < change_at < len(values) else None,
            before=before,
            target=spc.get("target"),
        )


@dataclass
class ExportDoc:
    title: str
    body: str
    """Markdown without the title."""
    kind: str = "document"
    context: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) lines shown under the title: period, question, word limit."""
    counted: str | None = None
    """The text whose words and characters are counted (a tender answer)."""
    word_limit: int | None = None
    figures: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quote: str | None = None
    """Text quoted as it was given (the tender question), shown as a blockquote."""

    def counts_line(self) -> str:
        from evidencebot.compose.words import WORD_RULE, counts

        if self.counted is None:
            return ""
        c = counts(self.counted)
        return f"{c.describe(self.word_limit)}. {WORD_RULE[:1].upper() + WORD_RULE[1:]}."


# ---------------------------------------------------------------- Markdown


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "/").replace("\n", " ").strip()


def appendix_markdown(doc: ExportDoc) -> str:
    lines = [f"## {APPENDIX_TITLE}", "", APPENDIX_NOTE, ""]
    if doc.figures:
        lines += [
            "| indicator | period | value | numerator | denominator | 95% CI | SPC verdict | definition |",
            "|---|---|---:|---:|---:|---|---|---|",
        ]
        for f in doc.figures:
            lines.append(
                "| " + " | ".join(_cell(x) for x in (
                    f"{f['title']} ({f['id']})", f["period"], f["value"], f["numerator"],
                    f["denominator"], f["ci"], f["verdict"], f["definition"],
                )) + " |"
            )
    else:
        lines.append("No computed figures are used.")
    if doc.sources:
        lines += ["", "Other evidence used:", "",
                  "| kind | reference | title | detail |", "|---|---|---|---|"]
        for s in doc.sources:
            lines.append("| " + " | ".join(_cell(s.get(k)) for k in ("kind", "id", "title", "detail")) + " |")
    return "\n".join(lines)


def _blockquote(text: str) -> str:
    lines = [ln.rstrip() for ln in text.strip().splitlines()]
    return "\n".join(("> " + ln) if ln else ">" for ln in lines)


def to_markdown(doc: ExportDoc) -> str:
    parts = [f"# {doc.title}", ""]
    for label, value in doc.context:
        parts.append(f"**{label}:** {value}  ")
    if doc.context:
        parts[-1] = parts[-1].rstrip()
        parts.append("")
    if doc.quote:
        parts += [_blockquote(doc.quote), ""]
    parts.append(doc.body.strip())
    parts += ["", "---", "", appendix_markdown(doc)]
    line = doc.counts_line()
    if line or doc.notes:
        parts.append("")
    if line:
        parts.append(f"**Word count:** {line}")
    for note in doc.notes:
        parts += ["", note]
    return "\n".join(parts).rstrip() + "\n"


# ---------------------------------------------------------------- charts


def chart_png(chart: Chart, *, width: float = 6.5, height: float = 2.6, dpi: int = 110) -> bytes:
    """An XmR chart as PNG bytes (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    xs = list(range(len(chart.values)))
    pts = [(x, v) for x, v in zip(xs, chart.values) if v is not None]
    if pts:
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", markersize=3,
                color="#1f4e79", linewidth=1.2)
        flagged = [(x, v) for x, v in pts if x in set(chart.flagged)]
        if flagged:
            ax.scatter([p[0] for p in flagged], [p[1] for p in flagged], s=22, color="#c55a11", zorder=3)
    last = len(xs) - 1
    parts = []
    if chart.change_at is not None and chart.before is not None:
        parts.append((0, chart.change_at - 0.5, chart.before))
        parts.append((chart.change_at - 0.5, last, (chart.mean, chart.lower, chart.upper)))
        ax.axvline(chart.change_at - 0.5, linestyle=":", linewidth=0.9, color="#444444")
    else:
        parts.append((0, last, (chart.mean, chart.lower, chart.upper)))
    for start, end, (mean, lower, upper) in parts:
        for value, style in ((mean, "-"), (lower, "--"), (upper, "--")):
            if value is not None:
                ax.hlines(value, start, end, linestyles=style, linewidth=0.9, color="#7f7f7f")
    if chart.target is not None:
        ax.axhline(chart.target, linestyle="-.", linewidth=0.9, color="#2e7d32")
    step = max(1, len(xs) // 8)
    ax.set_xticks(xs[::step])
    ax.set_xticklabels([chart.labels[i] for i in xs[::step]], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    import textwrap

    title = f"{chart.title}: {chart.verdict}" if chart.verdict else chart.title
    ax.set_title("\n".join(textwrap.wrap(title, 90)), fontsize=8)
    ax.grid(axis="y", linewidth=0.3)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


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

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(doc: ExportDoc, *, charts: bool = True) -> str:
    import base64
    import html

    md = _markdown_it()
    body = md.render(to_markdown(doc))
    if charts and doc.charts:
        figures = ["<h2>SPC charts</h2>"]
        for chart in doc.charts:
            data = base64.b64encode(chart_png(chart)).decode("ascii")
            caption = html.escape(f"{chart.title} ({chart.indicator_id}): {chart.verdict}")
            figures.append(
                f'<figure><img alt="{caption}" src="data:image/png;base64,{data}">'
                f"<figcaption>{caption}</figcaption></figure>"
            )
        marker = f"<h2>{html.escape(APPENDIX_TITLE)}</h2>"
        extra = "\n".join(figures) + "\n"
        body = body.replace(marker, extra + marker, 1) if marker in body else body + extra
    return _PAGE.format(title=html.escape(doc.title), body=body)


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


def _add_table(document, rows: list[list[tuple[str, list]]], header: bool) -> None:
    if not rows:
        return
    ncols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=ncols)
    try:
        table.style = "Table Grid"
    except (KeyError, ValueError):
        pass
    for i, (row, docx_row) in enumerate(zip(rows, table.rows)):
        cells = docx_row.cells  # one lookup per row: table.cell(i, j) rescans the grid
        for j in range(ncols):
            para = cells[j].paragraphs[0]
            if j < len(row):
                _add_inline(para, row[j][1])
            if header and i == 0:
                for run in para.runs:
                    run.bold = True


def markdown_to_docx(document, markdown: str) -> None:
    """Append Markdown to a python-docx Document with real headings and tables."""
    tokens = _markdown_it().parse(markdown)
    i = 0
    list_stack: list[str] = []
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            document.add_heading(_inline_text(inline.children), level=min(level, 4))
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append("List Bullet" if tok.type == "bullet_list_open" else "List Number")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            style = list_stack[-1] if list_stack else None
            try:
                para = document.add_paragraph(style=style) if style else document.add_paragraph()
            except KeyError:
                para = document.add_paragraph()
            _add_inline(para, inline.children)
            i += 3
            continue
        elif tok.type == "table_open":
            rows: list[list[tuple[str, list]]] = []
            header = False
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
                elif t.type == "inline" and current is not None:
                    current.append((t.content, t.children))
                j += 1
            _add_table(document, rows, header)
            i = j + 1
            continue
        elif tok.type == "hr":
            document.add_paragraph()
        elif tok.type in ("blockquote_open", "blockquote_close"):
            pass
        elif tok.type in ("fence", "code_block"):
            document.add_paragraph(tok.content.rstrip("\n"))
        i += 1


def to_docx_document(doc: ExportDoc, *, charts: bool = True):
    """Build the python-docx Document (not yet saved)."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    document.core_properties.title = doc.title
    document.core_properties.author = "evidencebot"
    document.add_heading(doc.title, level=1)
    for label, value in doc.context:
        para = document.add_paragraph()
        run = para.add_run(f"{label}: ")
        run.bold = True
        para.add_run(str(value))
    if doc.quote:
        for block in [b for b in doc.quote.strip().split("\n\n") if b.strip()]:
            para = document.add_paragraph()
            run = para.add_run(" ".join(block.split()))
            run.italic = True
    markdown_to_docx(document, _demote(doc.body))
    if charts and doc.charts:
        document.add_heading("SPC charts", level=2)
        for chart in doc.charts:
            document.add_picture(io.BytesIO(chart_png(chart)), width=Inches(6.3))
            document.add_paragraph(f"{chart.title} ({chart.indicator_id}): {chart.verdict}")
    markdown_to_docx(document, appendix_markdown(doc))
    line = doc.counts_line()
    if line:
        para = document.add_paragraph()
        para.add_run("Word count: ").bold = True
        para.add_run(line)
    for note in doc.notes:
        markdown_to_docx(document, note)
    return document


def _demote(markdown: str) -> str:
    """Body headings start at level 2 under the document's Heading 1 title."""
    if re.search(r"^# ", markdown, re.M):
        return re.sub(r"^(#{1,5}) ", lambda m: "#" + m.group(1) + " ", markdown, flags=re.M)
    return markdown


def to_docx_bytes(doc: ExportDoc, *, charts: bool = True) -> bytes:
    buf = io.BytesIO()
    to_docx_document(doc, charts=charts).save(buf)
    return buf.getvalue()


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


def render(doc: ExportDoc, fmt: str) -> bytes:
    if fmt == "md":
        return to_markdown(doc).encode("utf-8")
    if fmt == "html":
        return to_html(doc).encode("utf-8")
    if fmt == "docx":
        return to_docx_bytes(doc)
    raise InputError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")


def check_target(path: str | Path, *, force: bool = False) -> Path:
    """The output path, refused when it is a folder, its folder is missing, or
    it exists and ``force`` is not given (files are never overwritten unasked)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name")
    if path.exists() and not force:
        raise InputError(f"{path} already exists: use --force to overwrite it")
    if not path.parent.exists():
        raise InputError(f"{path.parent}: no such folder")
    return path


def place_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary name beside ``path``, then move it into place
    (a failure leaves no partial file)."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write(doc: ExportDoc, path: str | Path, fmt: str | None = None, *, force: bool = False) -> Path:
    """Write ``doc`` to ``path``; refuse to overwrite unless ``force``.

    This does not record the export: documents that leave the service are
    written with :func:`write_recorded`.
    """
    path = check_target(path, force=force)
    fmt = guess_format(path, fmt)
    place_file(path, render(doc, fmt))
    return path


# ---------------------------------------------------------------- recorded exports


def used_story_ids(doc: ExportDoc) -> list[str]:
    """The stories a document uses: its sources of kind ``story``, in order."""
    return list(dict.fromkeys(str(s["id"]) for s in doc.sources if s.get("kind") == "story" and s.get("id")))


@contextmanager
def recorded(db, document: str | Path, kind: str, story_ids):
    """Record an export (:func:`evidencebot.store.workflow.record_export`)
    *before* the body writes or prints it, in one transaction.

    A refusal (:class:`~evidencebot.store.workflow.ExportNotAllowed`, a story
    that may not leave the service) is raised before the body runs, so nothing
    is written; if the body fails, the record is rolled back. Used for files
    (:func:`write_recorded`) and for documents printed to stdout.
    """
    from evidencebot.store.workflow import record_export

    with db.atomic():
        record_export(db, document, kind, story_ids)
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
    path = check_target(path, force=force)
    fmt = guess_format(path, fmt)
    ids = used_story_ids(doc) if story_ids is None else list(story_ids)
    data = render(doc, fmt)
    existed = path.exists()
    placed = False
    try:
        with recorded(db, path.absolute(), kind, ids):
            place_file(path, data)
            placed = True
    except BaseException:
        if placed and not existed:  # the record did not commit: take the file away again
            path.unlink(missing_ok=True)
        raise
    return path
