"""The regex prefilter (language/prefilter.py): it may only skip a pattern that cannot match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evidencebot.language import prefilter
from evidencebot.language.privacy import example_spans, load_privacy_rules


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


_TRIE_TEXTS = _GUARD_TEXTS + [
    "Mon Monday Mondays mon. MONDAY-ish; the duty worker and the duty manager", "sister sis sisters SIS step-sister",
    "Kelvin \u212aey \u212aeyworker keyworker KEY worker \u017fupport Support", "ab abc abcd abd a b c",
]


def test_word_alternations_as_prefix_trees_find_exactly_the_same_matches():
    """(perf33) An alternation of plain words is tried as a prefix tree: the same spans and groups as the pattern as
    written, whichever of two words sharing a start is written first ("Mon|Monday" takes "Mon" where the rest lets
    it, "Monday|Mon" takes "Monday"), when the rest of the pattern makes ``re`` go back to a later word, and under
    IGNORECASE (the Kelvin sign and the long s fold to k and s)."""
    patterns = [
        r"\b(?:Mon|Monday|Tue|Tuesday|Wed|Wednesday)\b", r"\b(?:Monday|Mon|Tuesday|Tue|Wednesday|Wed)", r"(?:Mon|Monday)day",
        r"(?P<w>sis|sister|sisters|step-sister|sis)(?P<s>s?)\b", r"(?i:key|keyworker|key worker|kelvin|support|sup)\w*",
        r"(?i:\b(?:the|a|an|our|their)[ \t]+(?:duty|link|peer|key)[ \t]+(?:worker|manager|nurse|lead))",
        r"(?:ab|abc|abcd|abd|a|b|c)(?=\s)", r"x(?:ab|abc|)y|(?:abd|ab|abc|abcd)",
    ]
    changed = 0
    for source in patterns:
        for flags in (0, re.IGNORECASE):
            pattern = re.compile(source, flags)
            tree = prefilter.with_tries(pattern)
            if tree is None:
                continue
            changed += 1
            assert tree.groupindex == pattern.groupindex and tree.groups == pattern.groups
            for text in _TRIE_TEXTS:
                assert _matches(tree, text) == _matches(pattern, text), (source, flags, text)
            fast = prefilter.guarded(pattern)
            for text in _TRIE_TEXTS:
                assert _matches(fast, text) == _matches(pattern, text), (source, flags, text)
    assert changed >= 12


def test_prefix_trees_leave_alone_what_they_cannot_prove():
    """Not rewritten: alternations with fewer than four words, with anything but plain letters in a word, no two
    words sharing a first letter, or a letter outside ASCII under IGNORECASE (its case folding is not a letter's
    own lower case); nor a pattern with no alternation."""
    for source, flags in ((r"(?:ab|ac|b)", 0), (r"(?:a+|ab|ac|ad)", 0), (r"(?:ab|cd|ef|gh)", 0), (r"Monday", 0),
                          (r"(?:straße|strasse|stra|st)", re.IGNORECASE), (r"(?:[ab]c|ad|ae|af)", 0)):
        assert prefilter.with_tries(re.compile(source, flags)) is None, source
    assert prefilter.with_tries(re.compile(r"(?:straße|strasse|stra|st)")) is not None  # (exact letters: grouped)


def test_every_privacy_pattern_finds_the_same_matches_guarded():
    """The shipped privacy patterns, as scanned (the guard and the prefix trees), find the same matches as written on
    every rule example and labelled privacy sentence."""
    rules = load_privacy_rules()
    texts = [example_spans(e)[0] for r in rules for k in ("flag", "pass") for e in r.examples[k]]
    labelled = Path(__file__).resolve().parents[1] / "data" / "labelled"
    for path in sorted(labelled.glob("privacy_*.jsonl"))[:6]:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    trees = 0
    for r in rules:
        for pat in r.patterns:
            fast = prefilter.guarded(pat.regex)
            trees += prefilter.with_tries(pat.regex) is not None
            if fast is pat.regex:
                continue
            for text in texts:
                assert _matches(fast, text) == _matches(pat.regex, text), (r.id, pat.regex.pattern[:60], text[:80])
    assert trees > 50
