"""The privacy family's CPU time, this tree against an older commit's privacy.py, in one process (prints numbers).

    python bench/privacy_ab.py [--base REV] [--words 20000] [--repeat 3]

On a shared machine two runs of the same code differ by 30% or more (two processes started a minute apart
see different loads), far more than most changes to the rules save. Here both versions run in this one
process on the same parsed paragraphs of bench/check_bench.py's document, alternating paragraph by paragraph,
so the load falls on both alike; the findings of the two are compared as well (they must be the same for a
change made for speed). The old module is ``git show REV:src/evidencebot/language/privacy.py`` loaded
under another name; it uses this tree's other modules, so REV should differ from this tree only in
privacy.py and what it alone imports.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="main", help="the commit whose privacy.py is the old version (default main)")
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-bench-"))

    import check_bench

    from evidencebot.language import pipeline
    from evidencebot.language import privacy as new
    from evidencebot.language.markdown import extract_blocks

    source = subprocess.run(["git", "show", f"{args.base}:src/evidencebot/language/privacy.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as fh:
        fh.write(source)
    spec = importlib.util.spec_from_file_location("privacy_base", fh.name)
    old = importlib.util.module_from_spec(spec)
    sys.modules["privacy_base"] = old
    spec.loader.exec_module(old)
    os.unlink(fh.name)

    text = check_bench.build_document(args.words)
    blocks = list(dict.fromkeys(b.text for b in extract_blocks(text)))
    docs = [(piece, doc) for pieces in pipeline.pipe_blocks(blocks) for _, piece, doc in pieces]
    rules_old, rules_new = old.load_privacy_rules(), new.load_privacy_rules()
    old.find_privacy("A warm-up.", None, rules_old)
    new.find_privacy("A warm-up.", None, rules_new)
    t_old = t_new = 0.0
    differ = findings = 0
    clock = time.thread_time
    for _ in range(args.repeat):
        for piece, doc in docs:
            t = clock()
            a = old.find_privacy(piece, doc=doc, rules=rules_old)
            t_old += clock() - t
            t = clock()
            b = new.find_privacy(piece, doc=doc, rules=rules_new)
            t_new += clock() - t
            key = [(f.rule, f.start, f.end, f.severity, f.message) for f in a]
            differ += key != [(f.rule, f.start, f.end, f.severity, f.message) for f in b]
            findings += len(b)
    n = args.repeat
    print(f"{len(docs)} paragraphs, {findings // n} findings; paragraphs whose findings differ: {differ // n}")
    print(f"privacy CPU per pass: {args.base} {t_old / n:.3f} s, this tree {t_new / n:.3f} s ({t_new / t_old - 1:+.1%})")


if __name__ == "__main__":
    main()
