"""Run by the kill tests: open the app, start a story, type, then wait to be killed.

Usage: python story_child.py DB_PATH [pause|nopause|draft]

``pause``: a pause after typing, long enough for a save; ``nopause``: killed
right after the last key (typing never paused); ``locked``: the same while
another connection holds the database's write lock; ``draft``: ``nopause`` in
the draft editor.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpers import settle, type_text, wait_for_busy_widgets  # noqa: E402
from textual import _wait  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

TITLE = "Back in work after a long winter"
CONTEXT = "P. had lost a job in the autumn and stopped going out."
DRAFT = "We will keep weekly contact with each person and review the crisis plan together."


def saved(db_path: str) -> bool:
    """Whether the database file holds the typed story (read by a connection of its own, as the next start
    reads it)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        row = conn.execute("SELECT title, context FROM stories WHERE story_id = 'S0001'").fetchone()
    finally:
        conn.close()
    return row == (TITLE, CONTEXT)


async def wait_until_saved(pilot, db_path: str, seconds: float = 300) -> None:
    """Pause until the story form's debounced save has landed in the database file, however slowly a loaded
    machine gets there (a fixed 0.6 s pause was sometimes too short: then the reopened app offered the text
    back from the journal instead of finding it saved); fail if it never lands."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    await settle(pilot, 0.6)  # the longest debounce: the save has been started
    while not saved(db_path):
        if loop.time() > deadline:
            raise SystemExit(f"the story was not saved within {seconds:.0f} s")
        await pilot.pause(0.1)


async def main(db_path: str, mode: str) -> None:
    from evidencebot.tui.app import make_app

    lock = None
    if mode == "locked":  # another program holds the write lock: nothing can reach the database
        import sqlite3

        lock = sqlite3.connect(db_path, isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
    app = make_app(db_path, load_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if mode == "draft":
            await pilot.press("f2")
            await settle(pilot)
            await type_text(pilot, DRAFT)
        else:
            await pilot.press("f4")
            await settle(pilot)
            await type_text(pilot, TITLE)
            await pilot.press("tab")
            await type_text(pilot, CONTEXT)
        if mode == "pause":  # a pause long enough for the save to land: then the power goes
            await wait_until_saved(pilot, db_path)
        print("TYPED", flush=True)
        await asyncio.sleep(120)


def quicker_pilot() -> None:
    """The pilot's waits as in the test processes (tests/tui/conftest.py): idle checks in 5 ms slices, and after
    each key a wait for the app, the screen and the widgets with work only."""
    _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = 1 / 200, 1 / 200 / 20
    Pilot._wait_for_screen = wait_for_busy_widgets  # type: ignore[method-assign]


if __name__ == "__main__":
    gc.set_threshold(50_000, 20, 20)  # as the test processes (tests/conftest.py): only when the collector runs changes
    quicker_pilot()
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "pause"))
