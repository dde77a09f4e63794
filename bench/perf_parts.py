"""Where the rule time goes (perf33): the bench document's distinct blocks are parsed once per round (as the checker
parses them: a sentence at a time, the NER gated), then each family runs over them with timers around its parts.
Prints the minimum over the rounds of each part's CPU seconds (``time.process_time``).

    PYTHONPATH=src python bench/perf_parts.py [--distinct] [--rounds 2]

Parts: the parse; each family; the privacy family's ``_regex_spans``, ``_name_spans``, ``_learned_hits``,
``_combination_spans``, ``_add_details`` and the two views; each over-claim check (``oc.<rule id>``), the late
learned scorer among them.
"""

from __future__ import annotations

import collections
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-parts-"))
    import check_bench

    from evidencebot.config import CheckerSettings
    from evidencebot.language import checker as cm
    from evidencebot.language import markdown, pipeline, privacy
    from evidencebot.language.overclaim.engine import OverclaimRules

    text = check_bench.build_document(20000, distinct="--distinct" in sys.argv)
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 2
    checker = cm.Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    specs = checker.specs()
    checker.check_text("Our team reduced A&E attendances.")
    blocks = list(dict.fromkeys(b.text for b in markdown.extract_blocks(text, markup="markdown", hidden=True)))
    spent: dict[str, float] = collections.defaultdict(float)

    def timed(func, label):
        def run(*args, **kwargs):
            c = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - c
        return run

    for name in ("_regex_spans", "_combination_spans", "_name_spans", "_learned_hits", "_add_details",
                 "normalised_view", "table_view"):
        setattr(privacy, name, timed(getattr(privacy, name), "pv." + name))
    rules = next(c.cell_contents for _, f in specs for c in (f.__closure__ or ())
                 if isinstance(c.cell_contents, OverclaimRules))
    for checks in (rules.checks, rules.late):
        for k, run in enumerate(checks):
            checks[k] = dataclasses.replace(run, fn=timed(lambda *a, fn=run.fn: list(fn(*a)), "oc." + run.rule.id))
    disable = pipeline.disabled_for(True)
    gate = cm._ner_gate(specs)
    totals: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(rounds):
        cm.clear_cache()
        pipeline.clear_sentence_cache()
        spent.clear()
        c = time.process_time()
        parsed = [list(p) for p in pipeline.pipe_blocks(blocks, disable=disable, batch_size=pipeline.SENTENCE_BATCH_SIZE,
                                                        ner_gate=gate)]
        totals["parse"].append(time.process_time() - c)
        for spec, func in specs:
            c = time.process_time()
            for pieces in parsed:
                for _offset, piece, doc in pieces:
                    func(piece, doc)
            totals[spec.name].append(time.process_time() - c)
        for k, v in list(spent.items()):
            totals[k].append(v)
    print(f"{len(blocks)} distinct blocks; CPU s, the least of {rounds} rounds")
    for k in ("parse", "overclaim", "privacy"):
        print(f"{k:42s} {min(totals[k]):.3f}")
    for k, v in sorted(totals.items(), key=lambda kv: -min(kv[1])):
        if k not in ("parse", "overclaim", "privacy") and min(v) >= 0.01:
            print(f"  {k:40s} {min(v):.3f}")


if __name__ == "__main__":
    main()
