"""The ``evidencebot`` command line: thin click commands over the core.

Each module in this package adds its commands through ``register(group)``;
modules are found automatically, so a new command needs no edit here. Command
modules import only click at the top and the core inside their functions, so
``evidencebot --help`` stays fast.

With no command, ``evidencebot`` opens the terminal app.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from evidencebot import __version__
from evidencebot.cli.common import db_option, run_guarded


class EvidencebotGroup(click.Group):
    """A group that turns every error into one clear line, never a traceback."""

    def invoke(self, ctx: click.Context):
        return run_guarded(lambda: super(EvidencebotGroup, self).invoke(ctx))


@click.group(cls=EvidencebotGroup, invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="evidencebot")
@db_option
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Honest, checked evidence for community mental health commissioners.

    Run with no command to open the terminal app on your database (the demo
    service is built on first run when there is none).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        from evidencebot.cli.common import first_run_db

        path, first_run = first_run_db(db)
        from evidencebot.tui.app import run_app

        run_app(path, first_run=first_run)


def _register_commands(group: click.Group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(group)


_register_commands(cli)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="evidencebot")
