"""A KPI row about improvement among people with paired scores is not the paired-measure KPI (issue 12, session 29).

On the s28 panel an answer said "the commissioners' target for people discharged with a paired outcome measure is 55%"
where the buyer's table gave 80% for recording scores at both start and end, and 55% for reliable improvement among
those pairs. The table below is written for this test in another buyer's words."""

from __future__ import annotations

from evidencebot.compose import buyer_standards as S

TABLE = """Outcomes reporting

| Ref | Indicator | Target | Reported |
|---|---|---|---|
| OM2 | Adults leaving the service with a WEMWBS score taken at both start and end of support | 85% | Monthly |
| OM3 | Adults with paired WEMWBS scores whose wellbeing shows reliable improvement | 60% | Quarterly |

Describe how you will meet the outcome measurement indicators above."""


def _paired(text: str):
    return next((s for s in S.kpis(text) if s.matter == "paired_outcome"), None)


def test_the_paired_measure_target_is_the_row_about_scores_at_start_and_end():
    st = _paired(TABLE)
    assert st is not None
    assert st.text == "85%"
    assert "start and end" in st.sentence


def test_a_row_about_reliable_improvement_alone_is_not_read_as_the_paired_measure():
    only_improvement = "\n".join(line for line in TABLE.splitlines() if "OM2" not in line)
    st = _paired(only_improvement)
    assert st is None or st.text != "60%"
