"""Reading the disk cache as a collection: every repository it describes, for offline search.

Only answers stored for one identity count (the key carries it), and only those that describe
repositories: REST search pages, repository answers, GraphQL search answers. The newest answer
about a repository wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from tui.github.cache import HttpCache
from tui.github.errors import GitHubError
from tui.github.graphql_search import parse_search as parse_graphql_search
from tui.github.models import Repo
from tui.github.parse import graphql_data, parse_repo, parse_search

_REPO_PATH = re.compile(r"/repos/[^/]+/[^/]+")


@dataclass(frozen=True, slots=True)
class CacheIndex:
    """Which cached answers belong to one client: its API base, GraphQL URL and identity.

    Attributes:
        api: The REST base URL, without a trailing slash.
        graphql: The GraphQL endpoint.
        fingerprint: The identity in cache keys (a token's hash prefix, or ``anon``).
    """

    api: str
    graphql: str
    fingerprint: str

    def repos(self, store: HttpCache) -> list[Repo]:
        """Every repository ``store`` holds for this identity (synchronous: run it in a thread)."""
        prefixes = (f"GET {self.api}/search/", f"GET {self.api}/repos/", f"POST {self.graphql} ")
        seen: list[tuple[datetime, Repo]] = []
        for key, entry in store.entries(prefixes, keep=self.describes_repos):
            if entry.status == 200:
                url = key.split(" ", 2)[1]
                seen.extend((entry.fetched_at, repo) for repo in self.repos_in(url, entry.body))
        newest: dict[str, Repo] = {}
        for _, repo in sorted(seen, key=lambda pair: pair[0]):
            newest[repo.full_name.lower()] = repo
        return list(newest.values())

    def describes_repos(self, key: str) -> bool:
        """Whether a cache key is this identity's search page or repository answer."""
        if f" id={self.fingerprint} " not in key:
            return False
        url = key.split(" ", 2)[1]
        path = url.removeprefix(self.api).split("?", 1)[0]
        return (
            url == self.graphql
            or path == "/search/repositories"
            or bool(_REPO_PATH.fullmatch(path))
        )

    def repos_in(self, url: str, body: bytes) -> tuple[Repo, ...]:
        """The repositories one cached answer describes; nothing if it is not such an answer."""
        path = url.removeprefix(self.api).split("?", 1)[0]
        try:
            if url == self.graphql:
                data = graphql_data(body, None)
                return parse_graphql_search(data, page=1, per_page=100).page.items
            if path == "/search/repositories":
                return parse_search(body, page=1, per_page=100, has_next=False).items
            if _REPO_PATH.fullmatch(path):
                return (parse_repo(body),)
        except GitHubError:
            pass  # another kind of GraphQL query, or an entry that no longer parses
        return ()
