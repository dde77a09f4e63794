"""The shipped privacy checker on each spent set, scored as bench/heldout.py scores a set (prints numbers).

    python bench/privacy_by_set.py                      # every labelled and spent held-out privacy set, then pooled
    python bench/privacy_by_set.py FILE.jsonl ...       # the sets named
    python bench/privacy_by_set.py --misses FILE.jsonl  # also each miss and false alarm (spent sets only)

The checker as a user runs it (``Checker``, privacy family, each row a "sentence.txt"), with the shipped learned
weights: on sets the weights were trained on this is not a transfer figure (bench/train_privacy_detail.py --loso is).
Never run with --misses on a set that is still held out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def default_sets() -> list[Path]:
    held = ROOT / "tests" / "data" / "heldout"
    return (sorted((ROOT / "tests" / "data" / "labelled").glob("privacy_*.jsonl")) + [held / "privacy_heldout2.jsonl"]
            + sorted(held.glob("s*/privacy_*.jsonl")))


def main(argv: list[str]) -> None:
    from heldout import quality_module

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    show = "--misses" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or default_sets()
    covers = quality_module()._covers
    checker = Checker(settings=CheckerSettings(), families=["privacy"])
    total = [0, 0, 0]
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = checker.check_many([(r["text"], "sentence.txt") for r in rows])
        tp = fp = fn = 0
        for row, fs in zip(rows, found):
            mine = [f for f in fs if f.family == "privacy"]
            got = [(row["text"][f.start:f.end], f.rule) for f in mine]
            if row["label"] == "flag":
                if mine and all(covers(mine, row["text"], s) for s in row.get("spans", [])):
                    tp += 1
                else:
                    fn += 1
                    if show:
                        print(f"  miss {row['id']} {row['text']!r} spans={row.get('spans')} got={got}")
            elif mine:
                fp += 1
                if show:
                    print(f"  false alarm {row['id']} {row['text']!r} got={got}")
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{path.parent.name}/{path.name}: P {p:.3f} R {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    tp, fp, fn = total
    print(f"pooled: P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main(sys.argv[1:])
