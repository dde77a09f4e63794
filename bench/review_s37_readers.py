"""(review s37) site_roles.read, places.read, nations.read, partner_kinds.kind_of and settings.named_for on the
question files of the sets in $SETS (default s34,s35,s36; named_for: each file against its whole set's text), as
JSON on stdout: run in two trees and compare with cmp.

    cd TREE && SETS=s34,s35,s36 PYTHONPATH=src python bench/review_s37_readers.py > OUT.json
"""
import json
import os
import sys
import tempfile
os.environ["EVIDENCEBOT_HOME"] = tempfile.mkdtemp()
from pathlib import Path
from evidencebot.compose import named, nations, partner_kinds, places, settings, site_roles
out = {}
sets = {}
for q in sorted(p for s in os.environ.get("SETS", "s34,s35,s36").split(",") for p in Path(f"tests/data/heldout/{s}/questions").glob("*.md")):
    sets.setdefault(q.parent, []).append(q)
for files in sets.values():
    whole = "\n".join(f.read_text(encoding="utf-8") for f in files)
    for q in files:
        text = q.read_text(encoding="utf-8")
        row = {"roles": [[p.name, p.role, p.schedule, p.hours] for p in site_roles.read(text)],
               "sites": [[s.name, s.the] for s in places.read(text).run] + [["partner", s.name] for s in places.read(text).partner],
               "nation": list(nations.read(text)),
               "kinds": [[e.text, partner_kinds.kind_of(e.text)] for e in named.in_ask(text) if e.kind == "name"][:60],
               "settings": sorted(settings.named_for(text, whole))}
        out[str(q)] = row
json.dump(out, sys.stdout, sort_keys=True, indent=0)
