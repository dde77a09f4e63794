"""Over-claim on every spent and labelled set: P/R per set, recall of the weak kinds, a row diff.

    PYTHONPATH=src python bench/overclaim_sets.py --held s28,s29 --save /tmp/oc/after.json   # development sets
    PYTHONPATH=src python bench/overclaim_sets.py --held s28,s29 --with-heldout --save ...    # and the held sets
    PYTHONPATH=src python bench/overclaim_sets.py --diff /tmp/oc/base.json /tmp/oc/after.json [--show]
    PYTHONPATH=src python bench/overclaim_sets.py --held s28,s29 --misses KIND               # missed rows of one kind

Scored as tests/language/test_quality.py scores (bench/heldout.py's ``score``). ``--held`` names an engineer's own
held-out sets: they run only with ``--with-heldout`` (once at the start, once at the end) and their sentences are
never printed, only counted. bench/overclaim_oc29.py and overclaim_oc30.py are this script with their sessions' sets.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
NOT_SHOWN: tuple[str, ...] = ()
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


def main(held: tuple[str, ...] = (), kinds: tuple[str, ...] = KINDS) -> None:
    global NOT_SHOWN, KINDS
    ap = argparse.ArgumentParser()
    ap.add_argument("--held", default=",".join(held), help="an engineer's own held-out sets, e.g. s28,s29")
    ap.add_argument("--kinds", default=",".join(kinds), help="the kinds whose recall is printed per set")
    ap.add_argument("--save", default="")
    ap.add_argument("--diff", nargs=2)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--misses", default="", help="print missed rows of these kinds, comma-separated ('fp': false alarms)")
    ap.add_argument("--with-heldout", action="store_true", help="also run the --held sets (once before, once after)")
    args = ap.parse_args()
    NOT_SHOWN = tuple(h for h in args.held.split(",") if h)
    KINDS = tuple(k for k in args.kinds.split(",") if k)
    if args.diff:
        diff(*args.diff, args.show)
    else:
        run(args.save, args.with_heldout, args.misses)


if __name__ == "__main__":
    main()
