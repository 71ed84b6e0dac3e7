"""The GraphQL half of ``GitHubClient``: queries, search pages, one repository in one query.

A mixin, kept apart so the client stays readable; it uses the client's fetcher, budget and
request builders, declared below for the type checker.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from tui.github.budget import Budget
from tui.github.errors import AuthFailed, BadResponse, NotFound
from tui.github.fetch import Fetcher
from tui.github.graphql_repo import parse_repository, repo_query, repo_variables
from tui.github.graphql_search import (
    GraphQLPage,
    RepoBundle,
    bundle_from_node,
    graphql_rate,
    search_query,
)
from tui.github.graphql_search import parse_search as parse_graphql_search
from tui.github.models import FetchInfo
from tui.github.parse import graphql_data
from tui.github.request import JSON, SEARCH_TTL, Reply, Request
from tui.github.seed import nodes_of, rest_item, seed_answers


class GraphQLCalls:
    """GraphQL for ``GitHubClient`` (a token is required by GitHub for all of it)."""

    authenticated: bool
    budget: Budget
    _fetcher: Fetcher
    _graphql: str

    @property
    def token_hint(self) -> str:
        """The variable that gives this host a token (the client says which)."""
        raise NotImplementedError

    def _repo_request(self, full_name: str) -> Request:
        """The REST request for one repository (the client builds it)."""
        raise NotImplementedError

    async def graphql(self, query: str, variables: Mapping[str, object]) -> dict[str, object]:
        """Run a GraphQL query (token required) and return its ``data``; cached per identity.

        Raises:
            AuthFailed: No token (GitHub's GraphQL refuses anonymous callers).
            RateLimited: GitHub said ``RATE_LIMITED`` (it does so in a 200).
            BadResponse: The answer carried errors other than missing objects.
        """
        data, _ = await self.graphql_with_info(query, variables)
        return data

    async def graphql_with_info(
        self, query: str, variables: Mapping[str, object], *, immutable: bool = False
    ) -> tuple[dict[str, object], FetchInfo]:
        """``graphql``, plus where the answer came from; a fresh ``rateLimit`` feeds the budget.

        The cache key holds the query, the variables and the token's identity, so another token
        never sees these answers. ``immutable`` (a query addressing commits by SHA) keeps the
        answer fresh forever.
        """
        if not self.authenticated:
            raise AuthFailed(f"GitHub's GraphQL API needs a token; set {self.token_hint}.")
        req = self._graphql_request(query, variables, immutable=immutable)
        data, info = await self._fetcher.fetch(req, self._parse_graphql)
        rate = graphql_rate(data) if not info.from_cache else None
        if rate is not None:  # the query's own cost answer beats the headers' request count
            self.budget.update(rate)
        return data, info

    def _graphql_request(
        self, query: str, variables: Mapping[str, object], *, immutable: bool = False
    ) -> Request:
        content = json.dumps({"query": query, "variables": dict(variables)}, sort_keys=True)
        ttl = None if immutable else SEARCH_TTL
        return Request(
            "POST", self._graphql, JSON, "GraphQL query", "graphql", ttl, content=content.encode()
        )

    async def graphql_search(
        self, variables: Mapping[str, object], *, page: int, per_page: int
    ) -> tuple[GraphQLPage, FetchInfo]:
        """One page of the GraphQL search (``search_query``), each node a bundle.

        Each repository found is also stored as the answer of ``repo()`` and of
        ``repo_bundle()``, so ``show`` (``--offline`` too) finds it without a request.
        """
        data, info = await self.graphql_with_info(search_query(), variables)
        parsed = parse_graphql_search(data, page=page, per_page=per_page)
        if not info.from_cache:
            await self._seed_nodes(data, info.fetched_at)
        return parsed, info

    async def _seed_nodes(self, data: Mapping[str, object], fetched_at: datetime) -> None:
        """Store each node as its repository's REST answer and single-repository answer."""
        answers: list[tuple[Request, bytes]] = []
        for node in nodes_of(data):
            name = str(node["nameWithOwner"])
            try:
                item = rest_item(bundle_from_node(node).repo)
            except (KeyError, TypeError, ValueError):
                continue  # not a node this client could read back: store nothing for it
            answers.append((self._repo_request(name), json.dumps(item).encode()))
            single = self._graphql_request(repo_query(), repo_variables(name))
            answers.append((single, json.dumps({"data": {"repository": node}}).encode()))
        await seed_answers(self._fetcher, answers, fetched_at)

    async def repo_bundle(self, full_name: str) -> tuple[RepoBundle, FetchInfo]:
        """One repository's metadata, languages, root listing and manifests in one query.

        Raises:
            NotFound: No such repository (or private, out of the token's reach).
        """
        try:
            data, info = await self.graphql_with_info(repo_query(), repo_variables(full_name))
        except NotFound as exc:  # the endpoint itself (a server without GraphQL), not the repo
            raise BadResponse("GitHub's GraphQL endpoint was not found.") from exc
        return parse_repository(data, full_name), info

    async def repo_bundle_cached(self, full_name: str) -> bool:
        """Whether ``repo_bundle`` would be answered from the cache, sending nothing."""
        return await self._fetcher.fresh(
            self._graphql_request(repo_query(), repo_variables(full_name))
        )

    def _parse_graphql(self, reply: Reply) -> dict[str, object]:
        bucket = self.budget.get("graphql")
        spent = reply.headers.get("x-ratelimit-remaining", "").strip() == "0"
        return graphql_data(reply.body, bucket.reset_at if bucket else None, spent=spent)
