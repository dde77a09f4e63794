"""What a figure measures, read from its own clause (issue 12, f16).

A buyer writes several figures in one sentence ("23.1% of residents are from Black, Asian and minority ethnic groups,
but only 8% of referrals are"); pairing a figure with the nearest measure word restates the population share as a
referral figure, a staff-turnover target as a safeguarding one, the number of employment specialists as the whole
workforce. Here a figure's *measure* is what its own clause says it counts, from the dependency parse:

* the noun the number counts ('18 WTE employment specialists' -> specialist, employment);
* for a share or a rate, what it is a share of ('23.1% of residents' -> resident), else the subject of the clause it
  is the value of ('Staff turnover was 24% ... and must fall to 15%' -> turnover, staff);
* for a timescale, the thing done and what it is done to or after ('a first plan within 10 working days of first
  contact' -> plan, contact).

:func:`measure` gives those words; :func:`figures` every figure of a text with its measure; :func:`restated` pairs
the buyer's figures with the answer's sentences that state them; :func:`timescale_conflicts` finds our timescales
weaker than the buyer's on the same subject; :func:`two_ways` one subject given two timescales in one answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from evidencebot import mentions
from evidencebot.compose.blockmatch import stem
from evidencebot.language.pipeline import parse
from evidencebot.mentions import NUMBER_OR_WORD, UNIT_DAYS, number_or_word
from evidencebot.text import line_sentences, match_form

_UNIT = (r"(?P<u>%|per\s*cent|percent|working\s+days?|calendar\s+days?|days?|hours?|weeks?|months?|WTE|FTE|"
         r"whole[-\s]time[-\s]equivalents?)")
FIGURE = re.compile(rf"(?<![\w.£/-])(?P<n>{NUMBER_OR_WORD})(?:\s*|-)(?:{_UNIT})(?![\w])"
                    rf"|(?P<age>\b(?:aged?|age\s+of)\s+(?P<an>\d{{2}})(?P<half>\s*(?:½|and\s+a\s+half))?)", re.I)
"""A figure: a share, a timescale, a number of WTE, an age ('from age 17', 'from the age of 17 and a half')."""

# words that say what kind of number it is, not what it measures
GENERIC = frozenset("""
% percent cent per figure rate share proportion percentage number total level target baseline standard ambition
trajectory aim goal value measure kpi indicator amount count average median mean minimum maximum least most end start
year month week day hour time period contract authority buyer commissioner specification provider service lot we us
our their them they it this that these those which who one all each every some any people person % wte fte
whole equivalent time other new current national local area service's buyer's year's age bidder bidders
""".split())
"""Words too general to say what a figure measures (the measure is the word beside them)."""

PEOPLE = frozenset("people person adult resident individual patient user client man woman".split())
"""Words for people: a share of them is a share of what is said of them."""


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    """'%', 'wte', 'age', or a unit of time ('working day', 'week')."""
    text: str
    sentence: str
    start: int
    """Where the figure starts in ``sentence``."""
    measure: frozenset = field(default_factory=frozenset)
    """Lemmas of what the figure's own clause says it measures."""
    clause: frozenset = field(default_factory=frozenset)
    """Lemmas of every content word of its clause."""
    anchor: frozenset = field(default_factory=frozenset)
    """A timescale: lemmas of what it runs from ('of first contact' -> contact), empty when unsaid."""
    bound: str = ""
    """A timescale: 'within' (at most), 'before' (at least, ahead of), 'from' (an age or a time to start), ''."""
    core: frozenset = field(default_factory=frozenset)
    """Lemmas of the noun the figure counts or is a share of ('adults' of '8.6% of adults are from ...')."""
    nouns: frozenset = field(default_factory=frozenset)
    """The nouns of ``measure`` (a timescale's thing done: 'training', 'plan', 'planning')."""
    kind: frozenset = field(default_factory=frozenset)
    """Words of :data:`CONTRAST` in its piece of the sentence or its measure ('urgent' of 'urgent referrals contacted
    within 4 hours', not of the routine standard before it)."""

    @property
    def days(self) -> float | None:
        return mentions.days(self.value, self.unit) if self.unit in UNIT_DAYS else None

    def key(self) -> tuple[float, str]:
        if self.unit in UNIT_DAYS:
            return (round(self.days or 0.0, 3), "time")
        return (self.value, self.unit)


