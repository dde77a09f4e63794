"""The key bar shows what Textual's Footer would show, and is rebuilt only when that changes."""

from __future__ import annotations

from helpers import paste_text, run, settle


def shown(screen) -> list[tuple[str, str, bool]]:
    from evidencebot.tui.widgets.footer import Footer

    return [(key.key, key.description, key.disabled) for key in screen.query_one(Footer).query("FooterKey")]


def expected(screen) -> list[tuple[str, str, bool]]:
    """The keys Textual's own Footer.compose would draw: bindings with ``show``, one per action, in order,
    and the command palette's key last."""
    app = screen.app
    by_action: dict[str, tuple[str, str, bool]] = {}
    for _, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in by_action:
            by_action[binding.action] = (binding.key, binding.description, not enabled)
    keys = list(by_action.values())
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in screen.active_bindings:
        _, binding, enabled, _tooltip = screen.active_bindings[app.COMMAND_PALETTE_BINDING]
        keys.append((binding.key, binding.description, not enabled))
    return keys


def test_the_key_bar_follows_focus_and_is_not_rebuilt_when_its_keys_stay_the_same(make):
    async def go():
        from evidencebot.tui.widgets.footer import Footer

        app = make()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await paste_text(pilot, "/story T01")
            await pilot.press("enter")
            await settle(pilot)
            screen = app.screen
            assert app.current_mode == "story"
            footer = screen.query_one(Footer)
            assert shown(screen) == expected(screen) and shown(screen)
            first = set(footer.query("FooterKey"))
            await pilot.press("tab")  # from one text field to the next: the same keys
            await settle(pilot)
            assert shown(screen) == expected(screen)
            assert set(footer.query("FooterKey")) == first  # the same widgets: not removed and mounted again
            for _ in range(12):  # on through the form: whatever each widget offers is shown
                await pilot.press("tab")
                await settle(pilot)
                assert shown(screen) == expected(screen), screen.focused
    run(go())
