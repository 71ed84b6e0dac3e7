"""CompareTable: repositories as columns, facts as aligned rows, best and worst highlighted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tui.analysis.report import RepoReport
from tui.widgets.compare_rows import CompareRow, compare_rows
from tui.widgets.language_bar import bar_text, percent, share_color
from tui.widgets.safe_text import clean, safe_text

BAR_WIDTH = 18
"""Cells of each column's language bar."""


def _now() -> datetime:
    return datetime.now(UTC)


def languages_cell(report: RepoReport) -> Text:
    """A short language bar with the top two languages under it."""
    if report.languages is None:
        return Text.assemble(bar_text((), BAR_WIDTH), "\n", ("loading…", "dim"))
    text = bar_text(report.languages, BAR_WIDTH)
    text.append("\n")
    for share in report.languages[:2]:
        text.append("● ", style=share_color(share))
        text.append(f"{clean(share.name)[:10]} {percent(share)} ")
    return text


class CompareTable(DataTable[Text]):
    """The comparison grid; ``current`` is the column (repository) the keys act on."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare-table--best",
        "compare-table--worst",
        "compare-table--group",
        "compare-table--current",
        "compare-table--current-cell",
    }
    """Best/worst values, section headings, and the current column's header and cells."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous column", show=False, id="compare.previous",
                tooltip="Make the column on the left current"),
        Binding("right", "move(1)", "Next column", show=False, id="compare.next",
                tooltip="Make the column on the right current"),
        Binding("enter", "choose", "Open", show=False, id="compare.choose",
                tooltip="Open the current column's detail"),
    ]  # fmt: skip
    """Column movement replaces the cell cursor, which would paint over the language bars."""

    @dataclass
    class ColumnChosen(Message):
        """Enter (or a click on a header) chose a repository."""

        index: int
        """The chosen column, 0-based among the repositories."""

    def __init__(self, *, clock: Callable[[], datetime] = _now, id: str | None = None) -> None:
        """Create an empty grid; ``clock`` gives "now" for ages."""
        super().__init__(id=id, cursor_type="none", fixed_columns=1, zebra_stripes=True)
        self._clock = clock
        self.current = 0
        self.reports: list[RepoReport] = []
        self.rows_shown: list[CompareRow] = []

    def show(self, reports: list[RepoReport], focus_column: int | None = None) -> None:
        """Rebuild the grid for ``reports`` (left to right), maybe moving the current column."""
        self.reports = list(reports)
        if focus_column is not None:
            self.current = focus_column
        self.current = max(0, min(self.current, len(reports) - 1))
        scroll = self.scroll_offset
        self.clear(columns=True)
        self.add_column(Text(""), key="label")
        current = self.get_component_rich_style("compare-table--current")
        for i, report in enumerate(reports):
            header = safe_text(report.info.full_name, "bold")
            if i == self.current:
                header.stylize(current)
            self.add_column(header, key=report.info.full_name)
        self.rows_shown = compare_rows(self.reports, self._clock())
        self._add_rows()
        self.scroll_to(scroll.x, scroll.y, animate=False)

    def _add_rows(self) -> None:
        rows: list[tuple[str, list[Text], int]] = []
        group = "repository"
        for row in self.rows_shown:
            if row.group != group and row.group.startswith("frameworks"):
                group = row.group
                style = self.get_component_rich_style("compare-table--group")
                heading = Text(clean(group), style=style)
                rows.append((f"group:{group}", [heading, *[Text("") for _ in self.reports]], 1))
            rows.append((row.key, self._cells(row), 1))
            if row.key == "primary_language":
                cells = [languages_cell(r) for r in self.reports]
                rows.append(("languages", [Text("Languages"), *cells], 2))
        self._mark_current([cells for _, cells, _ in rows])
        for key, cells, height in rows:
            self.add_row(*cells, key=key, height=height)

    def _cells(self, row: CompareRow) -> list[Text]:
        best = self.get_component_rich_style("compare-table--best")
        worst = self.get_component_rich_style("compare-table--worst")
        cells = [Text(row.label, end="")]
        for i, value in enumerate(row.values):
            style = best if i in row.best else worst if i in row.worst else ""
            cells.append(Text(value, style=style, end=""))
        return cells

    def _mark_current(self, rows: list[list[Text]]) -> None:
        """Tint the current column's cells, padded to one width so the tint is a clean stripe."""
        column = self.current + 1
        cells = [cells[column] for cells in rows if column < len(cells)]
        width = max((len(line) for cell in cells for line in cell.plain.split("\n")), default=0)
        tint = self.get_component_rich_style("compare-table--current-cell")
        for cell in cells:
            lines = cell.split("\n")
            for line in lines:
                line.pad_right(width - len(line))
            padded = Text("\n").join(lines)
            # background only, so the language colours in the cell survive
            padded.stylize_before(tint)
            cell.truncate(0)
            cell.append_text(padded)

    @property
    def current_index(self) -> int | None:
        """The repository (0-based) the keys act on, if any."""
        return self.current if 0 <= self.current < len(self.reports) else None

    def action_move(self, step: int) -> None:
        """Make the previous or next column current."""
        target = self.current + step
        if 0 <= target < len(self.reports):
            self.show(self.reports, target)

    def action_choose(self) -> None:
        """Open the current column."""
        if self.current_index is not None:
            self.post_message(self.ColumnChosen(self.current))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a repository's header makes it current."""
        event.stop()
        if event.column_index > 0:
            self.show(self.reports, event.column_index - 1)
