"""Exceptions that carry a message meant for the user.

Every command catches :class:`EvidencebotError` and prints its message on one
line with no traceback; ``exit_code`` says how the process ends.
"""


class EvidencebotError(Exception):
    """An error whose message is written for the person at the keyboard."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(EvidencebotError):
    """Unreadable or malformed input: a file, a period, a number."""


class DataError(EvidencebotError):
    """Data that was read but is not acceptable (rows rejected on import)."""

    exit_code = 1


class ConfigError(EvidencebotError):
    """A broken settings file, phrasebank file or template."""
