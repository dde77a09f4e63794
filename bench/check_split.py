"""perf38: where a cold check's CPU goes after the parse, timed without cProfile (which inflates small calls).

    PYTHONPATH=src python bench/check_split.py [WORDS=10000] [REPEATS=3]

Each family's function, each over-claim check, its matchers, ``_kept`` and ``Context``, and privacy's regex,
combination, name and learned stages are wrapped in a ``time.process_time`` timer; prints the cold check, its parse
and the rest per repeat, then each part's mean CPU per cold check.
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

SPENT: dict[str, float] = collections.defaultdict(float)


def timed(name, func):
    def run(*args, **kwargs):
        c = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - c
    return run


class _TimedMatcher:
    def __init__(self, name, matcher):
        self.run = timed(name, matcher)

    def __call__(self, *args, **kwargs):
        return self.run(*args, **kwargs)


def main(argv: list[str]) -> None:
    words = int(argv[0]) if argv else 10000
    repeats = int(argv[1]) if len(argv) > 1 else 3
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-split-"))
    import check_bench
    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as checker_mod
    from evidencebot.language import pipeline, privacy
    from evidencebot.language.overclaim import engine

    text = check_bench.build_document(words)
    checker = checker_mod.Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    checker.check_text(text, path="bench.md")  # warm
    specs = checker.specs()
    for i, (spec, func) in enumerate(specs):
        wrapped = timed("family:" + spec.name, func)
        for attr in ("version", "one_check", "lines", "stretch_rules", "ner_gate"):
            if hasattr(func, attr):
                setattr(wrapped, attr, getattr(func, attr))
        specs[i] = (spec, wrapped)
    rules = engine.load_overclaim_rules()
    rules.checks = [engine.CheckRun(r.rule, timed("oc:" + r.rule.check, r.fn), r.trigger) for r in rules.checks]
    rules.late = [engine.CheckRun(r.rule, timed("oc-late:" + r.rule.check, r.fn), r.trigger) for r in rules.late]
    rules.token = _TimedMatcher("oc:matcher-token", rules.token)
    rules.gated = [(a, w, _TimedMatcher("oc:matcher-gated", g)) for a, w, g in rules.gated]
    rules._kept = timed("oc:_kept", rules._kept)
    engine.Context = timed("oc:Context", engine.Context)
    for name in ("_regex_spans", "_combination_spans", "_name_spans", "_learned_hits", "normalised_view"):
        setattr(privacy, name, timed("pv:" + name, getattr(privacy, name)))
    totals = []
    for _ in range(repeats):
        checker_mod.clear_cache()
        spent = [0.0]
        with check_bench.parse_timer(pipeline, spent):
            c = time.process_time()
            checker.check_text(text, path="bench.md")
            total = time.process_time() - c
        totals.append((total, spent[0]))
    print("cold check / its parse / after the parse, per repeat:",
          ", ".join(f"{a:.2f}/{b:.2f}/{a - b:.2f}" for a, b in totals))
    for name, cpu in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"{cpu / repeats:8.3f}  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
