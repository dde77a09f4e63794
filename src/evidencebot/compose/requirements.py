"""The buyer's named requirements: the measures, frameworks, trainings, routes and targets a
question names (stem, guidance and context), such as 'DIALOG and/or ReQoL-10', 'NHS 111 option 2',
'the Oliver McGowan Mandatory Training', 'Think Family', 'MARAC' or 'at least 50% ... paired'.

A panel looks for each of them. They are listed in the coverage report with the part whose
blocks mention them; a block that names one ranks above one that does not; and when no block
of the answer mentions one, the coverage and the part's gap say so ('the buyer names X; no block
mentions it'). Nothing here writes that we do X: only the library's approved blocks say what we do.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, field

from evidencebot.compose.blockmatch import expand_acronyms
from evidencebot.compose.filters import load_phrasebank
from evidencebot.compose.questions import question_title, title_reference
from evidencebot.text import line_sentences

_NAMED = re.compile(r"\b(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:(?:['’]s|(?<=s)['’])(?=\s+[A-Z]))?|[A-Z]{2,}s?)(?:\s+(?:and|of|for|the|to|on)?\s*(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:(?:['’]s|(?<=s)['’])(?=\s+[A-Z]))?|[A-Z]{2,}s?|\d{4}))+\b"
                    r"|\b[A-Z]{3,}s?\b")
# a plural possessive inside a name ('the Kettlebridge Carers' Forum', s13 q07) as well as a singular one
_NOT_NAMED = {"how", "what", "when", "who", "where", "why", "which", "describe", "explain", "please", "your", "the",
              "nhs", "gp", "gps", "uk", "and", "a", "an", "in", "our", "give", "provide", "set", "tell", "at", "if", "for",
              "this", "we", "on", "by", "from", "with", "as", "all", "each", "any", "it", "its", "their", "these"}


_ENDS_NAME = frozenset({"trust", "homes", "cic", "council", "web"})
"""Head nouns that end a name as well as the buyer templates' heads (:func:`_kind_heads`): 'Northgate Housing Trust
and Fenmoor Homes' is two names."""


def _split_and(words: list[str]) -> list[list[str]]:
    """A run of capitalised words joined by 'and' as the names it holds: split after a word that ends a name (a head
    noun, or a lone CamelCase or capital name: 'SystmOne and EMIS Web') when a capitalised word follows; 'Fenland
    Reach and Eastmoor Lived Experience Network' and 'Crisis Resolution and Home Treatment Teams' stay one name."""
    heads = _kind_heads() | _ENDS_NAME
    out: list[list[str]] = []
    cur: list[str] = []
    for i, w in enumerate(words):
        if w == "and" and cur and i + 1 < len(words) and words[i + 1][:1].isupper() and (
                cur[-1].lower().strip("'’") in heads or (len(cur) == 1 and _CAMEL.fullmatch(cur[0]))):
            out.append(cur)
            cur = []
            continue
        cur.append(w)
    return out + [cur]


@functools.cache
def _instruction_words() -> frozenset[str]:
    """The words of the buyer's instructions that may open a run of capitalised words before a name ('Reference the
    ...', 'Refer to the ...', 'Using Annex H'): phrasebank/commitments.yaml ``documents.instructions``."""
    said = (load_phrasebank("commitments.yaml").get("documents") or {}).get("instructions") or []
    return frozenset(w.lower() for phrase in said for w in str(phrase).split()) - {"the", "in", "with", "as", "for"}


def named_terms(text: str) -> list[str]:
    """The buyer's named things in a sub-point: acts, frameworks, roles and acronyms
    ('Making Safeguarding Personal', 'Care Act 2014', 'Caldicott Guardian', 'DSPT')."""
    out = []
    for m in _NAMED.finditer(text or ""):
        for words in _split_and(m.group(0).split()):
            while words and (words[0].lower() in _NOT_NAMED or words[0].lower() in _instruction_words()):
                words = words[1:]  # 'Reference the Kelderton Carers Strategy': the buyer's instruction is no name (s16 q08)
            term = " ".join(words)
            if term and (len(words) >= 2 or re.fullmatch(r"[A-Z]{3,}s?", term)) and term.lower() not in _NOT_NAMED:
                out.append(term)
    return out


