"""Session 37: the static check of bench/consist_s37_static.py over every question folder under tests/data (spent and dev)."""
import glob
import yaml
import os
from unittest import mock
from evidencebot.compose import buyer_scope as b, buyer_standards as bs
from evidencebot.text import sentences
bodies = []
for p in sorted(glob.glob("corpus/library/*.yaml")):
    for blk in (yaml.safe_load(open(p)) or {}).get("blocks") or []:
        bodies += sentences(" ".join(str(blk.get("body") or "").split()))
dirs = sorted({os.path.dirname(p) for p in glob.glob("tests/data/**/q*.md", recursive=True)})
tot = 0
for d in dirs:
    buyer = "\n".join(open(q).read() for q in sorted(glob.glob(f"{d}/q*.md")))
    sts = [st for st in bs.read(buyer) if st.kind == "timescale"]
    new = {x: bs.hold(x, sts)[0] for x in bodies}
    with mock.patch.object(bs, "_runs_later", lambda o, t: False):
        old = {x: bs.hold(x, sts)[0] for x in bodies}
    changed = [x for x in bodies if new[x] != old[x]]
    e, r, df = b.elsewhere(buyer), b.data_route(buyer), b.defined(buyer)
    if changed or e or r or df:
        tot += 1
        print(d, len(changed), e[:3], r, df)
        for x in changed[:3]:
            print("   ", x[:140], "\n    ->", new[x][:140])
print(len(dirs), "dirs;", tot, "touched")
