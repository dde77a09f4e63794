"""CPU per typed key in the app: the chat prompt, a story part, a one-line story field and the draft editor.

Builds the demo (the test suite's layout) in a temporary folder, opens the app headless at 80x24, warms the
checker, types the same 136 characters key by key in each place and waits for the saves and checks that
follow; prints CPU per key (the whole process and its main thread) and how many checks, privacy passes and
saves the typing set off.

Usage::

    PYTHONPATH=src python bench/app_typing.py [chat story-text story-line editor]
"""

from __future__ import annotations

import asyncio
import collections
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests" / "tui"), str(ROOT / "tests" / "assistant")]

TEXT = "We met weekly and talked about the allotment and the winter months. " * 2
PLACES = ("chat", "story-text", "story-line", "editor")
CALLS: collections.Counter = collections.Counter()


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _counting(owner, name: str) -> None:
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        CALLS[name] += 1
        return real(*args, **kwargs)

    setattr(owner, name, counted)


async def _type_in(db: str, place: str) -> str:
    from helpers import settle, type_text

    from evidencebot.assistant import checking, story_capture
    from evidencebot.tui.app import make_app

    app = make_app(db, load_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if place.startswith("story"):
            await pilot.press("f4")
            await settle(pilot)
            if place == "story-text":
                await pilot.press("tab")
        elif place == "editor":
            await pilot.press("f2")
            await settle(pilot)
        await settle(pilot, 0.6)
        story_capture.check_part("We met at 14 Elm Road.")  # the checker built before the count starts
        checking.check("We met at 14 Elm Road.", db_path=db)
        CALLS.clear()
        cpu, main = _cpu(), time.thread_time()
        await type_text(pilot, TEXT)
        await settle(pilot, 0.6)
        cpu, main = _cpu() - cpu, time.thread_time() - main
    keys = len(TEXT)
    counted = ", ".join(f"{name} {n}" for name, n in sorted(CALLS.items())) or "none"
    return (f"{place:11} {keys} keys: {1000 * cpu / keys:5.1f} ms CPU a key ({1000 * main / keys:5.1f} in the main "
            f"thread); calls: {counted}")


def main() -> None:
    from textual import _wait

    import fixture_db
    from evidencebot.assistant import checking, screen_services, story_capture
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo

    places = sys.argv[1:] or list(PLACES)
    folder = Path(tempfile.mkdtemp(prefix="app-typing-"))
    os.environ["EVIDENCEBOT_HOME"] = str(folder / "home")
    demo = folder / "demo.db"
    database = connect(demo)
    build_demo(database, people=120, months=24, end="2026-09", seed=20260924)
    database.close()
    template = fixture_db.build(folder / "template.db", demo)
    _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = 1 / 200, 1 / 200 / 20  # as tests/tui/conftest.py
    for owner, name in ((story_capture, "check_part"), (story_capture, "privacy_findings"), (checking, "check"),
                        (screen_services.StoryWriter, "save"), (screen_services, "save_draft_text")):
        _counting(owner, name)
    print(f"load average {os.getloadavg()[0]:.2f}")
    for place in places:
        (folder / place).mkdir()
        db = fixture_db.copy_of(template, folder / place)
        print(asyncio.run(_type_in(str(db), place)), flush=True)


if __name__ == "__main__":
    main()
