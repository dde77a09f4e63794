from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import fixture_db  # noqa: E402


@pytest.fixture(scope="session")
def evidence_template(tmp_path_factory, demo_factory) -> Path:
    folder = tmp_path_factory.mktemp("evidence-template")
    return fixture_db.build(folder / "template.db", demo_factory())


@pytest.fixture
def evidence_db_path(evidence_template, tmp_path) -> Path:
    """A private copy of the fixed evidence base for one test."""
    return fixture_db.copy_of(evidence_template, tmp_path)


@pytest.fixture
def evidence_db(evidence_db_path):
    from evidencebot.store.db import connect

    db = connect(evidence_db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline (loaded once per session)."""
    from evidencebot.language.pipeline import get_nlp

    return get_nlp()
