"""``evidencebot tender``: buyers' questionnaires in three layouts (a Word table, Word numbered
headings, an Excel sheet), the compliance matrix, drafting, export, and bad input."""

from __future__ import annotations

import json
import re

import pytest

PERIOD = "2025-10..2026-09"

# ``run``: the CLI on a private demo copy, from tests/compose/conftest.py.


def word_table(path):
    from docx import Document

    d = Document()
    d.add_heading("Community wellbeing service: quality questions", 0)
    t = d.add_table(rows=1, cols=5)
    for c, text in zip(t.rows[0].cells, ["Ref", "Question", "Guidance", "Word limit", "Weighting"]):
        c.text = text
    for row in [
        ("Q1", "Describe how you will reduce crisis escalation. Your answer should cover: how you identify early "
               "warning signs; how you step up support; and how you work with the crisis team.",
         "Evaluators will look for named roles.", "400", "15%"),
        ("Q2", "Describe your approach to safeguarding adults at risk, including training and multi-agency working.",
         "", "1,500 characters", "5%"),
    ]:
        for c, text in zip(t.add_row().cells, row):
            c.text = text
    d.save(path)
    return path


def word_headings(path):
    from docx import Document

    d = Document()
    d.add_heading("Method statements", 0)
    d.add_heading("1.1 Engagement", 1)
    d.add_paragraph("Describe how you will keep people engaged.\n- what happens after one missed contact\n"
                    "- what happens after two missed contacts")
    d.add_paragraph("Maximum 300 words. Weighting: 10%")
    d.add_heading("1.2 Co-production", 1)
    d.add_paragraph("How will people with lived experience shape the service? (200 words)")
    d.save(path)
    return path


def excel_sheet(path, limit="300"):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Quality"
    ws.append(["Tender: community wellbeing service"])
    ws.append([])
    ws.append(["Ref", "Question", "Guidance", "Word count", "Weighting %", "Bidder response"])
    ws.append(["4.1", "Describe how you will learn from incidents and complaints.", "", limit, "20"])
    ws.append(["4.2", "How will you support people stepping down from hospital?", "", "250 words", "10"])
    wb.save(path)
    return path


@pytest.mark.parametrize("make, refs, limits", [
    (word_table, ["Q1", "Q2"], [(400, None), (None, 1500)]),
    (word_headings, ["1.1", "1.2"], [(300, None), (200, None)]),
    (excel_sheet, ["4.1", "4.2"], [(300, None), (250, None)]),
])
def test_three_layouts_import_with_refs_limits_and_sub_points(run, demo_copy, tmp_path, make, refs, limits):
    path = make(tmp_path / ("q.xlsx" if make is excel_sheet else "q.docx"))
    result = run("tender", "import", str(path))
    assert result.exit_code == 0, result.output
    rows = list(demo_copy.query("select * from tender_questions order by position"))
    assert [r["ref"] for r in rows] == refs
    assert [(r["word_limit"], r["char_limit"]) for r in rows] == limits
    status = run("tender", "status", "--markdown")
    assert status.exit_code == 0
    for ref in refs:
        assert f"| {ref} |" in status.output
    assert "| ref | question | sub-points | limit | weighting | words used | status | owner | due |" in status.output
    # for the terminal: one aligned line per question, the sub-points listed under the table
    text = run("tender", "status").output.splitlines()
    header = next(line for line in text if line.startswith("ref "))
    assert header.split() == ["ref", "question", "sub-points", "limit", "weighting", "words", "used", "status",
                              "owner", "due"]
    rows = [line for line in text if line.split()[:1] and line.split()[0] in refs and "not started" in line]
    assert len(rows) == len(refs) and len({line.index("not started") for line in rows}) == 1  # aligned


