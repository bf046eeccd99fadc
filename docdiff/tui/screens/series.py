"""The Series screen (`5`): the timeline of the series the compared documents belong to —
targets with a text chart of the highlighted one, phrases, projects and section lineage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, LoadingIndicator, Static, TabbedContent, TabPane

from docdiff.errors import DocdiffError
from docdiff.report.timeline import Grid, phrase_grid, project_grid, section_grid, target_grid, unicode_chart
from docdiff.store.store import Store
from docdiff.timeline.build import timeline
from docdiff.timeline.models import Timeline


@dataclass
class TimelineReady(Message):
    """The timeline was built."""

    timeline: Timeline


@dataclass
class TimelineFailed(Message):
    """The timeline could not be built (no series, one version, unreadable store)."""

    error: str


class SeriesScreen(Screen[None]):
    """Build a series' timeline in a worker, then show its tables and a chart."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("5", "app.pop_screen", "Back", show=False),
    ]
    DEFAULT_CSS = """
    SeriesScreen #series-chart { height: auto; padding: 0 1; }
    SeriesScreen DataTable { height: 1fr; }
    """

    def __init__(self, series: str | None, store: Store | None = None) -> None:
        super().__init__()
        self.series, self.store = series, store
        self.timeline: Timeline | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Series {self.series or '?'}: following every version…"), id="series-title")
        with TabbedContent(id="series-tabs"):
            with TabPane("Targets", id="series-targets"):
                yield Static("", id="series-chart")
                yield DataTable(id="targets-table", cursor_type="row")
            with TabPane("Phrases", id="series-phrases"):
                yield DataTable(id="phrases-table", cursor_type="row")
            with TabPane("Projects", id="series-projects"):
                yield DataTable(id="projects-table", cursor_type="row")
            with TabPane("Sections", id="series-sections"):
                yield DataTable(id="sections-table", cursor_type="row")
        yield LoadingIndicator(id="series-loading")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#series-tabs").display = False
        if self.series is None:
            self.post_message(TimelineFailed("the compared documents are in no series of the store"))
        else:
            self.build()

    @work(thread=True, exclusive=True, group="timeline")
    def build(self) -> None:
        """Build the timeline off the UI thread; only posts messages."""
        assert self.series is not None
        try:
            self.post_message(TimelineReady(timeline(self.series, store=self.store)))
        except (DocdiffError, OSError) as exc:
            self.post_message(TimelineFailed(str(exc)))

    def on_timeline_ready(self, message: TimelineReady) -> None:
        self.timeline = message.timeline
        self.query_one("#series-loading").display = False
        self.query_one("#series-tabs").display = True
        years = message.timeline.years
        self.query_one("#series-title", Static).update(
            Text(f"Series {message.timeline.series}: {len(years)} versions, {years[0]}–{years[-1]}", style="bold")
        )
        for table_id, grid in (
            ("#targets-table", target_grid(message.timeline)),
            ("#phrases-table", phrase_grid(message.timeline)),
            ("#projects-table", project_grid(message.timeline)),
            ("#sections-table", section_grid(message.timeline)),
        ):
            _fill(self.query_one(table_id, DataTable), grid)
        self._chart(0)
        self.query_one("#targets-table", DataTable).focus()

    def on_timeline_failed(self, message: TimelineFailed) -> None:
        self.query_one("#series-loading").display = False
        self.query_one("#series-title", Static).update(Text(f"No timeline: {message.error}", style="bold red"))

    @on(DataTable.RowHighlighted, "#targets-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._chart(event.cursor_row)

    def _chart(self, row: int) -> None:
        if self.timeline is None or not self.timeline.targets:
            return
        target = self.timeline.targets[min(row, len(self.timeline.targets) - 1)]
        self.query_one("#series-chart", Static).update(Text("\n".join(unicode_chart(target, self.timeline.years))))


def _fill(table: DataTable[Text], grid: Grid) -> None:
    """Cells as Text: document text is shown as data, never read as markup."""
    header, rows = grid
    table.clear(columns=True)
    table.add_columns(*header)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
