"""``evidencebot check``: text and JSON output, exit codes, stdin, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli

DRAFT = "# Draft\n\nOur team reduced emergency admissions.\n\nClearly, we are a world-class provider.\n"


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def run(*args, input=None):
    return CliRunner().invoke(cli, ["check", *args], input=input)


def test_text_output_lines_suggestions_and_summary(draft):
    result = run(str(draft), "--family", "overclaim")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{draft}:3:10: error overclaim.causal-system-outcome ")
    assert lines[1] == "  suggestion: contributed to a reduction in"
    assert any(line.startswith(f"{draft}:5:1: suggestion overclaim.booster-manner ") for line in lines)
    assert lines[-1] == "1 error, 0 warnings, 2 suggestions in 1 file"


def test_json_output(draft):
    result = run("--format", "json", "--family", "overclaim", str(draft))
    rows = json.loads(result.output)
    assert result.exit_code == 1
    first = rows[0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "rule", "family", "severity",
                          "message", "match", "suggestions"}
    assert (first["path"], first["line"], first["column"], first["match"]) == (str(draft), 3, 10, "reduced")
    assert first["end_column"] == 16 and isinstance(first["suggestions"], list)


def test_exit_zero_without_errors(tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("We will work with the trust to lower avoidable presentations.\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 errors, 0 warnings, 0 suggestions in 1 file"


def test_warnings_alone_exit_zero(tmp_path):
    path = tmp_path / "w.md"
    path.write_text("DNAs fell by 30%.\n", encoding="utf-8")
    result = run(str(path), "--family", "overclaim")
    assert result.exit_code == 0 and "warning overclaim.unsupported-change" in result.output


def test_stdin(draft):
    result = run("-", "--format", "json", "--family", "overclaim", input=DRAFT)
    rows = json.loads(result.output)
    assert rows and rows[0]["path"] == "<stdin>"


def test_several_files_and_db_option(draft, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("We guarantee recovery.\n", encoding="utf-8")
    result = run(str(draft), str(other), "--db", str(tmp_path / "x.db"), "--family", "overclaim")
    assert result.exit_code == 1
    assert f"{other}:1:4: error overclaim.guarantee" in result.output
    assert result.output.splitlines()[-1].endswith("in 2 files")


def test_family_filter(draft):
    result = run(str(draft), "--family", "privacy")
    assert "overclaim." not in result.output


def test_unknown_family_is_one_line(draft):
    proc = subprocess.run([sys.executable, "-m", "evidencebot", "check", str(draft), "--family", "spelling"],
                          capture_output=True, text=True, env=_env())
    assert proc.returncode == 2 and "unknown checker family 'spelling'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _env():
    return dict(os.environ)


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe\x00bad bytes", "not UTF-8"),
    (None, "no such file"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path, content, message):
    path = tmp_path / "in.md"
    if content is not None:
        path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "evidencebot", "check", str(path)],
                          capture_output=True, text=True, env=_env())
    assert proc.returncode == 2
    assert message in proc.stderr and proc.stderr.strip().count("\n") == 0
    assert "Traceback" not in proc.stderr


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeffWe guarantee recovery.\n".encode("utf-8"))
    result = run(str(path), "--family", "overclaim")
    assert f"{path}:1:4: error overclaim.guarantee" in result.output


def test_help_is_fast_and_does_not_import_spacy():
    code = ("import sys, evidencebot.cli; "
            "print('spacy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "False"


@pytest.mark.slow
def test_one_paragraph_as_a_whole_process(tmp_path):
    """The real process end to end; its speed is measured by bench/check_bench.py, not here."""
    path = tmp_path / "p.md"
    path.write_text("Our team reduced emergency admissions by a quarter.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "evidencebot", "check", str(path)],
                          capture_output=True, text=True, env=_env())
    assert proc.returncode == 1, proc.stderr
    assert "overclaim." in proc.stdout and "p.md:1:" in proc.stdout


def test_a_draft_named_to_check_is_read_by_one_function_with_one_line_errors(tmp_path, isolated_home):
    # session 13: `evidencebot check` and the Word reader (compose/wordcheck.py) each read the file with the same
    # three errors written out twice; now inputs.read_bytes, the path named as it was given
    from evidencebot.errors import InputError
    from evidencebot.inputs import read_bytes

    (tmp_path / "draft.md").write_bytes(b"We help.")
    assert read_bytes(tmp_path / "draft.md", limit="check_mb", what="draft") == b"We help."
    for name, message in (("", "is a folder; give the files to check"), ("missing.md", "no such file")):
        given = f"{tmp_path}//{name}"
        with pytest.raises(InputError) as info:
            read_bytes(given)
        assert str(info.value) == f"{given}: {message}"


def test_a_named_pipe_given_to_check_is_refused_not_read(tmp_path, isolated_home):
    # a pipe named like a Word draft was read until its writer stopped (evidencebot check hung): read_bytes
    # refuses anything that is not a regular file, with or without a size limit
    import os

    from evidencebot.errors import InputError
    from evidencebot.inputs import read_bytes

    pipe = tmp_path / "draft.docx"
    os.mkfifo(pipe)
    for limit in (None, "check_mb"):
        with pytest.raises(InputError, match="not a file"):
            read_bytes(pipe, limit=limit, what="draft")

