"""The importers: every table with good and bad rows, all-or-nothing and partial
imports, idempotent re-imports, XLSX, encodings, a killed import and a fuzz test.

Expected values are worked out by hand from the files in tests/fixtures/import/.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidencebot.errors import InputError
from evidencebot.store import importers
from evidencebot.store.db import connect
from evidencebot.store.importers import PROBLEMS_KEPT, TABLES, import_file

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def rows(db, table, order):
    return [dict(r) for r in db.query(f"select * from [{table}] order by {order}")]


def dump(db, table):
    return sorted(tuple(r.values()) for r in db.query(f"select * from [{table}]"))


def count(db, table):
    return db.execute(f"select count(*) from [{table}]").fetchone()[0]


@pytest.fixture
def seeded(db):
    """People P001-P004 and goals G1-G3 (from the good fixture files)."""
    for table in ("people", "goals"):
        report = import_file(db, table, FIX / f"{table}_good.csv")
        assert report.committed and report.ok, [str(p) for p in report.rejected]
    return db


def write_csv(path: Path, header, data, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(data)
    return path


# ---------------------------------------------------------------------------
# Good files: what is stored
# ---------------------------------------------------------------------------

GOOD = {
    # table: (order by, number of rows, {key: {column: expected stored value}})
    "people": ("person_id", 4, {
        "P001": {"referral_date": "2025-04-01", "discharge_date": None, "age_band": "25-34",
                 "baseline_escalations_per_month": 2.0, "housing_status": "settled"},
        "P002": {"referral_date": "2025-04-03", "discharge_date": "2025-09-30",
                 "baseline_escalations_per_month": 0.5},
        "P003": {"referral_date": "2025-05-10", "baseline_escalations_per_month": None,
                 "housing_status": None},
        "P004": {"referral_date": "2025-05-10", "service": "South"},
    }),
    "contacts": ("contact_id", 8, {
        "C1": {"contact_at": "2025-04-02T09:30", "kind": "planned", "mode": "face_to_face",
               "attendance": "attended"},
        "C2": {"contact_at": "2025-04-02T14:05", "kind": "step_up", "mode": "phone", "attendance": "attended"},
        "C3": {"contact_at": "2025-04-04", "kind": "review", "mode": "video", "attendance": "late"},
        "C4": {"contact_at": "2025-04-05T10:00", "kind": "unplanned", "mode": None, "attendance": "dna"},
        "C5": {"contact_at": "2025-05-11T08:15:30", "kind": "crisis", "mode": "text",
               "attendance": "cancelled_by_person"},
        "C6": {"contact_at": "2025-05-12", "mode": "other", "attendance": "cancelled_by_service"},
        "C7": {"attendance": "dna"},
        "C8": {"kind": "planned", "mode": "face_to_face", "attendance": "cancelled_by_person"},
    }),
    "escalations": ("escalation_id", 2, {
        "E1": {"raised_at": "2025-04-10T18:00", "level": 2, "triggers": "sleep;housing",
               "warning_signs": "Not sleeping", "reviewed_at": "2025-04-11T09:00", "outcome": "resolved"},
        "E2": {"raised_at": "2025-04-11", "level": 4, "triggers": "substance", "warning_signs": None,
               "reviewed_at": None, "outcome": "crisis_referral"},
    }),
    "crisis_events": ("event_id", 3, {
        "EV1": {"setting": "a_and_e", "started_on": "2025-04-20", "ended_on": "2025-04-21"},
        "EV2": {"setting": "police_s136", "started_on": "2025-04-20", "ended_on": None},
        "EV3": {"setting": "crisis_line"},
    }),
    "admissions": ("spell_id", 3, {
        "S1": {"discharge_type": "planned", "first_followup_at": "2025-06-12T10:00",
               "housing_confirmed": 1, "engaged_within_14_days": 1, "handover_complete": 1},
        "S2": {"admitted_on": "2025-06-01", "discharged_on": None, "housing_confirmed": None},
        "S3": {"discharge_type": "transfer", "first_followup_at": "2025-07-21",
               "housing_confirmed": 0, "engaged_within_14_days": 0, "handover_complete": 0},
    }),
    "crisis_plans": ("person_id, created_on", 3, {
        ("P001", "2025-04-01"): {"reviewed_on": "2025-07-01", "easy_read": 1},
        ("P002", "2025-04-02"): {"reviewed_on": None, "easy_read": 0},
        ("P001", "2025-10-01"): {"easy_read": None},
    }),
    "goals": ("goal_id", 3, {
        "G1": {"baseline_level": -2, "weight": 2.0, "domain": "housing"},
        "G2": {"baseline_level": -1, "weight": 1.0, "description": None},  # blank cells take the defaults
        "G3": {"baseline_level": -1, "weight": 1.5},  # written with a Unicode minus sign
    }),
    "goal_reviews": ("goal_id, reviewed_on", 3, {
        ("G1", "2025-07-01"): {"level": 1},
        ("G1", "2025-10-01"): {"level": 2},
        ("G2", "2025-07-01"): {"level": -1},
    }),
    "measures": ("person_id, instrument, measured_on", 9, {
        ("P001", "PHQ-9", "2025-04-01"): {"score": 12},
        ("P001", "PHQ-9", "2025-07-01"): {"score": 8},
        ("P002", "SWEMWBS", "2025-04-01"): {"score": 19.25},
        ("P002", "DIALOG", "2025-04-01"): {"score": 4.5},
        ("P002", "ReQoL-10", "2025-04-01"): {"score": 22},
        ("P002", "CORE-10", "2025-04-01"): {"score": 0},
        ("P003", "WEMWBS", "2025-05-10"): {"score": 70},
        ("P003", "GAD-7", "2025-05-10"): {"score": 21},
        ("P003", "HoNOS", "2025-05-10"): {"score": 48},
    }),
    "safeguarding": ("concern_id", 2, {
        "SG1": {"person_id": "P001", "referred_on": "2025-05-02", "multi_agency_plan": 1},
        "SG2": {"person_id": None, "referred_on": None, "multi_agency_plan": 0, "outcome": None},
    }),
    "incidents": ("incident_id", 2, {
        "I1": {"type": "near_miss", "owner": "Team lead", "due_on": "2025-06-01", "closed_on": "2025-05-20"},
        "I2": {"type": "compliment", "occurred_on": "2025-05-03", "closed_on": None},
    }),
    "partner_comms": ("comm_id", 3, {
        "PC1": {"partner": "gp", "person_id": "P001", "days_to_send": 2},
        "PC2": {"partner": "social_care", "person_id": None, "days_to_send": 0},
        "PC3": {"partner": "voluntary", "days_to_send": None},
    }),
    "service_changes": ("changed_on", 2, {
        "2025-06-01": {"title": "New step-down pathway", "indicators": "step_up_rate;crisis_rate"},
        "2025-09-01": {"title": "Evening phone line", "indicators": None},
    }),
    "targets": ("indicator_id", 2, {
        "dna_rate": {"target": 10.0, "source": "Contract schedule 2", "comparison": "<"},
        "followup_72h": {"target": 80.0, "source": None, "comparison": None},
    }),
    "activity_plan": ("measure", 2, {
        "referrals": {"period": "2026/27 Q2", "planned": 40.0, "source": "Schedule 2"},
        "contacts_attended": {"planned": 1500.0, "source": None},
    }),
    "workforce": ("measure", 2, {
        "vacancies_wte": {"value": 1.5, "note": "two posts out to advert"},
        "supervision_held_percent": {"value": 92.0, "note": None},
    }),
    "requests": ("request_id", 1, {
        "R1": {"raised_on": "2026-08-01", "request": "Agree a shared crisis-line protocol", "status": "open"},
    }),
    "stories": ("story_id", 2, {
        "ST1": {"title": "Keeping a tenancy", "domains": "stability;safety", "goal_ids": "G1",
                # issue 18: an approval named in a file waits to be confirmed here
                "consent": "external", "consent_date": "2025-11-02", "status": "submitted",
                "approved_by": None, "approved_elsewhere_by": "Service manager", "story_date": "2025-11-20",
                "evidence": "Crisis contacts fell from 4 to 1 over six months."},
        "ST2": {"consent": "internal", "status": "draft", "approved_by": None, "story_date": None,
                "goal_ids": ""},
    }),
}


def key_of(table, row):
    order = [c.strip() for c in GOOD[table][0].split(",")]
    values = tuple(row[c] for c in order)
    return values[0] if len(values) == 1 else values


@pytest.mark.parametrize("table", list(GOOD))
def test_good_file_is_stored_as_expected(seeded, table):
    db = seeded
    order, n, expected = GOOD[table]
    before = count(db, table)
    report = import_file(db, table, FIX / f"{table}_good.csv")
    assert report.ok and report.committed, [str(p) for p in report.rejected]
    assert report.rows_read == n
    if table in ("people", "goals"):  # already imported by the fixture
        assert (report.inserted, report.updated, report.unchanged) == (0, 0, n)
    else:
        assert before == 0
        assert (report.inserted, report.updated, report.unchanged) == (n, 0, 0)
    stored = {key_of(table, r): r for r in rows(db, table, order)}
    assert set(stored) == set(expected)
    for key, columns in expected.items():
        for column, value in columns.items():
            assert stored[key][column] == value, (key, column)


@pytest.mark.parametrize("table", list(GOOD))
def test_reimport_changes_nothing(seeded, table):
    db = seeded
    first = import_file(db, table, FIX / f"{table}_good.csv")
    assert first.committed
    snapshot = dump(db, table)
    second = import_file(db, table, FIX / f"{table}_good.csv")
    assert second.committed and second.ok
    assert (second.inserted, second.updated) == (0, 0)
    assert second.unchanged == GOOD[table][1]
    assert dump(db, table) == snapshot


def test_all_tables_have_good_and_bad_fixtures():
    for table in TABLES:
        assert (FIX / f"{table}_good.csv").exists(), table
        assert (FIX / f"{table}_bad.csv").exists(), table


# ---------------------------------------------------------------------------
# Bad files: every problem reported, nothing (or only valid rows) imported
# ---------------------------------------------------------------------------

BAD = {
    # table: ({(row, column) of every problem}, number of valid rows)
    "people": ({(3, "referral_date"), (4, "discharge_date"), (5, "baseline_escalations_per_month"),
                (6, "person_id"), (7, "referral_date")}, 1),
    "contacts": ({(3, "contact_at"), (4, "kind"), (5, "person_id"), (6, "person_id"), (6, "attendance"),
                  (7, "contact_id")}, 2),
    "escalations": ({(2, "level"), (3, "triggers"), (4, "reviewed_at"), (5, "outcome")}, 1),
    "crisis_events": ({(2, "setting"), (3, "ended_on")}, 1),
    "admissions": ({(2, "housing_confirmed"), (3, "discharged_on"), (4, "discharge_type"),
                    (5, "first_followup_at")}, 1),
    "crisis_plans": ({(3, "person_id, created_on"), (4, "reviewed_on")}, 1),
    "goals": ({(2, "baseline_level"), (3, "weight"), (4, "domain")}, 1),
    "goal_reviews": ({(2, "goal_id"), (3, "level"), (4, "reviewed_on")}, 1),
    "measures": ({(2, "score"), (3, "score"), (4, "score"), (5, "instrument"),
                  (7, "person_id, instrument, measured_on"), (8, "score")}, 2),
    "safeguarding": ({(2, "person_id"), (3, "referred_on"), (4, "concern_on")}, 0),
    "incidents": ({(2, "type"), (3, "closed_on"), (4, "due_on")}, 0),
    "partner_comms": ({(2, "days_to_send"), (3, "partner"), (4, "days_to_send"), (5, "person_id")}, 0),
    "service_changes": ({(2, "title"), (3, "changed_on")}, 0),
    "targets": ({(2, "target"), (3, "indicator_id")}, 0),
    "activity_plan": ({(2, "planned"), (3, "measure")}, 0),
    "workforce": ({(2, "value"), (3, "period")}, 0),
    "requests": ({(2, "raised_on"), (3, "request")}, 0),
    "stories": ({(2, "consent"), (3, "domains"), (4, "person_id"), (5, "support_approach")}, 0),
}


@pytest.mark.parametrize("table", list(BAD))
def test_bad_file_all_or_nothing(seeded, table):
    db = seeded
    expected, valid = BAD[table]
    before = dump(db, table)
    report = import_file(db, table, FIX / f"{table}_bad.csv")
    assert not report.committed and not report.ok
    assert {(p.row, p.column) for p in report.rejected} == expected
    assert report.rejected_rows == len({row for row, _ in expected})
    assert report.valid_rows == valid
    assert (report.inserted, report.updated) == (0, 0)
    assert dump(db, table) == before  # nothing written
    for p in report.rejected:
        assert p.file.endswith(f"{table}_bad.csv") and p.reason


@pytest.mark.parametrize("table", list(BAD))
def test_bad_file_partial_writes_rejects(seeded, table, tmp_path):
    db = seeded
    expected, valid = BAD[table]
    source = shutil.copy(FIX / f"{table}_bad.csv", tmp_path / f"{table}.csv")
    before = count(db, table)
    report = import_file(db, table, source, partial=True)
    assert report.committed and not report.ok
    assert report.rejects_path == str(tmp_path / f"{table}.rejected.csv")
    assert count(db, table) - before == report.inserted
    assert report.inserted + report.updated + report.unchanged == valid
    with open(report.rejects_path, encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    with open(source, encoding="utf-8", newline="") as f:
        original = list(csv.reader(f))
    assert rejected[0] == original[0] + ["reason"]
    bad_rows = sorted({row for row, _ in expected})
    assert [r[:-1] for r in rejected[1:]] == [original[row - 1] for row in bad_rows]
    for line, row in zip(rejected[1:], bad_rows):
        for bad_row, column in expected:
            if bad_row == row:
                assert f"{column}:" in line[-1]


def test_contacts_problem_reasons(seeded):
    report = import_file(seeded, "contacts", FIX / "contacts_bad.csv")
    reasons = {(p.row, p.column): (p.value, p.reason) for p in report.rejected}
    assert reasons[(3, "contact_at")] == ("31/02/2025", "bad date: day 31 does not exist (February 2025 has 28 days)")
    assert reasons[(4, "kind")][0] == "visit" and reasons[(4, "kind")][1].startswith("unknown code (allowed: planned")
    assert reasons[(5, "person_id")] == ("P999", "unknown person: not in the database (import people first)")
    assert reasons[(6, "person_id")] == ("", "missing required value")
    assert reasons[(6, "attendance")][0] == "1"
    assert reasons[(7, "contact_id")] == ("C1", "duplicate id in the file (also on row 2)")
    text = str(report.rejected[0])
    assert "contacts_bad.csv row 3, column contact_at: '31/02/2025': bad date" in text


def test_measures_score_reasons(seeded):
    report = import_file(seeded, "measures", FIX / "measures_bad.csv")
    reasons = {p.row: p.reason for p in report.rejected}
    assert reasons[2] == "out-of-range score: PHQ-9 scores run from 0 to 27"
    assert reasons[3] == "out-of-range score: WEMWBS scores run from 14 to 70"
    assert reasons[4] == "out-of-range score: GAD-7 scores are whole numbers"
    assert reasons[8] == "out-of-range score: DIALOG scores run from 1 to 7"
    # "Phq9" and "PHQ-9" on the same day for the same person are the same measurement
    assert "duplicate" in reasons[7]


def test_rows_after_the_first_batch_are_rolled_back(seeded, tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "BATCH_ROWS", 10)
    data = [[f"K{i}", "P001", "2025-04-01", "planned", "", "attended"] for i in range(95)]
    data.append(["K95", "P001", "2025-04-01", "planned", "", "maybe"])
    path = write_csv(tmp_path / "c.csv", ["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"], data)
    report = import_file(seeded, "contacts", path)
    assert not report.committed
    assert [(p.row, p.column) for p in report.rejected] == [(97, "attendance")]
    assert count(seeded, "contacts") == 0
    report = import_file(seeded, "contacts", path, partial=True, rejects_path=tmp_path / "r.csv")
    assert report.inserted == 95 and count(seeded, "contacts") == 95


def test_all_problems_counted_but_report_bounded(seeded, tmp_path):
    n = PROBLEMS_KEPT + 50
    data = [[f"K{i}", "P001", "not a date", "planned", "", "attended"] for i in range(n)]
    path = write_csv(tmp_path / "c.csv", ["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"], data)
    report = import_file(seeded, "contacts", path)
    assert report.rejected_rows == n and report.problem_count == n
    assert len(report.rejected) == PROBLEMS_KEPT


# ---------------------------------------------------------------------------
# Upserts
# ---------------------------------------------------------------------------


def test_changed_row_is_updated_and_counted(seeded, tmp_path):
    import_file(seeded, "contacts", FIX / "contacts_good.csv")
    text = (FIX / "contacts_good.csv").read_text().replace("C4,P002,2025-04-05 10:00:00,unplanned,,3",
                                                            "C4,P002,2025-04-05 10:00:00,unplanned,,5")
    changed = tmp_path / "contacts.csv"
    changed.write_text(text + "C9,P001,2025-06-01,review,phone,attended\n")
    report = import_file(seeded, "contacts", changed)
    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 7)
    assert seeded["contacts"].get("C4")["attendance"] == "attended"


def test_absent_optional_column_is_left_alone(seeded, tmp_path):
    import_file(seeded, "contacts", FIX / "contacts_good.csv")
    path = write_csv(tmp_path / "c.csv", ["contact_id", "person_id", "contact_at", "kind", "attendance"],
                     [["C1", "P001", "2025-04-02T09:30", "planned", "dna"]])
    report = import_file(seeded, "contacts", path)
    assert report.updated == 1
    row = seeded["contacts"].get("C1")
    assert row["attendance"] == "dna" and row["mode"] == "face_to_face"


def test_goal_defaults_when_columns_absent(seeded, tmp_path):
    path = write_csv(tmp_path / "g.csv", ["goal_id", "person_id", "domain", "set_on"],
                     [["G8", "P002", "sleep", "2025-05-01"]])
    assert import_file(seeded, "goals", path).inserted == 1
    row = seeded["goals"].get("G8")
    assert row["baseline_level"] == -1 and row["weight"] == 1.0


def test_service_changes_match_on_date_and_title(db, tmp_path):
    import_file(db, "service_changes", FIX / "service_changes_good.csv")
    path = write_csv(tmp_path / "s.csv", ["changed_on", "title", "description"],
                     [["2025-06-01", "New step-down pathway", "Now with peer workers"]])
    report = import_file(db, "service_changes", path)
    assert (report.inserted, report.updated) == (0, 1)
    assert count(db, "service_changes") == 2
    assert db.execute("select description from service_changes where changed_on='2025-06-01'").fetchone()[0] \
        == "Now with peer workers"


# ---------------------------------------------------------------------------
# Headers, delimiters, encodings
# ---------------------------------------------------------------------------


def test_header_case_spaces_and_mhsds_alias(seeded, tmp_path):
    path = write_csv(tmp_path / "c.csv", ["CONTACT ID", " Person Id ", "Contact-At", "KIND", "Mode", "AttendOrDNACode"],
                     [["C1", "P001", "01/04/2025 09:00", "Planned", "Telephone", "6"]])
    report = import_file(seeded, "contacts", path)
    assert report.ok and report.inserted == 1 and not report.warnings
    assert seeded["contacts"].get("C1") == {
        "contact_id": "C1", "person_id": "P001", "contact_at": "2025-04-01T09:00",
        "kind": "planned", "mode": "phone", "attendance": "late",
    }


def test_unknown_columns_are_ignored_with_a_warning(seeded, tmp_path):
    path = write_csv(tmp_path / "c.csv", ["contact_id", "person_id", "contact_at", "kind", "attendance", "Staff", "Notes"],
                     [["C1", "P001", "2025-04-01", "planned", "attended", "Sam", "free text"]])
    report = import_file(seeded, "contacts", path)
    assert report.inserted == 1
    assert len(report.warnings) == 1 and "Staff, Notes" in report.warnings[0]


def test_missing_required_columns_is_a_file_error(seeded, tmp_path):
    path = write_csv(tmp_path / "c.csv", ["contact_id", "contact_at", "kind"], [["C1", "2025-04-01", "planned"]])
    with pytest.raises(InputError) as exc:
        import_file(seeded, "contacts", path)
    message = str(exc.value)
    assert "missing required columns person_id, attendance" in message and "\n" not in message
    assert exc.value.exit_code == 2


def test_two_headers_for_one_column(seeded, tmp_path):
    path = write_csv(tmp_path / "p.csv", ["person_id", "Person ID", "referral_date"], [["P9", "P9", "2025-01-01"]])
    with pytest.raises(InputError, match="both mean person_id"):
        import_file(seeded, "people", path)


def test_semicolons_bom_and_blank_rows(db, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("\ufeffperson_id;referral_date;service\r\nP1;01/04/2025;Nord\u00e9\r\n;;\r\n\r\nP2;2025-04-02;x\r\n"
                     .encode("utf-8"))
    report = import_file(db, "people", path)
    assert report.ok and report.rows_read == 2 and report.inserted == 2
    assert db["people"].get("P1")["service"] == "Nord\u00e9"


def test_quoted_newlines_keep_spreadsheet_row_numbers(db, tmp_path):
    path = write_csv(tmp_path / "i.csv", ["incident_id", "occurred_on", "type", "summary"],
                     [["I1", "2025-01-01", "incident", "line one\nline two"],
                      ["I2", "2025-01-02", "nope", "x"]])
    report = import_file(db, "incidents", path)
    assert [(p.row, p.column) for p in report.rejected] == [(3, "type")]


def test_extra_cells_beyond_the_header(db, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("indicator_id,target,source\ndna_rate,10,Schedule 2, part 3\n")
    report = import_file(db, "targets", path)
    assert [(p.row, p.value) for p in report.rejected] == [(2, " part 3")]
    assert "more cells than the header" in report.rejected[0].reason


def test_not_utf8_is_a_file_error_and_nothing_is_kept(seeded, tmp_path):
    lines = ["contact_id,person_id,contact_at,kind,mode,attendance"]
    lines += [f"K{i},P001,2025-04-01,planned,,attended" for i in range(3000)]
    lines.append("K3000,P001,2025-04-01,planned,\u00a3 phone,attended")  # a pound sign in Windows-1252
    path = tmp_path / "c.csv"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    with pytest.raises(InputError) as exc:
        import_file(seeded, "contacts", path, partial=True)
    assert "not UTF-8" in str(exc.value) and "line 3002" in str(exc.value) and "0xa3" in str(exc.value)
    assert count(seeded, "contacts") == 0
    assert not (tmp_path / "c.rejected.csv").exists()


def test_utf16_empty_and_missing_files(db, tmp_path):
    utf16 = tmp_path / "u.csv"
    utf16.write_text("person_id,referral_date\nP1,2025-01-01\n", encoding="utf-16")
    with pytest.raises(InputError, match="UTF-16"):
        import_file(db, "people", utf16)
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        import_file(db, "people", empty)
    with pytest.raises(InputError, match="no such file"):
        import_file(db, "people", tmp_path / "missing.csv")
    with pytest.raises(InputError, match="is a folder"):
        import_file(db, "people", tmp_path)
    with pytest.raises(InputError, match="unknown table 'persons'"):
        import_file(db, "persons", empty)


def test_rejects_file_may_not_overwrite_the_input(db, tmp_path):
    path = shutil.copy(FIX / "people_bad.csv", tmp_path / "p.csv")
    with pytest.raises(InputError, match="overwrite"):
        import_file(db, "people", path, partial=True, rejects_path=path)


def test_rejects_file_is_private(db, tmp_path):
    path = shutil.copy(FIX / "people_bad.csv", tmp_path / "p.csv")
    report = import_file(db, "people", path, partial=True)
    assert os.stat(report.rejects_path).st_mode & 0o077 == 0


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------


def make_workbook(path: Path, sheets: dict[str, list[list]]):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, data in sheets.items():
        sheet = book.create_sheet(name)
        for row in data:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_with_native_cells(seeded, tmp_path):
    path = make_workbook(tmp_path / "export.xlsx", {"Admissions": [
        ["Spell ID", "Person ID", "Admitted On", "Discharged On", "Discharge Type", "First Followup At",
         "Housing Confirmed", "Engaged Within 14 Days", "Handover Complete"],
        ["S1", "P001", dt.datetime(2025, 6, 1), dt.date(2025, 6, 10), "Planned", dt.datetime(2025, 6, 12, 10, 30),
         True, "no", 1],
        [None, None, None, None, None, None, None, None, None],  # blank row: skipped
        [42, "P002", "01/07/2025", None, None, None, False, None, 0.0],
        ["S3", "P002", "2025-07-01", None, "fled", None, None, None, None],
    ]})
    report = import_file(seeded, "admissions", path)
    assert [(p.row, p.column, p.value) for p in report.rejected] == [(5, "discharge_type", "fled")]
    report = import_file(seeded, "admissions", path, partial=True)
    assert report.inserted == 2
    s1 = seeded["admissions"].get("S1")
    assert (s1["admitted_on"], s1["discharged_on"], s1["first_followup_at"]) == ("2025-06-01", "2025-06-10", "2025-06-12T10:30")
    assert (s1["housing_confirmed"], s1["engaged_within_14_days"], s1["handover_complete"]) == (1, 0, 1)
    s42 = seeded["admissions"].get("42")  # a numeric id cell becomes the text "42", not "42.0"
    assert s42["admitted_on"] == "2025-07-01" and s42["housing_confirmed"] == 0 and s42["handover_complete"] == 0
    with open(report.rejects_path, encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    assert rejected[1][0] == "S3" and rejected[1][-1].startswith("discharge_type: unknown code")


def test_xlsx_picks_the_sheet_named_after_the_table(db, tmp_path):
    path = make_workbook(tmp_path / "book.xlsx", {
        "Notes": [["nothing", "here"]],
        "Targets": [["indicator_id", "target"], ["dna_rate", 12.5]],
    })
    report = import_file(db, "targets", path)
    assert report.ok and report.inserted == 1 and not report.warnings
    assert db["targets"].get("dna_rate")["target"] == 12.5


def test_broken_xlsx_is_a_file_error(db, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(InputError, match="not a readable XLSX"):
        import_file(db, "people", path)
    with pytest.raises(InputError, match=".xls files"):
        old = tmp_path / "old.xls"
        old.write_bytes(b"\xd0\xcf\x11\xe0")
        import_file(db, "people", old)


# ---------------------------------------------------------------------------
# Stories from Markdown
# ---------------------------------------------------------------------------


def test_story_folder(seeded, tmp_path):
    folder = shutil.copytree(FIX / "stories_md", tmp_path / "stories")
    report = import_file(seeded, "stories", folder)
    assert not report.committed
    assert {(Path(p.file).name, p.column) for p in report.rejected} == {
        ("unfinished.md", "delivery"), ("unfinished.md", "evidence")}
    assert all(p.row is None for p in report.rejected)
    report = import_file(seeded, "stories", folder, partial=True)
    assert report.inserted == 1 and report.rejects_path == str(tmp_path / "stories.rejected.csv")
    story = seeded["stories"].get("tenancy")
    assert story["story_date"] == "2025-11-20" and story["approved_elsewhere_at"] == "2025-11-20"
    assert story["status"] == "submitted" and story["approved_elsewhere_by"] == "Service manager"
    assert story["consent"] == "external" and story["domains"] == "stability;safety"
    assert story["created_at"] and story["created_at"] == story["updated_at"]
    assert seeded.execute("select count(*) from stories_fts where stories_fts match 'arrears'").fetchone()[0] == 1
    again = import_file(seeded, "stories", folder / "tenancy.md")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)
    assert seeded["stories"].get("tenancy")["updated_at"] == story["updated_at"]


def test_story_with_impossible_yaml_date_is_rejected_not_a_crash(seeded, tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    shutil.copy(FIX / "stories_md" / "tenancy.md", folder / "tenancy.md")
    (folder / "odd.md").write_text("---\ntitle: Odd\nconsent_date: 2025-13-45\n---\n## Context\nx\n")
    report = import_file(seeded, "stories", folder, partial=True)
    assert report.inserted == 1 and report.rejected_rows == 1
    assert {Path(p.file).name for p in report.rejected} == {"odd.md"}
    assert report.rejected[0].column == "front matter" and "YAML" in report.rejected[0].reason


def test_a_bug_while_reading_a_story_file_is_not_a_rejected_row(seeded, tmp_path, monkeypatch):
    # before session 18 any exception in the story reader (not only a file it could not read) became a
    # "front matter: cannot read the story" rejected row, and the import went on
    folder = tmp_path / "stories"
    folder.mkdir()
    shutil.copy(FIX / "stories_md" / "tenancy.md", folder / "tenancy.md")

    def bug(path):
        raise TypeError("a bug in the reader")

    monkeypatch.setattr(importers, "read_story_file", bug)
    with pytest.raises(TypeError, match="a bug in the reader"):
        import_file(seeded, "stories", folder, partial=True)
    assert seeded["stories"].count == 0


def test_story_edit_keeps_created_at(seeded, tmp_path, monkeypatch):
    path = shutil.copy(FIX / "stories_md" / "tenancy.md", tmp_path / "tenancy.md")
    monkeypatch.setattr(importers, "_now", lambda: "2025-01-01T10:00:00")
    import_file(seeded, "stories", path)
    Path(path).write_text(Path(path).read_text().replace("Weekly visits", "Twice-weekly visits"))
    monkeypatch.setattr(importers, "_now", lambda: "2025-02-01T10:00:00")
    report = import_file(seeded, "stories", path)
    assert report.updated == 1
    story = seeded["stories"].get("tenancy")
    assert story["created_at"] == "2025-01-01T10:00:00" and story["updated_at"] == "2025-02-01T10:00:00"
    assert story["support_approach"].startswith("Twice-weekly")


# ---------------------------------------------------------------------------
# Progress, a killed process, fuzzing
# ---------------------------------------------------------------------------


def test_progress_reports_bytes(seeded):
    calls = []
    import_file(seeded, "contacts", FIX / "contacts_good.csv", progress=lambda done, total: calls.append((done, total)))
    size = (FIX / "contacts_good.csv").stat().st_size
    assert calls and calls[-1] == (size, size)
    assert all(0 <= done <= total == size for done, total in calls)


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    db = connect(sys.argv[1])
    calls = [0]

    def progress(done, total):
        calls[0] += 1
        if calls[0] == 5:  # about 8,000 rows read, the first 5,000 written (uncommitted)
            seen = db.execute("select count(*) from contacts").fetchone()[0]
            print(f"writing {seen}", flush=True)

    import_file(db, "contacts", sys.argv[2], progress=progress)
    print("finished", flush=True)
""")


