#!/bin/bash
# bench/intake_s31.sh : question intake on the two intake dev sets (tuning parts) and every spent / labelled question set
# run from the worktree root: bash bench/intake_s31.sh ; HELD=1 adds the two held-out parts (dev31 q21-q30, dev29 d28-d40)
PY=/work/main/.venv/bin/python; export PYTHONPATH=src
D31=tests/data/labelled/intake_dev31/questions_dev31.jsonl
D29=tests/data/labelled/intake_dev29/questions_dev29.jsonl
run() { printf '%-58s ' "$1"; shift; $PY bench/question_intake.py "$@" | sed -n 2p; }
run "dev31 q01-q20 (tune)" $D31 --range q01-q20
run "dev29 d01-d27 (tune)" $D29 --range d01-d27
if [ "$HELD" = 1 ]; then
  run "dev31 q21-q30 (own held-out)" $D31 --range q21-q30
  run "dev29 d28-d40 (own held-out)" $D29 --range d28-d40
fi
for f in tests/data/heldout/s*/questions_*.jsonl tests/data/heldout/questions_heldout.jsonl tests/data/labelled/questions_*.jsonl; do run "$f" $f; done
