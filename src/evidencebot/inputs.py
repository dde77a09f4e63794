"""Reading files people give us, within limits: one module for the checks every
input shares (``check``, the importers, question files, story files).

* :func:`check_input` refuses what is not a regular file (a named pipe would
  hang the reader, a device never ends) and files over a size limit, before
  anything is opened for reading.
* :func:`read_bytes` reads a file named to be checked, with one-line errors.
* :func:`load_yaml` reads front matter with aliases refused (an "alias bomb"
  of a few hundred bytes can expand to gigabytes) and a size limit; its error
  messages are one short line.
* :func:`printable` escapes control characters before text from a file or
  the command line is echoed to a terminal.

Limits come from ``[limits]`` in ``config.toml`` (:class:`evidencebot.config.LimitSettings`).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from evidencebot.config import LimitSettings, load_settings
from evidencebot.errors import ConfigError, InputError

FRONT_MATTER_MAX_CHARS = 64_000
MB = 1_048_576

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def limit_bytes(name: str) -> int:
    """A size limit in bytes from ``[limits]`` (the default when settings cannot be read)."""
    try:
        value = getattr(load_settings().limits, name)
    except (ConfigError, OSError):  # a broken or unreadable config file is reported elsewhere; keep the default here
        value = getattr(LimitSettings(), name)
    return int(value * MB)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a named pipe", "a device", ...)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def check_input(path, *, max_bytes: int | None = None, limit: str | None = None, what: str = "file",
                folder_ok: bool = False) -> Path:
    """``path`` if it is a readable regular file no larger than the limit, else :class:`InputError`.

    ``limit`` names a ``[limits]`` setting (in MB); ``max_bytes`` gives one directly.
    """
    if path is None or not str(path).strip():
        raise InputError(f"{what}: an empty file name")
    path = Path(str(path)).expanduser()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read this {what} ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode) and folder_ok:
        return path
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: is {file_kind(st.st_mode)}, not a file; give a regular file")
    if max_bytes is None and limit is not None:
        max_bytes = limit_bytes(limit)
    if max_bytes is not None and st.st_size > max_bytes:
        setting = f" ([limits] {limit} in config.toml)" if limit else ""
        raise InputError(f"{path}: {st.st_size / MB:,.1f} MB is larger than the {max_bytes / MB:,.0f} MB "
                         f"allowed for a {what}{setting}")
    return path


def read_bytes(path, *, limit: str | None = None, what: str = "file") -> bytes:
    """The bytes of a file someone named to be checked, or a one-line :class:`InputError` (a folder, no
    such file, a pipe or device, not readable, over ``limit``): :func:`check_input` first, always, so that
    a named pipe is refused rather than read until its writer stops."""
    file = Path(path)  # the folder and missing-file messages name the path as it was given
    if file.is_dir():
        raise InputError(f"{path}: is a folder; give the files to check")
    if not file.exists():
        raise InputError(f"{path}: no such file")
    file = check_input(file, limit=limit, what=what)
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def load_yaml(text: str, where: str, *, max_chars: int = FRONT_MATTER_MAX_CHARS):
    """Parse YAML front matter safely: no aliases, no tags beyond the safe ones, bounded size.

    Raises :class:`InputError` with one short line naming ``where``.
    """
    import yaml

    if len(text) > max_chars:
        raise InputError(f"{where}: front matter is {len(text):,} characters; at most {max_chars:,} are read")

    class _NoAliases(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                                  event.start_mark)
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=_NoAliases)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise InputError(f"{where}: front matter is not valid YAML ({short(exc)})") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # an impossible date (2025-13-45), a 5,000-digit number, deep nesting
        raise InputError(f"{where}: front matter is not valid YAML: a value cannot be read ({short(exc)})") from None


def short(value, limit: int = 200) -> str:
    """One printable line of at most ``limit`` characters."""
    text = printable(" ".join(str(value).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """``text`` with control characters (and invisible direction marks) shown as ``\\xNN`` / ``\\uNNNN``."""
    def escape(m: re.Match) -> str:
        c = ord(m.group())
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    return _CONTROL.sub(escape, text)


def without_controls(text: str) -> str:
    """``text`` with control characters (terminal escapes, direction marks) replaced by spaces;
    line breaks and tabs are kept. For text that will be printed or put in a document."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n"))
