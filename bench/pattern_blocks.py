"""Approved pattern blocks and the buyer's named elements, over drafted answers (issue 12, s31).

    # draft each set's answers with a tree's code (md + docx, check --db, logs):
    /work/coord/gen_answers.sh TREE tests/data/heldout/s30/questions OUT_s30
    # count, with this tree's readers, one or more runs side by side ('{set}' stands for each set's name):
    PYTHONPATH=src python bench/pattern_blocks.py /tmp/before_{set} /tmp/after_{set} [--sets s28,s29,s30] [--show]

For each scored part of each answer (the part's ask from :func:`plan_question` on the question file; its text from the
answer's Markdown under its heading; its coverage row from the assemble log's table), the buyer's named elements
(:func:`named.in_ask` names, and community languages) and, of those, the ones with a role
(:func:`patterns.elements`: partner, site, group, language). Counted per run:

* *elements*: named elements of the parts (with a role: partner / site / group / language);
* *committed*: elements the part names in a sentence that commits to something ('will'), or in a pattern sentence;
* *gaps*: elements the part leaves unsaid (the coverage row names each of them, or it is *silent*);
* *pattern sentences*: sentences of the answers that are an approved pattern block filled (the shipped patterns of
  this tree's corpus/library, read as text with their slot as any words), and the elements they name;
* *check*: findings of `evidencebot check --db` on each answer (the .check files), which must stay 0.

Both runs are read by this tree's readers, so they are counted alike.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'‘“-])", " ".join(text.split())) if s]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _sections(md: str) -> list[tuple[str, str]]:
    """(heading without its marker, text) of each '## ' part of an answer."""
    out: list[tuple[str, list[str]]] = []
    for line in md.splitlines():
        if line.startswith("## "):
            head = re.sub(r"^(?:[a-z]{1,4}\)|\(?[a-z0-9.]{1,6}\)|\d+(?:\.\d+)*\.?)\s+", "", line[3:].strip(), flags=re.I)
            out.append((head, []))
        elif out:
            out[-1][1].append(line)
    return [(h, "\n".join(t)) for h, t in out]


def _rows(log: str) -> list[tuple[str, str]]:
    """(sub-point label, status) of each row of the assemble log's coverage table."""
    out = []
    for line in log.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) >= 6 and cells[0] != "sub-point" and not set(cells[0]) <= set("-: "):
            out.append((cells[0], cells[-1]))
    return out


def _best(label: str, options: list[str]) -> int | None:
    """The option (a heading or a row's label) that is ``label`` said the same or shortened."""
    want = _words(label)
    scored = []
    for i, o in enumerate(options):
        have = _words(o)
        if not have:
            continue
        same = o.lower() == label.lower()
        prefix = want[: min(4, len(have))] == have[: min(4, len(want))]
        overlap = len(set(want) & set(have)) / max(1, len(set(have)))
        scored.append((same, prefix, overlap, -i, i))
    if not scored:
        return None
    top = max(scored)
    return top[-1] if top[0] or top[1] or top[2] >= 0.6 else None


def _pattern_res() -> list[tuple[str, re.Pattern]]:
    """Each shipped pattern block (this tree's corpus/library) as a pattern over a sentence: its words fixed, its slot
    and the profile's placeholders any words."""
    from evidencebot.compose import patterns
    from evidencebot.store.blocks import library_blocks

    out = []
    for spec, _ in library_blocks():
        body = " ".join(str(spec["body"]).split())
        if not any("{" + slot + "}" in body for slot in patterns.slots()):
            continue
        parts = re.split(r"\{[a-z_]+\}", body)
        pieces = []
        for i, piece in enumerate(parts):
            pieces.append(re.escape(piece[:1].upper() + piece[1:] if i == 0 else piece))
            if i < len(parts) - 1:
                pieces.append("(.+?)")
        out.append((str(spec["id"]), re.compile("".join(pieces).replace(r"\ ", r"\s+"))))
    return out


