"""Privacy rules: find personal data in a draft before it leaves the service.

The rules live in ``phrasebank/privacy.yaml`` (see the comment at the top of
that file for its fields). This module is the generic engine:

* ``regex`` rules compile their patterns once, run an optional validation hook
  on each match (``nhs_mod11``, ``uk_postcode``, ``uk_phone``,
  ``plausible_date``) and drop exceptions;
* the ``entity`` rule finds people's names from four sources: a title
  followed by a capitalised surname ("Mrs Okafor"), capitalised first names
  from ``phrasebank/first_names.txt``, and, when a parsed spaCy ``Doc`` is
  given, the model's PERSON entities and proper nouns that the sentence uses
  as a person ("Nkechi felt calmer", "we supported Tendai", "Siobhan's mum").
  Word lists in the rule filter out places, organisations, staff roles,
  instruments, months and pseudonyms; all of them are data in the YAML.

Quoted text is checked like any other text: a name inside a quote is still a
name.

Findings of different rules that overlap are resolved by the rules'
``priority`` (lower wins, then the longer match), so a valid NHS number is
reported once, as an NHS number.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from evidencebot import locations
from evidencebot.errors import ConfigError
from evidencebot.language import privacy_events, privacy_filter, privacy_learned
from evidencebot.language.phrasebank import check_defer_to, line_of, merge_records, source_files
from evidencebot.language.findings import SEVERITIES, Finding, locate
from evidencebot.language.prefilter import grams, guarded, kinds_in, may_match, needed_chars, required_grams
from evidencebot.text import CLOSE_QUOTES, MONTH_WORDS, OPEN_QUOTES, QUOTES

__all__ = [
    "PrivacyRule",
    "load_privacy_rules",
    "find_privacy",
    "nhs_number_valid",
    "example_spans",
    "VALIDATORS",
]

RULES_FILE = "privacy.yaml"
FAMILY = "privacy"
KINDS = ("regex", "entity", "combination", "event_date", "learned")
FLAG_NAMES = {
    "IGNORECASE": re.IGNORECASE,
    "VERBOSE": re.VERBOSE,
    "MULTILINE": re.MULTILINE,
    "DOTALL": re.DOTALL,
}
_DEFINE_REF = re.compile(r"<<([A-Za-z_][A-Za-z0-9_]*)>>")
_EXAMPLE_MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)

MONTHS = MONTH_WORDS
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
SAINTS = frozenset({"St", "St.", "Saint", "Ste", "Sainte"})
# NER labels that can never be a person's name.
NOT_A_NAME_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"}
)
# A word that could be part of a name: capitalised and with a lower-case
# letter ("Okafor", "McDonald", "O'Brien", "Smith-Jones"), not "K" or "PHQ".
# Latin Extended-A and -B (U+0100-U+024F) as letters of a name: "Bălan", "Wróbel" are names as "Siobhán" is
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u024f"
_LOWER = "a-zß-öø-ÿ\u0100-\u024f"
_NAME_WORD = rf"[{_UPPER}](?:[{_LOWER}]|['’][{_UPPER}])[{_UPPER}{_LOWER}Ā-ž'’\-]*"
_NAME_WORD_RE = re.compile(rf"{_NAME_WORD}\Z")
# (p22b) a word in capitals ("GARY", "O'DRISCOLL"), and the space before the next one
_CAPS_WORD = re.compile(rf"(?<![\w'’\-])[{_UPPER}](?:[{_UPPER}]|['’][{_UPPER}])[{_UPPER}'’\-]*(?![\w'’])")
# a dash or a colon after a word that opens a note's line ("ERYL – refused meds", "JOSH: settled")
_CAPS_LINE_OPENER = re.compile(r"[ \t\u00a0]*(?:[–—:]|-[ \t])")
# (p22b) a possessive and the word after it: "Huntington's disease", "Alzheimer's,"
_EPONYM_AFTER = re.compile(r"['’]s?(?![\w])(?:[ \t\u00a0]+([A-Za-z]+))?")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])\Z")
# "my name is Precious", "named Grace"
# "my name is Precious", "named Grace", a nickname said of a person: "calls him Tiny", (s31) "his nickname, Dheere,", (pv36)
# "his surname, Doherty", "her maiden name: Okafor", "prefers to be
# called Bee", "nicknamed Smudge" (not "known as", which names services: "known as The Bridge")
_NAMED = re.compile(r"\b(?:name\s+is|name['’]s|named|nicknamed|nickname\s+is|(?:nick|street\s+|sur|maiden\s+|family\s+|(?:his|her|their)\s+last\s+)name\s*[,:]|(?:calls?|called|calling)\s+(?:him|her|them|me)"
                    r"|(?:to\s+be|being)\s+called"
                    # (p20) "knows him as Duke", "uses the name Rain", "goes by the name Jojo"
                    r"|(?:knows?|knew|known)\s+(?:him|her|them)\s+as|(?:uses?|used|using|goes\s+by|answers\s+to)\s+the\s+name)"
                    r"\s+['‘\"“]?\Z", re.IGNORECASE)
# (s38) a name one gives oneself: "calls herself Lady Moth", "introduces himself as Gizmo", "refers to herself as Bee"
# (not a nationality one claims: "calls himself Welsh", the parse's NORP)
# (one person's: not "the winning team called themselves 'The Faithfuls'")
_NAMED_SELF = re.compile(r"\b(?:(?:calls?|called|calling|styles?|styled)\s+(?:him|her|them|my)self"
                         r"|(?:introduces?|introduced|introducing|refers?\s+to|referred\s+to|signs?|signed)"
                         r"\s+(?:him|her|them|my)self\s+as)\s+['‘\"“]?\Z", re.IGNORECASE)
# (s38) a work named by a common noun after a lead word (group 1: "in", "from", a verb of liking or watching), a
# determiner and up to two words (group 2: the noun; group 3: the word after it, a group's noun in "the book club")
_FICTION_NOUN_PHRASE = re.compile(r"[ \t\u00a0]*\b([A-Za-z]+)[ \t\u00a0]+(?:the|this|that|one|each|every|an?|her|his|their)[ \t\u00a0]+"
                                  r"(?:[a-z'’\-]+[ \t\u00a0]+){0,2}?([a-z]+)\b(?:[ \t\u00a0]+([a-z]+))?")
# (s38) a sentence that opens on the work as where its names are: "In the book, ...", "In the film Dr Zhivago ..."
# (group 1: the noun; not "In the book she lent me, Mrs Adeyemi ...": a comma or a capital right after the noun)
_FICTION_OPENER = re.compile(r"[ \t\u00a0\"“'‘]*[Ii]n[ \t\u00a0]+(?:the|this|that|one|each|every|an?)[ \t\u00a0]+(?:[a-z'’\-]+[ \t\u00a0]+){0,2}?"
                             r"([a-z]+)(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+(?=[A-Z]))")
# (s38) a work's part where the name is, right before it: "the episode where", "the chapter in which" (group 1: the noun;
# not "when", a time: "We read the novel when Mrs Adeyemi was in hospital")
_FICTION_SCENE = re.compile(r"\b(?:the|that|this|one)[ \t\u00a0]+(?:[a-z'’\-]+[ \t\u00a0]+){0,2}?([a-z]+)[ \t\u00a0]+(?:where|in[ \t\u00a0]+which)"
                            r"[ \t\u00a0]+\Z", re.IGNORECASE)
# (s38) a capitalised word's start
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]")
# (s38) a run of capitalised words from a capitalised word's start ("Ms Harrow")
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*\.?(?:[ \t\u00a0]+[A-Z][\w'’\-]*)*")
# (s38) what may stand between such a work and its character: a comma, "especially when", "the scene where"
# (a bare "when" is a time: "We read the novel when Mrs Adeyemi was in hospital"; a title before a surname found alone)
_FICTION_TO_NAME = re.compile(r"[ \t\u00a0,]*(?P<link>(?:(?:especially|particularly|mostly|mainly|even|above[ \t\u00a0]+all)[ \t\u00a0,]+"
                              r"|(?:the|that|one)[ \t\u00a0]+(?:bit|part|scene|moment|chapter|episode)s?[ \t\u00a0]+)"
                              r"(?:when|where|in[ \t\u00a0]+which)[ \t\u00a0]+)?(?-i:[A-Z][a-z]{0,9}\.?[ \t\u00a0]+)?", re.IGNORECASE)
# the nickname said after the name: "Pops (as everyone calls him)", "Smudge, as the lads call him,"
_NAMED_AFTER = re.compile(r"[ \t\u00a0]*[(,][ \t\u00a0]*(?:as|what)[ \t\u00a0]+(?:[\w'’]+[ \t\u00a0]+){1,6}?"
                          r"(?:calls?|called)[ \t\u00a0]+(?:him|her|them|me)\b"
                          # (pv36) "Cash is his real name": the word is said to be a person's own name
                          r"|[ \t\u00a0]+(?:is|was)[ \t\u00a0]+(?:his|her|their|my)[ \t\u00a0]+(?:real|actual|given|first|birth)[ \t\u00a0]+name\b"
                          # (s38) a nickname in quotation marks, then whom it is used by or the real name in brackets:
                          # "Francisco, 'Paco' to everyone at the allotment", "'Tiny' (real name Lewis)"
                          r"|['’\"”][ \t\u00a0]+to[ \t\u00a0]+(?:everyone|everybody|all|friends|(?:his|her|their|the)[ \t\u00a0]+"
                          r"(?:mates|friends|lads|girls|family|residents|staff|regulars|others|kids|team|street))\b"
                          r"|['’\"”]?[ \t\u00a0]*\([ \t\u00a0]*(?:real|actual|given|birth|legal)[ \t\u00a0]+name\b",
                          re.IGNORECASE)
# a listed name owning a relative, a worker or a person's thing, by the words after it (for names the parse
# misses: "Precious' foster carer", "Hope's OT"): group 1 and 2 are the next two words
_OWNER_AFTER = re.compile(r"(?:['’]s|(?<=s)['’])[ \t\u00a0]+([A-Za-z\-]+)(?:[ \t\u00a0]+([A-Za-z\-]+))?")
# the name of a person who asks to be called by another: "Nkemdirim prefers to be called Nkem" (group 1: the verb,
# one of person_context's name_preference_verbs)
_PREFERS_CALLED = re.compile(r"[ \t\u00a0]+([a-z]+)[ \t\u00a0]+(?:us[ \t\u00a0]+)?(?:to[ \t\u00a0]+be|being)[ \t\u00a0]+called\b")
# "known (to everyone) as": a nickname when a person is known so (group 1: the word before, a person noun or pronoun)
# (p20: an adverb or a place between "known" and "as", a quote before the name: "The tenant known locally as 'Duchess'",
# "Known on the street as 'Scouse Davy', he ...": with no word before, the sentence's "he" or "she" says it is a person)
_KNOWN_AS = re.compile(r"(?:\b([A-Za-z]+)(?:,|[ \t]+(?:is|was|are|were))?[ \t]+|(?:\A|(?<=[.!?:;\n]))[ \t]*)[Kk]nown[ \t]+"
                       r"(?:(?:to|on|in|at|around|round|by|locally|widely|affectionately)[ \t]+(?:[a-z]+[ \t]+){0,2}?)?as[ \t]+['‘\"“]?\Z")
# "goes by Jaz": a nickname only when a person goes by it ("she goes by Jaz"), not "the bus goes by Asda"
_GOES_BY = re.compile(r"\b(?:goes|go|going|went)\s+by\s+\Z", re.IGNORECASE)
# "a young man called Ember": "called" or "named" after a noun, which names the person when the noun is one
# (person_nouns), not a service ("a project called Hope")
_NOUN_CALLED = r"\b([A-Za-z]+)[ \t\u00a0]+(?:<<words>>)[ \t\u00a0]+\Z"  # (p22: naming_participles)
# (s31) "he is called 'Yare'", "she's called Hooyo": a person's pronoun (group 1), an auxiliary (group 2, none for "'s"),
# then a naming participle and the name, quoted or not
_BEING_CALLED = r"\b([A-Za-z]+)(?:[ \t\u00a0]+([a-z]+)|['’]s)[ \t\u00a0]+(?:<<words>>)[ \t\u00a0]+['‘\"“]?\Z"
# a nickname between a first name and a surname: 'Tomás "Tommo" Quintero', "Bernadette (Bernie) Okafor"
# (p21: or quoted inside brackets, 'Lee ("Spud") Barraclough')
_NICKNAME_INSIDE = re.compile(r"[ \t\u00a0]+(?:[\"“‘'][A-Z][\w'’\-]*(?:[ \t\u00a0][A-Z][\w'’\-]*)?[\"”’']|\([A-Z][\w'’\-]*\)"
                              r"|\([\"“‘'][A-Z][\w'’\-]*(?:[ \t\u00a0][A-Z][\w'’\-]*)?[\"”’']\))"
                              r"[ \t\u00a0]+(?=[A-Z])")


# --------------------------------------------------------------------------
# Validation hooks
# --------------------------------------------------------------------------


def nhs_number_valid(digits: str) -> bool:
    """True if ``digits`` is a 10-digit NHS number with a valid check digit.

    Spaces and hyphens between groups are allowed ("943 476 5919"). The check
    is Modulus 11: weights 10 down to 2 over the first nine digits; the check
    digit is 11 minus the remainder of the sum divided by 11; 11 becomes 0 and
    10 means the number is not valid.
    """
    compact = re.sub(r"[ \-\u00a0]", "", digits)
    if not re.fullmatch(r"[0-9]{10}", compact):
        return False
    total = sum(int(d) * w for d, w in zip(compact[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(compact[9])


def _validate_nhs(value: str, params: dict) -> bool:
    return nhs_number_valid(value)


_POSTCODE_RE = re.compile(r"([A-Z]{1,2})([0-9][A-Z0-9]?)([0-9])([ABD-HJLNP-UW-Z]{2})")
# Only these areas have districts ending in a letter (E1W, SW1A, WC2H, ...).
_LETTER_DISTRICT_AREAS = frozenset({"E", "N", "W", "EC", "SW", "WC", "SE", "NW"})
# the ending of an ordinal by its digit: "1st", "2nd", "3rd", the rest "th"
_ORDINAL = {"1": "st", "2": "nd", "3": "rd"}


def _validate_postcode(value: str, params: dict) -> bool:
    compact = re.sub(r"\s+", "", value)
    upper = compact.upper()
    m = _POSTCODE_RE.fullmatch(upper)
    if not m:
        return False
    area, district, _sector, unit = m.groups()
    areas = params.get("areas")
    if areas and area not in areas:
        return False
    if len(district) == 2 and district[1].isalpha() and area not in _LETTER_DISTRICT_AREAS:
        return False
    if compact != upper:
        # Lower or mixed case: only when written as a postcode is written
        # (with the space), and not "b12 3rd" (an ordinal).
        if not re.search(r"\s", value) and not params.get("any_case"):
            return False  # (a rule whose pattern needs a postcode's cue may take "wk47dr": ``any_case``)
        if unit.lower() == _ORDINAL.get(_sector, "th"):
            return False  # "b12 3rd": an ordinal ("bk9 4nd" is none: a postcode typed in lower case)
    return True


def _validate_phone(value: str, params: dict) -> bool:
    if value.count("(") != value.count(")"):
        return False
    digits = re.sub(r"\D", "", value)
    lead = value.lstrip()
    if lead.startswith("00") and not lead.startswith("0044") or lead.startswith("+") and not lead.startswith("+44"):
        # (pv35) another country's number in its international form ("+353 87 123 4567", "00353 ..."): a country
        # code and a national number, 8 to 15 digits in all (ITU E.164), the "(0)" some write not counted
        if "(0)" in lead:
            digits = re.sub(r"\D", "", lead.replace("(0)", ""))
        return 8 <= len(digits.lstrip("0")) <= 15 if lead.startswith("00") else 8 <= len(digits) <= 15
    if lead.startswith("0044"):
        digits = digits[2:]
    if value.lstrip().startswith("+44") or lead.startswith("0044"):
        national = digits[2:]
        if not national.startswith("0"):
            national = "0" + national
    else:
        national = digits
    if not national.startswith("0") or national[:2] == "00":
        return False
    if national[1] in "27":
        return len(national) == 11
    return len(national) in (10, 11)


_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})")
_DAY_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")


def _validate_date(value: str, params: dict) -> bool:
    lo, hi = params.get("min_year", 1900), params.get("max_year", 2100)
    m = _NUMERIC_DATE.fullmatch(value.strip())
    if m:
        a, b, c = (int(x) for x in m.groups())
        if len(m.group(1)) == 4:  # ISO: year-month-day
            year, month, day = a, b, c
        else:
            day, month, year = a, b, c
            if month > 12 and day <= 12:  # US order
                day, month = month, day
            if len(m.group(3)) == 3:
                return False
        if len(str(year)) == 4 and not lo <= year <= hi:
            return False
        return 1 <= month <= 12 and 1 <= day <= 31
    year = _YEAR.search(value)
    if year and not lo <= int(year.group(1)) <= hi:
        return False
    day = _DAY_NUMBER.search(re.sub(r"['’]\d{2}\b", "", value))  # (not a year written "'85")
    if day and (not year or day.start() != year.start()) and not 1 <= int(day.group(1)) <= 31:
        return False
    return True


VALIDATORS: dict[str, Callable[[str, dict], bool]] = {
    "nhs_mod11": _validate_nhs,
    "uk_postcode": _validate_postcode,
    "uk_phone": _validate_phone,
    "plausible_date": _validate_date,
}
"""Validation hooks a rule can name in its ``validate`` field."""


# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------


@dataclass
class CompiledPattern:
    regex: re.Pattern
    severity: str | None = None
    requires: re.Pattern | None = None
    """Searched first (ignoring case): the pattern runs only on a text where it is found.
    A cheap test for a word the pattern cannot match without (its ``requires`` field)."""
    part: str | None = None
    """(combination rules) The piece of the combination this pattern finds ("age", "place", ...)."""
    near: re.Pattern | None = None
    """A match is kept only when this (ignoring case, verbose) is found on its line within
    ``NEAR_WINDOW`` characters either side: a number after a generic label ("case ref") is a
    person's only with a person near it ("dad", "discharged", "her")."""
    not_near: re.Pattern | None = None
    """A match is dropped when this is found the same way ("tender", "contract", "invoice")."""
    label: re.Pattern | None = None
    """(p21) A label that, right before the reported part (spaces and one of ":#=(,." between), is reported with
    it: "prison number A4471CK" (the ``label`` field, ignoring case, verbose; looked for only after a match)."""


@dataclass
class Exceptions:
    literals: frozenset = frozenset()
    """Case-folded strings compared with the whole reported text."""
    regexes: list = field(default_factory=list)
    """Compiled patterns searched in the reported text."""
    before: list = field(default_factory=list)
    """Compiled patterns that end right before the match, on its line ("Purchase order 450 118 2290")."""
    after: list = field(default_factory=list)
    """Compiled patterns that start right after the match, on its line ("0113 496 0550, open 9 to 5"),
    each with a pattern that must be found before the match on its line (``with_before``: "helpline",
    "team") and one that must not be (``unless_before``: "her", "mobile"), or None."""

    def match(self, text: str) -> bool:
        if text.casefold() in self.literals:
            return True
        return any(r.search(text) for r in self.regexes)

    def before_match(self, text: str, start: int) -> bool:
        """One of the ``before`` patterns ends where the match starts (spaces and ``:#=.,(-``
        between them allowed), within 60 characters on the same line."""
        if not self.before:
            return False
        prefix = text[max(0, start - 60):start]
        prefix = prefix[prefix.rfind("\n") + 1:]
        return any(r.search(prefix) for r in self.before)

    def after_match(self, text: str, end: int) -> bool:
        """One of the ``after`` patterns starts where the match ends (spaces and ``,;:(-``
        between them allowed), within 60 characters on the same line."""
        if not self.after:
            return False
        suffix = text[end:end + 60].split("\n", 1)[0]
        prefix = text[max(0, end - 100):end]
        prefix = prefix[prefix.rfind("\n") + 1:]
        return any(r.match(suffix) and (cue is None or cue.search(prefix)) and not (veto and veto.search(prefix))
                   for r, cue, veto in self.after)


# (pv34) a clause's break in a note ("ok thanks, tell ..."), and a message sender's colon ("nenita: ...")
_CLAUSE_BREAK = re.compile(r"[.!?:;,()\[\]\-–—\"“”]")
_SENDER_COLON = re.compile(r"[ \t]*:(?!//|\d)")
_OWNS_LOWER = re.compile(r"['’]s[ \t]+[a-z]")  # (a possessive before a lower-case word: "gabi's new number")
# (pv34) regular inflections (ending, the base's ending): "visits", "carries", "phoned", "housing"
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e"),
                ("ly", ""), ("er", ""), ("est", ""))


@dataclass
class NameLists:
    labels: frozenset
    titles: list
    first_names: frozenset
    ambiguous: frozenset
    place_words: frozenset
    veto_words: frozenset
    role_words: frozenset
    surname_words: frozenset = frozenset()
    """Place words that are also common surnames ("Rachel Green", "Mrs Hill")."""
    context: dict = field(default_factory=dict)
    """Word lists that mark a word as a person in the parse (see privacy.yaml)."""
    title_re: re.Pattern | None = None
    not_person_nouns: frozenset = frozenset()
    """Nouns right after a titled name that show it is not a person: "the Mr Men books"."""
    not_person_context: frozenset = frozenset()
    """Nouns a few words after a titled name that show it is not a person: "Mr Tickle as their character"."""
    honour_titles: frozenset = frozenset()
    """Titles of public honour ("Sir", "Dame", "Lord"): a person in a public role, not a person we support."""
    public_roles: frozenset = frozenset()
    """Words of a public office next to a name ("the Health Secretary, Wes Streeting", "... MP")."""
    work_nouns: frozenset = frozenset()
    """Published work after a possessive name: "Dr Chris Whitty's report"."""
    work_verbs: frozenset = frozenset()
    """Verbs whose object is a work, not a person: "watched Mrs Doubtfire"."""
    pseudonym_cues: tuple = ()
    """Phrases that declare a name a pseudonym: "'Jo' is a pseudonym", "Jo (name changed)"."""
    pseudonym_links: frozenset = frozenset()
    """Small words that may stand between a name and its pseudonym cue: "Jo *is a* pseudonym"."""
    pseudonym_re: re.Pattern | None = None
    """The cues as one case-blind pattern (made from pseudonym_cues when the rule loads)."""
    work_links: frozenset = frozenset()
    """Words that link a noun for a work to a titled name after it: "production *of* Miss Saigon",
    "film night *was* ...", "favourites *included* Mr Brightside"."""
    official_apposition: re.Pattern | None = None
    """How an apposition gives a lower-case job as an organisation's ("our contract manager at ...",
    "chair of the board"): matched at its start, ignoring case; it must also hold an official head."""
    group_nouns: frozenset = frozenset()
    """Lower-case nouns after capitalised words that make them a named group: "Our Good Neighbours *scheme*"."""
    english_words: frozenset = frozenset()
    """(pv34) The lower-case words of English (``english_words.txt``, regular inflections by their base):
    :meth:`english_word`."""
    official_heads: frozenset = frozenset()
    """The nouns that make such an apposition a job ("manager", "chair", "officer"); a role word that only
    qualifies a noun ("care", "housing", "key", "case") does not: "Dawn Pike, the care leaver we support"."""

    def english_word(self, word: str) -> bool:
        """(pv34) ``word`` (lower case) is a word of English: in ``english_words`` or a regular inflection of one
        ("visits", "phoned", "housing"), the same endings ``bench/build_english_words.py`` left out."""
        if word in self.english_words:
            return True
        for suffix, repl in _INFLECTIONS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 \
                    and word[: len(word) - len(suffix)] + repl in self.english_words:
                return True
        return False

    def typo_of_word(self, word: str) -> bool:
        """(pv34) ``word`` (six letters or more) is a word of English mistyped: one letter left out, added, changed
        or two swapped ("improvemnt", "recieved"); a name that long is seldom one letter from a word."""
        if len(word) < 6:
            return False
        letters = "abcdefghijklmnopqrstuvwxyz"
        for k in range(len(word) + 1):
            head, tail = word[:k], word[k:]
            if tail and self.english_word(head + tail[1:]):
                return True
            if len(tail) > 1 and self.english_word(head + tail[1] + tail[0] + tail[2:]):
                return True
            for c in letters:
                if self.english_word(head + c + tail) or tail and c != tail[0] and self.english_word(head + c + tail[1:]):
                    return True
        return False

    def pattern(self, key: str, template: str, flags: int = 0, capitalised: bool = False) -> re.Pattern:
        """(p22) ``template`` compiled with ``<<words>>`` replaced by an alternation of the person_context list ``key``
        (its words capitalised when ``capitalised``): the words are data (privacy.yaml), the shape around them
        is code. Made once per loaded word lists and kept on them."""
        cache = self.__dict__.setdefault("_patterns", {})
        found = cache.get((key, template))
        if found is None:
            words = self.context.get(key, frozenset())
            words = {w.capitalize() for w in words} if capitalised else set(words)
            alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
            found = cache[(key, template)] = re.compile(template.replace("<<words>>", alternation), flags)
        return found

    def ambiguous_lower(self) -> frozenset:
        """(p21) The ambiguous first names, lower-cased: made once per loaded word lists (the lower-case pass made the
        set for every paragraph, about 3% of the privacy family's time on the check_bench document)."""
        cached = self.__dict__.get("_ambiguous_lower")
        if cached is None:
            cached = self.__dict__["_ambiguous_lower"] = frozenset(w.casefold() for w in self.ambiguous)
        return cached

    def not_lower_names(self) -> frozenset:
        """(pv35) The lower-case words that are never a name typed in lower case (:meth:`_NameFinder._unknown_lower`):
        person_context's ``lower_slot_not_names``, ``kin_nouns``, ``person_nouns``, ``role_nouns``, ``group_nouns``,
        ``determiners`` and ``pronouns`` as one set, made once per loaded word lists (it was seven lookups a word)."""
        cached = self.__dict__.get("_not_lower_names")
        if cached is None:
            ctx = self.context
            cached = self.__dict__["_not_lower_names"] = frozenset().union(*(
                ctx.get(key, ()) for key in ("lower_slot_not_names", "kin_nouns", "person_nouns", "role_nouns",
                                             "group_nouns", "determiners", "pronouns")))
        return cached

    def lower_slot_before(self) -> tuple[tuple[list[str], int], ...]:
        """(perf36) person_context's ``lower_slot_before`` phrases, each as (its words, how many), split once per
        loaded word lists (:meth:`_NameFinder.lower_name_slot` split each phrase three times for every word it read)."""
        cached = self.__dict__.get("_lower_slot_before")
        if cached is None:
            cached = self.__dict__["_lower_slot_before"] = tuple(
                (p.split(), len(p.split())) for p in self.context.get("lower_slot_before", ()))
        return cached

    def organisation_words(self) -> frozenset:
        """(pv35) ``veto_words`` and ``place_words`` together, the words of an organisation's or a place's name
        (:meth:`_NameFinder.conjunct_of_place`), made once per loaded word lists (it was made for each word)."""
        cached = self.__dict__.get("_organisation_words")
        if cached is None:
            cached = self.__dict__["_organisation_words"] = self.veto_words | frozenset(self.place_words)
        return cached

    def lower_case_words(self) -> tuple[frozenset, frozenset]:
        """(titles, first names that are not also everyday words), lower-cased: made once
        per loaded word lists and kept on them."""
        cached = self.__dict__.get("_lower_case_words")
        if cached is None:
            cached = (frozenset(t.casefold() for t in self.titles),
                      frozenset(w.casefold() for w in self.first_names) - {w.casefold() for w in self.ambiguous})
            self.__dict__["_lower_case_words"] = cached
        return cached


@dataclass
class PrivacyRule:
    id: str
    severity: str
    message: str
    suggestions: list[str]
    kind: str
    priority: int
    patterns: list[CompiledPattern]
    validate: str | None
    validate_params: dict
    exceptions: Exceptions
    escalate: dict | None
    examples: dict[str, list[str]]
    source: Path
    names: NameLists | None = None
    family: str = FAMILY
    defer_to: list[str] = field(default_factory=list)
    """Rule ids: a match overlapping one of their matches is left to them."""
    window: int = 200
    """(combination rules) The longest span, in characters, one finding may cover."""
    min_parts: int | None = None
    """(combination rules) How many of the parts one sentence needs (all of them when None)."""
    anchor: str | None = None
    """(combination rules) A part every finding needs (a person referent: "a man", "her son") and
    that is not counted in ``min_parts``: the other parts are details of that person."""
    unless: re.Pattern | None = None
    """(combination rules) A sentence where this is found (ignoring case) is no finding: a figure
    about a group, our own staff."""
    events: privacy_events.EventWords | None = None
    """(event_date rules) The words whose structure makes a date one person's event (``events:``)."""
    beside: int | None = None
    """(regex rules) A detail that is personal only beside a person: a match is kept when another rule's
    finding (not a ``beside`` rule's) is on the same line within this many characters ("Mr Zielinski was
    found on 14 January 2026", "prison no. A4721CK, due out on 28 April 2026")."""


_CACHE: dict[tuple, tuple[tuple, list[PrivacyRule]]] = {}


def _stamp(paths: list[Path]) -> tuple:
    out = []
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)


def _candidate_files(paths: list[Path] | None) -> tuple[list[Path], list[Path]]:
    """(privacy.yaml candidates in order, folders to search for other data files)."""
    entries = [Path(p) for p in paths] if paths is not None else locations.search_path("phrasebank")
    candidates, folders = [], []
    for entry in entries:
        if entry.suffix in (".yaml", ".yml"):
            candidates.append(entry)
            folders.append(entry.parent)
        else:
            candidates.append(entry / RULES_FILE)
            folders.append(entry)
    return candidates, folders


def _rule_files(paths: list[Path] | None, candidates: list[Path], folders: list[Path]) -> list[tuple[int, Path]]:
    """The privacy rule files in effect, with their rank (0 = first folder of the search path).

    The same files as for every family (:func:`evidencebot.language.phrasebank.source_files`):
    ``privacy.yaml``, ``privacy-*.yaml`` and ``privacy/*.yaml``; a file in an earlier folder
    shadows the file with the same name in a later one. An explicit ``.yaml`` path is used as given.
    """
    entries = [Path(p) for p in paths] if paths is not None else None
    if entries is not None and any(e.suffix in (".yaml", ".yml") for e in entries):
        return [(rank, c) for rank, c in enumerate(candidates) if c.is_file()][:1]
    return [(f.rank, f.path) for f in source_files(folders) if f.family == FAMILY]


def load_privacy_rules(paths: list[Path] | None = None) -> list[PrivacyRule]:
    """Load and validate the privacy rules.

    ``paths`` lists folders (or ``.yaml`` files) in order of precedence; by
    default the phrasebank search path (user folder first, then the shipped
    one). The files load like every family's (see ``phrasebank/README.md``): each
    file adds rules, a user file with the same name as a shipped file replaces
    it, a rule with the id of a shipped rule replaces that rule, a record
    ``extends: privacy.x`` adds to rule ``privacy.x``, and ``defer_to`` drops a
    finding that overlaps one of the named rules' findings. Definitions
    (``define``) are shared by all files, a user file's winning.
    Rules are cached until one of the files they came from changes.
    """
    candidates, folders = _candidate_files(paths)
    files = _rule_files(paths, candidates, folders)
    key = tuple(str(c) for c in candidates) + tuple(str(p) for _, p in files)
    cached = _CACHE.get(key)
    if cached is not None:
        deps, rules = cached[0], cached[1]
        if _stamp([Path(d[0]) for d in deps]) == deps:
            return list(rules)
    if not any(p.name == RULES_FILE or p in candidates for _, p in files):
        raise ConfigError(
            f"no {RULES_FILE} found (looked in {', '.join(str(c) for c in candidates)})"
        )
    deps = list(candidates) + [p for _, p in files if p not in candidates]
    deps += [p for p in privacy_filter.weights_paths() if p not in deps]  # the name filter's model is read per load
    deps += [p for p in privacy_learned.weights_paths() if p not in deps]  # (p25) and the learned check's
    rules = _parse_files(files, folders, deps)
    _CACHE[key] = (_stamp(deps), rules)
    return list(rules)


def _err(path: Path, rule_id: str | None, fieldname: str, problem: str) -> ConfigError:
    where = f"rule {rule_id!r}, " if rule_id else ""
    line = line_of(path, rule_id) if rule_id else None
    return ConfigError(f"{path}{f':{line}' if line else ''}: {where}field '{fieldname}': {problem}")


def _read_file(path: Path) -> tuple[dict, list]:
    try:
        data = locations.parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ConfigError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise _err(path, None, "rules", "the file must be a mapping with a 'rules' list")
    defines = data.get("define") or {}
    if not isinstance(defines, dict) or not all(isinstance(v, str) for v in defines.values()):
        raise _err(path, None, "define", "must map names to regular expressions")
    records = data.get("rules")
    if not isinstance(records, list) or (path.name == RULES_FILE and not records):
        raise _err(path, None, "rules", "must be a non-empty list of rules")
    return defines, records


def _parse_files(files: list[tuple[int, Path]], folders: list[Path], deps: list[Path]) -> list[PrivacyRule]:
    defines: dict[str, str] = {}
    entries = []
    index: dict[int, int] = {}
    for _rank, path in sorted(files, key=lambda f: -f[0]):  # the shipped folder first: users' defines win
        file_defines, records = _read_file(path)
        defines.update(file_defines)
    for rank, path in files:
        for i, record in enumerate(_read_file(path)[1]):
            if isinstance(record, dict) and "extends" not in record and "id" in record:
                rid = record.get("id")
                if not isinstance(rid, str) or not re.fullmatch(r"privacy\.[a-z0-9][a-z0-9\-]*", rid):
                    raise _err(path, None, f"rules[{i}].id", "must look like privacy.<name> (lower case, hyphens)")
            index[id(record)] = i
            entries.append((rank, path, record))
    rules = []
    for n, raw in enumerate(merge_records(entries)):
        rule = _parse_rule(raw.path, index.get(id(raw.record), n), raw.record, defines, folders, deps)
        rules.append(rule)
    check_defer_to(rules, [r.id for r in rules])
    return rules


def _expand(path: Path, rule_id: str, fieldname: str, text: str, defines: dict) -> str:
    """Replace ``<<name>>`` by the named definition (read in verbose mode)."""
    for _ in range(20):
        if not _DEFINE_REF.search(text):
            return text

        def sub(m: re.Match) -> str:
            name = m.group(1)
            if name not in defines:
                raise _err(path, rule_id, fieldname, f"<<{name}>> is not defined under 'define'")
            return f"(?x:{defines[name]})"

        text = _DEFINE_REF.sub(sub, text)
    raise _err(path, rule_id, fieldname, "definitions refer to each other in a loop")


def _str_list(path: Path, rule_id: str, fieldname: str, value: Any, required: bool = False) -> list[str]:
    if value is None and not required:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(path, rule_id, fieldname, "must be a list of non-empty strings")
    if required and not value:
        raise _err(path, rule_id, fieldname, "must not be empty")
    return value


def _compile(path: Path, rule_id: str, fieldname: str, source: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise _err(path, rule_id, fieldname, f"invalid regular expression: {exc}") from exc


def _parse_rule(path, index, record, defines, folders, deps) -> PrivacyRule:
    if not isinstance(record, dict):
        raise _err(path, None, f"rules[{index}]", "each rule must be a mapping")
    rule_id = record.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"privacy\.[a-z0-9][a-z0-9\-]*", rule_id):
        raise _err(path, None, f"rules[{index}].id", "must look like privacy.<name> (lower case, hyphens)")
    family = record.get("family", FAMILY)
    if family != FAMILY:
        raise _err(path, rule_id, "family", f"must be {FAMILY!r}, not {family!r}")
    severity = record.get("severity")
    if severity not in SEVERITIES:
        raise _err(path, rule_id, "severity", f"must be one of {', '.join(SEVERITIES)}")
    message = record.get("message")
    if not isinstance(message, str) or not message.strip():
        raise _err(path, rule_id, "message", "must be a non-empty string")
    suggestions = _str_list(path, rule_id, "suggestions", record.get("suggestions"))
    kind = record.get("kind", "regex")
    if kind not in KINDS:
        raise _err(path, rule_id, "kind", f"must be one of {', '.join(KINDS)}")
    priority = record.get("priority", 50)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise _err(path, rule_id, "priority", "must be a whole number")

    patterns = _parse_patterns(path, rule_id, record.get("patterns"), defines, required=kind not in ("entity", "learned"))
    window = record.get("window", 200)
    if kind == "combination":
        parts = {p.part for p in patterns}
        if None in parts or len(parts) < 2:
            raise _err(path, rule_id, "patterns",
                       "a combination rule needs a 'part' name on every pattern, and at least two parts")
        if not isinstance(window, int) or isinstance(window, bool) or window < 1:
            raise _err(path, rule_id, "window", "must be a whole number of characters")
    anchor = record.get("anchor")
    if anchor is not None and (kind != "combination" or anchor not in {p.part for p in patterns}):
        raise _err(path, rule_id, "anchor", "a combination rule's part that every finding needs (one of its part names)")
    min_parts = record.get("min_parts")
    if min_parts is not None and (kind != "combination" or not isinstance(min_parts, int) or isinstance(min_parts, bool)
                                  or not 2 <= min_parts <= len({p.part for p in patterns}) - (anchor is not None)):
        raise _err(path, rule_id, "min_parts",
                   "a combination rule's number of parts one sentence needs: from 2 to the number of parts"
                   + (" other than the anchor" if anchor is not None else ""))
    if anchor is not None and min_parts is None:
        raise _err(path, rule_id, "min_parts", "a rule with an anchor needs min_parts (details besides the anchor)")
    unless = record.get("unless")
    if unless is not None and (kind != "combination" or not isinstance(unless, str) or not unless.strip()):
        raise _err(path, rule_id, "unless", "a combination rule's regular expression (a string)")
    unless_re = (_compile(path, rule_id, "unless", _expand(path, rule_id, "unless", unless, defines),
                          re.IGNORECASE | re.VERBOSE) if unless else None)

    validate, params = record.get("validate"), {}
    if isinstance(validate, dict):
        params = {k: v for k, v in validate.items() if k != "hook"}
        validate = validate.get("hook")
    if validate is not None and validate not in VALIDATORS:
        raise _err(path, rule_id, "validate", f"unknown hook {validate!r} (known: {', '.join(sorted(VALIDATORS))})")

    exceptions = _parse_exceptions(path, rule_id, record.get("exceptions"), defines)

    escalate = record.get("escalate")
    if escalate is not None:
        if (
            not isinstance(escalate, dict)
            or escalate.get("severity") not in SEVERITIES
            or not isinstance(escalate.get("near"), list)
            or not isinstance(escalate.get("window", 200), int)
        ):
            raise _err(path, rule_id, "escalate", "must be {severity, near: [rule ids], window: characters}")
        escalate = {"severity": escalate["severity"], "near": list(escalate["near"]),
                    "window": escalate.get("window", 200)}

    examples = record.get("examples")
    if not isinstance(examples, dict):
        raise _err(path, rule_id, "examples", "must be a mapping with 'flag' and 'pass' lists")
    ex = {
        "flag": _str_list(path, rule_id, "examples.flag", examples.get("flag"), required=True),
        "pass": _str_list(path, rule_id, "examples.pass", examples.get("pass"), required=True),
    }

    names = None
    if kind == "entity":
        names = _parse_names(path, rule_id, record, folders, deps)

    defer_to = _str_list(path, rule_id, "defer_to", record.get("defer_to"))
    beside = record.get("beside")
    if beside is not None and (kind != "regex" or not isinstance(beside, int) or isinstance(beside, bool)
                               or beside < 1):
        raise _err(path, rule_id, "beside", "a regex rule's reach to another finding, in characters (a whole number)")

    events = None
    if kind == "event_date":
        events = _parse_events(path, rule_id, record.get("events"))
    elif record.get("events") is not None:
        raise _err(path, rule_id, "events", "only an event_date rule has event word lists")

    return PrivacyRule(
        id=rule_id, severity=severity, message=" ".join(message.split()), suggestions=suggestions,
        kind=kind, priority=priority, patterns=patterns, validate=validate, validate_params=params,
        exceptions=exceptions, escalate=escalate, examples=ex, source=path, names=names, defer_to=defer_to,
        window=window, min_parts=min_parts, anchor=anchor, unless=unless_re, events=events, beside=beside,
    )


