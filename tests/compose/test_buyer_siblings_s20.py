"""Question files of one tender read together; the editor's keep holds an answer to the buyer's facts (issue 12, s20).

s19's questions came as q01.md ... q12.md in one folder, each headed with the buyer, the ITT reference and the lot, and
the buyer's facts.md says "Facts stated in any one question apply to the whole lot". ``assemble tender --question-file
q08.md`` read q08 alone: q01's caseload and localities never reached the q08 answer. And ``tender_store.keep_answer``
(the chat's and editor's keep) called text "checked" that the buyer's facts contradict.
"""

from __future__ import annotations

from evidencebot.compose import tender_store
from evidencebot.compose.questionnaire import header_lines, sibling_question_files

HEAD = ("**Buyer:** Wexmoor County Council\n**ITT reference:** WCC-WT-2027-031\n"
        "**Lot:** Lot 2 – Community Mental Health Recovery\n\n")

Q1 = HEAD + """## Question 1 – Service Model and Access

### Background

The service expects an active caseload of about 620 people at any one time. Lot 2 includes an Individual Placement and
Support (IPS) service. Fidelity will be assessed against the 25-item IPS fidelity scale, with an external review by IPS
Grow at months 6 and 12 and yearly after that.

### Question

Describe your service model. Maximum 300 words.
"""

Q8 = HEAD + """## Question 8 – Workforce

### Question

Describe your proposed staffing structure and skill mix, in WTE. Maximum 300 words.
"""

Q5 = HEAD + """## Question 5 – Employment Support

### Question

How will you help people into paid work? Maximum 300 words.
"""


def _write(folder, **files):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_header_lines_name_the_tender():
    assert header_lines(Q1) == {"buyer": "wexmoor county council", "itt reference": "wcc-wt-2027-031",
                                "lot": "lot 2 – community mental health recovery"}


def test_only_question_files_of_the_same_tender_are_siblings(tmp_path):
    other = Q8.replace("WCC-WT-2027-031", "WCC-WT-2027-099")
    lot3 = Q8.replace("Lot 2", "Lot 3")
    _write(tmp_path, **{"q01.md": Q1, "q08.md": Q8, "q09.md": other, "q10.md": lot3, "notes.txt": "our notes\n"})
    assert [p.name for p in sibling_question_files(tmp_path / "q08.md")] == ["q01.md"]
    # a question without the header names no tender: read alone, as before
    _write(tmp_path, **{"bare.md": "## Question 2\n\nDescribe your model. Maximum 200 words.\n"})
    assert sibling_question_files(tmp_path / "bare.md") == []


def test_assemble_reads_the_facts_of_the_sibling_questions(run, tmp_path):
    folder = tmp_path / "itt"
    folder.mkdir()
    _write(folder, **{"q01.md": Q1, "q08.md": Q8})
    result = run("assemble", "tender", "--question-file", str(folder / "q08.md"), "-o", str(tmp_path / "answer.md"))
    assert result.exit_code == 0, result.output
    assert "read the buyer's facts of 1 other question file of this tender (same header): q01.md" in result.output
    answer = (tmp_path / "answer.md").read_text(encoding="utf-8")
    # q01's caseload of 620 sizes q08's establishment (our 14.0 WTE for 435 people, scaled): not our current team
    assert "20.0 whole-time-equivalent posts for this contract" in answer
    assert "14.0 whole-time-equivalent" not in answer


def test_keep_answer_holds_the_writers_text_to_the_buyers_facts_of_the_whole_tender(run, demo_copy, tmp_path):
    folder = tmp_path / "itt"
    folder.mkdir()
    _write(folder, **{"q01.md": Q1, "q05.md": Q5})
    assert run("tender", "import", str(folder / "q01.md"), str(folder / "q05.md")).exit_code == 0
    ref = [r["ref"] for r in tender_store.questions(demo_copy)[1]][1]
    row, findings = tender_store.keep_answer(
        demo_copy, ref, "Anyone who wants paid work is referred to the local IPS service within two weeks. An external "
                        "fidelity review is carried out each year.")
    assert {f.rule for f in findings} >= {"buyer.runs", "buyer.cadence"}
    assert row["status"].startswith("needs work")


def test_check_with_one_question_file_reads_its_siblings_too(tmp_path):
    from click.testing import CliRunner

    from evidencebot.cli import cli

    folder = tmp_path / "itt"
    folder.mkdir()
    _write(folder, **{"q01.md": Q1, "q05.md": Q5})
    draft = tmp_path / "q05-answer.md"
    draft.write_text("# Employment\n\nAnyone who wants paid work is referred to the local IPS service.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(draft), "--question-file", str(folder / "q05.md"), "--family", "buyer"])
    assert result.exit_code == 1, result.output
    assert "error buyer.runs" in result.output
