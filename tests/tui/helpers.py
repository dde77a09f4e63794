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


async def settle(pilot, delay: float = 0.0) -> None:
    """Let timers fire, workers finish and their messages be handled."""
    app = pilot.app
    if delay:
        await pilot.pause(delay)
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
