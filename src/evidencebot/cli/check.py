"""``evidencebot check``: the language checker on files or stdin, like Vale.

Text output, one finding per line with its suggestions under it::

    draft.md:3:12: error overclaim.causal-system-outcome 'reduced' claims ...
      suggestion: contributed to a reduction in
    1 error, 0 warnings, 0 suggestions in 1 file

JSON output (``--format json``) is a list of objects with ``path, line, column,
end_line, end_column, rule, family, severity, message, match, suggestions``.

Exit status: 0 when there is no error-level finding, 1 when there is one, 2 when
an input cannot be read or is not UTF-8 text (one line on stderr, no traceback).
"""

from __future__ import annotations

import sys

import click

from evidencebot.cli.common import db_option

FORMATS = ("text", "json")


def register(group: click.Group) -> None:
    group.add_command(check)


def _read(path: str) -> str:
    from evidencebot.errors import InputError

    if path == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        from pathlib import Path

        p = Path(path)
        if p.is_dir():
            raise InputError(f"{path}: is a folder; give the files to check")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        name = path
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None
    return text[1:] if text.startswith("\ufeff") else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--family", "families", multiple=True, metavar="F",
              help="Only run this family of rules (repeat for more): overclaim, privacy.")
@click.option("--provenance", is_flag=True,
              help="With --db: list every supported figure with its indicator, period, numerator, "
                   "denominator and definition (the evidence appendix).")
@click.option("--external", is_flag=True,
              help="With --db: the draft is for outside the service, so counts under 5 must not appear.")
@db_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str, families: tuple[str, ...], db: str | None,
          provenance: bool, external: bool) -> None:
    """Check Markdown or text files (or - for stdin) for over-claiming and personal data.

    With --db the evidence family also runs: every figure and claim of change is
    checked against the service's own data (see 'evidencebot facts' for figures
    from elsewhere).

    Exits with 1 when any error-level finding is reported, 2 when a file cannot be read.
    """
    from evidencebot.cli.common import pick_db
    from evidencebot.errors import InputError

    texts = [(_read(path), "<stdin>" if path == "-" else path) for path in paths]

    from evidencebot.language.checker import Checker

    db = pick_db(ctx, db)
    wanted = list(families)
    extra = {}
    family = None
    if db and (not wanted or "evidence" in wanted):
        from evidencebot.cli.common import open_db
        from evidencebot.evidence.family import EvidenceFamily

        family = EvidenceFamily(open_db(ctx, db), external=external)
        extra["evidence"] = family
    elif "evidence" in wanted:
        raise InputError("the evidence family needs a database: add --db PATH")
    elif provenance:
        raise InputError("--provenance needs a database: add --db PATH")
    registered = [f for f in wanted if f != "evidence"]
    checker = Checker(families=registered or (None if not wanted else []), extra=extra)
    results = checker.check_many(texts)
    for name, why in checker.unavailable.items():
        click.echo(f"note: {name} checks skipped: {why}", err=True)
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    if fmt == "json":
        import json

        rows = []
        for (_, path), findings in zip(texts, results):
            for f in findings:
                counts[f.severity] += 1
                rows.append({
                    "path": path, "line": f.line, "column": f.column, "end_line": f.end_line,
                    "end_column": f.end_column, "rule": f.rule, "family": f.family,
                    "severity": f.severity, "message": f.message, "match": f.match,
                    "suggestions": list(f.suggestions),
                })
        if provenance and family is not None:
            # One JSON document: the findings and the evidence appendix side by side.
            appendix = _provenance_rows(family, texts)
            click.echo(json.dumps({"findings": rows, "provenance": appendix}, indent=2,
                                  ensure_ascii=False, default=str))
        else:
            click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for (_, path), findings in zip(texts, results):
            for f in findings:
                counts[f.severity] += 1
                click.echo(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
                for s in f.suggestions:
                    click.echo(f"  suggestion: {s}")
        click.echo(
            f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
            f"{_plural(counts['suggestion'], 'suggestion')} in {_plural(len(texts), 'file')}"
        )
    if provenance and family is not None and fmt == "text":
        _print_provenance(_provenance_rows(family, texts))
    if counts["error"]:
        sys.exit(1)


def _provenance_rows(family, texts) -> list[dict]:
    """The evidence appendix: every supported figure and where it comes from."""
    rows = []
    for text, path in texts:
        from evidencebot.language.findings import Finding, locate

        for p in family.provenance(text, path=path):
            probe = locate([Finding("", "", "", "", p.start, p.end, "")], text)[0]
            rows.append({"path": path, "line": probe.line, "column": probe.column, **p.to_dict()})
    return rows


def _print_provenance(rows: list[dict]) -> None:
    click.echo("")
    click.echo(f"Evidence appendix: {len(rows)} supported figure{'' if len(rows) == 1 else 's'}")
    for r in rows:
        counts = f"{r['numerator']} of {r['denominator']}" if r["denominator"] is not None else "-"
        click.echo(f"{r['path']}:{r['line']}:{r['column']}: '{r['figure']}' = {r['title']}, {r['period'] or '-'}"
                   f" ({counts}); {r['source']}")
        if r["definition"]:
            click.echo(f"  definition: {r['definition']}")
