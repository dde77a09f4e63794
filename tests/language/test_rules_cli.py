"""``evidencebot rules``: list, explain and test the loaded rules, shipped and the user's own."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot import locations
from evidencebot.cli import cli

USER_RULE = """
rules:
  - id: overclaim.local-magic
    severity: warning
    kind: phrase
    message: "'{match}' sounds like magic."
    patterns: [works like magic]
    examples:
      flag: [Our group works like magic for everyone.]
      pass: [The magic show was on Friday.]
"""


@pytest.fixture
def user_dir(isolated_home):
    from evidencebot.language.phrasebank import clear_cache

    clear_cache()
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    clear_cache()


def run(*args):
    return CliRunner().invoke(cli, ["rules", *args])


def test_list_shows_shipped_and_user_rules_of_both_families(user_dir):
    (user_dir / "overclaim-local.yaml").write_text(USER_RULE, encoding="utf-8")
    result = run("list")
    assert result.exit_code == 0, result.output
    ids = [line.split()[0] for line in result.output.splitlines() if line.strip()]
    assert "overclaim.causal-outcome" in ids and "privacy.local-patient-id" in ids
    assert "overclaim.local-magic" in ids
    line = next(x for x in result.output.splitlines() if x.startswith("overclaim.local-magic"))
    assert "overclaim-local.yaml" in line


def test_explain_shows_settings_and_examples(user_dir):
    result = run("explain", "overclaim.attribution")
    assert result.exit_code == 0, result.output
    assert "check: causal_claim" in result.output
    assert "defer_to: overclaim.causal-system-outcome" in result.output
    assert "  flag: Thanks to our tenancy support, families kept their homes." in result.output
    unknown = run("explain", "overclaim.nowhere")
    assert unknown.exit_code == 2 and "no rule 'overclaim.nowhere'" in unknown.output


def test_a_user_rule_with_a_wrong_example_fails_naming_rule_and_sentence(user_dir):
    wrong = USER_RULE.replace("pass: [The magic show was on Friday.]",
                              "pass: [The café works like magic on Fridays.]")
    path = user_dir / "overclaim-local.yaml"
    path.write_text(wrong, encoding="utf-8")
    result = run("test", str(path))
    assert result.exit_code == 1, result.output
    assert "overclaim.local-magic: should pass: 'The café works like magic on Fridays.'" in result.output
    assert "1 rules, 2 examples, 1 wrong" in result.output


def test_good_user_rules_pass(user_dir):
    path = user_dir / "overclaim-local.yaml"
    path.write_text(USER_RULE, encoding="utf-8")
    result = run("test", str(path))
    assert result.exit_code == 0, result.output
    assert "1 rules, 2 examples, 0 wrong" in result.output


def test_a_user_privacy_rule_with_a_wrong_example_fails(user_dir):
    (user_dir / "privacy-local.yaml").write_text("""
rules:
  - id: privacy.staff-code
    severity: warning
    message: Looks like a staff code.
    patterns:
      - pattern: '\\\\bSTF-\\\\d{4}\\\\b'
    examples:
      flag: ["Code [[STF-12345]] was used."]
      pass: ["No code here."]
""", encoding="utf-8")
    result = run("test", str(user_dir / "privacy-local.yaml"))
    assert result.exit_code == 1, result.output
    assert "privacy.staff-code: should flag: 'Code STF-12345 was used.'" in result.output


@pytest.mark.parametrize("text, where", [
    ("rules:\n  - id: overclaim.local-magic\n    message: [unclosed\n", ":4"),
    (USER_RULE.replace("severity: warning", "severity: loud"), ":3: rule overclaim.local-magic: field 'severity'"),
])
def test_a_malformed_user_phrasebank_is_one_line_naming_file_and_line(user_dir, text, where):
    path = user_dir / "overclaim-local.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("test")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(path) in lines[0]
    assert where in lines[0] or "line" in lines[0]


def test_a_file_that_is_not_loaded_is_an_error(user_dir, tmp_path):
    stray = tmp_path / "elsewhere.yaml"
    stray.write_text(USER_RULE, encoding="utf-8")
    result = run("test", str(stray))
    assert result.exit_code == 2 and "no rules from this file are loaded" in result.output


def test_the_readme_rule_table_matches_the_shipped_rules(isolated_home):
    from evidencebot.language.ruletest import TABLE_END, TABLE_START, loaded_rules, markdown_table

    readme = (locations.packaged_dir("phrasebank") / "README.md").read_text(encoding="utf-8")
    table = readme.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0].strip()
    expected = markdown_table(loaded_rules())
    assert table == expected, "phrasebank/README.md is out of date: paste `evidencebot rules list --markdown`"
    assert "`overclaim.attribution`" in table and "`privacy.local-patient-id`" in table
