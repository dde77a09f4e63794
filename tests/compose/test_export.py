"""Exports: Markdown, HTML and Word, each with its evidence appendix; no personal data."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest

from evidencebot.compose import export as X
from evidencebot.compose import review as R
from evidencebot.compose import tender as T

PERIOD = "2025-10..2026-09"


@pytest.fixture(scope="module")
def tender_doc(demo_db, questions):
    text, _ = questions["q02-step-down"]
    answer = T.assemble_tender(demo_db, text, period=PERIOD)
    return answer, answer.to_export()


@pytest.fixture(scope="module")
def review_doc(demo_db):
    r = R.assemble_review(demo_db, "2026/27 Q2")
    return r, r.to_export()


def docx_text(data: bytes) -> tuple[object, str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        rows = ["| " + " | ".join(c.text for c in row.cells) + " |" for row in table.rows]
        rows.insert(1, "|" + "---|" * len(table.columns))
        parts.append("\n".join(rows))
    return document, "\n\n".join(parts)


def html_text(page: str) -> str:
    page = re.sub(r"<img[^>]*>", " ", page)
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_markdown_answer_is_the_answer_only_and_its_appendix_is_separate(tender_doc):
    answer, doc = tender_doc
    md = X.to_markdown(doc)
    # titled by the question's first words, as a bid writer would (session 18; it was '# Tender answer')
    assert md.startswith("# Supporting people stepping down from inpatient or crisis services\n")
    assert answer.markdown.strip() in md
    for internal in ("Evidence appendix", "Word count", "Words counted", "sub-point", "Coverage"):
        assert internal not in md
    appendix = X.to_markdown(doc, part="appendix")
    assert appendix.startswith("# Evidence appendix: Supporting people stepping down from inpatient or crisis services")
    for f in answer.figures:
        assert f"## {f['title']}" in appendix and f["definition"][:40] in appendix
        assert f"({f['id']})" not in appendix  # no indicator ids in anything a commissioner reads
    assert "Definition." in appendix


def test_review_markdown_keeps_its_appendix_and_summary_in_words(review_doc):
    _, doc = review_doc
    md = X.to_markdown(doc)
    assert "## Evidence appendix" in md and "## Variation and assurance" in md
    assert "common cause variation" in md or "special cause" in md
    for f in doc.figures:
        assert f"({f['id']})" not in md


def test_html_is_escaped_and_complete(tender_doc, review_doc):
    _, doc = review_doc
    page = X.to_html(doc)
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page and "<h2>" in page
    assert 'src="data:image/png;base64,' in page
    assert page.count('class="icon"') >= len(doc.charts)  # variation (and assurance) icons
    answer = X.to_html(tender_doc[1])
    assert "<table>" not in answer and "Evidence appendix" not in answer
    nasty = X.ExportDoc(title="<b>T</b>", body="Text <script>alert(1)</script> here.")
    out = X.to_html(nasty)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_word_file_reopens_with_real_headings_tables_and_charts(tender_doc, review_doc):
    _, review = review_doc
    document, text = docx_text(X.to_docx_bytes(review))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", review.title) in styles
    assert "Evidence appendix" in [t for s, t in styles if s == "Heading 2"]
    # one picture per chart, plus a variation and an assurance icon per chart (no icon without a target)
    icons = sum(1 + (c.target is not None) for c in review.charts)
    assert len(document.inline_shapes) == len(review.charts) + icons
    assert "Word count" not in text
    _, tender = tender_doc
    tender_document, tender_text = docx_text(X.to_docx_bytes(tender))
    assert len(tender_document.inline_shapes) == 0 and "Evidence appendix" not in tender_text
    # the review's Word file read once (it was rendered a second time here, the same document): its headings
    heading2 = [t for s, t in styles if s == "Heading 2"]
    for h in ("Summary", "Indicators", "Action plan", "Outcome story", "Risks and issues"):
        assert h in heading2
    heading3 = [t for s, t in styles if s == "Heading 3"]
    assert "Context" in heading3 and "How change is evidenced" in heading3
    # one indicator table per domain, five columns each (portrait-friendly), and the targets table
    tables = [t for t in document.tables if t.rows[0].cells[0].text.strip() == "indicator"
              and t.rows[0].cells[-1].text.strip() == "monthly chart"]
    assert len(tables) == 3 and all(len(t.columns) == 5 for t in tables)
    assert sum(len(t.rows) - 1 for t in tables) == len(review.figures)


def test_tender_sub_point_headings_become_heading_2(tender_doc):
    answer, doc = tender_doc
    document, _ = docx_text(X.to_docx_bytes(doc, charts=False))
    heading2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    for row in answer.coverage:  # the heading says ours where the buyer's label says 'your' / 'you will'
        ours = re.sub(r"\byou will\b", "we will", re.sub(r"\byour\b", "our", row.label))
        assert any(ours in h for h in heading2)


def test_no_personal_data_in_any_export(tender_doc, review_doc, demo_db, questions):
    from evidencebot.language.checker import Checker

    privacy = Checker(families=["privacy"])
    docs = [tender_doc[1], review_doc[1]]
    for qid in ("q01-crisis-escalation", "q05-safeguarding-partnership"):
        text, _ = questions[qid]
        docs.append(T.assemble_tender(demo_db, text, 1500, period=PERIOD).to_export())
    for doc in docs:
        rendered = {
            "md": X.to_markdown(doc),
            "html": html_text(X.to_html(doc, charts=False)),
            "docx": docx_text(X.to_docx_bytes(doc, charts=False))[1],
        }
        for fmt, text in rendered.items():
            # the Word text is laid out as Markdown (tables as rows of cells) for checking
            found = privacy.check_text(text, path="export.txt" if fmt == "html" else "export.md")
            assert not found, (doc.title, fmt, [(f.rule, f.match) for f in found])


def test_writing_refuses_to_overwrite_without_force(tender_doc, tmp_path):
    from evidencebot.errors import InputError

    _, doc = tender_doc
    path = tmp_path / "answer.md"
    X.write(doc, path)
    first = path.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="--force"):
        X.write(doc, path)
    path.write_text("old", encoding="utf-8")
    X.write(doc, path, force=True)
    assert path.read_text(encoding="utf-8") == first
    assert X.guess_format("x.docx", None) == "docx" and X.guess_format(None, None) == "md"
    with pytest.raises(InputError, match="no such folder"):
        X.write(doc, tmp_path / "missing" / "a.md")
    # the answer, its evidence appendix and the compliance sheet; no temporary files left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answer-compliance.xlsx", "answer-evidence.md", "answer.md"]


def test_chart_png_is_a_png(review_doc):
    _, doc = review_doc
    assert doc.charts
    data = X.chart_png(doc.charts[0])
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000


def test_markdown_headings_and_lists_get_the_styles_python_docx_would_give():
    """markdown_to_docx sets paragraph styles by id, looked up once per document (issue 17: python-docx's
    setter scanned every style per paragraph): each paragraph has the style add_heading/add_paragraph give."""
    from docx import Document

    from evidencebot.compose.word import markdown_to_docx

    ours = Document()
    markdown_to_docx(ours, "# One\n\n## Two\n\n#### Four\n\n- a\n- b\n\n1. c\n\nplain\n")
    theirs = Document()
    theirs.add_heading("One", 1)
    theirs.add_heading("Two", 2)
    theirs.add_heading("Four", 4)
    for text, style in (("a", "List Bullet"), ("b", "List Bullet"), ("c", "List Number"), ("plain", None)):
        theirs.add_paragraph(text, style)
    assert [(p.style.name, p.text) for p in ours.paragraphs] == [(p.style.name, p.text) for p in theirs.paragraphs]
    assert [p._p.style for p in ours.paragraphs] == [p._p.style for p in theirs.paragraphs]
