"""A repository seen only in a GraphQL search is answered later from the cache, offline too.

Each node of a token's search page is stored as the repository's REST answer and as the answer
of the single-repository query, so ``show`` in a later process (``--offline`` or not) needs no
request for what the page carried: metadata, languages and, when the root says it all, the
frameworks.
"""

from __future__ import annotations

import json

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import collect, install, names
from tui.github.errors import ApiUnavailable
from tui.sources.github import GitHubSource

TOKEN = "tok"


@pytest.fixture
def served(github_server: GitHubServer) -> GitHubServer:
    """A plain repository and a workspace, with GraphQL answered."""
    github_server.add_repo(
        "acme/shop",
        files={
            "requirements.txt": b"flask==3.0.0\ngunicorn==22.0.0\n",
            "app.py": b"import flask\n",
        },
        languages={"Python": 5000, "HTML": 1200},
        description="shop front",
        stargazers_count=321,
        topics=["flask", "shop"],
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


async def search_once(make_client: ClientFactory, query: str = "shop") -> None:
    """A token session that searches (one GraphQL query) and ends."""
    source = GitHubSource(make_client(TOKEN))
    await source.search(query)
    await source.aclose()


async def test_search_node_answers_the_repository_offline(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client)
    assert [h.path for h in served.hits()] == ["/api/graphql"]
    offline = make_client(TOKEN, offline=True)
    repo = await offline.repo("acme/shop")  # the REST answer, as the REST search stores it
    assert (repo.full_name, repo.stars, repo.topics) == ("acme/shop", 321, ("flask", "shop"))
    assert repo.default_branch == "main"
    assert repo.info is not None
    assert repo.info.from_cache
    assert len(served.hits()) == 1


async def test_show_offline_after_a_graphql_search_has_the_verdict(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client)
    report = await collect(GitHubSource(make_client(TOKEN, offline=True)), "acme/shop")
    assert report.info.description == "shop front"
    assert [s.name for s in report.languages or ()] == ["Python", "HTML"]
    assert "Flask" in names(report)
    assert report.source.from_cache
    assert len(served.hits()) == 1  # nothing was sent after the search


async def test_show_online_after_a_graphql_search_sends_nothing(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client)
    report = await collect(GitHubSource(make_client(TOKEN)), "acme/shop")
    assert "Flask" in names(report)
    assert len(served.hits()) == 1


async def test_a_workspace_seen_only_in_a_search_still_needs_its_listing(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client)
    source = GitHubSource(make_client(TOKEN, offline=True))
    with pytest.raises(ApiUnavailable):  # the members are not in any answer stored so far
        await collect(source, "acme/shop-mono")
    assert len(served.hits()) == 1


async def test_a_shows_own_answer_is_not_replaced_by_a_later_search(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    shown = await collect(GitHubSource(make_client(TOKEN)), "acme/shop-mono")
    assert "Vue" in names(shown)
    await search_once(make_client)  # its shallower node must not replace the deep listing
    sent = len(served.hits())
    again = await collect(GitHubSource(make_client(TOKEN, offline=True)), "acme/shop-mono")
    assert "Vue" in names(again)
    assert len(served.hits()) == sent


async def test_another_token_does_not_see_the_stored_answers(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    await search_once(make_client)
    with pytest.raises(ApiUnavailable):
        await make_client("another", offline=True).repo("acme/shop")