@pytest.mark.slow
def test_killed_import_leaves_the_database_as_it_was(tmp_path):
    path = tmp_path / "kill.db"
    db = connect(path)
    import_file(db, "people", FIX / "people_good.csv")
    import_file(db, "contacts", FIX / "contacts_good.csv")
    before = {t: count(db, t) for t in ("people", "contacts")}
    db.close()
    big = write_csv(tmp_path / "big.csv", ["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"],
                    ([f"K{i:07d}", f"P00{1 + i % 4}", "2025-04-01T10:00", "planned", "phone", "attended"]
                     for i in range(300_000)))
    env = dict(os.environ, PYTHONPATH=str(Path(importers.__file__).parents[2]))
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path), str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        line = proc.stdout.readline().decode()
        assert line.startswith("writing"), line + proc.stderr.read().decode()
        assert int(line.split()[1]) > before["contacts"]  # rows really were written inside the transaction
        time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL  # killed, not finished
    db = connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {t: count(db, t) for t in before} == before
        assert db.execute("select count(*) from contacts where contact_id like 'K%'").fetchone()[0] == 0
    finally:
        db.close()


PLAUSIBLE = [
    "", " ", "P001", "P999", "G1", "2025-04-01", "01/04/2025", "31/02/2025", "2025-04-01T09:30",
    "yes", "no", "maybe", "5", "7", "-2", "3", "0", "27", "28", "1e309", "nan", "A&E", "Face to face",
    "PHQ-9", "dialog", "sleep;housing", "planned", "attended", "gp", "near miss", "\u2212", "\ufeff",
    "\"", "a,b", "line\nbreak", "\x00",
]
cells = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=15),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(list(TABLES)),
    data=st.lists(st.lists(cells, max_size=12), max_size=6),
    partial=st.booleans(),
)
def test_fuzzed_rows_never_crash(tmp_path_factory, table, data, partial):
    folder = tmp_path_factory.mktemp("fuzz")
    path = write_csv(folder / "in.csv", list(TABLES[table].names), data)
    db = connect(None)
    db["people"].insert({"person_id": "P001", "referral_date": "2025-01-01"})
    db["goals"].insert({"goal_id": "G1", "person_id": "P001", "domain": "d", "set_on": "2025-01-01"})
    try:
        report = import_file(db, table, path, partial=partial)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    finally:
        db.conn.rollback()
    assert report.rows_read == report.valid_rows + report.rejected_rows
    if report.committed:
        assert report.inserted + report.updated + report.unchanged == report.valid_rows
    else:
        assert report.rejected_rows > 0 and not partial
    for problem in report.rejected:
        assert isinstance(problem.row, int) and problem.row >= 2 and problem.column and problem.reason
        assert str(problem)
    db.close()


