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


# --- opt-in rules: shipped off, switched on in config.toml -------------------------------------

RESEARCH = "overclaim.research-causal-claim"
RESEARCH_FLAG = "Regular exercise reduces anxiety in older adults."


def test_an_opt_in_rule_is_off_until_enabled_in_config(user_dir):
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    off = Checker(settings=CheckerSettings(), families=["overclaim"]).check_text(RESEARCH_FLAG)
    assert RESEARCH not in {f.rule for f in off}
    on = Checker(settings=CheckerSettings(enabled_rules=[RESEARCH]), families=["overclaim"]).check_text(RESEARCH_FLAG)
    assert RESEARCH in {f.rule for f in on}
    # through config.toml, as a user switches it on
    (locations.config_dir() / "config.toml").write_text(f'[checker]\nenabled_rules = ["{RESEARCH}"]\n', encoding="utf-8")
    from_config = Checker(families=["overclaim"]).check_text(RESEARCH_FLAG)
    assert RESEARCH in {f.rule for f in from_config}


def test_rules_list_marks_an_opt_in_rule_and_rules_test_runs_its_examples(user_dir):
    listed = run("list")
    line = next(x for x in listed.output.splitlines() if x.startswith(RESEARCH))
    assert "[opt-in, off]" in line
    # a wrong example in a user copy of an opt-in rule is still caught (it is switched on for the test)
    (user_dir / "overclaim-research.yaml").write_text(
        (locations.packaged_dir("phrasebank") / "overclaim-research.yaml").read_text(encoding="utf-8").replace(
            "- Higher income was associated with better self-rated health.",
            "- Walking groups reduce loneliness in older people."),
        encoding="utf-8")
    result = run("test")
    assert result.exit_code == 1, result.output
    assert RESEARCH in result.output and "Walking groups reduce loneliness in older people." in result.output


def test_opt_in_must_be_true_or_false(user_dir):
    (user_dir / "overclaim-local.yaml").write_text(USER_RULE.replace("    severity: warning", "    opt_in: maybe\n    severity: warning"),
                                                   encoding="utf-8")
    result = run("list")
    assert result.exit_code == 2
    assert "overclaim-local.yaml" in result.output and "opt_in" in result.output and len(result.output.strip().splitlines()) == 1
