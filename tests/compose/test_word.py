"""Word documents in house style: every generated document opened with python-docx.

A4, the organisation's name in the header and "Page X of Y" in the footer,
heading styles, tables no narrower than their longest word with the header row
repeated, nothing internal in a submitted answer; the shipped template is
built deterministically; a broken template is one line and no file."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from click.testing import CliRunner

from evidencebot.compose import export as X
from evidencebot.compose import review as R
from evidencebot.compose import tender as T

PERIOD = "2025-10..2026-09"
ORG = "Northside Community Support"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A config folder naming the organisation (as config.toml does for a real service)."""
    home = tmp_path / "home"
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(home))
    from evidencebot import locations

    config = locations.config_dir()
    (config / "config.toml").write_text(f'[documents]\norganisation = "{ORG}"\n', encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def docs(demo_db, questions):
    from evidencebot.assistant.exporting import story_document
    from evidencebot.store.search import load_story

    text, limit = questions["q01-crisis-escalation"]
    answer = T.assemble_tender(demo_db, text, limit, period=PERIOD)
    review = R.assemble_review(demo_db, "2026/27 Q2")
    story_id = demo_db.execute("select story_id from stories order by story_id limit 1").fetchone()[0]
    response = X.ExportDoc(title="Tender response", kind="response",  # as 'evidencebot tender export' builds it
                           body=f"## 1.1 Reducing crisis escalation\n\n{answer.markdown}")
    return {
        "response": response,
        "answer": answer.to_export(),
        "review": review.to_export(),
        "story": story_document(load_story(demo_db, story_id)),
    }


@pytest.fixture(scope="module")
def rendered(docs, tmp_path_factory):
    """(name, doc, python-docx Document) for every Word document the exports write, with a config naming
    the organisation (as ``home`` writes it). Rendered once for the tests that read them (each rendering
    took about 2 s of CPU, the review's charts most of it); the tests only read the documents."""
    home = tmp_path_factory.mktemp("word-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVIDENCEBOT_HOME", str(home))
        from evidencebot import locations

        (locations.config_dir() / "config.toml").write_text(f'[documents]\norganisation = "{ORG}"\n',
                                                             encoding="utf-8")
        return _render(docs)


def _render(docs):
    import docx

    out = []
    for name, doc in docs.items():
        out.append((name, doc, docx.Document(io.BytesIO(X.to_docx_bytes(doc)))))
        if doc.submitted and doc.figures:
            out.append((name + "-appendix", doc, docx.Document(io.BytesIO(X.to_docx_bytes(doc, part="appendix")))))
    return out


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_every_document_is_a4_with_header_footer_and_headings(rendered):
    for name, _doc, document in rendered:
        for section in document.sections:
            assert abs(section.page_width.cm - 21.0) < 0.05 and abs(section.page_height.cm - 29.7) < 0.05, name
            header = " ".join(p.text for p in section.header.paragraphs)
            # a submitted answer (and its appendix) is blind unless asked (s20 decision): only others name us
            assert (ORG in header) is (not _doc.submitted), (name, header)
            footer = section.footer._element
            fields = [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")]
            assert fields == ["PAGE", "NUMPAGES"], (name, fields)
            shown = "".join(t.text or "" for t in footer.iter(f"{W}t"))  # field results included
            assert re.fullmatch(r"Page \d+ of \d+", shown.strip()), shown
        styles = [p.style.name for p in document.paragraphs if p.text.strip()]
        assert styles.count("Heading 1") == 1, name
        assert "Heading 2" in styles, name
        body = [p for p in document.paragraphs if p.style.name == "Normal" and p.text.strip()]
        assert body and all((p.style.font.size.pt if p.style.font.size else 11) == 11 for p in body)
        assert "{{" not in all_text(document) and "{%" not in all_text(document)  # every tag filled


def _column_widths_pt(table) -> list[float]:
    grid = table._tbl.tblGrid.findall(f"{W}gridCol")
    return [int(g.get(f"{W}w")) / 20 for g in grid]


def test_tables_fit_their_longest_word_and_repeat_their_header_row(rendered):
    seen = 0
    for name, _, document in rendered:
        for table in document.tables:
            seen += 1
            widths = _column_widths_pt(table)
            for row in table.rows:
                for j, cell in enumerate(row.cells):
                    longest = max((len(w) for w in cell.text.split()), default=0)
                    size = 9.0  # table text
                    # half an em a character (Arial averages less) plus Word's cell margins
                    assert widths[j] >= longest * 0.5 * size + 10.8, (name, cell.text, widths[j])
            first = table.rows[0]._tr.trPr
            assert first is not None and first.find(f"{W}tblHeader") is not None, name
            assert table._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    assert seen >= 3


def test_a_submitted_answer_holds_the_answer_only(docs, home, rendered):
    from evidencebot.metrics.catalogue import load_catalogue

    ids = list(load_catalogue())
    import docx

    doc = docs["answer"]
    document = docx.Document(io.BytesIO(X.to_docx_bytes(doc)))
    text = all_text(document)
    assert not document.tables  # no coverage table, no appendix table
    for internal in ("sub-point", "budget", "Word count", "Words counted", "Evidence appendix", "Word limit"):
        assert internal not in text
    for name, _, d in rendered:
        text = all_text(d)
        assert not [i for i in ids if f"({i})" in text], name  # never "(gas_t)"
        # nor bare, outside the catalogue's definitions (which name the data fields they count)
        outside = "\n".join(line for line in text.splitlines() if not line.startswith("Definition."))
        words = set(re.findall(r"[a-z0-9_]+", outside))
        assert not [i for i in ids if "_" in i and i in words], name


def test_the_compliance_sheet_holds_counts_and_coverage(docs, tmp_path, home):
    from openpyxl import load_workbook

    doc = docs["answer"]
    X.write(doc, tmp_path / "answer.docx")
    wb = load_workbook(tmp_path / "answer-compliance.xlsx")
    rows = [[c for c in r] for r in wb["Compliance"].iter_rows(values_only=True)]
    labels = {r[0]: r[1] for r in rows if r and r[0]}
    from evidencebot.compose.words import counts

    assert labels["Words used"] == counts(doc.counted).words and labels["Word limit"] == doc.word_limit
    assert "How words were counted" in labels
    header = rows.index(["sub-point", "word budget", "words used", "paragraphs", "evidence", "status", "note for the writer"])
    assert len(rows) - header - 1 == len(doc.compliance) >= 3
    figures = list(wb["Figures"].iter_rows(values_only=True))
    assert [f[0] for f in figures[1:]] == [f["id"] for f in doc.figures]


def test_the_shipped_template_is_built_by_its_script(tmp_path):
    import runpy

    from evidencebot import locations

    folder = locations.packaged_dir("templates") / "word"
    script = runpy.run_path(str(folder / "build_templates.py"))
    built = script["build"]()
    assert built == (folder / "document.docx").read_bytes()  # deterministic and up to date
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        assert "{{ organisation }}" in re.sub(r"<[^>]+>", "", z.read("word/header1.xml").decode())


def _broken_template(home, fault: str):
    from evidencebot import locations

    shipped = (locations.packaged_dir("templates") / "word" / "document.docx").read_bytes()
    folder = home / "templates" / "word"
    folder.mkdir(parents=True)
    target = folder / "document.docx"
    if fault == "not-a-docx":
        target.write_text("not a Word file", encoding="utf-8")
        return target
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shipped)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"{%p endfor %}", b"{%p endfro %}") if fault == "syntax" else \
                    data.replace(b"{{ title }}", b"{{ titel }}")
            dst.writestr(info, data)
    target.write_bytes(out.getvalue())
    return target


