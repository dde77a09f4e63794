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


# --- prefilter.guarded: a look-ahead on a pattern's first characters (perf29) -----------------------

_GUARD_TEXTS = [
    "", "w/c Monday 3rd March, then Tues. 4/5/2025 and the 12th of May", "The former headteacher, who lives nearby.",
    "DOB: 01/02/1980; d.o.b 3 Jan 85", "Kelvin sign \u212a and long s \u017f and İstanbul", "he and she met HE at 9:30am",
    "a\nb\tc  #  [x] -y- ^z^ \\w", "ÀÉÎ çà ß", "x" * 50 + "Monday",
]


def _matches(pattern, text):
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_guarded_finds_exactly_the_same_matches():
    patterns = [
        r"(?P<value>(?:w/c[ \t]+)?(?:(?<![\w])(?:Monday|Tues?|Mon)\.?,?[ \t]+)?\d{1,2}(?:st|nd|rd|th)?[/ ](?:\d+|[A-Z][a-z]+))",
        r"(?i:\b(?:the|a|an|our)[ \t]+(?:former[ \t]+)?(?:headteacher|vicar))",
        r"(?i:\bd\.?o\.?b\b\.?)[ :]*(?P<v>\d+)", r"(?x: (?<!\w) (?-i:[Hh]e|[Ss]he) \s+ (?:and|met) # comment" "\n )",
        r"(?i:k|ſ)", r"(?:\d+:\d+)?(?:am|pm)", r"(?:[#\[\]\-\^\\]|\t)+", r"\b(?:ß|ç)\w*",
    ]
    guarded_any = False
    for source in patterns:
        for flags in (0, re.IGNORECASE):
            pattern = re.compile(source, flags)
            fast = prefilter.guarded(pattern)
            guarded_any |= fast is not pattern
            assert fast.groupindex == pattern.groupindex
            for text in _GUARD_TEXTS:
                assert _matches(fast, text) == _matches(pattern, text), (source, flags, text)
    assert guarded_any


def test_guarded_leaves_alone_what_it_cannot_prove_or_would_not_speed_up():
    for source in (r"(?:x)?", r"a*b?", r".b", r"[^a]b", r"Monday", r"[ab]c", r"(a)\1"):
        pattern = re.compile(source)
        assert prefilter.guarded(pattern) is pattern, source
    lead = re.compile(r"(?:w/c )?(?<!\w)Monday")
    assert prefilter.guarded(lead) is not lead
    assert prefilter.guarded(lead) is prefilter.guarded(lead)  # (made once per pattern)
    verbose = re.compile(r"(?<!\w) (?:w/c \s)? Monday  # a comment to the end", re.VERBOSE)
    assert prefilter.guarded(verbose) is not verbose
    assert _matches(prefilter.guarded(verbose), "xMonday Monday w/c Monday") == _matches(verbose, "xMonday Monday w/c Monday")
