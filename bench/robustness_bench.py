"""Benchmark: robustness under big inputs, two writers, kills and the audit triggers.

    python bench/robustness_bench.py                 # everything, full sizes (several minutes)
    python bench/robustness_bench.py --quick         # small sizes
    python bench/robustness_bench.py --only import,concurrency

Every measurement runs in its own child process, in a temporary folder (never
the repository or your real data), and reports the child's peak resident
memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at its end).

Sections:

import       a CSV where every row is bad (default 100,000 rows), all-or-nothing
             and --partial: time, peak RSS, problems counted / kept.
checker      a long Markdown draft (default 5 MB, in paragraphs) through the
             checker; and one paragraph with no blank line (250 KB, and
             1.05 MB, over spaCy's 1,000,000-character limit: the checker
             parses a long paragraph in pieces of at most 10,000 characters).
concurrency  two story editors saving at once (default 500 saves each, plus a
             shared story), then an import (200,000 rows) while an editor saves:
             saves per second, slowest save, failures, rows landed.
kill         an autosave loop killed with SIGKILL (default 10 times): integrity,
             the last saved text kept, nothing half-written.
audit        the cost of the audit and workflow triggers per story save.
attack       hostile inputs from the issue 18 attack run (rejects paths onto the
             database, its side files, the input and links; personal data in
             Markdown alt text, links, code, comments and front matter, in
             unusual digits and words; remote images in HTML; template time,
             memory and size budgets (a call-free loop, 800 MB of lists); a story
             save while an import holds the write lock; withdrawal reaching
             library entries, drafts and near-copies (verbatim, every 8th word
             changed, a 20-word quote) of each demo story; raw counts printed or
             worked out by a user template of an external review; approval
             after renaming yourself in config.toml; the story form driven while
             another connection holds the write lock for 11 s):
             counts tried, handled, lost (data destroyed or typed text not kept),
             leaked (personal data past the checker or off the machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def env(home: Path) -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = SRC + os.pathsep + e.get("PYTHONPATH", "")
    e["EVIDENCEBOT_HOME"] = str(home)
    e.pop("EVIDENCEBOT_DB", None)
    return e


def child(script: str, *args, home: Path, timeout: float = 3600) -> dict:
    proc = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          env=env(home), timeout=timeout)
    if proc.returncode != 0:
        raise SystemExit(f"child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------- import

BAD_IMPORT = textwrap.dedent("""
    import csv, json, resource, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    folder, rows, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    path = f"{folder}/bad-{mode}.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(rows):
            w.writerow([f"C{i}", f"943 476 {i % 10000:04d}", "31/02/2025", "teleport", "phone", "maybe"])
    db = connect(f"{folder}/bad-{mode}.db")
    start = time.perf_counter()
    report = import_file(db, "contacts", path, partial=(mode == "partial"))
    print(json.dumps({
        "seconds": time.perf_counter() - start,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": report.rows_read, "rejected": report.rejected_rows, "problems": report.problem_count,
        "kept": len(report.rejected), "committed": report.committed, "contacts": db["contacts"].count,
    }))
""")


def bench_import(tmp: Path, home: Path, rows: int) -> None:
    print(f"\n## An all-bad CSV ({rows:,} rows, 4 problems each)")
    print(f"{'mode':<16} {'seconds':>8} {'peak RSS':>9} {'rejected':>9} {'problems':>10} {'kept':>6} {'stored':>7}")
    for mode in ("all-or-nothing", "partial"):
        r = child(BAD_IMPORT, tmp, rows, mode, home=home)
        print(f"{mode:<16} {r['seconds']:>8.1f} {r['rss_mb']:>7.0f}MB {r['rejected']:>9,} {r['problems']:>10,} "
              f"{r['kept']:>6,} {r['contacts']:>7,}")


# ----------------------------------------------------------------------- checker

CHECK_DRAFT = textwrap.dedent("""
    import json, resource, sys, time
    from evidencebot.language.checker import Checker

    kind, size = sys.argv[1], int(sys.argv[2])
    checker = Checker()
    checker.check_text("warm up")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts, total, i = [], 0, 0
    while total < size:
        if kind == "paragraphs":
            p = (f"## Point {i}\\n\\nOur team saw {i} people in March and readmissions fell by {i % 50} points. "
                 f"The service transformed outcomes for {i + 3} people. We worked with housing partners "
                 f"on plan {i}; Jo Bloggs was one of them.\\n\\n")
        else:
            p = f"Our team saw {i} people in March and readmissions fell by {i % 50} points. "
        parts.append(p)
        total += len(p)
        i += 1
    text = "".join(parts)
    start = time.perf_counter()
    try:
        findings, error = checker.check_text(text, path="draft.md"), None
    except Exception as exc:
        findings, error = [], f"{type(exc).__name__}: {str(exc)[:90]}"
    print(json.dumps({
        "chars": len(text), "seconds": time.perf_counter() - start, "findings": len(findings), "error": error,
        "base_mb": base, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "inside": all(0 <= f.start <= f.end <= len(text) for f in findings),
    }))
