"""Every family loads its rules the same way: files add rules, an id replaces,
``extends:`` adds to a rule, ``defer_to`` leaves an overlap to another rule."""

from __future__ import annotations

import pytest

from evidencebot import locations
from evidencebot.errors import ConfigError


@pytest.fixture
def user_dir(isolated_home):
    from evidencebot.language.phrasebank import clear_cache

    clear_cache()
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    clear_cache()


STAFF_CODE = """
rules:
  - id: privacy.staff-code
    severity: warning
    message: Looks like a staff code.
    patterns:
      - pattern: '\\bSTF-\\d{4}\\b'
    examples:
      flag: ["Code [[STF-1234]] was used."]
      pass: ["No code here."]
"""


def _privacy(text):
    from evidencebot.language.privacy import find_privacy, load_privacy_rules

    return [(f.rule, f.match) for f in find_privacy(text, rules=load_privacy_rules())]


def test_a_user_privacy_file_adds_rules_and_keeps_the_shipped_ones(user_dir):
    (user_dir / "privacy-local.yaml").write_text(STAFF_CODE, encoding="utf-8")
    found = _privacy("Code STF-1234; NHS number 943 476 5919.")
    assert ("privacy.staff-code", "STF-1234") in found
    assert any(rule == "privacy.nhs-number" for rule, _ in found)


def test_a_user_privacy_rule_with_a_shipped_id_replaces_it(user_dir):
    (user_dir / "privacy-local.yaml").write_text(
        STAFF_CODE.replace("privacy.staff-code", "privacy.email"), encoding="utf-8")
    found = _privacy("Write to jo.bloggs@example.org about STF-1234.")
    assert found == [("privacy.email", "STF-1234")]


def test_extends_adds_a_pattern_to_a_shipped_privacy_rule(user_dir):
    from evidencebot.language.privacy import load_privacy_rules

    shipped = next(r for r in load_privacy_rules() if r.id == "privacy.email")
    (user_dir / "privacy-local.yaml").write_text("""
rules:
  - extends: privacy.email
    patterns:
      - pattern: '\\bjo at example dot org\\b'
    examples:
      flag: ["Write to [[jo at example dot org]] today."]
""", encoding="utf-8")
    rule = next(r for r in load_privacy_rules() if r.id == "privacy.email")
    assert len(rule.patterns) == len(shipped.patterns) + 1
    assert rule.examples["flag"][-1] == "Write to [[jo at example dot org]] today."
    assert ("privacy.email", "jo at example dot org") in _privacy("Write to jo at example dot org today.")


def test_extends_cannot_change_a_single_value(user_dir):
    from evidencebot.language.privacy import load_privacy_rules

    (user_dir / "privacy-local.yaml").write_text(
        "rules:\n  - extends: privacy.email\n    severity: suggestion\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_privacy_rules()
    assert "privacy-local.yaml" in str(err.value) and "privacy.email" in str(err.value)
    assert "field 'severity'" in str(err.value)


def test_privacy_defer_to_leaves_the_overlap_to_the_named_rule(user_dir):
    wide = STAFF_CODE.replace("privacy.staff-code", "privacy.wide-code").replace(
        "'\\bSTF-\\d{4}\\b'", "'\\bSTF-\\d{4}-X\\b'")
    (user_dir / "privacy-a.yaml").write_text(STAFF_CODE.replace(
        "    severity: warning", "    severity: warning\n    priority: 1\n    defer_to: [privacy.wide-code]"),
        encoding="utf-8")
    (user_dir / "privacy-b.yaml").write_text(wide.replace("STF-1234]]", "STF-1234-X]]"), encoding="utf-8")
    found = _privacy("Code STF-1234-X was used.")
    assert found == [("privacy.wide-code", "STF-1234-X")]


def test_defer_to_an_unknown_rule_names_file_rule_and_field(user_dir):
    from evidencebot.language.privacy import load_privacy_rules

    (user_dir / "privacy-a.yaml").write_text(
        STAFF_CODE.replace("    severity: warning", "    severity: warning\n    defer_to: [privacy.nowhere]"),
        encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_privacy_rules()
    msg = str(err.value)
    assert "privacy-a.yaml" in msg and "privacy.staff-code" in msg and "field 'defer_to'" in msg


def test_overclaim_extends_adds_a_phrase_and_its_examples(user_dir, nlp):
    from evidencebot.language.overclaim import find_overclaim, load_overclaim_rules
    from evidencebot.language.phrasebank import load_phrasebank

    (user_dir / "overclaim-local.yaml").write_text("""
rules:
  - extends: overclaim.booster
    patterns: [beyond all argument]
    examples:
      flag: [Beyond all argument, the groups help people.]
""", encoding="utf-8")
    rule = load_phrasebank(["overclaim"]).by_id()["overclaim.booster"]
    assert "beyond all argument" in rule.patterns and rule.extended_by
    found = find_overclaim("Beyond all argument, the groups help people.", rules=load_overclaim_rules(nlp=nlp))
    assert [f.rule for f in found] == ["overclaim.booster"]


def test_overclaim_extends_an_unknown_rule_is_an_error(user_dir):
    from evidencebot.language.phrasebank import load_phrasebank

    (user_dir / "overclaim-local.yaml").write_text(
        "rules:\n  - extends: overclaim.nowhere\n    patterns: [x y z]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_phrasebank(["overclaim"])
    assert "overclaim-local.yaml" in str(err.value) and "field 'extends'" in str(err.value)


def test_overclaim_defer_to_works_for_any_rule_kind(user_dir, nlp):
    from evidencebot.language.overclaim import find_overclaim, load_overclaim_rules

    (user_dir / "overclaim-local.yaml").write_text("""
rules:
  - id: overclaim.local-undoubtedly
    severity: warning
    kind: phrase
    message: "'{match}' again."
    patterns: [undoubtedly]
    defer_to: [overclaim.booster]
    examples:
      flag: [Our model undoubtedly helps.]
""", encoding="utf-8")
    found = find_overclaim("Our model undoubtedly helps people.", rules=load_overclaim_rules(nlp=nlp))
    assert [f.rule for f in found] == ["overclaim.booster"]
