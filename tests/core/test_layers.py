"""The layer rules, checked on every import in the package, including imports inside functions.

The core never imports the faces (``cli``, ``tui``); ``store`` does not import ``metrics``;
``language`` does not import ``store``; ``metrics`` does not import ``language``. A rule is a
pair (importing layer, forbidden layer); a layer is a subpackage or module of ``evidencebot``.

The leaves (``text``, ``mentions``) import only the standard library and, of evidencebot, only
the leaves listed for them (``mentions`` may import ``text``), so every layer can use them.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "evidencebot"
CORE = ("store", "metrics", "language", "evidence", "compose", "assistant", "config", "locations", "errors")
FACES = ("cli", "tui")
FORBIDDEN = [(core, face) for core in CORE for face in FACES] + [
    ("store", "metrics"),
    ("language", "store"),
    ("metrics", "language"),
]
LEAVES = {"text": (), "mentions": ("text",)}
"""Leaf modules and the only evidencebot modules each may import."""


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "evidencebot" else None


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module named by an import statement anywhere in ``source`` (with line numbers)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing module
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # "from evidencebot import tui" names the layer in the alias
            if name == "evidencebot":
                found += [(node.lineno, f"evidencebot.{alias.name}") for alias in node.names]
    return found


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    mine = _layer(module)
    bad = []
    for line, name in imported_modules(source, module, is_package=is_package):
        theirs = _layer(name)
        if theirs and theirs != mine and (mine, theirs) in FORBIDDEN:
            bad.append(f"{module}:{line} imports {name} ({mine} must not import {theirs})")
        if mine in LEAVES:
            if theirs is None and name.split(".")[0] == "evidencebot":
                theirs = "evidencebot"
            if theirs is not None and theirs != mine and theirs not in LEAVES[mine]:
                bad.append(f"{module}:{line} imports {name} (the leaf {mine} imports only "
                           f"{', '.join(LEAVES[mine]) or 'the standard library'} of evidencebot)")
            elif theirs is None and name.split(".")[0] not in sys.stdlib_module_names:
                bad.append(f"{module}:{line} imports {name} (the leaf {mine} imports only the standard library)")
    return bad


def test_the_package_keeps_the_layer_rules():
    bad = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50  # really walking the package
    for path in files:
        module = _module_name(path)
        bad += violations(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("source, module", [
    ("from evidencebot.tui.app import run_app\n", "evidencebot.compose.review"),
    ("def f():\n    import evidencebot.cli.common\n", "evidencebot.assistant.actions"),
    ("def f():\n    from evidencebot import tui\n", "evidencebot.metrics.spc"),
    ("from evidencebot.metrics import indicators\n", "evidencebot.store.demo"),
    ("from evidencebot.store.db import connect\n", "evidencebot.language.checker"),
    ("from ..language import checker\n", "evidencebot.metrics.spc"),
    ("from evidencebot.language.pipeline import get_nlp\n", "evidencebot.metrics.indicators"),
    ("from evidencebot.errors import InputError\n", "evidencebot.text"),
    ("def f():\n    from evidencebot.mentions import figures\n", "evidencebot.text"),
    ("import yaml\n", "evidencebot.text"),
    ("from evidencebot.metrics.periods import parse_period\n", "evidencebot.mentions"),
    ("from evidencebot import config\n", "evidencebot.mentions"),
    ("def f():\n    import spacy\n", "evidencebot.mentions"),
])
def test_a_forbidden_import_is_caught(source, module):
    assert violations(source, module)


@pytest.mark.parametrize("source, module", [
    ("from evidencebot.store.db import connect\n", "evidencebot.metrics.indicators"),
    ("from evidencebot.compose import review\n", "evidencebot.tui.screens.export"),
    ("from . import stats\n", "evidencebot.metrics.spc"),
    ("import textual\n", "evidencebot.tui.app"),
    ("import re\nfrom functools import lru_cache\n", "evidencebot.text"),
    ("from __future__ import annotations\nfrom evidencebot.text import MONTH_PATTERN\n", "evidencebot.mentions"),
    ("from evidencebot.text import sentence_spans\n", "evidencebot.language.pipeline"),
    ("from evidencebot.mentions import figures\n", "evidencebot.store.values"),
])
def test_an_allowed_import_passes(source, module):
    assert not violations(source, module)
