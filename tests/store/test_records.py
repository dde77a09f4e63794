"""store.records: the named queries the narratives read the service's records through."""

from __future__ import annotations

import datetime as dt

from evidencebot.store import records

Q = ("2026-07-01", "2026-09-30")


def _people_and_contacts(db) -> None:
    db["people"].insert_all([
        {"person_id": "P1", "referral_date": "2026-05-01", "discharge_date": None},
        {"person_id": "P2", "referral_date": "2026-07-10", "discharge_date": "2026-09-30"},
        {"person_id": "P3", "referral_date": "2026-08-01", "discharge_date": ""},
        {"person_id": "P4", "referral_date": "2026-06-01", "discharge_date": "2026-06-30"},
    ])
    db["contacts"].insert_all([
        {"person_id": "P2", "contact_at": "2026-07-09T10:00", "kind": "planned", "attendance": "attended"},
        {"person_id": "P2", "contact_at": "2026-07-15T10:00", "kind": "planned", "attendance": "dna"},
        {"person_id": "P2", "contact_at": "2026-07-20T10:00", "kind": "review", "attendance": "late"},
        {"person_id": "P1", "contact_at": "2026-08-02T10:00", "kind": "unplanned", "attendance": "attended"},
        {"person_id": "P1", "contact_at": "2026-08-03T10:00", "kind": "planned", "attendance": "cancelled"},
    ])


def test_activity_counts_caseload_and_first_contacts(db):
    _people_and_contacts(db)
    assert records.activity_counts(db, *Q) == {
        "caseload_start": 1,  # P1 (P4 left before the quarter, P2 and P3 came later)
        "caseload_end": 2,  # P1 and P3: P2 left on the last day
        "referrals": 2, "discharges": 1, "contacts_attended": 3, "contacts_planned": 3, "unplanned": 1}
    assert records.caseload(db, *Q) == 3  # P1, P2, P3 at some time in the quarter
    # P2's first attended contact on or after referral is the late review; P3 is still waiting
    assert sorted(records.first_contacts(db, *Q), key=str) == [("2026-07-10", "2026-07-20"), ("2026-08-01", None)]


def test_incident_actions_by_period(db):
    db["incidents"].insert_all([
        {"incident_id": "I1", "occurred_on": "2026-07-05", "type": "fall", "learning": "Check rails.",
         "action": "Fit rails", "due_on": "2026-08-01", "closed_on": "2026-07-30"},
        {"incident_id": "I2", "occurred_on": "2026-06-05", "type": "medication", "learning": " ",
         "action": "Audit charts", "due_on": "2026-10-15", "closed_on": None},
        {"incident_id": "I3", "occurred_on": "2026-09-01", "type": "fall", "action": "", "due_on": None},
    ])
    assert [r["incident_id"] for r in records.incidents(db, *Q)] == ["I3", "I1"]  # newest first
    assert [r["incident_id"] for r in records.incidents(db, *Q, with_learning=True)] == ["I1"]
    assert [r["incident_id"] for r in records.actions_open_at(db, Q[1])] == ["I2"]
    assert [r["incident_id"] for r in records.actions_due_or_open(db, *Q)] == ["I1", "I2"]
    assert records.open_action_texts(db) == ["Audit charts"]


def test_optional_tables_read_as_none_or_empty_when_missing(db):
    db["workforce"].insert({"period": "2026/27 Q2", "measure": "supervision_pct", "value": 91.0})
    db["activity_plan"].insert({"period": "2026/27 Q2", "measure": "referrals", "planned": 40})
    db["requests"].insert_all([{"raised_on": "2026-08-01", "request": "More rooms", "status": "open"},
                               {"raised_on": "2026-08-02", "request": "Old", "status": "closed"}])
    db["targets"].insert({"indicator_id": "followup_72h", "target": 80})
    assert records.workforce(db, "2026/27 Q2")[0]["value"] == 91.0
    assert records.activity_plan(db, "2026/27 Q2") == {"referrals": 40}
    assert [r["request"] for r in records.open_requests(db, Q[1])] == ["More rooms"]
    assert records.targets(db) == {"followup_72h": 80}
    for table in ("workforce", "activity_plan", "requests", "targets"):
        db[table].drop()
    assert records.workforce(db, "2026/27 Q2") is None and records.activity_plan(db, "x") is None
    assert records.open_requests(db, Q[1]) is None
    assert records.targets(db) == {} and records.target_rows(db) == []
    assert records.workforce_rows(db) == [] and records.activity_plan_rows(db) == []


def test_the_engines_shared_reads(db):
    from evidencebot.store import indicator_reads as reads

    assert reads.latest_record_day(db) is None and reads.earliest_record_day(db) is None
    _people_and_contacts(db)
    db["escalations"].insert({"person_id": "P1", "raised_at": "2026-10-02T09:00", "level": 1})
    db["contacts"].insert({"person_id": "P1", "contact_at": "0026-08-02T10:00", "kind": "planned",
                           "attendance": "attended"})  # a typing slip in the year: not the first day
    assert reads.latest_record_day(db) == "2026-10-02" and reads.earliest_record_day(db) == "2026-07-09"
    days = {pid: (ref, out) for pid, ref, out, _ in reads.people_days(db)}
    assert days["P1"] == (dt.date(2026, 5, 1).toordinal(), None)
    assert days["P4"] == (dt.date(2026, 6, 1).toordinal(), dt.date(2026, 6, 30).toordinal())
    assert days["P3"][1] is None  # a blank discharge date is no discharge
    # the indicator queries are written for this one (created by a migration)
    assert ("kind", "attendance", "contact_at", "person_id") in reads.index_columns(db, "contacts")
    db["targets"].insert({"indicator_id": "followup_72h", "target": 80, "comparison": ">="})
    assert reads.targets_with_comparison(db) == {"followup_72h": (80, ">=")}
