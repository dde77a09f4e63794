"""How an answer spends its limit (issue 12 item 4, session 34): words used against the limit, the method share, the
method sentences the trimmer left out, blocks left out while the answer had room for them, answers over their limit,
``check --db`` findings and exit codes, per answer and per set.

Each question file is drafted with the command line (``assemble tender --question-file Q --force``, as
``/work/coord/gen_answers.sh`` does, with its sibling question files read as the tender's) in this process, and
checked with ``check --db --question-file``; the assembler's last sections are read through a wrapper on
``tender._coverage`` (what was kept, what was left out and why), its answer through one on ``tender._assemble_tender``.
Run it once per tree (``PYTHONPATH=TREE/src``) and compare the two JSON files::

    PYTHONPATH=/tmp/base/src python bench/budget_s34.py run --db demo.db --out before.json \
        tests/data/heldout/s3[0-3]/questions
    PYTHONPATH=src python bench/budget_s34.py run --db demo.db --out after.json tests/data/heldout/s3[0-3]/questions
    python bench/budget_s34.py compare before.json after.json

``--only q03,q12`` drafts those questions of each folder only. A demo database is built when ``--db`` does not exist
(``evidencebot demo --db``); each set is drafted on a fresh copy of it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

ROOM_WHY = ("budget", "limit", "method share")
_WORDS = re.compile(r"([\d,]+) words of ([\d,]+) allowed")
_CHARS = re.compile(r"([\d,]+) characters")


def _int(s: str) -> int:
    return int(s.replace(",", ""))


def draft(db: str, qfile: Path, outdir: Path) -> dict:
    from click.testing import CliRunner

    from evidencebot.cli import cli
    from evidencebot.compose import tender
    from evidencebot.compose.words import count_words

    seen: dict = {}
    cover, assemble = tender._coverage, tender._assemble_tender

    def coverage(sections, text):
        seen["sections"], seen["text"] = sections, text
        return cover(sections, text)

    def assembled(*a, **k):
        answer = assemble(*a, **k)
        seen["answer"] = answer
        return answer

    tender._coverage, tender._assemble_tender = coverage, assembled
    name = f"{qfile.parent.parent.name}_{qfile.stem}"
    try:
        res = CliRunner().invoke(cli, ["assemble", "tender", "--db", db, "--question-file", str(qfile), "--force",
                                       "-o", str(outdir / f"{name}.md")])
    finally:
        tender._coverage, tender._assemble_tender = cover, assemble
    (outdir / f"{name}.log").write_text(res.output, encoding="utf-8")
    chk = CliRunner().invoke(cli, ["check", "--db", db, "--question-file", str(qfile), str(outdir / f"{name}.md")])
    (outdir / f"{name}.check").write_text(chk.output, encoding="utf-8")
    m = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?", chk.output)
    findings = sum(int(x) for x in m.groups()) if m else -1
    row = {"answer": name, "rc": res.exit_code, "check_rc": chk.exit_code, "findings": findings}
    answer, sections = seen.get("answer"), seen.get("sections") or []
    if answer is None:
        return row
    plan = answer.plan
    md = (outdir / f"{name}.md").read_text(encoding="utf-8") if (outdir / f"{name}.md").exists() else ""
    wm = _WORDS.search(res.output)
    used = _int(wm.group(1)) if wm else count_words(md)
    limit = _int(wm.group(2)) if wm else plan.word_limit
    scored = [s for s in sections if s.point.kind != "confirm"]
    method = sum(u.words for s in scored for u in s.kept_units() if any(r.startswith("block:") for r in u.refs))
    body = sum(u.words for s in scored for u in s.kept_units())
    room_left = max(0, limit - used)
    dropped = []  # method sentences the trimmer left out (for room, not for a finding or a repeat)
    blocks_gone = []  # a block every sentence of which went for room though the answer had room for it all
    for s in scored:
        means = tender._means_unit(s)
        by_block: dict[str, list] = {}
        for u in s.units:
            for r in u.refs:
                if r.startswith("block:"):
                    by_block.setdefault(r, []).append(u)
            if u is means or u.kept or u.why not in ROOM_WHY or not any(r.startswith("block:") for r in u.refs):
                continue
            dropped.append({"part": s.point.key, "words": u.words, "why": u.why, "text": u.text[:90]})
        for ref, units in by_block.items():
            if all(not u.kept and u.why in ROOM_WHY for u in units) and units[0] is not means:
                words = sum(u.words for u in units)
                if words <= room_left:
                    blocks_gone.append({"part": s.point.key, "block": ref[6:], "words": words})
    means_kept = sum(1 for s in scored if (m := tender._means_unit(s)) is not None and m.kept)
    chars = len(md.strip())
    over = used > limit or (bool(plan.char_limit) and chars > plan.char_limit)
    row.update(blocks=len(answer.blocks), words=used, limit=limit, char_limit=plan.char_limit or 0, chars=chars, over=over,
               method=method, body=body, share=round(method / body, 3) if body else 0.0,
               method_dropped=len(dropped), method_dropped_words=sum(d["words"] for d in dropped),
               dropped_fit_room=sum(1 for d in dropped if d["words"] <= room_left),
               blocks_gone=blocks_gone, means_kept=means_kept, dropped=dropped,
               parts=[{"key": s.point.key, "budget": s.point.budget, "words": s.words()} for s in scored])
    return row


def run(args) -> None:
    db = Path(args.db)
    if not db.exists():
        from click.testing import CliRunner

        from evidencebot.cli import cli
        CliRunner().invoke(cli, ["demo", "--db", str(db)])
    outdir = Path(args.out).with_suffix("")
    outdir.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    rows = []
    for folder in args.folders:
        # a fresh copy of the demo per set, as gen_answers.sh builds one: the answers of a set are one tender
        fresh = outdir / f"{Path(folder).parent.name}.db"
        shutil.copyfile(db, fresh)
        for q in sorted(Path(folder).glob("q[0-9][0-9].md")):
            if only and q.stem not in only:
                continue
            row = draft(str(fresh), q, outdir)
            rows.append(row)
            print(f"{row['answer']}: rc {row['rc']} words {row.get('words')}/{row.get('limit')} share "
                  f"{row.get('share')} method dropped {row.get('method_dropped')} (fit the room left "
                  f"{row.get('dropped_fit_room')}) blocks gone with room {len(row.get('blocks_gone') or [])} "
                  f"findings {row['findings']}", flush=True)
    Path(args.out).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    summary(rows)


def summary(rows: list[dict], label: str = "") -> dict:
    done = [r for r in rows if "words" in r]
    n = len(done) or 1
    out = {
        "answers": len(rows),
        "exit 0": sum(1 for r in rows if r["rc"] == 0),
        "words used / limit (mean)": round(sum(r["words"] / r["limit"] for r in done if r["limit"]) / n, 3),
        "blocks used": sum(r.get("blocks", 0) for r in done),
        "method words": sum(r["method"] for r in done),
        "method share (mean)": round(sum(r["share"] for r in done) / n, 3),
        "method share < 0.5": sum(1 for r in done if r["share"] < 0.5),
        "method sentences dropped for room": sum(r["method_dropped"] for r in done),
        "  of them shorter than the room left": sum(r["dropped_fit_room"] for r in done),
        "blocks dropped while room was left": sum(len(r["blocks_gone"]) for r in done),
        "'what it means' lines kept": sum(r["means_kept"] for r in done),
        "answers over limit": sum(1 for r in done if r["over"]),
        "check --db findings": sum(max(r["findings"], 0) for r in rows),
    }
    print(f"== {label}")
    for k, v in out.items():
        print(f"{k:40} {v}")
    return out


def compare(args) -> None:
    a = json.loads(Path(args.before).read_text())
    b = json.loads(Path(args.after).read_text())
    sa, sb = summary(a, args.before), summary(b, args.after)
    print("\n| measure | before | after |\n|---|---|---|")
    for k in sa:
        print(f"| {k.strip()} | {sa[k]} | {sb[k]} |")
    bm = {r["answer"]: r for r in b}
    changed_rc = [r["answer"] for r in a if r["answer"] in bm and bm[r["answer"]]["rc"] != r["rc"]]
    print(f"\nexit codes changed: {len(changed_rc)} {changed_rc}")
    print("\nper answer (words/limit, share, method dropped) before -> after, changed only:")
    for r in a:
        s = bm.get(r["answer"])
        if not s or "words" not in r or "words" not in s:
            continue
        if (r["words"], r["method_dropped"], r["share"]) != (s["words"], s["method_dropped"], s["share"]):
            print(f"  {r['answer']}: {r['words']}/{r['limit']} -> {s['words']}/{s['limit']}; share {r['share']} -> "
                  f"{s['share']}; method dropped {r['method_dropped']} -> {s['method_dropped']}; blocks gone "
                  f"{len(r['blocks_gone'])} -> {len(s['blocks_gone'])}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("folders", nargs="+")
    r.add_argument("--db", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--only", default="")
    c = sub.add_parser("compare")
    c.add_argument("before")
    c.add_argument("after")
    args = ap.parse_args(argv)
    run(args) if args.cmd == "run" else compare(args)


if __name__ == "__main__":
    main()
