"""With a token, a repository no search page carried reaches its verdict in at most two queries.

The first query lists the repository a few levels deep besides its metadata, languages and root
manifests, so a workspace (or a repository with no manifest at all) needs one more query for
the files chosen from that listing, never a separate listing query first.
"""

from __future__ import annotations

import json

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.sources.github import GitHubSource


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """The fake server with a GraphQL responder and three kinds of repository."""
    root = {"name": "shop-monorepo", "private": True, "workspaces": ["apps/*", "packages/*"]}
    github_server.add_repo(
        "acme/shop-monorepo",
        files={
            "package.json": json.dumps(root).encode(),
            "apps/storefront/package.json": json.dumps(
                {"name": "storefront", "dependencies": {"next": "14.2.3", "react": "18.3.1"}}
            ).encode(),
            "packages/ui/package.json": json.dumps(
                {"name": "@acme/ui", "peerDependencies": {"react": "^18"}}
            ).encode(),
            "apps/storefront/app/page.tsx": b"export default function Page() { return null }\n",
        },
        languages={"TypeScript": 48_000, "CSS": 2_000},
    )
    github_server.add_repo(
        "acme/engine",
        files={
            "Cargo.toml": b'[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
            "crates/server/Cargo.toml": b'[package]\nname = "server"\nversion = "0.1.0"\n\n'
            b'[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n',
            "crates/server/src/main.rs": b"use axum::Router;\n",
        },
        languages={"Rust": 91_000},
    )
    github_server.add_repo(
        "acme/tiny-gpt",
        files={"train.py": b"import torch\nimport numpy as np\n", "README.md": b"# tiny\n"},
        languages={"Python": 30_000},
    )
    github_server.add_repo(
        "acme/blog", files={"requirements.txt": b"Django==5.0.6\n"}, languages={"Python": 9_000}
    )
    return install(github_server)


def graphql_posts(server: GitHubServer) -> int:
    return sum(1 for h in server.hits() if h.path == "/api/graphql")


@pytest.mark.parametrize(
    ("full_name", "framework"),
    [("acme/shop-monorepo", "Next.js"), ("acme/engine", "Axum"), ("acme/tiny-gpt", "PyTorch")],
)
async def test_two_queries_when_the_root_is_not_the_whole_story(
    github_server: GitHubServer,
    route: GraphQLRoute,
    make_client: ClientFactory,
    full_name: str,
    framework: str,
) -> None:
    report = await collect(GitHubSource(make_client("tok")), full_name)
    assert framework in names(report)  # found in a member's manifest, or a sampled source
    assert graphql_posts(github_server) == 2
    sha = github_server.repos[full_name].sha
    # the recursive tree goes beside the first query (a listing cut at its last level, such
    # as ``apps/storefront/app/``, is completed by it); nothing else goes over REST
    others = [h.path for h in github_server.hits() if h.path != "/api/graphql"]
    assert others == [f"/api/v3/repos/{full_name}/git/trees/HEAD"]
    assert all(value.startswith(f"{sha}:") for value in route.calls[1].values() if ":" in value)


async def test_one_query_when_the_root_says_it_all(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    report = await collect(GitHubSource(make_client("tok")), "acme/blog")
    assert "Django" in names(report)
    assert graphql_posts(github_server) == 1


async def test_a_search_page_still_lists_only_the_root(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client("tok"))
    await source.search("acme")
    report = await collect(source, "acme/engine")
    assert "Axum" in names(report)
    # the page's listing query, then its files query: a page is not listed deep up front
    assert graphql_posts(github_server) == 3
