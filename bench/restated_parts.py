"""Parts of a drafted answer set that only say the buyer's words back (issue 12, session 24).

    PYTHONPATH=src python bench/restated_parts.py ANSWERS_DIR QUESTIONS_DIR [--show]

ANSWERS_DIR holds answers drafted one file at a time (``evidencebot assemble tender --question-file qNN.md --force
-o ANSWERS_DIR/qNN.md``); QUESTIONS_DIR the buyer's question files. Each answer is split into its parts (its '##'
headings) and each sentence is read as one of:

* *aware*: 'We will be aware that <buyer fact>' / 'We will note that ...' (the buyer's note to bidders said back);
* *restated*: the buyer's requirement said back without a how: 'The specification asks for ...', 'We will work to
  that timescale ...', 'We will meet the buyer's target ...', or a 'We will ...' sentence whose content words are
  (nearly) all the question's own;
* *method*: anything else (who does what, when, how).

Printed: parts, parts with no method sentence (*restated only*), aware sentences, restated sentences, and the share
of the answer's words in aware + restated sentences. The blind panels of s20-s23 marked such parts "question restated
as an answer". The reading is by sentence shape and word overlap, independent of the assembler's own refs.

Measured in session 24 (r24), drafted one file at a time with the CLI on the 400-person demo; before = 31b03bf, after =
r24's last commit:

| set | parts | restated only | aware | restated | words in aware + restated |
|---|---:|---:|---:|---:|---:|
| s23 (spent, 11 questions) before | 52 | 0 | 1 | 34 | 703 / 8,356 (8.4%) |
| s23 after | 52 | 0 | 0 | 34 | 648 / 8,371 (7.7%) |
| s24 dev buyer (9 questions) before | 36 | 1 | 1 | 28 | 551 / 6,069 (9.1%) |
| s24 dev buyer after | 36 | 1 | 0 | 24 | 425 / 6,000 (7.1%) |

The 'restated' count keeps the KPI rows ('We will meet the buyer's target of 95% for ...', with 'Our method for it')
of the performance questions (s23 q11: 9, dev q09: 8): they are the buyer's table said back by design.
Beside it: bench/part_coverage.py (labelled sets unchanged; s20: panel-off blocks 9 -> 10, names missed 11 -> 12,
the Moorvale Carers Centre commitment of q11 p2 now cut for the carers-support method; repeats 3 -> 2; q03 p2 gains
step-up-response), bench/careless_items.py (s23 repeated 27 -> 28, alike 33 -> 34; dev 22 -> 22, 23 -> 23;
contradictions 0), every draft's own check with the database clean.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

AWARE = re.compile(r"^We will (?:be aware (?:of|that)|(?:note|bear in mind|recognise|acknowledge) that)\b", re.I)
RESTATED = re.compile(r"^(?:The specification (?:asks|requires|sets)|We will work to that (?:timescale|standard)|"
                      r"We will meet the (?:buyer's |commissioner's )?(?:target|standard|requirement)s?\b)", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
COMMON = frozenset("will with that from their this have which into each when where what them they been also "
                   "including make sure".split())


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in WORD.findall(text)} - COMMON


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", paragraph) if s.strip()]


def parts(answer: str) -> list[tuple[str, list[str]]]:
    """(heading, sentences) for each '##' part; an answer with no part headings is one part."""
    out: list[tuple[str, list[str]]] = []
    head, body = "", []
    for para in re.split(r"\n\s*\n", answer):
        p = para.strip()
        if not p or p.startswith("# ") or p.startswith("|") or p.startswith("[To write"):
            continue
        if p.startswith("## "):
            if body or head:
                out.append((head, body))
            head, body = p[3:].splitlines()[0], []
            rest = p.split("\n", 1)[1] if "\n" in p else ""
            p = rest.strip()
            if not p:
                continue
        body += sentences(" ".join(line.strip("-* ") for line in p.splitlines()))
    if body or head:
        out.append((head, body))
    return out


def kind(sentence: str, question: set[str]) -> str:
    if AWARE.match(sentence):
        return "aware"
    if RESTATED.match(sentence):
        return "restated"
    if sentence.startswith("We will "):
        mine = _words(sentence)
        if mine and len(mine & question) / len(mine) >= 0.8:
            return "restated"
    return "method"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("answers")
    ap.add_argument("questions")
    ap.add_argument("--show", action="store_true", help="print each aware / restated sentence and restated-only part")
    a = ap.parse_args()
    totals = {"parts": 0, "restated only": 0, "aware": 0, "restated": 0, "words": 0, "restated words": 0}
    for path in sorted(Path(a.answers).glob("q*.md")):
        if path.stem.endswith("-evidence"):
            continue
        qfile = Path(a.questions) / path.name
        question = _words(qfile.read_text(encoding="utf-8")) if qfile.exists() else set()
        row = dict.fromkeys(totals, 0)
        for head, sents in parts(path.read_text(encoding="utf-8")):
            kinds = [kind(s, question) for s in sents]
            row["parts"] += 1
            if "method" not in kinds:
                row["restated only"] += 1
                if a.show:
                    print(f"  {path.stem} RESTATED ONLY: {head[:70]}")
            for s, k in zip(sents, kinds):
                n = len(s.split())
                row["words"] += n
                if k != "method":
                    row[k] += 1
                    row["restated words"] += n
                    if a.show:
                        print(f"  {path.stem} {k}: {s[:140]}")
        print(f"{path.stem}: parts {row['parts']}, restated only {row['restated only']}, aware {row['aware']}, "
              f"restated {row['restated']}, restated words {row['restated words']}/{row['words']}")
        for k in totals:
            totals[k] += row[k]
    share = totals["restated words"] / totals["words"] if totals["words"] else 0.0
    print(f"TOTAL: parts {totals['parts']}, restated only {totals['restated only']}, aware {totals['aware']}, "
          f"restated {totals['restated']}, restated words {totals['restated words']}/{totals['words']} ({share:.1%})")


if __name__ == "__main__":
    main()
