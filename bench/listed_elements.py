"""The elements a sub-point lists, and how many of them the drafted part names, on the spent sets.

    # draft every question of the sets with the code on PYTHONPATH, keep each part's text
    PYTHONPATH=src python bench/listed_elements.py draft --db DEMO.db --out after.json [--jobs 2] [--sets s21,s28]
    # count, with this tree's element reader, for one or more drafted runs side by side
    PYTHONPATH=src python bench/listed_elements.py score before.json after.json [--show]

``draft`` assembles each ``tests/data/heldout/<set>/questions/qNN.md`` (default sets s21..s28 and s22b) as
``evidencebot assemble tender --db DB --question-file qNN.md`` does (the buyer's facts of the other question files
of the same tender read too, every step of the assembler and the checker), and writes for each scored part its
sub-point's text and the text of the answer's paragraphs that hold it, with whether the answer is checked clean and
within its limit.

``score`` reads the listed elements of each sub-point with this tree's reader
(:func:`evidencebot.compose.questions.asked_elements`: 'including A, B and C', 'such as A and B', a trailing 'and how
you will ...') and counts those the part's text names (:func:`evidencebot.compose.tender.element_said`), so two runs
drafted by different code are counted by one reader. Prints per set and in total: parts listing elements, elements,
elements named in their part; answers checked clean; answers over their limit. ``--show`` lists the elements still
unnamed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ["s21", "s22", "s22b", "s23", "s24", "s25", "s26", "s27", "s28"]


def _paras(markdown: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", markdown) if p.strip() and not p.lstrip().startswith("#")]


def _draft_one(args: tuple[str, str]) -> dict:
    db_path, qfile = args
    from evidencebot.cli.assemble import _read_question
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.compose.tender_store import question_file_context
    from evidencebot.compose.words import count_words
    from evidencebot.store.db import connect

    text, limit = _read_question(None, qfile)
    db = connect(db_path)
    try:
        facts, whole, _used = question_file_context(db, qfile)
        ans = assemble_tender(db, text, limit, tender=facts or None, buyer_context=whole)
    finally:
        db.close()
    paras = _paras(ans.markdown)
    parts = []
    points = {p.key: p for p in ans.plan.points}
    for row in ans.coverage:
        point = points[row.key]
        body = " ".join(paras[n - 1] for n in row.paragraphs if 0 < n <= len(paras))
        parts.append({"key": point.key, "label": row.label, "kind": point.kind, "point": point.text,
                      "text": body, "status": row.status})
    rel = str(Path(qfile).resolve().relative_to(ROOT / "tests/data/heldout"))
    return {"file": rel, "checked": bool(ans.checked and not ans.findings),
            "words": count_words(ans.markdown), "limit": ans.word_limit, "parts": parts}


def draft(ns) -> None:
    files = [str(p) for s in ns.sets.split(",") for p in sorted((ROOT / "tests/data/heldout" / s / "questions").glob("q*.md"))]
    tmp = Path(tempfile.mkdtemp(prefix="listed_elements_"))
    dbs = []
    for i in range(ns.jobs):  # one copy of the database for each worker
        dbs.append(str(tmp / f"db{i}.db"))
        shutil.copy(ns.db, dbs[-1])
    jobs = [(dbs[i % ns.jobs], f) for i, f in enumerate(files)]
    out = []
    with ProcessPoolExecutor(ns.jobs) as pool:
        for ans in pool.map(_draft_one, jobs):
            out.append(ans)  # written as each answer comes, so a long run stopped early keeps what it drafted
            Path(ns.out).write_text(json.dumps(out, indent=1), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"drafted {len(out)} answers -> {ns.out}")


def _score(run: list[dict], show: bool, name: str) -> dict[str, list[int]]:
    from evidencebot.compose.questions import asked_elements
    from evidencebot.compose.tender import element_said

    by_set: dict[str, list[int]] = {}
    for ans in run:
        s = ans["file"].split("/")[0]
        row = by_set.setdefault(s, [0, 0, 0, 0, 0, 0])  # parts listing, elements, named, answers, clean, over
        row[3] += 1
        row[4] += ans["checked"]
        row[5] += ans["words"] > ans["limit"] if ans["limit"] else 0
        for part in ans["parts"]:
            if part["kind"] == "confirm":
                continue
            els = asked_elements(part["point"])
            if not els:
                continue
            row[0] += 1
            row[1] += len(els)
            said = [e for e in els if element_said(e, part["text"])]
            row[2] += len(said)
            if show:
                for e in els:
                    if e not in said:
                        print(f"  {name} {ans['file']} [{part['label'][:50]}] unnamed: {e}")
    return by_set


def set_table(tables: list[tuple[str, dict]], head: str, width: int, cells) -> None:
    """Print one Markdown row per set and an 'all' row: a column per run, each cell ``cells(counts)``."""
    sets = sorted({s for _, t in tables for s in t})
    print("| set | " + " | ".join(f"{n}: {head}" for n, _ in tables) + " |")
    print("|---|" + "---|" * len(tables))
    totals = [[0] * width for _ in tables]
    for s in sets:
        row = []
        for k, (_, t) in enumerate(tables):
            r = t.get(s, [0] * width)
            totals[k] = [a + b for a, b in zip(totals[k], r)]
            row.append(cells(r))
        print(f"| {s} | " + " | ".join(row) + " |")
    print("| all | " + " | ".join(cells(r) for r in totals) + " |")


def _cells(r: list[int]) -> str:
    return f"{r[0]} / {r[1]} / {r[2]} ({r[2] / max(1, r[1]):.0%}) / {r[4]} of {r[3]} / {r[5]}"


def score(ns) -> None:
    runs = [(Path(p).stem, json.loads(Path(p).read_text(encoding="utf-8"))) for p in ns.runs]
    tables = [(name, _score(run, ns.show, name)) for name, run in runs]
    set_table(tables, "parts listing / elements / named / clean / over", 6, _cells)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    d.add_argument("--db", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--sets", default=",".join(SETS))
    s = sub.add_parser("score")
    s.add_argument("runs", nargs="+")
    s.add_argument("--show", action="store_true")
    ns = ap.parse_args(argv)
    draft(ns) if ns.cmd == "draft" else score(ns)


if __name__ == "__main__":
    main(sys.argv[1:])
