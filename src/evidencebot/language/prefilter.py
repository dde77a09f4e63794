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
from typing import Callable

import re._constants as _c  # (Python 3.11's names for sre_constants and sre_parse)
import re._compiler as _compiler
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


def required_grams(pattern: re.Pattern) -> tuple[frozenset[str], tuple[frozenset[str], ...]] | None:
    """What :func:`may_match` tests a text's grams against: (the first three-letter piece of each string of
    :func:`required_literals`, each string's pieces), or None when the pattern has no such strings (it may match any
    text). ``may_match(pattern, g)`` is ``g is None or need is None or (not need[0].isdisjoint(g) and any(p <= g for p
    in need[1]))``; a caller that tests many patterns against one text keeps this per pattern (perf37)."""
    return _required_grams(pattern)


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


# --- a guard on a pattern's first character -------------------------------------------------------

_guard_cache: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}
_CATEGORY_CLASS = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
                   _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _first_chars(items, flags: int) -> tuple[list | None, bool, bool]:
    """(the class items one of which a match of ``items`` starts with, or None for no guard; whether ``items``
    can match nothing; whether a case-insensitive part is met on the way)."""
    out: list = []
    folded = False
    for op, av in items:
        found, empty, ci = _first_node(op, av, flags)
        folded |= ci
        if found is None:
            return None, False, folded
        out += found
        if not empty:
            return out, False, folded
    return out, True, folded


def _first_node(op, av, flags: int) -> tuple[list | None, bool, bool]:
    ci = bool(flags & re.IGNORECASE)
    if op is _c.LITERAL:
        return [(op, av)], False, ci
    if op is _c.IN:
        if any(o is _c.NEGATE for o, _ in av):
            return None, False, ci
        return list(av), False, ci
    if op is _c.SUBPATTERN:
        _group, add, remove, inner = av
        return _first_chars(list(inner), (flags | add) & ~remove)
    if _ATOMIC is not None and op is _ATOMIC:
        return _first_chars(list(av), flags)
    if op is _c.BRANCH:
        out: list = []
        empty, folded = False, ci
        for branch in av[1]:
            found, none, c = _first_chars(list(branch), flags)
            folded |= c
            if found is None:
                return None, False, folded
            out += found
            empty |= none
        return out, empty, folded
    if op in _REPEATS:
        low, _high, inner = av
        found, empty, c = _first_chars(list(inner), flags)
        return found, found is not None and (empty or low == 0), c
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True, ci  # (zero width: the first character is the next item's)
    return None, False, ci  # (any character, a back-reference, a conditional: no guard)


def _class_item(op, av) -> str | None:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _c.CATEGORY:
        return _CATEGORY_CLASS.get(av)
    return None


def _make_guarded(pattern: re.Pattern) -> re.Pattern | None:
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        if _compiler._get_literal_prefix(tree, pattern.flags)[0] or _compiler._get_charset_prefix(tree, pattern.flags):
            return None  # (``re`` already skips to a possible first character in C)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        # an internal parser we read (its names may change between Python versions): no guard, the pattern runs as is
        return None
    found, empty, folded = _first_chars(list(tree), pattern.flags)
    if found is None or empty or not found:
        return None
    items = [_class_item(op, av) for op, av in found]
    if any(i is None for i in items) or re.match(r"\(\?[a-zA-Z]+\)", pattern.pattern):
        return None
    klass = "".join(sorted(set(items)))  # type: ignore[arg-type]
    close = "\n)" if pattern.flags & re.VERBOSE else ")"
    try:
        guarded = re.compile(f"(?=(?{'i' if folded else ''}:[{klass}]))(?:{pattern.pattern}{close}",
                             pattern.flags)
    except (re.error, OverflowError, RecursionError):
        return None
    if guarded.groups != pattern.groups or guarded.groupindex != pattern.groupindex:
        return None
    return guarded


def guarded(pattern: re.Pattern) -> re.Pattern:
    """``pattern``, or a pattern that finds exactly the same matches (the same spans and groups) faster: the
    same pattern behind a look-ahead for the characters a match can start with.

    ``re`` tries a pattern such as ``\\b(?i:the|a|our)[ \\t]+...`` or ``(?:w/c )?(?<!\\w)(?:Monday|...)`` at every
    character of a text, walking its alternatives each time; when the pattern opens with a literal or a
    class, ``re`` skips in C to where one can start, but a group, an optional part, a look-behind or a
    case-insensitive word list keeps it from doing so. The first characters every match can open with are
    read from the syntax tree (look-arounds and word boundaries take none; an optional part adds its own
    to those of what follows), and a look-ahead for one of them is put in front: where it fails, the pattern
    could not have matched either, and it fails after one class test. The class is a superset (any
    case-insensitive part makes the whole class case-insensitive; a negated class or any character gives
    no guard), a pattern that can match the empty string gets none, and nor does one ``re`` already
    skips through: so the matches, their order and their groups are those of ``pattern``."""
    entry = _guard_cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        made = _make_guarded(pattern)
        entry = _guard_cache[id(pattern)] = (pattern, made)
    return entry[1] or pattern


