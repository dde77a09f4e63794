"""The Textual terminal app: a face over the core, with no business logic.

Importing this package records :data:`START_TIME` first, so the app can log
how long it took to the first painted frame.
"""

from evidencebot.tui._start import START_TIME  # noqa: F401  (must be the first import)
