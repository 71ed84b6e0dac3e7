"""The search screen's words: the hint line under the box (sort, count, marks...), the welcome."""

from __future__ import annotations

from textual.content import Content

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


def hint_line(
    sort: str | None,
    results: SearchResults | None,
    marked: int,
    status: SourceStatus,
    *,
    judged: Content | None = None,
) -> Content:
    """``demo catalog (date) · sort stars · page 1 · 10 results · 2 marked · try …``.

    Results answered without GitHub (from the cache and catalog) say ``offline results`` first.

    Args:
        sort: The sort order, ``None`` for best match.
        results: The page shown, if any.
        marked: How many repositories are marked for comparison.
        status: Where the data comes from (the demo catalog says so first).
        judged: What the ``framework:`` terms made of the page; shown in place of the tips.

    Returns:
        The line, with untrusted parts (the catalog's date) as plain text.
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
    if judged is None:
        parts.append(Content.from_markup("[dim]try[/] $hint", hint=HINT))
    return Content(" · ").join(parts)
