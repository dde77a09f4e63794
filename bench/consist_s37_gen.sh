#!/bin/bash
# gen.sh TREE TAG SET... : fresh demo db, assemble every question of each set into /tmp/c37/TAG/<set>_qNN.md
TREE=$1; TAG=$2; shift 2
cd $TREE
OUT=/tmp/c37/$TAG; mkdir -p $OUT
DB=/tmp/c37/$TAG.db; rm -f $DB
PYTHONPATH=src /work/main/.venv/bin/python -m evidencebot demo --db $DB > $OUT/demo.log 2>&1
for S in "$@"; do
  for Q in tests/data/heldout/$S/questions/q[0-9][0-9].md; do
    b=$(basename $Q .md)
    PYTHONPATH=src /work/main/.venv/bin/python -m evidencebot assemble tender --db $DB --question-file $Q > $OUT/${S}_$b.md 2> $OUT/${S}_$b.err
    echo "$S $b rc=$?" >> $OUT/rc.txt
  done
done
echo done >> $OUT/rc.txt
