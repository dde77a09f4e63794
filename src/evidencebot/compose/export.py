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
from contextlib import contextmanager
from pathlib import Path

from evidencebot.compose import charts as C
from evidencebot.compose import filters
from evidencebot.compose import gaps as _gaps
from evidencebot.compose.charts import Chart, chart_png, icon_png  # noqa: F401  (one chart module for every face)
from evidencebot.compose.compliance import compliance_xlsx as build
from evidencebot.compose.document import APPENDIX_TITLE, ExportDoc, _cell, appendix_markdown, markdown_parser
from evidencebot.compose.gaps import attach_lines
from evidencebot.compose.word import render_docx
from evidencebot.config import load_settings
from evidencebot.errors import InputError
from evidencebot.outputs import check_output, write_output
from evidencebot.store.backup import main_file
from evidencebot.store.workflow import record_export

FORMATS = ("md", "html", "docx")


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


def to_html(doc: ExportDoc, *, charts: bool = True, part: str = "document") -> str:
    """The document as one HTML page (charts and icons embedded as PNG images)."""
    import html

    md = markdown_parser()
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
                f'src="{_data_uri(C.icon(key))}"> ')
            cells.append(f"<td>{img}{html.escape(words)}</td>")
        rows.append(f"<tr><td>{html.escape(chart.title)}</td>{''.join(cells)}</tr>")
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _figure_html(chart: Chart) -> str:
    import html

    caption = html.escape(C.caption(chart))
    return (f'<figure><img alt="{caption}" src="{_data_uri(chart_png(chart))}">'
            f"<figcaption>{caption}</figcaption></figure>")


# ---------------------------------------------------------------- Word


def to_docx_bytes(doc: ExportDoc, *, charts: bool = True, part: str = "document", template=None,
                  review: bool = False) -> bytes:
    """The Word file (see :func:`evidencebot.compose.word.render_docx`).

    The file a panel reads (``review=False``, the default) holds no comments and no note for the writer: a
    gap's marker ('[To write: ...]') is the only sign of it. ``review=True`` gives the bid team's review copy:
    the same document with each writer note as a Word comment on its marker (:func:`comment_markers`)."""
    if not review and part == "document":
        doc = without_writer_markers(doc)  # the file a panel reads: no '[To write: ...]' (the review copy keeps it)
    if review and part == "document":
        doc = dataclasses.replace(doc, name_provider=True)  # the bid team's copy names us (unless blind is asked)
    data = render_docx(doc, template, part=part, charts=charts)
    if not review or part == "appendix" or not doc.writer_notes:
        return data
    return comment_markers(data, doc.writer_notes)


def provider_note(doc: ExportDoc) -> str:
    """What a submitted Word answer says about who it is from, for the command's stderr: blind by default
    (:meth:`ExportDoc.names_provider`, the config's ``[documents] name_provider``). '' for other documents."""
    if not doc.submitted:
        return ""
    if doc.names_provider(load_settings().documents.name_provider):
        return "the page header and the file's properties name the provider, as asked (--name-provider or " \
               "[documents] name_provider)"
    return ("the page header and the file's properties (author, last modified by, company) do not name the "
            "provider: a submitted answer is blind unless asked (--name-provider; the review copy names it)")


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


def without_writer_markers(doc: ExportDoc) -> ExportDoc:
    """The submitted copy of a tender answer: no '[To write: ...]' or '[To confirm: ...]' marker, and a part that held
    only one has no heading alone in it (session 22: the s21 panel read an empty heading as an unanswered sub-point;
    the review copy keeps the heading and the marker where the writer types the answer).

    A panel reads a bracketed marker as an unfinished draft submitted (the s17 blind panel: "visible placeholders")
    and marks the whole answer down for it; the writer needs the marker and why the part is a gap, which the review
    copy keeps (the marker, with a Word comment saying what the buyer asked, the nearest blocks and the facts
    needed) and the compliance sheet lists. The command still names every gap before it writes. Other documents,
    and a tender answer with no such marker, are returned as they are."""
    if not doc.submitted or not (_gaps.WRITER_MARKER.search(doc.body or "") or _gaps.ATTACH_LINE.search(doc.body or "")):
        return doc
    body = _gaps.strip_writer_markers(doc.body)
    out = dataclasses.replace(doc, body=body)
    if doc.counted is not None:
        out.counted = body
    return out


def render(doc: ExportDoc, fmt: str, *, part: str = "document", charts: bool = True) -> bytes:
    """One document (``part``: ``document``, ``appendix`` or ``review``, the Word review copy) in one format. The
    document itself holds no writer's marker (:func:`without_writer_markers`, once: in :func:`to_docx_bytes` for
    Word, here for Markdown and HTML); the review copy keeps them."""
    if fmt == "docx":
        if part == "review":
            return to_docx_bytes(doc, charts=charts, review=True)
        return to_docx_bytes(doc, part=part, charts=charts)
    if part == "document":
        doc = without_writer_markers(doc)
    if fmt == "md":
        return to_markdown(doc, part=part).encode("utf-8")
    if fmt == "html":
        return to_html(doc, part=part, charts=charts).encode("utf-8")
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
    return _gaps.writer_marker_names(doc.body)


def writer_attachments(doc: ExportDoc) -> list[str]:
    """What the buyer asks to go with a submitted answer ('Gantt chart as Appendix M1.'), from its '[To attach]' /
    '[To complete]' lines, which the file to submit leaves out (:func:`without_writer_markers`)."""
    if not doc.submitted:
        return []
    return [line.split("]", 1)[1].strip() for line in attach_lines(doc.body)]


def file_roles(path: Path, files: list[Path] | None = None, notes: int | None = None,
               gaps: list[str] | None = None, attach: list[str] | None = None) -> dict[Path, str]:
    """What each file an export wrote is for, as the command line and the app say it after 'written:'. ``path``
    is the document to submit; the others are recognised by the names :func:`companion_paths` gives them.
    ``gaps`` (:func:`writer_gaps`): the parts left out of the document to submit (no heading alone), named so that the
    writer does not send it with an empty part."""
    path = Path(path)
    roles = {path: "the document to submit: no comments, no notes for the writer"}
    if gaps:
        roles[path] += (f"; {len(gaps)} part{'s' if len(gaps) != 1 else ''} still to write (in the review copy and the "
                        f"compliance sheet; a part with nothing else under its heading has no heading here): "
                        + "; ".join(gaps))
    if attach:  # (:func:`writer_attachments`) the buyer's numbered appendices: not in the answer, sent with it
        roles[path] += "; to send with it: " + " ".join(attach)
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
