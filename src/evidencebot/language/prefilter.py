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
"""

from __future__ import annotations

import re
import threading

import re._constants as _c  # (Python 3.11's names for sre_constants and sre_parse)
import re._parser as _p

#: The shortest string worth a test (a three-letter piece), and the most strings.
MIN_LENGTH = 3
MAX_STRINGS = 40

_REPEATS = tuple(op for op in (getattr(_c, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

_cache: dict[tuple[str, int], tuple[str, ...] | None] = {}
_lock = threading.Lock()


def _plain(ch: str) -> bool:
    """``ch`` lower-cases to one character, the same wherever it stands, that ``re`` also folds it to,
    and that its upper case lower-cases back to ("ſ", "ı", "µ", "ς", "İ", "ß", "Σ" do not)."""
    if ch == "\u03a3":
        return False  # (capital sigma: str.lower gives a final sigma at the end of a word)
    low = ch.lower()
    return len(low) == 1 and len(ch.upper()) == 1 and ch.upper().lower() == low


def grams(text: str) -> frozenset[str] | None:
    """The three-letter pieces of ``text`` lower-cased, for :func:`may_match`; None when it holds
    a character :func:`_plain` refuses (then every pattern must be run)."""
    if not text.isascii() and not all(_plain(ch) for ch in set(text) if not ch.isascii()):
        return None
    low = text.lower()
    return frozenset([low[i:i + 3] for i in range(len(low) - 2)])


def _sequence(items) -> tuple[frozenset[str] | None, str | None]:
    """(the best set of strings one of which a match of ``items`` contains, or None; the whole
    literal string ``items`` match when they are nothing but literal characters, else None)."""
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
            need, exact = _sequence(list(inner))
            if exact is not None:  # a group of plain letters continues the run
                run.extend(exact)
                if whole is not None:
                    whole.extend(exact)
                continue
        else:
            need = _node(op, av)
        whole = None
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if need:
            candidates.append(need)
    if run:
        candidates.append(frozenset(["".join(run)]))
    best = max(candidates, key=_score, default=None)
    return best, ("".join(whole) if whole is not None else None)


def _node(op, av) -> frozenset[str] | None:
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
        need, exact = _sequence(list(inner))
        return frozenset([exact]) if exact else need
    return None  # a class, a category, an assertion, a back-reference: nothing certain


def _score(strings: frozenset[str]) -> tuple[int, int]:
    return (min(map(len, strings)), -len(strings))


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains, or None when no
    useful set is found (too short, too many, or a character :func:`_plain` refuses)."""
    key = (pattern.pattern, pattern.flags)
    with _lock:
        if key in _cache:
            return _cache[key]
    found: tuple[str, ...] | None = None
    try:
        need, exact = _sequence(list(_p.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - an internal parser we read: no test, the pattern is run  # pragma: no cover
        need, exact = None, None
    if exact:
        need = frozenset([exact])
    if need and _score(need)[0] >= MIN_LENGTH and len(need) <= MAX_STRINGS:
        strings = sorted({s.lower() for s in need})
        if all(_plain(ch) for s in need for ch in s):
            found = tuple(strings)
    with _lock:
        _cache[key] = found
    return found


def may_match(pattern: re.Pattern, text_grams: frozenset[str] | None) -> bool:
    """False only when ``pattern`` cannot match the text whose :func:`grams` are ``text_grams``
    (no string of :func:`required_literals` has all its three-letter pieces in it)."""
    if text_grams is None:
        return True
    # (asked about a hundred times per paragraph: the cache is read here, and the pieces are tried in a
    # plain loop, not a generator)
    entry = _grams_cache.get(id(pattern))
    need = entry[1] if entry is not None and entry[0] is pattern else _required_grams(pattern)
    if need is None:
        return True
    firsts, pieces = need
    if firsts.isdisjoint(text_grams):
        return False  # (one set test in C: no string's first piece is there)
    for g in pieces:
        if g <= text_grams:
            return True
    return False


def _required_grams(pattern: re.Pattern) -> tuple[frozenset[str], tuple[frozenset[str], ...]] | None:
    # (keyed by id: a Pattern's own hash reads its whole compiled code each time; the pattern is
    # kept beside its entry, so an id is not reused while the entry lives)
    entry = _grams_cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        strings = required_literals(pattern)
        found = None if strings is None else (
            frozenset(s[:3] for s in strings),
            tuple(frozenset(s[i:i + 3] for i in range(len(s) - 2)) for s in strings))
        entry = _grams_cache[id(pattern)] = (pattern, found)
    return entry[1]


_grams_cache: dict[int, tuple[re.Pattern, tuple[frozenset[str], tuple[frozenset[str], ...]] | None]] = {}
