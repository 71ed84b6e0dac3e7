"""With a token, ``show`` of a workspace deeper than the GraphQL listing takes two waves, not three.

The single-repository query lists three levels; members four levels down (``packages/web/shop``)
are beyond it. The recursive tree at ``HEAD`` goes beside that query, so the members' manifests
are asked for in the next wave, and nothing waits for a tree after the query has answered.
Waves are counted from the order of sends and answers at the client, never from time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import httpx
import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.deep_workspace import NAME, add_deep_workspace
from tests.doubles.github_server import FakeClock, GitHubServer, Reply, Request
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

HELD = 0.2
"""Seconds each first answer is held, so the two first requests overlap whatever the load."""


class Order(httpx.AsyncBaseTransport):
    """The real transport, noting each exchange's send and answer in the order they happen."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.events: list[tuple[str, int, str]] = []  # ("send" | "answer", exchange, path)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        number = len({n for _, n, _ in self.events})
        self.events.append(("send", number, request.url.path))
        response = await self.inner.handle_async_request(request)
        self.events.append(("answer", number, request.url.path))
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()

    def waves(self) -> dict[int, int]:
        """Each exchange's wave: one more than the latest exchange answered before it was sent."""
        wave: dict[int, int] = {}
        answered: list[int] = []
        for kind, number, _ in self.events:
            if kind == "send":
                wave[number] = 1 + max((wave[n] for n in answered), default=0)
            else:
                answered.append(number)
        return wave

    def paths(self) -> dict[int, str]:
        return {number: path for kind, number, path in self.events if kind == "send"}


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """A workspace whose two members sit four levels down, past the three-level listing."""
    add_deep_workspace(github_server)
    return install(github_server)


def _client(server: GitHubServer, clock: FakeClock, cache: Path, order: Order) -> GitHubClient:
    settings = ClientSettings(api_url=server.api_url, cache_dir=cache)
    return GitHubClient(settings, token=Token("tok", "GH_TOKEN"), clock=clock, transport=order)


def _hold_first_answers(server: GitHubServer, route: GraphQLRoute) -> None:
    """Hold the query's and the tree's answers: sent one after the other they could not overlap."""
    queries = 0

    def held(req: Request) -> Reply:
        nonlocal queries
        queries += 1
        reply = route(req)
        return dataclasses.replace(reply, delay=HELD) if queries == 1 else reply

    server.script("POST", "/api/graphql", held, sticky=True)
    tree = server.repos[NAME.lower()]
    body = {"sha": tree.tree_sha, "tree": tree.tree, "truncated": False}
    server.script("GET", f"/api/v3/repos/{NAME}/git/trees/HEAD", Reply(200, body, delay=HELD))


async def test_members_past_the_listing_are_read_in_the_second_wave(
    github_server: GitHubServer, route: GraphQLRoute, fake_clock: FakeClock, tmp_path: Path
) -> None:
    _hold_first_answers(github_server, route)
    order = Order()
    async with _client(github_server, fake_clock, tmp_path, order) as client:
        report = await collect(GitHubSource(client), NAME)
    assert {"Vue", "Vite", "SvelteKit"} <= names(report)  # both members were read
    waves = order.waves()
    assert max(waves.values()) == 2
    sent = order.paths()
    first = sorted(sent[n] for n, w in waves.items() if w == 1)
    assert first == ["/api/graphql", f"/api/v3/repos/{NAME}/git/trees/HEAD"]
    assert [sent[n] for n, w in waves.items() if w == 2] == ["/api/graphql"]


async def test_a_tree_from_another_commit_is_not_used(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    repo = github_server.repos[NAME.lower()]
    moved = {"sha": "f" * 40, "tree": repo.tree[:1], "truncated": False}  # the branch moved on
    github_server.script("GET", f"/api/v3/repos/{NAME}/git/trees/HEAD", Reply(200, moved))
    report = await collect(GitHubSource(make_client("tok")), NAME)
    assert {"Vue", "SvelteKit"} <= names(report)  # read from the query's own commit's tree
    trees = [h.path for h in github_server.hits() if "/git/trees/" in h.path]
    assert trees == [
        f"/api/v3/repos/{NAME}/git/trees/HEAD",
        f"/api/v3/repos/{NAME}/git/trees/{repo.sha}",
    ]


async def test_a_second_show_sends_nothing(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    first = await collect(GitHubSource(make_client("tok")), NAME)
    sent = len(github_server.hits())
    again = await collect(GitHubSource(make_client("tok")), NAME)  # a new process, same cache
    assert len(github_server.hits()) == sent  # the tree was kept as the commit's answer
    assert names(again) == names(first)


async def test_a_search_page_sends_no_tree_at_head(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client("tok"))
    await source.search("storefronts")
    assert {"Vue", "SvelteKit"} <= names(await collect(source, NAME))
    trees = [h.path for h in github_server.hits() if "/git/trees/" in h.path]
    sha = github_server.repos[NAME.lower()].sha
    assert trees == [f"/api/v3/repos/{NAME}/git/trees/{sha}"]  # by commit: the page knew it