def _unit(raw: str) -> str:
    u = " ".join((raw or "").lower().replace("-", " ").split())
    if u in ("%", "per cent", "percent", "percent.") or u.startswith("per"):
        return "%"
    if u in ("wte", "fte") or u.startswith("whole"):
        return "wte"
    u = re.sub(r"s$", "", u)
    return u


def _doc(sentence: str):
    return parse(sentence, disable=("ner",))


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.text).lower()


def _words(tokens) -> frozenset:
    return frozenset(_lemma(t) for t in tokens
                     if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and _lemma(t) not in GENERIC and len(t.text) > 1
                     and not re.match(r"\d", t.text))


def _noun_words(tok) -> set:
    """A noun with the words that name it with it ('employment specialists', '72-hour follow-up rate', 'staff
    turnover', 'eligible CRHT discharges')."""
    out = {tok}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and not re.match(r"\d", c.text):
            out |= set(c.subtree) if c.dep_ != "poss" else {c}
    return out


def _governor(tok):
    """The verb whose clause ``tok`` sits in (None for a verbless fragment)."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t if t.pos_ in ("VERB", "AUX") else None


def _subject(verb):
    """The verb's subject, or the subject of the verb it is joined to ('turnover was 24% and must fall to 15%')."""
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subj:
            return subj[0]
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def _clause_tokens(verb) -> list:
    """The verb's clause: its subtree without the clauses joined to it (another verb's 'and ...', 'but ...')."""
    skip = set()
    for c in verb.children:
        if c.dep_ in ("conj", "advcl", "relcl", "ccomp", "parataxis") and c.pos_ in ("VERB", "AUX"):
            skip |= set(c.subtree)
    return [t for t in verb.subtree if t not in skip]


_BOUNDARY = frozenset(", ; ( : but yet while whereas compared against rising falling".split())


def _said_of(tok) -> list:
    """The words after ``tok`` up to the clause's end (a comma, 'but', 'yet', a bracket, the next figure): what is
    said of the people a share counts, whatever the parse made of it ('63% of people referred on discharge from a ward
    were contacted within 72 hours')."""
    out = []
    for t in tok.doc[tok.i + 1:]:
        if t.lower_ in _BOUNDARY or t.like_num:
            break
        out.append(t)
    return out


