"""Answers that engage the buyer's named partners, programmes and localities (issue 12, session 12).

Session 10's blind panel (spent set s10) marked the answers down because the buyer's named partners and
programmes were absent ("Neither named partner is mentioned") and its figures never used ("the 41% ... is not
addressed"); s10 q05's part on a locality was "[To write]". The question below is written here, with a buyer,
partners, places and figures unlike s10's, in the same shapes: partners to work with and link with, one of them
placed after its area was named on its own, a sentence that speaks of weight (read as a weighting before), and a
gap in one locality with the buyer's figures for it and for the area."""

from __future__ import annotations

import io
import re

import pytest

from evidencebot.compose import buyer_terms as B
from evidencebot.compose import requirements as R
from evidencebot.compose import tender_profile as TP

PERIOD = "2025-10..2026-09"

QUESTION = """Q3.2 Employment and physical activity

In 2025/26, 31.5% of adults supported by the current services were in paid work or volunteering. In Dunmere Sands the figure was 22.0%. The Calderbrook employment ambition is 40% by March 2029.

How will the service help people to find and keep work, working with the Jobs Coaches of the Calderbrook Works Team and the Council's Adult Learning Team? What will you offer to help people be more active and manage their weight, and how will this link with the Moveable Feast programme and the Calderbrook Leisure Access Service? What will you do to close the gap in Dunmere Sands specifically?

(max. 600 words)
"""


def test_a_sentence_about_weight_is_not_a_weighting_and_every_partner_is_read():
    names = [r.name for r in R.read_requirements(QUESTION)]
    # before session 12: 'manage their weight' dropped the whole sentence as a weighting line, and a place named on
    # its own ('Calderbrook') or an alternative ('Adult Learning') hid the longer names that hold it
    for name in ("Moveable Feast", "Calderbrook Leisure Access Service", "Council's Adult Learning Team",
                 "Calderbrook Works Team"):
        assert any(name in n for n in names), (name, names)
    assert not any(r.name == "Weighting" for r in R.read_requirements("Weighting: 10%. Manage their weight."))
    # a one-word alternative ('Calderbrook', of the service's name) would be said by every sentence naming the place
    assert all(len(a.split()) >= 2 for r in R.read_requirements(QUESTION) for a in r.alternatives)


@pytest.mark.parametrize("name, sentence, expected", [
    ("Moveable Feast", "how will this link with the Moveable Feast programme and the X Service?",
     ("strategy", "Moveable Feast programme")),
    ("Council's Adult Learning Team", "working with the Jobs Coaches and the Council's Adult Learning Team?",
     ("partner", "Council's Adult Learning Team")),
    ("Health Check Workers", "working with the Health Check Workers and the Team?", ("partner", "Health Check Workers")),
    # named, but not as someone we are asked to work with: still not the buyer's own
    ("Moveable Feast", "The Moveable Feast programme was evaluated in 2024.", None),
    ("Armed Forces Covenant", "how will you work with the Armed Forces Covenant?", None),
    ("NHS Talking Therapies Service", "how will you link with the NHS Talking Therapies Service?", None),
])
def test_an_unplaced_partner_the_buyer_asks_us_to_work_with_is_named(name, sentence, expected):
    assert B.local_kind(name, sentence, set()) == expected


def test_a_partner_service_is_not_read_as_the_service_tendered():
    facts = TP.read_facts(QUESTION)
    assert "Leisure Access" not in (facts.get("service").value if facts.get("service") else "")
    said = TP.read_facts("The Calderbrook Recovery Service will open in April. It will work with the X Team.")
    assert said["service"].value == "Calderbrook Recovery Service"


def test_the_buyers_figures_for_a_locality_against_the_area():
    assert B.locality_gap("What will you do to close the gap in Dunmere Sands specifically?") == "Dunmere Sands"
    assert B.locality_gap("How will you narrow the gap in Eastholme Coast?") == "Eastholme Coast"
    assert B.locality_gap("How will you close the gap?") is None
    said = B.locality_figures(QUESTION, "Dunmere Sands")
    assert said == ("The buyer's figure for Dunmere Sands is 22.0%, against the buyer's figure for the whole area of "
                    "31.5% (the share of adults supported by the current services were in paid work or volunteering, "
                    "2025/26).") or said.startswith("The buyer's figure for Dunmere Sands is 22.0%, against the buyer's "
                                                    "figure for the whole area of 31.5%"), said
    assert "40%" not in said  # an ambition is not the area's figure
    assert B.locality_figures("What will you do in Dunmere Sands specifically?", "Dunmere Sands") == ""


