"""Time the board summary as the chat answers it ("a one-page summary of this quarter for the board").

    EVIDENCEBOT_HOME=$(mktemp -d) PYTHONPATH=src python bench/board_bench.py [--db FILE] [--people 400] [--runs 3]

Prints the time of the first request (the checker's rules and spaCy loaded by an earlier "check this"
request, as in the app after start-up, where the language model loads first) and of the next ones,
and where the first one spent its time (the review's assembly, the checks) as cProfile sees it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

REQUEST = "Write a one-page summary of this quarter for the board"


def main() -> None:
    from _demo import bench_database

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database to measure on (default: a demo built in a temporary folder)")
    parser.add_argument("--people", type=int, default=400, help="demo size when no --db is given (the app's demo: 400)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one request")
    args = parser.parse_args()

    from evidencebot.assistant.conversation import Conversation

    with tempfile.TemporaryDirectory() as folder:
        db = bench_database(args.db, Path(folder), args.people)
        path = db.conn.execute("PRAGMA database_list").fetchone()[2]
        db.close()
        conversation = Conversation(path)
        started = time.perf_counter()
        conversation.respond("check this: we reduced admissions by 40% in 2026-Q3")
        print(f"warm-up (checker rules and spaCy loaded): {time.perf_counter() - started:.1f} s")
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            reply = conversation.respond(REQUEST)
            times.append(time.perf_counter() - started)
            if not reply.ok or reply.intent != "board":
                sys.exit(f"the board request failed: {reply.markdown[:200]}")
        print(f"board summary ({reply.payload['period']}): first {times[0]:.1f} s, "
              f"median {statistics.median(times):.1f} s, max {max(times):.1f} s over {len(times)} runs")
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(conversation.respond, REQUEST)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(20)


if __name__ == "__main__":
    main()
