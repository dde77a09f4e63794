"""Opening a draft file (``/open``) and exporting a Word draft back with its findings as comments."""

from __future__ import annotations

import io

import pytest

from evidencebot.assistant import exporting, opening
from evidencebot.assistant.editing import DraftDoc
from evidencebot.assistant.intents import parse
from evidencebot.errors import InputError


@pytest.mark.parametrize("text, path", [
    ("/open draft.docx", "draft.docx"),
    ("open draft.docx", "draft.docx"),
    ("please open my Word draft ~/bids/q3 answer.docx", "~/bids/q3 answer.docx"),
    ("check my Word draft /tmp/bids/answer.docx", "/tmp/bids/answer.docx"),
    ("check my draft notes/my\\ answer.md", "notes/my answer.md"),
    ('open "C and D answer.txt"', "C and D answer.txt"),
])
def test_open_requests_name_the_file(text, path):
    intent = parse(text)
    assert intent.name == "open_file" and opening.clean_path(intent.argument) == path


@pytest.mark.parametrize("text, name", [
    ("check this: our results are in report.txt", "check"),
    ("open the draft", "editor"),
    ("export to Word with comments", "export"),
])
def test_other_requests_are_not_file_opens(text, name):
    assert parse(text).name == name


def test_export_with_comments_is_read_from_the_request():
    assert parse("export to Word with comments").format == "comments"
    assert parse("export to Word").format == "docx"


def test_markdown_and_text_files_open_as_they_are_and_bad_ones_are_one_line(tmp_path):
    md = tmp_path / "a.md"
    md.write_bytes("\ufeff# Title\r\n\r\nOur team helps.\r\n".encode())
    assert opening.read_draft_file(md) == "# Title\n\nOur team helps.\n"
    latin = tmp_path / "b.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    empty = tmp_path / "c.md"
    empty.write_text("  \n")
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(b"%PDF")
    for path, why in [(latin, "not UTF-8 text (byte 3)"), (empty, "has no text"),
                      (pdf, "Word (.docx), Markdown (.md) or text (.txt)"), (tmp_path, "Word (.docx)"),
                      (tmp_path / "none.md", "no such file")]:
        with pytest.raises(InputError) as err:
            opening.read_draft_file(path)
        assert str(path) in str(err.value) and why in str(err.value) and "\n" not in str(err.value)


def _word_source(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Our team reduced A&E attendances by a quarter.")
    path = tmp_path / "bid.docx"
    document.save(path)
    return path


def test_a_word_draft_goes_back_to_word_with_comments_and_never_over_its_source(evidence_db, tmp_path):
    import docx

    from evidencebot.compose.wordcheck import comment_anchors

    source = _word_source(tmp_path)
    before = source.read_bytes()
    doc = DraftDoc(text=opening.read_draft_file(source), kind="text", title="bid", source=str(source))
    assert exporting.from_word(doc) and not exporting.from_word(DraftDoc(text="x"))
    assert exporting.comments_path(tmp_path, doc) == tmp_path / "bid-with-comments.docx"
    out = tmp_path / "bid-with-comments.docx"
    result = exporting.export_draft_with_comments(evidence_db, doc, out)
    assert result.path == out and result.what.endswith("as comments)")
    copy = docx.Document(io.BytesIO(out.read_bytes()))
    anchors = comment_anchors(copy)
    assert any("reduced" in anchors[c.comment_id] for c in copy.comments)
    with pytest.raises(InputError, match="already exists"):
        exporting.export_draft_with_comments(evidence_db, doc, out)
    with pytest.raises(InputError, match="is the input file"):
        exporting.export_draft_with_comments(evidence_db, doc, source, force=True)
    with pytest.raises(InputError, match="end the name with .docx"):
        exporting.export_draft_with_comments(evidence_db, doc, tmp_path / "bid.md")
    personal = DraftDoc(text="Please call about NHS number 943 476 5919.", source=str(source))
    with pytest.raises(exporting.ExportRefused, match="NHS number"):
        exporting.export_draft_with_comments(evidence_db, personal, tmp_path / "p.docx")
    assert not (tmp_path / "p.docx").exists() and source.read_bytes() == before


def test_export_says_which_format_the_screen_preselects(evidence_db):
    from evidencebot.assistant import actions
    from evidencebot.assistant.replies import Context, State

    state = State(draft=DraftDoc(text="Our team helps.", source="/tmp/bid.docx"))
    ctx = Context(db=evidence_db, db_path="x.db", state=state, language=None)
    assert "(Word with findings as comments preselected)" in actions.export(ctx, parse("export")).markdown
    state.draft = DraftDoc(text="Our team helps.")
    assert "(docx preselected)" in actions.export(ctx, parse("export to Word with comments")).markdown
