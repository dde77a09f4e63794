"""``evidencebot spc``: an XmR (SPC) chart verdict for a series of numbers."""

from __future__ import annotations

import click

from evidencebot.cli.common import db_option


def register(group: click.Group) -> None:
    group.add_command(spc)


@click.command()
@click.argument("source", metavar="[FILE|-]", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@click.option("--column", help="Read this CSV column (header name, any case) instead of one number a line.")
@click.option("--label-column", help="With --column: a CSV column of point labels (e.g. the month).")
@click.option(
    "--improvement",
    type=click.Choice(["increase", "decrease", "neutral"], case_sensitive=False),
    default="neutral",
    show_default=True,
    help="Which way is better. Without it, signals are reported as high or low, not good or bad.",
)
@click.option("--target", type=float, help="Target value, for the assurance verdict.")
@click.option("--shift", type=int, help="Points on one side of the mean that make a shift (default 7, or config).")
@click.option("--trend", type=int, help="Points rising or falling that make a trend (default 7, or config).")
@click.option(
    "--screen/--no-screen",
    default=None,
    help="Screen out moving ranges above 3.267 x average before setting limits (default off, as the MDC Excel tool).",
)
@click.option("--baseline-points", type=int, help="Limits from fewer points are trial limits (default 12, or config).")
@click.option(
    "--rebase-at",
    type=int,
    multiple=True,
    metavar="N",
    help="Point N (counting from 1, blank CSV cells included) is the first after a dated service change. Repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False), metavar="OUT.png",
              help="Also draw the chart as a PNG (Making Data Count colours, limits per part, target line).")
@click.option("--unit", type=click.Choice(["percent", "per_100", "days", "hours", "score", "count"]),
              help="With --chart: the unit, for the axis title (percentages are drawn from 0 to 100).")
@click.option("--title", "chart_title", metavar="TEXT", help="With --chart: the chart's title.")
@click.option("--force", is_flag=True, help="With --chart: overwrite OUT.png if it exists.")
@db_option
def spc(source, column, label_column, improvement, target, shift, trend, screen, baseline_points,
        rebase_at, fmt, chart_path, unit, chart_title, force, db) -> None:
    """Judge a series with NHS Making Data Count SPC rules.

    Reads numbers one per line (blank lines skipped) from FILE, or standard
    input when FILE is '-' or missing; with --column, reads that column of a
    CSV file with a header row (an empty cell is a month without data).
    Prints the mean, process limits, the points that break a rule, the
    verdict and, with --target and --improvement, the assurance.
    """
    import json

    from evidencebot.config import load_settings
    from evidencebot.errors import InputError
    from evidencebot.metrics.spc import xmr

    import sys

    from evidencebot.inputs import check_input

    name = "standard input" if source == "-" else source
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:  # a regular file only (a named pipe would hang), within the size limit for a draft
            data = check_input(source, limit="check_mb", what="series").read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start:,}); "
                         "give numbers one per line, or a CSV file") from None
    if label_column and not column:
        raise InputError("--label-column needs --column (labels come from a CSV file)")
    if column:
        values, labels = _read_csv(text, column, label_column, name)
    else:
        values, labels = _read_lines(text, name), None

    out = None
    if chart_path:
        from evidencebot.compose.export import check_target

        if not chart_path.lower().endswith(".png"):
            raise InputError(f"{chart_path}: the chart is written as PNG: give a file name ending .png")
        out = check_target(chart_path, force=force)
    settings = load_settings().spc
    for n in rebase_at:
        if n < 1 or n > len(values):
            raise InputError(f"--rebase-at {n}: the series has points 1 to {len(values)}")
    result = xmr(
        values,
        improvement=improvement.lower(),
        target=target,
        rebase_at=[n - 1 for n in rebase_at],
        shift=shift if shift is not None else settings.shift_length,
        trend=trend if trend is not None else settings.trend_length,
        screen=screen if screen is not None else settings.screen_moving_ranges,
        baseline_points=baseline_points if baseline_points is not None else settings.baseline_points,
        labels=labels,
    )
    if out is not None:
        from evidencebot.compose.charts import Chart, chart_png
        from evidencebot.compose.export import place_file

        chart = Chart.from_xmr(result, values, labels, title=chart_title or f"SPC chart of {name}",
                               unit=unit or "", target=target)
        place_file(out, chart_png(chart))
        click.echo(f"chart written: {out}", err=True)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    for line in _text_report(result, target):
        click.echo(line)


MAX_VALUE = 1e15
"""Larger values make the limits overflow (1e308 gave limits of -inf..inf and 'common cause')."""


