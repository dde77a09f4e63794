"""``evidencebot facts``: figures from outside the database, with source and date."""

from __future__ import annotations

import json

import click

from evidencebot.cli.common import db_option, open_db


def register(group: click.Group) -> None:
    group.add_command(facts)


@click.group()
def facts() -> None:
    """Register figures from outside the database (an ICB dashboard, a CQC rating).

    A draft that quotes a registered fact counts as supported; facts past their
    review date are flagged as stale.
    """


@facts.command("add")
@click.argument("statement")
@click.option("--value", type=float, help="The figure itself, e.g. 12 for '12%'.")
@click.option("--unit", type=click.Choice(["percent", "per_100", "count", "hours", "days", "score", "text"]))
@click.option("--indicator", "indicator_id", help="The indicator id it relates to, if any.")
@click.option("--period", help="The period it covers, e.g. 2025/26 Q3.")
@click.option("--source", required=True, help="Where it comes from, e.g. 'ICB crisis dashboard'.")
@click.option("--date", "source_date", required=True, help="When the source published it (2025-11-30 or 30/11/2025).")
@click.option("--review-by", help="After this date the fact is stale (default: a year after --date).")
@db_option
@click.pass_context
def add(ctx, statement, value, unit, indicator_id, period, source, source_date, review_by, db):
    """Register a fact: STATEMENT says what the figure means."""
    from evidencebot.config import load_settings
    from evidencebot.evidence.facts import add_fact

    with open_db(ctx, db, create=True) as database:
        fact = add_fact(
            database, statement, value=value, unit=unit, indicator_id=indicator_id, period=period,
            source=source, source_date=source_date, review_by=review_by, created_by=load_settings().user.name,
        )
    click.echo(f"fact {fact.fact_id} registered: {fact.statement} ({fact.source}, {fact.source_date}; review by {fact.review_by})")


@facts.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@db_option
@click.pass_context
def list_(ctx, fmt, db):
    """List registered facts; stale ones are marked."""
    from dataclasses import asdict

    from evidencebot.evidence.facts import list_facts

    with open_db(ctx, db) as database:
        rows = list_facts(database)
    if fmt == "json":
        click.echo(json.dumps([{**asdict(f), "stale": f.is_stale()} for f in rows], indent=2))
        return
    if not rows:
        click.echo("no facts registered (add one with 'evidencebot facts add')")
        return
    for f in rows:
        value = "" if f.value is None else f" = {f.value:g}{'%' if f.unit == 'percent' else ''}"
        stale = "  STALE" if f.is_stale() else ""
        click.echo(f"{f.fact_id:>4}  {f.statement}{value}  [{f.source}, {f.source_date}; review by {f.review_by}]{stale}")


@facts.command("remove")
@click.argument("fact_id", type=int)
@db_option
@click.pass_context
def remove(ctx, fact_id, db):
    """Remove a registered fact by its id."""
    from evidencebot.evidence.facts import remove_fact

    with open_db(ctx, db) as database:
        fact = remove_fact(database, fact_id)
    click.echo(f"fact {fact.fact_id} removed: {fact.statement}")
