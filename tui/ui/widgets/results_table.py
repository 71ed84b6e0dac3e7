"""ResultsTable: one page of search results; posts ``RepoHighlighted`` as the cursor moves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tui.analysis.report import RepoInfo
from tui.present.format import UNKNOWN, age, count, language_color
from tui.ui.widgets.safe_text import safe_text

COLUMNS = (
    ("mark", " "),
    ("name", "Repository"),
    ("stars", "★"),
    ("forks", "Forks"),
    ("language", "Language"),
    ("pushed", "Pushed"),
    ("description", "Description"),
)


NAME_WIDTH = 24
"""Cells of the longest name shown whole; longer ones end in … so the other columns stay in view."""

DESCRIPTION_WIDTH = (20, 120)
"""The narrowest and widest the description column gets: it takes the width the other columns
leave, and a description longer than that ends in … (not cut mid-word by the table's edge)."""


def fit(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` cells, ending in … where it was cut."""
    text.truncate(width, overflow="ellipsis")
    return text


def _now() -> datetime:
    return datetime.now(UTC)


def language_cell(language: str | None) -> Text:
    """``● Python`` with the dot in the language's GitHub colour."""
    if not language:
        return Text(UNKNOWN, style="dim", end="")
    return Text.assemble(("● ", language_color(language)), safe_text(language))


class ResultsTable(DataTable[Text]):
    """Search results, one row per repository, keyed by ``owner/name``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="search.open_row",
                tooltip="Open the repository under the cursor full screen"),
        Binding("home", "first_row", "First", id="search.first_row", show=False,
                tooltip="Go to the first result"),
        Binding("end", "last_row", "Last", id="search.last_row", show=False,
                tooltip="Go to the last result"),
    ]  # fmt: skip
    """Enter is the table's own key; listing it here shows it in the footer."""

    def action_first_row(self) -> None:
        """Move the cursor to the first row (DataTable's Home only scrolls)."""
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Move the cursor to the last row."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    @dataclass
    class RepoHighlighted(Message):
        """The cursor is on a repository (posted for every move, newest wins)."""

        info: RepoInfo
        """The highlighted repository as the search described it."""
        neighbours: tuple[RepoInfo, ...]
        """The rows just below and above it, nearest first (candidates for prefetch)."""

        def can_replace(self, message: Message) -> bool:
            """Holding an arrow key produces a burst; only where the cursor lands matters."""
            return isinstance(message, ResultsTable.RepoHighlighted)

    def __init__(self, *, clock: Callable[[], datetime] = _now, id: str | None = None) -> None:
        """Create an empty table; ``clock`` gives "now" for the last-push column."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._clock = clock
        self.repos: list[RepoInfo] = []
        self.marked: set[str] = set()
        self.pending: set[str] = set()  # framework: could not judge these yet: marked ?
        self._fitted = False  # the descriptions are cut to the column's current width

    def on_mount(self) -> None:
        """Add the columns; the description's width is set, the others fit their cells."""
        for key, label in COLUMNS:
            width = DESCRIPTION_WIDTH[1] if key == "description" else None
            self.add_column(label, key=key, width=width)

    def _description_width(self) -> int:
        """What the other columns leave of the table's width, within ``DESCRIPTION_WIDTH``."""
        available = self.scrollable_content_region.width
        if available <= 0:  # not laid out yet: on_resize fits it
            return DESCRIPTION_WIDTH[1]
        others = sum(
            column.get_render_width(self)
            for key, column in self.columns.items()
            if key != "description"
        )
        left = available - others - 2 * self.cell_padding
        return max(DESCRIPTION_WIDTH[0], min(DESCRIPTION_WIDTH[1], left))

    def _fit_descriptions(self) -> None:
        """Give the description column the width left, its cells cut to it with …."""
        column = self.columns.get(ColumnKey("description"))
        if column is None:
            return
        width = self._description_width()
        if width == column.width and self._fitted:
            return
        column.width = width
        self._fitted = True
        for repo in self.repos:
            text = fit(safe_text(repo.description), width)
            self.update_cell(repo.full_name, "description", text, update_width=True)

    def on_resize(self) -> None:
        """A new width: the descriptions take what the other columns leave."""
        self._fit_descriptions()

    def show(self, repos: tuple[RepoInfo, ...]) -> None:
        """Replace the rows with ``repos`` and put the cursor on the first one."""
        self.repos = list(repos)
        self.clear()
        now = self._clock()
        for repo in repos:
            self.add_row(*self._cells(repo, now), key=repo.full_name)
        self._fitted = False
        self.call_after_refresh(self._fit_descriptions)  # once the other columns have widths
        if repos:
            self.move_cursor(row=0)
            self._post_highlight(0)

    def _mark(self, name: str) -> Text:
        """``●`` marked for comparison, else ``?`` when ``framework:`` could not judge it yet."""
        if name in self.marked:
            return Text("●", style="bold", end="")
        return Text("?" if name in self.pending else " ", style="bold", end="")

    def _cells(self, repo: RepoInfo, now: datetime) -> list[Text]:
        mark = self._mark(repo.full_name)
        badges = (" ⌂" if repo.archived else "") + (" ⑂" if repo.fork else "")
        return [
            mark,
            Text.assemble(fit(safe_text(repo.full_name, "bold"), NAME_WIDTH), (badges, "dim")),
            Text(count(repo.stars), justify="right", end=""),
            Text(count(repo.forks), justify="right", end=""),
            language_cell(repo.primary_language),
            Text(age(repo.pushed_at, now), end=""),
            fit(safe_text(repo.description), DESCRIPTION_WIDTH[1]),
        ]

    @property
    def current(self) -> RepoInfo | None:
        """The repository under the cursor."""
        if not self.repos or not 0 <= self.cursor_row < len(self.repos):
            return None
        return self.repos[self.cursor_row]

    def set_marked(self, names: set[str]) -> None:
        """Show a mark in the first column of every repository in ``names``."""
        self.marked = set(names)
        for repo in self.repos:
            self.update_cell(repo.full_name, "mark", self._mark(repo.full_name))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Translate the row into the repository it shows."""
        event.stop()
        self._post_highlight(event.cursor_row)

    def _post_highlight(self, row: int) -> None:
        if not 0 <= row < len(self.repos):
            return
        near = [row + 1, row - 1, row + 2]
        neighbours = tuple(self.repos[i] for i in near if 0 <= i < len(self.repos))
        self.post_message(self.RepoHighlighted(self.repos[row], neighbours))
