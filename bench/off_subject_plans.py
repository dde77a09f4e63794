"""Off-subject blocks per part as the matcher places them (no full assembly), on the spent question sets.

    PYTHONPATH=TREE/src python bench/off_subject_plans.py --db DEMO.db [--tree TREE] [--sets s28,...,s35] [--show]

For each question file of the sets (``tests/data/heldout/sN/questions/q*.md``) the plan is read and its blocks chosen
as an assembled answer chooses them (:func:`tender.choose_methods` with ``fill=True``); each placed block is then
judged by the same independent reader as bench/off_subject.py (the block's title and tags against the part's
heading, the words of the bodies it names left out). Run it once with the tree before a change on its
``PYTHONPATH`` (and that tree's demo database) and once with the tree after: the numbers printed are comparable.
Much faster than regenerating every answer (seconds a question, not minutes), it counts blocks only, not figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from off_subject import heading_words, library, words  # noqa: E402

SETS = "s28,s29,s30,s31,s32,s33,s34,s35"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--tree", default=str(ROOT))
    ap.add_argument("--sets", default=SETS)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError
    from evidencebot.store.db import connect

    db = connect(args.db)
    blocks = library(Path(args.tree))
    total = [0, 0, 0, 0]
    for name in args.sets.split(","):
        parts = placed = off = off_parts = 0
        shown = []
        for file in sorted((ROOT / "tests" / "data" / "heldout" / name / "questions").glob("q*.md")):
            text = re.sub(r"\A---.*?---\n", "", file.read_text(encoding="utf-8"), flags=re.S)
            try:
                plan = plan_question(text)
            except InputError:
                plan = plan_question(text, 600)
            methods = T.choose_methods(db, plan, fill=True)
            for point in plan.points:
                parts += 1
                want = heading_words(point.label)
                bad = [b.block_id for b in methods[point.key].blocks
                       if not (words(blocks.get(b.block_id, f"{b.title} {' '.join(b.tags)}")) & want)]
                placed += len(methods[point.key].blocks)
                off += len(bad)
                off_parts += bool(bad)
                shown += [f"  {name} {file.stem}: {point.label[:70]} <- {bid}" for bid in bad]
        for i, v in enumerate((parts, placed, off, off_parts)):
            total[i] += v
        print(f"{name}: parts {parts}, blocks {placed}, off subject {off}, parts with one {off_parts}")
        if args.show:
            print("\n".join(shown))
    parts, placed, off, off_parts = total
    print(f"all: parts {parts}, blocks {placed}, off-subject blocks {off} ({off / max(parts, 1):.3f} per part), "
          f"parts with one {off_parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
