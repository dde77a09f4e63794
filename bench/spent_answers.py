"""The 24 spent held-out questions (s8, s9) and the shipped examples drafted on the demo: what the
method library leaves unwritten, what it answers with the wrong block, and what the answers of one
set say two ways.

    python bench/spent_answers.py [--db PATH] [--out DIR] [--show] [--sets s8,s9,shipped]

Each set (s8, s9, shipped) is drafted as ``tender draft --all`` drafts one tender: one
``TenderShared``, the whole questionnaire as buyer context. Printed per set:

* *to write*: parts whose coverage says "nothing in the library: write this part" or "evidence
  only: write the method" (what the panel saw as "[To write]");
* *wrong block*: blocks placed in a part that the labels in
  ``tests/data/labelled/spent_wrong_blocks_s10.jsonl`` call wrong for that heading (a block that
  does not answer it: business continuity testing under "core competency standard"). The labels
  were written by i12l reading the session-10 start drafts (509f81f) and the panels' notes, so they
  count the wrong placements seen then, not every possible one; a part is matched to a label by
  its heading's words, so a reworded heading is still found;
* *contradictions*: :func:`evidencebot.compose.consistency.check_answers` over the set's answers
  (facts in ``corpus/library/facts.yaml`` stated two ways, roles the team lacks);
* *checker findings*: findings left after assembly (must be 0).

Builds a 400-person demo unless --db names one; --out writes each answer as Markdown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "s8": sorted((ROOT / "tests/data/heldout/s8/questions").glob("q[0-9]*.md")),
    "s9": sorted((ROOT / "tests/data/heldout/s9/questions").glob("q[0-9]*.md")),
    "shipped": sorted((ROOT / "corpus/questions").glob("*.md")),
}
WRONG = ROOT / "tests/data/labelled/spent_wrong_blocks_s10.jsonl"
TO_WRITE = ("nothing in the library", "evidence only")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def load_wrong() -> list[dict]:
    if not WRONG.exists():
        return []
    return [json.loads(line) for line in WRONG.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_wrong(labels: list[dict], set_name: str, qid: str, heading: str, block: str) -> bool:
    """A label {set, q, heading, wrong: [ids]} whose heading shares most of its words with ``heading``."""
    want = _words(heading)
    for lab in labels:
        if lab["set"] != set_name or lab["q"] != qid or block not in lab["wrong"]:
            continue
        have = _words(lab["heading"])
        if have and len(want & have) / len(have) >= 0.6:
            return True
    return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--out", help="write each answer here as SET_qNN.md")
    ap.add_argument("--show", action="store_true", help="print every part: heading, blocks, status")
    ap.add_argument("--sets", default=",".join(SETS),
                    help="sets to draft: s8, s9, shipped, or any spent set sN under tests/data/heldout (s14 ...)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose.consistency import check_answers
    from evidencebot.compose.tender import TenderShared, assemble_tender
    from evidencebot.store.blocks import get_profile
    from evidencebot.store.db import connect

    path = args.db
    if not path:
        from evidencebot.store.demo import build_demo

        path = str(Path(tempfile.mkdtemp()) / "demo.db")
        build_demo(connect(path), people=400)
    db = connect(path)
    profile = get_profile(db)
    labels = load_wrong()
    out = Path(args.out) if args.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    totals = {"parts": 0, "to_write": 0, "wrong": 0, "contradictions": 0, "findings": 0}
    for set_name in args.sets.split(","):
        files = SETS.get(set_name) or sorted((ROOT / f"tests/data/heldout/{set_name}/questions").glob("q[0-9]*.md"))
        shared = TenderShared()
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        answers = []
        n = {"parts": 0, "to_write": 0, "wrong": 0, "findings": 0}
        for f, text in zip(files, texts):
            qid = f.stem
            answer = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            answers.append((f"{set_name}/{qid}", answer.markdown))
            n["findings"] += len(answer.findings)
            if out:
                (out / f"{set_name}_{qid}.md").write_text(answer.markdown + "\n\n" + answer.coverage_table() + "\n",
                                                          encoding="utf-8")
            for row in answer.coverage:
                n["parts"] += 1
                ids = re.findall(r"method: ([^;|]*)", row.evidence)
                ids = [i.strip() for i in ids[0].split(",") if i.strip() and " " not in i.strip()] if ids else []
                gap = row.status.startswith(TO_WRITE)
                wrong = [i for i in ids if is_wrong(labels, set_name, qid, row.label, i)]
                n["to_write"] += gap
                n["wrong"] += len(wrong)
                if args.show:
                    mark = "TO WRITE" if gap else (f"WRONG {', '.join(wrong)}" if wrong else "")
                    print(f"  {set_name}/{qid} | {row.label[:80]} | {', '.join(ids) or '-'} | {mark}")
        found = check_answers(answers, profile=profile)
        if args.show:
            for c in found:
                print(f"  {set_name} contradiction: {c.describe()[:300]}")
        print(f"{set_name}: {len(files)} questions, {n['parts']} parts: to write {n['to_write']}, "
              f"wrong block {n['wrong']}, contradictions {len(found)}, checker findings {n['findings']}")
        for k in n:
            totals[k] += n[k]
        totals["contradictions"] += len(found)
    print(f"all: {totals['parts']} parts: to write {totals['to_write']}, wrong block {totals['wrong']}, "
          f"contradictions {totals['contradictions']}, checker findings {totals['findings']} "
          f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
