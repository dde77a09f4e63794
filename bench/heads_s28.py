"""Headings and numbered parts, at intake and in drafted answers (issue 12, session 28; the s27 panel).

    PYTHONPATH=src python bench/heads_s28.py intake SET...            # SET: s21 ... s27 (tests/data/heldout/SET)
    PYTHONPATH=src python bench/heads_s28.py answers ANSWERS SET...   # ANSWERS/SET/qNN.md drafted from SET/questions

Counted (the rules were written before any tuning):

* *long*: a heading of more than 10 words (the brief's cap; the s27 panel counted 24 over 12);
* *instruction*: a heading that is the buyer's instruction pasted in, not a name for what follows: a word of
  obligation ('should', 'must', 'shall', 'need(s) to', 'required to', 'expected to', 'please'), the bidder named
  ('bidder', 'tenderer', 'applicant'), or an asking verb as an order, first or after 'and' / a comma ('say on
  which days', 'and describe', 'Explain how');
* *second person*: 'you' / 'your' in a heading (the buyer's voice, not ours);
* in answers only, for a question in numbered or lettered parts with a limit each (the intake's
  :func:`evidencebot.compose.questions.numbered_parts`, else its part or row groups): *parts unheaded*, a part
  whose label ('4.1', 'Part 2', '6a') heads no heading line of the answer, and *parts over*, a part whose words
  (from its heading to the next part's) are over its own limit.

The intake figures also give sub-point P/R from bench/question_intake.py (with gates) so a heading change that
costs sub-points shows.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

MAX_WORDS = 10
_OBLIGE = re.compile(r"(?i)\b(?:should|must|shall|needs?\s+to|required\s+to|expected\s+to|please)\b")
_BIDDER = re.compile(r"(?i)\b(?:bidders?|tenderers?|applicants?)\b")
_ORDER = re.compile(r"(?i)(?:^(?:\(?[a-z0-9]{1,4}[.)]\s+)?|\band\s+|,\s*)(?:say|describe|explain|set\s+out|outline|tell\s+us|"
                    r"confirm|provide|include|give|show|demonstrate|detail|state|list)\b(?!\s+of\b)")
_YOU = re.compile(r"(?i)\b(?:you|your|yours)\b")


def n_words(h: str) -> int:
    h = re.sub(r"^\(?[a-z0-9]{1,4}[.)]\s+|^\d+(?:\.\d+)+[a-z]?\s+", "", h, flags=re.I)  # the buyer's key is not a word
    return sum(1 for w in h.split() if re.search(r"\w", w))  # as a portal counts: '2,350' is one word


def kinds(h: str) -> list[str]:
    out = []
    if n_words(h) > MAX_WORDS:
        out.append("long")
    if _OBLIGE.search(h) or _BIDDER.search(h) or _ORDER.search(h):
        out.append("instruction")
    if _YOU.search(h):
        out.append("second person")
    return out


def intake(sets: list[str]) -> dict:
    from question_intake import measure

    tot = {"headings": 0, "long": 0, "instruction": 0, "second person": 0}
    for s in sets:
        rows = [json.loads(x) for x in open(ROOT / f"tests/data/heldout/{s}/questions_{s}.jsonl", encoding="utf-8") if x.strip()]
        row = {"headings": 0, "long": 0, "instruction": 0, "second person": 0}
        for r in rows:
            for h in _printed(r["text"]):
                row["headings"] += 1
                for k in kinds(h):
                    row[k] += 1
                    if "-v" in sys.argv:
                        print(f"  {s} {r['id']} {k}: {h}")
        m = measure(rows)
        print(f"{s}: {len(rows)} q, sub-points P={m['precision']:.3f} R={m['recall']:.3f}; headings {row['headings']}, "
              f"long {row['long']}, instruction {row['instruction']}, second person {row['second person']}")
        for k in tot:
            tot[k] += row[k]
    print("intake total: " + ", ".join(f"{k} {v}" for k, v in tot.items()))
    return tot


def _printed(text: str) -> list[str]:
    """The headings printed over the parts (SubPoint.heading, else the label), as plan_question makes them; the
    parser's own labels when the question cannot be planned (no limit)."""
    from evidencebot.compose.questions import parse_question, plan_question

    try:
        return [p.heading or p.label for p in plan_question(text).points]
    except Exception:  # noqa: BLE001 - a question with no readable limit is still headed
        return parse_question(text).headings


def _parts(question: str) -> list[tuple[str, int]]:
    from evidencebot.compose.questions import numbered_parts, plan_question

    parts, _ = numbered_parts(question)
    if parts:
        return [(p.label, p.limit) for p in parts]
    try:
        plan = plan_question(question)
    except Exception:  # noqa: BLE001 - a question with no limit has no parts to hold to
        return []
    return list({p.part: p.part_limit for p in plan.points if p.part and p.part_limit}.items())


def _part_words(answer: str, labels: list[str]) -> dict[str, int | None]:
    lines = answer.splitlines()
    at: dict[str, int | None] = {}
    for label in labels:
        pat = re.compile(r"^#{2,4}\s+(?:Question\s+|Q)?" + re.escape(label) + r"(?![\w.])", re.I)
        at[label] = next((i for i, x in enumerate(lines) if pat.match(x)), None)
    out: dict[str, int | None] = {}
    found = sorted((i, lab) for lab, i in at.items() if i is not None)
    for n, (i, lab) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        out[lab] = len(re.findall(r"\S+", " ".join(x.lstrip("#") for x in lines[i:end])))
    for lab in labels:
        out.setdefault(lab, None)
    return out


def answers(folder: Path, sets: list[str]) -> dict:
    tot = {"headings": 0, "long": 0, "instruction": 0, "second person": 0, "parts": 0, "parts unheaded": 0,
           "parts over": 0}
    for s in sets:
        row = dict.fromkeys(tot, 0)
        for q in sorted((ROOT / f"tests/data/heldout/{s}/questions").glob("q[0-9]*.md")):
            a = folder / s / q.name
            if not a.exists():
                continue
            answer = a.read_text(encoding="utf-8")
            for h in (x.lstrip("#").strip() for x in answer.splitlines() if re.match(r"#{2,4}\s", x)):
                row["headings"] += 1
                for k in kinds(h):
                    row[k] += 1
                    if "-v" in sys.argv:
                        print(f"  {s} {q.stem} {k}: {h}")
            parts = _parts(q.read_text(encoding="utf-8"))
            if len(parts) >= 2:
                words = _part_words(answer, [lab for lab, _ in parts])
                for lab, cap in parts:
                    row["parts"] += 1
                    w = words[lab]
                    row["parts unheaded"] += w is None
                    row["parts over"] += w is not None and w > cap
                    if "-v" in sys.argv:
                        print(f"  {s} {q.stem} part {lab} (max {cap}): {'no heading' if w is None else f'{w} words'}")
        print(f"{s}: " + ", ".join(f"{k} {v}" for k, v in row.items()))
        for k in tot:
            tot[k] += row[k]
    print(f"answers total ({folder}): " + ", ".join(f"{k} {v}" for k, v in tot.items()))
    return tot


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "-v"]
    if not args or args[0] not in ("intake", "answers"):
        print(__doc__)
        return 2
    if args[0] == "intake":
        intake(args[1:])
    else:
        answers(Path(args[1]), args[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
