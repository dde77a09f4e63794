"""Every printed heading over every spent question, before and after a change: each heading that changed, printed
with its sub-point, so that all of them can be read (session 33, parts33).

    PYTHONPATH=src python bench/headings_changed.py dump OUT.json      # the headings this tree prints
    python bench/headings_changed.py diff BEFORE.json AFTER.json       # each one that changed, and counts

Questions are those bench/parts_read.py reads (tests/data/heldout/s*/questions*, tests/data/labelled/intake*), each
text once; each sub-point's printed heading is ``SubPoint.heading`` from :func:`plan_question` (``--words 1000`` for
a question whose limit cannot be read). The diff also counts headings that end on a word that cannot end a phrase
(bench/question_intake.py's BAD_END) and coordinated verbs in two forms ('Finding and reach')."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BAD_END = {"and", "or", "of", "the", "a", "an", "to", "for", "with", "in", "on", "at", "by", "from", "your", "how",
           "that", "which", "what", "when", "will", "you", "is", "are", "be", "into", "their", "its", "our", "as", "any",
           "each", "this", "these", "those", "who", "where", "about", "between", "such", "including", "so"}
MIXED = re.compile(r"^[A-Z][a-z]+ing\s+(?:and|or)\s+(?!\w+ing\b)(?P<w>[a-z]+)\s")


def dump(out: str) -> None:
    from parts_read import question_texts

    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError

    rows = []
    for text, where in question_texts().items():
        try:
            plan = plan_question(text)
        except InputError:
            plan = plan_question(text, word_limit=1000)
        for p in plan.points:
            rows.append({"where": where, "key": p.key, "text": p.text, "heading": p.heading or p.label})
    Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(rows)} headings written to {out}")


def faults(heading: str) -> list[str]:
    words = heading.split()
    found = []
    if words and words[-1].lower().strip(",.;:") in BAD_END:
        found.append("ends on '" + words[-1] + "'")
    if MIXED.match(heading):
        found.append("verbs in two forms")
    return found


def diff(before: str, after: str) -> None:
    a = json.loads(Path(before).read_text(encoding="utf-8"))
    b = json.loads(Path(after).read_text(encoding="utf-8"))
    old = {(r["where"], r["text"]): r["heading"] for r in a}
    changed = 0
    for r in b:
        was = old.get((r["where"], r["text"]))
        if was is not None and was != r["heading"]:
            changed += 1
            print(f"{r['where']} {r['key']}: {r['text'][:150]}\n    before: {was}\n    after:  {r['heading']}")
    print(f"headings: before {len(a)}, after {len(b)}; changed {changed} (of those in both)")
    for name, rows in (("before", a), ("after", b)):
        fl = [(r, f) for r in rows for f in faults(r["heading"])]
        print(f"{name}: headings ending on a word that needs more {sum('ends on' in f for _, f in fl)}; "
              f"coordinated verbs in two forms {sum(f == 'verbs in two forms' for _, f in fl)}")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        diff(sys.argv[2], sys.argv[3])
