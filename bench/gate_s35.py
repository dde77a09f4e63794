"""Gate parts and other nations' terms in regenerated answers (issue 12, session 35).

Usage: PYTHONPATH=src python bench/gate_s35.py ANSWERS [ANSWERS ...]

ANSWERS is a folder written by /work/coord/s35/gen_some.sh (or gen_answers.sh): for each question ``sNN_qMM.md``
(the answer), ``sNN_qMM.log`` (the command's output with its coverage table), ``sNN_qMM.check`` and a ``summary.txt``
with the exit codes. The questions are read from tests/data/heldout/sNN/questions/qMM.md. Every answer is judged with
this tree's tables (topics, nations.yaml), so two folders (before and after) are counted the same way. Printed per
folder:

* gate parts: parts that are a scoring gate's confirmation itself (gates.confirming_part), and of them those holding a
  block whose subject is not the gate's (tender.gate_subject);
* nation parts: parts naming another nation's term (nations.in_our_words adds our word for it), and of them those left
  to write ('nothing in the library') although a topic of our word for it has a block in the library;
* England-only terms: terms of nations.yaml that do not hold in the buyer's nation, found in an answer to a buyer
  outside England (each term once per answer);
* exit codes not 0 (assemble, check --db).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import blockmatch, gates, nations
from evidencebot.compose import tender as T
from evidencebot.compose.questions import plan_question

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "heldout"
LIBRARY = ROOT / "corpus" / "library"


def _library_ids() -> set[str]:
    ids: set[str] = set()
    for f in LIBRARY.glob("blocks*.yaml"):
        ids |= set(re.findall(r"^\s*-\s+id:\s*([\w-]+)", f.read_text(encoding="utf-8"), re.M))
    return ids


def _rows(log: str) -> list[list[str]]:
    rows = []
    for line in log.splitlines():
        if line.startswith("| ") and not line.startswith("| sub-point") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if len(cells) >= 6:
                rows.append(cells)
    return rows


def _row_for(point, points, rows):
    if len(rows) == len(points):
        return rows[points.index(point)]
    want = set(blockmatch.tokens(point.text))
    return max(rows, key=lambda r: len(want & set(blockmatch.tokens(r[0]))), default=None)


def _blocks(row) -> list[str]:
    ev = row[4]
    if "method:" not in ev:
        return []
    return [b.strip() for b in ev.split("method:", 1)[1].split(",") if b.strip()]


def judge(folder: Path) -> dict:
    topics = blockmatch.load_topics()
    library = _library_ids()
    by_topic = {t.name: t for t in topics}
    out = {"answers": 0, "gate_parts": 0, "gate_off": 0, "nation_parts": 0, "nation_unwritten": 0,
           "england_terms": 0, "non_english": 0, "rc_not_0": 0, "check_not_0": 0, "detail": []}
    summary = (folder / "summary.txt").read_text(encoding="utf-8") if (folder / "summary.txt").exists() else ""
    codes = {m.group(1): (m.group(2), m.group(3)) for m in re.finditer(r"^(\S+) rc=(\d+) check=(\d+)", summary, re.M)}
    for md in sorted(folder.glob("s[0-9]*_q[0-9][0-9].md")):
        name = md.stem
        s, q = name.split("_")
        qfile = HELDOUT / s / "questions" / f"{q}.md"
        log = md.with_suffix(".log")
        if not qfile.exists() or not log.exists():
            continue
        out["answers"] += 1
        rc, crc = codes.get(name, ("?", "?"))
        out["rc_not_0"] += rc != "0"
        out["check_not_0"] += crc != "0"
        question = qfile.read_text(encoding="utf-8")
        facts = qfile.parent / "facts.md"
        buyer = question + "\n" + (facts.read_text(encoding="utf-8") if facts.exists() else "")
        plan = plan_question(question)
        rows = _rows(log.read_text(encoding="utf-8"))
        for g in plan.gates:
            point = next((p for p in plan.points if p.key == g.key), None)
            if point is None or not gates.confirming_part(g, point.text):
                continue
            row = _row_for(point, plan.points, rows)
            if row is None:
                continue
            out["gate_parts"] += 1
            subject = set(T.gate_subject(g, topics))
            off = [b for b in _blocks(row) if b != T.COMMITMENT and not b.startswith("buyer-")
                   and not any(b in by_topic[n].blocks for n in subject)]
            if off:
                out["gate_off"] += 1
                out["detail"].append(f"{name} gate part '{row[0][:60]}': off-subject {', '.join(off)}")
        for point in plan.points:
            said = nations.in_our_words(point.text)
            if said == point.text:
                continue
            ours = said[len(point.text):].strip(" ()")
            has = [bid for h in blockmatch.topic_hits(ours, topics) for bid in h.topic.blocks if bid in library]
            if not has:
                continue
            out["nation_parts"] += 1
            row = _row_for(point, plan.points, rows)
            if row is not None and ("nothing in the library" in row[5] or row[4] == "none"):
                out["nation_unwritten"] += 1
                out["detail"].append(f"{name} part '{row[0][:60]}' ({ours}): left to write; library has {has[0]}")
        nation, _ = nations.read(buyer)
        if nation == nations.ENGLAND:
            continue
        out["non_english"] += 1
        text = md.read_text(encoding="utf-8")
        found = sorted({t.label for t in nations.terms() if nation not in t.applies and t.pattern.search(text)})
        out["england_terms"] += len(found)
        if found:
            out["detail"].append(f"{name} ({nation}): {'; '.join(found)}")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for arg in argv:
        r = judge(Path(arg))
        print(f"== {arg}: {r['answers']} answers ({r['non_english']} to a buyer outside England)")
        print(f"gate confirmation parts: {r['gate_parts']}, with an off-subject block: {r['gate_off']}")
        print(f"parts naming another nation's term with a block for it: {r['nation_parts']}, left to write: "
              f"{r['nation_unwritten']}")
        print(f"England-only terms in answers outside England: {r['england_terms']}")
        print(f"assemble exit not 0: {r['rc_not_0']}; check --db exit not 0: {r['check_not_0']}")
        for line in r["detail"]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
