"""The router offline: search over the cache and the catalog, catalog reports when GitHub is out of
reach.

A first client warms the cache against the tests' own server; a second, ``offline`` one (same
cache directory) must then answer searches without sending anything.
"""

from __future__ import annotations

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import collect, install
from tui.github.errors import OfflineMiss, ValidationFailed
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.router import Router


def add_repos(server: GitHubServer) -> None:
    """Repositories with distinct figures, and one that shares its name with a catalog entry."""
    server.add_repo(
        "acme/widget",
        languages={"Python": 100},
        stargazers_count=500,
        forks_count=50,
        topics=["gui", "toolkit"],
        description="Widgets for everyone",
    )
    server.add_repo(
        "acme/gadget",
        languages={"Rust": 100},
        stargazers_count=50,
        forks_count=500,
        topics=["cli"],
        description="A gadget",
    )
    server.add_repo(
        "zed/widget-lab",
        languages={"Python": 100},
        stargazers_count=5,
        description="Widget experiments",
    )
    server.add_repo(
        "gin-gonic/gin",  # in the catalog too: the cached answer must win
        languages={"Go": 100},
        stargazers_count=1,
        description="A cached gin",
    )


async def warm(make_client: ClientFactory, token: str | None = None) -> None:
    """Search once online so that the cache holds every repository above."""
    source = GitHubSource(make_client(token))
    for query in ("widget", "gadget", "gin"):
        await source.search(query)


def router(make_client: ClientFactory, token: str | None = None, **settings: object) -> Router:
    """GitHub through a client of ``make_client``, with the bundled catalog behind it."""
    return Router(GitHubSource(make_client(token, **settings)), CatalogSource())


def offline_source(make_client: ClientFactory, token: str | None = None) -> Router:
    """A router whose client never touches the network."""
    return router(make_client, token, offline=True)


async def full_names(source: Router, query: str, sort: str | None = None) -> list[str]:
    """The names an offline search answers, checking it says it is offline."""
    results = await source.search(query, sort=sort)
    assert results.offline
    return [item.full_name for item in results.items]


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake GitHub with the repositories above."""
    add_repos(github_server)
    return github_server


async def test_offline_search_answers_from_the_cache_without_sending(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await warm(make_client)
    sent = len(server.hits())
    source = offline_source(make_client)
    assert await full_names(source, "widget") == ["acme/widget", "zed/widget-lab"]
    assert await full_names(source, "widget", sort="stars") == ["acme/widget", "zed/widget-lab"]
    assert await full_names(source, "user:acme", sort="forks") == ["acme/gadget", "acme/widget"]
    assert await full_names(source, "topic:gui") == ["acme/widget"]
    assert await full_names(source, "user:acme stars:<100") == ["acme/gadget"]
    assert len(server.hits()) == sent


async def test_the_catalog_joins_the_cache_and_the_cache_wins(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await warm(make_client)
    source = offline_source(make_client)
    results = await source.search("language:go")
    gin = next(i for i in results.items if i.full_name == "gin-gonic/gin")
    assert gin.description == "A cached gin"  # not the catalog's description
    assert [i.full_name for i in results.items].count("gin-gonic/gin") == 1
    assert "microsoft/BioGPT" in await full_names(source, "user:microsoft")  # catalog only


async def test_paging_and_counts(server: GitHubServer, make_client: ClientFactory) -> None:
    await warm(make_client)
    source = offline_source(make_client)
    one = await source.search("user:acme", sort="stars", per_page=1)
    two = await source.search("user:acme", sort="stars", page=2, per_page=1)
    assert [i.full_name for i in one.items + two.items] == ["acme/widget", "acme/gadget"]
    assert (one.total_count, one.has_next, two.has_next) == (2, True, False)


async def test_a_bad_query_is_a_one_line_validation_error(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await offline_source(make_client).search('widget "unclosed')
    assert "quote" in raised.value.user_message
    assert "\n" not in raised.value.message


async def test_graphql_pages_in_the_cache_count_too(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    install(server)
    await warm(make_client, "tok")
    assert server.hits("/api/v3/search/") == []  # warmed through GraphQL alone
    assert await full_names(offline_source(make_client, "tok"), "widget") == [
        "acme/widget",
        "zed/widget-lab",
    ]


async def test_another_identity_does_not_see_the_cache(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await warm(make_client, "tok")
    assert await full_names(offline_source(make_client), "widget") == []
    repos = await make_client("tok", offline=True).cached_repos()
    assert {r.full_name for r in repos} >= {"acme/widget", "acme/gadget", "gin-gonic/gin"}


async def test_github_unreachable_answers_offline(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await warm(make_client)
    server.script("GET", "/api/v3/search/repositories", Reply(503, "down"), sticky=True)
    results = await router(make_client).search("widget lab")
    assert results.offline
    assert [i.full_name for i in results.items] == ["zed/widget-lab"]


async def test_an_uncached_catalog_repo_is_described_from_the_catalog(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    assert await CatalogSource().has("microsoft/BioGPT")
    client = make_client(offline=True)
    offline = Router(GitHubSource(client), CatalogSource())
    report = await collect(offline, "microsoft/BioGPT")
    assert report.source.kind == "catalog"
    assert report.languages is not None
    assert report.languages[0].name == "Python"
    assert "PyTorch" in {f.name for f in report.frameworks or ()}
    with pytest.raises(OfflineMiss):
        await collect(GitHubSource(client), "microsoft/BioGPT")  # GitHub's source alone
    with pytest.raises(OfflineMiss):
        await collect(offline, "acme/not-catalogued")
    assert server.hits() == []


async def test_a_cached_repo_is_described_from_the_cache_not_the_catalog(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await collect(GitHubSource(make_client()), "gin-gonic/gin")
    report = await collect(offline_source(make_client), "gin-gonic/gin")
    assert report.source.kind == "github"
    assert report.info.description == "A cached gin"


async def test_offline_search_does_not_read_trees_or_files_from_disk(
    github_server: GitHubServer, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diskcache

    github_server.add_repo("acme/tool", files={"README.md": b"x" * 10_000}, languages={"Go": 10})
    client = make_client()
    await client.search_repositories("tool")
    await client.tree("acme/tool", "main")
    await client.file("acme/tool", "main", "README.md")
    read: list[str] = []
    real_get = diskcache.Cache.get

    def spy(self: diskcache.Cache, key: str, *args: object, **kwargs: object) -> object:
        read.append(key)
        return real_get(self, key, *args, **kwargs)

    monkeypatch.setattr(diskcache.Cache, "get", spy)
    repos = await client.cached_repos()
    assert [r.full_name for r in repos] == ["acme/tool"]
    assert any("/search/repositories" in key for key in read)
    assert not any("/git/trees/" in key or "/raw/" in key for key in read)
