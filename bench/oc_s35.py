"""Over-claim before/after from two bench/overclaim_rows.py outputs (prints numbers only, no sentences).

    python bench/overclaim_rows.py --out BEFORE.json      # in main's tree
    python bench/overclaim_rows.py --out AFTER.json       # in this tree
    python bench/oc_s35.py BEFORE.json AFTER.json [--sets s24,s25,...]

Prints, per spent set named (default s24-s34) and pooled over them: P / R (fp, fn) before and after; recall per
kind (the sets' names for one kind merged as bench/overclaim_loso_kinds.py merges them) pooled over those sets;
and the totals over every set in both files. The rows' decisions are the checker as shipped in each tree (rules
and the shipped learned weights, which were trained on most spent sets: the scorer's part is in-sample; the rules'
changes are the difference).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

MERGE = {"causal_verb": "causal", "causal_fact": "causal", "credit_taking": "credit", "money_return": "money",
         "proof_framing": "proof", "vague_magnitude": "magnitude", "bare_proportion": "proportion",
         "unbased_proportion": "proportion", "proportion_no_base": "proportion", "certainty_absolute": "certainty"}


def _score(rows) -> tuple[int, int, int, int]:
    tp = fp = fn = tn = 0
    for label, _kind, rules in rows:
        hit = bool(rules)
        if label == "flag":
            tp, fn = tp + hit, fn + (not hit)
        else:
            fp, tn = fp + hit, tn + (not hit)
    return tp, fp, fn, tn


def _fmt(t) -> str:
    tp, fp, fn, _tn = t
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:.3f} R {r:.3f} (fp {fp}, fn {fn})"


def main(argv: list[str]) -> None:
    before, after = (json.load(open(a, encoding="utf-8")) for a in argv[:2])
    sets = [f"s{n}" for n in range(24, 35)]
    if "--sets" in argv:
        sets = argv[argv.index("--sets") + 1].split(",")
    names = [n for n in sorted(set(before) & set(after)) if n.split("/")[0] in sets]
    pool_b: list = []
    pool_a: list = []
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name in names:
        rb, ra = list(before[name].values()), [after[name][k] for k in before[name]]
        pool_b += rb
        pool_a += ra
        print(f"{name:<34} before {_fmt(_score(rb))}   after {_fmt(_score(ra))}")
        for (label, kind, rules_b), (_l, _k, rules_a) in zip(rb, ra):
            if label == "flag":
                k = MERGE.get(kind, kind)
                kinds[k][0] += 1
                kinds[k][1] += bool(rules_b)
                kinds[k][2] += bool(rules_a)
    print(f"{'pooled (' + str(len(pool_b)) + ')':<34} before {_fmt(_score(pool_b))}   after {_fmt(_score(pool_a))}")
    print("recall per kind, pooled (n: before -> after)")
    for k, (n, b, a) in sorted(kinds.items()):
        print(f"  {k:<24} {n:>4}: {b / n:.3f} -> {a / n:.3f}")
    common = sorted(set(before) & set(after))
    all_b = [r for n in common for r in before[n].values()]
    all_a = [after[n][k] for n in common for k in before[n]]
    print(f"{'every set in both (' + str(len(common)) + ' sets)':<34} before {_fmt(_score(all_b))}   "
          f"after {_fmt(_score(all_a))}")


if __name__ == "__main__":
    main(sys.argv[1:])
