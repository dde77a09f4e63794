"""Surface defects a panel reads as carelessness, per drafted answer (issue 12, session 27; the s26 panel's quotes).

    PYTHONPATH=src python bench/surface_defects.py ANSWERS QDIR [AFTER]

QDIR holds the buyer's question files (qNN.md); ANSWERS the answers drafted one file at a time
(``evidencebot assemble tender --question-file QDIR/qNN.md --force -o ANSWERS/qNN.md``). Counted, each against the
answer's own question (none of the names below is listed here: they are read from the buyer's text):

* *name case*: a name the buyer writes with capitals ('Cedar Lodge', 'Health and Wellbeing Coaches', 'Gypsy, Roma and
  Traveller Outreach Worker') said by us in other capitals ('cedar Lodge', 'health and wellbeing coaches', 'gypsy');
  a word the buyer always capitalises said in lower case;
* *role case*: a role the buyer writes in capitals said half in its capitals ('Cedar Lodge registered manager' for
  'Cedar Lodge Registered Manager'; all in lower case, 'recovery practitioners', is how we write a role and not counted);
* *name form*: a plural of the buyer's cut into no word ('coache' from 'Coaches'); a name the buyer never writes
  after 'the' said after 'the' ('the Pellingford Homes');
* *heading cut*: a heading ending on a digit ('between 08'), a word that cannot end a phrase, 'to <verb>' ('... to
  identify'), one adverb short of its clause ('who do not read or write | confidently'), or a list of verbs cut before its last ('receive step-up referrals, make a decision');
  (session 33) a cut inside a coordination whose last member needs what follows ('autistic adults and adults' before
  'with ADHD'), or coordinated verbs in two forms ('Finding and reach parents'); headings one level down ('### ',
  a sub-point's under the buyer's part) are read too;
* *heading person*: a heading in the buyer's second person ('you', 'your') or third ('Who their named ... will be',
  'Which system they will use');
* *guidance heading*: the buyer's guidance made a heading ('Answers should say how ...');
* *lettered*: a heading that keeps the buyer's letter and is cut ('e) ... who do not read or write');
* *standard twice*: two of our sentences in one answer giving the same time standard for the same thing ('We will
  respond to every step-up request within 4 hours' and 'We will decide every step-up referral within 4 hours');
* *document prep*: a versioned name read from a preposition ('the Under the NHS ... Pathway v2.0') or aimed for
  ('We aim for the ... Policy v5.1'); *document twice*: a document committed to with its version and without;
* *agreement*: a plural subject with a singular verb before a figure ('People with a current crisis plan was 92%');
* *volume promise*: the buyer's expected volume said back as ours ('We will handle around 2,600 referrals').

With AFTER the totals of both folders are printed side by side.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_CAP = r"[A-Z][\w'’-]*"
_JOIN = r"(?:\s+(?:and|of|for|&|on|in)\s+|,\s+(?:and\s+)?|\s+)"
_NAME = re.compile(rf"(?<![\w'’-])(?:{_CAP}{_JOIN}){{1,7}}{_CAP}(?![\w'’-])")
_ENDS = ("a an and any are as at between by each every for from how in including into is its of on or our so that "
         "the their these this those to what when where which who will with you your").split()
_PREP = "under in on from with for by at within through to".split()
_WE_WILL = re.compile(r"\bWe\s+(?:will|aim\s+to|commit\s+to)\b[^.]*", re.I)
_WITHIN = re.compile(r"\bwithin\s+(\d+(?:\.\d+)?|one|two|three|four|five|seven|ten)\s+(working\s+days?|hours?|days?|weeks?)",
                     re.I)
_SINGULAR_HEADS = "share proportion number percentage rate rates count total median mean average".split()


def _question(text: str) -> str:
    m = re.search(r"^#", text, re.M)
    return text[m.start():] if m else text


def _headings(answer: str) -> list[str]:
    # (session 33) a sub-point's heading under the buyer's part is one level down ('### ' under '## 5.2 ...'): read too
    return [x.lstrip("#").strip() for x in answer.splitlines() if x.startswith(("## ", "### "))]


_MEMBER = re.compile(r"(?i)(?:^|[\s,])(?:and|or)\s+(?P<member>[a-z'’-]+(?:\s+[a-z'’-]+)?)$")
_DETS = "the a an any each every your their its our this these those all other some".split()


def coordination_cut(h: str, q: str) -> bool:
    """(session 33) A heading cut inside a coordination whose last member needs what the buyer wrote next: a noun said
    again ('... autistic adults and adults' before 'with ADHD'), a noun phrase before its complement ('..., and any
    plans' before 'to harmonise'), a verb before its object ('... keep or move' before 'into work')."""
    m = _MEMBER.search(h)
    if not m:
        return False
    at = q.find(h[-20:]) if len(h) >= 20 else q.find(h)
    if at < 0:
        return False
    after = q[at + min(len(h), 20):]
    if not re.match(r"\s+[a-z]", after):
        return False  # the buyer's words end there too
    member = m.group("member").lower().split()
    before = [w.lower().strip(",") for w in h[:m.start()].split()][-6:]
    if member[-1] in before and member[-1] not in _ENDS:
        return True
    if member[0] in _DETS and len(member) == 2 and re.match(r"\s+to\s+[a-z]", after):
        return True
    return len(member) == 1 and not member[0].endswith("ing") and bool(re.match(r"\s+(?:to|into|in|on|from|with)\s", after)) \
        and bool(re.search(r"\b(?:will|to|can)\s+(?:\w+\s+){0,3}(?:and|or)\s+" + re.escape(member[0]) + r"\b", q, re.I))


def verbs_two_forms(h: str, q: str) -> bool:
    """(session 33) A heading that makes only the first of two coordinated verbs a gerund ('Finding and reach parents'
    from 'to find and reach parents')."""
    m = re.match(r"^(?:\(?\w{1,4}[.)]\s+)?([A-Z][a-z]+)ing\s+(?:and|or)\s+([a-z]+)\b", h)
    if not m or m.group(2).endswith("ing"):
        return False
    return any(not w.group(1).endswith("ing") for w in re.finditer(
        r"\b(" + re.escape(m.group(1)[:3].lower()) + r"[a-z]*)\s+(?:and|or)\s+" + re.escape(m.group(2)) + r"\b", q))


def _body(answer: str) -> str:
    return " ".join(x for x in answer.splitlines() if not x.lstrip().startswith("#"))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split())) if s]


