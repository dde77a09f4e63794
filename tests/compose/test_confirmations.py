"""Pass/Fail and yes/no confirmations (issue 12, session 10).

Session 9's panel excluded a bid whose Pass/Fail statements ("Do you have a safeguarding adults policy ...?",
"Will you name a safeguarding lead ...?", "Do you confirm that all staff ... enhanced DBS ...?") were answered
with paragraphs of method, a placeholder, or text on another matter. The questions here are written for this
test in another buyer's words (not the s8/s9 sets). Each test fails on the code before this change: sub-points
had no kind, no declaration was recorded anywhere, and the parts were filled with method blocks."""

from __future__ import annotations

import datetime as dt

import pytest

from evidencebot.compose import confirmations as C
from evidencebot.compose.gaps import find_gaps
from evidencebot.compose.questions import plan_question

QUESTION = """Q4.2 Safeguarding

Part A is assessed on a Pass/Fail basis.

PART A (Pass/Fail)
- Do you have a safeguarding adults policy approved by your board and reviewed within the last 12 months? Attach it as Appendix 4C.
- Do you confirm that every worker in regulated activity will hold an enhanced DBS check with a barred list check before their first shift?
- Do you hold a current Real Living Wage accreditation?

PART B (scored)
The Pellham Safeguarding Adults Board asks providers to raise adult concerns on the same working day.
Describe how you will keep people safe, covering:
- how staff will recognise self-neglect; and
- how you will learn from Safeguarding Adults Reviews.

Part B: (max. 400 words)"""

STATEMENTS = """5.1 Safeguarding (Pass/Fail)

Please confirm each of the following statements by answering Yes or No.
1. You will follow the Ashby Safeguarding Adults Board Multi-Agency Policy and Procedures.
2. You have a named executive Safeguarding Lead at Board level.

5.2 Part B (scored)
Describe how you will make safeguarding personal, covering:
1. how you will support people to make their own decisions about risk; and
2. how you will learn from reviews.

Maximum 300 words (Part B only)"""

DECLARED = {
    "safeguarding_policies": {"topic": "safeguarding_policies", "statement": "a safeguarding adults policy",
                              "evidence": "the board approved our Safeguarding Adults Policy on 4 May 2026",
                              "approved_on": "2026-05-04", "reviewed_on": "2026-04-20"},
    "dbs_checks": {"topic": "dbs_checks", "statement": "enhanced DBS checks before starting",
                   "evidence": "our Safer Recruitment Policy requires the check before a start date is confirmed"},
}


def test_pass_fail_statements_are_their_own_kind_of_sub_point():
    plan = plan_question(QUESTION)
    kinds = [(p.kind, p.text[:30]) for p in plan.points]
    assert [k for k, _ in kinds] == ["confirm", "confirm", "confirm", "", ""]
    # the last statement keeps its own words, not Part B's text after it
    assert "Pellham" not in plan.points[2].text
    # the limit is Part B's: the confirmations take none of it, the scored parts share all of it
    assert sum(p.budget for p in plan.points if not p.kind) == 400
    assert plan.points[0].label.startswith("Do you have a safeguarding adults policy approved by your board")
    statements = plan_question(STATEMENTS)
    assert [p.kind for p in statements.points] == ["confirm", "confirm", "", ""]


@pytest.mark.parametrize("text, ours", [
    ("Do you have a safeguarding adults policy approved by your board?", "We have a safeguarding adults policy approved by our board."),
    ("Will you name a safeguarding lead for this service before the start date?",
     "We will name a safeguarding lead for this service before the start date."),
    ("Do you confirm that all staff will hold an enhanced DBS check before they start work?",
     "We confirm that all staff will hold an enhanced DBS check before they start work."),
    ("You will follow the Ashby procedures.", "We will work to the Ashby procedures."),
    ("All staff will complete Level 3 training before working unsupervised.",
     "We confirm that all staff will complete Level 3 training before working unsupervised."),
    # the buyer's third person for the bidder (s14 q04 drafted 'We confirm that the Bidder will name ...'; these
    # three fail on the old code), and a provider that is not us left alone
    ("The Bidder will name a Safeguarding Lead for Lot 1.", "We confirm that we will name a Safeguarding Lead for Lot 1."),
    ("Bidder will report the concerns, and the enquiries in which it has taken part, to the Authority.",
     "We confirm that we will report the concerns, and the enquiries in which we have taken part, to the Authority."),
    ("The Bidder has a policy approved by its Board.", "We confirm that we have a policy approved by our Board."),
    ("Staff transferring from another provider will keep their terms.",
     "We confirm that staff transferring from another provider will keep their terms."),
])
def test_the_statement_is_restated_in_our_words(text, ours):
    assert C.restate(text) == ours


