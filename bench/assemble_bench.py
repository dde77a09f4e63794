"""Benchmark: assembling and checking tender answers and a contract review.

    python bench/assemble_bench.py [--people 400] [--db PATH]

Builds the demo service (default size) in a temporary folder unless --db is
given, loads the language model once ("warm"), then times:

1. a 500-word answer to a shipped question, first of the run: indicators,
   stories and the checker's paragraph cache all cold; the model is loaded;
2. a 500-word answer to a different question (indicator results now cached);
3. the first question again with a different limit (paragraph cache warm);
4. a contract review for the last complete quarter (Markdown, checked);
5. the same review exported to Word with SPC charts.

The target is (1) <= 1.5 s. Each line prints seconds and the word count.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.5


def question(name: str) -> tuple[str, int]:
    from evidencebot import locations

    text = (locations.packaged_dir("corpus") / "questions" / f"{name}.md").read_text(encoding="utf-8")
    limit = int(re.search(r"^word_limit:\s*(\d+)", text, re.M).group(1))
    return re.sub(r"\A---.*?---\n", "", text, flags=re.S), limit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--db", help="use this database instead of building the demo")
    args = parser.parse_args(argv)

    from _demo import bench_database

    tmp = tempfile.TemporaryDirectory()
    db = bench_database(args.db, Path(tmp.name), args.people)

    from evidencebot.compose import export, review, tender

    started = time.perf_counter()
    checker = tender.get_checker()
    checker.check_text("Warm-up: the model loads here. Call the team on Monday.")
    print(f"model loaded in {time.perf_counter() - started:.2f} s (not counted)")

    q1, _ = question("q01-crisis-escalation")
    q2, _ = question("q02-step-down")
    timings = []

    def timed(label, func):
        started = time.perf_counter()
        value = func()
        seconds = time.perf_counter() - started
        timings.append((label, seconds))
        return value, seconds

    answer, s1 = timed("first 500-word answer", lambda: tender.assemble_tender(db, q1, 500, checker=checker))
    print(f"1. first 500-word answer (model warm, caches cold): {s1:.3f} s, {answer.counts.words} words, "
          f"{len(answer.edits)} checker edits")
    answer, s2 = timed("second question", lambda: tender.assemble_tender(db, q2, 500, checker=checker))
    print(f"2. another question, 500 words:                     {s2:.3f} s, {answer.counts.words} words")
    answer, s3 = timed("same question again", lambda: tender.assemble_tender(db, q1, 450, checker=checker))
    print(f"3. first question again, 450 words:                 {s3:.3f} s, {answer.counts.words} words")
    rev, s4 = timed("review", lambda: review.assemble_review(db, checker=checker))
    print(f"4. contract review {rev.period.label} (Markdown, checked):  {s4:.3f} s")
    data, s5 = timed("review to Word", lambda: export.to_docx_bytes(rev.to_export()))
    print(f"5. review exported to Word with {len(rev.charts)} charts:     {s5:.3f} s, {len(data):,} bytes")

    ok = s1 <= TARGET_SECONDS
    print(f"target: a 500-word answer assembled and checked in <= {TARGET_SECONDS} s warm: "
          f"{'met' if ok else 'NOT met'} ({s1:.3f} s)")
    db.close()
    tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
