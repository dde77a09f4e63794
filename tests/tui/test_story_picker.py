"""A picker on the chat's story search (F7): pick a story by keyboard and use it in the open draft, or open it.
At 80x24 and 120x40."""

from __future__ import annotations

import pytest
from helpers import chat_replies, paste_text, run, settle

SIZES = [(80, 24), (120, 40)]
DRAFT = "## a) Approach\n\nWe agree a plan with each person.\n\n## b) Evidence\n\nWe measure change."


async def search(pilot, text: str) -> dict:
    await settle(pilot)
    await paste_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)
    reply = chat_replies(pilot.app)[-1]
    assert reply.markdown.startswith("**"), reply.markdown
    return reply


def footer_keys(screen) -> list[str]:
    from textual.widgets import Footer

    return [item.description for item in screen.query_one(Footer).query("FooterKey")]


@pytest.mark.parametrize("size", SIZES)
def test_pick_a_found_story_and_use_it_in_the_open_draft(make, size):
    async def go():
        from evidencebot.assistant.editing import DraftDoc
        from evidencebot.tui.screens.story_picker import StoryPicker

        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            app.conversation.state.draft = DraftDoc(text=DRAFT, title="Answer Q4", kind="tender")
            chat = app.screen
            assert "Pick a story" not in footer_keys(chat)  # nothing found yet: no picker
            reply = await search(pilot, "find stories about housing")
            hits = reply  # the reply lists the hits, best first
            assert "Pick a story" in footer_keys(chat)
            await pilot.press("f7")
            await settle(pilot)
            picker = app.screen
            assert isinstance(picker, StoryPicker)
            ids = [h["story_id"] for h in picker.hits]
            assert ids and all(f"`{i}`" in hits.markdown for i in ids)
            usable = next(n for n, h in enumerate(picker.hits) if h["usable"])
            for _ in range(usable):
                await pilot.press("down")
            await pilot.press("enter")
            await settle(pilot)
            await settle(pilot)
            chosen = picker.hits[usable]
            assert app.current_mode == "editor"
            assert f"*Example: {chosen['title']}.*" in app.screen.text_area.text
            assert app.conversation.state.draft.used_stories == [chosen["story_id"]]
    run(go())


@pytest.mark.parametrize("size", SIZES)
def test_pick_a_found_story_and_open_it_or_cancel(make, size):
    async def go():
        from evidencebot.tui.screens.story_picker import StoryPicker

        app = make()
        async with app.run_test(size=size) as pilot:
            await search(pilot, "find stories about tenancy")
            await pilot.press("f7")
            await settle(pilot)
            await pilot.press("escape")  # nothing happens
            await settle(pilot)
            assert app.current_mode == "chat" and not isinstance(app.screen, StoryPicker)
            await pilot.press("f7")
            await settle(pilot)
            first = app.screen.hits[0]["story_id"]
            await pilot.press("o")
            await settle(pilot)
            await settle(pilot)
            assert app.current_mode == "story" and app.screen.story_id == first
    run(go())
