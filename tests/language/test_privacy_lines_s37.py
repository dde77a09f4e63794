"""(s37) The privacy family reads a block with its line breaks: a record pasted over several lines is checked as
the lines it was typed in, in every way a text reaches the checker (a .txt or .md file, stdin, a Word draft, the
story form, the draft editor), while the over-claim family still reads the joined prose."""

from __future__ import annotations

import io
import json

import docx
import pytest
from click.testing import CliRunner

from evidencebot.assistant import checking, story_capture
from evidencebot.cli import cli
from evidencebot.compose import wordcheck
from evidencebot.config import CheckerSettings
from evidencebot.language import markdown
from evidencebot.language.checker import Checker, line_text

# a referral record as pasted from a form: the label opens a line, the name is on the next
RECORD = "Who is being referred\nName of person referred:\nIlse van Dijk\nPhone: see notes\n"
NAME = "Ilse van Dijk"
# a carer's record with the label and the value on one line, then a second line
CARER = "Carer details\nName of carer: Bláithín Ní Bhriain\nRelationship: sister\n"
# an export pasted as comma-separated rows
EXPORT = "member_id,first_name,last_name,postcode\n3391,Rukhsana,Begum,BD8 7QT\n"
# ordinary prose wrapped at a line length, lines opening with capitalised words
WRAPPED = (
    "Our referral form asks for the person's\n"
    "Name and date of birth, their GP surgery and a contact\n"
    "Phone number. Staff read each form within one working day and\n"
    "Support workers return calls on the same day. Carers can also\n"
    "Refer themselves through the duty line.\n"
)


@pytest.fixture(scope="module")
def checker():
    return Checker(CheckerSettings(), ["privacy"])


def _rules_at(found, text, words):
    return {f.rule for f in found if text[f.start:f.end] == words or words in text[f.start:f.end]}


def test_line_text_gives_back_the_breaks_at_the_same_offsets():
    md = "Intro line\n\nName of person referred:\nIlse van Dijk\r\nPhone: see notes\n"
    for markup, second in (("markdown", "Ilse van Dijk"), ("text", "Ilse van Dijk ")):  # (.txt: the CR's space)
        block = markdown.extract_blocks(md, markup=markup)[1]
        lines = line_text(block, md)
        assert "\n" not in block.text and len(lines) == len(block.text)
        assert lines.split("\n") == ["Name of person referred:", second, "Phone: see notes"]
        at = lines.index(NAME)
        assert md[block.to_original(at):block.to_original(at) + len(NAME)] == NAME
    one = markdown.extract_blocks("A sentence on one line.", markup="markdown")[0]
    assert line_text(one, "A sentence on one line.") is one.text


@pytest.mark.parametrize("text,words,rule", [
    (RECORD, NAME, "privacy.labelled-name"),
    (CARER, "Bláithín Ní Bhriain", "privacy.labelled-name"),
    (EXPORT, "Rukhsana", "privacy.labelled-name"),
])
def test_txt_record_over_several_lines(checker, text, words, rule):
    found = checker.check_text(text, path="record.txt")
    assert rule in _rules_at(found, text, words), [(f.rule, f.match) for f in found]


def test_record_lines_flag_the_name_only(checker):
    found = checker.check_text(RECORD, path="record.txt")
    assert [RECORD[f.start:f.end] for f in found] == [NAME]  # the name only (not the labels around it)
    assert found[0].line == 3 and found[0].column == 1


def test_markdown_paragraph_and_list_item(checker):
    para = "# Referral\n\n" + RECORD
    found = checker.check_text(para, path="draft.md")
    assert "privacy.labelled-name" in _rules_at(found, para, NAME)
    item = "# Carers\n\n- Name of carer:\n  Bláithín Ní Bhriain\n- Relationship: sister\n"
    found = checker.check_text(item, path="draft.md")
    assert "privacy.labelled-name" in _rules_at(found, item, "Bláithín Ní Bhriain")


def test_the_cache_keeps_lines_and_joined_text_apart(checker):
    joined = " ".join(RECORD.split("\n")).strip() + "\n"
    for order in ((joined, RECORD), (RECORD, joined)):
        out = checker.check_many([(t, "record.txt") for t in order])
        by_text = dict(zip(order, out))
        assert "privacy.labelled-name" in _rules_at(by_text[RECORD], RECORD, NAME)
        # one line: the label does not open a line, so this rule does not read it as a form's field
        assert "privacy.labelled-name" not in {f.rule for f in by_text[joined]}


def test_stdin():
    result = CliRunner().invoke(cli, ["check", "-", "--format", "json", "--family", "privacy"], input=RECORD)
    assert result.exit_code == 1, result.output
    rows = json.loads(result.output)
    rows = rows if isinstance(rows, list) else rows.get("findings", rows)
    text = json.dumps(rows)
    assert "privacy.labelled-name" in text and NAME in text


