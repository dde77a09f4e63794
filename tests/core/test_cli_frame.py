from __future__ import annotations

import subprocess
import sys

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


def test_every_command_takes_db():
    leaves = dict(_leaf_commands(cli))
    assert "info" in leaves
    for name, command in leaves.items():
        assert any("--db" in p.opts for p in command.params), f"{name} has no --db"


def test_info_on_explicit_database(tmp_path):
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


def test_first_run_without_a_database_builds_the_demo_and_says_so(isolated_home):
    from evidencebot import locations

    path = locations.default_db_path()
    assert not path.exists()
    result = CliRunner().invoke(cli, ["info"])
    assert result.exit_code == 0, result.output
    assert path.exists()
    assert "building the demo service" in result.output and "Demo service ready" in result.output
    people_line = next(line for line in result.output.splitlines() if line.strip().startswith("people"))
    assert int(people_line.split()[-1].replace(",", "")) >= 300
    again = CliRunner().invoke(cli, ["info"])
    assert "building the demo" not in again.output


def test_explicit_missing_database_is_not_filled_with_demo_data(tmp_path):
    result = CliRunner().invoke(cli, ["info", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0
    assert "demo" not in result.output.lower()