def test_yes_only_from_a_declaration_that_meets_what_the_buyer_sets():
    plan = plan_question(QUESTION)
    today = dt.date(2026, 12, 2)
    policy = C.answer(plan.points[0].text, DECLARED, today)
    assert policy.status == "confirmed"
    assert policy.lines[0] == "Yes."
    # the declaration's own statement, not the buyer's words restated as ours (review s10 item 1)
    assert policy.lines[1] == "We have a safeguarding adults policy."
    assert any("4 May 2026" in x for x in policy.lines)
    assert policy.lines[-1] == "It is attached as Appendix 4C."
    # nothing recorded for the Real Living Wage: never a Yes
    wage = C.answer(plan.points[2].text, DECLARED, today)
    assert wage.status == "needed" and not any(x.startswith("Yes") for x in wage.lines)
    assert wage.lines[0].startswith(C.MARKER) and "Real Living Wage" in wage.lines[0]
    assert wage.coverage.startswith("confirmation needed")
    # a policy last reviewed more than 12 months ago does not meet 'reviewed within the last 12 months'
    old = dict(DECLARED, safeguarding_policies=dict(DECLARED["safeguarding_policies"], reviewed_on="2025-10-01",
                                                    approved_on="2025-10-01"))
    assert C.answer(plan.points[0].text, old, today).status == "needed"
    # a lead trained to Level 3 does not meet 'at least Level 4 (adults)'
    lead = {"service_safeguarding_lead": {"topic": "service_safeguarding_lead", "statement": "a lead trained to Level 3"}}
    asked = "Will you name a safeguarding lead for this service, trained to at least Level 4 (adults) and Level 3 (children)?"
    assert C.answer(asked, lead, today).status == "needed"
    lead["service_safeguarding_lead"]["statement"] = "a lead trained to Level 4 in adults and children safeguarding"
    assert C.answer(asked, lead, today).status == "confirmed"


def test_a_confirmation_needed_is_a_gap():
    gaps = find_gaps("## Do you hold a current Real Living Wage accreditation\n\n[To confirm] Answer Yes or No to: ...\n")
    assert [(g.part, g.marker) for g in gaps] == [("Do you hold a current Real Living Wage accreditation", "To confirm")]


def test_declarations_are_stored_and_the_demo_holds_a_set(demo_copy):
    from evidencebot.errors import InputError
    from evidencebot.store.declarations import get_declarations, remove_declaration, set_declaration

    held = get_declarations(demo_copy)
    assert {"safeguarding_policies", "service_safeguarding_lead", "dbs_checks"} <= set(held)
    assert "living_wage" not in held  # the demo records no Real Living Wage accreditation
    set_declaration(demo_copy, "living_wage", statement="Real Living Wage accreditation", reviewed_on="2026-06-01")
    assert get_declarations(demo_copy)["living_wage"]["reviewed_on"] == "2026-06-01"
    with pytest.raises(InputError):
        set_declaration(demo_copy, "living_wage", statement="x", reviewed_on="June 2026")
    assert remove_declaration(demo_copy, "living_wage") and "living_wage" not in get_declarations(demo_copy)


def test_an_assembled_answer_confirms_from_declarations_and_says_what_is_missing(demo_db):
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, QUESTION, today="2026-12-02")
    text = answer.markdown
    parts = ("\n" + text).split("\n## ")
    policy = next(p for p in parts if p.startswith("Do you have a safeguarding adults policy"))
    assert ("\n\nYes. We have a Safeguarding Adults Policy and a Safeguarding Children Policy, each approved by our board "
            "and reviewed every year.") in policy
    dbs = next(p for p in parts if p.startswith("Do you confirm that every worker"))
    assert "Yes. We confirm that every member of staff and volunteer in regulated activity holds an enhanced DBS" in dbs
    wage = next(p for p in parts if p.startswith("Do you hold a current Real Living Wage"))
    # the part holds the marker only; what the record lacks is the writer's note (s10 panel: no tool notes in an
    # answer; before: '[To confirm] "Do you hold ...": not Yes on our record, because ...' in the body)
    assert "[To confirm: Do you hold a current Real Living Wage" in wage and "Yes." not in wage
    assert "on our record" not in text and "declaration" not in text
    row = next(r for r in answer.coverage if r.label.startswith("Do you hold a current Real Living Wage"))
    assert row.note and row.marker in wage and row.marker in dict(answer.to_export().writer_notes)
    rows = {r.label[:20]: r.status for r in answer.coverage}
    assert rows["Do you have a safegu"].startswith("confirmed")
    assert rows["Do you hold a curren"].startswith("confirmation needed")
    # no method block answers a Pass/Fail statement; the scored part keeps its 400 words
    assert not any(r.evidence.startswith("method") for r in answer.coverage if r.label.startswith("Do you"))
    assert answer.counts.words <= 400
    assert not answer.findings


