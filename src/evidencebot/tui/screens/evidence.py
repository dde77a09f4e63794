"""The evidence browser: indicators by domain with an SPC chart, and story search."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.lazy import Lazy
from textual.widgets import (
    Button,
    DataTable,
    Header,
    Input,
    Markdown,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from rich.text import Text
from textual.widgets.option_list import Option

from evidencebot.tui.base import SubScreen
from evidencebot.tui.messages import IndicatorsLoaded, StoriesFound, StoryPreview
from evidencebot.tui.widgets.spc_chart import SPCChart
from evidencebot.tui.widgets.footer import Footer
from evidencebot.tui.widgets.line_input import LineInput

DOMAIN_CHOICES = [("All domains", ""), ("Safety", "safety"), ("Stability", "stability"), ("Experience", "experience")]


class EvidenceScreen(SubScreen):
    def __init__(self) -> None:
        super().__init__()
        self._charts: dict = {}
        self._hits: list = []

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="tab-indicators", id="evidence-tabs"):
            with TabPane("Indicators", id="tab-indicators"):
                with Horizontal(id="ev-controls"):
                    yield LineInput(placeholder="period, e.g. 2025/26 Q3 (Enter)", id="ev-period")
                    yield Select(DOMAIN_CHOICES, value="", allow_blank=False, id="ev-domain")
                yield Static("", id="ev-caption", classes="caption", markup=False)
                yield DataTable(id="ev-table", cursor_type="row", zebra_stripes=True)
                yield SPCChart(id="ev-chart")
            with TabPane("Stories", id="tab-stories"):
                yield Lazy(Vertical(
                    LineInput(placeholder="search stories: words, \"a phrase\" (as you type)", id="story-query"),
                    Horizontal(
                        OptionList(id="story-hits"),
                        Markdown("", id="story-preview"),
                        id="story-panes",
                    ),
                    Button("Use in draft", id="story-use", variant="primary"),
                    id="story-browser",
                ))
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#ev-table", DataTable)
        table.add_columns("indicator", "value", "95% CI", "before", "SPC verdict")
        table.loading = True
        state = self.app.conversation.state
        if state.period:
            self.query_one("#ev-period", Input).value = state.period
        self._load(state.period, "")

    # ------------------------------------------------------------ indicators

    def _reload(self) -> None:
        period = self.query_one("#ev-period", Input).value.strip() or None
        domain = self.query_one("#ev-domain", Select).value or ""
        self.query_one("#ev-table", DataTable).loading = True
        self._load(period, domain)

    @on(Input.Submitted, "#ev-period")
    def _period_given(self, event: Input.Submitted) -> None:
        self._reload()

    @on(Select.Changed, "#ev-domain")
    def _domain_chosen(self, event: Select.Changed) -> None:
        if self.is_mounted and self.query_one("#ev-table", DataTable).columns:
            self._reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="indicators", description="Computing indicators")
    def _load(self, period_text: str | None, domain: str) -> None:
        from evidencebot.assistant import indicator_views as views
        from evidencebot.assistant.screen_services import indicator_table

        table = indicator_table(self.app.conversation, period_text, domain)
        period, selection, results = table.period, table.selection, table.results
        cat = views.catalogue()
        rows = views.rows(results, cat)
        charts = {r.id: views.chart_data(r, cat) for r in results}
        caption = f"{selection.heading} · {period.describe()} · before: {period.previous().label}"
        if table.note:
            caption += f"\n{table.note}"
        self.post_message(IndicatorsLoaded(period.label, caption, rows, charts))

    @on(IndicatorsLoaded)
    def _loaded(self, message: IndicatorsLoaded) -> None:
        table = self.query_one("#ev-table", DataTable)
        table.loading = False
        table.clear()
        self._charts = message.charts
        for row in message.rows:
            table.add_row(row.title, row.value, row.ci, row.before, row.verdict, key=row.id)
        self.query_one("#ev-caption", Static).update(message.period_text)
        self.app.conversation.state.period = message.period
        if message.rows:
            table.move_cursor(row=0)
            self.query_one("#ev-chart", SPCChart).set_chart(self._charts.get(message.rows[0].id))

    @on(DataTable.RowHighlighted, "#ev-table")
    def _row(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value if event.row_key is not None else None
        if key in self._charts:
            self.query_one("#ev-chart", SPCChart).set_chart(self._charts[key])

    def worker_failed(self, worker) -> None:
        if worker.group == "indicators":
            self.query_one("#ev-table", DataTable).loading = False
            self.query_one("#ev-caption", Static).update(f"Could not compute indicators: {worker.error}")

    # ------------------------------------------------------------ stories

    @on(TabbedContent.TabActivated, "#evidence-tabs")
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-stories":
            self.call_after_refresh(self._start_stories)

    def _start_stories(self) -> None:
        try:
            query = self.query_one("#story-query", Input)
        except NoMatches:
            self.set_timer(0.05, self._start_stories)  # the Lazy pane is still mounting
            return
        query.focus()
        if not self._hits:
            self._search(query.value)

    @on(Input.Changed, "#story-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-search", description="Searching stories")
    def _search(self, query: str) -> None:
        from evidencebot.assistant.screen_services import find_stories

        hits = find_stories(self.app.conversation, query, limit=30)
        self.post_message(StoriesFound(query, hits))

    @on(StoriesFound)
    def _found(self, message: StoriesFound) -> None:
        if message.query != self.query_one("#story-query", Input).value:
            return  # typed since: a newer search is on its way
        self._hits = message.hits
        options = self.query_one("#story-hits", OptionList)
        options.clear_options()
        for h in message.hits:
            mark = "✓" if h.external_ok else "✗"
            options.add_option(Option(Text(f"{mark} {h.title}"), id=h.story_id))
        if message.hits:
            options.highlighted = 0
        else:
            self.query_one("#story-preview", Markdown).update("_No stories match._")

    @on(Button.Pressed, "#story-use")
    def _use_in_draft(self, event: Button.Pressed) -> None:
        self._use_highlighted()

    @on(OptionList.OptionSelected, "#story-hits")
    def _story_chosen(self, event: OptionList.OptionSelected) -> None:
        self._use_highlighted()

    def _use_highlighted(self) -> None:
        options = self.query_one("#story-hits", OptionList)
        if options.highlighted is None:
            self.notify("Search for a story first.", severity="warning", timeout=4)
            return
        story_id = options.get_option_at_index(options.highlighted).id
        self.app.ask(f"/use story {story_id}")

    @on(OptionList.OptionHighlighted, "#story-hits")
    def _preview_story(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._preview(event.option.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-reader", description="Opening the story")
    def _preview(self, story_id: str) -> None:
        from evidencebot.assistant.screen_services import story_preview

        self.post_message(StoryPreview(story_id, story_preview(self.app.conversation, story_id)))

    @on(StoryPreview)
    def _show_preview(self, message: StoryPreview) -> None:
        self.query_one("#story-preview", Markdown).update(message.markdown)
