"""Loading and validating phrasebank files: every problem names file, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencebot import locations
from evidencebot.errors import ConfigError
from evidencebot.language.phrasebank import (
    clear_cache,
    load_phrasebank,
    load_rule_file,
    load_vocabulary,
    resolve,
)

SHIPPED = locations.packaged_dir("phrasebank")

GOOD = """
family: overclaim
rules:
  - id: overclaim.test-rule
    severity: warning
    kind: phrase
    message: "'{match}' is a test."
    patterns: [totally fine phrase]
    examples:
      flag: [This is a totally fine phrase here.]
      pass: [Nothing here.]
"""


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def user_dir(isolated_home):
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_overclaim_rules_load_and_are_well_formed():
    bank = load_phrasebank(["overclaim"])
    ids = [r.id for r in bank.rules]
    assert len(ids) == len(set(ids)) >= 10
    for rule in bank.rules:
        assert rule.family == "overclaim" and rule.id.startswith("overclaim.")
        assert rule.severity in ("error", "warning", "suggestion")
        assert rule.examples["flag"], rule.id
        assert rule.message.strip()
    assert {"overclaim.causal-system-outcome", "overclaim.guarantee", "overclaim.absolute",
            "overclaim.superlative", "overclaim.proof", "overclaim.booster",
            "overclaim.unsupported-change", "overclaim.small-denominator"} <= set(ids)


def test_other_families_files_are_left_alone():
    bank = load_phrasebank(["overclaim"])
    assert all(r.family == "overclaim" for r in bank.rules)
    assert not any(Path(f).name == "privacy.yaml" for f in bank.files)


def test_vocabulary_lists_are_lower_case_lists():
    vocab = load_vocabulary()
    assert "admissions" in vocab["system_outcome_terms"]
    assert "reduce" in vocab["causal_verbs"]
    assert "no" in vocab["negators"]  # quoted in YAML, not read as False
    for name, value in vocab.items():
        if isinstance(value, list):
            assert all(isinstance(v, str) and v == v.lower() for v in value), name


def test_vocabulary_reference_is_resolved_and_spliced():
    vocab = {"a": ["x", "y"]}
    assert resolve({"IN": "$a"}, vocab, "here") == {"IN": ["x", "y"]}
    assert resolve(["w", "$a"], vocab, "here") == ["w", "x", "y"]
    with pytest.raises(ConfigError, match="unknown vocabulary list '\\$b'"):
        resolve("$b", vocab, "here")


@pytest.mark.parametrize(
    "change, field",
    [
        (("severity: warning", "severity: loud"), "severity"),
        (("kind: phrase", "kind: magic"), "kind"),
        (("    message:", "    mesage:"), "mesage"),
        (("patterns: [totally fine phrase]", "patterns: []"), "patterns"),
        (("patterns: [totally fine phrase]", "patterns: [no]"), "patterns[0]"),
        (("      flag: [This is a totally fine phrase here.]", "      flag: []"), "examples.flag"),
        (("id: overclaim.test-rule", "id: privacy.test-rule"), "id"),
        (("kind: phrase", "kind: phrase\n    skip_when: [sometimes]"), "skip_when"),
        (("kind: phrase", "kind: phrase\n    exceptions: [{nearby: [x]}]"), "exceptions"),
        (("kind: phrase", "kind: phrase\n    suggestions: [\"\"]"), "suggestions"),
        (("kind: phrase", "kind: phrase\n    disabled: maybe"), "disabled"),
    ],
)
def test_errors_name_file_rule_and_field(tmp_path, change, field):
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, "overclaim.yaml", GOOD.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_rule_file(path, load_vocabulary())
    message = str(info.value)
    assert str(path) in message
    assert "overclaim.test-rule" in message or field == "id"
    assert f"'{field}'" in message


def test_token_pattern_booleans_from_yaml_are_caught(tmp_path):
    text = GOOD.replace("kind: phrase", "kind: token").replace(
        "patterns: [totally fine phrase]", "patterns: [[{LOWER: like}, {LOWER: no}, {LOWER: other}]]")
    path = _write(tmp_path, "overclaim.yaml", text)
    with pytest.raises(ConfigError, match="quote words such as"):
        load_rule_file(path, load_vocabulary())


def test_unknown_check_is_reported(user_dir):
    text = GOOD.replace("kind: phrase", "kind: check\n    check: no_such_check").replace(
        "    patterns: [totally fine phrase]\n", "")
    _write(user_dir, "overclaim-local.yaml", text)
    from evidencebot.language.overclaim import CHECKS

    with pytest.raises(ConfigError, match="unknown check 'no_such_check'"):
        load_phrasebank(["overclaim"], checks={"overclaim": CHECKS})


def test_spacy_rejects_a_bad_token_pattern_with_file_and_rule(user_dir):
    from evidencebot.language.overclaim import load_overclaim_rules

    text = GOOD.replace("kind: phrase", "kind: token").replace(
        "patterns: [totally fine phrase]", "patterns: [[{LOWER: {SOMETIMES: [x]}}]]")
    path = _write(user_dir, "overclaim-local.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_overclaim_rules()
    assert str(path) in str(info.value) and "overclaim.test-rule" in str(info.value)


def test_not_yaml_is_one_clear_line(tmp_path):
    path = _write(tmp_path, "overclaim.yaml", "rules: [\n  - id: x\n")
    with pytest.raises(ConfigError) as info:
        load_rule_file(path, {})
    assert str(path) in str(info.value) and "not valid YAML" in str(info.value)
    assert "\n" not in str(info.value)


def test_user_file_adds_rules(user_dir):
    _write(user_dir, "overclaim-local.yaml", GOOD)
    bank = load_phrasebank(["overclaim"])
    ids = {r.id for r in bank.rules}
    assert "overclaim.test-rule" in ids and "overclaim.guarantee" in ids


def test_user_file_in_a_family_folder_adds_rules(user_dir):
    _write(user_dir, "overclaim/extra.yaml", GOOD.replace("family: overclaim\n", ""))
    assert "overclaim.test-rule" in {r.id for r in load_phrasebank(["overclaim"]).rules}


def test_user_file_with_the_shipped_name_replaces_it(user_dir):
    _write(user_dir, "overclaim.yaml", GOOD)
    rules = load_phrasebank(["overclaim"]).rules
    assert [r.id for r in rules if not r.source.endswith("overclaim-research.yaml")] == ["overclaim.test-rule"]
    # the shipped file of another name (the opt-in set) still loads
    assert [r.id for r in rules if r.opt_in] == ["overclaim.research-causal-claim"]


def test_user_rule_with_a_shipped_id_replaces_that_rule(user_dir):
    text = GOOD.replace("overclaim.test-rule", "overclaim.booster")
    _write(user_dir, "overclaim-local.yaml", text)
    rules = {r.id: r for r in load_phrasebank(["overclaim"]).rules}
    assert rules["overclaim.booster"].patterns == ["totally fine phrase"]
    assert "overclaim.guarantee" in rules


def test_disabled_field_and_settings(user_dir):
    _write(user_dir, "overclaim-local.yaml", GOOD.replace("kind: phrase", "kind: phrase\n    disabled: true"))
    bank = load_phrasebank(["overclaim"], disabled=["overclaim.booster"])
    active = {r.id for r in bank.active}
    assert "overclaim.test-rule" not in active and "overclaim.booster" not in active
    assert "overclaim.guarantee" in active
    whole = load_phrasebank(["overclaim"], disabled=["overclaim"])
    assert whole.active == []


def test_user_vocabulary_extension_adds_words(user_dir):
    _write(user_dir, "vocabulary-local.yaml", "system_outcome_terms: [respite admissions]\n")
    vocab = load_vocabulary()
    assert "respite admissions" in vocab["system_outcome_terms"]
    assert "admissions" in vocab["system_outcome_terms"]


def test_edited_file_is_reloaded(user_dir):
    path = _write(user_dir, "overclaim-local.yaml", GOOD)
    assert "overclaim.test-rule" in {r.id for r in load_phrasebank(["overclaim"]).rules}
    import os
    import time

    path.write_text(GOOD.replace("overclaim.test-rule", "overclaim.other-rule"), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    ids = {r.id for r in load_phrasebank(["overclaim"]).rules}
    assert "overclaim.other-rule" in ids and "overclaim.test-rule" not in ids


def test_readme_documents_the_record_fields():
    from evidencebot.language.phrasebank import RULE_KEYS

    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    for key in RULE_KEYS - {"note"}:
        assert key in readme, key
