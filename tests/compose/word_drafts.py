"""Word drafts for the checker's tests, built with python-docx plus a little raw XML:
tracked changes (an insertion and a deletion), a table, a header and footer, an
existing comment, and a finding that starts inside a run."""

from __future__ import annotations

import copy
from pathlib import Path

from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _tracked(paragraph, before: str, deleted: str, inserted: str, after: str) -> None:
    paragraph.add_run(before)
    paragraph._p.append(parse_xml(
        f'<w:del {W} w:id="901" w:author="A. Writer" w:date="2026-01-05T10:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {W} w:id="902" w:author="A. Writer" w:date="2026-01-05T10:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'))
    paragraph.add_run(after)


def build_draft(path: Path) -> Path:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Bid draft: we are the best provider in the county"
    section.footer.paragraphs[0].text = "Version 3"
    document.add_heading("Crisis support", level=1)
    intro = document.add_paragraph("Background to the service and its partners.")
    document.add_comment(intro.runs, text="Please expand this.", author="B. Reviewer", initials="BR")
    _tracked(document.add_paragraph(), "Our service ", "helped with", "reduced", " hospital admissions.")
    # a deletion that would be a finding if it were read
    _tracked(document.add_paragraph(), "Last year ", "we are the best provider and ", "", "we grew.")
    para = document.add_paragraph()
    para.add_run("In 2025 we eliminated crisis admis")  # the finding starts inside this run
    bold = para.add_run("sions across the area.")
    bold.bold = True
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Contact"
    table.cell(0, 1).text = "Notes"
    table.cell(1, 0).text = "Ring the office."
    table.cell(1, 1).text = "Call John Smith on 07700 900123 after the review."
    document.add_paragraph("We work with the crisis team every week.")
    document.save(path)
    return path


def encrypted_draft(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    return path


def corrupt_draft(path: Path, good: Path) -> Path:
    """A .docx cut short (as a failed download or a full disk leaves it)."""
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


__all__ = ["build_draft", "encrypted_draft", "corrupt_draft", "copy"]