@pytest.fixture(scope="module")
def answer(demo_db):
    from evidencebot.compose.tender import assemble_tender

    return assemble_tender(demo_db, QUESTION, period=PERIOD)


def _part(answer, words: str) -> str:
    text = answer.markdown
    heads = [m for m in re.finditer(r"^## .*$", text, re.M)]
    for i, m in enumerate(heads):
        if words in m.group(0):
            return text[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
    raise AssertionError(f"no part headed with {words!r}: {text}")


def test_each_named_partner_is_named_in_the_part_that_asks_about_it(answer):
    link = _part(answer, "more active")  # one ask with its link (n24)
    for name in ("Moveable Feast programme", "Calderbrook Leisure Access Service"):
        said = [s for s in re.split(r"(?<=\.)\s+", link) if name in s]
        assert said, (name, link)
        assert any(re.search(r"\bwe will\b", s, re.I) for s in said), said  # a commitment, never current practice
    # (s27: the heading is cut before its ', working with ...' phrase, pl27; the partners are named in the part)
    work = _part(answer, "find and keep work")
    assert "Council's Adult Learning Team" in work, work


def test_a_locality_gap_opens_with_the_buyers_figures_then_the_method(answer, demo_db):
    part = _part(answer, "Dunmere Sands").strip()
    assert part.startswith("The buyer's figure for Dunmere Sands is 22.0%, against the buyer's figure for the whole "
                           "area of 31.5%"), part
    assert "[To write]" not in part and "During mobilisation" in part
    from evidencebot.compose.tender import get_checker

    assert answer.checked and not answer.findings
    assert not get_checker(demo_db, external=True).check_text(answer.markdown)


def test_what_is_written_on_the_buyers_terms_is_listed_to_confirm(answer):
    from openpyxl import load_workbook

    from evidencebot.compose.compliance import compliance_xlsx

    templates = {c["template"] for c in answer.commitments}
    assert {"buyer-partner", "buyer-strategy", "buyer-locality"} <= templates, answer.commitments
    assert all(c["text"] in answer.markdown for c in answer.commitments)
    assert "confirm each before submission" in answer.coverage_table()
    wb = load_workbook(io.BytesIO(compliance_xlsx(answer.to_export(charts=False))))
    rows = list(wb["Commitments to confirm"].iter_rows(values_only=True))
    assert rows[0][2] == "what the answer commits to" and len(rows) == len(answer.commitments) + 1


def test_tender_export_lists_what_was_written_on_the_buyers_terms_to_confirm(run, demo_copy, tmp_path):
    """The compliance workbook of a whole tender has the sheet 'Commitments to confirm', as one answer's has: each
    sentence written from a buyer template (a named partner, programme or locality), under its question's reference.
    Before session 13 `tender export` dropped them (the drafts' coverage did not keep them): no such sheet."""
    from docx import Document
    from openpyxl import load_workbook

    heading, *body = [x for x in QUESTION.strip().split("\n") if x.strip()]
    d = Document()
    d.add_heading("Quality questions", 0)
    d.add_heading(heading[len("Q"):], 1)  # '3.2 Employment and physical activity'
    for paragraph in body:
        d.add_paragraph(paragraph)
    source = tmp_path / "buyer.docx"
    d.save(source)
    assert run("tender", "import", str(source)).exit_code == 0
    assert run("tender", "draft", "--all", "--period", PERIOD).exit_code in (0, 1)
    answer = demo_copy.execute("select answer from tender_questions").fetchone()[0]
    exported = run("tender", "export", "-o", str(tmp_path / "response.docx"), "--force")
    assert exported.exit_code == 0, exported.output
    sheet = load_workbook(str(tmp_path / "response-compliance.xlsx"))["Commitments to confirm"]
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("part", "template", "what the answer commits to"), header
    assert {"buyer-partner", "buyer-strategy", "buyer-locality"} <= {r[1] for r in rows}, rows
    for part, _, text, status in rows:
        assert part.startswith("3.2: ") and text in answer and status == "to confirm before submission", (part, text)


def test_the_templates_that_name_the_buyers_things_are_read_from_the_template_file():
    # session 13: tender.py held their ids in a set of its own (_NAMED_REFS); now from each template's tag
    from types import SimpleNamespace

    assert B.named_ids(B.templates()) == {f"buyer-{kind}" for kind in B.KINDS}
    extra = SimpleNamespace(block_id="our-partner-form", tags=["buyer named", "buyer named partner"])
    other = SimpleNamespace(block_id="buyer-locality", tags=["buyer named", "buyer named locality"])
    assert B.named_ids([extra, other]) == {"our-partner-form"}


def test_the_buyers_sentences_are_the_shared_splitters_one_line_at_a_time():
    # session 13: buyer_terms and requirements split on every '. ' themselves ('(e.g.' ended a sentence); now
    # evidencebot.text's sentences, a line break ending one too (a list item, a table row)
    from evidencebot.text import line_sentences

    text = "Checks (e.g. bloods and weight) rose.\n- one item\nIn 2025/26, 41% were seen.  Dr. Khan leads it."
    assert R._sentences("Q1 | Max 3000 chars (incl. spaces) | 4%") == ["Q1.", "Max 3000 chars (incl. spaces).", "4%"]
    assert line_sentences(text) == ["Checks (e.g. bloods and weight) rose.", "- one item", "In 2025/26, 41% were seen.",
                                  "Dr. Khan leads it."]


def test_the_buyers_contact_attempts_before_discharge_are_said_as_the_buyer_says_them():
    from evidencebot.compose import buyer_standards

    said = buyer_standards.requirements(
        "We expect no fewer than four recorded attempts to reach the person, by at least two routes, over 15 working "
        "days before anyone is discharged for disengagement, with the GP told in writing.")
    assert [s.text for s in said] == [
        "We will make no fewer than four recorded attempts to reach the person, by at least two routes, over 15 working "
        "days before anyone is discharged for not engaging, with the GP told in writing"]
    # the buyer's account of what happened is not a requirement
    assert not buyer_standards.requirements("In 2025/26 staff made at least two attempts before people were discharged.")


def test_the_buyers_places_are_read_from_the_names_its_text_gives():
    text = ("Please describe how you will work with:\nA. the Calderbrook Partnership NHS Foundation Trust;\n"
            "B. the Calderbrook Mental Health and Housing Protocol (2024);\nC. the Mental Health Floating Service.")
    assert B.place_words(text) == {"calderbrook"}
    # a question drafted alone rarely names its buyer: its places make its own protocol a thing to commit to
    protocol = next(r for r in R.read_requirements(text) if "Protocol" in r.name)
    assert B.local_kind(protocol.name, protocol.sentence, B.place_words(text)) == (
        "protocol", "Calderbrook Mental Health and Housing Protocol")
    assert B.place_words("How will you use the NHS Long Term Plan and the NHS Talking Therapies Service?") == set()


def test_the_buyers_figures_are_cited_as_the_buyers_in_the_part_they_concern():
    text = ("In 2025/26, 37% of the current service's discharges were recorded as \"did not engage\", against a "
            "target of 20%. Staff turnover was high.\n\nPlease describe:\n(a) how you will keep people engaged and "
            "follow up people who disengage;\n(b) how you will train staff.")
    said = B.figure_sentences(text, [])
    assert [s for s, _ in said] == [
        "The buyer's figure for current service's discharges recorded as \"did not engage\" is 37% (2025/26)."]
    from evidencebot.compose.tender import _buyer_figures_by_part, plan_question

    plan = plan_question(text, 500)
    assert list(_buyer_figures_by_part(plan, text).values()) == [said[0][0]]
    assert list(_buyer_figures_by_part(plan, text)) == [plan.points[0].key]
    # an aim or a threshold is not the buyer's figure for what happens now
    assert B.figure_sentences("The national ambition is 60%. A plan is needed where less than 80% is delivered.", []) == []


def test_the_cited_figure_passes_our_checker_and_is_listed(answer, demo_db):
    from evidencebot.compose.tender import get_checker

    cited = [c for c in answer.commitments if c["template"] == "the buyer's figure"]
    assert cited  # without a cited figure the checks below hold of nothing
    assert all(c["text"].startswith("The buyer's figure for ") for c in cited)
    assert not get_checker(demo_db, external=True).check_text("\n\n".join(c["text"] for c in cited))


def test_a_part_done_with_a_named_partner_is_answered_by_its_method_and_names_the_partner(demo_db):
    # the lead's terminal run (session 12): 'support people after a crisis, working with the Riverside Safe Haven'
    # was read as a part about the Safe Haven alone, so no method block qualified and the whole answer was a gap
    from evidencebot.compose.tender import _central_terms, assemble_tender

    question = "Describe how you will support people after a crisis, working with the Riverside Safe Haven. (300 words)"
    assert _central_terms(question) == []
    assert _central_terms("How you will work with the Riverside Safe Haven") == ["Riverside Safe Haven"]
    assert B.local_kind("Riverside Safe Haven", question, set())[0] == "partner"
    text = assemble_tender(demo_db, question, period=PERIOD).markdown
    assert "[To write" not in text
    assert "Riverside Safe Haven" in text and len(re.findall(r"\w+", text)) > 150