def _measure_of(doc, start: int, end: int, unit: str) -> tuple[frozenset, ...]:
    """(measure, clause, anchor, core, nouns) lemmas for the figure at characters [start, end) of ``doc``."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return frozenset(), frozenset(), frozenset(), frozenset(), frozenset()
    num = next((t for t in toks if t.like_num or re.match(r"\d", t.text)), toks[0])
    head = toks[-1] if toks[-1].pos_ in ("NOUN", "PROPN", "NUM", "SYM") else num.head
    while (head.like_num or head.dep_ in ("compound", "nummod", "nmod")) and head.head.i != head.i and head.head not in toks \
            or head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
        head = head.head  # '54.0 WTE patient-facing staff': the staff
    verb = _governor(head)
    clause = _clause_tokens(verb) if verb is not None else list(doc)
    anchor: set = set()
    found: set = set()
    core: set = set()  # the noun counted, before what is said of people
    if unit in UNIT_DAYS or unit == "age":
        # 'within 10 working days of first contact': of what it runs from; the thing done is the verb's object or
        # subject, or the noun the time phrase hangs from ('a first plan within 10 working days')
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "after", "from")]
        for p in of:
            anchor |= {t for t in p.subtree}
        prep = head.head if head.dep_ == "pobj" else None
        hang = prep.head if prep is not None else head.head
        if hang.pos_ in ("NOUN", "PROPN"):
            found |= _noun_words(hang)
        if verb is not None:
            found.add(verb)
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and c not in toks:
                    found |= _noun_words(c)
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                found |= _noun_words(verb.head)  # 'the training all staff will complete in their first 12 weeks'
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                s = _subject(verb)
                if s is not None:
                    found |= _noun_words(s)
    else:
        # a count of a thing: the thing ('18 WTE employment specialists')
        if head.pos_ in ("NOUN", "PROPN") and _lemma(head) not in GENERIC:
            found |= _noun_words(head)
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        for p in of:  # a share of a thing: the thing ('23.1% of residents', '30% of eligible CRHT discharges')
            for o in p.children:
                if o.dep_ == "pobj":
                    found |= _noun_words(o)
                    core |= _noun_words(o)
                    # people are counted by what is said of them ('71% of adults discharged from the wards were
                    # followed up'; '80% of people discharged ... to be contacted'): those verbs are the measure too
                    if _lemma(o) in PEOPLE:
                        found |= set(_said_of(o))
        if not _words(found):
            # the value of a clause: its subject ('Staff turnover was 24%'), or the noun it is the figure of ('a
            # turnover rate of 24%', 'the national ambition of 80%' -> ambition's own words)
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
                found |= _noun_words(head.head.head)
            if not _words(found) and verb is not None:
                s = _subject(verb)
                if s is not None and s not in toks:
                    found |= _noun_words(s)
                    for p in (c for c in s.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
                        found |= set(p.subtree)
                if not _words(found):
                    for c in verb.children:
                        if c.dep_ in ("dobj", "attr") and c not in toks:
                            found |= _noun_words(c)
    nouns = _words(t for t in found if t.pos_ in ("NOUN", "PROPN"))
    return _words(found), _words(clause), _words(anchor), _words(core) or _words(found), nouns


_PIECES = re.compile(r"[,;:()]|\b(?:and|or|but|while|whereas)\b", re.I)


def figures(text: str) -> list[Figure]:
    """Every figure of ``text`` (one sentence or many) with what its clause says it measures."""
    out: list[Figure] = []
    for sentence in line_sentences(text):
        if FIGURE.search(sentence):
            out += _sentence_figures(sentence)
    return out


@functools.lru_cache(maxsize=4096)
def _sentence_figures(sentence: str) -> tuple[Figure, ...]:
    """The figures of one sentence, kept for the app's lifetime: the figures read from the parse, not the parse (a
    spaCy Doc per sentence was cached before, with its tokens' arrays, for as long as the app ran). A Figure is
    frozen, so every caller may share it."""
    out = []
    doc = _doc(sentence)
    for m in FIGURE.finditer(sentence):
        if m.group("age"):
            value = float(m.group("an")) + (0.5 if m.group("half") else 0.0)
            unit = "age"
        else:
            n = number_or_word(m.group("n"))
            if n is None:
                continue
            value, unit = n, _unit(m.group("u"))
        before = sentence[max(0, m.start() - 40):m.start()].lower()
        bound = ("within" if re.search(r"\b(?:within|no\s+later\s+than|in\s+their\s+first|up\s+to|at\s+most|"
                                       r"no\s+more\s+than|under)\s+(?:the\s+)?$", before)
                 else "before" if re.search(r"\bat\s+least\s+$", before) and re.match(r"\s*before\b",
                                                                                      sentence[m.end():])
                 else "from" if unit == "age" and re.search(r"\bfrom\s+(?:the\s+)?$", before)
                 # a frequency with a floor: 'reviewed at least every 3 months', 'no less often than every 12 weeks'
                 else "every" if unit in UNIT_DAYS and re.search(r"\b(?:at\s+least|no\s+less\s+often\s+than)\s+(?:once\s+)?"
                                                                r"every\s+$", before) else "")
        measure, clause, anchor, core, nouns = _measure_of(doc, m.start(), m.end(), unit)
        piece = _PIECES.split(sentence[:m.start()])[-1] + _PIECES.split(sentence[m.start():])[0]
        kind = (frozenset(re.findall(r"[a-z]+", piece.lower())) | measure) & CONTRAST
        out.append(Figure(value, unit, m.group(0), sentence, m.start(), measure, clause, anchor, bound, core, nouns,
                          kind))
    return tuple(out)


def measured(sentence: str, start: int, words: str, required: list | tuple = ()) -> bool | None:
    """Whether the figure at ``start`` of ``sentence`` measures what ``words`` name (a measure's label): True when its
    own clause's measure shares a word with them (and holds every word that begins one of ``required``: 'referral'
    for a share of referrals, not of the population), False when it names another, None when it names nothing."""
    text = " ".join((sentence or "").split())
    if text != sentence:
        return None
    for f in figures(text):
        if f.start == start:
            if not f.measure:
                return None
            want = _stems(re.findall(r"[a-z][a-z'-]+", words.lower()))
            if required and all(any(m.startswith(str(r).lower()) for m in f.measure) for r in required):
                return True
            # without the measure's own words, the noun counted must be one of its words ('DNA rate of 12%'), not
            # the people the sentence describes ('8.6% of adults are from Black, Asian ... groups')
            return bool(_stems(f.core if required else f.measure) & want)
    return None


# ---------------------------------------------------------------- answers against the buyer's figures

_SKIP = re.compile(r"^\s*(?:#|\|)|\[To (?:write|confirm|attach|complete)\b")


def body_lines(answer: str) -> list[str]:
    """The answer's own sentences' lines: not its headings (the buyer's words), tables or '[To ...]' notes."""
    return [x for x in (answer or "").splitlines() if x.strip() and not _SKIP.search(x)]


SAME_THING = {"staffing": "staff", "workforce": "staff", "establishment": "staff", "dna": "attend"}
"""Words that name one measure ('a minimum staffing level of 42 WTE' is a workforce of 42 WTE)."""


def _alike(words) -> set:
    same = {a: b for k, v in SAME_THING.items() for a, b in zip(_stems([k]), _stems([v]))}
    return {same.get(w, w) for w in _stems(words)}


def _stems(words) -> set:
    return {stem(w) for w in words}


@dataclass
class Pairing:
    figure: Figure
    """Ours."""
    theirs: list
    """The buyer's figures of the same value."""
    right: bool

    def describe(self) -> str:
        want = " / ".join(",".join(sorted(t.measure)) or "?" for t in self.theirs)
        return (f"{self.figure.text}: buyer's measure [{want}], ours [{','.join(sorted(self.figure.measure))}]: "
                f"{self.figure.sentence[:170]}")


def quotes(sentence: str, buyer_sentence: str, figure_text: str) -> bool:
    """True when ``sentence`` holds the buyer's clause around the figure word for word (six words either side)."""
    n = match_form(buyer_sentence)
    f = match_form(figure_text)
    i = n.find(f)
    if i < 0:
        return False
    words_before = n[:i].split()[-6:]
    words_after = n[i + len(f):].split()[:6]
    piece = " ".join(words_before + [f] + words_after)
    return piece in match_form(sentence)


def paired_right(ours: Figure, theirs: Figure) -> bool:
    """Our figure says the buyer's of the same thing: what the buyer's clause says it measures is in our clause (or
    our sentence quotes the buyer's clause); a buyer clause that names no measure cannot be misread."""
    if quotes(ours.sentence, theirs.sentence, theirs.text):
        return True
    if not theirs.measure:
        return True
    said = ours.clause | ours.measure
    if not said:  # our clause could not be read: the sentence's words
        said = frozenset(w.lower() for w in re.findall(r"[A-Za-z][\w-]+", ours.sentence))
    return bool(_alike(theirs.measure) & _alike(said))


ATTRIBUTED = re.compile(r"\b(?:buyer|buyer's|specification|commissioners?|commissioners'|authority|ICB|council|trust's|"
                        r"requires?|required|requirement|asks\s+for|KPI[\s-]*\d*|current\s+figure|"
                        r"national\s+ambition|contract\s+target)\b", re.I)
"""A sentence that gives a figure as the buyer's (a share of ours that happens to equal one of theirs is not one)."""


def restated(question: str, answer: str) -> list[Pairing]:
    """Each share, WTE or age of the buyer's that an answer sentence states as the buyer's, and whether it is said of
    the buyer's measure. Timescales are left to :func:`timescale_conflicts` (our blocks' own 'five working days' is
    not the buyer's figure restated)."""
    theirs: dict[tuple, list[Figure]] = {}
    for f in figures(question):
        if f.unit in ("%", "wte", "age"):
            theirs.setdefault(f.key(), []).append(f)
    out = []
    for line in body_lines(answer):
        for f in figures(line):
            same = theirs.get(f.key())
            if not same or not ATTRIBUTED.search(f.sentence):
                continue
            out.append(Pairing(f, same, any(paired_right(f, t) for t in same)))
    return out


CONTRAST = frozenset("urgent routine emergency child children adult written verbal".split())
"""Words that make two timescales on one subject two standards (urgent and routine referrals)."""


def _same_subject(a: Figure, b: Figure) -> bool:
    if not a.measure or not b.measure:
        return False
    if a.kind != b.kind:
        return False
    if not (_stems(a.measure) & _stems(b.measure)):
        return False
    if a.anchor and b.anchor and not (_stems(a.anchor) & _stems(b.anchor)):
        return False
    return True


def weaker(ours: Figure, theirs: Figure) -> bool:
    """Ours gives more time than the buyer's 'within', less notice than its 'at least ... before', or a later age to
    start than its 'from age'."""
    if theirs.unit == "age" and ours.unit == "age":
        return theirs.bound == "from" and ours.value > theirs.value
    if theirs.days is None or ours.days is None:
        return False
    if theirs.bound == "within" and ours.bound == "within":  # ('in their first 12 weeks' is a 'within')
        return ours.days > theirs.days + 1e-9
    if theirs.bound == "before" and ours.bound == "before":
        return ours.days < theirs.days - 1e-9
    if theirs.bound == "every" and ours.bound == "every":  # less often than the buyer's 'at least every'
        return ours.days > theirs.days + 1e-9
    return False


def timescale_conflicts(question: str, answer: str) -> list[str]:
    """Our sentences that give a subject the buyer sets a timescale or an age for a weaker one."""
    theirs = [f for f in figures(question) if (f.days is not None or f.unit == "age") and f.bound]
    out = []
    for line in body_lines(answer):
        for f in figures(line):
            if f.days is None and f.unit != "age":
                continue
            same = [t for t in theirs if _same_subject(f, t)]
            if any(quotes(f.sentence, t.sentence, t.text) for t in same):
                continue  # the buyer's own words
            # weaker than every standard the buyer sets on the subject (not the routine one's 5 days against the
            # urgent one's 4 hours)
            if same and all(weaker(f, t) for t in same):
                t = same[0]
                out.append(f"ours '{f.text}' [{','.join(sorted(f.measure))}] against the buyer's '{t.text}' "
                           f"[{','.join(sorted(t.measure))}]: {f.sentence[:160]}")
    return out


def two_ways(answer: str, question: str = "") -> list[str]:
    """One subject given two different timescales of ours in one answer (the buyer's own, restated, are not ours)."""
    buyer = figures(question)
    seen: list[Figure] = []
    out = []
    for line in body_lines(answer):
        for f in figures(line):
            if f.days is None or f.bound != "within" or any(
                    t.key() == f.key() and quotes(f.sentence, t.sentence, t.text) for t in buyer):
                continue
            for g in seen:
                if g.days != f.days and _same_subject(f, g) and match_form(g.sentence) != match_form(f.sentence):
                    out.append(f"'{g.text}' and '{f.text}' [{','.join(sorted(_stems(f.measure) & _stems(g.measure)))}]"
                               f": {g.sentence[:100]} / {f.sentence[:100]}")
                    break
            seen.append(f)
    return out


# ---------------------------------------------------------------- our sentences held to the buyer's timescales


def standards(text: str) -> list[Figure]:
    """The buyer's timescales with a bound ('within 12 weeks', 'in their first 12 weeks') and ages to start from ('from
    age 17') in ``text``."""
    return [f for f in figures(text) if f.bound in ("within", "from", "every") and (f.days is not None or f.unit == "age")]


def _same_every(ours: Figure, theirs: Figure) -> bool:
    """Two frequencies of one thing: the thing done is shared ('our standard is a review at least every six months'
    beside the buyer's 'crisis plans ... reviewed at least every 3 months': review), and what else each names as done
    or done to is not another thing ('each 12-weekly care review' is not a crisis plan's review)."""
    if ours.kind != theirs.kind:
        return False
    shared = _stems(ours.measure) & _stems(theirs.measure)
    if not shared:
        return False
    mine, others = _stems(ours.nouns) - shared, _stems(theirs.nouns) - shared
    return not (mine and others and not mine & others)


def _said(f: Figure) -> str:
    n = f"{f.value:g}"
    if f.unit == "age":
        return n
    return f"{n} {f.unit}{'' if f.value == 1 else 's'}"


def hold_to_buyer(sentence: str, theirs: list[Figure], *, elsewhere: list[Figure] | tuple = ()) -> tuple[str, list[tuple[str, str]]]:
    """``sentence`` (our method text) with each timescale or age weaker than the buyer's for the same thing replaced by
    the buyer's ('All staff complete trauma-informed practice training in their first six months' against the buyer's
    'The training all staff will complete in their first 12 weeks' -> '... in their first 12 weeks'; 'from the age of
    17 and a half' against 'from age 17' -> 'from the age of 17'), and [(ours, the buyer's)] as written, for the
    writer to confirm. The same thing: the clauses share a noun of what is done ('training', 'plan'), name the same
    kind (urgent or routine, child or adult) and, when both say what the time runs from, the same start; ours is
    weaker than every standard the buyer sets for it. A sentence quoting the buyer is left as it is. ``elsewhere``: the
    buyer's standards in the rest of the tender: a timescale is the same thing only when both say what the time runs
    from, and the same start (another question's step-up 'contact within 4 hours' is neither our first contact 'within
    5 working days of referral' nor our 'planned contact within two weeks' after a crisis); a review interval ('at
    least every 3 months') as within the question."""
    if not theirs and not elsewhere or not FIGURE.search(sentence or ""):
        return sentence, []
    text = " ".join(sentence.split())
    pieces = line_sentences(text)
    if len(pieces) > 1:
        done = [hold_to_buyer(p, theirs, elsewhere=elsewhere) for p in pieces]
        return " ".join(d[0] for d in done), [c for d in done for c in d[1]]
    out, changed = text, []
    for f in sorted(figures(text), key=lambda x: -x.start):
        if f.bound not in ("within", "from", "every") or (f.days is None and f.unit != "age"):
            continue
        alike = [t for t in elsewhere if t.bound == "every" == f.bound
                 or t.anchor and f.anchor and _stems(t.anchor) & _stems(f.anchor)]
        same = [t for t in list(theirs) + alike if t.bound == f.bound and (t.unit == "age") == (f.unit == "age")
                and (_same_every(f, t) if f.bound == "every" else
                     _stems(t.measure if t.unit == "age" else t.nouns) & _stems(f.measure if f.unit == "age" else f.nouns)
                     and _same_subject(f, t))]
        # a standard that runs from the same start as ours is the one for it: our 'within 96 hours of discharge' is held
        # to the buyer's '72 hours of discharge', not to a step-up's 'contact within 4 hours' that says no start (s17 A4)
        started = [t for t in same if f.anchor and t.anchor and _stems(t.anchor) & _stems(f.anchor)]
        same = started or same
        if not same or any(quotes(text, t.sentence, t.text) for t in same) or not all(weaker(f, t) for t in same):
            continue
        t = min(same, key=lambda x: x.value if x.unit == "age" else (x.days or 0.0))
        if f.unit == "age":
            new = re.sub(r"\d{2}(?:\s*(?:½|and\s+a\s+half))?", _said(t), f.text, count=1)
        else:
            new = _said(t)
        out = out[:f.start] + new + out[f.start + len(f.text):]
        changed.append((f.text, t.text))
    return out, changed[::-1]
