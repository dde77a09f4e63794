"""The chat at 80x24 and 120x40: /help renders every command whole; the board summary; requests it
cannot do get the closest commands."""

from __future__ import annotations

import pytest
from helpers import chat_replies, run, send

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
def test_help_renders_every_command_whole(make, size):
    async def go():
        from evidencebot.assistant.intents import SLASH_COMMANDS

        app = make()
        async with app.run_test(size=size) as pilot:
            await send(pilot, "/help")
            reply = chat_replies(app)[-1]
            for name, (_intent, args, _what) in SLASH_COMMANDS.items():
                assert f"/{name}{(' ' + args) if args else ''}" in reply.shown
            assert "/export [md/html/docx]" in reply.shown
            for line in reply.shown.splitlines():
                if line.startswith("|") and "`/" in line:
                    assert line.count("|") == 3, line
    run(go())


@pytest.mark.parametrize("size", SIZES)
def test_a_request_it_cannot_do_gets_the_closest_commands(make, size):
    async def go():
        app = make()
        async with app.run_test(size=size) as pilot:
            await send(pilot, "email the review to the commissioner")
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("I can't do “email the review to the commissioner” here")
            assert "`/export" in reply.markdown and reply.has_class("-warning")
    run(go())


def test_the_board_summary_in_the_chat(make):
    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await send(pilot, "Write a one-page summary of this quarter for the board")
            reply = chat_replies(app)[-1]
            assert reply.markdown.startswith("## Board summary")
            assert "### Targets not met" in reply.shown and "### Top risks" in reply.shown
            assert app.conversation.state.draft.title.startswith("Board summary")
    run(go())