""")


def bench_checker(home: Path, draft_bytes: int, paragraph_bytes: list[int]) -> None:
    print("\n## The checker on long drafts")
    print(f"{'shape':<22} {'chars':>10} {'seconds':>8} {'peak RSS':>9} {'over base':>9} {'findings':>9}  outcome")
    runs = [("paragraphs", draft_bytes)] + [("one paragraph", n) for n in paragraph_bytes]
    for kind, size in runs:
        r = child(CHECK_DRAFT, "paragraphs" if kind == "paragraphs" else "one", size, home=home)
        outcome = r["error"] or ("ok, offsets inside the text" if r["inside"] else "OFFSETS OUTSIDE THE TEXT")
        print(f"{kind:<22} {r['chars']:>10,} {r['seconds']:>8.1f} {r['rss_mb']:>7.0f}MB "
              f"{r['rss_mb'] - r['base_mb']:>7.0f}MB {r['findings']:>9,}  {outcome}")


# ----------------------------------------------------------------------- concurrency

EDITOR = textwrap.dedent("""
    import json, os, resource, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft

    path, tag, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    db = connect(path, user=f"editor {tag}")
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.001)
    field = "context" if tag == "A" else "delivery"
    failures, slowest, start = 0, 0.0, time.perf_counter()
    for i in range(n):
        t = time.perf_counter()
        try:
            save_story_draft(db, f"{tag}{i:05d}", {"title": f"{tag} {i}", "context": f"{tag} context {i}"})
            save_story_draft(db, "SHARED", {field: f"{tag}-{i}"})
        except Exception as exc:
            failures += 1
        slowest = max(slowest, time.perf_counter() - t)
    print(json.dumps({"saves": 2 * n, "seconds": time.perf_counter() - start, "failures": failures,
                      "slowest": slowest, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")

IMPORTER = textwrap.dedent("""
    import json, os, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    path, csv_path, go = sys.argv[1], sys.argv[2], sys.argv[3]
    db = connect(path, user="importer")
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.001)
    start = time.perf_counter()
    report = import_file(db, "contacts", csv_path)
    print(json.dumps({"rows": report.inserted, "committed": report.committed,
                      "seconds": time.perf_counter() - start}))
""")


def _together(home: Path, go: Path, commands: list[list[str]]) -> list[dict]:
    procs = [subprocess.Popen([sys.executable, "-c", *c], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env(home)) for c in commands]
    for p in procs:
        line = p.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(p.stderr.read())
    go.touch()
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=3600)
        if p.returncode != 0:
            raise SystemExit(stderr[-3000:])
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    go.unlink()
    return out


def bench_concurrency(tmp: Path, home: Path, saves: int, import_rows: int) -> None:
    sys.path.insert(0, SRC)
    import csv

    from evidencebot.store.db import connect

    print("\n## Two writers at once")
    db_path = tmp / "two.db"
    connect(db_path).close()
    go = tmp / "go"
    a, b = _together(home, go, [[EDITOR, str(db_path), "A", str(saves), str(go)],
                                [EDITOR, str(db_path), "B", str(saves), str(go)]])
    db = connect(db_path)
    landed = db.execute("select count(*) from stories").fetchone()[0]
    shared = db["stories"].get("SHARED")
    db.close()
    for tag, r in (("A", a), ("B", b)):
        print(f"editor {tag}: {r['saves']:,} saves in {r['seconds']:.1f} s ({r['saves'] / r['seconds']:.0f}/s), "
              f"slowest {r['slowest'] * 1000:.0f} ms, failures {r['failures']}")
    ok = landed == 2 * saves + 1 and shared["context"] == f"A-{saves - 1}" and shared["delivery"] == f"B-{saves - 1}"
    print(f"stories landed: {landed:,} of {2 * saves + 1:,}; shared story has both last edits: {ok}")

    db_path = tmp / "mixed.db"
    db = connect(db_path)
    db["people"].insert_all([{"person_id": f"P{i}", "referral_date": "2024-01-01"} for i in range(100)])
    db.close()
    big = tmp / "contacts.csv"
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        for i in range(import_rows):
            w.writerow([f"C{i:08d}", f"P{i % 100}", "2025-03-01T10:00", "planned", "phone", "attended"])
    imp, ed = _together(home, go, [[IMPORTER, str(db_path), str(big), str(go)],
                                   [EDITOR, str(db_path), "A", str(saves), str(go)]])
    db = connect(db_path)
    contacts = db["contacts"].count
    stories = db.execute("select count(*) from stories").fetchone()[0]
    db.close()
    print(f"import of {import_rows:,} rows took {imp['seconds']:.1f} s (holding the write lock); "
          f"meanwhile {ed['saves']:,} saves, slowest {ed['slowest'] * 1000:.0f} ms, failures {ed['failures']}")
    print(f"landed: {contacts:,} contacts, {stories:,} stories of {saves + 1:,}")


# ----------------------------------------------------------------------- kill

AUTOSAVE = textwrap.dedent("""
    import sys
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft

    db = connect(sys.argv[1], user="typist")
    i = int(sys.argv[2])
    while True:
        body = f"version {i} " + ("The plan was rehearsed with the family. " * 150)
        save_story_draft(db, "S0001", {"context": body, "evidence": f"version {i}"})
        print(i, flush=True)
        i += 1
""")


def bench_kill(tmp: Path, home: Path, kills: int) -> None:
    sys.path.insert(0, SRC)
    from evidencebot.store.db import connect
    from evidencebot.store.doctor import diagnose

    print(f"\n## SIGKILL during autosave ({kills} kills)")
    path = tmp / "kill.db"
    connect(path).close()
    rnd = random.Random(1)
    start, good, extra = 0, 0, 0
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", AUTOSAVE, str(path), str(start)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env(home))
        wanted = start + 50 + rnd.randrange(200)
        last = None
        while last is None or last < wanted:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit(proc.stderr.read())
            last = int(line)
        time.sleep(rnd.random() * 0.03)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db = connect(path)
        ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = db["stories"].get("S0001")
        saved = int(row["evidence"].split()[1])
        whole = row["context"].startswith(f"version {saved} ")
        db.close()
        good += ok and whole and saved >= last
        extra += saved - last
        start = saved + 1
    problems = [c.name for c in diagnose(path) if c.problem]
    print(f"{good} of {kills} kills left an intact database with the last saved text "
          f"({extra} saves finished between the last report and the kill); doctor problems: {problems or 'none'}")


# ----------------------------------------------------------------------- audit

AUDIT_COST = textwrap.dedent("""
    import json, sys, time
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft

    path, n, drop = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "drop"
    db = connect(path)
    if drop:
        for (name,) in db.execute("select name from sqlite_master where type = 'trigger' "
                                  "and (name like 'audit_%' or name like 'workflow_%')").fetchall():
            db.execute(f"drop trigger [{name}]")
    start = time.perf_counter()
    for i in range(n):
        save_story_draft(db, f"S{i % 50:04d}", {"context": f"text {i} " * 40, "domains": "safety"})
    print(json.dumps({"per_save_ms": (time.perf_counter() - start) / n * 1000,
                      "audit_rows": db.execute("select count(*) from audit_log").fetchone()[0]}))
""")


def bench_audit(tmp: Path, home: Path, saves: int) -> None:
    print(f"\n## Audit and workflow triggers ({saves:,} story saves)")
    with_t = child(AUDIT_COST, tmp / "a1.db", saves, "keep", home=home)
    without = child(AUDIT_COST, tmp / "a2.db", saves, "drop", home=home)
    print(f"per save: {with_t['per_save_ms']:.2f} ms with triggers, {without['per_save_ms']:.2f} ms without; "
          f"audit rows written: {with_t['audit_rows']:,}")

ATTACK = textwrap.dedent("""
    import json, os, sqlite3, sys, time
    from pathlib import Path
    tmp = Path(sys.argv[1])
    tally = {"tried": 0, "handled": 0, "lost": 0, "leaked": 0, "unhandled": []}

    def case(name, outcome):
        tally["tried"] += 1
        if outcome == "handled":
            tally["handled"] += 1
        else:
            tally[outcome] += 1
            tally["unhandled"].append(f"{name}: {outcome}")

    from evidencebot.errors import EvidencebotError
    from evidencebot.store.db import connect
    from evidencebot.store.importers import import_file

    # --- rejects paths: never the database, its side files, the input or a link's target
    db_path = tmp / "svc.db"
    db = connect(db_path)
    db["people"].insert({"person_id": "P0", "referral_date": "2025-01-01"})
    people = tmp / "people.csv"
    people.write_text("person_id,referral_date\\nP1,2025-01-01\\nP2,not a date\\n", encoding="utf-8")
    victim = tmp / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp / "hard.csv").unlink(missing_ok=True)
    os.link(people, tmp / "hard.csv")
    (tmp / "to-db.csv").symlink_to(db_path)
    (tmp / "to-victim.csv").symlink_to(victim)
    targets = [(str(db_path), True), (f"{db_path}-wal", True), (f"{db_path}-shm", True),
               (f"{db_path}-journal", True), (tmp / "hard.csv", True), (tmp / "to-db.csv", True),
               (tmp / "to-victim.csv", True), (tmp / "to-victim.csv", False), (tmp / "missing" / "r.csv", False)]
    for target, force in targets:
        before = people.read_bytes()
        try:
            import_file(db, "people", people, partial=True, rejects_path=target, force=force)
            refused = False
        except EvidencebotError:
            refused = True
        check = sqlite3.connect(db_path)
        intact = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
        safe = intact and people.read_bytes() == before and victim.read_text(encoding="utf-8") == "keep"
        case(f"rejects {Path(str(target)).name} force={force}",
             "handled" if safe and (refused or str(target).endswith("to-victim.csv")) else "lost")
    db.close()

    # --- personal data the checker must see
    from evidencebot.language.checker import Checker
    checker = Checker(families=["privacy"])
    nhs = "943 476 5919"
    texts = [f"![Jane Smith {nhs}](x.png)", f"[notes](https://x.example/?n={nhs.replace(' ', '')})",
             f'[notes](n.md "{nhs}")', f"id `{nhs}`", f"```\\n{nhs}\\n```", f"<!-- {nhs} -->",
             f"---\\nnhs: {nhs}\\n---\\n\\nText.", f"    {nhs}", f'<img alt="{nhs}" src="p.png">',
             "NHS 943.476.5919", "NHS \\uff19\\uff14\\uff13 \\uff14\\uff17\\uff16 \\uff15\\uff19\\uff11\\uff19",
             "NHS \\u0669\\u0664\\u0663 \\u0664\\u0667\\u0666 \\u0665\\u0669\\u0661\\u0669",
             "NHS 943\\u200b476\\u200b5919", "nine four three four seven six five nine one nine",
             "NI AB 12 34 56 C", "write to jane dot smith at example dot com",
             "We met jane smith at the clinic on Tuesday."]
    for text in texts:
        found = [f for f in checker.check_text(text + "\\n", path="draft.md") if f.severity == "error"]
        case(f"privacy {text[:30]!r}", "handled" if found else "leaked")

    from evidencebot.compose.export import ExportDoc, to_html
    html = to_html(ExportDoc(title="T", body="![c](https://tracker.example/p.png?nhs=9434765919)\\n")).lower()
    case("remote image in HTML", "leaked" if 'src="http' in html or "9434765919" in html else "handled")

    # --- template budgets (a user template: sandboxed)
    from evidencebot.compose import env
    attacks = ["{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
               "{{ lipsum(1000000) }}", "{{ 'x'|center(1000000000) }}", "{{ 'x'.ljust(1000000000) }}",
               "{{ '{:>1000000000}'.format(1) }}", "{% set s = 'x' * 600000 %}{{ s ~ s }}",
               "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
               # a loop that makes no call (only the child's time limit stops it)
               "{% for a in 'x' * 1000000 %}{% for b in 'x' * 1000000 %}{% endfor %}{% endfor %}",
               # about 800 MB held in lists (only the child's memory cap stops it)
               "{% set s = 'ab ' * 333333 %}" + "".join("{% set l" + str(i) + " = s.split() %}" for i in range(40))
               + "{{ l39 | length }}"]
    for source in attacks:
        started = time.perf_counter()
        try:
            env.render_string(source, {})
            outcome = "unhandled"
        except EvidencebotError:
            outcome = "handled" if time.perf_counter() - started < 30 else "unhandled"
        tally["tried"] += 1
        if outcome == "handled":
            tally["handled"] += 1
        else:
            tally["unhandled"].append(f"template {source[:30]!r}")

    # --- a story save while another connection holds the write lock (i16's journal)
    try:
        from evidencebot.assistant.journal import Journal
    except ImportError:
        Journal = None
    if Journal is not None:
        story_db = tmp / "stories.db"
        connect(story_db).close()
        holder = sqlite3.connect(story_db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            journal = Journal.for_database(story_db)
            journal.add("story", "S1", {"title": "Locked", "context": "typed while locked"})
            kept = any(e.key == "S1" for e in Journal.for_database(story_db).entries())  # as after a kill
        except Exception as exc:  # an API this bench does not know: count it as not tried
            kept = None
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        if kept is not None:
            case("story text typed while the database is locked", "handled" if kept else "lost")

    # --- withdrawal reaches near-copies: every exportable demo story, withdrawn in turn
    from evidencebot.assistant.exporting import ExportRefused, export_draft
    from evidencebot.compose import library
    from evidencebot.store import audit, reach, workflow
    from evidencebot.store.demo import build_demo

    demo_path = tmp / "demo.db"
    demo = connect(demo_path)
    build_demo(demo, people=120)

    class Doc:
        kind, title, question, word_limit, period = "tender", "Answer", "A question", None, None

        def __init__(self, text):
            self.text = text

    def story_words(row):
        return " ".join(str(row.get(k) or "") for k in ("context", "support_approach", "delivery", "evidence")).split()

    variants = {
        "verbatim": lambda w: " ".join(w),
        "every 8th word changed": lambda w: " ".join("altered" if i % 8 == 7 else x for i, x in enumerate(w)),
        "20-word quote": lambda w: "As one person put it, " + " ".join(w[2:22]) + " and that was that.",
    }
    stories = workflow.exportable_stories(demo)
    false_refusals = 0
    for row in stories:
        sid = row["story_id"]
        words = story_words(row)
        bid = library.save(demo, "How do you support people?", "We plan with each person. " + " ".join(words[10:60]))
        demo["drafts"].insert({"kind": "tender", "title": f"uses {sid}", "body": variants["every 8th word changed"](words),
                               "created_by": "bench", "created_at": "2026-01-01", "updated_at": "2026-01-01"})
        draft_name = f"draft #{demo.execute('select max(draft_id) from drafts').fetchone()[0]}"
        audit.set_user(demo, "Bench Manager")
        change = workflow.withdraw_consent(demo, sid)
        names = [d["document"] for d in change.documents]
        case(f"withdrawal of {sid} lists its library entry", "handled" if f"library entry #{bid}" in names else "leaked")
        case(f"withdrawal of {sid} lists the draft holding a near-copy",
             "handled" if any(n.startswith(draft_name) for n in names) else "leaked")
        case(f"library entry holding {sid} is hidden", "handled" if reach.hidden_entry(demo, demo["bids"].get(bid))
             else "leaked")
        for label, make in variants.items():
            out = tmp / f"{sid}-{label.replace(' ', '-')}.md"
            try:
                export_draft(demo, Doc(make(words)), out)
                outcome = "leaked"
            except ExportRefused:
                outcome = "handled" if not out.exists() else "leaked"
            case(f"{label} of withdrawn {sid} at export", outcome)
    # text about the same work that copies no story is still exported (false refusals)
    plain = ("We agree a plan with each person, review it every month with them and their family, and keep in touch "
             "with their GP and housing officer until the goals they set are met.")
    try:
        export_draft(demo, Doc(plain), tmp / "plain.md")
    except ExportRefused:
        false_refusals += 1
    tally["false_refusals"] = false_refusals
    demo.close()

    # --- raw counts in a user template of an external review
    import re
    from evidencebot.compose.review import assemble_review
    from evidencebot.errors import ConfigError
    from evidencebot import locations
    counts_db = tmp / "counts.db"
    cdb = connect(counts_db)
    build_demo(cdb, people=120)
    folder = locations.user_dir("templates")
    folder.mkdir(parents=True, exist_ok=True)
    probe = {
        "safeguarding.total": "{{ safeguarding.total }}", "safeguarding.referred": "{{ safeguarding.referred }}",
        "safeguarding.multi_agency": "{{ safeguarding.multi_agency }}", "activity.referrals": "{{ activity.referrals }}",
        "activity.discharges": "{{ activity.discharges }}", "waits.seen": "{{ waits.seen }}",
        "waits.waiting": "{{ waits.waiting }}", "waits.within_14": "{{ waits.within_14 }}",
        "esc.total": "{{ esc.total }}", "esc.by_level": "{% for l, n in esc.levels %}{{ n }};{% endfor %}",
        "partners": "{% for p, n in partners.partners %}{{ n }};{% endfor %}",
        "incident_types": "{% for t, n in incident_types %}{{ n }};{% endfor %}",
    }
    exact = {}
    for name, source in probe.items():
        (folder / "contract_review.md.j2").write_text(f"[[{source}]]\\n", encoding="utf-8")
        env.clear_cache()
        exact[name] = re.search(r"\\[\\[(.*?)\\]\\]", assemble_review(cdb, None, None, suppress=False,
                                                                check=False).markdown).group(1)
        shown = re.search(r"\\[\\[(.*?)\\]\\]", assemble_review(cdb, None, None, suppress=True,
                                                                check=False).markdown).group(1)
        values = [v for v in shown.split(";") if v]
        tally["small_raw"] = tally.get("small_raw", 0) + sum(1 for v in exact[name].split(";") if v in "1234" and v)
        ok = all(v in ("0", "<5") or (v.isdigit() and int(v) % 5 == 0) for v in values)
        case(f"template prints {name} in an external review", "handled" if ok else "leaked")
    for source in ["{{ safeguarding.total + 0 }}", "{{ safeguarding.total * 1 }}",
                   "{% for i in range(10) %}{% if safeguarding.total > i %}x{% endif %}{% endfor %}",
                   "{{ [safeguarding.total] | sum }}", "{{ '%d' | format(safeguarding.total) }}"]:
        (folder / "contract_review.md.j2").write_text(f"[[{source}]]\\n", encoding="utf-8")
        env.clear_cache()
        try:
            text = assemble_review(cdb, None, None, suppress=True, check=False).markdown
            shown = re.search(r"\\[\\[(.*?)\\]\\]", text).group(1)
            outcome = "handled" if shown in ("", "<5", "0") or (shown.isdigit() and int(shown) % 5 == 0) else "leaked"
        except ConfigError:
            outcome = "handled"
        case(f"template works out a count: {source[:40]}", outcome)
    (folder / "contract_review.md.j2").unlink()
    env.clear_cache()
    cdb.close()

    # --- a new name in config.toml is not a second person (the real computer account)
    from evidencebot.store.search import save_story_draft
    config_file = locations.config_file()

    def act_as(name, shared=False):
        text = f'[user]\\nname = "{name}"\\n'
        if shared:
            text += "[governance]\\nshared_account = true\\n"
        config_file.write_text(text, encoding="utf-8")

    parts = {"title": "A story", "context": "Context words here.", "support_approach": "Support words here.",
             "delivery": "Delivery words here.", "evidence": "Evidence words here."}
    for n, (renamed, shared) in enumerate([("Ben Approver", False), ("ana writer 2", False), ("Ben Approver", True)]):
        path = tmp / f"names{n}.db"
        act_as("Ana Writer")
        sdb = connect(path)
        save_story_draft(sdb, "S1", parts)
        workflow.submit_story(sdb, "S1")
        sdb.close()
        act_as(renamed, shared)
        sdb = connect(path)
        try:
            workflow.approve_story(sdb, "S1")
            approved = True
        except EvidencebotError:
            approved = False
        marked = workflow.approved_from_same_account(sdb, "stories", "S1")
        sdb.close()
        if shared:
            case("shared-account approval is marked in the audit log", "handled" if approved and marked else "leaked")
        else:
            case(f"approval after renaming to {renamed!r}", "handled" if not approved else "leaked")
    config_file.unlink()

    # --- a story typed in the app while an import holds the write lock (the story form, driven)
    import asyncio

    async def typed_while_locked():
        from evidencebot.assistant.journal import journal_path
        from evidencebot.tui.app import make_app

        app = make_app(demo_path, load_language=False)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(5):
                await pilot.pause(0.2)
            await pilot.press("f4")
            await pilot.pause(0.5)
            await pilot.press("tab")
            for ch in "FIRSTTEXT":
                await pilot.press(ch)
            await pilot.pause(1.0)
            holder = sqlite3.connect(demo_path, timeout=30, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            try:
                for ch in " SECONDTEXT":
                    await pilot.press(ch)
                await pilot.pause(11.0)  # longer than the 10 s busy timeout
                status = str(app.screen.query_one("#story-status").render())
                journal = journal_path(demo_path)
                kept = journal.exists() and "FIRSTTEXT SECONDTEXT" in journal.read_text(encoding="utf-8")
                honest = "not saved yet" in status
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            for _ in range(60):
                await pilot.pause(0.25)
                if str(app.screen.query_one("#story-status").render()).startswith("✓ saved"):
                    break
        check = sqlite3.connect(demo_path)
        landed = check.execute("SELECT count(*) FROM stories WHERE context = 'FIRSTTEXT SECONDTEXT'").fetchone()[0]
        check.close()
        return kept, honest, landed == 1

    try:
        kept, honest, landed = asyncio.run(typed_while_locked())
    except Exception as exc:  # the app could not be driven here: reported, not counted
        tally["unhandled"].append(f"story form under a held lock not driven: {type(exc).__name__}: {exc}")
    else:
        case("story form: typed text kept in the journal while locked", "handled" if kept else "lost")
        case("story form: status says 'not saved yet' while locked", "handled" if honest else "lost")
        case("story form: typed text lands once the lock is released", "handled" if landed else "lost")
    print(json.dumps(tally))
""")


def bench_attack(tmp: Path, home: Path) -> None:
    folder = tmp / "attack"
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    r = child(ATTACK, folder, home=home, timeout=600)
    print("\n## Attack cases (issue 18)")
    print(f"tried {r['tried']}, handled {r['handled']}, lost {r['lost']}, leaked {r['leaked']} "
          f"({time.perf_counter() - started:.1f} s)")
    for line in r["unhandled"]:
        print(f"  not handled: {line}")
    if "small_raw" in r:
        print(f"raw counts of 1-4 in the probed review context (internal render): {r['small_raw']}")
    if "false_refusals" in r:
        print(f"false refusals: {r['false_refusals']} (a draft about the same work that copies no story)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (about a minute)")
    ap.add_argument("--only", help="comma-separated sections: import,checker,concurrency,kill,audit,attack")
    ap.add_argument("--bad-rows", type=int)
    ap.add_argument("--draft-mb", type=float)
    args = ap.parse_args()
    quick = args.quick
    sections = set((args.only or "import,checker,concurrency,kill,audit,attack").split(","))
    tmp = Path(tempfile.mkdtemp(prefix="evidencebot-robustness-"))
    home = tmp / "home"
    try:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; working in {tmp}")
        if "import" in sections:
            bench_import(tmp, home, args.bad_rows or (20_000 if quick else 100_000))
        if "checker" in sections:
            size = int((args.draft_mb or (0.2 if quick else 5.0)) * 1_000_000)
            bench_checker(home, size, [50_000] if quick else [250_000, 1_050_000])
        if "concurrency" in sections:
            bench_concurrency(tmp, home, 150 if quick else 500, 50_000 if quick else 200_000)
        if "kill" in sections:
            bench_kill(tmp, home, 3 if quick else 10)
        if "audit" in sections:
            bench_audit(tmp, home, 300 if quick else 2_000)
        if "attack" in sections:
            bench_attack(tmp, home)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
