"""CompareScreen: 2 to 6 repositories side by side, with a language composition chart."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from tui.analysis.report import RepoInfo, RepoReport
from tui.present.compare_export import export_comparison
from tui.present.compare_rows import BETTER_HIGHER, SHORT_LEGEND, best_first, compare_rows
from tui.textsafe import one_line
from tui.ui.messages import OpenRepo
from tui.ui.screens.base import RepoLensScreen
from tui.ui.screens.context import Context, completeness, default_export_dir
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from tui.ui.widgets.charts import CompareChart


class CompareScreen(RepoLensScreen):
    """Repositories as columns; rows aligned; keys to reorder, remove, open and export."""

    TITLE_TEXT = "compare"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="compare.back", tooltip="Back to the search"),
        Binding("enter", "open_detail", "Open", id="compare.open", tooltip="Open this column"),
        Binding("x,delete", "remove_column", "Remove", id="compare.remove",
                tooltip="Remove this column"),
        Binding("less_than_sign,shift+left", "move_column(-1)", "Move ←", id="compare.move_left",
                tooltip="Move this column left"),
        Binding("greater_than_sign,shift+right", "move_column(1)", "Move →",
                id="compare.move_right", tooltip="Move this column right"),
        Binding("m", "export('markdown')", "Markdown", id="compare.export_markdown",
                tooltip="Export the comparison as Markdown"),
        Binding("j", "export('json')", "JSON", id="compare.export_json",
                tooltip="Export the comparison as JSON"),
        Binding("o", "open_browser", "Browser", id="compare.browser", tooltip="Open on GitHub",
                show=False),
        Binding("s", "sort_columns", "Sort", id="compare.sort",
                tooltip="Order the columns best first by stars, forks, issues, age, last push"),
    ]  # fmt: skip
    """Compare screen keys; the ids are the names users remap."""

    def __init__(self, context: Context, repos: tuple[RepoInfo, ...]) -> None:
        """Compare ``repos`` (left to right)."""
        super().__init__(context)
        self.reports: list[RepoReport] = [
            context.reports.get(r.full_name) or RepoReport(r) for r in repos
        ]
        self._chart: CompareChart | None = None
        self._sort_key: str | None = None  # the row ``s`` last ordered the columns by

    def compose(self) -> ComposeResult:
        """Status bar, the grid, a slot for the chart, footer."""
        yield self.status_bar()
        table = CompareTable(clock=self.context.clock, id="compare")
        table.border_subtitle = SHORT_LEGEND  # what the framework marks mean, under the matrix
        yield table
        with Vertical(id="compare-chart"):
            yield Static(id="composition-legend")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Draw what is known, mount the chart, and load every column."""
        from tui.ui.widgets.charts import CompareChart  # plotext loads on first use

        self._chart = CompareChart(id="composition")
        chart_slot = self.query_one("#compare-chart", Vertical)
        chart_slot.mount(self._chart, before=self.query_one("#composition-legend"))
        self._redraw(focus_column=0)
        self.query_one(CompareTable).focus()
        for report in self.reports:
            if completeness(report) < 2:
                self.load_column(report.info)

    SHORT_BELOW = 32
    """Terminal rows under which the chart gives its room to the grid."""

    def on_resize(self) -> None:
        """Hide the chart on short terminals (compare.tcss)."""
        self.set_class(self.size.height < self.SHORT_BELOW, "-short")

    @work(group="compare", exit_on_error=False)
    async def load_column(self, info: RepoInfo) -> None:
        """Fill one column in as its answers arrive."""
        async for report in self.source.report(info.full_name, hint=info):
            self.context.remember(report)
            for i, shown in enumerate(self.reports):
                if shown.info.full_name == info.full_name:
                    self.reports[i] = report
            self._redraw()

    def _redraw(self, focus_column: int | None = None) -> None:
        self.query_one(CompareTable).show(self.reports, focus_column)
        self.set_stale(any(r.source.stale for r in self.reports))
        if self._chart is not None:
            from tui.ui.widgets.charts import chart_languages, chart_legend  # loaded with the chart

            columns = [(r.info.full_name, r.languages or ()) for r in self.reports]
            self._chart.show(columns)
            legend = chart_legend(chart_languages(columns))
            self.query_one("#composition-legend", Static).update(legend)

    @property
    def current(self) -> RepoInfo | None:
        """The repository under the column cursor."""
        index = self.query_one(CompareTable).current_index
        return None if index is None else self.reports[index].info

    def action_back(self) -> None:
        """Return to the search."""
        self.dismiss()

    def on_compare_table_column_chosen(self) -> None:
        """Enter on the grid opens the current column."""
        self.action_open_detail()

    def action_open_detail(self) -> None:
        """Open the repository under the column cursor full screen."""
        info = self.current
        if info is not None:
            self.post_message(OpenRepo(info.full_name, info))

    def action_remove_column(self) -> None:
        """Drop the column under the cursor (the last one stays)."""
        index = self.query_one(CompareTable).current_index
        if index is None or len(self.reports) <= 1:
            self.app.bell()
            return
        removed = self.reports.pop(index)
        self.context.unmark(removed.info.full_name)  # out of the comparison, out of the marks
        self._redraw(focus_column=min(index, len(self.reports) - 1))
        self.notify(f"Removed {one_line(removed.info.full_name)}", markup=False)

    def action_sort_columns(self) -> None:
        """Order the columns best first by the next of stars, forks, issues, age, last push."""
        keys = list(BETTER_HIGHER)
        self._sort_key = keys[(keys.index(self._sort_key) + 1) % len(keys) if self._sort_key else 0]
        rows = compare_rows(self.reports, self.context.clock())
        row = next(r for r in rows if r.key == self._sort_key)
        current = self.current
        self.reports = [self.reports[i] for i in best_first(row)]
        names = [r.info.full_name for r in self.reports]
        focus = names.index(current.full_name) if current else 0
        self._redraw(focus_column=focus)
        self.notify(f"Columns by {row.label.lower()}, best first", markup=False)

    def action_move_column(self, step: int) -> None:
        """Swap the column under the cursor with its neighbour."""
        index = self.query_one(CompareTable).current_index
        if index is None or not 0 <= index + step < len(self.reports):
            self.app.bell()
            return
        reports = self.reports
        reports[index], reports[index + step] = reports[index + step], reports[index]
        self._redraw(focus_column=index + step)

    def action_export(self, fmt: str) -> None:
        """Export the comparison (``markdown`` or ``json``) to the export directory."""
        self.write_export(list(self.reports), fmt)

    @work(thread=True, group="export", exit_on_error=False)
    def write_export(self, reports: list[RepoReport], fmt: str) -> None:
        """Write the file off the event loop and say where it went."""
        ctx = self.context
        try:
            directory = ctx.export_dir or default_export_dir()
            path = export_comparison(reports, fmt, directory, ctx.clock())
        except OSError as exc:  # a full disk or a read-only directory is the user's to fix
            message, severity = f"Export failed: {exc}", "error"
        else:
            message, severity = f"Exported to {path}", "information"
        self.app.call_from_thread(self.notify, one_line(message), severity=severity, markup=False)

    def action_open_browser(self) -> None:
        """Open the repository under the cursor on GitHub."""
        self.open_in_browser(self.current)
