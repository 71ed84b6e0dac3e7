"""GitHubSource: a repository on GitHub (or the offline catalog behind the same client) as a report.

Without a token a report costs at most: the repository (skipped when a search item carried it),
its languages, one recursive tree, and raw manifest fetches (which do not spend the API budget).
With a token, a search page comes from one GraphQL query that already carries languages and root
manifests, so most reports cost nothing more; the page's repositories that need more (workspace
roots, no manifest at all) share two follow-up queries. Offline, or when GitHub cannot be
reached, searches are answered from the cache and the bundled catalog (``tui.sources.offline``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

from tui.analysis.languages import shares
from tui.analysis.notebooks import GITHUB_VIEW, notebook_view
from tui.analysis.report import RepoInfo, RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import (
    ApiUnavailable,
    EmptyRepository,
    GitHubError,
    NotFound,
    ValidationFailed,
)
from tui.github.graphql_search import SEARCH_QUERY, RepoBundle, parse_search
from tui.github.models import FetchInfo, SearchPage
from tui.sources.base import README_MAX, README_NAMES, Activity, Readme, SearchResults
from tui.sources.convert import repo_info, source_info
from tui.sources.github_detect import FrameworkFinder
from tui.sources.offline import catalog_has, offline_search

DEEPEN_BATCH = 25
"""At most this many repositories in one follow-up query (a query over 10 s fails)."""


class GitHubSource:
    """Search and describe repositories through one ``GitHubClient``.

    Attributes:
        client: The client every request goes through.
        kind: What reports say they come from (``github``, or ``catalog`` in the demo).
        use_graphql: Search with one GraphQL query per page when the client has a token.
        catalog_fallback: When the network is out of reach, describe a repository the cache
            does not hold from the bundled catalog (``SourceInfo.kind == "catalog"``).
    """

    def __init__(
        self,
        client: GitHubClient,
        *,
        kind: str = "github",
        graphql: bool = True,
        catalog_fallback: bool = False,
    ) -> None:
        self.client = client
        self.kind = kind
        self.use_graphql = graphql
        self.catalog_fallback = catalog_fallback
        self._bundles: dict[str, RepoBundle] = {}
        self._pages: dict[str, tuple[str, ...]] = {}  # a repository -> every one on its page
        self._not_deepened: set[str] = set()  # a follow-up query failed: REST for these
        self._deepening = asyncio.Lock()
        self._cursors: dict[tuple[str, str | None, int, int], str] = {}
        self._finder = FrameworkFinder(client)
        self._catalog: GitHubSource | None = None

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """One page of GitHub's repository search (GraphQL with a token, else REST).

        Offline, or when GitHub cannot be reached, the cache and the catalog answer instead.

        Raises:
            ValidationFailed: A query GitHub (or offline search) refuses.
        """
        if self.client.settings.offline:
            return await offline_search(self.client, query, sort=sort, page=page, per_page=per_page)
        try:
            result, kind = await self._online_search(query, sort, page, per_page)
        except ApiUnavailable:
            return await offline_search(self.client, query, sort=sort, page=page, per_page=per_page)
        info = result.info
        return SearchResults(
            query=query,
            items=tuple(repo_info(item) for item in result.items),
            total_count=result.total_count,
            incomplete=result.incomplete_results,
            page=result.page,
            has_next=result.has_next,
            from_cache=bool(info and info.from_cache),
            stale=bool(info and info.stale),
            offline=kind == "catalog",
        )

    async def _online_search(
        self, query: str, sort: str | None, page: int, per_page: int
    ) -> tuple[SearchPage, str]:
        """GraphQL first when it can serve this page, REST otherwise or when GraphQL fails."""
        if self.use_graphql and self.client.authenticated:
            found = await self._graphql_search(query, sort, page, per_page)
            if found is not None:
                return found, "graphql"
        result = await self.client.search_repositories(
            query, sort=sort, order="desc" if sort else None, per_page=per_page, page=page
        )
        return result, self.kind

    async def _graphql_search(
        self, query: str, sort: str | None, page: int, per_page: int
    ) -> SearchPage | None:
        """The GraphQL path; None (so REST is used) when it fails or cannot reach that page."""
        after = None
        if page > 1:
            after = self._cursors.get((query, sort, page - 1, per_page))
            if after is None:
                return None  # no cursor for the page before: REST can jump straight there
        q = f"{query} sort:{sort}-desc" if sort else query
        variables: dict[str, object] = {"q": q, "first": per_page, "after": after}
        try:
            data, info = await self.client.graphql_with_info(SEARCH_QUERY, variables)
            parsed = parse_search(data, page=page, per_page=per_page)
        except ValidationFailed:
            raise  # the query itself is wrong: REST would refuse it too
        except GitHubError:
            return None  # an error answer, a spent graphql bucket, a 502: REST still works
        if parsed.end_cursor:
            self._cursors[(query, sort, page, per_page)] = parsed.end_cursor
        self._bundles.update(parsed.bundles)
        names = tuple(parsed.bundles)
        self._pages.update((name, names) for name in names)
        return replace(parsed.page, info=info)

    async def _deepened(self, bundle: RepoBundle) -> RepoBundle:
        """``bundle`` with a deeper listing and files, fetched for its whole page at once.

        The first report that needs more than the root asks for every repository of its page
        that does, in two GraphQL queries; the others then find their answers here.
        """
        key = bundle.repo.full_name.lower()
        async with self._deepening:  # concurrent reports of one page share one batch
            current = self._bundles.get(key, bundle)
            if key in self._not_deepened or not self._finder.needs_more(current):
                return current
            todo = [current, *self._page_needing_more(key, current)][:DEEPEN_BATCH]
            try:
                deepened = await self._finder.deepen(todo)
            except GitHubError:
                deepened = {}  # REST answers for these instead
            self._bundles.update(deepened)
            names = {b.repo.full_name.lower() for b in todo}
            self._not_deepened.update(names - set(deepened))
            return self._bundles.get(key, current)

    def _page_needing_more(self, key: str, current: RepoBundle) -> list[RepoBundle]:
        """The other bundles of ``key``'s search page that a follow-up query would help."""
        page = (self._bundles.get(name) for name in self._pages.get(key, ()))
        return [
            b
            for b in page
            if b is not None
            and b is not current
            and b.repo.full_name.lower() not in self._not_deepened
            and self._finder.needs_more(b)
        ]

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """Yield the report as each answer arrives: metadata, languages, then frameworks.

        With ``catalog_fallback``, a repository GitHub cannot be asked about (offline, network
        down) and the cache does not hold is described from the bundled catalog instead.
        """
        try:
            async for report in self._report(full_name, hint):
                yield report
        except ApiUnavailable:
            if not (self.catalog_fallback and await asyncio.to_thread(catalog_has, full_name)):
                raise
            async for report in self._catalog_report(full_name):
                yield report

    async def _catalog_report(self, full_name: str) -> AsyncIterator[RepoReport]:
        """The catalog's report of one repository, through one client of its own, built once."""
        if self._catalog is None:
            from tui.sources.catalog import catalog_client

            # building it opens a disk cache and loads the catalog: not on the event loop
            client = await asyncio.to_thread(catalog_client, self.client.settings)
            self._catalog = GitHubSource(client, kind="catalog", graphql=False)
        async for report in self._catalog.report(full_name):
            yield report

    async def aclose(self) -> None:
        """Close the client (and the catalog's, if one was needed)."""
        if self._catalog is not None:
            await self._catalog.client.aclose()
            self._catalog = None
        await self.client.aclose()

    async def _report(self, full_name: str, hint: RepoInfo | None) -> AsyncIterator[RepoReport]:
        bundle = self._bundles.get(full_name.lower())
        infos: list[FetchInfo | None] = []
        kind = "graphql" if bundle is not None else self.kind
        if bundle is not None:
            info = repo_info(bundle.repo)
        elif hint is None or hint.default_branch is None:
            repo = await self.client.repo(full_name)
            infos.append(repo.info)
            info = repo_info(repo)
        else:
            info = hint
        report = RepoReport(info=info, source=source_info(kind, infos))
        yield report

        if bundle is not None and bundle.languages_complete:
            languages = bundle.languages
        else:  # more languages than the query listed: only the full answer gives true shares
            answer = await self.client.languages(info.full_name)
            infos.append(answer.info)
            languages = answer.bytes_by_language
        view = notebook_view(languages)  # GitHub gives bytes only: notebooks can be set apart
        report = replace(
            report,
            languages=shares(languages),
            notebook_view=view.shares if view.label != GITHUB_VIEW else None,
            notebook_label=view.label if view.label != GITHUB_VIEW else None,
            notebook_bytes=view.notebook_bytes,
            source=source_info(kind, infos),
        )
        yield report

        if bundle is not None and self._finder.needs_more(bundle):
            bundle = await self._deepened(bundle)
        try:
            frameworks, problems = await self._finder.find(info, bundle, infos)
        except EmptyRepository:
            frameworks, problems = (), ("The repository is empty.",)
        yield replace(
            report,
            frameworks=frameworks,
            errors=report.errors + problems,
            source=source_info(kind, infos),
        )

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The README at the top of the default branch, from the raw host (no API budget).

        The usual names are tried in turn (a raw-host miss is free); None when there is none.
        """
        branch = ref or "HEAD"
        for path in README_NAMES:
            try:
                found = await self.client.raw_file(full_name, branch, path)
            except NotFound:
                continue
            return Readme(path, found.data[:README_MAX].decode("utf-8", errors="replace"))
        return None

    async def activity(self, full_name: str) -> Activity:
        """Weekly commits for the last year."""
        result = await self.client.commit_activity(full_name)
        weeks = tuple((week.date().isoformat(), count) for week, count in result.weeks)
        return Activity(weeks=weeks, computing=result.computing)

    def clear_cache(self) -> int:
        """Drop every cached answer; returns how many entries went."""
        self._bundles.clear()
        return self.client.cache_clear()
