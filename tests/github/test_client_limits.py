"""Rate limits, retries, resets and coalescing through the real client and transport."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tui.github.errors import ApiUnavailable, RateLimited

REPO = "octo/widgets"
REPO_PATH = f"/api/v3/repos/{REPO}"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with two repositories."""
    github_server.add_repo(REPO, languages={"Go": 500})
    github_server.add_repo("octo/gadgets", languages={"Rust": 800})
    return github_server


async def test_budget_follows_every_response(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.repo(REPO)
    await client.languages(REPO)
    core = client.budget.get("core")
    assert core is not None
    assert (core.limit, core.remaining, core.used) == (60, 58, 2)
    assert core.reset_at > make_client.clock()
    assert any(line.endswith("core 58/60") for line in make_client.lines)


async def test_exhausted_budget_sends_nothing_more_and_serves_stale(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.repo(REPO)
    server.exhaust("core", reset_in=3 * 3600)
    with pytest.raises(RateLimited) as refused:
        await client.languages(REPO)  # GitHub's 403 tells the budget it is spent
    sent = len(server.hits())
    make_client.clock.advance(hours=2)  # the cached repo is stale now; the budget still spent
    stale = await client.repo(REPO)
    with pytest.raises(RateLimited) as local:
        await client.repo("octo/gadgets")
    assert len(server.hits()) == sent
    assert stale.info is not None
    assert stale.info.stale
    assert make_client.clock() - stale.info.fetched_at >= timedelta(hours=2)
    assert refused.value.resource == local.value.resource == "core"
    assert local.value.reset_at == refused.value.reset_at
    assert "GH_ENTERPRISE_TOKEN" in local.value.user_message  # the test server is not github.com
    make_client.clock.advance(hours=1, minutes=1)  # past the reset: asking is allowed again
    assert (await client.repo("octo/gadgets")).full_name == "octo/gadgets"


async def test_primary_limit_as_429(server: GitHubServer, make_client: ClientFactory) -> None:
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-limit": "60"}
    server.script("GET", REPO_PATH, Reply(429, {"message": "slow"}, headers, rate_headers=False))
    with pytest.raises(RateLimited) as caught:
        await make_client().repo(REPO)
    assert not caught.value.secondary
    assert len(server.hits()) == 1


async def test_secondary_limit_with_short_retry_after_is_waited_out(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    refusal = Reply(
        403,
        {"message": "You have exceeded a secondary rate limit. Please wait."},
        {"retry-after": "3"},
        rate_headers=False,
    )
    server.script("GET", REPO_PATH, refusal)
    repo = await make_client().repo(REPO)
    assert repo.full_name == REPO
    assert make_client.sleeps == [3.0]
    assert [h.status for h in server.hits()] == [403, 200]


async def test_secondary_limit_with_long_retry_after_fails_clearly(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    refusal = Reply(429, {"message": "slow down"}, {"retry-after": "120"}, rate_headers=False)
    server.script("GET", REPO_PATH, refusal)
    client = make_client()
    with pytest.raises(RateLimited) as caught:
        await client.repo(REPO)
    assert caught.value.secondary
    assert caught.value.reset_at == make_client.clock() + timedelta(seconds=120)
    assert "Secondary rate limit" in caught.value.user_message
    with pytest.raises(RateLimited):
        await client.languages(REPO)  # the same bucket is left alone until then
    assert len(server.hits()) == 1
    assert make_client.sleeps == []


async def test_5xx_is_retried_then_stale_is_served(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.repo(REPO)
    make_client.clock.advance(hours=2)
    server.script("GET", REPO_PATH, Reply(502, b"<html>Bad gateway</html>"), sticky=True)
    repo = await client.repo(REPO)
    assert repo.info is not None
    assert repo.info.stale
    assert [h.status for h in server.hits()] == [200, 502, 502, 502, 502]
    assert len(make_client.sleeps) == 3
    assert make_client.sleeps[0] < make_client.sleeps[2]  # backoff grows
    server.script("GET", "/api/v3/repos/octo/gadgets/languages", Reply(503), sticky=True)
    with pytest.raises(ApiUnavailable) as caught:
        await client.languages("octo/gadgets")  # nothing cached: the failure shows
    assert "HTTP 503" in caught.value.user_message


async def test_one_5xx_then_success(server: GitHubServer, make_client: ClientFactory) -> None:
    server.script("GET", REPO_PATH, Reply(504))
    repo = await make_client().repo(REPO)
    assert repo.info is not None
    assert not repo.info.stale
    assert [h.status for h in server.hits()] == [504, 200]


async def test_connection_reset_is_retried(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.script("GET", REPO_PATH, Reply(reset=True), Reply(short_body=True, body={"id": 1}))
    repo = await make_client().repo(REPO)
    assert repo.full_name == REPO
    assert len(server.hits(REPO_PATH)) == 3


async def test_connection_reset_every_time_is_api_unavailable(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.script("GET", REPO_PATH, Reply(reset=True), sticky=True)
    with pytest.raises(ApiUnavailable) as caught:
        await make_client().repo(REPO)
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert len(server.hits()) == 4
    assert "Cannot reach GitHub" in caught.value.user_message


async def test_identical_concurrent_requests_share_one_exchange(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.script("GET", REPO_PATH, Reply(200, server.repos[REPO].meta, delay=0.05))
    client = make_client()
    repos = await asyncio.gather(*(client.repo(REPO) for _ in range(8)))
    assert len(server.hits()) == 1
    assert {r.full_name for r in repos} == {REPO}


async def test_concurrency_is_capped(server: GitHubServer, make_client: ClientFactory) -> None:
    for n in range(6):
        name = f"octo/r{n}"
        server.add_repo(name)
        server.script(
            "GET", f"/api/v3/repos/{name}", Reply(200, server.repos[name].meta, delay=0.05)
        )
    client = make_client(max_concurrency=2)
    await asyncio.gather(*(client.repo(f"octo/r{n}") for n in range(6)))
    assert len(server.hits()) == 6
    assert 1 <= server.max_in_flight <= 2


async def test_a_caller_giving_up_does_not_cancel_the_shared_exchange(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.script("GET", REPO_PATH, Reply(200, server.repos[REPO].meta, delay=0.2))
    client = make_client()
    impatient = asyncio.ensure_future(client.repo(REPO))
    patient = asyncio.ensure_future(client.repo(REPO))
    await asyncio.sleep(0)  # both have joined the one exchange
    impatient.cancel()
    repo = await patient
    assert impatient.cancelled()
    assert repo.full_name == REPO
    assert client.requests_sent == 1  # counted as sent, so a second exchange could not hide
    assert len(server.hits()) == 1


async def test_a_primary_limit_is_not_waited_out_even_with_retry_after(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    headers = {"retry-after": "2", "x-ratelimit-remaining": "0"}
    server.script("GET", REPO_PATH, Reply(403, {"message": "API rate limit exceeded"}, headers))
    with pytest.raises(RateLimited) as caught:
        await make_client().repo(REPO)
    assert not caught.value.secondary
    assert make_client.sleeps == []
    assert len(server.hits()) == 1
