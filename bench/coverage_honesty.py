"""Is the coverage report honest where a blind panel said a part missed the buyer's own element? (issue 12 item 4, s33)

    PYTHONPATH=src python bench/coverage_honesty.py ANSWERS [--labels FILE] [--sets s28,s29] [--show] [--keep OTHER]

ANSWERS holds one folder per spent set (``ANSWERS/s28`` ...), each written by ``/work/coord/gen_answers.sh TREE
tests/data/heldout/sNN/questions ANSWERS/sNN``: per question the answer (``qNN.md``) and the assembler's log
(``qNN.log``, which prints the coverage table: one row per part, its status).

The labels (``tests/data/labelled/coverage_panel_s33.jsonl``, read by hand from the panels' sheets of s28..s32) give,
per question and part, an element of the buyer's that the panel said the answer left out ("missing"), answered with
library text that does not use it ("generic") or only said back in the buyer's words ("said back"), with the sheet
and line. ``part`` holds the words of the part's ask; its row is the coverage row sharing the most content words.

Per label, from our own coverage row for that part:

* ``honest``: the row says the part is short of it: the element (half its words at least) is named in a gap note of
  the row ('the buyer names X here: write ...', '... not in this part'), or the row's status is itself a gap ('nothing
  in the library', 'restated', 'evidence only', 'drafted from the question', 'squeezed'); a row led 'partly:' is
  honest only for the elements its notes name;
* ``DISHONEST``: the row calls the part covered ('method + evidence', 'method only', a gate made) and names no gap for
  the element;
* ``said now``: the row names no gap for it, and the part's text does name the element (our text has changed since
  the panel read it, or the panel found the text generic): not counted as dishonest;
* ``no row``: no part of our answer matches the label's part (the question file was read into other parts).

A note that only quotes the ask for a sentence taken out ('left out (the ask said back is no answer): ...: the method
above must answer it') names no gap. A label whose part reads 'gate: ...' is a scoring gate: the log's list of the
buyer's required statements says 'made in ...' (DISHONEST when the answer does not say it) or not made (honest). ``--keep OTHER`` (an older ANSWERS folder) prints, for the
questions a panel scored 3 or more, each part's words in OTHER and in ANSWERS: a part that had text must keep it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests/data/labelled/coverage_panel_s33.jsonl"
WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’-]|\.(?=\d))*")  # 'v2.3' one word
EMPTY = frozenset("how you your will the and for with of to in at a an by its it each which what who when where whether "
                  "including include set out describe explain any this that from their them they as be are on or "
                  "not do does can also both".split())
GAP_STATUS = ("nothing in the library", "restated", "evidence only", "drafted from the question", "squeezed",
              "confirmation needed")
# a row led 'partly:' names its gaps: it is honest for an element only when a note names that element
GAP_CUES = re.compile(r"not in this part|not in this answer|write\b|left out|not said|no method|missing|not named|"
                      r"confirm\b|not made|unsaid", re.I)
MET_CUES = re.compile(r"\bmet:|said with approved pattern|named here:", re.I)
# questions a panel scored 3 or more (set, question): their parts must keep their text
SCORED_HIGH = {("s28", "q10"), ("s29", "q03"), ("s32", "q12")}


def _stem(w: str) -> str:
    w = w.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def content(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text) if w.lower() not in EMPTY and len(w) > 1}


def coverage_rows(log: str) -> list[dict]:
    """The coverage table of an assembler log: [{label, paragraphs, evidence, status}]."""
    rows, on = [], False
    for line in log.splitlines():
        if line.startswith("| sub-point |"):
            on = True
            continue
        if on and line.startswith("|---"):
            continue
        if on and line.startswith("| "):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if len(cells) < 6:
                continue
            paras = [int(p) for p in re.findall(r"\d+", cells[3])]
            rows.append({"label": cells[0], "paragraphs": paras, "evidence": cells[4], "status": " | ".join(cells[5:])})
        elif on and rows:
            break
    return rows


def paragraphs(md: str) -> list[str]:
    """The answer's paragraphs as the coverage table numbers them (headings not counted)."""
    return [p.strip() for p in re.split(r"\n\s*\n", md) if p.strip() and not p.lstrip().startswith("#")]


def best_row(rows: list[dict], part: str) -> dict | None:
    want = content(part)
    scored = [(len(want & content(r["label"])), -i, r) for i, r in enumerate(rows)]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def said(element: str, text: str) -> bool:
    """Every content word of the element is in the text (its stems), markers '[To write: ...]' left out."""
    text = re.sub(r"\[To (?:write|confirm)[^\]]*\]", " ", text)
    need = content(element) or {element.lower()}
    have = content(text) | {text.lower()}
    return all(w in have or w in text.lower() for w in need)


