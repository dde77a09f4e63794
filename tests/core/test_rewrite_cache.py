"""tests/conftest.py rewrites the test modules' asserts once in the xdist controller; the workers read that
rewritten form instead of rewriting every module again (7.7 s of CPU per worker on a clean clone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.assertion import rewrite

ROOT_CONFTEST = Path(__file__).parents[1] / "conftest.py"


@pytest.fixture
def conftest(request, monkeypatch):
    """The root conftest module (its helpers), with pytest's ``get_cache_dir`` put back after the test."""
    monkeypatch.setattr(rewrite, "get_cache_dir", rewrite.get_cache_dir)
    for plugin in request.config.pluginmanager.get_plugins():
        if getattr(plugin, "__file__", None) and Path(plugin.__file__) == ROOT_CONFTEST:
            return plugin
    raise AssertionError("tests/conftest.py is not loaded")


def test_a_worker_reads_the_asserts_the_controller_rewrote(conftest, request, tmp_path):
    root = tmp_path / "tests"
    (root / "sub").mkdir(parents=True)
    module = root / "sub" / "test_example.py"
    module.write_text("def test_x():\n    seen = [1, 2]\n    assert seen == [1, 3]\n", encoding="utf-8")
    (root / "sub" / "conftest.py").write_text("X = 1\n", encoding="utf-8")
    (root / "sub" / "helper.py").write_text("Y = 2\n", encoding="utf-8")  # not a test module: left alone
    cache = tmp_path / "cache"

    assert conftest.precompile_test_modules(request.config, root, cache) == 2
    pytests_own = rewrite.get_cache_dir
    conftest.read_rewrites_from(cache, root)
    pyc = rewrite.get_cache_dir(module) / f"test_example{rewrite.PYC_TAIL}"
    assert pyc.parent == cache / "sub"
    code = rewrite._read_pyc(module, pyc)
    assert code is not None, "pytest would not take the precompiled form"
    namespace: dict = {}
    exec(code, namespace)
    with pytest.raises(AssertionError, match=r"assert \[1, 2\] == \[1, 3\]"):  # the rewritten assert explains
        namespace["test_x"]()

    outside = tmp_path / "elsewhere" / "test_y.py"
    assert rewrite.get_cache_dir(outside) == pytests_own(outside)  # pytest's own place (PYTHONPYCACHEPREFIX too)

    shared = tmp_path / "shared-out"  # two processes, a share each: the same files
    assert conftest.precompile_test_modules(request.config, root, shared, processes=2) == 2
    assert sorted(p.relative_to(shared) for p in shared.rglob("*.pyc")) == \
        sorted(p.relative_to(cache) for p in cache.rglob("*.pyc"))
    assert rewrite._read_pyc(module, shared / "sub" / pyc.name) is not None

    module.write_text("def test_x():\n    assert True\n", encoding="utf-8")  # changed since: rewritten again
    assert rewrite._read_pyc(module, pyc) is None


def test_only_the_modules_a_run_imports_are_rewritten_ahead(conftest, tmp_path):
    """``pytest tests/metrics -n 3`` imports tests/metrics and the conftests above it, not the whole suite:
    the controller rewrote all of it (7 s of CPU before any worker started) for a run that needed a few."""
    root = tmp_path / "tests"
    for name in ["conftest.py", "a/conftest.py", "a/test_one.py", "a/deeper/test_two.py", "a/helper.py",
                 "b/conftest.py", "b/test_three.py"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("X = 1\n", encoding="utf-8")

    def chosen(*paths):
        return [str(p.relative_to(root)) for p in conftest.modules_to_rewrite(root, list(paths))]

    assert chosen(root / "a") == ["a/conftest.py", "a/deeper/test_two.py", "a/test_one.py", "conftest.py"]
    assert chosen(root / "a" / "deeper" / "test_two.py") == ["a/conftest.py", "a/deeper/test_two.py",
                                                             "conftest.py"]
    assert chosen(root / "b" / ".." / "b" / "test_three.py") == ["b/conftest.py", "b/test_three.py", "conftest.py"]
    everything = ["a/conftest.py", "a/deeper/test_two.py", "a/test_one.py", "b/conftest.py", "b/test_three.py",
                  "conftest.py"]
    assert chosen(root) == chosen(tmp_path) == everything  # the tests folder, or the project holding it
    assert chosen(tmp_path / "elsewhere" / "test_x.py") == []
