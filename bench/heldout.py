"""The checker on the held-out sets in tests/data/heldout: aggregates only, never sentences.

    python bench/heldout.py            # over-claim and privacy
    python bench/heldout.py overclaim tests/data/heldout/s8/overclaim_s8.jsonl   # one family, one file
    python bench/question_intake.py tests/data/heldout/questions_heldout.jsonl   # questions

Each sentence is checked on its own, scored exactly as tests/language/test_quality.py scores
the development sets (a privacy finding must also cover every labelled span). Prints precision,
recall, F1, recall per flag kind and false alarms per pass kind. Measure once before and once
after a change; do not tune on these sets (tests/data/heldout/README.md).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def quality_module():
    """tests/language/test_quality.py, loaded as a module (its ``score`` and ``split_half``)."""
    spec = importlib.util.spec_from_file_location("test_quality", ROOT / "tests" / "language" / "test_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score_function():
    return quality_module().score


def main() -> None:
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    score = _score_function()
    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    args = sys.argv[1:]
    if len(args) == 2:
        runs = [(args[0], Path(args[1]))]
    else:
        runs = [(family, ROOT / "tests" / "data" / "heldout" / f"{family}_heldout2.jsonl")
                for family in ("overclaim", "privacy")]
    for family, path in runs:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        r = score(family, rows, checker)
        kinds = {row["id"]: row["kind"] for row in rows}
        false_alarms = Counter(kinds[i] for why, i in r["wrong"] if why == "false alarm")
        print(f"{family} {path.name}: n={len(rows)} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
              f"(tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})")
        print("  recall per flag kind: " + ", ".join(f"{k} {v:.2f}" for k, v in r["per_kind"].items()))
        print("  false alarms per pass kind: " + (", ".join(f"{k} {n}" for k, n in sorted(false_alarms.items()))
                                                   or "none"))


if __name__ == "__main__":
    main()
