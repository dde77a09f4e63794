"""Issue 18, defect 5: withdrawn story text stays usable. After
``stories withdraw``, ``library show`` printed the story, the withdrawal's list
of affected documents left out the library entry and drafts, and a draft
holding a lightly edited copy (every 8th word changed) or a 20-word quote was
exported. These tests failed on the code before."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from evidencebot.store import audit, workflow
from evidencebot.store.search import save_story_draft

LONG = {
    "title": "Back to college after a hard winter",
    "context": ("Morwenna had stopped attending her catering course in November after her sleep fell apart "
                "and the rota at her weekend job kept changing without any warning at all."),
    "support_approach": ("Her worker met her at the library every Tuesday morning, mapped the week on paper "
                         "with her and rang the course tutor together with her to agree a phased return."),
    "delivery": ("They practised the bus route twice before the first morning back, and her worker kept a "
                 "short check in call going every Friday afternoon until the end of the spring term."),
    "evidence": ("She attended nineteen of the twenty sessions in the spring term, her tutor's report "
                 "described steady progress, and she finished the level two certificate in July."),
}
DISTINCT = "mapped the week on paper"


def every_8th_changed(text: str) -> str:
    words = text.split()
    return " ".join("altered" if i % 8 == 7 else w for i, w in enumerate(words))


def story_text() -> str:
    return " ".join(LONG[k] for k in ("context", "support_approach", "delivery", "evidence"))


@pytest.fixture
def withdrawn_db(tmp_path):
    """S0001 approved for external use; then a library entry and a saved draft holding its text."""
    from evidencebot.compose import library
    from evidencebot.store.db import connect

    path = tmp_path / "w.db"
    db = connect(path, user="Ana Writer")
    save_story_draft(db, "S0001", LONG)
    audit.set_user(db, "Ana Writer")
    workflow.submit_story(db, "S0001")
    audit.set_user(db, "Ben Approver")
    workflow.approve_story(db, "S0001")
    workflow.record_consent(db, "S0001", "external", date="2025-03-01")
    bid = library.save(db, "How do you help people return to education?",
                       "We plan the week with each person. " + LONG["support_approach"] + " " + LONG["evidence"])
    db["drafts"].insert({"kind": "tender", "title": "Education answer", "body": every_8th_changed(story_text()),
                         "created_by": "Ana Writer", "created_at": "2025-04-01", "updated_at": "2025-04-01"})
    yield db, path, bid
    db.close()


def test_withdrawal_lists_library_entries_and_drafts(withdrawn_db):
    db, _, bid = withdrawn_db
    change = workflow.withdraw_consent(db, "S0001", note="phoned the team")
    names = [d["document"] for d in change.documents]
    assert f"library entry #{bid}" in names
    assert any(n.startswith("draft #1") for n in names)
    kinds = {d["kind"] for d in change.documents}
    assert {"library", "draft"} <= kinds


def test_withdraw_command_prints_the_library_entry_and_draft(withdrawn_db):
    from evidencebot.cli import cli

    _, path, bid = withdrawn_db
    result = CliRunner().invoke(cli, ["stories", "withdraw", "S0001", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert f"library entry #{bid}" in result.output and "draft #1" in result.output


def test_library_show_list_and_search_hide_a_withdrawn_story(withdrawn_db):
    from evidencebot.cli import cli

    db, path, bid = withdrawn_db
    runner = CliRunner()
    before = runner.invoke(cli, ["library", "show", str(bid), "--db", str(path)])
    assert before.exit_code == 0 and DISTINCT in before.output  # shown while consent stands
    workflow.withdraw_consent(db, "S0001")
    shown = runner.invoke(cli, ["library", "show", str(bid), "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    assert DISTINCT not in shown.output and "nineteen of the twenty" not in shown.output
    assert "withdrawn" in shown.output and "S0001" in shown.output and "hidden" in shown.output
    for args in (["library", "list"], ["library", "search", "week"]):
        listed = runner.invoke(cli, [*args, "--db", str(path)])
        assert listed.exit_code == 0, listed.output
        assert f"#{bid}" in listed.output and "withdrawn" in listed.output
        assert DISTINCT not in listed.output


class Doc:
    kind = "tender"
    title = "Education answer"
    question = "How do you help people return to education?"
    word_limit = None
    period = None

    def __init__(self, text):
        self.text = text


def quote_20_words() -> str:
    words = LONG["delivery"].split()[2:22]  # not aligned with the old check's 12-word passages
    assert len(words) == 20
    return ("Our workers plan journeys with people before they go back. “" + " ".join(words)
            + "” That is typical of the approach.")


@pytest.mark.parametrize("make", [
    lambda: story_text(),
    lambda: every_8th_changed(story_text()),
    quote_20_words,
], ids=["verbatim", "every-8th-word-changed", "20-word-quote"])
def test_near_copies_of_a_withdrawn_story_are_refused_at_export(withdrawn_db, tmp_path, make):
    from evidencebot.assistant.exporting import ExportRefused, export_draft

    db, _, _ = withdrawn_db
    workflow.withdraw_consent(db, "S0001")
    out = tmp_path / "answer.md"
    with pytest.raises(ExportRefused, match="S0001"):
        export_draft(db, Doc(make()), out)
    assert not out.exists()


def test_text_that_does_not_copy_the_story_is_still_exported(withdrawn_db, tmp_path):
    from evidencebot.assistant.exporting import export_draft

    db, _, _ = withdrawn_db
    workflow.withdraw_consent(db, "S0001")
    text = ("We agree a phased return to education with each person and their tutor, practise new journeys "
            "beforehand and keep in touch weekly until the routine holds.")
    result = export_draft(db, Doc(text), tmp_path / "ok.md")
    assert result.path.exists()


def test_check_with_the_database_says_why(withdrawn_db, tmp_path):
    from evidencebot.cli import cli

    db, path, _ = withdrawn_db
    workflow.withdraw_consent(db, "S0001")
    draft = tmp_path / "draft.md"
    draft.write_text(every_8th_changed(story_text()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(draft), "--db", str(path), "--family", "evidence"])
    assert result.exit_code == 1, result.output
    assert "S0001" in result.output and "withdrawn" in result.output


@pytest.mark.parametrize("make", [
    lambda: every_8th_changed(story_text()),
    quote_20_words,
], ids=["every-8th-word-changed", "20-word-quote"])
def test_every_export_path_refuses_a_near_copy(withdrawn_db, tmp_path, make):
    """The one core export step (files and stdout; used by assemble, tender export and the app)
    reads the document's text, not only the stories it says it used."""
    from evidencebot.compose.export import ExportDoc, recorded, write_recorded
    from evidencebot.store.workflow import ExportNotAllowed

    db, _, _ = withdrawn_db
    workflow.withdraw_consent(db, "S0001")
    doc = ExportDoc(title="Answer", body=make() + "\n", kind="tender")
    out = tmp_path / "answer.md"
    with pytest.raises(ExportNotAllowed, match="S0001"):
        write_recorded(db, doc, out, kind="tender")
    assert not out.exists()
    with pytest.raises(ExportNotAllowed, match="S0001"):
        with recorded(db, "stdout", "tender", [], text=doc.body):
            pass
    assert workflow.documents_using(db, "S0001") == []


