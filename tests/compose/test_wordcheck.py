"""``evidencebot check draft.docx`` and ``--annotate``: Word drafts in, findings as Word comments out."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.compose import wordcheck

from .word_drafts import build_draft, corrupt_draft, encrypted_draft


@pytest.fixture
def draft(tmp_path):
    return build_draft(tmp_path / "draft.docx")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def check_json(path) -> list[dict]:
    result = run("check", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_the_draft_is_read_as_its_reader_sees_it(draft):
    segments = wordcheck.read_docx(draft).segments
    by_where = {s.where: s.text for s in segments}
    assert by_where["paragraph 3"] == "Our service reduced hospital admissions."  # insertion kept
    assert by_where["paragraph 4"] == "Last year we grew."  # deletion dropped
    assert by_where["paragraph 5"] == "In 2025 we eliminated crisis admissions across the area."
    assert by_where["table 1, row 2, column 2"] == "Call John Smith on 07700 900123 after the review."
    assert by_where["header"].startswith("Bid draft") and by_where["footer"] == "Version 3"
    text = wordcheck.read_docx(draft).text
    assert "Please expand" not in text  # the existing comment is not checked
    assert "helped with" not in text
    # reading order: body (tables in place), then header and footer
    assert [s.story for s in segments][-2:] == ["header", "footer"]


def test_findings_come_by_paragraph_and_cell_with_the_text_contract(draft, tmp_path):
    rows = check_json(draft)
    text_keys = set(check_json(_as_markdown(tmp_path)) [0])
    for row in rows:
        assert text_keys <= set(row) and row["path"] == str(draft)
    found = {(r["where"], r["match"], r["rule"].split(".")[0]) for r in rows}
    assert ("paragraph 3", "reduced", "overclaim") in found
    assert ("paragraph 5", "eliminated", "overclaim") in found
    assert ("table 1, row 2, column 2", "John Smith", "privacy") in found
    assert ("table 1, row 2, column 2", "07700 900123", "privacy") in found
    assert any(r["where"] == "header" for r in rows)
    assert not any("best provider and" in r["match"] for r in rows)  # deleted text is not checked
    segments = wordcheck.read_docx(draft).segments
    for r in rows:  # line = the paragraph, column = the character in it
        seg = segments[r["line"] - 1]
        assert seg.where == r["where"]
        assert seg.text[r["column"] - 1:r["end_column"]] == r["match"]
    text = run("check", str(draft))
    assert f"{draft}:9:6: error privacy.person-name" in text.stdout
    assert "(table 1, row 2, column 2)" in text.stdout


def _as_markdown(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Our service reduced hospital admissions.\n", encoding="utf-8")
    return path


def test_annotate_round_trips_every_finding_as_exactly_one_comment(draft, tmp_path):
    import docx

    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    rows = check_json(draft)
    out = tmp_path / "annotated.docx"
    result = run("check", str(draft), "--annotate", str(out))
    assert result.exit_code == 1  # error-level findings, as for text
    assert f"({len(rows)} comments)" in result.stderr
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the original is untouched

    copy = docx.Document(str(out))
    comments = list(copy.comments)
    existing = [c for c in comments if c.author == "B. Reviewer"]
    ours = [c for c in comments if c.author == wordcheck.AUTHOR]
    assert len(existing) == 1 and existing[0].text == "Please expand this."
    assert len(ours) == len(rows)
    anchors = wordcheck.comment_anchors(copy)
    first_words = "Crisis support"
    unmatched = list(ours)
    for row in rows:
        hits = [c for c in unmatched if row["message"] in c.text and all(
            f"Suggestion: {s}" in c.text for s in row["suggestions"])
            and (anchors[c.comment_id] == row["match"] if row["where"] not in ("header", "footer")
                 else f"In the {row['where']}: “{row['match']}”" in c.text)]
        assert len(hits) == 1, (row, [c.text for c in unmatched])
        unmatched.remove(hits[0])
        if row["where"] == "header":  # Word has no comments in headers: anchored on the first words
            assert anchors[hits[0].comment_id] == first_words
    assert not unmatched

    # the copy reads the same (split runs, comments ignored): the same findings, in the same places
    again = check_json(out)
    strip = lambda rs: [{k: v for k, v in r.items() if k != "path"} for r in rs]  # noqa: E731
    assert strip(again) == strip(rows)


def test_annotate_refuses_to_overwrite_or_replace_the_original(draft, tmp_path):
    out = tmp_path / "annotated.docx"
    out.write_bytes(b"keep")
    refused = run("check", str(draft), "--annotate", str(out))
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert out.read_bytes() == b"keep"
    same = run("check", str(draft), "--annotate", str(draft))
    assert same.exit_code == 2 and "must not replace the original" in same.stderr
    md = _as_markdown(tmp_path)
    assert run("check", str(md), "--annotate", str(tmp_path / "x.docx")).exit_code == 2


@pytest.mark.parametrize("kind", ["encrypted", "corrupt", "not-a-zip"])
def test_a_damaged_or_protected_draft_is_one_line_exit_2_and_writes_nothing(draft, tmp_path, kind):
    bad = tmp_path / f"{kind}.docx"
    if kind == "encrypted":
        encrypted_draft(bad)
        why = "password-protected"
    elif kind == "corrupt":
        corrupt_draft(bad, draft)
        why = "damaged"
    else:
        bad.write_text("just text, saved with the wrong name", encoding="utf-8")
        why = "not a Word .docx file"
    out = tmp_path / "annotated.docx"
    result = run("check", str(bad), "--annotate", str(out), "--format", "json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and why in lines[0]
    assert result.stdout == "" and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["draft.docx", bad.name])


def test_a_word_draft_opens_as_markdown_for_the_editor(draft):
    md = wordcheck.docx_to_markdown(draft)
    assert md.startswith("# Crisis support\n\n")
    assert "Our service reduced hospital admissions." in md  # tracked changes accepted
    assert "helped with" not in md and "Please expand" not in md and "Version 3" not in md
    assert "| Contact | Notes |\n|---|---|\n| Ring the office. | Call John Smith" in md


def test_an_edited_draft_goes_back_to_word_with_its_findings_as_comments(tmp_path):
    """The app's route: Markdown from the editor, rendered in house style, checked, annotated."""
    import io

    import docx

    from evidencebot.compose.export import ExportDoc, to_docx_bytes
    from evidencebot.language.checker import Checker

    doc = ExportDoc(title="Draft", body="## Crisis support\n\nOur service eliminated crisis admissions.\n",
                    kind="document")
    rows, data = wordcheck.annotated_copy(to_docx_bytes(doc, charts=False), Checker(families=["overclaim"]))
    assert rows and all(r["where"].startswith("paragraph") for r in rows)
    copy = docx.Document(io.BytesIO(data))
    anchors = wordcheck.comment_anchors(copy)
    assert sorted(anchors[c.comment_id] for c in copy.comments) == sorted(r["match"] for r in rows)


