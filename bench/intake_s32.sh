#!/bin/bash
# bench/intake_s32.sh : question intake on the tuning part of the s32 dev set, the earlier dev sets' tuning parts and
# every spent / labelled question set, one line each (sub-points with gates, P/R and counts).
# Run from the worktree root: bash bench/intake_s32.sh ; SRC=/path/to/other/src for another tree's code ("before");
# HELD=1 adds the three held-out parts (dev32 q21-q30, dev31 q21-q30, dev29 d28-d40): measure them once at the start
# and once at the end only.
PY=/work/main/.venv/bin/python; export PYTHONPATH=${SRC:-src}
D32=tests/data/labelled/intake_dev32/questions_dev32.jsonl
D31=tests/data/labelled/intake_dev31/questions_dev31.jsonl
D29=tests/data/labelled/intake_dev29/questions_dev29.jsonl
run() { printf '%-58s ' "$1"; shift; $PY bench/question_intake.py "$@" | if [ "$FULL" = 1 ]; then sed -n '2p;4,6p' | tr '\n' ' '; echo; else sed -n 2p; fi; }
run "dev32 q01-q20 (tune)" $D32 --range q01-q20
run "dev31 q01-q20 (tuned in s31)" $D31 --range q01-q20
run "dev29 d01-d27 (tuned in s30)" $D29 --range d01-d27
if [ "$HELD" = 1 ]; then
  run "dev32 q21-q30 (own held-out)" $D32 --range q21-q30
  run "dev31 q21-q30 (held-out)" $D31 --range q21-q30
  run "dev29 d28-d40 (held-out)" $D29 --range d28-d40
fi
for f in tests/data/heldout/s*/questions_*.jsonl tests/data/heldout/questions_heldout.jsonl tests/data/labelled/questions_*.jsonl; do run "$f" $f; done
