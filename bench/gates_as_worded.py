"""The buyer's gates made word for word, and substitution errors, in one drafted answer set (issue 12, session 24).

    PYTHONPATH=src python bench/gates_as_worded.py ANSWERS_DIR QUESTIONS_DIR [-v]
    PYTHONPATH=src python bench/gates_as_worded.py --sets ANSWERS_ROOT [-v]   (ANSWERS_ROOT/s21/q03.md ...; session 28)

ANSWERS_DIR holds answers drafted one file at a time (``evidencebot assemble tender --db DEMO.db --question-file
QUESTIONS_DIR/qNN.md --force -o ANSWERS_DIR/qNN.md``). For each gate the question states (:func:`gates.read`):
*word for word*, the buyer's statement (what the bidder will do, or the statement itself) is in the answer as
written, every qualifier kept; *as worded*, our sentence for it (:func:`gates.our_sentence`, 'We will meet every
minimum in Table 6A from the Service Commencement Date.') is; *undercutting*, our sentences that plan for a shortfall
at the start a gate holds from (:func:`gates.undercuts`). *Substitution errors*: what :func:`proofread.mend` would
change (a unit said twice around a figure, a verb after a plural subject, a count word over its list) and what
:func:`proofread.flags` names.

Measured in session 24 (400-person demo, ``evidencebot demo``): the s24 dev buyer's 9 questions, gates 4, as worded
1 -> 4, substitution errors 2 -> 0; 22 spent gate questions (s14 q11, s18 q02/q12, s19 q02/q03, s20 q02-q04/q10, s21
q03/q08, s22 q03/q07/q08/q10, s22b q04/q05/q07, s23 q07/q08/q10/q11) with the dev set: gates 24, word for word 9 ->
17 (16 of 16 confirmable gates), undercutting 1 -> 0, substitution errors 4 mendable + 1 flagged -> 0.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import gates, proofread


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[*_]", "", text).replace("’", "'").split()).lower()


def _opens_part(raw: str, sentence: str) -> bool:
    """``sentence`` is said in the first paragraph under its part's heading (session 28: the panel looks for it there)."""
    at = _norm(raw).find(_norm(sentence))
    if at < 0:
        return False
    for block in re.split(r"\n(?=#)", raw):
        paras = [p for p in re.split(r"\n\s*\n", block) if p.strip() and not p.lstrip().startswith("#")]
        if any(_norm(sentence) in _norm(p) for p in paras):
            return _norm(sentence) in _norm(paras[0])
    return False


def sets(root: Path, verbose: bool) -> int:
    """Session 28: every set under ``root`` (ANSWERS_ROOT/sNN/qNN.md, questions from tests/data/heldout/sNN/questions),
    per set and in total: gates, our sentence as worded, and of those the ones that open their part."""
    base = Path(__file__).resolve().parents[1] / "tests/data/heldout"
    total = made = top = 0
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        t = m = o = 0
        for path in sorted(d.glob("q*.md")):
            if path.stem.endswith("-evidence") or not (base / d.name / "questions" / path.name).exists():
                continue
            raw = path.read_text(encoding="utf-8")
            for g in gates.read((base / d.name / "questions" / path.name).read_text(encoding="utf-8")):
                g.commitment = gates.our_sentence(g)
                said = g.commitment.rstrip(".") if g.commitment else (g.will or g.statement)
                ok = _norm(said) in _norm(raw)
                first = ok and _opens_part(raw, said)
                t, m, o = t + 1, m + ok, o + first
                if verbose:
                    print(f"{'OK ' if ok else 'NO '}{'top' if first else '   '} {d.name} {path.stem}: {said}")
        print(f"{d.name}: gates {t}; made as worded {m}; opening their part {o}")
        total, made, top = total + t, made + m, top + o
    print(f"all: gates {total}; made as worded {made}; opening their part {top}")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--sets":
        return sets(Path(argv[1]), "-v" in argv)
    answers, questions, verbose = Path(argv[0]), Path(argv[1]), "-v" in argv
    total = worded = ours_said = undercut = mended = flagged = 0
    for path in sorted(answers.glob("*.md")):
        if path.stem.endswith("-evidence") or not (questions / path.name).exists():
            continue
        raw = path.read_text(encoding="utf-8")
        said = _norm(raw)
        for g in gates.read((questions / path.name).read_text(encoding="utf-8")):
            total += 1
            g.commitment = gates.our_sentence(g)
            core = _norm(g.will or g.statement) in said
            ours = _norm(g.commitment.rstrip(".")) in said if g.commitment else core
            worded, ours_said = worded + core, ours_said + ours
            bad = [s for s in re.split(r"(?<=[.!?])\s+", raw) if gates.undercuts(g, s)]
            undercut += len(bad)
            if verbose:
                print(f"{'OK' if ours else 'NO'} {path.stem}: {g.commitment or g.statement}" + (f"  UNDERCUT {bad}" if bad else ""))
        _, done = proofread.mend(raw)
        flags = proofread.flags(raw)
        mended, flagged = mended + len(done), flagged + len(flags)
        for d in done + flags:
            print(f"  {path.stem}: {d}")
    print(f"gates {total}; word for word {worded}; our sentence as worded {ours_said}; undercutting {undercut}; "
          f"substitution errors: mendable {mended}, flagged {flagged}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
