"""A story typed into the capture screen survives the terminal being killed (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import run, settle
from story_child import CONTEXT, TITLE

CHILD = Path(__file__).with_name("story_child.py")


def test_story_survives_kill_9_and_reopens(make, evidence_db_path):
    proc = subprocess.Popen([sys.executable, str(CHILD), str(evidence_db_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        line = ""
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if "TYPED" in line or proc.poll() is not None:
                break
        assert "TYPED" in line, proc.stderr.read() if proc.poll() is not None else "child did not type in time"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

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
