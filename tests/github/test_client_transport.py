"""The HTTP transport is built by the first request, so answers from the disk cache cost none."""

from __future__ import annotations

import httpx

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.github.transport import LazyTransport

REPO = "octo/widgets"


async def test_transport_is_built_by_the_first_request(github_server: GitHubServer) -> None:
    github_server.add_repo(REPO)
    transport = LazyTransport(limits=httpx.Limits(max_connections=2))
    async with httpx.AsyncClient(transport=transport) as http:
        assert not transport.started
        reply = await http.get(f"{github_server.api_url}/repos/{REPO}")
        again = await http.get(f"{github_server.api_url}/repos/{REPO}")
        assert transport.started
    assert (reply.status_code, again.json()["full_name"]) == (200, REPO)


async def test_closing_an_unused_transport_is_a_no_op() -> None:
    transport = LazyTransport(limits=httpx.Limits(max_connections=2))
    await transport.aclose()
    assert not transport.started


async def test_a_repeat_answered_from_the_cache_sends_nothing(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    """A second client over the same cache answers a fresh entry without any connection."""
    github_server.add_repo(REPO)
    await make_client().repo(REPO)
    sent = len(github_server.hits())
    repo = await make_client().repo(REPO)
    assert repo.full_name == REPO
    assert len(github_server.hits()) == sent
