"""An SPC (XmR) chart in the terminal, drawn with textual-plotext.

The widget only draws a :class:`~evidencebot.assistant.evidence.ChartData`
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
        plt.plot(xs, ys, marker="braille", color="cyan")
        plt.scatter(xs, ys, marker="dot", color="cyan")
        n = len(chart.values)
        low, high = chart.display_range()
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
        plt.title(f"{chart.title} — {chart.verdict}" if chart.verdict else chart.title)
        self.refresh()
