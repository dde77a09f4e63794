"""``evidencebot metrics`` on the hand-built service: formats, suppression, errors."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

_spec = importlib.util.spec_from_file_location(
    "metrics_fixture_service", Path(__file__).with_name("fixture_service.py")
)
fixture_service = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("metrics_fixture_service", fixture_service)
_spec.loader.exec_module(fixture_service)

from evidencebot.cli import cli  # noqa: E402
from evidencebot.metrics.results import CSV_FIELDS  # noqa: E402

JSON_KEYS = {
    "id", "title", "domain", "period", "value", "unit", "numerator", "denominator", "ci_low",
    "ci_high", "compare_period", "compare_value", "direction", "suppressed", "spc",
}


@pytest.fixture
def db_path(db, tmp_path):
    fixture_service.build_service(db)
    return str(tmp_path / "test.db")


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_json_keys_and_types(db_path):
    result = run("metrics", "--db", db_path, "--period", "2025-Q1", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) > 20
    for item in data:
        assert JSON_KEYS <= set(item), item["id"]
        assert item["period"] == "2025-Q1" and item["compare_period"] == "2024-Q4"
        assert item["value"] is None or isinstance(item["value"], float)
        assert isinstance(item["numerator"], int) and isinstance(item["denominator"], int)
        assert isinstance(item["suppressed"], bool) and item["suppressed"] is False
        assert {"verdict", "rule", "points", "mean", "lower", "upper"} <= set(item["spc"])
    by_id = {item["id"]: item for item in data}
    # worked out in test_indicators.py: 6 crisis events / 9 people on the caseload
    assert (by_id["crisis_rate"]["numerator"], by_id["crisis_rate"]["denominator"]) == (6, 9)
    assert by_id["crisis_rate"]["compare_value"] == pytest.approx(100 / 3)


def test_one_indicator_and_compare_period(db_path):
    result = run("metrics", "--db", db_path, "-p", "2025-Q1", "--compare", "2024-11",
                 "-i", "crisis_rate", "-i", "dna_rate", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == ["crisis_rate", "dna_rate"]
    # November 2024: 1 crisis event (E7) / 8 people on the caseload = 12.5 per 100
    assert data[0]["compare_period"] == "2024-11" and data[0]["compare_value"] == pytest.approx(12.5)


def test_default_period_is_last_quarter_of_the_data(db_path):
    result = run("metrics", "--db", db_path, "-i", "crisis_rate", "--format", "json")
    assert result.exit_code == 0, result.output
    # latest data 2025-09-30, the last day of 2025-Q3 -> that quarter is complete; previous 2025-Q2
    item = json.loads(result.stdout)[0]
    assert (item["period"], item["compare_period"]) == ("2025-Q3", "2025-Q2")


def test_csv_header_and_rows(db_path):
    result = run("metrics", "--db", db_path, "-p", "2025-Q1", "--format", "csv")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert tuple(reader.fieldnames) == CSV_FIELDS
    rows = list(reader)
    dna = next(r for r in rows if r["id"] == "dna_rate")
    assert (dna["numerator"], dna["denominator"], dna["spc_verdict"]) == ("3", "14", "too_few_points")


def test_table_fits_80_columns_with_marked_verdicts(db_path):
    result = run("metrics", "--db", db_path, "-p", "2025-Q1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].startswith("2025-Q1, compared with 2024-Q4")
    assert any("Crisis events per 100" in line and "6/9" in line and "? too few points" in line
               for line in lines)
    for heading in ("Safety", "Stability", "Experience and engagement"):
        assert heading in lines


def test_table_shows_the_variation_mark(db, tmp_path):
    fixture_service.build_spc_service(db)
    result = run("metrics", "--db", str(tmp_path / "test.db"), "-p", "2024-Q4", "-i", "dna_rate")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("DNA rate"))
    # 13 DNAs of 60 planned contacts in Oct-Dec 2024 = 21.7%; since the change the limits are
    # recalculated and the new level is common cause on its own limits (a word mark, no arrow)
    assert "21.7%" in row and "13/60" in row and "~ common cause" in row and "▲" not in row
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_external_suppresses_small_numbers(db_path):
    result = run("metrics", "--db", db_path, "-p", "2025-Q1", "--external", "--format", "json")
    assert result.exit_code == 0, result.output
    by_id = {d["id"]: d for d in json.loads(result.stdout)}
    readmit = by_id["readmission_30d"]  # 1 of 7
    assert readmit["suppressed"] is True and readmit["value"] is None and readmit["ci_low"] is None
    assert (readmit["numerator"], readmit["denominator"]) == ("<5", "5")
    followup = by_id["followup_72h"]  # 5 of 7: hidden (2 not followed up; a base below 10)
    assert followup["suppressed"] is True and followup["value"] is None
    assert (followup["numerator"], followup["denominator"]) == ("5", "5")
    table = run("metrics", "--db", db_path, "-p", "2025-Q1", "--external")
    row = next(line for line in table.stdout.splitlines() if line.startswith("Readmitted in 30 days"))
    # the counts are hidden with the rate: "<5/5" beside a hidden rate would give it away
    assert " * " in row and "<5/5" not in row and row.split()[4] == "*"


def test_unknown_indicator_is_one_line_with_close_matches(db_path):
    result = run("metrics", "--db", db_path, "-i", "dna_rte")
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert "unknown indicator 'dna_rte'" in message and "dna_rate" in message


def test_bad_period_exit_2_with_the_periods_message(db_path):
    result = run("metrics", "--db", db_path, "-p", "2025-Q9")
    assert result.exit_code == 2
    assert "'2025-Q9' is not a period I understand" in result.stderr
    assert "Accepted periods" in result.stderr


def test_list_shows_the_catalogue(db_path):
    result = run("metrics", "--list")
    assert result.exit_code == 0, result.output
    assert "crisis_rate  [safety; lower is better]" in result.stdout
    assert "reliable_improvement.swemwbs" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    listed = json.loads(run("metrics", "--list", "--format", "json").stdout)
    assert {"id", "domain", "title", "definition"} <= set(listed[0])
