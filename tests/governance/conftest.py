"""Helpers for the governance tests: acting as a named user, running the CLI
in a child process, and a story with all four parts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import evidencebot

SRC = str(Path(evidencebot.__file__).resolve().parents[1])  # children run the same code as the tests

FOUR_PARTS = {
    "title": "Keeping a tenancy through the winter",
    "context": "Rent arrears had built up after a benefits change.",
    "support_approach": "Weekly visits and a joint plan with the housing officer.",
    "delivery": "Letters were opened together; a payment plan was agreed.",
    "evidence": "No arrears for four months; escalations fell from three to none.",
}


def act_as(home: Path, name: str) -> None:
    """Write ``[user] name`` into the isolated config.toml."""
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")


def child_env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_cli(*args, home: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """``evidencebot ARGS`` in a child process: for tests about the process (exit codes, hangs, signals)."""
    extra = {"EVIDENCEBOT_HOME": str(home)} if home else {}
    return subprocess.run([sys.executable, "-m", "evidencebot", *map(str, args)], capture_output=True,
                          text=True, env=child_env(**extra), timeout=timeout)


def invoke_cli(*args, home: Path | None = None) -> subprocess.CompletedProcess:
    """``evidencebot ARGS`` in this process (click's runner), answered like ``run_cli``: exit code, stdout and
    stderr apart. For tests about what a command writes or refuses, not about the process: a child costs
    about half a second of start-up. Every command family keeps a ``run_cli`` test somewhere."""
    from click.testing import CliRunner

    from evidencebot.cli import cli

    argv = [str(a) for a in args]
    result = CliRunner().invoke(cli, argv, prog_name="evidencebot",
                                env={"EVIDENCEBOT_HOME": str(home)} if home else None)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # the process would have said "unexpected" and exited 70
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def story_db(tmp_path):
    """A database with one complete draft story S0001 written by 'Ana Writer'."""
    from evidencebot.store.db import connect
    from evidencebot.store.search import save_story_draft

    db = connect(tmp_path / "stories.db", user="Ana Writer")
    save_story_draft(db, "S0001", FOUR_PARTS)
    yield db
    db.close()


def approved(db, story_id="S0001", *, consent="external"):
    """Submit (as Ana) and approve (as Ben) a story, with the given consent."""
    from evidencebot.store import audit, workflow

    audit.set_user(db, "Ana Writer")
    workflow.submit_story(db, story_id)
    audit.set_user(db, "Ben Approver")
    workflow.approve_story(db, story_id)
    if consent:
        workflow.record_consent(db, story_id, consent, date="2025-03-01")
    return workflow.get_story(db, story_id)
