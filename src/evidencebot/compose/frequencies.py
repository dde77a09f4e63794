"""How often we do a recurring thing, held to the buyer's (issue 12, session 29; s28 contradictions #2, #3, FIRM).

A buyer sets how often something recurs in words a timescale reader does not see: an adverb in a milestone table row
('Named mobilisation lead and weekly mobilisation reports in place'), a minimum count ('at least two joint street
outreach sessions a week'). Our library's blocks carry their own ('reported to the commissioner every two weeks', 'on
an early-morning street shift each week'), and a panel reads the two side by side as a contradiction.

:func:`read` finds each frequency of a text with the kind of thing it is said of (a report, a meeting, supervision, a
review, a contact, a session: phrasebank/frequencies.yaml); :func:`read_buyer` the buyer's, from every line of the
tender's text, table rows included, leaving ceilings ('no more than monthly') alone; :func:`slower` the buyer's
frequency one of ours falls short of for the same thing: the same kind, and a word the buyer names the thing with
('mobilisation', 'street outreach') in our sentence or its paragraph, our own naming word not another thing's
('quarterly performance reports' is not a mobilisation report); :func:`hold` says a slower one of ours with the
buyer's, in our sentence's own form (an adverb stays an adverb: 'fortnightly' -> 'weekly'; 'every two weeks' ->
'every week'; 'each week' against 'at least two ... a week' -> 'twice a week').
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from evidencebot.compose.filters import load_phrasebank
from evidencebot.mentions import NUMBER_OR_WORD, number_or_word
from evidencebot.text import line_sentences, table_cells

PHRASEBANK = "frequencies.yaml"
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                 10: "ten", 11: "eleven", 12: "twelve"}


@dataclass(frozen=True)
class Frequency:
    count: float
    """How many times in a period."""
    days: float
    """The period, in days."""
    text: str
    """As written ('every two weeks', 'weekly', 'at least two joint street outreach sessions a week')."""
    sentence: str
    start: int
    """Where ``text`` starts in ``sentence``."""
    form: str
    """'adverb' ('weekly'), 'every' ('every two weeks', 'each week'), 'times' ('twice a week') or 'count' ('two
    groups a week')."""
    kinds: frozenset = field(default_factory=frozenset)
    """The kinds of thing its piece of the sentence speaks of ('report', 'session')."""
    names: frozenset = field(default_factory=frozenset)
    """Words that name the thing, lower case ('mobilisation' of 'weekly mobilisation reports')."""
    ceiling: bool = False
    """'no more than monthly': an upper bound, not a minimum."""
    places: frozenset = field(default_factory=frozenset)
    """The place words of its piece, singular and lower case ('hostel' of 'at each of the other two hostels')."""
    rest: bool = False
    """Said of the rest of the places of a kind ('at least one a week at each of the other two hostels')."""

    @property
    def rate(self) -> float:
        """Times a day."""
        return self.count / self.days


@functools.lru_cache(maxsize=1)
def _spec() -> dict:
    return load_phrasebank(PHRASEBANK) or {}


def _alts(words) -> str:
    return "|".join(re.escape(str(w)) for w in sorted((str(w) for w in words or []), key=len, reverse=True)) or "(?!)"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    spec = _spec()
    units = _alts(spec.get("units") or {})
    times = _alts(spec.get("times") or {})
    kinds = _alts(w for v in (spec.get("kinds") or {}).values() for w in v)
    return {
        "adverb": re.compile(rf"(?<![\w-])(?:{_alts(spec.get('adverbs') or {})})(?![\w-])", re.I),
        "every": re.compile(rf"\b(?:every|each)\s+(?:(?P<n>other|{NUMBER_OR_WORD})\s+)?(?P<u>{units})s?\b(?!['’])", re.I),
        "times": re.compile(rf"\b(?:(?P<t>{times})|(?P<n>{NUMBER_OR_WORD})\s+times)\s+(?:a|per|each|every)\s+"
                            rf"(?P<u>{units})\b", re.I),
        "count": re.compile(rf"\b(?P<least>at\s+least\s+)?(?P<n>{NUMBER_OR_WORD})\s+(?P<what>(?:[\w'’-]+\s+){{0,5}}?"
                            rf"(?:{kinds})[\w-]*)\s+(?:a|per|each|every)\s+(?P<u>{units})\b", re.I),
        "kind": re.compile(rf"(?<![\w-])(?:{kinds})[\w-]*", re.I),
        "ceiling": re.compile(rf"\b(?:{_alts(spec.get('ceiling'))})\s+(?:once\s+)?$", re.I),
        # 'at least one a week' after a count of the same sentence: the thing is the count's, said once
        "elided": re.compile(rf"\b(?P<least>at\s+least\s+)(?P<n>{NUMBER_OR_WORD})\s+(?:a|per|each|every)\s+"
                             rf"(?P<u>{units})\b", re.I),
        "place": re.compile(rf"(?<![\w-])(?P<p>{_alts(spec.get('places'))})(?:s|es)?(?![\w-])", re.I),
        "rest": re.compile(rf"\b(?:{_alts(spec.get('rest'))})\b", re.I),
        "main": re.compile(rf"\b(?:{_alts(spec.get('main'))})\s+(?P<p>{_alts(spec.get('places'))})", re.I),
    }


_PIECES = re.compile(r"[,;:()|`]|\s(?:and|or|but|while|whereas|until|then)\s", re.I)


def _kind_of(word: str) -> str | None:
    """The kind of thing ``word`` names, as a noun or a verb ('reports', 'reported', 'meeting'; not 'clinical')."""
    w = word.lower()
    for kind, words in (_spec().get("kinds") or {}).items():
        for k in words:
            k = str(k)
            if w == k or w in (k + "s", k + "es", k + "d", k + "ed", k + "ing", k.rstrip("e") + "ing"):
                return str(kind)
    return None


def _piece(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The piece of ``sentence`` around [start, end): up to a comma, a semicolon, an 'and', a bracket."""
    lo = max([m.end() for m in _PIECES.finditer(sentence) if m.end() <= start] or [0])
    hi = min([m.start() for m in _PIECES.finditer(sentence) if m.start() >= end] or [len(sentence)])
    return lo, hi


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’-]*", text or "")


def _naming(words: list[str], weak: bool = True) -> set[str]:
    """The words of ``words`` that can name a thing: not general words, adverbs of frequency or kind words; with
    ``weak`` False, words too weak to tell the buyer's thing ('contract', 'performance') still name ours."""
    general = {str(w).lower() for w in _spec().get("general") or []}
    if weak:
        general |= {str(w).lower() for w in _spec().get("weak") or []}
    adverbs = {str(w).lower() for w in _spec().get("adverbs") or {}}
    return {w.lower() for w in words if w.lower() not in general and w.lower() not in adverbs and not _kind_of(w)
            and len(w) > 2}


def _modifiers(words: list[str], i: int, most: int = 4, weak: bool = True) -> set[str]:
    """The words just before ``words[i]`` that name it with it, up to the first general word ('two joint street
    outreach' sessions -> joint, street, outreach; 'a short written' update -> none)."""
    out: set[str] = set()
    for w in reversed(words[max(0, i - most):i]):
        if not _naming([w], weak):
            break
        out.add(w.lower())
    return out


def _verb_form(word: str) -> bool:
    """A kind word said as a verb ('reported', 'meets', 'reviewing'): what it is said of is its subject, not the words
    before it."""
    w = word.lower()
    if w in {str(x) for x in _spec().get("verbs") or []}:
        return True
    nouns = {str(k) for v in (_spec().get("kinds") or {}).values() for k in v}
    return w.endswith(("ed", "ing")) and w not in nouns and w.rstrip("s") not in nouns  # 'meeting' is a noun


def _names(piece: str) -> frozenset:
    """The words naming the thing in a piece: those just before each kind word said as a noun ('weekly mobilisation
    reports' -> mobilisation; 'two joint street outreach sessions' -> joint, street, outreach)."""
    words = _words(piece)
    out: set[str] = set()
    for i, w in enumerate(words):
        if _kind_of(w) and not _verb_form(w):
            out |= _modifiers(words, i)
    return frozenset(out)


def _count(raw: str | None) -> float | None:
    if not raw:
        return 1.0
    if raw.lower() == "other":
        return 2.0
    return number_or_word(raw)


def read(text: str) -> list[Frequency]:
    """Every frequency of ``text`` (one sentence or many), with the kinds and names of the thing it is said of."""
    out: list[Frequency] = []
    for sentence in line_sentences(text):
        out += _sentence(sentence)
    return out


@functools.lru_cache(maxsize=4096)
def _sentence(sentence: str) -> tuple[Frequency, ...]:
    p, spec = _patterns(), _spec()
    units = {str(k): float(v) for k, v in (spec.get("units") or {}).items()}
    times = {str(k): float(v) for k, v in (spec.get("times") or {}).items()}
    found: list[tuple[int, int, float, float, str]] = []  # start, end, count, days, form
    for m in p["count"].finditer(sentence):
        n = number_or_word(m.group("n"))
        if n:
            found.append((m.start() if m.group("least") is None else m.start("n"), m.end(), n,
                          units[m.group("u").lower()], "count"))
    for m in p["times"].finditer(sentence):
        n = times.get(" ".join(m.group("t").lower().split())) if m.group("t") else number_or_word(m.group("n"))
        if n:
            found.append((m.start(), m.end(), n, units[m.group("u").lower()], "times"))
    for m in p["every"].finditer(sentence):
        n = _count(m.group("n"))
        if n:
            found.append((m.start(), m.end(), 1.0, n * units[m.group("u").lower()], "every"))
    adverbs = {str(k).lower(): v for k, v in (spec.get("adverbs") or {}).items()}
    for m in p["adverb"].finditer(sentence):
        days, n = adverbs[m.group(0).lower()]
        found.append((m.start(), m.end(), float(n), float(days), "adverb"))
    for m in p["elided"].finditer(sentence):
        n = number_or_word(m.group("n"))
        if n and not any(a < m.end() and m.start() < b for a, b, *_ in found):
            found.append((m.start("n"), m.end(), n, units[m.group("u").lower()], "elided"))
    out: list[Frequency] = []
    taken: list[tuple[int, int]] = []
    for start, end, n, days, form in found:  # the longest reading of a span first (a count holds its 'a week')
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        lo, hi = _piece(sentence, start, end)
        piece = sentence[lo:hi]
        # the kind of the kind word nearest the frequency in its piece ('reviews the pathway each year with the
        # lived experience group' is a review, not the group's meeting)
        near = sorted(((abs(m.start() + lo - start), k) for m in re.finditer(r"[A-Za-z][\w'’-]*", piece)
                       if (k := _kind_of(m.group(0)))), key=lambda x: x[0])
        kinds = frozenset([near[0][1]] if near else [])
        places = frozenset(m.group("p").lower() for m in p["place"].finditer(piece))
        out.append(Frequency(n, days, sentence[start:end], sentence, start, form, kinds, _names(piece),
                             bool(p["ceiling"].search(sentence[max(0, start - 30):start])), places))
    return _elided(sorted(out, key=lambda f: f.start))


def _elided(found: list[Frequency]) -> tuple[Frequency, ...]:
    """An elided count ('... and at least one a week at each of the other two hostels') takes the thing of the count
    before it in the sentence (kinds and names); said of the 'other' places of a kind, it is for the rest of them and
    the earlier counts of the sentence are said of a place of that kind too. One with no count before it is dropped."""
    out: list[Frequency] = []
    for f in found:
        if f.form != "elided":
            out.append(f)
            continue
        before = [g for g in out if g.kinds]
        if not before:
            continue
        lo, hi = _piece(f.sentence, f.start, f.start + len(f.text))
        rest = bool(f.places) and bool(_patterns()["rest"].search(f.sentence[lo:hi]))
        g = before[-1]
        out.append(replace(f, form="count", kinds=g.kinds, names=g.names, rest=rest))
        if rest:
            out = [replace(x, places=x.places | f.places) if x.kinds and not x.rest and x is not out[-1] else x
                   for x in out]
    return tuple(out)


def read_buyer(text: str) -> list[Frequency]:
    """The buyer's frequencies of recurring things (a minimum, not a ceiling), from every line of ``text``: a table
    row is read as one sentence of its cells ('| M3 | Named mobilisation lead and weekly mobilisation reports in
    place | 9 April 2027 |')."""
    out: list[Frequency] = []
    for line in (text or "").splitlines():
        if line.strip().startswith("|"):
            cells = [c for c in table_cells(line) if c and not re.fullmatch(r"[-: ]+", c)]
            line = "; ".join(cells)
        out += [f for f in read(line) if f.kinds and f.names and not f.ceiling]
    return out


def _own_names(ours: Frequency, kinds: frozenset) -> set[str]:
    """The word just before a word of ours of one of ``kinds`` in our piece: what we call the thing ('performance'
    reports; nothing for 'a short written update' or 'is reported')."""
    lo, hi = _piece(ours.sentence, ours.start, ours.start + len(ours.text))
    words = _words(ours.sentence[lo:hi])
    out: set[str] = set()
    for i, w in enumerate(words):
        if _kind_of(w) in kinds and not _verb_form(w):
            out |= _modifiers(words, i, 2, weak=False)
    return out


def _about(ours: Frequency, context: str) -> str:
    """The words that may name the thing ours is said of: its sentence without the pieces of its other frequencies
    ('... on a street shift each week and holds a weekly session at the hostel': the street is the shift's), and,
    when the sentence holds no other frequency, its paragraph's opening sentence, which says what the paragraph is
    about ('During mobilisation ...', 'The named mobilisation lead is ...')."""
    others = [f for f in _sentence(ours.sentence) if f.start != ours.start]
    text = ours.sentence
    for f in sorted(others, key=lambda x: -x.start):
        lo, hi = _piece(text, f.start, f.start + len(f.text))
        mine = _piece(text, ours.start, ours.start + len(ours.text))
        if (lo, hi) != mine:
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    opening = line_sentences(context or "")[:1]
    return text if others or not opening else text + " " + opening[0]


def _plain(words) -> set[str]:
    return {w.lower().rstrip("s") for w in words}


def same_thing(ours: Frequency, context: str, theirs: Frequency) -> bool:
    """Ours and the buyer's are said of one thing: a kind in common, a word the buyer names it with in our sentence
    or ``context`` (its paragraph), and the words we name it with, when we name it, one of the buyer's."""
    if not ours.kinds & theirs.kinds:
        return False
    if theirs.places and _plain(theirs.places) & _plain(_words(_about(ours, context))) | _plain(ours.places):
        return True  # the place it happens at names it ('at the hostels')
    if len(_plain(theirs.names) & _plain(_words(_about(ours, context)))) < min(2, len(_plain(theirs.names))):
        return False  # two of the buyer's words when it names the thing with two ('street outreach', not 'outreach')
    own = _own_names(ours, ours.kinds & theirs.kinds)
    return not own or bool(_plain(own) & _plain(theirs.names))


def slower(ours: Frequency, context: str, theirs: list[Frequency]) -> Frequency | None:
    """The buyer's frequency for the same thing that ours is less often than (the most often of them), when ours is
    less often than every one the buyer sets for it; None otherwise."""
    if ours.ceiling or not ours.kinds:
        return None
    same = [t for t in theirs if same_thing(ours, context, t)]
    main = {m.group("p").lower() for m in _patterns()["main"].finditer(ours.sentence)}
    if main and any(t.rest for t in same):
        # 'the main hostel': the buyer's first-named place of the kind, not the rest of them
        same = [t for t in same if not (t.rest and t.places & main)]
    if not same or not all(ours.rate < t.rate - 1e-9 for t in same):
        return None
    return max(same, key=lambda t: t.rate)


def _number(n: float, like: str) -> str:
    """``n`` as a word when ``like`` writes its number as a word (or writes none), else as digits."""
    if float(n).is_integer() and int(n) in _NUMBER_WORDS and not re.search(r"\d", like):
        return _NUMBER_WORDS[int(n)]
    return f"{n:g}"


def _unit_of(days: float) -> tuple[float, str] | None:
    """(how many, unit) for a period of ``days`` (14 -> (2, 'week'); 91.3 -> (1, 'quarter'))."""
    units = {str(k): float(v) for k, v in (_spec().get("units") or {}).items()}
    for name in ("day", "week", "month", "quarter", "year"):
        if name in units and days in units.values() and abs(days - units[name]) < 1e-6:
            return 1.0, name
    for name in ("year", "month", "week", "day"):
        if name in units:
            n = days / units[name]
            if abs(n - round(n)) < 1e-6 and round(n) >= 1:
                return float(round(n)), name
    return None


def said_as(ours: Frequency, theirs: Frequency) -> str | None:
    """The buyer's frequency in our phrase's own form, or None when that form cannot say it."""
    spec = _spec()
    unit = _unit_of(theirs.days)
    if unit is None:
        return None
    n, name = unit
    if ours.form == "adverb":
        for word, (days, count) in (spec.get("adverbs") or {}).items():
            if abs(float(days) - theirs.days) < 1e-6 and float(count) == theirs.count:
                return str(word) if ours.text[:1].islower() else str(word).capitalize()
        return None
    if theirs.count > 1 or ours.form in ("times", "count"):
        if n != 1:
            return None
        if ours.form == "count":
            m = _patterns()["count"].match(ours.text) or _patterns()["count"].search(ours.text)
            if m is None:
                return None
            what = m.group("what")
            if theirs.count > 1 and not what.lower().endswith("s"):
                what += "s"  # 'one joint session' -> 'two joint sessions'
            return (ours.text[:m.start("n")] + _number(theirs.count, m.group("n")) + ours.text[m.end("n"):m.start("what")]
                    + what + ours.text[m.end("what"):m.start("u")] + name + ours.text[m.end("u"):])
        words = {float(v): str(k) for k, v in (spec.get("times") or {}).items()}
        how = words.get(theirs.count) or f"{theirs.count:g} times"
        return f"{how} a {name}"
    lead = ours.text.split()[0]  # 'every' or 'each'
    if n == 1:
        return f"{lead} {name}"
    return f"{lead} {_number(n, ours.text)} {name}s"


def hold(sentence: str, theirs: list[Frequency], context: str = "") -> tuple[str, list[tuple[str, str]]]:
    """``sentence`` (our method text) with each frequency less often than the buyer's for the same thing said with
    the buyer's, in its own form, and [(ours, the buyer's)] as written, for the writer to confirm (the part's
    status lists them, as the held timescales). ``context``: the paragraph the sentence stands in."""
    if not theirs or not sentence:
        return sentence, []
    text = " ".join(sentence.split())
    pieces = line_sentences(text)
    if len(pieces) > 1:
        done = [hold(s, theirs, context or text) for s in pieces]
        return " ".join(d[0] for d in done), [c for d in done for c in d[1]]
    out, changed = text, []
    for f in sorted(read(text), key=lambda x: -x.start):
        t = slower(f, context, theirs)
        new = said_as(f, t) if t is not None else None
        if t is None or new is None:
            continue
        out = out[:f.start] + new + out[f.start + len(f.text):]
        changed.append((f.text, t.text))
    return out, changed[::-1]
