"""Run by the kill tests: open the app, start a story, type, then wait to be killed.

Usage: python story_child.py DB_PATH [pause|nopause|draft]

``pause``: a pause after typing, long enough for a save; ``nopause``: killed
right after the last key (typing never paused); ``locked``: the same while
another connection holds the database's write lock; ``draft``: ``nopause`` in
the draft editor.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpers import settle, type_text  # noqa: E402

TITLE = "Back in work after a long winter"
CONTEXT = "P. had lost a job in the autumn and stopped going out."
DRAFT = "We will keep weekly contact with each person and review the crisis plan together."


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
        if mode == "pause":
            await pilot.pause(0.6)  # about one debounce and a write: then the power goes
        print("TYPED", flush=True)
        await asyncio.sleep(120)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "pause"))
