"""How many of the buyers' Pass/Fail statements the demo answers "Yes", and why the others are left "[To confirm]".

    python bench/pass_fail_yes.py [--db DEMO.db] [--aggregate] DIR_OR_FILE...

Each argument is a question file (``qNN.md``) or a folder of them (``tests/data/heldout/s13/questions``,
``tests/data/labelled/pass_fail_pf11``). Every question with a Pass/Fail cue (``confirmations.pass_fail``) is
drafted with ``assemble_tender`` on the database (default: a demo of 400 people built in a temporary folder), and
each of its confirmation parts is counted by what the drafted answer says:

* *Yes (declaration)*: a declaration (``corpus/library/declarations.yaml``) backs it and meets every condition;
* *Yes (commitment)*: a "will" statement on no sign-off topic, answered from the method library or restated;
* *to confirm*: a "[To confirm]" line; the reason (what the record lacks) is printed per statement, unless
  ``--aggregate`` is given (for the transfer sets s15/s15b, whose statements are not to be read while tuning).

Session 16 (issue 12, s15 panel): a safeguarding Part A of standard statements came out "[To confirm]" and was
marked FAIL. A "Yes" is only ever given from the record; this counts how often the record answers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(p.glob("q*.md")) if p.is_dir() else [p]
    return out


def _category(why: str) -> list[str]:
    """A reason without the buyer's words (for a transfer set): each clause up to its first quotation mark."""
    import re

    out = []
    for piece in why.split(";"):
        piece = re.split(r"[\"“'‘]", piece.strip(), maxsplit=1)[0].strip(" :,")
        out.append(piece or "?")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db")
    ap.add_argument("--aggregate", action="store_true", help="totals only: no statement text, no reason")
    args = ap.parse_args(argv)

    from _demo import bench_database

    from evidencebot.compose import confirmations
    from evidencebot.compose.tender import assemble_tender

    folder = Path(tempfile.mkdtemp(prefix="pfyes-"))
    db = bench_database(args.db, folder, 400)
    totals: Counter = Counter()
    reasons: Counter = Counter()
    started = time.perf_counter()
    for path in _files(args.paths):
        text = path.read_text(encoding="utf-8")
        if not confirmations.pass_fail(text):
            continue
        answer = assemble_tender(db, text, period="2025-10..2026-09")
        rows = [r for r in answer.coverage
                if r.status.startswith(("confirmed", "Yes:", "confirmation needed"))]
        here: Counter = Counter()
        for r in rows:
            kind = ("yes_declaration" if r.status.startswith("confirmed") else
                    "yes_commitment" if r.status.startswith("Yes:") else "to_confirm")
            here[kind] += 1
            if kind == "to_confirm":
                why = r.status.split(":", 1)[1].strip()
                for piece in (_category(why) if args.aggregate else [why]):
                    reasons[piece] += 1
                if not args.aggregate:
                    print(f"  {path.parent.parent.name}/{path.name} {r.label[:70]!r}: {why}")
        totals += here
        totals["questions"] += 1
        if not args.aggregate:
            print(f"{path}: {sum(here.values())} statements, Yes {here['yes_declaration'] + here['yes_commitment']} "
                  f"({here['yes_declaration']} from a declaration), to confirm {here['to_confirm']}")
    n = totals["yes_declaration"] + totals["yes_commitment"] + totals["to_confirm"]
    yes = totals["yes_declaration"] + totals["yes_commitment"]
    print(f"{totals['questions']} Pass/Fail questions, {n} statements: Yes {yes} ({totals['yes_declaration']} from a "
          f"declaration, {totals['yes_commitment']} commitments), to confirm {totals['to_confirm']}"
          f" [{time.perf_counter() - started:.0f} s]")
    if True:
        for why, k in reasons.most_common():
            print(f"  to confirm x{k}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