def flags(element: str, status: str) -> bool:
    """The row's status names the element in a note that is a gap (not one that says it is met)."""
    need = content(element)
    for seg in status.split(";"):
        # the element by half its words at least ('WorkWell' of 'WorkWell Midlands', as the buyer's list names it)
        if not need or len(need & content(seg)) * 2 < len(need):
            continue
        if seg.strip().startswith("left out (the ask said back"):
            continue  # the ask quoted for a sentence taken out, 'the method above must answer it': no gap named
        if MET_CUES.search(seg) and not GAP_CUES.search(seg.split("met:")[0]):
            continue
        if GAP_CUES.search(seg):
            return True
    return False


def gate_line(log: str, element: str) -> str:
    """The line of the log's list of the buyer's required statements (or its closing 'not made' note) naming the
    element, '' when none does."""
    need = content(element)
    on = False
    for line in log.splitlines():
        if line.startswith("The buyer's required statements"):
            on = True
            continue
        if on and not line.startswith("- "):
            on = False
        if (on or "required statement not made" in line) and need <= content(line):
            return line
    return ""


def judge(label: dict, answers: Path) -> dict:
    qdir = answers / label["set"]
    log = (qdir / f"{label['question']}.log").read_text(encoding="utf-8", errors="replace") \
        if (qdir / f"{label['question']}.log").exists() else ""
    md = (qdir / f"{label['question']}.md").read_text(encoding="utf-8") if (qdir / f"{label['question']}.md").exists() else ""
    out = dict(label)
    if label["part"].startswith("gate:"):  # a scoring gate: its line in the log says made or not made
        line = gate_line(log, label["element"])
        made = bool(line) and ": made in" in line and "not made" not in line
        out.update(verdict="no row" if not line else "DISHONEST" if made and not said(label["element"], md)
                   else "said" if made else "honest", row="(gate)", status=line, said=said(label["element"], md))
        return out
    rows = coverage_rows(log)
    row = best_row(rows, label["part"])
    if row is None:
        out.update(verdict="no row", row="", status="", said=said(label["element"], md))
        return out
    paras = paragraphs(md)
    text = " ".join(paras[i - 1] for i in row["paragraphs"] if 0 < i <= len(paras))
    primary = row["status"].split(";")[0].strip().lower()
    gap = primary.startswith(GAP_STATUS) or flags(label["element"], row["status"])
    now = said(label["element"], text)
    out.update(verdict="honest" if gap else "said" if now else "DISHONEST", row=row["label"], status=row["status"],
               said=now)
    return out


def part_words(answers: Path, s: str, q: str) -> dict[str, int]:
    log = answers / s / f"{q}.log"
    if not log.exists():
        return {}
    return {r["label"]: int(re.sub(r"\D", "", r.get("words", "0")) or 0) for r in _rows_words(log.read_text())}


def _rows_words(log: str) -> list[dict]:
    out, on = [], False
    for line in log.splitlines():
        if line.startswith("| sub-point |"):
            on = True
            continue
        if on and line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if len(cells) >= 6:
                out.append({"label": cells[0], "words": cells[2]})
        elif on and out and not line.startswith("|"):
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("answers", type=Path)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--sets", default="")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args()
    labels = [json.loads(x) for x in a.labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    if a.sets:
        labels = [x for x in labels if x["set"] in a.sets.split(",")]
    results = [judge(x, a.answers) for x in labels]
    by_set: dict[str, Counter] = {}
    for r in results:
        c = by_set.setdefault(r["set"], Counter())
        c[r["verdict"]] += 1
        if a.show:
            print(f"{r['verdict']:9} {r['set']} {r['question']} [{r['label']}] {r['element']!r} said={r['said']} "
                  f"row={r['row'][:60]!r} status={r['status'][:160]!r}")
    print(f"{'set':5} {'labels':>6} {'DISHONEST':>9} {'honest gap':>10} {'said now':>8} {'no row':>6}")
    total = Counter()
    for s in sorted(by_set):
        c = by_set[s]
        n = sum(c[k] for k in ("DISHONEST", "honest", "said", "no row"))
        total.update(c)
        print(f"{s:5} {n:6} {c['DISHONEST']:9} {c['honest']:10} {c['said']:8} {c['no row']:6}")
    n = sum(total[k] for k in ("DISHONEST", "honest", "said", "no row"))
    print(f"{'all':5} {n:6} {total['DISHONEST']:9} {total['honest']:10} {total['said']:8} {total['no row']:6}")
    kinds = Counter((r["label"], r["verdict"]) for r in results)
    print("by panel label: " + "; ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(kinds.items())))
    if a.keep:
        print("parts of questions a panel scored 3 or more: words before -> now")
        for s, q in sorted(SCORED_HIGH):
            old, new = part_words(a.keep, s, q), part_words(a.answers, s, q)
            for label in dict.fromkeys(list(old) + list(new)):
                lost = " LOST" if old.get(label, 0) > 0 and new.get(label, 0) == 0 else ""
                print(f"  {s} {q} {label[:70]!r}: {old.get(label, '-')} -> {new.get(label, '-')}{lost}")


if __name__ == "__main__":
    main()
