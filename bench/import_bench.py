"""Benchmark: importing contacts from CSV, against ``sqlite-utils insert``.

    python bench/import_bench.py             # 1,000,000 contact rows
    python bench/import_bench.py --rows 50000

Generates a people file and a contacts file into a temporary folder (never into
the repository), then times, each in a child process:

1. ``evidencebot import people``  (setup, reported but not compared);
2. ``evidencebot import contacts`` into the migrated database (indexes, foreign
   keys, validation, one transaction);
3. ``sqlite-utils insert DB contacts FILE --csv`` into a fresh database.

Prints rows/s, the time ratio (ours / sqlite-utils; target <= 2.0) and the peak
resident memory of our import child (target < 300 MB), measured with
``os.wait4`` (``getrusage`` of that child alone).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 2.0
TARGET_MB = 300

KINDS = ["planned"] * 6 + ["unplanned", "crisis", "step_up", "review", "review"]
MODES = ["face_to_face"] * 4 + ["phone", "phone", "video", "text", "other", ""]
ATTENDANCE = ["attended"] * 7 + ["dna", "cancelled_by_person", "cancelled_by_service", "late", "5", "3", "6"]


def _bin(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def generate(folder: Path, rows: int, people: int, seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed)
    people_csv = folder / "people.csv"
    contacts_csv = folder / "contacts.csv"
    with open(people_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "service", "referral_date", "age_band", "housing_status"])
        for i in range(people):
            w.writerow([f"P{i:06d}", rng.choice(["North", "South"]), f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        rng.choice(["18-24", "25-34", "35-44", "45-64", "65+"]), rng.choice(["settled", "temporary", ""])])
    with open(contacts_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "person_id", "contact_at", "kind", "mode", "attendance"])
        choice, randint = rng.choice, rng.randint
        for i in range(rows):
            w.writerow([
                f"C{i:08d}",
                f"P{randint(0, people - 1):06d}",
                f"{randint(2024, 2025)}-{randint(1, 12):02d}-{randint(1, 28):02d}T{randint(8, 19):02d}:{choice(('00', '15', '30', '45'))}",
                choice(KINDS),
                choice(MODES),
                choice(ATTENDANCE),
            ])
    return people_csv, contacts_csv


def run_child(args: list[str], env: dict) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit code) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    proc.stderr.close()
    if proc.returncode != 0:
        print(f"  ! {' '.join(args[:3])} exited {proc.returncode}: {err[-500:]}", file=sys.stderr)
    # ru_maxrss is KiB on Linux
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="contact rows (default 1,000,000)")
    parser.add_argument("--people", type=int, default=20_000, help="people rows (default 20,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="evidencebot-import-bench-"))
    env = dict(os.environ, EVIDENCEBOT_HOME=str(folder / "home"))
    env.pop("EVIDENCEBOT_DB", None)
    try:
        t0 = time.perf_counter()
        people_csv, contacts_csv = generate(folder, args.rows, args.people, args.seed)
        size_mb = contacts_csv.stat().st_size / 1e6
        print(f"generated {args.people:,} people and {args.rows:,} contacts ({size_mb:.1f} MB) "
              f"in {time.perf_counter() - t0:.1f}s in {folder}")

        ours_db = folder / "ours.db"
        evidencebot = [_bin("evidencebot")]
        secs, mb, code = run_child([*evidencebot, "import", "people", str(people_csv), "--db", str(ours_db)], env)
        print(f"evidencebot import people:   {secs:7.2f}s  ({args.people / secs:,.0f} rows/s, peak {mb:.0f} MB)")
        if code != 0:
            return 1

        ours_s, ours_mb, code = run_child(
            [*evidencebot, "import", "contacts", str(contacts_csv), "--db", str(ours_db)], env
        )
        if code != 0:
            return 1
        count = sqlite3.connect(ours_db).execute("select count(*) from contacts").fetchone()[0]
        print(f"evidencebot import contacts: {ours_s:7.2f}s  ({args.rows / ours_s:,.0f} rows/s, "
              f"peak {ours_mb:.0f} MB, {count:,} rows in the table)")

        su_db = folder / "sqlite-utils.db"
        su_s, su_mb, code = run_child(
            [_bin("sqlite-utils"), "insert", str(su_db), "contacts", str(contacts_csv), "--csv"], env
        )
        if code != 0:
            return 1
        print(f"sqlite-utils insert --csv:   {su_s:7.2f}s  ({args.rows / su_s:,.0f} rows/s, peak {su_mb:.0f} MB)")

        ratio = ours_s / su_s
        print(f"ratio ours / sqlite-utils:   {ratio:7.2f}   (target <= {TARGET_RATIO}) "
              f"{'OK' if ratio <= TARGET_RATIO else 'SLOWER THAN TARGET'}")
        print(f"peak memory of our import:   {ours_mb:7.0f} MB (target < {TARGET_MB} MB) "
              f"{'OK' if ours_mb < TARGET_MB else 'OVER TARGET'}")
        ok = count == args.rows and ratio <= TARGET_RATIO and ours_mb < TARGET_MB
        return 0 if ok else 1
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
