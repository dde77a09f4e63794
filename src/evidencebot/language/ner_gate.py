"""Which sentences the named-entity recogniser must read for the privacy family.

The NER is half of the parse's time (``en_core_web_sm`` gives it a tok2vec of its own) and only the
privacy family reads its entities, and only through the name rules: a PERSON entity is a name
(:meth:`evidencebot.language.privacy._NameFinder.entities`), and an entity's label keeps or drops a
name another source found (a DATE is no name, a GPE is a place) or, for a date, makes a proper noun a
person (:func:`evidencebot.language.privacy_events.is_person`). Every one of those readings starts from
a word that could be part of a name: a capitalised word with a lower-case letter ("Okafor"), a proper
noun written otherwise ("JOHN", "jo": read only for a date, in a sentence that may hold one), or a
word the name lists know (a listed first name, a title, a relative, "he" or "she" after a nickname
typed in lower case; a first name that is also an everyday word, such as "will" or "rose", in lower
case only where the parse does not read it as a verb). A sentence with none of them
gets the same privacy findings with or without entities, so the checker parses every sentence without
the NER and runs the NER (the same component, on the same tokens: the same entities) only on the
sentences :func:`make_gate`'s test passes.

One exception in the test: the first word of a sentence is capitalised whatever it is, and alone it
does not call for the NER when no entity can make it a name (:func:`_first_word_alone`). The name
rules strip a determiner, pronoun or preposition ("The", "Our", "In": ``_EDGE_POS``) from an entity's
edge; an entity whose last word is in lower case is no name; and a one-word entity that is not a
proper noun is a name only when the lists know the word (then the test has passed on it already) or a
verb of visiting has it as its object (never the first word). So a first word that is no proper noun
needs the NER only when a word after it could end an entity: one not in lower case ("Example T.").
The other sources of names start from a proper noun, a title or a listed word.

:func:`evidencebot.language.checker.Checker` uses the gate when every family that needs the NER has
one; ``tests/language/test_ner_gate.py`` checks that the privacy findings on the rules' own examples
and the spent privacy sets are the same with the gate as with the NER on every sentence.
"""

from __future__ import annotations

import re
from typing import Callable

from evidencebot.language.privacy import _EDGE_POS, _NAME_WORD_RE, PrivacyRule


def lower_words(rules: list[PrivacyRule] | None) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case words of the name rules' lists that can start or mark a name typed in lower case:
    (first names that are no everyday word, titles, relatives and "he"/"she"; the first names that are
    also everyday words, "will", "rose", "may", which only a noun's place in the parse makes a name)."""
    sure: set[str] = set()
    everyday: set[str] = set()
    for rule in rules or ():
        names = rule.names
        if names is None:
            continue
        titles, first_names = names.lower_case_words()  # the first names that are no everyday word
        sure.update(titles | first_names)
        everyday.update(w.casefold() for w in names.ambiguous)
        for key in ("kin_nouns", "pronouns"):
            sure.update(w.casefold() for w in names.context.get(key, ()))
    return frozenset(sure - everyday), frozenset(everyday)


def date_tests(rules: list[PrivacyRule] | None) -> list[re.Pattern] | None:
    """What a sentence must hold for an ``event_date`` rule to find a date in it: each pattern's ``requires``
    (the word it cannot match without, "\\d" for most); None when a pattern has none (any sentence may)."""
    out: list[re.Pattern] = []
    for rule in rules or ():
        if rule.kind != "event_date":
            continue
        for pat in rule.patterns:
            if pat.requires is None:
                return None
            out.append(pat.requires)
    return out


def _first_word_alone(t) -> bool:
    """A sentence's capitalised first word that no entity can make a name: one the name rules strip from an
    entity's edge ("The", "Our", "In"), or one the parse does not read as a proper noun with no word after it
    that an entity could end on (an entity ending in a word in lower case is no name: "Example T." is one,
    "Housing link workers" is not)."""
    if t.pos_ in _EDGE_POS:
        return True
    if t.pos_ == "PROPN":
        return False
    return all(w.text[:1].islower() or w.pos_ in _EDGE_POS for w in t.sent[t.i - t.sent.start + 1:])


def make_gate(rules: list[PrivacyRule] | None) -> Callable[[object], bool]:
    """A test of one sentence's parse (made without the NER): may its entities change a privacy finding?"""
    words, everyday = lower_words(rules)
    dates = date_tests(rules)

    def needs_ner(doc) -> bool:
        dated: bool | None = None  # may the sentence hold an event's date: worked out once, at its first proper noun
        for t in doc:
            text = t.text
            low = text.casefold()
            if t.lower_ in words or low in words:
                return True
            if (t.lower_ in everyday or low in everyday) and (t.pos_ not in ("VERB", "AUX") or not text.islower()):
                # ("will", "rose", "may" as a verb: a name in lower case is an owner or an object, never a
                # verb; "Will" capitalised may be the model's person whatever the parse says)
                return True
            if t.pos_ == "PROPN" and not _NAME_WORD_RE.match(text):
                if dated is None:
                    dated = dates is None or any(d.search(doc.text) for d in dates)
                if not dated:
                    continue
                # a proper noun in capitals or in lower case ("JOHN", "jo") is a person for a date's event
                # only when the model calls it one (privacy_events.is_person); no name rule reads it
                return True
            if text[:1].isupper() and _NAME_WORD_RE.match(text) and not (t.is_sent_start and _first_word_alone(t)):
                return True
        return False

    needs_ner.key = ("ner_gate", words, everyday, tuple(d.pattern for d in dates or ()), dates is None)  # type: ignore[attr-defined]
    return needs_ner
