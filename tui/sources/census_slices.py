"""Past GitHub's 1,000 results: one query sliced into creation-date ranges of at most 1,000 each.

GitHub serves only the first 1,000 results of a query, whatever it matches. Adding
``created:A..B`` splits the matches by creation date; a range that still matches more than 1,000
is halved until each part fits. Ranges are read oldest first until the census has its count.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from tui.analysis.report import RepoInfo
from tui.sources.base import SearchResults
from tui.sources.census_plan import PAGE, SEARCH_CAP

FIRST_DAY = date(2007, 10, 1)
"""No repository on GitHub is older than this."""

PageFetch = Callable[[str, int], Awaitable[SearchResults]]
"""Fetch page ``n`` (1-based, ``PAGE`` per page) of a query."""


@dataclass
class Sliced:
    """The repositories found, the ranges read, and how many the query matched in all.

    Attributes:
        items: The repositories, in the order read (oldest range first).
        ranges: The ``created:`` qualifiers used, one per range read.
        matched: How many repositories GitHub said the ranges read match.
        searches: How many search pages were asked for.
    """

    items: list[RepoInfo] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    matched: int = 0
    searches: int = 0


def created(start: date, end: date) -> str:
    """The qualifier for a range of creation days, both ends included."""
    return f"created:{start.isoformat()}..{end.isoformat()}"


async def sliced_search(fetch: PageFetch, query: str, limit: int, today: date) -> Sliced:
    """Up to ``limit`` repositories matching ``query``, read range by range.

    Args:
        fetch: Reads one page of a query.
        query: The query without any ``created:`` qualifier.
        limit: How many repositories to collect.
        today: The last day of the last range.
    """
    out = Sliced()
    todo = [(FIRST_DAY, today)]
    while todo and len(out.items) < limit:
        start, end = todo.pop(0)
        q = f"{query} {created(start, end)}".strip()
        first = await fetch(q, 1)
        out.searches += 1
        if first.total_count > SEARCH_CAP and start < end:
            middle = start + timedelta(days=(end - start).days // 2)
            todo[:0] = [(start, middle), (middle + timedelta(days=1), end)]
            continue  # this probe's page is not used: its range is read in two halves
        out.ranges.append(created(start, end))
        out.matched += first.total_count
        await _read_range(fetch, q, first, out, limit)
    return out


async def _read_range(
    fetch: PageFetch, q: str, first: SearchResults, out: Sliced, limit: int
) -> None:
    """Keep the first page's items and read the range's other pages, up to ``limit`` in all."""
    out.items.extend(first.items[: limit - len(out.items)])
    reachable = min(first.total_count, SEARCH_CAP)
    pages = math.ceil(reachable / PAGE)
    page, has_next = 2, first.has_next
    while has_next and page <= pages and len(out.items) < limit:
        results = await fetch(q, page)
        out.searches += 1
        out.items.extend(results.items[: limit - len(out.items)])
        page, has_next = page + 1, results.has_next
