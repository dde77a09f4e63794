"""The over-claim checks keep no vocabulary in code: every word list lives in the phrasebank."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "evidencebot" / "language" / "overclaim"
# words.py reads grammar.yaml (its only literals are the file's section names)
CHECK_MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name not in ("words.py", "__init__.py"))


def literal_word_lists(source: str) -> list[tuple[int, str]]:
    """Literal lists, tuples and sets holding three or more strings."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) >= 3:
                out.append((node.lineno, ast.get_source_segment(source, node)[:60]))
    return out


def test_the_detector_finds_a_word_list():
    found = literal_word_lists('X = 1\nif w in ("never", "always", "every"):\n    pass\nY = ["a", "b"]\n')
    assert [line for line, _ in found] == [2]


def test_the_package_is_split_into_engine_context_and_one_module_per_check():
    names = {p.stem for p in CHECK_MODULES}
    assert {"engine", "context", "causal", "absolute", "guarantee", "puffery", "numbers", "small_numbers"} <= names
    from evidencebot.language.overclaim import CHECKS, check_names

    modules = {fn.__module__.rsplit(".", 1)[1] for fn in CHECKS.values()}
    assert modules == {"causal", "absolute", "guarantee", "puffery", "numbers", "small_numbers"} | modules - {"common", "engine", "context"}
    assert "common" not in modules and "engine" not in modules
    assert set(check_names()) >= {"causal_system_outcome", "absolute_outcome", "guarantee", "puffery",
                                  "number_context", "small_denominator"}


@pytest.mark.parametrize("path", CHECK_MODULES, ids=[p.name for p in CHECK_MODULES])
def test_no_word_list_in_a_check_module(path):
    found = literal_word_lists(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: word lists belong in phrasebank/ (grammar.yaml or vocabulary.yaml): {found[:5]}"


def test_every_grammar_entry_is_used_and_every_use_is_defined():
    import re

    import yaml

    data = yaml.safe_load((PACKAGE.parents[3] / "phrasebank" / "grammar.yaml").read_text(encoding="utf-8"))
    defined = {name for section in data.values() for name in section}
    used = set()
    for path in CHECK_MODULES:
        used |= set(re.findall(r"\bW\.([a-z_0-9]+)", path.read_text(encoding="utf-8")))
    used.discard("use")
    assert used - defined == set()
    assert defined - used == set()
