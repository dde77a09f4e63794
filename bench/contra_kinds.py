"""Session 32 (issue 12): the FIRM-kind contradictions the s32 contradiction reader found, counted in drafted answers.

    PYTHONPATH=src python bench/contra_kinds.py QUESTIONS_DIR ANSWERS_DIR [-v]

Read against the buyer's facts of every question file (:func:`evidencebot.compose.buyer_facts.read`): ``forbid`` (a
sentence letting someone the buyer forbids do the role), ``must_or`` (a required attendance or provision weakened with
'or'), ``assessor`` (another body named for an assessment the buyer names its provider for), ``from_start`` (a target
set later than the buyer holds us to its KPIs); and inside each answer, ``step`` (one step on a referral given two
timings: :func:`evidencebot.compose.timings.read_steps`). Prints one line per kind and the total; ``-v`` each one.
"""

from __future__ import annotations

import glob
import os
import sys
from collections import Counter

from evidencebot.compose import buyer_facts, timings

KINDS = ("forbid", "must_or", "assessor", "from_start")


def main(argv: list[str]) -> int:
    qdir, adir = argv[0], argv[1]
    verbose = "-v" in argv
    facts = buyer_facts.read([("", open(q, encoding="utf-8").read()) for q in sorted(glob.glob(f"{qdir}/q*.md"))])
    facts = [f for f in facts if f.kind in KINDS]
    counts: Counter = Counter()
    for path in sorted(glob.glob(f"{adir}/q[0-9][0-9].md")):
        text = open(path, encoding="utf-8").read()
        name = os.path.basename(path)
        for c in buyer_facts.check(text, facts, ref=name):
            counts[c.fact.kind] += 1
            if verbose:
                print("  ", c.describe())
        steps = timings.read_steps(text)
        for step in {s.step for s in steps}:
            said = {s.days for s in steps if s.step == step}
            if len(said) > 1:
                counts["step"] += 1
                if verbose:
                    print(f"   {name}: {step} given {sorted(s.words for s in steps if s.step == step)}")
    for k in (*KINDS, "step"):
        print(f"{k}: {counts[k]}")
    print(f"total: {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
