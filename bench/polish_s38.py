"""Before/after figures for session 38's polish (issue 12): the spent sets' drafted answers, answer by answer.

Reads two folders written by ``gen.sh TREE OUT SET...`` (one demo database per OUT; for each set, ``OUT/SET/qNN.md``
the answer, ``qNN.log`` the command's output with its coverage table, ``qNN.check`` what ``check --db`` found in the
answer, ``qNN.rc`` the two exit codes) and prints, per set and in all: answers, exit codes other than 0, the words
used (the log's 'N words of M allowed'), answers ``check --db`` finds anything in, and the defects this session mends
counted in the answers themselves:

- openers: sentences that open with the same three words as an earlier sentence of the answer, and the sentences
  after the first that open 'In our current service';
- unknown cells: a commitments table's cells said as 'To confirm with the commissioner before contract award';
- lot gates: a buyer's 'Confirm that your ... offer contains no element of the Lot N services' answered Yes;
- minimum lists: 'As a minimum it will show:' said in a part;

and the answers whose words changed by more than 5%, with both counts.

    PYTHONPATH=src python bench/polish_s38.py BEFORE AFTER [SET ...]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from evidencebot.text import sentences

WORDS = re.compile(r"^(\d[\d,]*) words of (\d[\d,]*) allowed", re.M)
FOUND = re.compile(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?")


def _words(log: Path) -> int | None:
    m = WORDS.search(log.read_text(encoding="utf-8", errors="replace")) if log.exists() else None
    return int(m.group(1).replace(",", "")) if m else None


def _found(check: Path) -> int | None:
    m = FOUND.search(check.read_text(encoding="utf-8", errors="replace")) if check.exists() else None
    return sum(int(x) for x in m.groups()) if m else None


def _body(md: str) -> list[str]:
    """The answer's sentences outside headings and tables."""
    lines = [ln for ln in md.splitlines() if ln.strip() and not ln.startswith(("#", "|", "**"))]
    return [s for ln in lines for s in sentences(ln)]


def _openers(md: str) -> int:
    seen: Counter[str] = Counter()
    for s in _body(md):
        key = " ".join(re.findall(r"[a-z']+", s.lower())[:3])
        if len(key.split()) == 3:
            seen[key] += 1
    return sum(n - 1 for n in seen.values() if n > 1)


def defects(md: str) -> dict[str, int]:
    return {
        "repeated openers": _openers(md),
        "'In our current service' after the first": max(0, sum(1 for x in _body(md)
                                                              if x.startswith("In our current service")) - 1),
        "unknown commitment cells": md.count("To confirm with the commissioner before contract award"),
        "lot gates said Yes": len(re.findall(r"(?i)we confirm that our lot \d+ offer contains no element of the lot \d+",
                                             md)),
        "minimum lists in a part": md.count("As a minimum it will show:"),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("sets", nargs="*")
    args = ap.parse_args()
    sets = args.sets or sorted(p.name for p in args.after.iterdir() if p.is_dir() and p.name.startswith("s"))
    total: dict[str, Counter] = {"before": Counter(), "after": Counter()}
    moved = []
    for s in sets:
        row: dict[str, Counter] = {}
        for side, root in (("before", args.before), ("after", args.after)):
            c: Counter = Counter()
            for md in sorted((root / s).glob("q[0-9][0-9].md")):
                if not (args.before / s / md.name).exists() or not (args.after / s / md.name).exists():
                    continue  # only the answers both sides drafted
                c["answers"] += 1
                rc = (root / s / f"{md.stem}.rc").read_text().split() if (root / s / f"{md.stem}.rc").exists() else []
                c["assemble exit not 0"] += bool(rc[:1] and rc[0] != "0")
                w = _words(root / s / f"{md.stem}.log")
                c["words"] += w or 0
                found = _found(root / s / f"{md.stem}.check")
                c["check --db findings"] += found or 0
                c["answers with a finding"] += bool(found)
                for k, v in defects(md.read_text(encoding="utf-8")).items():
                    c[k] += v
                if side == "after":
                    b = _words(args.before / s / f"{md.stem}.log")
                    if b and w and abs(w - b) > 0.05 * b:
                        moved.append(f"{s} {md.stem}: {b} -> {w} words")
            row[side] = c
            total[side].update(c)
        print(f"{s}: " + "; ".join(f"{k} {row['before'][k]} -> {row['after'][k]}" for k in row["after"]))
    print("all: " + "; ".join(f"{k} {total['before'][k]} -> {total['after'][k]}" for k in total["after"]))
    print("words moved by more than 5%: " + ("; ".join(moved) or "none"))


if __name__ == "__main__":
    main()
