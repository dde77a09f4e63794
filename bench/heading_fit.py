"""Headings over text that does not answer them: a part headed with a group of people, and text that never names it.

    PYTHONPATH=src python bench/heading_fit.py [--sets s25,s26,s27] [--src PATH] [--db PATH] [--show]

The s27 blind panel's most common "Not" (tests/data/heldout/s27/panel): 'Making the service accessible to seasonal
workers living in caravans' over text about prison release, 'Older carers and carers in poor health' over text about
young carers. Each spent set's questions (``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft
--all`` drafts one tender (one ``TenderShared``, the whole questionnaire as buyer context), with the source tree
``--src`` (default this checkout's ``src``: give another checkout's to measure it, e.g. the main branch before a change).

Every heading of every answer is read as the panel reads it. When it names a group of people from
``phrasebank/groups.yaml`` (read here by this script's own matcher, each name whole, the longest first, not by the
assembler's code; a group inside a document's name, 'the Homelessness Reduction Act 2017', is not one), its text (up to the next heading, writer's markers such as '[To write: ...]' left out) is:

* *answering* when it names one of the heading's groups;
* *not answering* when it holds text and names none of them (the count the panel's "Not" was about);
* *a gap* when it holds only a writer's marker (honest: nothing placed).

Printed per set and in total: group headings, not answering, gaps, and paragraphs under group headings that name none
of the heading's groups. ``--show`` lists each heading not answered with its first words, ``--paras`` each such
paragraph.
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
MARKER = re.compile(r"\[To (?:write|confirm)[^\]]*\]")


def _names(path: Path) -> list[tuple[str, re.Pattern]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for group, spec in (data.get("groups") or {}).items():
        for name in (spec or {}).get("names") or []:
            name = " ".join(str(name).replace("’", "'").split())
            words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
            tail = "" if name.endswith(("s", "+")) else "(?:s|es)?"
            flags = 0 if (len(words) == 1 and name[:1].isupper()) else re.I
            out.append((len(name), str(group), re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + tail + r"(?![\w+-])", flags)))
    return [(g, p) for _, g, p in sorted(out, key=lambda t: -t[0])]


def _documents(path: Path) -> re.Pattern:
    """A document's or law's name ('the Homelessness Reduction Act 2017'): a group inside it is not what a heading
    asks about (the phrasebank's ``document_heads``)."""
    heads = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("document_heads") or []
    alt = "|".join(re.escape(str(h)) for h in heads) or "(?!)"
    return re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|on|&)\s+)?){1,6}(?:" + alt + r")\b(?:\s+\d{4})?")


def groups_in(text: str, names) -> set[str]:
    text = text.replace("’", "'")
    taken: list[tuple[int, int]] = []
    found = set()
    for group, pattern in names:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.add(group)
    return found


def parts(markdown: str) -> list[tuple[str, str]]:
    """(heading, text under it) for every heading below the answer's title."""
    out = []
    for m in re.finditer(r"(?m)^(#{2,6}) (.+)\n((?:(?!^#{1,6} ).*\n?)*)", markdown):
        out.append((m.group(2).strip(), m.group(3)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="s25,s26,s27")
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--db")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--paras", action="store_true", help="print each paragraph under a group heading naming none")
    args = ap.parse_args(argv)
    sys.path.insert(0, args.src)
    sys.path.insert(1, str(ROOT / "bench"))
    from evidencebot.compose.tender import TenderShared, assemble_tender
    from _demo import bench_database

    names = _names(ROOT / "phrasebank" / "groups.yaml")
    documents = _documents(ROOT / "phrasebank" / "groups.yaml")
    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    started = time.perf_counter()
    tot = {"headings": 0, "group": 0, "not": 0, "gap": 0, "paras": 0, "bad_paras": 0}
    for set_name in args.sets.split(","):
        files = sorted((ROOT / "tests/data/heldout" / set_name / "questions").glob("q[0-9]*.md"))
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        shared = TenderShared()
        n = dict.fromkeys(tot, 0)
        for f, text in zip(files, texts):
            try:
                ans = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{f.stem}: not drafted ({exc})")
                continue
            for heading, body in parts(ans.markdown):
                n["headings"] += 1
                asked = groups_in(documents.sub(" ", heading), names)
                if not asked:
                    continue
                n["group"] += 1
                said = MARKER.sub(" ", body)
                paras = [p for p in re.split(r"\n\s*\n", said) if p.strip() and not p.strip().startswith("|")]
                if not paras:
                    n["gap"] += 1
                    continue
                n["paras"] += len(paras)
                bad = [p for p in paras if not groups_in(p, names) & asked]
                n["bad_paras"] += len(bad)
                for p in bad if args.paras else []:
                    print(f"  {set_name}/{f.stem} para | {heading[:50]} | {' '.join(p.split())[:120]}")
                if not (groups_in(said, names) & asked):
                    n["not"] += 1
                    if args.show:
                        print(f"  {set_name}/{f.stem} NOT | {heading[:80]} | {' '.join(said.split())[:110]}")
        print(f"{set_name}: {n['headings']} headings, {n['group']} name a group; not answering {n['not']}, gaps "
              f"{n['gap']}; paragraphs under them naming none of the heading's groups {n['bad_paras']}/{n['paras']}")
        for k in tot:
            tot[k] += n[k]
    print(f"all: {tot['headings']} headings, {tot['group']} name a group; not answering {tot['not']}, gaps {tot['gap']}; "
          f"paragraphs naming none {tot['bad_paras']}/{tot['paras']} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