def _parse_events(path, rule_id, value) -> privacy_events.EventWords:
    if not isinstance(value, dict):
        raise _err(path, rule_id, "events", f"an event_date rule needs a mapping with lists "
                                            f"{', '.join(privacy_events.EVENT_LISTS)}")
    unknown = set(value) - set(privacy_events.EVENT_LISTS)
    if unknown:
        raise _err(path, rule_id, f"events.{sorted(unknown)[0]}",
                   f"unknown list (known: {', '.join(privacy_events.EVENT_LISTS)})")
    lists = {name: _str_list(path, rule_id, f"events.{name}", value.get(name), required=name in ("verbs", "persons"))
             for name in privacy_events.EVENT_LISTS}
    return privacy_events.EventWords.from_lists(lists)


def _parse_patterns(path, rule_id, value, defines, required) -> list[CompiledPattern]:
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        raise _err(path, rule_id, "patterns", "must be a non-empty list of {pattern: ...}")
    out = []
    for i, item in enumerate(value):
        fieldname = f"patterns[{i}]"
        if isinstance(item, str):
            item = {"pattern": item}
        if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
            raise _err(path, rule_id, fieldname, "must have a 'pattern' string")
        flags = 0
        for name in item.get("flags") or []:
            if name not in FLAG_NAMES:
                raise _err(path, rule_id, f"{fieldname}.flags", f"unknown flag {name!r} (known: {', '.join(FLAG_NAMES)})")
            flags |= FLAG_NAMES[name]
        sev = item.get("severity")
        if sev is not None and sev not in SEVERITIES:
            raise _err(path, rule_id, f"{fieldname}.severity", f"must be one of {', '.join(SEVERITIES)}")
        source = _expand(path, rule_id, f"{fieldname}.pattern", item["pattern"], defines)
        requires = item.get("requires")
        if requires is not None and (not isinstance(requires, str) or not requires.strip()):
            raise _err(path, rule_id, f"{fieldname}.requires", "must be a regular expression (a string)")
        gate = _compile(path, rule_id, f"{fieldname}.requires", requires, re.IGNORECASE) if requires else None
        part = item.get("part")
        if part is not None and (not isinstance(part, str) or not part.strip()):
            raise _err(path, rule_id, f"{fieldname}.part", "must be a name (a string)")
        near = {}
        for key in ("near", "not_near"):
            value = item.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise _err(path, rule_id, f"{fieldname}.{key}", "must be a regular expression (a string)")
            near[key] = (_compile(path, rule_id, f"{fieldname}.{key}", _expand(path, rule_id, f"{fieldname}.{key}", value,
                                                                                 defines), re.IGNORECASE | re.VERBOSE)
                         if value else None)
        label = item.get("label")
        if label is not None and (not isinstance(label, str) or not label.strip()):
            raise _err(path, rule_id, f"{fieldname}.label", "must be a regular expression (a string)")
        label_re = _compile(path, rule_id, f"{fieldname}.label",
                            rf"(?:{_expand(path, rule_id, f'{fieldname}.label', label, defines)})[ \t\u00a0]*[:#=(,.]?[ \t\u00a0]*\Z",
                            re.IGNORECASE | re.VERBOSE) if label else None
        out.append(CompiledPattern(_compile(path, rule_id, f"{fieldname}.pattern", source, flags), sev, gate, part,
                                   near["near"], near["not_near"], label_re))
    return out


def _parse_exceptions(path, rule_id, value, defines: dict | None = None) -> Exceptions:
    if value is None:
        return Exceptions()
    if not isinstance(value, list):
        raise _err(path, rule_id, "exceptions", "must be a list of strings or {regex: ...}")
    literals, regexes, before, after = set(), [], [], []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            literals.add(item.strip().casefold())
        elif isinstance(item, dict) and isinstance(item.get("regex"), str):
            # (pv33) <<name>> is a define here too
            found = _expand(path, rule_id, f"exceptions[{i}].regex", item["regex"], defines or {})
            regexes.append(_compile(path, rule_id, f"exceptions[{i}].regex", found))
        elif isinstance(item, dict) and isinstance(item.get("before"), str):
            # ends where the match starts: spaces and ":#=.,(-" between them are allowed; read
            # ignoring case and in verbose mode (write a space as [ ] or [ \t]); <<name>> is a define
            found = _expand(path, rule_id, f"exceptions[{i}].before", item["before"], defines or {})
            source = rf"(?:{found})[ \t\u00a0:#=.,(\-]*\Z"
            before.append(_compile(path, rule_id, f"exceptions[{i}].before", source, re.IGNORECASE | re.VERBOSE))
        elif isinstance(item, dict) and isinstance(item.get("after"), str):
            # starts where the match ends: spaces and ",;:(-" between them are allowed
            source = rf"[ \t\u00a0,;:(\-–—]*(?:{item['after']})"
            # with_before / unless_before: searched in the line up to the end of the match
            cue, veto = (_compile(path, rule_id, f"exceptions[{i}].{key}", item[key], re.IGNORECASE | re.VERBOSE)
                         if isinstance(item.get(key), str) else None for key in ("with_before", "unless_before"))
            after.append((_compile(path, rule_id, f"exceptions[{i}].after", source, re.IGNORECASE | re.VERBOSE),
                          cue, veto))
        else:
            raise _err(path, rule_id, f"exceptions[{i}]", "must be a string, {regex: ...}, {before: ...} or {after: ...}")
    return Exceptions(frozenset(literals), regexes, before, after)


def _word_file(path, rule_id, record, key: str, folders, deps) -> set[str]:
    """The words of the file a rule's ``key`` names (one a line, ``#`` comments), looked up in the user folder
    first (the same precedence as the rules file); an empty set when the rule names none."""
    name = record.get(key)
    out: set[str] = set()
    if name is None:
        return out
    if not isinstance(name, str) or not name.strip():
        raise _err(path, rule_id, key, f"must name a file, e.g. {key}.txt")
    order = list(dict.fromkeys(list(folders) + [path.parent]))
    looked = [f / name for f in order]
    deps.extend(looked)
    found = next((p for p in looked if p.is_file()), None)
    if found is None:
        raise _err(path, rule_id, key, f"file {name!r} not found (looked in {', '.join(str(p) for p in looked)})")
    for line in found.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return out


def _parse_names(path, rule_id, record, folders, deps) -> NameLists:
    def words(name: str, required: bool = False) -> list[str]:
        return _str_list(path, rule_id, name, record.get(name), required=required)

    titles = words("titles")
    first = _word_file(path, rule_id, record, "first_names", folders, deps)
    english = _word_file(path, rule_id, record, "english_words", folders, deps)
    title_re = None
    if titles:
        alt = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        title_re = re.compile(
            # "Mr & Mrs Adeyemi", "Mr and Mrs Hill": both titles belong to the name
            rf"(?<![\w.])(?:(?:{alt})\.?[ \t\u00a0]+(?:&|and)[ \t\u00a0]+)?(?:{alt})\.?[ \t\u00a0]+"
            # initials between the title and the surname belong to the name: "Mr T Haldane", "Dr J. R. Obi"
            # (p23) and a one-letter particle with an accent: "Mr Ó Briain"
            rf"(?:[{_UPPER}]\.?[ \t\u00a0]+){{0,2}}"
            rf"(?P<name>{_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{0,2}})"
        )
    return NameLists(
        labels=frozenset(words("labels") or ["PERSON"]),
        titles=titles,
        first_names=frozenset(first),
        english_words=frozenset(w.lower() for w in english),  # a user's list in any case (review, session 34)
        ambiguous=frozenset(words("ambiguous_first_names")),
        place_words=frozenset(words("place_words")),
        veto_words=frozenset(words("veto_words")),
        role_words=frozenset(w.casefold() for w in words("role_words")),
        surname_words=frozenset(words("surname_words")),
        context=_parse_context(path, rule_id, record.get("person_context")),
        title_re=title_re,
        not_person_nouns=frozenset(w.casefold() for w in words("not_person_nouns")),
        not_person_context=frozenset(w.casefold() for w in words("not_person_context")),
        honour_titles=frozenset(words("honour_titles")),
        public_roles=frozenset(w.casefold() for w in words("public_roles")),
        work_nouns=frozenset(w.casefold() for w in words("work_nouns")),
        work_verbs=frozenset(w.casefold() for w in words("work_verbs")),
        pseudonym_cues=tuple(w.casefold() for w in words("pseudonym_cues")),
        pseudonym_links=frozenset(w.casefold() for w in words("pseudonym_links")),
        work_links=frozenset(w.casefold() for w in words("work_links")),
        official_heads=frozenset(w.casefold() for w in words("official_heads")),
        group_nouns=frozenset(w.casefold() for w in words("group_nouns")),
        official_apposition=_compile(path, rule_id, "official_apposition", record["official_apposition"],
                                     re.IGNORECASE | re.VERBOSE) if isinstance(record.get("official_apposition"), str) else None,
        pseudonym_re=re.compile(
            "|".join(r"[ \t\u00a0]+".join(map(re.escape, cue.split()))
                     for cue in sorted(words("pseudonym_cues"), key=len, reverse=True)),
            re.IGNORECASE,
        ) if words("pseudonym_cues") else None,
    )


CONTEXT_LISTS = (
    "line_label_words", "subject_verbs", "speech_verbs", "object_verbs", "with_verbs", "possessed_nouns", "pronouns", "family_nouns",
    "person_nouns", "own_pronouns", "group_nouns", "role_nouns", "name_prefixes", "place_prepositions",
    "subject_particle_verbs", "media_nouns", "measure_nouns", "event_nouns", "public_speech_verbs", "work_groups",
    "title_verbs", "simile_words", "public_figures", "season_words", "subject_states", "visit_verbs", "kin_nouns",
    "artwork_nouns", "thing_names_before", "area_nouns", "not_owner_words", "determiners", "owner_quantifiers",
    "nickname_words", "name_preference_verbs", "peer_role_words", "staff_unit_nouns", "rota_words", "rota_shift_words",
    "rota_slot_words", "rota_link_words", "author_participles", "idea_nouns", "owned_idea_nouns", "named_thing_nouns",
    "care_events",
    "care_passives", "care_event_leads", "passive_auxiliaries", "former_job_words", "organisation_nouns",
    "organisation_verbs", "kin_owners", "kin_qualifiers", "from_verbs", "simile_verbs", "saying_verbs", "figure_nouns",
    "place_name_starts", "place_name_words", "place_name_prefixes", "place_name_endings", "area_verbs",
    "public_line_prefixes",
    "age_labels", "description_leads", "origin_words", "local_area_nouns", "for_verbs", "cited_work_nouns",
    "name_particles", "condition_nouns", "eponymous_conditions", "declaration_nouns", "declaration_verbs", "not_in_role_after", "not_in_role_before", "naming_participles", "title_link_words",
    "private_rules", "time_words_before", "apposition_person_nouns", "staff_frame_words", "staff_frame_ties",
    "staff_frame_rules", "staff_frame_columns", "place_columns",
    "lower_slot_before", "lower_slot_after", "lower_slot_not_names", "lower_slot_not_name_endings", "role_mailbox_rules",
    "origin_verbs", "place_name_links", "surname_particles_before_links", "we_support_verbs", "continuous_person_verbs",
    "nickname_scopes", "fiction_nouns", "fiction_not_after", "fiction_verbs", "fiction_not_scene",
)


def _parse_context(path, rule_id, value) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _err(path, rule_id, "person_context", f"must be a mapping with lists {', '.join(CONTEXT_LISTS)}")
    unknown = set(value) - set(CONTEXT_LISTS)
    if unknown:
        raise _err(path, rule_id, f"person_context.{sorted(unknown)[0]}", f"unknown list (known: {', '.join(CONTEXT_LISTS)})")
    return {
        name: frozenset(w.lower() for w in _str_list(path, rule_id, f"person_context.{name}", value.get(name)))
        for name in CONTEXT_LISTS
    }


# --------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------


@dataclass
class _Hit:
    rule: PrivacyRule
    start: int
    end: int
    severity: str
    details: str = ""
    """(anchored combinations) Which details combine, put in the message's ``{details}``."""


def find_privacy(text: str, doc=None, rules: list[PrivacyRule] | None = None) -> list[Finding]:
    """Personal data in ``text``, as findings sorted by start offset.

    ``doc`` is an optional spaCy ``Doc`` of ``text``: with it, names also come
    from the model's PERSON entities; without it, only titles and the
    first-name list find names. Offsets are into ``text``.
    """
    if rules is None:
        rules = load_privacy_rules()
    if doc is not None and (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text)
                            or doc[:1].text != text[:len(doc[:1].text)]):
        raise ValueError("doc must be a spaCy Doc of exactly this text")
    hits: list[_Hit] = []
    view = normalised_view(text)
    table = table_view(text)
    for rule in rules:
        if rule.kind == "combination" and rule.anchor:
            hits.extend(_Hit(rule, s, _over_phrase(doc, s, e), rule.severity, d) for s, e, d in _combination_spans(rule, text))
            continue
        if rule.kind == "combination":
            spans = [(s, _over_phrase(doc, s, e), rule.severity) for s, e, _ in _combination_spans(rule, text)]
        elif rule.kind == "event_date":
            # a date the parse ties to one person's care or life event (without a parse, none)
            spans = [] if doc is None or rule.events is None else [
                (s, e, sev) for s, e, sev in _regex_spans(rule, text)
                if privacy_events.personal_event(doc, s, e, rule.events)]
        elif rule.kind == "learned":
            continue  # read after every other rule (below)
        elif rule.kind == "regex":
            spans = _regex_spans(rule, text)
            for (norm, starts, ends), labelled in ((v, v is table) for v in (view, table) if v is not None):
                # the same rule on the normalised digits, or on a table's cells under their labels, mapped back
                # ((s37) not a match inside a label alone: the header's words are not the cell's, "Gateshead NE8
                # 4LX" over "deterioration in mental health" made that cell a postcode)
                spans += [(starts[s], ends[e - 1], sev) for s, e, sev in _regex_spans(rule, norm)
                          if e > s and not (labelled and _in_label(starts, ends, s, e))]
        else:
            # (p24) the findings of the rules that say a private fact of a worker (person_context.private_rules): a name
            # in a staff role beside one is no longer passed as staff in role
            own = rule.names.context.get("private_rules", frozenset()) if rule.names is not None else frozenset()
            private = [(h.start, h.end) for h in hits if h.rule.id in own]
            spans = [(s, e, rule.severity) for s, e in _name_spans(rule, text, doc, private)]
        hits.extend(_Hit(rule, s, e, sev) for s, e, sev in _merge_same_rule(spans))
    hits += _slot_names(text, hits)
    learned = _learned_hits(text, doc, rules)
    hits = _off_rota(text, hits, learned)
    hits = _off_staff_frame(text, hits, learned)
    hits = _off_place_column(text, hits)
    hits = _off_role_mailbox(text, hits, rules)
    if any(r.beside for r in rules):
        anchors = [h for h in hits if not h.rule.beside]
        hits = [h for h in hits if not h.rule.beside or _beside_person(h, anchors, text)]
    if any(r.defer_to for r in rules):
        hits = [h for h in hits if not h.rule.defer_to or not any(
            (o.rule.id in h.rule.defer_to or (f"{o.rule.family}.*" in h.rule.defer_to and o.rule.id != h.rule.id))
            and o.start < h.end and h.start < o.end for o in hits)]
    kept = _resolve_overlaps(hits, text)
    _join_descriptions(kept, hits)
    _escalate(kept)
    kept = _absorb_learned(kept, learned)
    findings = [
        Finding(
            rule=h.rule.id, family=h.rule.family, severity=h.severity,
            message=_with_details(h.rule.message, h.details),
            start=h.start, end=h.end, match=text[h.start:h.end], suggestions=list(h.rule.suggestions),
        )
        for h in sorted(kept, key=lambda h: (h.start, h.end, h.rule.priority))
    ]
    return locate(findings, text)


def _learned_hits(text: str, doc, rules: list[PrivacyRule]) -> list[_Hit]:
    """(p25) The learned check's stretches (a sentence or a line) it scores over its threshold; what becomes of one
    that another rule's finding overlaps is :func:`_absorb_learned`'s. None without a weights file or a parse.
    (s38) Not a stretch that names a character in a work's frame (:func:`_fiction_stretch`)."""
    learned = [r for r in rules if r.kind == "learned"]
    if not learned or doc is None:
        return []
    names = next((r.names for r in rules if r.kind == "entity" and r.names is not None), None)
    ctx = names.context if names is not None else {}
    out = []
    for rule in learned:
        out += [_Hit(rule, s, e, rule.severity) for s, e, _ in privacy_learned.spans(text, doc, names)
                if not _fiction_stretch(text, s, e, ctx)]
    return out


def _absorb_learned(kept: list[_Hit], learned: list[_Hit]) -> list[_Hit]:
    """(p27) The learned check's stretches with the findings kept: a stretch no finding overlaps is the check's own
    finding; a stretch that findings overlap is reported once, over the union of the stretch and those findings,
    beside them ("Tue: [Priya] - off, chemo week": the name finding, and the check's warning on the whole line), where
    before only the parts the findings left were scored, each on its own, and a row's detail beside a found name was
    often lost. The findings inside keep their own kind, span and fix: one joined finding of the most specific kind
    (tried first) made the editor's fix replace the whole sentence with "[NHS number removed]"."""
    if not learned:
        return kept
    groups: list[list] = []
    for h in sorted(kept + learned, key=lambda h: (h.start, h.end)):
        if groups and h.start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], h.end)
            groups[-1][2].append(h)
        else:
            groups.append([h.start, h.end, [h]])
    out: list[_Hit] = []
    for start, end, members in groups:
        found = [m for m in members if m.rule.kind != "learned"]
        if len(found) == len(members) or not found:
            out += members
            continue
        own = next(m for m in members if m.rule.kind == "learned")
        out += found + [_Hit(own.rule, start, end, own.severity)]
    return out


# (p23) an entry of a handover list or a rota opening with a word in lower case and a dash: "josh – calm, cooked with
# staff. mo – stayed in room"
_LIST_SLOT = re.compile(r"(?:\A|(?<=[.:;!?\n])|(?<=[.:;!?][ \t]))[ \t]*([a-z][a-z'’\-]{1,14})[ \t]+[–—\-][ \t]+(?=[a-z])")


def _slot_names(text: str, hits: list[_Hit]) -> list[_Hit]:
    """(p23) The other entries' words of a list whose entries open with a word and a dash, when the name rule found
    at least a third of them: a note that lists people one to an entry lists them all ("josh – calm ... mo – stayed
    in room"). The names found are the evidence; a list of other things ("plan – review") has none."""
    slots = [(m.start(1), m.end(1)) for m in _LIST_SLOT.finditer(text)]
    if len(slots) < 2:
        return []
    names = [h for h in hits if h.rule.kind == "entity"]
    found = [sl for sl in slots if any(h.start <= sl[0] and sl[1] <= h.end for h in names)]
    if not found or len(found) * 3 < len(slots):
        return []
    rule = next(h.rule for h in names)
    return [_Hit(rule, a, b, rule.severity) for a, b in slots if (a, b) not in found]


# (s31) a rota's slot: a line of a table or a list holding a name and otherwise only days, dates, times and shifts
_NAME_TAIL = re.compile(rf"(?:[ \t\u00a0]+{_NAME_WORD})+")
_ROTA_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[:.]\d+)?(?:st|nd|rd|th|am|pm)?", re.IGNORECASE)


def _off_rota(text: str, hits: list[_Hit], learned: list[_Hit]) -> list[_Hit]:
    """(s31) The names of a staff rota written as a table or a list ("| Mon | Early | Jo Bell |", "Sat on-call: Jo
    Bell", "Early: Jo Bell / Late: Priya Nair") are staff on shift, not people we support: each name's line, its names
    taken out, holds only days, months, dates, times and the words of a shift (person_context ``line_label_words``,
    ``rota_shift_words``, ``rota_slot_words``, ``rota_link_words``), and at least one word that marks a shift
    (``rota_slot_words``) is on the line, in the table's first line or the text calls itself a rota (``rota_words``).
    Only when every name found is in such a slot and nothing else is found in the text (no learned stretch either):
    a rota that says anything more of anyone ("Tue: Olu (back from sick leave)", a phone number) keeps every name,
    as a text about people, not shifts."""
    names = [h for h in hits if h.rule.kind == "entity"]
    if not names or learned or any(h.rule.kind != "entity" and not h.rule.beside for h in hits):
        return hits
    rule = names[0].rule
    ctx = rule.names.context if rule.names is not None else {}
    slot = ctx.get("rota_slot_words", frozenset())
    allowed = (slot | ctx.get("line_label_words", frozenset()) | ctx.get("rota_shift_words", frozenset())
               | ctx.get("rota_link_words", frozenset()) | {w.casefold() for w in DAYS | MONTHS})
    if not slot:
        return hits
    first_line = text.split("\n", 1)[0].casefold()
    headed = "|" in text and any(w.casefold() in slot for w in _ROTA_WORD.findall(first_line)) \
        or any(w in ctx.get("rota_words", ()) for w in re.findall(r"[a-z]+", text.casefold()))
    for h in names:
        a = text.rfind("\n", 0, h.start) + 1
        b = text.find("\n", h.end)
        b = len(text) if b < 0 else b
        if "\n" in text[h.start:h.end]:
            return hits
        rest = text[a:b]
        for o in sorted((n for n in names if a <= n.start and n.end <= b), key=lambda n: -n.start):
            tail = _NAME_TAIL.match(text, o.end, b)  # a surname the name finding left off: "[Priya] Nair"
            rest = rest[:o.start - a] + " " + rest[(tail.end() if tail else o.end) - a:]
        words = [w.casefold() for w in _ROTA_WORD.findall(rest)]
        if not words or any(not w[0].isdigit() and w not in allowed for w in words):
            return hits
        if not (headed or any(w in slot for w in words)):
            return hits
    return [h for h in hits if h.rule.kind != "entity"]


_WORD_GAP = re.compile(r"[ \t\u00a0]+(?=[A-Z])")
_TITLED_NOUN = re.compile(r"\b([A-Z][a-z]+\.?)[ \t\u00a0]+[A-Z][\w'’\-]*[ \t\u00a0]+([a-z]+)")
# (pv33) the next (or the last) titled name of a list: its title ("Mr Happy, [Mr] Worry and Little [Miss] Brave")
_LIST_LINK_AFTER = re.compile(r"[ \t\u00a0]*(?:,|and|&)[ \t\u00a0]*(?:and[ \t\u00a0]+)?(?:Little[ \t\u00a0]+)?([A-Z][a-z]+\.?)[ \t\u00a0]+[A-Z]")
_LIST_LINK_BEFORE = re.compile(r"([A-Z][a-z]+\.?)[ \t\u00a0]+[A-Z][\w'’\-]*[ \t\u00a0]*(?:,|and|&)[ \t\u00a0]*(?:and[ \t\u00a0]+)?\Z")
# (pv33) a job's title after a name, on the next line or after a bar, as a signature writes it
_SIGNED_ROLE_AFTER = re.compile(r"[ \t\u00a0]*(?:\n|\|)[ \t\u00a0]*([A-Z][^\n|,;.]{2,60})(?:\n|\||\Z)")
# (pv33) a run of words in title case, with the small words a post's title writes in lower case ("Freedom to Speak Up
# Guardian", "Head of Care")
_TITLE_RUN = re.compile(r"[A-Z][\w'’\-]*(?:[ \t\u00a0]+(?:(?:to|of|and|for|the)[ \t\u00a0]+)?[A-Z][\w'’\-]*){0,6}")
# (pv33) a sentence, or a line of a list or a table, and the words in one
_FRAME_END = re.compile(r"\n|[.!?](?=[ \t]|\Z)")
_FRAME_WORD = re.compile(r"[a-z][a-z'’\-]*")
_FRAME_POSSESSIVE = re.compile(r"['’]s?[ \t\u00a0]+([A-Za-z0-9][a-z\-]*)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def _names_work(m: re.Match, ctx: dict) -> bool:
    """(s38) A match of _FICTION_NOUN_PHRASE names a work: its noun is one of ``fiction_nouns`` and the word after it
    is none of ``fiction_not_after`` ("the book club", "the film night" are groups and times)."""
    nxt = m.group(3)
    return m.group(2).lower() in ctx.get("fiction_nouns", ()) and not (nxt and nxt.lower() in ctx.get("fiction_not_after", ()))


def _work_before_name(before: str, ctx: dict) -> bool:
    """(s38) ``before`` (a sentence up to a name) ends in a frame that makes the name a character of a work named by its
    common noun: the work opens the sentence as where the name is ("In the book, Mr Rochester ...", "In this episode
    Dr Foster ..."), or is what someone loves or watches, then "especially when" or "the scene where" ("She loves the
    series, especially when Dr Foster ..."). Not "watched the film with Mr Obi", "read the novel when Mrs Adeyemi was
    in hospital" or "She loves the show, Kayden said"."""
    verbs = ctx.get("fiction_verbs", frozenset())
    opener = _FICTION_OPENER.match(before)
    if opener and opener.group(1).lower() in ctx.get("fiction_nouns", ()):
        return True  # the sentence opens "In the book," or "In the film Dr Zhivago ...": its names are the work's
    scene = _FICTION_SCENE.search(before)
    if scene and scene.group(1).lower() in ctx.get("fiction_nouns", ()) and scene.group(1).lower() not in ctx.get("fiction_not_scene", ()):
        return True  # "The episode where Mrs Mills gets lost", "the chapter in which Dr Manette ..."
    for m in _FICTION_NOUN_PHRASE.finditer(before):
        link = _FICTION_TO_NAME.fullmatch(before, m.end(2))
        if not link or not _names_work(m, ctx):
            continue
        lead = m.group(1).lower()
        if lead == "in" and not before[:m.start()].strip():
            return True
        if link.group("link") and any(stem in verbs for stem in (lead, lead[:-1], lead[:-2], lead[:-3])):
            return True
    return False


def _work_after_name(text: str, pos: int, end: int, ctx: dict) -> bool:
    """(s38) ``text[pos:end]`` opens on "in" or "from" and a work named by its common noun (:func:`_names_work`): the
    name ending at ``pos`` is the work's ("Mr Rochester in the novel", "Esther from the book"; not "Mrs Obi from the
    book club")."""
    m = _FICTION_NOUN_PHRASE.match(text, pos, end)
    return m is not None and m.group(1).lower() in ("in", "from") and _names_work(m, ctx)


def _fiction_stretch(text: str, start: int, end: int, ctx: dict) -> bool:
    """(s38) The learned check's stretch names a character in a work's frame (:func:`_work_before_name` before one of
    its capitalised words): "In the book, Mr Rochester keeps his first wife locked in the attic" is a story's."""
    if not ctx.get("fiction_nouns"):
        return False
    for m in _CAPITAL_WORD.finditer(text, start, end):
        if m.start() > start and _work_before_name(text[start:m.start()], ctx):
            return True
        # (a capitalised word's start always opens a run of them)
        if _work_after_name(text, _NAME_RUN.match(text, m.start(), end).end(), end, ctx):
            return True  # "Ms Harrow from the novel reminded her of her own mum"
    return False


def _frame_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or the line) holding ``text[start:end]``."""
    a = 0
    for m in _FRAME_END.finditer(text, 0, start):
        a = m.end()
    m = _FRAME_END.search(text, end)
    return a, (m.end() if m else len(text))


def _has_phrase(low: str, phrases) -> bool:
    """One of ``phrases`` (case-folded words or phrases) as whole words in ``low``; (pv35) a phrase ending in a colon is
    a label ("chair:", "team:"), found with its colon."""
    words = set(_FRAME_WORD.findall(low))
    return any((p in words) if " " not in p and not p.endswith(":") else re.search(rf"(?<![\w\-]){re.escape(p)}(?![\w\-])", low) is not None
               for p in phrases)


def _staff_heading(text: str, start: int, cues, columns) -> bool:
    """(pv33) The text opens with a heading line (no sentence in it, a colon or nothing after it) that names a staff
    document ("Who's on duty", "Supervision pairs:", "Training record"), or a table's first line does ("Name | Role |
    Shift"), and the name is on a later line."""
    first_end = text.find("\n")
    if first_end < 0:
        return False
    head = text[:first_end].casefold()
    if "|" in head or "\t" in head or "," in head and "," in text[first_end:]:
        cells = [c.strip() for c in re.split(r"[|\t,]", head) if c.strip()]
        # (a word of the header itself is a column's label: "Role")
        return any(c in columns or _has_phrase(c, cues) for c in cells)
    if start <= first_end:
        return False
    return len(head) <= 60 and not re.search(r"[.!?]\s", head) and _has_phrase(head, cues)


def _off_staff_frame(text: str, hits: list[_Hit], learned: list[_Hit]) -> list[_Hit]:
    """(pv33) Names in a staff frame are staff at work, not people we support (phrasebank/README.md, "Whose names are
    personal data"): a sentence or a line of a rota, an on-call or duty list, supervision pairs, a training record,
    apologies or a board's list (one of person_context ``staff_frame_words`` in it, or in the heading line or the
    table header above it). A name there is passed unless the same sentence ties someone in it to a person's care
    or private life: another finding of personal data or a learned stretch in it (a phone, an address, a worker's
    sickness), a word of care, of a client or of a client's document (``staff_frame_ties``, ``care_events``,
    ``care_passives``, ``peer_role_words``), a relative owned by someone ("her son", "Aled's mum": ``kin_nouns``), or
    a name owning something only a person we support has ("Gideon's landlord": ``possessed_nouns``)."""
    names = [h for h in hits if h.rule.kind == "entity"]
    if not names:
        return hits
    ctx = names[0].rule.names.context if names[0].rule.names is not None else {}
    cues = ctx.get("staff_frame_words", frozenset())
    if not cues:
        return hits
    framed = [h for h in hits if h.rule.kind == "entity" or h.rule.id in ctx.get("staff_frame_rules", ())]
    ties = ctx.get("staff_frame_ties", frozenset()) | ctx.get("care_events", frozenset()) \
        | ctx.get("care_passives", frozenset()) | ctx.get("peer_role_words", frozenset())
    kin = ctx.get("kin_nouns", frozenset())
    owners = ctx.get("kin_owners", frozenset())
    owned = ctx.get("possessed_nouns", frozenset())
    columns = ctx.get("staff_frame_columns", frozenset())
    ties |= ctx.get("subject_states", frozenset())
    others = [h for h in hits if h not in framed and not h.rule.beside] + learned
    drop = set()
    for h in framed:
        a, b = _frame_bounds(text, h.start, h.end)
        if not (_has_phrase(text[a:b].casefold(), cues) or _staff_heading(text, h.start, cues, columns)):
            continue
        # what ties the frame to care may be anywhere in its paragraph ("Supervision notes - Tomasz (recovery worker).
        # Tomasz disclosed he has been diagnosed ...", a rota's other line: "Wed: Grace (not Sept - chemo)")
        a = max((m.end() for m in _PARAGRAPH.finditer(text, 0, h.start)), default=0)
        stop = _PARAGRAPH.search(text, h.end)
        b = stop.start() if stop else len(text)
        low = text[a:b].casefold()
        if any(o.start < b and a < o.end for o in others) or _has_phrase(low, ties):
            continue
        words = _FRAME_WORD.findall(low)
        if any(w in kin and any(o in owners or _POSSESSIVE.search(o) for o in words[max(0, i - 2):i])
               for i, w in enumerate(words)):
            continue  # "her son says", "Aled's mum", "Precious' foster carer"
        if any(m.group(1)[:1].isdigit() or m.group(1).casefold() in owned or m.group(1).casefold() in kin
               for n in framed if a <= n.start and n.end <= b for m in [_FRAME_POSSESSIVE.match(text, n.end)] if m):
            continue  # "Gideon Amankwah's landlord", "cover Dev's 2pm"
        drop.add(id(h))
    return [h for h in hits if id(h) not in drop] if drop else hits


_MAILBOX_PART = re.compile(r"[._\-]")


def _off_role_mailbox(text: str, hits: list[_Hit], rules: list[PrivacyRule]) -> list[_Hit]:
    """(pv34) An e-mail address (a rule of ``person_context.role_mailbox_rules``) whose mailbox is made of words of
    English, none of them a listed first name, is an organisation's role or team mailbox, not a person's:
    "procurement@...", "recovery@...", "carers.advice@..." ("jane.doe@", "grace.hill@" stay)."""
    names = next((r.names for r in rules if r.names is not None and r.names.english_words), None)
    if names is None:
        return hits
    own = names.context.get("role_mailbox_rules", frozenset())
    if not own or not any(h.rule.id in own for h in hits):
        return hits

    def role(value: str) -> bool:
        local = value.split("@", 1)[0]
        parts = _MAILBOX_PART.split(local)
        return bool(parts) and all(
            len(w) >= 3 and w.isalpha() and w.islower() and names.english_word(w)
            and w.capitalize() not in names.first_names and w.capitalize() not in names.ambiguous
            and w not in names.surname_words and w.capitalize() not in names.surname_words for w in parts)

    return [h for h in hits if h.rule.id not in own or not role(text[h.start:h.end])]


def _off_place_column(text: str, hits: list[_Hit]) -> list[_Hit]:
    """(pv2 s33) A name that is a whole cell of a text table under a header naming a place (person_context
    ``place_columns``: "Town | Referrals | Average age" then "Barry | 54 | 36") is that place, not a person: its
    person-name finding is dropped. A table with a name column ("Name | Town") keeps its names: only the cell under
    the place's header passes."""
    names = [h for h in hits if h.rule.kind == "entity"]
    if not names or "\n" not in text or ("|" not in text and "\t" not in text):
        return hits
    ctx = names[0].rule.names.context if names[0].rule.names is not None else {}
    columns = ctx.get("place_columns", frozenset())
    if not columns:
        return hits
    places = {cell for header, cells in _header_rows(text, _cells) for (ha, hb), cell in zip(header, cells)
              if text[ha:hb].strip(" *_:").casefold() in columns}
    drop = {id(h) for h in names if (h.start, h.end) in places}
    return [h for h in hits if id(h) not in drop] if drop else hits


def _beside_person(hit: _Hit, anchors: list[_Hit], text: str) -> bool:
    """Whether another finding is in ``hit``'s sentence, on its line, within its rule's ``beside`` reach (not
    overlapping it)."""
    reach = hit.rule.beside or 0
    for a in anchors:
        if a.end <= hit.start:
            gap = (a.end, hit.start)
        elif hit.end <= a.start:
            gap = (hit.end, a.start)
        else:
            continue
        if gap[1] - gap[0] <= reach and not _SENTENCE_GAP.search(text, gap[0], gap[1] + 1):
            return True
    return False


# a line end or a sentence's end between a detail and the finding it is beside: "Period: 1 April. Jo Bell came."
_SENTENCE_GAP = re.compile(r"\n|[.!?][ \t]+(?=[A-Z])")


# --- a table written as text ----------------------------------------------------------
#
# A table's header line labels the cells of the rows below it ("Name | DOB | Address" above "Jo Bell |
# 02/11/1987 | ..."): a date under "DOB" is a date of birth, a code under "Client ID" an identifier, though
# neither has its label beside it. The regex rules also run on a view where each cell follows its header's
# label ("DOB: 02/11/1987"), one cell a line; what they find there is mapped back to the cell.

_CELL = re.compile(r"[^|\t\n]+")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of one line (``text[start:end]``) cut at "|" and tabs, each stripped of spaces."""
    out = []
    for m in _CELL.finditer(text, start, end):
        a, b = m.start(), m.end()
        while a < b and text[a] in " \u00a0":
            a += 1
        while b > a and text[b - 1] in " \u00a0":
            b -= 1
        out.append((a, b))
    return out


# (p27) a line of an export cut at commas or semicolons ("client_id,first_name,last_name,dob"): a line with no "|" or
# tab, its cells short (a header's labels, a row's values), three or more of them
_CSV_LONG_CELL = re.compile(r"\S+(?:[ \t]+\S+){4}")


def _csv_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of one line of an export cut at commas (or at semicolons, when it has any), stripped of spaces; none
    (not a row) when it has fewer than three or a cell of five words or more (a sentence's commas)."""
    line = text[start:end]
    if "|" in line or "\t" in line:
        return []
    sep = ";" if ";" in line else ","
    out = []
    pos = start
    for part in line.split(sep):
        a, b = pos, pos + len(part)
        pos = b + 1
        while a < b and text[a] in " \u00a0":
            a += 1
        while b > a and text[b - 1] in " \u00a0":
            b -= 1
        if _CSV_LONG_CELL.match(text, a, b):
            return []
        out.append((a, b))
    return out if len(out) >= 3 else []