def test_declarations_are_recorded_and_listed_from_the_command_line(run):
    out = run("library", "declare", "living_wage", "--statement", "Real Living Wage accreditation since 2025",
              "--reviewed-on", "2026-05-01")
    assert out.exit_code == 0, out.output
    assert "living_wage: Real Living Wage accreditation since 2025 (reviewed 2026-05-01)" in out.output
    assert "dbs_checks: every member of staff" in out.output  # the demo's own
    bad = run("library", "declare", "living_wage", "--statement", "x", "--reviewed-on", "May 2026")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    assert run("library", "declare", "nonsense", "--statement", "x").exit_code == 2
    gone = run("library", "declare", "living_wage", "--remove")
    assert gone.exit_code == 0 and "removed: living_wage" in gone.output


def test_tender_status_names_a_confirmation_needed():
    from evidencebot.compose.gaps import gaps_by_question, gaps_line

    gaps = find_gaps("## Do you hold a Real Living Wage accreditation\n\n[To confirm] Answer Yes or No to: ...\n", "Q4.2")
    assert gaps_by_question(gaps) == ["- Q4.2: Do you hold a Real Living Wage accreditation (confirmation needed)"]
    assert "Q4.2 Do you hold a Real Living Wage accreditation (confirmation needed)" in gaps_line(gaps)


def test_a_statement_to_follow_procedures_is_confirmed_without_a_hedge(demo_db):
    # s8 q04: the checker read 'We will follow ...' as a guarantee and rewrote the Yes to 'We will work towards ...'
    from evidencebot.compose.tender import _unconfirm_changed, assemble_tender

    answer = assemble_tender(demo_db, STATEMENTS, today="2026-12-02")
    assert "Yes. We follow the multi-agency safeguarding adults and children procedures of every area we work in." in \
        answer.markdown
    assert "work towards" not in answer.markdown and not answer.findings
    # a confirmation the checker changed anyway is no Yes
    from evidencebot.compose.tender import Section, Unit
    from evidencebot.compose.questions import plan_question as plan

    point = plan(STATEMENTS).points[0]
    conf = C.answer(point.text, {"local_safeguarding_procedures": {
        "topic": "local_safeguarding_procedures", "evidence": "y",
        "statement": "we follow the Ashby Safeguarding Adults Board Multi-Agency Policy and Procedures"}})
    sec = Section(point=point, units=[Unit(text=t, priority=0) for t in conf.lines], evidence={"confirmation": conf})
    sec.units[1].rewritten = True
    assert _unconfirm_changed([sec]) and sec.units[0].text == f"[To confirm: {point.label}]" and conf.status == "needed"
    assert sec.note.startswith("Answer Yes or No to:") and "the checker changed the confirmation" in sec.note


# ---------------------------------------------------------------- session 11: a Yes only where the record meets every condition
# Review s10 finding 1: a topic word was enough for "Yes." with the buyer's statement restated as ours ("at Standards
# Exceeded" when we recorded Standards Met, "£15 million" when we recorded £10 million, "Yes. We have ever failed ...").
# Each case below got "Yes." on the code before this change (30df92a).

TODAY = dt.date(2026, 12, 2)


def _demo_declarations() -> dict:
    from evidencebot import locations

    rows = locations.read_data_yaml("corpus", "library/declarations.yaml", lambda path, data: data["declarations"])
    return {d["topic"]: dict(d) for d in rows or []}


@pytest.mark.parametrize("asked, record, buyer", [
    # review q4.txt, the four Part A statements
    ("Do you hold a Data Security and Protection Toolkit assessment at Standards Exceeded?",
     '"Standards Met"', '"Standards Exceeded"'),
    ("Do you have public liability insurance of at least £15 million and professional indemnity insurance of at "
     "least £10 million?", '"£10 million"', '"£15 million"'),
    ("Will all staff hold an enhanced DBS check, renewed every year?", '"renewed every three years"', '"renewed every year"'),
    ("Do you have a safeguarding adults policy approved by your board, and a registered social worker on call 24 hours "
     "a day?", "does not cover", "registered social worker on call 24 hours a day"),
])
def test_a_condition_the_record_does_not_meet_is_to_confirm_naming_both(asked, record, buyer):
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.status == "needed", conf.lines
    assert not any(x.startswith("Yes") for x in conf.lines)
    assert conf.lines[0].startswith(C.MARKER)
    assert record in conf.reason and buyer in conf.reason


@pytest.mark.parametrize("asked", [
    "Have you ever failed a Data Security and Protection Toolkit assessment?",
    "Have you had any claims made against your professional indemnity insurance in the last three years?",
    "Are you aware of any business continuity incident in the last 12 months that stopped a service?",
    "Has your organisation been convicted of an offence under the Modern Slavery Act?",
])
def test_a_disclosure_is_never_answered_from_a_declaration(asked):
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.status == "needed" and "disclose" in conf.reason
    assert not any(x.startswith("Yes") for x in conf.lines)


