"""(review s37) Every s35 and s36 question file assembled as `evidencebot assemble tender --db DB --question-file Q -o
OUT --force` would (the CLI's own main(), one process, in the shell loop's order), after `evidencebot demo --db DB`.
Run once per tree and compare the answers with cmp:

    cd TREE && PYTHONPATH=src python bench/review_s37_tenders.py OUTDIR DB [s35,s36]
"""
import os
import sys
from pathlib import Path
out, db = Path(sys.argv[1]), sys.argv[2]
SETS = sys.argv[3].split(",") if len(sys.argv) > 3 else ["s35", "s36"]
out.mkdir(parents=True, exist_ok=True)
from evidencebot.cli import main  # noqa: E402
def run(argv):
    try:
        main(argv)
        return 0
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1
if os.path.exists(db):
    os.remove(db)
print("demo", run(["demo", "--db", db]), flush=True)
for s in SETS:
    for q in sorted(Path(f"tests/data/heldout/{s}/questions").glob("*.md")):
        rc = run(["assemble", "tender", "--db", db, "--question-file", str(q), "-o", str(out / f"{s}-{q.stem}.md"), "--force"])
        print(s, q.stem, "rc", rc, flush=True)
