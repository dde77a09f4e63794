"""Typed text survives the terminal being killed (kill -9), with or without a pause in typing,
in the story form and in the draft editor: the next start offers back what the database lacks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from helpers import run, settle
from story_child import CONTEXT, DRAFT, TITLE

CHILD = Path(__file__).with_name("story_child.py")
WATCHDOG = 900  # seconds: only a hung child meets it


def type_then_kill(db_path, mode: str) -> None:
    errors = tempfile.TemporaryFile("w+", encoding="utf-8")  # a file, not a pipe: a full pipe would stop the child
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), mode],
                            stdout=subprocess.PIPE, stderr=errors, text=True, env=os.environ.copy())
    # No deadline on the typing: a loaded machine may take minutes to start the app and type (a 90 s one
    # failed then); a child that hangs is killed after WATCHDOG seconds, which ends the read below.
    watchdog = threading.Timer(WATCHDOG, proc.kill)
    watchdog.start()
    try:
        line = ""
        while "TYPED" not in line:
            line = proc.stdout.readline()
            if not line:  # the child ended (or the watchdog ended it) without typing
                break
        watchdog.cancel()
        assert "TYPED" in line, (f"child ended with {proc.wait()} without typing "
                                 f"(killed after {WATCHDOG} s if it hung): {_read(errors)[-3000:]}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        errors.close()


def _read(file) -> str:
    file.seek(0)
    return file.read()


def test_story_survives_kill_9_and_reopens(make, evidence_db_path):
    type_then_kill(evidence_db_path, "pause")

    async def reopen():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            app.ask("continue my story")
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "story"
            screen = app.screen
            assert screen.query_one("#field-title").value == TITLE
            assert screen.query_one("#field-context").text == CONTEXT

    run(reopen())


@pytest.mark.parametrize("mode, size", [("nopause", (80, 24)), ("locked", (120, 40))])
def test_story_typed_without_a_pause_is_never_lost_to_kill_9(make, evidence_db_path, mode, size):
    """Killed right after the last key (and, for ``locked``, while another program held the write
    lock, so nothing could reach the database): what the database lacks is in the journal, offered back."""
    from evidencebot.assistant.journal import journal_path
    from evidencebot.store.db import connect

    type_then_kill(evidence_db_path, mode)
    journal = journal_path(evidence_db_path)
    if mode == "locked":
        assert journal.exists() and (journal.stat().st_mode & 0o777) == 0o600
    offered = journal.exists()
    if offered:
        assert CONTEXT in journal.read_text(encoding="utf-8")

    async def reopen():
        from evidencebot.tui.screens.confirm import ConfirmChange

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if offered:
                assert isinstance(app.screen, ConfirmChange)
                assert "was not saved to the database" in app.screen.question
                assert "story S0001" in app.screen.question
                await pilot.press("y")
            else:  # the writer landed everything before the kill
                app.ask("continue my story")
            await settle(pilot, 0.5)
            await settle(pilot)
            assert app.current_mode == "story"
            assert app.screen.query_one("#field-title").value == TITLE
            assert app.screen.query_one("#field-context").text == CONTEXT
            if offered:
                assert str(app.screen.query_one("#story-status").render()).startswith("✓ saved")

    run(reopen())
    db = connect(evidence_db_path)
    row = db["stories"].get("S0001")
    db.close()
    assert (row["title"], row["context"]) == (TITLE, CONTEXT)
    assert not journal.exists()


def test_draft_typed_without_a_pause_is_offered_back_after_kill_9(make, evidence_db_path):
    """Killed right after the last key in the draft editor: what the database lacks is in the journal and
    offered back; when the editor's save landed the whole text before the kill (a loaded machine types
    slowly enough for the save timer to fire), there is nothing to offer and the database holds it."""
    from evidencebot.assistant.journal import journal_path
    from evidencebot.store.db import connect

    type_then_kill(evidence_db_path, "draft")
    journal = journal_path(evidence_db_path)
    offered = journal.exists()
    if offered:
        assert DRAFT in journal.read_text(encoding="utf-8")

    async def reopen():
        app = make()
        from evidencebot.tui.screens.confirm import ConfirmChange

        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            if not offered:
                await settle(pilot, 0.5)
                assert not isinstance(app.screen, ConfirmChange), "an offer with nothing in the journal"
                return
            for _ in range(100):  # the offer comes after the first refresh: wait for it, not for a fixed time
                if isinstance(app.screen, ConfirmChange):
                    break
                await pilot.pause(0.1)
            assert isinstance(app.screen, ConfirmChange), "the restore offer never appeared"
            await pilot.press("y")
            for _ in range(100):
                await settle(pilot)
                if app.current_mode == "editor" and getattr(app.screen, "text_area", None) is not None \
                        and app.screen.text_area.text == DRAFT:
                    break
                await pilot.pause(0.1)
            await settle(pilot, 0.8)
            assert app.current_mode == "editor"
            assert app.screen.text_area.text == DRAFT
            assert "✓ saved" in str(app.screen.query_one("#editor-status").render())

    run(reopen())
    db = connect(evidence_db_path)
    bodies = [r["body"] for r in db.query("select body from drafts")]
    db.close()
    assert DRAFT in bodies
    assert not journal.exists()