@pytest.mark.parametrize("asked", [
    "Do you have a safeguarding adults policy reviewed in the last year?",
    "Do you have a safeguarding adults policy reviewed within the last two years?",
    "Do you have a safeguarding adults policy reviewed annually?",
])
def test_a_policy_reviewed_in_2019_is_not_reviewed_in_the_last_year(asked):
    decl = _demo_declarations()
    decl["safeguarding_policies"] = dict(decl["safeguarding_policies"], reviewed_on="2019-05-01", approved_on="2019-05-01")
    conf = C.answer(asked, decl, TODAY)
    assert conf.status == "needed" and "2019-05-01" in conf.reason
    # the same record reviewed this year meets each of them
    assert C.answer(asked, _demo_declarations(), TODAY).status == "confirmed"


@pytest.mark.parametrize("asked, ours", [
    # the s8/s9 Pass/Fail statements the demo's declarations do meet: "Yes." with the declaration's own statement
    ("Do you have a safeguarding adults policy and a safeguarding children policy, each approved by your board and "
     "reviewed within the last 12 months? Attach both as Appendix 5A.",
     "We have a Safeguarding Adults Policy and a Safeguarding Children Policy, each approved by our board and reviewed "
     "every year."),
    ("Will you name a safeguarding lead for this service, trained to at least Level 4 (adults) and Level 3 (children), "
     "before the service commencement date?", "We have a named safeguarding lead for each service we run"),
    ("Do you confirm that all staff in regulated activity will hold an enhanced DBS check with the appropriate barred "
     "list check before they start work?", "We confirm that every member of staff and volunteer in regulated activity"),
    ("You will follow the Wendle Safeguarding Adults Board Multi-Agency Policy and Procedures and the Wendle "
     "Safeguarding Children Partnership procedures.", "We follow the multi-agency safeguarding adults and children "
                                                      "procedures of every area we work in."),
    ("Do you have public liability insurance of at least £5 million?", "public liability insurance of £10 million"),
    # s10 q04 (spent): the buyer's lot and a dated edition of the local procedures set no condition of their own
    ("The Bidder will comply with the Tarrow and Wyke Safeguarding Adults Board Multi-Agency Safeguarding Adults "
     "Policy and Procedures (2025 edition) and the procedures of the Tarrow and Wyke Safeguarding Children Partnership.",
     "We follow the multi-agency safeguarding adults and children procedures of every area we work in."),
    ("The Bidder will have a named Safeguarding Lead for Lot 2 in post from the Service Commencement Date, trained to "
     "at least Level 3 in adult safeguarding and Level 3 in child safeguarding.",
     "We have a named safeguarding lead for each service we run"),
    ("Do you hold a Data Security and Protection Toolkit assessment at Standards Met or above?",
     "We have a Data Security and Protection Toolkit assessment at Standards Met"),
])
def test_yes_restates_the_declaration_not_the_buyer(asked, ours):
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.status == "confirmed", conf.lines
    assert conf.lines[0] == "Yes." and any(ours in line for line in conf.lines[1:3])
    assert "your" not in " ".join(conf.lines[1:3]).lower()


def test_will_all_staff_in_a_pass_fail_list_is_a_confirmation_and_a_how_ask_is_not():
    q4 = ("Part A (Pass/Fail). Please answer Yes or No to each:\n1. Do you hold a Data Security and Protection Toolkit "
          "assessment at Standards Met?\n2. Will all staff hold an enhanced DBS check, renewed every year?\n\n"
          "Part B (scored): Describe how you will respond to a safeguarding concern. (max. 300 words)")
    assert C.is_confirmation("Will all staff hold an enhanced DBS check, renewed every year?", q4)
    # outside a Pass/Fail part only an explicit 'confirm' is a confirmation; a how/what clause never is (review item 2)
    q6 = open_q6()
    for asked in ("Will you follow the Safeguarding Adults Board multi-agency procedures, and how will you make sure "
                  "every worker knows them?", "Have you considered how people with communication needs will raise "
                  "concerns?", "Will you name a safeguarding lead for the service?"):
        assert not C.is_confirmation(asked, q6), asked
    assert C.is_confirmation("Please confirm that you will name a safeguarding lead for the service.", q6)
    assert not C.is_confirmation("Please confirm how you will name a safeguarding lead.", q6)


def open_q6() -> str:
    return ("Question 9 - Safeguarding (weighting 10%)\n\nDescribe your approach to safeguarding adults. Your answer "
            "should cover:\na) Will you follow the Safeguarding Adults Board multi-agency procedures, and how will you "
            "make sure every worker knows them?\nb) Have you considered how people with communication needs will raise "
            "concerns?\nc) how you will learn from Safeguarding Adults Reviews.\n(max. 500 words)")


