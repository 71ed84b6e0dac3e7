"""The contract every source of repositories honours: GitHub, a local checkout, the demo catalog.

The front ends talk only to a ``RepoSource`` (the router, ``tui.sources.router``, which composes
the others). ``report`` is an async generator so the UI can paint a repository as each answer
arrives (metadata, then languages, then frameworks). ``offline_results`` pages offline search
(``tui.search``) over candidates a source gathered.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.errors import ValidationFailed


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of repositories matching a query.

    ``unreachable`` is set when GitHub was asked and could not answer (its one-line error),
    so the offline answer in its place can be labelled as such, or refused when it is empty.
    """

    query: str
    items: tuple[RepoInfo, ...]
    total_count: int
    incomplete: bool
    page: int
    has_next: bool
    offline: bool = False
    from_cache: bool = False
    stale: bool = False
    unreachable: str | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    """Weekly commit counts for the last year; ``computing`` while GitHub is still working on it."""

    weeks: tuple[tuple[str, int], ...]  # (ISO date of the week's Sunday, commits)
    computing: bool = False


@dataclass(frozen=True, slots=True)
class Readme:
    """A repository's README: its path (``README.md``) and text (untrusted: never markup)."""

    path: str
    text: str


README_NAMES = ("README.md", "README.markdown", "README.rst", "README.txt", "README", "readme.md")
"""The names a README preview tries, most common first (GitHub accepts any of these)."""

README_MAX = 256 * 1024
"""Bytes of a README shown; a longer one is cut (some hold whole manuals)."""


class RepoSource(Protocol):
    """A place repositories come from."""

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """Search repositories with GitHub's syntax (free text plus qualifiers)."""
        ...

    def report(self, full_name: str, *, hint: RepoInfo | None = None) -> AsyncIterator[RepoReport]:
        """Yield ever more complete reports of one repository; the last one is complete."""
        ...

    async def activity(self, full_name: str) -> Activity:
        """Weekly commit activity for the last year."""
        ...

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The README at the top of the repository (None when there is none to show)."""
        ...

    async def probe(self) -> bool:
        """Whether there is anything to show (GitHub answers, or something is cached); free."""
        ...

    async def clear_cache(self) -> int:
        """Forget every cached answer; how many entries went (0 for a source without a cache)."""
        ...

    async def aclose(self) -> None:
        """Release what the source holds open (its HTTP client)."""
        ...


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """What the UI's badges show about where data comes from.

    Attributes:
        authenticated: A token is in use.
        token_source: Where the token came from (``GH_TOKEN``, ``gh auth token``), never it.
        offline: No network: answers come from the cache (and the catalog).
        demo: The bundled offline catalog is being shown.
        demo_date: The date the catalog's data describes (ISO date), when ``demo``.
        host: The API host being talked to.
        cache_problem: One line when the disk cache was rebuilt or cannot be used (shown once).
        web_url: The web pages' base for that host (``https://github.com``, an Enterprise host's
            own), for links to repositories that came without one.
    """

    authenticated: bool = False
    token_source: str | None = None
    offline: bool = False
    demo: bool = False
    demo_date: str | None = None
    host: str = "api.github.com"
    cache_problem: str | None = None
    web_url: str = "https://github.com"


def offline_results(
    query: str, candidates: list[RepoInfo], sort: str | None, page: int, per_page: int
) -> SearchResults:
    """One page of offline search over ``candidates``, as search results answered offline.

    Raises:
        ValidationFailed: A malformed query (one line saying why).
    """
    from tui.search import QuerySyntaxError, search  # loads with the first offline search

    try:
        hits = search(query, candidates, sort=sort, page=page, per_page=per_page)
    except QuerySyntaxError as exc:
        raise ValidationFailed(" ".join(str(exc).split())) from exc
    return SearchResults(
        query=query,
        items=hits.items,
        total_count=hits.total_count,
        incomplete=False,
        page=page,
        has_next=hits.has_next,
        offline=True,
        from_cache=True,
    )
