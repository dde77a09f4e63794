"""Blocks under a wrong heading, and the ask said back with nothing checkable, in drafted answer sets (issue 12, s26).

    PYTHONPATH=src python bench/placement_s26.py ANSWERS_DIR QUESTIONS_DIR [--set NAME] [--show]

ANSWERS_DIR holds answers drafted one file at a time with their coverage tables (``evidencebot assemble tender --db
D --question-file QUESTIONS_DIR/qNN.md --force -o ANSWERS_DIR/qNN.md 2> ANSWERS_DIR/qNN.log``). Two counts:

* *wrong heading*: each (question, heading, block) placed (read from the coverage table in ``qNN.log``) is looked up
  in the judgments of ``bench/placement_s26.md`` (lines ``- SET qNN | heading start | block id | wrong|fits|partial``,
  judged by reading the heading and the block); placements not judged there are listed with ``--show`` (judge them);
* *said back, nothing checkable*: sentences that say the sub-point back (bench/restated_parts.py's reading: 'We will
  ...' made of the question's words) with no figure in them, per answer; and the parts whose coverage says they are
  not answered ('(the ask said back is no answer)': the said-back sentence left out).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from restated_parts import _words, kind, parts

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "bench" / "placement_s26.md"
LINE = re.compile(r"^- (?P<set>\S+) (?P<q>q\d\d) \| (?P<head>[^|]+?) \| (?P<block>[\w-]+) \| (?P<verdict>wrong|fits|partial)\b")


def judgments() -> dict[tuple[str, str, str, str], str]:
    out = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line.strip())
        if m:
            out[(m["set"], m["q"], m["head"].strip().lower(), m["block"])] = m["verdict"]
    return out


def placements(log: Path) -> list[tuple[str, list[str], str]]:
    """(heading, library block ids, status) of each coverage row."""
    rows = []
    for line in log.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| sub-point") or "|---" in line:
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6:
            continue
        m = re.match(r"method: ([^;]+)", cells[4])
        ids = [b.strip() for b in m.group(1).split(",")] if m else []
        ids = [b for b in ids if re.fullmatch(r"[a-z0-9-]+", b) and not b.startswith("buyer-")]
        rows.append((cells[0], ids, cells[5]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("answers")
    ap.add_argument("questions")
    ap.add_argument("--set", default=None, help="the set's name in the judgments (default: the answers folder's)")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    name = a.set or Path(a.answers).name
    judged = judgments()
    wrong = unjudged = placed = said = unanswered = 0
    for log in sorted(Path(a.answers).glob("q??.log")):
        q = log.stem
        for head, ids, status in placements(log):
            unanswered += "(the ask said back is no answer)" in status
            for bid in ids:
                placed += 1
                verdict = next((v for (s, qq, h, b), v in judged.items()
                                if s == name and qq == q and b == bid and head.lower().startswith(h)), None)
                if verdict is None:
                    unjudged += 1
                    if a.show:
                        print(f"  unjudged: - {name} {q} | {head[:60]} | {bid} |")
                elif verdict == "wrong":
                    wrong += 1
                    if a.show:
                        print(f"  wrong: {q} {head[:60]} <- {bid}")
        answer = Path(a.answers) / f"{q}.md"
        qfile = Path(a.questions) / f"{q}.md"
        if answer.exists():
            asked = _words(qfile.read_text(encoding="utf-8")) if qfile.exists() else set()
            for _head, sents in parts(answer.read_text(encoding="utf-8")):
                for s in sents:
                    if s.startswith("We will ") and kind(s, asked) == "restated" and not re.search(r"\d", s):
                        said += 1
                        if a.show:
                            print(f"  said back: {q} {s[:120]}")
    print(f"{name}: blocks placed {placed}, under a wrong heading {wrong}, not judged {unjudged}; "
          f"said back with no figure {said}; parts with the ask said back left out {unanswered}")


if __name__ == "__main__":
    main()
