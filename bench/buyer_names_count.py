"""The buyer's own names in our drafted answers, per answer (issue 12, session 26; the s25 panel's faults).

    PYTHONPATH=src python bench/buyer_names_count.py QUESTIONS_DIR ANSWERS_DIR [AFTER_DIR]

QUESTIONS_DIR holds the buyer's question files (qNN.md); ANSWERS_DIR the answers drafted one file at a time
(``evidencebot assemble tender --question-file qNN.md --force -o ANSWERS_DIR/qNN.md``). For each answer, against the
question it answers (its own file, the place a panel looks for them):

* *names*: the partners and places the question names (a capitalised name ending in an organisation's or a place's
  word: House, Centre, Hub, Trust, Partnership, Association, Safe Haven, Team(s), CMHT, College, ...), said / given,
  and those given but not said;
* *generic for named*: a partner the question names called by its kind instead ('the partnership', 'the local drug
  and alcohol service' where the buyer names 'Turning Tides Recovery Partnership, the ... drug and alcohol service');
* *base misread*: 'based at' a place the buyer never says the service is based at or operates from ('based at the
  Corvenport Recovery College', a programme delivered from a hub, a library and online);
* *article*: a building's name the buyer never writes after 'the' ('Harbour House') said after 'the' by us;
* *site as partner*: a building the buyer names only as where another body sits ('... CMHT at Harbour House',
  'the Lighthouse Unit, Corvenport General Hospital') said by us among the bodies we work or agree 'with';
* *document cut*: a document with a version the buyer names ('Housing, Hospital Discharge and Homelessness
  Prevention Protocol v1.4') said by us with its first words missing;
* *year dropped*: a target the buyer sets year by year ('60% in Year 1, rising to 70% in Year 2 and 75% from Year
  3') said by us with one of its years left out;
* *internal wording*: phrases a panel read as the bid team's notes ('The buyer's target', 'Our current service does
  not report this measure', 'The specification asks').

The question files are read as written; none of the names above is listed here. With AFTER_DIR the totals of both
folders are printed side by side.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidencebot.compose import tender_profile

_HEAD = (r"House|Centre|Center|Hub|Hubs|Trust|Partnership|Association|Haven|Team|Teams|CMHT|CMHTs|College|Library|"
         r"Campus|Hospital|Unit|Clinic|Lodge|Court|Service|Services|Council|Prison|University")
_BUILDING = re.compile(r"(?:House|Centre|Center|Campus|Library|Hospital|Unit|Clinic|Lodge|Court)$")
_NAME = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]*|HMP)(?:\s+(?:and\s+|of\s+)?[A-Z][\w'’-]*){0,6}\s+(?:" + _HEAD + r"))\b")
_LEAD = re.compile(r"^(?:The|A|An|This|Each|Every|In|For|Our|Your|All|Three|Two|Four|Council's|Council’s)\s+")
_DOC = re.compile(r"(?P<name>(?:[A-Z][\w'’/-]*,?\s+(?:and\s+|of\s+|for\s+)?)+)v(?P<v>\d+(?:\.\d+)*)\b")
_YEAR = re.compile(r"(?P<pct>\d+(?:\.\d+)?)%(?:(?!\d+(?:\.\d+)?%)[^.;|\n]){0,60}?\bYears?\s+(?P<y>\d)\b", re.I)
_INTERNAL = re.compile(r"\bThe buyer['’]s target\b|\bOur current service does not report\b|"
                       r"\bThe specification asks\b", re.I)


def _question(text: str) -> str:
    """The question from its first heading on (the header lines name the buyer and the Lot, never a partner)."""
    m = re.search(r"^#", text, re.M)
    return text[m.start():] if m else text


def _body(text: str) -> str:
    return "\n".join(x for x in text.splitlines() if not x.lstrip().startswith("#"))


def names(text: str) -> list[str]:
    """The partners and places a question names, each once, without a leading article or number word."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        name = m.group("name")
        while _LEAD.match(name):
            name = _LEAD.sub("", name)
        # two names joined by 'and', the first ending in its own head ('... Housing Services and Harbourside Housing
        # Association'), are two; 'Quayside and Docks CMHT' is one
        parts = re.split(r"\s+and\s+(?=[A-Z])", name)
        if len(parts) == 2 and re.search(r"\b(?:" + _HEAD + r")$", parts[0]) and len(parts[0].split()) >= 2:
            group = parts
        else:
            group = [name]
        for name in group:
            if len(name.split()) >= 2 and name not in out and not name.startswith(("Question", "Section", "Lot ")):
                out.append(name)
    return out


