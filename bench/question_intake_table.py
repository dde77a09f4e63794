"""Question intake on every labelled question set, one JSON row per set (bench/question_intake_pl27.md).

    PYTHONPATH=src python bench/question_intake_table.py OUT.json

Run from the worktree root. Each set is measured with bench/question_intake.py's ``measure``, gates on (the
headline) and off (points alone); the development buyers under /work/devsets are included when present.
"""

from __future__ import annotations

import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from question_intake import measure  # noqa: E402

SETS = sorted(glob.glob("tests/data/labelled/questions*.jsonl")) + ["tests/data/heldout/questions_heldout.jsonl"] + \
    sorted(glob.glob("tests/data/heldout/s*/questions_s*.jsonl")) + sorted(glob.glob("/work/devsets/s2*/questions_s2*dev.jsonl"))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out = {}
    for path in SETS:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        m = measure(rows)
        mp = measure(rows, gates=False)
        out[path] = {"n": m["n"], "tp": m["tp"], "fp": m["fp"], "fn": m["fn"], "P": m["precision"], "R": m["recall"],
                     "tpp": mp["tp"], "fpp": mp["fp"], "fnp": mp["fn"], "Pp": mp["precision"], "Rp": mp["recall"],
                     "headings": m["headings"], "long": m["headings_long"],
                     "cut": f"{m['headings_cut']}/{m['headings_cut_start']}", "clause": m["headings_clause_cut"]}
        print(path, out[path], flush=True)
    with open(argv[0], "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
