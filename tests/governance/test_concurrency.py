"""Two people at once: processes writing the same database at the same time
lose nothing (WAL, a busy timeout, transactions that take the write lock up front)."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap

import pytest

from evidencebot.store import audit
from evidencebot.store.db import connect

from .conftest import child_env

EDITOR = textwrap.dedent("""
    import os, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft
    from evidencebot.store import workflow

    path, tag, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    editing = sys.argv[5] if len(sys.argv) > 5 else None  # tell the importer this editor is about to write
    db = connect(path, user=f"editor {tag}")
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)
    if editing:
        open(editing, "w").close()
    field = "context" if tag == "A" else "delivery"
    for i in range(n):
        # a new story of its own, and an edit to the story both are working on
        save_story_draft(db, f"{tag}{i:04d}", {"title": f"{tag} story {i}", "context": f"{tag} context {i}"})
        save_story_draft(db, "SHARED", {field: f"{tag}-{i}"})
        if i % 25 == 0:
            workflow.record_consent(db, f"{tag}{i:04d}", "internal", date="2025-01-01")
    print("done", flush=True)
""")

IMPORTER = textwrap.dedent("""
    import os, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    path, csv_path, go, importing, editing = sys.argv[1:6]
    db = connect(path, user="importer")
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)

    def progress(done, total):
        # the first call comes from inside the import's transaction, which holds the write lock: let the
        # editor start now, and go on once it has (its first save then waits for this import to commit)
        if done < total and not os.path.exists(importing):
            open(importing, "w").close()
            deadline = time.monotonic() + 120
            while not os.path.exists(editing):
                if time.monotonic() > deadline:
                    raise SystemExit("the editor never started")
                time.sleep(0.002)

    report = import_file(db, "contacts", csv_path, progress=progress)
    print("imported", report.inserted, report.committed, flush=True)
""")


def _start(script, *args):
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env())


def _run_together(tmp_path, procs):
    go = tmp_path / "go"
    try:
        for p in procs:
            line = p.stdout.readline().strip()
            assert line == "ready", line + p.stderr.read()
        go.touch()
        results = [p.communicate(timeout=300) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (_out, err) in zip(procs, results):
        assert p.returncode == 0, f"a writer failed: {err[-2000:]}"
    return [out for out, _err in results]


@pytest.mark.slow
def test_two_story_editors_at_once_lose_nothing(tmp_path):
    path = tmp_path / "two.db"
    connect(path).close()
    n = 150
    go = tmp_path / "go"
    procs = [_start(EDITOR, path, tag, n, go) for tag in ("A", "B")]
    _run_together(tmp_path, procs)
    db = connect(path)
    try:
        for tag in ("A", "B"):
            rows = db.execute("select story_id, context from stories where story_id like ? order by story_id",
                              [f"{tag}0%"]).fetchall()
            assert rows == [(f"{tag}{i:04d}", f"{tag} context {i}") for i in range(n)]
        shared = db["stories"].get("SHARED")
        assert shared["context"] == f"A-{n - 1}" and shared["delivery"] == f"B-{n - 1}"
        # every write is in the audit log, under the right name
        for tag in ("A", "B"):
            who = f"editor {tag}"
            inserts = db.execute("select count(*) from audit_log where user = ? and action = 'insert' "
                                 "and table_name = 'stories'", [who]).fetchone()[0]
            shared_edits = db.execute("select count(*) from audit_log where user = ? and row_key = 'SHARED' "
                                      "and action = 'update'", [who]).fetchone()[0]
            consents = db.execute("select count(*) from story_consents where recorded_by = ? and consent = 'internal'",
                                  [who]).fetchone()[0]
            assert inserts in (n, n + 1)  # + SHARED, for whichever created it
            assert shared_edits + (inserts - n) == n
            assert consents == len(range(0, n, 25))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO stories_fts(stories_fts) VALUES('integrity-check')")
    finally:
        db.close()


@pytest.mark.slow
def test_an_import_and_a_story_editor_at_once_lose_nothing(tmp_path):
    path = tmp_path / "mixed.db"
    db = connect(path)
    db["people"].insert_all([{"person_id": f"P{i}", "referral_date": "2024-01-01"} for i in range(50)])
    db.close()
    # The import holds the write lock from its first row to its commit; the editor starts while it does
    # (the importer's first progress call, inside its transaction, opens the "importing" gate), so its
    # first save waits on the lock and the rest run after or between. The import is kept well inside the
    # busy timeout (10 s) even on a loaded machine: 60,000 rows held the lock for 12 s under load 10
    # ("database is locked" in the editor), 10,000 rows about 2 s.
    rows = 10_000
    big = tmp_path / "contacts.csv"
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(rows):
            w.writerow([f"C{i:07d}", f"P{i % 50}", "2025-03-01T10:00", "planned", "phone", "attended"])
    go, importing, editing = tmp_path / "go", tmp_path / "importing", tmp_path / "editing"
    n = 120
    procs = [_start(IMPORTER, path, big, go, importing, editing), _start(EDITOR, path, "A", n, importing, editing)]
    outs = _run_together(tmp_path, procs)
    assert importing.exists() and editing.exists()
    assert f"imported {rows} True" in outs[0]
    db = connect(path)
    try:
        assert db["contacts"].count == rows
        assert db.execute("select count(*) from stories where story_id like 'A0%'").fetchone()[0] == n
        assert db["stories"].get("SHARED")["context"] == f"A-{n - 1}"
        imports = [e for e in audit.recent(db, action="import", limit=None)]
        assert len(imports) == 1 and imports[0].changes["inserted"] == rows and imports[0].user == "importer"
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
