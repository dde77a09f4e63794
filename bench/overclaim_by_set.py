"""The over-claim family on every labelled and spent over-claim set, one line each, as the checker ships (prints numbers).

    python bench/overclaim_by_set.py [--json OUT.json] [FILE.jsonl ...]

Each set is scored as bench/heldout.py scores one (tests/language/test_quality.py's ``score``), with the
checker's shipped rules and learned weights (``phrasebank/overclaim-scorer.json``): to compare two fits of the
scorer, run it with each weights file in place and compare the two outputs (``--json`` keeps the figures). The
sets: tests/data/labelled/overclaim_*.jsonl and tests/data/heldout/**/overclaim_*.jsonl (sets the weights were
trained on are in-sample figures, not transfer: bench/overclaim_loso.py gives those). Aggregates only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def default_sets() -> list[Path]:
    held = ROOT / "tests" / "data" / "heldout"
    return (sorted((ROOT / "tests" / "data" / "labelled").glob("overclaim_*.jsonl"))
            + [held / "overclaim_heldout2.jsonl"] + sorted(held.glob("s*/overclaim_*.jsonl")))


def main(argv: list[str]) -> None:
    from heldout import quality_module

    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    out = None
    if "--json" in argv:
        i = argv.index("--json")
        out = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    paths = [Path(a) for a in argv] or default_sets()
    score = quality_module().score
    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    figures = {}
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        r = score("overclaim", rows, checker)
        name = f"{path.parent.name}/{path.name}"
        figures[name] = {k: r[k] for k in ("precision", "recall", "tp", "fp", "fn", "tn")}
        print(f"{name}: n={len(rows)} P={r['precision']:.3f} R={r['recall']:.3f} "
              f"(tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})", flush=True)
    if out is not None:
        out.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
