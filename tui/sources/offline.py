"""Offline search: GitHub's query syntax answered from the disk cache and the bundled catalog.

Used by ``GitHubSource`` when the client is ``--offline`` or GitHub cannot be reached. Every
repository the cache holds for this identity (from search pages and repository answers) joins the
catalog's; a cached answer wins over the catalog's older facts about the same repository.
"""

from __future__ import annotations

import asyncio

from tui.github.client import GitHubClient
from tui.github.errors import ValidationFailed
from tui.github.models import Repo
from tui.sources.base import SearchResults
from tui.sources.convert import repo_info
from tui.sources.offline_search import QuerySyntaxError, search_repos


def _catalog_repos() -> list[Repo]:
    """The bundled catalog's repositories; none if the catalog cannot be read."""
    from tui.sources.catalog import load_catalog

    try:
        return load_catalog().repo_models()
    except (OSError, ValueError):
        return []


def catalog_has(full_name: str) -> bool:
    """True when the bundled catalog describes ``full_name`` (synchronous: reads a file once)."""
    from tui.sources.catalog import load_catalog

    try:
        return load_catalog().find(full_name) is not None
    except (OSError, ValueError):
        return False


async def known_repos(client: GitHubClient, *, catalog: bool = True) -> list[Repo]:
    """The cache's repositories plus (optionally) the catalog's, one per name, cache first."""
    cached = await client.cached_repos()
    bundled = await asyncio.to_thread(_catalog_repos) if catalog else []
    merged = {repo.full_name.lower(): repo for repo in bundled}
    merged.update((repo.full_name.lower(), repo) for repo in cached)
    return list(merged.values())


async def offline_search(
    client: GitHubClient,
    query: str,
    *,
    sort: str | None = None,
    page: int = 1,
    per_page: int = 30,
    catalog: bool = True,
) -> SearchResults:
    """One page of repositories matching ``query`` among those known without the network.

    Args:
        client: The client whose cache (for its identity) is searched.
        query: GitHub's search syntax: free text and qualifiers (``language:``, ``stars:``, ...).
        sort: ``stars``, ``forks``, ``updated`` or None for best match (always descending).
        page: The 1-based page wanted.
        per_page: Items per page.
        catalog: Include the bundled catalog's repositories.

    Raises:
        ValidationFailed: The query is malformed (one line saying why).
    """
    repos = await known_repos(client, catalog=catalog)
    try:
        found = search_repos(query, repos, sort=sort, order="desc" if sort else None)
    except QuerySyntaxError as exc:
        raise ValidationFailed(" ".join(str(exc).split())) from exc
    start = (max(page, 1) - 1) * per_page
    return SearchResults(
        query=query,
        items=tuple(repo_info(repo) for repo in found[start : start + per_page]),
        total_count=len(found),
        incomplete=False,
        page=page,
        has_next=start + per_page < len(found),
        offline=True,
        from_cache=True,
    )
