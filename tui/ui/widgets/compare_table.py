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
from tui.present.categories import category_label
from tui.present.compare_rows import CompareRow, compare_rows
from tui.present.format import display_name
from tui.textsafe import one_line
from tui.ui.widgets.language_bar import bar_text, percent, share_color
from tui.ui.widgets.safe_text import safe_text

LABEL_WIDTH = 18
"""Cells of the row labels (framework names and group headings longer than this end in …)."""

COLUMN_WIDTH = (15, 48)
"""The narrowest and widest a repository's column gets: 3 share 100 cells, 6 scroll sideways,
and a wide terminal's width is used rather than left blank."""

PADDING = 1
"""Blank cells each side of every cell."""


def _now() -> datetime:
    return datetime.now(UTC)


def fit(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` cells per line, ending in … where it was cut."""
    lines = text.split("\n", allow_blank=True)
    for line in lines:
        line.truncate(width, overflow="ellipsis")
    return Text("\n", end="").join(lines)


def column_width(available: int, columns: int) -> int:
    """How wide each repository's column is when ``columns`` share ``available`` cells."""
    share = (available - LABEL_WIDTH - 2 * PADDING) // max(columns, 1) - 2 * PADDING
    low, high = COLUMN_WIDTH
    return max(low, min(high, share))


def tail(text: str, width: int) -> str:
    """``text`` cut to its last ``width`` cells, starting with … where it was cut (paths)."""
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def header_text(full_name: str, width: int) -> Text:
    """A column's header: the name in bold; a checkout's folder name over its dim path."""
    title, path = display_name(full_name)
    header = fit(safe_text(title, "bold"), width)
    if path is not None:
        header.append_text(Text.assemble("\n", (tail(one_line(path), width), "dim")))
    return header


def languages_cell(report: RepoReport, width: int) -> Text:
    """A language bar ``width`` cells wide with the top languages that fit under it."""
    if report.languages is None:
        return Text.assemble(bar_text((), width), "\n", ("loading…", "dim"))
    legend = Text(end="")
    for n, share in enumerate(report.languages[:3]):
        entry = Text.assemble(
            ("● ", share_color(share)), f"{one_line(share.name)} {percent(share)}"
        )
        if n and legend.cell_len + 1 + entry.cell_len > width:
            break  # the next language does not fit: leave it out rather than cut it
        legend.append_text(Text.assemble(" " if n else "", entry))
    return Text("\n", end="").join([bar_text(report.languages, width), fit(legend, width)])


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
        Binding("enter", "choose", "Open", id="compare.choose",
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
        super().__init__(
            id=id, cursor_type="none", fixed_columns=1, zebra_stripes=True, cell_padding=PADDING
        )
        self._clock = clock
        self.current = 0
        self.width_each = COLUMN_WIDTH[1]
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
        self.width_each = column_width(self._available(), len(reports))
        self.add_column(Text(""), key="label", width=LABEL_WIDTH)
        current = self.get_component_rich_style("compare-table--current")
        headers = [header_text(r.info.full_name, self.width_each) for r in reports]
        # a checkout's path goes under its folder name: the header grows a line for it
        self.header_height = max((len(h.split("\n")) for h in headers), default=1)
        for i, (report, header) in enumerate(zip(reports, headers, strict=True)):
            if i == self.current:
                header.stylize(current)
            self.add_column(header, key=report.info.full_name, width=self.width_each)
        self.rows_shown = compare_rows(self.reports, self._clock())
        self._add_rows()
        self.scroll_to(self._scroll_x_showing_current(scroll.x), scroll.y, animate=False)

    def _scroll_x_showing_current(self, x: float) -> float:
        """The horizontal scroll nearest ``x`` that shows the whole current column."""
        step = self.width_each + 2 * PADDING
        start = self.current * step  # from the end of the fixed label column
        visible = self._available() - LABEL_WIDTH - 2 * PADDING
        if start < x:
            return start
        return max(x, start + step - visible)

    def _add_rows(self) -> None:
        rows: list[tuple[str, list[Text], int]] = []
        group = "repository"
        for row in self.rows_shown:
            if row.group != group and row.group.startswith("frameworks"):
                group = row.group
                rows.append((f"group:{group}", self._heading(group), 1))
            rows.append((row.key, self._cells(row), 2 if row.key == "verdict" else 1))
            if row.key == "primary_language":
                cells = [languages_cell(r, self.width_each) for r in self.reports]
                rows.append(("languages", [Text("Languages"), *cells], 2))
        self._mark_current([cells for _, cells, _ in rows])
        for key, cells, height in rows:
            self.add_row(*cells, key=key, height=height)

    def _heading(self, group: str) -> list[Text]:
        """A section row: ``frameworks: web-backend`` reads ``fw · web back end`` in the labels
        (the category named as the detail and the census name it)."""
        style = self.get_component_rich_style("compare-table--group")
        name = one_line(group)
        if name.startswith("frameworks: "):
            category = name.removeprefix("frameworks: ")
            name = f"fw · {category_label(category)}"
        return [fit(Text(name, style=style), LABEL_WIDTH), *[Text("") for _ in self.reports]]

    def _cells(self, row: CompareRow) -> list[Text]:
        best = self.get_component_rich_style("compare-table--best")
        worst = self.get_component_rich_style("compare-table--worst")
        cells = [fit(Text(row.label, end=""), LABEL_WIDTH)]
        for i, value in enumerate(row.values):
            style = best if i in row.best else worst if i in row.worst else ""
            cells.append(fit(Text(value, style=style, end=""), self.width_each))
        return cells

    def _mark_current(self, rows: list[list[Text]]) -> None:
        """Tint the current column's cells, padded to one width so the tint is a clean stripe."""
        column = self.current + 1
        cells = [cells[column] for cells in rows if column < len(cells)]
        width = self.width_each
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

    def _available(self) -> int:
        """Cells the grid may fill without scrolling sideways."""
        width = self.scrollable_content_region.width or self.app.size.width - 2
        return width - 2  # room for the vertical scrollbar

    def on_resize(self) -> None:
        """Share the new width among the columns."""
        if self.reports and column_width(self._available(), len(self.reports)) != self.width_each:
            self.show(self.reports)

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
