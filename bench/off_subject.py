"""Off-subject blocks and figures per part of generated answers, read without the matcher.

    python bench/off_subject.py DIR [DIR ...] [--tree PATH] [--show]

Each DIR holds answers as ``/work/coord/gen_answers.sh`` or ``gen_some.sh`` write them (``NAME.md`` and ``NAME.log``).
For every part of the coverage table in a log (its heading, the blocks after 'method:'), each placed block's *own*
subject words (its title and tags in the library files of ``--tree``, default this checkout) are compared with the
part's heading: the block is *off subject* when they share no content word (words compared by their first five
letters, so 'registration' meets 'registered'; the words of the buyer's names, capitalised inside the heading, and a
short list of words every ask uses left out). A figure sentence in a part of the answer (one with a percentage) is off
subject when the words before its 'was' share none with the heading.

This reader is deliberately crude and independent of ``compose/blockmatch.py`` and ``compose/tender.py``: it shares
no code with the matcher whose choices it counts, so a change to the matcher cannot make its own misses disappear
here. It over-counts (a heading cut short, a block that answers in other words): compare before and after on the
same answers, not the level.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# words every ask or block title uses, saying nothing of the subject (bench-local, not a language check list)
PLAIN = set("""a an the and or of to in on for with by at from into about how what when where who whom which will
would you your our we their they them this that these those be is are was were been being have has had do does
done can could should may must each every all any other its it as also such not no new own through within across
people person service services support supported supporting working work works team teams staff way ways make
making use using used ensure ensuring provide providing describe set out including include includes plan plans
approach arrangements arrangement keep keeping up date""".split())


def words(text: str) -> set[str]:
    """The first five letters of each content word of ``text`` (lower case)."""
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text or ""):
        w = w.lower().strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in PLAIN:
            continue
        out.add(w[:5])
    return out


# the last word of a body's or a place's name ('the Northern Ireland Social Care Council', 'Mill Lane Hub'): a run of
# capitalised words ending in one of these is a name whose words are not the heading's subject (an Act, a strategy
# or a scheme stays: 'in line with the Mental Capacity Act' asks about mental capacity)
BODY = set("""council trust board hub network group team partnership association centre center house society service
services organisation authority agency forum panel alliance collective project club charity college""".split())
NAME_RUN = re.compile(r"(?<=\s)(?:[A-Z][A-Za-z'’-]*\s+(?:(?:and|of|for|the)\s+)?)*[A-Z][A-Za-z'’-]*")


def heading_words(heading: str) -> set[str]:
    """The heading's content words, less those of the bodies and places it names (:data:`BODY`)."""
    def blank(m: re.Match) -> str:
        last = m.group(0).split()[-1].lower().strip("'’")
        return " " if last in BODY and len(m.group(0).split()) >= 2 else m.group(0)

    bare = NAME_RUN.sub(blank, heading or "")
    left = words(bare)
    if bare != (heading or ""):
        left.add("partn")  # a heading naming a body asks about working with that partner
    return left or words(heading)


def library(tree: Path) -> dict[str, str]:
    """{block id: its title and tags} from the tree's library files (later files replace earlier ids)."""
    out: dict[str, str] = {}
    for f in sorted((tree / "corpus" / "library").glob("*blocks*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for b in data.get("blocks") or []:
            out[str(b.get("id"))] = " ".join([str(b.get("title", ""))] + [str(t) for t in b.get("tags") or []])
    return out


ROW = re.compile(r"^\| (?P<head>[^|]+?) \| \d+ \| \d+ \| [^|]* \| (?P<ev>[^|]*) \| (?P<status>[^|]*)\|")


def parts(log: str) -> list[tuple[str, list[str], str]]:
    """(heading, block ids, status) for each row of the log's coverage table."""
    out = []
    for line in log.splitlines():
        m = ROW.match(line)
        if not m or m.group("head").strip() in ("sub-point", "---"):
            continue
        ev = m.group("ev")
        ids = []
        if "method:" in ev:
            for x in ev.split("method:", 1)[1].split(","):
                x = x.strip()
                if x and not re.match(r"^\d+ (figure|record|stor)", x) and re.match(r"^[a-z0-9-]+$", x):
                    ids.append(x)
        out.append((m.group("head").strip(), ids, m.group("status").strip()))
    return out


def figure_sentences(md: str) -> list[tuple[str, str]]:
    """(section heading, sentence) for each sentence of the answer with a percentage."""
    out = []
    head = ""
    for line in md.splitlines():
        if line.startswith("## "):
            head = line[3:].strip()
            continue
        for s in re.split(r"(?<=[.!?])\s+", line):
            if re.search(r"\d%", s) and head:
                out.append((head, s))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--tree", default=str(ROOT))
    ap.add_argument("--only", help="comma-separated answer names to count (the ones both runs hold)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    blocks = library(Path(args.tree))
    only = set(args.only.split(",")) if args.only else None
    for d in args.dirs:
        n_parts = n_blocks = off = off_parts = partly = figs = figs_off = unknown = 0
        shown = []
        for log in sorted(Path(d).glob("*.log")):
            name = log.stem
            if only is not None and name not in only:
                continue
            rows = parts(log.read_text(encoding="utf-8", errors="replace"))
            for head, ids, status in rows:
                n_parts += 1
                partly += status.startswith("partly")
                want = heading_words(head)
                bad = []
                for bid in ids:
                    if bid not in blocks:
                        unknown += 1
                        continue
                    n_blocks += 1
                    if not (words(blocks[bid]) & want):
                        bad.append(bid)
                off += len(bad)
                off_parts += bool(bad)
                for bid in bad:
                    shown.append(f"  {name}: {head[:70]} <- {bid}")
            md = log.with_suffix(".md")
            if md.exists():
                for head, s in figure_sentences(md.read_text(encoding="utf-8", errors="replace")):
                    figs += 1
                    subject = re.split(r"\b(?:was|were|is)\b", s, maxsplit=1)[0]
                    if not (words(subject) & heading_words(head)):
                        figs_off += 1
                        shown.append(f"  {name}: {head[:70]} <- figure: {s[:80]}")
        print(f"{d}: parts {n_parts}, blocks placed {n_blocks} (+{unknown} not in the library files), "
              f"off-subject blocks {off} ({off / max(n_parts, 1):.3f} per part), parts with one {off_parts}, "
              f"'partly' parts {partly}; figure sentences {figs}, off subject {figs_off}")
        if args.show:
            print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
