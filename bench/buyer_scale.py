"""The buyer's quantities against drafted answers: how many statements contradict them, how many state them.

    python bench/buyer_scale.py ANSWERS_DIR [--labels tests/data/labelled/buyer_scale_s11.jsonl] [--show]

ANSWERS_DIR holds the drafted answers of one tender, ``qNN.md`` (``evidencebot demo --db D``, then
``evidencebot assemble tender --db D --question-file tests/data/heldout/s11/questions/qNN.md -o ANSWERS_DIR/qNN.md``;
q06 needs ``--words 1100``). The labelled file (written from s11's ``questions/facts.md`` and the panel's
``contradictions.md``, not from the code) gives each quantity the buyer states, with its value and the question
that states it. A buyer's figure holds for every answer of the tender, so every answer is read against it.

Each quantity has its own reader here, written apart from ``compose`` so that the bench does not grade the code
with the code's own patterns. Per sentence of every answer (headings and "[To write]"/"[To confirm]" lines left
out) it counts a statement that *contradicts* the buyer's value (a caseload per worker above the cap, two
localities or "the other locality" against four, a capacity or an establishment below the people open or the
staff transferring, a discharge contact slower than the buyer's, reporting to "the commissioner at each
contract review" where the buyer names its group, a quarterly report where it asks for a monthly dashboard,
KPIs placed in another schedule than the buyer's, opening hours that close before the buyer's evenings) and one
that *states* the buyer's value. ``outcome_measures`` is read per answer: an answer naming DIALOG but none of the
buyer's 16-25 measures (ReQoL-10, GBO) contradicts once. A statement framed as our current service ("in our
current service ...", "today", "at present") is counted apart as *current*, not as a contradiction.

Prints one line per quantity (contradicting, stating, current) and the totals; ``--show`` lists the sentences.

``--draft QDIR --db DEMO`` first drafts every ``QDIR/qNN.md`` into ANSWERS_DIR as ``tender draft --all`` drafts one
tender (what earlier answers used shared, the whole questionnaire as the buyer's context, so that a figure one
question states holds in every answer), with the ``evidencebot`` on ``PYTHONPATH`` (``--words q06=1100`` for a
question whose limits are per part only). Answers drafted one question file at a time
(``assemble tender --question-file``, as the panels' were) see only their own question's figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-four": 24, "thirty": 30,
            "forty": 40, "forty-eight": 48, "fifty": 50, "seventy-two": 72, "both": 2}
_N = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"


def _num(text: str) -> float | None:
    t = text.lower().replace(",", "")
    if t in _NUMBERS:
        return float(_NUMBERS[t])
    try:
        return float(t)
    except ValueError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("–", "-").replace("—", "-").split())


_CURRENT = re.compile(r"\b(?:in\s+our\s+current\s+service|our\s+current\s+service|currently|at\s+present|today|"
                      r"in\s+the\s+service\s+we\s+run\s+now|where\s+we\s+work\s+now)\b", re.I)


def sentences(answer: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n", answer):
        lines = [ln for ln in para.splitlines() if not ln.lstrip().startswith("#") and not ln.lstrip().startswith("|")
                 and not re.search(r"\[To (?:write|confirm|attach|complete)\b", ln)]
        text = _norm(" ".join(lines))
        if text:
            out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\d\[(])", text) if s]
    return out


# ------------------------------------------------------------------ readers: sentence -> 'contra' | 'states' | None

def _caseload_cap(s: str, row: dict) -> str | None:
    cap = float(row["value"])
    nums = []
    for pat in (rf"\bup\s+to\s+{_N}\s+(?:people\s+)?(?:for|per)\s+(?:each|every|a)?\s*(?:whole-time\s+)?[a-z ]*?(?:worker|practitioner)",
                rf"\bcaseloads?\s+(?:of|are|is|at)\s+(?:up\s+to\s+|no\s+more\s+than\s+|at\s+most\s+|a\s+maximum\s+of\s+)?{_N}\b(?!\s*%)",
                rf"\b(?:hold|holds|holding)\s+(?:a\s+caseload\s+of\s+)?(?:no\s+more\s+than|more\s+than|up\s+to|at\s+most)\s+{_N}\s+people",
                rf"\bat\s+up\s+to\s+{_N}\s+each\b", rf"\b(?:cap|ceiling|limit)\s+of\s+{_N}\b"):
        for m in re.finditer(pat, s, re.I):
            n = _num(m.group(1))
            if n is not None:
                nums.append(n)
    if not nums:
        return None
    if any(n > cap for n in nums):
        return "contra"
    return "states" if cap in nums else None


def _localities(s: str, row: dict) -> str | None:
    want = int(row["value"])
    m = re.search(rf"\b{_N}\s+(?:locality\s+team\s+leaders|localities|locality\s+(?:teams|bases|hubs))\b", s, re.I)
    if m and _num(m.group(1)) not in (None, float(want)):
        return "contra"
    if re.search(r"\b(?:the\s+other\s+locality|both\s+localities|North\s+and\s+South\s+(?:locality|localities|bases|teams))\b", s, re.I):
        return "contra"
    if m or sum(name.lower() in s.lower() for name in row.get("names") or []) >= 3:
        return "states"
    return None


_ROOM = re.compile(rf"\b(?:room\s+for|capacity\s+(?:of|for))\s+(?:about\s+|around\s+|up\s+to\s+)?{_N}\s+people", re.I)
_ESTABLISHMENT = re.compile(rf"\b(?:establishment\s+(?:is|of)\s+|team\s+of\s+){_N}\s*(?:whole-time-equivalent|whole-time\s+equivalent|WTE|FTE)"
                            rf"|\b{_N}\s+(?:whole-time-equivalent|WTE|FTE)\s+posts\b", re.I)


def _scale(pattern: re.Pattern, row: dict, s: str) -> str | None:
    vals = [_num(g) for m in pattern.finditer(s) for g in m.groups() if g]
    vals = [v for v in vals if v is not None]
    if any(v < float(row["value"]) for v in vals):
        return "contra"
    if f"{int(row['value']):,}" in s or str(int(row["value"])) in s:
        return "states"
    return None


def _open_caseload(s: str, row: dict) -> str | None:
    return _scale(_ROOM, row, s)


def _workforce(s: str, row: dict) -> str | None:
    return _scale(_ESTABLISHMENT, row, s)


def _discharge_contact(s: str, row: dict) -> str | None:
    hours = float(row["value"])
    out = None
    for m in re.finditer(rf"\bwithin\s+{_N}\s+(hours|days|working\s+days)\s+of\s+(?:being\s+told\s+of\s+|hearing\s+of\s+)?"
                         r"(?:a\s+|the\s+|their\s+)?discharge", s, re.I):
        n = _num(m.group(1)) or 0
        n = n if m.group(2).lower() == "hours" else n * 24
        if n > hours:
            return "contra"
        if n == hours:
            out = "states"
    return out


def _first_contact(s: str, row: dict) -> str | None:
    out = None
    for m in re.finditer(rf"\bfirst\s+contact\s+(?:is\s+)?within\s+{_N}\s+working\s+days", s, re.I):
        n = _num(m.group(1)) or 0
        if n > float(row["value"]):
            return "contra"
        if n == float(row["value"]):
            out = "states"
    return out


def _extended_hours(s: str, row: dict) -> str | None:
    m = re.search(r"\bopen\s+(?:from\s+)?(\d{1,2})(?:[:.]\d\d)?\s*(am|pm)?\s+(?:to|until)\s+(\d{1,2})(?:[:.]\d\d)?\s*(am|pm)?\s+"
                  r"(?:on\s+)?(?:weekdays|Monday\s+to\s+Friday)", s, re.I)
    if not m:
        return "states" if re.search(r"\buntil\s+8\s*pm\b|\bto\s+8\s*pm\b", s, re.I) and re.search(r"Saturday|weekend", s, re.I) else None
    end = int(m.group(3)) + (12 if (m.group(4) or "pm").lower() == "pm" and int(m.group(3)) < 12 else 0)
    return "contra" if end < float(row["value"]) else "states"


def _peer_share(s: str, row: dict) -> str | None:
    total = re.search(r"\b(\d+(?:\.\d+)?)\s+whole-time-equivalent\s+posts", s, re.I)
    peer = re.search(r"\bpeer\s+support\s+workers?\s+(\d+(?:\.\d+)?)", s, re.I)
    if total and peer and float(total.group(1)) > 0:
        share = 100 * float(peer.group(1)) / float(total.group(1))
        return "contra" if share < float(row["value"]) else "states"
    if re.search(rf"\bpeer\s+support[^.]*?\b(?:at\s+least\s+)?{int(row['value'])}\s*%", s, re.I):
        return "states"
    return None


def _supervision(s: str, row: dict) -> str | None:
    if not re.search(r"\bclinical\s+supervision\b", s, re.I):
        return None
    weeks = {"weekly": 1, "fortnightly": 2, "monthly": 4.3, "six-weekly": 6, "every six weeks": 6, "every month": 4.3,
             "every two months": 8.7, "every eight weeks": 8, "every 8 weeks": 8, "quarterly": 13, "every quarter": 13,
             "every 6 weeks": 6}
    found = [w for k, w in weeks.items() if re.search(rf"\b{k}\b[^.;]{{0,20}}clinical\s+supervision|clinical\s+supervision[^.;]{{0,40}}\b{k}\b", s, re.I)]
    if not found:
        return None
    return "contra" if max(found) > float(row["value"]) else "states"


def _reporting_frequency(s: str, row: dict) -> str | None:
    if re.search(r"\bmonthly\s+dashboard|dashboard\s+every\s+month", s, re.I):
        return "states"
    if re.search(r"\b(?:quarterly\s+report|report\w*\s+[^.;]{0,60}?\bevery\s+quarter\b[^.;]{0,40}?\bcommissioner|"
                 r"quarterly\s+[^.;]{0,30}?to\s+the\s+commissioner)", s, re.I) and not re.search(r"\bmonth", s, re.I):
        return "contra"
    return None


def _reporting_forum(s: str, row: dict) -> str | None:
    if str(row["value"]).lower() in s.lower():
        return "states"
    if re.search(r"\b(?:report\w*|send\w*|present\w*)\b[^.;]{0,80}?\bto\s+the\s+commissioners?\s+at\s+(?:each|every|the)\s+"
                 r"(?:quarterly\s+)?contract\s+review|\bcontract\s+review\s+meeting\s+with\s+the\s+commissioner", s, re.I):
        return "contra"
    return None


def _kpi_schedule(s: str, row: dict) -> str | None:
    if str(row["value"]).lower() in s.lower():
        return "states"
    if re.search(r"\bKPIs?\b[^.;]{0,60}?\bSchedule\s+4\s*(?:Part\s+)?C\b|\bSchedule\s+4\s*(?:Part\s+)?C\b[^.;]{0,60}?\bKPIs?\b", s, re.I):
        return "contra"
    return None


READERS = {"caseload_cap": _caseload_cap, "localities": _localities, "open_caseload": _open_caseload,
           "workforce": _workforce, "tupe_staff": _workforce, "discharge_contact": _discharge_contact,
           "first_contact": _first_contact, "extended_hours": _extended_hours, "peer_share": _peer_share,
           "supervision": _supervision, "reporting_frequency": _reporting_frequency,
           "reporting_forum": _reporting_forum, "kpi_schedule": _kpi_schedule}


def _measures(answer: str, row: dict) -> str | None:
    body = " ".join(sentences(answer))
    named = [m for m in row["value"] if m.lower() in body.lower()]
    if "DIALOG" in body and len(named) == 1:
        return "contra"
    return "states" if len(named) > 1 or (named and named[0] != "DIALOG") else None


def measure(answers: dict[str, str], rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in rows:
        q = row["quantity"]
        res = out.setdefault(q, {"contra": [], "states": [], "current": []})
        for name, text in answers.items():
            if q == "outcome_measures":
                verdict = _measures(text, row)
                if verdict:
                    res[verdict].append((name, "(the answer's measures)"))
                continue
            for s in sentences(text):
                verdict = READERS[q](s, row)
                if verdict == "contra" and _CURRENT.search(s):
                    verdict = "current"
                if verdict:
                    res[verdict].append((name, s))
    return out


def draft(qdir: Path, out: Path, db_path: str | None, words: dict[str, str]) -> None:
    """Every qNN.md of ``qdir`` drafted as one tender (``tender draft --all``), each answer to ``out/qNN.md``."""
    from evidencebot.compose.tender import TenderShared, assemble_tender
    from evidencebot.store.db import connect

    if not db_path:
        raise SystemExit("--draft needs --db DEMO (evidencebot demo --db DEMO)")
    db = connect(db_path)
    files = sorted(p for p in qdir.glob("q*.md") if re.fullmatch(r"q\d+", p.stem))
    texts = [p.read_text(encoding="utf-8") for p in files]
    whole = "\n".join(texts)
    shared = TenderShared()
    out.mkdir(parents=True, exist_ok=True)
    for p, text in zip(files, texts):
        limit = int(words[p.stem]) if p.stem in words else None
        answer = assemble_tender(db, text, limit, shared=shared, buyer_context=whole)
        (out / f"{p.stem}.md").write_text(answer.markdown, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("answers")
    ap.add_argument("--labels", default=str(Path(__file__).resolve().parents[1] / "tests/data/labelled/buyer_scale_s11.jsonl"))
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--draft", metavar="QDIR", help="draft QDIR/qNN.md as one tender into ANSWERS_DIR first")
    ap.add_argument("--db", help="the demo database to draft with (--draft)")
    ap.add_argument("--words", action="append", default=[], metavar="qNN=N", help="a word limit for one question")
    args = ap.parse_args(argv)
    if args.draft:
        draft(Path(args.draft), Path(args.answers), args.db, dict(w.split("=", 1) for w in args.words))
    rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    files = sorted(p for p in Path(args.answers).glob("q*.md") if re.fullmatch(r"q\d+", p.stem))
    if not files:
        print(f"{args.answers}: no qNN.md answers", file=sys.stderr)
        return 2
    answers = {p.stem: p.read_text(encoding="utf-8") for p in files}
    res = measure(answers, rows)
    total = {"contra": 0, "states": 0, "current": 0}
    print(f"{'quantity':22} {'buyer':>10} contradicting stating current")
    for row in rows:
        r = res[row["quantity"]]
        value = row["value"] if not isinstance(row["value"], list) else "+".join(row["value"])
        print(f"{row['quantity']:22} {str(value)[:10]:>10} {len(r['contra']):13} {len(r['states']):7} {len(r['current']):7}")
        for k in total:
            total[k] += len(r[k])
        if args.show:
            for kind in ("contra", "current"):
                for name, s in r[kind]:
                    print(f"    {kind:7} {name}: {s[:200]}")
    print(f"{'total':22} {'':>10} {total['contra']:13} {total['states']:7} {total['current']:7}  ({len(files)} answers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
