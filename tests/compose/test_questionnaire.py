"""Reading buyers' questionnaires (:mod:`evidencebot.compose.questionnaire`) in the layouts they
arrive in: questions pasted as plain paragraphs with no Heading styles, numbered headings, a
numbered section over its questions, small limit tables under each question, Excel sheets. A
question starts at its reference or title line; numbered lists and scoring scales inside it stay
in it."""

from __future__ import annotations

import pytest

from evidencebot.compose.questionnaire import read_questionnaire
from evidencebot.compose.questions import parse_question, read_limits
from evidencebot.errors import InputError

# Four questions as many buyers' Word documents hold them: every line its own Normal paragraph.
PLAIN = """\
Q3.2 Safeguarding (10% of the quality score)
Please describe how you will safeguard adults at risk and children in their households. Your answer should address:
•\tyour safeguarding leadership, including the named lead
•\thow staff will recognise, record and report concerns
•\thow you will respond to domestic abuse, including referrals to MARAC
(max. 500 words)
4.1 Workforce: recruitment, supervision and training
Weighting 8
Word limit: 1,000
Please describe the workforce you will put in place. Responses should address the following:
1. The proposed staffing structure and skill mix, with whole time equivalents for each role.
2. How you will recruit to vacancies and keep agency use to a minimum.
3. Your approach to retaining staff, including staff wellbeing.
4. How you will make sure caseloads are safe and manageable.
Answers that simply restate the specification will score poorly.
Q3.3 Risk management and crisis response
Please describe how you will manage risk. Set out:
(i) how risk will be assessed, including safety planning;
(ii) how staff will identify early warning signs of deterioration; and
(iii) how you will follow up people who disengage.
Maximum 750 words.
Weighting: 10%
Scoring
5 – Excellent: fully addresses every element, with detail and evidence.
4 – Good: addresses every element, with minor gaps.
3 – Satisfactory: addresses most elements.
2 – Weak: addresses some elements.
1 – Poor: limited, generic response.
0 – No response, or the response is wholly inadequate.
3.9 Carers and families
Please describe how you will involve and support carers. Use the following headings in your response:
- Identifying carers, including young carers
- Sharing information with carers where the person does not consent
Please keep your response to 600 words or fewer.
"""


def plain_docx(path, text=PLAIN, title="Riverside ICB - Invitation to Tender - Section 3 Quality Questions"):
    from docx import Document

    d = Document()
    if title:
        d.add_heading(title, 0)
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(path)
    return path


def test_plain_paragraphs_start_a_question_at_its_reference_not_at_every_numbered_line(tmp_path):
    q = read_questionnaire(plain_docx(tmp_path / "itt.docx"))
    assert [x.ref for x in q.questions] == ["Q3.2", "4.1", "Q3.3", "3.9"]
    assert [(x.word_limit, x.weighting) for x in q.questions] == [(500, 10), (1000, 8), (750, 10), (600, None)]
    points = [len(parse_question(x.full_text).points) for x in q.questions]
    assert points == [3, 4, 3, 2]
    # the numbered list and the scoring scale are inside their questions
    assert "4. How you will make sure caseloads" in q.questions[1].question
    assert "0 – No response" in q.questions[2].question
    assert all("Excellent" not in p for p in parse_question(q.questions[2].full_text).points)


def test_weighting_on_the_line_above_the_word_limit_is_not_a_word_limit():
    limits = read_limits("Workforce\n\nWeighting 8\nWord limit: 1,000\n\nPlease describe ...")
    assert (limits.words, limits.weighting) == (1000, 8)
    assert read_limits("Answer in a 500-word response.").words == 500
    assert read_limits("Weighting 8 words").weighting is None


def test_single_numbers_are_questions_when_the_document_has_no_other_references(tmp_path):
    text = ("1. Engagement\nDescribe how you will keep people engaged. Your answer should cover:\n"
            "1. what happens after one missed contact\n2. what happens after two missed contacts\n"
            "Maximum 300 words.\n"
            "2. Co-production\nHow will people with lived experience shape the service? (200 words)\n"
            "3. Partnership working\nDescribe how you will work with GP practices and the crisis team.\n"
            "(a) sharing information; (b) joint reviews\nMaximum 400 words\n")
    q = read_questionnaire(plain_docx(tmp_path / "q.docx", text, title="Quality questions"))
    assert [x.ref for x in q.questions] == ["1", "2", "3"]
    assert [x.word_limit for x in q.questions] == [300, 200, 400]
    assert "2. what happens after two missed contacts" in q.questions[0].question


