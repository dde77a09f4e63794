"""assistant.screen_services: what the app's screens ask of the assistant, each call on its own
connection, closed when it returns (the screens hold none)."""

from __future__ import annotations

import pytest

from evidencebot.assistant import screen_services as services
from evidencebot.assistant.conversation import Conversation
from evidencebot.assistant.editing import DraftDoc
from evidencebot.errors import InputError
from evidencebot.store import drafts
from evidencebot.store.db import connect


class CountingConversation(Conversation):
    """A conversation that remembers every connection it opened."""

    def __init__(self, path):
        super().__init__(path)
        self.opened = []

    def connect(self):
        db = super().connect()
        self.opened.append(db)
        return db

    def all_closed(self) -> bool:
        closed = []
        for db in self.opened:
            try:
                db.execute("select 1")
                closed.append(False)
            except Exception:  # sqlite3.ProgrammingError: cannot operate on a closed database
                closed.append(True)
        return bool(closed) and all(closed)


@pytest.fixture
def conversation(tmp_path):
    path = tmp_path / "screens.db"
    connect(path).close()  # migrated once
    return CountingConversation(path)


def test_a_story_is_written_read_searched_and_previewed(conversation):
    assert services.read_story(conversation, "S0001") == {"story_id": "S0001"}  # nothing stored yet
    with services.StoryWriter(conversation) as writer:
        row = writer.save("S0001", {"title": "Back into work", "context": "Sam lost a tenancy after a crisis."})
        assert row["title"] == "Back into work" and row["status"] == "draft"
        assert writer.save("S0001", {"context": "Rewritten."}, cancelled=lambda: False)["context"] == "Rewritten."
    assert services.read_story(conversation, "S0001")["context"] == "Rewritten."
    assert [h.story_id for h in services.find_stories(conversation, "work")] == ["S0001"]
    assert "Back into work" in services.story_preview(conversation, "S0001")
    with pytest.raises(InputError):
        services.story_preview(conversation, "S9999")
    assert conversation.all_closed()


def test_consent_is_previewed_changed_and_undone(conversation):
    with services.StoryWriter(conversation) as writer:
        writer.save("S0001", {"title": "A story", "consent": "none"})
    assert "to internal" in services.preview_consent(conversation, "S0001", "internal")
    change, row = services.change_consent(conversation, "S0001", "internal")
    assert row["consent"] == "internal" and change.story_id == "S0001"
    with pytest.raises(InputError):
        services.preview_consent(conversation, "S0001", "internal")  # already so
    assert services.undo_change(conversation, change)["consent"] == "none"
    with pytest.raises(InputError):
        services.submit_question(conversation, "S0001")  # parts missing: nothing to submit yet
    assert conversation.all_closed()


def test_a_draft_is_saved_versioned_and_its_privacy_note_kept(conversation):
    doc = DraftDoc(text="", title="Crisis answer", question="How do you respond to crisis?", word_limit=300)
    number, draft_id = services.save_draft_text(conversation, doc, "First text.")
    assert number is None and draft_id is not None and doc.draft_id == draft_id
    number, again = services.save_draft_text(conversation, doc, "Second text.", version=True)
    assert (number, again) == (1, draft_id)
    db = connect(conversation.db_path)
    try:
        assert drafts.draft_row(db, draft_id)["body"] == "Second text."
        assert not drafts.privacy_warned(db, draft_id)
        services.mark_privacy_warned(conversation, draft_id)
        assert drafts.privacy_warned(db, draft_id)
    finally:
        db.close()
    assert conversation.all_closed()


def test_an_export_of_the_draft_is_written(conversation, tmp_path):
    conversation.state.draft = DraftDoc(text="We answer every crisis call within an hour.", title="Crisis answer",
                                        kind="text")
    result = services.export(conversation, "draft", None, "md", str(tmp_path / "answer.md"))
    assert (tmp_path / "answer.md").read_text(encoding="utf-8").count("within an hour") == 1
    assert str(result.path).endswith("answer.md")
    assert services.export_choices(conversation) == []  # no story may leave the service yet
    assert conversation.all_closed()