def test_a_scored_how_ask_gets_its_method_not_a_yes_or_no(demo_db):
    # review q6.txt: a) and b) were "[To confirm] Answer Yes or No to: ..." with no method, headed without 'a)'/'b)'
    from evidencebot.compose.tender import assemble_tender

    answer = assemble_tender(demo_db, open_q6(), today="2026-12-02")
    assert not any(p.kind == "confirm" for p in answer.plan.points)
    assert "[To confirm" not in answer.markdown and "Yes or No" not in answer.markdown
    heads = [line for line in answer.markdown.splitlines() if line.startswith("## ")]
    assert [h[3:5] for h in heads] == ["a)", "b)", "c)"]
    assert all(r.evidence.startswith("method") for r in answer.coverage[:1])
    assert not answer.findings


def test_the_review_pass_fail_list_gets_no_yes_from_the_demo(demo_db):
    # review q4.txt on the demo: four "Yes." on 30df92a (one contradicting its own evidence); now none
    from evidencebot.compose.tender import assemble_tender

    q4 = ("Question 4 - Safeguarding and compliance\n\nPart A (Pass/Fail). Please answer Yes or No to each:\n"
          "1. Do you hold a Data Security and Protection Toolkit assessment at Standards Exceeded?\n"
          "2. Do you have public liability insurance of at least £15 million and professional indemnity insurance of at "
          "least £10 million?\n3. Will all staff hold an enhanced DBS check, renewed every year?\n"
          "4. Do you have a safeguarding adults policy approved by your board, and a registered social worker on call 24 "
          "hours a day?\n\nPart B (scored): Describe how you will respond to a safeguarding concern. (max. 300 words)")
    answer = assemble_tender(demo_db, q4, today="2026-12-02")
    confirms = [p for p in answer.plan.points if p.kind == "confirm"]
    assert len(confirms) == 4
    assert "Yes." not in answer.markdown
    assert answer.markdown.count("[To confirm:") == 4
    assert not answer.findings


def test_a_statement_that_quotes_a_level_set_out_elsewhere_is_still_a_confirmation():
    # s8 q04 statement 2 ('... at the level set out in the Intercollegiate Documents ...'): 'set out' there is no ask
    q = ("5.1 Safeguarding – Part A (Pass/Fail)\n\nPlease confirm each of the following statements by answering Yes or "
         "No.\n1. All staff in contact with service users will complete safeguarding adults and children training at the "
         "level set out in the Intercollegiate Documents, with registered practitioners and team leaders trained to "
         "Level 3, before working unsupervised.\n")
    assert C.is_confirmation("All staff in contact with service users will complete safeguarding adults and children "
                             "training at the level set out in the Intercollegiate Documents.", q)
    assert not C.is_confirmation("Set out how you will train staff.", q)


def test_the_word_limit_never_cuts_a_pass_fail_statement(demo_db):
    # four disclosures in 120 words: on 30df92a three were answered "Yes. We have ever failed ..." and parts were cut
    # to fit; a part cut away is a Pass/Fail statement left unanswered
    from evidencebot.compose.tender import assemble_tender

    q = ("Section 2 - Exclusion grounds (Pass/Fail)\n\nPlease answer Yes or No to each of the following.\n"
         "1. Have you ever failed a Data Security and Protection Toolkit assessment?\n"
         "2. Have you had any claims made against your professional indemnity insurance in the last three years?\n"
         "3. Are you aware of any business continuity incident in the last 12 months that stopped a service?\n"
         "4. Has your organisation been convicted of an offence under the Modern Slavery Act 2015?\n\nMaximum 120 words.")
    answer = assemble_tender(demo_db, q, today="2026-12-02")
    assert len([p for p in answer.plan.points if p.kind == "confirm"]) == 4
    assert answer.markdown.count("[To confirm:") == 4
    assert not any(line.startswith("Yes.") for line in answer.markdown.splitlines())
    for said in ("ever failed", "claims made against", "business continuity incident", "convicted of an offence"):
        assert said in answer.markdown


def test_the_boards_multi_agency_policy_is_not_our_safeguarding_policy():
    # s10 q04 A1: 'the ... Safeguarding Adults Board Multi-Agency Safeguarding Adults Policy and Procedures' named our
    # own safeguarding policies too, and the Yes restated them beside the procedures
    asked = ("The Bidder will comply with the Tarrow and Wyke Safeguarding Adults Board Multi-Agency Safeguarding Adults "
             "Policy and Procedures (2025 edition).")
    assert C.topics_in(asked) == ["local_safeguarding_procedures"]
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.lines[:2] == ["Yes.", "We follow the multi-agency safeguarding adults and children procedures of every "
                                      "area we work in."]
    assert C.topics_in("Do you have a safeguarding adults policy approved by your board?") == ["safeguarding_policies"]


