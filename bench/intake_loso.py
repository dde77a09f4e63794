"""Question intake judged set by set (issue 12 item 1, session 36): every spent and dev set's sub-point P/R (with
gates, bench/question_intake.py's matching rule) and limits, in one process, and each recall miss and false point
sorted by the SHAPE of the question line it comes from, so a change can be judged by the sets it was not derived
from (leave one set out).

    PYTHONPATH=src python bench/intake_loso.py                       # per-set P/R and limits
    PYTHONPATH=src python bench/intake_loso.py --misses [--shape S]  # misses / false points by shape
    PYTHONPATH=src python bench/intake_loso.py --dump FILE           # predictions as JSON (for --against)
    PYTHONPATH=src python bench/intake_loso.py --against OTHER_SRC   # both trees, per set, with what changed

``--against`` runs this script under OTHER_SRC (a copy of another tree's src/ with its phrasebank/ and templates/
beside it) with ``--dump`` (or reads such a dump: ``--against FILE.json``) and compares set by set; a set whose P or R is lower than before is flagged FALL.
Sets: tests/data/heldout/*/questions_*.jsonl, tests/data/heldout/questions_heldout.jsonl and
tests/data/labelled/**/questions_*.jsonl (the spent held-out sets and the dev sets)."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from question_intake import match, overlap, with_gates  # noqa: E402

LIMIT_KEYS = ("word_limit", "char_limit", "page_limit", "weighting")


def sets() -> list[Path]:
    return sorted((ROOT / "tests" / "data").rglob("questions_*.jsonl"))


def predict(paths: list[Path]) -> dict:
    from evidencebot.compose.gates import read as read_gates
    from evidencebot.compose.questions import parse_question

    out: dict = {}
    for path in paths:
        name = str(path.relative_to(ROOT / "tests" / "data"))
        rows = []
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            try:
                q = parse_question(r["text"])
                pred = with_gates([t for _, t in q.points], read_gates(r["text"]))
                lim = {"word_limit": q.word_limit, "char_limit": q.char_limit, "page_limit": q.page_limit,
                       "weighting": q.weighting}
            except Exception as exc:  # noqa: BLE001 - a crash is nothing found
                pred, lim = [], {k: f"ERROR {exc}" for k in LIMIT_KEYS}
            rows.append({"id": r["id"], "pred": pred, "limits": lim})
        out[name] = rows
    return out


def load(name: str) -> dict[str, dict]:
    path = ROOT / "tests" / "data" / name
    return {r["id"]: r for r in (json.loads(x) for x in open(path, encoding="utf-8") if x.strip())}


def score(name: str, rows: list[dict]) -> dict:
    lab = load(name)
    tp = fp = fn = 0
    lim_ok = Counter()
    for r in rows:
        exp = list(lab[r["id"]]["subpoints"])
        pairs = match(r["pred"], exp)
        tp += len(pairs)
        fp += len(r["pred"]) - len(pairs)
        fn += len(exp) - len(pairs)
        for k in LIMIT_KEYS:
            want, have = lab[r["id"]].get(k), r["limits"].get(k)
            ok = (want is None and have is None) or (want is not None and isinstance(have, (int, float))
                                                      and float(want) == float(have))
            lim_ok[k] += ok
    return {"P": tp / (tp + fp) if tp + fp else 0.0, "R": tp / (tp + fn) if tp + fn else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "n": len(rows), "limits": dict(lim_ok)}


# ------------------------------------------------------------------ shapes

def source_line(text: str, point: str) -> tuple[int, str]:
    """The question line (index, text) that shares the most content words with the sub-point."""
    lines = text.split("\n")
    best = max(range(len(lines)), key=lambda i: overlap(point, lines[i]) if lines[i].strip() else -1)
    return best, lines[best]


_ITEM = re.compile(r"^\s*(?:[-*\u2022o]\s+|\(?[a-z]{1,4}[.)]\s+|\d+(?:\.\d+)*[.)]?\s+)")
_ROMAN = re.compile(r"^\s*(?:[-*]\s+)?\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s", re.I)
_LETTER = re.compile(r"^\s*(?:[-*]\s+)?\(?[a-h][.)]\s")
_SCORING = re.compile(r"(?i)\b(?:scor(?:e|ing)|descriptor|marks?\b|evaluat(?:ion|ors?)|assessed)")
_GUIDANCE = re.compile(r"(?i)^\s*(?:#+\s*|\*\*)?(?:guidance|notes?\s+for|bidder\s+guidance|what\s+we\s+are\s+looking)")
_INCLUDE_LEAD = re.compile(r"(?i)(?:should|must|will|to)\s+(?:include|cover|address|set\s+out)\b[^:]*:\s*\**\s*$")


def shape(text: str, point: str, others: list[str]) -> str:
    lines = text.split("\n")
    i, line = source_line(text, point)
    s = line.strip()
    if overlap(point, line) < 0.6:
        return "not one line (spread or reworded)"
    # another labelled sub-point drawn from the same line: an item holding two asks
    if any(o != point and overlap(o, line) >= 0.6 and source_line(text, o)[0] == i for o in others):
        if _ITEM.match(line) and not s.startswith("|"):
            return "two asks in one list item (', and how B', 'including A and B')"
        return "two asks in one prose sentence or paragraph"
    if s.startswith("|"):
        return "in a table"
    if _ROMAN.match(s):
        return "roman numeral"
    before = [ln for ln in lines[:i] if ln.strip()]
    if any(_SCORING.search(ln) and (ln.lstrip().startswith("#") or ln.strip().startswith("**") or ln.strip().endswith(":"))
           for ln in before[-12:]) and any(re.search(r"(?i)^\s*(?:[-*]\s*)?(?:\*\*)?(?:[0-5]|score)\b", ln) for ln in before[-12:]):
        return "after scoring descriptors"
    if any(_GUIDANCE.match(ln) for ln in before):
        return "in guidance after the question"
    if re.match(r"^\s+[-*•]\s", line) and any(_LETTER.match(ln) for ln in before[-6:]):
        return "nested bullet under a lettered part"
    prev = before[-1] if before else ""
    if re.match(r"^\s*(?:[-*•]|\d+[.)]|\(?[a-z][.)])\s", line) and _INCLUDE_LEAD.search(prev or ""):
        return "'should include:' list item"
    if re.match(r"^\s*(?:[-*•]|\d+[.)]|\(?[a-z][.)])\s", line):
        return "list item"
    if re.search(r"(?i)\bif\b|\bwhere\b", s[:40]):
        return "conditional sentence"
    return "prose sentence"


def misses(preds: dict, only: str = "") -> None:
    tally: Counter = Counter()
    false_tally: Counter = Counter()
    shown: list[str] = []
    for name, rows in preds.items():
        lab = load(name)
        for r in rows:
            row = lab[r["id"]]
            exp = list(row["subpoints"])
            pairs = match(r["pred"], exp)
            got_e = {j for _, j in pairs}
            got_p = {i for i, _ in pairs}
            for j, e in enumerate(exp):
                if j in got_e:
                    continue
                sh = shape(row["text"], e, exp)
                tally[sh] += 1
                if not only or only in sh:
                    shown.append(f"MISS [{sh}] {name} {r['id']}: {e}\n      line: {source_line(row['text'], e)[1].strip()[:200]}")
            for i, p in enumerate(r["pred"]):
                if i in got_p:
                    continue
                sh = shape(row["text"], p, r["pred"])
                false_tally[sh] += 1
                if not only or only in sh:
                    shown.append(f"FALSE [{sh}] {name} {r['id']}: {p[:200]}")
    print("\n".join(shown))
    print("\nrecall misses by shape:")
    for k, v in tally.most_common():
        print(f"  {v:4d}  {k}")
    print("false points by shape:")
    for k, v in false_tally.most_common():
        print(f"  {v:4d}  {k}")


_JOINED = {
    "', and how/what/who/when/where/which/whether' inside an item": re.compile(
        r"(?i),\s+and\s+(?:how|what|who|when|where|which|whether)\b"),
    "'including how A and how B' inside an item": re.compile(r"(?i)\bincluding\s+how\b.*\band\s+how\b"),
    "'A, and <verb> B' (', and describe/explain/say/give')": re.compile(
        r"(?i),\s+and\s+(?:describe|explain|say|give|set\s+out|tell\s+us|state|confirm|provide)\b"),
}


def joined_asks() -> None:
    """How the writers label a list item holding two asks: for each item line of that shape, how many labelled
    sub-points draw on it (1 = labelled whole, 2+ = labelled apart), per set."""
    for label, pat in _JOINED.items():
        whole: Counter = Counter()
        apart: Counter = Counter()
        for path in sets():
            name = str(path.relative_to(ROOT / "tests" / "data"))
            for row in load(name).values():
                lines = row["text"].split("\n")
                home = Counter(source_line(row["text"], e)[0] for e in row["subpoints"]
                               if overlap(e, source_line(row["text"], e)[1]) >= 0.6)
                for i, ln in enumerate(lines):
                    if _ITEM.match(ln) and not ln.lstrip().startswith("|") and pat.search(ln) and home[i]:
                        (apart if home[i] >= 2 else whole)[name] += 1
        print(f"{label}: labelled whole {sum(whole.values())}, apart {sum(apart.values())}")
        for name in sorted(set(whole) | set(apart)):
            print(f"   {name:48s} whole {whole[name]:3d}  apart {apart[name]:3d}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", default="")
    ap.add_argument("--against", default="")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--shape", default="")
    ap.add_argument("--preds", default="", help="read the predictions from a --dump file instead of parsing again")
    ap.add_argument("--joined", action="store_true", help="how the writers label an item holding two asks")
    args = ap.parse_args()
    if args.joined:
        joined_asks()
        return
    preds = json.loads(Path(args.preds).read_text(encoding="utf-8")) if args.preds else predict(sets())
    if args.dump:
        Path(args.dump).write_text(json.dumps(preds), encoding="utf-8")
        return
    if args.misses:
        misses(preds, args.shape)
        return
    other = None
    if args.against.endswith(".json"):  # a dump made before (--dump) with the other tree
        other = json.loads(Path(args.against).read_text(encoding="utf-8"))
    elif args.against:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            dump = f.name
        subprocess.run([sys.executable, __file__, "--dump", dump], check=True,
                       env=dict(os.environ, PYTHONPATH=args.against))
        other = json.loads(Path(dump).read_text(encoding="utf-8"))
    falls = 0
    tot = Counter()
    for name, rows in preds.items():
        m = score(name, rows)
        tot.update({k: m[k] for k in ("tp", "fp", "fn")})
        lim = " ".join(f"{m['limits'][k]}" for k in LIMIT_KEYS)
        line = f"{name:48s} P={m['P']:.3f} R={m['R']:.3f} limits w/c/p/wt {lim} of {m['n']}"
        if other is not None:
            b = score(name, other[name])
            fell = m["P"] < b["P"] - 1e-9 or m["R"] < b["R"] - 1e-9 or any(
                m["limits"][k] < b["limits"][k] for k in LIMIT_KEYS)
            falls += fell
            blim = " ".join(f"{b['limits'][k]}" for k in LIMIT_KEYS)
            line = (f"{name:48s} before P={b['P']:.3f} R={b['R']:.3f} [{blim}]  after P={m['P']:.3f} R={m['R']:.3f} "
                    f"[{lim}]{'  FALL' if fell else ''}{'  changed' if rows != other[name] else ''}")
        print(line)
    p = tot["tp"] / (tot["tp"] + tot["fp"])
    r = tot["tp"] / (tot["tp"] + tot["fn"])
    print(f"all sets: P={p:.3f} R={r:.3f} (tp={tot['tp']} fp={tot['fp']} fn={tot['fn']})")
    if other is not None:
        print(f"sets that fell (P, R or a limit): {falls}")


if __name__ == "__main__":
    main()
