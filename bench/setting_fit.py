"""Placed blocks that take for granted a setting the buyer never names (a crisis house, a ward, villages, ...).

    PYTHONPATH=src python bench/setting_fit.py [--sets s21,...,s28] [--src PATH] [--db PATH] [--show]

The s28 blind panel (tests/data/heldout/s28/panel) read a crisis house's follow-up ('before anyone leaves the house')
under 'a person who does not attend' in a community service with two hubs, a group 'so people in rural areas can
join' for a city, and 'weekly groups in each locality' where the buyer names hubs. Each spent set's questions
(``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft --all`` drafts one tender (one
``TenderShared``, the whole questionnaire as buyer context) with the source tree ``--src`` (default this checkout's
``src``; give another checkout's to measure it before a change).

The settings are read by this script's own matcher from ``phrasebank/settings.yaml`` (not by the assembler's code),
and every placed block's text from the shipped library (``corpus/library/blocks*.yaml``). Printed per set and in total:

* blocks placed, and of them those taking for granted a setting (block scope) the buyer's text never names;
* answer sentences saying a sentence-scoped setting ('each locality') to a buyer who names hubs or bases instead;
* parts left to write (a writer's marker '[To write: ...]'), the cost of keeping blocks out.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"\[To write[^\]]*\]")


def _pattern(phrases) -> re.Pattern | None:
    words = sorted({" ".join(str(p).replace("’", "'").split()) for p in phrases or []} - {""}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", w)))
                                                   for w in words) + r")(?![\w-])", re.I)


def load_settings(path: Path) -> list[dict]:
    out = []
    for name, spec in ((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("settings") or {}).items():
        out.append({"name": str(name), "cues": _pattern(spec.get("cues")), "named": _pattern(spec.get("named_by")),
                    "instead": _pattern(spec.get("instead_of")), "sentence": spec.get("scope") == "sentence"})
    return out


def buyer_names(setting: dict, text: str) -> bool:
    if setting["named"].search(text):
        return True
    return setting["instead"] is not None and not setting["instead"].search(text)


def library(root: Path) -> dict[str, dict]:
    blocks = {}
    for f in sorted((root / "corpus/library").glob("blocks*.yaml")):
        for b in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("blocks") or []:
            blocks[b["id"]] = b
    return blocks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="s21,s22,s23,s24,s25,s26,s27,s28")
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--db")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.src)
    sys.path.insert(1, str(ROOT / "bench"))
    from evidencebot.compose.tender import TenderShared, assemble_tender
    from _demo import bench_database

    table = load_settings(ROOT / "phrasebank" / "settings.yaml")
    blocks = library(ROOT)
    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    started = time.perf_counter()
    keys = ("answers", "placed", "unnamed", "sentences", "gaps")
    tot = dict.fromkeys(keys, 0)
    for set_name in args.sets.split(","):
        files = sorted((ROOT / "tests/data/heldout" / set_name / "questions").glob("q[0-9]*.md"))
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        named = {s["name"] for s in table if buyer_names(s, whole)}
        shared = TenderShared()
        n = dict.fromkeys(keys, 0)
        for f, text in zip(files, texts):
            try:
                ans = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{f.stem}: not drafted ({exc})")
                continue
            n["answers"] += 1
            n["gaps"] += len(MARKER.findall(ans.markdown))
            for bid in ans.blocks:
                b = blocks.get(bid)
                if b is None:
                    continue
                n["placed"] += 1
                heads = " ".join([b.get("title", ""), *map(str, b.get("tags") or [])])
                said = f"{heads} {b.get('body', '')} {b.get('means', '')}"
                wrong = [s["name"] for s in table if s["name"] not in named and s["cues"].search(said)
                         and (not s["sentence"] or s["cues"].search(heads))]
                if wrong:
                    n["unnamed"] += 1
                    if args.show:
                        print(f"  {set_name}/{f.stem} BLOCK {bid}: {', '.join(wrong)}")
            body = MARKER.sub(" ", ans.markdown)
            for sentence in re.split(r"(?<=[.!?])\s+", body):
                wrong = [s["name"] for s in table if s["sentence"] and s["name"] not in named and s["cues"].search(sentence)]
                if wrong and not sentence.lstrip().startswith(("#", "|")):
                    n["sentences"] += 1
                    if args.show:
                        print(f"  {set_name}/{f.stem} SENTENCE {' '.join(sentence.split())[:110]}")
        print(f"{set_name}: {n['answers']} answers, {n['placed']} blocks placed, {n['unnamed']} take for granted a "
              f"setting the buyer never names; sentences saying an unnamed setting {n['sentences']}; parts to write "
              f"{n['gaps']}  (buyer names: {', '.join(sorted(named)) or '-'})")
        for k in keys:
            tot[k] += n[k]
    print(f"all: {tot['answers']} answers, {tot['placed']} blocks placed, {tot['unnamed']} unnamed setting; sentences "
          f"{tot['sentences']}; parts to write {tot['gaps']} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
