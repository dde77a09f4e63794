"""Tenders in the chat (issue 12): a buyer's questionnaire imported, the compliance matrix, one answer drafted and
the response exported through the conversation, the same core functions as ``evidencebot tender``: the chat's draft
of a question is the command line's, word for word, on the same database."""

from __future__ import annotations

import shutil

import pytest

from evidencebot.assistant.intents import parse


def questionnaire(path):
    from docx import Document

    d = Document()
    d.add_heading("Invitation to tender: community wellbeing service", 0)
    d.add_heading("4.1 Workforce and Supervision", 2)
    d.add_paragraph("Describe how you will supervise and support the workforce. Your answer should cover: how you "
                    "will recruit staff with lived experience; and how often staff receive clinical supervision.")
    d.add_paragraph("Maximum 300 words. Weighting: 10%")
    d.add_heading("4.2 Safeguarding", 2)
    d.add_paragraph("Describe how you will keep adults at risk safe, including how concerns are referred.")
    d.add_paragraph("Maximum 250 words. Weighting: 10%")
    d.save(path)
    return path


@pytest.mark.parametrize("text, argument", [
    ("import the questionnaire ~/bids/itt.docx", "import ~/bids/itt.docx"),
    ("please import the buyer's tender itt.xlsx", "import itt.xlsx"),
    ("load westmere.xlsx", "import westmere.xlsx"),
    ("tender status", "status"),
    ("show me the compliance matrix", "status"),
    ("draft question 4.1", "draft 4.1"),
    ("draft the answer to question Q3.2", "draft Q3.2"),
    ("draft all the answers", "draft all"),
    ("draft every question", "draft all"),
    ("export the response to ~/bids/response.docx", "export ~/bids/response.docx"),
    ("/tender draft all", "draft all"),
])
def test_tender_requests_in_plain_english_and_as_a_command(text, argument):
    intent = parse(text)
    assert (intent.name, intent.argument) == ("tender", argument)


@pytest.mark.parametrize("text, name", [
    ("open draft.docx", "open_file"),  # a Word draft, not a questionnaire
    ("export to Word", "export"),
    ("draft an answer to: How will you support people after discharge? in 300 words", "draft"),
])
def test_other_requests_are_not_taken_for_tender_ones(text, name):
    assert parse(text).name == name


def test_the_chat_imports_drafts_and_exports_a_tender_as_the_command_line_does(evidence_db_path, tmp_path):
    from click.testing import CliRunner

    from evidencebot.assistant.conversation import Conversation
    from evidencebot.cli import cli
    from evidencebot.store.db import connect

    source = questionnaire(tmp_path / "itt.docx")
    twin = tmp_path / "twin.db"
    shutil.copy(evidence_db_path, twin)
    chat = Conversation(evidence_db_path)
    said: list[str] = []

    reply = chat.respond(f"import the questionnaire {source}", progress=said.append)
    assert reply.ok and reply.markdown.startswith("### Imported tender 1: 2 questions from itt.docx")
    assert "| 4.1 | 2 | 300 words | 10% |" in reply.markdown

    reply = chat.respond("tender status")
    assert "| ref | question | sub-points | limit | weighting | words used | status | owner | due |" in reply.markdown
    assert "| 4.1 | Workforce and Supervision | 2: " in reply.markdown and "not started" in reply.markdown
    assert "\n- buyer: " in reply.markdown  # a list, not lines a Markdown view runs together

    reply = chat.respond("draft question 4.1", progress=said.append)
    assert "drafting 4.1 (1 of 1) and checking it…" in said
    db = connect(evidence_db_path)
    ours = db.execute("select answer, status from tender_questions where ref = '4.1'").fetchone()
    db.close()
    from evidencebot.assistant.tendering import _demote

    assert ours[0] and _demote(ours[0].strip()) in reply.markdown  # the stored answer is the one shown
    assert chat.state.draft is not None and chat.state.draft.text == ours[0]  # the open draft: F2 edits it
    assert "Workforce and Supervision: not in this answer" not in reply.markdown

    # the same question, the same database, the command line: the same answer, word for word
    runner = CliRunner()
    assert runner.invoke(cli, ["tender", "import", str(source), "--db", str(twin)]).exit_code == 0
    drafted = runner.invoke(cli, ["tender", "draft", "4.1", "--db", str(twin)])
    assert drafted.exit_code in (0, 1), drafted.output
    db = connect(twin)
    theirs = db.execute("select answer, status from tender_questions where ref = '4.1'").fetchone()
    db.close()
    assert theirs[0] == ours[0] and theirs[1] == ours[1]
    assert theirs[0].strip() in drafted.stdout

    reply = chat.respond("/tender export response.docx")
    assert not reply.ok and "4.2" in reply.markdown and "/tender draft all" in reply.markdown  # said in app words
    reply = chat.respond("draft all the answers")
    out = tmp_path / "out" / "response.docx"
    out.parent.mkdir()
    reply = chat.respond(f"export the response to {out}")
    assert reply.ok, reply.markdown
    assert out.exists() and (tmp_path / "out" / "response-compliance.xlsx").exists()
    assert f"`{out}`" in reply.markdown


