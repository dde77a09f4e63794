"""(perf37, issue 15) The privacy runners read each rule's patterns' gates from a plan made once per rule
(privacy._plan) and test them inline (privacy._open_steps): the patterns let through on a text are exactly those the
per-pattern tests let through (needed_chars with lacks, then _gate_open), and a combination rule's plan keeps its
parts' order and each part's patterns in the order written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.language import privacy
from evidencebot.language.prefilter import guarded, kinds_in, lacks, needed_chars
from evidencebot.language.ruletest import example_spans

SHIPPED = locations.packaged_dir("phrasebank")


@pytest.fixture(scope="module")
def rules():
    return privacy.load_privacy_rules([SHIPPED])


def _texts(rules) -> list[str]:
    texts = [example_spans(e)[0] for r in rules for k in ("flag", "pass") for e in r.examples[k]]
    labelled = Path(__file__).resolve().parents[1] / "data" / "labelled"
    for path in sorted(labelled.glob("privacy_*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # a text no gram test can read (a long s), one with no capital, digit or '@', and an empty one
    return texts + ["Mr ſmith rang on 0113 496 0555.", "no digit and no name here", ""]


def test_the_plan_lets_through_what_the_per_pattern_tests_do(rules):
    texts = _texts(rules)
    assert len(texts) > 300
    regex_rules = [r for r in rules if r.patterns]
    assert len(regex_rules) > 20
    opened = skipped = 0
    for text in texts:
        for rule in regex_rules:
            expected = [pat for pat in rule.patterns
                        if not (needed_chars(pat.regex) and lacks(text, needed_chars(pat.regex), {}))
                        and privacy._gate_open(pat, text)]
            got = [step[0] for step in privacy._open_steps(privacy._plan(rule), text)]
            assert got == expected, (rule.id, text)
            opened += len(got)
            skipped += len(rule.patterns) - len(got)
    assert opened and skipped  # (both answers are given on these texts)


def test_kinds_in_answers_as_lacks_does():
    for text in ("Room 4", "mail me at home", "a@b.c", "NO", "", "café 3"):
        present = kinds_in(text)
        for kinds in (frozenset({"digit"}), frozenset({"at"}), frozenset({"capital"}), frozenset({"digit", "capital"})):
            assert lacks(text, kinds, {}) == (not kinds <= present), (text, kinds)


def test_the_plan_is_remade_for_a_rule_whose_patterns_change(rules):
    rule = next(r for r in rules if r.kind == "regex" and len(r.patterns) > 1)
    first = privacy._plan(rule)
    assert [s[0] for s in first] == rule.patterns
    assert privacy._plan(rule) is first  # (kept)
    saved = rule.patterns
    try:
        rule.patterns = saved[:1]
        assert [s[0] for s in privacy._plan(rule)] == saved[:1]
    finally:
        rule.patterns = saved
    assert [s[0] for s in privacy._plan(rule)] == saved


def test_a_combination_plan_keeps_the_order_of_parts_and_patterns(rules):
    combos = [r for r in rules if r.kind == "combination"]
    assert combos
    for rule in combos:
        parts, anchor, order = privacy._combination_plan(rule)
        assert parts == list(dict.fromkeys(str(p.part) for p in rule.patterns))
        assert [p for p, _ in order][0] == (str(rule.anchor) if rule.anchor else parts[0])
        assert sorted(p for p, _ in order) == sorted(parts)
        for part, steps in order:
            assert [s[0] for s in steps] == [p for p in rule.patterns if str(p.part) == part]
            # (the pattern behind its first-character guard: the same pattern, compared by its text and flags, as
            # re's own cache may hand back another object for it once other tests have filled that cache)
            assert all((s[5].pattern, s[5].flags) == (guarded(s[0].regex).pattern, guarded(s[0].regex).flags)
                       for s in steps)
