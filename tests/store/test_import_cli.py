"""``evidencebot import``: exit codes, one-line errors, the rejects file."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli
from evidencebot.cli.importing import SHOWN_PROBLEMS, TABLE_NAMES
from evidencebot.store.db import connect
from evidencebot.store.importers import TABLES

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def run(*args):
    return CliRunner().invoke(cli, ["import", *map(str, args)])


@pytest.fixture
def dbfile(tmp_path):
    path = tmp_path / "cli.db"
    result = run("people", FIX / "people_good.csv", "--db", path)
    assert result.exit_code == 0, result.output
    return path


def counts(path, table):
    db = connect(path)
    try:
        return db[table].count
    finally:
        db.close()


def test_good_file_exit_0_with_one_line_summary(dbfile):
    result = run("contacts", FIX / "contacts_good.csv", "--db", dbfile)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "contacts_good.csv -> contacts: 8 rows read; 8 inserted, 0 updated, 0 unchanged"
    assert result.stderr == ""
    again = run("contacts", FIX / "contacts_good.csv", "--db", dbfile)
    assert again.exit_code == 0
    assert "0 inserted, 0 updated, 8 unchanged" in again.stdout
    assert counts(dbfile, "contacts") == 8


def test_bad_file_exit_1_lists_problems_and_imports_nothing(dbfile):
    result = run("contacts", FIX / "contacts_bad.csv", "--db", dbfile)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 6 + 1  # six problems and the closing error line
    assert lines[0].endswith("contacts_bad.csv row 3, column contact_at: '31/02/2025': "
                             "bad date: day 31 does not exist (February 2025 has 28 days)")
    assert "row 7, column contact_id: 'C1': duplicate id in the file (also on row 2)" in lines[5]
    assert lines[-1] == ("error: contacts_bad.csv: nothing imported: 5 of 7 rows have problems "
                         "(fix them, or use --partial to import the 2 valid rows)")
    assert "Traceback" not in result.output
    assert counts(dbfile, "contacts") == 0


def test_partial_writes_default_rejects_file(dbfile, tmp_path):
    source = shutil.copy(FIX / "contacts_bad.csv", tmp_path / "contacts.csv")
    result = run("contacts", source, "--db", dbfile, "--partial")
    assert result.exit_code == 1
    rejects = tmp_path / "contacts.rejected.csv"
    assert f"2 inserted, 0 updated, 0 unchanged; 5 rejected (written to {rejects})" in result.stdout
    assert counts(dbfile, "contacts") == 2
    with open(rejects, encoding="utf-8-sig", newline="") as f:
        data = list(csv.reader(f))
    assert data[0] == ["contact_id", "person_id", "contact_at", "kind", "mode", "attendance", "reason"]
    assert [r[0] for r in data[1:]] == ["C2", "C3", "C4", "C5", "C1"]
    assert data[4][-1].startswith("person_id: missing required value; attendance: unknown code")


def test_rejects_option_names_the_file(dbfile, tmp_path):
    target = tmp_path / "out" / "why.csv"
    target.parent.mkdir()
    result = run("measures", FIX / "measures_bad.csv", "--db", dbfile, "--partial", "--rejects", target)
    assert result.exit_code == 1
    assert target.exists() and not (FIX / "measures_bad.rejected.csv").exists()


def test_problem_list_is_capped(dbfile, tmp_path):
    path = tmp_path / "c.csv"
    lines = ["contact_id,person_id,contact_at,kind,attendance"]
    lines += [f"K{i},P001,2025-04-01,nonsense,attended" for i in range(SHOWN_PROBLEMS + 7)]
    path.write_text("\n".join(lines) + "\n")
    result = run("contacts", path, "--db", dbfile)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == SHOWN_PROBLEMS + 2
    assert lines[-2] == "... and 7 more"


@pytest.mark.parametrize(
    "args, words",
    [
        (["persons", FIX / "people_good.csv"], "unknown table 'persons'"),
        (["people", "no/such/file.csv"], "no such file"),
        (["people", FIX / "contacts_good.csv"], "missing required column referral_date"),
        (["people", FIX], "is a folder"),
    ],
)
def test_file_level_errors_exit_2_in_one_line(dbfile, args, words):
    result = run(*args, "--db", dbfile)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert words in result.stderr


def test_not_utf8_exit_2_in_one_line_no_traceback(dbfile, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("person_id,referral_date,service\nP9,2025-01-01,Caf\u00e9\n".encode("latin-1"))
    proc = subprocess.run(
        [sys.executable, "-m", "evidencebot", "import", "people", str(path), "--db", str(dbfile)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "not UTF-8" in proc.stderr and "line 2" in proc.stderr
    assert counts(dbfile, "people") == 4


def test_unknown_table_does_not_create_a_database(tmp_path):
    result = run("nope", FIX / "people_good.csv", "--db", tmp_path / "new.db")
    assert result.exit_code == 2
    assert not (tmp_path / "new.db").exists()


def test_default_database_is_created_empty_not_the_demo(isolated_home):
    result = CliRunner().invoke(cli, ["import", "people", str(FIX / "people_good.csv")])
    assert result.exit_code == 0, result.output
    path = isolated_home / "data" / "evidencebot.db"
    assert path.exists()
    assert counts(path, "people") == 4 and counts(path, "contacts") == 0


def test_group_db_option_is_used(tmp_path):
    path = tmp_path / "group.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "import", "targets", str(FIX / "targets_good.csv")])
    assert result.exit_code == 0, result.output
    assert counts(path, "targets") == 2


def test_xlsx_via_cli(dbfile, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Contact ID", "Person ID", "Contact At", "Kind", "Attendance"])
    sheet.append(["X1", "P002", "02/04/2025 10:00", "review", 5])
    book.save(tmp_path / "contacts.xlsx")
    result = run("contacts", tmp_path / "contacts.xlsx", "--db", dbfile)
    assert result.exit_code == 0, result.output
    assert "1 inserted" in result.stdout


def test_warning_for_ignored_columns_goes_to_stderr(dbfile, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("indicator_id,target,comment\ndna_rate,9,ok\n")
    result = run("targets", path, "--db", dbfile)
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: ") and "comment" in result.stderr


def test_help_lists_every_table():
    assert set(TABLE_NAMES.split(", ")) == set(TABLES)
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0 and "--partial" in result.output and "--rejects" in result.output
