"""Fetching reports for many repositories: shared by the census runner and the ``framework:`` judge.

``last_report`` drains one source's report stream (keeping what arrived before a failure), and
``cached_reports`` answers from the disk cache alone, through a twin client that never sends a
request, so the free answers can be taken before any that spend the budget.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import GitHubError
from tui.sources.base import RepoSource
from tui.sources.github import GitHubSource

Done = Callable[[RepoInfo, RepoReport | None], None]
"""Called after each repository: its report, or None when none came."""


async def last_report(source: RepoSource, info: RepoInfo) -> RepoReport | None:
    """The most complete report a source gives before it fails (None if it gave none)."""
    last = None
    hint = info if info.default_branch else None  # a search item: never GET the repository again
    try:
        async for report in source.report(info.full_name, hint=hint):
            last = report
    except GitHubError as error:
        if last is not None:
            return last._replace(errors=(*last.errors, error.user_message))
        return None
    return last


async def fetch_reports(
    source: RepoSource, infos: Sequence[RepoInfo], done: Done, *, concurrency: int = 8
) -> None:
    """Reports of ``infos``, ``concurrency`` at a time; ``done`` hears of each as it ends."""
    gate = asyncio.Semaphore(concurrency)

    async def one(info: RepoInfo) -> None:
        async with gate:
            report = await last_report(source, info)
        done(info, report)

    await asyncio.gather(*(one(info) for info in infos))


async def cached_reports(
    client: GitHubClient,
    infos: Sequence[RepoInfo],
    *,
    clock: Callable[[], datetime] | None = None,
    done: Done | None = None,
) -> dict[str, RepoReport]:
    """The complete reports (frameworks known) the cache alone holds, by lower-case name; free.

    Nothing is sent: a twin of ``client`` with ``offline`` set answers from the cache or not at
    all. With ``--no-cache`` or ``--offline`` nothing is looked up here (the caller's own source
    already answers offline).
    """
    settings = client.settings
    found: dict[str, RepoReport] = {}
    if settings.no_cache or settings.offline or not infos:
        return found
    twin = GitHubSource(
        GitHubClient(replace(settings, offline=True), clock=clock or (lambda: datetime.now(UTC))),
        graphql=False,
    )

    def keep(info: RepoInfo, report: RepoReport | None) -> None:
        if report is not None and report.frameworks is not None:
            found[info.full_name.lower()] = report
        if done is not None:
            done(info, report if report is not None and report.frameworks is not None else None)

    try:
        await fetch_reports(twin, infos, keep)
    finally:
        await twin.aclose()
    return found