def sites(text: str, given: list[str], ours: set[str]) -> list[str]:
    """The buildings the buyer names only as where another body is ('CMHT at Harbour House', 'hubs at 22 Lowgate and
    the Alderby Wellbeing Centre', 'the Lighthouse Unit, Corvenport General Hospital'), never as a service of its own
    ('Anchor House, a 5-bed crisis house run by ...')."""
    out = []
    for name in given:
        if not _BUILDING.search(name) or name in ours:
            continue
        at = [m for m in re.finditer(re.escape(name), text)]
        placed = [m for m in at if re.search(r"(?:\bat|\bfrom|\band|[A-Z][\w'’]*,)\s+(?:the\s+)?$",
                                             text[max(0, m.start() - 40):m.start()])]
        # its own description after it ('Anchor House, a 5-bed crisis house run by ...', 'Tidewater Crisis House,
        # Holmcliffe (4 beds, run by ...)'), or a crisis place by its name
        own = [m for m in at if re.match(r"(?:,[^.:;\n]{0,40})?[,:]\s+(?:an?\s+)?(?:\d+-bed|[a-z-]+\s+(?:house|service|centre))"
                                         r"|(?:,[^.:;\n]{0,40})?\s*\([^)]*\brun\s+by\b", text[m.end():])
               or re.search(r"\b(?:Crisis\s+House|Safe\s+Haven)$", name)]
        if placed and not own:
            out.append(name)
    return out


def described(text: str, name: str) -> list[str]:
    """What the buyer calls a named body in apposition ('Turning Tides Recovery Partnership, the Council-commissioned
    drug and alcohol service' -> 'drug and alcohol service'): the last words of the description, its head included."""
    out = []
    for m in re.finditer(re.escape(name) + r",\s+(?:the|a|an)\s+([A-Za-z][\w -]{3,60}?)(?=[,.;:]|\s+(?:run|with|from)\b)",
                         text):
        words = [w for w in m.group(1).split() if not re.search(r"\d|-commissioned$|-bed$", w)]
        if len(words) >= 2:
            out.append(" ".join(words[-4:]))
    return out


def documents(text: str) -> dict[str, str]:
    """{version: the name the buyer gives that document} for each 'Name vN.N' the buyer writes."""
    out: dict[str, str] = {}
    for m in _DOC.finditer(text):
        name = " ".join(m.group("name").split())
        name = re.sub(r"^(?:(?:The|the|and|of|to|by|in|with|under)\s+)+", "", name)
        out.setdefault(m.group("v"), name)
    return out


def trajectories(text: str) -> list[dict[str, str]]:
    """The buyer's targets set year by year: {year: percentage} for each sentence or table row giving two or more."""
    out = []
    for line in re.split(r"(?<=[.])\s+|\n", text):
        years = {m.group("y"): m.group("pct") for m in _YEAR.finditer(line)}
        if len(years) >= 2 and years not in out:
            out.append(years)
    return out


