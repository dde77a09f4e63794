"""``evidencebot assemble`` and ``evidencebot library`` from the command line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.cli import cli

Q = "Describe your crisis pathway. Your answer should cover: a) early warning signs b) step-down from hospital"


@pytest.fixture
def run(demo_copy):
    path = demo_copy.conn.execute("PRAGMA database_list").fetchone()[2]

    def invoke(*args):
        runner = CliRunner()
        return runner.invoke(cli, [*args, "--db", path], catch_exceptions=False)

    return invoke


def test_tender_prints_the_answer_and_reports_coverage_on_stderr(run):
    result = run("assemble", "tender", "--question", Q, "--words", "300", "--period", "2025-10..2026-09")
    assert result.exit_code == 0, result.stderr
    assert "## a) Early warning signs" in result.stdout
    assert "Evidence appendix" not in result.stdout  # stdout is the answer only, ready to paste
    assert "| sub-point | budget | words |" in result.stderr
    assert "words counted as tender portals do" in result.stderr
    from evidencebot.compose.words import count_words

    assert count_words(result.stdout) <= 300


def test_tender_from_a_question_file_uses_its_word_limit(run, tmp_path):
    qfile = tmp_path / "q.md"
    qfile.write_text("---\nword_limit: 120\n---\nHow do you keep crisis plans current?\n", encoding="utf-8")
    result = run("assemble", "tender", "--question-file", str(qfile))
    assert result.exit_code == 0, result.stderr
    assert "of 120 allowed" in result.stderr


def test_tender_writes_files_and_refuses_to_overwrite(run, tmp_path):
    out = tmp_path / "answer.docx"
    args = ("assemble", "tender", "--question", Q, "--words", "250", "-o", str(out))
    assert run(*args).exit_code == 0
    import docx

    assert docx.Document(str(out)).paragraphs[0].style.name == "Heading 1"
    again = run(*args)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert run(*args, "--force").exit_code == 0
    printed = run("assemble", "tender", "--question", Q, "--words", "250", "--format", "docx")
    assert printed.exit_code == 2 and "-o FILE" in printed.stderr


def test_tender_needs_a_question_and_a_limit(run):
    assert "one of them" in run("assemble", "tender", "--words", "100").stderr
    # no limit in the question: drafted to a length the summary states, with how to set another
    result = run("assemble", "tender", "--question", "Describe your crisis pathway.")
    assert result.exit_code == 0 and "the question states no limit" in result.stderr and "--words" in result.stderr


def test_tender_save_then_library_commands(run):
    saved = run("assemble", "tender", "--question", Q, "--words", "200", "--save")
    assert "saved in the bid library as #1" in saved.stderr
    listing = run("library", "list")
    assert "#1" in listing.stdout and "unscored" in listing.stdout
    assert "#1" in run("library", "search", "warning").stdout
    scored = run("library", "score", "1", "--score", "4", "--max", "5", "--feedback", "Clear use of data.")
    assert "scored 4 out of 5" in scored.stdout
    shown = run("library", "show", "1")
    assert "Clear use of data." in shown.stdout and "**Score:** 4 out of 5" in shown.stdout
    again = run("assemble", "tender", "--question", Q, "--words", "200")
    assert "library: earlier answer #1" in again.stderr
    missing = run("library", "show", "9")
    assert missing.exit_code == 2 and "no library entry 9" in missing.stderr


def test_review_and_variance_note(run, tmp_path):
    result = run("assemble", "review", "--period", "2026/27 Q2")
    assert result.exit_code == 0, result.stderr
    assert "## Indicators" in result.stdout and "## Evidence appendix" in result.stdout
    note = run("assemble", "note", "dna_rate", "--period", "2026/27 Q2", "--reason", "Two staff vacancies.",
               "--owner", "Service manager", "--due", "2026-12-01")
    assert note.exit_code == 0 and "saved" in note.stdout
    html = tmp_path / "review.html"
    assert run("assemble", "review", "--period", "2026/27 Q2", "-o", str(html), "--no-charts").exit_code == 0
    assert "<h2>Summary</h2>" in html.read_text(encoding="utf-8")
    internal = run("assemble", "review", "--period", "2026/27 Q2", "--no-suppress")
    assert "suppression is off" in internal.stderr
    bad = run("assemble", "review", "--period", "sometime")
    assert bad.exit_code == 2 and "error:" in bad.stderr


def test_review_period_in_the_words_the_chat_accepts(run, demo_db):
    """`assemble review --period "July to September 2026"` was refused while the chat read the same words; the
    review states the period as 'last quarter' and '2026-Q3' do (the months of one calendar quarter). The command
    reads its --period with gather.read_period (gather.parse is its period), assembled here without the language
    check (the cost of a review)."""
    from evidencebot.compose import export, gather
    from evidencebot.compose.review import assemble_review

    period = gather.parse(demo_db, "July to September 2026")  # before: InputError 'not a period I understand'
    assert period.label == "2026/27 Q2"
    lines = export.to_markdown(assemble_review(demo_db, period, check=False).to_export(charts=False)).splitlines()
    assert "# Contract review: Jul-Sep 2026 (2026/27 Q2)" in lines
    assert "**Period:** Jul-Sep 2026 (2026/27 Q2)" in [line.strip() for line in lines]
    activity = next(line for line in lines if line.startswith("**Activity.**"))
    assert " over 2026/27 Q2." in activity
    bad = run("assemble", "review", "--period", "July to Septembre 2026")
    assert bad.exit_code == 2 and "Apr 2025 to Mar 2026, July to September 2026," in bad.stderr
