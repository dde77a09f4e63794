"""The story form: consent and approval change only on purpose; state shown by glyph; checks as `check` does.

Driven by keys at 80x24 and 120x40 (the arrow keys over every widget at 80x24 only).
"""

from __future__ import annotations

import pytest
from helpers import chat_replies, focused_in, paste_text, run, settle, wait_until

SIZES = [(80, 24), (120, 40)]
MOVES = ("up", "down", "left", "right", "ctrl+down", "ctrl+up", "pageup", "pagedown", "home", "end")


def governance(db_path, story_id: str) -> tuple:
    from evidencebot.store.db import connect

    db = connect(db_path)
    try:
        row = db["stories"].get(story_id)
        consents = db.execute("select count(*) from story_consents where story_id = ?", [story_id]).fetchone()[0]
        audited = db.execute("select count(*) from audit_log where table_name = 'stories' and row_key = ?",
                             [story_id]).fetchone()[0]
    finally:
        db.close()
    return (row["consent"], row["status"], row["approved_by"], row["consent_withdrawn_at"], consents, audited)


async def open_story(pilot, story_id: str) -> None:
    await settle(pilot)
    await paste_text(pilot, f"/story {story_id}")
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)


def test_arrow_keys_over_every_focusable_widget_never_change_consent_or_approval(make, evidence_db_path):
    """At 80x24 only: a key goes to the focused widget whatever the terminal's size, and nothing on the story
    screen depends on the size (the focus chain is the same at 120x40); at 80x24 the form scrolls, so the
    page and home/end keys move it too. (At both sizes it was 15 s of each run.)"""
    async def go():
        app = make()
        before = governance(evidence_db_path, "T01")  # approved, external consent
        async with app.run_test(size=SIZES[0]) as pilot:
            await open_story(pilot, "T01")
            screen = app.screen
            assert app.current_mode == "story" and screen.story_id == "T01"
            shown = str(screen.query_one("#consent-state").render())
            assert "(●) external" in shown and "( ) internal" in shown
            chain = list(screen.focus_chain)
            assert len(chain) >= 10  # title, four parts, domains, goals, the consent buttons, submit
            for widget in chain:
                widget.focus()
                await pilot.pause()
                for key in MOVES:
                    await pilot.press(key)
                await settle(pilot)
                assert app.screen is screen, f"a key on {widget.id} opened {app.screen!r}"
                assert str(screen.query_one("#consent-state").render()) == shown
            await settle(pilot, 0.5)
        assert governance(evidence_db_path, "T01") == before
    run(go())


def test_consent_changes_only_after_a_confirmation_naming_the_story_and_is_undoable(make, evidence_db_path):
    async def go():
        from evidencebot.store.db import connect
        from evidencebot.tui.screens.confirm import ChooseConsent, ConfirmChange

        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await open_story(pilot, "T06")  # consent none
            screen = app.screen

            async def focus_and_enter(selector: str) -> None:
                """Enter on a story-screen button once the focus is on it (``focus()`` lands a moment later) and
                its last press has stopped showing: Textual's Button ignores Enter while it has ``-active``
                (0.2 s after a press), so Enter soon after the Escape of the first round was lost."""
                button = screen.query_one(selector)
                button.focus()
                await wait_until(pilot, lambda: focused_in(app, type(screen), selector) is button
                                 and not button.has_class("-active"),
                                 f"the story screen active, the focus on {selector}, its last press over")
                await pilot.press("enter")
                await settle(pilot)

            async def consent_list_takes_keys() -> None:
                def ready() -> bool:
                    options = focused_in(app, ChooseConsent, "#consent-options")
                    return options is not None and options.highlighted is not None
                await wait_until(pilot, ready, "the consent list on screen, focused, an option highlighted")
                assert sum(isinstance(s, ChooseConsent) for s in app.screen_stack) == 1

            async def confirmation_takes_keys() -> None:
                await wait_until(pilot, lambda: focused_in(app, ConfirmChange, "#confirm-no") is not None,
                                 "the confirmation on screen, the focus on Cancel")

            await focus_and_enter("#consent-change")
            await consent_list_takes_keys()
            assert isinstance(app.screen, ChooseConsent)
            await pilot.press("escape")  # cancel: nothing changes
            await settle(pilot)
            assert governance(evidence_db_path, "T06")[0] == "none"
            await focus_and_enter("#consent-change")
            await consent_list_takes_keys()
            await pilot.press("enter")  # the first choice: external
            await settle(pilot)
            await confirmation_takes_keys()
            assert isinstance(app.screen, ConfirmChange)
            assert app.screen.question == ("Change the consent of story T06 “Stories without consent stay in the "
                                           "service” from none to external?")
            await pilot.press("enter")  # Cancel has the focus
            await settle(pilot)
            assert governance(evidence_db_path, "T06")[0] == "none"
            assert "Consent left as it was" in str(screen.query_one("#story-status").render())
            await focus_and_enter("#consent-change")
            await consent_list_takes_keys()
            await pilot.press("enter")
            await settle(pilot)
            await confirmation_takes_keys()
            await pilot.press("y")
            await settle(pilot)
            assert governance(evidence_db_path, "T06")[0] == "external"
            status = str(screen.query_one("#story-status").render())
            assert "Changed the consent of story T06" in status and "none → external" in status
            assert "(●) external" in str(screen.query_one("#consent-state").render())
            assert screen.query_one("#consent-undo").display
            db = connect(evidence_db_path)
            history = [r["consent"] for r in db.query(
                "select consent from story_consents where story_id = 'T06' order by consent_id")]
            db.close()
            assert history[-1] == "external"
            await focus_and_enter("#consent-undo")
            assert governance(evidence_db_path, "T06")[0] == "none"
            assert "Undone" in str(screen.query_one("#story-status").render())
            assert "(●) none" in str(screen.query_one("#consent-state").render())
            db = connect(evidence_db_path)
            undo = db.execute("select count(*) from audit_log where action = 'undo' and row_key = 'T06'").fetchone()[0]
            db.close()
            assert undo == 1
    run(go())


