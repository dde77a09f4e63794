"""Over-claim on "a writer we have not seen": every writer's set scored, the learned scorer left-one-set-out.

    python bench/overclaim_loso.py --pool             # per set, and POOLED over the independent writers' sets
    python bench/overclaim_loso.py --pool --transfer  # the same with s15 and s15b as folds (aggregates only)
    python bench/overclaim_loso.py [--no-scorer] [--threshold P] [--kinds] [--only s6,dev6] [--set L2=2]

The over-claim sets were written by different writers in different sessions: the development sets in
``tests/data/labelled/overclaim_*.jsonl`` and the independent writers' sets ``tests/data/heldout/s8`` …
``s14`` (written blind to the code from a brief; ``INDEPENDENT`` in bench/train_overclaim_scorer.py). The
rules were tuned on most of them (except the check halves of dev6, s6 and s8, which nobody reads), so the
rules' figure on a set says little about the next writer. Per set:

* **rules**: the shipped rules without the learned scorer (``overclaim.learned-claim`` switched off);
* **rules+scorer**: the checker as shipped (the scorer's context filters and deferring included) with the
  learned scorer's weights *trained with this writer's set left out* (every other writer's trainable rows
  and the demo corpus's passes, same features and settings as the shipped weights), its threshold and
  calibration chosen inside those writers (``INNER_FOLDS``), so the scorer's part of the figure is what it
  does on a writer it has not seen;
* **scorer raw**: the scorer's probability over its threshold, without the context filters or deferring.

``--pool`` prints one line per set and the pooled figures over the independent writers' sets (with
``--transfer``, also the transfer checks s15 and s15b, each a fold: trained without it, scored; they are
never printed row by row, and nobody tunes on them). How: the checker runs once over every row with a
scorer that scores every sentence 1 (so each row's rule findings, and the sentences the scorer's filters
let it score, are known); each fold then only fits and scores. ``--exact`` runs the checker per fold
with the fold's weights instead (slow; the two agree but for sentences split differently).
Only aggregates and kinds are printed, never sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _fmt(name: str, r: dict) -> str:
    return (f"{name:<28} n={r['tp'] + r['fp'] + r['fn'] + r['tn']:>4} P={r['precision']:.3f} R={r['recall']:.3f} "
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


def apply_settings(train, settings: list[str]) -> None:
    """``name=value`` for a feature setting (train.SPEC) or a training setting (L2, MIN_COUNT, ...)."""
    for setting in settings:
        name, _, value = setting.partition("=")
        parsed = {"true": True, "false": False}.get(value.lower(), value)
        if name in train.SPEC:
            train.SPEC[name] = parsed
        else:
            setattr(train, name, type(getattr(train, name))(parsed))


def fold_list(transfer: bool) -> list[str]:
    """The writers scored as folds (every writer's set; the transfer checks with ``transfer``)."""
    import train_overclaim_scorer as train

    return list(train.WRITERS) + list(train.EXTRA) + (list(train.TRANSFER) if transfer else [])


def check_with(checker, rows: list[dict], model: dict | None) -> list[list]:
    """``checker``'s findings for each row, with ``model`` as the learned scorer's weights for this run only."""
    from evidencebot.language import checker as checker_mod
    from evidencebot.language.overclaim import learned

    real = learned.load_model
    learned.load_model = lambda dirs=None: model
    checker_mod.clear_cache()
    try:
        return checker.check_many([(r["text"], "sentence.txt") for r in rows])
    finally:
        learned.load_model = real
        checker_mod.clear_cache()


class Screen:
    """Each row's rule findings and the sentences the scorer may score, from one checker run."""

    def __init__(self, rows: list[dict], train):
        from evidencebot.config import CheckerSettings
        from evidencebot.language import pipeline
        from evidencebot.language.checker import Checker
        from evidencebot.language.overclaim import learned

        rule = train.SCORER_RULE
        checker = Checker(settings=CheckerSettings(enabled_rules=[rule]), families=["overclaim"])
        everything = {"weights": {}, "bias": 30.0, "threshold": 0.5, "features": train.SPEC}
        found = check_with(checker, rows, everything)
        self.rules = {r["id"]: any(f.family == "overclaim" and f.rule != rule for f in fs)
                      for r, fs in zip(rows, found)}
        starts = {r["id"]: [(f.start, f.end) for f in fs if f.rule == rule] for r, fs in zip(rows, found)}
        # the features of each sentence the scorer would score (the filters let it through)
        index = train.class_index()
        docs = pipeline.pipe([r["text"] for r in rows], disable=pipeline.disabled_for(False))
        self.sentences: dict[str, list[dict]] = {}
        for r, doc in zip(rows, docs):
            got = []
            for s, e in starts[r["id"]]:
                # (m26) the span the scorer scored: the sentence, or one of its clauses
                part = doc.char_span(s, e, alignment_mode="expand")
                if part is None:
                    part = next((sn for sn in doc.sents if sn.start_char <= s < sn.end_char), None)
                if part is not None:
                    got.append(learned.features(part, index, train.SPEC))
            self.sentences[r["id"]] = got


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-scorer", action="store_true", help="rules only (the figure before the scorer)")
    ap.add_argument("--threshold", type=float, default=None, help="the scorer's threshold (default: the fold's)")
    ap.add_argument("--calibration", default="",
                    help="with --threshold: the calibration 'a,b' (default: the shipped weights file's)")
    ap.add_argument("--kinds", action="store_true", help="recall per flag kind, false alarms per pass kind")
    ap.add_argument("--only", default="", help="score only these writers' sets (comma-separated, e.g. s6,dev6)")
    ap.add_argument("--pool", action="store_true",
                    help="one line per set and the pooled figures over the independent writers' sets")
    ap.add_argument("--transfer", action="store_true",
                    help="s15 and s15b too: trained on by the other folds, each scored as a fold (aggregates only)")
    ap.add_argument("--exact", action="store_true", help="run the checker per fold (slow)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the checker's and the parser's results in this file (outside the repository) and "
                         "reuse them while the code, the phrasebank and the feature settings are unchanged")
    ap.add_argument("--set", action="append", default=[],
                    help="a feature or training setting for this run, e.g. normalise=false, L2=2, INNER_FOLDS=0")
    ap.add_argument("--extra", action="append", default=[],
                    help="a set's file to fold as a writer besides those of the repository (also "
                         "OVERCLAIM_EXTRA_SETS, see bench/train_overclaim_scorer.py)")
    ap.add_argument("--train-without", default="",
                    help="leave these writers' sets out of every fold's training (still scored when folds)")
    ap.add_argument("--strip", default="",
                    help="leave out the features whose names start with this (e.g. 'x:', the structure features) "
                         "before fitting and scoring: a variant measured from the same cache")
    ap.add_argument("--weights", type=Path, default=None,
                    help="score every fold with this weights file (e.g. the shipped one) instead of fitting; its "
                         "threshold and calibration unless --threshold / --calibration are given")
    args = ap.parse_args(argv)

    import train_overclaim_scorer as train  # bench/, beside this script

    train.EXTRA.update(train.extra_sets(args.extra))
    apply_settings(train, args.set)
    calibration = ([float(x) for x in args.calibration.split(",")] if args.calibration
                   else json.loads(train.OUT.read_text(encoding="utf-8")).get("calibration"))
    # (the transfer checks' rows are screened and parsed with the rest, so the cache is one; without
    # --transfer they are neither trained on nor scored)
    every = train.writer_sets(transfer=True)  # {writer: {"train": rows, "check": rows}}
    sets = {w: s for w, s in every.items() if args.transfer or w not in train.TRANSFER}
    all_rows = [r for s in every.values() for part in ("train", "check") for r in s[part]]
    screen, feats = _screen_and_features(all_rows, train, args.cache, args.no_scorer)
    exact = _exact_flagger(train) if args.exact else None
    if args.strip:
        def kept(fs: dict) -> dict:
            return {k: v for k, v in fs.items() if not k.startswith(args.strip)}

        screen.sentences = {rid: [kept(fs) for fs in got] for rid, got in screen.sentences.items()}
        feats = None if feats is None else {rid: kept(fs) for rid, fs in feats.items()}

    independent = set(train.INDEPENDENT) | (set(train.TRANSFER) if args.transfer else set())
    totals: dict[str, dict[str, list]] = {"ALL": {"rules": [], "rules+scorer": []},
                                          "INDEPENDENT": {"rules": [], "rules+scorer": []}}
    only = {w for w in args.only.split(",") if w}
    without = {w for w in args.train_without.split(",") if w}
    fixed = json.loads(args.weights.read_text(encoding="utf-8")) if args.weights else None
    for writer, parts in sets.items():
        if only and writer not in only:
            continue
        model = None
        if feats is not None and fixed is not None:
            model = dict(fixed)
            if args.threshold is not None:
                model["threshold"] = args.threshold
            if args.calibration:
                model["calibration"] = calibration
        elif feats is not None:
            train_rows = [dict(r, _writer=w) for w, s in sets.items() if w != writer and w not in without
                          for r in s["train"]]
            # a fixed --threshold needs no inner folds (they only choose the threshold and the calibration): one
            # fit a fold, not 5, with the calibration of the shipped weights (--calibration to give another)
            model = train.fit(train_rows, feats, with_threshold=args.threshold is None)
            if args.threshold is not None:
                model["threshold"] = args.threshold
                model["calibration"] = calibration
        rows = parts["train"] + parts["check"]
        rf = [screen.rules[r["id"]] for r in rows]
        groups = ["ALL"] + (["INDEPENDENT"] if writer.split("-")[0] in independent else [])
        line = _fmt(f"{writer} rules", _score(rows, rf))
        for g in groups:
            totals[g]["rules"].append((rows, rf))
        if model is None:
            print(line)
            if args.kinds:
                _kinds(rows, rf, rf)
            continue
        if exact is not None:
            both = exact(rows, model)
        else:
            both = [f or any(train.probability(model, s) >= model["threshold"] for s in screen.sentences[r["id"]])
                    for r, f in zip(rows, rf)]
        for g in groups:
            totals[g]["rules+scorer"].append((rows, both))
        sc = _score(rows, both)
        if args.pool:
            print(f"{line}  +scorer P={sc['precision']:.3f} R={sc['recall']:.3f} (fp={sc['fp']} fn={sc['fn']}) "
                  f"thr {model['threshold']}")
        else:
            print(line)
            print(_fmt(f"{writer} rules+scorer", sc) + f"  threshold {model['threshold']}")
            raw = [train.probability(model, feats[r["id"]]) >= model["threshold"] for r in rows]
            print(_fmt(f"{writer} scorer raw", _score(rows, raw)))
        if args.kinds:
            _kinds(rows, rf, both)
    for title, group in totals.items():
        for name, parts_ in group.items():
            if parts_:
                rows = [r for p in parts_ for r in p[0]]
                flags = [f for p in parts_ for f in p[1]]
                sets_ = "" if title == "ALL" else " (" + ",".join(sorted(independent & set(sets))) + ")"
                print(_fmt(f"POOLED {title} {name}", _score(rows, flags)) + sets_)


def _screen_and_features(rows: list[dict], train, cache: Path | None, no_scorer: bool):
    """(Screen, row features or None). With ``cache``, each row's results are kept in that file (per code,
    phrasebank and feature settings), so only the rows not yet in it are checked and parsed (a set added to
    the folds costs its own rows, not every row's)."""
    import hashlib
    import pickle

    key = None
    stored: dict[tuple[str, str], tuple] = {}
    if cache is not None:
        h = hashlib.sha256(json.dumps(train.SPEC, sort_keys=True).encode())
        for folder in ("src/evidencebot/language", "phrasebank"):
            for path in sorted((ROOT / folder).rglob("*")):
                if path.suffix in (".py", ".yaml"):
                    h.update(path.read_bytes())
        key = h.hexdigest()
        if cache.is_file():
            with cache.open("rb") as fh:
                got = pickle.load(fh)
            if got.get("key") == key:
                stored = got.get("rows", {})
    todo = [r for r in rows if (r["id"], r["text"]) not in stored]
    if todo:
        new = Screen(todo, train)
        feats = train.parse_rows(todo)
        for r in todo:
            stored[(r["id"], r["text"])] = (new.rules[r["id"]], new.sentences[r["id"]], feats[r["id"]])
        if cache is not None:
            with cache.open("wb") as fh:
                pickle.dump({"key": key, "rows": stored}, fh)
    screen = Screen.__new__(Screen)
    got_rows = {r["id"]: stored[(r["id"], r["text"])] for r in rows}
    screen.rules = {rid: v[0] for rid, v in got_rows.items()}
    screen.sentences = {rid: v[1] for rid, v in got_rows.items()}
    return screen, (None if no_scorer else {rid: v[2] for rid, v in got_rows.items()})


def _exact_flagger(train):
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    checker = Checker(settings=CheckerSettings(enabled_rules=[train.SCORER_RULE]), families=["overclaim"])

    def flagged(rows, model):
        return [any(f.family == "overclaim" for f in fs) for fs in check_with(checker, rows, model)]

    return flagged


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
