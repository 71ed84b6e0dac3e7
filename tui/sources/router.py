"""RoutingSource: local paths go to a checkout scan, everything else to GitHub (or the catalog)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.errors import ApiUnavailable, GitHubError
from tui.sources.base import README_MAX, README_NAMES, Activity, Readme, SearchResults
from tui.sources.github import GitHubSource


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
        if full_name.startswith("/") and await asyncio.to_thread(Path(full_name).is_dir):
            from tui.sources.local import LocalSource

            async for report in LocalSource(Path(full_name)).report(full_name):
                yield report
            return
        async for report in self.github.report(full_name, hint=hint):
            yield report

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """A checkout's README from disk; a repository's from GitHub's raw host."""
        if full_name.startswith("/"):
            return await asyncio.to_thread(local_readme, Path(full_name))
        return await self.github.readme(full_name, ref)

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


def local_readme(root: Path) -> Readme | None:
    """The README at the top of a checkout, read from disk (not through a symlink)."""
    for name in README_NAMES:
        path = root / name
        try:
            if path.is_symlink() or not path.is_file():
                continue
            with path.open("rb") as handle:
                data = handle.read(README_MAX)
        except OSError:
            continue
        return Readme(name, data.decode("utf-8", errors="replace"))
    return None
