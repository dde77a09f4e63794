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
])
def test_the_statement_is_restated_in_our_words(text, ours):
    assert C.restate(text) == ours


def test_yes_only_from_a_declaration_that_meets_what_the_buyer_sets():
    plan = plan_question(QUESTION)
    today = dt.date(2026, 12, 2)
    policy = C.answer(plan.points[0].text, DECLARED, today)
    assert policy.status == "confirmed"
    assert policy.lines[0] == "Yes."
    assert "approved by our board and reviewed within the last 12 months" in policy.lines[1]
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
    assert "\n\nYes. We have a safeguarding adults policy approved by our board" in policy
    dbs = next(p for p in parts if p.startswith("Do you confirm that every worker"))
    assert "Yes. We confirm that every worker in regulated activity will hold an enhanced DBS check" in dbs
    wage = next(p for p in parts if p.startswith("Do you hold a current Real Living Wage"))
    assert "[To confirm]" in wage and "Yes." not in wage
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
    assert "Yes. We will work to the Ashby Safeguarding Adults Board Multi-Agency Policy and Procedures." in answer.markdown
    assert "work towards" not in answer.markdown and not answer.findings
    # a confirmation the checker changed anyway is no Yes
    from evidencebot.compose.tender import Section, Unit
    from evidencebot.compose.questions import plan_question as plan

    point = plan(STATEMENTS).points[0]
    conf = C.answer(point.text, {"local_safeguarding_procedures": {"topic": "local_safeguarding_procedures",
                                                                   "statement": "x", "evidence": "y"}})
    sec = Section(point=point, units=[Unit(text=t, priority=0) for t in conf.lines], evidence={"confirmation": conf})
    sec.units[1].rewritten = True
    assert _unconfirm_changed([sec]) and sec.units[0].text.startswith("[To confirm]") and conf.status == "needed"