@pytest.mark.parametrize("fault", ["syntax", "undefined", "not-a-docx"])
def test_a_broken_template_is_one_line_exit_2_and_no_file(home, demo_path, tmp_path, fault, monkeypatch):
    from evidencebot.cli import cli
    from evidencebot.compose import review

    template = _broken_template(home, fault)
    out = tmp_path / "review.docx"
    assembled = []
    real = review.assemble_review
    monkeypatch.setattr(review, "assemble_review", lambda *a, **k: assembled.append(1) or real(*a, **k))
    result = CliRunner().invoke(cli, ["assemble", "review", "--db", str(demo_path), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert not assembled  # the template is refused before the review is assembled
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(template) in lines[0], lines
    if fault == "syntax":
        assert re.search(r"at line \d+", lines[0]) and "endfro" in lines[0]
    if fault == "undefined":
        assert "titel" in lines[0]
    assert not out.exists() and list(tmp_path.glob("*.docx")) == []


def test_a_template_that_reads_the_documents_own_rows_is_not_refused(home, demo_copy_factory, tmp_path):
    """The up-front template check uses samples: a working template that reads the real document's
    context rows (``context[0][1]``) or branches on its kind is not refused for what the samples lack.
    (On a private copy: writing the review records the export in the database.)"""
    import docx

    from evidencebot import locations
    from evidencebot.cli import cli

    shipped = (locations.packaged_dir("templates") / "word" / "document.docx").read_bytes()
    folder = home / "templates" / "word"
    folder.mkdir(parents=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(shipped)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ title }}", b"{{ title }} / {{ context[0][1] }}"
                                    b"{% if kind == 'review' %} / REVIEW{% endif %}")
            dst.writestr(info, data)
    (folder / "review.docx").write_bytes(out.getvalue())
    demo_path = demo_copy_factory()
    target = tmp_path / "review.docx"
    result = CliRunner().invoke(cli, ["assemble", "review", "--db", str(demo_path), "-o", str(target)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert " / REVIEW" in text  # the kind the real document has, not the check's sample kind
    first_row = re.search(r" / (.+?) / REVIEW", text)
    assert first_row and first_row.group(1).strip()  # the document's own first context value


def test_an_organisation_template_is_used(home, docs):
    """A branded template in the config folder wins over the shipped one."""
    import docx

    folder = home / "templates" / "word"
    folder.mkdir(parents=True)
    branded = docx.Document()
    branded.sections[0].header.paragraphs[0].text = "BRANDED {{ organisation }}"
    branded.add_paragraph("{{ title }}")
    branded.add_paragraph("{{p body }}")
    branded.save(folder / "review.docx")
    document = docx.Document(io.BytesIO(X.to_docx_bytes(docs["review"])))
    assert document.sections[0].header.paragraphs[0].text == f"BRANDED {ORG}"
    assert document.paragraphs[0].text == docs["review"].title
    story = docx.Document(io.BytesIO(X.to_docx_bytes(docs["story"])))  # other kinds: the shipped template
    assert "BRANDED" not in story.sections[0].header.paragraphs[0].text


def test_the_app_and_the_command_line_write_the_same_document(demo_db, questions, home):
    """The app's editor exports through the same core function as ``assemble tender``."""
    import docx

    from evidencebot.assistant.editing import DraftDoc
    from evidencebot.assistant.exporting import draft_document

    text, limit = questions["q01-crisis-escalation"]
    answer = T.assemble_tender(demo_db, text, limit, period=PERIOD)
    cli_doc = answer.to_export()
    app_doc = draft_document(DraftDoc(text=answer.markdown, question=answer.question, word_limit=limit,
                                      kind="tender", title="whatever the editor shows", assembled=answer))
    for part in ("document", "appendix"):
        assert X.to_markdown(app_doc, part=part) == X.to_markdown(cli_doc, part=part)
        a = docx.Document(io.BytesIO(X.to_docx_bytes(app_doc, part=part)))
        b = docx.Document(io.BytesIO(X.to_docx_bytes(cli_doc, part=part)))
        assert all_text(a) == all_text(b)
    assert X.compliance_xlsx(app_doc) and app_doc.compliance == cli_doc.compliance
    edited = draft_document(DraftDoc(text="Our own words.", kind="tender", assembled=answer))
    # (session 18: an untitled question's answer is titled by its first words; it was '# Tender answer')
    assert X.to_markdown(edited) == "# Reducing crisis escalation for people supported by the service\n\nOur own words.\n" \
        and edited.figures == cli_doc.figures


def test_the_app_exports_a_review_as_the_command_line_does(demo_db, home):
    from evidencebot.assistant.editing import DraftDoc
    from evidencebot.assistant.exporting import draft_document

    review = R.assemble_review(demo_db, "2026/27 Q2")
    cli_doc = review.to_export()
    app_doc = draft_document(DraftDoc(text=review.markdown, kind="review", title="Contract review 2026/27 Q2",
                                      period="2026/27 Q2", assembled=review))
    assert X.to_markdown(app_doc) == X.to_markdown(cli_doc)  # same period wording, appendix and summary
    assert len(app_doc.charts) == len(cli_doc.charts) >= 1  # charts in both


def test_without_a_configured_organisation_the_header_names_the_service_profiles_provider(demo_db):
    """A demo or a new install has no [documents] organisation: the header still says who the document is from
    (a tender answer only when asked: it is blind by default, s20)."""
    import io

    import docx

    from evidencebot.compose.review import assemble_review
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.compose.word import organisation_name, render_docx
    from evidencebot.store.blocks import get_profile

    assert organisation_name() == ""  # the isolated home has no config
    provider = get_profile(demo_db)["provider"]
    review = assemble_review(demo_db, "2026/27 Q2")
    answer = assemble_tender(demo_db, "How will you keep crisis plans current?", 200)
    named = answer.to_export(charts=False)
    named.name_provider = True
    for doc in (review.to_export(charts=False), named):
        data = render_docx(doc, appendix=False)
        header = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).sections[0].header.paragraphs)
        assert provider in header, header


