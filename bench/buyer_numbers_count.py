"""The buyer's local numbers, and how many our drafted answers meet in a method sentence (issue 12, session 25).

    PYTHONPATH=src python bench/buyer_numbers_count.py QUESTIONS_DIR ANSWERS_DIR [ANSWERS_DIR] [--show]

Every blind panel since s20 found our method ignoring the numbers the buyer gave: referral volumes and caseloads, the
operating hours, the return window after discharge, step-down limits, response times and review cycles. For each
answer (ANSWERS_DIR/qNN.md) this reads the buyer's numbers of those six kinds in its question file
(QUESTIONS_DIR/qNN.md, the question, its guidance and tables; word limits, weightings and marks are not read) and
counts one as *met* when a sentence of the answer that is not a heading, not a table row and not the buyer's words
said back (bench/restated_parts.py's reading) states the same figure with the same unit (an hours range: both of its
times; 'six months' meets '6 months'). The reader here is independent of the assembler's (compose/buyer_local.py).

Prints, per answer and in total, the buyer's numbers by kind and how many are met (before -> after with two folders);
--show lists each number and whether it is met.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from restated_parts import _words, kind, parts  # noqa: E402

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20}
NUM = r"(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty)"
TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|noon|midnight)?"
KINDS: dict[str, list[re.Pattern]] = {
    "volume": [
        re.compile(NUM + r"\s+(referrals|admissions|visits|attendances|contacts|people)\b[^.|;]{0,20}?\b(?:per|a|each)"
                   r"\s+(year|annum|month)", re.I),
        re.compile(r"\b(caseload)\b(?:[^.|;\d]|approx\.|c\.){0,25}?" + NUM + r"\b(?!\s*(?:%|per\s*cent|WTE|days|weeks|months))",
                   re.I),
        re.compile(NUM + r"\s+(people)\s+(?:on|open\s+to)\s+(?:the\s+)?(?:current\s+)?(?:caseload|services?)",
                   re.I),
    ],
    "hours": [
        re.compile(TIME + r"\s*(?:-|–|to|until)\s*" + TIME, re.I),
    ],
    "response": [
        re.compile(r"\bwithin\s+" + NUM + r"\s+(working\s+days?|hours?|days?)\b", re.I),
    ],
    "window": [
        re.compile(r"\bwithin\s+" + NUM + r"\s+(months?)\b", re.I),
    ],
    "limit": [
        re.compile(r"\b(?:maximum|max\.?|up\s+to|no\s+more\s+than|at\s+most|extendable\s+to|extended\s+to)\s+(?:(?:stay|length\s+of\s+stay)\s+)?(?:of\s+)?"
                   + NUM + r"[\s-]+(days?|weeks?)\b", re.I),
        re.compile(NUM + r"-(day|week)\s+(?:maximum|limit)\b", re.I),
    ],
    "review": [
        re.compile(r"\bevery\s+" + NUM + r"\s+(weeks?|months?)\b", re.I),
        re.compile(NUM + r"-(weekly|monthly)\b", re.I),
    ],
}
NOT_ASKED = re.compile(r"\b(?:words?|characters?|pages?|marks?|weighting|sides\s+of\s+A4|Arial)\b", re.I)


def _n(word: str) -> float | None:
    w = word.lower().replace(",", "")
    if w in WORDS:
        return float(WORDS[w])
    try:
        return float(w)
    except ValueError:
        return None


def _unit(word: str) -> str:
    w = " ".join(word.lower().split())
    w = re.sub(r"ly$", "", w.rstrip("s"))
    return {"annum": "year", "week": "week", "month": "month"}.get(w, w)


def _minutes(h: str, m: str | None, ap: str | None, closing: bool) -> int | None:
    if ap and ap.lower() == "noon":
        return 12 * 60
    if ap and ap.lower() == "midnight":
        return 24 * 60
    hh = int(h)
    if hh > 24 or (m and int(m) > 59):
        return None
    if ap and ap.lower() == "pm" and hh < 12:
        hh += 12
    if closing and hh == 0:
        hh = 24
    return hh * 60 + int(m or 0)


def numbers(text: str) -> list[tuple[str, tuple, str]]:
    """(kind, key, as written) for each of the buyer's numbers in ``text``; the key compares it with an answer's."""
    out: list[tuple[str, tuple, str]] = []
    for line in text.splitlines():
        for clause in re.split(r"(?<=;)\s+|(?<!approx\.)(?<=\.)\s+|\|", line):
            if NOT_ASKED.search(clause):
                continue
            for k, pats in KINDS.items():
                for p in pats:
                    for m in p.finditer(clause):
                        key = _key(k, m)
                        if key and (k, key) not in {(o[0], o[1]) for o in out}:
                            out.append((k, key, " ".join(m.group(0).split())))
    return out


def _key(k: str, m: re.Match) -> tuple | None:
    g = m.groups()
    if k == "hours":
        if not (g[1] or g[2]) or not (g[4] or g[5]):  # '8-10 people' is no time; '08:00' or '8am' is
            return None
        a, b = _minutes(g[0], g[1], g[2], False), _minutes(g[3], g[4], g[5], True)
        return (a, b) if a is not None and b is not None and a != b else None
    if k == "volume" and g[0].lower() == "caseload":
        n = _n(g[1])
        return ("caseload", n) if n and n >= 20 else None
    n = _n(g[0])
    if n is None:
        return None
    if k == "volume" and _unit(g[1]) == "people":  # '950 people on the caseload'
        return ("caseload", n)
    return (_unit(g[1]), n)


def met(found: list[tuple[str, tuple, str]], sentence: str) -> set[tuple[str, tuple]]:
    mine = numbers(sentence)
    keys = {(k, key) for k, key, _ in mine}
    # a response time said as a window or a limit ('within 6 months', 'up to 42 days') is the same figure
    values = {key for _, key, _ in mine}
    return {(k, key) for k, key, _ in found if (k, key) in keys or (k != "hours" and key in values)}


def count(questions: Path, answers: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for a in sorted(answers.glob("q*.md")):
        if a.stem.endswith("-evidence") or not (questions / a.name).exists():
            continue
        qtext = (questions / a.name).read_text(encoding="utf-8")
        found = numbers(qtext)
        qwords = _words(qtext)
        hit: set[tuple[str, tuple]] = set()
        for _head, sents in parts(a.read_text(encoding="utf-8")):
            for s in sents:
                if kind(s, qwords) == "method":
                    hit |= met(found, s)
        out[a.stem] = {"found": found, "met": hit}
    return out


def _by_kind(rows: dict[str, dict]) -> tuple[dict[str, list[int]], int, int]:
    tally = {k: [0, 0] for k in KINDS}
    for r in rows.values():
        for k, key, _ in r["found"]:
            tally[k][0] += 1
            tally[k][1] += (k, key) in r["met"]
    return tally, sum(t[0] for t in tally.values()), sum(t[1] for t in tally.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions")
    ap.add_argument("answers", nargs="+")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    runs = [count(Path(a.questions), Path(x)) for x in a.answers]
    for q in runs[0]:
        cells = []
        for r in runs:
            row = r.get(q) or {"found": [], "met": set()}
            cells.append(f"{len(row['met'])}/{len(row['found'])}")
        print(f"{q}: met " + " -> ".join(cells))
        if a.show:
            for k, key, said in runs[0][q]["found"]:
                marks = "".join("x" if (k, key) in r.get(q, {}).get("met", set()) else "." for r in runs)
                print(f"    [{marks}] {k}: {said}")
    print("by kind (met/found): " + "; ".join(
        f"{k} " + " -> ".join(f"{_by_kind(r)[0][k][1]}/{_by_kind(r)[0][k][0]}" for r in runs) for k in KINDS))
    print("TOTAL met: " + " -> ".join(f"{_by_kind(r)[2]} of {_by_kind(r)[1]}" for r in runs))


if __name__ == "__main__":
    main()
