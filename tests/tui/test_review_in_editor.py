"""The review in the editor reads as a document: tables rendered, Ctrl+O to edit and back."""

from __future__ import annotations

import pytest
from helpers import run, settle

REVIEW = ("## Contract review 2026-Q2\n\n| indicator | 2026-Q2 | target |\n|---|---|---|\n"
          "| Follow-up in 72h | 80% (8/10) | 80% |\n\nThe text below the table.\n")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_review_opens_as_a_document_with_its_tables_rendered(make, size):
    async def go():
        from textual.widgets import MarkdownViewer
        from textual.widgets._markdown import MarkdownTable

        from evidencebot.assistant.editing import DraftDoc

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            app.conversation.state.draft = DraftDoc(text=REVIEW, kind="review", title="Contract review 2026-Q2")
            app.open_mode("editor")
            await settle(pilot)
            screen = app.screen
            viewer = screen.query_one("#draft-preview", MarkdownViewer)
            assert viewer.display and not screen.text_area.display
            assert len(list(viewer.query(MarkdownTable))) == 1  # a table, not pipes
            assert "reading: Ctrl+O to edit" in str(screen.query_one("#editor-status").render())
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert screen.text_area.display and not viewer.display and app.focused is screen.text_area
            await pilot.press("end")
            await pilot.press("x")
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert viewer.display
            assert screen.text_area.text.startswith("## Contract review 2026-Q2x\n")
    run(go())
