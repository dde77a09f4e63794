"""False-signal rate of the SPC verdict on series with no real change.

Simulated monthly series of independent normal values (nothing changes), with
a recorded service change at several before/after splits. For each split it
prints the share of series whose verdict is special cause (improvement,
concern or neutral) although nothing changed, next to the plain XmR rate (the
same 24 points with no service change recorded), and the share where the
step description calls a level shift. With the rules applied to each segment
on its own (evidencebot since issue 14) the rate at the demo's layout (9
before, 15 after) must stay at or below 5%.

    PYTHONPATH=src python bench/spc_false_alarm.py [--series 4000] [--seed 14]
"""

from __future__ import annotations

import argparse
import random

from evidencebot.metrics.spc import xmr

SPLITS = [(9, 15), (3, 21), (6, 18), (12, 12), (15, 9), (18, 6), (21, 3)]
DEMO = (9, 15)


def rate(rng: random.Random, before: int, after: int, n: int) -> tuple[float, float]:
    signals = shifts = 0
    for _ in range(n):
        values = [rng.gauss(50.0, 5.0) for _ in range(before + after)]
        result = xmr(values, improvement="decrease", rebase_at=[before] if before else [])
        if result.verdict in ("improvement", "concern", "neutral"):
            signals += 1
        if result.step_change and result.step_change.get("level_shift"):
            shifts += 1
    return signals / n, shifts / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    plain, _ = rate(rng, 0, 24, args.series)
    print(f"{args.series} simulated series of 24 months with no real change (normal noise)")
    print(f"plain XmR, no service change recorded: false-signal rate {100 * plain:.1f}%")
    print(f"{'before':>6} {'after':>5} {'false signal':>12} {'level shift':>11}")
    for before, after in SPLITS:
        signal, shift = rate(rng, before, after, args.series)
        mark = "  <- demo layout" if (before, after) == DEMO else ""
        print(f"{before:>6} {after:>5} {100 * signal:>11.1f}% {100 * shift:>10.1f}%{mark}")


if __name__ == "__main__":
    main()
