"""Crisis plan reviews as history (migration m010): existing plans keep their review
as the first history row, every later review date is kept, and the indicator reads
the plan as it stood at each month end."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from evidencebot.metrics import indicators as ind
from evidencebot.store.db import connect
from evidencebot.store.migrations import migrations


def test_upgrade_turns_each_current_plan_into_its_first_review_row(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    old.execute("PRAGMA foreign_keys = ON")
    migrations.apply(old, stop_before="m010_crisis_plan_reviews")
    old["people"].insert_all([{"person_id": p, "referral_date": "2025-01-01"} for p in ("A", "B")])
    old["crisis_plans"].insert_all([
        {"person_id": "A", "created_on": "2025-01-05", "reviewed_on": "2025-04-01"},
        {"person_id": "B", "created_on": "2025-01-10", "reviewed_on": None},
    ])
    old.conn.commit()
    old.close()
    db = connect(path)
    rows = [tuple(r) for r in db.execute("select person_id, created_on, reviewed_on from crisis_plan_reviews")]
    assert rows == [("A", "2025-01-05", "2025-04-01")]
    assert db["crisis_plans"].count == 2  # nothing lost


def test_a_new_review_date_adds_history_and_keeps_the_old_one(db):
    db["people"].insert({"person_id": "A", "referral_date": "2025-01-01"})
    db["crisis_plans"].insert({"person_id": "A", "created_on": "2025-01-05", "reviewed_on": "2025-04-01"})
    db["crisis_plans"].update(("A", "2025-01-05"), {"reviewed_on": "2025-10-01"})
    dates = [r[0] for r in db.execute("select reviewed_on from crisis_plan_reviews order by 1")]
    assert dates == ["2025-04-01", "2025-10-01"]


def test_the_plan_is_read_as_it_stood_at_each_month_end(db):
    # plan written Jan 2025, reviewed Jun 2025 and Dec 2025; the latest review alone
    # (Dec) would make Jul-Nov look stale; with the history it is current all year
    db["people"].insert({"person_id": "A", "referral_date": "2025-01-01"})
    db["crisis_plans"].insert({"person_id": "A", "created_on": "2025-01-05", "reviewed_on": "2025-06-10"})
    db["crisis_plans"].update(("A", "2025-01-05"), {"reviewed_on": "2025-12-10"})
    db["contacts"].insert({"contact_id": "end", "person_id": "A", "contact_at": "2025-12-31T10:00",
                           "kind": "unplanned", "attendance": "cancelled_by_service"})
    for month in ("2025-06", "2025-09", "2025-11", "2025-12"):
        r = ind.compute(db, "crisis_plan_current", month)
        assert (r.numerator, r.denominator) == (1, 1), month


def test_case_review_prompt_reads_the_plan_history(db):
    from evidencebot.metrics.patterns import find_patterns

    # reviewed in August 2025 and again in February 2026: at the end of 2025-Q4 the plan
    # was current (August is inside the six months), though its latest review is later
    db["people"].insert({"person_id": "A", "referral_date": "2025-01-01"})
    db["crisis_plans"].insert({"person_id": "A", "created_on": "2025-01-05", "reviewed_on": "2025-08-10"})
    db["crisis_plans"].update(("A", "2025-01-05"), {"reviewed_on": "2026-02-10"})
    db["crisis_events"].insert({"event_id": "E1", "person_id": "A", "started_on": "2025-11-03",
                                "ended_on": "2025-11-03", "setting": "a_and_e"})
    report = find_patterns(db, "2025-Q4")
    codes = [r.code for p in report.people if p.person_id == "A" for r in p.reasons]
    assert "crisis_no_plan" not in codes