def _header_rows(text: str, cut: Callable[[str, int, int], list[tuple[int, int]]]) \
        -> Iterator[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(header cells, row cells) for each row of a text table under a header line with as many cells, each line cut
    into cells by ``cut`` (:func:`_cells` or :func:`_csv_cells`): a line of fewer than two cells ends a table, and a
    line with another count of cells starts a new one as its header."""
    header: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        cells = cut(text, pos, pos + len(line))
        pos += len(line) + 1
        if len(cells) < 2:
            header = []
            continue
        if len(header) != len(cells):
            header = cells
            continue
        yield header, cells


def table_view(text: str) -> tuple[str, list[int], list[int]] | None:
    """``(view, start map, end map)`` of a text table's rows as "label: cell" lines, or None when ``text``
    has no header line with rows of as many cells under it (maps as in :func:`normalised_view`). A table is cut at
    "|" and tabs, (p27) or, an export's lines, at commas or semicolons (:func:`_csv_cells`)."""
    if "\n" not in text:
        return None
    csv = "|" not in text and "\t" not in text
    if csv and "," not in text and ";" not in text:
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for header, cells in _header_rows(text, _csv_cells if csv else _cells):
        for (ha, hb), (a, b) in zip(header, cells):
            if a == b or ha == hb:
                continue
            label = text[ha:hb] + ": "
            out.append(label + text[a:b] + "\n")
            starts += [a] * len(label) + list(range(a, b)) + [b - 1]
            ends += [b] * len(label) + list(range(a + 1, b + 1)) + [b]
    return ("".join(out), starts, ends) if out else None


def _in_label(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """(s37) Whether ``[start, end)`` of a :func:`table_view` lies inside one line's label ("label: cell"): every
    character of a label maps to its whole cell, so the span's first and last characters map to the same cell start
    and end, where two characters of the cell map apart. (Review of s37: this was found by the first ': ' of the
    line, so a header holding its own ': ' ("Note: Gateshead NE8 4LX") let a label match through onto a cell.)"""
    return end - start >= 2 and starts[start] == starts[end - 1] and ends[start] == ends[end - 1]


# --- normalised digits -------------------------------------------------------------
#
# Digits can be written so that a pattern for 0-9 misses them: full-width (９４３) or
# Arabic-Indic (٩٤٣) digits, zero-width characters between them, dots as group
# separators (943.476.5919) or words (nine four three ...). The regex rules also run
# on a normalised copy of the text, and what they find there is mapped back to the
# characters the writer typed.

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064")
_DIGIT_WORD = {"zero": "0", "oh": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
               "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_WORD = r"(?:zero|oh|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_WORD_RUN = re.compile(rf"\b{_WORD}(?:[ \t,\-\u2010-\u2015]+{_WORD}\b){{6,}}", re.IGNORECASE)
_DIGIT_WORD_ONE = re.compile(_WORD, re.IGNORECASE)
_DOTTED = re.compile(r"(?<![\d.])\d{2,5}(?:\.\d{2,5}){2,}(?!\d|\.\d)")


def _rewrite(text: str, starts: list[int], ends: list[int], edits) -> tuple[str, list[int], list[int]]:
    """Apply ``(start, end, replacement)`` edits (sorted, not overlapping), keeping the maps."""
    out, new_starts, new_ends = [], [], []
    pos = 0
    for start, end, repl in edits:
        out.append(text[pos:start])
        new_starts += starts[pos:start]
        new_ends += ends[pos:start]
        out.append(repl)
        new_starts += [starts[start]] * len(repl)
        new_ends += [ends[end - 1]] * len(repl)
        pos = end
    out.append(text[pos:])
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    return "".join(out), new_starts, new_ends


def normalised_view(text: str) -> tuple[str, list[int], list[int]] | None:
    """``(normalised text, start map, end map)``, or None when normalising changes nothing.

    ``starts[i]``/``ends[i]`` give the span in ``text`` of normalised character ``i``.
    """
    import unicodedata

    plain = text.isascii()
    if plain and not _DOTTED.search(text) and not _DIGIT_WORD_RUN.search(text):
        return None
    starts = list(range(len(text)))
    ends = list(range(1, len(text) + 1))
    if not plain:
        edits = []
        for i, ch in enumerate(text):
            if ch.isascii():
                continue
            if ch in _INVISIBLE:
                edits.append((i, i + 1, ""))
            elif ch.isdecimal():
                edits.append((i, i + 1, str(unicodedata.decimal(ch))))
            elif "\u2010" <= ch <= "\u2015" or ch == "\u2212":
                edits.append((i, i + 1, "-"))
            elif ch.isspace():
                edits.append((i, i + 1, " "))
            else:
                folded = unicodedata.normalize("NFKC", ch)
                if folded != ch and folded.isascii():
                    edits.append((i, i + 1, folded))
        if edits:
            text, starts, ends = _rewrite(text, starts, ends, edits)
    edits = []
    for m in _DIGIT_WORD_RUN.finditer(text):
        pos = m.start()
        for w in _DIGIT_WORD_ONE.finditer(text, m.start(), m.end()):
            if w.start() > pos:
                edits.append((pos, w.start(), ""))  # the separators between the words
            edits.append((w.start(), w.end(), _DIGIT_WORD[w.group().lower()]))
            pos = w.end()
    for m in _DOTTED.finditer(text):
        edits += [(m.start() + k, m.start() + k + 1, " ") for k, c in enumerate(m.group()) if c == "."]
    if edits:
        edits.sort()
        text, starts, ends = _rewrite(text, starts, ends, edits)
    return text, starts, ends


_GATE_TEXTS = 4
"""Texts whose gates are kept: a paragraph, its normalised view and its table view, which each rule reads in turn."""
_gate_texts: tuple[tuple[str, frozenset[str] | None, dict[tuple[str, int], bool], frozenset[str]], ...] = ()


def _gate_entry(text: str) -> tuple[str, frozenset[str] | None, dict[tuple[str, int], bool], frozenset[str]]:
    """(``text``, its :func:`evidencebot.language.prefilter.grams`, its ``requires`` answers, the kinds of character
    it holds: :func:`evidencebot.language.prefilter.kinds_in`), kept for the last :data:`_GATE_TEXTS` texts asked:
    every regex and combination rule asks about the same paragraph and its views in turn. (The tuple is replaced
    whole, never changed in place, so a thread reads one consistent set.)"""
    global _gate_texts
    kept = _gate_texts
    for entry in kept:
        if entry[0] is text:
            return entry
    for entry in kept:
        if entry[0] == text:
            return entry
    entry = (text, grams(text), {}, kinds_in(text))
    _gate_texts = (entry, *kept[:_GATE_TEXTS - 1])
    return entry


def _grams(text: str) -> frozenset[str] | None:
    """:func:`evidencebot.language.prefilter.grams` of ``text`` (:func:`_gate_entry`)."""
    return _gate_entry(text)[1]


def _gate_open(pat: CompiledPattern, text: str) -> bool:
    """False when ``pat`` cannot match ``text``: none of the words every match holds is in it
    (:func:`evidencebot.language.prefilter.may_match`), or its ``requires`` is not. A ``requires`` is searched once per
    text, whichever pattern holds it (113 patterns share 79 of them: eight hold the same run of digits).
    (:func:`_regex_spans` makes the same tests from its rule's :func:`_plan`, without the calls.)"""
    _, low, searched, _ = _gate_entry(text)
    if not may_match(pat.regex, low):
        return False
    need = pat.requires
    if need is None:
        return True
    key = (need.pattern, need.flags)
    found = searched.get(key)
    if found is None:
        found = searched[key] = may_match(need, low) and need.search(text) is not None
    return found


_PlanStep = tuple  # (pattern, kinds, grams needed, requires, its key, the guarded regex, has value, has label)
_plans: dict[int, tuple[Any, list, tuple[_PlanStep, ...]]] = {}


def _plan(rule: PrivacyRule) -> tuple[_PlanStep, ...]:
    """(perf37) What :func:`_regex_spans` reads of each of ``rule``'s patterns, read once per rule (kept while the
    rule and its list of patterns are the same objects): the kinds of character every match holds
    (:func:`~evidencebot.language.prefilter.needed_chars`), the three-letter pieces its words need
    (:func:`~evidencebot.language.prefilter.required_grams`), its ``requires`` and that one's key, the pattern behind
    its first-character guard (:func:`~evidencebot.language.prefilter.guarded`), and whether it has ``value`` and
    ``label`` groups. The same answers as asking each function per text, without six calls per pattern per text."""
    entry = _plans.get(id(rule))
    if entry is not None and entry[0] is rule and entry[1] is rule.patterns and len(entry[2]) == len(rule.patterns):
        return entry[2]
    steps = []
    for pat in rule.patterns:
        need = pat.requires
        has_value = "value" in pat.regex.groupindex
        steps.append((pat, needed_chars(pat.regex), required_grams(pat.regex), need,
                      None if need is None else (need.pattern, need.flags), guarded(pat.regex),
                      has_value, has_value and "label" in pat.regex.groupindex))
    made = tuple(steps)
    _plans[id(rule)] = (rule, rule.patterns, made)
    return made


_combination_plans: dict[int, tuple[Any, list, tuple]] = {}


def _combination_plan(rule: PrivacyRule) -> tuple[list[str], str | None, list[tuple[str, tuple[_PlanStep, ...]]]]:
    """(perf37) A combination rule's parts in the order first written, its anchor, and the order they are searched
    in (the anchor first, or every part in the order written), each with the :func:`_plan` steps of its patterns in
    the order written; made once per rule (as :func:`_plan`)."""
    entry = _combination_plans.get(id(rule))
    if entry is not None and entry[0] is rule and entry[1] is rule.patterns and entry[2][0] == len(rule.patterns):
        return entry[2][1]
    steps = _plan(rule)
    parts = list(dict.fromkeys(str(p.part) for p in rule.patterns))
    anchor = str(rule.anchor) if rule.anchor else None
    # the anchor first, or every part in the order written, stopping at the first one missing; with min_parts
    # alone, every part
    order = [anchor] + [p for p in parts if p != anchor] if anchor is not None else parts
    made = (parts, anchor, [(part, tuple(st for st in steps if str(st[0].part) == part)) for part in order])
    _combination_plans[id(rule)] = (rule, rule.patterns, (len(rule.patterns), made))
    return made


def _open_steps(steps: tuple[_PlanStep, ...], text: str) -> Iterator[_PlanStep]:
    """The steps of a :func:`_plan` whose pattern may match ``text``: every kind of character its matches hold is in
    the text (perf36), and :func:`_gate_open` would say True (its tests made here, without a call per pattern)."""
    _, low, searched, present = _gate_entry(text)
    for step in steps:
        kinds, gram_need, need = step[1], step[2], step[3]
        if kinds and not kinds <= present:
            continue  # (perf36) every match holds a digit, an '@' or a capital (read from the pattern) and the text has none
        # (none of the words every match holds is in the text: prefilter.may_match, inline)
        if low is not None and gram_need is not None:
            if gram_need[0].isdisjoint(low):
                continue
            for g in gram_need[1]:
                if g <= low:
                    break
            else:
                continue
        if need is not None:  # (its requires is not in the text; searched once per text, whichever pattern holds it)
            found = searched.get(step[4])
            if found is None:
                found = searched[step[4]] = may_match(need, low) and need.search(text) is not None
            if not found:
                continue
        yield step


def _regex_spans(rule: PrivacyRule, text: str) -> list[tuple[int, int, str]]:
    hook = VALIDATORS.get(rule.validate) if rule.validate else None
    out = []
    for pat, _, _, _, _, regex, has_value, has_label in _open_steps(_plan(rule), text):
        for m in regex.finditer(text):  # (the same matches: prefilter.guarded)
            if has_value and m.start("value") >= 0:
                start, end = m.span("value")
            else:
                start, end = m.span()
            value = text[start:end]
            if start == end or (hook and not hook(value, rule.validate_params)):
                continue
            if rule.exceptions.match(value) or rule.exceptions.before_match(text, start) \
                    or rule.exceptions.after_match(text, end):
                continue
            labelled = has_label and m.start("label") >= 0
            # (a pattern's label is context its near reads: "custody record number BF/0713/25")
            if (pat.near is not None or pat.not_near is not None) and not _near_ok(
                    pat, text, start if labelled else m.start(), m.end()):
                continue
            if labelled and _LABEL_GAP.fullmatch(text, m.end("label"), start):
                start = m.start("label")  # (p21) "prison number A4471CK": the label and the number as written
            elif pat.label is not None:
                found = pat.label.search(text, max(0, start - LABEL_REACH), start)
                if found is not None:
                    start = found.start()
            out.append((start, end, pat.severity or rule.severity))
    return out


LABEL_REACH = 60
"""Characters before a match that a pattern's ``label`` field looks at."""
# what may stand between a pattern's ``label`` group and its value for the finding to cover both
_LABEL_GAP = re.compile(r"[ \t\u00a0]*[:#=(,.]?[ \t\u00a0]*")


NEAR_WINDOW = 100
"""Characters either side of a match, on its line, that a pattern's ``near``/``not_near`` look at."""


def _near_ok(pat: CompiledPattern, text: str, start: int, end: int) -> bool:
    """The pattern's ``near`` is found around the match (on its line, ``NEAR_WINDOW`` characters
    either side, not in the match itself: a label the pattern matched is no person near it) and its
    ``not_near`` is not (there or in the match)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - NEAR_WINDOW)
    hi = text.find("\n", end)
    hi = min(len(text) if hi == -1 else hi, end + NEAR_WINDOW)
    if pat.near is not None and not pat.near.search(text[lo:start] + " \n " + text[end:hi]):
        return False
    return pat.not_near is None or not pat.not_near.search(text[lo:hi])


# an article and up to three words ending where a combination starts ("a deaf Romanian [mother of ...]")
_PHRASE_LEAD = re.compile(r"\b(?i:a|an|the|our|their|one|this|that)[ \t\u00a0]+(?:[\w'’\-]+[ \t\u00a0]+){0,3}\Z")
# a relative clause after a description, or the rest of the one it ends in: "the former headteacher of
# Kettlebeck Primary| whose breakdown was covered on the local news in 2023", "the one whose twins| were born ..."
# (also after a comma when it is about a person: "the former head teacher of Saltmarsh Primary|, who lost her
# husband and son in the 2019 ferry accident")
_CLAUSE_AFTER = re.compile(r",[ \t]*(?:who|whose)\b[^,;.!?\n]*|[^,;.!?\n]{0,40}?\b(?:who|whose|that|which)\b[^,;.!?\n]*")
_RELATIVE_WORD = re.compile(r"\b(?:who|whose)\b")
_CLAUSE_REST = re.compile(r"[^,;.!?\n]*")


def _with_clause(text: str, start: int, end: int, limit: int = 120) -> int:
    """The end of a finding on a description of a person, moved over the relative clause that goes on
    describing them (what makes the description fit one person), at most ``limit`` characters on."""
    # the rest of the description's own words first: the noun a capitalised place names ("the Ashby Fell|
    # almshouses"), a "with" phrase ("the only foster carer on the Brackley estate| with triplets") and a
    # second predicate of the same person ("... at Marrowby docks| and has twin boys at the academy there")
    for tail in (_PLACE_NOUN_AFTER, _WITH_AFTER, _AND_PREDICATE_AFTER):
        m = tail.match(text, end)
        if m is not None and (tail is not _PLACE_NOUN_AFTER or text[end - 1:end].isalpha() and _starts_capital(text, end)):
            end = len(text[:m.end()].rstrip())
    comma = max(text.rfind(",", start, end), text.rfind(";", start, end), start)
    if _RELATIVE_WORD.search(text, comma, end):
        m = _CLAUSE_REST.match(text, end)
    else:
        m = _CLAUSE_AFTER.match(text, end)
    if m is None or m.end() - end > limit:
        return end
    return len(text[:m.end()].rstrip())


def _starts_capital(text: str, end: int) -> bool:
    """The word ending at ``end`` starts with a capital letter."""
    m = re.search(r"[\w'’\-]+\Z", text[max(0, end - 40):end])
    return bool(m and m.group()[:1].isupper())


# a plural noun after a capitalised place's name, closing the phrase: "the Ashby Fell| almshouses", "Marrowby| docks"
# (a plural, so not a verb: "a 30-year-old from Tenby rang twice")
_PLACE_NOUN_AFTER = re.compile(r"[ \t\u00a0]+(?!(?:has|was|is|does|goes|says|always|sometimes|perhaps|towards|besides)\b)[a-z]{2,}[^su\W]s"
                               r"(?=[ \t\u00a0]*[,.;:!?)]|[ \t\u00a0]+(?:and|with|who|whose|which|where|since|in|on|at|[a-z]+ed)\b|\Z)")
# a "with" phrase closing the description: "with triplets", "with a prosthetic leg"
_WITH_AFTER = re.compile(r"[ \t\u00a0]+with[ \t\u00a0]+(?:[\w'’\-]+[ \t\u00a0]+){0,3}?[\w'’\-]+(?=[ \t\u00a0]*[,.;:!?)]|\Z)")
# a second predicate of the same person: "and has twin boys at the academy there"
_AND_PREDICATE_AFTER = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:has|had|is|was|runs|ran|lives|lived|works|worked)\b[^,;.!?\n]{0,80}")


# (p22) a noun, "of" or "by", and the words of the names before the one found ("the work of Bessel van der |Kolk")
# (s31) a verb of naming, a thing and the name: "named the new van " (group 1: the verb, group 2: the thing)
_NAMING_THING_BEFORE = re.compile(r"\b([a-z]+)[ \t\u00a0]+(?:the|our|a|an|their|its|this)[ \t\u00a0]+(?:[a-z\-]+[ \t\u00a0]+){0,2}?"
                                  r"([a-z]+)[ \t\u00a0]+\Z")
# (s31) the years of a life in brackets after a name ("(1902-1987)", "(1820 – 1910)"); "named after" before one; a verb of
# authoring and "by" before one (group 1: the text before the verb, group 2: the verb); a name's own idea after it,
# owned ("'s hierarchy of needs") or joined ("and his person-centred ideas")
_LIFE_YEARS = re.compile(r"[ \t\u00a0]*\([ \t]*1[5-9]\d\d[ \t]*[–—\-][ \t]*(?:1[5-9]\d\d|20[0-2]\d)[ \t]*\)")
_PAST_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Bb]y|[Uu]ntil|[Dd]uring)[ \t\u00a0]+1(?:[5-8]\d\d|9[01]\d)\b(?![\d,.%])")
_NAMED_AFTER_BEFORE = re.compile(r"\bnamed[ \t\u00a0]+(?:after|for)[ \t\u00a0]+\Z")
_AUTHORED_BY_BEFORE = re.compile(r"((?:\A|[\s\S]*?[\s,]))(?:(?:was|were|is|are|first|originally)[ \t\u00a0]+)?([a-z]+)"
                                 r"(?:[ \t\u00a0]+(?:out|up|forward))?[ \t\u00a0]+by[ \t\u00a0]+\Z")
_OWN_IDEA_AFTER = re.compile(r"(?:['’]s|(?<=s)['’]|[ \t\u00a0]+and[ \t\u00a0]+(?:his|her|their))((?:[ \t\u00a0]+[a-z][a-z\-]*){1,3})")
_WORK_OF_BEFORE = re.compile(r"\b([a-z]+)[ \t\u00a0]+(?:of|by)[ \t\u00a0]+((?:[\w'’.\-&]+[ \t\u00a0]+){0,6}?)\Z")
# (p24) a work's title in Title Case right before "by" and the name, after a clause's start, a colon, a comma or "and":
# "Reading list: Lost Connections by Johann Hari and The Body Keeps the Score by Bessel van der Kolk"
_TITLE_BY_BEFORE = re.compile(r"(?:\A|[:;,(\n\u2013\u2014]|[.!?][ \t\u00a0]|[ \t\u00a0]and)[ \t\u00a0]*['‘\"“]?"
                              r"([A-Z][\w'’\-]*(?:[ \t\u00a0]+[\w'’\-]+){1,8}?)['’\"”]?,?[ \t\u00a0]+by[ \t\u00a0]+\Z")
_PARTICLE_SURNAME = re.compile(r"[ \t\u00a0]+([a-z]{1,5})[ \t\u00a0]+([A-Za-z][a-z'’\-]+)(?![\w'’])")
_BRACKET_PLACE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*){0,2}(?=[ \t\u00a0]*\))")
_QUOTE_MARKS = "'\"‘’“”"
_SENTENCE_RANGE = re.compile(r"[^\n.;!?]+(?:[.;!?](?![ \t\n]|\Z)[^\n.;!?]*)*")


def _combination_spans(rule: PrivacyRule, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, details)`` for each sentence (a clause ended by ``.;!?`` or a line break) that holds
    enough of a combination rule's parts within ``window`` characters; one search for the three kinds:

    * every part (no ``min_parts``): parts are searched in the order they are first written, and the search
      stops at the first part not found (write the rarest first);
    * ``min_parts: N``: any N of the parts;
    * ``anchor: PART``: that part (a person) and at least ``min_parts`` others (details of them), not where
      ``unless`` is found in the sentence; the anchor is looked for first (most paragraphs name no one
      person, and then no detail is looked for), and ``details`` names each part and the words it matched.

    The finding runs from the first detail (or the anchor, when earlier and within the window) to the last,
    covers every detail the sentence holds within the window ("the rower from Henley who spoke about her
    illness"), starts at its noun phrase's article ("a deaf mother of triplets") and runs over the rest of
    the description (:func:`_with_clause`). ``details`` is "" except for an anchored rule."""
    parts, anchor, order = _combination_plan(rule)
    found: dict[str, list[tuple[int, int]]] = {}
    for k, (part, steps) in enumerate(order):
        for step in _open_steps(steps, text):
            _add_found(found, rule, step, text)
        if part not in found and (k == 0 and anchor is not None or not rule.min_parts):
            return []
    need = rule.min_parts or len(parts)
    if len(found) - (anchor is not None) < need:
        return []
    out = []
    for sent in _SENTENCE_RANGE.finditer(text):
        inside = {part: sorted(m for m in ms if sent.start() <= m[0] and m[1] <= sent.end()) for part, ms in found.items()}
        anchors = inside.pop(anchor, []) if anchor is not None else []
        if anchor is not None and not anchors:
            continue
        details = {part: ms[0] for part, ms in inside.items() if ms}
        if len(details) < need:
            continue
        start = min(s for s, _ in details.values())
        end = max(e for _, e in details.values())
        if end - start > rule.window or (rule.unless is not None and rule.unless.search(text, sent.start(), sent.end())):
            continue
        every = [m for ms in inside.values() for m in ms]
        start = min([start] + [s for s, e in every if end - s <= rule.window])
        end = max([end] + [e for s, e in every if e - start <= rule.window])
        if anchors and anchors[0][0] < start and end - anchors[0][0] <= rule.window:
            start = anchors[0][0]
        lead = _PHRASE_LEAD.search(text, max(sent.start(), start - 40), start)
        if lead is not None:
            start = lead.start()
        named = [f'{part} "{" ".join(text[s:e].split())}"' for part, (s, e) in sorted(details.items(), key=lambda kv: kv[1])]
        out.append((start, _with_clause(text, start, end),
                    ", ".join(named[:-1]) + " and " + named[-1] if anchor is not None else ""))
    return out


_PHRASE_HEADS = frozenset({"NOUN", "PROPN"})
_PHRASE_TAILS = frozenset({"VERB", "ADJ"})
_AFTER_COMMA_DEPS = frozenset({"appos", "amod", "acl"})
_PHRASE_REACH = 100
_OWN_WORDS_DEPS = frozenset({"npadvmod", "advmod", "prep", "pobj", "dobj", "attr", "acomp", "amod", "compound", "relcl",
                             "acl", "nummod", "poss", "case", "nmod"})


def _right_edge(token) -> int:
    """The last token of ``token``'s own words to its right (its modifiers, objects and prepositions, a noun's
    relative clause), not a clause joined to it ("widowed last year" but not "..., asked for help")."""
    edge = token.i
    for c in token.rights:
        if c.dep_ in _OWN_WORDS_DEPS:
            edge = max(edge, c.right_edge.i)
    return edge


def _over_phrase(doc, start: int, end: int) -> int:
    """(p20) A combination's end moved over the rest of the phrase it stops inside, read from the parse: the noun
    a last modifier belongs to ("Wexmoor's only" -> "... only secondary school") and what hangs from it ("the only
    Deaf BSL user" -> "... in the village"), a last participle's own words ("widowed" -> "widowed last year"), and
    a description after a comma that the phrase governs ("..., recently bereaved"). Not past the sentence, nor
    more than ``_PHRASE_REACH`` characters on. Without a parse the end stays."""
    if doc is None or end <= start:
        return end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    last = span[-1]
    sent_end = last.sent.end
    edge = last.i
    cur = last
    for _ in range(3):  # the noun a last modifier or compound part belongs to, to its right
        if cur.pos_ in _PHRASE_HEADS and cur.dep_ not in ("compound", "poss", "nmod") or cur.head.i <= cur.i:
            break
        cur = cur.head
    if cur.pos_ in _PHRASE_HEADS | _PHRASE_TAILS:
        edge = max(edge, _right_edge(cur))
    # a description after a comma governed by a word of the phrase: ", recently bereaved", ", the only Deaf ..."
    nxt = edge + 1
    if nxt + 1 < sent_end and doc[nxt].text == ",":
        after = doc[nxt + 1]
        owner = after
        while owner.dep_ in ("advmod", "det", "amod", "compound") and owner.head.i > owner.i:
            owner = owner.head
        if owner.dep_ in _AFTER_COMMA_DEPS and owner.head.pos_ in _PHRASE_HEADS and span.start <= owner.head.i <= edge:
            edge = max(edge, _right_edge(owner))
    edge = min(edge, sent_end - 1)
    while edge > last.i and doc[edge].is_punct:
        edge -= 1
    new_end = doc[edge].idx + len(doc[edge].text)
    return new_end if end < new_end <= end + _PHRASE_REACH else end


def _add_found(found: dict[str, list[tuple[int, int]]], rule: PrivacyRule, step: _PlanStep, text: str) -> None:
    """Each identifying detail the pattern of ``step`` (a step of the rule's :func:`_plan` that :func:`_open_steps`
    let through) finds in ``text`` (its ``value`` group, else the whole match; none that ``rule.exceptions``
    allows), added to ``found`` under its part."""
    _add_matches(found, rule, str(step[0].part), step[5], step[6], text)


def _add_matches(found: dict[str, list[tuple[int, int]]], rule: PrivacyRule, part: str, regex: re.Pattern,
                 has_value: bool, text: str) -> None:
    for m in regex.finditer(text):  # (the same matches: prefilter.guarded)
        start, end = m.span("value") if has_value and m.start("value") >= 0 else m.span()
        if start < end and not rule.exceptions.match(text[start:end]):
            found.setdefault(part, []).append((start, end))


def _merge_same_rule(spans):
    """Overlapping matches of one rule become one finding covering them all."""
    merged: list[list] = []
    for s, e, sev in sorted(spans):
        if merged and s < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], e)
            if SEVERITIES.index(sev) < SEVERITIES.index(last[2]):
                last[2] = sev
        else:
            merged.append([s, e, sev])
    return [tuple(m) for m in merged]


def _resolve_overlaps(hits: list[_Hit], text: str = "") -> list[_Hit]:
    """Keep the most specific finding where findings of different rules overlap."""
    kept: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (h.rule.priority, -(h.end - h.start), h.start)):
        clash = [k for k in kept if h.start < k.end and k.start < h.end]
        if not clash:
            kept.append(h)
        elif h.rule.kind == "combination" and h.severity == "warning" and len(clash) == 1 \
                and clash[0].severity == "warning" and clash[0].rule.kind == "regex":
            # (pv2 s35) a combination that runs on from a described person's warning ("47, works the 6–2 at the
            # meat plant in Cookstown" + "..., and is the only woman on that line") describes the same person
            # further: the kept warning takes it in, so both descriptions are reported
            k = clash[0]
            k.start, k.end = min(k.start, h.start), max(k.end, h.end)
        elif h.rule.kind == "regex" and h.severity == "warning" and len(clash) == 1 \
                and clash[0].severity == "warning" and clash[0].rule.kind == "combination" and h.end > clash[0].end:
            # (pv36) the other way round: a described person's warning that runs on from a combination's
            # description ("The only male nurse on the perinatal team" + "... is off with stress") says what is
            # private of the same person: the kept combination takes it in (never adds or removes a finding)
            k = clash[0]
            k.start, k.end = min(k.start, h.start), max(k.end, h.end)
        elif h.rule.kind == "entity":
            # (p22) a name whose description after it was found by another rule: a description of the person
            # (a combination) takes the name in; any other finding leaves the name before it its own finding
            if all(k.rule.kind == "combination" for k in clash):
                k = clash[0]
                k.start, k.end = min(k.start, h.start), max(k.end, h.end)
                continue
            first = min(k.start for k in clash)
            end = h.start + len(text[h.start:first].rstrip(" \t\u00a0,;:(")) if text and first > h.start else h.start
            if end > h.start:
                kept.append(_Hit(h.rule, h.start, end, h.severity, h.details))
    return kept


def _with_details(message: str, details: str) -> str:
    """The message with the details that combined in its ``{details}``, or after it when it has none
    (a finding of another combination rule that took over one of privacy.singling-out's)."""
    if not details:
        return message
    if "{details}" in message:
        return message.replace("{details}", details)
    return f"{message} The details that combine: {details}."


def _join_descriptions(kept: list[_Hit], hits: list[_Hit]) -> None:
    """A kept combination finding also covers the combination findings it overlaps and won over: two
    rules that read one description of a person differently ("the only survivor of the Marsh Lane" and
    "the only survivor of the Marsh Lane house fire") give one finding on all of it."""
    chosen = {id(h) for h in kept}
    for h in kept:
        if h.rule.kind != "combination":
            continue
        for other in hits:
            if (id(other) not in chosen and other.rule.kind == "combination" and other.start < h.end
                    and h.start < other.end):
                h.start, h.end = min(h.start, other.start), max(h.end, other.end)
                h.details = h.details or other.details


def _escalate(hits: list[_Hit]) -> None:
    for h in hits:
        esc = h.rule.escalate
        if not esc:
            continue
        for other in hits:
            if other is h or other.rule.id not in esc["near"]:
                continue
            gap = max(other.start - h.end, h.start - other.end, 0)
            if gap <= esc["window"]:
                if SEVERITIES.index(esc["severity"]) < SEVERITIES.index(h.severity):
                    h.severity = esc["severity"]
                break


# ---- names -----------------------------------------------------------------

# Parts of speech trimmed from the edges of a PERSON entity ("Jo rang" -> "Jo",
# "Will Daniel" -> "Daniel").
# (pv2 s36) a capitalised syllable, a hyphen and a lower-case one ending where the entity ends: a romanised given name
_HYPHENED_SYLLABLE = re.compile(r"(?<![\w\-])[A-Z][a-z]+-[a-z]+\Z")
_EDGE_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "NUM", "PUNCT", "SYM"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# the dependencies inside one clause from its verb to a word with no subject of its own on the way
_COMPLEMENT_DEPS = frozenset({"xcomp", "prep", "pobj", "dobj", "advmod", "pcomp"})
# "is the show", "was a favourite film": the complement of a copula right after a titled name
_IS_THE = re.compile(r"[ \t\u00a0]+(?:is|was)[ \t\u00a0]+(?:the|a|an|our|their|her|his)[ \t\u00a0]+(?:[A-Za-z\-]+[ \t\u00a0]+){0,2}?([A-Za-z]+)\b")
# a preposition, then capitalised words, ending where a name starts: "in [Kirkby] Stephen", "in our Brixley group"
# (pv2 s34: the word may be two, the second "of": "out of", as place_prepositions lists it; the two are read as one
# word with one space)
_PLACED = re.compile(r"\b([A-Za-z]+(?:[ \t\u00a0]+of)?)[ \t\u00a0]+(?:(?:our|their)[ \t\u00a0]+)?(?:[A-Z][\w'’\-]*[ \t\u00a0]+){0,2}\Z")
# "and" or a comma, then capitalised words, the last one read: "[Harold Wood] and Gidea Park"
_AND_PLACE = re.compile(r"[ \t\u00a0]*(?:,|,?[ \t\u00a0]+(?:and|or|&))[ \t\u00a0]+(?:[A-Z][\w'’\-]*[ \t\u00a0]+){0,2}([A-Z][\w'’\-]*)\b")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "LOC"})
_HYPHENS = frozenset("-\u2010\u2011")
# right after a name: its age in commas or brackets ("Kayden, 15,", "Kayden (aged 15)"), or ", who"
_AGE_OR_WHO = re.compile(r"(?:[ \t\u00a0]*,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,2}[ \t\u00a0]*,|[ \t\u00a0]*\([ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,2}[ \t\u00a0]*\)|[ \t\u00a0]*,[ \t\u00a0]*who\b"
                         # a date of birth's label right after the name: "Precious Nwachukwu, DOB 04/11/1995" (an age)
                         r"|[ \t\u00a0]*[,(][ \t\u00a0]*(?:DOB|D\.O\.B\.?|d\.o\.b\.?|born)\b"
                         # (pv32) a table row's next cell an age and the one after it words: "Mark | 41 | sofa surfing"
                         # (not a row of counts: "May | 14 | 12")
                         r"|[ \t\u00a0]*\|[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,2}[ \t\u00a0]*\|[ \t\u00a0]*[a-z]{3,})")
# one capital letter after a first name, then its full stop or the end of the words: "Leonie W:", "Dylan P. has"
_INITIAL_AFTER = re.compile(r"[ \t\u00a0]([A-Z])(?:\.(?=[ \t\u00a0]*[a-z,:;)\"”’]|[ \t\u00a0]*\Z)|(?=[ \t\u00a0]*[,:;)\"”’!?]|[ \t\u00a0]*\Z|[ \t\u00a0]+[a-z]))")
# the dependency roles of a noun: a lower-case name the tagger calls an adjective but the parse uses as a noun
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "npadvmod", "attr"})
# after a capitalised word, more capitalised words in a list ("Gypsy, Roma and Traveller") and the next word
_GROUP_TAIL = re.compile(r"(?:[ \t\u00a0]*(?:,|,?[ \t\u00a0]+(?:and|or|&))[ \t\u00a0]+[A-Z][\w\-]*)*[ \t\u00a0]+([a-z]+)\b")
# two capitals in a row after a lower-case letter, or a capital inside a word: "ChatGPT", "TikTok"
_INNER_CAPITAL = re.compile(r"(?<=[a-zß-öø-ÿ])[A-ZÀ-ÖØ-Þ]")
# Labels the small English model often gives to people's names it does not know.
# a record system's name before the word for its number: "Carefirst number", "Paris ID:"
_ID_LABEL_AFTER = re.compile(r"[ \t\u00a0]+(?:number|no\.|ID|ref|reference|identifier)(?:[ \t\u00a0]*[:#]|[ \t\u00a0]+(?:is|was)\b|[ \t\u00a0]*\d)")
# a surname in capitals, a comma and a first name, then a colon, a bracket, a dash, a comma or the end
_SURNAME_FIRST = re.compile(r"(?<![\w'’])([A-Z][A-Z'’\-]{2,}),[ \t\u00a0]+([A-Z][a-z]+)\b(?=[ \t\u00a0]*(?:[:(,;|\-–—]|\Z))")  # (p21: a table's pipe too)
# a register line's surname in title case, a comma and a first name, then a dash, a colon or a bracket: "Quigley,
# Eamon – carer's assessment overdue" (at the start of the text or a line, or after a colon)
# (p20: also a list's entries after a colon or a semicolon, each ending at a semicolon or the end: "flagged for
# review: Pryce, Gwen; Hussain, Imran."; p21: or an opening quote, an entry quoted from a record: "'Nowicka, Halina – did
# not attend x2'")
# (p24: a surname with a capital inside, "O'Connell", "McAllister", and a table's cell ending at a pipe: "Table row:
# O'Connell, Bridget | carer")
_SURNAME_FIRST_LINE = re.compile(r"(?:\A|(?<=\n)|(?<=[:;'‘\"“|])[ \t\u00a0]*)[ \t\u00a0]*([A-Z](?:[a-z]{0,2}['’]?[A-Z])?[a-z'’]+"
                                 r"(?:-[A-Z][a-z'’]+)?),[ \t\u00a0]+"
                                 r"([A-Z][a-z]+)\b(?=[ \t\u00a0]*[:(\-–—|]|[ \t\u00a0]*;|[ \t\u00a0]*\.?[ \t\u00a0]*\Z)")
# the same in running text, a listed first name then a verb or the end: "Handover: Kowalski, Piotr has rent arrears"
_SURNAME_FIRST_TEXT = re.compile(r"(?<![\w'’,])([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?),[ \t\u00a0]+([A-Z][a-z]+)\b"
                                 r"(?=[ \t\u00a0]+[a-z]|[ \t\u00a0]*(?:[.;:()\-–—]|,[ \t\u00a0]+(?:who|aged|age|DOB|born)\b|\Z))"
                                 r"(?![ \t\u00a0]+(?:and|or|&)\b)")  # (p20: "Walsh, Kieran, who is in Year 9")
# (p21) a name joined by hyphens to lower-case words, a character's or a thing's ("Winnie-the-Pooh", "Will-o'-the-wisp"):
# people's double names join capitalised words ("Adeyemi-Cole")
# (pv35) a lower-case link word and a capitalised word after a name: "Cnoc| an t-Sìthein", "Pen| y Fan"
_LINKED_NAME_AFTER = re.compile(r"[ \t\u00a0]+([a-z]{1,3})[ \t\u00a0]+(?:[a-z]{1,2}-)?[A-ZÀ-ÖØ-Þ]")
# (pv35) a word opening on lower-case letters before a capital, as products are named: "myGov", "iPhone", "eBay"
_LOWER_CAMEL = re.compile(r"(?<![\w'’\-])[a-z]{1,4}[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")
_LOWER_COMPOUND_AFTER = re.compile(r"-(?:[a-z]+['’]?-)+[A-Za-z]")
_LOWER_COMPOUND_BEFORE = re.compile(r"[A-Za-z]-(?:[a-z]+['’]?-)+\Z")
# (p21) the phrase before an opening bracket that holds a name: "the hon. Member for Brackenford and Moorvale ("
_OFFICE_BRACKET = re.compile(r"([^,;:!?()\n]{3,90}?)[ \t\u00a0]*\([ \t\u00a0]*\Z")
# (p21) an office and "for" before up to three capitalised words (and "and"): "the hon. Member for Brackenford and "
_OFFICE_FOR = re.compile(r"((?:[\w.'’\-]+[ \t\u00a0]+){0,4}[\w.'’\-]+)[ \t\u00a0]+for[ \t\u00a0]+((?:[A-Z][\w'’\-]*[ \t\u00a0]+(?:(?:and|&)[ \t\u00a0]+)?){0,3})\Z")
# (p21) a plural noun, "of" and the capitalised words of a list before a name: "the villages of Fenby, Thornley and "
_AREA_OF_BEFORE = re.compile(r"\b([a-z]+)[ \t\u00a0]+of[ \t\u00a0]+(?:[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*)*"
                             r"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?:and|or|&)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or|&)[ \t\u00a0]+))*\Z")
