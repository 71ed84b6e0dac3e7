"""GitHubSource: a repository on GitHub (or the offline catalog behind the same client) as a report.

Without a token a report costs at most: the repository (skipped when a search item carried it),
its languages, one recursive tree, and raw manifest fetches (which do not spend the API budget).
With a token, a search page comes from one GraphQL query that already carries languages and root
manifests, so most reports cost nothing more.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

from tui.analysis.languages import shares
from tui.analysis.report import RepoInfo, RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import ApiUnavailable, BadResponse, EmptyRepository, GitHubError
from tui.github.graphql_search import SEARCH_QUERY, RepoBundle, parse_search
from tui.github.models import FetchInfo, SearchPage
from tui.sources.base import Activity, SearchResults
from tui.sources.convert import repo_info, source_info
from tui.sources.github_detect import FrameworkFinder


class GitHubSource:
    """Search and describe repositories through one ``GitHubClient``."""

    def __init__(self, client: GitHubClient, *, kind: str = "github", graphql: bool = True) -> None:
        self.client = client
        self.kind = kind
        self.use_graphql = graphql
        self._bundles: dict[str, RepoBundle] = {}
        self._cursors: dict[tuple[str, str | None, int, int], str] = {}
        self._finder = FrameworkFinder(client)

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """One page of GitHub's repository search (GraphQL with a token, else REST)."""
        result: SearchPage | None = None
        kind = self.kind
        if self.use_graphql and self.client.authenticated:
            result = await self._graphql_search(query, sort, page, per_page)
            kind = "graphql" if result is not None else kind
        if result is None:
            result = await self.client.search_repositories(
                query, sort=sort, order="desc" if sort else None, per_page=per_page, page=page
            )
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

    async def _graphql_search(
        self, query: str, sort: str | None, page: int, per_page: int
    ) -> SearchPage | None:
        """The GraphQL path; None (so REST is used) when it fails or cannot reach that page."""
        after = None
        if page > 1:
            after = self._cursors.get((query, sort, page - 1, per_page))
            if after is None:
                return None
        q = f"{query} sort:{sort}-desc" if sort else query
        variables: dict[str, object] = {"q": q, "first": per_page, "after": after}
        try:
            data = await self.client.graphql(SEARCH_QUERY, variables)
            parsed = parse_search(data, page=page, per_page=per_page)
        except (ApiUnavailable, BadResponse):
            raise
        except GitHubError:
            return None  # e.g. a GraphQL-level error: REST still works
        if parsed.rate is not None:
            self.client.budget.update(parsed.rate)
        if parsed.end_cursor:
            self._cursors[(query, sort, page, per_page)] = parsed.end_cursor
        self._bundles.update(parsed.bundles)
        return parsed.page

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """Yield the report as each answer arrives: metadata, languages, then frameworks."""
        bundle = self._bundles.get(full_name.lower())
        infos: list[FetchInfo | None] = []
        if bundle is not None:
            info = repo_info(bundle.repo)
        elif hint is None or hint.default_branch is None:
            repo = await self.client.repo(full_name)
            infos.append(repo.info)
            info = repo_info(repo)
        else:
            info = hint
        report = RepoReport(info=info, source=source_info(self.kind, infos))
        yield report

        if bundle is not None:
            languages = bundle.languages
            kind = "graphql"
        else:
            answer = await self.client.languages(info.full_name)
            infos.append(answer.info)
            languages, kind = answer.bytes_by_language, self.kind
        report = replace(report, languages=shares(languages), source=source_info(kind, infos))
        yield report

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

    async def activity(self, full_name: str) -> Activity:
        """Weekly commits for the last year."""
        result = await self.client.commit_activity(full_name)
        weeks = tuple((week.date().isoformat(), count) for week, count in result.weeks)
        return Activity(weeks=weeks, computing=result.computing)

    def clear_cache(self) -> int:
        """Drop every cached answer; returns how many entries went."""
        self._bundles.clear()
        return self.client.cache_clear()
