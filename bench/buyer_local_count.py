"""How many of the buyer's facts our drafted answers say in their own sentences (issue 12, session 24).

    PYTHONPATH=src python bench/buyer_local_count.py FACTS_MD ANSWERS_DIR [ANSWERS_DIR ...]

FACTS_MD lists the buyer's facts quoted (tests/data/heldout/<set>/questions/facts.md: one `quoted` fact a line). Each
fact's distinctive items are its proper names (runs of capitalised words, the first word of a sentence left out
unless the run goes on) and its quantities ('28 days', '6 months', '8am'); a fact counts as used by the answers
when one of its items appears in a non-heading line of an answer (qNN.md). Prints each set's count of facts used,
of items said, and the items said in one folder and not the other (before -> after when two folders are given).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_NAME = re.compile(r"(?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)(?:\s+(?:and\s+|of\s+|on\s+)?[A-Z][\w'’]*){1,5}")
_QTY = re.compile(r"\b\d[\d,.]*\s*(?:-?(?:days?|months?|weeks?|hours?|beds?|working\s+days?)|am|pm|%)", re.I)
_COMMON = re.compile(r"^(?:The|A|An|This|Each|Every|In|For|People|Step|Responses|Housing)\s+")


def items(fact: str) -> set[str]:
    out = set()
    for m in _NAME.finditer(fact):
        name = _COMMON.sub("", m.group(0)).strip()
        if " " in name or len(name) > 3:
            out.add(name)
    out |= {" ".join(m.group(0).split()) for m in _QTY.finditer(fact)}
    return {x for x in out if len(x) > 2}


def facts(path: Path) -> list[str]:
    return [m.group(1) for line in path.read_text(encoding="utf-8").splitlines()
            if (m := re.match(r"^\s*-\s+`(.+)`\s*$", line))]


def said(folder: Path) -> str:
    lines = []
    for p in sorted(folder.glob("q*.md")):
        lines += [x for x in p.read_text(encoding="utf-8").splitlines() if not x.lstrip().startswith("#")]
    return " ".join(" ".join(lines).split())


def count(facts_md: Path, folder: Path) -> tuple[int, int, set[str]]:
    text = said(folder)
    used, found = 0, set()
    for f in facts(facts_md):
        hit = {i for i in items(f) if i in text}
        found |= hit
        used += bool(hit)
    return used, len(found), found


def main(facts_md: Path, folders: list[Path]) -> None:
    total = len(facts(facts_md))
    results = []
    for folder in folders:
        used, n, found = count(facts_md, folder)
        results.append(found)
        print(f"{folder}: {used} of {total} facts used; {n} distinct items said")
    if len(results) == 2:
        print("said after, not before:", sorted(results[1] - results[0]))
        print("said before, not after:", sorted(results[0] - results[1]))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]])
