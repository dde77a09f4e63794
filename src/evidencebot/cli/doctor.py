"""``evidencebot doctor``: check the database and explain how to fix what is wrong."""

from __future__ import annotations

import sys

import click

from evidencebot.cli.common import db_option, db_path


def register(group: click.Group) -> None:
    group.add_command(doctor_command)


@click.command("doctor")
@click.option("--fix", is_flag=True,
              help="Repair what can be repaired safely (search indexes, permissions, WAL, "
                   "migrations with a backup first, missing triggers), then check again.")
@db_option
@click.pass_context
def doctor_command(ctx, fix, db):
    """Check the database: integrity, foreign keys, search indexes, permissions,
    WAL mode, pending migrations and the audit triggers.

    Exit code 0 when healthy, 1 when there are problems (each is explained,
    with its fix).
    """
    from evidencebot.store.doctor import diagnose, repair

    path = db_path(ctx, db)
    checks = diagnose(path)
    if fix and any(c.problem and c.repair for c in checks):  # a damaged file: repair() refuses, exit 2
        for line in repair(path, checks):
            click.echo(f"fixed: {line}")
        checks = diagnose(path)
    problems = 0
    for c in checks:
        label = "ok" if c.ok else ("warning" if c.warning else "PROBLEM")
        click.echo(f"{label:<8} {c.name:<26} {c.detail}")
        if not c.ok and c.fix:
            click.echo(f"{'':<8} {'':<26} fix: {c.fix}")
        problems += c.problem
    if problems:
        click.echo(f"{problems} problem{'s' if problems != 1 else ''} found")
        sys.exit(1)
    click.echo("healthy")
