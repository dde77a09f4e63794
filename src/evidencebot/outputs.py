"""Safe output files: one module for every file evidencebot writes on request
(import rejects, exports, backups, charts).

Before anything is written the target is checked (:func:`check_output`):

* an empty name, a folder, a missing folder, a pipe, a device or a socket is
  refused, with or without ``--force``;
* never a database's ``-wal``, ``-shm`` or ``-journal`` file, never a file
  that *is* (same device and inode, so hard links and symbolic links are
  caught too) the database or its side files, or the input being read;
* never an existing SQLite database, unless the caller allows it (a backup
  replacing an older backup with ``--force``);
* an existing file is replaced only with ``force``.

Writing (:class:`AtomicOutput`, :func:`write_output`) goes to a new temporary
file in the same folder, created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` at
0600 (a planted file or symbolic link makes it fail rather than be followed),
flushed to disk and then renamed into place. Without ``force`` the final step
is a hard link, which fails if another process took the name meanwhile. A
failure at any point removes the temporary file and leaves whatever was at the
target before.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from evidencebot.errors import InputError
from evidencebot.inputs import file_kind as _kind

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class OutputExists(InputError):
    """The output file exists and ``force`` was not given."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _protected(paths) -> list[tuple[Path, tuple[int, int] | None]]:
    """Each protected path with its side files, resolved, with their identities."""
    out = []
    for p in paths or ():
        if p is None or str(p) in ("", ":memory:"):
            continue
        p = Path(p).expanduser()
        for candidate in (p, *(Path(f"{p}{s}") for s in SIDE_SUFFIXES)):
            out.append((candidate.resolve(), _identity(candidate)))
    return out


def _is_sqlite(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return os.read(fd, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    finally:
        os.close(fd)


def check_output(path, *, force: bool = False, protect=(), inputs=(), what: str = "output",
                 allow_database: bool = False) -> Path:
    """The output path, or :class:`InputError` saying why it cannot be used.

    ``protect`` names databases (their side files are added); ``inputs``
    names files being read. Nothing is created or changed here.
    """
    if path is None or not str(path).strip():
        raise InputError(f"{what}: an empty file name; give a file name")
    path = Path(str(path)).expanduser()
    if path.name.endswith(SIDE_SUFFIXES):
        raise InputError(f"{path}: looks like a database's {path.name.rsplit('-', 1)[1]} file; "
                         f"choose another name for the {what}")
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise InputError(f"{path}: cannot use this {what} path ({exc.strerror or exc})") from None
    target = _identity(path) if link is not None else None
    if target is not None and stat.S_ISDIR(os.stat(path).st_mode):
        raise InputError(f"{path} is a folder: give a file name")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder (create it first, or give a path in a folder that exists)")
    resolved = path.resolve()
    guarded = _protected(protect)
    read = [(Path(p).expanduser().resolve(), _identity(Path(p).expanduser())) for p in inputs or () if p]
    for where, ident in guarded:
        if resolved == where or (target is not None and ident == target):
            raise InputError(f"{path}: is the database or one of its files (the {what} cannot overwrite "
                             f"the database); choose another name for the {what}")
    for where, ident in read:
        if resolved == where or (target is not None and ident == target):
            raise InputError(f"{path}: is the input file (the {what} would overwrite it); "
                             f"choose another name for the {what}")
    if link is None:
        return path
    if target is not None:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is {_kind(mode)}; choose a file name for the {what}")
        if not allow_database and _is_sqlite(path):
            raise InputError(f"{path}: is an SQLite database; choose another name for the {what}")
    if not force:
        raise OutputExists(f"{path} already exists: use --force to replace it")
    return path


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def create_private(path: Path) -> int:
    """A new file at ``path`` (never an existing one, never through a link), mode 0600; its descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)  # whatever the umask
    except OSError:
        os.close(fd)
        raise
    return fd


def temp_beside(path: Path) -> Path:
    """Create (empty, 0600, exclusive) and return a temporary file next to ``path``."""
    for _ in range(20):
        tmp = _temp_name(path)
        try:
            os.close(create_private(tmp))
            return tmp
        except FileExistsError:
            continue
    raise InputError(f"{path.parent}: could not create a temporary file")


def place(tmp: Path, path: Path, *, force: bool) -> None:
    """Move the finished ``tmp`` to ``path``: replace only with ``force``; ``tmp`` is gone afterwards."""
    try:
        if force:
            mode = _identity(path) and os.stat(path).st_mode
            if mode and not stat.S_ISREG(mode):
                raise InputError(f"{path}: is {_kind(mode)}; choose a file name")
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path, follow_symlinks=False)
        except FileExistsError:
            raise OutputExists(f"{path} already exists: use --force to replace it") from None
        except OSError:  # a file system without hard links
            if os.path.lexists(path):
                raise OutputExists(f"{path} already exists: use --force to replace it") from None
            os.replace(tmp, path)
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


class AtomicOutput:
    """A file written to a private temporary name and renamed into place on :meth:`commit`.

    Use as a context manager (commit on success, discard on error) or call
    :meth:`open`, :meth:`commit` and :meth:`discard` yourself. The temporary
    file is created only when first opened.
    """

    def __init__(self, path, *, force: bool = False, text: bool = False, encoding: str = "utf-8",
                 newline: str | None = None):
        self.path = Path(path)
        self.force = force
        self.text = text
        self.encoding = encoding
        self.newline = newline
        self.tmp: Path | None = None
        self.file = None

    def open(self):
        if self.file is None:
            for _ in range(20):
                tmp = _temp_name(self.path)
                try:
                    fd = create_private(tmp)
                except FileExistsError:
                    continue
                break
            else:
                raise InputError(f"{self.path.parent}: could not create a temporary file")
            self.tmp = tmp
            if self.text:
                self.file = open(fd, "w", encoding=self.encoding, newline=self.newline)
            else:
                self.file = open(fd, "wb")
        return self.file

    def commit(self) -> Path:
        f = self.open()
        f.flush()
        os.fsync(f.fileno())
        f.close()
        place(self.tmp, self.path, force=self.force)
        self.tmp = None
        return self.path

    def discard(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass
            self.tmp = None

    def __enter__(self):
        return self.open()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.discard()
        return False


def write_output(path, data: bytes, *, force: bool = False, protect=(), inputs=(), what: str = "output",
                 checked: bool = False) -> Path:
    """Check ``path`` (unless ``checked``), then write ``data`` there atomically at 0600."""
    if not checked:
        path = check_output(path, force=force, protect=protect, inputs=inputs, what=what)
    out = AtomicOutput(path, force=force)
    try:
        out.open().write(data)
        return out.commit()
    except BaseException:
        out.discard()
        raise


def private_folder(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only (0700)."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    try:
        os.chmod(path, PRIVATE_FOLDER)
    except OSError:
        pass
    return path
