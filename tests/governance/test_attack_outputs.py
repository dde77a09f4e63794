"""Issue 18, defect 1 (and the output-path parts of 10): output files never
destroy the database, the input, a link's target or an existing file.

Each test here failed on the code before the shared output module
(``evidencebot.outputs``) was used by rejects, exports and backups. The commands
run in this process (``invoke_cli``): these tests are about the files, not the
process. A named pipe as the output goes to a child (``run_cli``), whose timeout
turns a regression into a failure instead of a hang."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from .conftest import invoke_cli, run_cli

BAD_PEOPLE = "person_id,referral_date\nP1,2025-01-01\nP2,not a date\n"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def svc(tmp_path):
    """A database holding one person, and a people CSV with one bad row."""
    db = tmp_path / "svc.db"
    first = tmp_path / "first.csv"
    first.write_text("person_id,referral_date\nP0,2024-12-01\n", encoding="utf-8")
    r = invoke_cli("import", "people", first, "--db", db)
    assert r.returncode == 0, r.stderr
    people = tmp_path / "people.csv"
    people.write_text(BAD_PEOPLE, encoding="utf-8")
    return db, people


def _people(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
@pytest.mark.parametrize("force", [False, True])
def test_rejects_never_the_database_or_its_side_files(svc, suffix, force):
    db, people = svc
    target = f"{db}{suffix}"
    args = ["import", "people", people, "--db", db, "--partial", "--rejects", target]
    r = invoke_cli(*args, *(["--force"] if force else []))
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1 and "choose another name" in r.stderr
    assert db.exists() and _people(db) == 1  # nothing imported, nothing damaged


def test_rejects_through_a_hard_link_to_the_input_is_refused(svc, tmp_path):
    db, people = svc
    link = tmp_path / "rejects.csv"
    os.link(people, link)
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", link, "--force")
    assert r.returncode == 2 and "is the input file" in r.stderr, r.stderr
    assert people.read_text(encoding="utf-8") == BAD_PEOPLE


def test_rejects_through_a_symlink_to_the_database_is_refused(svc, tmp_path):
    db, people = svc
    link = tmp_path / "rejects.csv"
    link.symlink_to(db)
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", link, "--force")
    assert r.returncode == 2 and "database" in r.stderr, r.stderr
    assert _people(db) == 1


def test_rejects_never_writes_through_a_symlink(svc, tmp_path):
    db, people = svc
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "rejects.csv"
    link.symlink_to(victim)
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", link)
    assert r.returncode == 2 and "--force" in r.stderr  # exists: not replaced unasked
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", link, "--force")
    assert r.returncode == 1, r.stderr  # one row rejected, one imported
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and "not a date" in link.read_text(encoding="utf-8-sig")
    assert mode(link) == 0o600


def test_an_existing_rejects_file_is_kept_without_force_and_private_with_it(svc, tmp_path):
    db, people = svc
    old = tmp_path / "old.csv"
    old.write_text("earlier rejects\n", encoding="utf-8")
    os.chmod(old, 0o644)
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", old)
    assert r.returncode == 2 and "already exists" in r.stderr
    assert old.read_text(encoding="utf-8") == "earlier rejects\n" and _people(db) == 1
    r = invoke_cli("import", "people", people, "--db", db, "--partial", "--rejects", old, "--force")
    assert r.returncode == 1, r.stderr
    assert mode(old) == 0o600 and "not a date" in old.read_text(encoding="utf-8-sig")


def test_a_failed_import_leaves_the_old_rejects_file(tmp_path):
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    db = connect(tmp_path / "x.db")
    people = tmp_path / "people.csv"
    people.write_text(BAD_PEOPLE + "P3,2025-02-01\n", encoding="utf-8")
    old = tmp_path / "r.csv"
    old.write_text("earlier rejects\n", encoding="utf-8")

    def interrupted(done, total):
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(db, "people", people, partial=True, rejects_path=old, force=True, progress=interrupted)
    assert old.read_text(encoding="utf-8") == "earlier rejects\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    db.close()


def test_the_rejects_path_is_checked_before_anything_is_imported(tmp_path):
    from evidencebot.errors import InputError
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    db = connect(tmp_path / "x.db")
    people = tmp_path / "people.csv"
    people.write_text(BAD_PEOPLE, encoding="utf-8")
    with pytest.raises(InputError, match="no such folder"):
        import_file(db, "people", people, partial=True, rejects_path=tmp_path / "missing" / "r.csv")
    assert db["people"].count == 0
    db.close()


# ------------------------------------------------------------------ exports and backups


@pytest.fixture
def demo_db(demo_copy_factory):
    """A private copy of the demo ``evidencebot demo`` builds (its default layout), from the run's demo builds."""
    from evidencebot.store import demo

    return demo_copy_factory(people=demo.DEFAULT_PEOPLE, months=demo.DEFAULT_MONTHS, end=demo.DEFAULT_END,
                             seed=demo.DEFAULT_SEED)


