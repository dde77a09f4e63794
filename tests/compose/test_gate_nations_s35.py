"""A buyer's own name for a check, regulator or register finds our block written in England's terms, and a gate's
confirmation part holds the confirmation and only blocks on the gate's subject (issue 12, session 35).

s34 q07 (spent, tuned on): the PVG confirmation part held the social-value block (matched by 'volunteer'), and in the
app a part asking about PVG scheme membership came back '[To write]' although our safer-recruitment block says 'an
enhanced DBS check'. The three gate questions below (a Scottish, a Welsh and a Northern Irish buyer) were written for
these tests."""

from __future__ import annotations

import pytest

from evidencebot.compose import blockmatch, gates, nations
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question

SCOTTISH = (
    "Kilbrannan Health and Social Care Partnership\n\n"
    "## Question 5 - Safer staffing\n\nMaximum 400 words.\n\n"
    "Describe how you will staff the service safely.\n\nYour response should include:\n\n"
    "- how you will supervise front-line workers each month; and\n"
    "- confirmation that every member of staff and volunteer in regulated work will be a member of the PVG scheme "
    "before starting work.\n\n"
    "Responses that do not confirm that all staff and volunteers in regulated work will be PVG scheme members before "
    "starting work will not score above 2.\n")

WELSH = (
    "Cyngor Sir Ddinbych-y-Glyn County Borough Council, Wales\n\n"
    "## Question 3 - Registration\n\nMaximum 400 words.\n\n"
    "Describe how you will run the supported living service.\n\nYour response should include:\n\n"
    "- how people will be involved in reviewing their support; and\n"
    "- confirmation that the service will be registered with Care Inspectorate Wales before the service starts.\n\n"
    "Responses that do not confirm that the service will be registered with Care Inspectorate Wales before the "
    "service starts will not score above 2.\n")

NORTHERN_IRISH = (
    "Lagan Vale HSC Trust\n\n"
    "## Question 6 - Recruitment checks\n\nMaximum 400 words.\n\n"
    "Describe how you will recruit and check your workforce.\n\nYour response should include:\n\n"
    "- how you will induct new workers; and\n"
    "- confirmation that every worker will hold an enhanced AccessNI check before starting work.\n\n"
    "Responses that do not confirm that every worker will hold an enhanced AccessNI check before starting work will "
    "not score above 2.\n")

# a gate on a subject no block of ours is about: the confirmation stands alone
NO_BLOCK = (
    "Kilbrannan Health and Social Care Partnership\n\n"
    "## Question 9 - Transport\n\nMaximum 300 words.\n\n"
    "Describe how you will support people to travel to appointments.\n\nYour response should include:\n\n"
    "- how you will help people plan journeys; and\n"
    "- confirmation that every vehicle carrying people will hold business insurance before first use.\n\n"
    "Responses that do not confirm that every vehicle carrying people will hold business insurance before first use "
    "will not score above 2.\n")


def _row(answer, words: str):
    key = next(p.key for p in answer.plan.points if words in p.text)
    return next(r for r in answer.coverage if r.key == key)


def _blocks(row) -> set[str]:
    return {b.strip() for b in row.evidence.split("method:", 1)[1].split(",")} if "method:" in row.evidence else set()


def _paragraphs(answer, row) -> list[str]:
    paras = [p.strip() for p in answer.markdown.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]
    return [paras[n - 1] for n in row.paragraphs]


def test_another_nations_term_is_read_with_our_librarys_word_for_it():
    assert "DBS" in nations.in_our_words("every worker is a member of the Protecting Vulnerable Groups scheme")
    assert "CQC" in nations.in_our_words("the service is inspected by the RQIA")
    assert "Social Work England" in nations.in_our_words("registered with Social Care Wales")
    assert "CQC" in nations.in_our_words("registered with Care Inspectorate Wales")
    # a text in England's own terms, or naming nothing of another nation, is left as it is
    assert nations.in_our_words("an enhanced DBS check before starting") == "an enhanced DBS check before starting"
    assert nations.in_our_words("how staff are supervised") == "how staff are supervised"
    # the matcher then finds the topic of our blocks: recruitment for PVG membership, the regulator for the RQIA
    assert "recruitment" in {h.topic.name for h in blockmatch.topic_hits("PVG scheme membership for new staff")}
    assert "cqc" in {h.topic.name for h in blockmatch.topic_hits("registration with the RQIA")}


def test_a_body_of_one_nation_alone_says_where_the_buyer_is():
    assert nations.read("Confirm that every worker is a PVG scheme member.")[0] == "Scotland"
    assert nations.read("Every worker holds an AccessNI check.")[0] == "Northern Ireland"
    assert nations.read("The service is registered with Care Inspectorate Wales.")[0] == "Wales"
    assert nations.read("The service is registered with the Care Inspectorate.")[0] == "Scotland"
    assert nations.read("The service is registered with the CQC.")[0] == "England"


def test_an_ask_and_its_cap_in_one_sentence_are_read_as_two():
    text = ("Confirm that every member of staff will be a PVG scheme member before starting work; responses that do "
            "not confirm this will not score above 2.")
    found = gates.read(text)
    assert [(g.statement, g.cap) for g in found] == [
        ("every member of staff will be a PVG scheme member before starting work", "2")]
    assert gates.our_sentence(found[0]) == ("We confirm that every member of staff will be a PVG scheme member before "
                                           "starting work.")


