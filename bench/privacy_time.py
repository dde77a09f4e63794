"""CPU time of the privacy rules alone over every privacy set's rows, the parse left out (prints its numbers).

    PYTHONPATH=src python bench/privacy_time.py [--repeat 3] [--limit N]

Parses every row of bench/privacy_by_set.py's sets once (``nlp.pipe``, not timed), then times ``find_privacy`` on
each (text, doc) by this process's CPU clock, ``--repeat`` times, and prints the best and the median. Run it on two
trees one after the other (or alternated) to compare: the rules' own cost, with no parse and no load in it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from privacy_by_set import default_sets

    from evidencebot.language import pipeline
    from evidencebot.language.privacy import find_privacy, load_privacy_rules

    texts = []
    for path in default_sets():
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    nlp = pipeline.get_nlp()
    docs = list(nlp.pipe(texts, batch_size=64))
    rules = load_privacy_rules()
    find_privacy(texts[0], docs[0], rules)  # (the lists' first use: made once)
    times = []
    findings = 0
    for _ in range(args.repeat):
        start = time.process_time()
        findings = sum(len(find_privacy(t, d, rules)) for t, d in zip(texts, docs))
        times.append(time.process_time() - start)
    print(f"{len(texts)} texts, {findings} findings: find_privacy CPU best {min(times):.2f} s, "
          f"median {statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
