"""Time to first paint of the terminal app.

Each run starts a fresh ``python`` child that imports the command-line package
and ``evidencebot.tui.app``, then runs ``EvidencebotApp`` headless until
Textual's ``Ready`` event (sent after the first frame is displayed). Four
times are printed, each the median over ``--runs`` runs (after one run that
warms the file cache):

* **wall clock**, from starting the child to it printing that its first frame
  is up: interpreter start-up and every import included. This is what a user
  waits for, and what the 1 s budget applies to;
* the child's CPU time (every thread) to the first frame: steadier than the
  wall clock on a busy machine;
* from the app's ``START_TIME`` (the first line of ``evidencebot.tui``) to the
  first frame;
* from the first frame to the assistant being ready (the app builds its
  ``Conversation``, whose import loads the whole core, in a worker started by
  the first frame; what is typed meanwhile waits in the chat's queue).

The language model is loaded after the assistant is ready, so it is not part
of any of them (the app's own default; the child keeps it on so that the
measurement includes starting that worker).

Usage::

    python bench/startup_bench.py [--runs 5] [--db PATH]

With no ``--db`` a small demo database is built in a temporary folder first.
Prints one line per measurement, and exits 1 if the median wall-clock time
is over the 1 s budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_MS = 1000.0

CHILD = r"""
import time
t0 = time.perf_counter()
import sys
import evidencebot.cli  # the real entry point's imports
from evidencebot.tui.app import EvidencebotApp
from evidencebot.tui import START_TIME

class Bench(EvidencebotApp):
    painted = None

    def on_ready(self):
        self.painted = now = time.perf_counter()
        print(f"READY {(now - t0) * 1000:.1f} {time.process_time() * 1000:.1f} {(now - START_TIME) * 1000:.1f}",
              flush=True)

    def on_conversation_ready(self):
        print(f"ASSISTANT {(time.perf_counter() - self.painted) * 1000:.1f}", flush=True)
        self.exit()

Bench(sys.argv[1], load_language=True).run(headless=True, size=(80, 24))
"""


def build_db(folder: Path) -> Path:
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo

    path = folder / "bench.db"
    db = connect(path)
    try:
        build_demo(db, people=400)
    finally:
        db.close()
    return path


def run_child(db: Path) -> tuple[float, float, float, float]:
    """(wall ms from process start to the first frame, CPU ms to it, ms from START_TIME to it,
    ms from it to the assistant being ready)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    wall = None
    ready = assistant = ""
    for line in proc.stdout:
        if line.startswith("READY"):
            wall = (time.perf_counter() - started) * 1000
            ready = line
        elif line.startswith("ASSISTANT"):
            assistant = line
            break
    proc.wait(timeout=60)
    if wall is None or not assistant:
        raise SystemExit(f"the app did not paint, or its assistant never got ready: {proc.stderr.read()[-2000:]}")
    _, _, cpu, from_start_time = ready.split()
    return wall, float(cpu), float(from_start_time), float(assistant.split()[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("EVIDENCEBOT_HOME", str(Path(tmp) / "home"))
        db = args.db or build_db(Path(tmp))
        run_child(db)  # warm the file cache (.pyc files, the database) once
        results = [run_child(db) for _ in range(args.runs)]

    walls = [r[0] for r in results]
    cpus = [r[1] for r in results]
    in_app = [r[2] for r in results]
    to_assistant = [r[3] for r in results]
    print(f"runs: {args.runs}  python: {sys.version.split()[0]}  db: {'given' if args.db else 'demo, 400 people'}")
    print(f"wall clock, process start -> first frame: median {statistics.median(walls):.0f} ms, "
          f"max {max(walls):.0f} ms (budget {BUDGET_MS:.0f} ms)")
    print(f"CPU time (all threads) to first frame:     median {statistics.median(cpus):.0f} ms")
    print(f"evidencebot.tui START_TIME -> first frame: median {statistics.median(in_app):.0f} ms")
    print(f"first frame -> assistant ready:            median {statistics.median(to_assistant):.0f} ms")
    return 0 if statistics.median(walls) <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
