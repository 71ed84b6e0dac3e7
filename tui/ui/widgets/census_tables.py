"""The census's tables: every number (a row each), and the repositories behind the chosen one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from tui.present.census import CATEGORY_LABELS, Census, CensusRow, Share
from tui.present.format import UNKNOWN, count, language_color
from tui.ui.widgets.results_table import fit
from tui.ui.widgets.safe_text import safe_text

TOP = 8
"""Rows per section of the numbers table."""

NAME_WIDTH = 22
"""Cells of a name shown whole; longer ones end in …."""


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
        label = CATEGORY_LABELS.get(category, category)
        rows += [Number(label[:1].upper() + label[1:], s) for s in shares[:TOP]]
    whole = max(1, census.coverage.counted)
    rows += [
        Number("Created", Share(str(y.year), y.total, round(100 * y.total / whole, 1), y.members))
        for y in census.years
    ]
    return rows


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
        """Replace the rows, keeping the cursor on the same number where it still exists."""
        keep = (
            self.rows_shown[self.cursor_row]
            if 0 <= self.cursor_row < len(self.rows_shown)
            else None
        )
        self.rows_shown = numbers(census)
        self.clear()
        previous = ""
        for number in self.rows_shown:
            share, section = number.share, number.section
            bytes_ = section.endswith("bytes")
            color = language_color(share.name) if section.startswith("Lang") else None
            name = Text.assemble(("● ", color) if color else "", safe_text(share.name))
            value = f"{share.value / 2**20:,.1f} MB" if bytes_ else f"{share.value:,}"
            # a section's name heads its first row only, so the numbers stay in view
            heading = Text(section if section != previous else "", style="bold dim")
            previous = section
            self.add_row(
                heading,
                fit(name, NAME_WIDTH),
                Text(f"{share.percent:.1f} %", justify="right"),
                Text(value, justify="right"),
            )
        index = next(
            (
                i
                for i, n in enumerate(self.rows_shown)
                if keep and (n.section, n.share.name) == (keep.section, keep.share.name)
            ),
            0,
        )
        if self.rows_shown:
            self.move_cursor(row=index)
            self.post_message(self.NumberHighlighted(self.rows_shown[index]))

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

    def on_mount(self) -> None:
        """Add the columns."""
        for key, label in (("mark", " "), ("name", "Repository"), ("stars", "★"),
                           ("language", "Language"), ("frameworks", "Frameworks")):  # fmt: skip
            self.add_column(label, key=key)

    def show(self, rows: list[CensusRow]) -> None:
        """Replace the rows."""
        self.rows_shown = rows
        self.clear()
        for row in rows:
            language = row.top_language or row.primary_language
            frameworks = (
                "…"
                if row.frameworks is None
                else ", ".join(n for _, n in row.frameworks) or UNKNOWN
            )
            self.add_row(
                Text("●" if row.full_name in self.marked else " ", style="bold"),
                fit(safe_text(row.full_name, "bold"), NAME_WIDTH),
                Text(count(row.stars), justify="right"),
                fit(
                    Text.assemble(("● ", language_color(language)), safe_text(language or UNKNOWN)),
                    12,
                ),
                safe_text(frameworks),
                key=row.full_name,
            )

    def set_marked(self, names: set[str]) -> None:
        """Show a mark beside every repository in ``names``."""
        self.marked = set(names)
        for row in self.rows_shown:
            mark = "●" if row.full_name in self.marked else " "
            self.update_cell(row.full_name, "mark", Text(mark, style="bold"))

    @property
    def current(self) -> CensusRow | None:
        """The repository under the cursor."""
        if not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]
