"""Session 35 (issue 12 item 4): the role of every place a buyer's questions name, one reader (compose/site_roles.py).

  python bench/site_s35.py roles [tests/data/labelled/site_roles_s35.jsonl]
      accuracy of the old readers (tender_profile.base_names: the tender's base; places.read: the sites we run and the
      partners' sites) and of site_roles.read, on hand-read rows (place, question file, role), each reader given the
      question file and its sibling files (as 'assemble tender --question-file' reads them)
  python bench/site_s35.py compare HELDOUT BEFORE AFTER
      the same counts for every set BEFORE and AFTER both hold (OUT/<set>/ as bench/fit_answers.py writes it), with
      method share (qNN.share: method words, body words), answers changed and exit codes
  python bench/site_s35.py answers QDIR ANSWERS_DIR [ANSWERS_DIR ...]
      over generated answers (qNN.md): sentences that write our own base as a partner's site (a partner pattern or
      'the staff of <base>', 'Staff at <base> will be able to call'), sentences that write a partner's site as ours
      ('we will run <partner site>', 'our base at <partner site>'), a once-weekly drop-in at a base the buyer opens
      to walk-ins, and the check findings / exit codes the generation logged
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from evidencebot.compose import places, site_roles, tender_profile

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled" / "site_roles_s35.jsonl"


def tender_text(qfile: Path) -> str:
    files = [qfile] + [p for p in sorted(qfile.parent.glob("q[0-9][0-9].md")) if p != qfile]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _k(name: str) -> str:
    return site_roles.key(name)


def old_roles(text: str) -> dict[str, tuple[str, str]]:
    """{place key: (role by tender_profile, role by places)} as the two old readers give them ('' when none)."""
    out: dict[str, list[str]] = {}
    for name, _ in tender_profile.base_names(text):
        out.setdefault(_k(name), ["", ""])[0] = "ours"
    sites = places.read(text)
    for s in sites.run:
        out.setdefault(_k(s.name), ["", ""])[1] = "ours"
    for s in sites.partner:
        out.setdefault(_k(s.name), ["", ""])[1] = "partner"
    return {k: (v[0], v[1]) for k, v in out.items()}


def _lookup(found: dict[str, str], name: str) -> str:
    k = _k(name)
    if k in found:
        return found[k]
    # a reader that kept a longer or shorter form of the name ('Pier House' / 'Pier House Recovery Hub')
    near = [v for f, v in found.items() if f.startswith(k + " ") or k.startswith(f + " ")]
    return near[0] if near else ""


def roles(path: Path) -> None:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts: dict[str, str] = {}
    score = Counter()
    confusion = {r: Counter() for r in ("tender_profile", "places", "old (either)", "site_roles")}
    wrong: list[str] = []
    sched_ok = sched_n = 0
    for row in rows:
        text = texts.setdefault(row["file"], tender_text(Path(row["file"])))
        old = old_roles(text)
        a = _lookup({k: v[0] for k, v in old.items() if v[0]}, row["name"])
        b = _lookup({k: v[1] for k, v in old.items() if v[1]}, row["name"])
        either = b or a
        new_places = site_roles.read(text)
        new = _lookup({p.key: p.role for p in new_places}, row["name"])
        for label, got in (("tender_profile", a), ("places", b), ("old (either)", either), ("site_roles", new)):
            score[label] += got == row["role"]
            confusion[label][(row["role"], got or "none")] += 1
        if new != row["role"]:
            wrong.append(f"  {row['file'].split('heldout/')[-1]} {row['name']}: {row['role']} read as {new or 'none'}")
        if row.get("schedule"):
            sched_n += 1
            got_s = _lookup({p.key: p.schedule for p in new_places}, row["name"])
            sched_ok += got_s == row["schedule"]
    n = len(rows)
    print(f"rows {n} (sets {', '.join(sorted({r['set'] for r in rows}))}; roles {dict(Counter(r['role'] for r in rows))})")
    for label in confusion:
        c = confusion[label]
        ours_as_partner = c[("ours", "partner")]
        partner_as_ours = c[("partner", "ours")]
        print(f"{label:15} accuracy {score[label] / n:.3f} ({score[label]}/{n}); our base read as a partner's "
              f"{ours_as_partner}; a partner's site read as ours {partner_as_ours}; ours missed "
              f"{c[('ours', 'none')]}")
    print(f"schedules read as the buyer's days: {sched_ok}/{sched_n}")
    if wrong:
        print("site_roles wrong:")
        print("\n".join(wrong))


PARTNER_WORDS = re.compile(r"\b(?:working\s+agreement|information\s+sharing\s+agreement|host\s+organisation)\s+with\s+"
                           r"(?:the\s+)?(?P<d>[A-Z][^.,;]+?)(?=[.,;]|\s+(?:that|which|so|setting|naming|covering)\b)")
OURS_WORDS = re.compile(r"\b(?:we|the\s+provider)\s+will\s+run\s+(?:the\s+)?(?P<a>[A-Z][^.,;]+?)(?=[.,;]|\s+(?:as|from|and)\b)"
                        r"|\bour\s+(?:own\s+)?base\s+at\s+(?:the\s+)?(?P<b>[A-Z][^.,;]+?)(?=[.,;]|\s)")


def answers(qdir: Path, dirs: list[Path]) -> dict[str, Counter]:
    text = tender_text(sorted(qdir.glob("q[0-9][0-9].md"))[0])
    found = site_roles.read(text)
    ours = site_roles.of_role(found, "ours")
    partner = site_roles.of_role(found, "partner")
    print(f"tender {qdir}: ours {[p.name for p in ours]}; partners {[p.name for p in partner]}")
    out: dict[str, Counter] = {}
    for d in dirs:
        counts = Counter()
        where: list[str] = []
        for md in sorted(d.glob("q[0-9][0-9].md")):
            body = md.read_text(encoding="utf-8")
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(body.split())):
                if site_roles.partner_subject(sentence, found):
                    counts["our base written as a partner's site"] += 1
                    where.append(f"  {md.name}: {sentence[:150]}")
                for m in PARTNER_WORDS.finditer(sentence):
                    said = next(g for g in m.groups() if g)
                    if site_roles.names(said, ours):
                        counts["our base written as a partner's site"] += 1
                        where.append(f"  {md.name}: {sentence[:150]}")
                for m in OURS_WORDS.finditer(sentence):
                    said = next(g for g in m.groups() if g)
                    if site_roles.names(said, partner):
                        counts["a partner's site written as ours"] += 1
                        where.append(f"  {md.name}: {sentence[:150]}")
                if site_roles.rare_session_at_base(sentence, found, text):
                    counts["a once-weekly drop-in at a walk-in base"] += 1
                    where.append(f"  {md.name}: {sentence[:150]}")
            check = md.with_suffix(".check")
            if check.exists():
                last = re.search(r"(\d+) errors?, (\d+) warnings?, (\d+) suggestions?",
                                 check.read_text(encoding="utf-8", errors="replace"))
                counts["check findings"] += sum(map(int, last.groups())) if last else 0
                counts["check outputs read"] += last is not None
        summary = d / "summary.txt"
        rcs = re.findall(r"assemble rc=(\d+) check rc=(\d+)", summary.read_text()) if summary.exists() else []
        counts["assemble exit 0"] = sum(a == "0" for a, _ in rcs)
        counts["check exit 0"] = sum(c == "0" for _, c in rcs)
        shares = [tuple(map(int, x.read_text().split())) for x in sorted(d.glob("q[0-9][0-9].share"))]
        fractions = [m / b for m, b in shares if b]
        share = f"; method share mean {sum(fractions) / len(fractions):.3f}, lowest {min(fractions):.3f}" if fractions else ""
        print(f"{d}: " + "; ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f" (of {len(rcs)} answers){share}")
        for w in where:
            print(w)
        out[str(d)] = counts
    return out


def compare(heldout: Path, before: Path, after: Path) -> None:
    total = {"before": Counter(), "after": Counter()}
    changed = n = 0
    for d in sorted(p for p in before.iterdir() if p.is_dir() and (after / p.name).is_dir()):
        got = answers(heldout / d.name / "questions", [d, after / d.name])
        total["before"] += got[str(d)]
        total["after"] += got[str(after / d.name)]
        for md in sorted(d.glob("q[0-9][0-9].md")):
            other = after / d.name / md.name
            if other.exists():
                n += 1
                changed += md.read_text(encoding="utf-8") != other.read_text(encoding="utf-8")
    for side, c in total.items():
        print(f"ALL {side}: " + "; ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print(f"answers changed: {changed} of {n}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("roles", "answers", "compare"):
        print(__doc__)
        return 2
    if argv[0] == "roles":
        roles(Path(argv[1]) if len(argv) > 1 else LABELS)
    elif argv[0] == "compare":
        compare(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    else:
        answers(Path(argv[1]), [Path(a) for a in argv[2:]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
