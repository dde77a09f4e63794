"""The question-intake bench (bench/question_intake.py) for the intake tests, loaded once, and the two checks those
tests make with its matching rule: the sub-points a question is read into, and that they are the wanted ones."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from evidencebot.compose.questions import parse_question

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def bench():
    """bench/question_intake.py as a module (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("question_intake_bench", ROOT / "bench" / "question_intake.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def points(text: str) -> list[str]:
    """The sub-points ``text`` is read into, in order."""
    return [t for _, t in parse_question(text).points]


def same(got: list[str], want: list[str]) -> None:
    """Each wanted sub-point is read, one to one, by the bench's matching rule, and nothing else is."""
    pairs = bench().match(got, want)
    assert len(pairs) == len(want) == len(got), (got, want)
