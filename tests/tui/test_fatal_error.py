"""An unexpected error in the UI ends the app with one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = r"""
import sys
from evidencebot.tui.app import EvidencebotApp

class Broken(EvidencebotApp):
    def on_ready(self):
        raise ValueError("boom in a handler")

Broken(sys.argv[1], load_language=False).run(headless=True, size=(80, 24))
"""


def test_unexpected_error_is_one_line_and_logged(evidence_db_path, isolated_home):
    proc = subprocess.run([sys.executable, "-c", CHILD, str(evidence_db_path)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "EVIDENCEBOT_DEBUG": ""})
    shown = " ".join((proc.stdout + proc.stderr).split())
    assert "Traceback" not in shown
    assert "evidencebot stopped: unexpected ValueError: boom in a handler" in shown
    log = isolated_home / "cache" / "crash.log"
    assert "Traceback" in log.read_text() and "boom in a handler" in log.read_text()
