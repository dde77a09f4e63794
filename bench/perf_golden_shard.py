"""perf38: bench/perf_golden.py in shards, for a loaded machine (several processes get more of it than one).

    PYTHONPATH=src python bench/perf_golden_shard.py K N OUT.json      # perf_golden.findings on every N-th text from K
    python bench/perf_golden_shard.py --merge ALL.json OUT_0.json ...  # one file, written as perf_golden --save writes it

The merged file compares with ``cmp`` against a file made by ``perf_golden.py --save`` (s38 never opened).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if argv[0] == "--merge":
        merged: dict = {}
        for name in argv[2:]:
            merged.update(json.loads(Path(name).read_text(encoding="utf-8")))
        Path(argv[1]).write_text(json.dumps(merged, sort_keys=True, indent=0), encoding="utf-8")
        print(f"{len(merged)} texts, {sum(len(v) for v in merged.values())} findings")
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    import perf_golden

    k, n, dest = int(argv[0]), int(argv[1]), argv[2]
    items = perf_golden.texts({"s39"})[k::n]
    c = time.process_time()
    found = perf_golden.findings(items)
    Path(dest).write_text(json.dumps(found, sort_keys=True, indent=0), encoding="utf-8")
    print(f"shard {k}/{n}: {len(found)} texts, {sum(len(v) for v in found.values())} findings, "
          f"{time.process_time() - c:.0f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
