"""The over-claim rules that report a sentence, for tests that name the rule a reading must keep (a test then fails
when the reading is lost even if another rule, or the learned scorer, happens to flag the sentence); the checker
with the over-claim family alone is the ``overclaim_checker`` fixture (tests/language/conftest.py)."""

from __future__ import annotations


def rules_reported(checker, text: str) -> set[str]:
    """The ids of the over-claim rules ``checker`` reports on ``text``."""
    return {f.rule for f in checker.check_text(text) if f.family == "overclaim"}