def test_a_confirmation_part_and_its_subject():
    plan = plan_question(SCOTTISH)
    gate = plan.gates[0]
    part = next(p for p in plan.points if p.key == gate.key)
    assert gates.confirming_part(gate, part.text)
    assert "PVG" in gates.subject_text(gate) and "volunteer" not in gates.subject_text(gate)
    assert T.gate_subject(gate, blockmatch.load_topics()) == ["recruitment"]
    # the supervision part is no confirmation of the gate
    other = next(p for p in plan.points if p.key != gate.key)
    assert not gates.confirming_part(gate, other.text)


@pytest.fixture(scope="module")
def answers(demo_db, checker):
    return {name: T.assemble_tender(demo_db, q, period="2025-10..2026-09", checker=checker)
            for name, q in (("scottish", SCOTTISH), ("welsh", WELSH), ("ni", NORTHERN_IRISH), ("none", NO_BLOCK))}


def test_the_scottish_pvg_part_holds_the_confirmation_and_the_safer_recruitment_block(answers):
    row = _row(answers["scottish"], "PVG scheme")
    paragraphs = _paragraphs(answers["scottish"], row)
    text = " ".join(paragraphs)
    assert paragraphs[0].startswith("We confirm that")  # the confirmation opens its part
    assert "safer-recruitment" in _blocks(row)
    assert "social-value" not in " ".join(_blocks(row))
    assert "PVG scheme membership" in text and "DBS" not in answers["scottish"].markdown
    assert "references" in text  # the safer-recruitment method itself (review: the "or" let either block pass)


def test_the_welsh_registration_part_finds_the_regulator_block_in_the_buyers_words(answers):
    row = _row(answers["welsh"], "Care Inspectorate Wales")
    assert "cqc-registration" in _blocks(row)
    assert "CQC" not in answers["welsh"].markdown
    assert "Care Inspectorate Wales" in " ".join(_paragraphs(answers["welsh"], row)[1:])


def test_the_northern_irish_accessni_part_finds_the_safer_recruitment_block(answers):
    row = _row(answers["ni"], "AccessNI")
    assert "safer-recruitment" in _blocks(row)
    assert "an enhanced AccessNI check" in " ".join(_paragraphs(answers["ni"], row)[1:])
    assert "DBS" not in answers["ni"].markdown


def test_a_gate_no_block_is_about_stands_alone_and_the_row_says_what_to_write(answers):
    answer = answers["none"]
    row = _row(answer, "business insurance")
    assert _blocks(row) <= {T.COMMITMENT}
    # the confirmation alone: no paragraph drafted from the ask, no story beside it
    assert _paragraphs(answer, row) == [
        "We confirm that every vehicle carrying people will hold business insurance before first use."]
    assert "stands alone" in row.status and "business insurance" in row.status


def test_childrens_social_care_is_said_in_the_buyers_nations_words():
    ours = "A concern about a child is referred to children's social care the same day."
    assert nations.rewrite(ours, "Scotland", "the council's Children and Families Social Work team").text == (
        "A concern about a child is referred to children's services the same day.")
    assert nations.rewrite(ours, "Wales", "Welsh Government; the council's Children's Services").text == (
        "A concern about a child is referred to children's services the same day.")
    assert nations.rewrite(ours, "Northern Ireland", "the Trust's Gateway Team").text == (
        "A concern about a child is referred to the HSC Trust's Gateway service the same day.")
    # named nowhere by the buyer: left for the writer
    assert nations.rewrite(ours, "Scotland", "HSCP").text is None
    assert nations.rewrite(ours, "England", "").text == ours


def test_the_ombudsman_and_the_crisis_line_are_the_buyers_own():
    pair = ("If the person is not satisfied, the reply explains how to contact the Parliamentary and Health Service "
            "Ombudsman or the Local Government and Social Care Ombudsman.")
    assert nations.rewrite(pair, "Scotland", "the SPSO").text.endswith("contact the Scottish Public Services Ombudsman.")
    assert nations.rewrite("Out of hours they call NHS 111, option 2.", "Scotland", "NHS 24").text == (
        "Out of hours they call NHS 24 on 111.")
    assert nations.rewrite("Out of hours they call NHS 111, option 2.", "Wales", "").text == (
        "Out of hours they call NHS 111, option 2.")


def test_a_blocks_aim_line_never_stands_alone_once_the_buyers_nation_took_its_sentences(demo_db, checker):
    # s34 q05 (spent, tuned on): every sentence of the Care Act block under the GIRFEC part was England law and left
    # out in Scotland; its line 'every concern reaches the agency with the legal duty to act' stood alone
    from pathlib import Path

    question = (Path(__file__).resolve().parent.parent / "data" / "heldout" / "s34" / "questions" / "q05.md").read_text(
        encoding="utf-8")
    answer = T.assemble_tender(demo_db, question, period="2025-10..2026-09", checker=checker)
    assert "every concern reaches the agency with the legal duty to act" not in answer.markdown
    row = _row(answer, "GIRFEC")
    assert "write this part" in row.status
