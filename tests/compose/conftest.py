"""Fixtures for the compose tests: one small demo database for the session.

The demo is fixed (120 people, 24 months ending 2026-09, the default seed), so
assembled documents are the same on every run: the golden files rely on it.
Tests that change data get a copy (``demo_copy``).
"""

from __future__ import annotations

import pytest

DEMO_PEOPLE = 120
DEMO_MONTHS = 24
DEMO_END = "2026-09"


@pytest.fixture(scope="session")
def demo_path(demo_factory):
    return demo_factory(people=DEMO_PEOPLE, months=DEMO_MONTHS, end=DEMO_END)


@pytest.fixture(scope="session")
def demo_db(demo_path):
    """The shared demo database: read only, please."""
    from evidencebot.store.db import connect

    db = connect(demo_path)
    yield db
    db.close()


@pytest.fixture
def demo_copy(demo_copy_factory):
    """A private copy of the demo database that a test may change."""
    from evidencebot.store.db import connect

    db = connect(demo_copy_factory(people=DEMO_PEOPLE, months=DEMO_MONTHS, end=DEMO_END))
    yield db
    db.close()


@pytest.fixture(scope="session")
def checker():
    """The real language checker (every family), built once."""
    from evidencebot.compose.tender import get_checker

    return get_checker()


@pytest.fixture(scope="session")
def questions():
    """The example tender questions shipped in corpus/questions: {id: (text, word_limit)}."""
    import re

    from evidencebot import locations

    out = {}
    for path in sorted((locations.packaged_dir("corpus") / "questions").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        limit = int(re.search(r"^word_limit:\s*(\d+)", text, re.M).group(1))
        body = re.sub(r"\A---.*?---\n", "", text, flags=re.S)
        out[path.stem] = (body, limit)
    return out


@pytest.fixture(scope="module")
def q2_review(demo_factory, tmp_path_factory):
    """The default demo (400 people, 24 months to September 2026; built once per run by ``demo_factory``, a
    private copy per test module) and its 2026/27 Q2 review: the document the commissioner-readers score.
    ``.db``/``.path``, ``.review``, ``.text`` (Markdown without charts) and ``.summary``."""
    import shutil
    from types import SimpleNamespace

    from evidencebot.compose import export as X
    from evidencebot.compose import review as R
    from evidencebot.store import demo
    from evidencebot.store.db import connect

    built = demo_factory(people=demo.DEFAULT_PEOPLE, months=demo.DEFAULT_MONTHS, end=demo.DEFAULT_END,
                         seed=demo.DEFAULT_SEED)
    path = shutil.copyfile(built, tmp_path_factory.mktemp("q2-review") / "demo.db")
    db = connect(path)
    review = R.assemble_review(db, "2026/27 Q2")
    text = X.to_markdown(review.to_export(charts=False))
    yield SimpleNamespace(db=db, path=path, review=review, text=text,
                          summary=text.split("## Summary")[1].split("## Terms used")[0])
    db.close()


@pytest.fixture
def run(demo_copy):
    """The CLI on a private demo copy: ``run("tender", "status")`` appends ``--db`` to the arguments."""
    from click.testing import CliRunner

    from evidencebot.cli import cli

    path = demo_copy.conn.execute("PRAGMA database_list").fetchone()[2]

    def invoke(*args):
        return CliRunner().invoke(cli, [*args, "--db", path], catch_exceptions=False)

    return invoke


@pytest.fixture
def question_files(tmp_path):
    """Write question texts to q01.md, q02.md, ... in a temporary folder; returns their paths (for 'tender import')."""
    def write(*texts):
        paths = []
        for n, text in enumerate(texts, 1):
            path = tmp_path / f"q{n:02d}.md"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        return paths

    return write
