"""Per-row over-claim decisions from two bench/overclaim_loso.py --cache files (two trees' checker runs), compared
with one weights file (prints numbers; row ids and kinds with --show, never sentences).

    python bench/overclaim_cache_rows.py BEFORE.pkl AFTER.pkl [--weights W.json] [--after-weights W2.json] [--show]

Each cache holds, per row, the checker's rule findings (learned scorer off) and the features of every sentence the
scorer's gates let it score; a row is flagged when a rule found it or a scored sentence's probability under the
weights reaches their threshold (the checker's decision, but for sentences split differently). Per set: rows right
-> wrong and wrong -> right between the two trees (with ``--after-weights``, the after tree scored with other
weights, e.g. a refit). The sets are those the cache holds (the trainer's writers, transfer sets and the corpus).
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def decisions(cache: Path, model: dict) -> dict[str, tuple[str, bool]]:
    from evidencebot.language.overclaim.learned import probability

    rows = pickle.loads(cache.read_bytes())["rows"]
    out = {}
    for (rid, _text), (rules, sentences, _feats) in rows.items():
        out[rid] = rules or any(probability(model, fs) >= model["threshold"] for fs in sentences)
    return out


def main(argv: list[str]) -> None:
    import train_overclaim_scorer as train

    args = [a for a in argv if not a.startswith("--")]
    opt = {a: argv[i + 1] for i, a in enumerate(argv) if a in ("--weights", "--after-weights")}
    weights = json.loads(Path(opt.get("--weights", train.OUT)).read_text(encoding="utf-8"))
    after_w = json.loads(Path(opt["--after-weights"]).read_text(encoding="utf-8")) if "--after-weights" in opt \
        else weights
    before, after = decisions(Path(args[0]), weights), decisions(Path(args[1]), after_w)
    labels = {}
    for w, parts in train.writer_sets(transfer=True).items():
        for part in ("train", "check"):
            for r in parts[part]:
                labels[r["id"]] = (w, r["label"], r.get("kind", ""))
    moved: dict[str, Counter] = {}
    shown = []
    totals = Counter()
    for rid, (w, label, kind) in labels.items():
        if rid not in before or rid not in after:
            continue
        rb, ra = before[rid] == (label == "flag"), after[rid] == (label == "flag")
        c = moved.setdefault(w, Counter())
        for name, got, lab in (("before", before[rid], label), ("after", after[rid], label)):
            c[f"{name}_{'tp' if got and lab == 'flag' else 'fp' if got else 'fn' if lab == 'flag' else 'tn'}"] += 1
        if rb != ra:
            key = "right->wrong" if rb else "wrong->right"
            c[key] += 1
            totals[key] += 1
            shown.append((w, rid, label, kind, key))
    for w in sorted(moved):
        c = moved[w]
        if c["right->wrong"] or c["wrong->right"]:
            print(f"{w}: right->wrong {c['right->wrong']}, wrong->right {c['wrong->right']}  "
                  f"(fp {c['before_fp']}->{c['after_fp']}, fn {c['before_fn']}->{c['after_fn']})")
    pooled = Counter()
    for c in moved.values():
        pooled.update({k: v for k, v in c.items() if k.startswith(("before_", "after_"))})
    print(f"TOTAL right->wrong {totals['right->wrong']}, wrong->right {totals['wrong->right']}; pooled over "
          f"{len(moved)} sets: fp {pooled['before_fp']}->{pooled['after_fp']}, fn {pooled['before_fn']}->"
          f"{pooled['after_fn']} (tp {pooled['before_tp']}->{pooled['after_tp']})")
    if "--show" in argv:
        for item in shown:
            print("  ", *item)


if __name__ == "__main__":
    main(sys.argv[1:])
