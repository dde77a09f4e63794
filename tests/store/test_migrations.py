"""The schema is built only by numbered migrations, and upgrades in place."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlite_utils import Database

from evidencebot.store.db import connect
from evidencebot.store.migrations import migrations

pytestmark = pytest.mark.real_migrations  # these tests are about migrating: no template copy (tests/conftest.py)

EXPECTED_TABLES = {
    "people", "contacts", "escalations", "crisis_events", "admissions", "crisis_plans",
    "goals", "goal_reviews", "measures", "safeguarding", "incidents", "partner_comms",
    "stories", "drafts", "draft_versions", "service_changes", "targets",
}


def test_names_are_numbered_in_order():
    names = [m.name for m in migrations._migrations]
    assert names, "no migrations registered"
    numbers = [int(n[1:4]) for n in names]
    assert all(n.startswith("m") and n[4] == "_" for n in names)
    # numbers are handed out in ranges to parallel branches, so gaps are allowed; order is not
    assert numbers == sorted(set(numbers)) and numbers[0] == 1


def test_blank_database_gets_every_table(tmp_path):
    db = connect(tmp_path / "blank.db")
    assert EXPECTED_TABLES <= set(db.table_names())
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upgrade_from_first_migration_keeps_data(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    old.execute("PRAGMA foreign_keys = ON")
    second = migrations._migrations[1].name
    migrations.apply(old, stop_before=second)
    assert "stories" not in old.table_names()
    old["people"].insert({"person_id": "P1", "referral_date": "2025-01-02"})
    old["contacts"].insert(
        {"contact_id": "C1", "person_id": "P1", "contact_at": "2025-01-03T10:00",
         "kind": "planned", "attendance": "attended"}
    )
    old.close()

    db = connect(path)
    assert EXPECTED_TABLES <= set(db.table_names())
    assert db["contacts"].get("C1")["person_id"] == "P1"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert {i.name for i in db["contacts"].indexes} >= {"idx_contacts_person_at_kind", "idx_contacts_kind_attendance_at"}


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "again.db"
    connect(path).close()
    db = connect(path)
    names = [m.name for m in migrations.applied(db)]
    assert len(names) == len(set(names)) == len(migrations._migrations)


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db["contacts"].insert(
            {"contact_id": "C9", "person_id": "nobody", "contact_at": "2025-01-03",
             "kind": "planned", "attendance": "attended"}
        )


def test_story_search_stays_in_sync(db):
    db["stories"].insert({"story_id": "s1", "title": "Housing", "context": "a tenancy at risk after a benefits sanction"})
    assert [r["story_id"] for r in db["stories"].search("tenancy")] == ["s1"]
    db["stories"].update("s1", {"context": "a move to supported housing"})
    assert list(db["stories"].search("tenancy")) == []
    assert [r["story_id"] for r in db["stories"].search("supported")] == ["s1"]
    db["stories"].delete("s1")
    assert list(db["stories"].search("supported")) == []


def test_new_database_file_is_private(tmp_path):
    path = tmp_path / "private.db"
    connect(path).close()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"


def test_a_folder_or_garbage_file_is_a_clear_error(tmp_path):
    from evidencebot.errors import InputError

    with pytest.raises(InputError, match="is a folder"):
        connect(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not an evidencebot database"):
        connect(junk)


def test_story_with_impossible_front_matter_date_is_a_problem_not_a_crash(tmp_path):
    from evidencebot.store.stories import read_story_file

    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: x\ndate: 2025-13-45\n---\n## Context\nx\n")
    record, problems = read_story_file(path)
    assert any("front matter" == p.column and "YAML" in p.reason for p in problems)


def test_connect_migrates_through_the_module(monkeypatch):
    """``connect`` looks ``migrations.migrate`` up when it runs, so the test suite's migrated
    template (tests/conftest.py) is used; bound at import, it was silently bypassed."""
    from evidencebot.store import db as store_db
    from evidencebot.store import migrations

    seen = []
    real = migrations.migrate

    def spy(database, **kwargs):
        seen.append(database)
        return real(database, **kwargs)

    monkeypatch.setattr(migrations, "migrate", spy)
    database = store_db.connect(None)
    try:
        assert len(seen) == 1 and "people" in database.table_names()
    finally:
        database.close()
