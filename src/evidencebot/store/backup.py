"""Backups: consistent, private copies of the database.

* :func:`backup_database` copies a database with SQLite's online backup API
  (``sqlite3.Connection.backup``), which gives a consistent snapshot even
  while another process is writing. The copy is written to a temporary file
  created with owner-only permissions (0600) beside the target, in WAL mode
  like every evidencebot database (closed cleanly, so it is one
  self-contained file), checked with ``PRAGMA quick_check`` and only
  then given its final name. An existing file is never overwritten unless
  ``force`` is given.
* By default copies go to ``<data dir>/backups/`` (a folder only its owner can
  open, 0700), named ``<database name>-YYYYmmdd-HHMMSS.db``.
* :func:`pre_migration_backup` is called by ``store.migrations.migrate`` before
  it changes the schema of an existing database; it keeps the last
  :data:`KEEP_AUTOMATIC` automatic copies of each database name.

Restoring is a file copy made while evidencebot is closed::

    cp ~/.local/share/evidencebot/backups/evidencebot-20250601-093000.db ~/.local/share/evidencebot/evidencebot.db
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from evidencebot import locations
from evidencebot.errors import InputError
from evidencebot.outputs import OutputExists as _Exists  # the destination exists (or appeared while copying)
from evidencebot.outputs import check_output, place, temp_beside
from evidencebot.store import audit

KEEP_AUTOMATIC = 5
AUTO_MARK = "-before-"
SUFFIX = ".db"



@dataclass
class BackupResult:
    path: Path
    bytes: int
    seconds: float
    warning: str | None = None

    def summary(self) -> str:
        return f"backup written: {self.path} ({self.bytes / 1_048_576:.1f} MB in {self.seconds:.1f} s)"


def backup_dir(*, create: bool = True) -> Path:
    """``<data dir>/backups``, created owner-only (0700) unless ``create=False``."""
    folder = locations.data_dir() / "backups"
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    return folder


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def _stem(db_path: Path) -> str:
    return db_path.stem or "evidencebot"


def _free_name(folder: Path, base: str) -> Path:
    path = folder / f"{base}{SUFFIX}"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    return path


def default_backup_path(db_path: str | Path) -> Path:
    """Where ``evidencebot backup`` writes when no ``-o`` is given (never an existing file)."""
    return _free_name(backup_dir(), f"{_stem(Path(db_path))}-{_stamp()}")


def main_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection's main database (``None`` in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def _copy(source: sqlite3.Connection, dest, *, force: bool) -> BackupResult:
    """Copy to ``dest``: checked first (:func:`evidencebot.outputs.check_output`: never the
    database or its side files, never a pipe; an older backup replaced only with ``force``),
    written to a private temporary file beside it, checked, then renamed into place."""
    started = time.perf_counter()
    dest = check_output(dest, force=force, protect=[main_file(source)], what="backup", allow_database=True)
    tmp = temp_beside(dest)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
            # WAL like every evidencebot database (doctor checks it); closing the only
            # connection folds the -wal file back in, so the copy is one self-contained file
            target.execute("PRAGMA journal_mode = WAL")
            check = target.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise InputError(f"the copy failed its check ({check}); the database itself may be damaged: "
                                 "run 'evidencebot doctor'")
        finally:
            target.close()
        os.chmod(tmp, 0o600)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        place(tmp, dest, force=force)
    finally:
        for leftover in (tmp, *(Path(f"{tmp}{s}") for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, time.perf_counter() - started)


def _copy_to_free_name(conn: sqlite3.Connection, name) -> BackupResult:
    """Copy to ``name()``; if another process takes that name first, pick the next one."""
    for _attempt in range(20):
        try:
            return _copy(conn, name(), force=False)
        except _Exists:
            continue
    raise InputError("could not find a free backup file name after 20 tries")


def backup_database(db, dest: str | Path | None = None, *, force: bool = False,
                    record: bool = True) -> BackupResult:
    """Copy the database ``db`` (a ``Database`` or a path) to ``dest``.

    ``dest=None`` uses :func:`default_backup_path`. With ``record`` and an
    audit log in the database, one audit entry names the copy.
    """
    from sqlite_utils import Database

    if isinstance(db, Database):
        conn, close = db.conn, False
        src_path = main_file(conn)
    else:
        src_path = Path(db).expanduser()
        if not src_path.is_file():
            raise InputError(f"{src_path}: no such database")
        conn = sqlite3.connect(str(src_path), timeout=10)
        close = True
    try:
        if dest is None:
            if src_path is None:
                raise InputError("an in-memory database has no default backup location: give -o FILE")
            result = _copy_to_free_name(conn, lambda: default_backup_path(src_path))
        else:
            result = _copy(conn, dest, force=force)
        if record and isinstance(db, Database) and db["audit_log"].exists():
            try:
                with db.atomic():
                    audit.record(db, table="database", action="backup", key=result.path.name,
                                 changes={"bytes": result.bytes})
            except sqlite3.OperationalError as exc:  # busy: the copy is good, only its note is missing
                result.warning = (f"the copy is complete but could not be noted in the audit log ({exc}); "
                                  "run the backup again later to record it")
    finally:
        if close:
            conn.close()
    return result


def pre_migration_backup(db, pending: list[str]) -> Path | None:
    """Copy an existing, non-empty file database before migrating it; keep the last few.

    Returns the copy's path, or ``None`` when there was nothing to keep (a new
    or in-memory database).
    """
    path = main_file(db.conn)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    tables = db.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    if not tables:
        return None
    folder = backup_dir()
    first = pending[0] if pending else "migration"
    try:
        result = _copy_to_free_name(db.conn, lambda: _free_name(folder, f"{_stem(path)}-{_stamp()}{AUTO_MARK}{first}"))
    except (OSError, sqlite3.Error) as exc:
        raise InputError(
            f"could not back up {path} before upgrading its schema ({exc}); nothing was changed. "
            f"Free some space in {folder} and try again"
        ) from None
    prune_automatic(path)
    return result.path


def automatic_backups(db_path: str | Path) -> list[Path]:
    folder = backup_dir()
    stem = _stem(Path(db_path))
    found = [p for p in folder.glob(f"{stem}-*{AUTO_MARK}*{SUFFIX}")
             if p.name[len(stem) + 1:len(stem) + 16].replace("-", "").isdigit()]
    return sorted(found, key=lambda p: p.name)


def prune_automatic(db_path: str | Path, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of this database name."""
    found = automatic_backups(db_path)
    removed = found[:-keep] if keep > 0 else found
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def list_backups() -> list[tuple[Path, int, dt.datetime]]:
    """Backups in the default folder, newest first: (path, bytes, modified)."""
    folder = backup_dir(create=False)
    out = []
    if not folder.is_dir():
        return out
    for p in folder.glob(f"*{SUFFIX}"):
        if p.name.startswith("."):
            continue
        st = p.stat()
        out.append((p, st.st_size, dt.datetime.fromtimestamp(st.st_mtime)))
    return sorted(out, key=lambda t: (t[2], t[0].name), reverse=True)
