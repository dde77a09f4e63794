"""Answers to every question of spent sets, in one process (issue 12 item 4, session 32): the same commands as
/work/coord/gen_answers.sh (``assemble tender --question-file qNN.md --force`` to Markdown, then ``check --db
--question-file``) without its Word copies, so a before/after over four sets takes minutes, not an hour.

    PYTHONPATH=src python bench/fit_answers.py DB OUT QDIR [QDIR ...]

DB is a demo database (``evidencebot demo --db DB``), copied to OUT/<set>/demo.db; OUT/<set>/qNN.md, .log and .check are written, with
summary.txt ('qNN assemble rc=R check rc=C') as gen_answers.sh writes it, and qNN.share: the answer's method words
and body words."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

from evidencebot.cli import main
from evidencebot.compose import tender

LAST: list = []
_assemble = tender.assemble_tender


def _kept(*args, **kwargs):
    """assemble_tender, keeping its answer: the method share is not in the log."""
    answer = _assemble(*args, **kwargs)
    LAST.append(answer)
    return answer


tender.assemble_tender = _kept


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            main(argv)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return code, out.getvalue()


def answer_set(demo: str, out: Path, qdir: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = str(out / "demo.db")
    shutil.copyfile(demo, db)  # a fresh copy per set, as gen_answers.sh builds one per set
    summary = []
    for q in sorted(qdir.glob("q[0-9][0-9].md")):
        md = out / f"{q.stem}.md"
        LAST.clear()
        rc, log = run(["assemble", "tender", "--db", db, "--question-file", str(q), "--force", "-o", str(md)])
        (out / f"{q.stem}.log").write_text(log)
        if LAST:
            (out / f"{q.stem}.share").write_text(f"{LAST[-1].method_words} {LAST[-1].body_words}\n")
        crc, check = run(["check", "--db", db, "--question-file", str(q), str(md)])
        (out / f"{q.stem}.check").write_text(check)
        summary.append(f"{q.stem} assemble rc={rc} check rc={crc}")
        print(out.name, summary[-1], flush=True)
    (out / "summary.txt").write_text("\n".join(summary) + "\n")


if __name__ == "__main__":
    db, out, *dirs = sys.argv[1:]
    for d in dirs:
        answer_set(db, Path(out) / Path(d).parent.name, Path(d))