# (p21) "from" and a title opened by a capital "The" right after a name: "Esther Greenwood from The Bell Jar"
_FROM_TITLE_AFTER = re.compile(r"[ \t\u00a0]+from[ \t\u00a0]+The[ \t\u00a0]+[A-Z]")
# (p21) a noun, then up to two capitalised words, ending before a name: "The lifeboat Margaret |Joan"
_NOUN_BEFORE_NAME_RUN = re.compile(r"\b([A-Za-z]+)[ \t\u00a0]+(?:[A-Z][\w'’\-]*[ \t\u00a0]+){0,2}\Z")
# (p21) two capitalised words, each followed by "of", "with" or "for", ending before a name: "Carers of People with |Dementia"
_TITLED_RUN_BEFORE = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*[ \t\u00a0]+(?:of|with|for)[ \t\u00a0]+[A-Z][\w'’\-]*[ \t\u00a0]+"
                                r"(?:of|with|for)[ \t\u00a0]+\Z")
# (p21) a person's initials written with full stops: "J.T.", "A.M.K."
_INITIALS_TOKEN = re.compile(r"(?:[A-Z]\.){2,3}")
# (p22b) initials written with no full stops, and the age written after them: "KD, aged 61,", "JT (34, Hulme)"
_BARE_INITIALS = re.compile(r"[A-Z]{2,3}")
_AGE_AFTER_INITIALS = re.compile(r"(?:,[ \t\u00a0]*(?:aged|age)[ \t\u00a0]+\d{1,2}\b(?![ \t\u00a0]*(?:[-–+%]|and|or|to)\b)"
                                 r"|[ \t\u00a0]*\([ \t\u00a0]*(?:aged[ \t\u00a0]+\d{1,2}[ \t\u00a0]*[,)]|\d{1,2}[ \t\u00a0]*,[ \t\u00a0]*[A-Z][a-z]))")
# (p21) a surname, an initial with its full stop and (group 2) a courtesy title in brackets, ending a list's entry: "Lloyd-Jones
# T.,", "Rees, M. (Mrs)"
_SURNAME_INITIAL = re.compile(r"(?<![\w'’\-])([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?),?[ \t\u00a0]+[A-Z]\."
                              r"(?:[ \t\u00a0]*(\((?:Mr|Mrs|Ms|Miss|Mx|Dr)\)))?(?=[ \t\u00a0]*(?:[,;)]|\Z|[ \t\u00a0][a-z]))")
# (p21) "the" and a capitalised noun right after a name: "Matilda the Musical"
_THE_WORK_AFTER = re.compile(r"[ \t\u00a0]+the[ \t\u00a0]+([A-Z][a-z]+)\b")
# (p21) a colon after a word, then "he" or "she" as the next clause's subject: "Update on Will: he has been offered ..."
_COLON_PRONOUN = re.compile(r"[ \t\u00a0]*:[ \t\u00a0]+(?:he|she)[ \t\u00a0]+(?:is|was|has|had|will|would|can|could|did|does|"
                            r"did|says|said|[a-z]+ed|[a-z]+s)\b")
# a surname in capitals and a first name, no comma: "Referral for NOWAK Agnieszka came in", "MORRIS Dean did not attend"
_SURNAME_CAPS_FIRST = re.compile(r"(?<![\w'’])([A-Z][A-Z'’\-]{2,})[ \t\u00a0]+([A-Z][a-z]+)\b")
# (p21) a record's "Surname / Firstname" pair, the surname in capitals or title case: "Haworth / Lisa / self-referral",
# "OKAFOR / Chidi – step-down" (not inside a longer path or a date: no slash or word character right before it)
# (p24) the same typed in lower case: "waiting list (surname/first): kowalski/piotr, ahmed/sana"
_LOWER_SLASH_FIRST = re.compile(r"(?<![\w'’/])([a-z][a-z'’\-]{2,})/([a-z]{2,})\b(?![/'’\-]\w)")
_SURNAME_SLASH_FIRST = re.compile(r"(?<![\w'’/])([A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?)[ \t\u00a0]*/[ \t\u00a0]*([A-Z][a-z]+)\b(?![/'’\-]\w)")
# up to two words of a job right before a name (group 2), and the word before them (group 1): "Liaison practitioner"
_JOB_BEFORE = re.compile(r"(?:(?<![\w'’])([A-Za-z'’]+)[ \t\u00a0]+)?((?:[A-Za-z][a-z\-]*[ \t\u00a0]+)?[a-z][a-z\-]*)\Z")
# the last phrase of a segment that an organisation owns: "... by our senior practitioner", "to the Trust's lead nurse"
_OWNED_PHRASE_END = re.compile(r"\b(?:[Oo]ur|[Tt]he|[Tt]heir|[Yy]our)[ \t\u00a0]+[^,;:()]*\Z")
# "as" and a job after a name: "as the court's link worker", "as our new volunteer coordinator"
# (p23) a figure counted as a category: "9 as Bangladeshi", "17 (20%) as Black African"
_COUNTED_AS = re.compile(r"\d[\d,.%() \t\u00a0]*[ \t\u00a0]as[ \t\u00a0]+\Z")
# (p23) authors cited by their surnames as a sentence opens: "As Repper and Perkins argue, ...", "As Deegan puts it, ..."
_AS_CITED_BEFORE = re.compile(r"(?:\A|[.!?:;][ \t\u00a0]+)As[ \t\u00a0]+(?:[A-Z][\w'’\-]+[ \t\u00a0]+(?:and|&)[ \t\u00a0]+)?\Z")
# (what they say to no one in the room: "As Kowalski told us, ..." is a person we met)
_CITED_VERB_AFTER = re.compile(r"(?:[ \t\u00a0]+(?:and|&)[ \t\u00a0]+[A-Z][\w'’\-]+)?(?:[ \t\u00a0]+\(\d{4}\))?[ \t\u00a0]+[a-z]+"
                               r"(?:[ \t\u00a0]+(?!(?:us|me|my|our|him|her|them|staff|we|I)\b)[a-z]+){0,2}[ \t\u00a0]*,")
# (p23) an office in capitals after the name (and its possessive noun), after "as": "Wes Streeting's announcement as Health
# and Social Care Secretary", "Jane Doe, speaking as Chair of the ICB"
_AS_OFFICE_AFTER = re.compile(r"(?:['’]s?(?:[ \t\u00a0]+[a-z][a-z\-]*){1,2}|,[ \t\u00a0]+[a-z]+ing)?[ \t\u00a0]+as[ \t\u00a0]+(?:the[ \t\u00a0]+)?"
                              r"((?:[A-Z][\w'’\-]*[ \t\u00a0]+(?:(?:and|of|for|&)[ \t\u00a0]+)?){0,5}[A-Z][\w'’\-]*)")
_AS_ROLE_AFTER = re.compile(r"[ \t\u00a0]+as[ \t\u00a0]+((?:our|the|their|your)[ \t\u00a0]+[^,;:.!?()\n]{2,60})")
# the capitalised run after a name, over "'s", "&" and "and", to its last word (group 1): "'s Table CIC", " & Hale Housing"
_ORG_RUN_AFTER = re.compile(r"(?:(?:['’]s|[ \t\u00a0]+(?:&|and))?[ \t\u00a0]+[A-Z][\w'’\-]*){0,3}?(?:['’]s)?[ \t\u00a0]+"
                            r"([A-Z][\w\-]*)(?![\w'’\-]|[ \t\u00a0]+[A-Z]|['’]s)")
# an apposition after a name, from its article or owner to the next comma or stop (group 1: the words after it)
_APPOSITION_AFTER = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]+(?i:a|an|the|our|their)[ \t\u00a0]+([^,;:.!?()\n]{1,60})(?=[,;:.!?)]|\Z)")
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|our|their|its|his|her|my|your|a|an)[ \t\u00a0]+\Z")
# "and" and one or two capitalised words after a name (group 1), then no more capitals: "Shona and Ewan MacLeod"
_JOINED_NAME = re.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+([A-Z][\w'’\-]+(?:[ \t\u00a0][A-Z][\w'’\-]+)?)(?![\w'’\-]|[ \t\u00a0]+[A-Z])")
# "her daughter Kacey-Mae": an owner, a lower-case word (group 1: a relative, person_context's kin_nouns) and one or two
# capitalised words (group 2), then no more capitals
_KIN_NAMED = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)[ \t\u00a0]+([a-z]+)[ \t\u00a0]+([A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
                        r"(?:[ \t\u00a0][A-Z][\w'’\-]+)?)(?![\w'’\-]|[ \t\u00a0]+[A-Z])")
# "in the commissioning team", "from our finance department": the next four lower-case words (group 1), which the
# caller reads for the unit's noun (person_context's staff_unit_nouns)
_IN_UNIT = re.compile(r"[ \t\u00a0]+(?:in|from|at)[ \t\u00a0]+(?:the|our|their)[ \t\u00a0]+((?:[a-z\-]+[ \t\u00a0]+){0,3}[a-z\-]+)")
# a capitalised word right before a name (group 1), a street nickname's first word when it is one of person_context's
# nickname_words: "Big Dave", "Wee Tam"
# (pv2 s36) ", Nick to all the ..." right after a name: the nickname (1: one or two capitalised words) and the first
# word after "to" (2)
_NICKNAME_SET_OFF = re.compile(r",[ \t\u00a0]+([A-Z][\w'’\-]*(?:[ \t\u00a0][A-Z][\w'’\-]*)?)[ \t\u00a0]+to[ \t\u00a0]+([a-z]+)\b")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w\-])(?<!\w['’])([A-Z][a-z]+)[ \t\u00a0]\Z")  # (p20: after an opening quote too)
# a capitalised word and "to" after an article: the start of a named duty or right ("the Duty to Refer")
# a small number right after a word: "Year 13", "Tier 4" (not a comma's age: "Kayden, 15")
_LABEL_NUMBER_AFTER = re.compile(r"[ \t\u00a0]+\d{1,2}[A-Za-z]?\b(?![,.:]\d)")
# a possessive right after a word, then a noun: "Star's mum" (group 1: the noun)
# (pv35) "our" and a person's noun in apposition before or after a titled name: "Our client, the Reverend |Alun Price|",
# "|Cllr Jo Pryce|, our tenant," (the person nouns are person_context's, filled in by NameLists.pattern)
_OURS_BEFORE = r"\b(?:our|my)[ \t\u00a0]+(?:<<words>>)s?[ \t\u00a0]*,[ \t\u00a0]*(?:the[ \t\u00a0]+)?(?:[A-Z][a-z]+\.?[ \t\u00a0]+)?\Z"
_OURS_AFTER = r"[ \t\u00a0]*,[ \t\u00a0]*(?:our|one[ \t\u00a0]+of[ \t\u00a0]+our)[ \t\u00a0]+(?:<<words>>)s?\b"
# (pv35) a sentence that says we support or work with someone (the verbs: person_context's we_support_verbs)
_WE_SUPPORT = r"\b(?:we|I)[ \t\u00a0]+(?:now[ \t\u00a0]+)?(?:<<words>>)\b"
_KIN_AFTER = re.compile(r"['’]s[ \t\u00a0]+([a-z\-]+)\b")
# "Summer and her twin": the name joined to his or her relative (group 1: the noun)
_AND_OWN = re.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?:his|her)[ \t\u00a0]+([a-z\-]+)\b")


@functools.lru_cache(maxsize=8)
def _own_before(owners: frozenset, qualifiers: frozenset) -> re.Pattern | None:
    """"her twin, Autumn", "his little brother Will": the name given as someone's relative, right before it: an
    owner (person_context's ``kin_owners``), perhaps a word that qualifies the relative (``kin_qualifiers``:
    "little", "older"), then the relative's noun (group 1). None when the rule lists no owners."""
    if not owners:
        return None

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    qualified = rf"(?:(?:{alternation(qualifiers)})[ \t\u00a0]+)?" if qualifiers else ""
    return re.compile(rf"\b(?:{alternation(owners)})[ \t\u00a0]+{qualified}([a-z\-]+),?[ \t\u00a0]+\Z")

# a rank or office held no longer: "Sgt Maddox (retired)", "former Councillor Jo Bell"
# (p22: the words in privacy.yaml, person_context not_in_role_after and not_in_role_before)
_NOT_IN_ROLE_AFTER = r"[ \t\u00a0]*[(,]?[ \t\u00a0]*(?:<<words>>)(?![\w'’])"
_NOT_IN_ROLE_BEFORE = r"(?<![\w'’\-])(?:<<words>>)[ \t\u00a0]*\Z"
# a quoted stretch on one line (group 2: inside the quotes); an apostrophe inside a word does not close it
_QUOTED = re.compile(r"(?<![\w'’])(['‘\"“])([^\n'‘’\"“”]*(?:['’]\w[^\n'‘’\"“”]*)*)(['’\"”])(?![\w])")
# a title's capitals: a small word, then a capitalised word ("Margaret at the Window", "Ruth by the Sea")
_TITLE_CAPITALS = re.compile(r"\b(?:at|by|in|on|of|the|and|with|for|to|from|under|over)[ \t\u00a0]+[A-Z]")
# a capitalised verb's -ing form before a name: "Educating Rita", "Finding Nemo", "Driving Miss Daisy"
_TITLE_VERB_BEFORE = re.compile(r"(?<![\w'’\-])[A-Z][a-z]+ing[ \t\u00a0]+\Z")
_TITLE_VERB_FIRST = re.compile(r"[A-Z][a-z]+ing[ \t\u00a0]+[A-Z]")
# a capitalised word of grammar after a name, then another capital: "Eleanor Oliphant Is Completely Fine"
# (p22: the words in privacy.yaml, person_context title_link_words, capitalised as a title writes them)
_TITLE_WORD_AFTER = r"[ \t\u00a0]+(?:<<words>>)[ \t\u00a0]+[A-Z]"
# "The Marquis of Granby", "the Duke of York": a capitalised noun after "the", then "of"
_OF_TITLE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+[A-Z][a-z]+[ \t\u00a0]+of[ \t\u00a0]+\Z")
# the rest of a list after a name, ending in a noun for places: ", Oulsby and the villages" (group 1: the noun)
_LIST_TAIL = re.compile(r"(?:[ \t\u00a0]*,[ \t\u00a0]*[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*)*)*[ \t\u00a0]*,?[ \t\u00a0]+"
                        r"(?:and|or|&)[ \t\u00a0]+(?:the[ \t\u00a0]+)?((?:[a-z\-]+[ \t\u00a0]+){0,2}[a-z]+)\b")
# a word with "he" or "she" in brackets right after it: "sunny (she always writes it in lower case)", "Sam (he/him)"
_BRACKET_PRONOUN = re.compile(r"(?<![\w'’\-])([A-Za-z][a-z'’\-]*[a-z])[ \t\u00a0]*\((?:he|she|they[ \t]*/[ \t]*(?:them|their|she|he)|ze|xe)\b"
                              r"[^()\n]{0,80}\)")
# an initial with its full stop, then a capitalised word: "P. Adeyemi"
_THING_AFTER = re.compile(r"[ \t\u00a0]+([a-z\-]+)\b(?:[ \t\u00a0]+([a-z]+)\b)?")
# (p22: the participles in privacy.yaml, person_context naming_participles)
_THING_NAMED = (r"\b([A-Za-z]+)[ \t\u00a0]+(?:has[ \t\u00a0]+been[ \t\u00a0]+|is[ \t\u00a0]+|was[ \t\u00a0]+|gets[ \t\u00a0]+|got[ \t\u00a0]+)?"
                r"(?:<<words>>)[ \t\u00a0]+\Z")
# an author cited after the name: "Okonjo and Pryce (2022)", "(Haddad, 2021)", "Smith et al. (2019)"; (p21) with a
# possessive: "Anthony's (1993) definition of recovery"
_CITED_AFTER = re.compile(r"(?:['’]s|(?<=s)['’])?(?:[ \t\u00a0]+(?:and|&)[ \t\u00a0]+[A-Z][\w'’\-]+)?(?:[ \t\u00a0]+et[ \t\u00a0]+al\.?)?"
                          r"(?:,[ \t\u00a0]*(?:[A-Z]\.[ \t\u00a0]*){1,3})?"  # (pv33) a reference list's initials: "Slade, M. (2009)"
                          r",?[ \t\u00a0]*\(?(?:19|20)\d\d[a-z]?\)")
# (pv33) the authors of a citation in brackets, the year last: "(Leamy, Bird, Le Boutillier, Williams and Slade, 2011)"
_CITATION = re.compile(r"\((?:[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*)*(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+(?:and|&)[ \t\u00a0]+))+"
                       r"(?:et[ \t\u00a0]+al\.?,?[ \t\u00a0]*)?(?:19|20)\d\d[a-z]?(?:[;,][^()\n]{0,80})?\)")
_INITIAL_DOT = re.compile(rf"(?<![\w.'’&])([A-Z])\.[ \t\u00a0]?({_NAME_WORD})")
_NAMED_DUTY = re.compile(r"\b(?:the|a|an|our|their|its)[ \t\u00a0]+[A-Z][a-z]+[ \t\u00a0]+to[ \t\u00a0]+\Z")
_MISLABELLED = frozenset({"ORG", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"})


class _Tok:
    """A word: its text and offsets, NER label of the entity it is in ("" when none or no
    parse), its part of speech and (``token``) the spaCy token, when a parse was given."""

    __slots__ = ("text", "start", "end", "ent", "ent_index", "pos", "_doc", "_i", "_token")

    def __init__(self, text: str, start: int, end: int, ent: str = "", ent_index: int = -1, pos: str = "",
                 doc: Any = None, i: int = -1):
        self.text, self.start, self.end, self.ent, self.ent_index, self.pos = text, start, end, ent, ent_index, pos
        self._doc, self._i, self._token = doc, i, None

    @property
    def token(self) -> Any:
        """The spaCy token (made when first asked for, then kept: most words are never looked at this closely,
        and a word that is is asked for again by each check, s31)."""
        if self._token is None and self._doc is not None:
            self._token = self._doc[self._i]
        return self._token

    @property
    def parsed(self) -> bool:
        """``token is not None``, without making the spaCy token (a check asked of every word tests this first)."""
        return self._doc is not None


_WORD_RE = re.compile(r"[^\W_][\w'’\-]*|[^\w\s]")
# a surname typed in lower case: "smith", "o'neill", "smith-jones"
_LOWER_SURNAME = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _tokens(text: str, doc) -> tuple[list[_Tok], list[tuple[str, list[int]]]]:
    """Tokens, and entities as (label, token indexes)."""
    if doc is None:
        toks = []
        for m in _WORD_RE.finditer(text):
            word, start = m.group(), m.start()
            possessive = _POSSESSIVE.search(word) if len(word) > 2 else None
            if possessive:  # "Mohammed's" -> "Mohammed" + "'s", as spaCy does
                cut = len(word) - len(possessive.group())
                toks.append(_Tok(word[:cut], start, start + cut))
                toks.append(_Tok(word[cut:], start + cut, m.end()))
            else:
                toks.append(_Tok(word, start, m.end()))
        return toks, []
    # from the doc's arrays: making a spaCy Token for every word (as iterating the doc, or its
    # ``ents``, does) costs more than the rest of this rule
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, POS

    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}
    text_of = text  # (the doc's text: find_privacy checked; Doc.text would make every Token)
    toks = []
    ents: list[tuple[str, list[int]]] = []
    current: list[int] | None = None  # the token indexes of the entity being read
    for i, (idx, length, iob, ent, pos) in enumerate(doc.to_array([IDX, LENGTH, ENT_IOB, ENT_TYPE, POS]).tolist()):
        ent_name = names.get(ent)
        if ent_name is None:
            ent_name = names[ent] = strings[ent]
        pos_name = names.get(pos)
        if pos_name is None:
            pos_name = names[pos] = strings[pos]
        tok = _Tok(text_of[idx:idx + length], idx, idx + length, ent_name, -1, pos_name, doc, i)
        toks.append(tok)
        # entities as Doc.ents reads them: B (3) with a label starts one, I (1) continues it
        if iob == 1 and current is not None:
            current.append(i)
        elif iob == 3 and ent:
            current = [i]
            ents.append((ent_name, current))
        else:
            current = None
        if current is not None:
            tok.ent_index = len(ents) - 1
    return toks, ents


@functools.lru_cache(maxsize=8)
def _care_patterns(events: frozenset, passives: frozenset, leads: frozenset, auxiliaries: frozenset
                   ) -> tuple[re.Pattern, re.Pattern]:
    """person_context's care events as the predicate after a name (see ``_care_event``): one of ``care_events``
    after up to four ``care_event_leads`` or auxiliaries ("has been attending her sessions", "relapsed"), or one of
    ``care_passives`` after a ``passive_auxiliaries`` word ("was referred", "has since been sectioned"; not the
    active "Dr Williams ... assessed him", a clinician's work); and one of ``care_passives`` right before the name
    ("we referred Marcus, ...")."""
    def alt(phrases):
        return "|".join(r"[ \t\u00a0]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    ws = r"[ \t\u00a0]+"
    lead = rf"(?:(?:{alt(leads)}){ws}){{0,4}}" if leads else ""
    either = rf"(?:(?:{alt(leads | auxiliaries)}){ws}){{0,4}}" if leads | auxiliaries else ""
    options = [rf"{either}(?:{alt(events)})\b"] if events else []
    if passives and auxiliaries:
        options.append(rf"{lead}(?:{alt(auxiliaries)}){ws}{lead}(?:{alt(passives)})\b")
    after = re.compile(rf"[ \t\u00a0,)]*(?:{'|'.join(options) or '(?!)'})", re.IGNORECASE)
    before = re.compile(rf"\b(?:{alt(passives) or '(?!)'}){ws}\Z", re.IGNORECASE)
    return after, before


def _not_after_capital(text: str, start: int) -> bool:
    """The word at ``start`` does not follow another capitalised word (a title's or a heading's run of capitals)."""
    m = re.search(r"([\w'’\-]+)[ \t\u00a0]*\Z", text[max(0, start - 30):start])
    return m is None or not m.group(1)[:1].isupper()


def tok_ent_blocks(t) -> bool:
    """(p20) The token is inside an organisation's or a place's entity."""
    return t.ent_type_ in _ORG_LABELS


def _sentence(token):
    """The token's sentence, or the whole Doc when it has no sentence boundaries."""
    doc = token.doc
    return token.sent if doc.has_annotation("SENT_START") else doc


_ON_NUMBER_AFTER = re.compile(r"[ \t]+on[ \t]+(\d{3,4})[ \t]?\d")
_WORD_BEFORE = re.compile(r"(?<![\w\-’'])([^\W\d_]+)[ \t\u00a0]+\Z")


def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD_RE.match(word))


def _folded(word: str) -> str:
    """The word without its accents ("Siobhán" -> "Siobhan"), to look it up in the first-name list."""
    import unicodedata

    word = word.translate(_UNFOLDED)
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


# letters that NFKD does not split into a base and an accent ("Søren", "Łukasz", "Ægir")
_UNFOLDED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                           "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ß": "ss"})


def _camel_word(word: str, prefixes) -> bool:
    """A word with a capital inside it that no name prefix explains ("ChatGPT", "TikTok", "YouTube";
    but "McDonald", "MacLeod", "DeShawn" are names)."""
    inner = _INNER_CAPITAL.search(word)
    if inner is None:
        return False
    return word[:inner.start()].casefold() not in prefixes


