"""Which library blocks each drafted part takes, per question folder, and what changed between two runs (lib26).

    python bench/library_parts.py --db D --out RUN.jsonl [--drafts DIR] FOLDER [FOLDER ...]
    python bench/library_parts.py --diff BEFORE.jsonl AFTER.jsonl [--new-blocks corpus/library/blocks_s26.yaml]

Each folder's ``q*.md`` files are drafted as one tender, as ``bench/part_fill.py`` drafts them (one
``TenderShared``, the whole questionnaire as buyer context). One JSON line per part: folder, question, heading,
the block ids placed (library and buyer blocks, in order) and the checker's findings for the answer. ``--drafts``
also writes each answer's markdown there, to read the parts by eye. ``--diff`` prints the parts whose blocks changed
and, with ``--new-blocks``, every part that takes one of that file's blocks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _draft(args) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from _demo import bench_database
    from part_fit import placed_ids

    from evidencebot.compose.tender import TenderShared, assemble_tender

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    drafts = Path(args.drafts) if args.drafts else None
    with open(args.out, "w", encoding="utf-8") as out:
        for folder in map(Path, args.folders):
            files = sorted(folder.glob("q[0-9]*.md"))
            texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
            whole = "\n".join(texts)
            shared = TenderShared()
            for f, text in zip(files, texts):
                ans = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
                if drafts:  # 'dev-s24' for /work/devsets/s24/questions: not written over the spent s24's drafts
                    (drafts / _name(str(folder))).mkdir(parents=True, exist_ok=True)
                    (drafts / _name(str(folder)) / f.name).write_text(ans.markdown, encoding="utf-8")
                for row in ans.coverage:
                    if row.marker.startswith("[To confirm"):
                        continue
                    out.write(json.dumps({"set": str(folder), "q": f.stem, "part": row.label,
                                          "blocks": placed_ids(row), "findings": len(ans.findings)}) + "\n")
                print(f"{_name(str(folder))}/{f.stem}: {len(ans.findings)} findings", flush=True)
    return 0


def _load(path: str) -> dict:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["set"], r["q"], r["part"]): r for r in rows}


def _name(folder: str) -> str:
    """'s25' for tests/data/heldout/s25/questions, 'dev-s24' for /work/devsets/s24/questions."""
    parent = Path(folder).parent
    return ("dev-" if "devsets" in folder else "") + parent.name


def _diff(args) -> int:
    before, after = _load(args.diff[0]), _load(args.diff[1])
    new = set()
    if args.new_blocks:
        new = {b["id"] for b in yaml.safe_load(Path(args.new_blocks).read_text(encoding="utf-8"))["blocks"]}
    changed = taking = 0
    for key in after:
        b = before.get(key, {}).get("blocks")
        a = after[key]["blocks"]
        took = [i for i in a if i in new]
        taking += bool(took)
        if b != a:
            changed += 1
            star = " *" if took else ""
            print(f"{_name(key[0])}/{key[1]} | {key[2][:90]}\n    {b} -> {a}{star}")
    print(f"parts {len(after)}; changed {changed}; parts taking a new block {taking}; "
          f"findings before {sum(r['findings'] for r in before.values())} after "
          f"{sum(r['findings'] for r in after.values())} (summed per part)")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--db")
    ap.add_argument("--out")
    ap.add_argument("--drafts")
    ap.add_argument("--diff", nargs=2)
    ap.add_argument("--new-blocks")
    args = ap.parse_args(argv)
    return _diff(args) if args.diff else _draft(args)


if __name__ == "__main__":
    raise SystemExit(main())
