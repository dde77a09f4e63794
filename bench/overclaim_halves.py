"""A checker family on a development set split into a tuning half and a check half.

    python bench/overclaim_halves.py [tests/data/labelled/overclaim_dev6.jsonl]
    python bench/overclaim_halves.py tests/data/labelled/overclaim_s6.jsonl
    python bench/overclaim_halves.py tests/data/labelled/privacy_dev7.jsonl

The family is the file name's prefix (``overclaim_`` or ``privacy_``).

The split is tests/language/test_quality.py's ``split_half`` (seeded by id, with the set's own seed
from its ``SPLIT_SEEDS``, stratified by label
and kind, decided without reading the text). The tuning half prints the ids it gets wrong; the
check half prints aggregates only (precision, recall, recall per flag kind, false alarms per pass
kind), so it can tell whether a change generalises without being tuned on.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> None:
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    from heldout import quality_module  # bench/heldout.py, beside this script

    quality = quality_module()
    path = Path(argv[0]) if argv else ROOT / "tests" / "data" / "labelled" / "overclaim_dev6.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    family, _, base = path.stem.partition("_")
    checker = Checker(settings=CheckerSettings(), families=[family])
    seed = quality.SPLIT_SEEDS.get(base, quality.SPLIT_SEED)
    for name, half in zip(("tune", "check"), quality.split_half(rows, seed)):
        r = quality.score(family, half, checker)
        kinds = {row["id"]: row["kind"] for row in half}
        false_alarms = Counter(kinds[i] for why, i in r["wrong"] if why == "false alarm")
        print(f"{path.name} {name}: n={len(half)} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
              f"(tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})")
        print("  recall per flag kind: " + ", ".join(f"{k} {v:.2f}" for k, v in r["per_kind"].items()))
        print("  false alarms per pass kind: " + (", ".join(f"{k} {n}" for k, n in sorted(false_alarms.items()))
                                                   or "none"))
        if name == "tune" and r["wrong"]:
            print("  ids wrong: " + ", ".join(f"{why} {i}" for why, i in r["wrong"]))


if __name__ == "__main__":
    main(sys.argv[1:])