def buyer_names(question: str) -> list[str]:
    """Names of two or more words the buyer writes with capitals, as written, without an opening 'The'/'A'."""
    out = []
    for line in question.splitlines():
        for cell in re.split(r"\s*\|\s*", line):
            for m in _NAME.finditer(cell):
                name = re.sub(r"^(?:(?:The|A|An|In|Our|Your|Each|Every|All|If|When|Where)\s+)+", "", m.group(0))
                name = re.sub(r"(?:,|\s+(?:and|of|for|&|on|in))$", "", name)
                for one in [name] + re.split(r"\s+and\s+(?=[A-Z])|,\s+(?:and\s+)?", name):
                    if len(one.split()) >= 2 and one not in out and not re.match(r"(?:Question|Table|Section|Lot)\b", one):
                        out.append(one)
    return out


_ROOT = Path(__file__).resolve().parents[1]
_BUILT = re.compile(r"\b(?:Lodge|Court|House|Homes|Place)$")


def _common() -> set[str]:
    """Words written in lower case in our own library and the spent questions: words of English, not names."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((_ROOT / "corpus").rglob("*")) if p.suffix in (".yaml", ".md")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((_ROOT / "tests/data/heldout").glob("s*/questions/q*.md"))]
    return {w for t in texts for w in re.findall(r"\b[a-z][\w'’-]*", t)}


COMMON = _common()


def proper_words(question: str) -> set[str]:
    """Words the buyer writes only with a capital, at least once inside a sentence (not first in it), and no word of
    English (never in lower case in our library or the spent questions): 'Gypsy', 'Pellingford'."""
    low = {w for w in re.findall(r"\b[a-z][\w'’-]*", question)} | COMMON
    inside = set()
    for s in re.split(r"(?<=[.!?:|])\s+|\n", question):
        words = re.findall(r"[\w'’-]+", s)
        inside.update(w for w in words[1:] if w[:1].isupper() and not w.isupper() and len(w) > 2)
    return {w for w in inside if w.lower() not in low}


def count(question: str, answer: str) -> dict[str, list[str]]:
    q = _question(question)
    heads = _headings(answer)
    body = _body(answer)
    flat = " ".join(body.split())
    whole = " ".join((" ".join(heads) + " " + flat).split())
    found: dict[str, list[str]] = {k: [] for k in KEYS}
    names = buyer_names(q)
    for name in names:
        pat = re.compile(r"(?<![\w'’-])" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?![\w'’-])", re.I)
        for m in pat.finditer(whole):
            said = m.group(0)
            if said[1:] != name[1:]:
                changed = [b for a, b in zip(said.split(), name.split()) if a[1:] != b[1:] or (a != b and a is not said.split()[0])]
                proper = any(w.lower().strip(",") not in COMMON for w in changed)
                if proper:
                    found["name case"].append(f"'{said}' for '{name}'")
                elif said.lower() != said:
                    found["role case"].append(f"'{said}' for '{name}'")
        if " & " in name and re.search(re.escape(name.replace(" & ", " and ")), whole, re.I):
            found["name form"].append(f"'{name.replace(' & ', ' and ')}' for '{name}'")
        if _BUILT.search(name) and not re.search(r"\bthe\s+" + re.escape(name), q, re.I):
            for m in re.finditer(r"\bthe\s+" + re.escape(name) + r"(?![\w'’-])", flat):
                after = flat[m.end():m.end() + 30]
                if re.match(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|how|to|from|with|is|are|will|on|in|at|for|as|by|under)\b", after):
                    found["name form"].append(f"'the {name}'")
    for w in proper_words(q):
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(w.lower()) + r"(?![\w'’-])", whole):
            found["name case"].append(f"'{m.group(0)}' for '{w}'")
    bwords = set(re.findall(r"[\w'’-]+", q.lower()))
    for w in {w for w in bwords if w.endswith("es") and len(w) > 4}:
        cut = w[:-1]
        if cut not in bwords and cut not in COMMON and re.search(r"(?<![\w'’-])" + re.escape(cut) + r"(?![\w'’-])", whole, re.I):
            found["name form"].append(f"'{cut}' for '{w}'")
    for h in heads:
        words = re.findall(r"[\w'’-]+", h)
        last = words[-1].lower() if words else ""
        end = q.find(h[-12:]) if len(h) > 12 else -1
        cut_number = bool(re.search(r"\d$", h)) and end >= 0 and bool(re.match(r"[:.]?\d", q[end + 12:]))
        clause = q.find(h[-25:]) if len(h) > 25 else -1
        one_short = clause >= 0 and bool(re.match(r"\s+[a-z][\w-]*ly\s*[,;.]", q[clause + 25:]))
        whole_end = bool(re.search(r"\b" + r"\W+".join(re.escape(w) for w in words[-2:]) + r"\s*[.?!]", q)) if words else False
        if cut_number or (last in _ENDS and not whole_end) or one_short or coordination_cut(h, q):
            found["heading cut"].append(h)
        elif verbs_two_forms(h, q):
            found["heading cut"].append(h)
        elif re.search(r"\bto\s+[a-z]+$", h) and not re.search(r"\b(?:up|down|back|over|through|listen|talk|go|come)\s+to\s+[a-z]+$", h):
            verbish = re.search(r"\bto\s+([a-z]+)$", h).group(1)
            if not re.search(rf"\b{verbish}\s+to\s+{verbish}$", h) and re.search(rf"\bto\s+{verbish}\s+(?!(?:and|or)\s+(?:how|what|when|where|who|whether|why|which)\b)[a-z]", q):
                found["heading cut"].append(h)
        elif "," in h:
            src = q.find(h.split(",")[0][5:40]) if len(h.split(",")[0]) > 10 else -1
            tail = h.split(",")[-1].strip()
            at = q.find(tail) if tail else -1
            nxt = re.match(r"[^,;.\n|]{0,60}?\s+and\s+([a-z]+)", q[at + len(tail):]) if at >= 0 else None
            if nxt and nxt.group(1) not in _ENDS and src >= 0 \
                    and re.match(r"[a-z]+\s", tail):
                found["heading cut"].append(h)
        if re.search(r"\b(?:you|your|yours)\b", h, re.I) or re.match(
                r"(?i)^(?:\(?\w{1,4}[.)]\s+)?(?:how|what|which|who|when|where|whether)\s+(?:\w+\s+)?(?:they|their)\b", h):
            found["heading person"].append(h)
        if re.match(r"(?i)^(?:\(?\w{1,4}[.)]\s+)?(?:answers?|responses?|bidders?|your\s+answer|your\s+response|tenderers?)"
                    r"\s+(?:should|must|shall|will\s+need\s+to)\b", h):
            found["guidance heading"].append(h)
        if re.match(r"^\(?[a-z]{1,4}[.)]\s", h) and h in found["heading cut"]:
            found["lettered"].append(h)
    # a standard said twice
    parts = re.split(r"^## .*$", answer, flags=re.M)
    said: list[tuple[str, set[str], str]] = []
    for part in parts:
        for s in _sentences(_body(part)):
            for m in _WE_WILL.finditer(s):
                w = _WITHIN.search(m.group(0))
                if not w:
                    continue
                key = f"{w.group(1)} {w.group(2).rstrip('s')}".lower()
                words = {x.lower() for x in re.findall(r"[A-Za-z][\w-]*-[\w-]+|[A-Z][a-z]+\s+[A-Z][a-z]+", m.group(0)[:w.start()])}
                for k2, w2, s2 in said:
                    if k2 == key and words & w2 and s2 != s:
                        found["standard twice"].append(f"'{s2[:70]}' / '{s[:70]}'")
                said.append((key, words, s))
    # documents
    for m in re.finditer(r"\b(?:the|to|for)\s+(" + "|".join(p.capitalize() for p in _PREP) + r")\s+(?:the\s+)?[A-Z][^.]{0,120}?\sv\d", whole):
        found["document prep"].append(m.group(0)[:80])
    for m in re.finditer(r"\bWe\s+aim\s+for\s+(?:the\s+)?[A-Z][^.]{0,120}?\sv\d+(?:\.\d+)*", whole):
        found["document prep"].append(m.group(0)[:80])
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+(?:and\s+|of\s+|for\s+)?){2,8})v\d+(?:\.\d+)*\b", flat):
        doc = m.group(1).strip()
        doc = re.sub(r"^(?:(?:The|We|Our)\s+)+", "", doc)
        if len(doc.split()) < 2:
            continue
        bare = [x for x in re.finditer(r"\b(?:the|our|to)\s+" + re.escape(doc) + r"(?!\s+v\d)(?![\w'’-])", flat)]
        if bare and re.search(r"\bWe\s+(?:will|work|follow)[^.]*" + re.escape(doc) + r"(?!\s+v\d)", flat) and \
                f"'{doc}'" not in found["document twice"]:
            found["document twice"].append(f"'{doc}'")
    # agreement
    for s in _sentences(flat):
        m = re.match(r"^((?:People|[A-Z][a-z]+s)\b[^.;:]{0,120}?)\s+(was|is|has)\s+(?:\w+\s+)?\d", s)
        if m and not re.search(r"\b(?:" + "|".join(_SINGULAR_HEADS) + r")\b", m.group(1), re.I) \
                and not m.group(1).endswith(("ss", "us", "is")) and not re.match(r"^(?:This|Its|Was|Has|Is)\b", s):
            found["agreement"].append(s[:90])
    # volume promise
    for s in _sentences(flat):
        m = re.search(r"\bWe\s+will\s+(?:handle|receive|take|see|manage|process|support|deal\s+with|accept)\s+"
                      r"(?:around|about|approximately|up\s+to|some)?\s*(\d[\d,]*)", s)
        if m and m.group(1) in q:
            found["volume promise"].append(s[:90])
    return found


KEYS = ("name case", "role case", "name form", "heading cut", "heading person", "guidance heading", "lettered", "standard twice",
        "document prep", "document twice", "agreement", "volume promise")


def report(answers: Path, qdir: Path, quiet: bool = False) -> dict[str, int]:
    totals = {k: 0 for k in KEYS}
    for q in sorted(qdir.glob("q[0-9]*.md")):
        a = answers / q.name
        if not a.exists():
            continue
        found = count(q.read_text(encoding="utf-8"), a.read_text(encoding="utf-8"))
        for k in KEYS:
            totals[k] += len(found[k])
        if not quiet and any(found.values()):
            print(f"{q.stem}: " + "; ".join(f"{k} {len(v)}: {v}" for k, v in found.items() if v))
    print(f"{answers}: " + "; ".join(f"{k} {v}" for k, v in totals.items()) + f"; total {sum(totals.values())}")
    return totals


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    before = report(Path(argv[0]), Path(argv[1]), quiet=len(argv) > 2)
    if len(argv) > 2:
        after = report(Path(argv[2]), Path(argv[1]))
        print("kind: before -> after")
        for k in KEYS:
            print(f"  {k}: {before[k]} -> {after[k]}")
        print(f"  total: {sum(before.values())} -> {sum(after.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
