"""Each endpoint through the real client: headers, raw files, README, stats, rate_limit, GraphQL."""

from __future__ import annotations

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tui import __version__
from tui.github.errors import AuthFailed, BadResponse, NotFound, RateLimited
from tui.github.settings import ClientSettings, derive_urls

REPO = "octo/widgets"
MANIFEST = b'{"dependencies": {"react": "^18"}}'


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with one repository."""
    files = {"README.md": b"# Widgets\n", "package.json": MANIFEST, "web/app.js": b"x"}
    github_server.add_repo(REPO, files=files, languages={"JavaScript": 10})
    return github_server


@pytest.mark.parametrize("token", [None, "tok-1"])
async def test_every_request_carries_githubs_headers(
    server: GitHubServer, make_client: ClientFactory, token: str | None
) -> None:
    client = make_client(token)
    await client.repo(REPO)
    await client.file(REPO, "main", "package.json")
    api, raw = server.hits()
    assert api.headers["user-agent"] == f"repolens/{__version__}"
    assert api.headers["accept"] == "application/vnd.github+json"
    assert api.headers["x-github-api-version"] == "2022-11-28"
    assert api.headers.get("authorization") == (f"Bearer {token}" if token else None)
    assert raw.path == f"/raw/{REPO}/main/package.json"
    assert "authorization" not in raw.headers  # the token never goes to the raw host
    assert client.authenticated is (token is not None)
    assert client.token_source == ("GH_TOKEN" if token else None)


async def test_files_come_from_the_raw_host_without_spending_core(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    sha = server.repos[REPO].sha
    manifest = await client.file(REPO, sha, "package.json")
    nested = await client.file(REPO, sha, "/web/app.js/")
    assert (manifest.data, nested.data, nested.path) == (MANIFEST, b"x", "/web/app.js/")
    assert server.charged() == 0
    assert client.budget.get("core") is None


async def test_raw_failure_falls_back_to_the_contents_api(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.script("GET", f"/raw/{REPO}/main/package.json", Reply(429, b"slow"), sticky=True)
    manifest = await make_client().file(REPO, "main", "package.json")
    assert manifest.data == MANIFEST
    contents = server.hits(f"/api/v3/repos/{REPO}/contents/")
    assert len(contents) == 1
    assert contents[0].query == {"ref": "main"}
    assert contents[0].headers["accept"] == "application/vnd.github.raw+json"


@pytest.mark.parametrize(("token", "api_calls"), [(None, 0), ("tok", 1)])
async def test_a_missing_raw_file_asks_the_api_only_with_a_token(
    server: GitHubServer, make_client: ClientFactory, token: str | None, api_calls: int
) -> None:
    with pytest.raises(NotFound):
        await make_client(token).file(REPO, "main", "setup.py")
    assert len(server.hits("/api/v3/")) == api_calls


async def test_readme_is_decoded(server: GitHubServer, make_client: ClientFactory) -> None:
    readme = await make_client().readme(REPO)
    assert (readme.path, readme.data) == ("README.md", b"# Widgets\n")


async def test_commit_activity_waits_while_github_computes(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    repo = server.repos[REPO]
    repo.pending_stats = 1
    repo.weeks = [{"week": 1700000000, "total": 7, "days": [1, 1, 1, 1, 1, 1, 1]}]
    activity = await make_client().commit_activity(REPO)
    assert not activity.computing
    assert [n for _, n in activity.weeks] == [7]
    assert [h.status for h in server.hits()] == [202, 200]
    assert len(make_client.sleeps) == 1  # one spaced retry: each 202 is charged


async def test_commit_activity_gives_up_politely(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.repos[REPO].pending_stats = 100
    activity = await make_client().commit_activity(REPO)
    assert activity.computing
    assert activity.weeks == ()
    assert len(server.hits()) == 2  # each 202 is charged: the first ask and one retry


async def test_rate_limit_is_free_and_feeds_the_budget(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    seen: list[int] = []
    client.budget.subscribe(lambda buckets: seen.append(buckets["core"].remaining))
    await client.repo(REPO)
    buckets = await client.rate_limit()
    await client.rate_limit()
    assert buckets["core"].remaining == 59
    assert buckets["search"].limit == 10
    assert client.budget.get("graphql") is not None
    assert server.charged() == 1
    assert len(server.hits("/api/v3/rate_limit")) == 2
    assert seen[0] == 59


async def test_graphql_needs_a_token(server: GitHubServer, make_client: ClientFactory) -> None:
    with pytest.raises(AuthFailed):
        await make_client().graphql("{ viewer { login } }", {})
    assert server.hits() == []


async def test_graphql_is_cached_per_query_and_variables(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    answer = Reply(200, {"data": {"repository": {"name": "widgets"}}})
    server.script("POST", "/api/graphql", answer, sticky=True)
    client = make_client("tok")
    query = "query($n: String!) { repository(owner: 1, name: $n) { name } }"
    data = await client.graphql(query, {"n": "widgets"})
    await client.graphql(query, {"n": "widgets"})
    await client.graphql(query, {"n": "gadgets"})
    assert data == {"repository": {"name": "widgets"}}
    assert len(server.hits("/api/graphql")) == 2
    assert client.budget.get("graphql") is not None


@pytest.mark.parametrize(
    ("errors", "error"),
    [
        ([{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}], RateLimited),
        ([{"type": "INTERNAL", "message": "Something went wrong"}], BadResponse),
    ],
)
async def test_graphql_errors_in_a_200_are_errors(
    server: GitHubServer,
    make_client: ClientFactory,
    errors: list[dict[str, str]],
    error: type[Exception],
) -> None:
    server.script("POST", "/api/graphql", Reply(200, {"data": None, "errors": errors}))
    client = make_client("tok")
    with pytest.raises(error):
        await client.graphql("{ viewer { login } }", {})
    assert client.cache_info().entries == 0


async def test_verbose_log_has_one_line_per_request_and_no_token(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client("very-secret-token")
    await client.repo(REPO)
    await client.repo(REPO)
    make_client.clock.advance(hours=2)
    await client.repo(REPO)
    assert make_client.lines == [
        f"GET /api/v3/repos/{REPO} 200 network core 4999/5000",
        f"GET /api/v3/repos/{REPO} 200 cache core 4999/5000",
        f"GET /api/v3/repos/{REPO} 200 304 core 5000/5000",  # an hour on: a new window
    ]


@pytest.mark.parametrize(
    ("api", "graphql", "raw"),
    [
        (
            "https://api.github.com",
            "https://api.github.com/graphql",
            "https://raw.githubusercontent.com",
        ),
        ("https://ghe.corp/api/v3/", "https://ghe.corp/api/graphql", "https://ghe.corp/raw"),
        (
            "http://127.0.0.1:8080/api/v3",
            "http://127.0.0.1:8080/api/graphql",
            "http://127.0.0.1:8080/raw",
        ),
    ],
)
def test_base_urls_derive_from_the_api_url(api: str, graphql: str, raw: str) -> None:
    assert derive_urls(api) == (graphql, raw)
    settings = ClientSettings(api_url=api)
    assert (settings.resolved_graphql_url, settings.resolved_raw_url) == (graphql, raw)
    assert ClientSettings(api_url=api, raw_url="http://x/raw/").resolved_raw_url == "http://x/raw"


async def test_requests_reuse_one_kept_alive_connection(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.repo(REPO)
    await client.languages(REPO)
    await client.tree(REPO, "main")
    assert len({h.client_port for h in server.hits()}) == 1


async def test_last_modified_is_echoed_as_if_modified_since(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    stamp = "Wed, 01 Jan 2026 10:00:00 GMT"
    meta = server.repos[REPO].meta
    server.script("GET", f"/api/v3/repos/{REPO}", Reply(200, meta, {"last-modified": stamp}))
    client = make_client()
    await client.repo(REPO)
    make_client.clock.advance(hours=2)
    await client.repo(REPO)
    assert server.hits()[-1].headers.get("if-modified-since") == stamp


async def test_a_truncated_tree_says_so(server: GitHubServer, make_client: ClientFactory) -> None:
    body = {"sha": "f" * 40, "truncated": True, "tree": [{"path": "a", "type": "blob", "sha": "1"}]}
    server.script("GET", f"/api/v3/repos/{REPO}/git/trees/main", Reply(200, body))
    tree = await make_client().tree(REPO, "main")
    assert tree.truncated
    assert [(e.path, e.type) for e in tree.entries] == [("a", "blob")]
