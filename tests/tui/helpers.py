"""Shared helpers for the app tests (imported by the tests, not a conftest)."""

from __future__ import annotations

import asyncio
import queue
from collections.abc import Callable
from contextlib import suppress

from textual import events
from textual.app import ScreenStackError, UnknownModeError
from textual.pilot import WaitForScreenTimeout
from textual.worker import WorkerCancelled

NEVER_ENDING = {"story-writer"}  # the story screen's long-lived write worker


def _has_work(pump) -> bool:
    """Whether a widget has something to do: a message queued, a callback to run after the current one, a
    handler running, or its message loop not started. A widget with none of these is parked in its queue's
    ``get`` (waiting on the queue's ready event, nothing queued): a callback posted to it would run at once."""
    queue = pump._message_queue
    return bool(queue.values or pump._next_callbacks or not queue.ready_event._waiters)


def _decrement_later(done) -> Callable[[], None]:
    def callback() -> None:
        done()

    callback._param_count = 0  # type: ignore[attr-defined]  # (Textual's invoke reads it instead of a signature)
    return callback


async def wait_for_busy_widgets(pilot, timeout: float = 30.0) -> bool:
    """``Pilot._wait_for_screen`` (Textual 8) waiting only for the app, the screen and the widgets with work
    (:func:`_has_work`): until each has handled the messages queued when it was called. Returns False when
    the app raised meanwhile, as Textual's does; raises ``WaitForScreenTimeout`` after ``timeout`` seconds."""
    try:
        screen = pilot.app.screen
    except (ScreenStackError, UnknownModeError):  # as Textual's: no screen (the app closing), nothing to wait for
        return False
    pumps = [pilot.app, screen, *(w for w in screen.walk_children() if _has_work(w))]
    count = 0
    count_zero_event = asyncio.Event()

    def decrement_counter() -> None:
        nonlocal count
        count -= 1
        if count == 0:
            count_zero_event.set()

    callback = _decrement_later(decrement_counter)
    for pump in pumps:
        if pump.post_message(events.Callback(callback=callback)):
            count += 1
    if count:
        wait_for = [asyncio.create_task(count_zero_event.wait()),
                    asyncio.create_task(pilot.app._exception_event.wait())]
        _, pending = await asyncio.wait(wait_for, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if len(wait_for) == len(pending):
            raise WaitForScreenTimeout("Timed out while waiting for widgets to process pending messages.")
        if count > 0:
            return False
    return True


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


def queued_saves(app) -> int:
    """Story saves handed to the story screen's long-lived writer and not landed yet (its StorySaved, which
    starts the check of the saved parts, is still to come)."""
    screens = [screen for stack in app._screen_stacks.values() for screen in stack]
    return sum(screen._queue.unfinished_tasks for screen in screens if isinstance(getattr(screen, "_queue", None),
                                                                                 queue.Queue))


async def settle(pilot, delay: float = 0.0) -> None:
    """Let timers fire, workers finish and their messages be handled.

    With ``delay`` (the longest debounce the step waits out), wait until no screen has a one-shot timer
    left to fire, no worker is running and no story save is on its way to the database (the save lands,
    then its parts are checked), however long that takes up to ``max(5 * delay, 5)`` seconds,
    instead of sleeping ``delay``: a debounced save or check has then run, and one that would land late
    has nothing left to start it."""
    app = pilot.app
    if delay:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(5 * delay, 5.0)
        quiet = 0  # two quiet looks in a row: a message posted just before the first one is handled by the second
        while quiet < 2 and loop.time() <= deadline:
            await pilot.pause()
            await wait_for_workers(app)
            if pending_timers(app) or queued_saves(app):
                quiet = 0
                await pilot.pause(0.02)
            else:
                quiet += 1
    for _ in range(3):
        await pilot.pause()
        await wait_for_workers(app)
    await pilot.pause()


async def wait_until(pilot, ready, what: str, pauses: int = 400) -> None:
    """Pause until ``ready()`` is true (a screen pushed, a widget focused), then return; fail naming
    ``what`` if it is still false after ``pauses`` pauses (each waits for the pending messages and for
    the process to go idle). For a key that only does its job once the app is in a state: Enter on a
    list the modal has not focused yet is handled by the bare screen and lost."""
    for _ in range(pauses):
        if ready():
            return
        await pilot.pause()
    assert ready(), f"still not the case after {pauses} pauses: {what}"


def focused_in(app, screen_type, selector: str):
    """The widget ``selector`` when the active screen is a ``screen_type`` and that widget has the
    focus (mounted, and the app sends keys to it), else None."""
    from textual.css.query import NoMatches

    screen = app.screen
    if not isinstance(screen, screen_type):
        return None
    try:
        widget = screen.query_one(selector)
    except NoMatches:
        return None
    return widget if widget.is_mounted and app.focused is widget else None


async def type_text(pilot, text: str) -> None:
    """Type ``text`` one key at a time (``\\n`` is Enter): for the tests that are about typing (the chat
    prompt, the story form's saving while typing, the editor). Each key is a full round through Textual
    (5 to 35 ms of CPU a key here); tests that only need text in a field use :func:`paste_text`."""
    for ch in text:
        await pilot.press("enter" if ch == "\n" else ch)


async def paste_text(pilot, text: str) -> None:
    """Put ``text`` into the focused field at its cursor as a terminal paste does, instead of key by key.

    The app gets the same ``Paste`` event a terminal sends and forwards it to the focused widget, whose
    own code inserts the text (replacing a selection) and posts its ``Changed`` message: one for the whole
    text instead of one a key, so the screen's handlers (journal, save, check) run as they do for typing.
    A one-line box takes one line of a paste, so a ``\\n`` there is the Enter key (its ``Submitted``
    message); a text area takes the new lines as typed Enter would. Fails if nothing took the text."""
    from textual.widgets import Input, TextArea

    def field():  # a text field has the focus and takes text (a screen still loading has not focused it yet)
        widget = pilot.app.focused
        return isinstance(widget, (Input, TextArea)) and not widget.is_disabled

    await pilot.pause()
    await wait_until(pilot, field, f"a text field to paste {text[:30]!r} into has the focus "
                                   f"(the focus is on {pilot.app.focused!r})")
    widget = pilot.app.focused
    pieces = [text] if isinstance(widget, TextArea) else text.split("\n")
    for n, piece in enumerate(pieces):
        if n:
            await pilot.press("enter")
        if not piece:
            continue
        before = widget.text if isinstance(widget, TextArea) else widget.value
        pilot.app.post_message(events.Paste(piece))
        for _ in range(100):
            await pilot.pause()
            if (widget.text if isinstance(widget, TextArea) else widget.value) != before:
                break
        else:
            raise AssertionError(f"the paste of {piece!r} never reached {widget!r}")
        await pilot.pause()  # the widget's Changed message reaches the screen


async def send(pilot, text: str) -> None:
    """Put a chat message in the prompt (pasted), press Enter, and wait for the reply."""
    await settle(pilot)
    await paste_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


async def draft_in_editor(pilot, request: str) -> None:
    """Ask the chat to "draft an answer to: ..." (``request``) and wait for the editor it opens with the draft."""
    await settle(pilot)
    await paste_text(pilot, request)
    await pilot.press("enter")
    await settle(pilot, 0.8)
    assert pilot.app.current_mode == "editor"


def run(coro):
    return asyncio.run(coro)


def chat_replies(app) -> list:
    from evidencebot.tui.widgets.chat import AssistantMessage

    return list(app.screen.query(AssistantMessage)) if app.current_mode == "chat" else []


def act_as(home, name: str) -> None:
    """Be ``name`` from now on (``[user] name`` in the test's config.toml): a colleague at their own desk."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(f'[user]\nname = "{name}"\n', encoding="utf-8")
