"""Ctrl+R in the editor: the only replacement is applied at once; with several, the user picks one."""

from __future__ import annotations

import pytest
from helpers import paste_text, run, settle

from evidencebot.assistant.checking import replacement_choices
from evidencebot.language.findings import Finding

TEXT = "Our support reduced A&E attendances."
CHOICES = ["contributed to a reduction in", "helped to lower the number of", "contributed to a fall in"]


def test_replacement_choices_leave_advice_out():
    f = Finding("privacy.nhs-number", "privacy", "error", "", 0, 3, "943",
                suggestions=["[NHS number removed]", "use the pseudonymised id (for example P00042)"])
    assert replacement_choices(f) == [(0, "[NHS number removed]")]
    f.suggestions = ['"lowered"', "say by how much"]
    assert replacement_choices(f) == [(0, "lowered")]


async def open_editor_on_the_claim(pilot):
    app = pilot.app
    await settle(pilot)
    await paste_text(pilot, f"check this: {TEXT}")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("f2")
    await settle(pilot, 0.1)
    editor = app.screen
    rules = [f.rule for f in editor.findings]
    editor.query_one("#findings").highlighted = rules.index("overclaim.causal-system-outcome")
    await pilot.pause()
    return editor


@pytest.mark.parametrize("keys, expected", [
    (["enter"], CHOICES[0]),
    (["down", "enter"], CHOICES[1]),
    (["3"], CHOICES[2]),
])
def test_pick_one_of_several_suggestions(make, keys, expected):
    async def go():
        from evidencebot.tui.screens.suggestions import SuggestionPicker

        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await open_editor_on_the_claim(pilot)
            await pilot.press("ctrl+r")
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, SuggestionPicker)
            assert [text for _i, text in picker.choices] == CHOICES
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            assert app.screen is editor
            assert editor.text_area.text == f"Our support {expected} A&E attendances."
            assert editor.text_area.has_focus
    run(go())


def test_escape_closes_the_list_and_changes_nothing(make):
    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await open_editor_on_the_claim(pilot)
            await pilot.press("ctrl+r")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is editor and app.current_mode == "editor"
            assert editor.text_area.text == TEXT
    run(go())
