"""The buyer's named elements of each part, and what the drafted part does with them, on the spent sets (issue 12, s30).

    # draft every question of the sets with the code on PYTHONPATH (bench/listed_elements.py's drafting)
    PYTHONPATH=src python bench/named_elements.py draft --db DEMO.db --out after.json [--jobs 2] [--sets s28,...,s35]
    # count, with this tree's readers, one or more drafted runs side by side
    PYTHONPATH=src python bench/named_elements.py score before.json after.json [--show]

For each scored part: its named elements (:func:`evidencebot.compose.named.in_ask` on the part's own ask: documents
with their versions, targets with dates, KPI numbers, named teams, bases, places, schemes; and the documents and
targets of the question's own text that :func:`named.from_stem` gives the part, and since s36 the names, clock
times, days and local figures of the question's facts :func:`named.from_context` gives it); of those, how many the
part's text names in a sentence that is not the ask said back (*named*), how many it leaves unsaid with the coverage
row saying so (*gap*: the row names the element), and how many it leaves unsaid silently (*silent*). Also the
sentences that say the part's ask back (:func:`named.restates`, and, as an independent reader, bench/said_back.py's
bare said-back promises), and the sentences that send elsewhere what the buyer says the Provider, or a body it names,
does (:func:`named.who_does_what` against the whole tender's text: every qNN.md and facts.md of the set).

Both runs are read by this tree's readers, so they are counted alike; the restating and who-does-what counts are the
same readers the assembler now uses, so 'after' is low by construction: ``--show`` prints every sentence to read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SETS = "s28,s29,s30,s31,s32,s33,s34,s35"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'‘“-])", " ".join(text.split())) if s]


def _buyer_text(set_name: str) -> str:
    d = ROOT / "tests/data/heldout" / set_name / "questions"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(d.glob("*.md")))


def _score(run: list[dict], show: bool, name: str) -> dict[str, list[int]]:
    from evidencebot.compose import named
    from said_back import CHECKABLE, said_back as bare_said_back, words as sb_words

    from evidencebot.compose.questions import plan_question

    duties = {}
    by_set: dict[str, list[int]] = {}
    for ans in run:
        s = ans["file"].split("/")[0]
        qtext = (ROOT / "tests/data/heldout" / ans["file"]).read_text(encoding="utf-8")
        plan = plan_question(qtext)
        asks = [(p["key"], f"{p['label']}. {p['point']}") for p in ans["parts"] if p["kind"] != "confirm"]
        stem = named.from_stem(plan.stem, asks)
        # the names, times, days and local figures of the question's facts a part's ask refers to (s36: the panel's
        # 'does not mention Tullyvar Mon, ...', 'the 97/51 local data is not used')
        for key, found in named.from_context(qtext, asks).items():
            have = {e.text.lower() for e in stem.get(key, [])}
            stem.setdefault(key, []).extend(e for e in found if e.text.lower() not in have)
        if s not in duties:
            duties[s] = named.duties(_buyer_text(s))
        # parts, elements, named, gap, silent, restating, said back (bench/said_back.py), who-does-what
        row = by_set.setdefault(s, [0] * 9)
        for part in ans["parts"]:
            if part["kind"] == "confirm":
                continue
            row[0] += 1
            ask = f"{part['label']}. {part['point']}"
            sents = _sentences(part["text"])
            restating = [x for x in sents if named.restates(x, ask)]
            backs = [x for x in sents if bare_said_back(x, sb_words(ask)) and not CHECKABLE.search(x)]
            wrong = [x for x in sents if named.who_does_what(x, duties[s])]
            row[5] += len(restating)
            row[8] += sum(named.bare(x) for x in restating)
            row[6] += len(backs)
            row[7] += len(wrong)
            method = " ".join(x for x in sents if x not in restating)
            status = part["status"].lower()
            for e in named.in_ask(part["point"]) + stem.get(part["key"], []):
                row[1] += 1
                if named.said(e, method):
                    row[2] += 1
                elif e.text.lower() in status:
                    row[3] += 1
                else:
                    row[4] += 1
                    if show:
                        print(f"  {name} {ans['file']} [{part['label'][:40]}] silent: {e.kind}: {e.text}")
            if show:
                for x in restating:
                    print(f"  {name} {ans['file']} [{part['label'][:40]}] restates: {x}")
                for x in wrong:
                    print(f"  {name} {ans['file']} [{part['label'][:40]}] who-does-what: {x}")
    return by_set


HEAD = "parts / elements / named / gap / silent / restating (bare) / said back / who-does-what"


def _cells(r: list[int]) -> str:
    return (f"{r[0]} / {r[1]} / {r[2]} ({r[2] / max(1, r[1]):.0%}) / {r[3]} / {r[4]} / {r[5]} ({r[8]}) / {r[6]} / "
            f"{r[7]}")


def score(ns) -> None:
    from listed_elements import set_table

    runs = [(Path(p).stem, json.loads(Path(p).read_text(encoding="utf-8"))) for p in ns.runs]
    set_table([(name, _score(run, ns.show, name)) for name, run in runs], HEAD, 9, _cells)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    d.add_argument("--db", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--sets", default=SETS)
    s = sub.add_parser("score")
    s.add_argument("runs", nargs="+")
    s.add_argument("--show", action="store_true")
    ns = ap.parse_args(argv)
    if ns.cmd == "draft":
        import listed_elements
        listed_elements.draft(ns)
    else:
        score(ns)


if __name__ == "__main__":
    main(sys.argv[1:])
