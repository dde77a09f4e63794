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
