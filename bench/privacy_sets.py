"""Privacy on every labelled privacy set, one set at a time, scored as tests/language/test_quality.py does.

    python bench/privacy_sets.py            # every tests/data/labelled/privacy_*.jsonl
    python bench/privacy_sets.py --misses   # also the text of misses and false alarms in readable parts

The spent session-8 held-out set (tests/data/heldout/s8/privacy_s8.jsonl) is scored too, split in a
tune half and a check half that is never printed.

A rule system has no fitted weights, so "leave one set out" here means: each set (and each half of a
split set) is scored on its own, and the sets the rules were never tuned on are reported apart from the
pooled rest. A set named in ``UNTUNED`` (or a check half) never prints its sentences; the pooled figure
"tuned on" covers every other part. A new set is measured the day it is written, before any rule is
changed for it, and that before-figure is the honest estimate of how the rules do on a writer not seen.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
LABELLED = ROOT / "tests" / "data" / "labelled"
# spent held-out sets, now development material: scored like the labelled sets, split in halves
SPENT = {"s8": ROOT / "tests" / "data" / "heldout" / "s8" / "privacy_s8.jsonl",
         "s9": ROOT / "tests" / "data" / "heldout" / "s9" / "privacy_s9.jsonl"}
# spent held-out sets read in full and tuned on (session 11 tuned on all of s10): scored whole, readable
READ = {"s10": ROOT / "tests" / "data" / "heldout" / "s10" / "privacy_s10.jsonl"}
# the held-out sets written by people who had not read the rules (never tuned on in full)
HELDOUT = {"heldout2": ROOT / "tests" / "data" / "heldout" / "privacy_heldout2.jsonl"}
SPENT_SEEDS = {"s8": "evidencebot-s8-privacy-split-2026-12-02",
               "s9": "evidencebot-s9-privacy-split-2026-12-03"}
UNSHOWN_SPENT = {"s8-check", "s9-check", "heldout2"}


def parts(quality) -> list[tuple[str, list[dict]]]:
    out = []
    paths = [(path.stem.partition("_")[2], path) for path in sorted(LABELLED.glob("privacy_*.jsonl"))]
    seeds = {**quality.SPLIT_SEEDS, **SPENT_SEEDS}
    for base, path in paths + sorted(SPENT.items()) + sorted(READ.items()) + sorted(HELDOUT.items()):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if base in seeds:
            tune, check = quality.split_half(rows, seeds[base])
            out += [(f"{base}-tune", tune), (f"{base}-check", check)]
        else:
            out.append((base, rows))
    return out


def main(argv: list[str]) -> None:
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    from heldout import quality_module

    quality = quality_module()
    checker = Checker(settings=CheckerSettings(), families=["privacy"])
    unshown = set(quality.UNSHOWN) | UNSHOWN_SPENT
    pooled = {"readable": Counter(), "unshown": Counter()}
    for name, rows in parts(quality):
        r = quality.score("privacy", rows, checker)
        kinds = {row["id"]: row["kind"] for row in rows}
        texts = {row["id"]: row["text"] for row in rows}
        alarms = Counter(kinds[i] for why, i in r["wrong"] if why == "false alarm")
        group = "unshown" if name in unshown or name == "heldout" else "readable"
        pooled[group].update({k: r[k] for k in ("tp", "fp", "fn", "tn")})
        print(f"{name:12} n={len(rows):3} P={r['precision']:.3f} R={r['recall']:.3f} "
              f"(tp={r['tp']} fp={r['fp']} fn={r['fn']} tn={r['tn']})")
        weak = {k: v for k, v in r["per_kind"].items() if v < 1}
        if weak:
            print("    recall below 1: " + ", ".join(f"{k} {v:.2f}" for k, v in weak.items()))
        if alarms:
            print("    false alarms: " + ", ".join(f"{k} {n}" for k, n in sorted(alarms.items())))
        if "--misses" in argv and group == "readable":
            for why, i in r["wrong"]:
                print(f"      {why} {i} [{kinds[i]}]: {texts[i]}")
    for group, c in pooled.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        print(f"pooled {group}: P={p:.3f} R={rec:.3f} (tp={c['tp']} fp={c['fp']} fn={c['fn']} tn={c['tn']})")


if __name__ == "__main__":
    main(sys.argv[1:])
