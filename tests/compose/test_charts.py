"""One chart module for every face: Making Data Count colours, limits per part, clipping, run charts."""

from __future__ import annotations

import functools

import pytest
from click.testing import CliRunner

from evidencebot.compose import charts as C
from evidencebot.metrics.spc import xmr

BEFORE = [50, 52, 49, 51, 55, 53, 50, 48, 51, 52, 50, 49, 51, 50]
AFTER = [60, 62, 61, 63, 64, 62, 65, 63, 64, 66, 63, 64, 65, 62]


def chart_of(values, *, improvement="increase", unit="percent", target=None, rebase_at=(), **kw):
    result = xmr(values, improvement=improvement, target=target, rebase_at=list(rebase_at), **kw)
    return C.Chart.from_xmr(result, values, title="Test chart", unit=unit, target=target)


def drawn(chart):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot(1, 1, 1)
    C.draw(ax, chart)
    lines = []  # (y, style, colour) of every horizontal line drawn with hlines
    for coll in ax.collections:
        segs = getattr(coll, "get_segments", lambda: [])()
        if not segs:
            continue
        style = coll.get_linestyle()[0]
        dashed = style[1] is not None and len(style[1]) > 0
        for seg in segs:
            if abs(seg[0][1] - seg[1][1]) < 1e-9:
                lines.append((seg[0][1], "dashed" if dashed else "solid", tuple(coll.get_color()[0][:3])))
    return ax, lines


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) / 255 for i in (1, 3, 5))


def test_limits_are_recalculated_at_a_recorded_change_with_a_mark():
    chart = chart_of(BEFORE + AFTER, rebase_at=[len(BEFORE)])
    assert chart.changes == [len(BEFORE)]
    assert [(s.start, s.end) for s in chart.segments] == [(0, 13), (14, 27)]
    assert chart.segments[0].mean < 55 < chart.segments[1].mean  # each part has its own limits
    ax, lines = drawn(chart)
    means = sorted(y for y, style, colour in lines if style == "solid" and colour == hexrgb(C.MEAN))
    assert means == pytest.approx(sorted(s.mean for s in chart.segments))
    assert len([1 for _, style, _ in lines if style == "dashed"]) == 4  # two limits for each part
    assert any(abs(line.get_xdata()[0] - (len(BEFORE) - 0.5)) < 1e-9 for line in ax.get_lines())  # the mark
    assert ax.get_ylabel() == "Per cent (%)" and ax.get_xlabel() == "Point"


def test_points_take_the_making_data_count_colours():
    rising = BEFORE + AFTER
    better_up = chart_of(rising, improvement="increase")
    better_down = chart_of(rising, improvement="decrease")
    neutral = chart_of(rising, improvement="neutral")
    special = [i for i, t in enumerate(better_up.point_types) if t != "common_cause"]
    high = [i for i in special if i >= len(BEFORE)]
    low = [i for i in special if i < len(BEFORE)]
    assert high and low  # a run below the mean, then a run above it
    # high is good when more is better (blue) and bad when less is better (orange), and the reverse
    assert {C.point_colour(better_up.point_types[i]) for i in high} == {C.BLUE}
    assert {C.point_colour(better_up.point_types[i]) for i in low} == {C.ORANGE}
    assert {C.point_colour(better_down.point_types[i]) for i in high} == {C.ORANGE}
    assert {C.point_colour(better_down.point_types[i]) for i in low} == {C.BLUE}
    assert {C.point_colour(neutral.point_types[i]) for i in special} == {C.PURPLE}
    steady = chart_of(BEFORE)
    assert steady.verdict_key == "common_cause" and C.variation_icon(steady) == "common_cause"
    assert {C.point_colour(t) for t in steady.point_types} == {C.GREY}
    assert C.variation_icon(better_up) == "improvement_high"
    assert C.variation_icon(better_down) == "concern_high"
    assert C.variation_words(neutral).startswith("special cause, neither better nor worse")


def test_percentages_are_drawn_between_0_and_100_only():
    values = [97, 99, 100, 92, 100, 99, 98, 100, 95, 100, 99, 97, 100, 98]
    chart = chart_of(values, target=95)
    assert chart.upper > 100  # the calculated limit runs past 100% ...
    ax, lines = drawn(chart)
    low, high = ax.get_ylim()
    assert 0 <= low and high <= 100  # ... but the axis stops at 100
    assert all(0 <= y <= 100 for y, _, _ in lines)
    assert any(colour == hexrgb(C.TARGET) and y == 95 for y, _, colour in lines)  # the target line
    counts = chart_of([0, 1, 0, 2, 0, 0, 1, 0, 3, 0, 0, 1, 0, 0], unit="count")
    assert counts.lower < 0 and C.display_range(counts)[0] >= 0


