"""Hostile servers and damaged caches, through the real client against the tests' own GitHub.

Each test is one finding of issue 14: a damaged entry heals itself, a raw body is checked before
it is trusted, every request is bounded in time and size, and odd headers never crash.
"""

from __future__ import annotations

import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import (
    FakeClock,
    GitHubServer,
    Reply,
    damage_cache_entry,
    endless_body,
    gzip_bomb,
    slow_drip,
)
from tests.doubles.graphql_route import collect, install, names
from tui.github.client import GitHubClient
from tui.github.errors import ApiUnavailable, RateLimited, TooLarge
from tui.github.request import MIB, Limits, RetryPolicy
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

REPO = "octo/widgets"
REQUIREMENTS = b"torch==2.1.0\nnumpy\n"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with one Python repository."""
    github_server.add_repo(
        REPO,
        files={"requirements.txt": REQUIREMENTS, "src/a.py": b"x = 1\n"},
        languages={"Python": 6},
    )
    return github_server


def bounded_client(
    server: GitHubServer, clock: FakeClock, cache: Path, limits: Limits
) -> GitHubClient:
    """A client with its own limits (short deadline, small caps)."""

    async def no_sleep(_: float) -> None:
        return None

    return GitHubClient(
        ClientSettings(api_url=server.api_url, cache_dir=cache),
        clock=clock,
        sleep=no_sleep,
        retry=RetryPolicy(tries=2, base=0.01),
        limits=limits,
    )


# --- 1. a damaged cache entry heals itself -------------------------------------------------


@pytest.mark.parametrize("legacy", [False, True], ids=["cut-bytes", "no-digest"])
async def test_a_damaged_tree_entry_is_fetched_again_without_validators(
    server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock, legacy: bool
) -> None:
    client = make_client()
    await client.tree(REPO, "main")
    assert damage_cache_entry(make_client.cache_dir, "/git/trees/main", legacy=legacy) == 1
    fake_clock.advance(hours=2)  # stale: the next read revalidates
    tree = await client.tree(REPO, "main")
    assert "requirements.txt" in {e.path for e in tree.entries}
    last = server.hits("/api/v3/repos/octo/widgets/git/trees/")[-1]
    assert last.status == 200
    assert "if-none-match" not in last.headers
    fake_clock.advance(hours=2)
    again = await make_client().tree(REPO, "main")  # healed for good: a 304 parses
    assert again.info is not None
    assert again.info.revalidated


async def test_a_show_after_damage_succeeds_without_clearing_the_cache(
    server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock
) -> None:
    await collect(GitHubSource(make_client()), REPO)
    damage_cache_entry(make_client.cache_dir, "/git/trees/", legacy=True)
    fake_clock.advance(hours=2)
    report = await collect(GitHubSource(make_client()), REPO)
    assert "PyTorch" in names(report)
    assert not report.errors


# --- 2. raw bodies are checked before they are trusted -------------------------------------


async def test_a_manifest_that_does_not_parse_is_used_but_not_kept(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    broken = b'[project]\nname = "w"\ndependencies = ["torch"\n'  # unclosed array
    server.add_repo(REPO, files={"pyproject.toml": broken}, languages={"Python": 6})
    first = await collect(GitHubSource(make_client()), REPO)
    assert any("pyproject.toml" in problem for problem in first.errors)
    server.repos[REPO].files["pyproject.toml"] = (
        b'[project]\nname = "w"\ndependencies = ["torch"]\n'
    )
    second = await collect(GitHubSource(make_client()), REPO)  # still "fresh" by the clock
    assert "PyTorch" in names(second)
    assert len(server.hits("/raw/octo/widgets/HEAD/pyproject.toml")) == 2  # root probes ask HEAD


async def test_a_good_manifest_is_kept(server: GitHubServer, make_client: ClientFactory) -> None:
    await collect(GitHubSource(make_client()), REPO)
    await collect(GitHubSource(make_client()), REPO)
    assert len(server.hits("/raw/octo/widgets/HEAD/requirements.txt")) == 1  # root probes ask HEAD


async def test_a_damaged_raw_entry_is_a_miss(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await make_client().file(REPO, "main", "requirements.txt")
    damage_cache_entry(make_client.cache_dir, "/raw/octo/widgets/main/requirements.txt")
    content = await make_client().file(REPO, "main", "requirements.txt")
    assert content.data == REQUIREMENTS
    assert "if-none-match" not in server.hits("/raw/")[-1].headers


async def test_an_html_page_from_the_raw_host_is_a_problem_not_a_missing_manifest(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    from tests.doubles.github_server import html_page

    for ref in ("HEAD", "main"):  # the root probe asks HEAD; after a tree, the default branch
        server.script("GET", f"/raw/octo/widgets/{ref}/requirements.txt", html_page(), sticky=True)
    server.script(
        "GET", "/api/v3/repos/octo/widgets/contents/requirements.txt", Reply(502), sticky=True
    )
    report = await collect(GitHubSource(make_client()), REPO)
    assert any("requirements.txt" in p and "web page" in p for p in report.errors)
    assert make_client().cache_info().entries > 0
    second = await collect(GitHubSource(make_client()), REPO)  # not cached as "no manifest"
    assert any("web page" in p for p in second.errors)


# --- 3. one deadline and a size cap per request --------------------------------------------


async def test_a_slow_drip_ends_at_the_deadline(
    server: GitHubServer, fake_clock: FakeClock, tmp_path: Path
) -> None:
    server.script("GET", f"/api/v3/repos/{REPO}", slow_drip(every=0.2), sticky=True)
    async with bounded_client(server, fake_clock, tmp_path, Limits(deadline=1.0)) as client:
        with pytest.raises(ApiUnavailable, match="took longer than 1 s"):
            await client.repo(REPO)
        assert client.cache_info().entries == 0


async def test_an_endless_body_stops_at_its_cap(
    server: GitHubServer, fake_clock: FakeClock, tmp_path: Path
) -> None:
    server.script("GET", f"/api/v3/repos/{REPO}/languages", endless_body(), sticky=True)
    async with bounded_client(server, fake_clock, tmp_path, Limits(json=2 * MIB)) as client:
        with pytest.raises(TooLarge, match="larger than 2 MB"):
            await client.languages(REPO)
        assert client.cache_info().entries == 0


async def test_a_gzip_bomb_inflates_no_further_than_the_cap(
    server: GitHubServer, fake_clock: FakeClock, tmp_path: Path
) -> None:
    server.script("GET", f"/api/v3/repos/{REPO}", gzip_bomb(256 * MIB), sticky=True)
    async with bounded_client(server, fake_clock, tmp_path, Limits(json=4 * MIB)) as client:
        tracemalloc.start()
        try:
            with pytest.raises(TooLarge):
                await client.repo(REPO)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 64 * MIB  # 256 MB inflated in full would be far past this
        assert client.cache_info().entries == 0


async def test_a_gzipped_answer_within_its_cap_is_read(
    server: GitHubServer, fake_clock: FakeClock, tmp_path: Path
) -> None:
    import gzip
    import json

    body = gzip.compress(json.dumps({"Python": 10}).encode())
    reply = Reply(200, body, {"content-encoding": "gzip"})
    server.script("GET", f"/api/v3/repos/{REPO}/languages", reply)
    async with bounded_client(server, fake_clock, tmp_path, Limits()) as client:
        assert (await client.languages(REPO)).bytes_by_language == {"Python": 10}


async def test_an_oversized_manifest_is_refused_and_never_cached(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    huge = b"numpy\n" * (Limits().file // 6 + 10)
    server.add_repo(REPO, files={"requirements.txt": huge}, languages={"Python": 6})
    server.repos[REPO].tree[0]["size"] = 10  # the tree lies about its size
    report = await collect(GitHubSource(make_client()), REPO)
    assert any("requirements.txt" in p and "larger than" in p for p in report.errors)
    raw = server.hits("/raw/octo/widgets/main/requirements.txt")
    assert raw
    assert all(hit.path.endswith("requirements.txt") for hit in raw)
    await collect(GitHubSource(make_client()), REPO)
    assert len(server.hits("/raw/octo/widgets/main/requirements.txt")) == 2 * len(raw)


# --- 4. odd headers never crash ------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e20", "inf", "-5", "nan", "soon", "1e400"])
async def test_any_retry_after_is_bounded(
    server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock, value: str
) -> None:
    refusal = Reply(429, {"message": "slow down"}, {"retry-after": value})
    server.script("GET", f"/api/v3/repos/{REPO}", refusal, sticky=True)
    with pytest.raises(RateLimited) as caught:
        await make_client().repo(REPO)
    reset = caught.value.reset_at
    assert reset is not None
    assert reset <= fake_clock() + timedelta(days=1, minutes=1)
    assert "resets at" in caught.value.user_message


# --- 11. GraphQL rate limits in both spellings, and stale answers first --------------------


@pytest.mark.parametrize(
    ("reply", "what"),
    [
        (Reply(200, {"data": None, "errors": [{"type": "RATE_LIMIT", "message": "x"}]}), "type"),
        (Reply(200, {"data": None, "errors": [{"type": "RATE_LIMITED", "message": "x"}]}), "type"),
        (
            Reply(
                200,
                {"errors": [{"message": "over"}]},
                {"x-ratelimit-remaining": "0"},
                rate_headers=False,
            ),
            "header",
        ),
    ],
)
async def test_graphql_rate_limits_are_rate_limits(
    server: GitHubServer, make_client: ClientFactory, reply: Reply, what: str
) -> None:
    server.script("POST", "/api/graphql", reply)
    with pytest.raises(RateLimited):
        await make_client("tok").graphql("query { viewer { login } }", {})


async def test_a_rate_limited_graphql_search_serves_the_stale_page_not_rest(
    server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock
) -> None:
    install(server)
    first = await GitHubSource(make_client("tok")).search("widgets")
    fake_clock.advance(minutes=30)  # the page is stale now
    limited = {"data": None, "errors": [{"type": "RATE_LIMIT", "message": "spent"}]}
    server.script("POST", "/api/graphql", Reply(200, limited))
    again = await GitHubSource(make_client("tok")).search("widgets")
    assert [i.full_name for i in again.items] == [i.full_name for i in first.items]
    assert again.stale
    assert server.hits("/api/v3/search/") == []