# what a question names that is not a requirement of the answer: its own furniture, the parties, dates
_FURNITURE = re.compile(
    r"^(?:the\s+)?(?:section|appendix|appendices|annex|document|table|part|lot|schedule\s+\d+\s*$|itt|sq|q\d|question|"
    r"bidder|bidders|provider|providers|commissioners?|council|authority|icb|integrated care board|nhs england|"
    r"guidance|weighting|word limit|marks?|pass|fail|context|background|specification|response|responses|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|monday|friday|"
    r"north|south|east|west|year|years|census|a4|arial|wte|fte|vcse|bame|ld|tbc|n/a|yes|no|kpis?|selection\s+questionnaire|"
    r"evaluators?|the\s+commissioners|"
    r"standards\s+(?:not\s+)?met|approaching\s+standards|standards\s+exceeded)\b(?!['’])",  # a DSPT status, not a requirement;
    # a party's own thing ('the Council's Adult Learning Team') is not the party
    re.I)
_CAMEL = re.compile(r"\b(?:[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Z]{2,})(?:-\d+)?\b")
_NHS_ROUTE = re.compile(r"\bNHS\s*111(?:\s*(?:,\s*)?option\s*\d)?", re.I)
_TARGET = re.compile(r"(?:(?:at\s+least|a\s+minimum\s+of|no\s+(?:less|fewer)\s+than|above|over)\s+)?\d+(?:\.\d+)?\s*%"
                     r"(?:\s+of)?[^.;:]{3,80}", re.I)
_FIGURE = re.compile(r"(?:(?:at\s+least|a\s+minimum\s+of|no\s+(?:less|fewer)\s+than|above|over)\s+)?(?<![\d.])\d+(?:\.\d+)?\s*%",
                     re.I)
_BASELINE = re.compile(r"\b(?:currently|current\s+(?:figure|rate|level)\s+is|is\s+now|was|baseline(?:\s+is)?|today)\s*(?:is\s+)?$",
                       re.I)
_TARGET_CONTEXT = re.compile(r"\b(?:expect|expects|expected|target|must|should|at\s+least|by\s+the\s+end|minimum|achieve)\b",
                             re.I)
_WEIGHTING = re.compile(r"\bweight(?:ing|ings|ed)\b|\bweight\s*[:=]?\s*\d|\d+\s*%\s+of\s+the\s+(?:quality\s+|overall\s+|total\s+)?(?:score|marks)|marks\s+available|"
                        r"scoring\s+scale|will\s+be\s+scored", re.I)
_EXPANSION = re.compile(r"((?:[A-Z][A-Za-z]*[\s,]+(?:(?:and|of|for|the|to|on)\s+)?){2,12})\(([A-Z][A-Za-z]{1,9}(?:-\d+)?)\)")
"""'the Transfer of Undertakings (Protection of Employment) Regulations 2006 (TUPE)' / 'Mental Health Services Data
Set (MHSDS)': the acronym is the requirement, its spelled-out name an alternative."""


_OWN_THING = re.compile(r"\b(?:policy|policies|protocol|procedure|pathway|pledge|charter|strategy|plan|scheme|hub|"
                        r"framework|agreement|concordat|programme|standards?|statement)$", re.I)
"""A party's name followed by one of these is a thing of that party a panel looks for, not the party."""


def _thing_of(seen: str, name: str) -> bool:
    """``name`` is a thing of its own that holds ``seen``, not ``seen`` again: a place's or a body's service, team or
    programme ('Tarrow and Wyke Tobacco Dependence Service' after the place 'Tarrow and Wyke'; 'Trust's Physical
    Health Team' after 'Physical Health'), by the head noun the buyer templates are chosen by."""
    last = name.split()[-1]
    return last in _kind_heads() and (name.startswith(seen) or last not in seen.split())


KINDS: dict[str, tuple[str, ...]] = {
    "protocol": ("protocol", "protocols", "procedure", "procedures", "pathway", "pathways", "agreement",
                 "concordat", "model", "guidance", "standards", "framework", "toolkit", "memorandum"),
    "partner": ("hub", "hubs", "assessor", "assessors", "team", "teams", "panel", "service", "services", "network",
                "workers", "practitioners",
                "centre", "center", "alliance", "partnership", "collaborative", "line", "café",
                "cafe", "house", "hospital", "haven", "havens", "sanctuary", "trust", "homes",
                # a named housing association the buyer asks us to work with (s25 q04: 'Harbourside Housing
                # Association' never said, beside the council's housing services that were)
                "association", "associations"),
    # a board or forum the buyer names governs or oversees; we report to it and attend it, we pass no referrals
    "board": ("board", "boards", "forum", "forums"),
    "policy": ("policy", "policies", "rules", "scheme of payment", "standard", "statement"),
    "pledge": ("pledge", "charter", "commitment", "covenant", "compact", "promise", "mark"),
    "strategy": ("strategy", "plan", "programme", "program", "scheme", "initiative", "campaign", "approach"),
    # a clinical record system the buyer names ('SystmOne and EMIS Web are both in use'): by its name
    # (``record_systems`` in question_terms.yaml) rather than a head noun; how our workers work in it
    "system": (),
}
"""A named requirement's kind, by its head noun (its last word, or the word that follows it in the buyer's
sentence: 'the Trusted Assessor model'). The kinds are the ``buyer named <kind>`` templates."""

