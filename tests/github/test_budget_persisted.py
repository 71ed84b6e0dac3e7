"""The budget outlives the process (per host and identity), and hints name the host's variable."""

from __future__ import annotations

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.github.auth import token_variables
from tui.github.errors import RateLimited

REPO = "octo/widgets"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    github_server.add_repo(REPO, languages={"Python": 100})
    github_server.add_repo("octo/gadgets")
    return github_server


async def test_exhaustion_in_one_process_means_no_request_from_the_next(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    first = make_client()
    server.exhaust("core", reset_in=1800)
    with pytest.raises(RateLimited):
        await first.repo(REPO)  # GitHub's 403 says the hour is spent
    await first.aclose()
    sent = len(server.hits())
    second = make_client()  # a new process: same cache directory, nothing in memory
    core = second.budget.get("core")
    assert core is not None
    assert core.remaining == 0
    with pytest.raises(RateLimited) as refused:
        await second.languages("octo/gadgets")
    assert len(server.hits()) == sent
    assert refused.value.reset_at == core.reset_at
    make_client.clock.advance(minutes=31)  # past the reset: asking is allowed again
    third = make_client()
    assert third.budget.get("core") is None  # a reset bucket is not loaded
    assert (await third.languages(REPO)).bytes_by_language == {"Python": 100}


async def test_budget_is_kept_per_identity(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    anonymous = make_client()
    await anonymous.repo(REPO)
    await anonymous.aclose()
    with_token = make_client("tok")
    assert with_token.budget.get("core") is None  # another identity's budget is not this one's
    assert make_client().budget.get("core") is not None


def test_hint_per_host() -> None:
    assert token_variables("api.github.com") == ("GH_TOKEN", "GITHUB_TOKEN")
    assert token_variables("github.example.com") == (
        "GH_ENTERPRISE_TOKEN",
        "GITHUB_ENTERPRISE_TOKEN",
    )
    public = RateLimited("core", None).hinting(token_variables("api.github.com")[0])
    enterprise = RateLimited("core", None).hinting(token_variables("ghe.corp.example")[0])
    assert "Set GH_TOKEN for more" in public.user_message
    assert "Set GH_ENTERPRISE_TOKEN for more" in enterprise.user_message


async def test_limit_message_names_the_enterprise_variable(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    server.exhaust("core", reset_in=600)
    with pytest.raises(RateLimited) as refused:
        await make_client().repo(REPO)  # the test server is not github.com
    assert "GH_ENTERPRISE_TOKEN" in refused.value.user_message