WESTMERE_Q33 = """Workforce and Supervision

Part A (Pass/Fail)

A1. Will all staff hold an enhanced DBS check before starting in post? Yes / No

A2. Do you hold employer's liability insurance of at least £10 million? Yes / No

A3. You will pay all staff at least the Real Living Wage. Yes / No

Part B (scored): Describe how you will recruit, train, supervise and retain a skilled workforce, including peer \
support workers. (maximum 400 words)"""


def test_a_yes_no_question_first_in_a_pass_fail_part_keeps_its_row():
    """Issue 12: 'A1. Will all staff ...? Yes / No' (paragraphs apart, as Word gives them) was read as a question
    reference and went into the context: no row, not drafted, not a gap (fails on the old code: A2, A3, p1)."""
    plan = plan_question(WESTMERE_Q33)
    assert [(p.key, p.kind) for p in plan.points] == [("A1", "confirm"), ("A2", "confirm"), ("A3", "confirm"),
                                                      ("p1", "")]
    assert "DBS" not in plan.stem


@pytest.mark.parametrize("line", ["Will you pay all staff at least the Real Living Wage? Yes / No",
                                  "Will all staff hold an enhanced DBS check before starting in post? Yes / No",
                                  "Do you hold employer's liability insurance of at least £10 million? Yes / No",
                                  "Does your organisation hold Cyber Essentials Plus? Yes / No"])
def test_a_question_answered_yes_slash_no_is_a_confirmation_without_a_pass_fail_label(line):
    """'Yes / No' (spaced, as buyers type it) marks a yes/no question as 'Yes/No' did (fails on the old code)."""
    assert C.is_confirmation(line, f"Workforce\n\n{line}\n\nDescribe how you will recruit staff.")


# A buyer's Part A in a shape of its own (written here after the s14 panel: third-person statements, an alternative
# to the board named, a renewal written 'rechecked', a statement that names an annex)
BIDDER_PART_A = """Safeguarding

PART A – CONFIRMATION STATEMENTS (PASS/FAIL)
Please answer Yes or No to each statement.

A1. The Bidder has a Safeguarding Adults policy and a Safeguarding Children policy, each reviewed within the last 24 months and approved by its Board or equivalent governing body.  Yes / No

A2. Every member of staff and every volunteer working in regulated activity will have an enhanced DBS check with barred list check before starting, rechecked at least every three years.  Yes / No

A3. The Bidder will send the number of safeguarding concerns raised to the Authority each quarter in the format at Annex F (Quality Template).  Yes / No

PART B – SCORED (maximum 500 words)

Describe how staff recognise and raise a safeguarding concern.
"""


def test_a_pass_fail_statement_that_names_an_annex_keeps_its_row():
    """A3 names an annex, which made the line an attachment rule: no row, not drafted, not a gap (fails on the old
    code: A1, A2, p1)."""
    plan = plan_question(BIDDER_PART_A)
    assert [(p.key, p.kind) for p in plan.points] == [("A1", "confirm"), ("A2", "confirm"), ("A3", "confirm"),
                                                      ("p1", "")]


def test_or_equivalent_governing_body_and_rechecked_are_read_as_the_record_says():
    """'approved by its Board or equivalent governing body' is met by a board's approval, and 'rechecked at least
    every three years' by 'renewed every three years' (both '[To confirm]' on the old code); a stricter buyer still
    gets '[To confirm]' naming both sides."""
    decls = _demo_declarations()
    lines = [ln for ln in BIDDER_PART_A.splitlines() if ln.startswith(("A1.", "A2."))]
    for line in lines:
        conf = C.answer(line.split(". ", 1)[1].replace("Yes / No", "").strip(), decls, TODAY)
        assert conf.status == "confirmed" and conf.lines[0] == "Yes.", conf.lines
    stricter = C.answer("Every member of staff will have an enhanced DBS check, rechecked at least every year.", decls,
                        TODAY)
    assert stricter.status == "needed" and "renewed every three years" in stricter.reason
    other = C.answer("The Bidder has a Safeguarding Adults policy approved by its Board or equivalent governing body, "
                     "and a registered social worker on call 24 hours a day.", decls, TODAY)
    assert other.status == "needed"


