"""(review s37) Every finding of the checker (over-claim and privacy families) on every example sentence of the
over-claim rules (flag and pass) and on the sentences of tests/language/test_overclaim_oc*.py, as sorted JSON on
stdout: run in two trees and compare with cmp (a smaller stand-in for bench/perf_golden.py when the machine is too
loaded to run that).

    cd TREE && PYTHONPATH=src python bench/review_s37_examples.py > OUT.json
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-r37-"))

from evidencebot.config import CheckerSettings  # noqa: E402
from evidencebot.language.checker import Checker  # noqa: E402
from evidencebot.language.overclaim import load_overclaim_rules  # noqa: E402

rules = load_overclaim_rules()
texts = {e for r in rules.rules for e in r.examples["flag"] + r.examples["pass"]}
for test in sorted(Path("tests/language").glob("test_overclaim_oc*.py")):
    texts |= set(re.findall(r'^\s*\(?"([A-Z][^"\n]{10,}[.!?])"', test.read_text(encoding="utf-8"), re.M))
items = sorted(texts)
checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
found = checker.check_many([(t, "example.txt") for t in items])
out = {t: sorted([f.rule, f.start, f.end, f.message] for f in fs) for t, fs in zip(items, found)}
json.dump(out, sys.stdout, sort_keys=True, indent=0)
print(f"{len(items)} texts, {sum(len(v) for v in out.values())} findings", file=sys.stderr)
