"""Threads that use a new checker at the same moment load its families once (the story form checks
each part in a worker of its own: five workers each loaded and compiled the over-claim rules)."""

from __future__ import annotations

import sys
import threading
import time

from evidencebot.config import CheckerSettings
from evidencebot.language.checker import Checker, register_family, unregister_family


def _innermost_code(thread: threading.Thread):
    frame = sys._current_frames().get(thread.ident)
    return frame.f_code if frame is not None else None


def test_a_second_thread_waits_for_the_families_the_first_is_loading():
    loads: list[int] = []
    loading = threading.Event()
    release = threading.Event()

    def factory():
        loads.append(threading.get_ident())
        loading.set()
        release.wait(30)
        return lambda text, doc: []

    register_family("slow_to_load", factory=factory, default=False)
    try:
        checker = Checker(settings=CheckerSettings(), families=["slow_to_load"])
        first = threading.Thread(target=checker.specs)
        first.start()
        assert loading.wait(30), "the first thread never started loading"
        second = threading.Thread(target=checker.specs)
        second.start()
        # until the second thread is held up: waiting in specs() for the first, or loading again itself
        deadline = time.monotonic() + 30
        while len(loads) < 2 and _innermost_code(second) is not Checker.specs.__code__:
            assert time.monotonic() < deadline, "the second thread never reached the checker"
            time.sleep(0.001)
        release.set()
        first.join(30)
        second.join(30)
        assert len(loads) == 1, f"the families were loaded {len(loads)} times"
        assert [s.name for s, _ in checker.specs()] == ["slow_to_load"]
    finally:
        release.set()
        unregister_family("slow_to_load")
