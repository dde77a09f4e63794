"""The buyer's own milestone table is the plan's timetable (kpi23, issue 12): a table with the date last ('| TUPE
consultation started | by 11 January 2027 |') is read as well as one with the date first. Own table; reader only."""

from __future__ import annotations

from evidencebot.compose import buyer_mobilisation as M

TABLE = """The commissioners expect these milestones:

| Milestone | Date |
|---|---|
| Contract signed | by 3 December 2026 |
| Staff consultation under TUPE opened | by 18 January 2027 |
| First mobilisation board, then monthly | week commencing 14 December 2026 |
| Readiness review | 22 March 2027 |
| Go-live | 1 April 2027 |
"""


def test_a_table_with_the_date_last_is_read_with_its_by():
    assert M.dated(TABLE)[:2] == [("by 3 December 2026", "Contract signed"),
                                  ("by 18 January 2027", "Staff consultation under TUPE opened")]
    assert ("week commencing 14 December 2026", "First mobilisation board, then monthly") in M.dated(TABLE)


def test_each_of_the_buyers_milestones_is_said_in_its_words_and_order():
    said = M.buyer_milestones(M.dated(TABLE))
    assert said[1] == "By 18 January 2027: Staff consultation under TUPE opened."
    assert said[3] == "22 March 2027: Readiness review."
    assert len(said) == 5


def test_a_date_first_table_is_read_as_before():
    assert M.dated("| 11 January 2027 | Measures letter sent |") == [("11 January 2027", "Measures letter sent")]
