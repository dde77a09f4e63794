"""Build the shipped Word template, ``templates/word/document.docx``, the same bytes every time.

Run from the repository root after changing the house style here:

    python templates/word/build_templates.py

The template is an ordinary Word document with Jinja2 tags in it (filled by
docxtpl): ``{{ organisation }}`` in the header, "Page X of Y" fields in the
footer, ``{{ title }}`` as Heading 1, the context lines (period, question ...)
and ``{{p body }}``, the paragraph the document's body replaces. An
organisation can put its own branded template in
``<config dir>/templates/word/document.docx`` (or ``tender.docx``,
``review.docx``, ``appendix.docx`` ... for one kind of document); it receives
the same values: ``title``, ``organisation``, ``kind``, ``context`` (a list of
``label, value`` pairs), ``date`` and ``body``.

House style: A4 portrait, 2 cm margins, Arial 11 pt body, Heading 1/2/3,
the organisation's name in the header, "Page X of Y" in the footer.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

FIXED = dt.datetime(2026, 1, 1, 0, 0, 0)
HERE = Path(__file__).resolve().parent
FONT = "Arial"
BLUE = (0x1F, 0x38, 0x64)


def _field(paragraph, code: str) -> None:
    """A simple field (PAGE, NUMPAGES) with a placeholder result."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _no_theme_fonts(document) -> None:
    """Name the house font in place of the theme fonts (``w:asciiTheme="majorHAnsi"`` ...) the default styles carry
    (headings, title, their character styles): Word prefers a theme font to a named one, so a heading showed in the
    theme's font when a buyer asked for Arial throughout (a session-22 panel noticed)."""
    from docx.oxml.ns import qn

    for fonts in document.styles.element.iter(qn("w:rFonts")):
        themed = [key for key in fonts.attrib if key.lower().endswith("theme}") or key.lower().endswith("theme")]
        if not themed:
            continue
        for key in themed:
            del fonts.attrib[key]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)


def _styles(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        from docx.oxml.ns import qn

        fonts.set(qn(attr), FONT)
    for name, size, before in (("Heading 1", 16, 0), ("Heading 2", 13, 12), ("Heading 3", 11.5, 10)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(*BLUE)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Number", "Caption", "Header", "Footer"):
        document.styles[name].font.name = FONT
    document.styles["Caption"].font.size = Pt(9)
    if "Table Text" not in [s.name for s in document.styles]:
        table_text = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = normal
        table_text.font.size = Pt(9)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
    _no_theme_fonts(document)


def build() -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor, Twips

    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)

    head = section.header.paragraphs[0]
    stops = head.paragraph_format.tab_stops
    for twips in (4680, 9360):  # the Header style's centre and right stops (US Letter widths)
        stops.add_tab_stop(Twips(twips), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)
    org = head.add_run("{{ organisation }}")
    org.bold = True
    org.font.size = Pt(9)
    head.add_run("\t{{ title }}").font.size = Pt(9)
    for run in head.runs:
        run.font.color.rgb = RGBColor(0x40, 0x40, 0x40)

    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ").font.size = Pt(9)
    _field(foot, "PAGE")
    foot.add_run(" of ").font.size = Pt(9)
    _field(foot, "NUMPAGES")

    document.add_heading("{{ title }}", level=1)
    document.add_paragraph("{%p for label, value in context %}")
    line = document.add_paragraph()
    line.add_run("{{ label }}: ").bold = True
    line.add_run("{{ value }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{p body }}")

    buf = io.BytesIO()
    document.save(buf)
    return _normalise(buf.getvalue())


def _normalise(data: bytes) -> bytes:
    """The same package with fixed timestamps in the zip, so the bytes never change."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = CORE_XML.encode("utf-8") if info.filename == "docProps/core.xml" else src.read(info.filename)
            dst.writestr(fixed, data)
    return out.getvalue()


CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>evidencebot document template</dc:title><dc:creator>evidencebot</dc:creator>"
    "<dc:description>House-style template, built by templates/word/build_templates.py</dc:description>"
    "<cp:revision>1</cp:revision>"
    f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED:%Y-%m-%dT%H:%M:%SZ}</dcterms:created>'
    f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED:%Y-%m-%dT%H:%M:%SZ}</dcterms:modified>'
    "</cp:coreProperties>"
)
"""Fixed document properties (python-docx would stamp the time of the build)."""

TEMPLATES = {"document.docx": build}


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    for name, make in TEMPLATES.items():
        (folder / name).write_bytes(make())
        print(f"written: {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
