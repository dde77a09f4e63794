"""(review s37) CPU microseconds a call of site_roles.walk_in, partner_kinds.kind_of and nations.read (5,000 calls
each, after one warm call): what reading the phrasebank file's state on each call costs.

    cd TREE && PYTHONPATH=src python bench/review_s37_calls.py
"""
import os
import tempfile
import time
os.environ["EVIDENCEBOT_HOME"] = tempfile.mkdtemp()
from evidencebot.compose import site_roles, partner_kinds, nations
for f, name in ((lambda: site_roles.walk_in("People may walk in."), "site_roles.walk_in"),
                (lambda: partner_kinds.kind_of("the Patient and Client Council"), "partner_kinds.kind_of"),
                (lambda: nations.read("The health board in Wales"), "nations.read")):
    f()
    t = time.process_time()
    for _ in range(5000):
        f()
    print(f"{name}: {(time.process_time() - t) / 5000 * 1e6:.1f} us a call")
