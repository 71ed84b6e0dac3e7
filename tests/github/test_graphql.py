"""GraphQL batching with a token: one POST per search page, reports that cost nothing more.

Runs ``GitHubSource`` and the real client against the tests' own server, whose GraphQL answers
come from ``tests/doubles/graphql_route.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.doubles.cli import point_at
from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import FakeClock, GitHubServer
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.cli.main import main
from tui.github.errors import RateLimited
from tui.sources.github import GitHubSource

REQUIREMENTS = b"numpy\nscipy>=1.0\npandas\nrequests\nfairseq==0.12.2\ntorch==2.1.0\n"


def add_repos(server: GitHubServer) -> None:
    """Three repositories a ``gpt`` search finds, best (most stars) first, and one it does not."""
    server.add_repo(
        "ml/biogpt",
        files={"requirements.txt": REQUIREMENTS, "src/model.py": b"import torch\n"},
        languages={"Python": 9800, "Shell": 200},
        stargazers_count=300,
        description="Biomedical GPT",
    )
    server.add_repo(
        "web/gpt-ui",
        files={"package.json": json.dumps({"dependencies": {"react": "^18.0.0"}}).encode()},
        languages={"TypeScript": 5000},
        stargazers_count=200,
        description="A GPT front end",
    )
    server.add_repo(
        "rs/gpt-cli",
        files={"Cargo.toml": b'[package]\nname = "gpt-cli"\n\n[dependencies]\nclap = "4"\n'},
        languages={"Rust": 7000},
        stargazers_count=100,
        description="GPT in the terminal",
    )
    server.add_repo("other/thing", languages={"Go": 10}, description="Unrelated")


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """The fake server with the repositories above and a GraphQL responder."""
    add_repos(github_server)
    return install(github_server)


async def test_search_is_one_post_and_reports_cost_nothing_more(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client("tok"))
    results = await source.search("gpt")
    assert [(h.method, h.path) for h in github_server.hits()] == [("POST", "/api/graphql")]
    assert [i.full_name for i in results.items] == ["ml/biogpt", "web/gpt-ui", "rs/gpt-cli"]
    assert results.total_count == 3
    assert results.items[0].stars == 300
    assert results.items[0].description == "Biomedical GPT"
    reports = [await collect(source, item.full_name) for item in results.items[:2]]
    assert len(github_server.hits()) == 1  # languages and root manifests came with the search
    reports.append(await collect(source, results.items[2].full_name))
    # Cargo.toml names only Clap, no primary framework: the listing is asked for (one more
    # GraphQL query) so that source imports could be sampled
    assert [(h.method, h.path) for h in github_server.hits()[1:]] == [("POST", "/api/graphql")]
    bio, ui, cli = reports
    assert {"PyTorch", "fairseq"} <= names(bio)
    assert "React" in names(ui)
    torch = next(f for f in bio.frameworks or () if f.name == "PyTorch")
    assert torch.evidence[0].path == "requirements.txt"
    assert [(s.name, s.percent) for s in bio.languages or ()] == [("Python", 98.0), ("Shell", 2.0)]
    assert cli.languages is not None
    assert cli.languages[0].name == "Rust"
    assert {r.source.kind for r in reports} == {"graphql"}


async def test_a_truncated_blob_is_fetched_again_over_raw(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    route.truncated = {"requirements.txt"}
    source = GitHubSource(make_client("tok"))
    await source.search("biomedical")
    report = await collect(source, "ml/biogpt")
    sha = github_server.repos["ml/biogpt"].sha
    assert [h.path for h in github_server.hits()[1:]] == [f"/raw/ml/biogpt/{sha}/requirements.txt"]
    assert "PyTorch" in names(report)  # torch is on the line the cut-short text lost
    assert github_server.charged() == 1  # the raw host spends no API budget


async def test_an_error_answer_falls_back_to_rest(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    route.mode = "errors"
    client = make_client("tok")
    source = GitHubSource(client)
    results = await source.search("gpt")
    assert [h.path for h in github_server.hits()] == [
        "/api/graphql",
        "/api/v3/search/repositories",
    ]
    assert [i.full_name for i in results.items] == ["ml/biogpt", "web/gpt-ui", "rs/gpt-cli"]
    report = await collect(source, "ml/biogpt")
    assert "PyTorch" in names(report)
    assert report.source.kind == "github"
    assert client.cache_info().entries > 0
    assert not [h for h in github_server.hits() if h.method == "POST"][1:]


async def test_a_502_falls_back_to_rest(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    route.mode = "bad_gateway"
    results = await GitHubSource(make_client("tok")).search("gpt")
    assert len(results.items) == 3
    assert github_server.hits()[-1].path == "/api/v3/search/repositories"
    assert {h.status for h in github_server.hits("/api/graphql")} == {502}


async def test_rate_limited_graphql_spends_no_rest_and_is_not_asked_again(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    route.mode = "rate_limited"
    client = make_client("tok")
    source = GitHubSource(client)
    with pytest.raises(RateLimited) as limited:
        await source.search("gpt")
    assert limited.value.reset_at is not None  # the message says when to come back
    bucket = client.budget.get("graphql")
    assert bucket is not None
    assert bucket.remaining == 0
    with pytest.raises(RateLimited):
        await source.search("biomedical")
    assert len(github_server.hits("/api/graphql")) == 1  # the spent bucket is not asked again
    assert github_server.hits("/api/v3/search/") == []  # nor is REST's budget spent instead


async def test_without_a_token_rest_is_used_and_nothing_is_posted(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client())
    results = await source.search("gpt")
    report = await collect(source, results.items[0].full_name)
    assert "PyTorch" in names(report)
    assert github_server.hits("/api/graphql") == []
    assert route.calls == []
    assert report.source.kind == "github"


async def test_the_rate_limit_answer_feeds_the_graphql_bucket(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    route.cost = 3  # the body's figures, not the header's request count, are the truth
    client = make_client("tok")
    await GitHubSource(client).search("gpt")
    bucket = client.budget.get("graphql")
    assert bucket is not None
    assert (bucket.limit, bucket.remaining, bucket.used) == (5000, 4997, 3)


async def test_answers_are_cached_per_identity(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    first = await GitHubSource(make_client("tok")).search("gpt")
    again_source = GitHubSource(make_client("tok"))
    again = await again_source.search("gpt")
    assert len(github_server.hits()) == 1  # within freshness nothing is sent
    assert (first.from_cache, again.from_cache) == (False, True)
    assert again.items == first.items
    await collect(again_source, "ml/biogpt")  # the cached page still carries the bundles
    assert len(github_server.hits()) == 1
    await GitHubSource(make_client("someone-else")).search("gpt")
    assert len(github_server.hits("/api/graphql")) == 2  # another token does not see them


async def test_page_two_uses_the_cursor_of_page_one(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client("tok"))
    one = await source.search("gpt", per_page=2)
    two = await source.search("gpt", page=2, per_page=2)
    assert [i.full_name for i in one.items] == ["ml/biogpt", "web/gpt-ui"]
    assert [i.full_name for i in two.items] == ["rs/gpt-cli"]
    assert (one.has_next, two.has_next) == (True, False)
    assert route.calls[0]["after"] is None
    assert route.calls[1]["after"] is not None
    assert route.calls[1]["after"] != route.calls[0]["after"]
    assert github_server.hits("/api/v3/search/") == []


async def test_a_page_without_the_cursor_before_it_comes_from_rest(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    two = await GitHubSource(make_client("tok")).search("gpt", page=2, per_page=2)
    assert [i.full_name for i in two.items] == ["rs/gpt-cli"]
    assert route.calls == []


@pytest.fixture
def cli_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """The fake GitHub on the real clock, repolens pointed at it with an Enterprise token."""
    for name in ("GH_TOKEN", "GITHUB_TOKEN", "GITHUB_ENTERPRISE_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-gh"))
    with GitHubServer(FakeClock(datetime.now(UTC))).serving() as srv:
        add_repos(srv)
        install(srv)
        point_at(monkeypatch, srv, tmp_path)
        monkeypatch.setenv("GH_ENTERPRISE_TOKEN", "ghp_enterprise")
        yield srv


def test_cli_search_details_goes_through_graphql(
    cli_server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["search", "gpt", "--limit", "10", "--details", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    items = json.loads(out)["items"]
    assert [i["full_name"] for i in items] == ["ml/biogpt", "web/gpt-ui", "rs/gpt-cli"]
    # the search, then one listing query for the page's repository whose manifests name no
    # primary framework (rs/gpt-cli lists only Clap), so its sources could be sampled
    assert [(h.method, h.path) for h in cli_server.hits()] == [("POST", "/api/graphql")] * 2
    assert items[0]["languages"][0]["name"] == "Python"
    assert {"PyTorch", "fairseq"} <= {f["name"] for f in items[0]["frameworks"]}
    assert "React" in {f["name"] for f in items[1]["frameworks"]}
