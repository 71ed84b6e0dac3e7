"""What a report costs over the real client: first wave at once, raw-first, one GraphQL query."""

from __future__ import annotations

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import collect, install, names
from tui.sources.github import GitHubSource


def serve(server: GitHubServer) -> None:
    """A plain repository (its root says Flask) and a workspace (its members say more)."""
    server.add_repo(
        "acme/shop",
        files={"requirements.txt": b"flask==3.0.0\n", "app.py": b"import flask\n"},
        languages={"Python": 5000},
        description="shop",
    )
    server.add_repo(
        "acme/mono",
        files={
            "package.json": b'{"private": true, "workspaces": ["packages/*"]}',
            "packages/web/package.json": b'{"name": "web", "dependencies": {"react": "18.0.0"}}',
        },
        languages={"TypeScript": 9000},
        description="mono",
    )


def core_hits(server: GitHubServer) -> list[str]:
    return [h.path for h in server.hits() if h.charged and "/search/" not in h.path]


async def test_plain_repository_needs_no_tree(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    serve(github_server)
    report = await collect(GitHubSource(make_client(), graphql=False), "acme/shop")
    assert "Flask" in names(report)
    paths = core_hits(github_server)
    assert not [p for p in paths if "/git/trees/" in p]  # the root manifests said it all
    assert sorted(p.rsplit("/", 1)[-1] for p in paths) == ["languages", "shop"]


async def test_workspace_root_asks_for_the_tree(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    serve(github_server)
    report = await collect(GitHubSource(make_client(), graphql=False), "acme/mono")
    assert "React" in names(report)  # found in a member the tree listed
    assert [p for p in core_hits(github_server) if "/git/trees/" in p]


async def test_first_three_requests_are_in_flight_at_once(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    serve(github_server)
    slow = Reply(200, github_server.repos["acme/shop"].meta, delay=0.3)
    github_server.script("GET", "/api/v3/repos/acme/shop", slow)
    for name in ("package.json", "go.mod"):  # two root probes held too: sent one after another,
        # the three could never overlap, however loaded the machine (it flaked with one slow)
        missing = Reply(404, b"404: Not Found", delay=0.3)
        github_server.script("GET", f"/raw/acme/shop/HEAD/{name}", missing)
    await collect(GitHubSource(make_client(), graphql=False), "acme/shop")
    # the repository and the raw root manifests overlap (never timed: counted); without a
    # token, /languages waits for the root (see test_github_listing_languages)
    assert not any(github_server.scripts.values())  # each held answer was asked for
    assert github_server.max_in_flight >= 3


async def test_search_item_answers_show_offline(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    serve(github_server)
    online = GitHubSource(make_client(), graphql=False)
    await online.search("shop")
    await online.aclose()
    sent = len(github_server.hits())
    offline = make_client(offline=True)
    repo = await offline.repo("acme/shop")  # what ``show --offline`` asks first
    assert repo.full_name == "acme/shop"
    assert repo.info is not None
    assert repo.info.from_cache
    assert len(github_server.hits()) == sent
    online_again = make_client()
    await online_again.repo("acme/shop")  # online too: the search item answers, no request
    assert len(github_server.hits()) == sent


@pytest.mark.parametrize("full_name", ["acme/shop"])
async def test_token_show_sends_one_graphql_query(
    github_server: GitHubServer, make_client: ClientFactory, full_name: str
) -> None:
    serve(github_server)
    install(github_server)
    report = await collect(GitHubSource(make_client("tok")), full_name)
    assert "Flask" in names(report)
    assert report.source.kind == "graphql"
    # one query, and the recursive tree sent beside it (unused here: the root said it all)
    tree = ("GET", f"/api/v3/repos/{full_name}/git/trees/HEAD")
    assert sorted((h.method, h.path) for h in github_server.hits()) == [
        tree,
        ("POST", "/api/graphql"),
    ]
