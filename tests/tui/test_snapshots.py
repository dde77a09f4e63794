"""Snapshots of the main screens at 80x24 and a larger size.

Deterministic: a fixed database built in a fixture, no clock on screen, the
language model off (the checker still runs its rules in the workers), cursor
blink frozen by the autouse fixture. Update with ``--snapshot-update`` after
checking the new pictures by eye.
"""

from __future__ import annotations

import pytest
from helpers import paste_text, send, settle

SMALL = (80, 24)
LARGE = (120, 36)


def app_for(make):
    return make(first_run=True)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_chat_welcome(make, snap_compare, size):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(app_for(make), terminal_size=size, run_before=run_before)


def test_chat_indicators_reply(make, snap_compare):
    async def run_before(pilot):
        await send(pilot, "show follow-up after discharge for 2025/26")

    assert snap_compare(app_for(make), terminal_size=LARGE, run_before=run_before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_editor_with_findings(make, snap_compare, size):
    async def run_before(pilot):
        await send(pilot, "check this: Our support reduced A&E attendances. Her NHS number is 943 476 5919.")
        await pilot.press("f2")
        await settle(pilot, 0.1)

    assert snap_compare(app_for(make), terminal_size=size, run_before=run_before)


def test_story_capture(make, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await paste_text(pilot, "A winter")
        await pilot.press("tab")
        await paste_text(pilot, "J. told Mrs Okafor about the arrears.")
        await settle(pilot, 0.5)

    assert snap_compare(app_for(make), terminal_size=SMALL, run_before=run_before)


def test_evidence_indicators(make, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(app_for(make), terminal_size=LARGE, run_before=run_before)


def test_evidence_stories(make, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        pilot.app.open_mode("evidence", "stories")
        await settle(pilot, 0.2)
        await paste_text(pilot, "housing")
        await settle(pilot)
        await settle(pilot)

    assert snap_compare(app_for(make), terminal_size=SMALL, run_before=run_before)


def test_export_refusal(make, snap_compare):
    async def run_before(pilot):
        from textual.widgets import Input, Select

        await send(pilot, "export to Word")
        screen = pilot.app.screen
        screen.query_one("#ex-story", Select).value = "T06"
        await settle(pilot)
        screen.query_one("#ex-path", Input).value = "story-t06.docx"
        await pilot.press("ctrl+s")
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app_for(make), terminal_size=SMALL, run_before=run_before)


def test_chat_wide_table_as_a_list_at_80x24(make, snap_compare):
    """A five-column findings table is shown as a list at 80 columns (the reply keeps its table)."""
    async def run_before(pilot):
        await send(pilot, "check this: Our support reduced A&E attendances. Her NHS number is 943 476 5919.")

    assert snap_compare(app_for(make), terminal_size=SMALL, run_before=run_before)


def test_editor_suggestion_picker(make, snap_compare):
    """Ctrl+R on a finding with several replacements: a small list to pick one from."""
    async def run_before(pilot):
        await send(pilot, "check this: Our support reduced A&E attendances.")
        await pilot.press("f2")
        await settle(pilot, 0.1)
        editor = pilot.app.screen
        editor.query_one("#findings").highlighted = [f.rule for f in editor.findings].index(
            "overclaim.causal-system-outcome")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app_for(make), terminal_size=SMALL, run_before=run_before)
