from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from click.testing import CliRunner

from evidencebot import __version__
from evidencebot.cli import cli


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output
    # each command has its own line in the Commands section, with its help text
    listed = [line.split()[0] for line in result.output.split("Commands:", 1)[1].splitlines() if line.strip()]
    assert sorted(listed) == sorted(cli.commands)


def _leaf_commands(group, prefix=""):
    import click

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _leaf_commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


# commands about the rules themselves never open a database
WITHOUT_DATABASE = {"rules list", "rules explain", "rules test"}


def test_every_command_takes_db():
    leaves = dict(_leaf_commands(cli))
    assert "info" in leaves
    for name, command in leaves.items():
        takes_db = any("--db" in p.opts for p in command.params)
        assert takes_db != (name in WITHOUT_DATABASE), f"{name}: --db {'missing' if not takes_db else 'not expected'}"


def test_info_on_explicit_database(tmp_path):
    from evidencebot.store.db import connect

    connect(tmp_path / "x.db").close()  # an empty, migrated database
    result = CliRunner().invoke(cli, ["info", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "people" in result.output and "contacts" in result.output


def test_broken_database_is_one_line_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    proc = subprocess.run(
        [sys.executable, "-m", "evidencebot", "info", "--db", str(bad)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "not an evidencebot database" in proc.stderr


def test_core_does_not_import_textual():
    code = (
        "import sys, evidencebot.store.db, evidencebot.store.migrations, evidencebot.config, "
        "evidencebot.cli, evidencebot.assistant.shell; "
        "bad = [m for m in ('textual', 'spacy') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


READ_ONLY_COMMANDS = [
    ["info"],
    ["metrics", "--period", "2026-Q3"],
    ["patterns"],
    ["facts", "list"],
    ["stories", "list"],
    ["audit"],
    ["library", "list"],
    ["assemble", "review", "--period", "2026-Q3"],
]


@pytest.mark.parametrize("args", READ_ONLY_COMMANDS, ids=lambda a: " ".join(a))
def test_read_only_commands_refuse_a_missing_default_database(isolated_home, args):
    from evidencebot import locations

    path = locations.default_db_path()
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert not path.exists(), "a read-only command built a database"
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error:") and str(path) in last and "evidencebot demo" in last


def test_read_only_command_refuses_a_missing_explicit_database(tmp_path):
    path = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["info", "--db", str(path)])
    assert result.exit_code == 2
    assert not path.exists()
    assert "evidencebot demo" in result.output


def test_writing_command_creates_an_empty_database_not_the_demo(isolated_home):
    from evidencebot import locations

    result = CliRunner().invoke(cli, ["facts", "add", "ICB crisis dashboard: 12 presentations", "--source",
                                      "ICB dashboard", "--date", "2026-10-01"])
    assert result.exit_code == 0, result.output
    path = locations.default_db_path()
    assert path.exists() and "demo" not in result.output.lower()
    con = sqlite3.connect(path)
    assert con.execute("select count(*) from people").fetchone()[0] == 0
    con.close()