def _docx_bytes(in_table: bool) -> bytes:
    document = docx.Document()
    document.add_paragraph("Referral received this week.")
    if in_table:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).paragraphs[0].add_run("Record")
        paragraph = table.cell(0, 1).paragraphs[0]
    else:
        paragraph = document.add_paragraph()
    lines = RECORD.strip().split("\n")
    for k, line in enumerate(lines):
        run = paragraph.add_run(line)
        if k < len(lines) - 1:
            run.add_break()  # Shift+Enter: a soft line break inside the paragraph
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("in_table", [False, True])
def test_word_soft_line_breaks(checker, in_table):
    draft = wordcheck.read_docx("record.docx", _docx_bytes(in_table))
    rows = wordcheck.check_docx(draft, checker)
    named = [r for r in rows if r["rule"] == "privacy.labelled-name"]
    assert [r["match"] for r in named] == [NAME]
    if in_table:
        assert named[0]["where"] == "table 1, row 1, column 2"
    else:
        assert named[0]["where"] == "paragraph 2"
        # the comment is anchored on the name's own words
        seg = draft.segments[named[0]["line"] - 1]
        assert seg.text[named[0]["column"] - 1:named[0]["column"] - 1 + len(NAME)] == NAME


def test_story_form():
    found = story_capture.privacy_findings(RECORD)
    assert [f.rule for f in found if f.match == NAME] == ["privacy.labelled-name"]


def test_draft_editor():
    report = checking.check("## Referral\n\n" + RECORD)
    assert any(f.rule == "privacy.labelled-name" and f.match == NAME for f in report.findings)


@pytest.mark.parametrize("path", ["wrapped.txt", "wrapped.md"])
def test_wrapped_prose_no_new_false_alarm(checker, path):
    found = checker.check_text(WRAPPED, path=path)
    one_line = checker.check_text(" ".join(WRAPPED.split("\n")), path=path)
    assert [(f.rule, f.match) for f in found] == [(f.rule, f.match) for f in one_line] == []


def test_overclaim_reads_the_joined_sentence():
    text = "Our team\nreduced emergency admissions.\n"
    oc = Checker(CheckerSettings(), ["overclaim"])
    wrapped = [(f.rule, f.start, f.end) for f in oc.check_text(text, path="draft.md")]
    joined = [(f.rule, f.start, f.end) for f in oc.check_text(text.replace("\n", " ", 1), path="draft.md")]
    assert wrapped == joined and any(r == "overclaim.causal-system-outcome" for r, _, _ in wrapped)


def test_rules_test_passes_on_the_shipped_rules():
    result = CliRunner().invoke(cli, ["rules", "test"])
    assert result.exit_code == 0, result.output[-3000:]
    assert " 0 wrong" in result.output


def test_a_team_signature_over_lines_stays_clear(checker):
    # the line reading runs the filters the joined reading runs: a team's mailbox is not a person's (a reading of the
    # regex rules alone flagged it)
    text = ("Kind regards\n\nCommunity Recovery Team\nCalderdale Wellbeing Partnership\n"
            "Tel: 01422 496 000 (switchboard)\nEmail: recovery@calderwellbeing.org.uk\n")
    assert checker.check_text(text, path="reply.txt") == []
    personal = text.replace("recovery@", "jane.doe@")
    assert [f.rule for f in checker.check_text(personal, path="reply.txt")] == ["privacy.email"]


def test_a_header_cell_is_not_read_into_the_cell_under_it(checker):
    # two lines of three comma-separated pieces read as an export: the table view put the header's "Gateshead NE8 4LX"
    # before "deterioration in mental health" and the postcode rule's match inside that label was mapped onto the cell
    text = ("Current address:\nFlat 2, 9 Prospect Row, Gateshead NE8 4LX\n"
            "Reason for move: overcrowding, damp, deterioration in mental health\n")
    found = checker.check_text(text, path="referral.txt")
    assert [f.match for f in found if f.rule in ("privacy.postcode", "privacy.street-address")] == []
    assert any("NE8 4LX" in f.match for f in found)


def test_a_header_with_its_own_colon_does_not_carry_a_label_match_onto_a_cell():
    """(review of s37) the label's end was found by the first ': ' of a table view's line, so a header holding its own
    ': ' let a postcode rule's match in the header land on the cell under it ('xx' flagged as a postcode)."""
    from evidencebot.language.privacy import find_privacy, load_privacy_rules

    rules = [r for r in load_privacy_rules() if r.kind == "regex"]
    text = "Note: Gateshead NE8 4LX, b, c\nxx, yy, deterioration in health\n"
    assert [(f.rule, f.match) for f in find_privacy(text, None, rules)] == [("privacy.postcode", "NE8 4LX")]
