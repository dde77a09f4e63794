"""A labelled KPI line names its own measure (issue 12; lead, s20).

s20 q09 (spent) listed ten KPIs one per line. 'KPI 10: ethnicity recorded – 95%' names a measure our phrasebank has no
words for, and it became the target of the line before (the DNA rate: "The buyer's target for first appointments not
attended is 95%"); 'KPI 1: initial contact within 2 working days – 95%' became the safeguarding standard's target
because an earlier sentence named safeguarding; and 'KPI 9: did not attend (DNA) rate ... – below 10%' was read as a
past figure ('did'). Fails on 6175511.
"""

from __future__ import annotations

from evidencebot.compose import buyer_standards as bs

TEXT = ("Safeguarding concerns must be raised with the council's adult safeguarding team.\n\n"
        "- KPI 1: initial contact within 2 working days of referral – 95%\n"
        "- KPI 9: did not attend (DNA) rate for first appointments – below 10%\n"
        "- KPI 10: ethnicity recorded – 95%\n")


def test_each_kpi_line_keeps_its_own_figure():
    found = {st.matter: (st.text, st.baseline) for st in bs.kpis(TEXT)}
    assert found.get("first_dna") == ("below 10%", "")
    assert "safeguarding_24h" not in found
