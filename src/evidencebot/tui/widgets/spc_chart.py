"""An SPC (XmR) chart in the terminal, drawn with textual-plotext.

The widget only draws a :class:`~evidencebot.assistant.indicator_views.ChartData`
prepared by the core: the monthly values, the mean and the process limits.
"""

from __future__ import annotations

from textual_plotext import PlotextPlot


class SPCChart(PlotextPlot):
    DEFAULT_CSS = """
    SPCChart { height: 12; min-height: 8; }
    """

    def __init__(self, chart=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart = chart

    def on_mount(self) -> None:
        self.replot()

    def set_chart(self, chart) -> None:
        self.chart = chart
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_data()
        chart = self.chart
        if chart is None or not chart.plottable:
            plt.title("no monthly series to chart" if chart is None else f"{chart.title}: too few months to chart")
            self.refresh()
            return
        xs = [i + 1 for i, v in enumerate(chart.values) if v is not None]
        ys = [v for v in chart.values if v is not None]
        n = len(chart.values)
        low, high = chart.display_range()
        plt.plot(xs, ys, marker="braille", color="gray")
        mdc = getattr(chart, "mdc", None)
        if mdc is not None:  # the same chart as Word and HTML: compose.charts
            _draw_mdc(plt, mdc, low, high)
        else:
            plt.scatter(xs, ys, marker="dot", color="cyan")
            if chart.mean is not None:
                plt.hline(chart.mean, "green")
            for limit in (chart.lower, chart.upper):
                if limit is not None and low <= limit <= high:
                    plt.hline(limit, "red")
        plt.ylim(low, high)
        step = max(1, n // 4)
        ticks = list(range(1, n + 1, step))
        plt.xticks(ticks, [chart.labels[i - 1] for i in ticks])
        plt.xlim(0.5, n + 0.5)
        verdict = chart.verdict
        if mdc is not None and not mdc.enough:
            from evidencebot.compose.charts import NOT_ENOUGH

            verdict = NOT_ENOUGH
        plt.title(f"{chart.title} — {verdict}" if verdict else chart.title)
        self.refresh()


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _draw_mdc(plt, mdc, low: float, high: float) -> None:
    """Points in Making Data Count colours, mean and limits per part, target (compose.charts)."""
    from evidencebot.compose import charts as C

    for i, v in enumerate(mdc.values):
        if v is not None:
            kind = mdc.point_types[i] if mdc.enough and i < len(mdc.point_types) else None
            plt.scatter([i + 1], [v], marker="dot", color=_rgb(C.point_colour(kind)))
    if mdc.enough:
        for seg in mdc.segments:
            xs = [seg.start + 1, seg.end + 1]
            if seg.mean is not None:
                plt.plot(xs, [seg.mean] * 2, color="white")
            for limit in (seg.lower, seg.upper):
                if limit is not None and low <= limit <= high:
                    plt.plot(xs, [limit] * 2, color=_rgb(C.LIMITS))
        for at in mdc.changes:
            plt.vline(at + 0.5, "white")
    if mdc.target is not None and low <= mdc.target <= high:
        plt.hline(mdc.target, _rgb(C.TARGET))
