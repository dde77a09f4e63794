"""Export does what you mean: the document in front of you is preselected, files go to the
documents folder in the data directory (shown), and nothing is overwritten without asking."""

from __future__ import annotations

import pytest
from helpers import paste_text, run, settle

SIZES = [(80, 24), (120, 40)]
DRAFT = "We offer weekly contact and review each crisis plan with the person and their GP."


def pressed(screen, radio_set: str) -> str:
    from textual.widgets import RadioSet

    button = screen.query_one(f"#{radio_set}", RadioSet).pressed_button
    return button.id if button is not None else ""


@pytest.mark.parametrize("size", SIZES)
def test_export_from_the_editor_exports_the_draft_and_asks_before_replacing(make, isolated_home, size):
    async def go():
        from evidencebot.assistant.editing import DraftDoc
        from evidencebot.tui.screens.confirm import ConfirmChange

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            state = app.conversation.state
            state.story_id = "T01"  # a story was opened earlier in the session
            state.export_format = "md"
            state.draft = DraftDoc(text=DRAFT, title="Answer Q3", kind="tender")
            app.open_mode("editor")
            await settle(pilot)
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            screen = app.screen
            assert app.current_mode == "export"
            assert pressed(screen, "ex-what") == "what-draft"
            folder = isolated_home / "data" / "documents"
            path = screen.query_one("#ex-path").value
            assert path == str(folder / "answer-q3.md")
            assert "$EVIDENCEBOT_HOME/data/documents" in str(screen.query_one("#ex-folder").render())
            assert not screen.query_one("#ex-force").value
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert DRAFT in (folder / "answer-q3.md").read_text(encoding="utf-8")
            assert "Exported the draft" in str(screen.query_one("#ex-result").render())
            (folder / "answer-q3.md").write_text("kept", encoding="utf-8")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmChange) and "**answer-q3.md** already exists" in app.screen.question
            await pilot.press("n")
            await settle(pilot)
            assert (folder / "answer-q3.md").read_text(encoding="utf-8") == "kept"
            assert "still as it was" in str(screen.query_one("#ex-result").render())
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            assert "Exported the draft" in str(screen.query_one("#ex-result").render())
            assert DRAFT in (folder / "answer-q3.md").read_text(encoding="utf-8")
    run(go())


@pytest.mark.parametrize("size", SIZES)
def test_export_from_the_story_form_preselects_that_story(make, size):
    async def go():
        from textual.widgets import Select

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            from evidencebot.assistant.editing import DraftDoc

            app.conversation.state.draft = DraftDoc(text=DRAFT, title="Answer Q3", kind="tender")
            await paste_text(pilot, "/story T02")
            await pilot.press("enter")
            await settle(pilot)
            assert app.current_mode == "story"
            await pilot.press("f5")
            await settle(pilot)
            await settle(pilot)
            screen = app.screen
            assert pressed(screen, "ex-what") == "what-story"
            assert screen.query_one("#ex-story", Select).value == "T02"
            assert screen.query_one("#ex-path").value.endswith("story-t02.docx")
    run(go())
