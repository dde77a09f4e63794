"""Parts per coverage status, off-topic placements, method share and checker findings, before and after (s32).

    PYTHONPATH=src python bench/fit_compare.py BEFORE AFTER [--sets s28,s29,s30,s31] [--show]

BEFORE and AFTER hold OUT/<set>/qNN.log, .check and .share as bench/fit_answers.py writes them (the coverage table of
each answer, ``check --db --question-file``'s last line, method and body words). Printed for each side:

* parts per coverage status (the status's first words: 'method + evidence', 'method only', 'evidence only',
  'nothing in the library', 'drafted from the question', ...);
* *off-topic placements*: (a) placements of the labelled "does not fit" pairs (tests/data/labelled/part_fit_s32.jsonl:
  the block or story under the part the panel read it under) still in the answers; (b) placements the fit test of
  the tree on PYTHONPATH (askfit.misfit with partfit, groups.block_misfit) calls off-topic, read against the part's
  heading;
* *panel-relevant blocks removed*: labelled "fits" pairs placed before and gone after;
* method share (lowest answer, mean, answers under one half) and ``check --db`` findings (must stay 0);
* (s34) *repeated paragraphs*: a paragraph of 25 words or more said word for word in two or more answers of one set
  (the board-contact paragraph, the rural-access block), counted once per set and paragraph; the labelled pairs of
  tests/data/labelled/part_fit_s34.jsonl (s33, the panel's placements under the part they were read under, by its
  ``label``) join those of s32, templates (buyer-board) included.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from evidencebot.compose import askfit, groups
from evidencebot.store.blocks import library_blocks

ROOT = Path(__file__).resolve().parent.parent
STATUSES = ("method + evidence", "method only", "evidence only", "nothing in the library", "drafted from the question",
            "restated", "confirmed", "stated")


def parts(log: Path) -> list[dict]:
    """Each row of the answer's coverage table: label, placed block ids, stories, status."""
    out, inside = [], False
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("| sub-point |"):
            inside = True
            continue
        if inside and line.startswith("|---"):
            continue
        if inside and line.startswith("| "):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 6:
                continue
            evidence, status = cells[4], cells[5]
            m = re.search(r"method: ([^|]*?)(?:, \d+ (?:figure|story|stories)|$)", evidence)
            blocks = [b.strip() for b in m.group(1).split(",")] if m else []
            blocks = [b for b in blocks if b and not re.match(r"^\d+ ", b)]
            stories = int(s.group(1)) if (s := re.search(r"(\d+) stor", evidence)) else 0
            out.append({"label": cells[0], "blocks": blocks, "stories": stories, "status": status})
        elif inside:
            break
    return out


def kind(status: str) -> str:
    return next((s for s in STATUSES if status.startswith(s)), status.split(";")[0][:40])


def side(root: Path, sets: list[str]) -> dict:
    answers = {}
    for s in sets:
        for log in sorted((root / s).glob("q[0-9][0-9].log")):
            q = log.stem
            share = (root / s / f"{q}.share")
            words = [int(x) for x in share.read_text().split()] if share.exists() else [0, 0]
            check = (root / s / f"{q}.check").read_text() if (root / s / f"{q}.check").exists() else ""
            m = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?", check)
            findings = sum(int(x) for x in m.groups()) if m else -1
            answers[(s, q)] = {"parts": parts(log), "share": words, "findings": findings}
    return answers


_BOARD_ASK = re.compile(r"\b(?:board|forum|governance|govern\w*|accountab\w*|oversight|assurance|report\w*)\b", re.I)


def _asks_board(label: str) -> bool:
    """A part heading that asks about reporting or governance (read the same in either tree, so that a tree before
    s34 is counted by one rule)."""
    return bool(_BOARD_ASK.search(label))


def _board_text(root: Path, s: str, q: str, label: str) -> str:
    md = root / s / f"{q}.md"
    return md.read_text(encoding="utf-8") if md.exists() else ""


