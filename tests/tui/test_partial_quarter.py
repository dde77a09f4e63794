"""In the app, at 80x24 and 120x40, on a demo whose data end mid-quarter (30 November 2026): "this quarter"
is Oct-Dec 2026 said to be partial, "last quarter" Jul-Sep 2026, and the board summary says so."""

from __future__ import annotations

import pytest
from helpers import chat_replies, run, send

SIZES = [(80, 24), (120, 40)]
MID_QUARTER = {"people": 40, "months": 15, "end": "2026-11"}


@pytest.mark.parametrize("size", SIZES)
def test_this_quarter_is_partial_and_last_quarter_the_one_before(demo_copy_factory, size):
    async def go():
        from evidencebot.tui.app import make_app

        app = make_app(demo_copy_factory(**MID_QUARTER), load_language=False)
        async with app.run_test(size=size) as pilot:
            await send(pilot, "how are we doing this quarter?")
            this = chat_replies(app)[-1]
            assert "Oct-Dec 2026" in this.shown and "to date: 2 of 3 months" in this.shown
            await send(pilot, "how are we doing last quarter?")
            last = chat_replies(app)[-1]
            assert "Jul-Sep 2026" in last.shown and "to date" not in last.shown
            await send(pilot, "Write a one-page summary of this quarter for the board")
            board = chat_replies(app)[-1]
            assert board.markdown.startswith("## Board summary: Oct-Dec 2026")
            assert "The quarter is not over" in board.shown
            assert app.conversation.state.draft.title == "Board summary 2026/27 Q3"
    run(go())
