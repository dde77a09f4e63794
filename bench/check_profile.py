"""Where the checker's CPU goes after the parse (cProfile of one cold check of check_bench's document).

    PYTHONPATH=src python bench/check_profile.py [--words 10000] [--distinct] [--top 15] [--save prof.out]

Builds bench/check_bench.py's document, loads the checker and warms it (one check), then clears the caches and
profiles one more check with the profiler switched off while the check parses (``pipeline.pipe`` and
``pipeline._pipe_gated``, as check_bench's ``parse_timer`` counts them): what is left is the checker's own work on
freshly parsed docs (Markdown, joining the sentences' docs, the over-claim and privacy rules, their scorers).
Prints the functions by own time and, for the package's functions only, by cumulative time; with ``--save``,
the raw profile for ``python -m pstats``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10000)
    ap.add_argument("--distinct", action="store_true")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--save", help="write the raw profile here")
    args = ap.parse_args(argv)
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-prof-"))

    import check_bench
    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_mod
    from evidencebot.language import pipeline

    text = check_bench.build_document(args.words, distinct=args.distinct)
    checker = checker_mod.Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    checker.check_text(text, path="bench.md")  # warm: rules, scorers, the pipeline
    checker_mod.clear_cache()

    prof = cProfile.Profile(time.process_time)
    saved = pipeline.pipe, pipeline._pipe_gated
    parse_cpu = [0.0]
    depth = [0]

    def unprofiled(func):
        def run(*a, **k):
            if not depth[0]:
                prof.disable()
            depth[0] += 1
            c = time.process_time()
            try:
                return list(func(*a, **k))
            finally:
                depth[0] -= 1
                if not depth[0]:
                    parse_cpu[0] += time.process_time() - c
                    prof.enable()
        return run

    pipeline.pipe, pipeline._pipe_gated = unprofiled(saved[0]), unprofiled(saved[1])
    c = time.process_time()
    try:
        prof.enable()
        found = checker.check_text(text, path="bench.md")
        prof.disable()
    finally:
        pipeline.pipe, pipeline._pipe_gated = saved
    total = time.process_time() - c
    print(f"document: {len(text.split())} words, {len(found)} findings; cold check {total:.2f} s CPU, of which the "
          f"parse {parse_cpu[0]:.2f} s, the checker after the parse {total - parse_cpu[0]:.2f} s (profiled, so slower)")
    if args.save:
        prof.dump_stats(args.save)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats("evidencebot", args.top * 2)
    text_out = out.getvalue()
    print(text_out.replace(str(ROOT / "src") + "/", ""))


if __name__ == "__main__":
    main()
