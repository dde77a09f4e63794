"""The buyer's named sites in drafted answers: ours named, partners' misused (issue 12, session 29).

    PYTHONPATH=src python bench/places_named.py ANSWERS [--sets s21,...,s28] [--rows]

ANSWERS holds one folder per spent set (``ANSWERS/s28/q01.md``, as ``evidencebot assemble tender --question-file
tests/data/heldout/s28/questions/q01.md -o ANSWERS/s28/q01.md`` writes them). For each set the sites are read from all
its question files (:func:`places.read`: those the buyer says the provider runs, those partners run). Per answer:

- run named: how many of the buyer's run-sites the answer names;
- misuse: sentences that treat a site we run as a partner ('an information sharing agreement with the Foundry Hub',
  :func:`places.partner_misuse`) plus sentences that claim a partner's site as ours ('we will run Sunbridge House',
  'our Moorside Family Health Centre');
- generic: our generic place words left where the buyer names sites we run ('in each locality', 'at each base',
  'our bases', 'at the hub').
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from evidencebot.compose import places

ROOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "heldout"
GENERIC = re.compile(r"\b(?:in|at)\s+(?:each|every)\s+(?:locality|base)\b(?!\s+team)|\bour\s+bases\b|\bat\s+the\s+hub\b",
                     re.I)


def sentences(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]


def claims_partner(sentence: str, sites: places.Sites) -> str:
    for s in sites.partner:
        if re.search(r"\b(?:we\s+(?:will\s+)?(?:run|operate)|our)\s+(?:the\s+)?" + re.escape(s.name), sentence, re.I):
            return s.said
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("answers", type=Path)
    ap.add_argument("--sets", default=",".join(f"s{n}" for n in range(21, 29)))
    ap.add_argument("--rows", action="store_true", help="print a row per answer")
    a = ap.parse_args(argv)
    total = {"answers": 0, "naming": 0, "named": 0, "possible": 0, "misuse": 0, "generic": 0}
    print("| set | run-sites (buyer) | partner sites | answers | naming >=1 | run-sites named | misuses | generic left |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    rows = []
    for name in a.sets.split(","):
        qdir = ROOT / name / "questions"
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(qdir.glob("*.md")))
        sites = places.read(text)
        c = {"answers": 0, "naming": 0, "named": 0, "misuse": 0, "generic": 0}
        for answer in sorted((a.answers / name).glob("q[0-9][0-9].md")):
            body = answer.read_text(encoding="utf-8")
            named = places.named(body, sites.run)
            bad = [s for s in sentences(body) if places.partner_misuse(s, sites) or claims_partner(s, sites)]
            generic = len(GENERIC.findall(body)) if sites.delivery() else 0
            c["answers"] += 1
            c["naming"] += bool(named)
            c["named"] += len(named)
            c["misuse"] += len(bad)
            c["generic"] += generic
            if a.rows:
                rows.append(f"{name}/{answer.name}: named {[s.name for s in named]} misuse {bad} generic {generic}")
        print(f"| {name} | {', '.join(s.said for s in sites.run) or '-'} | {len(sites.partner)} | {c['answers']} | "
              f"{c['naming']} | {c['named']} of {c['answers'] * len(sites.run)} | {c['misuse']} | {c['generic']} |")
        for k in c:
            total[k] += c[k]
        total["possible"] += c["answers"] * len(sites.run)
    print(f"\nall: answers {total['answers']}, naming a run-site {total['naming']}, run-sites named {total['named']} of "
          f"{total['possible']}, misuses {total['misuse']}, generic place words left {total['generic']}")
    if rows:
        print("\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
