"""The census runner: list the repositories, then fetch each one's report as the budget allows.

A search query is listed page by page (one GraphQL query per 100 repositories with a token, whose
answers already hold languages and root manifests; REST search items without one, which carry
every repository's primary language). Then each repository's report is fetched, cheapest first:
without a token, those the cache already answers (free) before any that need the network, and
only as many of those as ``CensusPlan.detailed`` affords. Running it again resumes: everything
already fetched comes from the cache.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import GitHubError, RateLimited
from tui.sources.base import SearchResults
from tui.sources.census_fetch import cached_reports, fetch_reports, last_report
from tui.sources.census_plan import (
    ANON_COST,
    NAMED_COST,
    PAGE,
    SEARCH_CAP,
    CensusPlan,
    plan_named,
    plan_search,
)
from tui.sources.census_slices import sliced_search
from tui.sources.github import GitHubSource

SEARCH_WAIT_MAX = 70.0
"""Wait this long at most for the search bucket (it refills every minute) before giving up."""


@dataclass(frozen=True, slots=True)
class CensusEntry:
    """One repository of a census: what the listing said, and its report once fetched.

    Attributes:
        info: Metadata from the search item (or the name alone, for a named repository).
        report: The last report fetched; None while not fetched (the budget ran out first).
        from_cache: The report came wholly from the cache (it cost nothing).
    """

    info: RepoInfo
    report: RepoReport | None = None
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class CensusProgress:
    """How far a census has got (for a progress bar).

    Attributes:
        phase: ``search``, ``cache``, ``details``, ``waiting`` or ``done``.
        done: Steps done in this phase.
        total: Steps in this phase.
        eta: Seconds left in this phase, about; None while unknown.
    """

    phase: str
    done: int
    total: int
    eta: float | None = None


@dataclass
class CensusResult:
    """What a census found, and how much of it is covered.

    Attributes:
        query: The query sent to GitHub (or a description of the list or folder).
        entries: One per repository, in listing order.
        matched: How many repositories GitHub said the query matches (None for a list).
        plan: The plan the run kept to.
        ranges: The ``created:`` ranges read, when the query was sliced.
        reset_at: When the budget refills, if some reports were left for after it.
        requests: HTTP requests sent during the run.
        started_at: When the run began (UTC).
    """

    query: str
    entries: list[CensusEntry]
    matched: int | None
    plan: CensusPlan
    ranges: tuple[str, ...] = ()
    reset_at: datetime | None = None
    requests: int = 0
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))


Progress = Callable[[CensusProgress], None]
Sleep = Callable[[float], Awaitable[None]]


class CensusRunner:
    """Plan and run a census through one ``GitHubSource``.

    Attributes:
        source: Where searches and reports come from.
        entries: Every repository listed so far, by lower-case name (read it after a cancel).
    """

    def __init__(
        self,
        source: GitHubSource,
        *,
        on_progress: Progress | None = None,
        concurrency: int = 8,
        sleep: Sleep | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.source = source
        self._clock = clock or (lambda: datetime.now(UTC))
        self.entries: dict[str, CensusEntry] = {}
        self._progress = on_progress or (lambda _: None)
        self._concurrency = concurrency
        self._sleep = sleep or asyncio.sleep

    @property
    def client(self) -> GitHubClient:
        """The client under the source."""
        return self.source.client

    async def plan(
        self,
        limit: int,
        *,
        names: Sequence[str] | None = None,
        query: str | None = None,
        total: int | None = None,
    ) -> CensusPlan:
        """The plan, from the budget as ``/rate_limit`` tells it.

        A query matching fewer than ``limit`` is planned for what it matches: ``total`` when the
        caller knows it (the search screen's count; free). Given ``query`` instead, its first
        search page is read to learn it: that costs one search (the caller has the user's
        consent), and the run takes that page from the cache. Otherwise nothing is spent.
        """
        buckets = {} if self.client.settings.offline else await self.client.rate_limit()
        token = self.client.authenticated
        if names is not None:
            return plan_named(len(names), buckets, token=token)
        if total is None and query:
            total = await self._matched(query)
        return plan_search(limit, buckets, token=token, total=total)

    async def _matched(self, query: str) -> int | None:
        """How many repositories ``query`` matches, from its first page; None if not known."""
        if self.client.settings.offline:
            return None
        try:
            first = await self.source.search(query, sort="stars", page=1, per_page=PAGE)
        except (GitHubError, ValueError):  # ValueError: a query the offline parser refuses
            return None  # the run meets the same problem (or waits the limit out) and says it
        return first.total_count

    async def run_query(self, query: str, plan: CensusPlan) -> CensusResult:
        """List the query's repositories (most starred first), then fetch their reports."""
        sent, started = self.client.requests_sent, datetime.now(UTC)
        matched, ranges = await self._list(query, plan)
        reset_at = await self._details(plan, ANON_COST)
        return CensusResult(
            query=query,
            entries=list(self.entries.values()),
            matched=matched,
            plan=plan,
            ranges=ranges,
            reset_at=reset_at,
            requests=self.client.requests_sent - sent,
            started_at=started,
        )

    async def run_names(self, names: Sequence[str], plan: CensusPlan, label: str) -> CensusResult:
        """Fetch the reports of repositories named one by one (``--from FILE``)."""
        sent, started = self.client.requests_sent, datetime.now(UTC)
        for name in names:
            self.entries.setdefault(name.lower(), CensusEntry(RepoInfo(full_name=name)))
        reset_at = await self._details(plan, NAMED_COST)
        return CensusResult(
            query=label,
            entries=list(self.entries.values()),
            matched=None,
            plan=plan,
            reset_at=reset_at,
            requests=self.client.requests_sent - sent,
            started_at=started,
        )

    async def _list(self, query: str, plan: CensusPlan) -> tuple[int, tuple[str, ...]]:
        """Fill ``entries`` from the search; returns GitHub's match count and the ranges read."""
        if plan.sliced:
            found = await sliced_search(self._page, query, plan.repos, date.today())
            self._add(found.items[: plan.repos])
            return found.matched, tuple(found.ranges)
        pages, matched = math.ceil(plan.repos / PAGE), 0
        for page in range(1, pages + 1):
            results = await self._page(query, page)
            matched = results.total_count
            self._add(results.items[: plan.repos - len(self.entries)])
            self._progress(CensusProgress("search", page, pages))
            if not results.has_next or page * PAGE >= SEARCH_CAP:
                break
        return matched, ()

    def _add(self, items: Sequence[RepoInfo]) -> None:
        for item in items:
            self.entries.setdefault(item.full_name.lower(), CensusEntry(item))

    async def _page(self, query: str, page: int) -> SearchResults:
        """One search page; a spent search bucket (it refills each minute) is waited out."""
        try:
            return await self.source.search(query, sort="stars", page=page, per_page=PAGE)
        except RateLimited as limited:
            wait = _seconds_until(limited.reset_at, self._clock())
            if limited.resource != "search" or wait is None or wait > SEARCH_WAIT_MAX:
                raise
            self._progress(CensusProgress("waiting", 0, math.ceil(wait), eta=wait))
            await self._sleep(wait + 1)
            return await self.source.search(query, sort="stars", page=page, per_page=PAGE)

    async def _details(self, plan: CensusPlan, cost: int) -> datetime | None:
        """Fetch reports: from the cache first, then as many as the budget affords."""
        todo = [e for e in self.entries.values() if e.report is None]
        if not self.client.authenticated:
            todo = await self._from_cache(todo)
        affordable = self._affordable(len(todo), cost)
        while affordable:  # a report often costs less than planned: spend what is left, too
            await self._fetch_all(todo[:affordable], "details")
            todo = [e for e in todo[affordable:] if e.report is None]
            affordable = self._affordable(len(todo), cost)
            if self.client.authenticated:
                break  # the pages carried nearly everything; nothing is left to buy
        core = self.client.budget.get("core")
        # left for later: those the plan could not afford, or cut short by a budget spent elsewhere
        if todo or (core is not None and core.remaining <= 0):
            return core.reset_at if core else plan.reset_at
        return None

    def _affordable(self, count: int, cost: int) -> int:
        """How many of ``count`` repositories the core budget pays for now."""
        if self.client.authenticated:
            return count  # the GraphQL pages carried nearly everything; the fetcher guards the rest
        core = self.client.budget.get("core")
        if core is None:
            return count  # no limits (an Enterprise server), or nothing known: the fetcher guards
        return min(count, max(0, core.remaining) // cost)

    async def _from_cache(self, todo: list[CensusEntry]) -> list[CensusEntry]:
        """Answer what the cache holds (free), through a twin client that never sends anything."""
        tick = self._ticker("cache", len(todo))
        found = await cached_reports(
            self.client, [e.info for e in todo], clock=self._clock, done=lambda *_: tick()
        )
        for key, report in found.items():
            self.entries[key] = CensusEntry(report.info, report, from_cache=True)
        return [e for e in todo if self.entries[e.info.full_name.lower()].report is None]

    async def _fetch_all(self, todo: Sequence[CensusEntry], phase: str) -> None:
        """Reports of ``todo``, a few at a time, with progress after each."""
        tick = self._ticker(phase, len(todo))

        def done(info: RepoInfo, report: RepoReport | None) -> None:
            if report is not None:
                key = info.full_name.lower()
                self.entries[key] = CensusEntry(report.info, report)
            tick()

        infos = [e.info for e in todo]
        await fetch_reports(self.source, infos, done, concurrency=self._concurrency)

    def _ticker(self, phase: str, total: int) -> Callable[[], None]:
        """A callable that reports one more step of ``phase`` done, with an ETA."""
        done, started = 0, time.monotonic()

        def tick() -> None:
            nonlocal done
            done += 1
            eta = (time.monotonic() - started) / done * (total - done)
            self._progress(CensusProgress(phase, done, total, eta=eta))

        return tick


def _seconds_until(moment: datetime | None, now: datetime) -> float | None:
    if moment is None:
        return None
    return max(0.0, (moment - now).total_seconds())


async def local_census(root: Path) -> CensusResult:
    """A census of the checkouts in a folder (each subfolder is one); costs no budget."""
    from tui.sources.local import LocalSource

    folders = await asyncio.to_thread(lambda: sorted(p for p in root.iterdir() if p.is_dir()))
    entries = []
    for folder in folders:
        if folder.name.startswith("."):
            continue
        report = await last_report(LocalSource(folder), RepoInfo(full_name=str(folder)))
        if report is not None:
            entries.append(CensusEntry(report.info, report, from_cache=True))
    plan = CensusPlan(len(entries), False, 0, 0, 0, len(entries), 0.0, named=True)
    return CensusResult(query=str(root), entries=entries, matched=None, plan=plan)
