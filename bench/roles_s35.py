"""Our roles against the buyer's establishment in regenerated answers (issue 12 items 3-4, session 35).

The s34 blind panel's FIRM finding "throughout" both bids: where the buyer sets its establishment role by role, our
answers spoke of our model's roles ('a duty recovery worker and a peer support worker, with a clinical lead on site',
'locality team leaders'), and broke the buyer's rota rule ('one of them a Team Leader or Wellbeing Practitioner').

Two modes, run from the tree under test (``PYTHONPATH=src``):

    bench/roles_s35.py gen OUT [SET ...]     # a fresh demo db per spent set, one answer per question, check --db
    bench/roles_s35.py count OUT [--against BEFORE]

``gen`` writes OUT/sNN/<set>_qMM.md, .log, .check and OUT/sNN/rows.json (assemble exit code, check exit code and
findings, words used, limit, method share). ``count`` prints, per set and in total: answers, assemble exit 0, check
--db findings, mean method share, mean words/limit; and, over the answers of a tender whose buyer sets its
establishment role by role (four roles or more), the mentions of our roles the buyer's establishment does not name
(in our words: 'recovery worker(s)', 'clinical lead(s)', ...; the establishment's own sentences, which list our
additions, left out), the mentions of our locality structure to a buyer that names no localities, and the sentences
that break a rule of the buyer's on who must be on site. The buyer's staffing is read by compose/buyer_scale (its
roles by their table, list or prose) over every question file of the set, as the assembler reads the tender.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [f"s{n}" for n in range(28, 35)]
_WORDS = re.compile(r"([\d,]+) words of ([\d,]+) allowed")


def _int(s: str) -> int:
    return int(s.replace(",", ""))


def gen(out: Path, sets: list[str]) -> None:
    from click.testing import CliRunner

    from evidencebot.cli import cli
    from evidencebot.compose import tender

    for name in sets:
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        db = d / "demo.db"
        for f in d.glob("demo.db*"):
            f.unlink()
        CliRunner().invoke(cli, ["demo", "--db", str(db)])
        rows = []
        for q in sorted((ROOT / "tests/data/heldout" / name / "questions").glob("q[0-9][0-9].md")):
            seen: dict = {}
            cover = tender._coverage

            def coverage(sections, text, seen=seen, cover=cover):
                seen["sections"] = sections
                return cover(sections, text)

            tender._coverage = coverage
            stem = f"{name}_{q.stem}"
            try:
                res = CliRunner().invoke(cli, ["assemble", "tender", "--db", str(db), "--question-file", str(q),
                                               "--force", "-o", str(d / f"{stem}.md")])
            finally:
                tender._coverage = cover
            (d / f"{stem}.log").write_text(res.output, encoding="utf-8")
            chk = CliRunner().invoke(cli, ["check", "--db", str(db), "--question-file", str(q), str(d / f"{stem}.md")])
            (d / f"{stem}.check").write_text(chk.output, encoding="utf-8")
            m = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?", chk.output)
            wm = _WORDS.search(res.output)
            scored = [s for s in seen.get("sections") or [] if s.point.kind != "confirm"]
            method = sum(u.words for s in scored for u in s.kept_units() if any(r.startswith("block:") for r in u.refs))
            body = sum(u.words for s in scored for u in s.kept_units())
            rows.append({"answer": stem, "rc": res.exit_code, "check_rc": chk.exit_code,
                         "findings": sum(int(x) for x in m.groups()) if m else 0,
                         "words": _int(wm.group(1)) if wm else None, "limit": _int(wm.group(2)) if wm else None,
                         "method_share": round(method / body, 3) if body else None})
            print(stem, rows[-1], flush=True)
        (d / "rows.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def counts(out: Path, sets: list[str]) -> dict[str, dict]:
    import yaml

    from evidencebot.compose import buyer_scale

    profile = yaml.safe_load((ROOT / "corpus/library/profile.yaml").read_text(encoding="utf-8"))
    ours = buyer_scale.our_role_words(profile)
    result = {}
    for name in sets:
        d = out / name
        if not (d / "rows.json").exists():
            continue
        rows = json.loads((d / "rows.json").read_text(encoding="utf-8"))
        qdir = ROOT / "tests/data/heldout" / name / "questions"
        buyer = "\n".join(p.read_text(encoding="utf-8") for p in sorted(qdir.glob("*.md")))
        staff = buyer_scale.staffing(buyer)
        sets_est = buyer_scale.sets_establishment(staff)
        titles = [r.title or r.role for r in staff if r.wte is not None]
        # our roles the buyer's establishment does not name (by name: never by our own map, which is what is measured)
        absent = [r for r in ours if not any(buyer_scale.same_role(t, r) for t in titles)] if sets_est else []
        localities = bool(buyer_scale.locality_names(buyer)) or bool(re.search(r"\blocalit", buyer, re.I))
        rules = buyer_scale.rota_rules(buyer)
        c = {"answers": len(rows), "exit0": sum(r["rc"] == 0 for r in rows),
             "check_findings": sum(r["findings"] for r in rows), "check_exit0": sum(r["check_rc"] == 0 for r in rows),
             "method_share": _mean([r["method_share"] for r in rows]),
             "words_over_limit": _mean([r["words"] / r["limit"] for r in rows if r["words"] and r["limit"]]),
             "sets_establishment": sets_est, "absent_mentions": 0, "absent_by_role": {}, "locality_mentions": 0,
             "rota_breaks": 0, "rota_rules": len(rules)}
        for r in rows:
            md = d / f"{r['answer']}.md"
            text = md.read_text(encoding="utf-8") if md.exists() else ""
            said = [s for s in _sentences(text) if not re.search(r"whole-time-equivalent posts|our model of care", s)]
            for role in sorted(absent, key=len, reverse=True):  # 'locality team leader' before 'team leader'
                pat = re.compile(rf"(?<![\w-]){buyer_scale.role_form(role)}(?![\w-])", re.I)
                n = sum(len(pat.findall(s)) for s in said)
                said = [pat.sub("#", s) for s in said]
                if n:
                    c["absent_mentions"] += n
                    c["absent_by_role"][role] = c["absent_by_role"].get(role, 0) + n
            if not localities:
                c["locality_mentions"] += sum(len(re.findall(r"\blocalit(?:y|ies)\b", s, re.I)) for s in said)
            c["rota_breaks"] += sum(1 for s in _sentences(text) for rule in rules if buyer_scale.breaks_rota(s, rule))
        result[name] = c
    return result


def _mean(xs: list) -> float | None:
    xs = [x for x in xs if x is not None]
    return round(sum(xs) / len(xs), 3) if xs else None


KEYS = ["answers", "exit0", "check_exit0", "check_findings", "method_share", "words_over_limit", "absent_mentions",
        "locality_mentions", "rota_breaks"]


def _total(res: dict[str, dict]) -> dict:
    t: dict = {}
    for k in KEYS:
        vals = [c[k] for c in res.values() if c[k] is not None]
        t[k] = _mean(vals) if k in ("method_share", "words_over_limit") else sum(vals)
    return t


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("gen", "count"):
        print(__doc__)
        return 2
    out = Path(argv[1])
    if argv[0] == "gen":
        gen(out, argv[2:] or SETS)
        return 0
    against = Path(argv[argv.index("--against") + 1]) if "--against" in argv else None
    sets = [a for a in argv[2:] if re.fullmatch(r"s\d+", a)] or SETS
    after = counts(out, sets)
    before = counts(against, sets) if against else {}
    print("set  " + " ".join(f"{k:>17}" for k in KEYS))
    for name in list(after) + ["total"]:
        a = _total(after) if name == "total" else after[name]
        b = (_total(before) if name == "total" else before.get(name)) if before else None
        cells = [f"{b[k]}→{a[k]}" if b else f"{a[k]}" for k in KEYS]
        print(f"{name:5}" + " ".join(f"{c:>17}" for c in cells))
    for name, c in after.items():
        if c["absent_by_role"] or (before.get(name) or {}).get("absent_by_role"):
            print(f"{name} our roles absent from the buyer's establishment, mentions: before "
                  f"{(before.get(name) or {}).get('absent_by_role', '-')} after {c['absent_by_role']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
