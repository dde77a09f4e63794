"""Session 36 (issue 12): a tender's answers that contradict each other or the buyer, counted in drafted answers.

    PYTHONPATH=src python bench/consist_s36.py QUESTIONS_DIR ANSWERS_DIR [ANSWERS_DIR ...] [-v]

Answer files are qNN.md or <set>_qNN.md. Three counts per answer folder:

* **wrong-kind fill**: a sentence of an approved partner block (a body with a ``{partner}`` or ``{named}`` slot)
  whose slot holds a name of a kind the block is not written for (:mod:`evidencebot.compose.partner_kinds`): a group of
  people, a representative body, a body that buys, commissions or inspects; for a risk handover, anything but a clinical
  team. The slot is found by the block's own words around it, so the count reads the library, not the generator.
* **acts with two times**: an act of ours (screening a referral, writing the crisis plan) given more than one time over
  the tender's answers, read with its own patterns below;
* **slower than the buyer**: an act the buyer sets a time for (its words near the buyer's number), said slower by us.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections import defaultdict

import yaml

from evidencebot.compose import partner_kinds
from evidencebot.mentions import days, number_or_word

_LIB = os.path.join(os.path.dirname(__file__), "..", "corpus", "library")
_TIME = re.compile(r"\bwithin\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|ten|twelve)\s+"
                   r"(?P<u>working\s+days?|days?|weeks?|hours?)", re.I)
# an act by the words of its own clause (ours and the buyer's alike)
ACTS = {
    "screening a referral": re.compile(r"\bscreen(?:s|ed|ing)?\b[^.;:]{0,60}\breferral|\breferral[^.;:]{0,40}\bscreened\b",
                                       re.I),
    "writing the crisis or safety plan": re.compile(r"\b(?:writes?|written|agreed?)\b[^.;:]{0,50}\b(?:crisis|safety)\s+plan"
                                                    r"|\b(?:crisis|safety)\s+plan\b[^.;:]{0,40}\b(?:written|agreed)\b", re.I),
}


def _frames() -> list[tuple[re.Pattern, bool]]:
    """(the regex of each sentence of a partner block with its slot as group 'name', whether it is a handover)."""
    out = []
    for path in sorted(glob.glob(os.path.join(_LIB, "*.yaml"))):
        data = yaml.safe_load(open(path, encoding="utf-8")) or {}
        for b in data.get("blocks") or []:
            body = " ".join(str(b.get("body") or "").split())
            if "{partner}" not in body and "{named}" not in body:
                continue
            tags = [str(t) for t in b.get("tags") or []]
            handover = partner_kinds.kinds_for(tags) == frozenset({partner_kinds.CLINICAL})
            for s in re.split(r"(?<=[.!?])\s+", body):
                slot = "{partner}" if "{partner}" in s else "{named}" if "{named}" in s else None
                if slot is None:
                    continue
                i = s.index(slot)
                left = s[max(0, i - 40):i].split(" ", 1)[-1] if i > 40 else s[:i]
                right = s[i + len(slot):i + len(slot) + 30].rsplit(" ", 1)[0]
                if len(left.split()) < 2 or "{" in left or "{" in right:
                    continue

                def loose(t: str) -> str:
                    return r"\s+".join(re.escape(w) for w in t.split())
                pat = (loose(left) + (r"\s*" if left.endswith(" ") else "") + r"(?P<name>[^.;:,()]{3,90}?)"
                       + (r"\s*" if right.startswith(" ") else "") + loose(right))
                out.append((re.compile(pat, re.I), handover))
    return out


def wrong_fills(text: str, frames) -> list[str]:
    out = []
    for pat, handover in frames:
        for m in pat.finditer(text):
            name = re.sub(r"^the\s+", "", m.group("name").strip())
            kind = partner_kinds.kind_of(name)
            bad = kind in (partner_kinds.POPULATION, partner_kinds.REPRESENTATIVE, partner_kinds.OVERSIGHT) or (
                handover and kind != partner_kinds.CLINICAL)
            if bad and name.lower() not in {"the commissioner", "commissioner"}:
                out.append(f"{name} ({kind}{', handover' if handover else ''})")
    return list(dict.fromkeys(out))


def _times(text: str) -> dict[str, set[float]]:
    out: dict[str, set[float]] = defaultdict(set)
    for s in re.split(r"(?<=[.!?])\s+|\n+", text):
        for clause in re.split(r"[;:]|,\s+and\s+|\band\s+the\b", s):
            for act, pat in ACTS.items():
                if not pat.search(clause):
                    continue
                for m in _TIME.finditer(clause):
                    n = number_or_word(m.group("n"))
                    if n is None:
                        continue
                    out[act].add(round(days(n, m.group("u").lower()), 2))
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    qdir, adirs = args[0], args[1:]
    buyer = "\n".join(open(q, encoding="utf-8").read() for q in sorted(glob.glob(f"{qdir}/q*.md")))
    buyer_times = _times(buyer)
    frames = _frames()
    print(f"{'answers':40} {'wrong-kind fill':>15} {'acts with 2+ times':>18} {'slower than buyer':>17}")
    for adir in adirs:
        wrong = 0
        per_act: dict[str, set[float]] = defaultdict(set)
        notes = []
        for path in sorted(glob.glob(f"{adir}/*q[0-9][0-9].md")):
            text = open(path, encoding="utf-8").read()
            got = wrong_fills(text, frames)
            wrong += len(got)
            notes += [f"  {os.path.basename(path)}: wrong-kind fill: {g}" for g in got]
            for act, vals in _times(text).items():
                per_act[act] |= vals
        two = [a for a, v in per_act.items() if len(v) > 1]
        slower = [a for a, v in per_act.items() if buyer_times.get(a) and max(v) > max(buyer_times[a]) + 1e-9]
        notes += [f"  two times: {a}: {sorted(per_act[a])} days" for a in two]
        notes += [f"  slower: {a}: ours {sorted(per_act[a])} buyer {sorted(buyer_times[a])} days" for a in slower]
        print(f"{adir[-40:]:40} {wrong:15d} {len(two):18d} {len(slower):17d}")
        if verbose:
            print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
