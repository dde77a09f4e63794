"""Over-claim on every spent and labelled set: P/R per set, recall of the four weak kinds, a row diff.

    PYTHONPATH=src python bench/overclaim_oc30.py --save /tmp/oc30/after.json     # development sets
    PYTHONPATH=src python bench/overclaim_oc30.py --with-heldout --save ...  # and s28, s29 (start and end only)
    PYTHONPATH=src python bench/overclaim_oc30.py --diff /tmp/oc30/base.json /tmp/oc30/after.json [--show]
    PYTHONPATH=src python bench/overclaim_oc30.py --misses KIND                    # missed rows of one kind

Scored as tests/language/test_quality.py scores (bench/heldout.py's ``score``). ``--show`` and ``--misses``
print sentences of DEVELOPMENT sets only: s28 and s29 (this session's own held-out measure) are only counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
NOT_SHOWN = ("s28", "s29")
KINDS = ("causal_fact", "credit_taking", "certainty_absolute", "counterfactual")


def sets(with_heldout: bool) -> list[Path]:
    heldout = ROOT / "tests" / "data" / "heldout"
    found = sorted(heldout.glob("s*/overclaim_*.jsonl")) + [heldout / "overclaim_heldout2.jsonl"]
    found += sorted((ROOT / "tests" / "data" / "labelled").glob("overclaim_*.jsonl"))
    return [p for p in found if with_heldout or p.parent.name not in NOT_SHOWN]


def shown(path: Path) -> bool:
    return path.parent.name not in NOT_SHOWN


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(save: str, with_heldout: bool, misses: str) -> None:
    from heldout import _score_function

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    score = _score_function()
    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    out = {}
    for path in sets(with_heldout):
        rows = _rows(path)
        r = score("overclaim", rows, checker)
        wrong = {i for _, i in r["wrong"]}
        kinds = {k: f"{v:.2f}" for k, v in r["per_kind"].items() if k in KINDS}
        print(f"{path.parent.name}/{path.name}: n={len(rows)} P={r['precision']:.3f} R={r['recall']:.3f} "
              f"fp={r['fp']} fn={r['fn']} {kinds or ''}")
        out[str(path.relative_to(ROOT))] = {row["id"]: row["id"] not in wrong for row in rows}
        if misses and shown(path):
            for row in rows:
                if row["id"] in wrong and (row.get("kind") in misses.split(",") or "fp" in misses.split(",") and row["label"] == "pass"):
                    print(f"   {row['label']} {row.get('kind', '')}: {row['text']}")
    if save:
        Path(save).write_text(json.dumps(out), encoding="utf-8")


def diff(before: str, after: str, show: bool) -> None:
    a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (before, after))
    for name in b:
        path = ROOT / name
        rows = {row["id"]: row for row in _rows(path)}
        changed = [i for i in b[name] if a.get(name, {}).get(i) is not None and a[name][i] != b[name][i]]
        fixed = sum(1 for i in changed if b[name][i])
        if changed:
            print(f"{name}: {fixed} now right, {len(changed) - fixed} now wrong")
        if show and shown(path):
            for i in changed:
                print(f"   {'+' if b[name][i] else '-'} {rows[i]['label']} {rows[i].get('kind', '')}: {rows[i]['text']}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save", default="")
    ap.add_argument("--diff", nargs=2)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--misses", default="", help="print missed rows of these kinds, comma-separated ('fp': false alarms)")
    ap.add_argument("--with-heldout", action="store_true", help="also run s28, s29 (once before, once after)")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff, args.show)
    else:
        run(args.save, args.with_heldout, args.misses)


if __name__ == "__main__":
    main()
