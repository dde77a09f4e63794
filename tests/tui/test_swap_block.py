"""The editor shows an assembled answer's parts with their coverage, and Ctrl+B swaps a
part's method block for another match (the answer is assembled and checked again)."""

from __future__ import annotations

from helpers import run, settle

QUESTION = "Your answer should cover: (a) safeguarding adults at risk; (b) responding to domestic abuse. (400 words)"


def test_ctrl_b_swaps_a_parts_block_and_the_status_shows_each_parts_coverage(make):
    async def go():
        from evidencebot.assistant.editing import DraftDoc
        from evidencebot.compose import tender as T
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        app = make()
        db = app.conversation.connect()
        answer = T.assemble_tender(db, QUESTION, period="2025-10..2026-09")
        offered = T.swap_choices(db, answer)
        db.close()
        assert offered
        key, _line, block = offered[0]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app.conversation.state.draft = DraftDoc(text=answer.markdown, kind="tender", title="Tender answer",
                                                    question=QUESTION, word_limit=400, assembled=answer)
            app.open_mode("editor")
            await settle(pilot)
            screen = app.screen
            status = str(screen.query_one("#editor-status").render())
            assert "parts: ✓" in status and "method" in status
            await pilot.press("ctrl+b")
            await settle(pilot)
            assert isinstance(app.screen, SuggestionPicker)
            title = str(app.screen.query_one("#pick-title").render())
            assert "block" in title and "Replace “" not in title  # it says what is swapped, not a placeholder
            await pilot.press("1")
            await settle(pilot, 0.2)
            for _ in range(40):  # the answer is assembled and checked again in a worker
                if screen.doc.assembled is not answer:
                    break
                await settle(pilot, 0.5)
            assert screen.doc.assembled.pins == {key: block.block_id}
            assert block.block_id in screen.doc.assembled.blocks
            assert screen.text_area.text == screen.doc.assembled.markdown != answer.markdown
    run(go())
