"""Typed text is not lost while another program holds the database's write lock for longer than
the busy timeout (an import running): the status says "not saved yet", the text is kept in the
journal (0600), and it lands once the lock is released. Story form and draft editor, 80x24 and 120x40."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from helpers import run, settle, type_text

from evidencebot.store import db as store_db

BUSY_TIMEOUT_MS = 2_000  # every connection's busy timeout in these tests (10 s in use): the wait scaled down
HELD = 2.5  # longer than that busy timeout, and than the savers' 1 s attempts, so they have retried


@pytest.fixture(autouse=True)
def shorter_busy_timeout(monkeypatch):
    """The lock is held for longer than any connection would wait for it, as in use, in a quarter of the time
    (an 11 s hold against the 10 s timeout, three times, was 33 s of waiting in every run)."""
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)


def hold_write_lock(db_path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), timeout=30, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


async def hold_while_not_saved(pilot, status, busy_words: str | None) -> None:
    """Pause, the lock held, for HELD seconds and until the status says the database is busy (``busy_words``;
    a loaded machine may reach the first failed attempt late), checking at every step that it says "not saved
    yet"; fail if it never says busy."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while loop.time() - start < HELD or (busy_words and busy_words not in str(status.render())):
        assert loop.time() - start < HELD + 60, f"the status never said {busy_words!r}: {status.render()}"
        await pilot.pause(0.1)
        assert "not saved yet" in str(status.render())


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
                await hold_while_not_saved(pilot, status, "database is busy")
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
                await hold_while_not_saved(pilot, status, "database is busy")
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
