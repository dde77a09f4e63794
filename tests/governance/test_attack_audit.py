"""Issue 18, defect 7: the audit log is tamper-evident. Dropping the triggers
and editing an entry, a back-dated INSERT, an entry removed, and an approval
changed through a connection with stub SQL functions are all reported by
``doctor`` with the first bad entry. Each test failed on the code before."""

from __future__ import annotations

import sqlite3

import pytest

from evidencebot.store import audit, doctor

from .conftest import approved


@pytest.fixture
def logged(story_db, tmp_path):
    approved(story_db)
    path = tmp_path / "stories.db"
    story_db.close()
    return path


def audit_check(path):
    return next(c for c in doctor.diagnose(path) if c.name == "audit")


def test_a_fresh_log_verifies(logged):
    check = audit_check(logged)
    assert check.ok and "hash chain intact" in check.detail


def _raw(path):
    return sqlite3.connect(path, isolation_level=None)


def test_an_entry_edited_with_the_triggers_dropped_is_found(logged):
    conn = _raw(logged)
    target = conn.execute("SELECT audit_id FROM audit_log WHERE changes LIKE '%Ben Approver%'").fetchone()[0]
    sql = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'audit_log_no_%'")}
    for name in sql:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE audit_log SET user = 'Ana Writer', changes = replace(changes, 'Ben Approver', 'Carl Other') "
                 "WHERE audit_id = ?", [target])
    for text in sql.values():
        conn.execute(text)
    conn.close()
    check = audit_check(logged)
    assert not check.ok and f"entry {target} " in check.detail and "hash chain is broken" in check.detail


def test_a_back_dated_insert_is_found(logged):
    from evidencebot.store.db import connect

    db = connect(logged, user="Ana Writer")  # even through evidencebot's own functions
    db.conn.execute("INSERT INTO audit_log (at, user, table_name, row_key, action, changes) "
                    "VALUES ('2020-01-01T00:00:00.000Z', 'Ben Approver', 'stories', 'S0001', 'update', "
                    "'{\"status\": [\"submitted\", \"approved\"]}')")
    db.conn.commit()
    last = db.conn.execute("SELECT max(audit_id) FROM audit_log").fetchone()[0]
    db.close()
    check = audit_check(logged)
    assert not check.ok and f"entry {last} " in check.detail and "back-dated" in check.detail


def test_an_insert_without_the_chain_is_found(logged):
    conn = _raw(logged)
    conn.execute("DROP TRIGGER audit_log_chain")
    conn.execute("INSERT INTO audit_log (at, user, table_name, row_key, action, changes) "
                 "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Ben Approver', 'stories', 'S0001', 'update', NULL)")
    conn.close()
    check = audit_check(logged)
    assert not check.ok  # a missing trigger, or the entry with no chain hash
    assert "audit_log_chain" in check.detail or "no chain hash" in check.detail


def test_an_approval_changed_through_stub_functions_is_found(logged):
    conn = _raw(logged)
    conn.create_function("evidencebot_user", 0, lambda: "nobody")
    conn.create_function("evidencebot_audit_diff", 3, lambda *a: None)  # the update trigger then logs nothing
    conn.create_function("evidencebot_audit_hash", 8, lambda *a: "0" * 64)
    conn.execute("UPDATE stories SET approved_by = 'Carl Other' WHERE story_id = 'S0001'")
    conn.close()
    check = audit_check(logged)
    assert not check.ok and "S0001" in check.detail and "without an audit entry" in check.detail


def test_a_removed_entry_is_found(logged):
    conn = _raw(logged)
    first = conn.execute("SELECT min(audit_id) FROM audit_log").fetchone()[0]
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE audit_id = (SELECT max(audit_id) FROM audit_log)")
    conn.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                 "SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed or removed'); END")
    conn.close()
    check = audit_check(logged)
    assert not check.ok and "removed" in check.detail, (first, check.detail)


def test_the_chain_covers_entries_written_by_record(story_db):
    audit.record(story_db, table="database", action="backup", key="x.db", changes={"bytes": 1})
    n, broken = audit.verify_chain(story_db.conn)
    assert broken is None and n == story_db["audit_log"].count