# Capitalised words after a determiner, up to a name candidate (determined_thing): "the Thursday Knit and |Natter|"
_DETERMINED_RUN = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]heir)[ \t\u00a0]+((?:[A-Z][\w\-]*(?:['’]s?)?"
                             r"[ \t\u00a0]+(?:(?:and|&)[ \t\u00a0]+)?){0,4})\Z")
_CAPITALISED = re.compile(r"[A-Z][\w\-]*")
# the capitalised words straight after a candidate, joined by spaces or and/&: "|Jenny Lind| Singers"
_NEXT_CAPITALISED = re.compile(r"(?:[ \t\u00a0]+(?:(?:and|&)[ \t\u00a0]+)?[A-Z][\w\-]*(?:['’]s?)?){0,3}")


_OPENING_QUOTES = frozenset(OPEN_QUOTES)
_CLOSING_QUOTES = frozenset(CLOSE_QUOTES)


class _NameFinder:
    """The four sources of names, and the filters they share."""

    def __init__(self, rule: PrivacyRule, text: str, doc, private: list[tuple[int, int]] | None = None):
        assert rule.names is not None
        self.rule, self.names, self.text = rule, rule.names, text
        self.private = private or []
        self.toks, self.ents = _tokens(text, doc)
        self.context = rule.names.context
        self._starts: list[int] | None = None

    # -- shared filters ------------------------------------------------------

    def blocked_word(self, word: str) -> bool:
        """A word that cannot be part of a person's name."""
        n = self.names
        return (
            word in n.place_words or word in n.veto_words or word in MONTHS or word in DAYS
            or word.casefold() in n.role_words or self.rule.exceptions.match(word)
            or word.casefold() in self.context.get("line_label_words", ())
        )

    def followed_by_place(self, end: int, start: int = -1) -> bool:
        m = re.match(r"(['’]s)?[ \t\u00a0]+([A-Za-z][A-Za-z'’\-]*)", self.text[end:])
        if not (m and _POSSESSIVE.sub("", m.group(2)) in self.names.place_words):
            return False
        # (s31) a first name alone owning a thing in lower case is a person's: "an interpreter for Reza's review",
        # "Jo's care plan" (a place or a body is written with its word capitalised: "Mary Seacole House")
        value = self.text[start:end] if start >= 0 else ""
        return not (m.group(1) and m.group(2).islower() and value in self.names.first_names
                    and value not in self.names.ambiguous)

    def names_a_thing(self, end: int) -> bool:
        """A name right before a noun for a book, film, character or product names that thing:
        "our Harry Potter book club", "Peppa Pig stickers" (a person's things take "'s")."""
        titled = _THE_WORK_AFTER.match(self.text, end)
        if titled and titled.group(1).casefold() in self.names.not_person_nouns:
            return True  # (p21) "Matilda the Musical", "Shrek the Musical": a show's title
        m = re.match(r"[ \t\u00a0]+([a-z]+)\b", self.text[end:end + 30])
        listed = m is not None and m.group(1) in self.names.not_person_nouns
        last = self._tok_at(end - 1)
        if last is None or last.token is None:
            return listed
        # with the parse: only when the name modifies the phrase ("She gave Sarah books": Sarah is a person)
        t = last.token
        if not (t.dep_ in ("compound", "nmod", "amod") and t.head.i > t.i):
            return False
        return listed or (m is not None and self.product_head(t))

    def product_head(self, t) -> bool:
        """(p21) The noun a name (no listed first name) modifies is a common thing's, none of the words for people, roles
        or a person's own things: a brand before its product ("Captain Birdseye fish fingers", "Dr Oetker pizza")."""
        head = t.head
        while head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        if head.pos_ != "NOUN" or not head.text[:1].islower():
            return False
        ctx = self.context
        people = (ctx.get("person_nouns", frozenset()) | ctx.get("kin_nouns", frozenset()) | ctx.get("family_nouns", frozenset())
                  | ctx.get("group_nouns", frozenset()) | ctx.get("possessed_nouns", frozenset()) | ctx.get("role_nouns", frozenset())
                  | self.names.official_heads | self.names.role_words)
        if head.lemma_.lower() in people or head.lower_ in people:
            return False
        span = t.doc[t.left_edge.i:t.i + 1]
        return not any(w.text in self.names.first_names for w in span)

    def names_a_group(self, start: int, end: int) -> bool:
        """Capitalised words before a plural noun for people are a group, not a person: "Gypsy, Roma
        and Traveller families", "Windrush generation", "Deaf people" (the words in ``group_nouns``).
        A role after the noun makes it a person's job ("Kemi Adebayo community worker": ``official_heads``,
        ``role_nouns``, ``person_nouns``); so does a listed first name before a word that is not plural ("Kemi Adebayo
        youth")."""
        nouns = self.context.get("group_nouns", ())
        m = _GROUP_TAIL.match(self.text, end)
        if not (nouns and m and m.group(1) in nouns):
            return False
        role = re.match(r"[ \t\u00a0]+([a-z][a-z\-]*)\b", self.text[m.end():m.end() + 30])
        if role and (role.group(1) in self.names.official_heads or role.group(1) in self.context.get("role_nouns", ())
                     or role.group(1) in self.context.get("person_nouns", ())):
            return False
        words = self.text[start:end].split()
        return not (len(words) > 1 and not m.group(1).endswith("s") and words[0] in self.names.first_names
                    and words[0] not in self.names.ambiguous)

    def public_line_after(self, end: int) -> bool:
        """(pv2 s35) "on" and a number that opens as only public lines' numbers do (``public_line_prefixes``:
        freephone and national-rate numbers) straight after the name: the name is the line's."""
        m = _ON_NUMBER_AFTER.match(self.text, end)
        return bool(m) and m.group(1).startswith(tuple(self.context.get("public_line_prefixes", ())))

    def preceded_by_saint(self, start: int) -> bool:
        m = re.search(r"([A-Za-z]+\.?)[ \t\u00a0]+\Z", self.text[max(0, start - 12):start])
        return bool(m and m.group(1) in SAINTS)

    def acceptable(self, start: int, end: int) -> bool:
        value = self.text[start:end]
        if not value or self.rule.exceptions.match(value):
            return False
        if self.text[end:end + 2] in ("'s", "’s") and self.rule.exceptions.match(value + "'s"):
            return False  # an exception written with its possessive ("Barnardo's", "St Mungo's")
        lead = re.search(r"(?<![\w.])([A-Z][a-z]+)\.?[ \t\u00a0]+\Z", self.text[max(0, start - 12):start])
        if lead and lead.group(1) in self.names.titles and self.rule.exceptions.match(f"{lead.group(1)} {value}"):
            return False  # an exception written with its title ("Mr Blobby")
        if self.declared_pseudonym(start, end):
            return False  # "'Jo' is a pseudonym chosen by the person"
        if self.cited_by_work(start, end):
            return False  # (p22) "draws on the work of Bessel van der Kolk and Judith Herman"
        if self.titled_work_before(start, end):
            return False  # (p24) "Lost Connections by Johann Hari"
        if self.thinker(start, end):
            return False  # (s31) "the recovery principles set out by Patricia Deegan", "Carl Rogers (1902-1987)"
        if self.thing_named(start, end):
            return False  # (s31) "Our outreach van is called Bessie", "We named the new van Florence"
        if self.fiction_frame(start, end):
            return False  # (s38) "In the book, Mr Rochester ...", "She loves the series, especially when Dr Foster ..."
        if self.home_of_people(start, end):
            return False  # (s31) "Young people from Shirley use the drop-in most": where a group comes from
        first_word = value.split(None, 1)[0].rstrip(".")
        if first_word in self.names.titles and " " in value.strip() and not self.visit_before(start) \
                and self.titled_thing(start, end):
            return False  # (p21) a titled thing whatever found it: "A Dr Pepper from the vending machine"
        if _NAMED_DUTY.search(self.text, max(0, start - 40), start) and len(value.split()) == 1:
            return False  # the last word of a named duty or right: "under the Duty to Refer", "the Right to Buy"
        if _LOWER_COMPOUND_AFTER.match(self.text, end) or _LOWER_COMPOUND_BEFORE.search(self.text, max(0, start - 40), start):
            return False  # (p21) a name made with lower-case words and hyphens: "Winnie-the-Pooh", "Jack-in-the-Box"
        if self.determined_thing(start, end):
            return False  # "the Jenny Lind Singers", "the Brew and Banter peer group", "Our Good Neighbours scheme"
        if " " not in value and _LABEL_NUMBER_AFTER.match(self.text, end) and value not in self.names.first_names:
            return False  # "the only Year 13 at ...", "Tier 4", "Stage 2": a word with a number is a label
        if self.title_of_work(start, end) or self.listed_with_places(end) or self.listed_after_places(start):
            return False  # "'Margaret at the Window'", "Educating Rita", "the lifeboat Grace Darling"; "Stonecliff,
            # Oulsby and the villages along the valley"
        if self.place_name_shape(value) or self.linked_place_name(value, end):
            return False  # (p21) "Upper Aske", "Cwm Du", "Llanfair Uchaf": a place's name by its words
        opener = _WORD_BEFORE.search(self.text, max(0, start - 20), start)
        if opener and opener.group(1)[:1].isupper() and self.place_name_shape(f"{opener.group(1)} {value}"):
            return False  # (pv2 s35) the rest of a place's name after its opening word: "Páirc [Seán Mac Diarmada]"
        if " " not in value and value not in self.names.first_names and self.public_line_after(end):
            return False  # (pv2 s35) "ring Lifeline on 0808 808 8000": a one-word name whose number is a public line's
        if _LOWER_CAMEL.search(value):
            return False  # (pv35) "myGov Scot", "iPhone", "eBay": a product's name opens on a lower-case letter
        if _TITLED_RUN_BEFORE.search(self.text, max(0, start - 60), start):
            return False  # (p21) the last word of a name in Title Case joined by "of"/"with": "Carers of People with Dementia"
        if self.organisation_shape(start, end):
            return False  # "Ruth's Table CIC", "Kol Chesed, an Orthodox Jewish community charity", "Johnson Matthey sponsored"
        if self.role_title(start):
            return False  # (pv33) "a named Designated Safeguarding Lead", "our Freedom to Speak Up Guardian": a post
        return not (self.followed_by_place(end, start) or self.preceded_by_saint(start) or self.names_a_group(start, end)
                    or self.names_a_thing(end) or self.placed(start, end) or self.used_as_work(end, titled=False, start=start)
                    or self.not_private_person(start, end))

    def fiction_frame(self, start: int, end: int) -> bool:
        """(s38) The name is a character of a work its sentence names by a common noun (``fiction_nouns``: book, novel,
        series, episode, film, play, storyline ...) with a determiner (:func:`_work_before_name`), or the work places
        the name after it ("Mr Rochester in the novel", "Esther from the book"); not a group that meets about works
        ("Mrs Obi from the book club", ``fiction_not_after``)."""
        ctx = self.context
        if not ctx.get("fiction_nouns"):
            return False
        a, b = _frame_bounds(self.text, start, end)
        return _work_before_name(self.text[a:start], ctx) or _work_after_name(self.text, end, b, ctx)

    def role_title(self, start: int) -> bool:
        """(pv33) The name opens a title-case run that ends in a job's head noun (``official_heads``): a post's title, not a
        person ("a named Designated Safeguarding Lead", "the Freedom to Speak Up Guardian"). No listed first name in
        the run up to its job's word ("Lead Nurse Sarah Jones" ends in a name, not a job), and the job's word is none
        either ("MORRIS Dean")."""
        m = _TITLE_RUN.match(self.text, start)
        if m is None:
            return False
        words = m.group().split()
        names = self.names
        # (the run may go on past the post into the organisation's name: "Performance Manager Heartwood Trust")
        last = next((j for j in range(len(words) - 1, 0, -1) if words[j].casefold() in names.official_heads
                     and words[j] not in names.first_names and words[j] not in names.ambiguous), None)
        peer = self.context.get("peer_role_words", frozenset())
        return last is not None and not any(w in names.first_names and w not in names.ambiguous or w.casefold() in peer
                                            for w in words[:last + 1])

    def linked_place_name(self, value: str, end: int) -> bool:
        """(pv35) A name whose last word is followed by a lower-case Gaelic, Irish or Welsh article or link
        (``place_name_links``) and a capitalised word: "Cnoc an t-Sìthein", "Baile na Cille", "Pen y Fan" name a place
        or a building. Not after a listed first name ("Seonag an ...") or a surname particle ("Nic an t-Saoir",
        ``surname_particles_before_links``)."""
        m = _LINKED_NAME_AFTER.match(self.text, end)
        ctx = self.context
        if m is None or m.group(1) not in ctx.get("place_name_links", ()):
            return False
        words = value.split()
        n = self.names
        return not any(w in n.first_names or w in n.ambiguous for w in words) \
            and words[-1].casefold() not in ctx.get("surname_particles_before_links", ())

    def place_name_shape(self, value: str) -> bool:
        """(p21) A name of two or more words made like a place's (or one word by its ending): a first word that opens place names ("Upper",
        "Cwm", ``place_name_starts``; not after a title), a word only places use ("Uchaf", "Isaf", ``place_name_words``)
        or a word that starts as place names do ("Llanfair", ``place_name_prefixes``)."""
        words = value.split()
        ctx = self.context
        if len(words) == 1:
            # (pv2 s35) one word that ends as only place names do ("Cookstown", "Middlesbrough", "Dorchester",
            # ``place_name_endings``), longer than its ending and no listed first name
            word = words[0].casefold()
            return words[0] not in self.names.first_names and any(
                word.endswith(e) and len(word) > len(e) + 2 for e in ctx.get("place_name_endings", ()))
        if words[0].rstrip(".") in self.names.titles:
            return False
        if words[0].casefold() in ctx.get("place_name_starts", ()):
            return True
        prefixes = ctx.get("place_name_prefixes", ())
        return any(w.casefold() in ctx.get("place_name_words", ()) or any(
            w.casefold().startswith(p) and len(w) > len(p) + 2 for p in prefixes) for w in words)

    def organisation_shape(self, start: int, end: int) -> bool:
        """Words a person's name is part of or set off as, that make it an organisation's:

        * the capitalised run after it (over "'s", "&", "and") ends in an organisation's head word, one of the rule's
          ``place_words`` ("Ruth's Table CIC", "Barnes & Hale Housing"; not "Sarah's Housing Officer");
        * an apposition after it whose head is a word for an organisation or a group (``organisation_nouns``,
          ``group_nouns``): "Kol Chesed, an Orthodox Jewish community charity,", "Will Power, our peer programme,";
        * a name of two or more words, or joined by "and" to another capitalised word, as the subject of what only an
          organisation does (``organisation_verbs``) in a sentence with no "he", "she", "his" or "her": "Johnson
          Matthey sponsored the kit", "Marks and Spencer donated sandwiches"."""
        run = _ORG_RUN_AFTER.match(self.text, end)
        if run and run.group(1) in self.names.place_words:
            return True
        ctx = self.context
        heads = ctx.get("organisation_nouns", frozenset()) | frozenset(self.names.group_nouns)
        appos = _APPOSITION_AFTER.match(self.text, end)
        if appos and heads:
            # the phrase's head: its last word before a preposition ("a client of the charity" is a client)
            words = re.split(r"[ \t\u00a0]+(?:of|at|in|on|for|from|with|by|to|near|round|around)[ \t\u00a0]+",
                             appos.group(1), maxsplit=1)[0].split()
            if words and words[-1].lower() in heads:
                return True
        verbs = ctx.get("organisation_verbs", frozenset())
        head = self._name_head(start, end)
        if not verbs or head is None:
            return False
        t = head
        if t.dep_ == "conj" and t.head.pos_ == "PROPN":
            t = t.head  # "Marks and Spencer donated": the first conjunct is the subject
        several = " " in self.text[start:end].strip() or any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)
        if not several or t.dep_ not in _SUBJECT_DEPS or t.head.lemma_.lower() not in verbs:
            return False
        pronouns = ctx.get("pronouns", frozenset())
        return not any(w.lower_ in pronouns for w in t.sent)

    def title_of_work(self, start: int, end: int) -> bool:
        """The name is part of the title of a thing, not a person, read from its frame (issue 15's title
        false alarms):

        * inside quotation marks that hold a title: a noun for a work or "called"/"titled" just before the
          quote ("The art group's mural, 'Margaret at the Window'", "finished the concert with 'Eleanor
          Rigby'"), or a title's capitals inside it ("'Ruth by the Sea'": a small word then a capital);
        * a capitalised verb's -ing form right before it, not opening a sentence ("Educating Rita",
          "Finding Nemo"), or a capitalised word of grammar right after it with a capital after that
          ("Eleanor Oliphant Is Completely Fine");
        * a capitalised noun and "of" after "the" before it ("The Marquis of Granby", "the Duke of York");
        * a noun for a boat, a storm or another named thing right before it (``thing_names_before``: "the
          RNLI lifeboat Grace Darling", "Storm Babet").
        A person quoted in full ("she said 'Mary helped me'") has no work noun before the quote and no
        title's capitals inside it."""
        n, text = self.names, self.text
        for q in _QUOTED.finditer(text, max(0, start - 60), min(len(text), end + 60)):
            if not (q.start(2) <= start and end <= q.end(2)):
                continue
            inner = q.group(2)
            if len(inner.split()) > 8 or re.search(r"[.!?]\s", inner):
                continue  # a sentence said, not a title
            lead = re.findall(r"[A-Za-z][A-Za-z'’\-]*", re.split(r"[.;:!?\n]", text[max(0, q.start() - 50):q.start()])[-1])
            nouns = n.not_person_nouns | n.not_person_context | self.context.get("artwork_nouns", frozenset())
            if any(w.casefold() in nouns for w in lead[-4:]) or (lead and lead[-1].casefold() in ("called", "titled", "entitled")
                                                                 and not self.called_person(q.start() + 1)):
                return True  # (s31: not a person's name in quotes, 'he is called "Yare"')
            if _TITLE_CAPITALS.search(inner):
                return True
        before = text[max(0, start - 40):start]
        ing = _TITLE_VERB_BEFORE.search(before)
        if ing and before[:ing.start()].strip() and not re.search(r"[.!?:;\n][ \t\u00a0\"“'‘]*\Z", before[:ing.start()]):
            return True
        first = _TITLE_VERB_FIRST.match(text, start, end)
        if first and not ing and before.strip() and not re.search(r"[.!?:;\n][ \t\u00a0\"“'‘]*\Z", before):
            return True  # the -ing word found as the name's first word ("then Finding Nemo the week after")
        title_words = self.names.pattern("title_link_words", _TITLE_WORD_AFTER, capitalised=True)
        if any(m.start() <= end for m in title_words.finditer(text, start, min(len(text), end + 40))):
            return True  # (inside the name found too, without the parse: "Eleanor Oliphant Is")
        if _OF_TITLE_BEFORE.search(before):
            return True
        things = self.context.get("thing_names_before", ())
        m = _NOUN_BEFORE_NAME_RUN.search(before)
        if m and m.group(1).lower() in things:
            return True  # (p21: over the name's own first words too: "The lifeboat Margaret Joan", "Joan" found alone)
        m = re.search(r"\b(?:the|a|an)[ \t\u00a0]+([a-z]+)[ \t\u00a0]+(?:[A-Z][\w'’\-]*[ \t\u00a0]+){0,2}\Z", before)
        if m and m.group(1) in self.context.get("artwork_nouns", ()) and not self.subject_after(end):
            return True  # (p21) a work named after its noun: "the song Eleanor Rigby", "the film Frozen" (not "the play Sarah wrote")
        m = re.search(r"\b([A-Za-z]+),?[ \t\u00a0]+\Z", before)
        if m and m.group(1).lower() in self.context.get("figure_nouns", ()):
            return True  # (p21) a made figure named after its noun, a comma too: "Our mascot, Mrs Tiggy-Winkle, visits ..."
        # (p18) the same nouns after "the" and the name: "the crew of the Mary Stanford lifeboat", "the Mary Ellen
        # fishing boat"; or the name a thing "has been nicknamed": "Our new minibus has been nicknamed Big Bertha"
        after = _THING_AFTER.match(text, end)
        if after and re.search(r"\b[Tt]he[ \t\u00a0]+\Z", before) and (
                after.group(1).lower() in things or after.group(2) and after.group(2).lower() in things):
            return True
        named = self.names.pattern("naming_participles", _THING_NAMED).search(before)
        if named and named.group(1).lower() in things:
            return True
        words = text[start:end].split()
        return len(words) > 1 and words[0].lower() in things  # "Storm Babet" found whole

    def listed_with_places(self, end: int) -> bool:
        """A capitalised word in a list that ends in a plural noun for places ("Stonecliff, Oulsby and the
        villages along the valley", "Upper Wyke, Lowmoor East and the three wards north of the river"):
        places, not people (``area_nouns``)."""
        m = _LIST_TAIL.match(self.text, end)
        return bool(m and any(w in self.context.get("area_nouns", ()) for w in m.group(1).lower().split()))

    def listed_after_places(self, start: int) -> bool:
        """(p21) A capitalised word in a list after a plural noun for places and "of" ("the villages of Fenby, Thornley
        and Upper Aske", "the wards of Harnby and Lowmoor"): places, not people (``area_nouns``)."""
        m = _AREA_OF_BEFORE.search(self.text, max(0, start - 160), start)
        return bool(m and m.group(1).lower() in self.context.get("area_nouns", ()))

    def _name_head(self, start: int, end: int):
        """The parse token heading the name between ``start`` and ``end`` (its last word, up over
        compounds), or None without the parse."""
        last = self._tok_at(end - 1)
        t = last.token if last is not None else None
        if t is None:
            return None
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.idx < end:
            t = t.head
        return t

    def _in_place_list(self, t) -> bool:
        """``t`` is one of two or more joined words (conj, appos) the first of which is the object of a preposition of
        place (person_context's ``place_prepositions``; not "between": "sat between Kayden and Ezekiel"), none of
        them a listed first name or titled: "in Bolton, Wigan and Bury", "in Paisley, Greenock and on the Isle of Bute"."""
        root = t
        while root.dep_ in ("conj", "appos") and root.head is not root:
            root = root.head
        if root.dep_ != "pobj" or root.head.lower_ not in self.context.get("place_prepositions", ()):
            return False
        members = [w for w in root.subtree if w.i == root.i or w.dep_ in ("conj", "appos") and w.head.i in
                   {x.i for x in root.subtree}]
        names = [w for w in members if w.pos_ == "PROPN"]
        if len(names) < 2 or any(c.dep_ == "case" for w in members for c in w.children):
            return False  # (one owns what follows: "in Tinshill, Kayden and Ezekiel's estate")
        n = self.names
        return not any(w.text in n.first_names or w.text in n.ambiguous or w.text in n.titles
                       or any(c.text in n.titles for c in w.children) for w in names)

    def not_private_person(self, start: int, end: int) -> bool:
        """The sentence uses the name as something other than a private person we support (issue 15):

        * a name everyone knows (``public_figures``: "a clip of David Attenborough", "Like Sherlock Holmes,
          ..."); the frames of public use (a quote, an interview, a talk, a speech at an event, a comparison)
          excuse no other name, since a person we support is quoted, interviewed, speaks at our own launch
          and is compared with (review s10 item 3);
        * a measure of a product: "a pair of Dr Martens", "a bottle of Dr Pepper" (``measure_nouns``);
        * a work or its characters in a sentence about a reading, film or drama group that names a work
          ("The book club chose Jane Eyre", "The reading group finished Great Expectations and argued about
          whether Pip deserved his luck"): not the group member who reads it (the subject of the verb) nor a
          listed first name with a surname outside the work ("... and Daniel Okoro led the discussion");
        * a place: joined in a list to a place ("St Helens, Mary Tavy and ...").
        * the name of a record system, one word and no listed first name, before the word for its number
          ("Her Carefirst number is ...", not "Daniel Okoro ID 4471902").
        A name with an age or "who" after it is a person whatever the frame ("a quote from Jade Smith, 19, ...")."""
        words = self.text[start:end].split()
        if _ID_LABEL_AFTER.match(self.text, end) and len(words) == 1 and (
                words[0] not in self.names.first_names or words[0] in self.names.ambiguous):
            return True  # the label of a record system's number: "Her Carefirst number is ..." (not "Daniel Okoro ID")
        t = self._name_head(start, end)
        ctx = self.context
        if self.known_public(start, end):
            # a name everyone knows (``public_figures``); no frame excuses any other name: a person we support
            # is quoted, interviewed, speaks at our launch and is compared with (review s10 item 3)
            first = self._tok_at(start)
            return first is None or not self.age_or_who_after(self._tok_at(end - 1) or first)
        if t is None or not ctx:
            return False
        if _FROM_TITLE_AFTER.match(self.text, end) and not self.age_or_who_after(self._tok_at(end - 1) or self._tok_at(start)):
            return True  # (p21) a character from a work: "Esther Greenwood from The Bell Jar" (a capital "The" mid-sentence)
        if not any(w in self.names.first_names for w in words) and self.joined_to_public(t):
            return True  # (p21) "clips of Eeyore and Tigger": joined to a name everyone knows, a character or a figure too
            # (not a listed first name: "The book club chose Jane Eyre and Daniel Okoro led the discussion")
        members = [t.head] if t.dep_ == "conj" else []
        members += [c for c in t.children if c.dep_ == "conj"]
        listed = any(w in self.names.first_names for w in words)
        if any(any(c.dep_ == "compound" and c.text in SAINTS for c in m.children) or not listed and
               m.ent_type_ in _PLACE_LABELS and m.text not in self.names.first_names for m in members):
            return True  # in a list of places: "St Helens, Mary Tavy and Ashby de la Zouch"
        if not listed and self._in_place_list(t):
            return True  # "Referrals rose in Bolton, Wigan and Bury"
        first = self._tok_at(start)
        if first is not None and self.age_or_who_after(self._tok_at(end - 1) or first):
            return False
        prep = t.head if t.dep_ == "pobj" else None
        if prep is not None and prep.head is not prep:
            owner = prep.head.lemma_.lower()
            if prep.lower_ == "of" and owner in ctx.get("measure_nouns", ()):
                return True
            titled_one = len(words) == 2 and words[0].rstrip(".") in self.names.titles
            if not listed and (len(words) == 1 or titled_one) and prep.lower_ in ctx.get("simile_words", ()) \
                    and owner in ctx.get("simile_verbs", ()):
                return True  # (p21) "the wellbeing café felt like Hogwarts": a place or a story's, compared with
        office = _OFFICE_FOR.search(self.text, max(0, start - 120), start)
        if not listed and office and not any(w in self.names.titles for w in office.group(2).split()) and any(
                w.casefold().strip(".") in self.names.public_roles for w in office.group(1).split()):
            return True  # (p21) the place an office is for: "the hon. Member for Brackenford and Moorvale", "the MP for ..."
        if not listed and self.saying(t):
            return True  # (p21) "As Dumbledore says, help will always be given ...": a saying's author or character
        sent = t.sent
        # the sentence, and the clauses before it in the same written sentence ("Our reading group finished
        # Of Mice and Men; people talked a lot about George and Lennie": the parse splits at the semicolon)
        stop = re.search(r"[.!?\n][^.!?\n]*\Z", self.text[:sent.start_char])
        lo = stop.start() + 1 if stop else 0
        low = self.text[lo:sent.end_char].casefold()
        if any(g in low for g in ctx.get("work_groups", ())):
            for v in t.doc:
                if v.idx < lo or v.i >= sent.end:
                    continue
                if v.lemma_.lower() not in ctx.get("title_verbs", ()) or v.i + 1 >= v.sent.end:
                    continue
                nxt = v.doc[v.i + 1]
                if not nxt.text[:1].isupper():
                    continue  # a verb with a work after it: "finished Great Expectations", "chose Jane Eyre"
                if any(c.i == t.i or t.i in {x.i for x in c.subtree} for c in v.children if c.dep_ in _SUBJECT_DEPS):
                    return False  # the reader: "At book club Sarah read Jane Eyre"
                if first is not None and first.token is not None and first.token.i == v.i + 1:
                    return True  # right after the verb: the title ("is reading Eleanor Oliphant Is Completely Fine")
                if t.dep_ not in _SUBJECT_DEPS and any(t.i in {x.i for x in c.subtree} for c in v.children
                                                       if c.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp")):
                    # the work chosen: "chose Jane Eyre"; a listed name joined to it may be the next clause's
                    # subject the parse attached there ("chose Jane Eyre and Daniel Okoro led the discussion")
                    return t.dep_ != "conj" or not listed
                # a character talked about, not a listed first name nor a person by the sentence ("argued about
                # whether Vronsky was to blame"); "Daniel Okoro led the discussion" is a member
                # a character talked about ("argued about whether Pip deserved his luck"): one word; a listed
                # first name with a surname is a member ("... and Daniel Okoro led the discussion")
                surname = len(words) > 1 and not ({"and", "&"} & set(words))  # ("George and Lennie": two characters)
                return not surname or not listed and first is not None and not self.personal_context(first)
        return False

    def subject_after(self, end: int) -> bool:
        """(p21) The name ending at ``end`` is the subject of a verb (by the parse): "the play Sarah wrote"."""
        last = self._tok_at(end - 1)
        return bool(last is not None and last.token is not None and last.token.dep_ in _SUBJECT_DEPS)

    def joined_to_public(self, t) -> bool:
        """(p21) The name is joined by "and" to a name everyone knows (``public_figures``): "Eeyore and Tigger"."""
        joined = [t.head] if t.dep_ == "conj" else []
        joined += [c for c in t.children if c.dep_ == "conj"]
        for other in joined:
            lo = other.left_edge.i if other.dep_ != "conj" or other.i != t.head.i else other.i
            words = [w for w in t.doc[min(lo, other.i):other.i + 1] if w.pos_ == "PROPN"]
            if words and self.known_public(words[0].idx, other.idx + len(other.text)):
                return True
        return False

    def saying(self, t) -> bool:
        """(p21) The name is the subject of a clause opened by "as" that gives a saying, as a saying is given: the present
        tense ("As Dumbledore says, ..."), "put it" ("As Eeyore put it"), or "would"/"might" ("as Gran would say")
        (``saying_verbs``); not the past of a report ("As Tendai said, the group ...": what someone we support said)."""
        if t.dep_ not in _SUBJECT_DEPS:
            return False
        verb = t.head
        if verb.lemma_.lower() not in self.context.get("saying_verbs", ()) or not any(
                c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return False
        return verb.tag_ == "VBZ" or any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) or any(
            c.dep_ == "aux" and c.lower_ in ("would", "might") for c in verb.children)

    def known_public(self, start: int, end: int) -> bool:
        """The name (with its title) is one everyone knows: ``public_figures``."""
        known = self.context.get("public_figures", ())
        if not known:
            return False
        value = " ".join(self.text[start:end].split()).casefold()
        lead = re.search(r"(?<![\w.])([A-Z][a-z]+)\.?[ \t\u00a0]+\Z", self.text[max(0, start - 12):start])
        return value in known or bool(lead and f"{lead.group(1).casefold()} {value}" in known)

    def placed(self, start: int, end: int) -> bool:
        """After a word that places things ("in", "near", "across": ``place_prepositions``), over any
        capitalised words before it, a name is a place's ("groups in Shelley", "a site in Kirkby
        Stephen"); or it is joined to a place ("Harold Wood and Gidea Park"). Not a possessive
        ("in Sarah's flat", "in Sarah Jones' name"). A listed first name and a surname after the word
        are a person's ("near Sarah Jones and her children") unless the model tags them a place."""
        if self.text[end:end + 2] in ("'s", "’s") or (self.text[end - 1:end] == "s" and self.text[end:end + 1] in ("'", "’")):
            return False
        preps = self.context.get("place_prepositions", ())
        m = _PLACED.search(self.text, max(0, start - 60), start)
        tok = self._tok_at(start)
        if preps and m and " ".join(m.group(1).casefold().split()) in preps:
            words = self.text[start:end].split()
            if not (len(words) > 1 and words[0] in self.names.first_names and words[0] not in self.names.ambiguous):
                return True
            return bool(tok is not None and tok.token is not None and tok.token.ent_type_ in _PLACE_LABELS)
        if tok is None or tok.token is None:
            # without the parse: "Harold Wood and Gidea Park", a place word of its own joined to a place
            m = _AND_PLACE.match(self.text, end)
            last = self.text[start:end].split()[-1]
            return bool(m and m.group(1) in self.names.place_words and last in self.names.surname_words)
        t = tok.token
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.i <= self._tok_at(end - 1).token.i:
            t = t.head
        root = t
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if root.dep_ == "dobj" and root.head.lemma_.lower() in self.context.get("area_verbs", ()) and not any(
                w in self.names.first_names for w in self.text[start:end].split()):
            return True  # (p21) what a worker or a service covers: "The IPS employment specialist covers Aberllyn and Bryncoed"
        if t.dep_ not in ("conj", "nsubj", "pobj", "dobj", "nsubjpass"):
            return False
        joined = [c for c in t.children if c.dep_ == "conj"] + ([t.head] if t.dep_ == "conj" else [])
        # (the model tags unknown names as places too: "Kemi and Blessing" are both GPE; a listed first
        # name is never the place)
        return any((c.ent_type_ in _PLACE_LABELS or c.text in self.names.place_words)
                   and c.text not in self.names.first_names and c.text not in self.names.ambiguous
                   and not start <= c.idx < end for c in joined)  # (not a word of the name: "Mr and Mrs Hill")

    def _links_only(self, gap: str) -> bool:
        """The gap between a name and a cue holds only spaces, quotes, brackets, commas
        and at most three link words ("is a", "here, a"): no sentence end, no other word."""
        if re.search(r"[.!?;\n]", gap):
            return False
        rest = re.sub(r"[A-Za-z]+", " ", gap)
        if rest.strip(" \t\u00a0'\"‘’“”()[],:–—-"):
            return False
        linked = re.findall(r"[A-Za-z]+", gap)
        return len(linked) <= 3 and all(w.casefold() in self.names.pseudonym_links for w in linked)

    def declared_pseudonym(self, start: int, end: int) -> bool:
        """The name the sentence declares a pseudonym, and only that one: the cue right
        after it ("Jo (not her real name)", "'Jo' is a pseudonym", "Rose here, a pseudonym")
        or, when the cue is not already attached to a name before it, right before it
        ("a made-up name, Jo"). Other names in the sentence are still people's names."""
        cues = self.names.pseudonym_re
        if cues is None:
            return False
        after = self.text[end:end + 60]
        m = cues.search(after)
        if m and self._links_only(after[:m.start()]):
            return True
        if self.footnoted_pseudonym(end) or self.declared_before(start) or self.quoted_in_declaration(start, end):
            return True
        before = self.text[max(0, start - 60):start]
        found = list(cues.finditer(before))
        last = found[-1] if found else None
        if last is None or ")" in before[last.end():] or not self._links_only(before[last.end():]):
            return False
        # a cue that follows a name belongs to that name ("Jo (a pseudonym), Sam Patel")
        ahead = before[:last.start()]
        word = re.search(r"([A-Za-z][\w'’.\-]*)([^A-Za-z]*(?:[A-Za-z]+[^A-Za-z]+){0,3})\Z", ahead)
        return not (word and word.group(1)[:1].isupper() and self._links_only(word.group(2)))

    def quoted_in_declaration(self, start: int, end: int) -> bool:
        """(p24) A name in quotation marks in a sentence that declares its names not real, wherever the cue stands in
        it: "The case studies below use the names 'Tom', 'Bea' and 'Kofi', chosen by the people themselves; none are
        their real names", "In this case study we call the young man 'Alex'; names and details have been changed".
        A name without quotation marks in the sentence is still a person's."""
        if self.text[start - 1:start] not in _QUOTE_MARKS or not start or self.text[end:end + 1] not in _QUOTE_MARKS \
                or not self.text[end:end + 1]:
            return False
        bounds = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", self.text[:start])]
        begin = bounds[-1] if bounds else 0
        stop = re.search(r"[.!?](?=\s|\Z)|\n", self.text[end:])
        sentence = self.text[begin:end + stop.start() if stop else len(self.text)]
        cues = self.names.pseudonym_re
        if cues is not None and cues.search(sentence):
            return True
        lowered = {w.strip(".,;:'\"‘’“”()").lower() for w in sentence.split()}
        ctx = self.context
        return bool(lowered & ctx.get("declaration_nouns", frozenset()) and lowered & ctx.get("declaration_verbs", frozenset()))

    def cited_by_work(self, start: int, end: int) -> bool:
        """(p22) A full name that is the author of a work named before it: "the work of Judith Herman", "a study by
        Bessel van der Kolk and ..." (a noun of ``work_nouns`` or ``cited_work_nouns``, then "of" or "by", then the
        names of the authors before it). A first name alone is a person's own work: "the work of Aisha", "a letter
        by Darren"."""
        m = _WORK_OF_BEFORE.search(self.text, max(0, start - 120), start)
        if m is None or (" " not in self.text[start:end].strip() and not m.group(2).strip()):
            return False
        ctx = self.context
        particles = ctx.get("name_prefixes", frozenset()) | ctx.get("name_particles", frozenset())
        if any(w[:1].islower() and w.lower() not in particles and w.lower() != "and" for w in m.group(2).split()):
            return False
        noun = m.group(1).lower()
        return noun in self.names.work_nouns or noun in ctx.get("cited_work_nouns", frozenset())

    def home_of_people(self, start: int, end: int) -> bool:
        """(s31) A one-word name that a plural of people comes from or lives in is a place: "Young people from Shirley
        use the drop-in", "families in Beverley" (the name the object of "from" or "in" after a plural of one of
        ``person_nouns``: people are not from a person). Not with its possessive ("students from Shirley's class").
        (pv35) Or what a plural of people travels or moves from, the name or a word joined to it by "and" the
        object of "from" after one of ``origin_verbs`` whose subject is that plural: "Clients travel in from
        Penrhyndeudraeth and Llanrhaeadr-ym-Mochnant" (a person is not travelled from)."""
        value = self.text[start:end]
        if " " in value or self.text[end:end + 1] in ("'", "’"):
            return False
        last = self._tok_at(end - 1)
        if last is None or last.token is None:
            return False
        t = last.token
        person_nouns = self.context.get("person_nouns", ())

        def people(w) -> bool:
            return w.tag_ == "NNS" and (w.lemma_.lower() in person_nouns or w.lower_ in person_nouns)

        prep = t.head
        if t.dep_ == "pobj" and prep.lower_ in ("from", "in") and prep.head is not prep and people(prep.head):
            return True
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        prep = t.head
        if t.dep_ != "pobj" or prep.lower_ != "from" or prep.head is prep:
            return False
        verb = prep.head
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.context.get("origin_verbs", ()) and any(
            c.dep_ == "nsubj" and people(c) for c in verb.children)

    def thing_named(self, start: int, end: int) -> bool:
        """(s31) A name given to a thing by a verb of naming whose other part is that thing (``named_thing_nouns``, or
        ``not_person_nouns``): "Our outreach van is called Bessie" (the thing its subject), "We named the new van
        Florence" (the thing its object). A person's naming stays a name: "Her daughter is called Florence"."""
        last = self._tok_at(end - 1)
        if last is None or last.token is None:
            return False
        t = last.token
        while t.dep_ in ("compound", "flat") and t.head is not t:
            t = t.head
        things = self.context.get("named_thing_nouns", frozenset()) | self.names.not_person_nouns
        if any(c.dep_ == "appos" and c.lower_ in self.context.get("named_thing_nouns", ()) and c.idx > t.idx
               and any(d.dep_ in ("det", "poss") for d in c.children) for c in t.children):
            return True  # "Big Bertha, the outreach bus, parks ..." (not "Jason (room 11)": no determiner)
        forms = self.context.get("naming_participles", frozenset())
        # the words before the name, with a lower-case word the span opens with ("named the van Florence", where the
        # parse reads "van" as a particle of the name)
        lead = re.match(r"(?:[a-z]+[ \t\u00a0]+)*", self.text[start:end]).group()
        before = _NAMING_THING_BEFORE.search(self.text[max(0, start - 60):start] + lead)
        if before and before.group(1) in forms and before.group(2) in things:
            return True
        verb = t.head
        lemma = verb.lemma_.lower()
        if t.dep_ not in ("oprd", "attr", "xcomp", "dobj", "npadvmod", "ccomp") or not (
                verb.lower_ in forms or lemma + "d" in forms or lemma + "ed" in forms):
            return False
        return any(c.i != t.i and c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in things
                   for c in verb.children)

    def thinker(self, start: int, end: int) -> bool:
        """(s31) A full name (two words or more) given as the author of an idea or as a figure of history, named in
        passing: with the years of a life in brackets after it ("Carl Rogers (1902-1987)"); after a verb of authoring
        and "by" that an idea's noun comes before in its clause; in a sentence set before 1920 ("In 1845 Dorothea Dix
        campaigned") ("the recovery principles set out by Patricia Deegan",
        "The term was coined by Rachel Perkins": ``author_participles``, ``idea_nouns``); owning an idea ("Abraham
        Maslow's hierarchy of needs": ``owned_idea_nouns``) or joined to their own ("Carl Rogers and his person-centred
        ideas"); or a thing
        named after them ("named after Elizabeth Fry"). A first name alone is a person's own ("a plan developed by
        Jo"), and an idea's noun is needed beside the verb ("the safety plan developed by Jo Bell" is hers)."""
        value = self.text[start:end]
        if len(value.split()) < 2:
            return False
        if _LIFE_YEARS.match(self.text, end) or _NAMED_AFTER_BEFORE.search(self.text, max(0, start - 30), start):
            return True
        bounds = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", self.text[:start])]
        stop = re.search(r"[.!?](?=\s|\Z)|\n", self.text[end:])
        if _PAST_YEAR.search(self.text, bounds[-1] if bounds else 0, end + stop.start() if stop else len(self.text)):
            return True  # "In 1845 Dorothea Dix campaigned for asylums": a year before anyone we support was born
        ctx = self.context
        ideas = ctx.get("idea_nouns", frozenset()) | ctx.get("cited_work_nouns", frozenset())
        if not ideas:
            return False
        by = _AUTHORED_BY_BEFORE.search(self.text, max(0, start - 100), start)
        if by and by.group(2).casefold() in ctx.get("author_participles", ()):
            clause = re.split(r"[.;:!?\n]", by.group(1))[-1]
            if any(w.casefold() in ideas for w in re.findall(r"[A-Za-z][A-Za-z\-]*", clause)[-6:]):
                return True
        owned = _OWN_IDEA_AFTER.match(self.text, end)  # (not a person's own poem, plan or approach: owned_idea_nouns)
        if owned is None:
            return False
        for w in re.finditer(r"[a-z][a-z\-]*", owned.group(1)):
            if w.group().casefold() not in ctx.get("owned_idea_nouns", ()):
                continue
            tok = self._tok_at(owned.start(1) + w.end() - 1)
            nxt = tok.token.nbor() if tok is not None and tok.token is not None and tok.token.i + 1 < len(tok.token.doc) else None
            # an idea for a thing is a plan ("his ideas for the garden"); "hierarchy of needs" is the idea's own
            return not (nxt is not None and nxt.dep_ == "prep" and nxt.head == tok.token and nxt.lower_ != "of")
        return False

    def titled_work_before(self, start: int, end: int) -> bool:
        """(p24) A full name after a work's title in Title Case and "by": "Lost Connections by Johann Hari", "The Body
        Keeps the Score by Bessel van der Kolk". The title has two or more capitalised words, its first and last among
        them, and its lower-case words are short joining words ("the", "of"); "Mr Ahmed was seen by Sam Patel" ends in
        a lower-case word, so it is no title."""
        lead = re.search(r"(?:[A-Z][\w'’\-]*[ \t\u00a0]+){0,3}\Z", self.text[max(0, start - 60):start])
        start -= len(lead.group()) if lead else 0  # the first names before a surname found alone ("Amara Lewis")
        if " " not in self.text[start:end].strip():
            return False
        m = _TITLE_BY_BEFORE.search(self.text, max(0, start - 100), start)
        if m is None:
            return False
        words = m.group(1).split()
        if not words[-1][:1].isupper() or words[0] in self.names.titles:
            return False
        capitals = [w for w in words if w[:1].isupper()]
        return len(capitals) >= 2 and all(w[:1].isupper() or len(w) <= 4 for w in words)

    def footnoted_pseudonym(self, end: int) -> bool:
        """(p22) A name marked for a footnote ("Ayesha*", "Ayesha†") whose note, the same mark later in the
        text, declares it a pseudonym ("*Name changed to protect her privacy")."""
        mark = self.text[end:end + 1]
        if not mark or mark.isalnum() or mark.isspace() or unicodedata.category(mark) != "Po" and mark != "†":
            return False
        cues = self.names.pseudonym_re
        k = self.text.find(mark, end + 1)
        while k != -1 and cues is not None:
            m = cues.search(self.text, k + 1, k + 61)
            if m is not None and self._links_only(self.text[k + 1:m.start()]):
                return True
            k = self.text.find(mark, k + 1)
        return False

    def declared_before(self, start: int) -> bool:
        """(p22) A sentence before the name's that declares the text's people made up or their names changed,
        and names no one itself ("This case study is a composite; names have been changed. 'Marcus' was
        referred ..."): its only capital is its first letter, so the cue is about the text, not a name."""
        ends = self.__dict__.get("_declaring_ends")
        if ends is None:
            ends = self.__dict__["_declaring_ends"] = self._declaring_sentence_ends()
        return any(e <= start for e in ends)

    def _declaring_sentence_ends(self) -> list[int]:
        """The ends of the text's sentences that declare its names changed or made up and name no one (read
        once per text: :meth:`declared_before`)."""
        cues = self.names.pseudonym_re
        if cues is None:
            return []
        out = []
        ctx = self.context
        for sentence in _SENTENCE_RANGE.finditer(self.text):
            words = sentence.group().split()
            if not words or any(w[:1].isupper() for w in words[1:]):
                continue
            lowered = {w.strip(".,;:'\"‘’“”()").lower() for w in words}
            if lowered & ctx.get("pronouns", frozenset()):
                continue  # one person's name ("Her name changed when she married"), not the text's names
            if not cues.search(sentence.group()) and not (lowered & ctx.get("declaration_nouns", frozenset())
                                                         and lowered & ctx.get("declaration_verbs", frozenset())):
                continue  # a cue, or a noun for names and a verb for changing them: "Names and some details ... changed"
            first = self._tok_at(sentence.start() + len(sentence.group()) - len(sentence.group().lstrip()))
            if first is not None and first.text[:1].isalpha() and first.pos not in ("PROPN", "") \
                    and first.text.lower() not in self.names.ambiguous_lower():
                out.append(sentence.end())  # ("Jo (not her real name) rang" is the cue of Jo's, not the text's)
        return out

    def in_place_entity(self, tok: _Tok) -> bool:
        """Inside a non-person entity that names a place or organisation."""
        if tok.ent_index < 0:
            return False
        label, idx = self.ents[tok.ent_index]
        if label in self.names.labels:
            return False
        return any(self.toks[j].text in self.names.place_words or self.toks[j].text in self.names.veto_words
                   for j in idx)

    def opens_noun_phrase(self, i: int) -> bool:
        """The word starts its sentence and a lower-case common noun follows it: the
        capital is the sentence's, not a name's (names are followed by a verb, a
        possessive or punctuation far more often than by a common noun)."""
        tok = self.toks[i].token
        if tok is None or not tok.is_sent_start or i + 1 >= len(self.toks):
            return False
        nxt = self.toks[i + 1]
        return nxt.pos == "NOUN" and nxt.text[:1].islower()

    def after_the(self, i: int) -> bool:
        """Straight after "the": "the Mount", "the Becklin" are not people,
        but "the Patel family" is."""
        if not (i > 0 and self.toks[i - 1].text.lower() == "the"):
            return False
        nxt = self.toks[i + 1].text.lower() if i + 1 < len(self.toks) else ""
        return nxt not in self.context.get("family_nouns", ())

    def named(self, tok: _Tok) -> bool:
        """Right after "my name is" or "named", or "goes by" said of a person."""
        if _NAMED.search(self.text[max(0, tok.start - 24):tok.start]) or _NAMED_AFTER.match(self.text, tok.end):
            return True
        if tok.ent != "NORP" and _NAMED_SELF.search(self.text[max(0, tok.start - 40):tok.start]):
            return True  # (s38) "calls herself Moth", "introduces himself as Gizmo" (not "calls himself Welsh")
        prefers = _PREFERS_CALLED.match(self.text, tok.end)
        if prefers and prefers.group(1) in self.context.get("name_preference_verbs", ()):
            return True  # "Tsegereda prefers to be called Tsega"
        known = _KNOWN_AS.search(self.text, max(0, tok.start - 60), tok.start)
        if known and known.group(1) is None and tok.token is not None and any(
                w.lower_ in ("he", "she") and w.dep_ in _SUBJECT_DEPS for w in _sentence(tok.token)):
            return True  # "Known on the street as 'Scouse Davy', he has been ..."
        if known and known.group(1) and known.group(1).lower() in self.context.get("person_nouns", frozenset()) | self.context.get("pronouns", frozenset()):
            return True  # "The young person, known to everyone as Tiny, ..." (not "The hub, known as The Bridge")
        if known and known.group(1) and self.text[known.end(1):known.end(1) + 1] == ",":
            # (pv36) a person's name set off before it: "Young Paddy Ward, known as Chip to everyone" (the word
            # before the comma a PERSON's, or a listed first name among the capitalised words that end there)
            run = self._name_run_before(known.end(1))
            if any(t.ent in self.names.labels or (t.text in self.names.first_names and t.text not in self.names.ambiguous)
                   for t in run):
                return True
        called = self.names.pattern("naming_participles", _NOUN_CALLED).search(self.text, max(0, tok.start - 40), tok.start)
        if called and called.group(1).lower() in self.context.get("person_nouns", frozenset()):
            return True  # "a young man called Ember", "her son, named Storm," (not "a café called Hope")
        if self.called_person(tok.start):
            return True  # (s31) 'He is called "Yare" by the other residents'
        m = _GOES_BY.search(self.text, max(0, tok.start - 16), tok.start)
        return bool(m) and self.person_subject(m.start())

    def _name_run_before(self, end: int, limit: int = 3) -> list:
        """(pv36) The capitalised words (at most ``limit``) ending at ``end``, joined by single spaces."""
        tok = self._tok_at(end - 1)
        run: list = []
        while tok is not None and len(run) < limit and tok.text[:1].isupper() and _is_name_word(tok.text):
            run.append(tok)
            if tok.start < 2 or self.text[tok.start - 1] != " ":
                break
            tok = self._tok_at(tok.start - 2)
        return run

    def called_person(self, offset: int) -> bool:
        """(s31) A person's pronoun, an auxiliary and a naming participle end right before ``offset`` (a quote between
        allowed): 'He is called "Yare"', "she's called Hooyo" (the name that follows is a person's)."""
        being = self.names.pattern("naming_participles", _BEING_CALLED).search(self.text, max(0, offset - 40), offset)
        return bool(being) and being.group(1).lower() in self.context.get("pronouns", frozenset()) and (
            being.group(2) is None or being.group(2) in self.context.get("passive_auxiliaries", frozenset()))

    def person_subject(self, offset: int) -> bool:
        """The verb at ``offset`` has a person as its subject: a personal pronoun other than
        "it" ("she goes by", "I go by"), "who", a person noun ("the young man goes by") or a
        name ("Jasmine goes by"). Without a parse: the word before is a person pronoun or noun."""
        ctx = self.context
        people = ctx.get("pronouns", frozenset()) | ctx.get("person_nouns", frozenset())
        verb = self._tok_at(offset)
        if verb is None or verb.token is None:
            before = re.search(r"([A-Za-z]+)[ \t\u00a0]+\Z", self.text[max(0, offset - 30):offset])
            return bool(before and before.group(1).lower() in people)
        v = verb.token
        while v.dep_ in ("xcomp", "conj") and v.head is not v:
            v = v.head  # "prefers to go by", "is 19 and goes by"
        for c in v.children:
            if c.dep_ not in _SUBJECT_DEPS:
                continue
            if c.lower_ in people or c.pos_ == "PROPN":
                return True
            if c.pos_ == "PRON" and ("Prs" in c.morph.get("PronType") and "Neut" not in c.morph.get("Gender")
                                     or c.tag_ == "WP"):
                return True  # "I go by", "they go by", "who goes by" (not "it", "which", "that")
        return False

    def personal_context(self, tok: _Tok) -> bool:
        """The sentence says this word is a person: "Nkechi felt calmer",
        "we supported Tendai", "Siobhan's mum", "Kemi said her sleep improved",
        "my name is Precious"."""
        if self.named(tok):
            return True
        t = tok.token
        if t is None or not self.context:
            return False
        ctx = self.context
        # a compound name ("Nkechi Obi said") or a second name in a list
        # ("Kemi and Blessing attended") takes the role of its head
        for _ in range(5):
            if t.dep_ in ("compound", "flat", "conj") and t.head is not t and t.head.pos_ == "PROPN":
                t = t.head
                if self.blocked_word(t.text):
                    return False  # "Barca-Leeds wanted", "Forward Leeds attended"
            else:
                break
        head = t.head.lemma_.lower()
        if t.dep_ in _SUBJECT_DEPS:
            if head in ctx["subject_verbs"] or head in ctx["subject_states"] and t.head.pos_ == "ADJ":
                return True  # "Nkechi felt calmer"; "found Rocky asleep in the bus shelter"
            if self.shared_clause_says_person(t):
                return True  # "Hope has been sober ...", "Tiny came in again today and said ..."
            if any(f"{head} {c.lower_}" in ctx["subject_particle_verbs"] for c in t.head.children if c.dep_ == "prt"):
                return True  # "Big Dec turned up at the allotment"
            if head in ctx["speech_verbs"] and (
                    # "Okafor said ..." (not an entity at all) or "Kemi said her ..."
                    # but not "Shelter said its ..." (tagged as an organisation)
                    not tok.ent or tok.ent in self.names.labels
                    or any(w.lower_ in ctx["pronouns"] for w in _sentence(t) if w.i != t.i)):
                return True
        if t.dep_ in ("dobj", "dative") and head in ctx["object_verbs"]:
            return True
        if t.dep_ == "dative" and tok.ent not in _ORG_LABELS:
            return True  # the one something is given to: "gave Tyrese a lift" (not "gave Shelter a grant")
        if (
            t.dep_ == "pobj" and t.head.lower_ == "with"
            and t.head.head.lemma_.lower() in ctx["with_verbs"]
        ):
            return True  # "met with Oluwadamilare"
        if t.dep_ == "poss" and head in ctx["possessed_nouns"]:
            return True
        if t.dep_ == "pobj" and head == "from" and t.head.head.lemma_.lower() in ctx["from_verbs"]:
            return True  # (p21) "Have you heard from Hope this week?"
        if _COLON_PRONOUN.match(self.text, tok.end):
            return True  # (p21) a note's heading on one person: "Update on Will: he has been offered the flat"
        if self.described_as_person(t) or (t.dep_ in _SUBJECT_DEPS and self.own_pronoun_in_clause(t)):
            return True
        if t.dep_ in ("dobj", "conj") and self.own_pronoun_after_object(t):
            return True  # "We drove Ezekiel to his tribunal", "Visited Cosmin and his mother"
        if self.referred_to_as_he_or_she(t):
            return True  # "Big Dec turned up ... and by spring he was running the seed swap"
        return self.age_or_who_after(tok) or ((self.adjective_subject(tok) or self.adjective_mid_sentence(tok))
                                              and self.owner_by_words(tok))

    def adjective_subject(self, tok: _Tok) -> bool:
        """(p20) A capitalised word the model tags as an adjective but reads as a clause's bare subject: a name it
        does not know that is also a describing word ("Sunny and her twins now come along ..."); the context
        must still say it is a person."""
        t = tok.token
        return bool(t is not None and tok.pos == "ADJ" and tok.text[:1].isupper() and t.dep_ in _SUBJECT_DEPS
                    and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in t.children))

    def appositive_person(self, tok: _Tok) -> bool:
        """(p21) The word heads a name set off as an apposition to a word for a person, or has one as its own: "Our
        longest-serving member, Saffron-Moon, asked ...", "J.T., a second-year engineering student, has agreed"
        (whatever entity the model gave it)."""
        t = tok.token
        if t is None:
            return False
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.i > t.i:
            t = t.head
        return self.described_as_person(t)

    def person_verb_subject(self, tok: _Tok) -> bool:
        """(p21) The subject of a verb only a person does (``subject_verbs``), its state (``subject_states``) or its
        speech: "Sunny has been sleeping in the bus shelter" (a name the model reads as an adjective)."""
        t = tok.token
        if t is None or t.dep_ not in _SUBJECT_DEPS or t.is_stop or any(c.dep_ == "prep" for c in t.children):
            return False  # ("Most of our clients live in ...", "Several of the veterans said ...": a quantity)
        head = t.head
        lemma = head.lemma_.lower()
        ctx = self.context
        return lemma in ctx["subject_verbs"] or lemma in ctx["speech_verbs"] or (
            head.pos_ == "ADJ" and lemma in ctx["subject_states"]) or self.shared_clause_says_person(t)

    def adjective_mid_sentence(self, tok: _Tok) -> bool:
        """(p21) A capitalised word inside a sentence that the model tags as an adjective and reads as no group or
        nationality: a name it does not know that is also a describing word ("Met with Sunny and her key worker")."""
        t = tok.token
        return bool(t is not None and tok.pos == "ADJ" and tok.text[:1].isupper() and not t.is_sent_start and not t.is_stop
                    and _not_after_capital(self.text, tok.start) and tok.ent not in ("NORP", "LANGUAGE")
                    and not any(c.dep_ in ("det", "poss") for c in t.children))

    def shared_clause_says_person(self, t) -> bool:
        """(p20) A bare subject whose clause says what only a person does or is, through the copula's complement or a
        verb joined by "and" that shares the subject: "Hope has now been sober for ninety days", "storm was really
        upset in group", "Tiny came in again today and said ...", "Sunny came ... and stayed until ...". Not with an
        article, an owner or a modifier ("The hope was ..."), nor an organisation's or a place's entity."""
        if tok_ent_blocks(t) or any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in t.children):
            return False
        ctx = self.context
        head = t.head
        states = [c for c in head.children if c.dep_ == "acomp"]
        joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)]
        if any(c.lemma_.lower() in ctx["subject_states"] for c in states):
            return True
        for verb in [head] + joined:
            lemma = verb.lemma_.lower()
            if verb is not head and (lemma in ctx["subject_verbs"] or lemma in ctx["speech_verbs"]):
                return True
            if any(f"{lemma} {c.lower_}" in ctx["subject_particle_verbs"] for c in verb.children if c.dep_ == "prt"):
                return True
        return False

    def referred_to_as_he_or_she(self, t) -> bool:
        """A proper noun as a bare subject that the sentence goes on to call "he" or "she" (as a
        subject or an owner: "... and by spring he was running the seed swap", "... when her
        benefits stopped"), with no other name or person noun in between that the pronoun could
        stand for. Organisations and places are "it" or "they"."""
        if t.dep_ not in _SUBJECT_DEPS or t.pos_ != "PROPN" and not self.quoted_word(t.i) or t.ent_type_ in _ORG_LABELS \
                or any(c.dep_ in ("det", "poss") for c in t.children):
            return False
        nouns = self.context.get("person_nouns", ())
        sent = t.sent
        for w in sent:
            if w.i <= t.i or w.head.i == t.i and w.dep_ in ("compound", "flat"):
                continue
            if w.pos_ == "PROPN" and w.dep_ not in ("compound", "flat") and w.ent_type_ not in NOT_A_NAME_LABELS \
                    and w.text not in MONTHS and w.text not in DAYS or w.lemma_.lower() in nouns:
                return False  # someone else the pronoun could be ("since January" is a date, not a person)
            if w.lower_ in ("he", "she") and w.dep_ in _SUBJECT_DEPS or w.lower_ in ("his", "her") and w.dep_ == "poss":
                return True
        return False

    def person_by_grammar(self, tok: _Tok) -> bool:
        """Grammar that only a person fits, strong enough for a name that is also an everyday word
        typed in lower case: the owner of a relative, a worker or a person's things ("grace's mum",
        "summer's CPN"), or the one asked or told something whose next clause has "he" or "she" as
        its subject ("asked grace if she wanted her sister there")."""
        t = tok.token
        ctx = self.context
        if t is None or not ctx:
            return False
        head = t.head.lemma_.lower()
        if t.dep_ == "poss" and (head in ctx["possessed_nouns"] or head in ctx["person_nouns"]):
            return True
        if t.dep_ == "pobj" and head == "to" and t.head.head.lemma_.lower() in ctx["with_verbs"]:
            return True  # (p21) the one spoken to: "spoke to jordan re: caring for mum" (not "with": "spoke with grace")
        if t.dep_ == "pobj" and head == "for" and tok.text[:1].isupper() and t.head.head.lemma_.lower() in ctx["for_verbs"]:
            return True  # (p22) the one asked for on the phone or at the door: "ring his nan's landline, ask for Pat"
        if t.dep_ == "dobj" and head in ctx["object_verbs"] and tok.text[:1].isupper() and any(
                c.i == t.i + 2 and c.dep_ == "xcomp" and t.doc[t.i + 1].lower_ == "to" for c in t.head.children):
            return True  # (p21) the one persuaded or helped to do something: "persuaded Storm to let the team in"
        if t.dep_ in ("dobj", "dative") and (head in ctx["speech_verbs"] or head in ctx["object_verbs"]):
            return any(c.i > t.i and c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                s.dep_ in _SUBJECT_DEPS and s.lower_ in ("he", "she") for s in c.children) for c in t.head.children)
        return self.says_of_self(t)

    def says_of_self(self, t) -> bool:
        """(pv35) The subject of a verb of saying whose clause has "he" or "she" as its subject, with no determiner or
        modifier of its own: one who said something of themselves ("blessing said she'd come thurs", "Suleiman from
        flat 12 told us he has not eaten"; not "the summer said it all")."""
        if t.dep_ != "nsubj" or t.head.lemma_.lower() not in self.context.get("speech_verbs", ()) or any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in t.children):
            return False
        return any(c.i > t.i and c.dep_ == "ccomp" and any(
            s.dep_ in _SUBJECT_DEPS and s.lower_ in ("he", "she") for s in c.children) for c in t.head.children)

    def visited(self, tok: _Tok) -> bool:
        """The object of a verb of visiting, finding or supporting a person (``visit_verbs``,
        ``object_verbs``): for a word the model reads as a person but tags as an adjective ("We visited
        Sunny at home twice")."""
        t = tok.token
        if t is None or t.dep_ not in ("dobj", "nsubj"):
            return False
        verb = t.head if t.dep_ == "dobj" else t.head.head  # "found Rocky asleep": Rocky is asleep's subject
        lemma = verb.lemma_.lower()
        return lemma in self.context.get("visit_verbs", ()) or t.dep_ == "dobj" and lemma in self.context.get("object_verbs", ())

    def kin_owner(self, i: int) -> bool:
        """A word on its own owning a relative: "Star's mum asked ...", for a word the lists block as a
        place or a tool's ("Outcomes Star"); not after another capitalised word or a determiner ("the
        Recovery Star's", "the Hub's")."""
        tok = self.toks[i]
        m = _KIN_AFTER.match(self.text, tok.end)
        if not (m and m.group(1).lower() in self.context.get("kin_nouns", ())):
            return False
        before = re.search(r"([\w'’\-]+)[ \t\u00a0]*\Z", self.text[max(0, tok.start - 30):tok.start])
        return not before or not (before.group(1)[:1].isupper() or before.group(1).lower() in ("the", "our", "their", "a", "an"))

    def bracketed_here(self, tok: _Tok) -> bool:
        return bool(_BRACKET_PRONOUN.match(self.text, tok.start)) and any(s == tok.start for s, _ in self.bracketed())

    def owner_by_words(self, tok: _Tok) -> bool:
        """A possessive right after the name and, in the next two words, a relative, a worker or a
        person's thing ("Precious' foster carer", "Hope's OT visited"): read from the words, for
        where the parse reads the name as an adjective. So too a name joined to "his/her" relative
        ("Summer and her twin") or given as one ("her twin, Autumn,", "his brother Will")."""
        owned = self.context.get("possessed_nouns", ())
        m = _OWNER_AFTER.match(self.text, tok.end)
        if m and any(w and w.lower() in owned for w in m.groups()):
            return True
        m = _AND_OWN.match(self.text, tok.end)
        if m and m.group(1).lower() in owned:
            return True
        own_before = _own_before(self.context.get("kin_owners", frozenset()),
                                 self.context.get("kin_qualifiers", frozenset()))
        m = own_before.search(self.text, max(0, tok.start - 40), tok.start) if own_before else None
        return bool(m and m.group(1).lower() in owned and m.group(1).lower() in self.context.get("kin_nouns", ()))

    def described_as_person(self, t) -> bool:
        """An apposition that says what person the word is: "Ioana, one of the women in the
        group, ...", "Aurelia, a mum of two, ...", "our tenant Radu"."""
        nouns = self.context.get("person_nouns", frozenset()) | self.context.get("apposition_person_nouns", frozenset())
        if not nouns:
            return False
        if t.dep_ == "appos" and t.head.lemma_.lower() in nouns and t.head.i < t.i:
            return True
        for c in t.children:
            if c.dep_ != "appos":
                continue
            if c.lemma_.lower() in nouns or c.lower_ in nouns:
                return True
            if c.lower_ in ("one", "some") and any(
                    p.lower_ == "of" and any(o.lemma_.lower() in nouns or o.lower_ in nouns for o in p.children)
                    for p in c.children):
                return True
        return False

    def own_pronoun_after_object(self, t) -> bool:
        """The object of a verb (or a word joined to it) followed in the same clause by "his" or
        "her" that can only be its own: "drove Ezekiel to his tribunal", "Cosmin and his mother".
        Not when a subject before it could own the pronoun ("she took Kemi to her GP")."""
        own = self.context.get("own_pronouns", ())
        if not own:
            return False
        verb = t.head
        while verb.dep_ == "conj" and verb.head is not verb and verb.pos_ != "VERB":
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if any(c.lower_ in ("he", "she", "him", "her") or c.pos_ == "PROPN" or c.lower_ in self.context.get("person_nouns", ())
               for c in subjects):
            return False
        for w in verb.subtree:
            if w.i > t.i and w.lower_ in ("his", "her") and w.dep_ == "poss":
                return not any(x.pos_ == "PROPN" and t.i < x.i < w.i and x.dep_ != "compound" for x in verb.subtree)
        return False

    def owns_family(self, tok: _Tok) -> bool:
        """(pv33) The name owns a relative or a family ("Bridgie McDonagh's family asked us", "Tomasz Nowak's mum"):
        a person, whatever entity the model gave the words (``kin_nouns``, ``family_nouns``); not an organisation's
        family service ("Mind's family support service": the owned noun is "service")."""
        t = tok.token
        if t is None:
            return False
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.pos_ == "PROPN":
            t = t.head
        owned = t.head.lemma_.lower()
        return t.dep_ == "poss" and t.head.pos_ == "NOUN" and (
            owned in self.context.get("kin_nouns", ()) or owned in self.context.get("family_nouns", ()))

    def age_or_who_after(self, tok: _Tok) -> bool:
        """An age or "who" right after the name: "Kayden, 15, was excluded", "Kayden (15)",
        "Mikey, who has lost weight". Organisations take "who" too in British usage ("Sanctuary,
        who run the night service"), so "who" counts only with a sign of one person as well: a
        listed first name, a singular verb in the clause ("who has", "who was") or a person
        pronoun in it ("who ... her sister")."""
        m = _AGE_OR_WHO.match(self.text, tok.end)
        if not m:
            return False
        if not m.group().endswith("who"):
            return True  # an age
        if tok.text in self.names.first_names and tok.text not in self.names.ambiguous:
            return True
        who = self._tok_at(m.end() - 1)
        if who is None or who.token is None:
            return False
        verb = who.token.head
        if any("Sing" in w.morph.get("Number") and w.pos_ in ("VERB", "AUX")
               for w in (verb, *verb.children) if w.dep_ in ("relcl", "aux", "auxpass") or w is verb):
            return True
        pronouns = self.context.get("pronouns", ())
        return any(w.lower_ in pronouns for w in verb.subtree if w.i > who.token.i)

    def subject_owning_kin(self, tok: _Tok) -> bool:
        """(pv2 s33) A name of name words only (none a place's or an organisation's word), whatever entity the model
        gave it, that is the subject of a clause saying "her" or "his" relative (:meth:`own_kin_in_clause`): "Bridie
        Nevin has been linked with the liaison worker and wants help with her grandson's school place"."""
        t = tok.token
        if t is None or tok.ent_index < 0:
            return False
        _label, idx = self.ents[tok.ent_index]
        if any(not _is_name_word(self.toks[k].text) or self.blocked_word(self.toks[k].text) for k in idx):
            return False
        while t.dep_ in ("compound", "flat") and t.head is not t and t.head.i > t.i:
            t = t.head
        return t.dep_ in _SUBJECT_DEPS and self.own_kin_in_clause(t)

    def aged_name(self, tok: _Tok) -> bool:
        """(pv35) A name of name words only (none a place's or an organisation's word), whatever entity the model gave
        it, with a person's age straight after it: "Brannagh Keogh (aged 29) asked ...", "Radomir, 52, was
        discharged" (a body has no age; "who" is left to :meth:`age_or_who_after`, organisations take it too)."""
        if tok.ent_index < 0:
            return False
        _label, idx = self.ents[tok.ent_index]
        if any(not _is_name_word(self.toks[k].text) or self.blocked_word(self.toks[k].text) for k in idx):
            return False
        m = _AGE_OR_WHO.match(self.text, self.toks[idx[-1]].end)
        return m is not None and not m.group().endswith("who")

    def own_pronoun_in_clause(self, t) -> bool:
        """The subject of a clause that goes on to say "his" or "her" ("Catalina missed her
        appointment"): an organisation says "its" or "their"."""
        own = self.context.get("own_pronouns", ())
        if not own:
            return False
        verb = t.head
        # (p21) and a verb joined to it by "and" that shares its subject: "Sunny arrived early ... and brought her own notes"
        shared = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                  and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)]
        for c in [c for v in (verb, *shared) for c in v.children]:
            if c.i == t.i or c.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis", "punct"):
                continue
            # "her appointment", "hurt herself"; not an object ("Outreach found him": anyone can find him)
            if c.lower_ in own and (c.dep_ == "poss" or c.lower_.endswith("self")) \
                    or any(g.lower_ in own and g.dep_ == "poss" for g in c.children):
                return True
        return self.own_kin_in_clause(t)

    def own_kin_in_clause(self, t) -> bool:
        """The subject of a clause that, through the verb's own complements (not a clause with a subject of its own),
        says "his" or "her" owning a relative: "Xiadani has started coming to the Tuesday walk with her cousin"; (pv2
        s33) and through a verb joined by "and" that shares the subject: "Nuala has been introduced to the liaison
        worker and needs help with her nephew's tenancy". An organisation has no relatives."""
        verb = t.head
        if verb is t:
            return False
        shared = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                  and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)]
        kin = self.context.get("kin_nouns", ())
        todo = [c for v in (verb, *shared) for c in v.children if c.dep_ in _COMPLEMENT_DEPS]
        while todo:
            c = todo.pop()
            if c.pos_ == "PROPN" or c.lemma_.lower() in self.context.get("person_nouns", ()):
                continue  # someone else the pronoun could be ("took Kemi to her GP")
            if c.lower_ in ("his", "her") and c.dep_ == "poss" and c.head.lemma_.lower() in kin:
                return True
            todo.extend(g for g in c.children if g.dep_ in _COMPLEMENT_DEPS or g.dep_ == "poss")
        return False

    def heading_like(self, tok: _Tok) -> bool:
        """A line in Title Case ("How We Will Deliver Safer Transitions"):
        capitals there say nothing about names."""
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        line_end = self.text.find("\n", tok.end)
        line = self.text[line_start:line_end if line_end >= 0 else len(self.text)]
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", line) if len(w) > 3]
        if len(words) < 4 or line.rstrip().endswith((".", ";", ",")):
            return False
        return sum(w[0].isupper() for w in words) / len(words) >= 0.7

    def conjunct_of_name(self, tok: _Tok) -> bool:
        """"Kemi and Blessing": joined by "and" to a listed first name or a PERSON."""
        t = tok.token
        if t is None:
            return False
        linked = [t.head] if t.dep_ == "conj" else []
        linked += [c for c in t.children if c.dep_ == "conj"]
        for other in linked:
            if other.ent_type_ in self.names.labels:
                return True
            if other.text in self.names.first_names and other.text not in self.names.ambiguous:
                return True
        return False

    def conjunct_of_place(self, tok: _Tok) -> bool:
        """"Wakefield, Pontefract and Castleford": joined to a place; (pv2 s33) or to an organisation named by one of
        its words (``veto_words``, ``place_words``): "with Adferiad, Mind Cymru and the health board" (a word the
        first-name list does not know, joined to a body, is another body)."""
        t = tok.token
        if t is None:
            return False
        orgs = self.names.organisation_words()
        seen, todo = set(), [t]
        while todo:
            cur = todo.pop()
            if cur.i in seen:
                continue
            seen.add(cur.i)
            if cur.i != t.i and (cur.ent_type_ in ("GPE", "LOC", "FAC") or self.rule.exceptions.match(cur.text)):
                return True
            if cur.i != t.i and cur.pos_ == "PROPN" and any(
                    w.text in orgs for w in (cur, *(c for c in cur.children if c.dep_ in ("compound", "flat")))):
                return True
            if cur.dep_ == "conj":
                todo.append(cur.head)
            todo.extend(c for c in cur.children if c.dep_ == "conj")
        return False

    def surname_as_verb(self, j: int) -> bool:
        """A capitalised word the tagger reads as a verb's -ing form inside a PERSON entity, after its first
        word: a surname ("Paul Stenning", "Ruth Fielding"); before a name it is a title's verb ("Educating
        Rita", "Finding Nemo": see :meth:`title_verb_before`)."""
        tok = self.toks[j]
        return (tok.token is not None and tok.token.tag_ == "VBG" and _is_name_word(tok.text)
                and tok.ent in self.names.labels and j > 0 and self.toks[j - 1].ent_index == tok.ent_index)

    def surname_word(self, word: str, end: int) -> bool:
        """A place word used as a surname: "Green" in "Rachel Green", but not
        in "Chapel Allerton Green Park"."""
        return word in self.names.surname_words and not self.followed_by_place(end)

    def extend(self, i: int, limit: int = 2, surnames: bool = True) -> int:
        """End offset after capitalised surnames following token ``i`` on its line."""
        end, j, taken = self.toks[i].end, i + 1, 0
        while j < len(self.toks) and taken < limit:
            nxt = self.toks[j]
            gap = self.text[end:nxt.start]
            if not gap and nxt.text in _HYPHENS and j + 1 < len(self.toks) and nxt.end == self.toks[j + 1].start \
                    and _is_name_word(self.toks[j + 1].text) and (not self.blocked_word(self.toks[j + 1].text)
                                                                or self.toks[j + 1].text in self.names.surname_words):
                end, j = self.toks[j + 1].end, j + 2  # a double-barrelled surname: "Adeyemi-Cole"
                continue
            nick = _NICKNAME_INSIDE.match(self.text, end) if gap and gap.strip(" \t\u00a0") == "" else None
            if nick is None and not gap:
                nick = _NICKNAME_INSIDE.match(self.text, end)
            if nick is not None:
                k = next((k for k in range(j, len(self.toks)) if self.toks[k].start >= nick.end()), None)
                if k is not None and self.toks[k].start == nick.end() and _is_name_word(self.toks[k].text) \
                        and not self.blocked_word(self.toks[k].text):
                    end, j, taken = self.toks[k].end, k + 1, taken + 1  # past the nickname to the surname
                    continue
            if not gap or gap.strip(" \t\u00a0") or len(gap) > 2:
                break
            if not _is_name_word(nxt.text) or nxt.ent in NOT_A_NAME_LABELS:
                break
            if nxt.pos and nxt.pos != "PROPN" and not self.surname_as_verb(j):
                break
            if self.blocked_word(nxt.text):
                # (pv36) a place word as a surname straight after the first name only: "Siobhan Ward", never a
                # third word ("Mary Seacole Ward" is a ward named after her)
                if surnames and taken == 0 and self.surname_word(nxt.text, nxt.end):
                    end = nxt.end
                break
            end, j, taken = nxt.end, j + 1, taken + 1
        return end

    def subject_by_words(self, i: int) -> bool:
        """A name that is also a word, straight before a past or present-tense verb a person does
        (``subject_verbs``, ``speech_verbs``) with "he" or "she" later in the sentence: "Will asked
        whether he could bring his brother" (the tagger reads "Will" as the modal and "asked" as a
        participle, but a modal takes the base form)."""
        tok = self.toks[i]
        if i + 1 >= len(self.toks) or tok.token is None or self.toks[i + 1].token is None:
            return False
        verb = self.toks[i + 1].token
        ctx = self.context
        if tok.token.tag_ == "MD" and verb.tag_ == "MD" and tok.text[:1].isupper() \
                and self.text[tok.end:self.toks[i + 1].start] in (" ", "\u00a0"):
            # (p21) two modals in a row: the first is a name ("Will can now make a cup of tea ... on his own"), with
            # he/his/she/her later in the sentence
            return any(w.lower_ in ctx.get("own_pronouns", ()) | {"he", "she"} and w.i > verb.i for w in verb.sent)
        if verb.tag_ not in ("VBD", "VBZ", "VBN") or self.text[tok.end:self.toks[i + 1].start] not in (" ", "\u00a0"):
            return False
        if any(c.dep_ in ("det", "poss") for c in tok.token.children) or (
                i > 0 and self.toks[i - 1].text.lower() in ctx.get("determiners", frozenset())):
            return False  # "The Hope said ..." is a thing's name
        speech = ctx.get("speech_verbs", ())
        if verb.lemma_.lower() in speech and verb.tag_ in ("VBD", "VBZ") and tok.text[:1].isupper():
            return True  # "Will said the voices were worse", "Hope says she ...": a concept does not speak
        if verb.pos_ == "AUX" and verb.lemma_.lower() in ("have", "be") and i + 2 < len(self.toks) \
                and self.toks[i + 2].token is not None and self.text[self.toks[i + 1].end:self.toks[i + 2].start] in (" ", "\u00a0"):
            main = self.toks[i + 2].token
            if main.tag_ == "VBN" and (main.lemma_.lower() in speech
                                        or verb.lemma_.lower() == "be" and main.lemma_.lower() in ctx.get("object_verbs", ())):
                return True  # "Journey has asked for a female worker", "Star was admitted on Friday", "was referred"
            if verb.lemma_.lower() == "have" and main.lemma_.lower() == "be" and i + 3 < len(self.toks) \
                    and self.toks[i + 3].token is not None and self.toks[i + 3].token.tag_ == "VBG" \
                    and self.toks[i + 3].token.lemma_.lower() in ctx.get("continuous_person_verbs", ()) \
                    and not (self.toks[i + 3].token.lemma_.lower() == "come" and i + 4 < len(self.toks)
                             and self.toks[i + 4].text.lower() not in ("to", "along", "in", "every", "each")):
                # (pv36) "Hope has been coming to the group", "Smudge has been sleeping in the doorway" (not "Joy
                # has been coming back into her life": coming somewhere, or coming along)
                return True
        if tok.token.tag_ == "MD" and verb.pos_ == "AUX" and verb.tag_ in ("VBD", "VBZ"):
            # a modal takes the base form, so "Will had", "Will has" make Will the subject: "Will had been
            # sleeping in his car", "Will has asked if he can volunteer" (with he/his/she/her after it)
            return any(w.lower_ in ctx.get("own_pronouns", ()) | {"he", "she"} and w.i > verb.i for w in verb.sent)
        if verb.lemma_.lower() not in ctx.get("subject_verbs", ()) and verb.lemma_.lower() not in ctx.get("speech_verbs", ()):
            return False
        return any(w.lower_ in ("he", "she") and w.i > verb.i for w in verb.sent)

    def bare_subject(self, tok: _Tok) -> bool:
        """A capitalised word that is a clause's subject with no article, possessive or modifier of
        its own: a common noun as a subject takes one ("The hope said ..."), a name does not."""
        t = tok.token
        return bool(t is not None and tok.text[:1].isupper() and t.dep_ in _SUBJECT_DEPS
                    and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in t.children))

    def initial_after(self, end: int) -> int:
        """A first name's surname given as one capital letter ("Leonie W:", "Dylan P. has"): the end
        after the letter (and its full stop). Not "I" or "A" (a word), not the first letter of a
        longer capitalised word or an acronym ("Sam B&Q", "Kemi NHS")."""
        m = _INITIAL_AFTER.match(self.text, end)
        if m is None or m.group(1) in ("I", "A"):
            return end
        return m.end()

    # -- sources -------------------------------------------------------------

    def titles(self) -> list[tuple[int, int]]:
        """A title and a capitalised surname: "Mrs Okafor", "Dr Sarah Shah"."""
        out = []
        if self.names.title_re is None:
            return out
        n = self.names
        for m in n.title_re.finditer(self.text):
            words = m.group("name").split()
            if any(_POSSESSIVE.search(w) for w in words[:-1]):
                continue  # "Mrs Brown's Boys": a title of a work
            clean = [_POSSESSIVE.sub("", w) for w in words]
            if any(w in n.veto_words for w in clean):
                continue
            first = clean[0]
            # After a title the first word is a surname even if it is also a
            # place word ("Mr Park", "Mrs Hill"); later words stop at the first
            # word that cannot be part of a name.
            if first in MONTHS or first in DAYS or first.casefold() in n.role_words or self.rule.exceptions.match(first):
                continue
            if _camel_word(first, self.context.get("name_prefixes", ())):
                continue  # "Dr ChatGPT", "Dr TikTok": a product, not a person
            keep = 1
            for w in clean[1:]:
                if self.blocked_word(w) and w not in n.surname_words:
                    break
                keep += 1
            words = words[:keep]
            end = m.start("name") + _span_of_words(m.group("name"), len(words))
            possessive = _POSSESSIVE.search(words[-1])
            if possessive:
                end -= len(possessive.group())
            title = m.group().split()[0].rstrip(".")
            if self.acceptable(m.start(), end) and (self.visit_before(m.start()) or not self.titled_thing(m.start(), end)) \
                    and not self.public_role(m.start(), end, title):
                out.append((m.start(), end))
        return out

    def visit_before(self, start: int) -> bool:
        """(p24) A verb of visiting or meeting right before a titled name ("visit Mr Dimitrios Papadopoulos, reading and
        a short walk"): a person visited, whatever words of books or films follow."""
        m = re.search(r"([a-z]+)[ \t\u00a0]+\Z", self.text[max(0, start - 20):start])
        if m is None:
            return False
        verbs = self.context.get("visit_verbs", frozenset())
        word = m.group(1)
        # (not a verb one sees a show with too: "went to see Miss Saigon")
        return any(stem in verbs and stem not in self.names.work_verbs and stem != "see"
                   for stem in (word, word[:-1], word[:-2], word[:-3]))

    def titled_thing(self, start: int, end: int) -> bool:
        """A title before something that is not a person: an article before the title ("the
        Mr Men"), or a noun naming a book, character or product right after the name or in
        the next few words ("Mr Men books", "Mr Tickle as their favourite character")."""
        before = re.search(r"([A-Za-z]+)[ \t\u00a0]+\Z", self.text[max(0, start - 8):start])
        if before and before.group(1).casefold() in ("the", "a", "an"):
            return True
        if self.work_before(start):
            return True
        after = re.split(r"[.;!?]", self.text[end:end + 60], maxsplit=1)[0]
        words = [w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z\-]*", after)[:6]]
        if words and not after[:1].isalpha() and words[0] in self.names.not_person_nouns:
            return True
        if any(w in self.names.not_person_context for w in words):
            return True
        copula = _IS_THE.match(after)
        if copula and copula.group(1).casefold() in self.names.not_person_nouns:
            return True  # "Miss Saigon was the show chosen for the outing" (with or without the parse)
        if self.listed_titled_things(start, end):
            return True
        return self.thing_by_parse(start, end)

    def listed_titled_things(self, start: int, end: int) -> bool:
        """(pv33) A titled name in a list of titled names, in a sentence where a titled name is a thing by the noun
        right after it (``not_person_context``, ``not_person_nouns``): "we used Mr Men characters - Mr Happy, Mr Worry
        and Little Miss Brave", "Mr Worry and Little Miss Calm from the Mr Men books"."""
        a, b = _frame_bounds(self.text, start, end)
        titles = set(self.names.titles)
        after = _LIST_LINK_AFTER.match(self.text, end)
        before = _LIST_LINK_BEFORE.search(self.text, a, start)
        if not (after and after.group(1).rstrip(".") in titles or before and before.group(1).rstrip(".") in titles):
            return False
        things = self.names.not_person_context | self.names.not_person_nouns
        # another titled name in the sentence is a thing by the noun right after it: "Mr Men characters", "the Mr Men books"
        return any(m.group(1).rstrip(".") in titles and m.group(2).casefold() in things
                   for m in _TITLED_NOUN.finditer(self.text, a, b))

    def work_before(self, start: int) -> bool:
        """A title that is part of a work's name or is said to be one, from the words before it in its
        clause: a capitalised word right before the title that is no name, title or sentence start ("Little
        |Miss Sunshine"), or a noun for a work a few words before, linked to the name by the rule's
        ``work_links`` ("Film night was |Miss ...", "production of |Miss Saigon", "Karaoke favourites
        included |Mr Brightside"; not "a film with Mrs Khan")."""
        n = self.names
        clause = re.split(r"[,;:.!?()\n\"“”]", self.text[max(0, start - 60):start])[-1]
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", clause)
        if not words:
            return False
        last = words[-1]
        adjacent = re.search(r"[A-Za-z'’\-]+[ \t\u00a0]*\Z", clause)  # (right before it: not "RiO 2201984 / Mr ...")
        if (adjacent and last[:1].isupper() and len(words) > 1 and last not in n.titles and last not in n.honour_titles
                and last not in n.first_names and last.casefold() not in n.public_roles
                and last.casefold() not in n.role_words):
            return True  # (the first word of a clause may be capitalised for the sentence: not counted)
        things = n.not_person_nouns | n.not_person_context
        near = [w.casefold() for w in words[-5:]]
        if not any(w in things for w in near):
            return False
        return near[-1] in things or near[-1] in n.work_links

    def _tok_at(self, offset: int):
        """The token covering character ``offset`` (a binary search: tokens are in order)."""
        starts = self._starts
        if starts is None:
            starts = self._starts = [t.start for t in self.toks]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.toks[k].end:
            return self.toks[k]
        return None

    def thing_by_parse(self, start: int, end: int) -> bool:
        """The parse says the titled name is a thing: it modifies a common noun that follows it
        ("Dr Martens boots", "Mr Kipling cakes"), it owns a capitalised title ("Mrs Brown's
        Boys"), or it is the object of a verb of watching, reading, eating ("watched Mrs
        Doubtfire"), or a word of the name is a capitalised finite verb ("Mrs Harris Goes to Paris":
        the title of a film, not a person)."""
        first = self._tok_at(start)
        if first is not None:
            k = self.toks.index(first)
            for t in self.toks[k + 1:]:
                if t.start > end + 1 or t.start > end and self.text[end:t.start] != " ":
                    break  # (the word right after the name counts: "Mrs Harris Goes to Paris")
                if t.token is not None and t.token.tag_ in ("VBZ", "VBD", "VBP") and t.text[:1].isupper() \
                        and t.text not in self.names.first_names:
                    return True
        m = re.match(r"(?:['’]s)?[ \t\u00a0]+([A-Za-z][A-Za-z\-]*)", self.text[end:end + 40])
        if m:
            nxt = self._tok_at(end + m.start(1))
            possessive = self.text[end:end + 1] in ("'", "’")
            if nxt is not None and nxt.token is not None:
                last = self._tok_at(end - 1)
                modifies = (last is not None and last.token is not None and last.token.head.i == nxt.token.i
                            and last.token.dep_ in ("compound", "amod", "nmod"))
                if not possessive and nxt.text[:1].islower() and (modifies or (
                        nxt.pos == "NOUN" and nxt.token.tag_ in ("NN", "NNS") and nxt.token.dep_ != "npadvmod")):
                    return True
                if possessive and nxt.text[:1].isupper() and nxt.pos in ("PROPN", "NOUN") \
                        and nxt.text not in self.names.first_names:
                    return True
        last = self._tok_at(end - 1)
        t = last.token if last is not None else None
        if t is not None and t.pos_ in ("PRON", "DET", "ADP", "SCONJ", "CCONJ", "AUX"):
            return True  # the "surname" is a word of grammar ("Dr Who"): a character, not a person
        if t is not None and self.joined_to_things(t):
            return True  # (p21) "Dr Pepper and crisps were banned": a product in a list of things
        return self.used_as_work(end)

    def joined_to_things(self, t) -> bool:
        """(p21) The token is joined by "and"/"or" to a common noun with no determiner or owner that is no word for
        people ("Dr Pepper and crisps", "Mr Muscle and bleach"): a list of things, not a person."""
        ctx = self.context
        people = ctx.get("person_nouns", frozenset()) | ctx.get("kin_nouns", frozenset()) \
            | ctx.get("family_nouns", frozenset()) | ctx.get("group_nouns", frozenset()) | ctx.get("possessed_nouns", frozenset())
        joined = [c for c in t.children if c.dep_ == "conj"] + ([t.head] if t.dep_ == "conj" else [])
        return any(w.tag_ in ("NN", "NNS") and w.pos_ == "NOUN" and w.lemma_.lower() not in people and w.lower_ not in people
                   and w.lemma_.lower() not in self.names.role_words
                   and not any(c.dep_ in ("det", "poss") for c in w.children) for w in joined)

    def used_as_work(self, end: int, titled: bool = True, start: int = -1) -> bool:
        """The parse uses the name ending at ``end`` as a work or a product: the object of a verb of
        watching, reading, eating ("watched Mrs Doubtfire", "we watched Paddington 2"), or the
        subject or complement of "is" with a noun for a work ("Matilda was the school play", "her
        favourite drink is Dr Pepper"). A name without a title only as a direct object, and only
        with a sign of a work as well (:meth:`work_signal`): "listened to Denise" and "staff
        watched Kayden closely" are people."""
        last = self._tok_at(end - 1)
        t = last.token if last is not None else None
        if t is not None:
            while t.dep_ in ("compound", "flat") and t.head is not t:
                t = t.head
            verb = t.head
            if t.dep_ == "pobj" and verb.dep_ == "prep" and verb.head is not verb:
                verb = verb.head  # "sang along to ...", "listened to ..."
            if t.dep_ in (("dobj", "attr", "pobj") if titled else ("dobj",)) and (
                    verb.lemma_.lower() in self.names.work_verbs or verb.lower_ in self.names.work_verbs):
                if titled or t.idx >= end or self.work_signal(start, end):
                    return True  # (t after the name: the name modifies the object, "played Vera Lynn songs")
            if t.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in self.names.not_person_nouns
                                        for c in t.head.children):
                return True  # "her favourite drink is Dr Pepper"
            if t.dep_ in _SUBJECT_DEPS and t.head.lemma_ == "be" and any(
                    c.dep_ == "attr" and c.lemma_.lower() in self.names.not_person_nouns for c in t.head.children):
                return True  # "Miss Saigon was the show chosen for the outing"
        return False

    def work_signal(self, start: int, end: int) -> bool:
        """Something besides the verb that marks an untitled name as a work: a number after it
        ("Paddington 2"), quotation marks round it ("watched 'Encanto'"), or a word for a work
        or a place to see one right before it ("the film Encanto") or in its sentence ("at the
        cinema"), with no person pronoun in the sentence."""
        if re.match(r"[ \t\u00a0]+(?:\d{1,2}|[IVX]{1,4})\b", self.text[end:end + 8]):
            return True
        if start >= 1 and self.text[start - 1:start] in QUOTES and self.text[end:end + 1] in QUOTES:
            return True
        last = self._tok_at(end - 1)
        if last is None or last.token is None:
            return False
        n, pronouns = self.names, self.context.get("pronouns", ())
        sent = _sentence(last.token)
        words = {w.lower_ for w in sent if w.idx < start or w.idx >= end}
        return bool(words & (n.not_person_nouns | n.not_person_context)) and not words & set(pronouns)

    def public_role(self, start: int, end: int, title: str = "") -> bool:
        """A person named in a public role, not someone we support: a title of honour ("Sir
        Michael Marmot"), an office next to the name ("the Prime Minister, Keir Starmer",
        "Andy Burnham, the Mayor of ...", "... MP"), or the author of a published work ("Dr
        Chris Whitty's report")."""
        n = self.names
        if self.private_fact(start, end):
            return False  # (p24) "Volunteer coordinator Marcus Hale has been suspended ...": a worker's private fact
        if self.ours_or_our_kin(start, end):
            return False  # (pv35) "Our client, the Reverend Alun Price,", "Cllr Shona Bell's son, who we support,"
        if n.pattern("not_in_role_after", _NOT_IN_ROLE_AFTER, re.IGNORECASE).match(self.text, end) \
                or n.pattern("not_in_role_before", _NOT_IN_ROLE_BEFORE, re.IGNORECASE).search(self.text, max(0, start - 20), start):
            return False  # "Sgt Maddox (retired) came to the veterans' breakfast": no longer in the role
        if title and title in n.honour_titles:
            return True
        if self._care_event(start, end):
            return False  # (p22b) "the landlord, Mr Farid Qureshi, who is alleged to have ...": a care event, no role
        if _CITED_AFTER.match(self.text, end):
            return True  # the author of a published work, cited: "The report by Okonjo and Pryce (2022) found ..."
        opening = self.text.rfind("(", max(0, start - 120), start)
        if opening >= 0 and ")" not in self.text[opening:start]:
            cited = _CITATION.match(self.text, opening)
            if cited and cited.end() >= end:
                return True  # (pv33) "(Leamy, Bird, Le Boutillier, Williams and Slade, 2011)"
        if any(w in n.honour_titles for w in self.text[start:end].split()[:2]):
            return True
        prev = re.search(r"(?:([A-Z][a-z]+)\.?[ \t\u00a0]+)?([A-Z][a-z]+)\.?[ \t\u00a0]+\Z", self.text[max(0, start - 24):start])
        if prev and (prev.group(2) in n.honour_titles or prev.group(1) in n.honour_titles):
            return True  # (two words back too: "Sir Walter Scott", the surname found alone)
        after = self.text[end:end + 80]
        m = re.match(r"(?:['’]s|(?<=s)['’])((?:[ \t\u00a0]+[a-z][a-z\-]*){1,4})", after) if after else None
        if m is None and self.text[end - 1:end] == "s" and after[:1] in ("'", "’"):
            m = re.match(r"['’]((?:[ \t\u00a0]+[a-z][a-z\-]*){1,4})", after)  # "Serena Williams' book"
        value = self.text[start:end]
        # (s31) a first name alone owns a person's review, not a published one: "an interpreter for Reza's review"
        first_only = " " not in value and value in n.first_names and value not in n.ambiguous and not title
        if m and any(w in n.work_nouns for w in m.group(1).split()) and not first_only \
                and not _has_phrase(m.group(1), self.context.get("staff_frame_ties", ())):
            # "Dr Chris Whitty's report", "Professor Appleby's suicide prevention report" (pv33: not a person's care
            # document, "Semhar Tesfamariam's care review")
            return True
        if _AS_CITED_BEFORE.search(self.text, max(0, start - 40), start) and _CITED_VERB_AFTER.match(after) \
                and not any(w in n.first_names for w in self.text[start:end].split()):
            return True  # (p23) surnames cited as a sentence opens: "As Repper and Perkins argue, hope is ..."
        office = _AS_OFFICE_AFTER.match(after)
        if office and self._job_title(re.findall(r"[A-Za-z][A-Za-z'’\-]*", office.group(1)), own=True):
            return True  # (p23) "Wes Streeting's announcement as Health and Social Care Secretary"
        # an office right after the name: "Rosena Allin-Khan MP", ", the Mayor of ...,"
        bracket = re.match(r"[ \t\u00a0]*\(([^()\n]{3,80})\)", after)
        if bracket and self._job_title(re.findall(r"[A-Za-z][A-Za-z'’\-]*", bracket.group(1)), own=True):
            return True  # "Sarah Lindqvist (Head of Mental Health Commissioning)", not "(service user)"
        if bracket and self._bare_job(bracket.group(1)) and not self._care_event(start, end + bracket.end()):
            return True  # "Dr Williams (consultant psychiatrist) chaired the panel", not "... (trainee nurse) was admitted"
        if bracket and self._rota_shift(bracket.group(1)) and not self._care_event(start, end + bracket.end()):
            return True  # (s30) "Rota w/c 4 November: Sarah Jenkins (duty), Mo Hussain (late shift)": staff on shift
        run = _TITLE_RUN.match(self.text, start)
        if run and any(self.role_title(w.end()) for w in _WORD_GAP.finditer(self.text, start, run.end())):
            return True  # (pv33) a name the model read on into the post's title after it: "Priyanka Desai Contracts
            # and Performance Manager", a signature whose lines were joined
        cut = self.text.find("\n", start, end)  # (a name the model read on into the job's line)
        sign = _SIGNED_ROLE_AFTER.match(self.text[cut:end + 80] if cut >= 0 else after)
        peer = self.context.get("peer_role_words", frozenset())
        if sign and self._job_title(re.findall(r"[A-Za-z][A-Za-z'’\-]*", sign.group(1)), own=True) \
                and not any(w.casefold() in peer for w in sign.group(1).split()):
            return True  # (pv33) a signature: the job's title on the next line or after a bar ("Owain Pritchard | Head
            # of Operations", "Priyanka Desai\nContracts Manager")
        unit = _IN_UNIT.match(after)
        if unit:
            words = unit.group(1).split()
            k = next((j for j, w in enumerate(words) if w in self.context.get("staff_unit_nouns", ())), None)
            if k is not None:  # the predicate after the unit's noun: "Marek in the crisis team was sectioned"
                unit_end = end + unit.start(1) + [m.end() for m in re.finditer(r"\S+", unit.group(1))][k]
                if self._care_event(start, unit_end):
                    k = None
            head = self._name_head(start, end)
            subject = head.dep_ not in ("dobj", "pobj", "iobj") if head is not None else \
                not re.search(r"\w", re.split(r"[.!?\n]", self.text[:start])[-1])  # (no parse: it opens the sentence)
            if k is not None and not any(w in self.context.get("peer_role_words", ()) for w in words[:k]) and subject:
                # "Emma in the commissioning team has confirmed" (not "Jo from the peer support team", nor an object:
                # "we discharged Aisha from the team")
                return True
        tail = re.split(r"[.;:!?()]", after, maxsplit=1)[0]
        first = re.match(r"[ \t\u00a0]+([A-Za-z]+)", tail)
        if first and first.group(1).casefold() in n.public_roles and first.group(1)[:1].isupper():
            return True
        if tail.startswith(","):
            appos = tail[1:].split(",")[0]
            if self._office(appos) or self._role_in_lower_case(appos):
                return True
            if tail[1:].count(",") and self._bare_job(appos) and not self._care_event(start, end + 2 + len(appos)):
                return True  # "Dr Priya Raman, consultant neuropsychologist, chairs the panel", not "was referred"
        # (p21) a name in brackets after the office it holds: "the hon. Member for Brackenford and Moorvale (Ruth Adeyemi)"
        held = _OFFICE_BRACKET.search(self.text, max(0, start - 100), start)
        if held and self.text[end:end + 1] == ")" and self._office(held.group(1)):
            return True
        # an office right before the name: "The Health Secretary, Wes Streeting", "Prime Minister Keir Starmer"
        before = self.text[max(0, start - 60):start]
        line = re.split(r"[;:!?()\n]|\.(?=\s)", before)[-1].rstrip()
        for _ in range(3):  # a title and first names before this word: "the Director of Public Health, Dr Felix Obi"
            word_before = re.search(r"(?<![\w.])([A-Z][a-z'’\-]+)\.?\Z", line)
            if not word_before or not (word_before.group(1) in n.titles or _is_name_word(word_before.group(1))
                                       and word_before.group(1).casefold() not in n.public_roles):
                break
            line = line[:word_before.start()].rstrip()
        if line.endswith(","):
            seg = line[:-1].split(",")[-1]
            # a long phrase only when it is an office's capitalised title ("The CQC's Chief
            # Inspector of Mental Health, Dr ..."), not a clause that mentions a role
            if self._office(seg) and (len(seg.split()) <= 6 or any(
                    w[:1].isupper() and w.casefold() in n.public_roles for w in seg.split())):
                return True
            if len(seg.split()) <= 4 and self._role_in_lower_case(seg.strip()):
                return True  # "Our chair, Brian Holroyd, met the practice manager"
            phrase = _OWNED_PHRASE_END.search(seg)
            if phrase and len(phrase.group().split()) <= 6 and self._role_in_lower_case(phrase.group()) \
                    and not self._care_event(start, end):
                return True  # "... triaged by our senior practitioner, Gwen Pritchard", "to our Head of Partnerships, Tom"
        last = re.findall(r"[A-Za-z][A-Za-z'’\-]*", line)
        if last and last[-1].casefold() in n.public_roles and last[-1][:1].isupper():
            return True
        # a job in lower case right before the name, no comma, that no one person owns: "Liaison practitioner Mark
        # Evans has replaced ..." (not "her support worker Sam Patel": one person's own worker is flagged,
        # phrasebank/README.md "Whose names are personal data")
        job = _JOB_BEFORE.search(line)
        if job and (job.group(1) or "").lower() not in self.context.get("own_pronouns", frozenset()) \
                and self._bare_job(job.group(2)[:1].lower() + job.group(2)[1:]) and not self._care_event(start, end):
            return True
        # the job the sentence gives the name with "as": "has replaced Ann Fielding as the court's link worker"
        role = _AS_ROLE_AFTER.match(self.text, end)
        return bool(role) and self._role_in_lower_case(role.group(1)) and not self._care_event(start, end)

    def ours_or_our_kin(self, start: int, end: int) -> bool:
        """(pv35) A titled person who is one of ours, or a relative of one, whatever the title's office: in apposition
        with "our" and a noun for a person (``person_nouns``) before the name or after it ("Our client, the Reverend
        Alun Price, ...", "Cllr Jo Pryce, our tenant, ..."), or owning a relative (``kin_nouns``) in a sentence that
        says we support or work with someone (``we_support_verbs``: "Cllr Shona Bell's son, who we support, was sectioned")."""
        n = self.names
        if n.pattern("person_nouns", _OURS_BEFORE, re.IGNORECASE).search(self.text, max(0, start - 60), start) \
                or n.pattern("person_nouns", _OURS_AFTER, re.IGNORECASE).match(self.text, end):
            return True
        kin = _KIN_AFTER.match(self.text, end)
        if kin is None or kin.group(1) not in self.context.get("kin_nouns", ()):
            return False
        a, b = _frame_bounds(self.text, start, end)
        return n.pattern("we_support_verbs", _WE_SUPPORT, re.IGNORECASE).search(self.text, a, b) is not None

    def private_fact(self, start: int, end: int) -> bool:
        """(p24) A private fact of a worker (their health, sickness, a disciplinary or DBS matter: a finding of one of
        ``private_rules``) in the name's sentence, or after it on its line within 200 characters ("Reflective log
        (Lowri Hughes, Peer Support Worker): hard week. My own meds were changed ..."): whoever holds the role, the
        sentence is about them, not their work."""
        if not self.private:
            return False
        bounds = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", self.text[:start])]
        begin = bounds[-1] if bounds else 0
        stop = re.search(r"\n", self.text[end:])
        limit = min(end + 200, end + stop.start() if stop else len(self.text))
        return any(begin <= s and e <= limit for s, e in self.private)

    def _care_event(self, start: int, end: int) -> bool:
        """The sentence says a care event of the person named at ``start`` whose job or team ends at ``end``: the
        predicate right after it is one of person_context's care events ("was referred", "has been attending her
        sessions", "is on our caseload", "relapsed"), or a care verb comes right before the name ("we referred
        Marcus, former nurse, ..."). People we support are written with a job
        too ("Marcus, former nurse, was referred"), so such a name is not passed as staff in role."""
        pattern = self._care_re()
        if pattern is None:
            return False
        rest = re.split(r"[.;!?\n]", self.text[end:end + 160], maxsplit=1)[0]
        before = re.split(r"[.;!?\n]", self.text[max(0, start - 60):start])[-1]
        return bool(pattern[0].match(rest) or pattern[1].search(before))

    def _care_re(self) -> tuple[re.Pattern, re.Pattern] | None:
        ctx = self.context
        key = tuple(ctx.get(k, frozenset()) for k in ("care_events", "care_passives", "care_event_leads",
                                                       "passive_auxiliaries"))
        if not key[0] and not key[1]:
            return None
        return _care_patterns(*key)

    def _office(self, phrase: str) -> bool:
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", phrase)
        return 0 < len(words) <= 9 and (any(w.casefold() in self.names.public_roles for w in words)
                                        or self._job_title(words))

    def _job_title(self, words: list[str], own: bool = False) -> bool:
        """A job's title, capitalised as an organisation writes it, in apposition to the name: "Our
        Registered Manager, Angela Mbeki, ...", "Mark Ellison, Head of Mental Health Commissioning at the
        ICB" (``role_words``, less the words for the people we support: "Resident, Daniel Okoro" stays).
        ``own``: the words are the whole title (in brackets after the name), so none of them may be a
        word for the people we support ("(Service User)", "(Client Rep)")."""
        people = self.context.get("person_nouns", ())
        if own and any(w.casefold() in people or w.casefold().rstrip("s") in people for w in words):
            return False
        return any(w[:1].isupper() and w.casefold() in self.names.role_words and w.casefold() not in people
                   and w.casefold().rstrip("s") not in people for w in words)

    def _rota_shift(self, phrase: str) -> bool:
        """(s30) A shift or duty in brackets after a name, in a text that calls itself a rota: "Sarah Jenkins
        (duty)", "Liam Doyle (late shift)" under "Rota w/c 4 November". Only staff are put on a rota; every word in
        the brackets is one of ``rota_shift_words`` (a time of day, a duty, a group) and the text names the rota
        (``rota_words``)."""
        ctx = self.context
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", phrase.casefold())
        if not 0 < len(words) <= 3 or any(w not in ctx.get("rota_shift_words", ()) for w in words):
            return False
        return any(w in ctx.get("rota_words", ()) for w in re.findall(r"[a-z]+", self.text.casefold()))

    def _bare_job(self, phrase: str) -> bool:
        """A job in lower case with no owner, set off after the name: "consultant psychiatrist", "consultant liaison
        psychiatrist and audit lead" (one to six lower-case words, the last of them or of a part before "and" one of
        the rule's ``official_heads``). Not a person's own clinician ("her GP": an owner opens it), not a word for
        the people we support or a family, not a peer or lived-experience role (``peer_role_words``): those are
        people to protect (phrasebank/README.md, "Whose names are personal data")."""
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", phrase)
        if not 0 < len(words) <= 6 or re.search(r"[^A-Za-z'’\- \t\u00a0]", phrase.strip()):
            return False
        if any(not w.islower() for w in words):
            return False
        ctx = self.context
        stop = ctx.get("person_nouns", frozenset()) | ctx.get("family_nouns", frozenset()) | ctx.get("peer_role_words", frozenset())
        if any(w in stop or w.rstrip("s") in stop for w in words) or words[0] in ctx.get("determiners", ()):
            return False
        if any(w in ctx.get("former_job_words", ()) or w.split("-")[0] + "-" in ctx.get("former_job_words", ())
               for w in words):
            return False  # "Marcus, former nurse,", "(ex-teacher)": no longer in the role
        parts = " ".join(words).split(" and ")
        return all(p.split() and p.split()[-1] in self.names.official_heads for p in parts)

    def _role_in_lower_case(self, phrase: str) -> bool:
        """A job written in lower case in apposition, said as an organisation's: "Bev Otley, our contract
        manager at the ICB", "Nkem Ojo, chair of the board" (a role word owned by "our"/"the"/"their", or
        followed by "of"/"at"/"for": the rule's ``official_apposition``), with no word for the people we
        support or a family ("Jo, our client at the hostel", "Kezia Brown, head of the family")."""
        frame = self.names.official_apposition
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", phrase)
        if frame is None or not 0 < len(words) <= 12 or not frame.match(phrase):
            return False
        people = self.context.get("person_nouns", frozenset()) | self.context.get("family_nouns", frozenset()) \
            | self.context.get("peer_role_words", frozenset())
        if any(w.casefold() in people or w.casefold().rstrip("s") in people for w in words):
            return False  # (and a peer role: "Jo, our peer lead at the hub", phrasebank/README.md)
        return any(w.casefold() in self.names.official_heads for w in words[:5])

    def lower_case(self) -> list[tuple[int, int]]:
        """Names typed in lower case ("spoke to john smith", "mrs okafor rang"): a lower-case
        title and the word after it, or a listed first name (not one that is also an
        ordinary word) that the parse reads as a noun, with a following lower-case surname."""
        out = []
        n = self.names
        titles, lower_first = n.lower_case_words()
        toks = self.toks
        ambiguous = n.ambiguous_lower()
        for i, tok in enumerate(toks):
            word = tok.text
            if not (word.isalpha() and word.islower()):
                # (perf38) every test below needs a word of lower-case letters (the ambiguous names', note_subject,
                # lower_kin_owner, lower_name_with_pronoun, lower_name_slot's _unknown_lower and the listed names'
                # own test): any other token is passed over here, without the four calls
                continue
            if word in ambiguous and self.person_by_grammar(tok):
                if (word in self.context.get("season_words", ()) or word.capitalize() in MONTHS) \
                        and not any(w.lower_ in self.context.get("pronouns", ()) for w in tok.token.sent):
                    continue  # "summer's feedback", "may's figures": a time of year unless "she" follows
                out.append((tok.start, tok.end))  # "asked grace if she wanted ...", "hope's mum rang"
                continue
            if self.note_subject(tok):
                out.append((tok.start, tok.end))  # "sunny didn't want to come in today, said she'd ring"
                continue
            if self.lower_kin_owner(i):
                out.append((tok.start, tok.end))  # "phoned kayden's mum, no answer"
                continue
            if word not in titles and word not in lower_first:
                if self.lower_name_with_pronoun(i):
                    out.append((tok.start, tok.end))  # (p24) "met with will and his partner", "reviewed with summer"
                    continue
                slot_end = self.lower_name_slot(i)
                if slot_end:
                    out.append((tok.start, slot_end))  # (pv34) "hi thaddeus", "nenita: running late", "saw bongani"
                continue  # (the only words that can start a lower-case name)
            if tok.token is None:
                continue  # (without the parse, a lower-case word is only a word; the gate above passed only those)
            last, j = tok, i  # the last word of the first name ("hannah-jane": "jane") and its index
            before = self.text[max(0, tok.start - 1):tok.start]
            if word in lower_first and i + 2 < len(toks) and toks[i + 1].text == "-" \
                    and toks[i + 1].start == tok.end and toks[i + 2].start == toks[i + 1].end \
                    and toks[i + 2].text in lower_first and toks[i + 2].token is not None \
                    and not (before and before in ".@_/\\-"):
                last, j = toks[i + 2], i + 2  # a double first name joined by a hyphen
            around = before + self.text[last.end:last.end + 1]
            if any(ch in ".@_/\\-" for ch in around if ch):
                slot_end = self.lower_name_slot(i) if before != "-" else 0
                if slot_end:
                    out.append((tok.start, slot_end))  # (pv34) "rang gp re jamie-lee doherty meds"
                continue  # part of an e-mail address, a file name or a hyphenated word
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            close = nxt is not None and self.text[last.end:nxt.start] in (" ", "\u00a0")
            surname = close and nxt.text.islower() and _LOWER_SURNAME.fullmatch(nxt.text) is not None
            if word in titles and word not in ("sir", "dame") and surname \
                    and nxt.pos in ("PROPN", "NOUN", "ADJ", "VERB") and nxt.token is not None \
                    and nxt.token.tag_ not in ("VBD", "VBZ", "VBP", "MD"):
                out.append((tok.start, nxt.end))
                continue
            if word not in lower_first or tok.pos not in ("PROPN", "NOUN", "") and not (
                    tok.pos == "ADJ" and tok.token.dep_ in _NOUN_DEPS) and not self.in_lower_note(i):
                if self.lower_name_with_pronoun(i):
                    out.append((tok.start, tok.end))  # (p24)
                continue  # ("text from jamal:": an adjective by its tag, a noun by its place in the clause)
            end = last.end
            if surname and (nxt.pos in ("PROPN", "NOUN") or nxt.pos == "VERB" and nxt.token.tag_ in ("VBG", "NN")) \
                    and nxt.token is not None and nxt.token.dep_ in ("compound", "flat", "nsubj", "nsubjpass", "dobj",
                                                                      "pobj", "appos", "npadvmod", "attr", "conj", "ROOT",
                                                                      "poss") \
                    and (last.token is not None and (last.token.head.i == nxt.token.i or nxt.token.head.i == last.token.i)):
                end = nxt.end
            elif surname and self.lower_surname_before_break(j + 1):
                end = nxt.end
            if out and out[-1][1] < tok.start and self.text[out[-1][1]:tok.start] in (" ", "\u00a0"):
                out[-1] = (out[-1][0], end)  # a first name then a surname that is also one ("nadia ahmed")
            else:
                out.append((tok.start, end))
        return out

    def _unknown_lower(self, i: int) -> int:
        """(pv34) The end of a lower-case word at ``i`` (with its hyphened parts: "jun-jun", "al-hashimi") one part of
        which is no word of English (``english_words``, our own text's words) nor of the lists
        (``lower_slot_not_names``, a place word, a listed relative or person word), with a vowel and three letters,
        in no address, file name or handle; else 0."""
        toks, text = self.toks, self.text
        tok = toks[i]
        if not (tok.text.isalpha() and tok.text.islower()) or tok.ent in _MISLABELLED:
            return 0
        if tok.start > 0 and text[tok.start - 1] in ".@_/\\-#":
            return 0
        j, end, parts = i, tok.end, [tok.text]
        while j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 1].start == end \
                and toks[j + 2].start == toks[j + 1].end and toks[j + 2].text.isalpha() and toks[j + 2].text.islower():
            j, end = j + 2, toks[j + 2].end
            parts.append(toks[j].text)
        if end + 1 < len(text) and text[end] in ".@_/\\-" and not text[end + 1].isspace():
            return 0  # (an e-mail address, a file name, a web address)
        n = self.names
        not_names = n.not_lower_names()

        def unknown(word: str) -> bool:
            return len(word) >= 3 and any(v in word for v in "aeiouy") and not n.english_word(word) \
                and word not in not_names \
                and word.capitalize() not in n.place_words and word.capitalize() not in n.veto_words

        # (the spaCy token last: a plain word never makes one)
        return end if any(unknown(w) for w in parts) and tok.token is not None else 0

    def lower_name_slot(self, i: int) -> int:
        """(pv34) A lower-case word that is no word of English (:meth:`_unknown_lower`) in a name's slot is a name
        typed in lower case: after a greeting or a verb of contact that opens on a line ("hi thaddeus", "saw bongani
        at the food bank", "spoke to maricel"; ``lower_slot_before``), a message's sender ("nenita: running late",
        "text from rhiannon:"), owning something in a note typed in lower case ("gabi's new number"), before an age
        or "who" ("(aged 34)"), or the subject of a note ("dev needs a capacity assessment", "jun-jun didnt show";
        ``lower_slot_after``). The name runs on over the words after it that are no English either, and a particle
        ("maricel dela paz"). Returns the name's end, or 0."""
        end = self._unknown_lower(i)
        if not end:
            return 0
        toks, text, ctx = self.toks, self.text, self.context
        tok = toks[i]
        k = i + 1  # the token after the word (and its hyphened parts)
        while k < len(toks) and toks[k].start < end:
            k += 1
        line_start = text.rfind("\n", 0, tok.start) + 1
        # the words since the line's or the clause's last break, read back at most 80 characters (a long line without
        # breaks made this quadratic: review, session 34); a clause longer than that is no slot's
        cut = tok.start - 80 > line_start
        clauses = _CLAUSE_BREAK.split(text[max(line_start, tok.start - 80):tok.start].lower())
        lead = clauses[-1].split() + (["…"] * 8 if cut and len(clauses) == 1 else [])
        opens = not lead
        # a name's slot before it: a greeting or a verb of contact (the words data) at most two words into the clause
        slot = any(lead[-size:] == words and len(lead) - size <= 2 for words, size in self.names.lower_slot_before())
        sender = (opens or lead[-1:] == ["from"]) and bool(_SENDER_COLON.match(text, end, end + 40))
        sent_first = next((w for w in tok.token.sent if w.is_alpha), None)
        note = sent_first is not None and sent_first.text.islower()
        owner = note and bool(_KIN_AFTER.match(text, end) or _OWNS_LOWER.match(text, end, end + 4))
        aged = bool(_AGE_OR_WHO.match(text, end))
        nxt = toks[k] if k < len(toks) else None
        subject = note and nxt is not None and nxt.token is not None and (
            nxt.text.lower() in ctx.get("lower_slot_after", ())
            or tok.token.dep_ in _SUBJECT_DEPS and tok.token.head.pos_ in ("VERB", "AUX") and tok.token.head.i > tok.token.i
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.token.children))
        # the surname after: the next words that are no English either, or a particle before one
        while k < len(toks) and text[end:toks[k].start] in (" ", "\u00a0"):
            nxt_end = self._unknown_lower(k)
            word = toks[k].text
            if not nxt_end and word in ctx.get("name_particles", ()) and k + 1 < len(toks) \
                    and text[toks[k].end:toks[k + 1].start] == " ":
                nxt_end = self._unknown_lower(k + 1)  # 0 when the word after the particle is English
            if not nxt_end:
                break
            end = nxt_end
            while k < len(toks) and toks[k].start < end:
                k += 1
            nxt = toks[k] if k < len(toks) else None
            if nxt is not None and nxt.text.lower() in ctx.get("lower_slot_after", ()):
                subject = subject or note
        if not (slot or sender or owner or aged or subject):
            return 0
        first = text[tok.start:end].split("-")[0].split()[0]
        if any(first.endswith(e) for e in ctx.get("lower_slot_not_name_endings", ())) or self.names.typo_of_word(first):
            return 0  # (a medicine's name, "fluoxetine started"; a word mistyped, "saw improvemnt")
        return end

    def lower_surname_before_break(self, k: int) -> bool:
        """(p22) A lower-case word after a listed first name, that the parse could not tie to it, is its surname
        when it is a content word with nothing of a phrase after it: the clause breaks straight after it ("callum
        macleod - dna x2", "spoke to fatima begum re housing", "saw aisha khan, no answer"). Not a time or an
        adverb ("saw priya today"), not a verb in a tense ("john said"), not a word the lists know."""
        nxt = self.toks[k] if k < len(self.toks) else None
        if nxt is None or nxt.token is None or len(nxt.text) < 3:
            return False
        t = nxt.token
        if t.pos_ not in ("PROPN", "NOUN", "VERB", "ADJ") or t.dep_ in ("advmod", "neg") \
                or t.dep_ == "npadvmod" and t.pos_ != "PROPN" \
                or t.tag_ in ("VBG", "MD", "JJR", "JJS") or t.is_stop or t.like_num:
            return False
        if t.tag_ in ("VBD", "VBN") and (t.lemma_.lower() != nxt.text.lower() or nxt.text.endswith("ed") or len(nxt.text) < 4):
            return False  # a verb's past ("fatima said", "kai moved"); a word the model does not know keeps its form
        word = nxt.text.lower()
        ctx = self.context
        if any(word in ctx.get(name, ()) for name in ("kin_nouns", "person_nouns", "season_words", "role_nouns",
                                                     "event_nouns", "care_events", "group_nouns", "area_nouns")):
            return False
        after = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if after is None:
            return True
        if after.token is None:
            return False
        return after.token.pos_ in ("PUNCT", "ADP", "SCONJ", "CCONJ", "SYM") or after.text.lower() == "re"

    def in_lower_note(self, i: int) -> bool:
        """(p21) A listed first name in a note typed in lower case, whatever the tagger makes of it ("spoke to bartek
        at drop in", "hv cancelled - mohammed not in": a name it does not know, in a clause it cannot parse, is read
        as a verb): the sentence opens in lower case on another word, and no determiner, owner or number is right before the word."""
        tok = self.toks[i]
        if tok.token is None or tok.pos in ("AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT"):
            return False
        sent = tok.token.sent
        first = next((w for w in sent if w.is_alpha), None)
        if first is None or not first.text.islower() or first.i == tok.token.i:
            return False  # (the note's own first word has the note's grammar to go by: ``note_subject``)
        if i > 0 and self.toks[i - 1].token is not None and (
                self.toks[i - 1].text.lower() in self.context.get("determiners", frozenset())
                or self.toks[i - 1].token.pos_ in ("DET", "NUM", "PRON") or self.toks[i - 1].token.dep_ == "poss"):
            return False
        return True

    def lower_kin_owner(self, i: int) -> bool:
        """A lower-case word with no article or possessive before it that owns a relative (``kin_nouns``):
        a name typed in lower case in a note ("phoned kayden's mum", "rang about tayo's nan"). Not a word the
        lists know as a person, a relative, a group or a time ("the client's mum", "mum's partner",
        "yesterday's carer")."""
        tok = self.toks[i]
        word = tok.text
        if not (word.isalpha() and word.islower() and len(word) >= 3) or not tok.parsed:
            return False
        m = _KIN_AFTER.match(self.text, tok.end)
        ctx = self.context
        if m is None or m.group(1).lower() not in ctx.get("kin_nouns", ()):
            return False
        if tok.token.pos_ not in ("PROPN", "NOUN", "ADJ", "X") or tok.token.tag_ in ("NNS", "NNPS"):
            return False
        known = (ctx.get("pronouns", frozenset()) | ctx.get("person_nouns", frozenset()) | ctx.get("kin_nouns", frozenset())
                 | ctx.get("family_nouns", frozenset()) | ctx.get("possessed_nouns", frozenset())
                 | ctx.get("group_nouns", frozenset()) | ctx.get("season_words", frozenset())
                 | ctx.get("not_owner_words", frozenset()))
        if word in known or word in self.names.role_words or word.capitalize() in MONTHS or word.capitalize() in DAYS:
            return False
        j = i - 1
        while j >= 0 and self.toks[j].token is not None and self.toks[j].token.pos_ == "ADJ":
            j -= 1  # "her little brother's ..." is no name either
        return not (j >= 0 and self.toks[j].text.lower() in ctx.get("determiners", frozenset())
                    | ctx.get("owner_quantifiers", frozenset()))

    def note_subject(self, tok: _Tok) -> bool:
        """A lower-case word opening a note, read as an adjective or a proper noun, that is the subject
        of a verb a person does (``subject_verbs``, ``speech_verbs``) in a sentence that says "he" or
        "she": a nickname typed in lower case ("sunny didn't want to come in today, said she'd ring")."""
        # (the word's own text and part of speech first: asked of every word, most fail there, before
        # a spaCy token is made or its sentence found)
        if tok._doc is None or tok.pos not in ("ADJ", "PROPN", "NOUN") or not tok.text.isalpha() or not tok.text.islower():
            return False
        # (p20) a noun only when it is a listed name: "patience told me she ...", "storm was really upset"
        listed = tok.text.capitalize() in self.names.first_names or tok.text.capitalize() in self.names.ambiguous
        if tok.pos == "NOUN" and not listed:
            return False
        t = tok.token
        if t.dep_ not in _SUBJECT_DEPS or t.i != t.sent.start or any(c.dep_ in ("det", "poss") for c in t.children):
            return False
        ctx = self.context
        head = t.head.lemma_.lower()
        if head not in ctx.get("subject_verbs", ()) and head not in ctx.get("speech_verbs", ()):
            return listed and self.shared_clause_says_person(t)
        return any(w.lower_ in ("he", "she") and w.i > t.i for w in t.sent)

    def initials(self) -> list[tuple[int, int]]:
        """(p21) A person's initials with their full stops ("J.T.", "A.M.K."), where the sentence says they are a person:
        an apposition that says what person ("J.T., a second-year engineering student, has agreed ..."), or an age or
        "who" after a comma ("D.W., 52, a former miner"; initials with an age in brackets are privacy.title-initial's).
        Not an abbreviation (the parse names no person: "the U.K. has ...")."""
        out = []
        for tok in self.toks:
            if tok.parsed and _BARE_INITIALS.fullmatch(tok.text) and tok.ent not in NOT_A_NAME_LABELS \
                    and _AGE_AFTER_INITIALS.match(self.text, tok.end):
                out.append((tok.start, tok.end))  # (p22b) initials with no full stops and an age: "KD, aged 61,", "JT (34, Hulme)"
                continue
            if not tok.parsed or not _INITIALS_TOKEN.fullmatch(tok.text):
                continue
            if self.described_as_person(tok.token) or (self.text[tok.end:tok.end + 1] == "," and self.age_or_who_after(tok)):
                out.append((tok.start, tok.end))  # (an age in brackets, "K.R. (15)", is privacy.title-initial's)
            elif tok.ent not in NOT_A_NAME_LABELS and self._owns_relative(tok.end) \
                    and not _DETERMINER_BEFORE.search(self.text, max(0, tok.start - 8), tok.start):
                out.append((tok.start, tok.end))  # (p23) "K.O.'s daughter (6) attends ...": initials with a relative
        return out

    def _owns_relative(self, end: int) -> bool:
        """(p23) A relative of the person (a kin noun of ``person_context``) owned right after ``end``: "'s daughter"."""
        m = _KIN_AFTER.match(self.text, end)
        return m is not None and m.group(1).casefold() in self.context.get("kin_nouns", frozenset())

    def bracketed(self) -> list[tuple[int, int]]:
        """A word said to be "he" or "she" in brackets right after it: "sunny (she always writes it in lower
        case) says ...", "Sam (he/him) joined", "river (he spells it that way) asked". The word opens its
        sentence or is capitalised, and is no pronoun, no word for a person or a person's relative or worker
        ("Mum (she's 80) came"), and has no determiner or possessive before it ("my mum (she ...)")."""
        out = []
        ctx = self.context
        if not ctx:
            return out
        common = ctx["pronouns"] | ctx["person_nouns"] | ctx["possessed_nouns"] | ctx["family_nouns"]
        for m in _BRACKET_PRONOUN.finditer(self.text):
            word = m.group(1)
            if word.casefold() in common or word.casefold() in self.names.role_words or self.blocked_word(word):
                continue
            before = self.text[max(0, m.start() - 40):m.start()]
            opens = not before.strip() or re.search(r"(?:[.!?:;]|\n)[ \t\u00a0\"“'‘]*\Z", before)
            if not (opens or _is_name_word(word)):
                continue
            if re.search(r"\b(?:[Tt]he|[Aa]n?|[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat)[ \t\u00a0]+\Z", before):
                continue
            if self.acceptable(m.start(1), m.end(1)):
                out.append((m.start(1), m.end(1)))
        return out

    def initial_surname(self) -> list[tuple[int, int]]:
        """An initial with its full stop and a surname the parse reads as a proper noun: "Letter sent to P.
        Adeyemi", "J. Okonkwo missed the review". Not after a capitalised word or a number ("Annex B.
        Figures", "Lot 2 B. Smith"), not where a sentence starts at the surname, not a blocked word."""
        out = []
        for m in _INITIAL_DOT.finditer(self.text):
            sur = self._tok_at(m.start(2))
            if sur is None or sur.token is None or sur.start != m.start(2):
                continue
            t = sur.token
            if t.pos_ != "PROPN" or t.tag_ == "NNPS" or t.is_sent_start or sur.ent in NOT_A_NAME_LABELS:
                continue
            word = sur.text
            if self.blocked_word(word) or word in self.names.titles or word in SAINTS \
                    or word.casefold() in self.names.public_roles:
                continue
            prev = self._tok_at(m.start() - 2) if m.start() >= 2 else None
            if prev is not None and prev.token is not None and (prev.text[:1].isupper() or prev.text[:1].isdigit()) \
                    and not prev.token.is_sent_start:
                continue  # "see Annex B. Figures", "Lot 2 B. Smith" (a word opening the sentence is capitalised anyway)
            end = self.extend(self.toks.index(sur))
            if self.acceptable(m.start(), end) and not self.public_role(m.start(), end):
                out.append((m.start(), end))
        return out

    def surname_first(self) -> list[tuple[int, int]]:
        """A surname in capitals, a comma and a listed first name, as registers and lists write a
        person: "OKONKWO, Dean: missed three appointments" (not an acronym the name lists veto)."""
        out = []
        n = self.names
        for m in _SURNAME_FIRST.finditer(self.text):
            surname, first = m.group(1), m.group(2)
            if first not in n.first_names and first not in n.ambiguous and not self._register_name(m.start(1), first, False):
                continue  # (an unlisted first name after a surname in capitals: "HUSSAIN, Farzana – self-referral")
            if surname.capitalize() in n.veto_words or surname in n.veto_words or self.blocked_word(surname.capitalize()):
                continue
            out.append((m.start(1), m.end(2)))
        for m in _SURNAME_FIRST_LINE.finditer(self.text):
            surname, first = m.group(1), m.group(2)
            if self.blocked_word(surname) or not self._register_name(m.start(1), first):
                continue  # "Quigley, Eamon – carer's assessment overdue" (not "Bradford, Leeds – referrals rose")
            out.append((m.start(1), m.end(2)))
        for m in _SURNAME_FIRST_TEXT.finditer(self.text):
            surname, first = m.group(1), m.group(2)
            # anywhere in a sentence only with a listed first name after a word no list knows (not a list of
            # places or of first names: "Leeds, Sarah and ...", "Amir, Sarah")
            if first not in n.first_names or first in n.ambiguous or surname in n.first_names or surname in n.ambiguous \
                    or self.blocked_word(surname) or not self._register_name(m.start(1), first, False):
                continue  # (the model reads a surname it does not know as a place as often as not: the list decides)
            lead = self._tok_at(m.start(1))
            if lead is not None and lead.token is not None and lead.pos != "PROPN":
                continue  # "Afterwards, Sarah said ...", "Yesterday, Karen rang"
            out.append((m.start(1), m.end(2)))
        # (p21) a register's "Surname I." entries: two or more in a list ("Begum S., Lloyd-Jones T., Farrell K."), or one
        # with a courtesy title in brackets after it ("Rees, M. (Mrs) wishes to complain")
        initialled = [m for m in _SURNAME_INITIAL.finditer(self.text) if not self.blocked_word(m.group(1))
                      and m.group(1) not in self.names.titles and m.group(1).casefold() not in self.names.public_roles]
        for m in initialled:
            if len(initialled) >= 2 or m.group(2):
                out.append((m.start(1), m.end()))
        for m in _SURNAME_SLASH_FIRST.finditer(self.text):
            surname, first = m.group(1), m.group(2)
            if first in n.ambiguous or self.blocked_word(surname.capitalize()) or surname.capitalize() in n.veto_words \
                    or surname in n.veto_words or not re.search(r"[AEIOUYaeiouy]", surname):
                continue
            if surname.isupper():
                ok = len(surname) > 2 and (first in n.first_names or self._register_name(m.start(1), first, False))
            else:  # a surname in title case beside a listed first name the parse (if any) reads as no place
                ok = first in n.first_names and (self._register_name(m.start(1), first)
                                                 or not self.toks or self.toks[0].token is None)
            if ok:
                out.append((m.start(1), m.end(2)))
        # (p24) lower-case pairs whose second word is a listed first name, two or more of them or under a heading that
        # says so ("surname/first"): one pair alone is more often "and/or", "yes/no"
        pairs = [m for m in _LOWER_SLASH_FIRST.finditer(self.text)
                 if m.group(2).capitalize() in n.first_names and m.group(2).capitalize() not in n.ambiguous
                 and m.group(2) not in n.ambiguous_lower() and not self.blocked_word(m.group(1).capitalize())]
        if len(pairs) >= 2 or pairs and re.search(r"(?i)\bsurname", self.text):
            out += [(m.start(1), m.end(2)) for m in pairs]
        for m in _SURNAME_CAPS_FIRST.finditer(self.text):
            surname, first = m.group(1), m.group(2)
            if first not in n.first_names or first in n.ambiguous or not re.search(r"[AEIOUY]", surname) \
                    or surname.capitalize() in n.veto_words or surname in n.veto_words or self.blocked_word(surname.capitalize()) \
                    or self.blocked_word(first) or _DETERMINER_BEFORE.search(self.text, max(0, m.start() - 12), m.start()):
                continue  # (an acronym before a first name: "NHS Grampian" is vetoed; "the CAMHS Sarah leads" is a team's)
            out.append((m.start(1), m.end(2)))
        return out

    def _register_name(self, start: int, first: str, parse: bool = True) -> bool:
        """``first`` is a first name as a register writes it after the surname at ``start``: a capitalised word no list
        blocks, not a role or a public office, and (``parse``: a surname in title case, which a place list shares)
        one the model reads as no place, date or number (a surname in capitals is a register's by itself; the small
        model reads "HUSSAIN, Farzana" as two places)."""
        if self.blocked_word(first) or first.casefold() in self.names.public_roles or not _is_name_word(first):
            return False
        if not parse:
            return True
        ents = []
        for offset in (start, self.text.find(first, start)):
            tok = self._tok_at(offset)
            if tok is None or tok.token is None:
                return False  # (without the parse: only a listed first name)
            ents.append(tok.ent)
        # (p21) either word read as a person settles it: "'Nowicka, Halina – did not attend'" (Halina a place to the model)
        return any(e in self.names.labels for e in ents) or not any(
            e in ("GPE", "LOC", "DATE", "TIME", "CARDINAL", "NORP", "FAC") for e in ents)

    def _among_groups(self, start: int) -> bool:
        """(p23) Another entity of the sentence is a nationality or a group (NORP): the words in a list of groups."""
        tok = self._tok_at(start)
        if tok is None or tok.token is None:
            return False
        return any(e.label_ == "NORP" for e in tok.token.sent.ents)

    def entities(self) -> list[tuple[int, int]]:
        """The model's PERSON entities, less the model's usual mistakes."""
        out = []
        titles = set(self.names.titles) | {t + "." for t in self.names.titles}
        for label, idx in self.ents:
            if label not in self.names.labels:
                continue
            words = [self.toks[i] for i in idx]
            while words and words[0].pos in _EDGE_POS:
                words.pop(0)
            while words and (words[-1].pos in _EDGE_POS and not self.surname_as_verb(self.toks.index(words[-1]))
                             or words[-1].text in ("'s", "’s")):
                words.pop()
            core = [w for w in words if w.text not in titles]
            if not core:
                continue
            if words[-1].text[:1].islower() and not _HYPHENED_SYLLABLE.search(self.text, 0, words[-1].end) \
                    or any(w.text in ("'s", "’s") for w in words[:-1]):
                continue  # "Whippy van", "Mrs Brown's Boys": a brand or a title, not a person (but (pv2 s36) a
                # given name of two syllables joined by a hyphen, the second in lower case, "Chan Ka-yan", "Ji-woo")
            # a title just before the entity ("Mr [Kipling] cakes", "Sir [Michael Marmot]")
            lead = re.search(r"(?<![\w.])([A-Z][a-z]+)\.?[ \t\u00a0]+\Z", self.text[max(0, words[0].start - 12):words[0].start])
            if lead and (lead.group(1) in titles or lead.group(1) in self.names.honour_titles):
                tstart = words[0].start - len(lead.group(0))
                if self.titled_thing(tstart, words[-1].end) or self.public_role(tstart, words[-1].end, lead.group(1)):
                    continue
            texts = [w.text for w in core]
            value = self.text[words[0].start:words[-1].end]
            if any(ch.isdigit() for ch in value):
                continue
            if not any(_is_name_word(t) for t in texts):
                continue  # acronyms (GAD, ICB), lower case, initials ("Ms R.")
            if len(core) > 1 and all(t in MONTHS or t in DAYS for t in texts if _is_name_word(t)):
                continue  # "Jul-Oct 2025", "Mon-Fri": a span of months or days the model took for a person
            if any(t in self.names.veto_words for t in texts):
                continue
            if _COUNTED_AS.search(self.text, max(0, words[0].start - 12), words[0].start) \
                    and self._among_groups(words[0].start):
                continue  # (p23) a category counted in a figure: "21 as Polish or Romanian, ... and 9 as Bangladeshi"
            places = [k for k, t in enumerate(texts) if t in self.names.place_words]
            if places:
                # only "Rachel Green": a listed first name and a surname word last
                if places != [len(texts) - 1] or texts[-1] not in self.names.surname_words or not any(
                    t in self.names.first_names and t not in self.names.ambiguous for t in texts[:-1]
                ):
                    continue
            if all(t.casefold() in self.names.role_words for t in texts):
                continue
            if texts[0] in SAINTS or self.rule.exceptions.match(" ".join(texts)):
                continue
            if len(core) == 1:
                word, tok = texts[0], core[0]
                listed = word in self.names.first_names
                if tok.pos and tok.pos != "PROPN" and not listed and not self.visited(tok) \
                        and not (tok.token is not None and self.says_of_self(tok.token)):
                    continue  # "rated Good" (but "We visited Sunny at home": the model's person, visited; (pv35)
                    # "Suleiman from flat 12 told us he ...": the model's person, saying something of himself)
                if not listed and self.after_the(idx[0]):
                    continue  # "the Becklin"
                if not listed and self.conjunct_of_place(tok):
                    continue  # "Wakefield, Pontefract and Castleford"
                if word in DAYS:
                    continue
                if not listed and self.opens_noun_phrase(idx[0]):
                    continue  # "Refresher session on ...", "Outreach visits": a capitalised first word
                if (word in MONTHS or word in self.names.ambiguous) and not self.personal_context(tok):
                    continue
            if self.acceptable(words[0].start, words[-1].end) and not self.public_role(words[0].start, words[-1].end) \
                    and not (len(core) < len(words) and self.titled_thing(words[0].start, words[-1].end)):
                out.append((words[0].start, words[-1].end))
        return out

    def determined_thing(self, start: int, end: int) -> bool:
        """Capitalised words after a determiner ("the", "our", "their") are a named
        thing (a group, a choir, a scheme), not a person, when the run of capitalised words from the
        determiner holds two or more (joined by "and"/"&" or a possessive too: "The Thursday Knit and
        Natter", "the Veterans' Brew Crew") and no word for a family follows ("the Patel family")."""
        run = _DETERMINED_RUN.search(self.text[max(0, start - 80):start])
        if run is None:
            return False
        found = _CAPITALISED.findall(self.text[start:end])
        # two capitalised words are a name as often as a thing ("Our Jo Bloggs has been brilliant"): a thing
        # needs another capitalised word in its run, before the candidate or straight after it ("the Jenny
        # Lind Singers"), three of its own, or a noun for a group after it ("Our Good Neighbours scheme")
        after = _NEXT_CAPITALISED.match(self.text, end)
        around = _CAPITALISED.findall(run.group(1)) + _CAPITALISED.findall(after.group())
        nxt = re.match(r"[ \t\u00a0]+([a-z]+)", self.text[after.end():after.end() + 30])
        grouped = bool(nxt) and nxt.group(1) in self.names.group_nouns
        words = around + found
        if not (around or grouped or len(found) >= 3) or any(w in self.names.titles or w in self.names.honour_titles for w in words):
            return False  # (a title makes it a person: "the review panel heard that Mr Tomasz Nowak ...")
        nxt = re.match(r"[ \t\u00a0]+([a-z]+)", self.text[end:end + 30])
        return not (nxt and nxt.group(1) in self.context.get("family_nouns", ()))

    def first_names(self) -> list[tuple[int, int]]:
        """Listed first names used as a person: "we visited Aisha at home"."""
        out = []
        n = self.names
        for i, tok in enumerate(self.toks):
            word = tok.text
            ambiguous = word in n.ambiguous
            if not (ambiguous or word in n.first_names or (not word.isascii() and _folded(word) in n.first_names)):
                continue
            pronoun = ambiguous and self.word_name_with_pronoun(i)
            if (tok.ent in NOT_A_NAME_LABELS or self.in_place_entity(tok)) and not pronoun:
                continue
            if ambiguous and tok.pos and tok.pos != "PROPN" and not pronoun and not self.named(tok) and not self.bracketed_here(tok) \
                    and not (self.bare_subject(tok) and self.personal_context(tok)) and not self.person_by_grammar(tok) \
                    and not self.owner_by_words(tok) and not self.subject_by_words(i) \
                    and not (word not in MONTHS and self.age_or_who_after(tok)):
                continue  # "Will Daniel come?", "Hope grew" (but "Grace said the group gave her ...", "Sunny | 17 |")
            if i > 0 and self.toks[i - 1].text in SAINTS:
                continue
            heading = self.heading_like(tok)
            end = self.extend(i, surnames=not ambiguous)
            if ambiguous and (heading or end == tok.end) and not (
                pronoun or self.personal_context(tok) or self.conjunct_of_name(tok) or self.person_by_grammar(tok)
                or self.owner_by_words(tok) or self.subject_by_words(i)
            ):
                continue
            if self.public_role(tok.start, end):
                continue
            if end == tok.end and not heading:
                end = self.initial_after(end)  # "Leonie W", "Dylan P."
            if self.acceptable(tok.start, end):
                # in a Title Case heading the next capitalised words need not
                # be a surname: report the first name only
                out.append((tok.start, tok.end if heading else end))
        return out

    def word_name_with_pronoun(self, i: int) -> bool:
        """(p24) A first name that is also a word ("Rose", "Will", "Faith", "Summer", "Precious"), capitalised, that the
        same sentence goes on to call "she" or "he" (or "her", "his", "him") with no other person between: "Rose is
        refusing to see the CPN unless her daughter is there", "I'm worried about Faith - she hasn't eaten", "Keep an
        eye on Summer at the Friday drop-in, she has been low". Read from the words, not the parse (which reads such a
        word as a verb, a date or an organisation as often as not). Not when a lower-case noun or a capitalised word
        follows it ("Faith groups", "Will Power"), nor after a word of time ("in Summer she ...")."""
        toks = self.toks
        tok = toks[i]
        if not tok.text[:1].isupper() or tok.text.isupper():
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (nxt.text[:1].isupper() and nxt.text.isalpha() or nxt.pos in ("NOUN", "PROPN", "NUM")
                                and nxt.text.lower() not in self.context.get("not_owner_words", ())):
            return False  # ("Faith groups", "Will Power"; not "check on Faith tonight, she ...")
        if i > 0 and toks[i - 1].text.lower() in self.context.get("time_words_before", ()):
            return False
        if nxt is not None and nxt.text.lower() in self.context.get("pronouns", ()):
            return False  # a question's verb before its subject: "Will she come to the group?"
        if nxt is not None and nxt.pos == "CCONJ" or i > 0 and toks[i - 1].pos == "CCONJ":
            return False  # two things joined ("Hope and Faith are the two rooms she likes"): the pronoun is no one's of them
        if i > 0 and toks[i - 1].pos == "DET" or i > 0 and toks[i - 1].text.lower() in self.context.get("determiners", ()):
            return False  # "the Hope project", "our Faith"
        return self.pronoun_follows(i)

    def lower_name_with_pronoun(self, i: int) -> bool:
        """(p24) A listed first name typed in lower case that its sentence goes on to call "she" or "he": "met with
        ellis and his key worker", "only ray and his dog came in", "reviewed with summer today – she's agreed". Only
        after a preposition, a comma or dash, or at the sentence's start ("we will see if she ..." is a verb), and
        not before a noun."""
        toks = self.toks
        tok = toks[i]
        word = tok.text
        n = self.names
        if not (word.isalpha() and word.islower() and len(word) > 2) or not tok.parsed:
            return False
        if word.capitalize() not in n.first_names and word.capitalize() not in n.ambiguous:
            return False
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.pos != "ADP" and prev.text not in ",;:-–—(" and "\n" not in self.text[prev.end:tok.start]:
            return False
        if prev is not None and prev.text.lower() in self.context.get("time_words_before", ()):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.pos in ("NOUN", "PROPN", "NUM", "ADJ") and nxt.text.lower() not in self.context.get("not_owner_words", ()):
            return False
        return self.pronoun_follows(i)

    def pronoun_follows(self, i: int) -> bool:
        """The sentence after token ``i`` calls someone "she" or "he" (or "her", "his", "him") before any other
        person it could stand for (a person noun, a relative, a first name, a capitalised word that is no month,
        day or title)."""
        toks = self.toks
        tok = toks[i]
        pronouns = self.context.get("pronouns", frozenset())
        nouns = self.context.get("person_nouns", frozenset()) | self.context.get("kin_nouns", frozenset())
        n = self.names
        for t in toks[i + 1:]:
            word = t.text
            if word in ".!?\n" or "\n" in self.text[tok.end:t.start]:
                return False
            low = word.lower()
            if low in pronouns:
                return True
            if low in nouns or word in n.first_names or word in n.ambiguous:
                return False  # someone else the pronoun could be
            if word[:1].isupper() and not word.isupper() and word not in MONTHS and word not in DAYS \
                    and word.rstrip(".") not in n.titles:
                return False
        return False

    def capitals(self) -> list[tuple[int, int]]:
        """(p22b) A listed first name written in capitals with a surname in capitals, as an alert or a record header
        writes a name ("DO NOT GIVE INFO TO GARY HOLLOWAY", "SEAMUS O'DRISCOLL, a tenant"), or a listed first name in
        capitals alone opening a line of a note before a dash or a colon ("ERYL – refused meds"). Not a first name that
        is also a word (``ambiguous_first_names``: "MAY", "GRACE") nor one before a place word ("ALDER COURT")."""
        out = []
        n = self.names
        caps = list(_CAPS_WORD.finditer(self.text))
        for k, m in enumerate(caps):
            first = m.group().rstrip("-")
            word = first[:1] + first[1:].lower()
            if word in n.ambiguous or not (word in n.first_names or _folded(word) in n.first_names):
                continue
            nxt = caps[k + 1] if k + 1 < len(caps) else None
            if nxt is not None and re.fullmatch(r"[ \t\u00a0]+", self.text[m.end():nxt.start()]):
                words = [nxt] + ([caps[k + 2]] if k + 2 < len(caps)
                                 and re.fullmatch(r"[ \t\u00a0]+", self.text[nxt.end():caps[k + 2].start()]) else [])
                title_case = [w.group()[:1] + w.group()[1:].lower() for w in words]
                # not a name before a place or an organisation's word: "JOHN LEWIS PARTNERSHIP", "ALDER COURT"
                if not (self.blocked_word(title_case[0]) and title_case[0] not in n.surname_words) \
                        and not any(w in n.place_words for w in title_case[1:]):
                    out.append((m.start(), nxt.end()))
                continue
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            if _CAPS_LINE_OPENER.match(self.text, m.end()) and not self.text[line_start:m.start()].strip(" \t*-•>#"):
                out.append((m.start(), m.end()))
        return out

    def quoted_word(self, i: int) -> bool:
        """A capitalised word alone in quotation marks, as a nickname is written ("'Spud' came in again, said he's
        been off his meds"): the model reads it as a common noun, but the marks say it is what someone is called.
        It is a name only where the sentence also says it is a person (:meth:`personal_context`), and a quoted
        title of a work is still left by :meth:`title_of_work` ("the song 'Jolene'")."""
        tok = self.toks[i]
        if i == 0 or i + 1 >= len(self.toks) or not tok.text[:1].isupper():
            return False
        before, after = self.toks[i - 1], self.toks[i + 1]
        return (before.text in _OPENING_QUOTES and after.text in _CLOSING_QUOTES
                and before.end == tok.start and after.start == tok.end)

    def in_context(self) -> list[tuple[int, int]]:
        """Names the list does not know, found from how the sentence uses them."""
        out = []
        for i, tok in enumerate(self.toks):
            if tok._doc is None or not _is_name_word(tok.text):
                continue
            if tok.pos != "PROPN" and not self.named(tok) and not self.quoted_word(i) \
                    and not (self.adjective_subject(tok) and (self.owner_by_words(tok) or self.person_verb_subject(tok))) \
                    and not (self.adjective_mid_sentence(tok) and (self.owner_by_words(tok)
                                                                   or self.described_as_person(tok.token))):
                continue
            if tok.text in self.names.titles or self.blocked_word(tok.text) and not self.kin_owner(i) or tok.text in SAINTS \
                    or tok.text.casefold() in self.names.public_roles:
                continue  # (a public office before a name is not part of it: "Prince Harry")
            if tok.ent in NOT_A_NAME_LABELS or self.in_place_entity(tok) and not (len(self.ents[tok.ent_index][1]) == 1
                                                                                 and self.kin_owner(i)):
                continue
            if tok.ent_index >= 0 and not self.named(tok):
                label, idx = self.ents[tok.ent_index]
                if label not in self.names.labels and (label not in _MISLABELLED or len(idx) > 1) \
                        and not self.appositive_person(tok) and not self.owns_family(tok) \
                        and not self.subject_owning_kin(tok) and not self.aged_name(tok):
                    continue  # "Inkwell Arts", "Unity Housing": organisations
            if tok.token.tag_ == "NNPS" or self.after_the(i):
                continue  # "Investors in People", "the Mount"
            if not self.personal_context(tok):
                continue
            start, end = tok.start, self.extend(i)
            # a first name before it ("Nkechi Obi"): walk left over name words
            j = i - 1
            while j >= 0 and (self.toks[j].pos == "PROPN" or self.toks[j].text in self.names.ambiguous
                              or self.toks[j].text in self.names.first_names) and _is_name_word(self.toks[j].text) \
                    and not self.blocked_word(self.toks[j].text) \
                    and self.toks[j].text.casefold() not in self.names.public_roles \
                    and self.text[self.toks[j].end:start] in (" ", "\u00a0"):
                start, j = self.toks[j].start, j - 1
            if self.acceptable(start, end) and not self.public_role(start, end):
                out.append((start, end))
        return out