def test_a_numbered_section_title_over_its_questions_is_not_a_question(tmp_path):
    from docx import Document

    d = Document()
    d.add_paragraph("3. Quality questions")
    d.add_paragraph("3.1 Describe how you will mobilise the service. (400 words)")
    d.add_paragraph("3.2 Mobilisation plan")
    d.add_paragraph("Set out your plan, with milestones, to the contract start. Weighting: 5%. Maximum 300 words.")
    d.add_heading("Instructions to bidders", 1)
    d.add_paragraph("Bidders must submit through the portal by noon on the closing date.")
    d.add_paragraph("Question 4")
    d.add_paragraph("How will you keep the commissioner informed of performance? (250 words)")
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [x.ref for x in q.questions] == ["3.1", "3.2", "Question 4"]
    assert [x.word_limit for x in q.questions] == [400, 300, 250]
    assert "noon" not in q.questions[1].question  # the buyer's notes under an unnumbered heading stay out


def test_technical_question_references_are_references(tmp_path):
    text = ("TQ1 Service model\nDescribe your service model. (500 words)\n"
            "TQ2 Safeguarding\nHow will you keep people safe? Your answer should cover:\n1. your lead;\n"
            "2. training.\nMaximum 300 words.\n")
    q = read_questionnaire(plain_docx(tmp_path / "q.docx", text))
    assert [(x.ref, x.word_limit) for x in q.questions] == [("TQ1", 500), ("TQ2", 300)]


def test_sub_numbered_items_under_a_numbered_question_stay_in_it(tmp_path):
    text = ("Q3 Safeguarding\nDescribe how you will keep people safe, covering the following.\n"
            "3.1 Your safeguarding lead and governance\n3.2 How staff raise concerns\nMaximum 500 words.\n"
            "Q4 Outcomes\nHow will you measure outcomes? Maximum 300 words.\n")
    q = read_questionnaire(plain_docx(tmp_path / "q.docx", text))
    assert [x.ref for x in q.questions] == ["Q3", "Q4"]
    assert "3.2 How staff raise concerns" in q.questions[0].question


def test_headings_without_numbers_keep_the_numbered_list_under_them(tmp_path):
    from docx import Document

    d = Document()
    d.add_heading("Method statements", 0)
    d.add_heading("Engagement", 1)
    d.add_paragraph("Describe how you will keep people engaged. You should cover the following.")
    d.add_paragraph("1. What happens after one missed contact")
    d.add_paragraph("2. What happens after two missed contacts")
    d.add_paragraph("Maximum 300 words.")
    d.add_heading("Co-production", 1)
    d.add_paragraph("How will people with lived experience shape the service? (200 words)")
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [x.question.split("\n")[0] for x in q.questions] == ["Engagement", "Co-production"]
    assert [x.word_limit for x in q.questions] == [300, 200]


def test_a_small_limit_table_under_each_question_is_read(tmp_path):
    from docx import Document

    d = Document()
    for ref, question, limit, weight in (("1.1", "Describe how you will reduce crisis escalation.", "500", "10%"),
                                         ("1.2", "How will you support carers?", "2,000", "5")):
        d.add_paragraph(f"{ref} {question}")
        t = d.add_table(rows=3, cols=2)
        label = "Word limit" if ref == "1.1" else "Character limit"
        for row, (a, b) in zip(t.rows, ((label, limit), ("Weighting", weight), ("Bidder response", ""))):
            row.cells[0].text, row.cells[1].text = a, b
    scale = d.add_table(rows=2, cols=2)  # the scoring table at the end is no question's limit
    scale.rows[0].cells[0].text, scale.rows[0].cells[1].text = "Score", "Description"
    scale.rows[1].cells[0].text, scale.rows[1].cells[1].text = "5", "Excellent"
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [(x.ref, x.word_limit, x.char_limit, x.weighting) for x in q.questions] == [
        ("1.1", 500, None, 10), ("1.2", None, 2000, 5)]


