"""Count, per answer, the terms of ours that do not hold in the buyer's nation (phrasebank/nations.yaml), and the
interpreter sentences for Welsh where the buyer requires Welsh speakers (issue 12, s33; regulators, checks and
registers added in s34).

    PYTHONPATH=src python bench/nation_terms.py BEFORE_DIR AFTER_DIR QUESTIONS_DIR

The buyer's nation is read from each question file with the tender's other question files (as assemble does)."""

from __future__ import annotations

import sys
from pathlib import Path

from evidencebot.compose import nations
from evidencebot.text import line_sentences


def count(answer: str, nation: str, welsh: bool) -> tuple[int, list[str]]:
    found: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for t in nations.terms():
        if nation in t.applies:
            continue
        spans.setdefault(t.label, []).extend(m.span() for m in t.pattern.finditer(answer))
    for label, got in spans.items():
        # one label may have several patterns ('the CQC' and 'CQC'): a place in the text counts once
        end = -1
        for a, b in sorted(got):
            if a >= end:
                found.append(label)
            end = max(end, b)
    if welsh:
        for s in line_sentences(answer):
            if nations._welsh_interpreter(s) != s:
                found.append("an interpreter for Welsh")
    return len(found), found


def main(before: str, after: str, questions: str) -> None:
    qdir = Path(questions)
    whole = "\n".join(p.read_text() for p in sorted(qdir.glob("q*.md")))
    tb = ta = 0
    print(f"{'answer':8} {'nation':8} {'before':>6} {'after':>6}  terms after")
    for q in sorted(qdir.glob("q*.md")):
        nation, _ = nations.read(q.read_text() + "\n" + whole)
        welsh = nation == "Wales" and nations.welsh_speakers_required(whole)
        b = Path(before, q.name)
        a = Path(after, q.name)
        nb, _ = count(b.read_text(), nation, welsh) if b.exists() else (0, [])
        na, fa = count(a.read_text(), nation, welsh) if a.exists() else (0, [])
        tb, ta = tb + nb, ta + na
        print(f"{q.stem:8} {nation:8} {nb:6d} {na:6d}  {', '.join(sorted(set(fa)))}")
    print(f"{'total':8} {'':8} {tb:6d} {ta:6d}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
