#!/bin/bash
# bench/intake_s30.sh : question intake on the intake dev set (split) and every spent / labelled question set
# run from the worktree root: bash bench/intake_s30.sh [--show]
PY=/work/main/.venv/bin/python; export PYTHONPATH=src
D=tests/data/labelled/intake_dev29/questions_dev29.jsonl
run() { printf '%-58s ' "$1"; shift; $PY bench/question_intake.py "$@" | sed -n 2p; }
run "dev29 d01-d27 (tune)" $D --range d01-d27
[ "$HELD" = 1 ] && run "dev29 d28-d40 (own held-out)" $D --range d28-d40
for f in tests/data/heldout/s2*/questions_*.jsonl tests/data/labelled/questions_*.jsonl; do run "$f" $f; done
