"""Guard for privacy rule changes: every labelled and spent sentence's privacy findings, before and after.

    python bench/privacy_guard.py --save /tmp/before.json          # on the old code
    python bench/privacy_guard.py --save /tmp/after.json --compare /tmp/before.json   # on the new code

Reads every privacy and over-claim set in tests/data/labelled and the spent held-out sets in
tests/data/heldout/s*/ (never /work/heldout). With --compare it prints, and exits 1 when the first list is not
empty: pass sentences newly flagged (a privacy set's ``pass`` row, or any over-claim set's row, that had no
privacy finding and now has one); then flag sentences that lost every finding, and the count of sentences whose
findings changed in any other way. Session 13 ran this check by hand ("no pass sentence among the 4,878 labelled
and spent sentences newly flagged"); this is that check, kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def sets() -> list[Path]:
    labelled = ROOT / "tests" / "data" / "labelled"
    heldout = ROOT / "tests" / "data" / "heldout"
    return (sorted(labelled.glob("privacy_*.jsonl")) + sorted(labelled.glob("overclaim_*.jsonl"))
            + sorted(heldout.glob("*.jsonl")) + sorted(heldout.glob("s*/privacy_*.jsonl"))
            + sorted(heldout.glob("s*/overclaim_*.jsonl")))


def findings() -> dict[str, dict]:
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    checker = Checker(settings=CheckerSettings(), families=["privacy"])
    out: dict[str, dict] = {}
    for path in sets():
        family = "privacy" if path.name.startswith("privacy") else "overclaim"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        results = checker.check_many([(row["text"], "sentence.txt") for row in rows])
        for row, result in zip(rows, results):
            found = [[f.rule, f.match] for f in result if f.family == "privacy"]
            label = row.get("label", "") if family == "privacy" else "pass"
            out[f"{path.relative_to(ROOT)}:{row['id']}"] = {"label": label, "text": row["text"], "found": found}
    return out


def compare(now: dict[str, dict], old: dict[str, dict]) -> int:
    new_alarms, lost, changed = [], [], 0
    for key, row in now.items():
        before = old.get(key)
        if before is None or before["found"] == row["found"]:
            continue
        if row["label"] == "pass" and row["found"] and not before["found"]:
            new_alarms.append((key, row))
        elif row["label"] == "flag" and before["found"] and not row["found"]:
            lost.append((key, row))
        else:
            changed += 1
            what = ("pass cleared" if row["label"] == "pass" and not row["found"] else
                    "flag found" if row["label"] == "flag" and not before["found"] else "changed")
            print(f"  {what} {key}: {before['found']} -> {row['found']}\n      {row['text']}")
    for title, rows in (("pass sentences newly flagged", new_alarms), ("flag sentences that lost every finding", lost)):
        print(f"{title}: {len(rows)}")
        for key, row in rows:
            print(f"  {key}: {row['found']}\n      {row['text']}")
    print(f"other changes: {changed}; sentences: {len(now)}")
    return 1 if new_alarms else 0


def main(argv: list[str]) -> int:
    now = findings()
    if "--save" in argv:
        Path(argv[argv.index("--save") + 1]).write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
    if "--compare" in argv:
        old = json.loads(Path(argv[argv.index("--compare") + 1]).read_text(encoding="utf-8"))
        return compare(now, old)
    print(f"sentences: {len(now)}, with a privacy finding: {sum(bool(r['found']) for r in now.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
