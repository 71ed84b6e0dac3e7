"""RoutingSource: local paths go to a checkout scan, everything else to GitHub (or the catalog)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.errors import ApiUnavailable, GitHubError
from tui.sources.base import Activity, SearchResults
from tui.sources.github import GitHubSource
from tui.sources.names import local_dir


class RoutingSource:
    """One ``RepoSource`` for the UI, whatever the user opened."""

    def __init__(self, github: GitHubSource) -> None:
        self.github = github

    @property
    def client(self) -> object:
        """The GitHub client underneath (for the app's lifecycle and badges)."""
        return self.github.client

    async def probe(self) -> bool:
        """Whether there is anything to show: GitHub answers, or the cache holds something.

        Asks ``/rate_limit``, which costs no budget (and fills the rate meter on the way).
        """
        client = self.github.client
        try:
            await client.rate_limit()
        except ApiUnavailable:
            return bool(await client.cached_repos())
        except GitHubError:
            return True  # GitHub answered, if unhappily: it is reachable
        return True

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """Searches always go to GitHub."""
        return await self.github.search(query, sort=sort, page=page, per_page=per_page)

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """A path is scanned locally; a name is looked up on GitHub."""
        folder = await asyncio.to_thread(local_dir, full_name) if full_name[:1] == "/" else None
        if folder is not None:
            from tui.sources.local import LocalSource

            async for report in LocalSource(folder).report(full_name):
                yield report
            return
        async for report in self.github.report(full_name, hint=hint):
            yield report

    async def activity(self, full_name: str) -> Activity:
        """Commit activity exists only on GitHub."""
        if full_name.startswith("/"):
            return Activity(weeks=())
        return await self.github.activity(full_name)

    def clear_cache(self) -> int:
        """Drop every cached answer."""
        return self.github.clear_cache()

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self.github.aclose()