# --- the kinds of character every match holds (perf36) --------------------------------------------------------------

#: The kinds :func:`needed_chars` reads, each with its test of a text: a digit (what ``\d`` finds: a digit's literal,
#: range or ``\d`` in a pattern finds nothing else), an '@', a capital A-Z (a pattern read case-blind needs none).
CHAR_KINDS: dict[str, Callable[[str], bool]] = {
    "digit": re.compile(r"\d").search,  # type: ignore[dict-item]
    "at": lambda text: "@" in text,
    "capital": re.compile(r"[A-Z]").search,  # type: ignore[dict-item]
}
_NONE: frozenset[str] = frozenset()
_needs_cache: dict[int, tuple[re.Pattern, frozenset[str]]] = {}


def _char_kind(ch: str, folded: bool) -> str | None:
    if "0" <= ch <= "9":
        return "digit"
    if ch == "@":
        return "at"
    return "capital" if "A" <= ch <= "Z" and not folded else None


def _class_kind(op, av, folded: bool) -> str | None:
    """The kind every character of one member of a character class is, or None."""
    if op is _c.LITERAL:
        return _char_kind(chr(av), folded)
    if op is _c.RANGE:
        low, high = _char_kind(chr(av[0]), folded), _char_kind(chr(av[1]), folded)
        return low if low is not None and low == high and low != "at" else None
    if op is _c.CATEGORY:
        return "digit" if av is _c.CATEGORY_DIGIT else None
    return None


def _item_needs(op, av, folded: bool) -> frozenset[str]:
    """The kinds every match of one parsed item holds. A look-around, a back-reference, a condition or anything else
    not read here holds none (the answer errs towards running the pattern)."""
    if op is _c.LITERAL:
        kind = _char_kind(chr(av), folded)
        return frozenset((kind,)) if kind else _NONE
    if op is _c.IN:
        kinds = {_class_kind(o, a, folded) for o, a in av}
        kind = kinds.pop() if len(kinds) == 1 else None
        return frozenset((kind,)) if kind is not None else _NONE
    if op is _c.SUBPATTERN:
        _group, add, remove, inner = av
        return _needs(inner, (folded or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if _ATOMIC is not None and op is _ATOMIC:
        return _needs(av, folded)
    if op is _c.BRANCH:
        branches = [_needs(b, folded) for b in av[1]]
        return frozenset.intersection(*branches) if branches else _NONE
    if op in _REPEATS:
        return _needs(av[2], folded) if av[0] >= 1 else _NONE
    return _NONE


def _needs(items, folded: bool) -> frozenset[str]:
    out: frozenset[str] = _NONE
    for op, av in items:
        out = out | _item_needs(op, av, folded)
    return out


def needed_chars(pattern: re.Pattern) -> frozenset[str]:
    """The kinds of :data:`CHAR_KINDS` every match of ``pattern`` holds ('digit', 'at', 'capital'), read from its
    syntax tree once: a text without one of them (:func:`lacks`) holds no match. Empty when none, or when unsure."""
    entry = _needs_cache.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        found = _NONE
        if isinstance(pattern.pattern, str):
            try:
                found = _needs(list(_p.parse(pattern.pattern, pattern.flags)), bool(pattern.flags & re.IGNORECASE))
            except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
                # an internal parser we read (its names may change between Python versions): the pattern is run
                found = _NONE
        entry = _needs_cache[id(pattern)] = (pattern, found)
    return entry[1]


def kinds_in(text: str) -> frozenset[str]:
    """The kinds of :data:`CHAR_KINDS` ``text`` holds: ``lacks(text, kinds, {})`` is ``not kinds <= kinds_in(text)``."""
    return frozenset(kind for kind, test in CHAR_KINDS.items() if test(text))


def lacks(text: str, kinds: frozenset[str], seen: dict[str, bool]) -> bool:
    """``text`` holds no character of one of ``kinds`` (:data:`CHAR_KINDS`); ``seen`` keeps the answers for this
    text (each kind is tested once per text)."""
    for kind in kinds:
        has = seen.get(kind)
        if has is None:
            has = seen[kind] = bool(CHAR_KINDS[kind](text))
        if not has:
            return True
    return False
