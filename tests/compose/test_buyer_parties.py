"""Answers that do not contradict the buyer (issue 12, session 24): one role's minimum in a staffing table is not the
whole workforce; the provider the buyer says is outgoing is a party to the handover, never an ongoing partner; the
buyer's own policy for a thing is the one an answer works to. The buyer below is written here (Westmarsh), unlike
any held-out set's."""

from __future__ import annotations

from evidencebot.compose import buyer_terms

STAFFING = """| Role | Minimum | Caseload cap |
|---|---|---|
| Team Manager | at least 1.0 WTE | none |
| Wellbeing Coaches (the two locality teams) | at least 16.0 WTE across both teams | 25 people |
| Peer Mentors | at least 5.0 WTE | 12 people |
"""


def test_a_role_row_in_a_staffing_table_is_not_the_workforce():
    assert [f for f in buyer_terms.read_figures(STAFFING) if f.what == "workforce"] == []


def test_a_total_row_is_still_the_workforce():
    got = buyer_terms.read_figures(STAFFING + "| Total establishment | at least 22.0 WTE | |\n")
    assert [(f.what, f.value) for f in got if f.what == "workforce"] == [("workforce", 22.0)]


def test_a_workforce_sentence_is_still_read():
    got = buyer_terms.read_figures("The service must have a workforce of at least 31 WTE across the two teams.")
    assert [(f.what, f.value) for f in got] == [("workforce", 31.0)]
