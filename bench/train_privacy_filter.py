"""Train the privacy name filter's weights (``phrasebank/privacy-name-filter.json``).

    python bench/train_privacy_filter.py                    # write tests/data/privacy_filter/privacy-name-filter.json
    python bench/train_privacy_filter.py --out phrasebank/privacy-name-filter.json --threshold 0.2   # turn it on
    python bench/train_privacy_filter.py --dry-run          # print what would be written

The filter is not shipped on (no weights file in phrasebank/): over the independent writers' sets left out one
at a time it removes false alarms only by losing names to flag (bench/privacy_loso.py; figures in the commit
that added it). The weights the tests read are written to tests/data/privacy_filter/; copying a file of them
into phrasebank/ (or a user's phrasebank folder) turns the filter on.

What it is: a logistic regression (L2, fitted with scipy's L-BFGS) over the features
:func:`evidencebot.language.privacy_filter.features` reads for one name candidate in its sentence.
Each candidate the name rule's sources give is labelled from the sets' spans: personal data when
it overlaps a labelled span of a sentence to flag, not personal data when its sentence is a pass
(or a flag whose spans it does not touch). Trained on the spent privacy sets with spans
(``tests/data/labelled/privacy_*.jsonl``, the spent held-out sets s8-s14 and heldout2), never on
the halves and sets the test suite keeps unshown (their floors stay a measure of what generalises)
nor on s15, s15b, s16 and s16b (the transfer check). ``bench/privacy_loso.py`` uses the same ``fit`` for its
leave-one-set-out figures. Needs scipy (the ``[test]`` extra); the checker itself only reads the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

LABELLED = ROOT / "tests" / "data" / "labelled"
HELD = ROOT / "tests" / "data" / "heldout"
OUT = ROOT / "tests" / "data" / "privacy_filter" / "privacy-name-filter.json"
# the independent writers' sets (people who had not read the rules): each is a leave-one-set-out fold
WRITERS = {f"s{n}": HELD / f"s{n}" / f"privacy_s{n}.jsonl" for n in range(8, 15)}
WRITERS["heldout2"] = HELD / "privacy_heldout2.jsonl"
# the transfer check: folds only with --transfer, never trained on for the shipped weights, never read
TRANSFER = {"s15": HELD / "s15" / "privacy_s15.jsonl", "s15b": HELD / "s15b" / "privacy_s15b.jsonl",
            "s16": HELD / "s16" / "privacy_s16.jsonl", "s16b": HELD / "s16b" / "privacy_s16b.jsonl",
            "s17": HELD / "s17" / "privacy_s17.jsonl", "s17b": HELD / "s17b" / "privacy_s17b.jsonl",
            "s18": HELD / "s18" / "privacy_s18.jsonl", "s18b": HELD / "s18b" / "privacy_s18b.jsonl",
            "s19": HELD / "s19" / "privacy_s19.jsonl", "s19b": HELD / "s19b" / "privacy_s19b.jsonl",
            "s20": HELD / "s20" / "privacy_s20.jsonl", "s20b": HELD / "s20b" / "privacy_s20b.jsonl",
            "s21": HELD / "s21" / "privacy_s21.jsonl", "s22": HELD / "s22" / "privacy_s22.jsonl",
            "s22b": HELD / "s22b" / "privacy_s22b.jsonl", "s23": HELD / "s23" / "privacy_s23.jsonl",
            "s24": HELD / "s24" / "privacy_s24.jsonl",
            # (p23) session 23's privacy dev set, measured twice that session and never tuned on
            "pv23dev": LABELLED / "privacy_pv23dev.jsonl"}
SPEC = {
    "title_classes": {
        "courtesy": ["Mr", "Mrs", "Ms", "Miss", "Mx"],
        "clinical": ["Dr", "Prof", "Professor"],
        "family": ["Auntie", "Aunty", "Uncle", "Grandad", "Grandma", "Grandpa"],
        "honour": ["Sir", "Dame", "Lord", "Lady"],
    },
    "prev_words": ["the", "a", "an", "our", "their", "at", "in", "from", "to", "with", "by", "of", "like",
                   "called", "named", "titled", "watched", "read", "visited", "met", "told", "asked", "via", "through"],
    "next_words": ["said", "told", "was", "is", "has", "had", "who", "from", "at", "in", "on", "of"],
}
# a candidate with one of these is kept whatever its score: the sentence says it is a person
GUARD = ["ctx:personal", "ctx:age_or_who", "ctx:he_or_she", "ctx:own_pronoun", "ctx:described"]
L2 = 2.0
MIN_COUNT = 2
MIN_WEIGHT = 0.02
THRESHOLD = 0.2


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def unshown_ids() -> set[str]:
    """Ids of the rows the test suite keeps unshown (check halves, dev10): never trained on."""
    from heldout import quality_module

    q = quality_module()
    out: set[str] = set()
    for part in q.UNSHOWN:
        base, _, half = part.partition("-")
        path = LABELLED / f"privacy_{base}.jsonl"
        if not path.exists():
            path = HELD / base / f"privacy_{base}.jsonl"
        if not path.exists():
            continue
        rows = load(path)
        if half:
            seed = q.FAMILY_SPLIT_SEEDS.get(("privacy", base)) or q.SPLIT_SEEDS.get(base)
            if seed is None:
                continue
            rows = q.split_half(rows, seed)[1]
        out.update(f"{base}:{r['id']}" for r in rows)
    return out


def all_sets(transfer: bool = False) -> dict[str, list[dict]]:
    """{set name: rows}; rows carry ``_set`` and ``_key`` (set:id)."""
    sets: dict[str, list[dict]] = {}
    for path in sorted(LABELLED.glob("privacy_*.jsonl")):
        sets[path.stem.partition("_")[2]] = load(path)
    for name, path in {**WRITERS, **(TRANSFER if transfer else {})}.items():
        sets[name] = load(path)
    sets["examples"] = rule_examples()
    # the names the rule finds in the over-claim sets' sentences (bids, reviews, stories by many writers),
    # labelled by hand: story names to flag, places, products, programmes, organisations and languages not
    sets["overclaim_names"] = load(LABELLED / "name_candidates_overclaim.jsonl")
    for name, rows in sets.items():
        for r in rows:
            r["_set"], r["_key"] = name, f"{name}:{r['id']}"
    return sets


def rule_examples() -> list[dict]:
    """The name rule's own flag and pass examples (privacy.yaml) as rows: a flag's marked names are its spans."""
    from evidencebot.language.privacy import example_spans, load_privacy_rules

    rule = next(r for r in load_privacy_rules() if r.kind == "entity")
    rows = []
    for kind in ("flag", "pass"):
        for n, example in enumerate(rule.examples[kind]):
            text, spans = example_spans(example)
            rows.append({"id": f"{kind}-{n}", "text": text, "label": kind, "kind": "rule_example",
                         "spans": [text[s:e] for s, e in spans]})
    return rows


def _overlaps(row: dict, s: int, e: int) -> bool:
    text = row["text"]
    for span in row.get("spans", []):
        k = text.find(span)
        if k >= 0 and k < e and s < k + len(span):
            return True
    return False


def candidates(rows: list[dict], spec: dict = SPEC) -> dict[str, list[dict]]:
    """For each row key: its name candidates, each {start, end, source, feats, label, kept} (kept: the
    hand filters let it through); every source's raw candidates too, with the hand filters off."""
    from evidencebot.language import pipeline, privacy
    from evidencebot.language.privacy_filter import features

    rule = next(r for r in privacy.load_privacy_rules() if r.kind == "entity")

    class Raw(privacy._NameFinder):
        def acceptable(self, start, end):
            return True

        def public_role(self, start, end, title=""):
            return False

        def titled_thing(self, start, end):
            return False

    texts = [r["text"] for r in rows]
    disable = pipeline.disabled_for(True)
    out: dict[str, list[dict]] = {}
    for row, pieces in zip(rows, pipeline.pipe_blocks(texts, disable=disable)):
        cands: dict[tuple[int, int, str], dict] = {}
        for offset, piece, doc in pieces:
            finder = privacy._NameFinder(rule, piece, doc)
            kept = set(privacy.name_candidates(finder))
            raw = Raw(rule, piece, doc)
            for s, e, src in set(privacy.name_candidates(raw)) | kept:
                label = 1.0 if row["label"] == "flag" and _overlaps(row, s + offset, e + offset) else 0.0
                cands[(s + offset, e + offset, src)] = {
                    "start": s + offset, "end": e + offset, "source": src, "label": label,
                    "kept": (s, e, src) in kept, "feats": features(finder, s, e, src, spec)}
        out[row["_key"]] = list(cands.values())
    return out


