"""How each buyer standard of a question is said in its drafted answer (issue 12, session 26).

    PYTHONPATH=src python bench/standards_committed.py QUESTIONS_DIR ANSWERS_DIR [--show]

QUESTIONS_DIR holds the buyer's question files (qNN.md); ANSWERS_DIR the answers drafted one file at a time
(``evidencebot assemble tender --question-file qNN.md --force -o ANSWERS_DIR/qNN.md``). A *standard* is a buyer's
sentence, list item or table row that names a matter with a timescale ('within 4 hours', 'within 2 working days of
receipt', 'on the same working day'), often with a percentage; a sentence in the past ('In 2024/25 ... were seen
within ...') or a word limit is none. Each standard is looked for in the answer (a sentence with the same timescale
and at least half the matter's content words) and counted as one of:

* *active*: said as our commitment ('We will contact 95% of urgent referrals within 4 hours ...'); *with %* when the
  buyer gives a percentage and our sentence states it; *with how* when the sentence (after its timescale) or the
  next one of the same part names who acts (a role) or how it is checked or recorded;
* *said back*: an active sentence whose content words are (nearly) all the buyer's own (the question restated);
* *asks*: said as the buyer's ('The specification asks for ...', 'We will work to that timescale');
* *missing*: no sentence of the answer states it.

*in part*: found in the part whose heading shares most words with the buyer's sentence (any part when no heading
shares one). Independent of the assembler's refs: it reads the Markdown. The rows of a KPI table (one
:mod:`evidencebot.compose.buyer_kpis` reads, answered a row per KPI by design) are left out unless --kpi.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from restated_parts import parts

from evidencebot.compose import buyer_kpis

WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
COMMON = frozenset("will with that from their this have which into each when where what them they been also the and "
                   "for are all any per including make sure how you your within working days day hours hour weeks "
                   "week receipt of".split())
NUM = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "ten": "10",
       "twelve": "12", "fifteen": "15", "twenty": "20"}
TIME = re.compile(r"\bwithin\s+(?:the\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|ten|twelve|fifteen|twenty)\s+"
                  r"(?:\(\d+\)\s+)?(?P<u>working\s+days?|calendar\s+days?|days?|hours?|weeks?)"
                  r"|\b(?P<same>same\s+(?:working\s+)?day)", re.I)
PCT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%")
PAST = re.compile(r"\b(?:were|was|had|in\s+20\d\d|20\d\d/\d\d|currently|at\s+present)\b", re.I)
ASKS = re.compile(r"\b(?:the\s+specification\s+(?:asks|requires|sets)|work\s+to\s+th(?:at|ese|is)\s+timescales?|"
                  r"the\s+buyer(?:'s)?\s+(?:asks|requires|standard|target)|"
                  r"we\s+will\s+meet\s+the\s+(?:standard|requirement|target)\b)", re.I)
ACTIVE = re.compile(r"\b(?:we|our\s+[a-z -]{2,40}?)\s+will\b(?!\s+work\s+to\s+th)", re.I)
ROLE = re.compile(r"\b(?:worker|workers|lead|leads|leader|leaders|manager|practitioner|practitioners|coordinator|"
                  r"officer|administrator|clinician|duty|team|nurse|recorded|record|checks?|checked|reviews?|reported|"
                  r"escalat\w*|booked|diary|rota|audit\w*|dashboard)\b", re.I)


def words(text: str) -> set[str]:
    return {w.lower()[:6] for w in WORD.findall(text)} - {c[:6] for c in COMMON}


def timekey(m: re.Match) -> str:
    if m.group("same"):
        return "same day"
    n = NUM.get(m.group("n").lower(), m.group("n"))
    u = " ".join(m.group("u").lower().split()).rstrip("s")
    return f"{n} {u}"


def standards(question: str, with_kpi: bool = False) -> list[dict]:
    """The buyer's standards: {time, pct, matter words, text}, one per timescale and matter."""
    out: list[dict] = []
    chunks: list[str] = []
    kpi_rows = {line.strip() for table in re.findall(r"(?:^[ \t]*\|.*\|[ \t]*(?:\n|$))+", question, re.M)
                if buyer_kpis.read(table) for line in table.splitlines()} if not with_kpi else set()
    for line in question.splitlines():
        line = line.strip()
        if line in kpi_rows:
            continue  # a KPI table's row: answered a row per KPI by buyer_kpis ('We will meet the buyer's target ...')
        if line.count("|") >= 2:
            cells = [c.strip() for c in line.strip("|").split("|")]
            cells = [c for c in cells if not re.fullmatch(r"[-: ]*", c)]
            if all(len(c.split()) <= 30 for c in cells):
                chunks.append(" ".join(cells))  # a row of a standards table: one standard
            else:
                chunks += [s for c in cells for s in re.split(r"(?<=[.;!?])\s+", c) if s]
        else:
            chunks += [s for s in re.split(r"(?<=[.;!?])\s+", line.strip("-•* ")) if s]
    for chunk in chunks:
        if PAST.search(chunk) or re.search(r"\bwords?\b\s*(?:max|limit)", chunk, re.I):
            continue
        prev = 0
        found = list(TIME.finditer(chunk))
        for m in found:
            # the matter: the words of its clause before the timescale (since the previous one), else after it
            pieces = re.split(r"[;:()]|\band\b|, ", chunk[prev:m.start()])
            prev = m.end()
            matter = next((words(p) for p in reversed(pieces) if len(words(p)) >= 2), set())
            if len(matter) < 2:
                matter = words(re.split(r"[;,.]", chunk[m.end():], maxsplit=1)[0]) | matter
            if len(matter) < 2:
                matter = words(chunk[:m.start()]) | matter
            if len(matter) < 2:
                continue
            pct = PCT.findall(chunk)
            st = {"time": timekey(m), "pct": pct[0] if len(pct) == 1 or (pct and len(found) == 1) else "",
                  "matter": matter, "text": chunk}
            if not any(o["time"] == st["time"] and len(o["matter"] & matter) >= 0.5 * len(matter) for o in out):
                out.append(st)
    return out


