"""Word documents in house style: a Word template (docxtpl) filled with the document's body.

:func:`render_docx` is the one way a Word document is made (``evidencebot
assemble``, ``tender export``, the app's export). The template gives the house
style (A4, the organisation's name in the header, "Page X of Y" in the
footer, Heading 1/2/3, 11 pt body); it receives the document's ``title``,
``organisation``, ``kind``, ``context`` (label, value pairs), ``date`` and its
``body``, built from the same Markdown the Markdown and HTML exports use
(:func:`evidencebot.compose.export.markdown_to_docx`): headings become Heading
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
from evidencebot.compose import env as compose_env
from evidencebot.compose.env import _sandbox
from evidencebot.config import load_settings
from evidencebot.errors import ConfigError

DEFAULT_TEMPLATE = "document.docx"
TABLE_FONT_PT = 9.0
CELL_PAD_PT = 11.5
"""Left plus right cell margins (Word's default 0.08 inch each side) and a little slack."""
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


def render_docx(document, template: str | Path | None = None, *, part: str = "document", charts: bool = True,
                appendix: bool | None = None, organisation: str | None = None, sample: bool = False) -> bytes:
    """The Word file for an :class:`~evidencebot.compose.export.ExportDoc`, as bytes.

    ``part``: ``document`` (what the reader gets: a submitted tender answer is
    the answer only) or ``appendix`` (the evidence appendix on its own).
    ``appendix``: put the evidence appendix at the end of the document
    (default: yes, except for a submitted answer, whose appendix is a separate
    document). ``template``: a Word template file (default: see the module
    docstring). ``sample``: the values are samples (a template check), so an item
    they lack renders empty. Raises :class:`ConfigError` for a broken template.
    """
    from evidencebot.compose import export

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
        title = f"{export.APPENDIX_TITLE}: {document.title}"
        context = [(k, v) for k, v in document.context if "limit" not in k.lower()]  # the limit is the bid team's
        export.markdown_to_docx(body, export.appendix_markdown(document, heading=False), width=width)
    else:
        title = document.title
        context = [] if submitted else list(document.context)
        if document.quote and not submitted:
            for block in [b for b in document.quote.strip().split("\n\n") if b.strip()]:
                para = body.add_paragraph()
                para.add_run(" ".join(block.split())).italic = True
        export.markdown_to_docx(body, export.demote(document.body), width=width)
        if not submitted:
            if charts and document.charts:
                export.charts_to_docx(body, document.charts, width=width,
                                      notes=getattr(document, "chart_notes", None))
            for note in document.notes:
                export.markdown_to_docx(body, note, width=width)
            if appendix is None or appendix:
                from docx.enum.text import WD_BREAK

                body.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                export.markdown_to_docx(body, export.appendix_markdown(document), width=width)
        elif appendix:
            export.markdown_to_docx(body, export.appendix_markdown(document), width=width)
    import datetime as dt

    values = {
        "title": title,
        "organisation": ("" if getattr(document, "anonymous", False)
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
        props.author = values["organisation"] or "evidencebot"
        props.last_modified_by = "evidencebot" if getattr(document, "anonymous", False) else props.last_modified_by
        props.comments = ""
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


def check_template(path: str | Path, kind: str = "document") -> None:
    """Render a Word template for a document of ``kind`` with sample values: a broken one raises
    :class:`ConfigError` (bad syntax, not a Word file, a name no document gives); what only the
    real document holds (its context rows) is not required of the samples."""
    from evidencebot.compose.export import ExportDoc

    render_docx(ExportDoc(title="Template check", body="A paragraph.", kind=kind), path,
                organisation="Template check", sample=True)


_ID_RE = re.compile(r"\(([a-z][a-z0-9]*_[a-z0-9_]+)\)")


def internal_ids(text: str) -> list[str]:
    """Indicator-id-like tokens in brackets, e.g. ``(gas_t)``: never in a document a commissioner reads."""
    return _ID_RE.findall(text)
