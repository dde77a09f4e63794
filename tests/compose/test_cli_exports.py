"""``evidencebot assemble`` records every export with the stories it used, before writing,
and refuses (writing nothing) when a story may no longer leave the service."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.store import workflow

Q = "Give an example of how you helped someone keep their tenancy."
STORY = "st13-tenancy-winter"  # the demo story this question finds


@pytest.fixture
def path(demo_copy):
    return demo_copy.conn.execute("PRAGMA database_list").fetchone()[2]


@pytest.fixture
def run(path):
    def invoke(*args):
        return CliRunner().invoke(cli, [*args, "--db", path], catch_exceptions=False)

    return invoke


def documents(db, story_id=STORY):
    return [(d["document"], d["kind"]) for d in workflow.documents_using(db, story_id)]


def test_a_tender_written_to_a_file_is_recorded_with_its_stories(run, demo_copy, tmp_path):
    out = tmp_path / "answer.md"
    result = run("assemble", "tender", "--question", Q, "--words", "250", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "J. kept the tenancy" in out.read_text(encoding="utf-8")  # the story, as the answer tells it
    # the story is listed in the evidence appendix, a separate document written beside the answer
    assert "Keeping a tenancy through a hard winter" in (tmp_path / "answer-evidence.md").read_text(encoding="utf-8")
    assert (tmp_path / "answer-compliance.xlsx").exists()
    assert "answer-evidence.md" in result.stderr and "not for submission" in result.stderr
    assert documents(demo_copy) == [(str(out.absolute()), "tender")]
    from evidencebot.store import audit

    [entry] = audit.recent(demo_copy, 1, action="export")
    assert entry.key == "answer.md" and entry.changes == {"kind": "tender", "stories": [STORY]}


def test_a_tender_printed_to_stdout_is_recorded_too(run, demo_copy):
    result = run("assemble", "tender", "--question", Q, "--words", "250")
    assert result.exit_code == 0, result.stderr
    assert "J. kept the tenancy" in result.stdout  # the story, as the answer tells it
    assert documents(demo_copy) == [("stdout", "tender")]


def test_a_review_is_recorded_with_every_story_it_used(run, demo_copy, tmp_path):
    out = tmp_path / "review.html"
    result = run("assemble", "review", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    used = {d["story_id"] for d in demo_copy.query(
        "select story_id from document_stories where document = ?", [str(out.absolute())])}
    assert len(used) >= 1
    for story_id in used:
        assert workflow.is_exportable(workflow.get_story(demo_copy, story_id))
        assert (str(out.absolute()), "review") in documents(demo_copy, story_id)


@pytest.mark.parametrize("destination", ["file", "stdout"])
def test_consent_withdrawn_while_assembling_refuses_the_export_and_writes_nothing(
        run, demo_copy, tmp_path, monkeypatch, destination):
    """A colleague records the withdrawal after the story was gathered but before the
    document is written: the export is refused with the reason, and nothing is written."""
    from evidencebot.compose import tender

    real = tender.assemble_tender

    def assemble_then_withdraw(db, *args, **kwargs):
        answer = real(db, *args, **kwargs)
        workflow.withdraw_consent(db, STORY, user="Dee Manager", note="phoned the team")
        return answer

    monkeypatch.setattr(tender, "assemble_tender", assemble_then_withdraw)
    out = tmp_path / "answer.docx"
    args = ["assemble", "tender", "--question", Q, "--words", "250"]
    if destination == "file":
        args += ["-o", str(out)]
    result = run(*args)
    assert result.exit_code == 2
    assert f"story {STORY}: consent was withdrawn" in result.stderr
    assert "may not leave the service" in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*answer*"))
    assert result.stdout == ""
    assert demo_copy["document_stories"].count == 0


def test_withdrawing_consent_lists_the_document_and_the_next_answer_leaves_the_story_out(
        run, demo_copy, tmp_path):
    first = tmp_path / "first.md"
    assert run("assemble", "tender", "--question", Q, "--words", "250", "-o", str(first)).exit_code == 0
    change = workflow.withdraw_consent(demo_copy, STORY, user="Dee Manager")
    assert [d["document"] for d in change.documents] == [str(first.absolute())]

    second = tmp_path / "second.md"
    result = run("assemble", "tender", "--question", Q, "--words", "250", "-o", str(second))
    assert result.exit_code == 0, result.stderr
    assert "Keeping a tenancy through a hard winter" not in (tmp_path / "second-evidence.md").read_text(encoding="utf-8")
    assert "J. kept the tenancy" not in second.read_text(encoding="utf-8")
    assert documents(demo_copy) == [(str(first.absolute()), "tender")]


@pytest.mark.parametrize("command", [["review"], ["tender", "--question", Q, "--words", "250"]])
def test_an_existing_file_is_not_overwritten_without_force(run, demo_copy, tmp_path, command):
    out = tmp_path / "doc.md"
    out.write_text("keep me", encoding="utf-8")
    refused = run("assemble", *command, "-o", str(out))
    assert refused.exit_code == 2 and "already exists: use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert demo_copy["document_stories"].count == 0
    assert run("assemble", *command, "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") != "keep me"


def test_the_word_answer_to_submit_holds_no_tool_note_and_the_review_copy_holds_them(run, tmp_path):
    # s15 panel (session 16): every unedited Word answer carried Word comments ("No approved method block in the
    # library matches ...", "This draft does not say Yes ...") that a panel must never see. The file named with -o is
    # the one to submit: no comments part, no note text; the notes are comments in <name>-review.docx for the writer.
    import zipfile

    from docx import Document

    question = ("Question 2.3 Workforce\n\nPART A – PASS/FAIL\n\nPlease answer Yes or No to each statement.\n\n"
                "A1. The Bidder pays every member of staff at least the Real Living Wage.  Yes / No\n\n"
                "PART B – SCORED (maximum 400 words)\n\nYour answer should cover: how you will service and insure "
                "the pool cars of your vehicle fleet; how you will train staff in safeguarding.")
    out = tmp_path / "answer.docx"
    result = run("assemble", "tender", "--question", question, "-o", str(out))
    assert result.exit_code in (0, 1), result.stderr
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert not any("comments" in name for name in names), names
        body = b"".join(z.read(n) for n in names if n.endswith(".xml"))
    for note in (b"No approved method block", b"does not say Yes", b"w:initials=\"EB\""):
        assert note not in body
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    # session 18 (r18, brief 12 item 3): the file to submit holds no marker a panel reads as an unfinished draft (the
    # s17 panel scored Q9's visible '[To confirm: ...]' as a placeholder submitted); was: the marker stayed visible.
    # The gap is not hidden from the writer: the review copy keeps the marker with its note, and the command lists it
    assert "[To confirm: " not in text and "[To write: " not in text
    review = tmp_path / "answer-review.docx"
    assert "[To confirm: " in "\n".join(p.text for p in Document(str(review)).paragraphs)
    notes = [c.text for c in Document(str(review)).comments]
    assert any("Real Living Wage" in n for n in notes), notes  # the confirmation's note: what the record says

    lines = [line for line in result.stderr.splitlines() if line.startswith("written: ")]
    assert any(str(out) in line and "the document to submit" in line for line in lines)
    assert any(str(review) in line and "not for submission" in line for line in lines)
