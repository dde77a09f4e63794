"""Checking a 2,000-word draft against a large service (issue: claims against evidence).

Target: a 2,000-word draft checked against a ``demo --people 50000 --months 60``
database in <= 1.5 s warm: the indicator results are cached per period while the
data are unchanged, and every timed run uses a *fresh* draft (different
figures), so the checker's paragraph cache cannot help. Printed:

* cold: the first check (indicators computed for every period the draft names);
* warm: the median of the next runs, evidence family only and the full checker
  (over-claim, privacy and evidence);
* the ratio of the warm full check to a bare ``nlp.pipe`` over the same text in
  the same run.

Usage: python bench/evidence_bench.py [--db PATH] [--people N] [--months M] [--runs R]
(without --db the demo database is built in a temporary folder first).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from metrics_bench import build  # bench/ is on sys.path when run as a script

SENTENCES = [
    "In {q}, {a} of {b} discharges were followed up within 72 hours.",
    "Follow-up within 48 hours reached {p}% of discharges in {q}.",
    "Missed appointments fell from {p}% to {p2}% of planned contacts between {q0} and {q}.",
    "The median escalation-to-review time was {h} hours in {q}.",
    "There were {r} crisis events per 100 people on the caseload in {q}.",
    "Repeat crisis use fell by {c}% in {q}.",
    "Readmissions within 30 days were {p}% in {q} (n = {b}).",
    "Our duty worker calls back the same day, and escalation decisions are logged with the rationale.",
    "The team reviews every escalation in supervision and agrees the next step with the person.",
    "We aim to keep contact through the first twelve weeks after discharge, with planned visits tapered as stability returns.",
    "Housing was confirmed at discharge for {p}% of people in {q}.",
    "Crisis plans reviewed in the last six months covered {p}% of the caseload in {q}.",
]
QUARTERS = ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026-Q2", "2026-Q1"]


def make_draft(seed: int, words: int = 2000) -> str:
    rnd = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rnd.randint(3, 5)):
            q = rnd.choice(QUARTERS[1:])
            s = rnd.choice(SENTENCES).format(
                q=q, q0=QUARTERS[0], a=rnd.randint(20, 80), b=rnd.randint(81, 120), p=rnd.randint(5, 95),
                p2=rnd.randint(5, 95), h=rnd.randint(10, 70), r=round(rnd.uniform(1, 20), 1), c=rnd.randint(5, 50),
            )
            sentences.append(s)
            count += len(s.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--people", type=int, default=50000)
    ap.add_argument("--months", type=int, default=60)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db_path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    if not db_path.exists():
        build(db_path, args.people, args.months)

    from evidencebot.evidence.family import EvidenceFamily
    from evidencebot.language.checker import Checker
    from evidencebot.language.pipeline import get_nlp, pipe
    from evidencebot.store.db import connect

    get_nlp()
    db = connect(db_path)
    family = EvidenceFamily(db)
    evidence_only = Checker(families=[], extra={"evidence": family})
    full = Checker(extra={"evidence": family})

    first = make_draft(0)
    print(f"draft: {len(first.split())} words, {len(first)} characters")
    t = time.perf_counter()
    findings = full.check_text(first)
    cold = time.perf_counter() - t
    print(f"cold (indicators computed): {cold:.2f} s, {len(findings)} findings")

    ev, whole, bare = [], [], []
    for run in range(1, args.runs + 1):
        draft = make_draft(run)
        t = time.perf_counter()
        evidence_only.check_text(draft)
        ev.append(time.perf_counter() - t)
        draft = make_draft(1000 + run)
        t = time.perf_counter()
        full.check_text(draft)
        whole.append(time.perf_counter() - t)
        # the same draft again, bare: the ratio below compares like with like
        t = time.perf_counter()
        for _ in pipe([p for p in draft.split("\n\n") if p.strip()]):
            pass
        bare.append(time.perf_counter() - t)
    print(f"warm, evidence family only: median {statistics.median(ev):.3f} s over {args.runs} fresh drafts")
    print(f"warm, full checker:         median {statistics.median(whole):.3f} s (target <= 1.5 s)")
    print(f"bare nlp.pipe, same drafts: median {statistics.median(bare):.3f} s; "
          f"ratio full/bare {statistics.median(whole) / statistics.median(bare):.2f}")


if __name__ == "__main__":
    main()
