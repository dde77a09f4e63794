"""``evidencebot backup``: a consistent, private copy of the database."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_existing


def register(group: click.Group) -> None:
    group.add_command(backup_command)


@click.command("backup")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write the copy (default: <data dir>/backups/<name>-YYYYmmdd-HHMMSS.db).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--list", "list_only", is_flag=True, help="List the backups in the backups folder instead.")
@db_option
@click.pass_context
def backup_command(ctx, output, force, list_only, db):
    """Copy the database safely, even while the app is open.

    Uses SQLite's online backup, so the copy is consistent while someone is
    writing. The copy is readable by you only, is checked before it gets its
    name, and never overwrites a file unless --force is given. A copy is also
    taken automatically before every schema upgrade (the last 5 are kept).
    """
    from evidencebot.store.backup import backup_dir, backup_database, list_backups

    if list_only:
        found = list_backups()
        click.echo(f"backups folder: {backup_dir()}")
        if not found:
            click.echo("no backups yet (make one with 'evidencebot backup')")
        for path, size, when in found:
            click.echo(f"  {when:%Y-%m-%d %H:%M:%S}  {size / 1_048_576:>8.1f} MB  {path.name}")
        return
    with open_existing(ctx, db, migrate=False) as database:  # copy it as it is: no schema upgrade first
        result = backup_database(database, output, force=force)
    if result.warning:
        click.echo(f"warning: {result.warning}", err=True)
    click.echo(result.summary())
