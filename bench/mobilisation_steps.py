"""The buyer's milestones with our steps under them, and the buyer's hours for our places said as ours (issue 12,
session 28).

    PYTHONPATH=src python bench/mobilisation_steps.py ANSWERS_ROOT [-v]

ANSWERS_ROOT/sNN/qNN.md are answers drafted one file at a time (``evidencebot assemble tender --db DEMO.db
--question-file tests/data/heldout/sNN/questions/qNN.md --force -o ANSWERS_ROOT/sNN/qNN.md``).

*Milestones*: for each question whose text holds a table of three or more dated milestones
(:func:`buyer_mobilisation.dated`), each milestone the answer says, and of those the ones followed in the same
paragraph by at least one step: a sentence that names a role of the team and times itself against the milestone
(before / after / on the day / by this date / each week / at the meeting). The s27 panel read 'the milestone table is
copied as a list with no steps under any row'.

*Hours*: each clock time or '24 hours a day' the question sets in a sentence about being open or staffed, and of those
the ones the answer says in a sentence of ours that commits to it ('We will ...'). The s27 panel: the single point of
access's and the hubs' hours 'never committed to'. This reads the question with its own patterns, not the service
model's reader.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import buyer_mobilisation

BASE = Path(__file__).resolve().parents[1] / "tests/data/heldout"
ROLE = re.compile(r"\b(?:service manager|head of people|clinical lead|director|nominated individual|data and quality "
                  r"officer|locality team leaders?|mobilisation (?:lead|group)|registered manager|team leaders?)\b", re.I)
WHEN = re.compile(r"^(?:[\w-]+\s+){0,4}?(?:before|after|on the day|by this date|each week|at the meeting|on this date|"
                  r"during|from the)\b", re.I)
HOURS_SENTENCE = re.compile(r"\b(?:open|opens|staffed|available)\b", re.I)
TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b|\b\d{2}:\d{2}\b|\b24 hours a day\b", re.I)


def _paragraphs(raw: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip()]


def milestones(raw: str, question: str) -> tuple[int, int, int, list[str]]:
    rows = buyer_mobilisation.dated(question)
    if len(rows) < 3:
        return 0, 0, 0, []
    said = stepped = 0
    bare: list[str] = []
    paras = _paragraphs(raw)
    for _day, what in rows:
        key = " ".join(what.split()).rstrip(".").lower()
        para = next((p for p in paras if key in p.lower()), None)
        if para is None:
            continue
        said += 1
        after = para[para.lower().find(key) + len(key):]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", after) if s.strip(" .")]
        if any(ROLE.search(s) and WHEN.search(s) for s in sentences):
            stepped += 1
        else:
            bare.append(what)
    return len(rows), said, stepped, bare


def hours(raw: str, question: str) -> tuple[int, int, list[str]]:
    wanted: list[str] = []
    for s in re.split(r"(?<=[.;|])\s+", question):
        if HOURS_SENTENCE.search(s):
            wanted += [t.group(0) for t in TIME.finditer(s) if t.group(0) not in wanted]
    ours = [s for p in _paragraphs(raw) for s in re.split(r"(?<=[.!?])\s+", p) if re.match(r"We (?:will|confirm)\b", s)]
    said = [t for t in wanted if any(t.lower() in s.lower() for s in ours)]
    return len(wanted), len(said), [t for t in wanted if t not in said]


def main(argv: list[str]) -> int:
    root, verbose = Path(argv[0]), "-v" in argv
    totals = [0, 0, 0, 0, 0]
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(d.glob("q*.md")):
            qpath = BASE / d.name / "questions" / path.name
            if path.stem.endswith("-evidence") or not qpath.exists():
                continue
            raw, question = path.read_text(encoding="utf-8"), qpath.read_text(encoding="utf-8")
            rows, said, stepped, bare = milestones(raw, question)
            want, committed, missing = hours(raw, question)
            if rows:
                print(f"{d.name} {path.stem}: milestones {rows}, said {said}, with steps {stepped}"
                      + (f"; bare: {bare}" if verbose and bare else ""))
            if want and re.search(r"\bservice model\b", question, re.I):
                print(f"{d.name} {path.stem}: buyer's hours {want}, committed {committed}"
                      + (f"; not: {missing}" if verbose and missing else ""))
                totals[3], totals[4] = totals[3] + want, totals[4] + committed
            totals[0], totals[1], totals[2] = totals[0] + rows, totals[1] + said, totals[2] + stepped
    print(f"milestones {totals[0]}; said {totals[1]}; with our steps {totals[2]}; "
          f"service-model hours set {totals[3]}; said as our commitment {totals[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
