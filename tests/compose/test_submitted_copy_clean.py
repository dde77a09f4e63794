"""The submitted copy holds answer text only (issue 12; s18 blind panel, tests/data/heldout/s18/panel).

Both s18 scorers marked down "Internal notes left in the text" ("given in words so that no small count can be
worked out", a note about our own suppression rule, printed after a hidden figure) and "Visible placeholder"
("[To attach] Safeguarding policy: a copy as Appendix S2." at the end of the answer). The note about suppression
belongs in the evidence appendix (it is there); the attachment is for the bid team: the review copy keeps the line
with a comment, the command names it, the file to submit does not print it.
"""

from __future__ import annotations

import io

from evidencebot.compose import export, filters
from evidencebot.compose.document import ExportDoc
from tests.compose.test_hidden_figures import _result

BODY = ("## Checking that safeguarding practice works\n\nTeam leaders audit five case files a month.\n\n"
        "[To attach] Safeguarding policy as Appendix S2.\n")


def test_a_hidden_figure_is_said_without_a_note_about_our_rule():
    r = _result(33, 36, "all_but_few")
    for sentence in (filters.brief(r, "Oct 2025 to Sep 2026"), filters.describe(r, "Oct 2025 to Sep 2026")):
        assert "all but fewer than 5 of about 35" in sentence
        assert "given in words" not in sentence and "worked out" not in sentence
        assert sentence.endswith(("about 35.", "Sep 2026."))


def _doc(body: str = BODY) -> ExportDoc:
    return ExportDoc(title="Question 6 – Safeguarding", body=body, kind="tender",
                     writer_notes=[("[To attach] Safeguarding policy as Appendix S2.", "send it")])


def test_the_file_to_submit_prints_no_attach_line_and_the_review_copy_keeps_it():
    from docx import Document

    doc = _doc()
    assert doc.submitted
    md = export.render(doc, "md").decode()
    assert "[To attach]" not in md and "Appendix S2" not in md
    assert "Team leaders audit five case files a month." in md
    submitted = Document(io.BytesIO(export.render(doc, "docx")))
    assert not any("To attach" in p.text for p in submitted.paragraphs)
    review = Document(io.BytesIO(export.render(doc, "docx", part="review")))
    assert any(p.text.startswith("[To attach] Safeguarding policy") for p in review.paragraphs)
    # the writer is told what to send with the answer, next to the file's name
    assert export.writer_attachments(doc) == ["Safeguarding policy as Appendix S2."]
    roles = export.file_roles("q06.docx", attach=export.writer_attachments(doc))
    assert "to send with it: Safeguarding policy as Appendix S2." in next(iter(roles.values()))
    # answer text that merely names an appendix is kept
    kept = export.render(_doc("We follow the policy at Appendix S2 [To attach later].\n"), "md").decode()
    assert "We follow the policy at Appendix S2" in kept


def test_an_assembled_answer_gives_the_attach_line_a_comment_for_the_review_copy():
    from evidencebot.compose.tender import ATTACH_NOTE, attachment_notes

    lines = attachment_notes(["Attach your Gantt chart as Appendix M1."])
    assert lines == ["[To attach] Gantt chart as Appendix M1."]
    assert export.without_writer_markers(_doc("Text.\n\n" + lines[0] + "\n")).body.strip() == "Text."
    assert "send it with the answer" in ATTACH_NOTE


def test_the_page_numbers_of_our_own_footer_are_not_read_as_a_count(tmp_path):
    """s19: 'evidencebot check --db DB --external' on each of the 12 s18 answers reported "'1 of 1' quotes a count
    below 5 ... (footer)": the Word footer's 'Page 1 of 1', numbers Word works out, read as words of the draft."""
    from evidencebot.compose import wordcheck
    from evidencebot.compose.word import render_docx

    path = tmp_path / "a.docx"
    path.write_bytes(render_docx(_doc("Team leaders audit five case files a month.\n")))
    draft = wordcheck.read_docx(path)
    footer = " ".join(s.text for s in draft.segments if s.story == "footer")
    assert "Page" in footer and "1 of 1" not in footer
    assert "Team leaders audit five case files a month." in draft.text
