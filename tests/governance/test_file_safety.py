"""File safety: private files whatever the umask, no personal data in logs or
leftover files, exports that do not overwrite."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from .conftest import child_env, run_cli

NHS = "943 476 5919"
NHS_DIGITS = NHS.replace(" ", "")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


OPEN_UMASK = textwrap.dedent("""
    import os, sys
    os.umask(0)  # the most permissive umask a machine could have
    from evidencebot.store.db import connect
    from evidencebot.store.backup import backup_database
    from evidencebot.store.importers import import_file
    from evidencebot.store.search import save_story_draft

    db = connect(sys.argv[1])
    save_story_draft(db, "S1", {"title": "t", "context": "c"})
    report = import_file(db, "people", sys.argv[2], partial=True)
    print(report.rejects_path)
    backup_database(db)
    backup_database(db, sys.argv[3])
    print("open", flush=True)
    input()
""")


def test_every_file_is_private_even_with_an_open_umask(tmp_path, isolated_home):
    people = tmp_path / "people.csv"
    people.write_text(f"person_id,referral_date\nP1,2025-01-01\n{NHS},not a date\n", encoding="utf-8")
    db_path = tmp_path / "private.db"
    proc = subprocess.Popen([sys.executable, "-c", OPEN_UMASK, str(db_path), str(people), str(tmp_path / "b.db")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(EVIDENCEBOT_HOME=isolated_home))
    try:
        rejects = proc.stdout.readline().strip()
        assert proc.stdout.readline().strip() == "open", proc.stderr.read()
        # while the database is open its -wal and -shm files exist: all owner-only
        for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(rejects), tmp_path / "b.db"):
            assert p.exists() and mode(p) == 0o600, (p, oct(mode(p)))
        backups = isolated_home / "data" / "backups"
        assert mode(backups) == 0o700
        assert [mode(p) for p in backups.glob("*.db")] == [0o600]
    finally:
        proc.communicate("\n", timeout=30)


def test_the_default_database_is_private(isolated_home):
    # a writing command creates the default database (read-only ones refuse a missing one)
    result = run_cli("facts", "add", "ICB dashboard: 12 presentations", "--source", "ICB", "--date", "2026-10-01",
                     home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert mode(isolated_home / "data" / "evidencebot.db") == 0o600


def _every_file(root: Path):
    for p in root.rglob("*"):
        if p.is_file():
            yield p


def test_a_rejected_import_leaves_no_personal_data_anywhere(tmp_path, isolated_home):
    """Default (all-or-nothing) mode: bad rows holding a made-up NHS number are
    reported, but no file under the config, data or cache folders, the database
    folder or its WAL holds the number afterwards."""
    work = tmp_path / "work"
    work.mkdir()
    source = tmp_path / "incoming"
    source.mkdir()
    contacts = source / "contacts.csv"
    with open(contacts, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(3000):
            w.writerow([f"C{i}", "P1", "2025-04-01T10:00", "planned", "phone", "attended"])
        w.writerow(["C-bad1", NHS, "2025-04-01T10:00", "planned", "phone", "attended"])
        w.writerow(["C-bad2", "P1", NHS, "planned", f"NHS number {NHS_DIGITS}", "attended"])
    db = work / "e.db"
    assert run_cli("import", "people", _people(source), "--db", db, home=isolated_home).returncode == 0
    result = run_cli("import", "contacts", contacts, "--db", db, home=isolated_home)
    assert result.returncode == 1 and "nothing imported" in result.stdout + result.stderr
    result = run_cli("audit", "--db", db, "--format", "json", "--limit", "0", home=isolated_home)
    assert result.returncode == 0 and NHS not in result.stdout and NHS_DIGITS not in result.stdout
    run_cli("doctor", "--db", db, home=isolated_home)
    run_cli("backup", "--db", db, home=isolated_home)
    for root in (isolated_home, work):
        for p in _every_file(root):
            data = p.read_bytes()
            for needle in (NHS, NHS_DIGITS):
                assert needle.encode() not in data, f"{needle} found in {p}"
                assert needle.encode("utf-16-le") not in data, f"{needle} found in {p}"
    assert not list(source.glob("*.rejected.csv"))  # default mode writes no rejects file


def _people(folder: Path) -> Path:
    p = folder / "people.csv"
    p.write_text("person_id,referral_date\nP1,2024-01-01\n", encoding="utf-8")
    return p


def test_the_code_does_not_log():
    """No module writes log files: if logging is ever added, this test must be revisited."""
    src = Path(__file__).resolve().parents[2] / "src" / "evidencebot"
    offenders = [str(p.relative_to(src)) for p in src.rglob("*.py")
                 if any(s in p.read_text(encoding="utf-8") for s in ("import logging", "FileHandler", "basicConfig("))]
    assert offenders == []


# ---------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def demo_db(demo_factory, tmp_path_factory):
    """A copy of the shared demo for this module: exports are recorded in the database."""
    import shutil

    return shutil.copyfile(demo_factory(), tmp_path_factory.mktemp("demo") / "demo.db")


def test_exports_refuse_to_overwrite_without_force(demo_db, tmp_path):
    from evidencebot.cli import cli

    assert "assemble" in cli.commands

    runner = CliRunner()
    target = tmp_path / "answer.md"
    target.write_text("the bid writer's own work", encoding="utf-8")
    for args in (["assemble", "review"],
                 ["assemble", "tender", "--question", "How do you manage crisis escalation?", "--words", "250"]):
        result = runner.invoke(cli, [*args, "--db", str(demo_db), "-o", str(target)])
        assert result.exit_code == 2, result.output
        assert "already exists: use --force" in result.output
        assert target.read_text(encoding="utf-8") == "the bid writer's own work"
    result = runner.invoke(cli, ["assemble", "review", "--db", str(demo_db), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "the bid writer's own work"


def test_export_writer_refuses_to_overwrite(tmp_path):
    from evidencebot.compose.export import ExportDoc, write
    from evidencebot.errors import InputError

    target = tmp_path / "doc.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        write(ExportDoc(title="T", body="B\n", kind="story"), target, "md")
    assert target.read_text(encoding="utf-8") == "keep me"
