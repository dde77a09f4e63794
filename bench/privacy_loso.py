"""The privacy name filter, leave one set out: per independent writer's set and pooled (prints numbers).

    python bench/privacy_loso.py               # folds s8-s14 and heldout2
    python bench/privacy_loso.py --transfer    # also s15, s15b, s16 and s16b (the transfer check: run it rarely)
    python bench/privacy_loso.py --survivors   # train on the hand filters' survivors only (not raw candidates)

For each independent writer's set: a filter trained (bench/train_privacy_filter.py's ``fit``) on every
other spent set, never on the set scored, scores that set; the row beside it is the rules with no filter.
Scored as tests/language/test_quality.py scores privacy (a flag must be found and cover every span; a pass
must have no privacy finding). Aggregates only: no sentence is printed. With --transfer, s15, s15b, s16 and
s16b are folds too (trained on everything else but the transfer sets; the shipped weights never see them).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


class _Direct:
    """A stand-in for Checker.check_many: the privacy family on each text's cached sentence parses."""

    def __init__(self):
        from evidencebot.language import privacy

        self.rules = privacy.load_privacy_rules()

    def check_many(self, items):
        from evidencebot.language import pipeline, privacy

        texts = [t for t, _ in items]
        out = []
        for pieces in pipeline.pipe_blocks(texts, disable=pipeline.disabled_for(True)):
            found = []
            for offset, piece, doc in pieces:
                for f in privacy.find_privacy(piece, doc=doc, rules=self.rules):
                    f.start += offset
                    f.end += offset
                    found.append(f)
            out.append(found)
        return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--transfer", action="store_true")
    ap.add_argument("--survivors", action="store_true")
    ap.add_argument("--threshold", type=float, action="append", default=None,
                    help="the filter's threshold (default the trainer's); given more than once, each is scored")
    ap.add_argument("--l2", type=float, default=None)
    args = ap.parse_args(argv)

    import train_privacy_filter as T
    from heldout import quality_module

    from evidencebot.language import privacy_filter

    score = quality_module().score
    sets = T.all_sets(transfer=args.transfer)
    rows = [r for rs in sets.values() for r in rs]
    cands = T.candidates(rows)
    folds = list(T.WRITERS) + (list(T.TRANSFER) if args.transfer else [])
    checker = _Direct()
    keep_all = {"bias": 0.0, "weights": {}, "threshold": 0.0, "features": T.SPEC}
    kw = {"l2": args.l2} if args.l2 is not None else {}
    thresholds = args.threshold or [T.THRESHOLD]
    pooled = {name: Counter() for name in ["rules"] + [f"filter@{t}" for t in thresholds]}
    for fold in folds:
        examples = T.training_examples(sets, cands, {fold}, raw=not args.survivors)
        fitted = T.fit(examples, **kw)
        line = [f"{fold:9}"]
        runs = [("rules", keep_all)] + [(f"filter@{t}", dict(fitted, threshold=t, features=dict(T.SPEC, guard_features=T.GUARD)))
                                        for t in thresholds]
        for name, m in runs:
            privacy_filter.use_model(m)
            r = score("privacy", sets[fold], checker)
            pooled[name].update({k: r[k] for k in ("tp", "fp", "fn", "tn")})
            line.append(f"{name} P={r['precision']:.3f} R={r['recall']:.3f} (fp={r['fp']} fn={r['fn']})")
        privacy_filter.use_model(None)
        print("  ".join(line), flush=True)
    for name, c in pooled.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        print(f"pooled {name}: P={p:.3f} R={rec:.3f} (tp={c['tp']} fp={c['fp']} fn={c['fn']} tn={c['tn']})")


if __name__ == "__main__":
    main()
