"""(review s37) named.context_facts and named.fact_naming on every spent question file (the asks taken as its
lettered lines), as sorted JSON on stdout: run in two trees and compare with cmp.

    cd TREE && PYTHONPATH=src python bench/review_s37_named.py > OUT.json
"""
import json
import os
import re
import sys
import tempfile
os.environ["EVIDENCEBOT_HOME"] = tempfile.mkdtemp()
from pathlib import Path
from evidencebot.compose import named
out = {}
for q in sorted(Path("tests/data/heldout").glob("s*/questions/*.md")):
    text = q.read_text(encoding="utf-8")
    asks = [(str(i), m.group(1)) for i, m in enumerate(re.finditer(r"(?m)^\s*(?:[-*]\s*)?\(?[a-z0-9]{1,3}[.)]\s+(.+)$", text))]
    facts = named.context_facts(text, asks)
    row = {k: [[f.sentence, [e.text for e in f.elements]] for f in v] for k, v in facts.items()}
    els = [e for _, a in asks for e in named.in_ask(a)][:40]
    row["naming"] = [named.fact_naming(e, text, asks) for e in els]
    out[str(q)] = row
json.dump(out, sys.stdout, sort_keys=True)
