"""The buyer's tables given back row for row (issue 12, session 37).

The s36 panel marked 'Not' where the question gave a table or asked for one to be completed and the answer did not give
it: q09 'Table 9B not completed', q10 'Table 10A not followed milestone by milestone (M4, M6 ... absent)'. These
questions are written here (a made-up buyer, not a spent set's text).
"""

from __future__ import annotations

import re

from evidencebot.compose import buyer_mobilisation, buyer_tables
from evidencebot.compose.tender import assemble_tender
from evidencebot.compose.words import count_words

MILESTONES = """# Question 6 – Getting ready to start

**Maximum 700 words**

The Board expects the following.

**Table 6A – Start-up milestones**

| Ref | Milestone | Date |
|---|---|---|
| S1 | Contract signed | Tuesday 2 March 2027 |
| S2 | Employee liability information received from the outgoing provider | By Friday 9 April 2027 |
| S3 | Orchard Court garden mural painted | By Friday 14 May 2027 |
| S4 | Readiness review with the Board | Wednesday 16 June 2027 |
| S5 | Service start | Thursday 1 July 2027 |

## Question

Describe how you will get the service ready to start, showing how you will meet each milestone in Table 6A.

Your answer should cover:

- your start-up team and its lead;
- how you will keep people who use the current service informed.
"""

STAFFING = """# Question 4 – Workforce

**Maximum 1,000 words**, plus the completed staffing table, which does not count towards the limit.

**Table 4.1 – Minimum staffing**

| Role | Minimum WTE | Caseload cap | Your proposed WTE | Pay band or salary |
|---|---|---|---|---|
| Service Manager | 1.0 | None | | |
| Peer Support Worker | 5.0 | 15 | | |
| Wellbeing Navigator | 2.0 | 40 | | |
| **Total** | **8.0** | | | |

## Question

Complete the staffing table and describe how you will recruit and keep staff.
"""

DESCRIBED = """# Question 5 – Staffing

**Page limit:** 2 sides of A4, excluding Table 5B.

**Table 5A – Minimum staffing**

| Role | Minimum WTE | Caseload cap |
|---|---|---|
| Team Leader | 2.0 | None |
| Recovery Worker | 9.0 | 30 |

## Question

Set out your proposed staffing by completing Table 5B (your structure, WTE by role, pay band and base) and explain how
you will cover leave.
"""

KPIS = """# Question 8 – Performance

**Maximum 800 words.** The KPI table below does not need to be reproduced.

| Ref | Measure | Target |
|---|---|---|
| KPI 1 | Referrals contacted within 5 working days | 90% |
| KPI 2 | People with a written recovery plan within 20 working days | 95% |

## Scoring

| Score | Descriptor |
|---|---|
| 5 | Excellent |
| 0 | No answer |

## Question

Describe how you will meet each KPI.
"""


def _rows(md: str) -> list[list[str]]:
    lines = [ln for ln in md.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines[2:]]


def _header(md: str) -> list[str]:
    line = next(ln for ln in md.splitlines() if ln.startswith("|"))
    return [c.strip() for c in line.strip().strip("|").split("|")]


def test_a_milestone_table_is_read_with_its_caption_and_counted_in_the_limit():
    (table,) = buyer_tables.read(MILESTONES)
    assert table.kind == "milestone"
    assert table.title == "Table 6A – Start-up milestones"
    assert [r[0] for r in table.rows] == ["S1", "S2", "S3", "S4", "S5"]
    assert table.counted and buyer_tables.given(table)


def test_each_milestone_keeps_the_buyers_cells_and_gets_our_lead_or_an_honest_unknown():
    (table,) = buyer_tables.read(MILESTONES)
    md = buyer_tables.markdown(table)
    assert md.startswith("**Table 6A – Start-up milestones**")
    assert _header(md) == ["Ref", "Milestone", "Date", "Our lead"]
    rows = _rows(md)
    assert [r[:3] for r in rows] == [list(r) for r in table.rows]  # the buyer's cells, its order, untouched
    lead = {r[0]: r[3] for r in rows}
    assert lead["S1"].lower() == buyer_mobilisation.owner("Contract signed")
    assert lead["S2"].lower() == "the head of people"
    # no entry of ours knows who paints a mural: no owner made up
    assert buyer_mobilisation.owner("Orchard Court garden mural painted") == ""
    assert lead["S3"] == "To confirm at mobilisation"