# Session 16 (s15 panel, kinds only): a safeguarding Part A of the standard statements a provider of this kind signs
# (policies reviewed in the last year, a named lead, enhanced DBS checks, training levels, Prevent, reporting concerns to
# the local authority within a set time, a whistleblowing policy) came out "[To confirm]" and was marked FAIL. The
# demo's declarations now hold these, each with its evidence; a statement with no declaration stays "[To confirm]".
@pytest.mark.parametrize("asked", [
    "Do you have a safeguarding adults policy and a safeguarding children policy, each reviewed in the last year and "
    "approved at Board level?",
    "Will all staff in eligible roles hold an enhanced DBS check with barred list check before starting work?",
    "Do all staff and volunteers engaged in regulated activity hold an enhanced DBS check with barred list check(s)?",
    "Do all staff complete the Home Office Prevent awareness training?",
    "Do you have a named Prevent lead and refer concerns about radicalisation to the Channel panel?",
    "Do you raise adult safeguarding concerns with the local authority within one working day?",
    "Do you have a whistleblowing policy, reviewed within the last 12 months?",
    "Do you have a Freedom to Speak Up policy with a named guardian?",
    "The Bidder has a designated Safeguarding Lead with responsibility for safeguarding adults and children.",
    "All staff will receive safeguarding training appropriate to their role at induction and refresher training at least "
    "every three years.",
    "All staff will complete Prevent training within 3 months of starting.",
    "The Bidder has a whistleblowing policy and staff are made aware of it at induction.",
    "The Bidder has a Safeguarding Adults and Children Policy, reviewed annually and signed off by the Board.",
])
def test_the_standard_safeguarding_statements_are_yes_from_the_demo_declarations(asked):
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.status == "confirmed", conf.reason
    assert conf.lines[0] == "Yes." and len(conf.lines) >= 3  # the record's statement and its evidence


@pytest.mark.parametrize("asked, why", [
    ("Do you raise adult safeguarding concerns with the local authority within two hours?", '"within two hours"'),
    ("Do you pay all staff at least the Real Living Wage?", "no declaration is recorded"),
    ("Do all staff complete Prevent training every year?", '"every year"'),
    ("All staff will complete Level 4 safeguarding training.", '"Level 4"'),
    ("All staff will complete Prevent training within two weeks of starting, and refresh it every year.", '"every year"'),
    # review s16 finding 10: the demo raises adult concerns 'the same working day', which over a weekend is not 24 hours
    ("Staff will report any safeguarding concern to the Local Authority within 24 hours.", '"within 24 hours"'),
])
def test_a_timescale_or_topic_the_record_does_not_hold_stays_to_confirm(asked, why):
    conf = C.answer(asked, _demo_declarations(), TODAY)
    assert conf.status == "needed" and why in conf.reason, conf.reason
    assert not any(x.startswith("Yes") for x in conf.lines)


def _raised_within(ours: str, asked: str):
    """The confirmation of 'Do you raise adult safeguarding concerns with the local authority <asked>?' when our
    record says concerns are raised <ours>."""
    decls = _demo_declarations()
    decls["safeguarding_reporting"] = dict(decls["safeguarding_reporting"], statement=(
        f"every safeguarding concern about an adult is raised by our staff with the local authority {ours}"))
    return C.answer(f"Do you raise adult safeguarding concerns with the local authority {asked}?", decls, TODAY)


@pytest.mark.parametrize("ours, asked, met", [
    ("within one working day", "within 24 hours", False),
    ("within one business day", "within 48 hours", False),
    ("the same working day", "within 24 hours", False),
    ("within 24 hours", "within one working day", True),
    ("within one working day", "within two working days", True),
    ("within one working day", "within five days", True),
])
def test_a_working_day_timescale_never_meets_one_in_hours(ours, asked, met):
    # review s16 finding 10: 'within one working day' counted as one day and met the buyer's 'within 24 hours', a
    # Pass/Fail Yes the record cannot back (a concern on a Friday evening is raised on Monday)
    conf = _raised_within(ours, asked)
    assert (conf.status == "confirmed") is met, conf.reason
    if not met:
        assert f'"{asked}"' in conf.reason and f'"{ours}"' in conf.reason


@pytest.mark.parametrize("ours, asked, met", [
    ("within two working days", "within two days", False),
    ("within one working day", "within one day", False),
    ("within six days", "within five working days", True),
    ("within one month", "within 30 days", False),
    ("within 30 days", "within one month", True),
])
def test_a_working_day_is_seven_fifths_of_a_day_and_a_month_a_calendar_month(ours, asked, met):
    # session 17: the confirmations counted a working day as one day (the rest of evidencebot as 1.4) and a month as
    # 30 days: a record's 'within two working days' met the buyer's 'within two days' (a Friday referral waits until
    # Tuesday), and 'within six days' fell short of 'within five working days' (which is seven days)
    conf = _raised_within(ours, asked)
    assert (conf.status == "confirmed") is met, conf.reason
    if not met:
        assert f'"{asked}"' in conf.reason and f'"{ours}"' in conf.reason


