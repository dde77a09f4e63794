"""Privacy right/wrong per row on every privacy set, saved for one tree and compared with another (prints numbers).

    python bench/privacy_rows.py dump OUT.json [FILE.jsonl ...]   # this tree: each row right or wrong
    python bench/privacy_rows.py diff BEFORE.json AFTER.json [--quiet SET ...]
    python bench/privacy_rows.py heldout [BEFORE.json] AFTER.json [--tuned s33 s35 ...]   # P, R per fresh set

``dump`` scores every labelled and spent privacy set (bench/privacy_by_set.py's list) the way bench/heldout.py
scores a set (a flag row is right when a finding covers every labelled span; a pass row when nothing is found)
and writes {set: {id: [right, kind, text]}}. ``diff`` prints, per set, the rows that went right -> wrong and
wrong -> right, then the totals. A set named after ``--quiet`` (a set still used as one's own held-out) prints
counts only, never its sentences.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def dump(out: Path, paths: list[Path]) -> None:
    from heldout import quality_module
    from privacy_by_set import default_sets

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    covers = quality_module()._covers
    checker = Checker(settings=CheckerSettings(), families=["privacy"])
    result: dict[str, dict[str, list]] = {}
    for path in paths or default_sets():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = checker.check_many([(r["text"], "sentence.txt") for r in rows])
        mine_set: dict[str, list] = {}
        for row, fs in zip(rows, found):
            mine = [f for f in fs if f.family == "privacy"]
            if row["label"] == "flag":
                right = bool(mine) and all(covers(mine, row["text"], s) for s in row.get("spans", []))
            else:
                right = not mine
            mine_set[str(row["id"])] = [right, row.get("kind", ""), row["text"], row["label"]]
        result[f"{path.parent.name}/{path.name}"] = mine_set
        print(f"{path.parent.name}/{path.name}: {sum(v[0] for v in mine_set.values())} of {len(mine_set)} right")
    out.write_text(json.dumps(result), encoding="utf-8")


def diff(before: dict, after: dict, quiet: set[str]) -> None:
    lost = gained = 0
    for name in sorted(before):
        b, a = before[name], after.get(name, {})
        worse = [i for i in b if i in a and b[i][0] and not a[i][0]]
        better = [i for i in b if i in a and not b[i][0] and a[i][0]]
        lost += len(worse)
        gained += len(better)
        if not (worse or better):
            continue
        print(f"{name}: right->wrong {len(worse)}, wrong->right {len(better)}")
        if any(q in name for q in quiet):
            continue
        for tag, ids in (("  LOST", worse), ("  GAINED", better)):
            for i in ids:
                print(f"{tag} {i} [{b[i][1]}] {b[i][2]!r}")
    total = sum(len(v) for v in before.values())
    right_b = sum(v[0] for s in before.values() for v in s.values())
    right_a = sum(v[0] for s in after.values() for v in s.values())
    print(f"rows {total}: right before {right_b}, after {right_a}; right->wrong {lost}, wrong->right {gained}")


def heldout(after: dict, before: dict | None, tuned: set[str]) -> None:
    """P and R per fresh held-out set (tests/data/heldout/sNN), before and after; a set tuned on is marked."""
    def pr(rows: dict) -> tuple[float, float, int, int]:
        tp = sum(1 for v in rows.values() if v[3] == "flag" and v[0])
        fn = sum(1 for v in rows.values() if v[3] == "flag" and not v[0])
        fp = sum(1 for v in rows.values() if v[3] == "pass" and not v[0])
        return tp / max(tp + fp, 1), tp / max(tp + fn, 1), fp, fn

    names = sorted(n for n in after if re.fullmatch(r"s\d+/privacy_s\d+\.jsonl", n))
    for name in names:
        mark = "tuned on" if name.split("/")[0] in tuned else "held out"
        p, r, fp, fn = pr(after[name])
        line = f"{name.split('/')[0]:4} ({mark}): after P {p:.3f} R {r:.3f} (fp {fp}, fn {fn})"
        if before is not None and name in before:
            pb, rb, fpb, fnb = pr(before[name])
            line = (f"{name.split('/')[0]:4} ({mark}): before P {pb:.3f} R {rb:.3f} (fp {fpb}, fn {fnb})  "
                    f"after P {p:.3f} R {r:.3f} (fp {fp}, fn {fn})")
        print(line)


def main(argv: list[str]) -> None:
    if argv[:1] == ["heldout"]:
        tuned = set(argv[argv.index("--tuned") + 1:]) if "--tuned" in argv else set()
        files = [a for a in argv[1:argv.index("--tuned") if "--tuned" in argv else None] if not a.startswith("--")]
        dumps = [json.loads(Path(f).read_text(encoding="utf-8")) for f in files[:2]]
        heldout(dumps[-1], dumps[0] if len(dumps) == 2 else None, tuned)
    elif argv[:1] == ["dump"]:
        dump(Path(argv[1]), [Path(a) for a in argv[2:]])
    elif argv[:1] == ["diff"]:
        quiet = set(argv[argv.index("--quiet") + 1:]) if "--quiet" in argv else set()
        files = [a for a in argv[1:] if not a.startswith("--")][:2]
        diff(*(json.loads(Path(f).read_text(encoding="utf-8")) for f in files), quiet)
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
