"""The learned privacy check (privacy.learned-private-detail, issue 15): what it reports, what it leaves to the
other rules, and the weights file it reads (privacy-detail-scorer.json). It is shipped off: the rule and the trained
weights are in tests/data/privacy_learned/, to be copied into a phrasebank folder. Tiny hand-made weights here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.errors import ConfigError
from evidencebot.language import privacy_learned
from evidencebot.language.privacy import find_privacy, load_privacy_rules

SHIPPED = locations.packaged_dir("phrasebank")
KIT = Path(__file__).resolve().parents[1] / "data" / "privacy_learned"
RULE = "privacy.learned-private-detail"
# "chemo" and "surgery" weigh a stretch up to about 0.95; nothing else counts
TINY = {"bias": -3.0, "threshold": 0.5, "features": {"arc_deps": ["nsubj", "dobj"]},
        "weights": {"w:chemo": 6.0, "w:surgery": 6.0}}


@pytest.fixture(scope="module")
def rules():
    """The shipped rules with the kit's rule file added (as a user's phrasebank folder adds it)."""
    return load_privacy_rules([KIT, SHIPPED])


def test_it_is_shipped_off():
    # bench/privacy_p25.md: recall rises on every fresh set, but two spent sets lose precision and the CPU
    # overhead rises by about 12 points; the rule and the weights are a kit to copy in, not a default
    assert privacy_learned.load_model([SHIPPED]) is None
    assert RULE not in {r.id for r in load_privacy_rules([SHIPPED])}


def test_the_kits_weights_load_and_its_rule_flags_its_examples(rules, nlp):
    model = privacy_learned.load_model([KIT])
    assert model is not None and model["weights"] and 0.9 < model["threshold"] < 1
    rule = next(r for r in rules if r.id == RULE)
    privacy_learned.use_model(model)
    try:
        for kind, want in (("flag", True), ("pass", False)):
            for example in rule.examples[kind][:2]:
                text = example.replace("[[", "").replace("]]", "")
                assert bool(_learned(text, rules, nlp)) is want, example
    finally:
        privacy_learned.use_model(None)


@pytest.fixture
def tiny():
    privacy_learned.use_model(TINY)
    yield TINY
    privacy_learned.use_model(None)


def _learned(text, rules, nlp):
    return [f.match for f in find_privacy(text, nlp(text), rules) if f.rule == RULE]


def test_a_line_with_a_private_detail_no_rule_lists_is_reported(rules, nlp, tiny):
    text = "Volunteer rota\nWed: the driver is away for chemo until October"
    assert _learned(text, rules, nlp) == ["Wed: the driver is away for chemo until October"]


def test_a_stretch_under_the_threshold_is_left_alone(rules, nlp, tiny):
    assert _learned("The driver is away until October.", rules, nlp) == []


def test_it_reports_only_what_the_other_rules_leave(rules, nlp, tiny):
    # the name is the name rule's finding; the detail beside it is this check's, and the two do not overlap; the
    # part before the name ("Volunteer driver") does not score over the threshold on its own and is not reported
    text = "Volunteer driver Kenneth Maddox is away for chemo until October."
    found = find_privacy(text, nlp(text), rules)
    names = [f for f in found if f.rule == "privacy.person-name"]
    mine = [f for f in found if f.rule == RULE]
    assert [f.match for f in names] == ["Kenneth Maddox"]
    assert [f.match for f in mine] == ["is away for chemo until October"]


def test_without_a_parse_or_a_model_it_finds_nothing(rules, nlp, tiny):
    text = "Wed: the driver is away for chemo until October"
    assert not [f for f in find_privacy(text, None, rules) if f.rule == RULE]
    privacy_learned.use_model(None)
    assert privacy_learned.spans(text, nlp(text), None) == []


def test_the_remainder_keeps_the_parts_with_words():
    text = "Bed 3: Kwame A. - 1:1 obs, settled after 2am"
    # the name taken by another rule: the part before it is one word, the part after it is kept
    assert privacy_learned.remainder(text, 0, len(text), [(7, 15)]) == [(18, len(text))]
    assert privacy_learned.remainder(text, 0, len(text), [(0, len(text))]) == []


@pytest.mark.parametrize("bad, field", [
    ({"bias": 0, "weights": {"w:chemo": "high"}, "threshold": 0.5, "features": {"arc_deps": []}}, "weights"),
    ({"bias": 0, "weights": {}, "threshold": 0.5, "features": {"arc_deps": "nsubj"}}, "features.arc_deps"),
    ({"bias": 0, "weights": {}, "threshold": 0, "features": {"arc_deps": []}}, "threshold"),
])
def test_a_malformed_weights_file_names_the_file_and_field(tmp_path, bad, field):
    (tmp_path / privacy_learned.WEIGHTS_FILE).write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError, match=field):
        privacy_learned.load_model([tmp_path])
