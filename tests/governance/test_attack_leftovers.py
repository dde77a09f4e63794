"""Issue 18, defect 10, the parts left from the first round: ``doctor --fix`` on a
damaged database aborted with "vtable constructor failed" (and plain ``doctor``
did too, instead of saying the file is damaged); a named pipe given to ``spc``
hung it; and the backup whose audit note times out (the copy is good) had no
test. The doctor and spc tests failed on the code before."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from click.testing import CliRunner

from .conftest import run_cli
from .test_attack_exits import one_line_exit_2


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path, demo_factory):
    """A copy of the demo whose story search index's config page is overwritten."""
    import shutil

    path = tmp_path / "svc.db"
    shutil.copyfile(demo_factory(), path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'stories_fts_config'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek(page_size * (root - 1))
        f.write(b"\xff" * page_size)
    return path


def test_doctor_reports_a_damaged_file_instead_of_failing(damaged):
    r = run_cli("doctor", "--db", damaged)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "vtable constructor failed" not in r.stderr
    assert "PROBLEM" in r.stdout and "damaged" in r.stdout and "restore" in r.stdout


def test_doctor_fix_on_a_damaged_file_touches_nothing(damaged):
    before = digest(damaged)
    files = sorted(p.name for p in damaged.parent.iterdir())
    r = run_cli("doctor", "--fix", "--db", damaged)
    one_line_exit_2(r, "damaged", "restore")
    assert digest(damaged) == before
    assert sorted(p.name for p in damaged.parent.iterdir()) == files


def test_spc_refuses_a_named_pipe(tmp_path):
    fifo = tmp_path / "series.txt"
    os.mkfifo(fifo)
    one_line_exit_2(run_cli("spc", fifo, timeout=60), "named pipe")


def test_spc_still_reads_a_file_and_standard_input(tmp_path):
    path = tmp_path / "series.txt"
    path.write_text("\n".join(str(10 + i % 3) for i in range(20)) + "\n", encoding="utf-8")
    r = run_cli("spc", path)
    assert r.returncode == 0 and "mean" in r.stdout.lower(), r.stderr
    import subprocess
    import sys

    from .conftest import child_env

    r = subprocess.run([sys.executable, "-m", "evidencebot", "spc"], input=path.read_text(), text=True,
                       capture_output=True, env=child_env(), timeout=60)
    assert r.returncode == 0 and "mean" in r.stdout.lower(), r.stderr


def test_backup_whose_audit_note_times_out_is_a_warning(tmp_path, monkeypatch):
    """Another program holds the write lock: the copy is made and kept, the note is a warning, exit 0."""
    from evidencebot.cli import cli
    from evidencebot.store import db as store_db
    from evidencebot.store.db import connect

    path = tmp_path / "svc.db"
    connect(path, user="Ana Writer").close()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(path, timeout=1)
    holder.execute("BEGIN IMMEDIATE")  # a writer that does not let go
    try:
        out = tmp_path / "copy.db"
        result = CliRunner().invoke(cli, ["backup", "-o", str(out), "--db", str(path)])
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 0, result.output
    assert out.is_file() and oct(out.stat().st_mode & 0o777) == "0o600"
    assert "warning:" in result.output and "audit log" in result.output
    copy = sqlite3.connect(out)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