def judge(st: dict, answer_parts: list[tuple[str, list[str]]], question_words: set[str]) -> tuple[str, dict]:
    """('active' | 'said back' | 'asks' | 'missing', details)."""
    best = None
    for pi, (_head, sents) in enumerate(answer_parts):
        for si, s in enumerate(sents):
            times = [timekey(m) for m in TIME.finditer(s)]
            if st["time"] not in times:
                continue
            got = len(st["matter"] & words(s)) / len(st["matter"])
            if got >= 0.5 and (best is None or got > best[0]):
                best = (got, pi, si, s)
    if best is None:
        return "missing", {}
    _, pi, si, s = best
    heads = [len(words(h) & words(st["text"])) for h, _ in answer_parts]
    in_part = max(heads or [0]) == 0 or heads[pi] == max(heads)
    after = s[TIME.search(s).end():] if TIME.search(s) else ""
    nxt = answer_parts[pi][1][si + 1] if si + 1 < len(answer_parts[pi][1]) else ""
    det = {"sentence": s, "in_part": in_part, "pct": bool(st["pct"]) and f"{st['pct']}%" in s.replace(" %", "%"),
           "how": bool(ROLE.search(after)) or (bool(ROLE.search(nxt)) and not ASKS.search(nxt))}
    if ASKS.search(s):
        return "asks", det
    if ACTIVE.search(s):
        mine = words(s)
        if mine and len(mine - question_words) <= max(1, len(mine) // 8):
            return "said back", det
        return "active", det
    return "other", det


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions")
    ap.add_argument("answers")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--kpi", action="store_true", help="count the rows of a KPI table too (left out by default)")
    a = ap.parse_args()
    keys = ["standards", "active", "with %", "with how", "in part", "said back", "asks", "other", "missing"]
    total = dict.fromkeys(keys, 0)
    print(f"{'answer':8}" + "".join(f"{k:>10}" for k in keys))
    for qfile in sorted(Path(a.questions).glob("q*.md")):
        afile = Path(a.answers) / qfile.name
        if not afile.exists():
            continue
        qtext = qfile.read_text(encoding="utf-8")
        sts = standards(qtext, a.kpi)
        row = dict.fromkeys(keys, 0)
        ap_ = parts(afile.read_text(encoding="utf-8"))
        for st in sts:
            verdict, det = judge(st, ap_, words(qtext))
            row["standards"] += 1
            row[verdict] += 1
            if verdict == "active":
                row["with %"] += bool(det["pct"]) or not st["pct"]
                row["with how"] += det["how"]
                row["in part"] += det["in_part"]
            if a.show:
                pct = f" {st['pct']}%" if st["pct"] else ""
                print(f"  {qfile.stem} [{verdict}]{pct} {st['time']}: {st['text'][:110]}")
                if det:
                    print(f"      -> {det['sentence'][:170]}")
        for k in keys:
            total[k] += row[k]
        print(f"{qfile.stem:8}" + "".join(f"{row[k]:>10}" for k in keys))
    print(f"{'total':8}" + "".join(f"{total[k]:>10}" for k in keys))


if __name__ == "__main__":
    main()
