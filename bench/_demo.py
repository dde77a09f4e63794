"""What several benches share: the database to measure on, given or built (and timed)."""

from __future__ import annotations

import time
from pathlib import Path


def bench_database(db_path: str | None, folder: Path, people: int):
    """``db_path`` opened as it is, or a demo of ``people`` built in ``folder`` (the build time printed)."""
    from evidencebot.store.db import connect

    if db_path:
        return connect(db_path)
    from evidencebot.store.demo import build_demo

    started = time.perf_counter()
    db = connect(folder / "bench.db")
    summary = build_demo(db, people=people)
    print(f"demo built in {time.perf_counter() - started:.1f} s: {summary}")
    return db
