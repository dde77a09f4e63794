from __future__ import annotations

import json

from click.testing import CliRunner

from evidencebot.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_add_list_remove(tmp_path):
    db = str(tmp_path / "f.db")
    r = run("facts", "add", "A&E attendances fell 12% against the 2022/23 baseline", "--value", "12", "--unit", "percent",
            "--source", "ICB crisis dashboard", "--date", "01/10/2025", "--db", db)
    assert r.exit_code == 0, r.output
    assert "fact 1 registered" in r.output and "review by 2026-10-01" in r.output
    listed = json.loads(run("facts", "list", "--format", "json", "--db", db).output)
    assert [(f["fact_id"], f["value"], f["source_date"]) for f in listed] == [(1, 12.0, "2025-10-01")]
    assert run("facts", "remove", "1", "--db", db).exit_code == 0
    assert "no facts registered" in run("facts", "list", "--db", db).output


def test_bad_input_is_one_line(tmp_path):
    db = str(tmp_path / "f.db")
    r = run("facts", "add", "x", "--source", "s", "--date", "31/02/2025", "--db", db)
    assert r.exit_code == 2 and "day 31 does not exist" in r.output
    r = run("facts", "add", "x", "--source", "s", "--date", "2025-01-01", "--indicator", "no_such", "--db", db)
    assert r.exit_code == 2 and "unknown indicator" in r.output
    r = run("facts", "remove", "7", "--db", db)
    assert r.exit_code == 2 and "no fact with id 7" in r.output
    r = run("facts", "add", "x", "--source", "s", "--date", "2025-06-01", "--review-by", "2025-01-01", "--db", db)
    assert r.exit_code == 2 and "before the source date" in r.output
