"""Does every part of a drafted answer answer its own heading? Fit of placed blocks, empty parts, space used.

    python bench/part_fit.py [--db PATH] [--sets s8,s9,...] [--show] [--dump FILE]

Each spent set's questions (``tests/data/heldout/<set>/questions/q*.md``) are drafted as ``tender draft
--all`` drafts one tender (one ``TenderShared``, the whole questionnaire as buyer context). For every part of
every answer the method blocks placed in it are read from the coverage row. Printed per set and in total:

* *fit*: of the placed blocks that ``tests/data/labelled/part_fit_s8_s13.jsonl`` and ``part_fit_s17.jsonl`` judge (a label is
  {set, q, heading, block, fits}: does this paragraph answer the ASK of this heading, as a panel member
  would judge it; buyer templates, ``buyer-*``, are not judged; a part is matched to a label by its heading's words, so a reworded heading is still found),
  the share that fit. Unlabelled placements are counted and listed with ``--show`` (label them);
* *no method*: parts (not Pass/Fail rows) with no method block, i.e. "[To write]" or evidence only;
* *measures*: parts whose ask is how something will be known, measured or evidenced (``tender.measure_ask``), and
  of them those whose text names a frequency ('every quarter', 'monthly') and what happens when a measure is off
  track ('off track', 'falls behind', 'below target');
* *space used*: characters of the answers over their limits (a word limit counted at 6.5 characters a
  word, the mean of our answers; a character limit as given), the mean ratio, and answers under 60%.

``--dump FILE`` writes every placement as a JSON line (set, q, heading, block, first words of the
paragraph) for labelling. Builds a 60-person demo unless --db names one. s14 is the transfer check: run it
with ``--sets s14`` once at the start and once before the last landing, never tune on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "labelled" / "part_fit_s8_s13.jsonl"
LABEL_FILES = (LABELS, ROOT / "tests" / "data" / "labelled" / "part_fit_s17.jsonl")
"""The labels read by default: s8-s13 (session 13), and s17 (session 18, r18: each placement judged from the s17
blind panel's sheets, ``tests/data/heldout/s17/panel``, where the scorer said whether the text answered the part)."""
DEV = ("s8", "s9", "s10", "s11", "s12", "s13")
TO_WRITE = ("nothing in the library", "evidence only")
CHARS_PER_WORD = 6.5


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def load_labels(path: Path | None = None) -> list[dict]:
    out = []
    for p in ([path] if path is not None else LABEL_FILES):
        if p.exists():
            out += [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


def judged(labels: list[dict], set_name: str, qid: str, heading: str, block: str) -> bool | None:
    """The label for ``block`` under ``heading`` (matched by the heading's words), None when unlabelled."""
    want = _words(heading)
    best, score = None, 0.0
    for lab in labels:
        if lab["set"] != set_name or lab["q"] != qid or lab["block"] != block:
            continue
        have = _words(lab["heading"])
        s = len(want & have) / max(1, len(want | have))
        if s > score:
            best, score = lab, s
    return bool(best["fits"]) if best is not None and score >= 0.5 else None


def placed_ids(row) -> list[str]:
    ids = re.findall(r"method: ([^;|]*)", row.evidence)
    return [i.strip() for i in ids[0].split(",") if i.strip() and " " not in i.strip()] if ids else []


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--sets", default=",".join(DEV))
    ap.add_argument("--show", action="store_true", help="print misfits, unlabelled placements and empty parts")
    ap.add_argument("--dump", help="write every placement as a JSON line here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import tender as T
    from evidencebot.compose.tender import TenderShared, assemble_tender

    measure_ask = getattr(T, "measure_ask", None) or (lambda t: re.search(
        r"(?i)\bhow\s+(?:you|we)\s+will\s+(?:know|measur|evidenc|show|monitor)|\bhow\s+will\s+(?:you|we)\s+(?:know|measur|"
        r"evidenc|show|monitor)|^\s*(?:measuring|monitoring|evidencing|showing)\b|\bmeasures?\s+you\s+will\s+use", t))

    from _demo import bench_database

    db = bench_database(args.db, Path(tempfile.mkdtemp()), people=60)
    labels = load_labels()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    started = time.perf_counter()
    tot = {"placed": 0, "judged": 0, "fit": 0, "parts": 0, "empty": 0, "ratio": 0.0, "answers": 0, "under": 0, "buyer": 0, "asks": 0, "measured": 0}
    for set_name in args.sets.split(","):
        files = sorted((ROOT / "tests/data/heldout" / set_name / "questions").glob("q[0-9]*.md"))
        texts = [re.sub(r"\A---.*?---\n", "", f.read_text(encoding="utf-8"), flags=re.S) for f in files]
        whole = "\n".join(texts)
        shared = TenderShared()
        n = dict.fromkeys(tot, 0)
        for f, text in zip(files, texts):
            qid = f.stem
            try:
                ans = assemble_tender(db, text, None, shared=shared, buyer_context=whole)
            except Exception as exc:  # a question the assembler refuses is reported, not counted
                print(f"  {set_name}/{qid}: not drafted ({exc})")
                continue
            body = re.sub(r"^#+ .*$", "", ans.markdown, flags=re.M)
            cap = ans.plan.char_limit or ans.plan.word_limit * CHARS_PER_WORD
            ratio = len(body.strip()) / cap if cap else 1.0
            n["answers"] += 1
            n["ratio"] += ratio
            n["under"] += ratio < 0.6
            if args.show and ratio < 0.6:
                print(f"  {set_name}/{qid} uses {ratio:.0%} of its limit")
            parts = {m.group(1).strip(): m.group(2) for m in
                     re.finditer(r"(?m)^#+ (.+)\n((?:(?!^#+ ).*\n?)*)", ans.markdown)}
            texts = {p.key: p.text for p in ans.plan.points}
            for row in ans.coverage:
                if row.status.lower().startswith(("yes", "[to confirm", "confirm")) or "confirm" in row.status[:20]:
                    continue  # a Pass/Fail row is answered Yes/No, not with method text
                n["parts"] += 1
                if measure_ask(texts.get(row.key, row.label)):
                    n["asks"] += 1
                    body = next((b for h, b in parts.items() if row.label in h), "")
                    ok = bool(re.search(r"(?i)\b(?:every|each)\s+(?:month|quarter|year)|monthly|quarterly|annually", body)
                              and re.search(r"(?i)off\s+track|falls?\s+behind|below\s+(?:the\s+)?target|miss(?:es)?\s+(?:its|the)\s+target",
                                            body))
                    n["measured"] += ok
                    if args.show and not ok:
                        print(f"  {set_name}/{qid} NO MEASURES | {row.label[:90]}")
                ids = placed_ids(row)
                empty = row.status.startswith(TO_WRITE) or not ids
                n["empty"] += empty
                if args.show and empty:
                    print(f"  {set_name}/{qid} NO METHOD | {row.label[:90]}")
                for bid in ids:
                    n["placed"] += 1
                    if bid.startswith("buyer-"):
                        n["buyer"] += 1  # a template on the buyer's terms, placed by the part that names it: not judged
                        continue
                    verdict = judged(labels, set_name, qid, row.label, bid)
                    if dump:
                        dump.write(json.dumps({"set": set_name, "q": qid, "heading": row.label, "block": bid},
                                              ensure_ascii=False) + "\n")
                    if verdict is None:
                        if args.show:
                            print(f"  {set_name}/{qid} unlabelled | {row.label[:80]} <- {bid}")
                        continue
                    n["judged"] += 1
                    n["fit"] += verdict
                    if args.show and not verdict:
                        print(f"  {set_name}/{qid} MISFIT | {row.label[:80]} <- {bid}")
        print(f"{set_name}: {n['answers']} answers, {n['parts']} parts; placed blocks {n['placed']}, judged "
              f"{n['judged']}, fit {n['fit']}/{n['judged']} = {n['fit'] / max(1, n['judged']):.3f}; parts with no "
              f"method {n['empty']}/{n['parts']} = {n['empty'] / max(1, n['parts']):.3f}; measuring parts with measures, "
              f"frequency and action {n['measured']}/{n['asks']}; space used mean "
              f"{n['ratio'] / max(1, n['answers']):.2f}, answers under 60% {n['under']}")
        for k in tot:
            tot[k] += n[k]
    print(f"all: {tot['answers']} answers, {tot['parts']} parts; fit {tot['fit']}/{tot['judged']} = "
          f"{tot['fit'] / max(1, tot['judged']):.3f} (buyer templates {tot['buyer']}, unlabelled {tot['placed'] - tot['judged'] - tot['buyer']}); parts with no "
          f"method {tot['empty']}/{tot['parts']} = {tot['empty'] / max(1, tot['parts']):.3f}; measuring parts with measures, "
          f"frequency and action {tot['measured']}/{tot['asks']}; space used mean "
          f"{tot['ratio'] / max(1, tot['answers']):.2f}, answers under 60% {tot['under']} "
          f"({time.perf_counter() - started:.0f} s)")
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
