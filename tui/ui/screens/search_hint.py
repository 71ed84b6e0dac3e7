"""The search screen's words: the hint line under the box (sort, count, marks...), the welcome."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from tui.present.format import plural
from tui.sources.base import SearchResults, SourceStatus
from tui.textsafe import one_line

HINT = "language:python  stars:>1000  topic:llm  org:microsoft  user:name"
"""Qualifiers worth knowing, shown at the end of the hint line."""

RESULT_ACTIONS = frozenset(
    {"open_detail", "toggle_mark", "page", "toggle_evidence", "open_browser"}
)
"""Search screen actions that need results on screen (leaving the box does not: with no
results, escape must still let go of it, so that the next key is a key, not a letter)."""

WELCOME = (
    "Type a search and press enter: free text plus GitHub qualifiers.\n"
    "Example: llm language:python stars:>1000"
)
"""What the results area says before the first search."""

DEMO_QUERY = "is:public"
"""Lists every repository of the demo catalog (each is public), shown sorted by stars."""


TIPS = tuple(HINT.split("  "))
"""The qualifiers of ``HINT``, each a whole part: a narrow line keeps the first few."""

SEPARATOR = Content(" · ")


@dataclass(frozen=True, slots=True)
class Hint:
    """The hint line as whole parts, joined with `` · ``, and the qualifier tips at its end."""

    parts: tuple[Content, ...]
    tips: tuple[str, ...] = ()

    def fitted(self, width: int) -> Content:
        """The line in ``width`` cells (all of it when ``width`` is not known yet, 0).

        Whole parts only: the tips go first, one qualifier at a time, then whole parts from the
        end; the first part (where the data comes from, or the sort) always stays.
        """
        for count in range(len(self.tips), 0, -1):
            line = SEPARATOR.join([*self.parts, _tip(self.tips[:count])])
            if width <= 0 or line.cell_length <= width:
                return line
        kept = list(self.parts)
        while len(kept) > 1 and SEPARATOR.join(kept).cell_length > width > 0:
            kept.pop()
        return SEPARATOR.join(kept)


def _tip(qualifiers: tuple[str, ...]) -> Content:
    return Content.from_markup("[dim]try[/] $hint", hint="  ".join(qualifiers))


class HintLine(Static):
    """The hint under the search box: fits its parts to its width, again on every resize."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty line; ``show`` fills it."""
        super().__init__(id=id)
        self._hint: Hint | None = None

    def show(self, hint: Hint) -> None:
        """Show ``hint``, as much of it as fits, in whole parts."""
        self._hint = hint
        super().update(hint.fitted(self.content_size.width))

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show ``content`` as it is (``searching …``): no parts to refit."""
        self._hint = None
        super().update(content, layout=layout)

    def on_resize(self) -> None:
        """Refit the parts to the new width."""
        if self._hint is not None:
            super().update(self._hint.fitted(self.content_size.width))


def hint_line(
    sort: str | None,
    results: SearchResults | None,
    marked: int,
    status: SourceStatus,
    *,
    judged: Content | None = None,
) -> Hint:
    """``demo catalog (date) · sort stars · page 1 · 10 results · 2 marked · try …``.

    Results answered without GitHub (from the cache and catalog) say ``offline results`` first.

    Args:
        sort: The sort order, ``None`` for best match.
        results: The page shown, if any.
        marked: How many repositories are marked for comparison.
        status: Where the data comes from (the demo catalog says so first).
        judged: What the ``framework:`` terms made of the page; shown in place of the tips.

    Returns:
        The line's parts, with untrusted parts (the catalog's date) as plain text.
    """
    sort_part = Content.from_markup("sort [b]$sort[/]", sort=sort or "best match")
    parts: list[Content] = []
    if results is not None and results.offline and not status.demo:  # the demo is offline
        parts.append(Content.from_markup("[b]offline results[/] (cache and catalog)"))
    if status.demo:
        date = one_line(status.demo_date) or "bundled"
        parts.append(Content.from_markup("[b]demo catalog[/] ($date)", date=date))
    if judged is None:
        parts.append(sort_part)
    if results is not None:
        found = plural(results.total_count, "result")
        if judged is not None:
            found = f"{results.total_count:,} on GitHub"
        parts.append(Content(f"page {results.page} · {found}"))
    if judged is not None:  # its counts are of this page only: they come first, to be seen
        parts += [judged, sort_part]
    if marked:
        parts.append(Content.from_markup("[b]$n[/] marked", n=str(marked)))
    return Hint(tuple(parts), TIPS if judged is None else ())
