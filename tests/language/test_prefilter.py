"""The regex prefilter (language/prefilter.py): it may only skip a pattern that cannot match."""

from __future__ import annotations

import re

from evidencebot.language import prefilter
from evidencebot.language.privacy import load_privacy_rules


def test_required_literals_of_an_alternation_and_a_sequence():
    pat = re.compile(r"(?i:\b(?:the|a|our)[ \t]+(?:former[ \t]+)?(?:head[ \t]*teacher|vicar))")
    assert prefilter.required_literals(pat) == ("teacher", "vicar")  # (the longer of "head" and "teacher")
    # a group of plain letters continues the run; a repeat of at least one keeps its body
    assert prefilter.required_literals(re.compile(r"date(?:of)birth(?:x)+")) == ("dateofbirth",)
    # an optional part or a short word gives nothing to test
    assert prefilter.required_literals(re.compile(r"(?:nhs)?\d{10}")) is None
    assert prefilter.required_literals(re.compile(r"\b(?:a|an)\s+\w+")) is None
    # a branch that needs nothing makes the whole alternation need nothing
    assert prefilter.required_literals(re.compile(r"(?:address|\d+)\s")) is None


def test_may_match_skips_only_texts_without_the_words():
    pat = re.compile(r"(?i)\b(?:lives|living)\s+at\s+\d+")
    assert not prefilter.may_match(pat, prefilter.grams("We visit people at home."))
    assert prefilter.may_match(pat, prefilter.grams("She LIVES at 4 Mill Lane."))
    assert pat.search("She LIVES at 4 Mill Lane.")


def test_letters_re_folds_differently_make_the_text_unsafe():
    # re matches (?i)s to the long s and (?i)i to the dotless i; str.lower() does not: no test, the pattern runs
    pat = re.compile(r"(?i)\blives\b")
    for text in ("She live\u017f here", "She l\u0131ves here", "\u0130 lives"):
        assert prefilter.grams(text) is None or pat.search(text) is None or prefilter.may_match(pat, prefilter.grams(text))
    assert prefilter.grams("She live\u017f here") is None
    assert prefilter.grams("\u039f\u0394\u039f\u03a3 x") is None  # (a capital sigma lower-cases by its place)
    assert pat.search("She live\u017f here")  # (why: re finds it)
    assert prefilter.grams("Caf\u00e9 in Z\u00fcrich") is not None  # ordinary accents are fine


def test_no_privacy_pattern_is_skipped_on_a_text_it_matches():
    rules = load_privacy_rules()
    texts = [e for r in rules for e in r.examples.get("flag", []) + r.examples.get("pass", [])]
    assert len(texts) > 50
    tested = 0
    for rule in rules:
        for pat in rule.patterns:
            for regex in (pat.regex, pat.requires):
                if regex is None or prefilter.required_literals(regex) is None:
                    continue
                for text in texts:
                    if not prefilter.may_match(regex, prefilter.grams(text)):
                        tested += 1
                        assert regex.search(text) is None, (rule.id, regex.pattern[:80], text)
    assert tested > 1000