@pytest.mark.parametrize("ours, asked, met", [
    ("within twenty four hours", "within 4 hours", False),
    ("within twenty-four hours", "within 48 hours", True),
    ("within thirty six hours", "within 24 hours", False),
])
def test_a_timescale_in_words_is_read_as_its_number(ours, asked, met):
    # session 17: 'twenty four' (with a space) was no number to the confirmations and counted as one, so a record's
    # 'within twenty four hours' met the buyer's 'within 4 hours' (a Pass/Fail Yes the record cannot back)
    conf = _raised_within(ours, asked)
    assert (conf.status == "confirmed") is met, conf.reason


def test_prevent_the_verb_is_no_prevent_duty_topic():
    assert "prevent" not in C.topics_in("Will you prevent avoidable admissions to hospital?")
    assert "prevent" in C.topics_in("Will all staff complete Prevent awareness training?")


def test_the_bidders_confirmation_frame_is_off_the_heading_and_restated_as_ours():
    # s11 q04: every row was headed 'Bidder confirms' and restated 'We confirm that we confirms that it will have ...'
    said = "The Bidder confirms that it will have a named Safeguarding Lead in post from the Service Commencement Date"
    assert C.unframed(said) == "The Bidder will have a named Safeguarding Lead in post from the Service Commencement Date"
    assert C.restate(said) == ("We confirm that we will have a named Safeguarding Lead in post from the Service "
                               "Commencement Date.")
    assert C.unframed("The Bidder confirms that all staff will hold a DBS check") == "All staff will hold a DBS check"
    assert C.restate("The Bidder confirms that it has a whistleblowing policy") == \
        "We confirm that we have a whistleblowing policy."
    question = ("Q1 Safeguarding\n\nPart A – Confirmation statements (Pass/Fail)\n\nPlease answer YES or NO to each "
                "statement.\n\nA1. The Bidder confirms that it will comply with the local multi-agency safeguarding "
                "procedures from the Service Commencement Date.   YES / NO\n\nPart B – practice (scored)\n\nDescribe how "
                "you will keep people safe. (maximum 500 words)")
    first = plan_question(question).points[0]
    assert first.kind == "confirm" and first.label.startswith("The Bidder will comply")


def test_a_part_b_limit_in_a_limits_line_before_part_a_is_not_where_the_scored_part_starts():
    # s12 q04: 'Limits: Part A – Yes/No ..., Part B – maximum 800 words.' sat above Part A, so no statement was read
    # as a confirmation (each got a method block or a '[To write]' line)
    question = ("4.4 SAFEGUARDING\n\nLimits: Part A – Yes/No for each statement, plus up to 100 words of explanation "
                "for any \"No\" answer. Part B – maximum 800 words.\n\n"
                "PART A – CONFIRMATION STATEMENTS (PASS/FAIL)\n\nPlease confirm Yes or No to each of the statements "
                "below.\n\nA1. All staff engaged in regulated activity will have an enhanced DBS check before starting "
                "work.   Yes / No\nA2. You will comply with the local multi-agency safeguarding procedures.   Yes / No\n\n"
                "PART B – SCORED QUESTION\n\nDescribe how you will keep adults at risk safe. You should cover:\n"
                "(i) how you will apply Making Safeguarding Personal;\n(ii) your approach to self-neglect.")
    assert C.scored_start(question) == question.index("PART B – SCORED")
    plan = plan_question(question)
    assert plan.word_limit == 800  # the words for explaining a 'No' are not the answer's limit (was 100)
    kinds = [(p.key, p.kind) for p in plan.points]
    assert kinds[:2] == [("A1", "confirm"), ("A2", "confirm")] and all(k != "confirm" for _, k in kinds[2:])


def test_a_one_syllable_verb_doubles_its_last_letter_in_a_heading():
    # s12 q04 (iv) 'how you will spot and respond to exploitation' was headed 'Spoting and responding ...'
    from evidencebot.compose.questions import gerund

    assert [gerund(v) for v in ("spot", "chat", "swim", "fix", "help", "meet", "visit", "row", "quit")] == [
        "spotting", "chatting", "swimming", "fixing", "helping", "meeting", "visiting", "rowing", "quitting"]


def test_the_answer_format_of_a_lone_statement_is_no_sub_point():
    # one Pass/Fail statement is no list: its line was split into sentences and 'Yes / No' became a part of its own,
    # answered '[To write: Yes / No]'
    question = ("Question 2.3 Workforce\n\nPART A – PASS/FAIL\n\nPlease answer Yes or No to each statement.\n\n"
                "A1. The Bidder pays every member of staff at least the Real Living Wage.  Yes / No\n\n"
                "PART B – SCORED (maximum 400 words)\n\nYour answer should cover: how you will recruit staff; how you "
                "will train staff in safeguarding.")
    labels = [(p.kind, p.label) for p in plan_question(question).points]
    assert labels[0] == ("confirm", "The Bidder pays every member of staff at least the Real Living Wage")
    assert not any("Yes / No" in label for _, label in labels) and len(labels) == 3