def fit(examples: list[dict], l2: float = L2, survivors_weight: float = 1.0, balance: bool = True,
        maxiter: int = 500) -> dict:
    """A logistic regression on ``examples`` ({feats, label, kept}; ``kept`` may be absent): {bias, weights}. Also the
    privacy learned check's fit (bench/train_privacy_detail.py, ``maxiter`` 400)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts: dict[str, int] = {}
    for ex in examples:
        for f in ex["feats"]:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    col = {f: j for j, f in enumerate(names)}
    data, ri, ci = [], [], []
    for i, ex in enumerate(examples):
        for f, v in ex["feats"].items():
            j = col.get(f)
            if j is not None:
                data.append(v)
                ri.append(i)
                ci.append(j)
    X = csr_matrix((data, (ri, ci)), shape=(len(examples), len(names)))
    y = np.array([ex["label"] for ex in examples])
    sw = np.array([survivors_weight if ex.get("kept") else 1.0 for ex in examples])
    # balance the classes: each class weighs as much in total
    pos = float((sw * y).sum()) or 1.0
    neg = float((sw * (1 - y)).sum()) or 1.0
    if balance:
        sw = sw * np.where(y == 1, 0.5 * len(y) / pos, 0.5 * len(y) / neg)

    def loss(w):
        z = X @ w[1:] + w[0]
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        ll = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum()
        g = sw * (p - y)
        grad = np.concatenate([[g.sum()], X.T @ g + l2 * w[1:]])
        return ll + 0.5 * l2 * float(w[1:] @ w[1:]), grad

    res = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": maxiter})
    w = res.x
    weights = {f: round(float(w[j + 1]), 4) for f, j in col.items() if abs(w[j + 1]) >= MIN_WEIGHT}
    return {"bias": round(float(w[0]), 4), "weights": weights}


def model_from(examples: list[dict], threshold: float = THRESHOLD, guard: list | None = None, **kw) -> dict:
    m = fit(examples, **kw)
    m["threshold"] = threshold
    m["features"] = dict(SPEC, guard_features=GUARD if guard is None else guard)
    return m


def training_examples(sets: dict[str, list[dict]], cands: dict[str, list[dict]], leave_out: set[str],
                      raw: bool = True) -> list[dict]:
    unshown = unshown_ids()
    out = []
    for name, rows in sets.items():
        if name in leave_out or name in TRANSFER:
            continue
        for r in rows:
            key = f"{name}:{r['id']}"
            if key in unshown:
                continue
            out += [c for c in cands[r["_key"]] if raw or c["kept"]]
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args(argv)
    sets = all_sets()
    rows = [r for rs in sets.values() for r in rs]
    cands = candidates(rows)
    examples = training_examples(sets, cands, set())
    model = model_from(examples, threshold=args.threshold)
    out = {"about": ("Privacy name filter (logistic regression over a name candidate's features; "
                     "evidencebot.language.privacy_filter). Written by bench/train_privacy_filter.py from "
                     f"{len(examples)} name candidates of the spent privacy sets ({', '.join(sorted(sets))}), less "
                     "the halves the test suite keeps unshown; never s15, s15b, s16 or s16b. Do not edit by hand: retrain."),
           "trained_on": len(examples), "threshold": model["threshold"], "bias": model["bias"],
           "features": model["features"], "weights": dict(sorted(model["weights"].items()))}
    print(f"{len(examples)} candidates ({sum(e['label'] for e in examples):.0f} personal), "
          f"{len(out['weights'])} weights, threshold {out['threshold']}")
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