def test_the_apps_draft_check_says_why(withdrawn_db):
    """The editor's check (the same core the app runs on every pause) names the withdrawn story."""
    from evidencebot.assistant.checking import check

    db, path, _ = withdrawn_db
    text = every_8th_changed(story_text()) + "\n"
    before = [f.rule for f in check(text, db_path=path).findings]
    assert "evidence.story-not-cleared" not in before  # consent stands: quoting it is fine
    workflow.withdraw_consent(db, "S0001")
    report = check(text, db_path=path)
    found = [f for f in report.findings if f.rule == "evidence.story-not-cleared"]
    assert found and "S0001" in found[0].message and "withdrawn" in found[0].message


def test_stories_show_lists_the_library_entry_and_draft_holding_the_story(withdrawn_db):
    from evidencebot.cli import cli

    _, path, bid = withdrawn_db
    result = CliRunner().invoke(cli, ["stories", "show", "S0001", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert f"library entry #{bid} (library: holds" in result.output and "draft #1" in result.output


def test_the_apps_withdrawal_lists_the_library_entry_and_draft(withdrawn_db, isolated_home):
    from evidencebot.assistant.conversation import Conversation

    db, path, bid = withdrawn_db
    db.close()
    conversation = Conversation(path)
    asked = conversation.respond("/withdraw S0001")
    assert "it was used in 2 documents" in asked.markdown, asked.markdown
    reply = conversation.respond("/withdraw S0001 confirm")
    assert reply.ok, reply.markdown
    assert f"**library entry #{bid}** · library: holds" in reply.markdown
    assert "**draft #1 “Education answer”** · draft: holds" in reply.markdown
