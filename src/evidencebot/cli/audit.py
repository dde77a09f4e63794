"""``evidencebot audit``: who changed what, and when (see :mod:`evidencebot.store.audit`)."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_existing


def register(group: click.Group) -> None:
    group.add_command(audit_command)


@click.command("audit")
@click.option("--table", "table", metavar="T", help="Only this table (stories, drafts, facts, contacts ...).")
@click.option("--since", metavar="DATE", help="Only entries from this date (YYYY-MM-DD, UTC) on.")
@click.option("--action", metavar="A",
              help="Only this action: insert, update, delete, import, export, backup, migrate, consent-withdrawn.")
@click.option("--key", metavar="ID", help="Only entries about this row (e.g. a story id).")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many entries (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"], case_sensitive=False), default="table",
              show_default=True)
@db_option
@click.pass_context
def audit_command(ctx, table, since, action, key, limit, fmt, db):
    """Show the audit log, newest first.

    Every change to stories, drafts, facts and the bid library is logged with
    who made it and which fields changed (text fields as length and hash,
    never the text), and every import, export, backup and migration as one
    entry. Times are UTC.
    """
    import json

    from evidencebot.store import audit

    with open_existing(ctx, db) as database:
        entries = audit.recent(database, limit=limit or None, table=table, since=since, action=action, key=key)
    if fmt.lower() == "json":
        click.echo(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=1))
        return
    if not entries:
        click.echo("no audit entries match")
        return
    click.echo(f"{'id':>6}  {'when (UTC)':<19}  {'who':<16} {'table':<14} {'row':<14} {'action':<9} changes")
    for e in entries:
        who = e.user if len(e.user) <= 16 else e.user[:15] + "…"
        row = (e.key or "") if len(e.key or "") <= 14 else (e.key or "")[:13] + "…"
        click.echo(f"{e.audit_id:>6}  {e.at[:19].replace('T', ' '):<19}  {who:<16} {e.table:<14} {row:<14} "
                   f"{e.action:<9} {e.summary(90)}")
