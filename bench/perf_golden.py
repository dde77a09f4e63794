"""Golden findings for a speed change (perf29): every finding of the checker (over-claim and privacy) on the
labelled sets and the spent held-out over-claim and privacy sets, as JSON, so that a change meant to be exact
can be proved byte-identical.

    PYTHONPATH=src python bench/perf_golden.py --save /tmp/golden_before.json
    PYTHONPATH=src python bench/perf_golden.py --against /tmp/golden_before.json

Texts: each ``text`` of every ``.jsonl`` file under tests/data/labelled, of every
tests/data/heldout/overclaim_*.jsonl / privacy_*.jsonl, and of tests/data/heldout/s*/overclaim_*.jsonl and
privacy_*.jsonl (the spent sets only: a set named in ``--exclude``, s39 by default, is never opened), the rows of
tests/data/privacy_own_exports.jsonl, every ``.md``/``.txt`` document under tests/data/labelled, the question and panel
documents of the spent sets (s*/questions/*.md, s*/panel/*.md), the assembled golden documents of tests/compose/golden,
and the 20,000-word documents of bench/check_bench.py (with and without ``--distinct``).
A finding is kept whole (rule, family, severity, message, offsets, line, column, match, suggestions); the
saved file is written with sorted keys, so two runs' files can be compared with ``cmp``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts(exclude: set[str]) -> list[tuple[str, str, str]]:
    files: list[Path] = sorted((ROOT / "tests/data/labelled").rglob("*"))
    heldout = ROOT / "tests/data/heldout"
    for pattern in ("overclaim_*.jsonl", "privacy_*.jsonl", "s*/overclaim_*.jsonl", "s*/privacy_*.jsonl"):
        files += sorted(p for p in heldout.glob(pattern) if p.parent.name not in exclude)
    files.append(ROOT / "tests/data/privacy_own_exports.jsonl")
    # whole documents: the spent sets' question and panel documents, and the assembled golden documents of
    # tests/compose (what the tender and review tests compare)
    for pattern in ("s*/questions/*.md", "s*/panel/*.md"):
        files += sorted(p for p in heldout.glob(pattern) if p.parents[1].name not in exclude)
    files += sorted((ROOT / "tests/compose/golden").glob("*.md"))
    sys.path.insert(0, str(ROOT / "bench"))
    import check_bench
    from findings_diff import texts_of  # (one reader of the sets for both golden comparisons)

    return texts_of(files) + [("bench/check_bench.py --distinct document", "bench.md",
                               check_bench.build_document(20000, distinct=True))]


def findings(items: list[tuple[str, str, str]]) -> dict[str, list[list]]:
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-golden-"))
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    out: dict[str, list[list]] = {}
    for k in range(0, len(items), 200):
        part = items[k:k + 200]
        found = checker.check_many([(text, path) for _, path, text in part])
        for (key, _, _), fs in zip(part, found):
            out[key] = [[f.rule, f.family, f.severity, f.message, f.start, f.end, f.line, f.column, f.match,
                         list(f.suggestions)] for f in fs]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", help="write the findings to this JSON file")
    ap.add_argument("--against", help="compare with a file written by --save (exit 1 when any text differs)")
    ap.add_argument("--exclude", default="s39", help="held-out folders never to open (comma-separated)")
    args = ap.parse_args(argv)
    import evidencebot

    print(f"package: {evidencebot.__file__}")
    items = texts(set(args.exclude.split(",")))
    t = time.process_time()
    new = findings(items)
    print(f"{len(new)} texts, {sum(len(v) for v in new.values())} findings, {time.process_time() - t:.0f} s CPU")
    if args.save:
        Path(args.save).write_text(json.dumps(new, sort_keys=True, indent=0), encoding="utf-8")
        print(f"saved to {args.save}")
    if args.against:
        sys.path.insert(0, str(ROOT / "bench"))
        from findings_diff import diff

        return 1 if diff(json.loads(Path(args.against).read_text(encoding="utf-8")), new) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
