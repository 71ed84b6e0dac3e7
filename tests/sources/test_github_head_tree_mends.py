"""The tree sent beside a token ``show``'s query is spent only when the query can be used.

A query the budget says will be refused sends no tree either; a repository answered under its new
name (GitHub follows renames) still uses the tree sent beside its query; and nothing of the
speculation outlives the report.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncGenerator
from datetime import timedelta
from typing import cast

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.deep_workspace import NAME, add_deep_workspace
from tests.doubles.github_server import FakeClock, GitHubServer, Reply, Request
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.analysis.report import RepoReport
from tui.github.errors import RateLimited
from tui.github.models import RateBucket
from tui.sources.github import GitHubSource


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """A workspace whose members sit four levels down, past the three-level listing."""
    add_deep_workspace(github_server)
    return install(github_server)


def _trees(server: GitHubServer) -> list[str]:
    return [h.path for h in server.hits() if "/git/trees/" in h.path]


async def test_a_query_the_budget_refuses_sends_no_tree(
    github_server: GitHubServer,
    route: GraphQLRoute,
    make_client: ClientFactory,
    fake_clock: FakeClock,
) -> None:
    client = make_client("tok")
    reset = fake_clock.now + timedelta(minutes=30)
    client.budget.update(RateBucket("graphql", 5000, 0, 5000, reset))
    with pytest.raises(RateLimited):
        await collect(GitHubSource(client), NAME)
    await asyncio.sleep(0.2)  # time for anything started on the way to go out
    assert github_server.hits() == []  # neither the query nor a core request for its tree


async def test_a_renamed_repository_uses_the_tree_sent_beside_its_query(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    def renamed(req: Request) -> Reply:  # the old name's query answered as the new one
        envelope = json.loads(req.body)
        variables = envelope.get("variables") or {}
        if variables.get("name") == "old-storefronts":
            envelope["variables"] = {**variables, "name": "storefronts"}
            req = dataclasses.replace(req, body=json.dumps(envelope).encode())
        return route(req)

    github_server.script("POST", "/api/graphql", renamed, sticky=True)
    repo = github_server.repos[NAME.lower()]
    body = {"sha": repo.tree_sha, "tree": repo.tree, "truncated": False}
    github_server.script(
        "GET", "/api/v3/repos/acme/old-storefronts/git/trees/HEAD", Reply(200, body)
    )
    source = GitHubSource(make_client("tok"))
    report = await collect(source, "acme/old-storefronts")
    assert "Vue" in names(report)  # the member four levels down was read
    assert _trees(github_server) == ["/api/v3/repos/acme/old-storefronts/git/trees/HEAD"]
    assert len(source._heads) == 0


async def test_no_tree_is_held_once_the_report_is_done_or_abandoned(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    github_server.add_repo("acme/plain", files={"requirements.txt": b"flask==3.0\n"})
    source = GitHubSource(make_client("tok"))
    report = await collect(source, "acme/plain")  # the root told the whole story
    assert "Flask" in names(report)
    assert len(source._heads) == 0  # the unused tree was let go
    reports = cast(AsyncGenerator[RepoReport, None], source.report(NAME))  # an async generator
    await anext(reports)  # the metadata; then the person moves on to another repository
    await reports.aclose()
    assert len(source._heads) == 0  # not kept (with its tree) for the app's lifetime
