"""Question intake per writer: every labelled question set in the repo, one line each.

    PYTHONPATH=src python bench/question_intake_writers.py

Leave-one-writer-out: rules fitted to one writer's questions have not transferred well to the
next, so a change to the intake parser is reported on every writer's set separately (same
matching rule as bench/question_intake.py). The last line counts the questions and sub-points
the repo holds across all sets.
"""

from __future__ import annotations

import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from question_intake import measure  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "tests", "data")
# (writer, file): who wrote each set (tests/data/labelled/README.md, tests/data/heldout/*/README.md)
SETS = [
    ("s1 blind helper (dev part)", "labelled/questions_dev.jsonl"),
    ("s1 blind helper (held-out part)", "heldout/questions_heldout.jsonl"),
    ("s5 engineer + independent writer", "labelled/questions_dev_s5.jsonl"),
    ("s6 engineer", "labelled/questions_dev_s6.jsonl"),
    ("s6 engineer (probes)", "labelled/questions_dev_s6i.jsonl"),
    ("s6 blind helper", "labelled/questions_dev_s7.jsonl"),
    ("s8 i12m", "labelled/questions_dev_s8.jsonl"),
    ("s8 blind helper", "heldout/s8/questions_s8.jsonl"),
    ("s9 i12m (dev)", "labelled/questions_dev_s9.jsonl"),
    ("s9 i12m (fresh)", "labelled/questions_fresh_s9.jsonl"),
    ("s9 blind helper", "heldout/s9/questions_s9.jsonl"),
    ("s10 i12i (before reading the parser)", "labelled/questions_fresh_s10.jsonl"),
    ("s10 blind helper", "heldout/s10/questions_s10.jsonl"),
]


def _all_sets() -> list[tuple[str, str]]:
    """The listed sets, then every other spent or labelled question set in the repo (s11 onwards were not listed)."""
    listed = {rel for _, rel in SETS}
    more = sorted(glob.glob(os.path.join(ROOT, "heldout", "*", "questions*.jsonl"))) + \
        sorted(glob.glob(os.path.join(ROOT, "labelled", "questions*.jsonl")))
    extra = [os.path.relpath(path, ROOT) for path in more]
    return SETS + [(rel.split(os.sep)[1] if rel.startswith("heldout") else "labelled", rel)
                   for rel in extra if rel not in listed]


def main() -> int:
    n_q = n_p = tp = fp = fn = 0
    per_set: list[tuple[str, float, float]] = []
    print(f"{'writer':38} {'file':34} {'qs':>3} {'pts':>4}  {'P':>5}  {'R':>5}  fp fn  limits")
    for writer, rel in _all_sets():
        path = os.path.join(ROOT, rel)
        if not os.path.exists(path):
            continue
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        m = measure(rows)
        pts = sum(len(r["subpoints"]) for r in rows)
        n_q += len(rows)
        n_p += pts
        tp, fp, fn = tp + m["tp"], fp + m["fp"], fn + m["fn"]
        lim = min(m[k] for k in ("word_limit_right", "char_limit_right", "page_limit_right", "weighting_right"))
        print(f"{writer:38} {os.path.basename(rel):34} {len(rows):3} {pts:4}  {m['precision']:.3f}  {m['recall']:.3f}"
              f"  {m['fp']:2} {m['fn']:2}  {lim}/{len(rows)}")
        per_set.append((os.path.basename(rel), m["precision"], m["recall"]))
    print(f"{'all':38} {'':34} {n_q:3} {n_p:4}  {tp / (tp + fp):.3f}  {tp / (tp + fn):.3f}  {fp:2} {fn:2}")
    mean_p = sum(p for _, p, _ in per_set) / len(per_set)
    mean_r = sum(r for _, _, r in per_set) / len(per_set)
    worst = sorted(per_set, key=lambda x: min(x[1], x[2]))[:3]
    print(f"mean of the {len(per_set)} sets: P={mean_p:.3f} R={mean_r:.3f}; worst three (by the lower of P and R): "
          + ", ".join(f"{name} {p:.3f}/{r:.3f}" for name, p, r in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