def test_docs_describe_every_column_and_code():
    text = (Path(__file__).resolve().parents[2] / "docs" / "import.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        assert f"### {name}" in text, name
        for column in spec.columns:
            assert f"| {column.name}" in text, (name, column.name)
            codes = getattr(column.parse, "codes", column.parse)
            for code in getattr(codes, "allowed", ()):
                assert f"`{code}`" in text, (name, column.name, code)
    for instrument in importers.V.INSTRUMENTS:
        assert f"`{instrument}`" in text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["people", "contacts", "measures", "stories"]),
    header=st.lists(st.one_of(cells, st.sampled_from(["person_id", "Person ID", "referral_date", "contact_id"])),
                    max_size=8),
    data=st.lists(st.lists(cells, max_size=8), max_size=3),
    raw=st.one_of(st.none(), st.binary(max_size=120)),
)
def test_fuzzed_headers_and_bytes_never_crash(tmp_path_factory, table, header, data, raw):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "in.csv"
    if raw is None:
        write_csv(path, header, data)
    else:
        path.write_bytes(raw)
    db = connect(None)
    try:
        report = import_file(db, table, path, partial=True)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert report.committed
        assert report.rows_read == report.inserted + report.updated + report.unchanged + report.rejected_rows
    finally:
        db.close()


