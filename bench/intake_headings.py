"""Sub-points and headings on every labelled question set at once (issue 12 item 1), one line a set.

    PYTHONPATH=src python bench/intake_headings.py [--against OTHER_SRC] [--dump FILE] [--misses]

For each questions_*.jsonl under tests/data: sub-point P / R with gates (the rule of bench/question_intake.py), and
for both headings a sub-point gets -- the *label* (``parse_question(...).headings``, the heading the method blocks
are fitted by) and the *printed* heading (``plan_question(...).points[i].heading``, the one over the answer's part):

- ``words``: mean words a heading; ``>10`` and ``>12``: how many run over ten and twelve words;
- ``cut``: cut mid-phrase at the end (bench/question_intake.py's rule: an unclosed bracket, or a last word that
  cannot end a phrase where the sub-point's wording goes on) or at the start;
- ``bad end``: ends on 'and', 'of' or 'to' (whatever the buyer's wording);
- ``close``: of the predicted sub-points matched to a labelled one, how many headings share at least half their
  content words with the writer's heading for it (a guide: a heading worded otherwise can be right).

``--against OTHER_SRC`` also runs the sets with the intake in OTHER_SRC (a copy of another branch's src/ with its
phrasebank/ and templates/ beside it) and prints the totals of both and each set's change. ``--dump FILE`` writes
every heading (set, id, label | printed | sub-point) for a diff. ``--misses`` prints each set's missed and extra
sub-points with the question's shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from question_intake import cut_mid_phrase, match, overlap, starts_mid_phrase, with_gates  # noqa: E402

BAD_END = {"and", "of", "to"}


def heading_stats(pairs: list[tuple[str, str, str, str]]) -> dict:
    """(heading, sub-point text, question text, labelled heading or '') -> counts."""
    n = len(pairs)
    lens = [len(h.split()) for h, _, _, _ in pairs]
    return {
        "n": n,
        "words": sum(lens) / n if n else 0.0,
        "over10": sum(x > 10 for x in lens),
        "over12": sum(x > 12 for x in lens),
        "cut": sum(cut_mid_phrase(h, t) or starts_mid_phrase(h, t, q) for h, t, q, _ in pairs),
        "bad_end": sum(h.rstrip(" .").split()[-1].lower() in BAD_END for h, _, _, _ in pairs if h.strip()),
        "matched": sum(1 for *_, lab in pairs if lab),
        "close": sum(1 for h, _, _, lab in pairs if lab and overlap(h, lab) >= 0.5),
    }


def run_set(path: Path, dump: list[str] | None, misses: bool) -> dict:
    from evidencebot.compose.gates import read as read_gates
    from evidencebot.compose.questions import parse_question, plan_question

    tp = fp = fn = 0
    labels: list[tuple[str, str, str, str]] = []
    printed: list[tuple[str, str, str, str]] = []
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    for r in rows:
        try:
            q = parse_question(r["text"])
        except Exception:  # noqa: BLE001 - a crash counts as nothing found
            fn += len(r["subpoints"])
            continue
        points = [t for _, t in q.points]
        try:
            plan = plan_question(r["text"])
        except Exception:  # noqa: BLE001 - no limit read: any limit gives the same headings
            try:
                plan = plan_question(r["text"], 1000)
            except Exception:  # noqa: BLE001
                plan = None
        shown = [p.heading or p.label for p in plan.points] if plan and len(plan.points) == len(points) else q.headings
        pred = with_gates(points, read_gates(r["text"]))
        exp = list(r["subpoints"])
        pairs = match(pred, exp)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(exp) - len(pairs)
        wanted = dict(pairs)
        heads = r.get("headings") or []
        for i, (h, s, t) in enumerate(zip(q.headings, shown, points)):
            j = wanted.get(i)
            lab = heads[j] if j is not None and j < len(heads) else ""
            labels.append((h, t, r["text"], lab))
            printed.append((s, t, r["text"], lab))
            if dump is not None:
                dump.append(f"{path.stem}\t{r['id']}\t{h}\t{s}\t{t}")
        if misses and len(pairs) < max(len(pred), len(exp)):
            got = {i for i, _ in pairs}
            hit = {j for _, j in pairs}
            print(f"  {path.stem} {r['id']} ({r.get('shape', '')})")
            for i, t in enumerate(pred):
                if i not in got:
                    print(f"     extra: {t}")
            for j, t in enumerate(exp):
                if j not in hit:
                    print(f"     missed: {t}")
    return {"tp": tp, "fp": fp, "fn": fn, "label": heading_stats(labels), "printed": heading_stats(printed)}


def _pr(m: dict) -> tuple[float, float]:
    p = m["tp"] / (m["tp"] + m["fp"]) if m["tp"] + m["fp"] else 0.0
    r = m["tp"] / (m["tp"] + m["fn"]) if m["tp"] + m["fn"] else 0.0
    return p, r


def _heads(h: dict) -> str:
    return (f"{h['n']} words {h['words']:.1f} >10 {h['over10']} >12 {h['over12']} cut {h['cut']} "
            f"bad-end {h['bad_end']} close {h['close']}/{h['matched']}")


def collect(dump_path: str = "", misses: bool = False) -> dict:
    dump: list[str] | None = [] if dump_path else None
    out = {}
    for path in sorted((ROOT / "tests" / "data").rglob("questions_*.jsonl")):
        out[str(path.relative_to(ROOT / "tests" / "data"))] = run_set(path, dump, misses)
    if dump_path and dump is not None:
        Path(dump_path).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return out


def total(sets: dict) -> dict:
    t = {"tp": 0, "fp": 0, "fn": 0}
    for which in ("label", "printed"):
        t[which] = {k: 0 for k in ("n", "over10", "over12", "cut", "bad_end", "matched", "close")}
        words = 0.0
        for m in sets.values():
            for k in t[which]:
                t[which][k] += m[which][k]
            words += m[which]["words"] * m[which]["n"]
        t[which]["words"] = words / t[which]["n"] if t[which]["n"] else 0.0
    for m in sets.values():
        for k in ("tp", "fp", "fn"):
            t[k] += m[k]
    return t


def show(name: str, m: dict) -> None:
    p, r = _pr(m)
    print(f"{name}: P={p:.3f} R={r:.3f} | label {_heads(m['label'])} | printed {_heads(m['printed'])}")


def main(argv: list[str]) -> int:
    against = argv[argv.index("--against") + 1] if "--against" in argv else ""
    dump = argv[argv.index("--dump") + 1] if "--dump" in argv else ""
    if "--json" in argv:  # the other side of --against
        print(json.dumps(collect(dump)))
        return 0
    mine = collect(dump, misses="--misses" in argv)
    if not against:
        for name, m in mine.items():
            show(name, m)
        show("ALL", total(mine))
        return 0
    env = dict(os.environ, PYTHONPATH=against)
    args = [sys.executable, __file__, "--json"] + (["--dump", dump + ".before"] if dump else [])
    other = json.loads(subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout)
    falls = 0
    for name, m in mine.items():
        o = other.get(name)
        if o is None:
            continue
        (p0, r0), (p1, r1) = _pr(o), _pr(m)
        fell = p1 < p0 - 0.01 or r1 < r0 - 0.01
        falls += fell
        changed = (p0, r0) != (p1, r1) or o["label"] != m["label"] or o["printed"] != m["printed"]
        if changed:
            print(f"{name}{'  FALL' if fell else ''}")
            show("   before", o)
            show("   after ", m)
    show("ALL before", total(other))
    show("ALL after ", total(mine))
    print(f"sets that fell by more than 0.01 in P or R: {falls}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
