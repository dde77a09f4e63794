"""Typing in a one-line box repaints the box; it does not lay out the whole screen on every key
(Textual's Input did, because its scroll range follows its text), and long text still scrolls."""

from __future__ import annotations

from helpers import run, send, settle, type_text


def test_typing_in_the_prompt_lays_out_the_screen_at_most_once_and_long_text_scrolls(make, monkeypatch):
    from textual.screen import Screen

    layouts: list[str] = []
    real = Screen._refresh_layout

    def counting(self, *args, **kwargs):
        layouts.append(type(self).__name__)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)

    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await send(pilot, "how are we doing this quarter?")  # a reply with many widgets on screen
            prompt = app.screen.query_one("#prompt")
            layouts.clear()
            await type_text(pilot, "show follow-up after discharge")
            await settle(pilot)
            assert prompt.value == "show follow-up after discharge"
            assert len(layouts) <= 2, f"{len(layouts)} layouts of the screen for 30 keys"  # was one a key
            words = " ".join(f"word{n}" for n in range(20))  # 119 characters in a 74-column box
            await type_text(pilot, " " + words)
            await settle(pilot)
            assert prompt.cursor_position == len(prompt.value)
            assert prompt.scroll_offset.x > 0  # scrolled to keep the cursor in view
            assert prompt.render_line(0).text.rstrip().endswith("word18 word19")  # the end of the text is shown
    run(go())
