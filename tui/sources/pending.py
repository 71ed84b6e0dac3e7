"""PendingSource: stands in for a source that is still being built, so a UI can show before it.

Building the GitHub source means finding a token (which may run ``gh``), opening the disk cache
and importing the HTTP client. The TUI draws its first frame first and builds the source in a
worker; a search typed or a repository opened meanwhile waits here, then goes through.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from tui.analysis.report import RepoInfo, RepoReport
from tui.sources.base import Activity, Readme, RepoSource, SearchResults


class PendingSource:
    """A ``RepoSource`` whose every call waits for ``resolve`` (or ``fail``), then delegates."""

    def __init__(self) -> None:
        """Nothing to delegate to yet."""
        self._source: RepoSource | None = None
        self._error: BaseException | None = None
        self._settled = asyncio.Event()

    def resolve(self, source: RepoSource) -> None:
        """Hand over the real source: waiting calls go through to it."""
        self._source = source
        self._settled.set()

    def fail(self, error: BaseException) -> None:
        """The source could not be built: waiting (and later) calls raise ``error``."""
        self._error = error
        self._settled.set()

    async def source(self) -> RepoSource:
        """The real source, once there is one.

        Raises:
            BaseException: What building it raised (``fail``).
        """
        await self._settled.wait()
        if self._error is not None:
            raise self._error
        assert self._source is not None  # settled without an error: resolved
        return self._source

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """The real source's search."""
        source = await self.source()
        return await source.search(query, sort=sort, page=page, per_page=per_page)

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """The real source's reports."""
        source = await self.source()
        async for report in source.report(full_name, hint=hint):
            yield report

    async def activity(self, full_name: str) -> Activity:
        """The real source's commit activity."""
        source = await self.source()
        return await source.activity(full_name)

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The real source's README."""
        source = await self.source()
        return await source.readme(full_name, ref)

    async def probe(self) -> bool:
        """The real source's answer: is there anything to show?"""
        source = await self.source()
        return await source.probe()

    async def clear_cache(self) -> int:
        """The real source's cache, cleared."""
        source = await self.source()
        return await source.clear_cache()

    async def aclose(self) -> None:
        """Close the real source, if one was ever handed over."""
        if self._source is not None:
            await self._source.aclose()