def test_code_tables_read_every_alias_as_before():
    """The code tables written one line per code (issue 17) read what the alias dicts read."""
    assert [importers.ATTENDANCE(t) for t in ("Did not attend", "did-not-attend", "7", "5", "Arrived late but seen")] == [
        "dna", "dna", "dna", "attended", "late"]
    assert [importers.SETTINGS(t) for t in ("A&E", "ED", "CRHT", "Section 136")] == [
        "a_and_e", "a_and_e", "crisis_team", "police_s136"]
    assert [importers.PARTNERS(t) for t in ("CRHT", "VCSE")] == ["crisis_team", "voluntary"]
    assert [importers.TARGET_COMPARISONS(t) for t in ("=>", "at most", "<")] == [">=", "<=", "<"]
    assert importers.KINDS("step-up") == "step_up" and importers.DISCHARGE_TYPES("Self discharge") == "unplanned"
    assert importers.ATTENDANCE.allowed == ("attended", "dna", "cancelled_by_person", "cancelled_by_service", "late")
    goals = importers.TABLES["goals"]
    assert [(c.name, c.default) for c in goals.columns if c.default is not None] == [
        ("baseline_level", -1), ("weight", 1.0)]
    assert importers.TABLES["service_changes"].key == ("changed_on", "title")
