"""Which parts of an answer the method library answers: a block that answers them, an honest gap, or a loose block.

    python bench/part_coverage.py [--db PATH] [--provider new|incumbent] [--show] [--s20-only] [--no-s20]

For each labelled question (the shipped examples, labelled in
``tests/data/labelled/part_blocks_shipped.jsonl``, and the session-6 dev set
``questions_dev_s6.jsonl``: each sub-point with the block ids that answer it)
the question is planned as ``assemble tender`` plans it, and each labelled
sub-point is matched to the part whose words it shares most. A sub-point is
*answered* when its part's first block is one of its acceptable ids, a *gap*
when its part has no block ("[To write]"), and *loose* when the first block is
another one. Sub-points that share a part with another (the intake merged them)
are counted too, and reported. Builds a small demo unless --db names one.

``part_blocks_lots_s8.jsonl`` (session 8: 12 questions for lots the library
answered generically, written by the engineer who then wrote the blocks for
them, so tuned on both sides: a measure of library breadth, not a held-out
figure) labels each sub-point with the blocks that answer it.

``part_blocks_s7.jsonl`` (the 14 session-6 held-out ITT questions, spent, now
dev) also labels sub-points no shipped block answers (an empty list: the honest
answer is a gap); so does ``part_blocks_s8.jsonl`` (session 8's 18 intake dev questions,
labelled by i12m before the placement was run on them). For every set the script also prints *misplaced blocks*: of
all the blocks placed in the parts (not only the first), those that are not
among the sub-point's acceptable ids (a block placed where a gap was right
counts); and *honest gaps* split into right (nothing acceptable in the
library) and missed (an acceptable block exists).

**s20, per part, beside the panel's verdict** (session 21): each of the spent s20 questions
(``tests/data/heldout/s20/questions``) is drafted as ``evidencebot assemble tender --db D --question-file qNN.md``
drafts it (the buyer's facts of the other question files of the tender read too, every step of the assembler), and
each part of the answer is printed with the s20 blind panel's verdict for that sub-point
(``tests/data/labelled/part_verdicts_s20.jsonl``, from ``tests/data/heldout/s20/panel``: Fully / Mostly / Partly /
Not; the blocks the panel read as another topic's or the other side's text; the buyer's names and requirements it
said the part never named or committed to), matched by the heading's words. For each part:

* *fit*: each placed library block is on the part's topic (bench/part_topics.py's test), or *OFF*; a block the panel
  read as off-topic still placed is *panel-off* (buyer templates and commitments are not judged);
* *names*: of the names the panel looked for in the part, those its text (heading left out) does not name;
* *commit*: of the requirements it looked for, those the text does not state;
* *repeats*: sentences of the answer that say an earlier sentence again (:func:`repeats.near_duplicates`),
  timelines after the first (:func:`repeats.is_timeline`), and announced counts ('five risks') that do not match
  the list that follows.

Totals are printed last: parts, on topic, panel-off blocks still placed, names and requirements missed, repeats.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "labelled"
SETS = {"shipped": LABELLED / "part_blocks_shipped.jsonl", "dev_s6": LABELLED / "questions_dev_s6.jsonl",
        "dev_s7": LABELLED / "part_blocks_s7.jsonl", "dev_s8": LABELLED / "part_blocks_s8.jsonl",
        "lots_s8": LABELLED / "part_blocks_lots_s8.jsonl"}


S20 = ROOT / "tests" / "data" / "heldout" / "s20" / "questions"
VERDICTS = LABELLED / "part_verdicts_s20.jsonl"


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def _parts(markdown: str) -> list[tuple[str, str]]:
    """(heading, text under it) for each '## ' heading of an answer; one ('', text) when it has none."""
    out: list[tuple[str, str]] = []
    for line in markdown.splitlines():
        if line.startswith("## "):
            out.append((line[3:].strip(), ""))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + line + "\n")
        elif line.strip():
            out.append(("", line + "\n"))
    return out


def _said(want: str, text: str) -> bool:
    return " ".join(want.lower().split()) in " ".join(text.lower().split())


def s20_report(db, show: bool = False) -> dict:
    """The s20 questions drafted as the command drafts them, part by part beside the panel's verdict (see the header)."""
    from part_topics import on_topic

    from evidencebot.cli.assemble import _read_question
    from evidencebot.compose import blockmatch, library, repeats
    from evidencebot.compose.tender import assemble_tender
    from evidencebot.compose.tender_store import question_file_context

    labels: dict[str, list[dict]] = {}
    for line in VERDICTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels.setdefault(row["q"], []).append(row)
    blocks = {b.block_id: b for b in library.list_blocks(db)}
    topics = blockmatch.load_topics()
    total = {"parts": 0, "judged": 0, "on": 0, "off": 0, "panel_off": 0, "names": 0, "names_missed": 0,
             "commit": 0, "commit_missed": 0, "repeats": 0, "timelines": 0, "counts": 0}
    for file in sorted(S20.glob("q*.md")):
        text, limit = _read_question(None, str(file))
        facts, whole, _ = question_file_context(db, str(file))
        answer = assemble_tender(db, text, limit, tender=facts or None, buyer_context=whole)
        parts = _parts(answer.markdown)
        rows = [r for r in answer.coverage]
        points = {p.key: p for p in answer.plan.points}
        sentences = [s for _, body in parts for s in re.split(r"(?<=[.!?])\s+", " ".join(body.split())) if s]
        again = repeats.near_duplicates(sentences)
        timelines = 0
        print(f"s20 {file.stem}: {answer.counts.words} words; {len(again)} repeated sentence(s)")
        for i, j in again:
            total["repeats"] += 1
            if show:
                print(f"    repeats: {sentences[j][:90]!r} (said as {sentences[i][:60]!r})")
        for n, row in enumerate(rows):
            heading, body = parts[n] if n < len(parts) else ("", "")
            ids = [x.strip() for x in re.sub(r"^method:\s*", "", row.evidence.split(";")[0]).split(",")
                   if row.evidence.startswith("method:")]
            ids = [i.split(" ")[0] for i in ids if i and not re.match(r"\d+ (?:figure|story)", i)]
            judged = [i for i in ids if i in blocks and not i.startswith("buyer-")]
            point = points.get(row.key)
            off = [i for i in judged if point is not None and not on_topic(point, blocks[i], topics)]
            label = max(labels.get(file.stem, []), default=None,
                        key=lambda r: len(_words(r["part"]) & _words(row.label)) / max(1, len(_words(r["part"]) | _words(row.label))))
            if label is not None and not _words(label["part"]) & _words(row.label):
                label = None
            panel_off = [i for i in ids if label and i in label["off_blocks"]]
            names = [x for x in (label or {}).get("names", []) if not _said(x, body)]
            commit = [x for x in (label or {}).get("commit", []) if not _said(x, body)]
            timelines += sum(1 for i in judged if repeats.is_timeline(blocks[i].body))
            counted = repeats.count_mismatches(body)
            total["parts"] += 1
            total["judged"] += bool(judged)
            total["on"] += bool(judged) and not off
            total["off"] += bool(off)
            total["panel_off"] += len(panel_off)
            total["names"] += len((label or {}).get("names", []))
            total["names_missed"] += len(names)
            total["commit"] += len((label or {}).get("commit", []))
            total["commit_missed"] += len(commit)
            total["counts"] += len(counted)
            verdict = label["verdict"] if label else "-"
            flags = [f"OFF {', '.join(off)}" if off else "", f"panel-off {', '.join(panel_off)}" if panel_off else "",
                     f"names missed: {'; '.join(names)}" if names else "", f"not committed: {'; '.join(commit)}" if commit else "",
                     f"count said: {'; '.join(counted)}" if counted else "", "" if ids else "no method block"]
            flags = [f for f in flags if f]
            print(f"  {row.key:>5} [{verdict:>6}] {row.label[:60]!r}: {', '.join(ids) or '-'}"
                  + (f"  <- {' | '.join(flags)}" if flags else ""))
        total["timelines"] += max(0, timelines - 1)
    print(f"s20 total: {total['parts']} parts, {total['judged']} with library blocks: on topic {total['on']}, "
          f"off topic {total['off']}; panel-off blocks still placed {total['panel_off']}; names the panel looked for "
          f"missed {total['names_missed']} of {total['names']}; requirements not committed {total['commit_missed']} of "
          f"{total['commit']}; repeated sentences {total['repeats']}, extra timelines {total['timelines']}, counts "
          f"that do not match their list {total['counts']}")
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--provider", choices=["new", "incumbent"], help="set the profile's provider_status first (on a copy)")
    ap.add_argument("--show", action="store_true", help="print every loose block and gap")
    ap.add_argument("--s20-only", action="store_true", help="only the s20 report, part by part beside the panel")
    ap.add_argument("--no-s20", action="store_true", help="leave the s20 report out")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT / "src"))
    from evidencebot.compose import blockmatch
    from evidencebot.compose import tender as T
    from evidencebot.compose.questions import plan_question
    from evidencebot.errors import InputError
    from evidencebot.store.blocks import set_profile
    from evidencebot.store.db import connect

    path = args.db
    if not path or args.provider:
        import shutil

        fresh = str(Path(tempfile.mkdtemp()) / "demo.db")
        if path:
            shutil.copy(path, fresh)
        else:
            from evidencebot.store.demo import build_demo

            build_demo(connect(fresh), people=60)
        path = fresh
    db = connect(path)
    if args.provider:
        set_profile(db, {"provider_status": args.provider})
    for name, file in SETS.items():
        if args.s20_only:
            break
        counts = {"answered": 0, "gap": 0, "loose": 0}
        merged = placed = misplaced = right_gaps = 0
        for line in file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = (ROOT / row["file"]).read_text(encoding="utf-8") if "file" in row else row["text"]
            text = re.sub(r"\A---.*?---\n", "", text, flags=re.S)
            try:
                plan = plan_question(text)
            except InputError:  # no limit read: given with --words, as a user would after that error
                plan = plan_question(text, 600)
            methods = T.choose_methods(db, plan)
            parts = [(p, set(blockmatch.tokens(p.text))) for p in plan.points]
            taken: dict[str, int] = {}
            for sub, ok in zip(row["subpoints"], row["ok_blocks"]):
                want = set(blockmatch.tokens(sub))
                point = max(parts, key=lambda x: len(want & x[1]) / max(1, len(want | x[1])))[0]
                taken[point.key] = taken.get(point.key, 0) + 1
                ids = [b.block_id for b in methods[point.key].blocks]
                first = ids[:1]
                kind = "gap" if not first else ("answered" if first[0] in ok else "loose")
                counts[kind] += 1
                right_gaps += kind == "gap" and not ok
                if taken[point.key] == 1:  # a part shared by two labelled sub-points is counted once
                    placed += len(ids)
                    wrong = [i for i in ids if i not in ok]
                    misplaced += len(wrong)
                    if args.show and wrong and kind != "loose":
                        print(f"  {row['id']} misplaced: {sub[:70]!r} -> {', '.join(wrong)}")
                if args.show and kind != "answered":
                    print(f"  {row['id']} {kind}: {sub[:90]!r} -> {first[0] if first else '[To write]'} (want {', '.join(ok)})")
            merged += sum(n for n in taken.values() if n > 1)
        total = sum(counts.values())
        print(f"{name}: {total} sub-points: answered {counts['answered']}, honest gaps {counts['gap']} "
              f"({right_gaps} where nothing in the library answers), loose {counts['loose']}"
              f" ({merged} sub-points share a part with another); blocks placed {placed}, misplaced {misplaced}")
    if not args.no_s20:
        s20_report(db, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
