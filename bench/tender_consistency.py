"""A tender's answers against the buyer's numbers and against each other (issue 12; session 28, s27 contradictions).

    PYTHONPATH=src python bench/tender_consistency.py --sets s27,s26,s25 [--out DIR] [--db DEMO.db] [--all]
    PYTHONPATH=src python bench/tender_consistency.py --answers DIR --questions QDIR

Drafts each spent set's questionnaire the way users do: one file at a time with ``evidencebot assemble tender
--question-file qNN.md`` (which reads the sibling question files of the same tender), or with ``--all`` by importing
the files as one tender and running ``evidencebot tender draft --all``; then counts three kinds of inconsistency:

* **capacity**: an answer states an establishment (role WTE figures) and the buyer caps each role's caseload and says
  how many people are open at once; the roles it caps, at their caps, hold fewer people than that (WTE x cap summed
  over the capped roles the answer names);
* **slower**: a first contact we offer after an event (a referral, a release from prison, a discharge) slower than the
  buyer's standard for the same event and kind of contact anywhere in its questions (urgent against urgent);
* **two timings**: one event and kind of contact given two different timings across the answers of the tender.

The counting reads timings with its own patterns below (not compose/timings.py, which the generator uses), so the
generator is not scored by its own reader.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

_UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "working day": 1.4, "calendar day": 1.0, "week": 7.0}
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "twelve": 12, "fourteen": 14, "twenty": 20, "seventy two": 72, "seventy-two": 72, "forty eight": 48}
_EVENT = r"(?P<e>referral|receipt|release|discharge)"
_NUM_WORDS = "|".join(sorted((k.replace(" ", "[- ]") for k in _NUM), key=len, reverse=True))
_WITHIN = re.compile(r"\bwithin\s+(?P<n>\d+|" + _NUM_WORDS + r")\s+(?P<u>working\s+days?|calendar\s+days?|days?|"
                     r"weeks?|hours?)\s+(?:of|after|from|following)\s+(?:the\s+|their\s+|a\s+)?(?:receipt\s+of\s+)?"
                     + _EVENT, re.I)
_NEXT_DAY = re.compile(r"\bon\s+the\s+day\s+of\s+" + _EVENT + r"\s+or\s+the\s+next\s+working\s+day", re.I)
_SEEN = re.compile(r"\b(?:appointment|sees?|seen|meets? (?:the person|them)|face[- ]to[- ]face|in person|visits?)\b", re.I)
_CONTACT = re.compile(r"\b(?:contact(?:ed|s)?|calls?|hear from|phones?)\b", re.I)
_NOT_CONTACT = re.compile(r"\b(?:acknowledged?|assess(?:ment|ed)|plan|summary|letter|report|review(?:ed)?|completed|"
                          r"agreed|sent|shared)\b", re.I)
_URGENT = re.compile(r"\b(?:urgent|emergency|crisis|high[- ]risk|immediate)\b", re.I)


def _days(n: str, unit: str) -> float | None:
    v = float(n) if n.isdigit() else _NUM.get(" ".join(n.lower().replace("-", " ").split()), None)
    if v is None:
        return None
    u = " ".join(unit.lower().split()).rstrip("s")
    return v * _UNIT_DAYS.get(u, 1.0)


def _statements(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("|"):
            out.append(line)
        else:
            out.extend(x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line) if x.strip())
    return out


def timings(text: str) -> list[tuple[tuple[str, str, bool], float, str]]:
    """[((event, 'seen'|'contact', urgent), days, the words)] for each first-contact timing after an event."""
    out = []
    for s in _statements(text):
        for m in list(_WITHIN.finditer(s)) + list(_NEXT_DAY.finditer(s)):
            head = re.split(r";|:|, and|, then", s[:m.start()])[-1]
            near = head[-60:]
            if not (_SEEN.search(head) or _CONTACT.search(head)):
                continue
            if _NOT_CONTACT.search(near) and not (_SEEN.search(near) or _CONTACT.search(near)):
                continue
            kind = "seen" if _SEEN.search(head) else "contact"
            event = "referral" if m.group("e").lower() == "receipt" else m.group("e").lower()
            d = _days(m.group("n"), m.group("u")) if "n" in m.groupdict() and m.groupdict().get("n") else 1.4
            if d is None:
                continue
            out.append(((event, kind, bool(_URGENT.search(head))), d, m.group(0)))
    return out


def count(answers: Path, questions: Path) -> dict:
    from evidencebot.compose import buyer_scale

    qtext = "\n".join(p.read_text() for p in sorted(questions.glob("q*.md")))
    files = sorted(p for p in answers.glob("q*.md") if re.fullmatch(r"q\d+[a-z]?\.md", p.name))
    texts = {p.stem: p.read_text() for p in files}
    if not texts and (answers / "response.md").exists():
        # the whole tender drafted together (``--all``): one response, an answer under each top-level heading
        parts = re.split(r"(?m)^# ", (answers / "response.md").read_text())
        texts = {f"a{i:02d}": t for i, t in enumerate(parts[1:], 1)}
    # capacity
    caps, people = [], None
    for q in buyer_scale.read(qtext):
        if q.kind == "caseload_cap":
            caps = list(q.roles)
        if q.kind == "open_caseload":
            people = q.value
    capacity = []
    if caps and people and len(caps) > 1:
        for ref, text in texts.items():
            for s in _statements(text):
                if not re.search(r"whole-time-equivalent|\bWTE\b", s):
                    continue
                held, named = 0.0, 0
                for role, cap in caps:
                    m = re.search(rf"\b{re.escape(role)}\s+(\d+(?:\.\d+)?)\b(?!\s*%)", s, re.I)
                    if m:
                        held += float(m.group(1)) * cap
                        named += 1
                if named >= 2 and held + 1e-9 < people:
                    capacity.append((ref, held, people))
                    break
    # slower than the buyer's
    buyer: dict = {}
    for key, d, words in timings(qtext):
        if key not in buyer or d < buyer[key][0]:
            buyer[key] = (d, words)
    slower, said = [], {}
    for ref, text in texts.items():
        for key, d, words in timings(text):
            said.setdefault(key, {}).setdefault(round(d, 3), []).append((ref, words))
            if key in buyer and d > buyer[key][0] + 1e-9:
                slower.append((ref, words, buyer[key][1]))
    two = {k: v for k, v in said.items() if len(v) > 1}
    return {"answers": len(texts), "capacity": capacity, "slower": slower, "two_timings": two}


def draft(set_name: str, out: Path, db: str, whole: bool, src: Path = ROOT / "src") -> Path:
    qdir = ROOT / "tests" / "data" / "heldout" / set_name / "questions"
    dest = out / set_name
    dest.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    base = [PY, "-m", "evidencebot"]
    if whole:
        files = sorted(qdir.glob("q*.md"))
        tdb = dest / "tender.db"
        if tdb.exists():
            tdb.unlink()
        import shutil
        shutil.copy(db, tdb)
        subprocess.run(base + ["tender", "import", *map(str, files), "--db", str(tdb)], env=env,
                       capture_output=True, text=True)
        subprocess.run(base + ["tender", "draft", "--all", "--db", str(tdb)], env=env, capture_output=True, text=True)
        subprocess.run(base + ["tender", "export", "-o", str(dest / "response.md"), "--db", str(tdb), "--force"],
                       env=env, capture_output=True, text=True)
        return dest
    failed = []
    for q in sorted(qdir.glob("q*.md")):
        r = subprocess.run(base + ["assemble", "tender", "--question-file", str(q), "--force", "-o", str(dest / q.name),
                                   "--db", db], env=env, capture_output=True, text=True)
        (dest / f"{q.stem}.log").write_text(r.stderr)
        if r.returncode:
            failed.append(q.stem)
    print(f"{set_name}: drafted one file at a time; exit 1 (a checker finding or a contradiction left): "
          f"{', '.join(failed) or 'none'}")
    return dest


def report(name: str, result: dict) -> None:
    print(f"{name}: {result['answers']} answers; capacity short {len(result['capacity'])}; slower than the buyer "
          f"{len(result['slower'])}; events with two timings {len(result['two_timings'])}")
    for ref, held, people in result["capacity"]:
        print(f"  capacity {ref}: the capped roles hold {held:,.0f} at their caps for {people:,.0f} people")
    for ref, ours, theirs in result["slower"]:
        print(f"  slower {ref}: {ours!r} against the buyer's {theirs!r}")
    for key, values in result["two_timings"].items():
        print(f"  two timings {key}: " + "; ".join(f"{v[0][0]} {v[0][1]!r}" for v in values.values()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="")
    ap.add_argument("--out", default="")
    ap.add_argument("--db", default="")
    ap.add_argument("--all", action="store_true", help="draft the whole tender with `tender draft --all`")
    ap.add_argument("--answers", default="")
    ap.add_argument("--questions", default="")
    ap.add_argument("--src", default=str(ROOT / "src"), help="the code to draft with (another checkout's src: before)")
    a = ap.parse_args()
    if a.answers:
        report(a.answers, count(Path(a.answers), Path(a.questions)))
        return
    out = Path(a.out or tempfile.mkdtemp(prefix="tender_consistency_"))
    db = a.db
    if not db:
        db = str(out / "demo.db")
        subprocess.run([PY, "-m", "evidencebot", "demo", "--db", db, "--force"], check=True, capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    totals = [0, 0, 0]
    for s in [x for x in a.sets.split(",") if x]:
        dest = draft(s, out, db, a.all, Path(a.src))
        r = count(dest, ROOT / "tests" / "data" / "heldout" / s / "questions")
        report(s, r)
        totals = [totals[0] + len(r["capacity"]), totals[1] + len(r["slower"]), totals[2] + len(r["two_timings"])]
    print(f"total: capacity short {totals[0]}; slower than the buyer {totals[1]}; events with two timings {totals[2]}")


if __name__ == "__main__":
    main()
