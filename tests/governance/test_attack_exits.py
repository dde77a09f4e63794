"""Issue 18, defect 10 (and the input parts of 9): every input error is one line
and exit 2 (never 70, never a hang), and control characters from input are not
echoed raw. Each test failed on the code before the fix.

Commands run in this process (``invoke_cli``: the same command group, its guard and exit codes, without half a
second of start-up per child) unless the test is about the process: an input that could hang (named pipes, a
YAML alias bomb) runs in a child with a timeout, so a regression fails instead of hanging the suite."""

from __future__ import annotations

import os

import pytest

from .conftest import invoke_cli, run_cli


def one_line_exit_2(r, *needles):
    assert r.returncode == 2, (r.returncode, r.stdout[-300:], r.stderr[-500:])
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr[-500:]
    assert "unexpected" not in lines[0] and len(lines[0]) < 1_000
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exits")
    db = folder / "demo.db"
    # a small demo (the commands below fail on their input, not on the data), built by the command
    r = invoke_cli("demo", "--db", db, "--people", "60", "--months", "12")
    assert r.returncode == 0, r.stderr
    return db


@pytest.mark.parametrize("period", ["9999/00", "0000-01", "9999-12..10000-01", "0000/01"])
def test_impossible_periods_are_input_errors(demo_db, period):
    r = invoke_cli("metrics", "--db", demo_db, "--period", period)
    assert r.returncode == 2 and "unexpected" not in r.stderr and "not a period" in r.stderr, r.stderr


def test_spc_on_a_binary_file(tmp_path):
    path = tmp_path / "series.bin"
    path.write_bytes(b"12\n14\n\xf0\x9f\x00\xff\xfe\x80binary\n")
    one_line_exit_2(invoke_cli("spc", path), "not UTF-8")


def test_a_5000_digit_word_limit_in_question_front_matter(demo_db, tmp_path):
    q = tmp_path / "q.md"
    q.write_text("---\nword_limit: " + "9" * 5000 + "\n---\nHow do you support people in crisis?\n",
                 encoding="utf-8")
    one_line_exit_2(invoke_cli("assemble", "tender", "--question-file", q, "--db", demo_db), str(q))


def test_a_yaml_alias_bomb_in_question_front_matter(demo_db, tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    q = tmp_path / "q.md"
    q.write_text("---\n" + "\n".join(lines) + "\nword_limit: 300\n---\nHow do you support people?\n", encoding="utf-8")
    one_line_exit_2(run_cli("assemble", "tender", "--question-file", q, "--db", demo_db, timeout=60), "alias")


def test_fifos_never_hang(demo_db, tmp_path):
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)
    one_line_exit_2(run_cli("check", fifo, timeout=60), "named pipe")
    one_line_exit_2(run_cli("assemble", "tender", "--question-file", fifo, "--db", demo_db, timeout=60),
                    "named pipe")


def test_check_has_a_size_cap(tmp_path, isolated_home):
    (isolated_home / "config").mkdir(parents=True, exist_ok=True)
    (isolated_home / "config" / "config.toml").write_text("[limits]\ncheck_mb = 1\n", encoding="utf-8")
    big = tmp_path / "draft.md"
    big.write_text("word " * 300_000, encoding="utf-8")  # 1.5 MB on one line
    one_line_exit_2(invoke_cli("check", big, home=isolated_home), "larger than")


def test_control_characters_are_not_echoed_raw(tmp_path):
    name = tmp_path / "bad\x1b[31mred.csv"
    r = invoke_cli("import", "people", name, "--db", tmp_path / "x.db")
    one_line_exit_2(r, "no such file")
    assert "\x1b" not in r.stderr and "\\x1b" in r.stderr


@pytest.mark.parametrize("source", ["{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
                                    "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000], ids=["brackets", "ifs"])
def test_deeply_nested_templates_are_config_errors(tmp_path, isolated_home, source):
    from evidencebot.compose import env
    from evidencebot.errors import ConfigError

    with pytest.raises(ConfigError, match="nested|too"):
        env.render_string(source, {})
    folder = isolated_home / "config" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.md.j2").write_text(source, encoding="utf-8")
    env.clear_cache()
    with pytest.raises(ConfigError, match="deep.md.j2"):
        env.render("deep.md.j2", {})
    env.clear_cache()


def test_words_1_is_refused_not_an_empty_answer(demo_db):
    r = invoke_cli("assemble", "tender", "--question", "How do you support people in crisis?", "--words", "1",
                   "--db", demo_db)
    assert r.returncode == 2 and "unexpected" not in r.stderr, (r.returncode, r.stdout[-300:], r.stderr[-300:])
    assert r.stdout.strip() == ""


def test_spc_refuses_values_that_overflow_the_limits(tmp_path):
    series = tmp_path / "s.txt"
    series.write_text("1e308\n-1e308\n1e308\n-1e308\n1e308\n1\n2\n", encoding="utf-8")
    one_line_exit_2(invoke_cli("spc", series), "too large")


def test_a_fresh_backup_passes_doctor(tmp_path):
    from evidencebot.store import doctor
    from evidencebot.store.backup import backup_database
    from evidencebot.store.db import connect

    db = connect(tmp_path / "live.db")
    db["people"].insert({"person_id": "P1", "referral_date": "2025-01-01"})
    copy = backup_database(db, tmp_path / "copy.db").path
    db.close()
    problems = [c for c in doctor.diagnose(copy) if c.problem]
    assert problems == [], [(c.name, c.detail) for c in problems]
