"""Opening the database: pragmas, file permissions and migrations.

Every connection gets foreign keys on, a busy timeout (so two writers wait for
each other instead of failing) and WAL journaling (so readers never block the
writer). The schema is built only by the numbered migrations in
:mod:`evidencebot.store.migrations`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from evidencebot.errors import InputError

BUSY_TIMEOUT_MS = 10_000


def _create_private(path: Path) -> None:
    """Create an empty database file readable only by its owner."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: str | Path | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` means in memory.

    A new file is created with owner-only permissions. With ``migrate`` (the
    default) any pending migrations are applied first.
    """
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    else:
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a database file")
        if not path.exists():
            _create_private(path)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path is not None and str(path) != ":memory:":
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(f"{path}: not an evidencebot database ({exc})") from None
    if migrate:
        from evidencebot.store.migrations import migrate as apply_migrations

        apply_migrations(db)
    return db


def is_empty(db: Database) -> bool:
    """True when the service tables hold no people at all."""
    return db["people"].count == 0 if db["people"].exists() else True
