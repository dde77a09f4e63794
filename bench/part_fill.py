"""Is every sub-point answered with text about that sub-point? Empty parts, misfits and repeats (issue 12).

    python bench/part_fill.py [--db PATH] [--sets s8,...,s14] [--show]

Each set's questions (``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft --all`` drafts one
tender (one ``TenderShared``, the whole questionnaire as buyer context). Printed per set and in total, over the
scored parts (not Pass/Fail rows):

* *to write*: parts whose kept text is the '[To write: ...]' marker (no text for the panel);
* *empty*: parts with a heading and no text at all (squeezed out);
* *drafted*: parts whose text was drafted from the question's own words (coverage 'drafted from the question'), to
  be confirmed by the writer;
* *misfit*: placed library blocks that ``tests/data/labelled/part_fit_s8_s13.jsonl`` judges not to answer the
  heading they sit under (of those judged; labels exist for s8, s9 and s13 only);
* *repeated*: sentences of eight words or more said twice in one answer (under two headings or in one), and
  paragraphs said in two answers of one tender;
* *findings*: checker findings left in the answers (must be 0).

``--show`` lists the parts counted (not allowed for s15/s15b: the transfer check is read as aggregates only).
Builds a 60-person demo unless --db names one.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
DEV = ("s8", "s9", "s10", "s11", "s12", "s13", "s14")
TRANSFER = ("s15", "s15b")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower()))


def parts_of(markdown: str) -> list[tuple[str, str]]:
    """(heading, body) of each headed part; the text before the first heading is one part with heading ''."""
    out, head, body = [], "", []
    for line in markdown.splitlines():
        m = re.match(r"^#+ (.+)$", line)
        if m:
            out.append((head, "\n".join(body)))
            head, body = m.group(1).strip(), []
        else:
            body.append(line)
    out.append((head, "\n".join(body)))
    return [(h, b) for h, b in out if h or b.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--sets", default=",".join(DEV))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    sets = args.sets.split(",")
    if args.show and any(s in TRANSFER for s in sets):
        ap.error("--show is not allowed on the transfer check (s15, s15b): aggregates only")
    sys.path.insert(0, str(ROOT / "src"))
    from _demo import bench_database
    from part_fit import judged, load_labels, placed_ids

    from evidencebot.compose.tender import TenderShared, assemble_tender

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    labels = load_labels()
    started = time.perf_counter()
    keys = ("answers", "parts", "to_write", "empty", "drafted", "judged", "misfit", "rep_in", "rep_across", "findings")
    tot = dict.fromkeys(keys, 0)
    for set_name in sets:
        folder = ROOT / "tests/data/heldout" / set_name / "questions"
        files = sorted(folder.glob("q[0-9]*.md"))
        if not files:
            print(f"{set_name}: no questions")
            continue
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        shared = TenderShared()
        n = dict.fromkeys(keys, 0)
        paragraphs_seen: dict[str, str] = {}
        for f, text in zip(files, texts):
            qid = f.stem
            try:
                ans = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{qid}: not drafted ({type(exc).__name__})")
                continue
            n["answers"] += 1
            n["findings"] += len(ans.findings)
            bodies = dict(parts_of(ans.markdown))
            for row in ans.coverage:
                if row.marker.startswith("[To confirm"):
                    continue  # a Pass/Fail row, answered Yes/No
                n["parts"] += 1
                body = next((b for h, b in bodies.items() if h and row.label in h), None)
                said = " ".join(body.split()) if body is not None else ""
                if row.marker.startswith("[To write") and row.marker in ans.markdown:
                    kind = "to_write"
                elif body is not None and not said:
                    kind = "empty"
                elif row.status.startswith("drafted from the question"):
                    kind = "drafted"
                else:
                    kind = ""
                if kind:
                    n[kind] += 1
                    if args.show:
                        print(f"  {set_name}/{qid} {kind.upper()} | {row.label[:100]}")
                for bid in placed_ids(row):
                    if bid.startswith("buyer-"):
                        continue
                    verdict = judged(labels, set_name, qid, row.label, bid)
                    if verdict is None:
                        continue
                    n["judged"] += 1
                    if not verdict:
                        n["misfit"] += 1
                        if args.show:
                            print(f"  {set_name}/{qid} MISFIT | {row.label[:80]} <- {bid}")
            body_text = re.sub(r"(?m)^#+ .*$", "", ans.markdown)
            counts = Counter(_norm(s) for s in sentences(body_text) if len(s.split()) >= 8)
            for s, c in counts.items():
                if c > 1:
                    n["rep_in"] += c - 1
                    if args.show:
                        print(f"  {set_name}/{qid} REPEATED x{c} | {s[:100]}")
            for para in re.split(r"\n\s*\n", body_text):
                key = _norm(para)
                if len(key.split()) < 12:
                    continue
                if key in paragraphs_seen and paragraphs_seen[key] != qid:
                    n["rep_across"] += 1
                    if args.show:
                        print(f"  {set_name}/{qid} SAME PARAGRAPH AS {paragraphs_seen[key]} | {key[:90]}")
                paragraphs_seen.setdefault(key, qid)
        print(f"{set_name}: {n['answers']} answers, {n['parts']} parts: to write {n['to_write']}, empty {n['empty']}, "
              f"drafted from the question {n['drafted']}; misfit blocks {n['misfit']}/{n['judged']} judged; "
              f"sentences repeated in an answer {n['rep_in']}, paragraphs repeated across answers {n['rep_across']}; "
              f"checker findings {n['findings']}")
        for k in keys:
            tot[k] += n[k]
    print(f"all: {tot['answers']} answers, {tot['parts']} parts: to write {tot['to_write']}, empty {tot['empty']}, "
          f"drafted {tot['drafted']}; misfit {tot['misfit']}/{tot['judged']}; repeated in an answer {tot['rep_in']}, "
          f"across answers {tot['rep_across']}; findings {tot['findings']} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
