"""Parts the assembler leaves as "nothing in the library: write this part", and the blocks nearest to each (find29).

    PYTHONPATH=src python bench/no_block_parts.py [--sets s21,...,s28] [--db PATH] [--show] [--out FILE.jsonl]
                                                  [--judged tests/data/labelled/no_block_parts_s29.jsonl]

Each spent set's questions (``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft --all``
drafts one tender (one ``TenderShared``, the whole questionnaire as buyer context). For every part whose coverage
status starts "nothing in the library" this prints (with ``--show``) the set, question, heading, the buyer's ask, the
topics the ask matched (``blockmatch.topic_hits``), the first blocks the matcher offered (``tender.block_options``,
before the fit filters) and the 3 nearest approved blocks by full-text rank (``library.search_blocks``, what the
writer's note names), so a reader can judge whether the library holds a block that fits.

``--judged`` reads a reader's verdicts (one JSON line per gap: {set, q, heading, fits: [block ids that answer it]},
``fits`` empty when no block does) and counts, of the gaps left, how many the reader judged to have a fitting block
(a gap matched to a verdict by its heading's words, so a reworded heading is still found; unjudged gaps are counted
apart). Printed per set and in total: parts, gaps, gaps judged fillable.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
SETS = ",".join(f"s{n}" for n in range(21, 29))
GAP = "nothing in the library"


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def load_judged(path: Path | None) -> list[dict]:
    if path is None or not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def verdict(judged: list[dict], set_name: str, qid: str, heading: str) -> dict | None:
    """The reader's verdict for this gap (matched by the heading's words: half of them or more), None when unjudged."""
    want = _words(heading)
    best, score = None, 0.0
    for row in judged:
        if row["set"] != set_name or row["q"] != qid:
            continue
        have = _words(row["heading"])
        s = len(want & have) / max(1, len(want | have))
        if s > score:
            best, score = row, s
    return best if score >= 0.5 else None


def recount(path: Path, judged: list[dict], show: bool) -> int:
    """The counts of an earlier run's gaps (``--out``) against the verdicts, per set and in total."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    tot = {"gaps": 0, "fillable": 0, "unjudged": 0}
    for set_name in dict.fromkeys(r["set"] for r in rows):
        n = dict.fromkeys(tot, 0)
        for r in (r for r in rows if r["set"] == set_name):
            n["gaps"] += 1
            seen = verdict(judged, set_name, r["q"], r["heading"])
            n["unjudged"] += seen is None
            n["fillable"] += bool(seen and seen.get("fits"))
            if show and seen is None:
                print(f"  unjudged {set_name}/{r['q']} | {r['heading'][:100]} | nearest {r['nearest']}")
        print(f"{set_name}: no block {n['gaps']}; judged to have a fitting block {n['fillable']} (unjudged {n['unjudged']})")
        for k in tot:
            tot[k] += n[k]
    print(f"all: no block {tot['gaps']}; judged to have a fitting block {tot['fillable']} (unjudged {tot['unjudged']})")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--sets", default=SETS)
    ap.add_argument("--show", action="store_true", help="print each gap with its topics and nearest blocks")
    ap.add_argument("--out", help="write each gap as a JSON line here (for judging)")
    ap.add_argument("--judged", default=str(ROOT / "tests/data/labelled/no_block_parts_s29.jsonl"))
    ap.add_argument("--fast", action="store_true",
                    help="only plan each question and choose its blocks (tender.choose_methods), one question at a time: "
                         "no tender-wide sharing, evidence or checker (about 10 times faster)")
    ap.add_argument("--recount", help="count the gaps of an earlier --out file against --judged (nothing drafted)")
    args = ap.parse_args(argv)
    if args.recount:
        return recount(Path(args.recount), load_judged(Path(args.judged)), args.show)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from _demo import bench_database
    from part_fit import placed_ids

    from evidencebot.compose import askfit, blockmatch, groups, library
    from evidencebot.compose.questions import plan_question
    from evidencebot.compose.tender import TenderShared, answers_point, assemble_tender, block_options, choose_methods

    def refused(point, block, strict: bool, taken: set[str], question: str) -> str:
        """Why the assembler's filters turned ``block`` away from ``point`` (the first filter that did), '' if none."""
        if block.block_id in taken:
            return "taken by another part"
        if not answers_point(point, block, strict=strict):
            return "answers_point (head terms %s)" % sorted(blockmatch.head_terms(point.label, strict=strict))
        if blockmatch.when_clash(point.text, block):
            return "when_clash"
        why = askfit.misfit(point.text, block) or groups.block_misfit(point.text, block, question)
        return f"misfit: {why}" if why else ""

    def _fast(db, text: str):
        """The plan and, per part, a row saying whether any block was chosen (the assembler's coverage row's shape)."""
        plan = plan_question(text)
        chosen = choose_methods(db, plan)
        rows = [SimpleNamespace(key=p.key, label=p.label, evidence="method: " + ", ".join(b.block_id for b in chosen[p.key].blocks),
                                status="method" if chosen[p.key].blocks else GAP) for p in plan.points]
        return SimpleNamespace(plan=plan, coverage=rows)

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    judged = load_judged(Path(args.judged) if args.judged else None)
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    started = time.perf_counter()
    tot = {"parts": 0, "gaps": 0, "fillable": 0, "unjudged": 0}
    for set_name in args.sets.split(","):
        files = sorted((ROOT / "tests/data/heldout" / set_name / "questions").glob("q[0-9]*.md"))
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        shared = TenderShared()
        n = dict.fromkeys(tot, 0)
        for f, text in zip(files, texts):
            qid = f.stem
            try:
                ans = _fast(db, text) if args.fast else assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{qid}: not drafted ({exc})")
                continue
            points = {p.key: p for p in ans.plan.points}
            offered = None
            for row in ans.coverage:
                if row.status.lower().startswith(("yes", "[to confirm", "confirm")):
                    continue  # a Pass/Fail row is answered Yes/No, not with method text
                n["parts"] += 1
                if not row.status.startswith(GAP):
                    continue
                n["gaps"] += 1
                point = points.get(row.key)
                ask = " ".join(((point.text if point else "") or row.label).split())
                if offered is None:
                    offered = block_options(db, ans.plan)
                ranked = offered.get(row.key, [])
                strict = any(blockmatch.fits_heading(row.label, b) for b in ranked)
                taken = {i for r in ans.coverage if r.key != row.key for i in placed_ids(r)}
                first = [f"{b.block_id} ({refused(point, b, strict, taken, ans.plan.question) or 'not refused'})"
                         if point else b.block_id for b in ranked[:3]]
                near = [b.block_id for b in library.search_blocks(db, ask.rstrip(".?"), limit=3)]
                topics = [h.topic.name for h in blockmatch.topic_hits(ask)]
                seen = verdict(judged, set_name, qid, row.label)
                if seen is None:
                    n["unjudged"] += 1
                elif seen.get("fits"):
                    n["fillable"] += 1
                if args.show:
                    mark = "?" if seen is None else ("FILLABLE " + ",".join(seen["fits"]) if seen.get("fits") else "honest")
                    print(f"  {set_name}/{qid} [{mark}] {row.label[:100]}\n      ask: {ask[:220]}\n"
                          f"      topics: {topics}  offered: {first}  nearest: {near}")
                if out:
                    out.write(json.dumps({"set": set_name, "q": qid, "heading": row.label, "ask": ask,
                                          "topics": topics, "offered": first, "nearest": near},
                                         ensure_ascii=False) + "\n")
        print(f"{set_name}: {n['parts']} parts; no block {n['gaps']}; of those judged to have a fitting block "
              f"{n['fillable']} (unjudged {n['unjudged']})", flush=True)
        for k in tot:
            tot[k] += n[k]
    print(f"all: {tot['parts']} parts; no block {tot['gaps']}; of those judged to have a fitting block {tot['fillable']} "
          f"(unjudged {tot['unjudged']}) ({time.perf_counter() - started:.0f} s)")
    if out:
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