def test_two_gaps_with_the_same_marker_each_keep_their_own_note():
    # two answers of one tender may both hold '[To write: Social value]'; the second note was dropped
    import io

    from docx import Document

    from evidencebot.compose.export import comment_markers

    doc = Document()
    for text in ("Q1", "[To write: Social value]", "Q2", "[To write: Social value]"):
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    out = Document(io.BytesIO(comment_markers(buf.getvalue(), [("[To write: Social value]", "note for Q1"),
                                                              ("[To write: Social value]", "note for Q2")])))
    assert [c.text for c in out.comments] == ["note for Q1", "note for Q2"]


def test_the_shipped_template_names_its_font_in_every_style_never_a_theme_font():
    """Word prefers a style's theme font (``w:asciiTheme="majorHAnsi"``) to its named one: the headings of an answer
    a buyer asked for "Arial 11" throughout showed in the theme's font (session-22 panel)."""
    from evidencebot import locations

    shipped = (locations.packaged_dir("templates") / "word" / "document.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(shipped)) as z:
        styles = z.read("word/styles.xml").decode()
    fonts = re.findall(r"<w:rFonts [^>]*>", styles)
    assert fonts and not [f for f in fonts if "Theme=" in f or "theme=" in f]
    heading = re.search(r'w:styleId="Heading2".*?</w:style>', styles, re.S)
    assert heading and 'w:ascii="Arial"' in heading.group(0)
