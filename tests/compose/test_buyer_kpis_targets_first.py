"""A KPI table that opens each row with the buyer's target and gives no KPI reference (kpi23, issue 12): s22 q11 and
the s23 dev buyer's q09 had none of their rows read, so no KPI was committed to. Own table and parts, readers only."""

from __future__ import annotations

from types import SimpleNamespace

from evidencebot.compose import buyer_facts, buyer_kpis as K

TABLE = """## Performance

| Target | Indicator | Timescale or standard | Reported |
|---|---|---|---|
| 97% | Self-referrals given a call back | within 2 working days of the call | Monthly |
| 100% | Discharge letters sent to the GP | within 5 working days of discharge | Monthly |
| 60% in 2027/28, rising to 80% by March 2030 | People leaving with a paired SWEMWBS score | first and last contact | Quarterly |
| Report only | Compliments received | each quarter | Quarterly |
"""


def test_a_target_first_row_is_read_with_its_timescale_and_reporting():
    rows = K.read(TABLE)
    assert [r.steps[0][0] for r in rows] == ["97%", "100%", "60% in 2027/28, rising to 80% by March 2030"]
    assert rows[0].measure == "Self-referrals given a call back"
    assert rows[0].timescale == "within 2 working days of the call" and rows[0].reported == "Monthly"


def test_the_row_is_committed_to_as_the_buyers_target_not_as_our_result():
    said = [K.row_sentence(r) for r in K.read(TABLE)]
    assert said[1] == ("We will meet the commissioners' target of 100% for discharge letters sent to the GP within 5 working "
                       "days of discharge, reported monthly.")
    assert said[2].startswith("We will meet the commissioners' target of 60% in 2027/28, rising to 80% by March 2030, for ")


def test_a_rows_target_is_its_own_not_anothers_sentence():
    # another sentence of the buyer's sets 90% for discharge letters sent elsewhere: the row's 100% stands
    facts = buyer_facts.read([("q05", "At least 90% of discharge letters to the care coordinator are sent within 10 "
                                      "days.\n\n" + TABLE)])
    said = K.row_sentence(K.read(TABLE)[1])
    assert not buyer_facts.check(said, facts, home="q05")
    # another question's row is not held against this answer's sentence on another measure
    other = buyer_facts.read([("q09", TABLE)])
    assert not buyer_facts.check("We will meet the commissioners' target of at least 25% for discharge letters written with "
                                 "the person.", other, home="q02")


def test_the_rows_go_to_the_part_on_reporting_not_the_one_on_a_missed_kpi():
    parts = [SimpleNamespace(text=t) for t in ("how you will collect and report data to the Council",
                                               "which outcome measures you will use",
                                               "what you will do when a KPI is not met")]
    assert K.home(parts, lambda p: p.text) is parts[0]
    assert K.home(parts[1:], lambda p: p.text) is parts[2]  # no part on reporting: the only one naming KPIs
    assert K.home(parts[:2], lambda p: p.text) is None
