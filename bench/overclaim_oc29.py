"""Over-claim on every spent and labelled set: P/R per set, recall of two kinds, and a row diff.

    PYTHONPATH=src python bench/overclaim_oc29.py --save /tmp/oc29/after.json          # development sets
    PYTHONPATH=src python bench/overclaim_oc29.py --with-heldout --save ...   # and s26-s28 (start and end only)
    PYTHONPATH=src python bench/overclaim_oc29.py --diff /tmp/oc29/base.json /tmp/oc29/after.json [--show]

Scored as tests/language/test_quality.py scores (bench/heldout.py's ``score``). ``--show`` prints the
sentences whose verdict changed, and the missed causal_fact / credit_taking rows, for DEVELOPMENT sets only:
s26, s27, s28 (this session's own held-out measure) are never printed, only counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
NOT_SHOWN = ("s26", "s27", "s28", "s29")
KINDS = ("causal_fact", "credit_taking")
HELDOUT = "--with-heldout" in sys.argv  # s26-s28 are run only at the start and the end


def sets() -> list[Path]:
    heldout = ROOT / "tests" / "data" / "heldout"
    found = sorted(heldout.glob("s*/overclaim_*.jsonl")) + [heldout / "overclaim_heldout2.jsonl"]
    found += sorted((ROOT / "tests" / "data" / "labelled").glob("overclaim_*.jsonl"))
    return [p for p in found if p.parent.name != "s29" and (HELDOUT or p.parent.name not in NOT_SHOWN)]


def shown(path: Path) -> bool:
    return path.parent.name not in NOT_SHOWN


def run(save: str) -> None:
    from heldout import _score_function

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    score = _score_function()
    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    out = {}
    for path in sets():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        r = score("overclaim", rows, checker)
        wrong = {i for _, i in r["wrong"]}
        kinds = {k: f"{v:.2f}" for k, v in r["per_kind"].items() if k in KINDS}
        print(f"{path.parent.name}/{path.name}: n={len(rows)} P={r['precision']:.3f} R={r['recall']:.3f} "
              f"fp={r['fp']} fn={r['fn']} {kinds or ''}")
        out[str(path.relative_to(ROOT))] = {row["id"]: row["id"] not in wrong for row in rows}
    if save:
        Path(save).write_text(json.dumps(out), encoding="utf-8")


def diff(before: str, after: str, show: bool) -> None:
    a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (before, after))
    for name in b:
        path = ROOT / name
        rows = {json.loads(line)["id"]: json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()}
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
    ap.add_argument("--with-heldout", action="store_true", help="also run s26-s28 (once before, once after)")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff, args.show)
    else:
        run(args.save)


if __name__ == "__main__":
    main()
