"""After a token's GraphQL search, ``show --offline`` gives the verdict ``show`` gives online.

A search node carries the root listing and root manifests only (the single-repository query
lists deeper). When the root tells the whole story, neither needs more; when it does not and the
cache holds no closer look, offline says the verdict is the root's alone instead of none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.corpus import load, manifest_files
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import collect, install, names
from tui.github.errors import ApiUnavailable
from tui.sources.github import GitHubSource

TOKEN = "tok"
ESQUISSE = Path(__file__).parents[2] / "../shared/corpus/dev2/dreamRs__esquisse"
OFFLINE_LINE = "Offline: judged from the root manifests alone"


@pytest.fixture
def served(github_server: GitHubServer) -> GitHubServer:
    """esquisse (an R package, from the corpus, with its real listing) and a Python CLI tool
    whose requirements name tools only, so its listing is looked at for imports."""
    github_server.add_repo(
        "dreamRs/esquisse",
        files=manifest_files(ESQUISSE, ["DESCRIPTION", "NAMESPACE"]),
        tree=load(ESQUISSE, "tree.json")["tree"],
        languages=load(ESQUISSE, "languages.json"),
        description="Drag & drop ggplot2",
    )
    github_server.add_repo(
        "acme/sweep",
        files={
            "requirements.txt": b"typer==0.12.3\nrich==13.7.1\n",
            "sweep/cli.py": b"import typer\nfrom rich.console import Console\n",
        },
        languages={"Python": 8_000},
        description="sweeps old branches",
    )
    root = {"name": "shop-mono", "private": True, "workspaces": ["packages/*"]}
    github_server.add_repo(
        "acme/shop-mono",
        files={
            "package.json": json.dumps(root).encode(),
            "packages/web/package.json": b'{"name": "web", "dependencies": {"vue": "^3.4.0"}}',
        },
        languages={"TypeScript": 9000},
        description="shop monorepo",
    )
    install(github_server)
    return github_server


def graphql_posts(server: GitHubServer) -> int:
    return sum(1 for h in server.hits() if h.path == "/api/graphql")


async def search_once(make_client: ClientFactory, query: str) -> None:
    """A token session that searches (one GraphQL query) and ends."""
    source = GitHubSource(make_client(TOKEN))
    await source.search(query)
    await source.aclose()


async def test_an_r_package_s_root_is_the_whole_story_offline_and_online(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client, "esquisse")
    offline = await collect(GitHubSource(make_client(TOKEN, offline=True)), "dreamRs/esquisse")
    online = await collect(GitHubSource(make_client(TOKEN)), "dreamRs/esquisse")
    assert {"Shiny", "ggplot2"} <= names(online)
    assert names(offline) == names(online)
    assert offline.errors == online.errors == ()
    assert graphql_posts(served) == 1  # the search page carried all that was needed


async def test_offline_a_root_that_is_not_the_whole_story_gives_its_verdict_and_says_so(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client, "sweep")
    offline = await collect(GitHubSource(make_client(TOKEN, offline=True)), "acme/sweep")
    assert graphql_posts(served) == 1
    online = await collect(GitHubSource(make_client(TOKEN)), "acme/sweep")
    assert graphql_posts(served) > 1  # online, the listing was looked at
    assert {"Typer", "Rich"} <= names(online)
    assert names(offline) == names(online)
    assert any(p.startswith(OFFLINE_LINE) for p in offline.errors)
    assert not any(p.startswith(OFFLINE_LINE) for p in online.errors)


async def test_offline_a_workspace_root_alone_is_no_verdict(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client, "shop")
    with pytest.raises(ApiUnavailable):  # its members are what matter: not "none detected"
        await collect(GitHubSource(make_client(TOKEN, offline=True)), "acme/shop-mono")
