"""``evidencebot rules``: list, explain and test the checker's rules (shipped and your own).

* ``rules list [--family F]``: one line per loaded rule (id, severity, kind, file);
* ``rules explain RULE``: what the rule looks for, its settings and examples;
* ``rules test [FILE...]``: run every loaded rule's ``examples.flag`` and
  ``examples.pass`` sentences (only the rules defined or extended in FILE when
  given); prints each wrong example naming the rule and the sentence.

Exit status: 0 when every example is right, 1 when one is wrong, 2 when a
phrasebank file is malformed (one line naming the file, the line or rule, and the
field) or a FILE is not loaded.
"""

from __future__ import annotations

import sys

import click


def register(group: click.Group) -> None:
    group.add_command(rules)


def _settings():
    from evidencebot.config import load_settings

    return load_settings().checker


@click.group()
def rules() -> None:
    """List, explain and test the checker's rules (shipped and your own)."""


@rules.command("list")
@click.option("--family", default=None, help="only this family (overclaim, privacy)")
@click.option("--markdown", is_flag=True, help="a Markdown table (the one in phrasebank/README.md)")
def list_rules(family: str | None, markdown: bool) -> None:
    """One line per loaded rule: id, severity, kind and the file it comes from."""
    from evidencebot.language.ruletest import loaded_rules, markdown_table

    found = [r for r in loaded_rules(_settings()) if family is None or r.family == family]
    if markdown:
        click.echo(markdown_table(found))
        return
    width = max((len(r.id) for r in found), default=10)
    for r in found:
        kind = r.kind if "check" not in r.details else f"check ({r.details['check']})"
        flag = ("  [opt-in, off]" if r.disabled else "  [opt-in, on]") if r.opt_in else ("  [off]" if r.disabled else "")
        extra = f" (+ {', '.join(r.extended_by)})" if r.extended_by else ""
        click.echo(f"{r.id:<{width}}  {r.severity:<10}  {kind:<28}  {r.source}{extra}{flag}")
    click.echo(f"{len(found)} rules", err=True)


@rules.command("explain")
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """What RULE looks for, its settings, and its examples."""
    from evidencebot.errors import InputError
    from evidencebot.language.ruletest import loaded_rules

    known = loaded_rules(_settings())
    rule = next((r for r in known if r.id == rule_id), None)
    if rule is None:
        close = [r.id for r in known if rule_id.split(".")[-1] in r.id][:5]
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `evidencebot rules list`)"
        raise InputError(f"no rule {rule_id!r} is loaded{hint}")
    state = ("  [opt-in, off: add it to [checker] enabled_rules]" if rule.disabled else "  [opt-in, on]") if rule.opt_in \
        else ("  [off]" if rule.disabled else "")
    click.echo(f"{rule.id}  ({rule.family}, {rule.severity}, {rule.kind}){state}")
    click.echo(f"file: {rule.source}")
    for path in rule.extended_by:
        click.echo(f"extended by: {path}")
    click.echo(f"message: {' '.join(rule.message.split())}")
    for key, value in rule.details.items():
        if isinstance(value, list) and len(value) > 12:
            shown = ", ".join(str(v) for v in value[:12]) + f", ... ({len(value)} in all)"
        elif isinstance(value, dict):
            shown = "; ".join(f"{k}: {_short(v)}" for k, v in value.items())
        else:
            shown = _short(value)
        click.echo(f"{key}: {shown}")
    for expected in ("flag", "pass"):
        for sentence in rule.examples.get(expected, []):
            click.echo(f"  {expected}: {sentence}")


def _short(value) -> str:
    text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "..."


@rules.command("test")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
def test_rules(files: tuple[str, ...]) -> None:
    """Run every loaded rule's flag/pass examples (or only those of the rules in FILES)."""
    from evidencebot.language.ruletest import run_examples

    count, examples, failures = run_examples(files, _settings())
    for failure in failures:
        click.echo(failure.line())
    click.echo(f"{count} rules, {examples} examples, {len(failures)} wrong", err=True)
    sys.exit(1 if failures else 0)
