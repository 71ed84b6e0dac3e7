"""A rate-limit bucket whose reset time has passed is refilled, and its reset is worded rightly.

Whatever reads the budget (the census plan, prefetching, the meter) must not take a past hour's
zero for the present one, in the process that saw it spent or in one that loaded it from disk;
and "resets at 00:10" said at 23:50 is tomorrow's 00:10, so the message says so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tui.github.errors import RateLimited

REPO = "octo/widgets"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    github_server.add_repo(REPO, languages={"Python": 100})
    return github_server


async def test_a_spent_bucket_is_refilled_once_its_reset_passes(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    server.exhaust("core", reset_in=600)
    with pytest.raises(RateLimited):
        await client.repo(REPO)
    spent = client.budget.get("core")
    assert spent is not None
    assert spent.remaining == 0
    loaded = make_client()  # another process, reading the budget file while it is spent
    assert (b := loaded.budget.get("core")) is not None
    assert b.remaining == 0
    make_client.clock.advance(minutes=11)
    for budget in (client.budget, loaded.budget):
        core = budget.get("core")
        assert core is not None
        assert core.remaining == core.limit == spent.limit
        assert budget.buckets["core"].remaining == spent.limit
    assert (await loaded.languages(REPO)).bytes_by_language == {"Python": 100}  # not refused


def _local(hour: int, minute: int) -> datetime:
    """Today at ``hour:minute`` in this machine's time zone, as UTC."""
    return datetime.now().astimezone().replace(hour=hour, minute=minute, second=0, microsecond=0)


async def test_a_reset_after_midnight_is_said_to_be_tomorrow(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    make_client.clock.now = _local(23, 50).astimezone(UTC)
    client = make_client()
    server.exhaust("core", reset_in=20 * 60)
    with pytest.raises(RateLimited) as refused:
        await client.repo(REPO)  # GitHub's 403
    reset = (make_client.clock() + timedelta(minutes=20)).astimezone()
    assert f"resets at {reset:%H:%M} tomorrow" in refused.value.user_message
    with pytest.raises(RateLimited) as again:
        await client.languages(REPO)  # refused before sending: the budget says it is spent
    assert "tomorrow" in again.value.user_message


async def test_a_reset_already_past_is_not_said_to_come(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    make_client.clock.now = _local(12, 0).astimezone(UTC)
    client = make_client()
    past = int((make_client.clock() - timedelta(minutes=1)).timestamp())
    headers = {  # GitHub's clock a little behind: its reset already past by this machine's
        "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-used": "60",
        "x-ratelimit-reset": str(past), "x-ratelimit-resource": "core",
    }  # fmt: skip
    body = {"message": "API rate limit exceeded for 127.0.0.1."}
    server.script("GET", f"/api/v3/repos/{REPO}", Reply(403, body, headers, rate_headers=False))
    with pytest.raises(RateLimited) as refused:
        await client.repo(REPO)
    assert "resets at" not in refused.value.user_message
    assert "it has reset since" in refused.value.user_message
    core = client.budget.get("core")
    assert core is not None
    assert core.remaining == 60  # refilled: the next request is sent, not refused
    assert (await client.languages(REPO)).bytes_by_language == {"Python": 100}
