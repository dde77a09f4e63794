"""A draft needs a second person to approve it, by the same rule as a story."""

import pytest

from evidencebot.errors import InputError
from evidencebot.store import workflow


def test_draft_approval_uses_the_story_rule_for_the_same_person(tmp_path):
    from evidencebot.assistant.editing import DraftDoc, save_draft
    from evidencebot.store.db import connect

    db = connect(tmp_path / "drafts.db", user="Ana  Writer")
    try:
        doc = DraftDoc(text="Our answer.", question="How?", word_limit=100, kind="tender", title="Q1")
        draft_id = save_draft(db, doc, author="Ana Writer")
        db.execute("UPDATE drafts SET status = 'submitted', submitted_by = 'Ana  Writer' WHERE draft_id = ?",
                   [draft_id])
        # the same name spaced and cased differently is the same person (workflow.same_person)
        with pytest.raises(InputError, match="second person"):
            workflow.approve_draft(db, draft_id, user="ana writer")
        row = workflow.approve_draft(db, draft_id, user="Ben Approver")
        assert workflow.draft_is_approved(row) and row["approved_by"] == "Ben Approver"
    finally:
        db.close()


def test_drafts_list_shows_each_draft_with_its_status(tmp_path):
    """``evidencebot drafts list`` reads the drafts through store.drafts: every draft, oldest first, with
    kind, status and who approved it."""
    from click.testing import CliRunner

    from evidencebot.assistant.editing import DraftDoc, save_draft, save_version
    from evidencebot.cli import cli
    from evidencebot.store.db import connect

    path = tmp_path / "drafts.db"
    db = connect(path, user="Ana Writer")
    try:
        first = DraftDoc(text="First answer.", question="How?", word_limit=100, kind="tender", title="Q1 answer")
        second = DraftDoc(text="Second.", question="", word_limit=None, kind="review", title="")
        save_draft(db, first, author="Ana Writer")
        assert save_version(db, second, author="Ana Writer") == 1
        assert save_version(db, second, author="Ana Writer") == 2
    finally:
        db.close()
    result = CliRunner().invoke(cli, ["drafts", "list", "--db", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[1].split()[:3] == [str(first.draft_id), "tender", "draft"] and "Q1 answer" in lines[1]
    assert lines[2].split()[:3] == [str(second.draft_id), "review", "draft"] and "Untitled draft" in lines[2]
