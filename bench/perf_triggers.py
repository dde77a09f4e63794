"""Over-claim check triggers, measured (perf35, issue 15): every check runs on every text of the golden set
(``bench/perf_golden.py``'s texts) with the triggers switched off, and for each check the script counts the docs it
was called on, the docs it returned something on, its CPU time, and how much of that its declared trigger would let
through. A declared trigger that misses a doc the check returned something on is printed as MISSED (it would change
a finding: the golden comparison would show it too).

    PYTHONPATH=src python bench/perf_triggers.py [--every N] [--search]

``--every N`` reads every Nth text only. ``--search`` also prints, for a check without a trigger, the one or two of
its own word lists (as lower-case forms or lemmas) that cover every doc it returned something on at the least CPU:
a lead for reading the check, never a trigger by itself (session 35 found three such covers that the rules' own
examples break: a list that happens to be in every doc a check flagged on this set is no list the check needs).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

_WORD = re.compile(r"[a-z]+")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--search", action="store_true")
    args = ap.parse_args(argv)
    import perf_golden

    from evidencebot.language.overclaim import engine

    stats: dict[str, list] = defaultdict(lambda: [0, 0, 0.0, 0, 0.0, 0])  # calls, fires, cpu, admitted, cpu, missed
    masks: dict[tuple[str, int], list] = defaultdict(lambda: [0, 0, 0.0])
    lists: dict[str, list[tuple[str, frozenset[str]]]] = {}
    triggered: set[str] = set()

    def wrap(run):
        rule, fn, trigger = run.rule, run.fn, run.trigger
        if trigger is not None:
            triggered.add(rule.id)
        own = lists.setdefault(rule.id, [
            (name, frozenset(str(w).lower() for w in value)) for name, value in sorted(rule.options.items())
            if name != "trigger" and isinstance(value, list) and value
            and all(isinstance(w, str) and _WORD.fullmatch(w.lower()) for w in value)])

        def spy(rule_, doc, ctx, terms):
            t = time.process_time()
            got = list(fn(rule_, doc, ctx, terms))
            dt = time.process_time() - t
            s = stats[rule_.id]
            s[0] += 1
            s[1] += bool(got)
            s[2] += dt
            if trigger is not None and engine._admits(trigger, ctx):
                s[3] += 1
                s[4] += dt
            elif trigger is not None and got:
                s[5] += 1
            if args.search and trigger is None:
                mask = sum(1 << k for k, (_, words) in enumerate(own)
                           if not (words.isdisjoint(ctx.lower_set) and words.isdisjoint(ctx.lemma_set)))
                m = masks[(rule_.id, mask)]
                m[0] += 1
                m[1] += bool(got)
                m[2] += dt
            return got
        return engine.CheckRun(rule, spy, None)

    init = engine.OverclaimRules.__init__

    def patched(self, *a, **k):
        init(self, *a, **k)
        self.checks = [wrap(run) for run in self.checks]

    engine.OverclaimRules.__init__ = patched
    items = perf_golden.texts({"s36"})[::args.every]
    t = time.process_time()
    perf_golden.findings(items)
    print(f"{len(items)} texts, {time.process_time() - t:.0f} s CPU (every check run on every doc)")
    print(f"{'rule':42s} {'docs':>6s} {'found':>5s} {'CPU s':>6s}  trigger: {'let through':>11s} {'CPU s':>6s} missed")
    for rid in sorted(stats):
        calls, fires, cpu, admitted, acpu, missed = stats[rid]
        line = f"{rid:42s} {calls:6d} {fires:5d} {cpu:6.2f}"
        if rid in triggered:
            line += f"  {admitted:11d} ({admitted / max(calls, 1):4.0%}) {acpu:6.2f} {'MISSED ' + str(missed) if missed else 0}"
        elif args.search:
            line += "  " + _cover(rid, masks, [n for n, _ in lists.get(rid, [])])
        print(line)
    return 1 if any(s[5] for s in stats.values()) else 0


def _cover(rid: str, masks, names: list[str]) -> str:
    rows = [(mask, *v) for (r, mask), v in masks.items() if r == rid]
    if not rows:
        return "(no trigger)"
    fired = {mask for mask, _, f, _ in rows if f}
    best = None
    for k in (1, 2):
        for combo in itertools.combinations(range(len(names)), k):
            m = sum(1 << i for i in combo)
            if all(f & m for f in fired):
                cpu = sum(c for mask, _, _, c in rows if mask & m)
                if best is None or cpu < best[0]:
                    best = (cpu, [names[i] for i in combo])
    return "(no trigger; no cover)" if best is None else f"(no trigger; cover {best[1]} {best[0]:.2f} s)"


if __name__ == "__main__":
    sys.exit(main())
