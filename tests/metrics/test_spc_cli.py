"""``evidencebot spc`` through click's test runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli

WORKED = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
WORKED_TEXT = "\n".join(str(v) for v in WORKED) + "\n"


def run(args, stdin=None):
    return CliRunner().invoke(cli, ["spc", *args], input=stdin)


def test_text_report_from_standard_input():
    result = run(["--improvement", "decrease"], WORKED_TEXT)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "XmR chart of 18 points" in out
    assert "7-point trend, 7-point shift" in out and "not screened" in out
    assert "mean 1.94   process limits -3.06 to 6.95" in out
    assert "point 5: 10.00 above the upper process limit [astronomical, concern]" in out
    assert "Verdict: common cause: no evidence of change" in out


def test_screening_changes_the_limits():
    result = run(["--screen", "-"], WORKED_TEXT)
    assert result.exit_code == 0
    assert "process limits -0.72 to 4.60" in result.stdout
    assert "moving ranges screened" in result.stdout


def test_reads_a_file_and_skips_blank_lines(tmp_path):
    path = tmp_path / "series.txt"
    path.write_text("\n".join(str(v) for v in WORKED[:9]) + "\n\n  \n" + "\n".join(str(v) for v in WORKED[9:]))
    result = run([str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["points"] == 18
    assert round(data["upper"], 2) == 6.95
    assert data["settings"]["improvement"] == "neutral"


def test_json_is_the_result_dictionary():
    series = "\n".join(str(v) for v in [12, 14] * 7 + [10, 11, 10, 11, 10, 11, 10])
    result = run(["--improvement", "decrease", "--format", "json", "--target", "13"], series)
    data = json.loads(result.stdout)
    assert data["verdict"] == "improvement"
    assert data["rule"] == "7 points below the mean (shift)"
    assert data["assurance"] == "inconsistent"
    assert [p["special"] for p in data["point_list"]][-7:] == ["shift"] * 7
    assert data["trial"] is False


def test_text_report_lists_rule_breaking_points_and_assurance():
    series = "\n".join(str(v) for v in [12, 14] * 7 + [10, 11, 10, 11, 10, 11, 10])
    result = run(["--improvement", "decrease", "--target", "13"], series)
    out = result.stdout
    assert "point 21: 10.00 part of a run below the mean (shift) [shift, improvement]" in out
    assert "Verdict: special cause improvement (7 points below the mean (shift))" in out
    assert "Assurance: inconsistent" in out


def test_rule_lengths_are_options():
    series = "\n".join(str(v) for v in [12, 14] * 7 + [10, 11, 10, 11, 10, 11])
    assert "common cause" in run([], series).stdout
    shifted = run(["--shift", "6", "--format", "json"], series)
    data = json.loads(shifted.stdout)
    assert data["verdict"] == "neutral" and data["settings"]["shift"] == 6
    trend = "\n".join(str(v) for v in [20, 10] * 7 + [11, 12, 13, 14, 15])
    assert json.loads(run(["--trend", "5", "--format", "json"], trend).stdout)["settings"]["trend"] == 5


def test_defaults_come_from_the_config_file(isolated_home):
    config = isolated_home / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text("[spc]\nshift_length = 6\nscreen_moving_ranges = true\n")
    data = json.loads(run(["--format", "json"], WORKED_TEXT).stdout)
    assert data["settings"]["shift"] == 6 and data["settings"]["screen"] is True
    # an option still wins over the file
    data = json.loads(run(["--format", "json", "--no-screen"], WORKED_TEXT).stdout)
    assert data["settings"]["screen"] is False


def test_csv_column_is_found_in_any_case(tmp_path):
    path = tmp_path / "crisis.csv"
    rows = ["Month,Rate"] + [f"2025-{i + 1:02d},{v}" for i, v in enumerate(WORKED[:12])]
    rows += [f"2026-{i + 1:02d},{v}" for i, v in enumerate(WORKED[12:])]
    path.write_text("\n".join(rows) + "\n")
    result = run([str(path), "--column", "RATE", "--label-column", "month", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["points"] == 18
    assert data["point_list"][4]["label"] == "2025-05"
    text = run([str(path), "--column", "rate", "--label-column", "Month"]).stdout
    assert "point 5 (2025-05): 10.00 above the upper process limit" in text


def test_empty_csv_cell_is_a_month_without_data(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("month,value\n" + "".join(f"m{i},{'' if i == 3 else i % 2 + 10}\n" for i in range(10)))
    data = json.loads(run([str(path), "--column", "value", "--format", "json"]).stdout)
    assert data["points"] == 9
    assert [p["index"] for p in data["point_list"]][2:4] == [2, 4]


def test_rebase_at_names_the_service_change(tmp_path):
    pre = [10, 12, 9, 11, 10, 13, 8, 11, 10, 12, 9, 11, 10, 12]
    post = [7, 8, 6, 7, 8, 7, 6, 7, 8, 7, 6, 7, 8]
    labels = [f"m{i}" for i in range(27)]
    labels[14] = "2025-07-01"
    path = tmp_path / "change.csv"
    path.write_text("when,value\n" + "".join(f"{label},{v}\n" for label, v in zip(labels, pre + post)))
    result = run([str(path), "--column", "value", "--label-column", "when", "--rebase-at", "15",
                  "--improvement", "decrease"])
    assert result.exit_code == 0, result.output
    assert "Verdict: common cause" in result.stdout  # judged on its own limits since the change
    assert "Since the service change on 2025-07-01: mean 7.08 over 13 points, against 10.57 before it" in result.stdout


def test_too_few_points():
    result = run(["--target", "3", "--improvement", "increase"], "1\n2\n3\n")
    assert result.exit_code == 0
    assert "Verdict: too few points to judge change (only 3 values; at least 7 are needed" in result.stdout


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        ([], "1\n2\nthree\n4\n", "standard input, line 3: 'three' is not a number"),
        ([], "1\n\n2\nnan\n", "line 4: 'nan' is not a number"),
        ([], "value\n1\n2\n", "line 1: 'value' is not a number (for a CSV file with a header row"),
        (["--column", "rate"], "month,value\n2025-01,3\n", "no column 'rate' (columns: month, value)"),
        (["--column", "value"], "month,value\n2025-01,3\n2025-02,x\n", "line 3: 'x' is not a number"),
        (["--column", "value"], "", "empty"),
        (["--label-column", "month"], "1\n", "--label-column needs --column"),
        (["--rebase-at", "9"], "1\n2\n3\n", "--rebase-at 9"),
        (["--shift", "1"], "1\n2\n3\n", "shift must be a whole number of at least 3"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(args, stdin, message):
    result = run(args, stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_is_an_error(tmp_path):
    result = run([str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.output


def test_help_mentions_the_options():
    result = run(["--help"])
    for option in ("--column", "--improvement", "--target", "--shift", "--trend", "--screen", "--format"):
        assert option in result.stdout
