"""Session 29's over-claim bench (bench/oc_s29.md): bench/overclaim_sets.py with s26-s29 held out.

    PYTHONPATH=src python bench/overclaim_oc29.py --save /tmp/oc29/after.json [--with-heldout]
    PYTHONPATH=src python bench/overclaim_oc29.py --diff /tmp/oc29/base.json /tmp/oc29/after.json [--show]
"""

from overclaim_sets import main

if __name__ == "__main__":
    main(held=("s26", "s27", "s28", "s29"), kinds=("causal_fact", "credit_taking"))
