"""Benchmark the demo generator and print the numbers.

    python bench/demo_bench.py            # default size, then 50,000 people x 60 months
    python bench/demo_bench.py --small    # default size only

Each build runs the real command line (`python -m evidencebot demo --db ...`)
in a fresh temporary folder, so the time includes start-up, generation,
inserting, index maintenance and the final commit. The budget for the big
build is 2 minutes on one core.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TABLES = (
    "people", "contacts", "escalations", "crisis_events", "admissions", "crisis_plans",
    "goals", "goal_reviews", "measures", "safeguarding", "incidents", "partner_comms", "stories",
)
BIG_BUDGET_SECONDS = 120.0


def run(label: str, args: list[str], folder: Path) -> float:
    path = folder / f"{label}.db"
    env = dict(os.environ, EVIDENCEBOT_HOME=str(folder / "home"))
    cmd = [sys.executable, "-m", "evidencebot", "demo", "--db", str(path), *args]
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout, done.stderr, file=sys.stderr)
        raise SystemExit(f"{label}: evidencebot demo failed with exit code {done.returncode}")
    con = sqlite3.connect(path)
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    con.close()
    size_mb = path.stat().st_size / 1e6
    total = sum(counts.values())
    print(f"{label}: evidencebot demo {' '.join(args) or '(defaults)'}")
    print(f"  time {seconds:.1f} s, {total:,} rows, {total / seconds:,.0f} rows/s, file {size_mb:.0f} MB")
    for table, n in counts.items():
        print(f"    {table:<14} {n:>10,}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="only the default-size build")
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--months", type=int, default=60)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="evidencebot-bench-") as tmp:
        folder = Path(tmp)
        run("default", [], folder)
        if not opts.small:
            seconds = run("big", ["--people", str(opts.people), "--months", str(opts.months)], folder)
            verdict = "within" if seconds <= BIG_BUDGET_SECONDS else "OVER"
            print(f"big build: {seconds:.1f} s, {verdict} the {BIG_BUDGET_SECONDS:.0f} s budget")


if __name__ == "__main__":
    main()
