"""Sentences of a drafted answer set that are the part's own ask said back as a promise (issue 12, session 27).

    PYTHONPATH=src python bench/said_back.py QDIR ANSWERS [--show]

QDIR holds the buyer's question files (qNN.md), ANSWERS the answers drafted one file at a time (``evidencebot assemble
tender --question-file QDIR/qNN.md --force -o ANSWERS/qNN.md``). The s26 panel's most common fault: "the sub-point is
pasted back as a promise" ("We will use DIALOG+, ReQoL-10 and SWEMWBS in practice.", "We will recruit and retain staff
in the coastal towns and the High Fellside uplands."): it earns nothing.

Each answer is split into its parts ('##' headings). A part's *ask* is its heading plus the clause of the question
(split at ';', ':', '?', '.', ' - ', table cells and list items) that shares the most words with the heading. A
sentence is *said back* when it promises ('We will', 'Our ... will', 'The service will', 'We aim'), has three or more
content words, and at least 75% of its content words are the ask's (no who, when, where or how of its own). The reading
is by word overlap only, independent of the assembler's own references.

Printed per answer and for the set: parts, said-back sentences, of which *bare* (no figure, date or frequency a
panel could check: 'We will use DIALOG+, ReQoL-10 and SWEMWBS in practice.'; the others commit to the buyer's own
standard in its words, 'We will complete ... within 28 calendar days of referral'), parts holding one; ``--show``
prints each sentence.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from restated_parts import parts  # one reader of an answer's parts for every bench

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
COMMON = frozenset("will with that from their this have which into each when where what them they been also the and "
                   "for are our your you service services ensure make sure how including provide provider work "
                   "working well all any who its both between within".split())
PROMISE = re.compile(r"^(?:We\s+(?:will|aim|are\s+committed)|Our\s[\w' -]{1,40}?\s+will|The\s+service\s+will)\b")
CHECKABLE = re.compile(r"\b\d[\d,.]*\s*(?:%|per\s*cent\b|(?:calendar\s+|working\s+)?(?:minutes?|hours?|days?|weeks?|months?|"
                       r"years?)\b)|\b(?:19|20)\d\d\b|\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|every\s+(?:day|week|month|"
                       r"quarter|year)|each\s+(?:day|week|month|quarter|year))\b", re.I)
SHARE = 0.75
MIN_WORDS = 3


def _stem(w: str) -> str:
    w = w.lower().replace("’", "'")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def words(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text)} - {_stem(c) for c in COMMON}


def clauses(question: str) -> list[str]:
    return [c for c in re.split(r"[;:?|\n]|\.\s|\s[–—-]\s|,\s+and\s+(?=how|what|who|when)", question) if words(c)]


def ask_of(heading: str, question_clauses: list[str]) -> set[str]:
    mine = words(heading)
    best = max(question_clauses, key=lambda c: len(words(c) & mine), default="")
    return mine | (words(best) if words(best) & mine else set())


def said_back(sentence: str, ask: set[str]) -> bool:
    if not PROMISE.match(sentence):
        return False
    mine = words(sentence)
    return len(mine) >= MIN_WORDS and len(mine & ask) / len(mine) >= SHARE


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions")
    ap.add_argument("answers")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    total = {"parts": 0, "said back": 0, "bare": 0, "parts with one": 0}
    for path in sorted(Path(a.answers).glob("q*.md")):
        if not re.fullmatch(r"q\d+", path.stem):
            continue
        qfile = Path(a.questions) / path.name
        qclauses = clauses(qfile.read_text(encoding="utf-8")) if qfile.exists() else []
        row = dict.fromkeys(total, 0)
        for head, sents in parts(path.read_text(encoding="utf-8")):
            ask = ask_of(head, qclauses)
            hits = [s for s in sents if said_back(s, ask)]
            row["parts"] += 1
            row["said back"] += len(hits)
            row["bare"] += sum(not CHECKABLE.search(s) for s in hits)
            row["parts with one"] += bool(hits)
            for s in hits if a.show else ():
                print(f"  {path.stem} [{head[:50]}] {'' if CHECKABLE.search(s) else '(bare) '}{s[:160]}")
        print(f"{path.stem}: parts {row['parts']}, said back {row['said back']} (bare {row['bare']}), "
              f"parts with one {row['parts with one']}")
        for k in total:
            total[k] += row[k]
    print(f"TOTAL: parts {total['parts']}, said back {total['said back']} (bare {total['bare']}), "
          f"parts with one {total['parts with one']}")


if __name__ == "__main__":
    main()