def test_an_edited_markdown_draft_becomes_a_word_copy_with_one_comment_per_finding():
    """annotated_markdown: the editor's Markdown, in house style, each finding a comment on its words."""
    import io

    import docx

    from evidencebot.language.checker import Checker

    md = ("# Crisis support\n\nOur team reduced A&E attendances by a quarter.\n\n"
          "| Contact | Notes |\n|---|---|\n| Ring the office. | Weekly review. |\n")
    rows, data = wordcheck.annotated_markdown(md, Checker(families=["overclaim"]), title="bid.docx",
                                              organisation="Test Trust")
    copy = docx.Document(io.BytesIO(data))
    body = [p.text for p in copy.paragraphs]
    assert "Our team reduced A&E attendances by a quarter." in body
    assert [[c.text for c in r.cells] for r in copy.tables[0].rows] == [["Contact", "Notes"],
                                                                       ["Ring the office.", "Weekly review."]]
    assert not any("Evidence appendix" in t for t in body)  # a checked copy, not a submission
    anchors = wordcheck.comment_anchors(copy)
    comments = list(copy.comments)
    assert rows and len(comments) == len(rows)
    assert sorted(anchors[c.comment_id] for c in comments) == sorted(r["match"] for r in rows)
    assert any("reduced" in r["match"] and r["where"].startswith("paragraph") for r in rows)
    assert all(r["message"] in c.text for r, c in zip(sorted(rows, key=lambda r: r["match"]),
                                                       sorted(comments, key=lambda c: anchors[c.comment_id])))


def test_provenance_of_a_word_draft_is_by_paragraph(tmp_path, demo_path, demo_db):
    import docx

    from evidencebot.compose import review as R

    from evidencebot.compose import filters

    review = R.assemble_review(demo_db, "2026/27 Q2")  # its figures sit in a table: take one as a sentence
    result = next(r for r in review.results if r.value is not None and r.unit == "percent")
    sentence = filters.describe(result, "2026/27 Q2")
    document = docx.Document()
    document.add_paragraph("Introduction.")
    document.add_paragraph(sentence)
    path = tmp_path / "figures.docx"
    document.save(path)
    result = run("check", str(path), "--db", str(demo_path), "--provenance", "--format", "json")
    rows = json.loads(result.stdout)["provenance"]
    assert rows and {r["line"] for r in rows} == {2}
