"""Run by test_story_survives_kill: open the app, start a story, type, then wait to be killed.

Usage: python story_child.py DB_PATH
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpers import settle, type_text  # noqa: E402

TITLE = "Back in work after a long winter"
CONTEXT = "P. had lost a job in the autumn and stopped going out."


async def main(db_path: str) -> None:
    from evidencebot.tui.app import make_app

    app = make_app(db_path, load_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await type_text(pilot, TITLE)
        await pilot.press("tab")
        await type_text(pilot, CONTEXT)
        await pilot.pause(0.6)  # about one debounce and a write: then the power goes
        print("TYPED", flush=True)
        await asyncio.sleep(120)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
