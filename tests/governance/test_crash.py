"""Crash safety: SIGKILL during a big import and during story autosave leaves a
database that opens, passes integrity checks, holds nothing half-written and
keeps the last saved text."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from evidencebot.store import audit, doctor
from evidencebot.store.db import connect
from evidencebot.store.importers import import_file

from .conftest import child_env

# The importer keeps up to IMPORT_CACHE_KIB (32 MB) of pages in memory; only beyond that do pages of the
# uncommitted import reach the database's write-ahead log. The child imports with a 1 MB page cache, so that
# at the kill the log on disk already holds tens of thousands of rows that were never committed (the test
# checks it), with a file a quarter of the size that would need with the real cache.
IMPORT_SCRIPT = textwrap.dedent("""
    import os, sys
    from evidencebot.store import importers
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    importers.IMPORT_CACHE_KIB = 1_024
    db = connect(sys.argv[1], user="importer")
    target = int(sys.argv[3])
    wal = sys.argv[1] + "-wal"
    state = {"said": False}

    def progress(done, total):
        if not state["said"]:
            written = db.execute("select count(*) from contacts").fetchone()[0]
            if written >= target:
                print(f"writing {written} {os.path.getsize(wal)}", flush=True)
                state["said"] = True

    import_file(db, "contacts", sys.argv[2], progress=progress)
    print("finished", flush=True)
""")


def _kill(proc):
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_killed_big_import_keeps_the_database_as_it_was(tmp_path):
    path = tmp_path / "crash.db"
    db = connect(path)
    db["people"].insert_all([{"person_id": f"P{i}", "referral_date": "2024-01-01"} for i in range(100)])
    import_file(db, "contacts", _contacts(tmp_path / "small.csv", 1_000, prefix="S"))
    audit_before = db["audit_log"].count
    db.close()
    assert not os.path.exists(f"{path}-wal")  # closing the last connection emptied the log into the file
    big = _contacts(tmp_path / "big.csv", 100_000, prefix="B")
    proc = subprocess.Popen([sys.executable, "-c", IMPORT_SCRIPT, str(path), str(big), "40000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    try:
        line = proc.stdout.readline()
        assert line.startswith("writing"), line + proc.stderr.read()
        assert int(line.split()[1]) >= 40_000  # written, not yet committed
        assert int(line.split()[2]) > 1_000_000  # and uncommitted pages are in the log on disk
        time.sleep(0.2)
        _kill(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    db = connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db["contacts"].count == 1_000
        assert db.execute("select count(*) from contacts where contact_id like 'B%'").fetchone()[0] == 0
        assert db["audit_log"].count == audit_before  # no record of an import that did not happen
    finally:
        db.close()
    assert not [c for c in doctor.diagnose(path) if c.problem]
    # and the same file imports cleanly afterwards
    db = connect(path)
    try:
        report = import_file(db, "contacts", big)
        assert report.committed and report.inserted == 100_000
    finally:
        db.close()


def _contacts(path, n, prefix):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(n):
            w.writerow([f"{prefix}{i:07d}", f"P{i % 100}", "2025-04-01T10:00", "planned", "phone", "attended"])
    return path


AUTOSAVE = textwrap.dedent("""
    import sys
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft

    db = connect(sys.argv[1], user="typist")
    start = int(sys.argv[2])
    i = start
    while True:
        # a long section and a short one, saved together: both or neither
        body = f"version {i} " + ("The plan was rehearsed with the family. " * 150)
        save_story_draft(db, "S0001", {"context": body, "evidence": f"version {i}"})
        print(i, flush=True)
        i += 1
""")


@pytest.mark.slow
def test_killed_autosave_keeps_the_last_saved_text(tmp_path):
    path = tmp_path / "typing.db"
    connect(path).close()
    rnd = random.Random(7)
    start = 0
    for _round in range(3):
        proc = subprocess.Popen([sys.executable, "-c", AUTOSAVE, str(path), str(start)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
        last = None
        try:
            wanted = start + 150 + rnd.randrange(100)
            while True:
                line = proc.stdout.readline()
                assert line, proc.stderr.read()
                last = int(line)
                if last >= wanted:
                    break
            time.sleep(rnd.random() * 0.05)  # kill at some moment inside the next saves
            _kill(proc)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        db = connect(path)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            row = db["stories"].get("S0001")
            saved = int(row["evidence"].split()[1])
            # the last save we saw finish is there (or a later one that finished before the kill)
            assert saved >= last, (saved, last)
            # nothing half-written: both fields come from the same save
            assert row["context"].startswith(f"version {saved} ")
            assert row["context"].endswith("The plan was rehearsed with the family. ")
            db.execute("INSERT INTO stories_fts(stories_fts) VALUES('integrity-check')")
            # the audit log's last entry describes exactly the stored text
            entry = audit.recent(db, table="stories", key="S0001", limit=1)[0]
            assert entry.changes["evidence"][1] == audit.redact(row["evidence"])
            start = saved + 1
        finally:
            db.close()
    assert not [c for c in doctor.diagnose(path) if c.problem]