def test_excel_limit_column_names_its_unit_and_a_notes_sheet_comes_first(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    notes.title = "Instructions"
    notes.append(["Complete the Quality sheet. Do not change the column order."])
    ws = wb.create_sheet("Quality")
    for n in range(15):  # a block of instructions above the question table
        ws.append([f"Instruction {n + 1}: answer in the Response column only."])
    ws.append(["Ref", "Question", "Max characters (incl. spaces)", "Weighting", "Response"])
    ws.append(["Q1", "Describe how you will learn from incidents.", 2000, 0.15])
    ws.append([None, "Section B: Social value"])  # a section row: no reference, no limit
    ws.append(["Q2", "How will you support people stepping down from hospital?", "1,500", 0.1])
    wb.save(tmp_path / "q.xlsx")
    q = read_questionnaire(tmp_path / "q.xlsx")
    assert q.sheet == "Quality" and q.answer_column == "Response"
    assert [(x.ref, x.char_limit, x.word_limit, x.weighting) for x in q.questions] == [
        ("Q1", 2000, None, 15), ("Q2", 1500, None, 10)]
    assert [x.row for x in q.questions] == [17, 19]
    assert "Instruction 15" in q.preamble


@pytest.mark.parametrize("text, message", [
    ("Q1 Safeguarding\nDescribe your approach to safeguarding.\nWord limit: TBC\n", "question Q1: the limit 'Word limit: TBC' is not a number"),
    ("Thank you for your interest.\nPlease read the specification.\n", "no recognisable questions"),
])
def test_bad_word_questionnaires_name_the_file_and_what_was_not_understood(tmp_path, text, message):
    path = plain_docx(tmp_path / "bad.docx", text)
    with pytest.raises(InputError) as err:
        read_questionnaire(path)
    assert str(path) in str(err.value) and message in str(err.value) and "\n" not in str(err.value)


def test_a_spreadsheet_row_pasted_with_its_header_is_one_question_under_that_header(tmp_path):
    text = ("Q3.6 Health inequalities\nDescribe how you will reduce inequalities in access. Maximum 500 words.\n"
            "Ref | Question | Guidance | Word limit | Weighting | Bidder response\n"
            "Q3.7 | Describe how you will work with GP practices. | Responses should explain: how you join "
            "practice meetings; and how you share information. | 600 words | 7% | [Bidder to complete]\n")
    q = read_questionnaire(plain_docx(tmp_path / "q.docx", text))
    assert [(x.ref, x.word_limit, x.weighting) for x in q.questions] == [("Q3.6", 500, None), ("Q3.7", 600, 7)]
    assert "Ref | Question" not in q.questions[0].question  # the header went with its row


def test_sentences_about_the_limit_are_not_an_unreadable_limit(tmp_path):
    text = ("Question 3.4 – Outcomes\nDescribe how you will measure outcomes.\nMax. 4,000 characters including "
            "spaces.\nCharacter counts will be checked using the counter in the portal.\n"
            "Question 4.2 – Mobilisation\nDescribe your mobilisation plan. Maximum 1,000 words.\nThe plan at "
            "Appendix 3 is not included in the word limit and should be no more than 4 sides of A4.\n")
    q = read_questionnaire(plain_docx(tmp_path / "q.docx", text))
    assert [(x.ref, x.char_limit, x.word_limit) for x in q.questions] == [("Question 3.4", 4000, None),
                                                                         ("Question 4.2", None, 1000)]
    for unreadable in ("Word limit TBC", "Word count - see guidance", "word limit is to be confirmed"):
        with pytest.raises(InputError, match="is not a number"):
            read_limits(f"Describe X. {unreadable}", strict=True)


def _word_list(doc, levels):
    """Add a list definition to ``doc``'s numbering: ``levels`` is [(format, text, start), ...] by
    level ('decimal', '%1.%2', 1); returns its numId, as Word writes it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = doc.part.numbering_part.element
    ids = [int(n.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numId")) for n in root.num_lst]
    new = max(ids + [0]) + 100
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/>'
                   f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text, start) in enumerate(levels))
    root.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{new}">{lvls}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{new}"><w:abstractNumId w:val="{new}"/></w:num>'))
    return new


def _number(par, num_id, level=0):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    par._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return par


def test_word_automatic_numbering_gives_the_references_and_the_list_markers(tmp_path):
    """Word keeps a numbered heading's '3.1' and a list's '(i)' out of the paragraph's text."""
    from docx import Document

    d = Document()
    d.add_heading("Quality questions", 0)
    headings = _word_list(d, [("decimal", "%1.", 3), ("decimal", "%1.%2", 1)])  # section 3 of the ITT
    items = _word_list(d, [("lowerRoman", "(%1)", 1), ("lowerLetter", "%2)", 1)])
    _number(d.add_heading("Service delivery", 1), headings, 0)
    _number(d.add_heading("Risk management", 2), headings, 1)
    d.add_paragraph("Describe how you will manage risk. Set out:")
    for text, level in (("how risk is assessed;", 0), ("how often plans are reviewed, including:", 0),
                        ("after an incident", 1), ("at discharge", 1), ("how staff spot early warning signs.", 0)):
        _number(d.add_paragraph(text), items, level)
    d.add_paragraph("Maximum 750 words. Weighting: 10%")
    _number(d.add_heading("Carers", 2), headings, 1)
    d.add_paragraph("How will you involve carers? (300 words)")
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [(x.ref, x.word_limit) for x in q.questions] == [("3.1", 750), ("3.2", 300)]
    assert "(ii) how often plans are reviewed, including:\n    a) after an incident\n    b) at discharge\n(iii) how" \
        in q.questions[0].question
    assert len(parse_question(q.questions[0].full_text).points) >= 3


def test_word_tables_with_a_title_row_and_one_table_per_question_keep_the_buyers_references(tmp_path):
    from docx import Document

    d = Document()
    d.add_paragraph("Part A")
    t = d.add_table(rows=2, cols=4)
    t.rows[0].cells[0].merge(t.rows[0].cells[3]).text = "Section 2: Service delivery"  # a title row over the header
    for c, text in zip(t.rows[1].cells, ["Ref", "Question", "Word limit", "Weighting"]):
        c.text = text
    for c, text in zip(t.add_row().cells, ["2.1", "How will you keep people engaged?", "300", "10%"]):
        c.text = text
    d.add_paragraph("3.1 Safeguarding")  # the buyer's number and title over the question's own table
    one = d.add_table(rows=3, cols=2)
    for row, (a, b) in zip(one.rows, (("Question", "Describe how you will safeguard adults at risk."),
                                      ("Word limit", "500"), ("Response", ""))):
        row.cells[0].text, row.cells[1].text = a, b
    two = d.add_table(rows=4, cols=2)
    two.rows[0].cells[0].merge(two.rows[0].cells[1]).text = "3.2 Carers"  # merged across the table's top row
    for row, (a, b) in zip(two.rows[1:], (("Question", "How will you support carers?"), ("Word limit", "250"),
                                          ("Weighting", "5%"))):
        row.cells[0].text, row.cells[1].text = a, b
    three = d.add_table(rows=2, cols=2)
    for row, (a, b) in zip(three.rows, (("Question 3.3", "How will you measure outcomes?"),
                                        ("Max characters", "2,000"))):
        row.cells[0].text, row.cells[1].text = a, b
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [(x.ref, x.word_limit, x.char_limit, x.weighting) for x in q.questions] == [
        ("2.1", 300, None, 10), ("3.1", 500, None, None), ("3.2", 250, None, 5), ("Question 3.3", None, 2000, None)]
    assert q.questions[1].question.split("\n")[0] == "Safeguarding"  # the title the response is headed with


def test_questions_inside_content_controls_are_read(tmp_path):
    """Buyers' forms wrap questions and cells in content controls; python-docx's lists skip them."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def control(xml):
        return parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent>{xml}</w:sdtContent></w:sdt>')

    def para(text):
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    d = Document()
    d.add_paragraph("Quality questions")
    body = d.element.body
    body.insert(1, control(para("Q1 Safeguarding") + para("Describe how you will keep people safe. (300 words)")))
    body.insert(2, control(para("Q2 Carers")))
    d.add_paragraph("How will you support carers?")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Word limit"
    t.rows[0].cells[1]._tc.append(control(para("250")))  # the cell's value in a control of its own
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [(x.ref, x.word_limit) for x in q.questions] == [("Q1", 300), ("Q2", 250)]


def test_fourteen_buyer_questions_pasted_into_one_document_come_back_as_fourteen(tmp_path):
    """The s7 dev questions (written by someone who never read the code: context preambles,
    lettered/roman/numbered lists, scoring scales, spreadsheet rows pasted with their header)
    pasted one after another as plain paragraphs, as the lead's bid-writer run did: one question
    each, with the buyer's limit and weighting."""
    import json
    from pathlib import Path

    labels = [json.loads(line) for line in
              (Path(__file__).parents[1] / "data/labelled/questions_dev_s7.jsonl").read_text().splitlines()]
    path = plain_docx(tmp_path / "itt.docx", "\n".join(x["text"] for x in labels), title="Riverside ICB: ITT")
    q = read_questionnaire(path)
    assert len(q.questions) == len(labels)
    assert [(x.word_limit, x.char_limit, x.page_limit, x.weighting) for x in q.questions] == [
        (x["word_limit"], x["char_limit"], x["page_limit"], x["weighting"]) for x in labels]
    assert all(x.ref and x.ref[-1].isdigit() for x in q.questions)
    for got, label in zip(q.questions, labels):  # each question whole: its last line is still in it
        last = [line.strip() for line in label["text"].splitlines() if line.strip()][-1]
        assert last in got.full_text, (got.ref, last)
        # and read as the buyer's text is: the same sub-points (Word paragraphs kept apart, so 'Responses
        # exceeding 800 words will not be read beyond that point.' is not glued to the last ask)
        assert parse_question(got.full_text).headings == parse_question(label["text"]).headings, got.ref


def test_a_limit_in_the_answer_columns_header_is_every_rows_limit(tmp_path):
    from docx import Document

    d = Document()
    t = d.add_table(rows=1, cols=3)
    for c, text in zip(t.rows[0].cells, ["No.", "Question", "Response (max 500 words per question)"]):
        c.text = text
    for ref, question in (("1", "How will you keep people engaged?"), ("2", "How will you support carers?")):
        for c, text in zip(t.add_row().cells, [ref, question, ""]):
            c.text = text
    d.save(tmp_path / "q.docx")
    q = read_questionnaire(tmp_path / "q.docx")
    assert [(x.ref, x.word_limit) for x in q.questions] == [("1", 500), ("2", 500)]
    t.rows[0].cells[1].text, t.rows[0].cells[2].text = "Question (maximum 300 words)", "Bidder response"
    d.save(tmp_path / "q2.docx")
    q = read_questionnaire(tmp_path / "q2.docx")
    assert [(x.ref, x.word_limit) for x in q.questions] == [("1", 300), ("2", 300)]


ASK_IN_GUIDANCE = [("Safeguarding", "Describe how you will identify and act on risks to the people you support."),
                   ("Social value", "Set out the local jobs and volunteering you will create."),
                   ("Carers", "How will you involve carers in planning support?")]


def test_rows_whose_ask_is_in_the_guidance_column_are_questions_in_excel_and_word(tmp_path):
    from docx import Document
    from openpyxl import Workbook

    header = ["Question", "Guidance", "Response (max 500 words)"]
    rows = [["Section B: Quality", "", ""]] + [[q, g, ""] for q, g in ASK_IN_GUIDANCE]
    wb = Workbook()
    for row in [header] + rows:
        wb.active.append(row)
    wb.save(tmp_path / "q.xlsx")
    d = Document()
    t = d.add_table(rows=0, cols=3)
    for row in [header] + rows:
        for c, text in zip(t.add_row().cells, row):
            c.text = text
    d.save(tmp_path / "q.docx")
    for name in ("q.xlsx", "q.docx"):
        q = read_questionnaire(tmp_path / name)
        # every row that asks for something, in its question or its guidance; the section row is not one
        assert [(x.question, x.guidance, x.word_limit) for x in q.questions] == [
            (a, g, 500) for a, g in ASK_IN_GUIDANCE], name


def _mixed_docx(path, unnumbered_ask=False):
    """Questions as numbered headings and paragraphs, one of them (Q3.2) a Question / Guidance /
    Word limit / Weighting table under its heading (issue 12's walk-through, westmere_itt.docx)."""
    from docx import Document

    d = Document()
    d.add_heading("Invitation to Tender: Community Mental Health Recovery Service", 0)
    d.add_heading("Section 3: Quality Questions", 1)
    d.add_paragraph("Responses will be evaluated blind.")
    d.add_heading("Q3.1 Service Model", 2)
    d.add_paragraph("Describe how you will deliver a recovery-focused service. Maximum 750 words.")
    d.add_heading("Q3.2 Safeguarding", 2)
    d.add_paragraph("This question is about adults and children.")
    t = d.add_table(rows=4, cols=2)
    for r, (a, b) in zip(t.rows, [("Question", "Describe your approach to safeguarding adults and children, and how learning from Safeguarding "
                                               "Adults Reviews is embedded."),
                                  ("Guidance", "Reference the Care Act 2014."), ("Word limit", "500"),
                                  ("Weighting", "10%")]):
        r.cells[0].text, r.cells[1].text = a, b
    d.add_heading("Q3.3 Workforce", 2)
    d.add_paragraph("Describe how you will recruit and retain staff. (maximum 400 words)")
    if unnumbered_ask:
        d.add_heading("Mobilisation", 2)
        d.add_paragraph("Describe how you will mobilise the service in 12 weeks.")
    d.add_heading("Q3.6 Risk", 2)
    d.add_paragraph("How will you respond to risk, in and out of hours? Max. 2,000 characters. Weighting: 10%")
    d.save(path)
    return path


def test_a_document_mixing_question_tables_and_numbered_paragraphs_imports_every_question(tmp_path):
    """Issue 12: only the table question (Q3.2) came in, the questions written as headings and
    paragraphs were dropped silently (fails on the old code: 1 question)."""
    q = read_questionnaire(_mixed_docx(tmp_path / "itt.docx"))
    assert [x.ref for x in q.questions] == ["Q3.1", "Q3.2", "Q3.3", "Q3.6"]
    table_q = q.questions[1]
    assert (table_q.word_limit, table_q.weighting) == (500, 10.0)
    assert "Care Act" in table_q.guidance
    assert "is embedded." in table_q.question and "This question is about" in table_q.question
    assert table_q.question.startswith("Safeguarding\n")  # its title, though 'Safeguarding' recurs in its text
    assert q.questions[0].word_limit == 750 and q.questions[3].char_limit == 2000
    assert q.skipped == []


def test_text_that_asks_but_is_not_imported_among_question_tables_is_said(tmp_path):
    """Fails on the old code (no record of skipped text)."""
    q = read_questionnaire(_mixed_docx(tmp_path / "itt.docx", unnumbered_ask=True))
    assert [x.ref for x in q.questions] == ["Q3.1", "Q3.2", "Q3.3", "Q3.6"]
    assert any("mobilise the service" in s for s in q.skipped)


def test_an_excel_questionnaire_is_titled_as_the_buyer_titled_it(tmp_path):
    """The response was headed 'ryedale: Quality' (the file's name and the sheet's) although the buyer's title row sat
    above the question table (lead, session 18, a whole tender job on a workbook): the title line, not an instruction
    sentence above the table, and the file and sheet only when the workbook has no title at all."""
    from openpyxl import Workbook

    def workbook(path, rows, title=None):
        wb = Workbook()
        ws = wb.active
        ws.title = "Quality"
        for row in rows:
            ws.append(row)
        ws.append(["Ref", "Question", "Word limit", "Weighting", "Bidder response"])
        ws.append(["QW1", "Describe how you will respond to early warning signs of relapse.", 500, "10%"])
        if title:
            wb.properties.title = title
        wb.save(path)
        return path

    named = workbook(tmp_path / "ryedale.xlsx", [["Ryedale Borough Council — Wellbeing Service ITT RBC-2027-03"], []])
    assert read_questionnaire(named).title == "Ryedale Borough Council — Wellbeing Service ITT RBC-2027-03"
    told = workbook(tmp_path / "told.xlsx", [["Answer in the Bidder response column only."]], title="Lot 2 ITT")
    assert read_questionnaire(told).title == "Lot 2 ITT"
    bare = workbook(tmp_path / "bare.xlsx", [["Answer in the Bidder response column only."]])
    assert read_questionnaire(bare).title == "bare: Quality"