def test_export_output_paths(demo_db, tmp_path):
    base = ["assemble", "review", "--period", "2025/26 Q3", "--db", demo_db]
    # -o "" is an error, not stdout
    r = invoke_cli(*base, "-o", "")
    assert r.returncode == 2 and "empty file name" in r.stderr and not r.stdout
    # a FIFO is never replaced, even with --force
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    r = run_cli(*base, "-o", fifo, "--force")  # a child with a timeout: a regression would hang, not fail
    assert r.returncode == 2 and "named pipe" in r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    # never the database, whatever the name or the link
    link = tmp_path / "review.md"
    link.symlink_to(demo_db)
    r = invoke_cli(*base, "-o", link, "--force")
    assert r.returncode == 2 and "database" in r.stderr
    r = invoke_cli(*base, "-o", f"{demo_db}-wal", "--force")
    assert r.returncode == 2
    # a planted symbolic link at every temporary name cannot be followed: exports are 0600
    out = tmp_path / "ok.md"
    r = invoke_cli(*base, "-o", out)
    assert r.returncode == 0, r.stderr
    assert mode(out) == 0o600
    assert _people(demo_db) > 0


def test_backup_output_paths(demo_db, tmp_path):
    r = invoke_cli("backup", "--db", demo_db, "-o", f"{demo_db}-wal", "--force")
    assert r.returncode == 2 and "choose another name" in r.stderr
    r = invoke_cli("backup", "--db", demo_db, "-o", "")
    assert r.returncode == 2 and "empty file name" in r.stderr
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    r = run_cli("backup", "--db", demo_db, "-o", fifo, "--force")  # a child with a timeout, as above
    assert r.returncode == 2 and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "copy.db"
    link.symlink_to(demo_db)
    r = invoke_cli("backup", "--db", demo_db, "-o", link, "--force")
    assert r.returncode == 2 and "database" in r.stderr
    assert _people(demo_db) > 0
    # an older backup may be replaced with --force
    older = tmp_path / "older.db"
    assert invoke_cli("backup", "--db", demo_db, "-o", older).returncode == 0
    r = invoke_cli("backup", "--db", demo_db, "-o", older, "--force")
    assert r.returncode == 0, r.stderr
    assert mode(older) == 0o600


def test_the_export_temporary_file_never_follows_a_planted_link(tmp_path):
    """The old temporary name was predictable (``.NAME.tmpPID``) and followed links."""
    from evidencebot.compose.export import ExportDoc, write

    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    target = tmp_path / "out.md"
    (tmp_path / f".out.md.tmp{os.getpid()}").symlink_to(victim)
    write(ExportDoc(title="T", body="Body text."), target)
    assert victim.read_text(encoding="utf-8") == "keep"
    assert "Body text." in target.read_text(encoding="utf-8") and mode(target) == 0o600


def test_a_planted_link_at_the_temporary_name_makes_the_write_fail_not_follow(tmp_path):
    from evidencebot import outputs

    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    target = tmp_path / "out.md"
    real = outputs._temp_name

    def planted(path):
        name = real(path)
        name.symlink_to(victim)
        return name

    outputs._temp_name = planted
    try:
        from evidencebot.errors import EvidencebotError

        with pytest.raises((OSError, EvidencebotError)):  # never followed: refused or failed, not written through
            outputs.write_output(target, b"data")
    finally:
        outputs._temp_name = real
    assert victim.read_text(encoding="utf-8") == "keep" and not target.exists()


# ------------------------------------------------------------------ permissions (defect 10)

UMASK_0 = """
import os, sys
os.umask(0)
from evidencebot import locations
print(locations.config_dir(), locations.data_dir(), locations.cache_dir())
from evidencebot.compose.export import ExportDoc, write
write(ExportDoc(title="T", body="Body."), sys.argv[1])
"""


def test_folders_and_exports_are_private_at_umask_0_and_doctor_checks_folders(tmp_path):
    import subprocess
    import sys

    from .conftest import child_env

    home = tmp_path / "home"
    out = tmp_path / "export.md"
    r = subprocess.run([sys.executable, "-c", UMASK_0, str(out)], capture_output=True, text=True,
                       env=child_env(EVIDENCEBOT_HOME=home), timeout=120)
    assert r.returncode == 0, r.stderr
    for name in ("config", "data", "cache"):
        assert mode(home / name) == 0o700, name
    assert mode(out) == 0o600
    # a folder opened up afterwards is a doctor problem, and --fix closes it
    os.chmod(home / "config", 0o777)
    db = tmp_path / "d.db"
    assert run_cli("import", "people", _people_csv(tmp_path), "--db", db, home=home).returncode == 0
    r = run_cli("doctor", "--db", db, home=home)
    assert r.returncode != 0 and "config folder" in (r.stdout + r.stderr)
    r = run_cli("doctor", "--fix", "--db", db, home=home)
    assert mode(home / "config") == 0o700, r.stdout + r.stderr


def _people_csv(folder):
    path = folder / "people_ok.csv"
    path.write_text("person_id,referral_date\nP1,2025-01-01\n", encoding="utf-8")
    return path


def test_the_crash_log_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(tmp_path / "home"))
    old = os.umask(0)
    try:
        from evidencebot.tui.app import make_app

        app = make_app(":memory:", load_language=False)
        app._exception = RuntimeError("boom")
        app._close_messages_no_wait = lambda: None
        app._fatal_error()
    finally:
        os.umask(old)
    log = tmp_path / "home" / "cache" / "crash.log"
    assert log.exists() and mode(log) == 0o600 and "RuntimeError" in log.read_text(encoding="utf-8")
