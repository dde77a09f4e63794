"""Where evidencebot keeps things: one module, one place to change.

* ``EVIDENCEBOT_HOME`` overrides everything: config, data and cache then live
  in ``$EVIDENCEBOT_HOME/{config,data,cache}``.
* Otherwise platformdirs gives the usual per-user directories.
* ``EVIDENCEBOT_DB`` names the database file; by default it is
  ``<data dir>/evidencebot.db``.

Directories are created when first asked for, never at import time.

Shipped data (``phrasebank/``, ``templates/``, ``corpus/``) lives inside the
installed package; in a source checkout (editable install, or ``PYTHONPATH=src``)
the top-level folders of the repository are used instead. Users override or add
files in ``<config dir>/phrasebank`` and ``<config dir>/templates``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

from evidencebot.errors import ConfigError

T = TypeVar("T")

APP_NAME = "evidencebot"
DATA_FOLDERS = ("phrasebank", "templates", "corpus")


def _home() -> Path | None:
    value = os.environ.get("EVIDENCEBOT_HOME")
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    """Create ``path`` if needed; a folder created here is owner-only (0700), whatever the umask."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass
    return path


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return _ensure(home / "config")
    import platformdirs

    return _ensure(Path(platformdirs.user_config_dir(APP_NAME)))


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return _ensure(home / "data")
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME)))


def cache_dir() -> Path:
    home = _home()
    if home is not None:
        return _ensure(home / "cache")
    import platformdirs

    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME)))


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_db_path() -> Path:
    """The database used when no ``--db`` is given."""
    value = os.environ.get("EVIDENCEBOT_DB")
    if value:
        return Path(value).expanduser()
    return data_dir() / "evidencebot.db"


# The shipped folders found so far: where the package is installed does not change while it runs, and
# ``Path(__file__).resolve()`` reads every folder on the way (141 microseconds a call; every read of a data file,
# read_data_yaml, asks for the folder again: 3,808 times in tests/compose/test_answer_fit.py alone).
_PACKAGED: dict[str, Path] = {}


def packaged_dir(name: str) -> Path:
    """The shipped copy of a top-level data folder (phrasebank, templates, corpus)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    if name in _PACKAGED:
        return _PACKAGED[name]
    inside = Path(__file__).resolve().parent / name
    if inside.is_dir():
        _PACKAGED[name] = inside
        return inside
    # Source checkout: src/evidencebot/ -> repository root.
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        _PACKAGED[name] = checkout
        return checkout
    raise FileNotFoundError(
        f"the {name}/ folder is missing from this installation "
        f"(looked in {inside} and {checkout}); reinstall evidencebot"
    )


def user_dir(name: str) -> Path:
    """The user's override folder for a data folder (not created)."""
    return config_dir() / name


def search_path(name: str) -> list[Path]:
    """Folders to look in, user overrides first, then the shipped copy."""
    dirs = []
    user = user_dir(name)
    if user.is_dir():
        dirs.append(user)
    dirs.append(packaged_dir(name))
    return dirs


def parse_yaml(text: str):
    """``yaml.safe_load(text)``, parsed by libyaml when PyYAML was built with it (it is in the PyPI wheels):
    the same data, about nine times faster (every shipped YAML file: 1.96 s of CPU with PyYAML's Python
    parser, 0.21 s with libyaml; each process that checks text or builds answers reads most of them).
    Errors are ``yaml.YAMLError`` as before (``problem_mark`` gives the line and column)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


_READ_CACHE: dict[tuple[str, str, float], object] = {}


def read_data_yaml(name: str, relative: str, build: Callable[[Path, dict], T]) -> T | None:
    """``build(path, data)`` for the first ``<folder>/relative`` on :func:`search_path` (the user's copy
    first), read once per file version; None when no folder holds the file. A YAML error is a
    :class:`~evidencebot.errors.ConfigError` naming the file (``build`` raises its own for bad content)."""
    path = next((f / relative for f in search_path(name) if (f / relative).is_file()), None)
    if path is None:
        return None
    key = (getattr(build, "__qualname__", repr(build)), str(path), path.stat().st_mtime)
    if key not in _READ_CACHE:
        import yaml

        try:
            data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None
        for old in [k for k in _READ_CACHE if k[:2] == key[:2]]:
            del _READ_CACHE[old]  # an earlier version of the same file
        _READ_CACHE[key] = build(path, data if isinstance(data, dict) else {})
    return _READ_CACHE[key]  # type: ignore[return-value]
