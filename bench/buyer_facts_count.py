"""Contradictions of the buyer's facts in a folder of drafted answers (issue 12, session 19).

    PYTHONPATH=src python bench/buyer_facts_count.py QUESTIONS_DIR ANSWERS_DIR

QUESTIONS_DIR holds the tender's questions (qNN.md: tests/data/heldout/s18/questions); ANSWERS_DIR the answers to
them (qNN.md, qNN.txt, or qNN.docx read as its reader sees it). The buyer's facts are read from every question
(:mod:`evidencebot.compose.buyer_facts`: a fact in Q1's background binds Q3's answer); each answer is checked against
them and against its own question's alone. Prints each clash ("the buyer says X (Q1 background), this answer says Y")
and the counts by kind: the whole tender's, and those its own question states.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from evidencebot.compose import buyer_facts


def _answer(folder: Path, stem: str) -> str | None:
    for ext in ("md", "txt"):
        path = folder / f"{stem}.{ext}"
        if path.exists():
            return path.read_text(encoding="utf-8")
    path = folder / f"{stem}.docx"
    if path.exists():
        from evidencebot.compose.wordcheck import read_docx

        return read_docx(str(path), path.read_bytes()).text
    return None


def main(questions: Path, answers: Path) -> None:
    files = sorted(questions.glob("q*.md"))
    facts = buyer_facts.read([(p.stem, p.read_text(encoding="utf-8")) for p in files])
    whole, own = Counter(), Counter()
    for p in files:
        text = _answer(answers, p.stem)
        if text is None:
            continue
        mine = buyer_facts.read([(p.stem, p.read_text(encoding="utf-8"))])
        home = buyer_facts.buyer_lines(p.read_text(encoding="utf-8"), p.stem)[-1][0].split()[0]
        for c in buyer_facts.check(text, facts, ref=p.stem, home=home):
            whole[c.fact.kind] += 1
            print(c.describe())
        for c in buyer_facts.check(text, mine, ref=p.stem, home=home):
            own[c.fact.kind] += 1
    print(f"{len(facts)} facts read; clashes against the whole tender: {sum(whole.values())} "
          f"({', '.join(f'{k} {n}' for k, n in sorted(whole.items())) or 'none'}); against the answer's own question: "
          f"{sum(own.values())} ({', '.join(f'{k} {n}' for k, n in sorted(own.items())) or 'none'})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
