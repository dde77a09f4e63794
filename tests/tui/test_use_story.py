"""Stories you can use: `/use story ID` puts an excerpt into the sub-point the cursor is in, the
evidence browser's "Use in draft" does the same, and the exported document lists the story."""

from __future__ import annotations

import pytest
from helpers import chat_replies, paste_text, run, settle

DRAFT = "## a) Approach\n\nWe agree a plan with each person.\n\n## b) Evidence\n\nWe measure change."


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_pinned_story_appears_in_the_answer_and_in_the_documents_story_list(make, evidence_db_path, size):
    async def go():
        from evidencebot.assistant.editing import DraftDoc
        from evidencebot.store import workflow
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            app.conversation.state.draft = DraftDoc(text=DRAFT, title="Answer Q4", kind="tender")
            app.conversation.state.export_format = "md"
            app.open_mode("editor")
            await settle(pilot)
            app.screen.text_area.cursor_location = (2, 0)  # in sub-point a)
            app.ask("/use story T01")
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "editor"
            text = app.screen.text_area.text
            excerpt = app.conversation.state.draft.text
            assert "*Example: Leaving hospital with a key already in hand.*" in text
            a, b = text.index("## a) Approach"), text.index("## b) Evidence")
            assert a < text.index("*Example: Leaving hospital") < b  # under the sub-point the cursor was in
            assert excerpt == text
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            result = str(app.screen.query_one("#ex-result").render())
            assert result.startswith("Exported the draft"), result
        db = connect(evidence_db_path)
        used = workflow.documents_using(db, "T01")
        db.close()
        assert [d["document"].endswith("answer-q4.md") for d in used] == [True]
    run(go())


def test_a_story_without_consent_cannot_be_used(make):
    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await paste_text(pilot, "/use story T06")
            await pilot.press("enter")
            await settle(pilot)
            reply = chat_replies(app)[-1]
            assert reply.has_class("-warning") and "no consent for external use" in reply.markdown
            assert app.current_mode == "chat"
    run(go())


def test_use_in_draft_from_the_evidence_browser(make):
    async def go():
        from evidencebot.assistant.editing import DraftDoc

        app = make()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.conversation.state.draft = DraftDoc(text=DRAFT, title="Answer Q4", kind="tender")
            app.open_mode("evidence", "stories")
            await settle(pilot)
            await settle(pilot)
            app.screen.query_one("#story-query").focus()
            await paste_text(pilot, "tenancy winter")
            await settle(pilot, 0.5)
            await settle(pilot)
            app.screen.query_one("#story-use").press()
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "editor"
            assert "*Example: Keeping a tenancy through a hard winter.*" in app.screen.text_area.text
            assert app.conversation.state.draft.used_stories == ["T02"]
    run(go())
