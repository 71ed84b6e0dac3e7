"""The census's tables: every number (a row each), and the repositories behind the chosen one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from tui.present.categories import category_label
from tui.present.census import Census, CensusRow, Share
from tui.present.format import UNKNOWN, count, language_color, size_bytes, spaced_percent
from tui.ui.widgets.results_table import fit
from tui.ui.widgets.safe_text import safe_text

TOP = 8
"""Rows per section of the numbers table."""

NAME_WIDTH = 22
"""Cells of a name shown whole; longer ones end in …."""

CHUNK = 60
"""Repositories added to the members table per turn of the event loop."""

CHUNK_PAUSE = 0.02
"""Seconds between chunks, so keys and redraws are handled in between."""


@dataclass(frozen=True, slots=True)
class Number:
    """One row of the numbers table: its section, its share, and who is behind it."""

    section: str
    share: Share


def numbers(census: Census) -> list[Number]:
    """The rows, section by section: languages twice, frameworks per category, years."""
    rows = [Number("Languages, repos", s) for s in census.by_repos[:TOP]]
    rows += [Number("Languages, bytes", s) for s in census.by_bytes[:TOP]]
    for category, shares in census.frameworks:
        label = category_label(category)
        rows += [Number(label[:1].upper() + label[1:], s) for s in shares[:TOP]]
    whole = max(1, census.coverage.counted)
    rows += [
        Number("Created", Share(str(y.year), y.total, round(100 * y.total / whole, 1), y.members))
        for y in census.years
    ]
    return rows


def _key(number: Number) -> tuple[str, str]:
    return number.section, number.share.name


def _cells(number: Number, heading: bool) -> tuple[Text, Text, Text, Text]:
    """A number's row: section (on its first row only), name, share, count."""
    share, section = number.share, number.section
    color = language_color(share.name) if section.startswith("Lang") else None
    name = Text.assemble(("● ", color) if color else "", safe_text(share.name))
    bytes_ = section.endswith("bytes")
    value = size_bytes(share.value) if bytes_ else f"{share.value:,}"
    return (
        Text(section if heading else "", style="bold dim"),
        fit(name, NAME_WIDTH),
        Text(spaced_percent(share.percent, share.value).strip(), justify="right"),
        Text(value, justify="right"),
    )


class CensusNumbers(DataTable[Text]):
    """Every number of the census; moving the cursor posts ``NumberHighlighted``."""

    @dataclass
    class NumberHighlighted(Message):
        """The cursor is on a number: show the repositories behind it."""

        number: Number
        """The row under the cursor."""

        def can_replace(self, message: Message) -> bool:
            """Only where the cursor lands matters."""
            return isinstance(message, CensusNumbers.NumberHighlighted)

    def __init__(self, *, id: str | None = None) -> None:
        """An empty table."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[Number] = []

    def on_mount(self) -> None:
        """Add the columns."""
        for label in ("Of", "Name", "Share", "Count"):
            self.add_column(label, key=label.lower())

    def show(self, census: Census) -> None:
        """Show ``census``'s numbers, keeping the cursor on the same number where it still exists.

        While a census runs this is called every half second: when the same numbers are listed
        in the same order only the changed cells are redrawn, and the number under the cursor is
        announced again only when the repositories behind it changed.
        """
        keep = self.current
        new = numbers(census)
        if [_key(n) for n in new] == [_key(n) for n in self.rows_shown]:
            self._update(new)
            now = self.current
            if now is not None and keep is not None and now.share.members != keep.share.members:
                self.post_message(self.NumberHighlighted(now))
            return
        self.rows_shown = new
        self.clear()
        previous = ""
        for index, number in enumerate(self.rows_shown):
            # a section's name heads its first row only, so the numbers stay in view
            self.add_row(*_cells(number, number.section != previous), key=str(index))
            previous = number.section
        index = next((i for i, n in enumerate(new) if keep and _key(n) == _key(keep)), 0)
        if self.rows_shown:
            self.move_cursor(row=index)
            self.post_message(self.NumberHighlighted(self.rows_shown[index]))

    def _update(self, new: list[Number]) -> None:
        """Redraw the share and count of numbers that changed (same rows, same order)."""
        for index, (old, number) in enumerate(zip(self.rows_shown, new, strict=True)):
            if old.share.value != number.share.value or old.share.percent != number.share.percent:
                cells = _cells(number, heading=False)
                self.update_cell(str(index), "share", cells[2])
                self.update_cell(str(index), "count", cells[3])
        self.rows_shown = new

    @property
    def current(self) -> Number | None:
        """The number under the cursor."""
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Translate the row into its number."""
        event.stop()
        if 0 <= event.cursor_row < len(self.rows_shown):
            self.post_message(self.NumberHighlighted(self.rows_shown[event.cursor_row]))


class CensusMembers(DataTable[Text]):
    """The repositories behind a number: name, stars, top language, frameworks."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty table."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[CensusRow] = []
        self.marked: set[str] = set()
        self._generation = 0  # which list the chunks being added belong to

    def on_mount(self) -> None:
        """Add the columns."""
        for key, label in (("mark", " "), ("name", "Repository"), ("stars", "★"),
                           ("language", "Language"), ("frameworks", "Frameworks")):  # fmt: skip
            self.add_column(label, key=key)

    def show(self, rows: list[CensusRow]) -> None:
        """Show ``rows``; for the same repositories in the same order, only changed cells.

        A long list is added ``CHUNK`` rows at a time, one chunk per turn of the event loop:
        measuring hundreds of new rows at once would hold up keys and redraws for a while.
        """
        if [r.full_name for r in rows] == [r.full_name for r in self.rows_shown]:
            for old, row in zip(self.rows_shown[: self.row_count], rows, strict=False):
                if old != row:
                    cells = self._cells(row)
                    for column in ("stars", "language", "frameworks"):
                        # "…" while running becomes "PyTorch, Hugging Face…": widen, not cut
                        self.update_cell(row.full_name, column, cells[column], update_width=True)
            self.rows_shown = rows
            return
        self.rows_shown = rows
        self.clear()
        self._generation += 1
        self._add_chunk(self._generation)

    def _add_chunk(self, generation: int) -> None:
        """Add the next rows of the list being shown (unless another list replaced it)."""
        if generation != self._generation:
            return
        start = self.row_count
        for row in self.rows_shown[start : start + CHUNK]:
            self.add_row(*self._cells(row).values(), key=row.full_name)
        if start + CHUNK < len(self.rows_shown):
            self.set_timer(CHUNK_PAUSE, partial(self._add_chunk, generation))

    def _cells(self, row: CensusRow) -> dict[str, Text]:
        language = row.top_language or row.primary_language
        frameworks = (
            "…" if row.frameworks is None else ", ".join(n for _, n in row.frameworks) or UNKNOWN
        )
        dot = ("● ", language_color(language))
        return {
            "mark": Text("●" if row.full_name in self.marked else " ", style="bold"),
            "name": fit(safe_text(row.full_name, "bold"), NAME_WIDTH),
            "stars": Text(count(row.stars), justify="right"),
            "language": fit(Text.assemble(dot, safe_text(language or UNKNOWN)), 12),
            "frameworks": safe_text(frameworks),
        }

    def set_marked(self, names: set[str]) -> None:
        """Show a mark beside every repository in ``names``."""
        self.marked = set(names)
        for row in self.rows_shown[: self.row_count]:  # the others are added marked
            mark = "●" if row.full_name in self.marked else " "
            self.update_cell(row.full_name, "mark", Text(mark, style="bold"))

    @property
    def current(self) -> CensusRow | None:
        """The repository under the cursor."""
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]
