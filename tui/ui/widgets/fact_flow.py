"""FactFlow: rows of short facts (``forks 9.8k``, ``issues 12``) that wrap between facts.

Rich and Textual wrap at any space, a non-breaking one included, so ``issues 12`` could end one
line with "issues" and start the next with "12". Here the line breaks are chosen before the text
is drawn, from the width the layout gives, so a fact moves to the next line whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.visual import Visual, visualize
from textual.widgets import Static

GAP = "   "
"""What separates two facts on one line."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact, kept whole on a line: ``forks 9.8k``.

    Attributes:
        text: What is shown (plain text with styles, never markup).
        gap: What separates it from the fact before it on the same line (``" "`` keeps a note
            such as ``(3mo ago)`` close to its fact).
    """

    text: Text
    gap: str = GAP


def flow(rows: Sequence[Sequence[Fact]], width: int) -> Text:
    """The facts laid out in ``width`` columns: each row starts a new line, and a fact that
    would cross the edge starts the next one (only a fact wider than ``width`` on its own is
    wrapped inside, by the renderer).

    Args:
        rows: Lines of facts (counts; dates; topics...), each broken as needed.
        width: Columns available.

    Returns:
        The text, with its line breaks.
    """
    lines: list[Text] = []
    for row in rows:
        line = Text(end="")
        for fact in row:
            if line.cell_len and line.cell_len + len(fact.gap) + fact.text.cell_len > width:
                lines.append(line)
                line = Text(end="")
            if line.cell_len:
                line.append(fact.gap)
            line.append_text(fact.text)
        lines.append(line)
    return Text("\n", end="").join(lines)


def words(sentence: Text) -> list[Fact]:
    """A sentence as units that wrap whole: ``(98.8 %),`` and ``(≈ 53.9 %)`` keep together.

    A word starting with ``%`` stays with the number before it, and a word without a letter or
    digit (``≈``, ``(≈``) with the word after it. The sentence's own style is kept.
    """
    units: list[str] = []
    glue = False
    for token in sentence.plain.split():
        if units and (glue or token.startswith("%")):
            units[-1] += f" {token}"
        else:
            units.append(token)
        glue = not token.startswith("%") and not any(c.isalnum() for c in token)
    return [Fact(Text(unit, style=sentence.style), " ") for unit in units]


class FactFlow(Static):
    """Rows of facts, each wrapping whole; set them with ``show``."""

    DEFAULT_CSS = "FactFlow { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        """An empty block of facts."""
        super().__init__(id=id)
        self._rows: tuple[tuple[Fact, ...], ...] = ()

    def show(self, rows: Sequence[Sequence[Fact]]) -> None:
        """Show ``rows`` (an empty sequence shows nothing)."""
        self._rows = tuple(tuple(row) for row in rows)
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def text(self, width: int) -> Text:
        """The facts as drawn ``width`` columns wide."""
        return flow(self._rows, width)

    def render(self) -> Visual:
        """The facts broken for the width the layout gave."""
        return visualize(self, self.text(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Lines the facts take at ``width`` (the layout asks before the size is set)."""
        if not self._rows:
            return 0
        visual = visualize(self, self.text(width))
        # RenderStyles reads like the RulesMap asked for: Widget.get_content_height passes it too
        return visual.get_height(self.styles, width)  # type: ignore[arg-type]
