"""A mobilisation plan on the buyer's dates, a milestone per line with its owner by role (issue 12, session 20).

s19 q12 (tests/data/heldout/s19/questions/q12.md, spent) gave the contract award, go-live, the incumbent and the staff who
transfer under TUPE, and asked for "a mobilisation plan from contract award to go-live, showing key milestones"; our
answer worked in weeks before "the start" and gave no date, no number of staff and no owner per milestone.
"""

from __future__ import annotations

import datetime as dt

from evidencebot.compose import buyer_mobilisation as bm
from evidencebot.compose.tender import assemble_tender

Q12 = """## Question 12 – Mobilisation and Transition from the Incumbent

### Key dates and information

- Contract award (expected): 9 November 2026.
- Mobilisation period: 10 November 2026 to 31 March 2027.
- Service go-live: 1 April 2027.
- Incumbent provider: Brightwater Recovery Partnership, whose contract ends on 31 March 2027.
- Around 34 staff are expected to transfer under TUPE.
- About 580 people are currently supported and will move to the new service.

### Question

**12.1** Provide a mobilisation plan from contract award to go-live, showing key milestones and risks.

**12.2** Describe how you will manage the TUPE transfer of staff from the incumbent provider.

Maximum 900 words.
"""


def test_the_buyers_timetable_is_read():
    tt = bm.read(Q12)
    assert (tt.award, tt.golive) == (dt.date(2026, 11, 9), dt.date(2027, 4, 1))
    assert (tt.incumbent, tt.tupe, tt.people) == ("Brightwater Recovery Partnership", 34, 580)


def test_each_milestone_is_dated_from_the_buyers_dates_in_order_with_an_owner():
    lines = bm.milestones(bm.read(Q12), "Wexmoor County Council")
    assert lines[0] == ("9 November 2026 (contract award): the service manager convenes the mobilisation group, which "
                        "meets every week until go-live.")
    assert any(x.startswith("By 16 November 2026: the head of people has asked Brightwater Recovery Partnership for "
                            "employee liability information for the 34 staff") for x in lines)
    assert any(x.startswith("1 April 2027 (go-live): the 34 staff expected to transfer under TUPE join us") for x in lines)
    assert any("(about 580 people)" in x for x in lines)
    # every milestone names who owns it, by role
    roles = ("the service manager", "the head of people", "the data and quality officer", "the locality team leaders")
    assert all(any(r in x for r in roles) for x in lines)


def test_a_short_mobilisation_leaves_out_what_would_fall_before_the_award():
    short = Q12.replace("9 November 2026", "1 March 2027")
    lines = bm.milestones(bm.read(short), "the council")
    assert lines[0].startswith("1 March 2027 (contract award)")
    assert not any(x.startswith(("By 7 January 2027", "By 4 February 2027")) for x in lines)


def test_no_timetable_without_an_award_and_a_start():
    assert bm.read("## Question 12\n\nProvide a mobilisation plan with key milestones.\n") is None


def test_the_answer_to_the_plan_gives_the_dated_milestones_first(demo_db, checker):
    answer = assemble_tender(demo_db, Q12, checker=checker)
    part = answer.markdown.split("## ")[1]  # 12.1, the part that asks for the plan
    assert "9 November 2026 (contract award): the service manager convenes the mobilisation group" in part
    assert "1 April 2027 (go-live)" in part
    assert not answer.findings


def test_a_weekly_rhythm_before_a_meeting_is_no_milestone_timing():
    """(s27 q09, after its measurement) 'every week before the allocation meeting' shared 'caseload' with the buyer's
    'Caseload transfer plan agreed' milestone and was said 'by 12 February 2027 meeting'; a timing before go-live still
    takes the buyer's date."""
    from evidencebot.compose import buyer_mobilisation

    milestones = [("12 February 2027", "Caseload transfer plan agreed with the incumbents"),
                  ("8 March 2027", "Readiness review")]
    weekly = "The team leaders check each worker's caseload every week before the allocation meeting."
    assert buyer_mobilisation.hold_to_dates(weekly, milestones) == (weekly, [])
    text, changed = buyer_mobilisation.hold_to_dates("The service manager signs off a readiness checklist two weeks "
                                                     "before go-live.", milestones)
    assert "by 8 March 2027" in text and changed == [("two weeks before go-live", "8 March 2027")]
