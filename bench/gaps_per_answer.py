"""Gaps per drafted answer and per part, by kind, and the gap-to-block round trip (issue 12 items 3 and 6).

Counting reads what ``/work/coord/gen_answers.sh TREE QDIR OUT`` wrote: each ``OUT/qNN.log`` holds the answer's
coverage table (one row per part, its status last), and each row's gaps are read by
:func:`evidencebot.compose.gapflow.status_gaps` (a part to write, figures with no method, a name the buyer gives in
the part with nothing said about it, an item the buyer lists that the part leaves out, a buyer's figure said back).

The round trip (``--roundtrip N``): for the first N answers of each OUT with a part to write, on a copy of OUT's demo
database, draft the answer, write that part (a fixed careful paragraph), save it as a block, submit it as one user and
approve it as another, draft the question again with the command line, and say whether that part's gap is gone and
whether ``check --db`` finds anything in the new answer (``OUT/qNN.check`` is the first draft's).

    PYTHONPATH=src python bench/gaps_per_answer.py OUT [OUT ...] [--roundtrip 1]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from evidencebot.compose import gapflow

WRITTEN = ("The team leader agrees with each person how this part of their support will work, records it in their "
           "support plan and goes through it with them at each planned review; the service manager checks a sample "
           "of these plans every month.")


def coverage_rows(log: Path) -> list[tuple[str, str]]:
    """(part label, status) of each row of the coverage table in an assemble log."""
    rows, inside = [], False
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("| sub-point |"):
            inside = True
            continue
        if inside:
            if not line.startswith("|"):
                break
            if line.startswith("|---"):
                continue
            cells = line.strip().strip("|").split(" | ")
            rows.append((cells[0].strip(), " | ".join(cells[5:]).strip()))
    return rows


def count(outs: list[Path]) -> None:
    for out in outs:
        answers = sorted(out.glob("q[0-9][0-9].log"))
        kinds: Counter[str] = Counter()
        parts = gapped_parts = 0
        per_answer = []
        for log in answers:
            rows = coverage_rows(log)
            parts += len(rows)
            n = 0
            for _label, status in rows:
                found = gapflow.status_gaps(status)
                gapped_parts += bool(found)
                kinds.update(k for k, _ in found)
                n += len(found)
            per_answer.append(n)
        total = sum(per_answer)
        print(f"{out.name}: {len(answers)} answers, {parts} parts, {total} gaps: "
              f"{total / max(len(answers), 1):.2f} per answer, {total / max(parts, 1):.2f} per part, "
              f"{gapped_parts} parts with a gap ({gapped_parts / max(parts, 1):.0%}); "
              f"answers with none: {sum(1 for n in per_answer if not n)}")
        for kind in gapflow.KINDS:
            if kinds[kind]:
                print(f"    {kind}: {kinds[kind]} ({kinds[kind] / max(len(answers), 1):.2f} per answer)")


def _findings(check_output: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?", check_output)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (-1, -1, -1)


def roundtrip(out: Path, qdir: Path, limit: int) -> list[str]:
    """The round trip on the first ``limit`` answers of ``out`` with a part to write; one line each."""
    from evidencebot.cli.assemble import _read_question
    from evidencebot.compose import library
    from evidencebot.compose import tender as T
    from evidencebot.compose.tender_store import question_file_context
    from evidencebot.store.db import connect

    lines: list[str] = []
    for log in sorted(out.glob("q[0-9][0-9].log")):
        if len(lines) >= limit:
            break
        if not any(k == "to write" for _l, s in coverage_rows(log) for k, _ in gapflow.status_gaps(s)):
            continue
        q = qdir / f"{log.stem}.md"
        work = Path(tempfile.mkdtemp(prefix="gaprt-"))
        home = work / "home"
        (home / "config").mkdir(parents=True)
        # one computer account plays both people here: approvals are marked 'same account' in the audit log
        (home / "config" / "config.toml").write_text("[governance]\nshared_account = true\n", encoding="utf-8")
        os.environ["EVIDENCEBOT_HOME"] = str(home)
        path = work / "demo.db"
        src, dst = sqlite3.connect(out / "demo.db"), sqlite3.connect(path)
        src.backup(dst)
        src.close()
        dst.close()
        db = connect(path)
        text, limit_words = _read_question(None, str(q))
        facts, whole, _ = question_file_context(db, q)
        first = T.assemble_tender(db, text, limit_words, tender=facts or None, buyer_context=whole)
        gap = next(g for g in gapflow.answer_gaps(first.markdown, first.coverage) if g.kind == "to write")
        span = gapflow.part_span(first.markdown, gap.heading or gap.part)
        edited = first.markdown if span is None else \
            first.markdown[:span[0]] + "\n" + WRITTEN + "\n\n" + first.markdown[span[1]:]
        if span is None:  # a part with no heading in the answer: its text is the writer's paragraph alone
            ident = gapflow.save_part_as_block(db, part=gap.part, text=WRITTEN, ask=gapflow.point_ask(first.plan, gap),
                                               buyer=first.buyer, source="bench", owner="bench writer")
        else:
            ident = gapflow.save_answer_gap(db, first, edited, gap, source="bench", user="bench writer")
        library.submit_block(db, ident, user="bench writer")
        library.approve_block(db, ident, user="bench approver")
        db.close()
        env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", "src")}
        md = work / f"{log.stem}.md"
        drafted = subprocess.run([sys.executable, "-m", "evidencebot", "assemble", "tender", "--db", str(path),
                                  "--question-file", str(q), "--force", "-o", str(md)], capture_output=True, text=True,
                                 env=env)
        (work / "redraft.log").write_text(drafted.stdout + drafted.stderr, encoding="utf-8")
        rows = coverage_rows(work / "redraft.log")
        status = next((s for label, s in rows if gapflow._norm(label) == gapflow._norm(gap.part)), "")
        gone = bool(status) and not any(k == "to write" for k, _ in gapflow.status_gaps(status))
        checked = subprocess.run([sys.executable, "-m", "evidencebot", "check", "--db", str(path), "--question-file",
                                  str(q), str(md)], capture_output=True, text=True, env=env)
        before = _findings((out / f"{log.stem}.check").read_text(encoding="utf-8"))
        after = _findings(checked.stdout + checked.stderr)
        lines.append(f"{out.name}/{log.stem} '{gap.part[:60]}': block {ident}; redraft rc={drafted.returncode}; "
                     f"gap gone: {'yes' if gone else 'NO'} (status now: {status.split(';')[0][:60]}); "
                     f"check --db errors/warnings/suggestions before {before}, after {after}")
        shutil.rmtree(work, ignore_errors=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outs", nargs="+", type=Path, help="folders written by gen_answers.sh (one per question set)")
    ap.add_argument("--roundtrip", type=int, default=0, metavar="N", help="round trips per folder (default none)")
    ap.add_argument("--questions", default="tests/data/heldout/{set}/questions",
                    help="each folder's question files; {set} is the folder name's last '_' part (before_s28: s28)")
    args = ap.parse_args()
    count(args.outs)
    if args.roundtrip:
        for out in args.outs:
            qdir = Path(args.questions.format(set=out.name.rsplit("_", 1)[-1]))
            for line in roundtrip(out, qdir, args.roundtrip):
                print(line)


if __name__ == "__main__":
    main()
