"""Session 37 (issue 12): five kinds of contradiction, with each other or with the buyer, counted in drafted answers.

    PYTHONPATH=src python bench/consist_s37.py SET[,SET...] ANSWERS_DIR [ANSWERS_DIR ...] [-v]

SET is a spent set (s36: its questions are tests/data/heldout/s36/questions/q*.md); its answers are
ANSWERS_DIR/<set>_qNN.md, with the assembler's stderr beside each as .err. One row per set and folder. The counts read the buyer's
questions and our answers with their own patterns below (not the generator's), so they count what a panel reads:

* **(a) act timed against the buyer**: an act of ours (job search or employer contact, writing the crisis or safety
  plan, screening a referral) given a time in our answers that is slower than the buyer's for the same act, or that runs
  from a later event than the buyer's (ours 'of the first meeting' against the buyer's 'of referral');
* **(b) another body as 'the Trust'**: the buyer defines a body as 'the Trust' ('... NHS Foundation Trust ("the
  Trust")') and a sentence of ours names another NHS trust where it speaks of the body whose record, contracts or
  agreement we work under (not an employer sentence);
* **(c) our own data route**: the buyer says the national data set is submitted through another body, and a sentence
  of ours says we submit it ourselves;
* **(d) another lot's service offered**: the buyer puts services with another lot or provider, and a sentence of ours
  offers one (a role for it, subcontracting it, delivering it); a sentence that refers people to it is not counted;
* **(e) the buyer's target dropped as unsupported**: the assembler's notes say a requirement was left out because the
  checker flagged our wording of it.
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections import defaultdict

from evidencebot.mentions import days, number_or_word

_TIME = re.compile(r"\bwithin\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|ten|twelve)\s+"
                   r"(?P<u>working\s+days?|days?|weeks?|hours?)(?:\s+(?:of|after|from)\s+(?:the\s+|their\s+)?"
                   r"(?P<e>[a-z][a-z -]{2,30}?))?(?=[.,;:)]|\s+(?:and|for|or|with|to|by)\b|$)", re.I)
ACTS = {
    "job search": re.compile(r"\bjob\s+search\b|\bcontact\s+with\s+an\s+employer\b", re.I),
    "crisis or safety plan": re.compile(r"\b(?:writes?|written|agreed?)\b[^.;:]{0,50}\b(?:crisis|safety)\s+plan"
                                        r"|\b(?:crisis|safety)\s+plan\b[^.;:]{0,40}\b(?:written|agreed|in\s+place)\b", re.I),
    "screening a referral": re.compile(r"\bscreen(?:s|ed|ing)?\b[^.;:]{0,60}\breferral|\breferrals?[^.;:]{0,40}\bscreened\b",
                                       re.I),
}
_REFERRAL = re.compile(r"^(?:referral|receipt(?:\s+of\s+(?:the\s+)?referral)?|being\s+referred)$", re.I)
_DEFINE = re.compile(r"(?P<full>(?:[A-Z][\w’'&-]*\s+){1,8}Trust)\s*\(\s*[\"“]the\s+Trust[\"”]\s*\)")
_NHS_TRUST = re.compile(r"\b(?:[A-Z][\w’'-]*\s+){1,6}NHS\s+(?:Foundation\s+)?Trust\b")
_EMPLOYER = re.compile(r"\b(?:employ\w*|jobs?|vacanc\w+|recruit\w*|work\s+placements?|largest)\b", re.I)
_ROUTE = re.compile(r"(?:flowed|flows|submitted|sent)\s+to\s+the\s+(?:Mental\s+Health\s+Services\s+Data\s+Set|MHSDS)"
                    r"[^.]{0,20}\bthrough\s+the\s+[A-Z]", re.I)
_OURS_SUBMIT = re.compile(r"\bsubmit(?:s|ted)?\s+(?:our\s+|the\s+|monthly\s+)?(?:activity\s+)?data\s+to\s+the\s+"
                          r"(?:Mental\s+Health\s+Services\s+Data\s+Set|MHSDS)|\bdata\s+is\s+submitted\s+to\s+the\s+"
                          r"(?:Mental\s+Health\s+Services\s+Data\s+Set|MHSDS)", re.I)
_OTHER_LOT = re.compile(r"(?P<list>[^.\n]*?)\s+are\s+delivered\s+under\s+Lot\s+\d+[^.\n]*?\bseparate\s+provider", re.I)
_OFFER = re.compile(r"\b(?:subcontract\w*|deliver\w*|provide\w*|offers?|runs?|for\s+housing|WTE|adviser)\b", re.I)
_REFER = re.compile(r"\brefer\w*\b", re.I)
_DROPPED = re.compile(r"the buyer's requirement left out \(the checker flagged our wording of it\)")


def _sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]


def _times(text: str) -> dict[str, set[tuple[float, bool]]]:
    """{act: {(days, runs from the referral)}}."""
    out: dict[str, set[tuple[float, bool]]] = defaultdict(set)
    for s in _sentences(text):
        for clause in re.split(r"[;:]|,\s+and\s+", s):
            for act, pat in ACTS.items():
                if not pat.search(clause):
                    continue
                for m in _TIME.finditer(clause):
                    n = number_or_word(m.group("n"))
                    if n is None:
                        continue
                    ev = (m.group("e") or "").strip()
                    out[act].add((round(days(n, m.group("u").lower()), 2), not ev or bool(_REFERRAL.match(ev))))
    return out


def _services(buyer: str) -> list[str]:
    out = []
    for m in _OTHER_LOT.finditer(buyer):
        for item in re.split(r",\s+|\s+and\s+", re.sub(r"^\W+", "", m.group("list"))):
            words = [w for w in item.lower().split() if w not in ("the", "weekly", "a", "community")]
            if len(words) >= 2:
                out.append(" ".join(words))
    # how our text says them ('community peer support' is 'peer groups' in our blocks)
    return out + (["peer groups"] if any("peer support" in s for s in out) else [])


def count(buyer: str, adir: str, prefix: str = "") -> tuple[dict[str, int], list[str]]:
    buyer_times = _times(buyer)
    trust = _DEFINE.search(" ".join(buyer.split()))
    route = bool(_ROUTE.search(" ".join(buyer.split())))
    services = _services(buyer)
    n = dict.fromkeys("abcde", 0)
    notes = []
    ours: dict[str, set[tuple[float, bool]]] = defaultdict(set)
    for path in sorted(glob.glob(f"{adir}/{prefix}*q[0-9][0-9].md")):
        name = os.path.basename(path)
        text = open(path, encoding="utf-8").read()
        for act, vals in _times(text).items():
            ours[act] |= vals
        for s in _sentences(text):
            if trust:
                for m in _NHS_TRUST.finditer(s):
                    other = re.sub(r"^The\s+", "", m.group(0))
                    if other != " ".join(trust.group("full").split()) and not _EMPLOYER.search(s):
                        n["b"] += 1
                        notes.append(f"  (b) {name}: {s[:160]}")
            if route and _OURS_SUBMIT.search(s):
                n["c"] += 1
                notes.append(f"  (c) {name}: {s[:160]}")
            for svc in services:
                for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, svc.split())) + r"\b(?!\s+workers?\b)", s, re.I):
                    clause = re.split(r"[;:]|,\s+(?:and|then)\s+", s[:m.start()])[-1]
                    if _REFER.search(clause) or not _OFFER.search(s):
                        continue
                    n["d"] += 1
                    notes.append(f"  (d) {name}: {svc}: {s[:160]}")
        err = path[:-3] + ".err"
        if os.path.exists(err):
            got = len(_DROPPED.findall(open(err, encoding="utf-8").read()))
            n["e"] += got
            if got:
                notes.append(f"  (e) {name}: {got} requirement(s) left out as flagged")
    for act, vals in ours.items():
        theirs = buyer_times.get(act)
        if not theirs:
            continue
        fastest = min(d for d, _ in theirs)
        from_ref = any(r for _, r in theirs)
        bad = sorted(v for v in vals if v[0] > fastest + 1e-9 or (from_ref and not v[1]))
        if bad:
            n["a"] += len(bad)
            notes.append(f"  (a) {act}: ours {sorted(vals)} buyer {sorted(theirs)} (days, from referral)")
    return n, notes


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    sets, adirs = args[0].split(","), args[1:]
    root = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "heldout")
    print(f"{'set':5} {'answers':30} {'(a) time':>8} {'(b) Trust':>9} {'(c) route':>9} {'(d) lot':>7} {'(e) dropped':>11}")
    totals: dict[str, dict[str, int]] = {a: dict.fromkeys("abcde", 0) for a in adirs}
    for st in sets:
        qs = sorted(glob.glob(os.path.join(root, st, "questions", "q*.md")))
        buyer = "\n".join(open(q, encoding="utf-8").read() for q in qs)
        for adir in adirs:
            if not glob.glob(f"{adir}/{st}_q[0-9][0-9].md"):
                continue
            n, notes = count(buyer, adir, prefix=f"{st}_")
            for k in n:
                totals[adir][k] += n[k]
            print(f"{st:5} {adir[-30:]:30} {n['a']:8d} {n['b']:9d} {n['c']:9d} {n['d']:7d} {n['e']:11d}")
            if verbose and notes:
                print("\n".join(notes))
    for adir, n in totals.items():
        print(f"{'all':5} {adir[-30:]:30} {n['a']:8d} {n['b']:9d} {n['c']:9d} {n['d']:7d} {n['e']:11d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
