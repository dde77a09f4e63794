"""Does the method library answer what real ITTs ask? Per ask: the block an answer would use, its match score, and
whether it fits.

    python bench/ask_coverage.py [--db PATH] [--show] [--misses]

``tests/data/labelled/ask_coverage.jsonl`` holds asks written by l15 (session 15) from what UK tender packs for
community mental health, recovery, employment, housing-related support and wellbeing services ask (equality and
under-served groups, mobilisation, social value, IPS, housing, recovery education, transitions, physical health,
carers, records, workforce, safeguarding, complaints, business continuity, partnerships, outcomes, co-production),
not from the spent sets' questions. Each row: the ask, its topic, what a 4/5 answer would hold (who, when, how
often, how checked) and ``ok``: the block ids that answer it (a labelled judgement: the block says who does what
for that ask, not only something near it).

Each ask is planned as ``assemble tender`` plans it (300 words) and its method blocks chosen
(:func:`evidencebot.compose.tender.choose_methods`); the first block of its first part is compared with ``ok``.
The score is :func:`evidencebot.compose.blockmatch.candidates`' for that block (the topic cue's weight x 100, less
its place in the topic's list, plus shared words): 0 when the topic matcher did not offer it (a word-overlap
fallback). Prints one line per ask (``--misses``: only those without a fitting block), then per topic and in all:
asks with a fitting block, with a block that does not fit, with none ("[To write]"). Builds a small demo unless
``--db`` names one (blocks are the database's: rebuild it after editing ``corpus/library/blocks.yaml``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASKS = ROOT / "tests" / "data" / "labelled" / "ask_coverage.jsonl"


def load_asks(path: Path = ASKS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def first_blocks(db, ask: str) -> list:
    """The blocks an answer to ``ask`` alone would use, its first part's first."""
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question

    plan = plan_question(ask + " (300 words)")
    methods = T.choose_methods(db, plan)
    out = []
    for point in plan.points:
        for b in methods[point.key].blocks:
            if b not in out:
                out.append(b)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--show", action="store_true", help="also print each chosen block's title")
    ap.add_argument("--misses", action="store_true", help="print only the asks without a fitting block")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch, library

    from _demo import bench_database

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    approved = [b for b in library.list_blocks(db, status="approved") if b.approved]
    per_topic: dict[str, Counter] = {}
    total: Counter = Counter()
    for row in load_asks():
        chosen = first_blocks(db, row["ask"])
        first = chosen[0] if chosen else None
        scores = {b.block_id: s for s, b in blockmatch.candidates(row["ask"], approved)}
        state = "none" if first is None else ("fits" if first.block_id in row["ok"] else "wrong")
        per_topic.setdefault(row["topic"], Counter())[state] += 1
        total[state] += 1
        if args.misses and state == "fits":
            continue
        name = first.block_id if first else "[To write]"
        score = scores.get(first.block_id, 0) if first else 0
        line = f"{row['id']} {state:5} {score:5.0f} {name:32} {row['ask'][:90]}"
        if args.show and first:
            line += f"\n      {first.title} | also: {', '.join(b.block_id for b in chosen[1:4]) or '-'}"
        print(line)
    for topic, c in sorted(per_topic.items()):
        print(f"{topic:20} fits {c['fits']:3}  wrong {c['wrong']:3}  none {c['none']:3}")
    n = sum(total.values())
    print(f"all: {n} asks: a fitting block {total['fits']} ({total['fits'] / n:.0%}), a block that does not fit "
          f"{total['wrong']}, none {total['none']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
