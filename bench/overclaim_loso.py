"""Over-claim on "a writer we have not seen": every development set scored, the learned scorer left-one-set-out.

    python bench/overclaim_loso.py [--no-scorer] [--threshold P] [--kinds] [--only s6,dev6]

The over-claim development sets in ``tests/data/labelled/overclaim_*.jsonl`` were written by
different writers in different sessions. The rules were tuned on all of them (except the check
halves of dev6 and s6, which nobody reads, and the repo's held-out set), so the rules' figure on a
set they were tuned on says little about the next writer. Three figures are printed per set:

* **rules**: the shipped rules without the learned scorer (``overclaim.learned-claim`` switched off);
* **rules + scorer (LOSO)**: the checker as shipped (the scorer's context filters and deferring
  included) with the learned scorer's weights *trained with this writer's set left out* (all other
  training sets, same features, same settings as the shipped weights, its threshold chosen inside
  those sets), so the scorer's part of the figure is what it does on a writer it has not seen;
* **scorer raw (LOSO)**: the scorer's probability over its threshold, without the checker's
  context filters or deferring to the rules, for reference.

The two never-read check halves (dev6-check, s6-check) are scored like held-out sets (aggregates
only); they are never training data, not even for the shipped weights. The shipped weights
(``phrasebank/overclaim-scorer.json``) are trained on every training set by
``bench/train_overclaim_scorer.py``. Only aggregates and kinds are printed, never sentences.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _fmt(name: str, r: dict) -> str:
    return (f"{name:<26} n={r['tp'] + r['fp'] + r['fn'] + r['tn']:>4} P={r['precision']:.3f} R={r['recall']:.3f} "
            f"F1={r['f1']:.3f} (tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})")


def _score(rows: list[dict], flagged: list[bool]) -> dict:
    tp = sum(1 for r, f in zip(rows, flagged) if f and r["label"] == "flag")
    fp = sum(1 for r, f in zip(rows, flagged) if f and r["label"] == "pass")
    fn = sum(1 for r, f in zip(rows, flagged) if not f and r["label"] == "flag")
    tn = sum(1 for r, f in zip(rows, flagged) if not f and r["label"] == "pass")
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": rc,
            "f1": 2 * p * rc / (p + rc) if p + rc else 0.0}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-scorer", action="store_true", help="rules only (the figure before the scorer)")
    ap.add_argument("--threshold", type=float, default=None, help="the scorer's threshold (default: the shipped one)")
    ap.add_argument("--kinds", action="store_true", help="recall per flag kind, false alarms per pass kind")
    ap.add_argument("--only", default="", help="score only these writers' sets (comma-separated, e.g. s6,dev6)")
    ap.add_argument("--set", action="append", default=[],
                    help="a feature or training setting for this run, e.g. normalise=false, MIN_WEIGHT=0.03")
    args = ap.parse_args(argv)

    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_mod
    from evidencebot.language.checker import Checker
    from evidencebot.language.overclaim import learned

    import train_overclaim_scorer as train  # bench/, beside this script

    for setting in args.set:
        name, _, value = setting.partition("=")
        parsed = {"true": True, "false": False}.get(value.lower(), value)
        if name in train.SPEC:
            train.SPEC[name] = parsed
        else:
            setattr(train, name, type(getattr(train, name))(parsed))
    sets = train.writer_sets()  # {writer: {"train": rows, "check": rows}}
    # the scorer's rule is opt-in (shipped off): switched on here
    checker = Checker(settings=CheckerSettings(enabled_rules=[train.SCORER_RULE]), families=["overclaim"])
    rule_off = train.SCORER_RULE

    def flagged(rows, model):
        """Each row flagged by the checker as shipped, with ``model`` as the scorer's weights."""
        learned.load_model = lambda dirs=None: model
        checker_mod.clear_cache()
        found = checker.check_many([(r["text"], "sentence.txt") for r in rows])
        return [[f for f in fs if f.family == "overclaim"] for fs in found]

    all_rows = [r for s in sets.values() for part in ("train", "check") for r in s[part]]
    rules_flag = {r["id"]: any(f.rule != rule_off for f in fs) for r, fs in zip(all_rows, flagged(all_rows, None))}

    feats = None if args.no_scorer else train.parse_rows(all_rows)
    totals: dict[str, list] = {"rules": [], "both": []}
    only = {w for w in args.only.split(",") if w}
    for writer, parts in sets.items():
        if only and writer not in only:
            continue
        model = None
        if feats is not None:
            train_rows = [dict(r, _writer=w) for w, s in sets.items() if w != writer for r in s["train"]]
            model = train.fit(train_rows, feats)
            if args.threshold is not None:
                model["threshold"] = args.threshold
        for part in ("train", "check"):
            rows = parts[part]
            if not rows:
                continue
            label = writer if part == "train" and not parts["check"] else f"{writer}-{'tune' if part == 'train' else 'check'}"
            rf = [rules_flag[r["id"]] for r in rows]
            print(_fmt(f"{label} rules", _score(rows, rf)))
            totals["rules"].append((rows, rf))
            if model is not None:
                both = [bool(fs) for fs in flagged(rows, model)]
                raw = [train.probability(model, feats[r["id"]]) >= model["threshold"] for r in rows]
                print(_fmt(f"{label} rules+scorer", _score(rows, both)) + f"  threshold {model['threshold']}")
                print(_fmt(f"{label} scorer raw", _score(rows, raw)))
                totals["both"].append((rows, both))
                if args.kinds:
                    _kinds(rows, rf, both)
            elif args.kinds:
                _kinds(rows, rf, rf)
    for name, parts_ in totals.items():
        if parts_:
            rows = [r for p in parts_ for r in p[0]]
            flags = [f for p in parts_ for f in p[1]]
            print(_fmt(f"ALL {name}", _score(rows, flags)))


def _kinds(rows, before, after) -> None:
    miss_b, miss_a, fa_b, fa_a, n = Counter(), Counter(), Counter(), Counter(), Counter()
    for r, b, a in zip(rows, before, after):
        n[(r["label"], r.get("kind", ""))] += 1
        if r["label"] == "flag":
            miss_b[r.get("kind", "")] += not b
            miss_a[r.get("kind", "")] += not a
        else:
            fa_b[r.get("kind", "")] += b
            fa_a[r.get("kind", "")] += a
    print("    missed per kind (rules -> with scorer): " + ", ".join(
        f"{k} {miss_b[k]}->{miss_a[k]}/{n[('flag', k)]}" for k in sorted(miss_b) if miss_b[k] or miss_a[k]))
    print("    false alarms per kind: " + ", ".join(
        f"{k} {fa_b[k]}->{fa_a[k]}/{n[('pass', k)]}" for k in sorted(fa_b) if fa_b[k] or fa_a[k]))


if __name__ == "__main__":
    main(sys.argv[1:])
