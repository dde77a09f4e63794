"""Say only what the number supports (issue 12, session 30): four counts over generated answers.

    PYTHONPATH=src python bench/number_support.py QUESTIONS_DIR ANSWERS_DIR

For each qNN.md in QUESTIONS_DIR with its answer ANSWERS_DIR/qNN.md:
  baseline_changed  a sentence giving the buyer's figure ("The buyer's figure for X is N%") whose N% is in no sentence
                    of the question that states it as a past or current figure (it is only the buyer's target, or
                    nowhere at all)
  empty_figure      a sentence whose figure is missing ("... is .", "... of .")
  first_contact     "first contact within T" of ours where T is in no sentence of the question (a follow-up after
                    discharge is a standard of its own)
  milestone_misfit  a milestone line dated after go-live, or named as after it ('Post go-live review'), whose body
                    holds a step our plan gives go-live itself
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import buyer_mobilisation
from evidencebot.text import line_sentences

_AIM = re.compile(r"\b(?:target|ambition|aim|expects?|expected\s+to|by\s+(?:the\s+end|20\d\d))\b", re.I)
_BUYER_FIGURE = re.compile(r"The buyer's (?:current )?figure for [^.]*? is (\d+(?:\.\d+)?%)")
_EMPTY = re.compile(r"\b(?:is|of|at|was)\s+\.(?:\s|$)")
_FIRST = re.compile(r"\bfirst contact within ((?:\d+|one|two|three|four|five|six|seven|ten)\s+(?:working\s+)?"
                    r"(?:hours?|days?|weeks?))\b(?!\s+(?:of|after|from)\s+(?:their\s+|the\s+)?discharge)", re.I)
_AFTER = re.compile(r"(?i)\b(?:post|after|following)[\s-]+(?:the\s+)?(?:service\s+)?(?:go-live|start|launch|"
                    r"commencement)")


def counts(question: str, answer: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {k: [] for k in ("baseline_changed", "empty_figure", "first_contact",
                                                 "milestone_misfit")}
    flat = " ".join(question.split())
    said = line_sentences(flat)
    for s in line_sentences(" ".join(answer.split())):
        for m in _BUYER_FIGURE.finditer(s):
            pct = m.group(1)
            if not any(pct in q and not _AIM.search(q[:q.find(pct)][-60:]) for q in said):
                out["baseline_changed"].append(s)
        if _EMPTY.search(s):
            out["empty_figure"].append(s)
        for m in _FIRST.finditer(s):
            if m.group(1).lower() not in flat.lower():
                out["first_contact"].append(s)
    opening = set(buyer_mobilisation.steps("Service go-live"))
    golive = re.search(r"(\d{1,2} \w+ 20\d\d):? (?:\(go-live\)|Service go-live)", answer)
    for line in answer.splitlines():
        row = re.match(r"(\d{1,2} \w+ 20\d\d): ([^.]*)\.(.*)", line)
        if not row:
            continue
        title, body = row.group(2), row.group(3)
        if _AFTER.search(title) or (golive and row.group(1) != golive.group(1) and "go-live" in title.lower()):
            if any(st in body for st in opening):
                out["milestone_misfit"].append(line)
    return out


def main(qdir: str, adir: str) -> None:
    total: dict[str, int] = {}
    answers = 0
    for q in sorted(Path(qdir).glob("q[0-9]*.md")):
        a = Path(adir) / q.name
        if not a.exists():
            continue
        answers += 1
        got = counts(q.read_text(), a.read_text())
        for k, v in got.items():
            total[k] = total.get(k, 0) + len(v)
            for s in v:
                print(f"{q.stem} {k}: {s[:160]}")
    print(f"answers {answers}: " + ", ".join(f"{k} {v}" for k, v in total.items()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
