"""The restore offer on start lists every unsaved journal entry, and restoring keeps them all: the newest
story and draft open, every other one is written to the database. At 80x24 and 120x40."""

from __future__ import annotations

import time

import pytest
from helpers import run, settle

SIZES = [(80, 24), (120, 40)]


def fill_journal(db_path) -> None:
    from evidencebot.assistant.journal import Journal

    journal = Journal.for_database(db_path)
    journal.add("story", "T03", {"evidence": "Older unsaved evidence for T03."})
    time.sleep(0.01)
    journal.add("draft", "new-1", {"text": "An older unsaved draft.", "title": "Older draft", "kind": "text",
                                   "question": "", "word_limit": None, "period": None, "draft_id": None})
    time.sleep(0.01)
    journal.add("story", "S0007", {"title": "A new story never saved", "context": "Typed, never saved."})
    time.sleep(0.01)
    journal.add("draft", "new-2", {"text": "The newest unsaved draft.", "title": "Newest draft", "kind": "text",
                                   "question": "", "word_limit": None, "period": None, "draft_id": None})
    time.sleep(0.01)
    journal.add("story", "T02", {"delivery": "Newest unsaved delivery for T02."})


@pytest.mark.parametrize("size", SIZES)
def test_every_unsaved_entry_is_listed_and_restored(make, evidence_db_path, size):
    fill_journal(evidence_db_path)

    async def go():
        from evidencebot.tui.screens.confirm import ConfirmChange

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ConfirmChange)
            question = app.screen.question
            for named in ("story T03", "story S0007 “A new story never saved”", "story T02",
                          "draft “Older draft”", "draft “Newest draft”"):
                assert named in question
            await pilot.press("y")
            await settle(pilot, 0.8)
            await settle(pilot)
            assert app.current_mode == "story" and app.screen.story_id == "T02"  # the newest story
            assert app.screen.query_one("#field-delivery").text == "Newest unsaved delivery for T02."
            assert app.conversation.state.draft.text == "The newest unsaved draft."
            await settle(pilot, 0.5)

    run(go())
    from evidencebot.assistant.journal import Journal
    from evidencebot.store.db import connect

    db = connect(evidence_db_path)
    try:
        assert db["stories"].get("T03")["evidence"] == "Older unsaved evidence for T03."
        new = db["stories"].get("S0007")
        assert (new["title"], new["context"]) == ("A new story never saved", "Typed, never saved.")
        assert db["stories"].get("T02")["delivery"] == "Newest unsaved delivery for T02."
        bodies = [r["body"] for r in db.query("select body from drafts")]
    finally:
        db.close()
    assert "An older unsaved draft." in bodies
    left = {(e.kind, e.key) for e in Journal.for_database(evidence_db_path).entries()}
    assert ("story", "T03") not in left and ("story", "S0007") not in left and ("story", "T02") not in left
    assert ("draft", "new-1") not in left
