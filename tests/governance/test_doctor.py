"""``evidencebot doctor``: finds each kind of problem, explains the fix, and --fix repairs it."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.store import doctor
from evidencebot.store.db import connect
from evidencebot.store.search import save_story_draft

from .conftest import FOUR_PARTS


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "doc.db"
    db = connect(p)
    db["people"].insert({"person_id": "P1", "referral_date": "2025-01-01"})
    for i in range(5):
        save_story_draft(db, f"S{i}", {**FOUR_PARTS, "context": f"context number {i} about housing"})
    db.close()
    return p


def run(path, *extra):
    return CliRunner().invoke(cli, ["doctor", "--db", str(path), *extra])


def problems(path):
    return {c.name: c for c in doctor.diagnose(path) if c.problem}


def test_healthy_database(path):
    result = run(path)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("healthy")
    for name in ("integrity", "foreign keys", "story search index", "bid library search index",
                 "permissions", "journal", "schema", "audit"):
        assert name in result.output


def _raw(path):
    conn = sqlite3.connect(path)
    return conn


def test_story_search_index_out_of_step_is_found_and_rebuilt(path):
    conn = _raw(path)
    # a row deleted behind the index's back (triggers dropped): the index still holds it
    conn.execute("DROP TRIGGER stories_ad")
    conn.executescript("DROP TRIGGER audit_stories_delete; DELETE FROM stories WHERE story_id = 'S1';")
    conn.commit()
    conn.close()
    found = problems(path)
    assert "story search index" in found
    assert "holds 5 rows but stories has 4" in found["story search index"].detail
    assert "stories_ad missing" in found["story search index"].detail
    result = run(path)
    assert result.exit_code == 1
    assert "run 'evidencebot doctor --fix' to rebuild the story search index" in result.output
    fixed = run(path, "--fix")
    assert "rebuilt the story search index" in fixed.output
    assert "put back the audit and workflow triggers" in fixed.output
    assert fixed.exit_code == 0, fixed.output
    db = connect(path)
    db.execute("INSERT INTO stories_fts(stories_fts) VALUES('integrity-check')")
    assert sorted(r["story_id"] for r in db["stories"].search("number")) == ["S0", "S2", "S3", "S4"]
    db["stories"].delete("S2")  # the delete trigger is back: the index follows
    assert sorted(r["story_id"] for r in db["stories"].search("number")) == ["S0", "S3", "S4"]
    db.close()


def test_corrupted_fts_content_is_found_and_rebuilt(path):
    conn = _raw(path)
    conn.execute("DROP TRIGGER stories_au")
    conn.commit()
    conn.close()
    db = connect(path, migrate=False)
    db.execute("DROP TRIGGER IF EXISTS workflow_story_text_changed")
    db.execute("UPDATE stories SET context = 'entirely different words' WHERE story_id = 'S2'")
    db.conn.commit()
    db.close()
    found = problems(path)
    assert "story search index" in found
    assert "1 stories rows are indexed with old text" in found["story search index"].detail
    assert "audit" in found  # two triggers are missing
    result = run(path, "--fix")
    assert result.exit_code == 0, result.output
    db = connect(path)
    assert [r["story_id"] for r in db["stories"].search("entirely")] == ["S2"]
    db.close()


def test_loose_permissions_are_found_and_fixed(path):
    os.chmod(path, 0o644)
    result = run(path)
    assert result.exit_code == 1 and "other users can read health data" in result.output
    assert "doc.db is 644" in result.output
    assert run(path, "--fix").exit_code == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_not_wal_is_found_and_fixed(path):
    conn = _raw(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    assert "journal" in problems(path)
    assert run(path, "--fix").exit_code == 0
    conn = _raw(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_pending_migration_is_found_and_applied_with_a_backup(tmp_path, isolated_home):
    from sqlite_utils import Database

    from evidencebot.store import backup
    from evidencebot.store.migrations import migrations

    old_path = tmp_path / "old.db"
    old = Database(sqlite3.connect(old_path))
    migrations.apply(old, stop_before="m007_governance")
    old.execute("PRAGMA journal_mode = WAL")
    old.close()
    os.chmod(old_path, 0o600)
    found = problems(old_path)
    assert "schema" in found and "m007_governance" in found["schema"].detail
    assert "audit" in found and "older than m007" in found["audit"].detail
    result = run(old_path)
    assert result.exit_code == 1 and "a backup is taken first" in result.output
    fixed = run(old_path, "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "applied migrations: m007_governance" in fixed.output
    assert len(backup.automatic_backups(old_path)) == 1


def test_missing_audit_trigger_is_found_and_put_back(path):
    conn = _raw(path)
    conn.execute("DROP TRIGGER audit_facts_insert")
    conn.commit()
    conn.close()
    result = run(path)
    assert result.exit_code == 1 and "audit_facts_insert" in result.output
    assert "changes are not being recorded" in result.output
    assert run(path, "--fix").exit_code == 0


def test_foreign_key_problem_is_explained(path):
    conn = _raw(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO contacts (contact_id, person_id, contact_at, kind, attendance) "
                 "VALUES ('C1', 'P404', '2025-01-01', 'planned', 'attended')")
    conn.commit()
    conn.close()
    result = run(path)
    assert result.exit_code == 1
    assert "1 contacts rows point at missing people" in result.output
    assert "import the missing people" in result.output


def test_damaged_index_is_rebuilt(path):
    conn = _raw(path)
    conn.execute("UPDATE people SET service = 'North'")
    conn.execute("CREATE INDEX idx_people_service ON people (service)")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX idx_people_service ON people (housing_status)' "
                 "WHERE name = 'idx_people_service'")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.commit()
    conn.close()
    found = problems(path)
    assert "integrity" in found and found["integrity"].repair == "reindex"
    result = run(path, "--fix")
    assert "REINDEX" in result.output and result.exit_code == 0, result.output


def test_garbage_file_is_explained_with_a_backup_to_restore(tmp_path, isolated_home):
    from evidencebot.store import backup

    good = tmp_path / "evidencebot.db"
    db = connect(good)
    backup.backup_database(db)
    db.close()
    good.write_bytes(b"this is no longer a database" * 400)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"evidencebot.db{suffix}").unlink(missing_ok=True)
    result = run(good)
    assert result.exit_code == 1
    assert "not a readable SQLite database" in result.output
    assert "restore the latest backup" in result.output and "backups" in result.output


def test_missing_file_is_not_created(tmp_path):
    result = run(tmp_path / "absent.db")
    assert result.exit_code == 1 and "no such file" in result.output
    assert not (tmp_path / "absent.db").exists()


def test_approved_without_approver_is_a_warning_not_a_failure(path):
    db = connect(path)
    db.execute("UPDATE stories SET status = 'approved' WHERE story_id = 'S3'")
    db.close()
    result = run(path)
    assert result.exit_code == 0
    assert "warning" in result.output and "S3" in result.output


def test_copies_left_by_a_killed_backup_are_found_and_removed(path, isolated_home):
    import subprocess
    import sys

    from evidencebot.store import backup

    folder = backup.backup_dir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = folder / f".doc-20250101-000000.db.partial-{dead.stdout.strip()}"
    leftover.write_bytes(b"half a copy of health data")
    running = folder / f".other.db.partial-{os.getpid()}"  # a backup still being made: not touched
    running.write_bytes(b"in progress")
    result = run(path)
    assert result.exit_code == 1 and "unfinished backup copy" in result.output
    assert run(path, "--fix").exit_code == 0
    assert not leftover.exists() and running.exists()
