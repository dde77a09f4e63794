"""Session 37: the new passes (buyer_scope; the later-clock hold) applied to the library's sentences against each spent set's buyer text.

    PYTHONPATH=src python bench/consist_s37_static.py
"""
import glob
import yaml
from unittest import mock
from evidencebot.compose import buyer_scope as b, buyer_standards as bs
from evidencebot.text import sentences
bodies = []
for p in sorted(glob.glob("corpus/library/*.yaml")):
    for blk in (yaml.safe_load(open(p)) or {}).get("blocks") or []:
        bodies += sentences(" ".join(str(blk.get("body") or "").split()))
for s in ["s30", "s31", "s32", "s33", "s34", "s35", "s36"]:
    buyer = "\n".join(open(q).read() for q in sorted(glob.glob(f"tests/data/heldout/{s}/questions/q*.md")))
    sts = [st for st in bs.read(buyer) if st.kind == "timescale"]
    new = {x: bs.hold(x, sts)[0] for x in bodies}
    with mock.patch.object(bs, "_runs_later", lambda o, t: False):
        old = {x: bs.hold(x, sts)[0] for x in bodies}
    changed = [x for x in bodies if new[x] != old[x]]
    print(s, "elsewhere", b.elsewhere(buyer), "route", b.data_route(buyer), "defined", b.defined(buyer),
          "| block sentences held by the later-clock rule:", len(changed))
    for x in changed:
        print("   ", x[:160], "\n    ->", new[x][:160])
