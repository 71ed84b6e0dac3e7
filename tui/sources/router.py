"""Router: the one ``RepoSource`` the front ends talk to, composing the peer sources in one order.

The sources (``github``, ``local``, ``catalog``) never know about one another; this is the only
module that decides which one answers, and what happens when it cannot:

1. A key that is an absolute path is a local checkout: ``LocalSource`` scans it.
2. Otherwise GitHub answers (in the demo there is no GitHub: the catalog answers everything).
3. When GitHub cannot be reached (``ApiUnavailable``: network down, or ``--offline`` and the cache
   does not hold the answer), a repository comes from the catalog if it describes it, and a
   search is answered offline over the cache's answers first, then the catalog's repositories.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.errors import ApiUnavailable, NotFound
from tui.sources.base import (
    Activity,
    Readme,
    SearchResults,
    offline_results,
)
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.names import local_dir, local_path


class Router:
    """Local checkouts, then GitHub, then the cache and the catalog; see the module docstring.

    Attributes:
        github: GitHub, or None in the demo.
        catalog: The bundled catalog: the demo's only source, GitHub's fallback otherwise.
    """

    def __init__(self, github: GitHubSource | None, catalog: CatalogSource) -> None:
        self.github = github
        self.catalog = catalog

    async def probe(self) -> bool:
        """Whether there is anything to show: GitHub answers, or the cache holds something."""
        return True if self.github is None else await self.github.probe()

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """GitHub's search; offline, or GitHub out of reach, the cache's answers and the catalog.

        Raises:
            ValidationFailed: A query GitHub (or offline search) refuses.
        """
        github = self.github
        if github is None:
            return await self.catalog.search(query, sort=sort, page=page, per_page=per_page)
        unreachable = None
        if not github.offline:
            try:
                return await github.search(query, sort=sort, page=page, per_page=per_page)
            except ApiUnavailable as exc:
                unreachable = exc.user_message  # answered offline below, and said so
        from tui.search import merge  # (with the first offline search, as in sources.base)

        # a cached answer wins over the catalog's older facts about the same repository
        candidates = merge(await github.candidates(), await self.catalog.candidates())
        results = offline_results(query, candidates, sort, page, per_page)
        return replace(results, unreachable=unreachable)

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """Yield ever more complete reports from the source the key belongs to.

        Raises:
            NotFound: A checkout's directory is gone (or the repository does not exist).
            ApiUnavailable: GitHub cannot be reached and the catalog does not describe it.
            NotInCatalog: In the demo, for a repository the catalog does not describe.
        """
        path = local_path(full_name)
        if path is not None:
            from tui.sources.local import LocalSource  # the scanner loads only when needed

            # a key from anywhere (a typed name, a stale mark): too long or odd is "not a folder"
            folder = await asyncio.to_thread(local_dir, full_name)
            if folder is None:
                raise NotFound(f"Not a directory: {full_name}")

            async for report in LocalSource(folder).report(full_name):
                yield report
            return
        if self.github is None:
            async for report in self.catalog.report(full_name, hint=hint):
                yield report
            return
        try:
            async for report in self.github.report(full_name, hint=hint):
                yield report
        except ApiUnavailable:
            if not await self.catalog.has(full_name):
                raise
            async for report in self.catalog.report(full_name, hint=hint):
                yield report

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """A checkout's README from disk; a repository's from GitHub's raw host (the catalog
        keeps none, and a README is a nicety: GitHub out of reach means none)."""
        path = local_path(full_name)
        if path is not None:
            from tui.sources.local import local_readme  # the checkout's room

            return await asyncio.to_thread(local_readme, path)
        if self.github is None:
            return None
        try:
            return await self.github.readme(full_name, ref)
        except ApiUnavailable:
            return None

    async def activity(self, full_name: str) -> Activity:
        """Weekly commits; a checkout has none, the catalog knows none."""
        if local_path(full_name) is not None:
            return Activity(weeks=())
        if self.github is None:
            return await self.catalog.activity(full_name)
        return await self.github.activity(full_name)

    async def clear_cache(self) -> int:
        """Drop every cached answer (the demo has no cache)."""
        return 0 if self.github is None else await self.github.clear_cache()

    async def aclose(self) -> None:
        """Close GitHub's client."""
        if self.github is not None:
            await self.github.aclose()
