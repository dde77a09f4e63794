"""``evidencebot metrics`` and ``evidencebot patterns``: indicators and case-review prompts."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option, open_db

WIDTH = 80
DOMAIN_TITLES = {"safety": "Safety", "stability": "Stability", "experience": "Experience and engagement"}


def register(group: click.Group) -> None:
    group.add_command(metrics)
    group.add_command(patterns)


# ------------------------------------------------------------------ metrics


@click.command()
@db_option
@click.option("--period", "-p", default=None,
              help="Period, e.g. 2025/26 Q3, 2026-Q1, 2026-03, 'last quarter' (default: the last complete quarter).")
@click.option("--compare", default=None, help="Comparison period (default: the period just before, same length).")
@click.option("--indicator", "-i", "indicators", multiple=True, metavar="ID",
              help="Only this indicator (repeatable); see --list.")
@click.option("--external", is_flag=True,
              help="Suppress small numbers for use outside the organisation (counts under 5 hidden, others rounded to 5).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--list", "list_only", is_flag=True, help="List the indicator catalogue and exit.")
@click.pass_context
def metrics(ctx: click.Context, db, period, compare, indicators, external, fmt, list_only) -> None:
    """Compute the commissioner indicators for a period.

    Each indicator shows its value, numerator/denominator, 95% confidence
    interval, the comparison period's value and the SPC verdict of its monthly
    series (up to 24 months, NHS Making Data Count rules).
    """
    from evidencebot.metrics.catalogue import get_indicator, load_catalogue

    if list_only:
        _print_catalogue(load_catalogue(), fmt)
        return
    catalogue = load_catalogue()
    ids = [get_indicator(i, catalogue).id for i in indicators] or None  # unknown ids fail before the db opens
    from evidencebot.metrics.indicators import compute_all

    with open_db(ctx, db) as database:
        results = compute_all(database, period, compare=compare, ids=ids, external=external)
        latest = results[0].extra.get("latest_data") if results else None
    if fmt == "json":
        import json

        click.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        _print_csv(results)
    else:
        for line in table_lines(results, external=external, latest=latest):
            click.echo(line)


def _print_csv(results) -> None:
    import csv
    import io

    from evidencebot.metrics.results import CSV_FIELDS

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in results:
        writer.writerow(r.csv_row())
    click.echo(buffer.getvalue(), nl=False)


def _print_catalogue(catalogue, fmt: str) -> None:
    import textwrap

    if fmt == "json":
        import json
        from dataclasses import asdict

        click.echo(json.dumps([asdict(i) for i in catalogue.values()], indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "domain", "title", "direction", "unit", "definition"])
        for i in catalogue.values():
            writer.writerow([i.id, i.domain, i.title, i.direction, i.unit, i.definition])
        click.echo(buffer.getvalue(), nl=False)
        return
    for i in catalogue.values():
        better = {"increase": "higher is better", "decrease": "lower is better"}.get(i.direction, "neutral")
        click.echo(f"{i.id}  [{i.domain}; {better}]")
        click.echo(textwrap.fill(i.title, WIDTH, initial_indent="  ", subsequent_indent="  "))
        click.echo(textwrap.fill(i.definition, WIDTH, initial_indent="    ", subsequent_indent="    "))
        click.echo("")


def _short_count(n) -> str:
    if n is None:
        return "–"
    if isinstance(n, int) and n >= 10_000:
        return f"{n / 1000:.1f}k" if n < 100_000 else f"{n // 1000}k"
    return str(n)


def _counts(r) -> str:
    if r.numerator is None and r.denominator is None:
        return ""
    if r.suppressed:  # the counts would give the hidden rate away
        return "*"
    if r.unit == "score":  # a mean over people: show how many
        return f"n={_short_count(r.denominator)}"
    if r.unit == "days":  # a median over the events counted
        return f"n={_short_count(r.denominator)}"
    return f"{_short_count(r.numerator)}/{_short_count(r.denominator)}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table_lines(results, *, external: bool = False, latest: str | None = None) -> list[str]:
    """The table view: fits in 80 columns."""
    from evidencebot.metrics.catalogue import load_catalogue
    from evidencebot.metrics.results import format_value

    if not results:
        return ["No indicators."]
    catalogue = load_catalogue()
    order = list(DOMAIN_TITLES)
    results = sorted(results, key=lambda r: order.index(r.domain) if r.domain in order else len(order))
    rows = []
    for r in results:
        indicator = catalogue.get(r.id)
        label = indicator.label if indicator else r.title
        rows.append((
            r.domain,
            label,
            r.value_text(),
            _counts(r),
            r.ci_text(),
            format_value(r.compare_value, "count" if r.unit == "per_100" else r.unit,
                         1, hidden=r.extra.get("compare", {}).get("suppressed", False))
            if r.compare_period else "",
            r.verdict_text(),
        ))
    heads = ("", "indicator", "value", "n/N", "95% CI", "prev", "SPC variation")
    widths = [max(len(h), *(len(row[k]) for row in rows)) for k, h in enumerate(heads)]
    fixed = sum(widths[2:]) + len(widths[2:])  # columns after the label, each with a space before it
    widths[1] = max(12, min(widths[1], WIDTH - fixed))

    first = results[0]
    lines = [_fit(f"{first.period}, compared with {first.compare_period}"
                  + (f" (data to {latest})" if latest else ""), WIDTH)]
    if first.partial:
        lines.append(_fit(f"PARTIAL PERIOD: {(first.coverage or {}).get('text', '')}", WIDTH))
        lines.append("(compared with the same months a year earlier)")
    if external:
        lines.append("External view: counts under 5 hidden, others rounded to 5; * = suppressed.")
    header = _fit(heads[1], widths[1]).ljust(widths[1]) + "".join(
        " " + h.rjust(w) if k < 4 else " " + h.ljust(w)
        for k, (h, w) in enumerate(zip(heads[2:], widths[2:]))
    )
    domain = None
    for row in rows:
        if row[0] != domain:
            domain = row[0]
            lines.append("")
            lines.append(DOMAIN_TITLES.get(domain, domain.title()))
            lines.append(header.rstrip())
        cells = [_fit(row[1], widths[1]).ljust(widths[1])]
        for k, (cell, w) in enumerate(zip(row[2:], widths[2:])):
            cells.append(" " + (cell.rjust(w) if k < 4 else cell.ljust(w)))
        lines.append("".join(cells).rstrip())
    lines.append("")
    lines.append("SPC variation: what the chart of up to 24 complete months shows (NHS Making Data")
    lines.append("Count rules), not which way the value moved: ✓ special-cause improvement,")
    lines.append("! special-cause concern, ~ common cause, ? too few points")
    return [_fit(line, WIDTH) for line in lines]


# ------------------------------------------------------------------ patterns


@click.command()
@db_option
@click.option("--period", "-p", default=None, help="Period (default: the last complete quarter).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def patterns(ctx: click.Context, db, period, fmt) -> None:
    """Escalation triggers and their trend, and the people to bring to case review.

    People are shown by their pseudonymised id with every reason that applies:
    repeat crisis events within 30 days, a surge in unplanned contacts,
    escalating at least 1.5 times as often as their onboarding baseline, no
    follow-up within 72 hours of discharge, a crisis with no current crisis
    plan, or no attended contact in the last 8 weeks.
    """
    from evidencebot.metrics.patterns import find_patterns

    with open_db(ctx, db) as database:
        report = find_patterns(database, period)
    if fmt == "json":
        import json

        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    for line in pattern_lines(report):
        click.echo(line)


def pattern_lines(report) -> list[str]:
    import textwrap

    from evidencebot.metrics.results import VERDICT_MARK

    lines = [f"Escalation triggers, {report.period} (vs {report.compare_period}): "
             f"{report.escalations} escalations (previously {report.previous_escalations})"]
    if report.triggers:
        lines.append(f"{'trigger':<16} {'count':>6} {'prev':>6} {'change':>7}  trend (SPC of monthly count)")
        for t in report.triggers:
            mark = VERDICT_MARK.get(t.spc_verdict or "", "")
            lines.append(f"{_fit(t.trigger, 16):<16} {t.count:>6} {t.previous:>6} {t.change:>+7}  {mark}")
    else:
        lines.append("No escalations in either period.")
    lines.append("")
    if not report.people:
        lines.append("Nobody meets a case-review prompt in this period.")
        return [_fit(line, WIDTH) for line in lines]
    lines.append(f"People to bring to case review ({len(report.people)}, pseudonymised ids):")
    for person in report.people:
        lines.append(f"{person.person_id}")
        for reason in person.reasons:
            text = f"{reason.title}: {reason.detail}"
            lines.extend(textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    "))
    return [_fit(line, WIDTH) for line in lines]
