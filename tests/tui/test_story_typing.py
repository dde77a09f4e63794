"""Typing in the story form does little per key: the status line is repainted, not the screen laid out, and
the parts are checked once typing pauses or the part is left, not after every save. Typed key by key."""

from __future__ import annotations

import asyncio

from helpers import run, settle, type_text


async def until_saved(pilot, screen, timeout: float = 15.0) -> None:
    """Wait for the last save of what was typed to land (the screen holds nothing unsaved: no change waiting for its
    save, nothing in the journal the database has not taken), not for a time: a settle that only let the loop turn
    a few times read the database while the last saves were still queued (session 38: 'J. to' of the typed text)."""
    await settle(pilot)  # the last keys' Changed messages handled: their text is pending or saved
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while screen.unsaved() and loop.time() < deadline:
        await pilot.pause(0.02)
    await settle(pilot)  # the StorySaved message handled (the status line)
    assert not screen.unsaved(), f"typed text not saved {timeout:.0f} s after the last key"


def test_typing_a_part_neither_lays_out_the_screen_per_key_nor_checks_per_save(make, evidence_db_path,
                                                                              monkeypatch):
    from textual.screen import Screen

    from evidencebot.assistant import story_capture
    from evidencebot.store.db import connect
    from evidencebot.tui.screens import story

    layouts: list[str] = []
    real_layout = Screen._refresh_layout

    def counting(self, *args, **kwargs):
        layouts.append(type(self).__name__)
        return real_layout(self, *args, **kwargs)

    checked: list[str] = []
    real_check = story_capture.check_part

    def check_part(text):
        checked.append(text)
        return real_check(text)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    monkeypatch.setattr(story_capture, "check_part", check_part)
    monkeypatch.setattr(story, "SAVE_DELAY", 0.001)  # a save after (almost) every key
    monkeypatch.setattr(story, "CHECK_DELAY", 60, raising=False)  # typing never pauses that long

    text = "J. told Mrs Okafor on Monday"

    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            await pilot.press("tab")  # to Context
            screen = app.screen
            assert screen.focused.id == "field-context"
            await settle(pilot)
            layouts.clear()
            await type_text(pilot, text)
            await until_saved(pilot, screen)
            db = connect(evidence_db_path)
            try:
                assert db["stories"].get("S0001")["context"] == text  # saved as typed
            finally:
                db.close()
            assert len(layouts) <= 3, f"{len(layouts)} layouts of the screen for {len(text)} keys"  # was 1-2 a key
            assert checked == [], "checked while typing went on"
            assert not screen.query_one("#privacy-context").display
            await pilot.press("tab")  # leaving the part: it is checked now, once
            await settle(pilot)
            assert checked == [text]
            panel = screen.query_one("#privacy-context")
            assert panel.display and "Mrs Okafor" in str(panel.render())
            assert str(screen.query_one("#story-status").render()).startswith("✓ saved")
    run(go())