def _number(cell: str, where: str):
    import math

    from evidencebot.errors import InputError

    try:
        value = float(cell)
    except ValueError:
        value = None
    if value is not None and math.isfinite(value) and abs(value) > MAX_VALUE:
        raise InputError(f"{where}: {value:g} is too large for SPC limits (at most {MAX_VALUE:g} either side of 0)")
    if value is None or not math.isfinite(value):
        from evidencebot.inputs import short

        raise InputError(f"{where}: '{short(cell, 60)}' is not a number")
    return value


def _read_lines(text: str, name: str) -> list[float]:
    from evidencebot.errors import InputError

    values = []
    for lineno, line in enumerate(text.splitlines(), 1):
        cell = line.strip()
        if not cell:
            continue
        try:
            values.append(_number(cell, f"{name}, line {lineno}"))
        except InputError as exc:
            if "," in cell or not values:
                raise InputError(
                    f"{exc} (for a CSV file with a header row, choose a column with --column NAME)"
                ) from None
            raise
    return values


def _read_csv(text: str, column: str, label_column: str | None, name: str):
    import csv
    import io

    from evidencebot.errors import InputError

    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise InputError(f"{name} is empty: expected a CSV header row with a '{column}' column")
    folded = [h.strip().lower() for h in header]

    def position(wanted: str) -> int:
        if wanted.strip().lower() not in folded:
            raise InputError(
                f"{name} has no column '{wanted}' (columns: {', '.join(h.strip() for h in header)})"
            )
        return folded.index(wanted.strip().lower())

    value_at = position(column)
    label_at = position(label_column) if label_column else None
    values, labels = [], []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue  # blank line
        lineno = reader.line_num
        cell = row[value_at].strip() if value_at < len(row) else ""
        values.append(_number(cell, f"{name}, line {lineno}") if cell else None)
        if label_at is not None:
            label = row[label_at].strip() if label_at < len(row) else ""
            labels.append(label or None)
    return values, (labels if label_column else None)


def _fmt(x: float | None) -> str:
    import math

    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x == 0 or abs(x) >= 0.1:
        return f"{x:,.2f}"
    return f"{x:.3g}"


_POINT_TEXT = {
    ("astronomical", 1): "above the upper process limit",
    ("astronomical", -1): "below the lower process limit",
    ("trend", 1): "part of a rising trend",
    ("trend", -1): "part of a falling trend",
    ("two_in_three", 1): "near the upper limit (2 of 3 rule)",
    ("two_in_three", -1): "near the lower limit (2 of 3 rule)",
    ("shift", 1): "part of a run above the mean (shift)",
    ("shift", -1): "part of a run below the mean (shift)",
}

_TYPE_TEXT = {
    "improvement": "improvement",
    "concern": "concern",
    "neutral_high": "high",
    "neutral_low": "low",
}


def _text_report(result, target) -> list[str]:
    from evidencebot.metrics.spc import ASSURANCE_TEXT, VERDICT_TEXT

    s = result.settings
    screening = "moving ranges screened (3.267 x average)" if s["screen"] else "moving ranges not screened"
    lines = [
        f"XmR chart of {result.points} points; rules: beyond the process limits, 2 of 3 near a limit, "
        f"{s['trend']}-point trend, {s['shift']}-point shift; {screening}; "
        f"better is: {s['improvement']}",
        f"mean {_fmt(result.mean)}   process limits {_fmt(result.lower)} to {_fmt(result.upper)}"
        + ("   (trial limits)" if result.trial and result.verdict != "too_few_points" else ""),
    ]
    for note in result.notes:
        lines.append(f"note: {note}")
    special = result.special_points
    if special:
        lines.append("Points that break a rule (numbered from 1):")
        for p in special:
            what = f"point {p.index + 1}" + (f" ({p.label})" if p.label else "")
            lines.append(
                f"  {what}: {_fmt(p.value)} {_POINT_TEXT[(p.special, p.direction)]}"
                f" [{p.special}, {_TYPE_TEXT.get(p.type, p.type)}]"
            )
    elif result.verdict != "too_few_points":
        lines.append("No point breaks a rule.")
    step = result.step_change
    if step:
        lines.append(
            f"Since the service change on {step['change']}: mean {_fmt(step['post_mean'])} over "
            f"{step['points']} points, against {_fmt(step['pre_mean'])} before it (limits recalculated "
            f"at the change{'; trial limits' if step.get('trial') else ''}; the points since are judged "
            "by the rules on their own)"
        )
    verdict = VERDICT_TEXT[result.verdict]
    lines.append(f"Verdict: {verdict}" + (f" ({result.rule})" if result.rule else ""))
    if result.assurance:
        lines.append(f"Assurance: {result.assurance.replace('_', ' ')}: {ASSURANCE_TEXT[result.assurance]}")
    elif target is not None and s["improvement"] == "neutral":
        lines.append("Assurance: not judged (say which way is better with --improvement)")
    elif target is not None:
        lines.append("Assurance: not judged (too few points)")
    return lines
