"""Session 30's over-claim bench (bench/oc_s30.md): bench/overclaim_sets.py with s28 and s29 held out.

    PYTHONPATH=src python bench/overclaim_oc30.py --save /tmp/oc30/after.json [--with-heldout] [--misses KIND]
    PYTHONPATH=src python bench/overclaim_oc30.py --diff /tmp/oc30/base.json /tmp/oc30/after.json [--show]
"""

from overclaim_sets import main

if __name__ == "__main__":
    main(held=("s28", "s29"), kinds=("causal_fact", "credit_taking", "certainty_absolute", "counterfactual"))