def repeated(root: Path, sets: list[str]) -> list[tuple[str, int]]:
    """(paragraph, answers it is in) for each paragraph of 25 words or more that two or more answers of one set say
    word for word."""
    out = []
    for s in sets:
        seen: Counter = Counter()
        for md in sorted((root / s).glob("q[0-9][0-9].md")):
            paras = {" ".join(p.split()) for p in md.read_text(encoding="utf-8").split("\n\n")}
            seen.update(p for p in paras if len(p.split()) >= 25 and not p.startswith(("#", "|")))
        out += [(f"{s}: {p}", n) for p, n in seen.items() if n > 1]
    return out


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    sets = next((a.split("=", 1)[1] for a in argv if a.startswith("--sets=")), "s28,s29,s30,s31").split(",")
    before, after = (side(Path(a), sets) for a in args[:2])
    lib = {str(s["id"]): SimpleNamespace(block_id=str(s["id"]), title=str(s["title"]), body=str(s["body"]),
                                         tags=[str(t) for t in s.get("tags") or []]) for s, _ in library_blocks()}
    rows = [json.loads(ln) for name in ("part_fit_s32.jsonl", "part_fit_s34.jsonl")
            for ln in (ROOT / "tests/data/labelled" / name).read_text().splitlines() if ln]
    rows = [r for r in rows if r["set"] in sets and r["kind"] in ("block", "template")
            and (r["set"] != "s33" or r.get("label"))]

    def placed(answers, row) -> bool:
        a = answers.get((row["set"], row["q"]))
        under = (row.get("label") or row["ask"])[:30].lower()
        return bool(a) and any(p["label"][:30].lower() == under and row["id"] in p["blocks"] for p in a["parts"])

    root_of = {"before": Path(args[0]), "after": Path(args[1])}
    for name, answers in (("before", before), ("after", after)):
        status = Counter(kind(p["status"]) for a in answers.values() for p in a["parts"])
        n_parts = sum(status.values())
        flagged = []
        for (s, q), a in answers.items():
            for p in a["parts"]:
                for b in p["blocks"]:
                    if b in lib and (why := askfit.misfit(p["label"], lib[b]) or groups.block_misfit(p["label"], lib[b])):
                        flagged.append(f"{s} {q} {p['label'][:60]!r}: {why}")
                    elif b == "buyer-board" and "named contact" in _board_text(root_of[name], s, q, p["label"]) \
                            and not _asks_board(p["label"]):
                        flagged.append(f"{s} {q} {p['label'][:60]!r}: buyer-board (board-contact paragraph)")
        labelled_off = [r for r in rows if not r["fits"] and placed(answers, r)]
        shares = [m / b for m, b in (a["share"] for a in answers.values()) if b]
        findings = [a["findings"] for a in answers.values()]
        placements = sum(len(p["blocks"]) for a in answers.values() for p in a["parts"])
        stories = sum(p["stories"] for a in answers.values() for p in a["parts"])
        print(f"## {name}: {len(answers)} answers, {n_parts} parts, {placements} block placements, {stories} stories")
        for k, v in status.most_common():
            print(f"  {k}: {v}")
        print(f"  off-topic placements: labelled pairs still placed {len(labelled_off)}; flagged by the fit test "
              f"{len(flagged)}")
        if "--show" in argv:
            for f in flagged:
                print("    ", f)
            for r in labelled_off:
                print(f"     labelled: {r['set']} {r['q']} {(r.get('label') or r['ask'])[:60]!r}: {r['id']}")
        print(f"  method share: lowest {min(shares):.2f}, mean {sum(shares) / len(shares):.2f}, under one half "
              f"{sum(x < 0.5 for x in shares)}" if shares else "  method share: n/a")
        print(f"  check --db findings: {sum(f for f in findings if f > 0)} (answers not read: {findings.count(-1)})")
        root = Path(args[0] if name == "before" else args[1])
        rep = repeated(root, sets)
        print(f"  repeated paragraphs (25+ words, word for word in 2+ answers of one set): {len(rep)}; "
              f"answers holding one: {sum(n for _, n in rep)}")
        if "--show" in argv:
            for text, n in rep:
                print(f"     x{n} {text[:110]!r}")
    gone = [r for r in rows if r["fits"] and placed(before, r) and not placed(after, r)]
    print(f"panel-relevant blocks removed: {len(gone)}" + "".join(f"\n    {r['set']} {r['q']} {r['id']}" for r in gone))
    moved = []
    for key, a in after.items():
        b = before.get(key)
        if not b:
            continue
        for pb, pa in zip(b["parts"], a["parts"]):
            lost = [x for x in pb["blocks"] if x not in pa["blocks"]]
            if lost:
                moved.append(f"{key[0]} {key[1]} {pb['label'][:60]!r}: {', '.join(lost)} -> {', '.join(pa['blocks']) or 'none'}"
                             f" [{kind(pa['status'])}]")
    print(f"parts that lost a block: {len(moved)}" + ("".join("\n    " + m for m in moved) if "--show" in argv else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
