"""``evidencebot demo``: build the synthetic demo service."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, db_path

# Plain text options, checked by the core, so a bad value is one clear line.
DEFAULTS = {"people": "400", "months": "24", "end": "2026-09", "seed": "20260924"}


def register(group: click.Group) -> None:
    group.add_command(demo)


@click.command()
@db_option
@click.option("--people", default=DEFAULTS["people"], metavar="N", show_default=True,
              help="People on the caseload over the whole period (at least 10).")
@click.option("--months", default=DEFAULTS["months"], metavar="M", show_default=True,
              help="Length of the period in months (6-120).")
@click.option("--end", default=DEFAULTS["end"], metavar="YYYY-MM", show_default=True,
              help="Last month of the period.")
@click.option("--seed", default=DEFAULTS["seed"], metavar="S", show_default=True,
              help="Random seed: the same arguments always build the same data.")
@click.option("--force", is_flag=True, help="Clear the service tables first if the database already holds data.")
@click.pass_context
def demo(ctx: click.Context, db: str | None, people: str, months: str, end: str, seed: str, force: bool) -> None:
    """Build the synthetic demo service (recipe: corpus/demo_recipe.toml).

    Refuses to touch a database that already holds service data unless
    --force is given; drafts are always kept.
    """
    from evidencebot.store.db import connect
    from evidencebot.store.demo import build_demo, validate

    # Check the arguments before creating or opening any file.
    n_people, n_months, end_month, n_seed = validate(people, months, end, seed)
    path = db_path(ctx, db)
    with connect(path) as database:
        summary = build_demo(
            database, people=n_people, months=n_months, end=end_month, seed=n_seed, force=force
        )
    click.echo(f"Demo service built in {path}: {summary}")
