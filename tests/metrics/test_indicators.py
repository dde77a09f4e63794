"""Every indicator on the hand-built service (see fixture_service.py), worked out by hand.

Period 2025-Q1 = 2025-01-01..2025-03-31 (90 days); compare 2024-Q4.
Q1 caseload (referred by 31 Mar, not discharged before 1 Jan):
  P01, P02 (discharged 1 Jan: counts), P03, P05 (referred 31 Mar: counts), P07,
  P08, P09, P10, P12 = 9.   Not: P04 (discharged 31 Dec), P06, P11.
Q4 caseload: P01, P02, P03, P04, P07, P08, P09, P10, P12 = 9.
Caseload on 31 Mar (the period end): P01, P03, P05, P07, P09, P10, P12 = 7.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "metrics_fixture_service", Path(__file__).with_name("fixture_service.py")
)
fixture_service = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("metrics_fixture_service", fixture_service)
_spec.loader.exec_module(fixture_service)

from evidencebot.errors import ConfigError, InputError  # noqa: E402
from evidencebot.metrics import catalogue as cat  # noqa: E402
from evidencebot.metrics import indicators as ind  # noqa: E402

Q1 = "2025-Q1"


@pytest.fixture
def service(db):
    fixture_service.build_service(db)
    return db


def get(db, ident, period=Q1, **kwargs):
    return ind.compute(db, ident, period, **kwargs)


def approx(x, rel=1e-3, abs=1e-3):
    return pytest.approx(x, rel=rel, abs=abs)


# ------------------------------------------------------------------ catalogue


def test_catalogue_has_every_indicator_with_a_computation():
    catalogue = cat.load_catalogue()
    expected = {
        "crisis_rate", "repeat_crisis", "followup_48h", "followup_72h", "readmission_30d",
        "dna_rate", "escalation_review_hours", "review_72h", "step_up_rate", "crisis_episode_days",
        "safeguarding_timely", "transition_completed", "housing_confirmed",
        "below_baseline_escalation", "disengagement", "engaged_14d", "gas_t", "goals_met",
        "partner_comms_timely", "actions_closed_on_time", "handover_complete",
        "crisis_plan_current", "rationale_recorded", "reliable_improvement.swemwbs",
        "reliable_improvement.reqol10", "reliable_improvement.core10", "reliable_improvement.phq9",
    }
    assert expected <= set(catalogue)
    for indicator in catalogue.values():
        assert indicator.family in ind.COMPUTE
        assert indicator.domain in ("safety", "stability", "experience")
        assert len(indicator.definition) > 60


def test_catalogue_directions_follow_the_mdc_table():
    catalogue = cat.load_catalogue()
    # metrics.md s1.3: lower is better for these ...
    for ident in ("crisis_rate", "step_up_rate", "repeat_crisis", "crisis_episode_days",
                  "readmission_30d", "escalation_review_hours", "dna_rate"):
        assert catalogue[ident].direction == "decrease", ident
    # ... and higher for these
    for ident in ("followup_72h", "gas_t", "goals_met", "reliable_improvement.swemwbs"):
        assert catalogue[ident].direction == "increase", ident


def test_catalogue_errors_name_the_field():
    good = {"id": "x", "title": "X", "domain": "safety", "definition": "d", "numerator": "n",
            "denominator": "d", "direction": "increase", "unit": "percent", "statistic": "wilson",
            "source": "s"}
    with pytest.raises(ConfigError, match=r"indicator 'x'.*'unit'.*allowed"):
        cat.parse_catalogue({"indicators": [dict(good, unit="percentage")]})
    with pytest.raises(ConfigError, match=r"missing field source"):
        cat.parse_catalogue({"indicators": [{k: v for k, v in good.items() if k != "source"}]})
    with pytest.raises(ConfigError, match=r"unknown field colour"):
        cat.parse_catalogue({"indicators": [dict(good, colour="red")]})
    with pytest.raises(ConfigError, match=r"defined twice"):
        cat.parse_catalogue({"indicators": [good, good]})


def test_unknown_indicator_names_close_matches(service):
    with pytest.raises(InputError, match=r"unknown indicator 'crisis_rat'.*crisis_rate"):
        get(service, "crisis_rat")


# ------------------------------------------------------------------ basics


def test_latest_data_date_is_the_latest_event(service):
    # K47 (a contact on 2025-09-30) is later than every escalation, crisis event and admission
    assert ind.latest_data_date(service) == dt.date(2025, 9, 30)
    assert ind.latest_data_date(service.__class__(service.conn)) == dt.date(2025, 9, 30)


def test_empty_database_has_no_latest_date_and_default_period_explains(db):
    assert ind.latest_data_date(db) is None
    with pytest.raises(InputError, match="no service data"):
        ind.compute(db, "crisis_rate")


def test_default_period_is_the_last_complete_quarter(service):
    # the latest data are on 2025-09-30, the last day of 2025-Q3: that quarter is complete
    result = ind.compute(service, "crisis_rate")
    assert result.period == "2025-Q3"


def test_bad_period_is_the_periods_message(service):
    with pytest.raises(InputError, match="not a period I understand"):
        get(service, "crisis_rate", "2025-Q9")


# ------------------------------------------------------------------ safety


def test_crisis_rate(service):
    r = get(service, "crisis_rate")
    # started in Q1: E1, E2, E3, E4, E5, E9 (E9 on 31 Mar) = 6; E6 started 31 Dec -> Q4
    # per 100 on the Q1 caseload of 9: 6 / 9 * 100 = 66.67
    assert (r.numerator, r.denominator) == (6, 9)
    assert r.value == approx(66.667)
    assert r.unit == "per_100" and r.direction == "decrease"
    # 6 < 10 events: exact Poisson. qchisq(0.025, 12) = 4.4038, qchisq(0.975, 14) = 26.1189
    # lower = 4.4038 / 2 / 9 * 100 = 24.47; upper = 26.1189 / 2 / 9 * 100 = 145.10
    assert r.ci_low == approx(24.47, rel=1e-3)
    assert r.ci_high == approx(145.10, rel=1e-3)
    assert "Poisson" in r.extra["method"]


def test_compare_period_defaults_to_the_previous_quarter(service):
    r = get(service, "crisis_rate")
    assert r.compare_period == "2024-Q4"
    # Q4: E6 (31 Dec), E7, E8 = 3 events / Q4 caseload 9 * 100 = 33.33
    assert r.compare_value == approx(33.333)
    assert (r.extra["compare"]["numerator"], r.extra["compare"]["denominator"]) == (3, 9)


def test_explicit_compare_period(service):
    r = get(service, "crisis_rate", compare="2024-11")
    # November 2024: E7 only; caseload Nov (ref <= 30 Nov, not discharged before 1 Nov):
    # P01, P02, P03, P04, P07, P08 (ref 20 Nov), P09, P10 = 8 -> 1 / 8 * 100 = 12.5
    assert r.compare_period == "2024-11"
    assert r.compare_value == approx(12.5)


def test_repeat_crisis(service):
    r = get(service, "repeat_crisis")
    # people with a Q1 event: P01 (E1, E2), P03 (E3, E9), P08 (E4), P12 (E5) = 4; two or more: P01, P03
    assert (r.numerator, r.denominator) == (2, 4)
    assert r.value == approx(50.0)
    # Wilson 2/4, z = 1.96: (4 + 3.8416 -+ 1.96 * sqrt(3.8416 + 8 * 0.5)) / (2 * 7.8416)
    # = (7.8416 -+ 5.4886) / 15.6832 -> 0.1500 .. 0.8500
    assert r.ci_low == approx(15.00, rel=2e-3)
    assert r.ci_high == approx(85.00, rel=2e-3)


def test_step_up_rate(service):
    r = get(service, "step_up_rate")
    # Q1 step-ups not cancelled: K11, K16, K23 (dna still counts), K30 = 4; K21 was cancelled
    assert (r.numerator, r.denominator) == (4, 9)
    assert r.value == approx(44.444)
    # exact: qchisq(0.025, 8) = 2.1797 -> 2.1797 / 2 / 9 * 100 = 12.11
    #        qchisq(0.975, 10) = 20.4832 -> 20.4832 / 2 / 9 * 100 = 113.80
    assert r.ci_low == approx(12.11, rel=2e-3)
    assert r.ci_high == approx(113.80, rel=2e-3)


def test_escalation_review_hours(service):
    r = get(service, "escalation_review_hours")
    # raised in Q1: X1 24 h, X2 6 h, X3 28 h, X4 not reviewed, X5 12 h, X6 36 h, X9 10 h
    # reviewed: 6, 10, 12, 24, 28, 36 -> median (12 + 24) / 2 = 18
    assert r.value == approx(18.0)
    assert (r.numerator, r.denominator) == (6, 7)
    assert r.extra["unreviewed"] == 1
    assert r.unit == "hours"


def test_review_within_72_hours_of_step_up(service):
    r = get(service, "review_72h")
    # S1 K11 04 Jan 10:00 -> X1 reviewed 05 Jan 09:00: yes
    # S2 K16 09 Feb 14:00 -> review K18 12 Feb 14:00, exactly 72 h: yes
    #    (X3 was reviewed 09 Feb 12:00, before the step-up: not this review)
    # S3 K23 01 Mar 08:00 (dna) -> review K24 04 Mar 08:01, 72 h 1 min: no
    # S5 K30 30 Mar 12:00 -> nothing: no
    assert (r.numerator, r.denominator) == (2, 4)
    assert r.value == approx(50.0)
    assert r.extra["pending"] == 0


def test_crisis_episode_days(service):
    r = get(service, "crisis_episode_days")
    # ended in Q1: E1 2, E2 0, E3 4, E4 1, E6 3 (started in Q4) -> 0,1,2,3,4 -> median 2
    # E5 ends 3 Apr, E9 is open: not counted
    assert r.value == approx(2.0)
    assert r.denominator == 5


def test_safeguarding_timely(service):
    r = get(service, "safeguarding_timely")
    # G1 Fri 3 Jan -> Mon 6 Jan: on time; G2 Sat 4 Jan -> Tue 7 Jan (deadline Mon 6): late
    # G3 same day: on time; G4 never referred: not; G5 Mon 31 Mar -> Tue 1 Apr: on time
    assert (r.numerator, r.denominator) == (3, 5)
    assert r.value == approx(60.0)
    assert r.extra["not_referred"] == 1


def test_crisis_plan_current(service):
    r = get(service, "crisis_plan_current")
    # window 1 Oct 2024 .. 31 Mar 2025; caseload on 31 Mar: P01 P03 P05 P07 P09 P10 P12 = 7
    # current: P01 (reviewed 15 Dec), P05 (created 31 Mar), P09 (created 1 Oct) = 3
    # not: P03 (Aug), P07 (reviewed 30 Sep, a day early), P10 (none), P12 (created 5 Apr)
    assert (r.numerator, r.denominator) == (3, 7)
    assert r.value == approx(300 / 7)


def test_rationale_recorded(service):
    r = get(service, "rationale_recorded")
    # Q1 escalations X1 X2 X3 X4 X5 X6 X9 = 7; empty: X2 (""), X3 (spaces) -> 5 / 7
    assert (r.numerator, r.denominator) == (5, 7)
    assert r.value == approx(500 / 7)


# ------------------------------------------------------------------ discharges

# Eligible Q1 discharges: A1 10 Jan, A2 20 Jan, A3 5 Feb, A4 20 Feb, A10 12 Feb,
# A11 5 Mar, A5 31 Mar (the last day of the period) = 7.
# Left out: A6 (transfer), A7 (death).


def test_followup_48h(service):
    r = get(service, "followup_48h")
    # days after discharge: A1 2, A2 3, A3 0, A4 5, A5 2, A10 1, A11 none
    # within 0-2: A1, A3 (same day counts), A5, A10 = 4 of 7
    assert (r.numerator, r.denominator) == (4, 7)
    assert r.value == approx(400 / 7)
    assert r.extra["excluded_transfer_death"] == 2


def test_followup_72h(service):
    r = get(service, "followup_72h")
    # within 0-3: A1, A2 (exactly day 3), A3, A5, A10 = 5 of 7
    assert (r.numerator, r.denominator) == (5, 7)
    assert r.value == approx(500 / 7)
    # Wilson 5/7: (10 + 3.8416 -+ 1.96 * sqrt(3.8416 + 20 * (2/7))) / (2 * 10.8416)
    # sqrt(3.8416 + 5.7143) = 3.0913; 1.96 * 3.0913 = 6.0590
    # -> (13.8416 - 6.0590) / 21.6832 = 0.3589, (13.8416 + 6.0590) / 21.6832 = 0.9178
    assert r.ci_low == approx(35.89, rel=2e-3)
    assert r.ci_high == approx(91.78, rel=2e-3)


def test_readmission_day_29_counts_day_30_does_not(service):
    r = get(service, "readmission_30d")
    # A1 discharged 10 Jan, P01 admitted again 8 Feb = day 29: counted
    # A2 discharged 20 Jan, P03 admitted again 19 Feb = day 30: not counted
    assert (r.numerator, r.denominator) == (1, 7)
    assert r.value == approx(100 / 7)


def test_transition_completed(service):
    r = get(service, "transition_completed")
    # blocks after discharge d: [d, d+28), [d+28, d+56), [d+56, d+84); attended planned/review
    # A1 (P01, 10 Jan): 15 Jan, 20 Feb, 20 Mar -> done
    # A10 (P01, 12 Feb): 20 Feb, 20 Mar, 20 Apr -> done
    # A2 (P03, 20 Jan): 25 Jan, 1 Mar (late = seen), 10 Apr -> done
    # A11 (P03, 5 Mar): nothing 5 Mar-1 Apr -> not
    # A3 (P08, 5 Feb): nothing -> not
    # A4 (P09, 20 Feb): 25 Feb; 20 Mar-16 Apr only a dna -> not
    # A5 (P10, 31 Mar): 2 Apr, 10 May, 22 Jun (day 83, the last day) -> done
    assert (r.numerator, r.denominator) == (4, 7)


def test_discharge_flags(service):
    housing = get(service, "housing_confirmed")
    # A1 1, A2 0, A3 not recorded, A4 1, A5 1, A10 1, A11 0 -> 4 of 7
    assert (housing.numerator, housing.denominator) == (4, 7)
    assert housing.extra["not_recorded"] == 1
    engaged = get(service, "engaged_14d")
    # A1 1, A2 1, A3 0, A4 not recorded, A5 1, A10 1, A11 0 -> 4 of 7
    assert (engaged.numerator, engaged.denominator) == (4, 7)
    handover = get(service, "handover_complete")
    # A1 1, A2 1, A3 0, A4 1, A5 1, A10 1, A11 0 -> 5 of 7
    assert (handover.numerator, handover.denominator) == (5, 7)


def test_followup_window_still_open_is_pending(db):
    db["people"].insert({"person_id": "Q1", "referral_date": "2025-01-01"})
    db["admissions"].insert_all([
        {"spell_id": "B1", "person_id": "Q1", "admitted_on": "2025-06-01", "discharged_on": "2025-06-29",
         "discharge_type": "planned"},
        {"spell_id": "B2", "person_id": "Q1", "admitted_on": "2025-06-01", "discharged_on": "2025-06-27",
         "discharge_type": "planned", "first_followup_at": "2025-06-28T09:00"},
    ])
    db["contacts"].insert({"contact_id": "Z", "person_id": "Q1", "contact_at": "2025-06-30T09:00",
                           "kind": "planned", "attendance": "attended"})
    r = ind.compute(db, "followup_72h", "2025-06")
    # latest data 30 Jun. B1 (29 Jun): its 3 days run to 2 Jul -> pending.
    # B2 (27 Jun): runs to 30 Jun -> judged: followed up on day 1
    assert (r.numerator, r.denominator) == (1, 1)
    assert r.extra["pending"] == 1


# ------------------------------------------------------------------ stability, engagement


def test_below_baseline_escalation(service):
    r = get(service, "below_baseline_escalation")
    # eligible: Q1 caseload, baseline > 0, referred by 31 Dec 2024 (3rd month before March):
    # P01 (2.0), P02 (1.0), P03 (0.3), P08 (0.6), P10 (1.5), P12 (2.0) = 6
    # (P05 referred 31 Mar; P07 baseline 0; P09 no baseline)
    # escalations per month = n / (days on caseload in Q1 / 30.4375):
    # P01 2 / (90/30.4375) = 0.676 < 2.0 below | P02 0 (1 day) below
    # P03 1 / 2.957 = 0.338 >= 0.3 NOT below
    # P08 2 (X5, X9) / (46 days 1 Jan-15 Feb / 30.4375 = 1.511) = 1.323 >= 0.6 NOT below
    # P10 0 below | P12 1 / 2.957 = 0.338 < 2.0 below  -> 4 of 6
    assert (r.numerator, r.denominator) == (4, 6)
    assert r.extra["zero_baseline"] == 1


def test_below_baseline_uses_days_on_caseload(db):
    # one person, baseline 0.8, discharged 15 Feb (46 days of Q1), one escalation:
    # 1 / (46 / 30.4375) = 0.662 < 0.8 -> below. Over all 90 days it would be 0.338: also below,
    # so add a second escalation: 2 / 1.511 = 1.323 >= 0.8 -> not below
    db["people"].insert({"person_id": "B", "referral_date": "2024-01-01", "discharge_date": "2025-02-15",
                         "baseline_escalations_per_month": 0.8})
    db["escalations"].insert({"escalation_id": "e1", "person_id": "B", "raised_at": "2025-01-10T10:00",
                              "level": 1})
    # the data reach 31 March, so Q1 is complete (a period past the data is partial)
    db["contacts"].insert({"contact_id": "end", "person_id": "B", "contact_at": "2025-03-31T10:00",
                           "kind": "unplanned", "attendance": "cancelled_by_service"})
    assert (get(db, "below_baseline_escalation").numerator) == 1
    db["escalations"].insert({"escalation_id": "e2", "person_id": "B", "raised_at": "2025-02-10T10:00",
                              "level": 1})
    r = get(db, "below_baseline_escalation")
    assert (r.numerator, r.denominator) == (0, 1)


def test_dna_rate_leaves_out_cancellations(service):
    r = get(service, "dna_rate")
    # Q1 planned/review contacts: attended or late K10 K12 K13 K14 K18 K19 K20 K22 K24 K27 K29 = 11
    # dna K25 K26 K28 = 3; cancelled K15 K17 left out; step-ups and unplanned are other kinds
    # 3 / (11 + 3) = 21.43%
    assert (r.numerator, r.denominator) == (3, 14)
    assert r.value == approx(300 / 14)
    assert r.extra["cancelled"] == 2
    # Q4: K01 attended, K02 dna, K03 attended, K04 review attended -> 1 / 4
    assert r.compare_value == approx(25.0)


def test_disengagement(service):
    r = get(service, "disengagement")
    # last 8 weeks of Q1: 4 Feb .. 31 Mar. Cohort: on the caseload on 31 Mar and referred by 4 Feb:
    # P01 P03 P07 P09 P10 P12 = 6 (P05 referred 31 Mar)
    # attended contacts in the window: P01 K19, P03 K16, P07 K29, P09 K20, P12 K24 (review)
    # P10's only contact K14 is on 3 Feb, one day early -> 1 of 6 disengaged
    assert (r.numerator, r.denominator) == (1, 6)


def test_gas_t(service):
    r = get(service, "gas_t")
    # latest Q1 review per goal: GL1 +1 (10 Mar), GL2 0, GL3 -2 (weight 2), GL5 +2, GL6 -1 = 5 goals
    # P01 (+1, 0): 50 + 10 * 1 / sqrt(0.7 * 2 + 0.3 * 4) = 50 + 10 / 1.61245 = 56.2017
    # P03 (-2 at weight 2): 50 + 10 * (-4) / sqrt(0.7 * 4 + 0.3 * 4) = 50 - 40 / 2 = 30
    # P12 (+2, -1): as P01 = 56.2017
    # mean = (56.2017 + 30 + 56.2017) / 3 = 47.4678
    assert r.value == approx(47.4678)
    assert r.extra["n_goals"] == 5 and r.denominator == 3 and r.extra["rho"] == 0.3
    # t(0.975, 2) = 4.3027; sd = sqrt((8.7339^2 + 17.4678^2 + 8.7339^2) / 2) = 15.1276
    # half width = 4.3027 * 15.1276 / sqrt(3) = 37.579 -> 9.889 .. 85.047
    assert r.ci_low == approx(9.889, rel=2e-3)
    assert r.ci_high == approx(85.047, rel=2e-3)


def test_goals_met(service):
    r = get(service, "goals_met")
    # GL1 +1, GL2 0, GL5 +2 met; GL3 -2, GL6 -1 not -> 3 of 5 (GL4 was reviewed in Q4 only)
    assert (r.numerator, r.denominator) == (3, 5)


def test_reliable_improvement_swemwbs_with_pairing_rate(service):
    r = get(service, "reliable_improvement.swemwbs")
    # threshold 3 on metric scores
    # P01 raw 17 -> 21 = metric 16.88 -> 19.25 (+2.37): no reliable change (raw +4 would be wrong)
    # P03 14.75 -> latest Q1 score 20.73 (+5.98): improvement
    # P12 23.21 -> 19.98 (-3.23): deterioration
    # P09: follow-up only 20 days after the baseline: no pair
    assert (r.numerator, r.denominator) == (1, 3)
    assert r.value == approx(100 / 3)
    assert r.extra["threshold"] == 3
    assert (r.extra["improved"], r.extra["no_change"], r.extra["deteriorated"]) == (1, 1, 1)
    # pairing: Q1 caseload with a baseline by 3 Mar (31 Mar - 28 days):
    # P01 P03 P07 P09 P10 P12 = 6; with a pair: P01 P03 P12 = 3 -> 50%
    assert (r.extra["pairing_numerator"], r.extra["pairing_denominator"]) == (3, 6)
    assert r.extra["pairing_rate"] == approx(50.0)


def test_reliable_improvement_phq9(service):
    r = get(service, "reliable_improvement.phq9")
    # lower is better, threshold 6: P08 18 -> 11 (-7) improvement; P02 12 -> 7 (-5) no change
    assert (r.numerator, r.denominator) == (1, 2)
    assert r.extra["pairing_rate"] == approx(100.0)


def test_instrument_without_scores_is_empty_not_an_error(service):
    r = get(service, "reliable_improvement.honos")
    assert r.value is None and r.denominator == 0


def test_partner_comms_timely(service):
    r = get(service, "partner_comms_timely")
    # C1 1 day, C2 2 days (on time), C3 3 days, C4 not recorded -> 2 of 4
    assert (r.numerator, r.denominator) == (2, 4)
    assert r.extra["not_recorded"] == 1


def test_actions_closed_on_time(service):
    r = get(service, "actions_closed_on_time")
    # I1 closed on its due date: yes; I2 two days late; I3 still open; I4 early: yes -> 2 of 4
    assert (r.numerator, r.denominator) == (2, 4)
    assert r.extra["still_open"] == 1


# ------------------------------------------------------------------ series, SPC, suppression, cache


def test_monthly_series(service):
    series = ind.monthly_series(service, "crisis_rate", Q1)
    # the data start in October 2024 (E8 on 15 Oct), so the series starts there
    assert [label for label, _ in series] == ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]
    values = dict(series)
    # January: E1, E2 = 2; caseload Jan (ref <= 31 Jan, not discharged before 1 Jan):
    # P01 P02 P03 P07 P08 P09 P10 P12 = 8 -> 25 per 100
    assert values["2025-01"] == approx(25.0)
    # March: E5, E9 = 2; caseload Mar: P01 P03 P05 P07 P09 P10 P12 = 7 (P08 left 15 Feb)
    assert values["2025-03"] == approx(200 / 7)


def test_months_after_the_latest_data_have_no_value(service):
    # latest data 30 Sep 2025; people are still on the caseload in October, but no data exist yet
    series = dict(ind.monthly_series(service, "crisis_rate", "2025-Q4"))
    assert series["2025-09"] == 0.0  # a real month with no crisis events
    assert series["2025-10"] is None and series["2025-12"] is None


def test_too_few_months_for_spc(service):
    r = get(service, "dna_rate")
    # six months of data (Oct 2024 - Mar 2025) < 7 points
    assert r.spc["verdict"] == "too_few_points"
    assert {"verdict", "rule", "points", "mean", "lower", "upper", "trial", "assurance"} <= set(r.spc)


def test_spc_shift_after_a_service_change(db):
    fixture_service.build_spc_service(db)
    r = ind.compute(db, "dna_rate", "2024-Q4")
    # 2023: 6, 7, 5 DNAs of 20 repeating -> 30, 35, 25 %: mean 30
    #   moving ranges 5, 10, 5, 5, 10, 5, 5, 10, 5, 5, 10: sum 75 / 11 = 6.818
    #   limits 30 -+ 2.66 * 6.818 = 11.86 .. 48.14; near limits 30 -+ 1.7733 * 6.818 = 17.91 .. 42.09
    # 2024 (after the change on 1 Jan 2024): 5, 4 repeating -> 25, 20 %: 12 points, enough for
    #   their own limits (mean 22.5; moving ranges all 5: limits 22.5 -+ 13.3 = 9.2 .. 35.8),
    #   where the rules find nothing: common cause. The points since the change are judged
    #   on their own limits, never against the 2023 ones; the step is described by the means.
    assert r.spc["points"] == 24
    assert r.spc["verdict"] == "common_cause"
    assert r.spc["step_change"]["pre_mean"] == approx(30.0)
    assert r.spc["step_change"]["post_mean"] == approx(22.5)
    assert [seg["points"] for seg in r.spc["segments"]] == [12, 12]
    assert r.value == approx(100 * (4 + 5 + 4) / 60)  # Oct-Dec 2024: 13 DNAs of 60


def test_spc_same_series_without_the_service_change(db):
    fixture_service.build_spc_service(db, with_change=False)
    r = ind.compute(db, "dna_rate", "2024-Q4")
    # one set of limits over 24 points: mean (12 * 30 + 12 * 22.5) / 24 = 26.25
    # the last 2023 point (25) and all twelve 2024 points are below it: a 13-point shift
    assert r.spc["verdict"] == "improvement"
    assert "service change" not in r.spc["rule"]
    assert r.spc["rule"].startswith("13 points below")


def test_target_gives_assurance(db):
    fixture_service.build_spc_service(db)
    db["targets"].insert({"indicator_id": "dna_rate", "target": 60.0})
    r = ind.compute(db, "dna_rate", "2024-Q4")
    # 2024's own limits: 22.5 -+ 2.66 * 5 = 9.2 .. 35.8; a target of 60 is above the upper limit
    # and lower is better: every month will meet it
    assert r.spc["assurance"] == "consistent_pass"


def test_external_suppression(service):
    r = get(service, "readmission_30d", external=True)
    # 1 of 7: the numerator is below 5, so the value and CI are hidden
    assert r.suppressed is True
    assert r.value is None and r.ci_low is None and r.ci_high is None
    assert (r.numerator, r.denominator) == ("<5", "5")  # 7 rounds to 5
    hidden = get(service, "followup_72h", external=True)
    # 5 of 7: both counts are at least 5, but 71% of about 5 gives away that 2 were not
    # followed up (the complement is a count too), and 7 is below the base a percentage
    # needs (suppression.SMALL_BASE): hidden, with its share in words
    assert hidden.suppressed is True and hidden.value is None
    assert (hidden.numerator, hidden.denominator) == ("5", "5")
    assert hidden.extra["share"] == "all_but_few"  # 5 and 7 both round to 5: "all but fewer than 5"
    internal = get(service, "readmission_30d")
    assert internal.suppressed is False and internal.numerator == 1


def test_results_are_cached_until_the_data_change(service):
    first = get(service, "dna_rate")
    again = get(service, "dna_rate")
    assert again == first and again is not first  # a copy from the cache
    state = service._evidencebot_metrics
    assert len(state["results"]) == 1
    # a new DNA in Q1 changes the data version: 4 / 15
    service["contacts"].insert({"contact_id": "NEW", "person_id": "P01", "contact_at": "2025-03-26T10:00",
                                "kind": "planned", "attendance": "dna"})
    changed = get(service, "dna_rate")
    assert (changed.numerator, changed.denominator) == (4, 15)


def test_compute_all_returns_every_indicator(service):
    results = ind.compute_all(service, Q1)
    ids = [r.id for r in results]
    assert ids[0] == "crisis_rate" and "reliable_improvement.swemwbs" in ids
    # instruments with no scores at all are left out of the full list
    assert "reliable_improvement.honos" not in ids
    chosen = ind.compute_all(service, Q1, ids=["dna_rate", "crisis_rate"])
    assert [r.id for r in chosen] == ["dna_rate", "crisis_rate"]
    for r in results:
        d = r.to_dict()
        assert d["period"] == Q1 and d["compare_period"] == "2024-Q4"
        assert all(not (isinstance(v, float) and math.isnan(v)) for v in d.values())


def test_parallel_and_sequential_give_the_same_results(service):
    parallel = [r.to_dict() for r in ind.compute_all(service, Q1, parallel=True)]
    del service._evidencebot_metrics
    sequential = [r.to_dict() for r in ind.compute_all(service, Q1, parallel=False)]
    assert parallel == sequential
    assert {r["id"] for r in parallel} >= {f for f in ind.WORKER_FAMILIES}


def test_parallel_falls_back_when_the_second_connection_fails(service, monkeypatch):
    def broken(*args, **kwargs):
        import sqlite3

        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(ind, "_worker", broken)
    results = {r.id: r for r in ind.compute_all(service, Q1, parallel=True)}
    # dna_rate is one of the worker's indicators: computed here instead (3 of 14, as above)
    assert (results["dna_rate"].numerator, results["dna_rate"].denominator) == (3, 14)


def test_recommended_indexes_do_not_change_results(service):
    before = [r.to_dict() for r in ind.compute_all(service, Q1)]
    for statement in ind.index_sql():
        service.execute(statement)
    del service._evidencebot_metrics  # a new index is not a change of data: drop the cache by hand
    after = [r.to_dict() for r in ind.compute_all(service, Q1)]
    assert after == before


def test_external_suppression_leaves_constants_alone(demo_factory):
    """A reliable-change threshold (points on a scale) is not a count: it must not become '<5'."""
    from evidencebot.metrics.catalogue import load_catalogue
    from evidencebot.metrics.indicators import compute
    from evidencebot.store.db import connect

    db = connect(demo_factory())
    ids = [i for i in load_catalogue() if i.startswith("reliable_improvement.")]
    assert ids
    for indicator_id in ids:
        inside = compute(db, indicator_id, "2026-Q2")
        outside = compute(db, indicator_id, "2026-Q2", external=True)
        assert outside.extra["threshold"] == inside.extra["threshold"]
        assert not isinstance(outside.extra["threshold"], str)


@pytest.mark.parametrize("n", [401, 5_000, 20_001])
def test_median_interval_is_the_order_statistic_one_at_any_size(n):
    # every size uses stats.median_ci's exact rank (no normal approximation above
    # some n): for n = 401 that is the 181st to the 221st value
    from evidencebot.metrics import stats

    values = list(range(1, n + 1))
    m = ind._add_ci(ind._median(values, n, n))
    assert (m.ci_low, m.ci_high) == stats.median_ci(values)
    if n == 401:
        assert (m.ci_low, m.ci_high) == (181, 221)
