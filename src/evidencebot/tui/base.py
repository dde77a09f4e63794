"""What every screen shares: one way of reporting a failed worker, and going back."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

#: What each worker group does, for the notification when one fails.
GROUP_NAMES = {
    "assistant": "Answering",
    "language": "Loading the language model",
    "checker": "Checking the draft",
    "draft-writer": "Saving the draft",
    "story-writer": "Saving the story",
    "story-reader": "Opening the story",
    "indicators": "Computing indicators",
    "story-search": "Searching stories",
    "export": "Exporting",
    "restore": "Restoring unsaved text",
}


def worker_failure_text(worker: Worker) -> str:
    error = worker.error
    reason = str(error) if error is not None and str(error) else type(error).__name__
    what = GROUP_NAMES.get(worker.group, worker.description or worker.name or "A background task")
    return f"{what} failed: {reason}"


def report_worker_state(node, event: Worker.StateChanged) -> bool:
    """Turn a failed worker into a notification with the reason (never a traceback).

    Returns True when the worker failed.
    """
    if event.state != WorkerState.ERROR:
        return False
    node.app.log.error(f"worker {event.worker.name!r} failed", event.worker.error)
    node.app.notify(worker_failure_text(event.worker), title="Something went wrong",
                    severity="error", timeout=10, markup=False)
    return True


class BaseScreen(Screen):
    """A screen of the app, reporting its failed workers."""

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if report_worker_state(self, event):
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker) -> None:
        """Put the screen back in a usable state after a failed worker (override)."""


class SubScreen(BaseScreen):
    """A screen reached from the conversation: Escape goes back to it."""

    BINDINGS = [
        Binding("escape", "app.back", "Back to chat", id="back", tooltip="Return to the conversation."),
    ]
