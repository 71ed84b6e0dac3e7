"""The search screen's ``framework:`` qualifier: checked on Enter, judged after GitHub's answer.

GitHub never sees the qualifier; each result of the page is judged by its detected frameworks
(``tui.sources.census_filter``), which costs nothing with a token and up to two core requests a
result without one, keeping ``KEEP_FOR_BROWSING`` for the detail pane. Results left unjudged
stay in the table, marked pending, and the hint line counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content

from tui.search import QuerySyntaxError
from tui.search.framework_filter import FrameworkFilter, parse_framework_filter
from tui.sources.base import RepoSource

if TYPE_CHECKING:
    from tui.sources.census_filter import JudgedPage

KEEP_FOR_BROWSING = 10
"""Core requests judging leaves unspent, so the repository under the cursor can still load."""


def checked_filter(query: str) -> FrameworkFilter | str:
    """The query's ``framework:`` terms, or the one line saying what is wrong with them."""
    try:
        flt = parse_framework_filter(query)
    except QuerySyntaxError as exc:
        return str(exc)
    if flt.active and not flt.query:
        return "framework: narrows a search: add words or qualifiers for GitHub to search."
    return flt


async def judged_search(
    source: RepoSource,
    flt: FrameworkFilter,
    sort: str | None,
    page: int,
    say: Callable[[Content], None],
) -> JudgedPage:
    """One page of GitHub's search for ``flt.query``, judged by ``flt``; ``say`` shows progress."""
    results = await source.search(flt.query, sort=sort, page=page)
    # the census's judging (the GitHub client, the rules) loads with the first filter
    from tui.sources.census_filter import judge_page

    return await judge_page(
        source,
        results,
        flt,
        reserve=KEEP_FOR_BROWSING,
        on_progress=lambda done, total: say(judging_hint(done, total)),
    )


def judged_hint(flt: FrameworkFilter, judged: JudgedPage) -> Content:
    """``framework:pytorch 7 match, 20 pending ?, 43 not · 59 requests · resets 17:50``."""
    counts = f"{len(judged.matching):,} match"
    if judged.pending:
        counts += f", {len(judged.pending):,} pending ?"
    counts += f", {judged.dropped:,} not"
    line = Content.from_markup("[b]$terms[/] $counts", terms=flt.describe(), counts=counts)
    cost = f"{judged.core_requests:,} requests"
    if judged.graphql_points:
        cost += f" + {judged.graphql_points:,} points"
    parts = [line, Content(cost)]
    if judged.pending and judged.reset_at is not None:
        parts.append(Content(f"resets {judged.reset_at.astimezone():%H:%M}"))
    return Content(" · ").join(parts)


def judging_hint(done: int, total: int) -> Content:
    """``judging frameworks 12/30 …`` while the page is judged."""
    return Content(f"framework: judging each result by its frameworks {done}/{total} …")