def test_word_table_sub_points_and_weighting(run, demo_copy, tmp_path):
    run("tender", "import", str(word_table(tmp_path / "q.docx")))
    status = run("tender", "status", "--markdown").output
    assert "3: Identifying early warning signs; Stepping up support; Working with the crisis team" in status
    assert "15%" in status and "5%" in status
    text = run("tender", "status").output
    assert "\n  1. Identifying early warning signs\n  2. Stepping up support\n  3. Working with the crisis team\n" in text


def test_draft_all_checks_every_answer_and_export_writes_the_response_and_a_workbook_copy(run, demo_copy, tmp_path):
    source = excel_sheet(tmp_path / "buyer.xlsx")
    before = source.read_bytes()
    assert run("tender", "import", str(source)).exit_code == 0
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 0, drafted.output
    assert "4.1: checked: no finding" in drafted.stderr and "4.2: checked: no finding" in drafted.stderr
    # the two answers are read together, as a panel reads them
    assert "consistency: 0 contradictions across 2 drafted answers" in drafted.stderr
    rows = list(demo_copy.query("select * from tender_questions order by position"))
    assert all(r["status"].startswith("checked") and r["words"] <= r["word_limit"] for r in rows)
    uses = demo_copy.execute("select count(*) from block_uses where used_in like 'tender %'").fetchone()[0]
    assert uses >= 2
    out = tmp_path / "response.docx"
    exported = run("tender", "export", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    from docx import Document
    from openpyxl import load_workbook

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "4.1 Describe how you will learn from incidents" in text and "4.2 How will you support" in text
    # beside the response: the evidence appendix (every figure traceable) and the bid team's compliance sheet
    figures = [f for r in rows for f in json.loads(r["coverage"])["figures"]]
    appendix = "\n".join(p.text for p in Document(str(tmp_path / "response-evidence.docx")).paragraphs)
    assert figures and all(f["title"] in appendix for f in figures)
    sheet = load_workbook(str(tmp_path / "response-compliance.xlsx"))["Compliance"]
    labels = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert any(str(x).startswith("4.1: ") for x in labels) and any(str(x).startswith("4.2: ") for x in labels)
    # every column filled as a one-answer export fills it: each sub-point's word budget, the paragraphs that answer
    # it and its evidence (they were empty, and 'paragraphs' was 'none' on every row); each question's words first
    table = [row for row in sheet.iter_rows(values_only=True) if str(row[0] or "")[:4] in ("4.1:", "4.2:")]
    whole = [row for row in table if "the whole answer" in row[0]]
    parts = [row for row in table if "the whole answer" not in row[0]]
    assert [row[0].split(":")[0] for row in whole] == ["4.1", "4.2"]
    assert all(row[1] == r["word_limit"] and row[2] == r["words"] and row[5] == "within the limit"
               for row, r in zip(whole, rows))
    assert parts and all(isinstance(row[1], int) and row[1] > 0 for row in parts)
    assert all(re.fullmatch(r"\d+(, \d+)*", str(row[3])) for row in parts if row[2])
    assert all(row[4] for row in parts if row[2])
    assert not any(f["id"] in text for f in figures)  # no internal ids in the submitted document
    copy = tmp_path / "response-buyer.xlsx"
    ws = load_workbook(str(copy))["Quality"]
    from evidencebot.compose.tender_store import cell_text

    assert ws.cell(row=4, column=6).value == cell_text(rows[0]["answer"])
    assert ws.cell(row=5, column=6).value == cell_text(rows[1]["answer"])
    assert source.read_bytes() == before  # the buyer's original is never written


def test_export_before_drafting_is_refused_and_writes_nothing(run, demo_copy, tmp_path):
    run("tender", "import", str(word_headings(tmp_path / "q.docx")))
    out = tmp_path / "response.docx"
    result = run("tender", "export", "-o", str(out))
    assert result.exit_code == 2 and "no answer drafted yet" in result.output
    assert not out.exists()
    # an answer stored without its figures (drafted by an earlier version) would leave them untraced
    demo_copy.execute("update tender_questions set answer = 'We do this.', coverage = '{\"rows\": []}'")
    demo_copy.conn.commit()
    result = run("tender", "export", "-o", str(out))
    assert result.exit_code == 2 and "draft them again" in result.output and not out.exists()


def paragraphs_docx(path, lines):
    from docx import Document

    d = Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(path)
    return path


@pytest.mark.parametrize("name, make, message", [
    ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "not a readable Word document"),
    ("corrupt.xlsx", lambda p: p.write_bytes(b"garbage"), "not a readable Excel workbook"),
    ("empty.docx", None, "no recognisable questions"),
    ("tbc.xlsx", lambda p: excel_sheet(p, limit="TBC"), "the limit 'TBC' cannot be read"),
    ("notes.txt", lambda p: p.write_text("hello"), "give a Word (.docx) or Excel (.xlsx)"),
    ("itt.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "not .doc (open it in Word and save it as .docx)"),
    ("itt.docx", lambda p: p.write_text("[tool.mypy]"), "not a readable Word document"),
    ("tbc.docx", lambda p: paragraphs_docx(p, ["Q1 Safeguarding", "Describe your approach.", "Word limit: TBC"]),
     "question Q1: the limit 'Word limit: TBC' is not a number"),
])
def test_bad_questionnaires_get_one_line_naming_the_file_exit_2_and_change_nothing(run, demo_copy, tmp_path,
                                                                                  name, make, message):
    path = tmp_path / name
    if make is None:
        from docx import Document

        d = Document()
        d.add_paragraph("Thank you for your interest in this opportunity.")
        d.save(path)
    else:
        make(path)
    result = run("tender", "import", str(path))
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and str(path) in line and message in line
    assert not demo_copy["tenders"].exists() or demo_copy["tenders"].count == 0
    assert not demo_copy["tender_questions"].exists() or demo_copy["tender_questions"].count == 0


@pytest.mark.parametrize("name, make, why", [
    ("damaged.docx", lambda p: p.write_bytes(b"PK\x03\x04 not a zip"), "damaged or cut short"),
    ("empty.docx", lambda p: p.write_bytes(b""), "the file is empty"),
    ("scan.docx", lambda p: p.write_bytes(b"%PDF-1.7 ..."), "it is a PDF"),
    ("locked.xlsx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "password-protected"),
    ("notes.xlsx", lambda p: p.write_text("Ref,Question"), "it is plain text"),
    ("sheet.docx", lambda p: excel_sheet(p), "it is an Excel workbook named .docx: rename it to .xlsx"),
    ("doc.xlsx", lambda p: word_table(p), "it is a Word document named .xlsx: rename it to .docx"),
])
def test_an_unreadable_questionnaire_says_why_in_words_not_an_exception_name(run, demo_copy, tmp_path, name, make,
                                                                            why):
    """It said 'not a readable Word document (PackageNotFoundError)': the writer learnt nothing they could act on."""
    path = tmp_path / name
    make(path)
    result = run("tender", "import", str(path))
    line = result.output.strip()
    assert result.exit_code == 2 and "\n" not in line and str(path) in line and why in line
    assert not re.search(r"[A-Z][a-z]+(?:Error|File|Exception|NotFound)\b|\(\w+\)$", line)


def table_docx(path, limit="400", weighting="15%"):
    from docx import Document

    d = Document()
    t = d.add_table(rows=1, cols=4)
    for c, text in zip(t.rows[0].cells, ["Ref", "Question", "Word limit", "Weighting"]):
        c.text = text
    for row in [("Q1", "Describe how you will reduce crisis escalation.", "400", "15%"),
                ("Q2", "Describe your approach to safeguarding.", limit, weighting)]:
        for c, text in zip(t.add_row().cells, row):
            c.text = text
    d.save(path)
    return path


@pytest.mark.parametrize("name, make, message", [
    ("tbc.xlsx", lambda p: excel_sheet(p, limit="TBC"), "question 4.1 (cell D4 of sheet 'Quality'): the limit 'TBC'"),
    ("half.docx", lambda p: table_docx(p, limit="about half a page"),
     "question Q2 (row 3 of its table, column 'Word limit'): the limit 'about half a page' cannot be read"),
    ("lots.docx", lambda p: table_docx(p, weighting="lots"),
     "question Q2 (row 3 of its table, column 'Weighting'): the weighting 'lots' is not a number"),
])
def test_a_cell_that_cannot_be_read_is_named_by_its_place(run, demo_copy, tmp_path, name, make, message):
    """'question Q2: the limit ... cannot be read' left the writer to hunt through the buyer's sheet: the error names
    the cell (Excel) or the table row and column (Word) it was read from."""
    path = tmp_path / name
    make(path)
    result = run("tender", "import", str(path))
    assert result.exit_code == 2 and message in result.output, result.output


def no_limit_docx(path):
    from docx import Document

    d = Document()
    d.add_paragraph("Quality questions")
    d.add_paragraph("Q1 Engagement (Weighting 10%)")
    d.add_paragraph("Describe how you will keep people engaged when they miss appointments.")
    d.add_paragraph("Q2 Crisis")
    d.add_paragraph("How will you work with the crisis team? (250 words)")
    d.save(path)
    return path


def test_draft_all_drafts_every_question_it_can_and_lists_the_rest_with_the_command_that_fixes_each(run, demo_copy,
                                                                                                   tmp_path):
    imported = run("tender", "import", str(no_limit_docx(tmp_path / "q.docx")))
    assert imported.exit_code == 0 and "no limit stated for Q1: give the buyer's with" in imported.output
    drafted = run("tender", "draft", "--all", "--period", PERIOD)
    assert drafted.exit_code == 1
    assert "Q2: checked: no finding" in drafted.stderr
    assert "drafting Q1 (1 of 2)\ndrafting Q2 (2 of 2)\n" in drafted.stderr  # where a long run is
    tail = drafted.stderr.strip().splitlines()[-3:]  # last, where the writer looks
    assert tail == ["drafted 1 of 2: 1 checked clean", "Not drafted (1 of 2):", "  Q1: no limit: set the buyer's "
                    "limit with 'evidencebot tender limit Q1 --words N' (or --chars N, --pages N)"]
    rows = {r["ref"]: r for r in demo_copy.query("select * from tender_questions")}
    assert rows["Q2"]["answer"] and not rows["Q1"]["answer"]
    assert rows["Q1"]["status"] == "not drafted: no limit"
    status = run("tender", "status").output
    assert "2 questions: 1 checked, 1 not drafted: no limit" in status
    assert "Not drafted for want of a limit (1):\n- Q1: set the buyer's limit with 'evidencebot tender limit Q1" in status
    part = status.split("Q2 Crisis\n", 1)[1].splitlines()[0]  # the drafted part: its words and what it holds
    assert part.startswith("  1. Working with the crisis team (") and " words; method" in part
    early = run("tender", "export", "-o", str(tmp_path / "early.docx"))  # not yet: says what to do first
    assert early.exit_code == 2 and "no answer drafted yet for Q1" in early.output
    assert "'evidencebot tender limit REF --words N'" in early.output and not (tmp_path / "early.docx").exists()
    # one question alone: refused with the same command, nothing drafted
    alone = run("tender", "draft", "q1")
    assert alone.exit_code == 2 and "evidencebot tender limit Q1 --words N" in alone.output
    # the fix, without importing again; the buyer's reference is found however it is typed
    fixed = run("tender", "limit", "1", "--words", "300")
    assert fixed.exit_code == 0 and "Q1: limit 300 words, weighting 10%, status not started" in fixed.output
    again = run("tender", "draft", "Q1", "--period", PERIOD)
    assert again.exit_code == 0, again.output
    row = demo_copy.execute("select words, status from tender_questions where ref = 'Q1'").fetchone()
    assert 0 < row[0] <= 300 and row[1].startswith("checked")
    out = tmp_path / "response.docx"
    assert run("tender", "export", "-o", str(out)).exit_code == 0
    from docx import Document

    headings = [p.text for p in Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    # under the buyer's numbering and title; the weighting in the title is for the bid team
    assert "Q1 Engagement" in headings and "Q2 Crisis" in headings


def test_a_limit_set_by_the_bid_team_replaces_the_one_read_and_drops_an_answer_drafted_for_it(run, demo_copy,
                                                                                             tmp_path):
    assert run("tender", "import", str(excel_sheet(tmp_path / "buyer.xlsx"))).exit_code == 0
    assert run("tender", "draft", "4.2", "--period", PERIOD).exit_code == 0
    changed = run("tender", "limit", "4.2", "--chars", "900")
    assert changed.exit_code == 0 and "4.2: limit 900 characters" in changed.output
    row = next(demo_copy.query("select * from tender_questions where ref = '4.2'"))
    assert row["answer"] is None and row["status"] == "not started"
    assert (row["word_limit"], row["char_limit"]) == (None, 900)
    assert run("tender", "draft", "4.2", "--period", PERIOD).exit_code == 0
    answer = demo_copy.execute("select answer from tender_questions where ref = '4.2'").fetchone()[0]
    assert len(answer) <= 900
    line = next(x for x in run("tender", "status").output.splitlines() if x.startswith("4.2 "))
    assert f"({len(answer):,} chars)" in line  # what the buyer's portal counts, beside the words
    bad = run("tender", "limit", "4.2", "--words", "0")
    assert bad.exit_code == 2 and "--words 0 is not a limit" in bad.output
    unknown = run("tender", "limit", "9.9", "--words", "100")
    assert unknown.exit_code == 2 and "no question '9.9' (its questions: 4.1, 4.2)" in unknown.output


def test_an_answer_in_a_workbook_cell_is_plain_text():
    from evidencebot.compose.tender_store import cell_text

    markdown = "## Early warning signs\n\nWe write them into the plan at the **first visit**.\n\n- sleep\n- appetite"
    assert cell_text(markdown) == ("Early warning signs\n\nWe write them into the plan at the first visit.\n\n"
                                   "• sleep\n• appetite")


@pytest.mark.parametrize("text, title", [
    ("Safeguarding (10% of the quality score)\nPlease describe ...", "Safeguarding"),
    ("Ref | Question | Guidance | Word limit | Weighting\nQ3.7 | Describe how you will work with GPs. | | 600 | 7%", "Q3.7"),
    ("3.1 Workforce – max 500 words\nDescribe your staffing model.", "3.1 Workforce"),
    ("Social value (Weighting: 10%). Max 300 words\nDescribe the social value you will add.", "Social value"),
    # a question without a title of its own: its first line, for the response's heading, without the limit
    ("Describe how you will keep people safe. Maximum 500 words.", "Describe how you will keep people safe."),
    ("Social value (Weighting: 10%). Max 300 words", "Social value"),
    ("4.1 Describe how you will learn from incidents. (300 words)", "4.1 Describe how you will learn from incidents."),
])
def test_a_questions_heading_is_the_buyers_words_without_limits_notes_or_stray_punctuation(text, title):
    from evidencebot.compose.questions import question_title

    assert question_title(text, or_question=True) == title


def test_export_headings_are_the_one_title_checked_like_the_answers_title(demo_copy, tmp_path):
    from docx import Document

    from evidencebot.compose import tender_store
    from evidencebot.store import tenders

    d = Document()
    t = d.add_table(rows=1, cols=3)
    for c, text in zip(t.rows[0].cells, ["No.", "Question", "Guidance"]):
        c.text = text
    rows = [("1", "Describe how you will keep people safe. Maximum 500 words.", ""),
            ("2", "Social value (Weighting: 10%). Max 300 words", "Describe the social value you will add."),
            ("3", "Service model and pathway (Specification ref: 3.1; Annex B). Maximum 400 words",
             "Describe your pathway."),
            ("4", "Support for Jo Smith and her family. Maximum 400 words", "Describe what you will offer.")]
    for row in rows:
        for c, text in zip(t.add_row().cells, row):
            c.text = text
    d.save(tmp_path / "q.docx")
    tid, _ = tender_store.import_questionnaire(demo_copy, tmp_path / "q.docx")
    for r in tender_store.questions(demo_copy, tid)[1]:  # answers as drafting stores them
        tenders.update_question(demo_copy, r["id"], {"answer": "We work with local partners.", "words": 5,
                                                     "coverage": json.dumps({"figures": []})})
    out = tmp_path / "response.md"
    tender_store.export(demo_copy, out, tender_id=tid)
    headings = [line for line in out.read_text().splitlines() if line.startswith("## ")]
    # the buyer's numbering kept; no limit, weighting or specification note; no stray full stop; the buyer's
    # words that carry a finding (a person's name) are not in the submitted response: the reference alone
    assert headings == ["## 1 Describe how you will keep people safe.", "## 2 Social value",
                        "## 3 Service model and pathway", "## Question 4"]


@pytest.mark.parametrize("ref, question, heading", [
    ("1", "Mobilisation in the first 100 days\nDescribe your plan.", "1 Mobilisation in the first 100 days"),
    ("2", "24/7 crisis support\nDescribe your plan.", "2 24/7 crisis support"),
    ("C2.1", "C2.1 Safeguarding\nDescribe your approach.", "C2.1 Safeguarding"),
])
def test_a_heading_keeps_the_buyers_number_when_the_title_holds_the_same_digits(ref, question, heading):
    from evidencebot.compose.tender_store import _heading

    class Passes:  # a checker that finds nothing: the heading is the buyer's words as read
        def check_text(self, text):
            return []

    row = {"ref": ref, "question": question, "guidance": "", "limit_text": "", "word_limit": None,
           "char_limit": None, "page_limit": None}
    assert _heading(row, Passes(), []) == heading


def test_every_flag_left_after_drafting_is_listed_with_the_line_to_change():
    """A finding or a contradiction left in a drafted answer was printed among the long answers' coverage (the buyer's
    'within 5 working days' against our 'ten working days' was kept, and the writer did not see where): now each is
    listed with its answer, its line and that line's words, for 'tender draft' to print last and the app first."""
    from types import SimpleNamespace

    from evidencebot.compose.consistency import Contradiction, Statement
    from evidencebot.compose.tender_store import lines_to_change
    from evidencebot.language.findings import Finding

    text = "## Access\n\nWe take referrals from anyone.\nFirst contact is within ten working days of referral, always."
    start = text.index("ten working days")
    finding = Finding(rule="evidence.buyer-standard", family="evidence", severity="warning",
                      message="the buyer asks for 5 working days", start=start, end=start + 16,
                      match="ten working days")
    results = [{"ref": "4.2", "answer": SimpleNamespace(markdown=text, findings=[finding])},
               {"ref": "4.3", "answer": None}]
    clash = Contradiction("fact", "first contact after referral",
                          [Statement("4.1", "5 working days", "First contact within 5 working days."),
                           Statement("4.2", "10 working days", "First contact is within ten working days.")])
    lines = lines_to_change(results, [clash])
    assert lines[0] == ("4.2, line 4: warning (evidence.buyer-standard) “First contact is within ten working days of "
                        "referral, always.”: the buyer asks for 5 working days")
    assert lines[1].startswith("first contact after referral stated differently: 4.1: '5 working days'")
    assert len(lines) == 2
