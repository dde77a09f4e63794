"""Where the test suite's CPU goes, per test file: a pytest plugin and its report.

As a plugin it writes one JSON line per test file and worker (CPU of the worker itself, CPU of the child
processes it waited for, wall time) to the file named by ``SUITE_COSTS_OUT``, plus one ``<start-up>`` line
per worker (CPU used up to the end of collection). A module or session fixture counts in the file that
first uses it. As a script it adds the lines up per file and prints the most expensive files, then the
``LONGEST_FIRST`` lines for tests/conftest.py.

Usage::

    SUITE_COSTS_OUT=/tmp/costs.jsonl PYTHONPATH=src:bench python -m pytest -p suite_costs
    python bench/suite_costs.py /tmp/costs.jsonl [--top 45]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import time

_state: dict = {}


def _now() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, time.perf_counter()


def _write(row: dict) -> None:
    out = os.environ.get("SUITE_COSTS_OUT")
    if out:
        row["worker"] = os.environ.get("PYTEST_XDIST_WORKER", "master")
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")


def _switch(next_file: str | None) -> None:
    now = _now()
    if _state.get("file") is not None:
        before = _state["start"]
        _write({"file": _state["file"], "self": now[0] - before[0], "child": now[1] - before[1],
                "wall": now[2] - before[2]})
    _state["file"], _state["start"] = next_file, now


def pytest_sessionstart(session) -> None:
    _state["boot"] = _now()


def pytest_collection_finish(session) -> None:
    now = _now()
    _write({"file": "<start-up>", "self": now[0], "child": now[1], "wall": now[2] - _state["boot"][2]})


def pytest_runtest_protocol(item, nextitem):
    name = item.nodeid.split("::", 1)[0]
    if _state.get("file") != name:
        _switch(name)


def pytest_sessionfinish(session) -> None:
    _switch(None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("costs", help="the JSON lines the plugin wrote")
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    own, children = collections.Counter(), collections.Counter()
    with open(args.costs, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            own[row["file"]] += row["self"]
            children[row["file"]] += row["child"]
    total = {name: own[name] + children[name] for name in own}
    print(f"{len(total) - ('<start-up>' in total)} files; CPU {sum(own.values()):.1f} s in the workers, "
          f"{sum(children.values()):.1f} s in their child processes")
    print(f"{'total':>7} {'own':>7} {'child':>7}  file")
    ranked = sorted(total, key=lambda name: -total[name])
    for name in ranked[:args.top]:
        print(f"{total[name]:7.1f} {own[name]:7.1f} {children[name]:7.1f}  {name}")
    print("\nLONGEST_FIRST = (")
    for name in [n for n in ranked if n.startswith("tests/")][:args.top]:
        print(f'    "{name.removeprefix("tests/")}",  # {total[name]:.0f}')
    print(")")


if __name__ == "__main__":
    main()
