"""Opening the database: pragmas, file permissions and migrations.

Every connection gets foreign keys on, a busy timeout (so two writers wait for
each other instead of failing) and WAL journaling (so readers never block the
writer). The schema is built only by the numbered migrations in
:mod:`evidencebot.store.migrations`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from evidencebot.errors import InputError
from evidencebot.store.audit import register_functions
from evidencebot.store import migrations  # called through the module: tests swap in a migrated template

BUSY_TIMEOUT_MS = 10_000

_DEFERRED_BEGIN = re.compile(r"\s*BEGIN(\s+DEFERRED)?(\s+TRANSACTION)?\s*;?\s*\Z", re.I)


class _Connection(sqlite3.Connection):
    """A connection whose plain ``BEGIN`` takes the write lock at once.

    ``Database.atomic()`` (sqlite-utils) starts transactions with a plain,
    deferred ``BEGIN``. A deferred transaction that reads and then writes
    fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT, no busy
    wait) when another process committed in between. ``BEGIN IMMEDIATE``
    waits for the other writer instead (up to the busy timeout), so two
    processes saving at once both succeed. Every ``atomic()`` block in
    evidencebot writes, so nothing is lost by taking the lock up front.
    """

    def execute(self, sql, parameters=(), /):
        if isinstance(sql, str) and _DEFERRED_BEGIN.match(sql):
            sql = "BEGIN IMMEDIATE"
        return super().execute(sql, parameters)


def set_busy_timeout(db: Database | sqlite3.Connection, ms: int = BUSY_TIMEOUT_MS) -> None:
    """How long the connection waits for another writer's lock before it says the database is busy."""
    db.execute(f"PRAGMA busy_timeout = {int(ms)}")


def _create_private(path: Path) -> None:
    """Create an empty database file readable only by its owner."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def connect(path: str | Path | None = None, *, migrate: bool = True, user: str | None = None) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` means in memory.

    A new file is created with owner-only permissions. With ``migrate`` (the
    default) any pending migrations are applied first (an existing database
    is backed up before its schema changes). The connection gets the SQL
    functions the audit triggers call; ``evidencebot_user()`` returns ``user``,
    by default the settings user name (see :mod:`evidencebot.store.audit`).
    """
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False, factory=_Connection)
    else:
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a database file")
        if not path.exists():
            _create_private(path)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                               factory=_Connection)

    # evidencebot_user() and evidencebot_audit_diff(), used by the audit triggers
    register_functions(conn, user)
    db = Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        set_busy_timeout(db, BUSY_TIMEOUT_MS)  # read at call time (a test shortens it), not the default bound at import
        if path is not None and str(path) != ":memory:":
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            # another process held it longer than the busy timeout: the file is ours, only busy
            raise InputError(f"{path}: the database is busy: another program kept it locked for more than "
                             f"{BUSY_TIMEOUT_MS / 1000:g} s ({exc}); nothing was changed, try again") from None
        raise InputError(f"{path}: not an evidencebot database ({exc})") from None
    if migrate:
        migrations.migrate(db)
    return db


def has_table(db: Database, name: str) -> bool:
    """Whether the database has the table ``name`` (a database made before its migration has not)."""
    return db[name].exists()


def is_empty(db: Database) -> bool:
    """True when the service tables hold no people at all."""
    return db["people"].count == 0 if db["people"].exists() else True
