"""Gaps listed before export: a part still marked [To write] or [To attach] scores as no answer,
so ``tender status`` lists them per question and part and ``tender export`` warns first (session 6)."""

from __future__ import annotations

from evidencebot.compose.gaps import find_gaps, gaps_line, tender_gaps


def test_markers_are_found_with_the_part_they_sit_in():
    md = ("# Tender answer\n\n## Severe weather\n\nThe team leaders act on weather warnings.\n\n"
          "## Meeting the Armed Forces Covenant\n\n[To write] No approved method block in the library matches "
          "\"Meeting the Armed Forces Covenant\" yet.\n\n[To attach] Organisational chart as Appendix 3.\n")
    gaps = find_gaps(md, "2.1")
    assert [(g.ref, g.part, g.marker) for g in gaps] == [
        ("2.1", "Meeting the Armed Forces Covenant", "To write"),
        ("2.1", "Organisational chart as Appendix 3", "To attach")]
    # an answer without headings still names the part, from the marker's own words
    flat = find_gaps('[To write] No approved method block in the library matches "Severe weather" yet.')
    assert flat[0].part == "Severe weather"
    assert find_gaps("## Severe weather\n\nStaff call everyone on the higher-risk list.") == []
    # the short marker an answer now holds names its part too (its note is the writer's, not the panel's)
    short = find_gaps("## Severe weather\n\n[To write: Severe weather]\n")
    assert [(g.part, g.marker, g.text) for g in short] == [("Severe weather", "To write", "Severe weather")]
    assert find_gaps("[To write: Keeping warm]")[0].part == "Keeping warm"
    # the markers an answer is written with (compose.tender) are the ones read here
    from evidencebot.compose.tender import confirm_marker, write_marker

    assert [(g.part, g.marker) for g in find_gaps(f"{write_marker('Keeping warm')}\n{confirm_marker('Insurance')}")] \
        == [("Keeping warm", "To write"), ("Insurance", "To confirm")]
    line = gaps_line(tender_gaps([{"ref": "2.1", "answer": md}, {"ref": "2.2", "answer": "Done."}]))
    assert line.startswith("2 gaps left") and "2.1 Meeting the Armed Forces Covenant (to write)" in line
    assert "\n" not in line and "2.2" not in line


def _questionnaire(path):
    from docx import Document

    d = Document()
    d.add_heading("Quality questions", 0)
    d.add_heading("1.1 Business continuity", 1)
    d.add_paragraph("Describe how you will keep the service running. Your answer should cover:\n"
                    "a) severe weather;\nb) how you will support people with an eating disorder.\n"
                    "Attach your business continuity plan as Appendix 4.")
    d.add_paragraph("Maximum 400 words.")
    d.add_heading("1.2 Information governance", 1)
    d.add_paragraph("How will you report a personal data breach? (200 words)")
    d.save(path)
    return path


def test_status_lists_the_gaps_and_export_warns_before_writing(run, tmp_path):
    assert run("tender", "import", str(_questionnaire(tmp_path / "itt.docx"))).exit_code == 0
    assert run("tender", "draft", "--all").exit_code in (0, 1)
    status = run("tender", "status").output
    listed = status.split("Gaps to fill before export", 1)
    assert len(listed) == 2, status
    # session 16: the part is drafted from the question, listed for the writer to confirm
    assert "1.1: " in listed[1] and "eating disorder (drafted from the question: confirm)" in listed[1]
    assert "Appendix 4 (to attach)" in listed[1]
    assert "1.2:" not in listed[1]  # the data breach part is answered by a block
    out = tmp_path / "response.docx"
    result = run("tender", "export", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    warning = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "1.1" in warning[0] and "eating disorder (drafted from the question: confirm)" in warning[0]
    assert result.stderr.index("warning:") < result.stderr.index("written:")
    # the response holds the marker; why it is a gap is a Word comment on it in the review copy only (s15 panel:
    # the notes were comments in the file the panel read), never text or a comment in the file to submit
    import zipfile

    from docx import Document

    response = Document(str(out))
    assert any(p.text.startswith("For people with an eating disorder, ") for p in response.paragraphs)  # by shape (s27)
    assert not any("No approved method block" in p.text for p in response.paragraphs)
    with zipfile.ZipFile(out) as z:
        assert not any("comments" in name for name in z.namelist())
        assert not any(b"No approved method block" in z.read(name) for name in z.namelist())
    review = tmp_path / "response-review.docx"
    assert review.exists()
    assert any(c.text.startswith("No approved method block in the library matches") for c in Document(str(review)).comments)
    # the command says which file is which
    said = {line.split(" (", 1)[0][len("written: "):]: line for line in result.stderr.splitlines()
            if line.startswith("written: ")}
    assert "the document to submit: no comments" in said[str(out)]
    assert "review copy for the bid team" in said[str(review)] and "not for submission" in said[str(review)]



def test_export_lists_contradictions_between_answers_before_writing(run, demo_copy, tmp_path):
    # s10 panel: one tender's answers gave two opening hours; 'tender draft --all' said so, export did not
    from evidencebot.compose import tender_store
    from evidencebot.store import tenders as tender_rows

    assert run("tender", "import", str(_questionnaire(tmp_path / "itt.docx"))).exit_code == 0
    assert run("tender", "draft", "--all").exit_code in (0, 1)
    rows = tender_store.questions(demo_copy)[1]
    tender_rows.update_question(demo_copy, rows[0]["id"], {
        "answer": rows[0]["answer"] + "\n\nThe service is open 8am to 8pm on weekdays.\n"})
    tender_rows.update_question(demo_copy, rows[1]["id"], {
        "answer": rows[1]["answer"] + "\n\nThe service is open 9am to 5pm Monday to Friday.\n"})
    result = run("tender", "export", "-o", str(tmp_path / "response.docx"))
    assert result.exit_code == 0
    said = [line for line in result.stderr.splitlines() if line.startswith("warning: consistency:")]
    assert len(said) == 1 and "opening hours" in said[0] and "1.1" in said[0] and "1.2" in said[0], result.stderr
    assert result.stderr.index("warning: consistency:") < result.stderr.index("written:")
