"""Benchmark: every indicator for one quarter, with its 24-month SPC series.

Usage::

    python bench/metrics_bench.py                      # builds /tmp/evidencebot-metrics-bench.db once
    python bench/metrics_bench.py --db demo.db         # an existing database
    python bench/metrics_bench.py --with-indexes       # also time with the recommended indexes

The demo database is ``evidencebot demo --people 50000 --months 60`` (built on
the first run and reused). Each run opens a fresh connection, so nothing is
cached between runs except the operating system's file cache; the best of
``--runs`` runs is reported, because the machine is shared. The time of each
indicator is printed with its ratio to a bare ``SELECT COUNT(*) FROM contacts``
timed in the same run. Budget: all indicators <= 2 s.

``compute_all`` runs the SQL-bound indicators in a second thread, so the
per-indicator times are each thread's own clock and add up to more than the
total; the CPU time of the process (both threads) is printed too.

``--with-indexes`` copies the database and adds the indexes listed in
``evidencebot.metrics.indicators.RECOMMENDED_INDEXES`` to the copy (never to
the database given), then times the copy too.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

BUDGET_S = 2.0
DEFAULT_DB = Path("/tmp/evidencebot-metrics-bench.db")


def build(path: Path, people: int, months: int) -> None:
    """Build the demo service into ``path`` with the real command line."""
    print(f"building the demo database {path} ({people:,} people, {months} months) ...", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "evidencebot", "demo", "--db", str(path),
                    "--people", str(people), "--months", str(months)], check=True)
    print(f"built in {time.perf_counter() - started:.1f} s", flush=True)


def one_run(path: Path, period: str | None) -> tuple[float, float, dict, list, float]:
    from evidencebot.metrics.indicators import compute_all
    from evidencebot.store.db import connect

    db = connect(path)
    try:
        started = time.perf_counter()
        db.execute("SELECT COUNT(*) FROM contacts").fetchone()
        count_s = time.perf_counter() - started
        timings: dict[str, float] = {}
        started, cpu = time.perf_counter(), time.process_time()
        results = compute_all(db, period, timings=timings)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        started = time.perf_counter()
        compute_all(db, period)
        cached = time.perf_counter() - started
        timings["(cached repeat)"] = cached
        return total, count_s, timings, results, cpu
    finally:
        db.close()


def report(path: Path, runs: int, period: str | None) -> float:
    best = None
    for _ in range(runs):
        run = one_run(path, period)
        if best is None or run[0] < best[0]:
            best = run
    total, count_s, timings, results, cpu = best
    print(f"\n{path}  period {results[0].period if results else '?'}  (best of {runs})")
    print(f"SELECT COUNT(*) FROM contacts: {count_s * 1000:.1f} ms")
    print(f"{'indicator':<32} {'ms':>8} {'x count(*)':>11}")
    for ident, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        if ident.startswith("("):
            continue
        ratio = seconds / count_s if count_s else float("nan")
        print(f"{ident:<32} {seconds * 1000:8.1f} {ratio:11.1f}")
    print(f"{'TOTAL':<32} {total * 1000:8.1f} {total / count_s:11.1f}")
    print(f"CPU time of this process for the total: {cpu * 1000:.1f} ms (wall time above; the machine may be shared)")
    print(f"repeat with the cache warm: {timings['(cached repeat)'] * 1000:.1f} ms")
    verdict = "within" if total <= BUDGET_S else "OVER"
    print(f"{verdict} the {BUDGET_S:.0f} s budget")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="database to time (default: build the demo)")
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--period", default=None, help="period to compute (default: last quarter)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--with-indexes", action="store_true",
                        help="also time a copy with RECOMMENDED_INDEXES added")
    args = parser.parse_args(argv)

    path = args.db or DEFAULT_DB
    if not path.exists():
        if args.db:
            parser.error(f"{path}: no such database")
        build(path, args.people, args.months)
    total = report(path, args.runs, args.period)

    if args.with_indexes:
        from evidencebot.metrics.indicators import index_sql

        copy = path.with_name(path.stem + "-indexed.db")
        if not copy.exists():
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            shutil.copyfile(path, copy)
            conn = sqlite3.connect(copy)
            started = time.perf_counter()
            for statement in index_sql():
                conn.execute(statement)
            conn.commit()
            conn.close()
            print(f"\nadded the recommended indexes to {copy} in {time.perf_counter() - started:.1f} s")
        total = report(copy, args.runs, args.period)
    return 0 if total <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