def count(question: str, answer: str, whole: str = "") -> dict[str, list[str]]:
    """The faults of one answer against its question (``whole``: every question of the tender, where the buyer
    says what each place is)."""
    question, whole = _question(question), whole or question
    ours = {re.sub(r"^the\s+", "", n) for n, _ in tender_profile.base_names(whole)}
    body = _body(answer)
    flat = " ".join(body.split())
    given = names(question)
    found: dict[str, list[str]] = {"given": given, "missing": [n for n in given if n not in flat]}
    found["article"] = [n for n in given if _BUILDING.search(n) and not re.search(r"\bthe\s+" + re.escape(n), question)
                        and re.search(r"\bthe\s+" + re.escape(n) + r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|how|to|from|with|is|are|will|on|in|at|for|as)\b)", flat)]
    # ('the Windward House support workers': the article is the role's)
    found["site as partner"] = [n for n in sites(whole, given, ours)
                                for s in re.split(r"(?<=[.!?])\s+", flat)
                                if re.search(r"\bwith\b(?:(?!\bat\b)[^.;:(])*?\b" + re.escape(n), s)]
    found["generic for named"] = []
    for n in given:
        if n not in question:
            continue
        kinds = [n.split()[-1].lower()] + described(whole, n)
        for kind in dict.fromkeys(kinds):
            if kind in ("team", "teams", "service", "services", "cmht", "cmhts", "house", "centre", "hub", "unit"):
                continue  # too common alone to be the named one's stand-in
            first = flat.find(n)
            for m in re.finditer(r"\bthe\s+(?:local\s+)?" + re.escape(kind) + r"\b", flat):
                if " local " in m.group(0) or first < 0 or m.start() < first:
                    # a short second mention after the full name ('the partnership') is how we name it again
                    found["generic for named"].append(f"{n}: '{m.group(0)}'")
    bases = {re.sub(r"^the\s+", "", " ".join(n.split()), flags=re.I) for n, _, _, k in tender_profile._places(whole)
             if k == "base"}
    found["base misread"] = [m.group(1) for m in re.finditer(r"\bbased\s+at\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*)+)", flat)
                             if m.group(1).strip() not in bases]
    found["document cut"] = []
    for v, name in documents(question).items():
        for m in re.finditer(r"v" + re.escape(v) + r"\b", flat):
            said = flat[max(0, m.start() - len(name) - 40):m.start()]
            if not said.rstrip().endswith(name):
                found["document cut"].append(f"{name} v{v}: said '{said.strip()[-len(name):]} v{v}'")
    found["year dropped"] = []
    for years in trajectories(question):
        for s in re.split(r"(?<=[.!?])\s+", flat):
            said = {m.group("y"): m.group("pct") for m in _YEAR.finditer(s)}
            if said and set(said.values()) <= set(years.values()) and len(said) < len(years):
                gone = sorted(set(years) - set(said))
                found["year dropped"].append(f"Year {', '.join(gone)} ({', '.join(years[y] + '%' for y in gone)})")
    found["internal wording"] = [m.group(0) for m in _INTERNAL.finditer(flat)]
    return found


KEYS = ("missing", "generic for named", "base misread", "article", "site as partner", "document cut", "year dropped", "internal wording")


def report(questions: Path, answers: Path, quiet: bool = False) -> dict[str, int]:
    totals = {"given": 0, **{k: 0 for k in KEYS}}
    whole = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(questions.glob("q*.md")))
    for q in sorted(questions.glob("q*.md")):
        a = answers / q.name
        if not a.exists():
            continue
        found = count(q.read_text(encoding="utf-8"), a.read_text(encoding="utf-8"), whole)
        totals["given"] += len(found["given"])
        for k in KEYS:
            totals[k] += len(found[k])
        if not quiet:
            print(f"{q.stem}: names said {len(found['given']) - len(found['missing'])} of {len(found['given'])}"
                  + "".join(f"; {k} {len(found[k])}: {found[k]}" for k in KEYS if found[k]))
    said = totals["given"] - totals["missing"]
    print(f"{answers}: names said {said} of {totals['given']}; "
          + "; ".join(f"{k} {totals[k]}" for k in KEYS[1:]))
    return totals


def main(args: list[str]) -> None:
    questions = Path(args[0])
    for folder in args[1:]:
        report(questions, Path(folder))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1:])
