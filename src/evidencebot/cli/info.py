"""``evidencebot info``: where things are and what the database holds."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_db


def register(group: click.Group) -> None:
    group.add_command(info)


@click.command()
@db_option
@click.pass_context
def info(ctx: click.Context, db: str | None) -> None:
    """Show the folders in use and how many rows each table holds."""
    from evidencebot import locations
    from evidencebot.store.backup import main_file
    from evidencebot.store.summary import table_counts

    click.echo(f"config dir: {locations.config_dir()}")
    click.echo(f"data dir:   {locations.data_dir()}")
    with open_db(ctx, db) as database:  # a missing database is an error here: info never builds one
        click.echo(f"database:   {main_file(database.conn)}")
        for table, count in table_counts(database).items():
            click.echo(f"  {table:<16} {count:>9,}")
