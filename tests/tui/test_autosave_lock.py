"""Typed text is not lost while another program holds the database's write lock for longer than
the busy timeout (an import running): the status says "not saved yet", the text is kept in the
journal (0600), and it lands once the lock is released. Story form and draft editor, 80x24 and 120x40."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import run, settle, type_text

HELD = 11.0  # longer than the 10 s busy timeout every connection has


def hold_write_lock(db_path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), timeout=30, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_story_text_typed_while_the_database_is_locked_is_kept_then_saved(make, evidence_db_path, size):
    async def go():
        from evidencebot.assistant.journal import journal_path
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            await pilot.press("tab")  # to Context
            await type_text(pilot, "FIRSTTEXT")
            await settle(pilot, 0.6)
            status = app.screen.query_one("#story-status")
            assert str(status.render()).startswith("✓ saved")
            lock = hold_write_lock(evidence_db_path)
            try:
                await type_text(pilot, " SECONDTEXT")
                waited = 0.0
                while waited < HELD:
                    await pilot.pause(0.5)
                    waited += 0.5
                    assert "not saved yet" in str(status.render())
                assert "database is busy" in str(status.render())
                journal = journal_path(evidence_db_path)
                assert (journal.stat().st_mode & 0o777) == 0o600
                assert "FIRSTTEXT SECONDTEXT" in journal.read_text(encoding="utf-8")
            finally:
                lock.rollback()
                lock.close()
            for _ in range(40):  # the writer retries every few seconds
                await pilot.pause(0.25)
                if str(status.render()).startswith("✓ saved"):
                    break
            assert str(status.render()).startswith("✓ saved")
            db = connect(evidence_db_path)
            assert db["stories"].get("S0001")["context"] == "FIRSTTEXT SECONDTEXT"
            db.close()
            assert not journal_path(evidence_db_path).exists()
    run(go())


def test_draft_text_typed_while_the_database_is_locked_is_kept_then_saved(make, evidence_db_path):
    async def go():
        from evidencebot.assistant.journal import journal_path
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f2")
            await settle(pilot)
            await type_text(pilot, "FIRSTTEXT")
            await settle(pilot, 0.8)
            status = app.screen.query_one("#editor-status")
            assert "✓ saved" in str(status.render())
            lock = hold_write_lock(evidence_db_path)
            try:
                await type_text(pilot, " SECONDTEXT")
                waited = 0.0
                while waited < HELD:
                    await pilot.pause(0.5)
                    waited += 0.5
                    assert "not saved yet" in str(status.render())
                assert "FIRSTTEXT SECONDTEXT" in journal_path(evidence_db_path).read_text(encoding="utf-8")
            finally:
                lock.rollback()
                lock.close()
            for _ in range(40):
                await pilot.pause(0.25)
                if "✓ saved" in str(status.render()):
                    break
            assert "✓ saved" in str(status.render())
            db = connect(evidence_db_path)
            assert [r["body"] for r in db.query("select body from drafts")] == ["FIRSTTEXT SECONDTEXT"]
            db.close()
            assert not journal_path(evidence_db_path).exists()
    run(go())
