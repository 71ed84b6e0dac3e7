"""GraphQL follow-ups: a page's workspace roots and manifest-less repositories, batched.

When root manifests are not the whole story, a page's repositories share two more queries (their
listings, then the files chosen from them) instead of a tree and files each over REST.
"""

from __future__ import annotations

import json

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import FakeClock, GitHubServer
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.sources.github import GitHubSource


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """The fake server with a GraphQL responder (each test adds its repositories)."""
    return install(github_server)


def add_monorepos(server: GitHubServer) -> None:
    """Two workspace roots whose frameworks only their members' manifests name."""
    root = {"name": "mono", "private": True, "workspaces": ["packages/*"]}
    member = {"name": "web", "dependencies": {"vue": "^3.4.0"}}
    server.add_repo(
        "big/mono-one",
        files={
            "package.json": json.dumps(root).encode(),
            "packages/web/package.json": json.dumps(member).encode(),
        },
        languages={"TypeScript": 100},
    )
    server.add_repo(
        "big/mono-two",
        files={
            "Cargo.toml": b'[workspace]\nmembers = ["crates/*"]\n',
            "crates/app/Cargo.toml": b'[package]\nname = "app"\n[dependencies]\naxum = "0.7"\n',
        },
        languages={"Rust": 100},
    )


async def test_workspace_roots_of_a_page_share_two_follow_up_queries(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    add_monorepos(github_server)
    source = GitHubSource(make_client("tok"))
    await source.search("mono")
    one = await collect(source, "big/mono-one")
    two = await collect(source, "big/mono-two")
    assert "Vue" in names(one)
    assert "Axum" in names(two)
    assert [h.path for h in github_server.hits()] == ["/api/graphql"] * 3
    listing, blobs = route.calls[1], route.calls[2]
    sha = github_server.repos["big/mono-one"].sha
    assert listing["e0"] == f"{sha}:"  # pinned to the commit the search gave
    assert f"{sha}:packages/web/package.json" in blobs.values()
    assert f"{sha}:package.json" not in blobs.values()  # the search carried the root one


async def test_a_monorepo_marker_at_the_root_is_enough_to_look_deeper(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    member = {"name": "site", "dependencies": {"react": "^18.0.0"}}
    github_server.add_repo(
        "big/lerna-mono",
        files={
            "package.json": b'{"name": "root", "devDependencies": {"lerna": "^8.0.0"}}',
            "lerna.json": b'{"version": "independent"}',
            "packages/site/package.json": json.dumps(member).encode(),
        },
        languages={"JavaScript": 100},
    )
    source = GitHubSource(make_client("tok"))
    await source.search("lerna-mono")
    assert "React" in names(await collect(source, "big/lerna-mono"))


async def test_follow_up_answers_never_expire(
    github_server: GitHubServer,
    fake_clock: FakeClock,
    route: GraphQLRoute,
    make_client: ClientFactory,
) -> None:
    add_monorepos(github_server)
    source = GitHubSource(make_client("tok"))
    await source.search("mono")
    await collect(source, "big/mono-one")
    fake_clock.advance(hours=3)
    again = GitHubSource(make_client("tok"))
    await again.search("mono")
    assert "Vue" in names(await collect(again, "big/mono-one"))
    assert len(github_server.hits()) == 4  # only the search was asked again


async def test_a_failed_follow_up_falls_back_to_the_tree_and_raw_files(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    add_monorepos(github_server)
    source = GitHubSource(make_client("tok"))
    await source.search("mono-one")
    route.mode = "errors"
    report = await collect(source, "big/mono-one")
    assert "Vue" in names(report)
    sha = github_server.repos["big/mono-one"].sha
    assert [h.path for h in github_server.hits()[2:]] == [
        f"/api/v3/repos/big/mono-one/git/trees/{sha}",
        f"/raw/big/mono-one/{sha}/packages/web/package.json",  # the root one came along
    ]


async def test_without_manifests_sources_are_sampled_in_the_follow_up(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    github_server.add_repo(
        "solo/tinygpt",
        files={"train.py": b"import os\nimport torch\n", "README.md": b"# tiny"},
        languages={"Python": 100},
    )
    source = GitHubSource(make_client("tok"))
    await source.search("tinygpt")
    report = await collect(source, "solo/tinygpt")
    assert "PyTorch" in names(report)
    assert [h.path for h in github_server.hits()] == ["/api/graphql"] * 3


async def test_a_root_manifest_the_search_did_not_ask_for_is_read_too(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    github_server.add_repo(
        "solo/gpt-extra",
        files={"requirements.txt": b"numpy\n", "requirements-train.txt": b"torch\n"},
        languages={"Python": 100},
    )
    source = GitHubSource(make_client("tok"))
    await source.search("gpt-extra")
    assert "PyTorch" in names(await collect(source, "solo/gpt-extra"))
    assert github_server.hits("/api/v3/") == []
