"""Which parts of an answer the method library answers: a block that answers them, an honest gap, or a loose block.

    python bench/part_coverage.py [--db PATH] [--provider new|incumbent] [--show]

For each labelled question (the shipped examples, labelled in
``tests/data/labelled/part_blocks_shipped.jsonl``, and the session-6 dev set
``questions_dev_s6.jsonl``: each sub-point with the block ids that answer it)
the question is planned as ``assemble tender`` plans it, and each labelled
sub-point is matched to the part whose words it shares most. A sub-point is
*answered* when its part's first block is one of its acceptable ids, a *gap*
when its part has no block ("[To write]"), and *loose* when the first block is
another one. Sub-points that share a part with another (the intake merged them)
are counted too, and reported. Builds a small demo unless --db names one.

``part_blocks_lots_s8.jsonl`` (session 8: 12 questions for lots the library
answered generically, written by the engineer who then wrote the blocks for
them, so tuned on both sides: a measure of library breadth, not a held-out
figure) labels each sub-point with the blocks that answer it.

``part_blocks_s7.jsonl`` (the 14 session-6 held-out ITT questions, spent, now
dev) also labels sub-points no shipped block answers (an empty list: the honest
answer is a gap); so does ``part_blocks_s8.jsonl`` (session 8's 18 intake dev questions,
labelled by i12m before the placement was run on them). For every set the script also prints *misplaced blocks*: of
all the blocks placed in the parts (not only the first), those that are not
among the sub-point's acceptable ids (a block placed where a gap was right
counts); and *honest gaps* split into right (nothing acceptable in the
library) and missed (an acceptable block exists).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "labelled"
SETS = {"shipped": LABELLED / "part_blocks_shipped.jsonl", "dev_s6": LABELLED / "questions_dev_s6.jsonl",
        "dev_s7": LABELLED / "part_blocks_s7.jsonl", "dev_s8": LABELLED / "part_blocks_s8.jsonl",
        "lots_s8": LABELLED / "part_blocks_lots_s8.jsonl"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--provider", choices=["new", "incumbent"], help="set the profile's provider_status first (on a copy)")
    ap.add_argument("--show", action="store_true", help="print every loose block and gap")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError
    from evidencebot.store.blocks import set_profile
    from evidencebot.store.db import connect

    path = args.db
    if not path or args.provider:
        import shutil

        fresh = str(Path(tempfile.mkdtemp()) / "demo.db")
        if path:
            shutil.copy(path, fresh)
        else:
            from evidencebot.store.demo import build_demo

            build_demo(connect(fresh), people=60)
        path = fresh
    db = connect(path)
    if args.provider:
        set_profile(db, {"provider_status": args.provider})
    for name, file in SETS.items():
        counts = {"answered": 0, "gap": 0, "loose": 0}
        merged = placed = misplaced = right_gaps = 0
        for line in file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = (ROOT / row["file"]).read_text(encoding="utf-8") if "file" in row else row["text"]
            text = re.sub(r"\A---.*?---\n", "", text, flags=re.S)
            try:
                plan = plan_question(text)
            except InputError:  # no limit read: given with --words, as a user would after that error
                plan = plan_question(text, 600)
            methods = T.choose_methods(db, plan)
            parts = [(p, set(blockmatch.tokens(p.text))) for p in plan.points]
            taken: dict[str, int] = {}
            for sub, ok in zip(row["subpoints"], row["ok_blocks"]):
                want = set(blockmatch.tokens(sub))
                point = max(parts, key=lambda x: len(want & x[1]) / max(1, len(want | x[1])))[0]
                taken[point.key] = taken.get(point.key, 0) + 1
                ids = [b.block_id for b in methods[point.key].blocks]
                first = ids[:1]
                kind = "gap" if not first else ("answered" if first[0] in ok else "loose")
                counts[kind] += 1
                right_gaps += kind == "gap" and not ok
                if taken[point.key] == 1:  # a part shared by two labelled sub-points is counted once
                    placed += len(ids)
                    wrong = [i for i in ids if i not in ok]
                    misplaced += len(wrong)
                    if args.show and wrong and kind != "loose":
                        print(f"  {row['id']} misplaced: {sub[:70]!r} -> {', '.join(wrong)}")
                if args.show and kind != "answered":
                    print(f"  {row['id']} {kind}: {sub[:90]!r} -> {first[0] if first else '[To write]'} (want {', '.join(ok)})")
            merged += sum(n for n in taken.values() if n > 1)
        total = sum(counts.values())
        print(f"{name}: {total} sub-points: answered {counts['answered']}, honest gaps {counts['gap']} "
              f"({right_gaps} where nothing in the library answers), loose {counts['loose']}"
              f" ({merged} sub-points share a part with another); blocks placed {placed}, misplaced {misplaced}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
