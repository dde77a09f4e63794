"""Static checks that run with the test suite (so CI runs them through README's one test command): ruff and mypy.

ruff with the project's settings (pyproject ``[tool.ruff]``: pyflakes, pycodestyle errors,
bugbear) over the package and the tests: an unused import, an undefined name or a closure
over a loop variable fails here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: it is part of the [test] extras (pip install '.[test]')")
    return [found]


def test_ruff_finds_nothing():
    proc = subprocess.run([*_ruff(), "check", "--no-cache", "--output-format", "concise", "src", "tests", "bench"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_finds_nothing_outside_the_listed_type_debt():
    """mypy over the package with pyproject ``[tool.mypy]``: modules on the debt list are skipped, every
    other module (and any new one) must type-check."""
    cache = ROOT / ".mypy_cache"
    proc = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(cache)], cwd=ROOT,
                          capture_output=True, text=True)
    if "No module named mypy" in proc.stderr:
        pytest.fail("mypy is not installed: it is part of the [test] extras (pip install '.[test]')")
    assert proc.returncode == 0, proc.stdout + proc.stderr
