"""The ``framework:`` qualifier over one page of search results (the census has its own runner).

GitHub never sees the qualifier (``tui.search.framework_filter`` takes it out of the query), so
each result is judged by the frameworks repolens detects, which needs its report. What that costs:

- with a token, the GraphQL search page already carried every result's languages and root
  manifests: judging the page costs nothing more, or two follow-up GraphQL queries shared by the
  page's workspace roots and manifest-less repositories;
- without one, up to ``ANON_COST`` (2) core requests per result (its languages and its tree; the
  manifests come from the raw host, which the API budget does not count); results the cache
  already answers whole are judged first, for free, and only as many others as the core budget
  pays for (less ``reserve``, kept for browsing);
- the demo catalog, the cache offline, and a local checkout cost nothing.

A result that cannot be judged within the budget is neither kept as a match nor dropped: it
comes back as pending, counted, after the matches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from tui.analysis.report import RepoInfo, RepoReport
from tui.analysis.verdict import decide
from tui.github.errors import GitHubError
from tui.github.models import RateBucket
from tui.search.framework_filter import FrameworkFilter
from tui.sources.base import RepoSource, SearchResults
from tui.sources.census_fetch import cached_reports, fetch_reports
from tui.sources.census_plan import ANON_COST
from tui.sources.github import GitHubSource
from tui.sources.router import Router

Judging = Callable[[int, int], None]
"""Told ``(judged, total)`` after each result."""


@dataclass(frozen=True, slots=True)
class JudgedPage:
    """A search page after the ``framework:`` filter.

    Attributes:
        results: The page to show: the matches, then the pending results (``items``).
        matching: Results whose detected frameworks pass the filter.
        pending: Results whose frameworks are not known yet (not fetched, or the fetch failed).
        dropped: Results judged and found not to pass.
        reports: Every report fetched, by lower-case name (``search --details`` reuses them).
        core_requests: Core REST requests spent judging (raw-host files are not counted: free).
        graphql_points: GraphQL points spent judging (follow-up queries).
        free: Results judged from answers that cost nothing (the cache, the catalog).
        reset_at: When the budget refills, when results are pending for want of it.
    """

    results: SearchResults
    matching: tuple[RepoInfo, ...]
    pending: tuple[RepoInfo, ...]
    dropped: int
    reports: dict[str, RepoReport] = field(default_factory=dict)
    core_requests: int = 0
    graphql_points: int = 0
    free: int = 0
    reset_at: datetime | None = None

    @property
    def judged(self) -> int:
        """Results whose frameworks are known."""
        return len(self.matching) + self.dropped


def _charging(source: RepoSource, results: SearchResults) -> GitHubSource | None:
    """The GitHub source whose budget judging ``results`` spends; None when it spends nothing
    (the demo catalog; answers offline, from the cache and the catalog)."""
    github = source.github if isinstance(source, Router) else source
    if not isinstance(github, GitHubSource) or results.offline or github.offline:
        return None
    return github


def affordable(github: GitHubSource, count: int, reserve: int) -> int:
    """How many of ``count`` results the budget pays to judge now (all, with a token)."""
    client = github.client
    if client.authenticated:
        return count  # the GraphQL page carried their manifests: follow-ups are a few points
    core = client.budget.get("core")
    if core is None:
        return count  # no limits known (an Enterprise server): the client guards each request
    return min(count, max(0, core.remaining - reserve) // ANON_COST)


async def judge_page(
    source: RepoSource,
    results: SearchResults,
    flt: FrameworkFilter,
    *,
    reserve: int = 0,
    on_progress: Judging | None = None,
) -> JudgedPage:
    """Judge every result of ``results`` against ``flt``, within the budget.

    Args:
        source: Where reports come from (the router the front ends hold).
        results: One page of the search for ``flt.query``.
        flt: The ``framework:`` terms.
        reserve: Core requests to leave unspent (the app keeps some for browsing).
        on_progress: Told ``(judged, total)`` as results are judged.
    """
    items = results.items
    reports: dict[str, RepoReport] = {}
    tick = _ticker(len(items), on_progress)

    def keep(info: RepoInfo, report: RepoReport | None) -> None:
        if report is not None and report.frameworks is not None:
            reports[info.full_name.lower()] = report
        tick()

    github = _charging(source, results)
    todo = await _free_first(github, results, reports)
    before, free = _buckets(github), len(reports)
    for _ in range(free):
        tick()
    fetched = await _spend(source, github, todo, keep, reserve)
    for _ in range(len(todo) - fetched):
        tick()  # left pending for want of budget
    if github is None:
        free = len(reports)  # the catalog, a checkout, or answers offline: nothing was spent
    core, points = _spent(before, _buckets(github))
    page = _judged(results, flt, reports, _reset(github, items, reports))
    return replace(page, free=free, core_requests=core, graphql_points=points)


async def _free_first(
    github: GitHubSource | None, results: SearchResults, reports: dict[str, RepoReport]
) -> list[RepoInfo]:
    """Fill ``reports`` from the cache (free); returns the results still to judge."""
    todo = list(results.items)
    if github is None or github.client.authenticated:
        return todo  # nothing to spend, or a token's GraphQL page carried them: nothing to save
    reports.update(await cached_reports(github.client, todo))
    todo = [i for i in todo if i.full_name.lower() not in reports]
    if todo and github.client.budget.get("core") is None:
        await _read_budget(github)
    return todo


async def _spend(
    source: RepoSource,
    github: GitHubSource | None,
    todo: list[RepoInfo],
    keep: Callable[[RepoInfo, RepoReport | None], None],
    reserve: int,
) -> int:
    """Fetch reports for ``todo`` as the budget pays; returns how many were asked for.

    A report often costs less than planned, so what is left is spent too, never past what the
    budget says it allows.
    """
    seen: set[str] = set()

    def count(info: RepoInfo, report: RepoReport | None) -> None:
        seen.add(info.full_name.lower())
        keep(info, report)

    while True:
        left = [i for i in todo if i.full_name.lower() not in seen]
        paid = len(left) if github is None else affordable(github, len(left), reserve)
        if paid:
            await fetch_reports(source, left[:paid], count, concurrency=6)
        if not paid or github is None or github.client.authenticated or paid == len(left):
            return len(seen)


async def _read_budget(github: GitHubSource) -> None:
    """Learn the core budget before spending it: ``/rate_limit`` is free."""
    try:
        await github.client.rate_limit()
    except GitHubError:
        pass  # no limits to read (an Enterprise server): the client guards each request


def _reset(
    github: GitHubSource | None, items: Sequence[RepoInfo], reports: dict[str, RepoReport]
) -> datetime | None:
    """When the core budget refills, if some results are still pending."""
    core = github.client.budget.get("core") if github is not None else None
    if core is None or all(i.full_name.lower() in reports for i in items):
        return None
    return core.reset_at


Snapshot = dict[str, RateBucket]


def _buckets(github: GitHubSource | None) -> Snapshot:
    """The core and GraphQL buckets as the client last heard them."""
    if github is None:
        return {}
    found = (github.client.budget.get(name) for name in ("core", "graphql"))
    return {bucket.resource: bucket for bucket in found if bucket is not None}


def _spent(before: Snapshot, after: Snapshot) -> tuple[int, int]:
    """Core requests and GraphQL points spent between two snapshots (a reset between counted)."""
    spent = []
    for name in ("core", "graphql"):
        old, new = before.get(name), after.get(name)
        if new is None:
            spent.append(0)
        elif old is None or old.reset_at != new.reset_at:
            spent.append(max(0, new.used))  # first heard of, or refilled meanwhile
        else:
            spent.append(max(0, old.remaining - new.remaining))
    return spent[0], spent[1]


def _ticker(total: int, on_progress: Judging | None) -> Callable[[], None]:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    return tick


def _judged(
    results: SearchResults,
    flt: FrameworkFilter,
    reports: dict[str, RepoReport],
    reset_at: datetime | None,
) -> JudgedPage:
    """Sort the page into matches, pending and dropped, keeping GitHub's order in each."""
    matching: list[RepoInfo] = []
    pending: list[RepoInfo] = []
    for info in results.items:
        report = reports.get(info.full_name.lower())
        if report is None or report.frameworks is None:
            pending.append(info)
        elif flt.matches(_counted(report)):
            matching.append(info)
    shown: Sequence[RepoInfo] = (*matching, *pending)
    return JudgedPage(
        results=replace(results, items=tuple(shown)),
        matching=tuple(matching),
        pending=tuple(pending),
        dropped=len(results.items) - len(matching) - len(pending),
        reports=reports,
        reset_at=reset_at,
    )


def _counted(report: RepoReport) -> list[str]:
    """The frameworks a filter reads: the ones the verdict names, as the census counts them."""
    return [f.name for f in decide(report).frameworks]
