"""A cheap test that a regular expression cannot match a text: the words every match must contain.

Python's ``re`` tries a pattern such as ``\\b(?:the|a|our)[ \\t]+(?:former[ \\t]+)?(?:headteacher|vicar)``
at every character of the text; the privacy rules hold about a hundred such patterns, and running
them over every paragraph was a third of the privacy family's time. :func:`required_literals` reads
a compiled pattern's syntax tree once and finds a set of strings one of which every match contains
(here ``headteacher`` or ``vicar``); :func:`may_match` says False only when none of them can be in
the lower-cased text (some three-letter piece of each is missing from the text's :func:`grams`, a set
made once per text, so a test is a few set look-ups), in which case the pattern has no match either. The answer is exact: a text where :func:`may_match` is True is searched as
before, so what a rule finds does not change, only the time spent finding nothing.

Case: the strings are lower-cased and looked for in the lower-cased text, which holds for a pattern
with or without ``IGNORECASE``. A few characters that ``re`` folds to a letter differently from
``str.lower`` (the long s, the dotless i, the Kelvin sign's kin; see :func:`_plain`) make a text
unsafe to test this way: :func:`grams` gives None for it and the pattern is simply run.

(s26) Two-letter strings are tested too (:func:`grams` holds the text's two-letter pieces as well), and a
digit: a part that only a digit matches (``\\d``, ``[0-9]``) stands for :data:`DIGIT`, which :func:`grams`
holds when the text has a character ``re``'s ``\\d`` matches. And every part of a sequence is a test of its
own (:func:`required_sets`: "(?:nurse|carer) ... (?:arrested|charged)" needs a word of each list), not only
the best one. A date or an identifier pattern whose words are all optional or short ("DOB", "D.O.B") now
needs a digit or its short word. On the bench document (bench/check_bench.py) the privacy regex rules' own
time fell by about a seventh; a paragraph holds most short words, so most of what is left is patterns
whose every part is open (a capitalised word, a number) or common.
"""

from __future__ import annotations

import re
import threading

import re._constants as _c  # (Python 3.11's names for sre_constants and sre_parse)
import re._parser as _p

#: The shortest string worth a test (a two-letter piece), and the most strings.
MIN_LENGTH = 2
MAX_STRINGS = 400

#: The string that stands for "a digit" (no pattern's literal holds it: a pattern with a NUL character in a
#: string it needs is not tested).
DIGIT = "\x00"
_ANY_DIGIT = re.compile(r"\d")

