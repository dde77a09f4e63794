"""Shared helpers for the app tests (imported by the tests, not a conftest)."""

from __future__ import annotations

import asyncio
from contextlib import suppress

from textual.worker import WorkerCancelled

NEVER_ENDING = {"story-writer"}  # the story screen's long-lived write worker


async def wait_for_workers(app) -> None:
    """Wait for every worker that finishes (not the long-lived writer), like Harlequin's fixture."""
    for _ in range(50):
        workers = [w for w in app.workers if w.group not in NEVER_ENDING and not w.is_finished]
        if not workers:
            return
        with suppress(WorkerCancelled):
            await app.workers.wait_for_complete(workers)


def pending_timers(app) -> list:
    """One-shot timers (``set_timer``: the debounced checks and saves) still to fire on any screen of any mode."""
    screens = [screen for stack in app._screen_stacks.values() for screen in stack]
    return [timer for screen in screens for timer in list(screen._timers)
            if timer._repeat == 0 and timer._task is not None and not timer._task.done()]


async def settle(pilot, delay: float = 0.0) -> None:
    """Let timers fire, workers finish and their messages be handled.

    With ``delay`` (the longest debounce the step waits out), wait until no screen has a one-shot timer
    left to fire and no worker is running, however long that takes up to ``max(5 * delay, 5)`` seconds,
    instead of sleeping ``delay``: a debounced save or check has then run, and one that would land late
    has nothing left to start it."""
    app = pilot.app
    if delay:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(5 * delay, 5.0)
        while True:
            await pilot.pause()
            await wait_for_workers(app)
            if not pending_timers(app) or loop.time() > deadline:
                break
            await pilot.pause(0.02)
    for _ in range(3):
        await pilot.pause()
        await wait_for_workers(app)
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("enter" if ch == "\n" else ch)


async def send(pilot, text: str) -> None:
    """Type a chat message, press Enter, and wait for the reply."""
    await settle(pilot)
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def run(coro):
    return asyncio.run(coro)


def chat_replies(app) -> list:
    from evidencebot.tui.widgets.chat import AssistantMessage

    return list(app.screen.query(AssistantMessage)) if app.current_mode == "chat" else []


def act_as(home, name: str) -> None:
    """Be ``name`` from now on (``[user] name`` in the test's config.toml): a colleague at their own desk."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")
