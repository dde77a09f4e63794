"""The words that may stand between "her" and a relative before a name ("her little brother, Summer") are data
(s20 cleanup 4): privacy.py held them as a literal alternation (little|big|older|...), which a user could not
extend. They are person_context's kin_owners and kin_qualifiers in phrasebank/privacy.yaml, extended like every
list (``extends: privacy.person-name``). Fails on before20 (an unknown person_context list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencebot import locations

WEE = "The group went to the beach with her wee brother, Summer."
LITTLE = "The group went to the beach with her little brother, Summer."


@pytest.fixture
def user_dir(isolated_home):
    from evidencebot.language.phrasebank import clear_cache

    clear_cache()
    folder = locations.user_dir("phrasebank")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    clear_cache()


def _names(text):
    from evidencebot.language.privacy import find_privacy, load_privacy_rules

    return [f.match for f in find_privacy(text, rules=load_privacy_rules()) if f.rule == "privacy.person-name"]


def test_a_user_adds_a_word_before_a_relative_and_the_name_after_it_is_found(user_dir):
    assert _names(LITTLE) == ["Summer"] and _names(WEE) == []  # the shipped words
    (user_dir / "privacy-local.yaml").write_text("""
rules:
  - extends: privacy.person-name
    person_context:
      kin_qualifiers: [wee]
""", encoding="utf-8")
    assert _names(WEE) == ["Summer"] and _names(LITTLE) == ["Summer"]


def test_the_words_live_in_the_phrasebank_not_in_the_check():
    source = (Path(__file__).parents[2] / "src/evidencebot/language/privacy.py").read_text(encoding="utf-8")
    assert "little|big" not in source and "his|her|their|my|our" not in source
    from evidencebot.language.privacy import load_privacy_rules

    rule = next(r for r in load_privacy_rules() if r.id == "privacy.person-name")
    assert {"little", "older", "twin"} <= rule.names.context["kin_qualifiers"]
    assert {"his", "her", "our"} <= rule.names.context["kin_owners"]