NAME_SOURCES = ("titles", "entities", "first_names", "in_context", "lower_case", "surname_first", "bracketed",
                "initial_surname", "initials")


def name_candidates(finder: _NameFinder) -> list[tuple[int, int, str]]:
    """Every name the finder's sources give, as ``(start, end, source)``, before the learned filter."""
    return [(s, e, source) for source in NAME_SOURCES for s, e in getattr(finder, source)()]


def _eponymous_condition(finder: "_NameFinder", start: int, end: int) -> bool:
    """(p22b) A condition named after a person, not a person: a name with its possessive before one of
    ``condition_nouns`` ("Huntington's disease"), or one of ``eponymous_conditions`` with its possessive and no
    title ("early-onset Alzheimer's", "people with Asperger's"; not "Mrs Parkinson's son")."""
    m = _EPONYM_AFTER.match(finder.text, end)
    if m is None:
        return False
    if m.group(1) and m.group(1).casefold() in finder.context.get("condition_nouns", ()):
        return True
    words = finder.text[start:end].split()
    return len(words) == 1 and words[0].casefold() in finder.context.get("eponymous_conditions", ()) \
        and not (m.group(1) and m.group(1)[:1].islower() and m.group(1).casefold() in finder.context.get("kin_nouns", ()))


def _name_spans(rule: PrivacyRule, text: str, doc, private: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    finder = _NameFinder(rule, text, doc, private)
    # (p22) a hashtag or a handle is no name as written ("#RecoveryCafe"; a handle is privacy.social-handle's)
    # ... nor is one word that the lists know as a word for a person or a relative ("Neighbour reported noise",
    # "Perpetrator: ex-partner" at a sentence's start, capitalised)
    common = {w for k in ("person_nouns", "kin_nouns") for w in finder.context.get(k, ())}
    spans = [sp for sp in name_candidates(finder) if text[sp[0] - 1:sp[0]] not in ("#", "@")
             and text[sp[0]:sp[1]].casefold() not in common and not _eponymous_condition(finder, sp[0], sp[1])]
    if doc is not None:
        # the learned filter (phrasebank/privacy-name-filter.json) drops names that read as not personal data;
        # its features are read from the parse, so without one every candidate stays. The joined-name and kin
        # passes run with no other name found too: "Her daughter Kacey-Mae has started school."
        kept = _by_line(finder, (privacy_filter.keep(finder, spans) if spans else []) + finder.capitals())
        named = _with_particle_surname(text, _with_joined_names(finder, _whole_names(text, kept)), rule)
        named = _with_given_name(_with_split_names(text, named, rule), doc, rule)
        return _with_description(text, _with_title_before(text, _with_nickname_word(text, named, rule), rule), rule)
    plain = _by_line(finder, [(s, e) for s, e, _ in spans] + finder.capitals())
    return _with_description(text, _with_title_before(text, _with_nickname_word(text, _whole_names(text, plain), rule), rule),
                             rule)


def _by_line(finder: "_NameFinder", spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(s28) A name found across a line break is cut at it: a list's or a rota's lines are one name each
    ("Maria Kowalczyk\nJoe Lamb", "Joanne Pike\nSun 9th"), and a part that is only a word the lists know (a day, a
    month, a role, a column's label: ``line_label_words``) is no name ("June\nMon", "Readmissions\nWillow")."""
    text, out = finder.text, []
    labels = finder.context.get("line_label_words", frozenset())
    for start, end in spans:
        if "\n" not in text[start:end]:
            # a list's label at either end of a name the model read on one line: "Nwosu Sun" in "Sat: Dr Emeka Nwosu
            # Sun: Rhian" (a rota whose line ends were read as spaces)
            m = _LABEL_EDGE.search(text, start, end)
            if m is not None and m.group(1).casefold() in labels:
                end = start + len(text[start:m.start()].rstrip())
            m = _LABEL_LEAD.match(text, start, end)
            if m is not None and m.group(1).casefold() in labels:
                start = m.end()
            if end > start:
                out.append((start, end))
            continue
        pos = start
        for part in text[start:end].split("\n"):
            a = pos + len(part) - len(part.lstrip())
            b = pos + len(part.rstrip())
            pos += len(part) + 1
            words = text[a:b].split()
            if words and not all(finder.blocked_word(w.rstrip(":,.;")) or w.rstrip(":,.;").casefold() in labels
                                 for w in words):
                out.append((a, b))
    return out


_LABEL_EDGE = re.compile(r"[ \t\u00a0]+([A-Za-z]+)\Z")
_LABEL_LEAD = re.compile(r"([A-Za-z]+)[ \t\u00a0]+")


def _with_title_before(text: str, spans: list[tuple[int, int]], rule: PrivacyRule) -> list[tuple[int, int]]:
    """(s28) A name's span widened over the title (or two titles joined by "and") written right before it in
    capitals or, before a name in lower case, in lower case: "MS HUONG TRAN", "mr and mrs o'connell"."""
    titles = rule.names.titles if rule.names is not None else []
    if not spans or not titles:
        return spans
    out = []
    for start, end in spans:
        lower = text[start:end].islower()
        while True:
            m = _WORD_BEFORE_ANY.search(text, max(0, start - 16), start)
            if m is None:
                break
            word = m.group(1).rstrip(".")
            if word.casefold() in ("and", "&"):
                m2 = _WORD_BEFORE_ANY.search(text, max(0, m.start() - 16), m.start())
                if m2 is None or not _written_title(m2.group(1).rstrip("."), titles, lower):
                    break
                start = m2.start(1)
                continue
            if not _written_title(word, titles, lower):
                break
            start = m.start(1)
        out.append((start, end))
    return out


_WORD_BEFORE_ANY = re.compile(r"(?<![\w'’\-])([A-Za-z]+\.?|&)[ \t\u00a0]+\Z")


def _written_title(word: str, titles, lower: bool) -> bool:
    """``word`` is one of ``titles`` in capitals, or in lower case before a name in lower case (as written is the
    title finder's own)."""
    return any(word == (t.lower() if lower else t.upper()) for t in titles)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _description_patterns(rule: PrivacyRule) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """(age, apposition, origin) patterns made from the rule's word lists, once per loaded rule."""
    names = rule.names
    cached = names.__dict__.get("_description_patterns")
    if cached is None:
        ctx = names.context
        ages, leads, origins = (ctx.get(k, frozenset()) for k in ("age_labels", "description_leads", "origin_words"))
        if not (ages and leads and origins):
            names.__dict__["_description_patterns"] = cached = ()
        else:
            age = _alternation(ages)
            area = _alternation(ctx.get("local_area_nouns", frozenset()) or {"area"})
            cached = (
                re.compile(rf"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?i:{age})[ \t\u00a0]+)?\d{{1,3}}(?=[ \t\u00a0]*(?:[,;:.)]|\Z))"
                           rf"|\([ \t\u00a0]*(?:(?i:{age})[ \t\u00a0]+)?\d{{1,3}}"
                           # (p22b) the place in the brackets with the age: "JT (34, Hulme)"
                           rf"(?:[ \t\u00a0]*,[ \t\u00a0]*[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*){{0,2}})?[ \t\u00a0]*\)"
                           # (s28) the year or date of birth in the brackets: "Mr Nguyen (b. 1948)", "Ana (born 12/3/61)"
                           rf"|\([ \t\u00a0]*(?i:b\.|born|d\.?o\.?b\.?:?)[ \t\u00a0]*(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-])?\d{{2,4}}[ \t\u00a0]*\))"),
                re.compile(rf"[ \t\u00a0]*,[ \t\u00a0]*(?i:{_alternation(leads)})[ \t\u00a0]+[^,;:.!?()\n]{{1,60}}?"
                           rf"(?=[ \t\u00a0]*(?:[,;:.!?)]|\n|\Z))"),
                re.compile(rf"[ \t\u00a0]*,?[ \t\u00a0]*(?i:{_alternation(origins)})[ \t\u00a0]+(?:(?i:the)[ \t\u00a0]+)?"
                           rf"[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*){{0,3}}(?:[ \t\u00a0]+(?:{area})\b)?"
                           # (p22b) and the town it is in: "from the Gorse Hill estate in Swindon"
                           rf"(?:[ \t\u00a0]+in[ \t\u00a0]+[A-Z][\w'’\-]*(?:[ \t\u00a0]+[A-Z][\w'’\-]*){{0,2}})?"),
            )
            names.__dict__["_description_patterns"] = cached
    return cached or None


def _with_description(text: str, spans: list[tuple[int, int]], rule: PrivacyRule) -> list[tuple[int, int]]:
    """(p22) A name's spans widened over the description written straight after it, which identifies the person
    with it: an age ("Lee, 42,", "J.T., aged 34,", "Mr Lis (52)"), then an apposition that says who they are ("a
    former steelworker from Port Talbot") or where they are from ("from the Hillfields estate"). Only a name found
    is widened: nothing is flagged that was not."""
    patterns = _description_patterns(rule) if spans else None
    if patterns is None:
        return spans
    age, apposition, origin = patterns
    out = []
    for start, end in spans:
        m = age.match(text, end)
        if m is not None:
            end = m.end()
        m = _BRACKET_PLACE.match(text, end) if text[start - 1:start] == "(" and start else None
        if m is not None:
            end = m.end()  # (p24) a rota's brackets: "Gill (Mr Evans, Whitchurch)", the visited person and their area
        m = apposition.match(text, end)
        if m is not None:
            end = m.end()
        elif m is None and text[end:end + 1] == ",":
            m = origin.match(text, end)
            if m is not None:
                end = m.end()
        out.append((start, end))
    return out


def _with_joined_names(finder: "_NameFinder", spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name joined by "and" to a person's name found is a person's too: "We supported Shona and Ewan MacLeod"
    (one or two capitalised name words no list blocks, not an office; with the parse)."""
    text, out = finder.text, list(spans)
    for _start, end in spans:
        m = _JOINED_NAME.match(text, end)
        if m is None or any(s <= m.start(1) < e for s, e in spans):
            continue
        if _plain_name(finder, m.group(1)) and not finder.public_role(m.start(1), m.end(1)):
            out.append((m.start(1), m.end(1)))  # (not staff in role: "PC Lewis and Jo Barnes, the triage nurse,")
    # a relative named after "his", "her" or "their" and the word for them: "her daughter Kacey-Mae"
    kin = finder.context.get("kin_nouns", ())
    for m in _KIN_NAMED.finditer(text):
        if m.group(1).lower() in kin and _plain_name(finder, m.group(2)) \
                and not any(s <= m.start(2) < e for s, e in out):
            out.append((m.start(2), m.end(2)))
    return sorted(out)


def _plain_name(finder: "_NameFinder", value: str) -> bool:
    """Every word of ``value`` is a capitalised name word that no list blocks, no office and no title."""
    n = finder.names
    return all(_is_name_word(w) and not finder.blocked_word(w) and w.casefold() not in n.public_roles
               and w not in n.titles for w in re.split(r"[ \t\u00a0]+|-(?=[A-Z])", value))


def _with_nickname_word(text: str, spans: list[tuple[int, int]], rule: PrivacyRule) -> list[tuple[int, int]]:
    """Name spans widened over a street nickname's first word right before them ("Big Dave", "Wee Tam":
    person_context's ``nickname_words``), so the finding covers the nickname as written; (pv2 s36) and over a
    nickname set off after them and said to be what some people call the person ("Abdul Karim, Nana to all the
    family,": one or two capitalised words, "to", then one of ``nickname_scopes``)."""
    words = rule.names.context.get("nickname_words", ())
    scopes = rule.names.context.get("nickname_scopes", ())
    out = []
    for start, end in spans:
        m = _WORD_BEFORE_NAME.search(text, max(0, start - 12), start)
        if m is not None and m.group(1).casefold() in words:
            start = m.start(1)
        after = _NICKNAME_SET_OFF.match(text, end) if scopes else None
        if after is not None and after.group(2).casefold() in scopes:
            end = after.end(1)
        out.append((start, end))
    return out


# the rest of a name found in part: a hyphenated part before or after it ("Nnamdi-|Oluwaseun",
# "Adeyemi|-Clarke"), an initial before it ("A. |Nwachukwu", "R |Mahmood"; not the article "A" or "I"
# without a full stop)
_HYPHEN_BEFORE = re.compile(r"(?<![\w'’\-])[A-Z][\w'’]*-\Z")
_HYPHEN_AFTER = re.compile(r"-[A-Z][\w'’]*(?![\w\-])")
_INITIAL_BEFORE = re.compile(rf"(?<![\w.'’])(?:[A-Z]\.[ \t\u00a0]?|(?![AI][ \t])[{_UPPER}][ \t\u00a0])\Z")
# (p23) one capital letter between a name and a capitalised word belongs to the name: an initial or a one-letter
# particle ("Ciarán Ó Briain", "John R Hurst"; not the article "A" or "I")
_INITIAL_AFTER_NAME = re.compile(rf"[ \t\u00a0](?![AI][ \t])[{_UPPER}]\.?[ \t\u00a0]{_NAME_WORD}")
# (s28) one letter after a name that ends a list item, a cell or a line is its surname's initial: "Eilidh M - Sarah",
# "Jahid R,", "marcus w\n" (a dash after a space, so "A-level" is not one; never "I")
_INITIAL_ENDS_NAME = re.compile(rf"[ \t\u00a0]((?![Ii][ \t\u00a0,;:|/)\n]|[Ii]\Z)[{_UPPER}a-z])\.?"
                                rf"(?=[ \t\u00a0]*(?:[,;:|/)\n]|\Z)|[ \t\u00a0]+[-–—][ \t\u00a0])")
# two parts of one name next to each other ("Nguyễn| |Thị Lan"): only a space or a hyphen between them
_NAME_GAP = re.compile(r"[ \t\u00a0\-]\Z")


def _with_particle_surname(text: str, spans: list[tuple[int, int]], rule: PrivacyRule) -> list[tuple[int, int]]:
    """(p24) A name widened over a particle and the surname after it (``name_particles``): "Rhodri ap Gwyn", typed in
    lower case too ("rhodri ap gwyn"); the surname is written in the name's own case."""
    particles = rule.names.context.get("name_particles", frozenset()) if rule.names is not None else frozenset()
    out = []
    for start, end in spans:
        found = end
        words = text[start:end].split()
        if len(words) > 1 and words[-1].lower() in particles:  # the particle already in the span ("rhodri ap")
            end = len(text[:end - len(words[-1])].rstrip())
        m = _PARTICLE_SURNAME.match(text, end)
        if m and m.group(1).lower() in particles and text[start:start + 1].isalpha() \
                and m.group(2)[:1].isupper() == text[start:start + 1].isupper():
            end = m.end()
        else:
            end = found
        out.append((start, end))
    return out


def _with_given_name(spans: list[tuple[int, int]], doc, rule: PrivacyRule) -> list[tuple[int, int]]:
    """(pv2 s33) A surname that opens with a particle ("Dela Cruz", "De Souza", "Van Wyk"), which the model may take
    alone, widened left over the given name the parse joins to it: a capitalised proper noun right before it that
    is a compound of a word of the name ("Maricel Dela Cruz, a night-shift healthcare assistant, ...")."""
    if rule.names is None or not spans:
        return spans
    ctx = rule.names.context
    particles = ctx.get("name_prefixes", frozenset()) | ctx.get("name_particles", frozenset())
    starts = {t.idx: t for t in doc}
    out = []
    for start, end in spans:
        tok = starts.get(start)
        if tok is not None and tok.i > 0 and tok.text[:1].isupper() and tok.lower_ in particles:
            before = doc[tok.i - 1]
            if before.pos_ == "PROPN" and before.dep_ in ("compound", "flat") and before.text[:1].isupper() \
                    and before.whitespace_ and start <= before.head.idx < end and before.is_alpha:
                start = before.idx
        out.append((start, end))
    return out


def _whole_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name spans widened to the whole name as written, and parts of one name joined."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        while True:
            m = _HYPHEN_BEFORE.search(text, max(0, start - 30), start)
            if m is None:
                break
            start = m.start()
        m = _INITIAL_BEFORE.search(text, max(0, start - 3), start)
        if m is not None and text[start:start + 1].isupper():
            start = m.start()
        m = _HYPHEN_AFTER.match(text, end)
        if m is not None:
            end = m.end()
        m = _INITIAL_AFTER_NAME.match(text, end)
        if m is not None:
            end = m.end()
        else:
            m = _INITIAL_ENDS_NAME.match(text, end)
            if m is not None and m.group(1).isupper() == text[start:start + 1].isupper():
                end = m.end(1)  # (s28) a list's "Eilidh M - Sarah", a note's "marcus w - low"
        if out and (start <= out[-1][1] or (start - out[-1][1] == 1 and _NAME_GAP.match(text, out[-1][1], start))):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


# (p25b) "Surname, Firstname" / "SURNAME, Firstname" as a line's (or a label's) whole value: one name, written
# surname first ("O'Sullivan, Ciarán", "OKAFOR, Chidi (key worker)")
# ("O'Sullivan, Ciarán", "OKAFOR, Chidi (key worker)", a table cell "| Begum, Rahima |"), and a surname in capitals
# anywhere before a name ending a clause ("re-book the clinic for ABIODUN, Tolu; he could not ...")
_SURNAME_PAIR = re.compile(
    rf"(?m)(?:(?:^|[:|])[ \t\u00a0]*(?:[-*•][ \t]+)?({_NAME_WORD})|(?<![\w'’\-])([{_UPPER}][{_UPPER}'’\-]+)),"
    rf"[ \t\u00a0]+({_NAME_WORD})(?=[ \t\u00a0]*(?:$|[(\[|;:.,–—)]|-[ \t]))")
# a line that is one or two name words alone (a signature block's line)
_NAME_LINE = re.compile(rf"[ \t\u00a0]*({_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD})?)[ \t\u00a0,]*$")


def _with_split_names(text: str, spans: list[tuple[int, int]], rule: PrivacyRule) -> list[tuple[int, int]]:
    """(p25b) A name found in part widened over the rest of it by structure: the other half of a "Surname,
    Firstname" pair that is a line's or a label's whole value, and, in a signature block, a line of one or two name
    words alone right after (or before) a line that is the name found alone ("Deborah\nOkonkwo-Hart"); a word the
    privacy lists know (a role, a title, a place word) is not a name's part."""
    if not spans:
        return spans
    index = privacy_filter._class_index(rule.names) if rule.names is not None else {}
    titles = set(rule.names.titles) if rule.names is not None else set()

    def plain(value: str) -> bool:
        return all(w.casefold() not in index and w.rstrip(".") not in titles for w in value.split())

    out = [list(sp) for sp in spans]
    for m in _SURNAME_PAIR.finditer(text):
        g = 1 if m.group(1) else 2
        for sp in out:
            if sp[0] < m.end(3) and m.start(g) < sp[1] and plain(m.group(g)) and plain(m.group(3)):
                sp[0], sp[1] = min(sp[0], m.start(g)), max(sp[1], m.end(3))
    for sp in out:
        a = text.rfind("\n", 0, sp[0]) + 1
        b = text.find("\n", sp[1])
        b = len(text) if b < 0 else b
        if text[a:sp[0]].strip() or text[sp[1]:b].strip(" \t\u00a0,"):
            continue  # the name is not alone on its line
        if b < len(text):
            nb = text.find("\n", b + 1)
            nb = len(text) if nb < 0 else nb
            m = _NAME_LINE.fullmatch(text, b + 1, nb)
            if m and plain(m.group(1)) and len(text[sp[0]:sp[1]].split()) == 1:
                sp[1] = m.end(1)
                continue
        if a > 0:
            pa = text.rfind("\n", 0, a - 1) + 1
            m = _NAME_LINE.fullmatch(text, pa, a - 1)
            if m and plain(m.group(1)) and len(text[sp[0]:sp[1]].split()) == 1 and len(m.group(1).split()) == 1:
                sp[0] = m.start(1)
    merged: list[list[int]] = []
    for s0, e0 in sorted(out):
        if merged and s0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e0)
        else:
            merged.append([s0, e0])
    return [(s0, e0) for s0, e0 in merged]


def _span_of_words(group: str, count: int) -> int:
    """Length of ``group`` up to the end of its ``count``-th word."""
    found = list(re.finditer(r"\S+", group))
    return found[count - 1].end()


# --------------------------------------------------------------------------
# Examples (used by the tests and by anyone checking their own rules)
# --------------------------------------------------------------------------


def example_spans(example: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the ``[[...]]`` marks from an example: (text, marked spans)."""
    spans, parts, pos, out_len = [], [], 0, 0
    for m in _EXAMPLE_MARK.finditer(example):
        before = example[pos:m.start()]
        parts.append(before)
        out_len += len(before)
        inner = m.group(1)
        spans.append((out_len, out_len + len(inner)))
        parts.append(inner)
        out_len += len(inner)
        pos = m.end()
    parts.append(example[pos:])
    return "".join(parts), spans
