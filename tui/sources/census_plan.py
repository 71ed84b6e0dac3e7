"""What a census will cost and what the budget allows, worked out before anything is spent.

Pure arithmetic over the limit and the rate-limit buckets (``/rate_limit`` is free, so the
caller reads them first). The figures are the ones the runner then keeps to: it never starts a
repository the plan did not afford.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from tui.github.models import RateBucket
from tui.github.reset_time import reset_time

PAGE = 100
"""Repositories per search page (GitHub's maximum)."""

SEARCH_CAP = 1000
"""GitHub serves at most this many results of one search query."""

SLICED_CAP = 10_000
"""With a token, a census slices its query by creation date up to this many repositories."""

ANON_COST = 2
"""Core requests per repository without a token: its languages and its tree (files come from the
raw host, which the API budget does not count; the search item already carried the rest)."""

NAMED_COST = 3
"""Core requests per repository named in a file: its metadata too, since no search carried it."""

DEEPEN_POINTS_PER_PAGE = 2
"""GraphQL points per search page for follow-up queries (deeper listings, then files)."""

SECONDS_PER_SEARCH = 2.5
"""Searches go one at a time, about two seconds apart, as GitHub advises."""


@dataclass(frozen=True, slots=True)
class CensusPlan:
    """The cost of a census and what this hour's budget covers.

    Attributes:
        repos: Repositories the census will list (at most; a query may match fewer).
        token: A token is in use (GraphQL search pages carry languages and manifests).
        searches: Search requests (REST or GraphQL pages).
        graphql_points: GraphQL points, about (zero without a token).
        core_requests: Core REST requests for per-repository answers, at most.
        detailed: Repositories that get languages and frameworks this hour.
        seconds: Wall time, about.
        sliced: The query will be sliced by creation date (past 1,000 results).
        named: The repositories come from a list, not a search.
        reset_at: When the core budget refills (for those ``detailed`` leaves out).
        capped_from: The limit asked for, when it had to be lowered (no token past 1,000).
        catalog: The repositories are the bundled demo catalog's: nothing is sent.
        known: How many the query matches was known when planning (else ``repos`` is the
            limit, and the query may match fewer: the plan says "up to").
    """

    repos: int
    token: bool
    searches: int
    graphql_points: int
    core_requests: int
    detailed: int
    seconds: float
    sliced: bool = False
    named: bool = False
    reset_at: datetime | None = None
    capped_from: int | None = None
    catalog: bool = False
    known: bool = False


def _remaining(bucket: RateBucket | None) -> int | None:
    """What is left in a bucket; None when unlimited or not known (an Enterprise server)."""
    return None if bucket is None else max(0, bucket.remaining)


def plan_search(
    limit: int, buckets: dict[str, RateBucket], *, token: bool, total: int | None = None
) -> CensusPlan:
    """The plan for a census of a search query's first ``limit`` repositories.

    ``total`` is how many repositories the query matches, when known (the search's
    ``total_count``): a query matching 12 plans for 12, not for ``limit``.
    """
    if total is not None:
        limit = min(limit, max(0, total))
    capped_from = None
    cap = SLICED_CAP if token else SEARCH_CAP
    if limit > cap:
        limit, capped_from = cap, limit
    sliced = limit > SEARCH_CAP
    pages = math.ceil(limit / PAGE)
    # slicing probes each date range once more than its pages need, about one per thousand
    searches = pages + (math.ceil(limit / SEARCH_CAP) if sliced else 0)
    core = buckets.get("core")
    if token:
        points = searches + DEEPEN_POINTS_PER_PAGE * pages
        return CensusPlan(
            repos=limit,
            token=True,
            searches=searches,
            graphql_points=points,
            core_requests=0,
            detailed=limit,
            seconds=(searches + DEEPEN_POINTS_PER_PAGE * pages) * SECONDS_PER_SEARCH / 2,
            sliced=sliced,
            capped_from=capped_from,
            known=total is not None,
        )
    plan = _anonymous(limit, pages, core, ANON_COST, capped_from=capped_from, named=False)
    return replace(plan, known=total is not None)


def plan_named(count: int, buckets: dict[str, RateBucket], *, token: bool) -> CensusPlan:
    """The plan for a census of ``count`` repositories named one by one (``--from FILE``)."""
    return _anonymous(count, 0, buckets.get("core"), NAMED_COST, named=True, token=token)


def _anonymous(
    repos: int,
    pages: int,
    core: RateBucket | None,
    cost: int,
    *,
    named: bool,
    capped_from: int | None = None,
    token: bool = False,
) -> CensusPlan:
    left = _remaining(core)
    detailed = repos if left is None else min(repos, left // cost)
    return CensusPlan(
        repos=repos,
        token=token,
        searches=pages,
        graphql_points=0,
        core_requests=detailed * cost,
        detailed=detailed,
        seconds=pages * SECONDS_PER_SEARCH + detailed * cost * 0.25,
        named=named,
        reset_at=core.reset_at if core is not None and detailed < repos else None,
        capped_from=capped_from,
    )


def plan_text(plan: CensusPlan) -> str:
    """The plan in one or two lines, for the confirmation prompt and the TUI."""
    n = plural(plan.repos, "repository", "repositories")
    if plan.catalog:
        match = "matches" if plan.repos == 1 else "match"
        return (
            f"Demo data: {n} of the bundled catalog {match}; "
            "nothing is sent to GitHub and nothing is spent."
        )
    if not plan.known and not plan.named:
        n = f"up to {n}"  # the query may match fewer: GitHub says how many once it is searched
    lines = []
    if plan.capped_from is not None:
        why = "sliced by creation date" if plan.token else "GitHub's search, without a token,"
        lines.append(f"{plan.capped_from:,} asked; {why} stops at {plan.repos:,}.")
    if plan.sliced:
        lines.append("Past GitHub's 1,000 results: the query is sliced by creation date.")
    if plan.token and not plan.named:
        lines.append(
            f"{n}: {plural(plan.searches, 'search', 'searches')} and about "
            f"{plural(plan.graphql_points, 'GraphQL point')} "
            f"with your token, about {_duration(plan.seconds)}."
        )
        return "\n".join(lines)
    head = "no token: " if not plan.token else ""
    if plan.named:
        head += f"{n} named; metadata, languages and frameworks"
    else:
        searches = plural(plan.searches, "search", "searches")
        whom = f"all {n}" if plan.known else n
        head += f"primary languages for {whom} from {searches}; languages and frameworks"
    if plan.detailed >= plan.repos:
        tail = f" for all of them ({plural(plan.core_requests, 'request')})"
    else:
        when = (
            f" (resets at {reset_time(plan.reset_at, datetime.now(UTC))})" if plan.reset_at else ""
        )
        tail = f" for the first {plan.detailed:,} this hour{when}"
    lines.append(f"{head}{tail}, about {_duration(plan.seconds)}.")
    return "\n".join(lines)


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 search``, ``10 searches``: a count with its noun agreeing (as ``tui.present.format``
    says it; sources sit below presentation, so the plan has its own)."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    return f"{round(seconds / 60)} min"
