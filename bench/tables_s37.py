"""Does the answer give the buyer's table? (issue 12, session 37)

For every question of the spent sets s24-s36 (tests/data/heldout/sNN/questions/q*.md) that gives a table of milestones,
KPIs, staffing, social value commitments or risks (read by its header row), or asks for one to be completed, this
assembles our answer with the demo database and asks whether the answer holds a Markdown table with a row for each of
the buyer's rows (its reference, 'M4', or its first cell, 'IPS Team Leader'). Prints one line per question and the total.

    PYTHONPATH=src python bench/tables_s37.py --db /tmp/t37.db --out /tmp/tables37_after [--sets 24-36] [--jobs 2]

Answers are kept in --out (one .md per question) and reused when present, so a second run only scores.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_BOX = re.compile(r"(?i)\d[\d,]*\s+characters\b")
KINDS = (("milestone", r"\bmilestone"), ("social value", r"social value|\bcommitment"), ("risk", r"\brisk\b"),
         ("staffing", r"\brole\b.*(wte|staffing|establishment)"), ("kpi", r"\b(kpi|indicator|measure|standard)\b.*\btarget"
                                                                     r"|\btarget\b.*\b(kpi|indicator|measure)\b"))


def blocks(text: str):
    """(header cells, body rows' cells) of each Markdown table of ``text``."""
    lines, i = text.splitlines(), 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                j += 1
            rows = [[" ".join(c.split()) for c in ln.strip().strip("|").split("|")] for ln in lines[i:j]]
            body = [r for r in rows[1:] if not all(set(c) <= set("-: ") for c in r)]
            yield rows[0], body
            i = j
        else:
            i += 1


def kind(header: list[str]) -> str | None:
    head = " ".join(header).lower()
    if re.search(r"\bscore\b|\bquestion\b.*\bguidance", head):
        return None
    return next((k for k, pat in KINDS if re.search(pat, head)), None)


NAMES = {"milestone": r"milestone", "kpi": r"kpi|indicator|measure|standard", "staffing": r"role",
         "social value": r"theme|commitment", "risk": r"risk"}


def key_column(k: str, header: list[str], body: list[list[str]]) -> int:
    """The column that names a buyer's row: a reference column of short cells ('No.', 'Ref', 'KPI': 'M4', 'KPI 3'),
    else the column the kind names ('Milestone', 'Role'), else the first."""
    def short(i):
        return all(len(r[i].strip("* ")) <= 8 for r in body if i < len(r) and r[i].strip())
    heads = [h.lower() for h in header]
    for i, h in enumerate(heads):
        if re.match(r"(no\.?|ref|kpi|#)$", h.strip()) and short(i):
            return i
    return next((i for i, h in enumerate(heads) if re.search(NAMES[k], h)), 0)


def buyer_tables(text: str):
    """(kind, keys) of each buyer table the bench scores."""
    for header, body in blocks(text):
        k = kind(header)
        if not k:
            continue
        col = key_column(k, header, body)
        cells = [r[col].strip("* ") for r in body if col < len(r)]
        keys = [c[:40] for c in cells if c and not re.match(r"total\b", c, re.I)]
        if keys:
            yield k, keys


def covered(answer: str, keys: list[str]) -> int:
    """The most of ``keys`` that one table of ``answer`` has a row for (a row whose first two cells hold the key)."""
    best = 0
    for _, body in blocks(answer):
        firsts = [[c.lower().replace("*", "").strip() for c in r[:2]] for r in body]

        def has(key, cells):
            key = key.lower()
            return key in cells if len(key) <= 8 else any(key in c for c in cells)
        best = max(best, sum(any(has(k, f) for f in firsts) for k in keys))
    return best


def answer(q: Path, db: str, out: Path) -> str:
    dest = out / f"{q.parent.parent.name}_{q.stem}.md"
    if not dest.exists():
        r = subprocess.run([sys.executable, "-m", "evidencebot", "assemble", "tender", "--db", db, "--question-file",
                            str(q)], capture_output=True, text=True, cwd=ROOT)
        dest.write_text(r.stdout)
    return dest.read_text()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sets", default="24-36")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cached", action="store_true", help="score only the answers already in --out (assemble none)")
    a = ap.parse_args()
    lo, hi = map(int, a.sets.split("-"))
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    todo = []
    for n in range(lo, hi + 1):
        for q in sorted((ROOT / f"tests/data/heldout/s{n}/questions").glob("q*.md")):
            tabs = list(buyer_tables(q.read_text()))
            if tabs and (not a.cached or (out / f"{q.parent.parent.name}_{q.stem}.md").exists()):
                todo.append((q, tabs))
    with ThreadPoolExecutor(a.jobs) as ex:
        answers = list(ex.map(lambda t: answer(t[0], a.db, out), todo))
    rows_all = rows_met = tables_all = tables_full = named_all = 0
    for (q, tabs), ans in zip(todo, answers):
        box = bool(TEXT_BOX.search(q.read_text()))
        for k, keys in tabs:
            got = covered(ans, keys)
            named = sum(k_.lower() in ans.lower() for k_ in keys)
            rows_all, rows_met, named_all = rows_all + len(keys), rows_met + got, named_all + named
            tables_all, tables_full = tables_all + 1, tables_full + (got == len(keys))
            print(f"{q.parent.parent.name}/{q.stem}  {k:<13} table rows {got:>2}/{len(keys):<2} "
                  f"named anywhere {named:>2}/{len(keys):<2} {'FULL' if got == len(keys) else ''}"
                  f"{' (character limit: a text box)' if box else ''}")
    print(f"total: {tables_full}/{tables_all} buyer tables given row for row; {rows_met}/{rows_all} buyer rows in a "
          f"table of the answer; {named_all}/{rows_all} named anywhere in it")


if __name__ == "__main__":
    main()
