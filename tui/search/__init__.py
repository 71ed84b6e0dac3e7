"""Offline search: GitHub's repository search syntax over repositories known without the network.

Pure: the sources gather the candidates (answers in the disk cache, the bundled catalog); this
package parses the query (``query.py``, qualifiers in ``qualifiers.py``), filters, orders and pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.analysis.report import RepoInfo
from tui.search.query import QuerySyntaxError, parse_query, search_repos

__all__ = ["Hits", "QuerySyntaxError", "merge", "parse_query", "search", "search_repos"]


@dataclass(frozen=True, slots=True)
class Hits:
    """One page of offline search results."""

    items: tuple[RepoInfo, ...]
    total_count: int
    has_next: bool


def merge(*sources: Iterable[RepoInfo]) -> list[RepoInfo]:
    """One candidate per repository (by name, case-insensitively); earlier sources win.

    The router passes the cache's answers before the catalog's, so a cached answer wins over
    the catalog's older facts about the same repository.
    """
    merged: dict[str, RepoInfo] = {}
    for source in reversed(sources):
        merged.update((repo.full_name.lower(), repo) for repo in source)
    return list(merged.values())


def search(
    query: str, candidates: Iterable[RepoInfo], *, sort: str | None, page: int, per_page: int
) -> Hits:
    """One page of the candidates matching ``query``, in GitHub's order.

    Args:
        query: GitHub's search syntax: free text and qualifiers (``language:``, ``stars:``, ...).
        candidates: The repositories to search.
        sort: ``stars``, ``forks``, ``updated`` or None for best match (always descending).
        page: The 1-based page wanted.
        per_page: Items per page.

    Raises:
        QuerySyntaxError: The query is malformed (one line saying why).
    """
    found = search_repos(query, candidates, sort=sort, order="desc" if sort else None)
    start = (max(page, 1) - 1) * per_page
    return Hits(
        items=tuple(found[start : start + per_page]),
        total_count=len(found),
        has_next=start + per_page < len(found),
    )
