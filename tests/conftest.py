"""Shared fixtures.

* Every test runs with its own ``EVIDENCEBOT_HOME``, so no test reads or writes
  the developer's real config, data or database.
* ``demo_factory`` builds each demo layout (people, months, end, seed) once per
  test run and hands out its path; under pytest-xdist the workers share one
  build per layout through a lock file. Tests read that file only; a test that
  changes data asks ``demo_copy_factory`` for a private copy.
"""

from __future__ import annotations

import fcntl
import json
import shutil
from pathlib import Path

import pytest

# The layout most tests use: small enough to build in seconds, long enough for 24-month SPC charts.
DEMO_LAYOUT = {"people": 120, "months": 24, "end": "2026-09", "seed": 20260924}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("evidencebot-home")
    monkeypatch.setenv("EVIDENCEBOT_HOME", str(home))
    monkeypatch.delenv("EVIDENCEBOT_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def accounts_follow_names(monkeypatch):
    """Each declared user name acts from a computer account of its own.

    evidencebot refuses an approval from the computer account that wrote or
    submitted the item (issue 18, defect 6). Tests play several people in one
    process, so here every name gets its own pretend account;
    tests/governance/test_attack_name_change.py puts the real account back.
    """
    from evidencebot.store import audit

    monkeypatch.setattr(audit, "account_of", lambda user: f"test account of {user}")


@pytest.fixture
def db(tmp_path):
    """A migrated, empty database file in a temporary folder."""
    from evidencebot.store.db import connect

    database = connect(tmp_path / "test.db")
    yield database
    database.close()


def _shared_folder(tmp_path_factory, worker_id: str) -> Path:
    """A folder every xdist worker of this run sees (the run's base temp folder when not distributed)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "demo-builds"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """pytest-xdist's worker id, or "master" without xdist."""
    return getattr(request.config, "workerinput", {}).get("workerid", "master")


@pytest.fixture(scope="session")
def demo_factory(tmp_path_factory, worker_id):
    """``make(**layout) -> Path``: the demo built once per layout for the whole run. Read only."""
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo

    folder = _shared_folder(tmp_path_factory, worker_id)

    def make(**layout) -> Path:
        layout = {**DEMO_LAYOUT, **layout}
        name = "demo-" + "-".join(f"{k}{v}" for k, v in sorted(layout.items())).replace("/", "_")
        path = folder / f"{name}.db"
        with open(folder / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds, the others wait for it
            done = folder / f"{name}.json"
            if not done.exists():
                path.unlink(missing_ok=True)
                database = connect(path)
                try:
                    build_demo(database, **layout)
                    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    database.close()
                done.write_text(json.dumps(layout), encoding="utf-8")
        return path

    return make


@pytest.fixture(scope="session")
def checker_factory():
    """``make(*families) -> Checker``: one real checker (default settings) per family set for the run.

    With no families, the default ones. Tests that change settings or monkeypatch the
    pipeline build their own ``Checker`` instead.
    """
    from evidencebot.config import CheckerSettings
    from evidencebot.language.checker import Checker

    made: dict = {}

    def make(*families: str):
        if families not in made:
            made[families] = Checker(settings=CheckerSettings(), families=list(families) or None)
        return made[families]

    return make


def copy_database(source: Path, target: Path) -> Path:
    """A private copy of a (checkpointed) database file."""
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def demo_copy_factory(demo_factory, tmp_path):
    """``make(**layout) -> Path``: a private copy of a demo layout that the test may change."""
    def make(name: str = "demo-copy.db", **layout) -> Path:
        return copy_database(demo_factory(**layout), tmp_path / name)

    return make
