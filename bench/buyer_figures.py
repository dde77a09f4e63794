"""The buyer's requirements and figures in drafted answers (issue 12, session 15): committed to, in their own part,
and never misstated.

    python bench/buyer_figures.py ANSWERS_DIR SET [SET ...]

ANSWERS_DIR holds ``SET/qNN.md`` drafted from ``tests/data/heldout/SET/questions/qNN.md``
(``evidencebot assemble tender --db D --question-file ... -o ANSWERS_DIR/SET/qNN.md``). Printed per set, counted
without labels so that it runs on a fresh set without reading it:

* *requirements*: the buyer's measurable requirements (:mod:`evidencebot.compose.commitments`: an ask or a
  statement with a figure and unit, a deadline, a frequency or a coverage word) and how many the answer commits to
  in the part that asks about them: every figure of the requirement (or, without figures, its content words) is in
  the body of that part (headings and '[To ...]' lines do not count). The extraction is this session's own, so the
  figure says how much of what it finds is said back, not how much a panel wants; the labelled lists
  (``bench/named_requirements.py``) are the independent measure;
* *figures mis-paired*: a figure of the buyer's (a percentage, a count of days, hours, weeks, people or WTE) that
  the answer states with none of the measure words the buyer put beside it (the content words within six words
  either side, in any of the buyer's sentences holding it): the buyer's 79% discharge-contact rate said as a
  step-down share is one. A figure said back in the buyer's whole phrase is never one;
* *against the buyer*: facts of ``corpus/library/facts.yaml`` (opening hours, response times, meeting
  frequencies) the answers state one way and the buyer's questions another (:func:`consistency.against_buyer`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from evidencebot.compose import blockmatch, commitments  # noqa: E402
from evidencebot.compose.consistency import against_buyer  # noqa: E402
from evidencebot.compose.questions import plan_question  # noqa: E402
from evidencebot.text import line_sentences  # noqa: E402

_FIG = re.compile(r"(?<![\w.£])(\d[\d,]*(?:\.\d+)?)\s*(%|per\s+cent|(?:working\s+|calendar\s+)?(?:days?|hours?|weeks?)|"
                  r"people|WTE|FTE|referrals|staff)(?!\w)", re.I)
_SKIP = re.compile(r"^\s*#|\[To (?:write|confirm|attach|complete)\b")


def _body_lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.strip() and not _SKIP.search(x)]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", (text or "").lower()).split())


def _stems(text: str) -> set[str]:
    return set(blockmatch.tokens(text)) - blockmatch.HEAD_GENERIC


def _near(sentence: str, m: re.Match, width: int = 6) -> set[str]:
    before = sentence[:m.start()].split()[-width:]
    after = sentence[m.end():].split()[:width]
    return _stems(" ".join(before + after))


def _key(m: re.Match) -> tuple[str, str]:
    unit = m.group(2).lower()
    unit = "%" if unit.startswith("per") else re.sub(r"s$", "", unit.split()[-1])
    return m.group(1).replace(",", ""), unit


def parts(answer: str) -> dict[str, str]:
    """{heading: body} of the answer's parts (a '## ' heading to the next)."""
    out: dict[str, str] = {}
    head = ""
    for line in answer.splitlines():
        if line.startswith("## "):
            head = line[3:].strip()
            out[head] = ""
        elif head and not _SKIP.search(line):
            out[head] += line + "\n"
    return out


def _part_of(point, heads: list[str]) -> str | None:
    """The heading the sub-point was written under: its label, or its key in front ('2) ...')."""
    label = _norm(point.label)
    for h in heads:
        n = _norm(h)
        if label and (label in n or n in label or n.startswith(_norm(point.key) + " ") and label[:20] in n):
            return h
    return None


def mispaired(question: str, answer: str) -> list[str]:
    theirs: dict[tuple[str, str], list[set[str]]] = {}
    for s in line_sentences(question):
        for m in _FIG.finditer(s):
            theirs.setdefault(_key(m), []).append(_near(s, m))
    out = []
    for line in _body_lines(answer):
        for s in line_sentences(line):
            for m in _FIG.finditer(s):
                want = theirs.get(_key(m))
                if not want or _norm(s) in _norm(question):
                    continue
                if not any(_near(s, m) & w for w in want):
                    out.append(f"{m.group(0)}: {s.strip()[:160]}")
    return out


def main(adir: str, sets: list[str]) -> int:
    grand = [0, 0, 0, 0, 0]
    for name in sets:
        qdir = ROOT / "tests/data/heldout" / name / "questions"
        tot = [0, 0, 0, 0, 0]  # requirements, committed in part, committed anywhere, figures mis-paired, against buyer
        answers, questions = [], []
        for qf in sorted(qdir.glob("q[0-9]*.md")):
            af = Path(adir) / name / qf.name
            if not af.exists():
                continue
            q, a = qf.read_text(encoding="utf-8"), af.read_text(encoding="utf-8")
            answers.append((qf.stem, a))
            questions.append((qf.stem, q))
            try:
                plan = plan_question(q, 1000)
            except Exception:  # noqa: BLE001 - a question the intake cannot read has nothing to count
                continue
            body = _norm(" ".join(_body_lines(a)))
            heads = list(parts(a))
            for key, found in commitments.read(q, plan.points).items():
                point = next(p for p in plan.points if p.key == key)
                head = _part_of(point, heads)
                text = _norm(parts(a).get(head, "")) if head else body
                for c in found:
                    tot[0] += 1
                    keys = [_norm(f) for f in c.figures] or [_norm(c.text)]
                    tot[1] += all(k in text for k in keys)
                    tot[2] += all(k in body for k in keys)
            bad = mispaired(q, a)
            tot[3] += len(bad)
            for b in bad:
                print(f"  {name} {qf.stem} mis-paired {b}")
        tot[4] = len(against_buyer(answers, questions))
        print(f"{name}: requirements {tot[0]}, committed in their part {tot[1]}, anywhere {tot[2]}; "
              f"buyer's figures mis-paired {tot[3]}; facts against the buyer's {tot[4]}")
        grand = [g + t for g, t in zip(grand, tot)]
    print(f"all: requirements {grand[0]}, committed in their part {grand[1]}, anywhere {grand[2]}; "
          f"buyer's figures mis-paired {grand[3]}; facts against the buyer's {grand[4]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
