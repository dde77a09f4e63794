"""``evidencebot import TABLE FILE``: a thin layer over :mod:`evidencebot.store.importers`."""

from __future__ import annotations

import sys

import click

from evidencebot.cli.common import db_option, db_path

SHOWN_PROBLEMS = 20

# Kept in step with evidencebot.store.importers.TABLES (a test checks it); the
# core is imported only when the command runs, so --help stays fast.
TABLE_NAMES = (
    "people, contacts, escalations, crisis_events, admissions, crisis_plans, goals, "
    "goal_reviews, measures, safeguarding, incidents, partner_comms, stories, "
    "service_changes, targets, activity_plan, workforce, requests"
)


def register(group: click.Group) -> None:
    group.add_command(import_command)


@click.command(
    "import",
    epilog=f"TABLE is one of: {TABLE_NAMES}. Column formats: docs/import.md.",
)
@click.argument("table")
@click.argument("file")
@db_option
@click.option("--partial", is_flag=True,
              help="Import the valid rows and write the rejected ones to a CSV (see --rejects).")
@click.option("--rejects", "rejects", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Where to write rejected rows with a reason column "
                   "(default with --partial: FILE with .rejected.csv, e.g. contacts.rejected.csv).")
@click.option("--force", is_flag=True, help="Replace an existing rejects file.")
@click.pass_context
def import_command(ctx: click.Context, table: str, file: str, db: str | None,
                   partial: bool, rejects: str | None, force: bool) -> None:
    """Import a CSV or XLSX export (stories: also Markdown files or a folder of them).

    By default it is all or nothing: one bad row and nothing is imported; every
    problem is listed with its row and column. Importing the same file again
    changes nothing. Exit codes: 0 imported, 1 rows rejected, 2 the file or
    the command cannot be used.
    """
    from pathlib import Path

    from evidencebot.errors import DataError, InputError
    from evidencebot.store.db import connect
    from evidencebot.store.importers import get_spec, import_file

    spec = get_spec(table)  # an unknown table is reported before anything is opened
    path = Path(file).expanduser()
    if not path.exists():
        raise InputError(f"{path}: no such file")
    # With no --db: the default database, created empty (never the demo).
    with connect(db_path(ctx, db)) as database:
        with _progress_bar(path) as progress:
            report = import_file(database, spec.name, path, partial=partial,
                                 rejects_path=rejects, progress=progress, force=force)

    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.ok:
        click.echo(report.summary())
        return
    shown = report.rejected[:SHOWN_PROBLEMS]
    for problem in shown:
        click.echo(str(problem), err=True)
    if report.problem_count > len(shown):
        click.echo(f"... and {report.problem_count - len(shown):,} more", err=True)
    if report.committed:
        click.echo(report.summary())
        sys.exit(1)
    if report.rejects_path:
        click.echo(f"rejected rows written to {report.rejects_path}", err=True)
    raise DataError(report.summary())


class _progress_bar:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, path):
        self.path = path
        self.bar = None
        self.shown = 0

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total <= 0:
                return
            self.bar = click.progressbar(length=total, label=f"importing {self.path.name}", file=sys.stderr)
            self.bar.__enter__()
        step = max(0, min(done, total) - self.shown)
        if step:
            self.bar.update(step)
            self.shown += step

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False
