"""Does each block stand under a sub-point it answers? Precision of placed blocks, recall of answerable sub-points.

    python bench/placement.py [--db PATH] [--show] [--assemble]

The labelled placement sets (``tests/data/labelled/placements_*.jsonl``, and the
shipped examples in ``part_blocks_shipped.jsonl``) give, for each sub-point of a
question, the approved library blocks that answer its ask (an empty list: none
does, the honest answer is a gap). Each question is planned as ``assemble
tender`` plans it and its blocks chosen (``tender.choose_methods``); each
labelled sub-point is matched to the part whose words it shares most.

Printed per set (half A, ``placements_s8``, was labelled before any placement
was run on it; half B, ``placements_s9``, after the s9 panel had been read):

* precision: of all blocks placed in the parts, those among the part's
  acceptable ids (a block placed where a gap was right counts against it);
* recall: of the sub-points some block answers, those whose part holds one;
* honest gaps: sub-points nothing answers whose part is left empty;
* repeats: blocks placed in more than one part of one answer (must be 0).

``--assemble`` also drafts each answer (slow: a few seconds a question) and counts
sentences said twice in one answer.
Builds a small demo unless --db names one.
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
SETS = {"A placements_s8 (labelled blind)": LABELLED / "placements_s8.jsonl",
        "B placements_s9 (labelled after the panel)": LABELLED / "placements_s9.jsonl",
        "shipped examples": LABELLED / "part_blocks_shipped.jsonl"}


def question_text(row: dict) -> str:
    if "file" in row:
        text = (ROOT / row["file"]).read_text(encoding="utf-8")
    elif "source" in row:
        rows = [json.loads(x) for x in (ROOT / row["source"]).read_text(encoding="utf-8").splitlines() if x.strip()]
        text = next(r["text"] for r in rows if r["id"] == row["qid"])
    else:
        text = row["text"]
    return re.sub(r"\A---.*?---\n", "", text, flags=re.S)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--show", action="store_true", help="print every misplaced block and missed sub-point")
    ap.add_argument("--assemble", action="store_true", help="also draft each answer and count repeated sentences")
    ap.add_argument("--only", help="only the sets whose name contains this")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError

    from _demo import bench_database

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    for name, file in SETS.items():
        if args.only and args.only not in name:
            continue
        if not file.exists():
            print(f"{name}: (no file)")
            continue
        placed = right = answerable = recalled = gaps = gaps_kept = repeats = subs = 0
        said_twice = 0
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = question_text(row)
            try:
                plan = plan_question(text)
            except InputError:
                plan = plan_question(text, 600)
            methods = T.choose_methods(db, plan)
            parts = [(p, set(blockmatch.tokens(p.text))) for p in plan.points]
            ok_of: dict[str, set] = {}
            for sub, ok in zip(row["subpoints"], row["ok_blocks"]):
                want = set(blockmatch.tokens(sub))
                point = max(parts, key=lambda x: len(want & x[1]) / max(1, len(want | x[1])))[0]
                ok_of.setdefault(point.key, set()).update(ok)
                ids = [b.block_id for b in methods[point.key].blocks]
                subs += 1
                if ok:
                    answerable += 1
                    hit = bool(set(ids) & set(ok))
                    recalled += hit
                    if args.show and not hit:
                        print(f"  {row['id']} missed: {sub[:80]!r} -> {', '.join(ids) or '[gap]'} (want {', '.join(ok)})")
                else:
                    gaps += 1
                    gaps_kept += not ids
                    if args.show and ids:
                        print(f"  {row['id']} gap filled: {sub[:80]!r} -> {', '.join(ids)}")
            seen: dict[str, int] = {}
            for point in plan.points:
                ids = [b.block_id for b in methods[point.key].blocks]
                for bid in ids:
                    seen[bid] = seen.get(bid, 0) + 1
                if point.key not in ok_of:
                    continue  # a part no labelled sub-point went to (a heading the intake added) is not judged
                placed += len(ids)
                good = [i for i in ids if i in ok_of[point.key]]
                right += len(good)
                if args.show:
                    for i in ids:
                        if i not in ok_of[point.key]:
                            print(f"  {row['id']} misplaced: {point.label[:70]!r} <- {i}")
            repeats += sum(n - 1 for n in seen.values() if n > 1)
            if args.assemble:
                from evidencebot.compose.tender import assemble_tender

                try:
                    ans = assemble_tender(db, text, plan.word_limit)
                except Exception as exc:  # a question the assembler refuses is reported, not counted
                    print(f"  {row['id']}: not assembled ({exc})")
                    continue
                body = getattr(ans, "markdown", None) or getattr(ans, "text", "") or str(ans)
                sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"^#.*$", "", body, flags=re.M))
                         if len(s.split()) >= 6]
                dup = len(sents) - len(set(sents))
                said_twice += dup
        print(f"{name}: {subs} sub-points; precision of placed blocks {right}/{placed} = {right / max(1, placed):.3f}; "
              f"recall of answerable sub-points {recalled}/{answerable} = {recalled / max(1, answerable):.3f}; "
              f"honest gaps kept {gaps_kept}/{gaps}; blocks repeated in one answer {repeats}"
              + (f"; sentences said twice {said_twice}" if args.assemble else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
