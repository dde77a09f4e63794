"""(oc28) comparison-claim reports a whole idiom of comparison, not its first word: the message quotes
'{match}', and a writer's fix replaces the words the finding covers."""

from __future__ import annotations

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker


def test_the_idiom_is_the_finding():
    checker = Checker(settings=CheckerSettings(), families=["overclaim"])
    found = [f for f in checker.check_text("Our tenancy coaches get outcomes that other landlords could only dream of.")
             if f.rule == "overclaim.comparison-claim"]
    assert [f.match for f in found] == ["could only dream of"]
    assert "'could only dream of'" in found[0].message
