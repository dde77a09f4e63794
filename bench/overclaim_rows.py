"""Per-row over-claim decisions of the checker as it is in this tree, for a main-vs-branch comparison (prints numbers).

    python bench/overclaim_rows.py --out ROWS.json [FILE.jsonl ...]        # every over-claim set by default
    python bench/overclaim_rows.py --compare BEFORE.json AFTER.json        # rows right->wrong and wrong->right

Each row: flagged or not by the over-claim family (the shipped rules and weights of this tree), keyed by the
set's file and the row's id. ``--compare`` prints, per set, the count of rows that went right->wrong and
wrong->right, and (with ``--show``) those rows' ids and kinds (spent sets only: the caller chooses the files).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def decide(paths: list[Path]) -> dict[str, dict[str, list]]:
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    out: dict[str, dict[str, list]] = {}
    for path in paths:
        rows = _rows(path)
        found = checker.check_many([(r["text"], "sentence.txt") for r in rows])
        name = f"{path.parent.name}/{path.name}"
        out[name] = {r["id"]: [r["label"], r.get("kind", ""), sorted({f.rule for f in fs if f.family == "overclaim"})]
                     for r, fs in zip(rows, found)}
        print(name, len(rows), flush=True)
    return out


def compare(before: dict, after: dict, show: bool) -> None:
    total = {"rw": 0, "wr": 0}
    for name in sorted(set(before) & set(after)):
        rw, wr = [], []
        for rid, (label, kind, rules_b) in before[name].items():
            rules_a = after[name].get(rid, [label, kind, rules_b])[2]
            right_b = bool(rules_b) == (label == "flag")
            right_a = bool(rules_a) == (label == "flag")
            if right_b and not right_a:
                rw.append((rid, label, kind, rules_b, rules_a))
            elif right_a and not right_b:
                wr.append((rid, label, kind, rules_b, rules_a))
        total["rw"] += len(rw)
        total["wr"] += len(wr)
        if rw or wr:
            print(f"{name}: right->wrong {len(rw)}, wrong->right {len(wr)}")
            if show:
                for item in rw:
                    print("   R->W", *item)
                for item in wr:
                    print("   W->R", *item)
    print(f"TOTAL right->wrong {total['rw']}, wrong->right {total['wr']}")


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--compare":
        before = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        after = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        compare(before, after, "--show" in argv)
        return
    out = Path(argv[argv.index("--out") + 1])
    files = [a for i, a in enumerate(argv) if a != "--out" and (i == 0 or argv[i - 1] != "--out")]
    if not files:
        from overclaim_by_set import default_sets

        paths = [p for p in default_sets() if p.parent.name != "s39"]
    else:
        paths = [Path(f) for f in files]
    out.write_text(json.dumps(decide(paths)), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
