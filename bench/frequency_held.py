"""Our frequencies slower than the buyer's for the same thing, over drafted answers (issue 12, session 29).

    PYTHONPATH=src python bench/frequency_held.py draft ROOT [SETS...]   # draft every answer (demo db, one file at a time)
    PYTHONPATH=src python bench/frequency_held.py draft AFTER --like BEFORE  # only BEFORE's answers with a slow one
    PYTHONPATH=src python bench/frequency_held.py count ROOT [-v]        # count the slow frequencies in ROOT/sNN/qNN.md
    PYTHONPATH=src python bench/frequency_held.py blocks [SETS...] [-v]  # the library's block paragraphs, each tender

*draft*: builds the demo database in ROOT and runs ``evidencebot assemble tender --db ROOT/demo.db --question-file
tests/data/heldout/sNN/questions/qNN.md --force -o ROOT/sNN/qNN.md`` for each question of the sets (default s21..s28),
two at a time, with the ``src`` of the current directory.

*count*: for each answer, the buyer's frequencies are read from every question file of its set (the tender: table rows
too, and 'at least N ... a week' minimums), ours from the answer's own sentences (not headings, tables, '[To ...]'
notes or the coverage list); a frequency of ours is *slow* when it is less often than every frequency the buyer sets
for the same thing (:func:`evidencebot.compose.frequencies.slower`: a shared kind of thing, a report, a meeting, a
session, and a word of the buyer's that names it, 'mobilisation', 'street outreach', in our sentence or its
paragraph). ``-v`` prints each one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE = Path(__file__).resolve().parents[1] / "tests/data/heldout"
SETS = ["s28", "s27", "s26", "s25", "s24", "s23", "s22", "s22b", "s21"]


def _run(args: list[str]) -> int:
    env = dict(os.environ, PYTHONPATH="src")
    return subprocess.run([sys.executable, "-m", "evidencebot", *args], env=env, capture_output=True).returncode


def draft(root: Path, sets: list[str], like: Path | None = None) -> int:
    """Draft each answer not drafted yet; with ``like`` (an earlier ROOT), only the answers in which it has a slow
    frequency, the others copied from it (the change holds frequencies after the blocks are chosen: an answer with
    none slow is drafted the same)."""
    root.mkdir(parents=True, exist_ok=True)
    db = root / "demo.db"
    if not db.exists():
        _run(["demo", "--db", str(db)])
    jobs = []
    slow = {(s, q) for s, q, line in _slow(like) if line} if like else set()
    for s in sets:
        (root / s).mkdir(exist_ok=True)
        for q in sorted((BASE / s / "questions").glob("q*.md")):
            out = root / s / q.name
            if like and (s, q.stem) not in slow:
                if (like / s / q.name).exists():
                    out.write_text((like / s / q.name).read_text(encoding="utf-8"), encoding="utf-8")
                continue
            if out.exists() or like and not (like / s / q.name).exists():
                continue
            jobs.append(["assemble", "tender", "--db", str(db), "--question-file", str(q), "--force", "-o", str(out)])
    with ThreadPoolExecutor(2) as pool:
        codes = list(pool.map(_run, jobs))
    print(f"drafted {len(jobs)} answers; exit 0: {codes.count(0)}, exit 1: {codes.count(1)}, other: "
          f"{len(codes) - codes.count(0) - codes.count(1)}")
    return 0


def _paragraphs(raw: str) -> list[str]:
    out = []
    for p in re.split(r"\n\s*\n", raw):
        lines = [x for x in p.splitlines() if x.strip() and not re.match(r"\s*(?:#|\||[-*]\s|\d+\.\s)", x)
                 and "[To " not in x]
        if lines:
            out.append(" ".join(" ".join(lines).split()))
    return out


def _answers(root: Path):
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        qdir = BASE / d.name / "questions"
        if qdir.is_dir():
            tender = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(qdir.glob("*.md")))
            for path in sorted(p for p in d.glob("q*.md") if not p.stem.endswith("-evidence")):
                yield d.name, path, tender


def _slow(root: Path | None):
    """(set, question, line) for each frequency of ours in ROOT's answers slower than the buyer's for the same thing;
    (set, question, None) once for each answer read."""
    from evidencebot.compose import frequencies

    for s, path, tender in _answers(root) if root else []:
        theirs = frequencies.read_buyer(tender)
        yield s, path.stem, None
        for para in _paragraphs(path.read_text(encoding="utf-8")):
            for f in frequencies.read(para):
                over = frequencies.slower(f, para, theirs)
                if over:
                    yield s, path.stem, (f"ours '{f.text}' against the buyer's '{over.text}' ({over.sentence[:90]}): "
                                         f"{f.sentence[:150]}")


def count(root: Path, verbose: bool) -> int:
    answers = slow = 0
    sets: set[str] = set()
    for s, q, line in _slow(root):
        if line is None:
            answers += 1
            sets.add(s)
            continue
        slow += 1
        if verbose:
            print(f"{s}/{q}: {line}")
    print(f"{answers} answers ({', '.join(sorted(sets))}); our frequencies slower than the buyer's for the same "
          f"thing: {slow}")
    return 0


def blocks(sets: list[str], verbose: bool) -> int:
    """Each paragraph of the shipped library's blocks (corpus/library/*.yaml) read against each set's tender: the
    frequencies of ours a drafted answer would say slower than the buyer's if the block were placed (before), and
    after :func:`frequencies.hold` (after). Not drafted answers: what the library exposes to each tender."""
    import yaml

    from evidencebot.compose import frequencies

    paras = []
    for p in sorted((BASE.parents[2] / "corpus/library").glob("*.yaml")):
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        for b in (data.get("blocks") if isinstance(data, dict) else data) or []:
            if isinstance(b, dict) and b.get("body"):
                paras += [(str(b.get("id")), " ".join(x.split())) for x in str(b["body"]).split("\n\n") if x.strip()]
    before = after = 0
    for s in sets:
        tender = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((BASE / s / "questions").glob("*.md")))
        theirs = frequencies.read_buyer(tender)
        n = 0
        for bid, para in paras:
            for f in frequencies.read(para):
                over = frequencies.slower(f, para, theirs)
                if over:
                    n += 1
                    if verbose:
                        print(f"  {s} {bid}: ours '{f.text}' < the buyer's '{over.text}': {f.sentence[:120]}")
            held, _ = frequencies.hold(para, theirs, para)
            after += sum(1 for f in frequencies.read(held) if frequencies.slower(f, held, theirs))
        print(f"{s}: {len(theirs)} buyer frequencies; block paragraphs with ours slower: {n}")
        before += n
    print(f"{len(paras)} block paragraphs x {len(sets)} tenders: slower than the buyer's {before} before, {after} after hold")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "blocks":
        return blocks([a for a in argv[1:] if a != "-v"] or SETS, "-v" in argv)
    if argv and argv[0] == "draft":
        like = Path(argv[argv.index("--like") + 1]) if "--like" in argv else None
        rest = [a for a in argv[2:] if a != "--like" and (like is None or a != str(like))]
        return draft(Path(argv[1]), rest or SETS, like)
    if argv and argv[0] == "count":
        return count(Path(argv[1]), "-v" in argv)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
