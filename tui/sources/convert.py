"""Map the client's typed answers onto the source-independent report types."""

from __future__ import annotations

from collections.abc import Iterable

from tui.analysis.report import RepoInfo, SourceInfo
from tui.github.models import FetchInfo, Repo, SearchPage
from tui.github.urls import is_repo_name
from tui.sources.base import SearchResults


def repo_info(repo: Repo) -> RepoInfo:
    """The metadata of a search item or repository answer."""
    return RepoInfo(
        full_name=repo.full_name,
        description=repo.description,
        html_url=repo.html_url,
        homepage=repo.homepage or None,
        stars=repo.stars,
        forks=repo.forks,
        open_issues=repo.open_issues,
        license=repo.license,
        topics=repo.topics,
        default_branch=repo.default_branch,
        created_at=repo.created_at,
        pushed_at=repo.pushed_at,
        updated_at=repo.updated_at,
        archived=repo.archived,
        fork=repo.fork,
        size_kb=repo.size_kb,
        primary_language=repo.primary_language,
    )


def source_info(kind: str, infos: Iterable[FetchInfo | None]) -> SourceInfo:
    """Summarise answers: from cache if all were, stale if any was, the oldest fetch time."""
    known = [info for info in infos if info is not None]
    if not known:
        return SourceInfo(kind=kind)
    return SourceInfo(
        kind=kind,
        from_cache=all(info.from_cache for info in known),
        stale=any(info.stale for info in known),
        fetched_at=min(info.fetched_at for info in known),
    )


def search_results(query: str, page: SearchPage) -> SearchResults:
    """One page of GitHub's search as the sources' search results."""
    info = page.info
    return SearchResults(
        query=query,
        # a name no repository can have (``evil/../../x``) could not be opened: leave it out
        items=tuple(repo_info(item) for item in page.items if is_repo_name(item.full_name)),
        total_count=page.total_count,
        incomplete=page.incomplete_results,
        page=page.page,
        has_next=page.has_next,
        from_cache=bool(info and info.from_cache),
        stale=bool(info and info.stale),
    )