def test_too_few_points_make_a_run_chart_without_a_verdict():
    chart = chart_of([95, 99], target=90)
    assert not chart.enough
    assert C.variation_words(chart) == C.NOT_ENOUGH == "not enough points for a verdict"
    assert C.variation_icon(chart) == "none" and C.assurance_words(chart) == C.NOT_ENOUGH
    ax, lines = drawn(chart)
    assert C.NOT_ENOUGH in ax.get_title()
    assert not [1 for _, style, _ in lines if style == "dashed"]  # no process limits
    assert set(c for _, _, c in lines) <= {hexrgb(C.MEAN), hexrgb(C.TARGET)}


def test_icons_and_pictures_are_pngs():
    for key in ("common_cause", "improvement_high", "improvement_low", "concern_high", "concern_low",
                "neutral_high", "neutral_low", "consistent_pass", "consistent_fail", "inconsistent", "none"):
        assert C.icon_png(key)[:8] == b"\x89PNG\r\n\x1a\n"
    assert C.chart_png(chart_of(BEFORE + AFTER))[:8] == b"\x89PNG\r\n\x1a\n"


def test_indicator_results_chart_with_their_parts(demo_db):
    from evidencebot.compose import review as R

    review = R.assemble_review(demo_db, "2026/27 Q2")
    charts = [c for c in (C.Chart.from_result(r) for r in review.charts) if c]
    assert charts
    for chart in charts:
        assert len(chart.point_types) == len(chart.values)
        assert all(s.start <= s.end for s in chart.segments) and chart.segments[0].start == 0
        assert chart.segments[-1].end == len(chart.values) - 1
        assert chart.y_title and chart.x_title == "Month"
    assert any(chart.changes for chart in charts)  # the demo's dated service change


def test_spc_chart_option_writes_a_png(tmp_path):
    from evidencebot.cli import cli

    data = tmp_path / "series.txt"
    data.write_text("\n".join(str(v) for v in BEFORE + AFTER) + "\n", encoding="utf-8")
    out = tmp_path / "chart.png"
    args = ["spc", str(data), "--improvement", "increase", "--unit", "percent", "--rebase-at", "15"]
    result = CliRunner().invoke(cli, [*args, "--chart", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "Verdict:" in result.stdout
    again = CliRunner().invoke(cli, [*args, "--chart", str(out)], catch_exceptions=False)
    assert again.exit_code == 2 and "already exists" in again.stderr
    wrong = CliRunner().invoke(cli, [*args, "--chart", str(tmp_path / "chart.jpg")], catch_exceptions=False)
    assert wrong.exit_code == 2 and not (tmp_path / "chart.jpg").exists()


def test_a_chart_drawn_again_is_not_redrawn_and_any_change_is(monkeypatch):
    """A review's charts go into every copy of it (Word, HTML, the app's and the command line's export): the
    same chart at the same size is drawn once and its PNG given again; a chart differing in any field, or
    another size, is drawn."""
    monkeypatch.setattr(C, "_drawn", functools.lru_cache(maxsize=64)(C._drawn.__wrapped__))
    figures = []
    real = C._figure
    monkeypatch.setattr(C, "_figure", lambda *a: figures.append(a) or real(*a))
    chart = chart_of(BEFORE + AFTER)
    first = C.chart_png(chart)
    assert C.chart_png(chart_of(BEFORE + AFTER)) == first and len(figures) == 1  # an equal chart: not drawn
    target = chart_of(BEFORE + AFTER, target=55)
    assert C.chart_png(target) != first and len(figures) == 2
    assert C.chart_png(chart, dpi=72) != first and len(figures) == 3
    chart.title = "Another title"
    assert C.chart_png(chart) != first and len(figures) == 4


def test_the_charts_kept_are_the_most_recently_used(monkeypatch):
    monkeypatch.setattr(C, "_drawn", functools.lru_cache(maxsize=2)(C._drawn.__wrapped__))
    figures = []
    real = C._figure
    monkeypatch.setattr(C, "_figure", lambda *a: figures.append(a) or real(*a))
    monkeypatch.setattr(C, "_png", lambda fig: b"png")
    charts = [chart_of(BEFORE + AFTER, target=t) for t in (50, 55, 60)]
    C.chart_png(charts[0])
    C.chart_png(charts[1])
    C.chart_png(charts[0])  # used again: now the newest
    C.chart_png(charts[2])  # one too many: the least recently used (charts[1]) goes
    assert len(figures) == 3
    C.chart_png(charts[0])  # kept: not drawn
    C.chart_png(charts[2])
    assert len(figures) == 3
    C.chart_png(charts[1])  # gone: drawn again
    assert len(figures) == 4