_REPEATS = tuple(op for op in (getattr(_c, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

_cache: dict[tuple[str, int], tuple[tuple[str, ...], ...]] = {}
_lock = threading.Lock()


def _plain(ch: str) -> bool:
    """``ch`` lower-cases to one character, the same wherever it stands, that ``re`` also folds it to,
    and that its upper case lower-cases back to ("ſ", "ı", "µ", "ς", "İ", "ß", "Σ" do not)."""
    if ch == "\u03a3":
        return False  # (capital sigma: str.lower gives a final sigma at the end of a word)
    low = ch.lower()
    return len(low) == 1 and len(ch.upper()) == 1 and ch.upper().lower() == low


def grams(text: str) -> frozenset[str] | None:
    """The three- and two-letter pieces of ``text`` lower-cased (and :data:`DIGIT` when it has a digit), for
    :func:`may_match`; None when it holds a character :func:`_plain` refuses (then every pattern must be run)."""
    if not text.isascii() and not all(_plain(ch) for ch in set(text) if not ch.isascii()):
        return None
    low = text.lower()
    pieces = [low[i:i + 3] for i in range(len(low) - 2)]
    pieces += [low[i:i + 2] for i in range(len(low) - 1)]
    if _ANY_DIGIT.search(text):
        pieces.append(DIGIT)
    return frozenset(pieces)


def _sequence(items, every: list | None = None) -> tuple[frozenset[str] | None, str | None]:
    """(the best set of strings one of which a match of ``items`` contains, or None; the whole
    literal string ``items`` match when they are nothing but literal characters, else None).
    ``every``: a list that gets every such set found on the way (each one is needed by every match:
    a part of a sequence, of a group in it, of a repeat at least once), not only the best."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    whole: list[str] | None = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            if whole is not None:
                whole.append(chr(av))
            continue
        if op is _c.SUBPATTERN or (_ATOMIC is not None and op is _ATOMIC):
            inner = av[-1] if op is _c.SUBPATTERN else av
            need, exact = _sequence(list(inner), every)
            if exact is not None:  # a group of plain letters continues the run
                run.extend(exact)
                if whole is not None:
                    whole.extend(exact)
                continue
        else:
            need = _node(op, av, every)
        whole = None
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if need:
            candidates.append(need)
    if run:
        candidates.append(frozenset(["".join(run)]))
    if every is not None:
        every.extend(candidates)
    best = max(candidates, key=_score, default=None)
    return best, ("".join(whole) if whole is not None else None)


def _node(op, av, every: list | None = None) -> frozenset[str] | None:
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need, exact = _sequence(list(branch))
            if exact is not None:
                need = frozenset([exact]) if exact else None
            if not need:
                return None  # a branch that needs nothing: the alternation needs nothing
            out |= need
        return frozenset(out)
    if op in _REPEATS:
        low, _high, inner = av
        if low < 1:
            return None
        need, exact = _sequence(list(inner), every)
        return frozenset([exact]) if exact else need
    if op is _c.IN and _digits_only(av):
        return frozenset([DIGIT])
    return None  # another class, a category, an assertion, a back-reference: nothing certain


def _digits_only(items) -> bool:
    """A character set (``IN``) every member of which is a digit ``re``'s ``\\d`` matches: ``\\d`` itself,
    ``[0-9]``, ``[2-5]``, a literal digit (not negated)."""
    if not items:
        return False
    for op, av in items:
        if op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            continue
        if op is _c.RANGE and 48 <= av[0] <= av[1] <= 57:
            continue
        if op is _c.LITERAL and 48 <= av <= 57:
            continue
        return False  # (NEGATE, another category, a letter)
    return True


def _score(strings: frozenset[str]) -> tuple[int, int]:
    # (a digit is scored as a two-letter piece: most sentences of a document have neither)
    return (min(2 if s == DIGIT else len(s) for s in strings), -len(strings))


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains, or None when no
    useful set is found (too short, too many, or a character :func:`_plain` refuses)."""
    found = required_sets(pattern)
    return found[0] if found else None


#: The most sets of strings :func:`required_sets` keeps (the best ones) for a pattern.
MAX_SETS = 4


def required_sets(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-cased strings, each of which every match of ``pattern`` holds one of (the words of
    two parts of a sequence: "(?:nurse|carer) ... (?:arrested|charged)"), best first (the longest shortest
    string, then the fewest strings: :func:`required_literals` is the first); ``()`` when none is useful."""
    key = (pattern.pattern, pattern.flags)
    with _lock:
        if key in _cache:
            return _cache[key]
    every: list[frozenset[str]] = []
    try:
        need, exact = _sequence(list(_p.parse(pattern.pattern, pattern.flags)), every)
    except Exception:  # noqa: BLE001 - an internal parser we read: no test, the pattern is run  # pragma: no cover
        need, exact = None, None
    if exact:
        every.append(frozenset([exact]))
    found: list[tuple[str, ...]] = []
    for need in sorted(set(every), key=lambda n: (_score(n), sorted(n)), reverse=True):
        if _score(need)[0] < MIN_LENGTH or len(need) > MAX_STRINGS:
            continue
        if not all(s == DIGIT or DIGIT not in s and all(_plain(ch) for ch in s) for s in need):
            continue
        strings = tuple(sorted({s if s == DIGIT else s.lower() for s in need}))
        if strings not in found:
            found.append(strings)
        if len(found) == MAX_SETS:
            break
    out = tuple(found)
    with _lock:
        _cache[key] = out
    return out


def may_match(pattern: re.Pattern, text_grams: frozenset[str] | None) -> bool:
    """False only when ``pattern`` cannot match the text whose :func:`grams` are ``text_grams``
    (for some set of :func:`required_sets`, no string has all its pieces in it)."""
    if text_grams is None:
        return True
    # (asked about a hundred times per paragraph: the cache is read here, and the pieces are tried in a
    # plain loop, not a generator)
    entry = _grams_cache.get(id(pattern))
    needs = entry[1] if entry is not None and entry[0] is pattern else _required_grams(pattern)
    for firsts, pieces in needs:
        if firsts.isdisjoint(text_grams):
            return False  # (one set test in C: no string's first piece is there)
        for g in pieces:
            if g <= text_grams:
                break
        else:
            return False
    return True


def _required_grams(pattern: re.Pattern) -> tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]:
    # (keyed by id: a Pattern's own hash reads its whole compiled code each time; the pattern is
    # kept beside its entry, so an id is not reused while the entry lives)
    entry = _grams_cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        found = tuple((
            frozenset(s[:3] for s in strings),  # (a string of two letters, or DIGIT, is its own piece)
            tuple(frozenset(s[i:i + 3] for i in range(len(s) - 2)) if len(s) >= 3 else frozenset([s])
                  for s in strings)) for strings in required_sets(pattern))
        entry = _grams_cache[id(pattern)] = (pattern, found)
    return entry[1]


_grams_cache: dict[int, tuple[re.Pattern, tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]]] = {}