def test_undo_is_refused_after_an_export(make, evidence_db_path, tmp_path):
    async def go():
        from evidencebot.assistant import exporting
        from evidencebot.store.db import connect

        app = make()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await paste_text(pilot, "/consent T05 external")
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            assert "is now **external**" in chat_replies(app)[-1].markdown
            db = connect(evidence_db_path)
            exporting.export_story(db, "T01", tmp_path / "t01.md", "md")
            db.close()
            await paste_text(pilot, "/undo")
            await pilot.press("enter")
            await settle(pilot)
            reply = chat_replies(app)[-1]
            assert reply.has_class("-warning")
            assert "a document has been exported since" in reply.markdown
        assert governance(evidence_db_path, "T05")[0] == "external"
    run(go())


def test_domains_show_their_state_with_a_glyph(make):
    async def go():
        app = make()
        async with app.run_test(size=(80, 24)) as pilot:
            await open_story(pilot, "T02")  # stability;safety
            domains = app.screen.query_one("#field-domains")
            lines = [domains.render_line(y).text for y in range(3)]
            ticked = {line.split()[-1]: "✓" in line for line in lines}
            assert ticked == {"safety": True, "stability": True, "experience": False}
            domains.focus()
            await pilot.press("down", "down", "space")  # tick experience on purpose
            await settle(pilot)
            assert "✓" in domains.render_line(2).text
    run(go())


def test_glyph_checkbox_and_radio_show_state_without_colour():
    from evidencebot.tui.widgets.toggles import GlyphCheckbox, GlyphRadioButton

    box, radio = GlyphCheckbox("x"), GlyphRadioButton("y")
    assert (box.BUTTON_INNER, radio.BUTTON_INNER) == (" ", " ")
    box.value = radio.value = True
    assert (box.BUTTON_INNER, radio.BUTTON_INNER) == ("✓", "●")


@pytest.mark.parametrize("size", SIZES)
def test_the_form_flags_personal_data_inline_and_submit_names_what_is_missing(make, evidence_db_path, size):
    async def go():
        app = make()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f4")
            await settle(pilot)
            await paste_text(pilot, "Back to the allotment")
            await pilot.press("tab")
            await paste_text(pilot, "She moved to 14 Elm Road, Leeds LS6 2AB.")
            await settle(pilot, 0.6)
            await settle(pilot)
            panel = app.screen.query_one("#privacy-context")
            assert panel.display and "personal data: “14 Elm Road, Leeds LS6 2AB”" in str(panel.render())
            assert "LS6 2AB" in str(panel.render())
            app.screen.query_one("#story-submit").focus()
            await pilot.press("enter")
            await settle(pilot, 0.3)
            status = str(app.screen.query_one("#story-status").render())
            assert status.startswith("Not submitted") and "Support approach is empty" in status
            assert "14 Elm Road" in status
        assert governance(evidence_db_path, "S0001")[1] == "draft"
    run(go())
