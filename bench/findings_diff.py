"""Are the checker's findings unchanged? Runs the checker (over-claim and privacy) on every text of the
development sets and diffs the findings against another source tree's.

    python bench/findings_diff.py --compare /work/wt/before19/src      # this tree against that one
    python bench/findings_diff.py --ref HEAD~1                          # this tree against a commit of it
    python bench/findings_diff.py --save findings.json [--src DIR]     # write one tree's findings
    python bench/findings_diff.py --against findings.json              # this tree against a saved file

Texts: each ``text`` of every ``.jsonl`` file under tests/data/heldout and tests/data/labelled, checked
on its own (as bench/heldout.py scores them), every ``.md`` and ``.txt`` document there (README.md
aside) checked as a whole file, and the 20,000-word document of bench/check_bench.py. A finding is
compared whole: rule, family, severity, message, offsets, line, column, match and suggestions.
Prints "identical findings on N texts (M findings)" or each text whose findings differ (its id and
the findings only one side has), and exits 1 when any differ. A speed change must leave this silent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("tests/data/heldout", "tests/data/labelled")


def texts_of(paths: list[Path]) -> list[tuple[str, str, str]]:
    """``(id, path for the markup, text)`` for each text of ``paths`` (a JSONL row's "text", a whole .md or .txt file;
    READMEs left out), in the order given, then the check bench's document."""
    out: list[tuple[str, str, str]] = []
    for path in paths:
        rel = str(path.relative_to(ROOT))
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                if not line.strip():
                    continue
                row = json.loads(line)
                if isinstance(row, dict) and isinstance(row.get("text"), str):
                    out.append((f"{rel}:{n + 1}", "-", row["text"]))
        elif path.suffix in (".md", ".txt") and path.name != "README.md":
            out.append((rel, path.name, path.read_text(encoding="utf-8")))
    sys.path.insert(0, str(ROOT / "bench"))
    import check_bench

    out.append(("bench/check_bench.py document", "bench.md", check_bench.build_document(20000)))
    return out


def texts() -> list[tuple[str, str, str]]:
    """Every text checked, in a fixed order: each file under ``SETS``."""
    return texts_of([path for root in SETS for path in sorted((ROOT / root).rglob("*"))])


def findings(src: str) -> dict[str, list[list]]:
    """Each text's findings, checked with the evidencebot package under ``src``."""
    sys.path.insert(0, src)
    os.environ.setdefault("EVIDENCEBOT_HOME", tempfile.mkdtemp(prefix="evidencebot-diff-"))
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    import evidencebot

    if not str(Path(evidencebot.__file__).resolve()).startswith(str(Path(src).resolve())):
        raise SystemExit(f"imported {evidencebot.__file__}, not the package under {src}")
    checker = Checker(settings=CheckerSettings(), families=["overclaim", "privacy"])
    items = texts()
    out: dict[str, list[list]] = {}
    batch = 200
    for k in range(0, len(items), batch):
        part = items[k:k + batch]
        found = checker.check_many([(text, path) for _, path, text in part])
        for (key, _, _), fs in zip(part, found):
            out[key] = [[f.rule, f.family, f.severity, f.message, f.start, f.end, f.line, f.column, f.match,
                         list(f.suggestions)] for f in fs]
    return out


def diff(old: dict[str, list[list]], new: dict[str, list[list]]) -> int:
    """Print the differences (or that there are none); the number of texts that differ."""
    differ = 0
    for key in sorted(set(old) | set(new)):
        a = [json.dumps(f) for f in old.get(key, [])]
        b = [json.dumps(f) for f in new.get(key, [])]
        if a == b:
            continue
        differ += 1
        if key not in old or key not in new:
            print(f"{key}: only {'after' if key not in old else 'before'} has this text")
            continue
        print(f"{key}:")
        for f in a:
            if f not in b:
                print(f"  - {f}")
        for f in b:
            if f not in a:
                print(f"  + {f}")
        if sorted(a) == sorted(b):
            print("  (the same findings in another order)")
    if not differ:
        print(f"identical findings on {len(new)} texts ({sum(len(v) for v in new.values())} findings)")
    else:
        print(f"{differ} of {len(new)} texts have different findings")
    return differ


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(ROOT / "src"), help="the source tree to check with (default: this one)")
    ap.add_argument("--save", help="write the findings to this JSON file")
    ap.add_argument("--against", help="compare with findings saved by --save")
    ap.add_argument("--compare", help="compare with the findings of the source tree in this folder (run in a "
                                      "process of its own)")
    ap.add_argument("--ref", help="compare with the findings of this git commit of the repository (its src/ and data "
                                  "folders, taken out with git archive into a temporary folder)")
    args = ap.parse_args(argv)
    if args.ref:
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref, "src", "phrasebank", "templates",
                                      "corpus"], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            return main(["--compare", os.path.join(tmp, "src"), "--src", args.src])
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            saved = os.path.join(tmp, "before.json")
            env = dict(os.environ, PYTHONPATH=args.compare)
            subprocess.run([sys.executable, __file__, "--src", args.compare, "--save", saved], check=True, env=env)
            old = json.loads(Path(saved).read_text(encoding="utf-8"))
        return 1 if diff(old, findings(args.src)) else 0
    new = findings(args.src)
    if args.save:
        Path(args.save).write_text(json.dumps(new), encoding="utf-8")
        print(f"saved the findings on {len(new)} texts ({sum(len(v) for v in new.values())} findings) to {args.save}")
    if args.against:
        return 1 if diff(json.loads(Path(args.against).read_text(encoding="utf-8")), new) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
