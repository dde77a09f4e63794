"""Who does what, as the buyer set it (issue 12, session 30): over every spent set's question files (one tender a
set; the whole tender is the buyer's text, as the assembler reads it), how many of the buyer's facts the readers find:
a named body holding the contract for a thing (named.duties, by a body), a rule that all referrals of a kind come
through a named route (named.routes), and buyer frequencies said of a place (frequencies.read_buyer: with a place
word; for the rest of the places). Run from a worktree: PYTHONPATH=src python bench/who_s30.py [sets root ...]."""

from __future__ import annotations

import sys
from pathlib import Path

from evidencebot.compose import frequencies
from evidencebot.compose import named as N


def main(roots: list[str]) -> None:
    total = [0, 0, 0, 0, 0]
    for root in roots:
        for qdir in sorted(Path(root).glob("*/questions")):
            text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(qdir.glob("*.md")))
            if not text:
                continue
            held = [d for d in N.duties(text) if d.by]
            ways = N.routes(text)
            freqs = frequencies.read_buyer(text)
            placed = [f for f in freqs if f.places]
            rest = [f for f in freqs if f.rest]
            row = [len(held), len(ways), len(freqs), len(placed), len(rest)]
            total = [a + b for a, b in zip(total, row)]
            if any(row[:2]) or row[3]:
                print(f"{qdir.parent.name:8} bodies={row[0]} routes={row[1]} freqs={row[2]} placed={row[3]} rest={row[4]}")
                for d in held:
                    print(f"    body: {d.by} <- {d.names[0]}")
                for r in ways:
                    print(f"    route: {r.route} ({len(r.referrers)} referrer words)")
    print(f"TOTAL bodies={total[0]} routes={total[1]} freqs={total[2]} placed={total[3]} rest={total[4]}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/data/heldout"])
