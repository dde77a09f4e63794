"""Recall per over-claim kind from bench/overclaim_loso.py --kinds output, before and after, with the sets'
different names for one kind merged (s25 says "credit", s26 "credit_taking"; "causal", "causal_verb" and
"causal_fact" are one kind), pooled over the folds printed, and each fold's precision.

    python bench/overclaim_loso.py --pool --transfer --only s21,...,s27 --kinds ... > before.txt   # (and after.txt)
    python bench/overclaim_loso_kinds.py before.txt after.txt
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# one kind under the sets' names for it (the first word of the name, but these)
MERGE = {"causal_verb": "causal", "causal_fact": "causal", "credit_taking": "credit", "money_return": "money",
         "proof_framing": "proof", "vague_magnitude": "magnitude", "bare_proportion": "proportion",
         "unbased_proportion": "proportion", "proportion_no_base": "proportion", "certainty_absolute": "certainty"}


def flag_rows(sets) -> dict[str, int]:
    """{kind: flag rows} over the held-out sets ``sets`` (tests/data/heldout/sNN/overclaim_sNN.jsonl)."""
    n: dict[str, int] = defaultdict(int)
    for s in sets:
        for line in (ROOT / "tests" / "data" / "heldout" / s / f"overclaim_{s}.jsonl").read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                if row["label"] == "flag":
                    n[MERGE.get(row.get("kind", ""), row.get("kind", ""))] += 1
    return n


def read(path: str) -> tuple[dict, dict]:
    """({kind: [missed by rules, missed with the scorer, n]}, {set: (P, R, fp, fn) with the scorer})"""
    missed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sets = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"(\S+) rules .*\+scorer P=([\d.]+) R=([\d.]+) \(fp=(\d+) fn=(\d+)\)", line)
        if m:
            sets[m.group(1)] = (float(m.group(2)), float(m.group(3)), int(m.group(4)), int(m.group(5)))
        if "missed per kind" in line:
            for k, a, b, _ in re.findall(r"(\w+) (\d+)->(\d+)/(\d+)", line.split(":", 1)[1]):
                missed[MERGE.get(k, k)][0] += int(a)
                missed[MERGE.get(k, k)][1] += int(b)
    n = flag_rows(sets)
    return {k: [missed[k][0], missed[k][1], n[k]] for k in n}, sets


def main(before: str, after: str) -> None:
    kb, sb = read(before)
    ka, sa = read(after)
    print("set   P / R with the scorer (left out): before -> after")
    for s in sb:
        b, a = sb[s], sa.get(s)
        print(f"  {s:<5} P {b[0]:.3f} R {b[1]:.3f} (fp {b[2]} fn {b[3]})" + (
            f" -> P {a[0]:.3f} R {a[1]:.3f} (fp {a[2]} fn {a[3]})" if a else ""))
    print("kind (pooled): rules alone R, with the scorer R: before -> after  (flag rows)")
    for k in sorted(kb, key=lambda k: (1 - (kb[k][2] - kb[k][1]) / kb[k][2])):
        b, a = kb[k], ka[k]
        print(f"  {k:<22} n {b[2]:>3}  rules {1 - b[0] / b[2]:.2f} -> {1 - a[0] / a[2]:.2f}   "
              f"with scorer {1 - b[1] / b[2]:.2f} -> {1 - a[1] / a[2]:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