def test_a_staffing_table_to_complete_gets_our_wte_only_at_or_above_the_minimum():
    (table,) = buyer_tables.read(STAFFING)
    assert table.kind == "staffing" and not table.counted
    assert buyer_tables.to_complete(table) == [3, 4]
    ours = [("service manager", 1.0), ("peer support workers", 1.4), ("wellbeing navigator", 2.5)]
    rows = {r[0]: r for r in _rows(buyer_tables.markdown(table, ours))}
    assert rows["Service Manager"][3] == "1.0"
    assert rows["Wellbeing Navigator"][3] == "2.5"
    # ours is below the buyer's minimum of 5.0: never said as our offer
    assert rows["Peer Support Worker"][3] == "To confirm at mobilisation"
    # no pay band is held in our service profile: said as set by the costed model, never a figure of ours
    assert {rows[r][4] for r in rows if r != "**Total**"} == {"To confirm in the costed model"}
    assert rows["**Total**"][3:] == ["", ""]  # the total row keeps the buyer's cells and gains nothing of ours


def test_a_table_the_question_describes_is_built_on_the_buyers_roles():
    tables = buyer_tables.read(DESCRIBED)
    assert [t.title for t in tables] == ["Table 5B"]  # given in the place of Table 5A, on its rows
    five_b = tables[0]
    assert not five_b.counted  # 'excluding Table 5B'
    assert five_b.header == ("Role", "WTE", "Pay band", "Base")
    rows = _rows(buyer_tables.markdown(five_b, [("team leaders", 2.0), ("recovery workers", 10.0)]))
    assert [r[:2] for r in rows] == [["Team Leader", "2.0"], ["Recovery Worker", "10.0"]]
    assert [r[2:] for r in rows] == [["To confirm in the costed model", "To confirm at mobilisation"]] * 2


def test_an_optional_kpi_table_that_would_count_is_not_given_and_descriptors_are_never_read():
    tables = buyer_tables.read(KPIS)
    assert [t.kind for t in tables] == ["kpi"]
    assert tables[0].optional and not buyer_tables.given(tables[0])
    uncounted = KPIS.replace("does not need to be reproduced", "does not count towards the limit if it is included")
    assert buyer_tables.given(buyer_tables.read(uncounted)[0])
    # every target set and counted in the limit: the text takes each KPI in turn, the table is not said again
    counted = KPIS.replace("The KPI table below does not need to be reproduced.", "")
    assert not buyer_tables.read(counted)[0].optional and not buyer_tables.given(buyer_tables.read(counted)[0])
    # a target column left for the bidder: given
    to_fill = counted.replace("| 90% |", "| |").replace("| 95% |", "| |")
    assert buyer_tables.given(buyer_tables.read(to_fill)[0])


def test_a_column_the_buyer_asks_to_add_holds_our_steps():
    question = MILESTONES.replace("Your answer should cover:",
                                  'Bidders should add a "Provider actions" column to Table 6A. Your answer should cover:')
    (table,) = buyer_tables.read(question)
    assert table.extra == "Provider actions"
    header, rows = buyer_tables.complete(table)
    assert header[-1] == "Provider actions"
    assert rows[1][-1] == " ".join(buyer_mobilisation.steps(table.rows[1][1]))
    assert rows[2][-1] == "To confirm at mobilisation"


def test_the_answer_gives_table_6a_row_for_row_within_the_limit_and_checked(demo_db, checker):
    answer = assemble_tender(demo_db, MILESTONES, checker=checker)
    md = answer.markdown
    assert "**Table 6A – Start-up milestones**" in md
    table = md[md.index("| Ref |"):].split("\n\n")[0]
    assert [r[0] for r in _rows(table)] == ["S1", "S2", "S3", "S4", "S5"]
    assert "Thursday 1 July 2027" in table
    # the table counts: the answer with it stays within the buyer's 700 words, as the answer's own count says
    assert answer.counts.words <= 700
    assert count_words(md) <= 700
    assert answer.checked and not answer.findings
    assert not [f for f in checker.check_text(table) if f.severity == "error"]
    assert not re.search(r"\[To write|\{", table)


def test_our_establishment_sentence_is_read_role_by_role_up_to_the_people_it_holds():
    said = ("31.0 whole-time-equivalent posts for this contract: the specification's three roles, each at or above its "
            "minimum, 29.0 WTE (service manager 1.0, link workers / navigators 6.0 and recovery workers 22.0), and roles "
            "our model of care adds, 2.0 WTE (housing and money adviser 0.5 and clinical leads 1.5); at the "
            "specification's caseload caps these roles hold up to 660 people at once (recovery workers 22.0 × 30)")
    roles = buyer_tables.establishment_roles(said)
    assert roles == [("service manager", 1.0), ("link workers / navigators", 6.0), ("recovery workers", 22.0),
                     ("housing and money adviser", 0.5), ("clinical leads", 1.5)]
    assert buyer_tables._wte("Link Workers / Navigators", roles, "6.0") == "6.0"
    assert buyer_tables._wte("Recovery Worker", roles, "24.0") == ""  # ours under the buyer's minimum: not said
