"""Shared fixtures. Every test runs with its own EVIDENCEBOT_HOME, so no test
reads or writes the developer's real config, data or database."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("evidencebot-home")
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(home))
    monkeypatch.delenv("EVIDENCEBOT_DB", raising=False)
    return home


@pytest.fixture
def db(tmp_path):
    """A migrated, empty database file in a temporary folder."""
    from evidencebot.store.db import connect

    database = connect(tmp_path / "test.db")
    yield database
    database.close()