@functools.cache
def _kind_heads() -> frozenset[str]:
    """The head nouns of the buyer templates' kinds (:data:`KINDS`), built once."""
    return frozenset(w for words in KINDS.values() for w in words)


@dataclass
class Requirement:
    name: str
    """As the buyer wrote it ('DIALOG', 'NHS 111 option 2', 'at least 50% of people ... paired')."""
    kind: str
    """'name' (a measure, framework, training, route, act) or 'target' (a figure the buyer expects)."""
    sentence: str
    """The buyer's sentence it came from."""
    alternatives: list[str] = field(default_factory=list)
    """Names any one of which meets it ('DIALOG and/or ReQoL-10': either)."""

    def keys(self) -> list[str]:
        return [k for k in ([self.name] + self.alternatives) if k]


def _sentences(text: str) -> list[str]:
    """The buyer's sentences, a table's cells ('|') and each line a piece of their own (:func:`line_sentences`)."""
    return line_sentences(re.sub(r"[ \t]*\|[ \t]*", ". ", text or ""))


def read_requirements(question: str, *, known: list[str] | tuple[str, ...] = ()) -> list[Requirement]:
    """The named requirements in ``question``, in the buyer's order, each once. ``known``: names that
    are parties or places rather than requirements (the buyer, the provider, the area, the service)."""
    parties = [k.lower() for k in known if k]
    out: list[Requirement] = []
    seen: set[str] = set()

    def add(name: str, kind: str, sentence: str, alternatives: list[str] | None = None) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,;:()")
        low = name.lower()
        # a party's own thing named with the party first ('ICB Clinical Risk Position Statement', s13 q03; 'Commissioners'
        # Lived Experience Partnership Standard', s13 q07) is the thing, not the party
        furniture = _FURNITURE.match(name) and not (len(name.split()) >= 3 and _OWN_THING.search(low))
        if not name or low in seen or furniture or any(low in p or p in low for p in parties
                                                                        if not _OWN_THING.search(low[len(p):] if low.startswith(p) else "")):
            return  # a party ('Riverside ICB'), not the thing of a party the buyer names ('Riverside ICB Involvement Payment Policy')
        if kind == "name" and any(low in s or (s in low and not _thing_of(s, low)) for s in seen if len(s) > 3):
            return  # 'Oliver McGowan' within 'Oliver McGowan Mandatory Training'
        if re.match(r"^\d", name) and kind == "name":
            return  # '2021 Census'
        if kind == "name" and len(name.split()) >= 4 and not alternatives and not re.search(r"\d", name):
            # 'Oliver McGowan Mandatory Training on Learning Disability and Autism': also met by its head
            head = re.split(r"\s+(?:on|of|for|and|in)\s+", name)[0]
            alternatives = [head] + ([" ".join(head.split()[:2])] if len(head.split()) > 2
                                     and not re.search(r"['’](?:s\b|$)", head.split()[0]) else [])
            # not a party's name and its next word ('Council's Adult', of 'the Council's Adult Learning Team')
            # never a part of a party's name: 'Riverside Integrated' (of 'Riverside Integrated Discharge Hub') is
            # said by every sentence naming Riverside Integrated Care Board
            # nor a place's name and one more word ('Northfield Lived', of 'Northfield Lived Experience Charter')
            places = {p.split()[0] for p in parties if p.split()}
            # nor one word ('Tarrow', of 'Tarrow and Wyke Tobacco Dependence Service'): said by every sentence naming the place
            alternatives = [a for a in alternatives if len(a.split()) >= 2 and not any(a.lower() in p for p in parties)
                            and not (len(a.split()) == 2 and a.split()[0].lower() in places)]
        seen.add(low)
        seen.update(a.lower().strip() for a in alternatives or [])
        out.append(Requirement(name=name, kind=kind, sentence=sentence, alternatives=alternatives or []))

    title = _title_line(question)
    for sentence in _sentences(question):
        if title and " ".join(sentence.split()).startswith(title) and len(sentence) < len(title) + 40 \
                and not any(_names_something(term, question) for term in named_terms(sentence)):
            # the question's own title ('4.1 Workforce and Supervision'): its words are the topic, not a name the
            # panel looks for, when the question uses them as ordinary words ('supervise the workforce')
            continue
        if _WEIGHTING.search(sentence) and not _TARGET_CONTEXT.search(sentence):
            continue  # 'Weighting: 10%', 'Marks available: 20'
        for m in _NHS_ROUTE.finditer(sentence):
            add(m.group(0), "name", sentence)
        # 'DIALOG and/or ReQoL-10': one requirement that either meets
        pair = re.search(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-\d+)?)\s+(?:and/or|or)\s+([A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-\d+)?)\b",
                         sentence)
        if pair:
            add(f"{pair.group(1)} or {pair.group(2)}", "name", sentence, [pair.group(1), pair.group(2)])
            seen.update({pair.group(1).lower(), pair.group(2).lower()})
        spelled = []
        for m in _EXPANSION.finditer(sentence):
            add(m.group(2), "name", sentence, [m.group(1).strip(" ,")])
            spelled.append(m.group(1))
        for term in named_terms(sentence):
            words = term.split()
            if re.search(r"-\s*" + re.escape(term) + r"|" + re.escape(term) + r"\s*-\w", sentence):
                continue  # half of a hyphenated name ('the Community Recovery and Step-Down Service')
            if len(words) >= 2 and all(w.isupper() for w in words if w.isalpha()):
                continue  # 'SECTION 3 – QUALITY QUESTIONS': a title in capitals, not a name
            if any(term in x for x in spelled) or "(" in sentence and re.search(re.escape(term) + r"[^.]{0,60}\([A-Z]", sentence):
                continue  # the spelled-out name of an acronym the sentence gives (kept with the acronym)
            if len(words) >= 2 and not _CAMEL.fullmatch(term):
                add(term, "name", sentence)
        letters = [w for w in re.findall(r"[A-Za-z]+", sentence) if len(w) > 1]
        shouted = sum(w.isupper() for w in letters) > len(letters) / 2
        for m in ([] if shouted else _CAMEL.finditer(sentence)):
            if m.group(0) not in ("NHS", "UK", "GP", "GPs", "ICB", "ICBs", "A&E") and len(m.group(0)) >= 3:
                # 'SARs' in a safeguarding question is also met by 'Safeguarding Adults Reviews'
                meant = expand_acronyms(m.group(0), sentence + " " + question)
                add(m.group(0), "name", sentence, [meant] if meant != m.group(0) else None)
        if _TARGET_CONTEXT.search(sentence) and not _WEIGHTING.search(sentence):
            for m in _FIGURE.finditer(sentence):
                if _BASELINE.search(sentence[max(0, m.start() - 30):m.start()]):
                    continue  # 'is currently 64% and must reach at least 80%': the buyer's baseline, not the target
                target = _TARGET.match(sentence, m.start())
                if target:
                    add(re.split(r"\s+(?:and|but)\s+(?:must|should|is|are|was)\b|;", target.group(0))[0], "target", sentence)
    return out


