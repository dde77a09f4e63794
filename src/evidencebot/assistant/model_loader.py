"""The language model, loaded once in the background.

The terminal app starts :meth:`LanguageModel.load` in a worker right after the
first paint. Until it is ready the assistant reads messages with regular
expressions; requests that need the model (checking text, assembling an
answer) call :meth:`LanguageModel.wait`, which blocks only the worker thread
that asked, never the screen.
"""

from __future__ import annotations

import threading
import time

from evidencebot.assistant.intents import IntentMatcher
from evidencebot.language import pipeline

STATES = ("idle", "loading", "ready", "failed", "off")

_matchers: dict = {}
_matchers_lock = threading.Lock()


def _matcher_for(nlp):
    """One set of intent matchers per loaded pipeline (building them takes most of a second)."""
    with _matchers_lock:
        if id(nlp) not in _matchers:
            _matchers[id(nlp)] = (nlp, IntentMatcher(nlp))
        return _matchers[id(nlp)][1]


class LanguageModel:
    """Loading state of the spaCy pipeline and the intent matchers built on it."""

    def __init__(self, enabled: bool = True):
        self.state = "idle" if enabled else "off"
        self.error: str | None = None
        self.model_name: str | None = None
        self.seconds: float | None = None
        self.matcher = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        if not enabled:
            self._done.set()

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    @property
    def settled(self) -> bool:
        """True once loading has finished one way or the other (or is switched off)."""
        return self._done.is_set()

    def load(self) -> str:
        """Load the pipeline and build the matchers (blocking; run it in a worker).

        Returns a one-line description. Errors are kept in :attr:`error` and
        raised again so the caller can report them.
        """
        with self._lock:
            if self.state in ("ready", "off"):
                return self.describe()
            self.state = "loading"
        started = time.perf_counter()
        try:
            nlp = pipeline.get_nlp()
            self.matcher = _matcher_for(nlp)
            self.model_name = pipeline.model_name()
            self.seconds = time.perf_counter() - started
            self.state = "ready"
            return self.describe()
        except Exception as exc:
            self.state = "failed"
            self.error = str(exc) or type(exc).__name__
            raise
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until loading has finished; True when the model is ready."""
        self._done.wait(timeout)
        return self.ready

    def describe(self) -> str:
        if self.state == "ready":
            took = f" in {self.seconds:.1f} s" if self.seconds is not None else ""
            return f"language model ready ({self.model_name}{took})"
        if self.state == "failed":
            return f"language model unavailable: {self.error}"
        if self.state == "off":
            return "language model off"
        if self.state == "loading":
            return "loading language model…"
        return "language model not loaded yet"
