"""Pieces every command shares: the ``--db`` option, opening the database,
and turning errors into one clear line."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Callable, TypeVar

import click

T = TypeVar("T")


def db_option(func):
    """``--db PATH`` on every command (default: ``EVIDENCEBOT_DB`` or the data directory)."""
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        help="SQLite database to use (default: $EVIDENCEBOT_DB, else evidencebot.db in the data directory).",
    )(func)


def pick_db(ctx: click.Context, db: str | None) -> str | None:
    """The command's own ``--db`` wins over the group's."""
    if db:
        return db
    root = ctx.find_root()
    return (root.obj or {}).get("db") if root.obj else None


def db_path(ctx: click.Context, db: str | None) -> Path:
    """The chosen database file (see :func:`pick_db`), else the default one; never builds anything."""
    from evidencebot import locations

    chosen = pick_db(ctx, db)
    return Path(chosen).expanduser() if chosen else locations.default_db_path()


def open_existing(ctx: click.Context, db: str | None, *, migrate: bool = True):
    """The chosen (or default) database, which must already exist: never builds the demo."""
    from evidencebot.store.db import connect

    path = db_path(ctx, db)
    if not path.is_file():
        raise missing_database(path)
    return connect(path, migrate=migrate)


def missing_database(path: Path):
    """The one error a command gives when its database does not exist (exit 2)."""
    from evidencebot.errors import InputError

    return InputError(
        f"{path}: no such database (build the demo service with 'evidencebot demo --db {path}', "
        "or import your data with 'evidencebot import')"
    )


def resolve_db(db: str | None, *, create: bool = False) -> Path:
    """Resolve which database file a command uses (``--db``, else the default).

    A command that only reads refuses a database that does not exist
    (:func:`missing_database`, exit 2); a command that writes (``create``) gets
    a new empty database there. Nothing here builds the demo: only the app's
    first run does (:func:`first_run_db`).
    """
    from evidencebot import locations

    path = Path(db).expanduser() if db else locations.default_db_path()
    if not create and not path.is_file():
        raise missing_database(path)
    return path


def first_run_db(db: str | None) -> tuple[Path, bool]:
    """The database the app opens, and whether the demo was built for it just now.

    With no ``--db`` and no default database yet, the demo service is built
    there and the user is told so; an explicit ``--db`` that does not exist
    is an error, as for every other command.
    """
    from evidencebot import locations

    if db or locations.default_db_path().exists():
        return resolve_db(db), False
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo

    path = locations.default_db_path()
    click.echo(f"No database yet: building the demo service in {path} ...", err=True)
    database = connect(path)
    try:
        summary = build_demo(database)
    finally:
        database.close()
    click.echo(f"Demo service ready: {summary}", err=True)
    return path, True


def open_db(ctx: click.Context, db: str | None, *, create: bool = False):
    """Open the database a command should use (see :func:`resolve_db`).

    The database closes itself at the end of a ``with open_db(...) as database:`` block.
    """
    from evidencebot.store import migrations
    from evidencebot.store.db import connect

    migrations.on_wait = lambda said: click.echo(said, err=True)  # an upgrade waiting for another process says so
    return connect(resolve_db(pick_db(ctx, db), create=create))


def run_guarded(func: Callable[[], T]) -> T:
    """Run a command, turning known errors into one line and an exit code."""
    from evidencebot.errors import EvidencebotError

    try:
        return func()
    except EvidencebotError as exc:
        from evidencebot.inputs import printable

        click.echo(f"error: {printable(str(exc))}", err=True)  # no raw control characters from input
        sys.exit(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        click.echo(f"error: database problem: {exc}", err=True)
        sys.exit(2)
    except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
        raise
    except KeyboardInterrupt:
        click.echo("interrupted: nothing half-written was kept", err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(2)
    except Exception as exc:  # the last line of defence: still no traceback
        click.echo(
            f"error: unexpected {type(exc).__name__}: {exc} "
            "(please report this; run with EVIDENCEBOT_DEBUG=1 for details)",
            err=True,
        )
        import os

        if os.environ.get("EVIDENCEBOT_DEBUG"):
            raise
        sys.exit(70)
