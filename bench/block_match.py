"""Block matching precision on the labelled dev set (sub-point text -> acceptable block ids).

    python bench/block_match.py [--db PATH]

For each sub-point of ``tests/data/labelled/block_match_dev.jsonl`` (or, with
--fresh, ``block_match_fresh.jsonl``: 18 sub-points written after the matcher was
tuned, measured once) it takes the
first block each matcher would use and counts it right when it is one of the
acceptable ids. Prints precision for the topic matcher (``compose.blockmatch``,
what answers use) and for the old word-overlap match (``tender._lexical_candidates``)
on the same approved library, and the misses. Builds a small demo unless --db names one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "labelled" / "block_match_dev.jsonl"
FRESH = ROOT / "tests" / "data" / "labelled" / "block_match_fresh.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--fresh", action="store_true", help="measure the fresh set (written after tuning) instead")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch, library
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.store.blocks import get_profile
    from evidencebot.store.db import connect

    path = args.db
    if not path:
        from evidencebot.store.demo import build_demo

        path = str(Path(tempfile.mkdtemp()) / "demo.db")
        build_demo(path, people=60)
    db = connect(path)
    blocks = [b for b in library.list_blocks(db, status="approved") if b.approved]
    rows = [json.loads(line) for line in (FRESH if args.fresh else DEV).read_text(encoding="utf-8").splitlines() if line.strip()]
    right = {"topic": 0, "words": 0}
    answered = {"topic": 0, "words": 0}
    for row in rows:
        found = blockmatch.candidates(row["text"], blocks)
        topic = found[0][1].block_id if found else None
        plan = plan_question(row["text"] + " (300 words)")
        lex = T._lexical_candidates(db, plan, plan.points[0], set(), None, get_profile(db))
        words = lex[0].block_id if lex else None
        for name, got in (("topic", topic), ("words", words)):
            if got:
                answered[name] += 1
                right[name] += got in row["ok"]
        if topic not in row["ok"]:
            print(f"miss (topic): {row['text']!r} -> {topic} (want {', '.join(row['ok'])})")
    for name in ("topic", "words"):
        n = len(rows)
        print(f"{name:5} matcher: {right[name]}/{n} first blocks acceptable (precision over all {right[name] / n:.3f}; "
              f"over answered {right[name] / max(1, answered[name]):.3f}, {answered[name]} answered)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