def test_a_question_without_a_limit_is_given_one_in_the_chat(evidence_db_path, tmp_path):
    """The CLI's 'evidencebot tender limit' in the chat: the import, the refused draft and its fix say the chat's
    command, which sets the limit."""
    from docx import Document

    from evidencebot.assistant.conversation import Conversation

    d = Document()
    d.add_paragraph("Quality questions")
    d.add_paragraph("Q1 Engagement (Weighting 10%)")
    d.add_paragraph("Describe how you will keep people engaged when they miss appointments.")
    d.save(tmp_path / "nolimit.docx")
    chat = Conversation(evidence_db_path)
    reply = chat.respond(f"/tender import {tmp_path / 'nolimit.docx'}")
    assert "No limit stated for Q1" in reply.markdown and "`/tender limit REF N words`" in reply.markdown
    reply = chat.respond("/tender draft Q1")
    assert not reply.ok and "`/tender limit Q1 N words`" in reply.markdown and "evidencebot" not in reply.markdown
    reply = chat.respond("/tender limit Q1 250 words")
    assert reply.ok and reply.markdown.startswith("Q1: limit 250 words, status not started")
    assert "| Q1 | Engagement | " in chat.respond("tender status").markdown
    assert "| 250 words |" in chat.respond("tender status").markdown
    assert not chat.respond("/tender limit Q1 lots").ok


def test_edits_made_in_the_editor_are_kept_as_the_answer_checked_again(evidence_db_path, tmp_path):
    """An answer drafted in the chat and edited in the editor (F2) was never the tender's answer: the export wrote
    the stored draft. '/tender keep' puts the edited text back, checked with the database as a draft is; the export
    refuses while the open draft has edits the tender lacks."""
    from evidencebot.assistant.conversation import Conversation
    from evidencebot.store.db import connect

    chat = Conversation(evidence_db_path)
    chat.respond(f"/tender import {questionnaire(tmp_path / 'itt.docx')}")
    reply = chat.respond("/tender draft 4.2")
    assert "`/tender keep`" in reply.markdown
    doc = chat.state.draft
    assert doc.tender_ref == "4.2"
    doc.text = doc.text.rstrip() + "\n\nOur service cured everyone who came to us."  # as the editor sets it
    out = tmp_path / "response.docx"
    reply = chat.respond(f"/tender export {out}")
    assert not reply.ok and "edits the tender does not have yet" in reply.markdown and not out.exists()

    reply = chat.respond("keep this as the answer")
    assert not reply.ok and "status needs work" in reply.markdown
    line = doc.text.count("\n") + 1
    assert f"4.2, line {line}: " in reply.markdown and "“Our service cured everyone who came to us.”" in reply.markdown
    db = connect(evidence_db_path)
    assert db.execute("select answer from tender_questions where ref = '4.2'").fetchone()[0] == doc.text.strip()
    db.close()

    doc.text = doc.text.replace("\n\nOur service cured everyone who came to us.", "")
    reply = chat.respond("/tender keep")
    assert reply.ok and "status checked" in reply.markdown, reply.markdown


def test_swapping_a_block_in_a_tender_answer_keeps_the_tender_s_context(evidence_db_path, tmp_path, monkeypatch):
    """The editor's block swap (Ctrl+B) assembled a tender's answer again from its question alone: the tender's
    facts, the whole questionnaire's figures and the other answers' sentences (not to be repeated) were lost, so the
    swapped answer was not the one 'tender draft' would write. Now it is assembled with the same context."""
    from evidencebot.assistant import screen_services
    from evidencebot.assistant.conversation import Conversation
    from evidencebot.compose import tender as T

    chat = Conversation(evidence_db_path)
    chat.respond(f"/tender import {questionnaire(tmp_path / 'itt.docx')}")
    chat.respond("/tender draft 4.2")
    chat.respond("/tender draft 4.1")
    doc = chat.state.draft
    answer = doc.assembled
    seen = {}

    def spy(db, question, word_limit=None, **kwargs):
        seen.update(kwargs, question=question)
        return answer

    monkeypatch.setattr(T, "assemble_tender", spy)
    key = answer.plan.points[0].key
    screen_services.swap_block(chat, answer, key, "any-block", tender_ref=doc.tender_ref)
    assert "keep adults at risk safe" in seen["buyer_context"]  # the whole questionnaire, 4.2 too
    assert seen["shared"].sentences  # 4.2's drafted sentences are not repeated
    assert seen["pins"] == {key: "any-block"}
