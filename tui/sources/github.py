"""GitHubSource: a repository on GitHub as a report.

Without a token a report costs at most: the repository (skipped when a search item carried it),
its languages, one recursive tree, and raw manifest fetches (which do not spend the API budget).
With a token, a search page comes from one GraphQL query that already carries languages and root
manifests, so most reports cost nothing more; the page's repositories that need more (workspace
roots, no manifest at all) share two follow-up queries, plus the recursive tree of those whose
listing stops short of deeper folders (``github_deepen``). What to do when GitHub cannot be reached
(search the cache, ask the catalog) is the router's business (``tui.sources.router``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable
from dataclasses import replace

from tui.analysis.frameworks import detect
from tui.analysis.manifests import parse_manifest
from tui.analysis.report import RepoInfo, RepoReport
from tui.analysis.root import named_files
from tui.github.client import GitHubClient
from tui.github.errors import (
    ApiUnavailable,
    GitHubError,
    NotFound,
    OfflineMiss,
    RateLimited,
    ValidationFailed,
)
from tui.github.graphql_search import RepoBundle
from tui.github.models import FetchInfo, SearchPage
from tui.sources.base import README_MAX, README_NAMES, Activity, Readme, SearchResults
from tui.sources.convert import repo_info, search_results, source_info
from tui.sources.github_detect import Found, FrameworkFinder
from tui.sources.github_heads import HeadTrees
from tui.sources.github_rest import checked_name, rest_report, with_frameworks, with_languages

DEEPEN_BATCH = 25
"""At most this many repositories in one follow-up query (a query over 10 s fails)."""


class GitHubSource:
    """Search and describe repositories through one ``GitHubClient``.

    Attributes:
        client: The client every request goes through.
        kind: What reports say they come from (``github``; ``graphql`` when a query carried it).
        use_graphql: Search with one GraphQL query per page when the client has a token.
    """

    def __init__(self, client: GitHubClient, *, graphql: bool = True) -> None:
        self.client = client
        self.kind = "github"
        self.use_graphql = graphql
        self._bundles: dict[str, RepoBundle] = {}
        self._fetched: dict[str, FetchInfo] = {}  # a bundle -> where its answer came from
        self._pages: dict[str, tuple[str, ...]] = {}  # a repository -> every one on its page
        self._not_deepened: set[str] = set()  # a follow-up query failed: REST for these
        self._heads = HeadTrees(client)  # trees sent beside a repository's own query
        self._deepening = asyncio.Lock()
        self._cursors: dict[tuple[str, str | None, int, int], str] = {}
        self._finder = FrameworkFinder(client)
        self._graphql_failed = False  # GraphQL failed once: one repository's report uses REST

    @property
    def offline(self) -> bool:
        """``--offline``: nothing is sent, answers come from the cache only."""
        return self.client.settings.offline

    async def candidates(self) -> list[RepoInfo]:
        """Every repository the cache holds for this identity, for offline search (nothing sent)."""
        return [repo_info(repo) for repo in await self.client.cached_repos()]

    async def probe(self) -> bool:
        """Whether there is anything to show: GitHub answers, or the cache holds something.

        Asks ``/rate_limit``, which costs no budget (and fills the rate meter on the way).
        """
        try:
            await self.client.rate_limit()
        except ApiUnavailable:
            return bool(await self.client.cached_repos())
        except GitHubError:
            return True  # GitHub answered, if unhappily: it is reachable
        return True

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """One page of GitHub's repository search (GraphQL with a token, else REST).

        Raises:
            ValidationFailed: A query GitHub refuses.
            ApiUnavailable: GitHub cannot be reached (or ``--offline``).
        """
        result, _ = await self._online_search(query, sort, page, per_page)
        return search_results(query, result)

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
            parsed, info = await self.client.graphql_search(variables, page=page, per_page=per_page)
        except (ValidationFailed, RateLimited):
            # a wrong query: REST would refuse it too; a spent graphql bucket with no stale
            # answer: the error gives the reset time, and REST's budget is not spent instead
            raise
        except GitHubError:
            self._graphql_failed = True  # single reports go REST from now on, not GraphQL
            return None  # an error answer, a 502, an odd answer: REST still works
        if parsed.end_cursor:
            self._cursors[(query, sort, page, per_page)] = parsed.end_cursor
        self._bundles.update(parsed.bundles)
        self._fetched.update((name, info) for name in parsed.bundles)
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
            head = self._heads.take(key)  # sent beside this repository's own query
            heads = {key: head} if head is not None else {}
            try:
                deepened = await self._finder.deepen(todo, heads)
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
        """Yield the report as each answer arrives: metadata, languages, then frameworks."""
        async with contextlib.aclosing(self._report(full_name, hint)) as reports:
            async for report in reports:  # (closed with this one: its cleanup runs now)
                yield report

    async def aclose(self) -> None:
        """Close the client."""
        await self.client.aclose()

    async def _report(
        self, full_name: str, hint: RepoInfo | None
    ) -> AsyncGenerator[RepoReport, None]:
        bundle = self._bundles.get(full_name.lower())
        if (
            bundle is None
            and self.use_graphql
            and self.client.authenticated
            and not self._graphql_failed
        ):  # offline too: the cache may hold the query's answer (or a search node stored as it)
            bundle = await self._single_bundle(full_name)
        if bundle is None:
            async for report in rest_report(self.client, self._finder, full_name, hint, self.kind):
                yield report
            return
        try:
            async with contextlib.aclosing(self._graphql_report(full_name, bundle)) as reports:
                async for report in reports:
                    yield report
        finally:  # done, or abandoned for a newer report: a tree still on its way is let go
            self._heads.drop(bundle.repo.full_name.lower())

    async def _graphql_report(
        self, full_name: str, bundle: RepoBundle
    ) -> AsyncGenerator[RepoReport, None]:
        """``_report`` from a GraphQL bundle: metadata, languages, then frameworks."""
        infos: list[FetchInfo | None] = [self._fetched.get(full_name.lower())]
        info, problems = checked_name(repo_info(bundle.repo), full_name)
        report = RepoReport(info=info, source=source_info("graphql", infos), errors=problems)
        yield report
        if bundle.languages_complete:
            languages = bundle.languages
        else:  # more languages than the query listed: only the full answer gives true shares
            answer = await self.client.languages(bundle.repo.full_name)
            infos.append(answer.info)
            languages = answer.bytes_by_language
        report = with_languages(report, languages, infos)
        yield report
        if self._finder.needs_more(bundle):
            bundle = await self._deepened(bundle)
        finding = self._finder.find(report.info, bundle, infos)
        if self.offline:
            finding = _or_root_alone(finding, report.info, bundle)
        yield await with_frameworks(report, finding, infos)

    async def _single_bundle(self, full_name: str) -> RepoBundle | None:
        """One GraphQL query for a repository no search page carried; None: use REST.

        The recursive tree at ``HEAD`` goes beside the query (``github_heads``).
        """
        head = await self._heads.speculate(full_name, offline=self.offline)
        try:
            bundle, fetched = await self.client.repo_bundle(full_name)
        except BaseException as error:
            if head is not None:  # no bundle, no use for its tree (REST asks for its own)
                head.cancel()
            if isinstance(error, NotFound | ValidationFailed | RateLimited):
                raise  # rate limited with nothing stale: say when it resets, spend no REST
            if isinstance(error, OfflineMiss):
                return None  # offline, and not cached as a query: the REST answers may be
            if not isinstance(error, GitHubError):
                raise
            self._graphql_failed = True
            return None  # a 502, an odd answer: REST still works
        if head is None and bundle.head_oid:
            head = await self._heads.kept(full_name, bundle.head_oid)
        if head is not None:  # by the name the answer gives (a renamed repository's new one)
            self._heads.hold(bundle.repo.full_name.lower(), head)
        self._bundles[full_name.lower()] = bundle
        self._fetched[full_name.lower()] = fetched  # a cached answer says so, with its age
        return bundle

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

    async def clear_cache(self) -> int:
        """Drop every cached answer; returns how many entries went."""
        self._bundles.clear()
        self._fetched.clear()
        return await asyncio.to_thread(self.client.cache_clear)  # diskcache is synchronous


OFFLINE_SHALLOW = (
    "Offline: judged from the root manifests alone; the file listing a closer look needs "
    "is not in the cache."
)


async def _or_root_alone(finding: Awaitable[Found], info: RepoInfo, bundle: RepoBundle) -> Found:
    """What ``finding`` gives; when the cache lacks what it reads, the root manifests' verdict.

    A search node holds the root only: offline, a repository whose root names frameworks but
    not a primary one still gets what the root says (online the closer look mostly adds
    nothing), and the report says it is the root's alone. A workspace's root (its members are
    what matter) or one that names nothing stays unknown: "none detected" would be a guess.
    """
    try:
        return await finding
    except OfflineMiss:
        if bundle.root_entries is None:
            raise
        manifests = [parse_manifest(path, data) for path, data in bundle.files.items()]
        if named_files(manifests) is None:
            raise
        paths = [entry.path for entry in bundle.root_entries if entry.type == "blob"]
        detection = await asyncio.to_thread(detect, paths, bundle.files, repo_name=info.full_name)
        if not detection.frameworks:
            raise
    return tuple(detection.frameworks), (*detection.problems, OFFLINE_SHALLOW)
