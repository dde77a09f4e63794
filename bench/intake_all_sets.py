"""Sub-point precision and recall (with gates) of bench/question_intake.py on every questions_*.jsonl under
tests/data, one line a set, so a change to the intake can be checked on all spent sets at once.

    PYTHONPATH=src python bench/intake_all_sets.py [--against OTHER_SRC]

``--against`` runs the same sets with the intake code in OTHER_SRC too (a copy of another branch's src/, with its
phrasebank/ and templates/ beside it) and prints both and the change, flagging a fall of more than 0.01."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(src: str, path: Path) -> tuple[float, float] | None:
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "question_intake.py"), str(path)], env=env,
                         capture_output=True, text=True, cwd=ROOT).stdout
    m = re.search(r"sub-points \(with gates\): P=([\d.]+) R=([\d.]+)", out)
    return (float(m.group(1)), float(m.group(2))) if m else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", default="")
    args = ap.parse_args()
    falls = 0
    for path in sorted((ROOT / "tests" / "data").rglob("questions_*.jsonl")):
        name = str(path.relative_to(ROOT / "tests" / "data"))
        mine = run(str(ROOT / "src"), path)
        if not args.against:
            print(f"{name}: P={mine[0]:.3f} R={mine[1]:.3f}" if mine else f"{name}: no result")
            continue
        other = run(args.against, path)
        if not mine or not other:
            print(f"{name}: no result")
            continue
        fell = mine[0] < other[0] - 0.01 or mine[1] < other[1] - 0.01
        falls += fell
        print(f"{name}: before P={other[0]:.3f} R={other[1]:.3f}  after P={mine[0]:.3f} R={mine[1]:.3f}"
              f"{'  FALL' if fell else ''}{'  changed' if mine != other else ''}")
    if args.against:
        print(f"sets that fell by more than 0.01: {falls}")


if __name__ == "__main__":
    main()