def _score(run: str, sets: list[str], show: bool) -> dict[str, list[int]]:
    from evidencebot.compose import named, patterns, places
    from evidencebot.compose.questions import plan_question

    rxs = _pattern_res()
    table: dict[str, list[int]] = {}
    for s in sets:
        qdir = ROOT / "tests/data/heldout" / s / "questions"
        adir = Path(run.replace("{set}", s))
        buyer = "\n".join(p.read_text(encoding="utf-8") for p in sorted(qdir.glob("*.md")))
        ours = tuple(x.name for x in places.read(buyer).run)
        # parts, elements, with a role, committed, role committed, gaps, gaps in row, role gaps, pattern
        # sentences, elements in them, answers, check findings, answers with findings
        row = table.setdefault(s, [0] * 13)
        for q in sorted(qdir.glob("q[0-9][0-9].md")):
            md_path, log_path, check_path = adir / f"{q.stem}.md", adir / f"{q.stem}.log", adir / f"{q.stem}.check"
            if not md_path.exists():
                continue
            row[10] += 1
            check = check_path.read_text(encoding="utf-8") if check_path.exists() else ""
            m = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?", check)
            n = sum(int(x) for x in m.groups()) if m else 0
            row[11] += n
            row[12] += bool(n)
            md = md_path.read_text(encoding="utf-8")
            for sent in (x for line in md.splitlines() if not line.startswith("#") for x in _sentences(line)):
                for ident, rx in rxs:
                    if rx.search(sent):
                        row[8] += 1
                        if show:
                            print(f"  {adir.name}/{q.stem} pattern {ident}: {sent}")
            sections = _sections(md)
            rows = _rows(log_path.read_text(encoding="utf-8") if log_path.exists() else "")
            plan = plan_question(q.read_text(encoding="utf-8"))
            for point in plan.points:
                if point.kind == "confirm":
                    continue
                row[0] += 1
                i = _best(point.label, [h for h, _ in sections])
                text = sections[i][1] if i is not None else ""
                j = _best(point.label, [lb for lb, _ in rows])
                status = rows[j][1].lower() if j is not None else ""
                sents = _sentences(text)
                roles = {e.name: e for e in patterns.elements(point.text, not_ours=ours)}
                names = [e.text for e in named.in_ask(point.text) if e.kind == "name"]
                names += [e.name for e in roles.values() if e.role == "language"]
                for name in dict.fromkeys(names):
                    el = named.Named(name, "name")
                    role = next((e for k, e in roles.items() if name in k or k in name), None)
                    row[1] += 1
                    row[2] += role is not None
                    pattern_said = [x for x in sents if named.said(el, x) and any(rx.search(x) for _, rx in rxs)]
                    row[9] += bool(pattern_said)
                    if any(named.said(el, x) and re.search(r"\bwill\b", x) for x in sents) or pattern_said:
                        row[3] += 1
                        row[4] += role is not None
                    elif not named.said(el, text):
                        row[5] += 1
                        row[6] += name.lower() in status
                        row[7] += role is not None
                        if show and role is not None:
                            print(f"  {adir.name}/{q.stem} [{point.label[:40]}] gap ({role.role}): {name}")
    return table


HEAD = ("parts / named elements (with a role) / committed (with a role) / gaps (in the row; with a role) / "
        "pattern sentences (elements in them) / answers / check findings (answers with any)")


def _cells(r: list[int]) -> str:
    return (f"{r[0]} / {r[1]} ({r[2]}) / {r[3]} ({r[4]}) / {r[5]} ({r[6]}; {r[7]}) / {r[8]} ({r[9]}) / {r[10]} / "
            f"{r[11]} ({r[12]})")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", help="answer folders, '{set}' standing for the set's name")
    ap.add_argument("--sets", default="s28,s29,s30")
    ap.add_argument("--show", action="store_true")
    ns = ap.parse_args(argv)
    sets = [s.strip() for s in ns.sets.split(",") if s.strip()]
    print(HEAD)
    for run in ns.runs:
        table = _score(run, sets, ns.show)
        total = [sum(col) for col in zip(*table.values())]
        print(f"run {run}")
        print("| set | " + HEAD + " |\n|---|---|")
        for s in sets:
            print(f"| {s} | {_cells(table[s])} |")
        print(f"| all | {_cells(total)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
