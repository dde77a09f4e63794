"""Definitions changed or added by issue 14, worked out by hand on small data:
follow-up from any attended contact (days 1-3, day 0 optional), repeat crisis by
episode, GAS counts, targets met / not met / not assessable on the unsuppressed
figure with the target's own comparison, run charts for tied whole numbers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from evidencebot.config import Settings
from evidencebot.metrics import indicators as ind
from evidencebot.metrics import spc

_spec = importlib.util.spec_from_file_location(
    "metrics_fixture_service", Path(__file__).with_name("fixture_service.py")
)
fixture_service = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("metrics_fixture_service", fixture_service)
_spec.loader.exec_module(fixture_service)


@pytest.fixture
def service(db):
    fixture_service.build_service(db)
    return db


def _discharge(db, spell, day, followup=None, kind="planned"):
    db["admissions"].insert({"spell_id": spell, "person_id": "P", "admitted_on": "2025-05-01",
                             "discharged_on": day, "discharge_type": kind, "first_followup_at": followup})


@pytest.fixture
def one_person(db):
    db["people"].insert({"person_id": "P", "referral_date": "2025-01-01"})
    # the data reach 31 July, so every follow-up window in June has closed
    db["contacts"].insert({"contact_id": "end", "person_id": "P", "contact_at": "2025-07-31T10:00",
                           "kind": "unplanned", "attendance": "cancelled_by_service"})
    return db


def test_followup_counts_any_attended_contact_on_days_1_to_3(one_person):
    db = one_person
    _discharge(db, "S1", "2025-06-02", followup="2025-06-09T10:00")  # planned follow-up day 7 ...
    db["contacts"].insert({"contact_id": "c1", "person_id": "P", "contact_at": "2025-06-04T15:00",
                           "kind": "unplanned", "attendance": "attended"})  # ... but seen on day 2
    _discharge(db, "S2", "2025-06-10", followup="2025-06-10T16:00")  # day 0 only: not counted
    _discharge(db, "S3", "2025-06-20")
    db["contacts"].insert({"contact_id": "c3", "person_id": "P", "contact_at": "2025-06-23T09:00",
                           "kind": "review", "attendance": "dna"})  # not attended: not a follow-up
    r = ind.compute(db, "followup_72h", "2025-06")
    assert (r.numerator, r.denominator) == (1, 3)
    assert "any attended contact" in r.definition and "day 0" in r.definition.lower()


def test_day_0_is_optional_in_config(one_person):
    db = one_person
    _discharge(db, "S2", "2025-06-10", followup="2025-06-10T16:00")
    settings = Settings()
    assert ind.compute(db, "followup_72h", "2025-06", settings=settings).numerator == 0
    settings.metrics.followup_day0 = True
    assert ind.compute(db, "followup_72h", "2025-06", settings=settings).numerator == 1


def test_fixture_followup_values_hold_under_the_new_definition(service):
    # days 1-3 and any attended contact: A3 (day 0 only) no longer counts, but A4 (planned
    # follow-up on day 5) was seen on day 1 (U15, unplanned, 21 Feb): 48 h A1 A4 A5 A10 = 4 of 7,
    # 72 h A1 A2 A4 A5 A10 = 5 of 7, the same totals as the day-0 definition gave
    r48 = ind.compute(service, "followup_48h", "2025-Q1")
    r72 = ind.compute(service, "followup_72h", "2025-Q1")
    assert (r48.numerator, r48.denominator) == (4, 7)
    assert (r72.numerator, r72.denominator) == (5, 7)


def test_repeat_crisis_counts_episodes_more_than_7_days_apart(db):
    db["people"].insert_all([{"person_id": p, "referral_date": "2025-01-01"} for p in ("A", "B")])
    db["crisis_events"].insert_all([
        # A: 1-3 May, then 8 May (5 days after the episode's last day): one episode
        {"event_id": "a1", "person_id": "A", "started_on": "2025-05-01", "ended_on": "2025-05-03", "setting": "a_and_e"},
        {"event_id": "a2", "person_id": "A", "started_on": "2025-05-08", "ended_on": "2025-05-08", "setting": "a_and_e"},
        # B: 1 May, then 10 May (9 days later): two episodes
        {"event_id": "b1", "person_id": "B", "started_on": "2025-05-01", "ended_on": "2025-05-01", "setting": "a_and_e"},
        {"event_id": "b2", "person_id": "B", "started_on": "2025-05-10", "ended_on": "2025-05-11", "setting": "a_and_e"},
        {"event_id": "end", "person_id": "B", "started_on": "2025-06-30", "ended_on": "2025-06-30", "setting": "a_and_e"},
    ])
    r = ind.compute(db, "repeat_crisis", "2025-05")
    assert (r.numerator, r.denominator) == (1, 2)


def test_gas_t_counts_people_not_goals(service):
    r = ind.compute(service, "gas_t", "2025-Q1")
    assert r.numerator == r.denominator == 3 and r.extra["n_goals"] == 5


def test_target_status_follows_the_stored_comparison():
    assert ind.target_status(15.0, 100, 15.0, "<=", 5)["status"] == "met"
    assert ind.target_status(15.0, 100, 15.0, "<", 5)["status"] == "not_met"
    assert ind.target_status(80.0, 100, 80.0, ">", 5)["status"] == "not_met"
    low = ind.target_status(57.1, 3, 80.0, ">=", 5)
    assert low["status"] == "not_assessable" and "too few cases" in low["reason"]
    assert ind.target_status(None, None, 80.0, ">=", 5)["status"] == "not_assessable"


def test_too_few_cases_is_configurable(service):
    service["targets"].insert({"indicator_id": "readmission_30d", "target": 10.0})
    settings = Settings()
    settings.metrics.target_min_cases = 10
    r = ind.compute(service, "readmission_30d", "2025-Q1", settings=settings)  # 7 discharges
    assert r.target["status"] == "not_assessable" and "7, fewer than 10" in r.target["reason"]


def test_a_suppressed_miss_is_still_not_met(service):
    service["targets"].insert({"indicator_id": "readmission_30d", "target": 10.0})
    r = ind.compute(service, "readmission_30d", "2025-Q1", external=True)  # 1 of 7, hidden
    assert r.suppressed and r.value is None
    assert r.target["status"] == "not_met" and r.target["comparison"] == "<="


def test_stored_comparison_is_read(service):
    service["targets"].insert({"indicator_id": "followup_72h", "target": 500 / 7, "comparison": ">"})
    r = ind.compute(service, "followup_72h", "2025-Q1")
    assert r.target["status"] == "not_met"  # exactly on the target, and the contract says "more than"


def test_tied_whole_numbers_get_a_run_chart_without_tie_signals():
    days = [1] * 10 + [0] + [1] * 11
    plain = spc.xmr(days, improvement="decrease")
    assert plain.special_points  # XmR on ties: the 0s fall below a limit built from zero ranges
    assert spc.tied_integers(days)
    run = spc.run_chart(days, improvement="decrease")
    assert run.settings["chart"] == "run" and not run.special_points
    assert run.verdict == "common_cause" and any("run chart" in n for n in run.notes)
    assert not spc.tied_integers([1.5, 2.25, 1.0, 3.0, 2.0, 1.75, 2.5])


def test_run_chart_still_sees_a_long_run_off_the_median():
    values = [2] * 6 + [3, 2, 3, 2] + [1] * 8
    run = spc.run_chart(values, improvement="decrease")
    # median 2: the last eight 1s are all below it (points on the median skipped)
    assert run.verdict == "improvement" and "below the median" in run.rule


def test_crisis_episode_days_on_the_demo_is_a_run_chart(tmp_path, default_demo):
    import shutil

    from evidencebot.store.db import connect

    db = connect(shutil.copyfile(default_demo, tmp_path / "demo.db"))  # the default demo, the run's build
    r = ind.compute(db, "crisis_episode_days", "2026/27 Q2")
    assert r.spc["settings"]["chart"] == "run"
    assert r.verdict in ("common_cause", "too_few_points") or "median" in (r.spc["rule"] or "")
