"""Headings and gate sentences at intake, for a before/after diff (issue 12, session 32: the s32 panel's said-back and
heading defects).

    PYTHONPATH=src python bench/said_s32.py OUT.json DIR...      # DIR: a folder of qNN.md question files
    python bench/said_s32.py --diff BEFORE.json AFTER.json

Per question: each sub-point's printed heading (``SubPoint.heading``) and each scoring gate's statement and our
sentence (:func:`evidencebot.compose.gates.our_sentence`, '' when the gate is not made as ours). The diff prints what
changed and counts: gates with a sentence of ours, headings changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def collect(dirs: list[str]) -> dict:
    from evidencebot.compose import gates, questions
    out = {}
    for d in dirs:
        for f in sorted(Path(d).glob("q*.md")):
            text = f.read_text()
            plan = questions.plan_question(text)
            out[str(f)] = {"headings": [p.heading or p.label for p in plan.points],
                           "gates": [[g.statement, gates.our_sentence(g)] for g in gates.read(text)]}
    return out


def diff(before: dict, after: dict) -> None:
    made = [sum(1 for q in run.values() for _, s in q["gates"] if s) for run in (before, after)]
    total = sum(len(q["gates"]) for q in after.values())
    changed = 0
    for key in sorted(after):
        b, a = before.get(key, {"headings": [], "gates": []}), after[key]
        for hb, ha in zip(b["headings"], a["headings"]):
            if hb != ha:
                changed += 1
                print(f"{key}: heading '{hb}' -> '{ha}'")
        for gb, ga in zip(b["gates"], a["gates"]):
            if gb != ga:
                print(f"{key}: gate {gb} -> {ga}")
    print(f"gates made as our sentence: before {made[0]}, after {made[1]} (of {total}); headings changed: {changed}")


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        diff(json.loads(Path(sys.argv[2]).read_text()), json.loads(Path(sys.argv[3]).read_text()))
    else:
        Path(sys.argv[1]).write_text(json.dumps(collect(sys.argv[2:]), indent=1))
