"""The buyer's standards and baselines in a set of questions, against a set of drafted answers.

    python bench/buyer_standards.py QUESTIONS_DIR ANSWERS_DIR

For each question file ``qNN.md`` in QUESTIONS_DIR and its answer ``qNN.md`` in ANSWERS_DIR (drafted with
``evidencebot assemble tender --question-file ... -o ANSWERS_DIR/qNN.md``), prints each standard the
question states (:mod:`evidencebot.compose.buyer_standards`: timescales, training levels, payment rates,
KPI targets and baselines; :mod:`evidencebot.compose.buyer_terms`: first contact, workforce) with

* ``named``: the answer states the buyer's figure (its timescale, level, rate, target or baseline);
* ``weaker``: a sentence of the answer states a longer timescale on the same matter;

and the answer's "[To write]" parts. Totals at the end. It reads the questions with the code under test,
so a standard the reader misses is not counted: say so when comparing two versions of the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import buyer_standards, buyer_terms
from evidencebot.text import sentences


def _keys(st) -> list[str]:
    if st.kind == "timescale":
        return [st.time]
    if st.kind == "kpi":
        out = [m.group(0) for m in re.finditer(r"\d+(?:\.\d+)?%", st.text)]
        return out + ([st.baseline] if st.baseline else [])
    return [st.text]


def main(qdir: str, adir: str) -> int:
    totals = {"standards": 0, "named": 0, "weaker": 0, "to_write": 0}
    for q in sorted(Path(qdir).glob("*.md")):
        a = Path(adir) / q.name
        if not a.exists() or q.name == "facts.md":
            continue
        question = q.read_text()
        # headings repeat the buyer's words: only the body counts
        answer = "\n".join(line for line in a.read_text().splitlines()
                           if not line.lstrip().startswith("#") and "[To write]" not in line)
        said = sentences(" ".join(answer.split()))
        rows = []
        for st in buyer_standards.read(question):
            named = all(re.search(r"\s+".join(map(re.escape, k.split())), answer, re.I) for k in _keys(st) if k)
            weaker = [s for s in said if buyer_standards.weaker(s, st)]
            rows.append((f"{st.kind} {st.matter}: {st.text or st.baseline}", named, weaker))
        figures = [(f.what, f.text) for f in buyer_terms.read_figures(question)]
        routine = buyer_standards.routine_contact(question)
        if routine and not any(w == "first_contact" for w, _ in figures):
            figures.append(("first_contact", routine[0]))
        for what, text in figures:
            rows.append((f"figure {what}: {text}", text.split(" of ")[0] in answer, []))
        to_write = a.read_text().count("[To write]")
        print(f"{q.stem}: [To write] {to_write}")
        for label, named, weaker in rows:
            print(f"  {'named ' if named else 'MISSED'} {'WEAKER ' if weaker else ''}{label}")
            for s in weaker:
                print(f"      ours: {s[:140]}")
        totals["standards"] += len(rows)
        totals["named"] += sum(1 for r in rows if r[1])
        totals["weaker"] += sum(1 for r in rows if r[2])
        totals["to_write"] += to_write
    print(f"total: {totals['named']} of {totals['standards']} standards named; {totals['weaker']} with a weaker "
          f"timescale of ours stated; [To write] parts {totals['to_write']}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
