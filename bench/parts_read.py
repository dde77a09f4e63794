"""Parts read against the parts in the buyer's text, over every spent question file.

    PYTHONPATH=src python bench/parts_read.py [--show]

A *part* is a piece of the question the buyer holds to its own limit ('12.1 ... (maximum 3 sides of A4)' beside
'12.2 ... (maximum 600 words)', 'Part 1: 300 words; Part 2: 700 words', '6.1.1 ... (Max 1,500 characters)'). The
expected parts are labelled in tests/data/labelled/parts_s33.jsonl (written by the parts33 engineer, session 33, by
reading every spent question whose text names two or more limits or parts; each row gives the file, the md5 of the
text, and each part's label, its limit as written and its words: sides at 500 words a side, characters at 7 a word,
as the code converts them). A question not in that file is labelled as having no parts: the bench counts every
part read there as a false part.

Parts read are what :func:`evidencebot.compose.questions.plan_question` gives the answer: the buyer's parts its
sub-points are grouped in (``SubPoint.part`` with ``part_limit``), else two or more sub-points each held to a limit
of its own (``SubPoint.limit``). A part read is right when an expected part of the same question has the same words
(matched one to one). Question texts are read from tests/data/heldout/s*/questions/*.md, every questions*.jsonl
there and tests/data/labelled/intake*/*.jsonl; a text found in several files is counted once.
"""

from __future__ import annotations

import collections
import hashlib
import json
import sys
from pathlib import Path

from evidencebot.compose.questions import plan_question
from evidencebot.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def question_texts() -> dict[str, str]:
    """Every spent question's text (stripped) -> the first file it was found in."""
    found: dict[str, str] = {}
    for d in sorted((DATA / "heldout").glob("s*")):
        for f in sorted(d.glob("questions/q*.md")):
            found.setdefault(f.read_text(encoding="utf-8").strip(), str(f.relative_to(ROOT)))
        for f in sorted(d.glob("questions*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    found.setdefault(row["text"].strip(), f"{f.relative_to(ROOT)}#{row.get('id')}")
    for f in sorted((DATA / "labelled").glob("intake*/*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.setdefault(row["text"].strip(), f"{f.relative_to(ROOT)}#{row.get('id')}")
    return found


def parts_read(text: str) -> list[tuple[str, int]]:
    """The parts the plan holds to their own limits: (label, words), in the order written."""
    try:
        plan = plan_question(text)
    except InputError:
        plan = plan_question(text, word_limit=1000)  # no limit for the whole: the parts are still read
    groups: dict[str, int] = {}
    for p in plan.points:
        if p.part and p.part_limit:
            groups.setdefault(p.part, p.part_limit)
    if groups:
        return list(groups.items())
    own = [(p.key, p.limit) for p in plan.points if p.limit]
    return own if len(own) >= 2 else []


def main() -> None:
    show = "--show" in sys.argv
    labels = {}
    for line in (DATA / "labelled" / "parts_s33.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["md5"]] = row
    texts = question_texts()
    expected_n = read_n = matched_n = false_n = right_q = with_parts = 0
    seen_labels = 0
    for text, where in texts.items():
        row = labels.get(hashlib.md5(text.encode()).hexdigest())
        seen_labels += row is not None
        want = [(p["label"], int(p["words"])) for p in row["parts"]] if row else []
        got = parts_read(text)
        matched = sum((collections.Counter(w for _, w in want) & collections.Counter(w for _, w in got)).values())
        expected_n += len(want)
        read_n += len(got)
        matched_n += matched
        with_parts += bool(want)
        if not want:
            false_n += len(got)
        ok = matched == len(want) == len(got)
        right_q += ok
        if show or not ok:
            print(f"{'ok  ' if ok else 'MISS'} {where}: expected {want or 'none'}; read {got or 'none'}")
    p = matched_n / read_n if read_n else 1.0
    r = matched_n / expected_n if expected_n else 1.0
    print(f"question texts: {len(texts)} (labelled with parts: {with_parts}; labels found: {seen_labels} of {len(labels)})")
    print(f"parts expected {expected_n}, read {read_n}, right {matched_n}: P={p:.3f} R={r:.3f}; "
          f"false parts on questions with none: {false_n}; questions exactly right: {right_q} of {len(texts)}")


if __name__ == "__main__":
    main()