def _title_line(question: str) -> str:
    """The question's title as :func:`questions.question_title` reads it ('4.1 Workforce and Supervision', without the
    weighting or limit written beside it), spaces collapsed; '' when it has none beyond a reference."""
    title = " ".join(question_title(question).split())
    return "" if not title or title == title_reference(title) else title


def _names_something(term: str, question: str) -> bool:
    """A title's capitalised words name something (a framework, an act, a programme) unless the question uses each of
    its words as an ordinary lower-case word ('Workforce and Supervision' in a question that asks how you 'supervise
    the workforce'); an acronym or a figure always names something ('DIALOG', 'Care Act 2014')."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*|\d+", term) if w.lower() not in _NOT_NAMED
             and w.lower() not in ("and", "of", "for", "the", "to", "on")]
    if len(words) >= 2 and all(w.isupper() for w in words if w.isalpha()):
        return False  # 'SAFEGUARDING ADULTS AND CHILDREN': a title in capitals, read as the lines below read it
    if any(w.isdigit() or (len(w) > 1 and w.isupper()) or _CAMEL.fullmatch(w) for w in words):
        return True
    lower = " ".join(re.findall(r"\b[a-z][a-z'’-]*", question or ""))
    return not all(re.search(rf"\b{re.escape(w.lower()[:max(4, min(len(w) - 3, 6))])}", lower) for w in words)


def mentions(requirement: Requirement, text: str) -> bool:
    """True when ``text`` names the requirement (any of its alternatives; a target by its figure)."""
    hay = (text or "").lower()
    if requirement.kind == "target":
        return _target_met(requirement.name, hay)
    for key in requirement.keys():
        k = re.sub(r"\s+\d{4}$", "", key.lower())  # 'Care Act 2014': the act, with or without its year
        plural = ""
        if re.fullmatch(r"[A-Z]{3,}s?", key):  # 'SARs' in 'every SAR', 'SAR' in 'SARs'
            k, plural = (k[:-1] if key.endswith("s") else k), "s?"
        if re.search(r"(?<![a-z0-9])" + re.escape(k) + plural + r"(?![a-z0-9])", hay):
            return True
        acronym = "".join(w[0] for w in key.split() if w[:1].isupper()) if " " in key else ""
        if len(acronym) >= 3 and re.search(rf"\b{acronym.lower()}\b", hay):
            return True
        if _words_near(key, hay):
            return True
    return _spelled_out(requirement.name, text or "")


_TARGET_SMALL = {"at", "least", "minimum", "no", "less", "fewer", "than", "above", "over", "people", "person", "having",
                 "have", "has", "by", "end", "year", "years", "will", "be", "are", "with", "who", "per", "cent"}


def _target_met(target: str, hay: str) -> bool:
    """'at least 50% of people discharged having a paired score': the figure as a whole number ('150%' and
    '50.5%' are other figures) with a word of what it measures ('paired', 'discharged') within a few words."""
    figure = re.search(r"(\d+(?:\.\d+)?)\s*%", target)
    if figure is None:
        return False
    content = {w.rstrip("s") for w in re.findall(r"[a-z]+", target.lower()) if w not in _SMALL | _TARGET_SMALL}
    for m in re.finditer(r"(?<![\d.])" + re.escape(figure.group(1)) + r"\s*%", hay):
        near = re.findall(r"[a-z]+", hay[max(0, m.start() - 60):m.end() + 60])
        if content & {w.rstrip("s") for w in near}:
            return True
    return False


def _words_near(key: str, hay: str) -> bool:
    """'NHS 111, option 2' in 'call NHS 111 and choose option 2'; 'Safeguarding Adults Reviews' in '...
    each Safeguarding Adults Review': every word of the name (plural or not) within a few words."""
    want = [w.rstrip("s") for w in re.findall(r"[a-z0-9]+", key.lower()) if w not in _SMALL]
    if len(want) < 2:
        return False
    words = [w.rstrip("s") for w in re.findall(r"[a-z0-9]+", hay)]
    width = len(want) + 4
    for i, w in enumerate(words):
        if w == want[0] and set(want) <= set(words[i:i + width]):
            return True
    return False


_SMALL = {"and", "or", "of", "the", "to", "on", "for", "in", "a", "an", "s"}


_KNOWN_EXPANSIONS = {"MARAC": "multi-agency risk assessment conference"}
"""Acronyms whose written-out name counts in lower case too, though the buyer does not spell it out."""


def _spelled_out(key: str, text: str) -> bool:
    """'MARAC' said as 'multi-agency risk assessment conference' (a known expansion), or an acronym of four
    letters or more said as words with their capitals whose initials spell it ('Data Security and Protection
    Toolkit'). Not any words that share its initials: 'Staff are required' is not 'SARs'. The buyer's own
    expansion ('Safeguarding Adults Reviews (SARs)') is an alternative of the requirement, met as a name."""
    if not re.fullmatch(r"[A-Z]{3,}s?", key):
        return False
    letters = key.rstrip("s")
    known = _KNOWN_EXPANSIONS.get(letters)
    if known and _words_near(known, text.lower()):
        return True
    if len(letters) < 4:
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _SMALL]
    n = len(letters)
    return any(all(w[0].isupper() for w in words[i:i + n]) and "".join(w[0] for w in words[i:i + n]) == letters
               for i in range(len(words) - n + 1))
