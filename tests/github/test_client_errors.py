"""Each GitHub failure becomes one clear repolens error, sent once and never retried."""

from __future__ import annotations

from typing import Any

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tui.github.errors import (
    AuthFailed,
    BadResponse,
    Blocked,
    EmptyRepository,
    Forbidden,
    GitHubError,
    NotFound,
    ValidationFailed,
)

REPO = "octo/widgets"
REPO_PATH = f"/api/v3/repos/{REPO}"
BLOCKED = {"message": "Repository access blocked", "block": {"reason": "dmca"}}


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with one repository."""
    github_server.add_repo(REPO)
    return github_server


@pytest.mark.parametrize(
    ("reply", "error", "words"),
    [
        (Reply(404, {"message": "Not Found"}), NotFound, "Not found on GitHub"),
        (Reply(404, {"message": "This repository is empty."}), EmptyRepository, "is empty"),
        (Reply(409, {"message": "Git Repository is empty."}), EmptyRepository, "is empty"),
        (Reply(451, BLOCKED), Blocked, "blocked"),
        (Reply(403, BLOCKED), Blocked, "blocked"),
        (Reply(403, {"message": "Resource not accessible by integration"}), Forbidden, "refused"),
        (Reply(422, {"message": "Validation Failed"}), ValidationFailed, "Validation Failed"),
        (Reply(410, {"message": "Gone"}), GitHubError, "HTTP 410"),
        (Reply(200, b"<html>oops</html>"), BadResponse, "malformed"),
        (Reply(200, [1, 2, 3]), BadResponse, "not an object"),
    ],
)
async def test_failures_map_to_one_error_each_and_are_not_retried(
    server: GitHubServer,
    make_client: ClientFactory,
    reply: Reply,
    error: type[GitHubError],
    words: str,
) -> None:
    server.script("GET", REPO_PATH, reply)
    with pytest.raises(error) as caught:
        await make_client().repo(REPO)
    assert type(caught.value) is error
    assert words in caught.value.user_message
    assert "\n" not in caught.value.user_message
    assert len(server.hits()) == 1


@pytest.mark.parametrize("token", [None, "ghp_secretvalue123"])
async def test_401_names_where_the_token_came_from_and_is_not_retried(
    server: GitHubServer, make_client: ClientFactory, token: str | None
) -> None:
    server.valid_tokens = {"the-right-one"}
    if token is None:
        server.script("GET", REPO_PATH, Reply(401, {"message": "Requires authentication"}))
    client = make_client(token)
    with pytest.raises(AuthFailed) as caught:
        await client.repo(REPO)
    message = caught.value.user_message
    assert "GH_TOKEN" in message
    assert "secretvalue" not in message
    assert "secretvalue" not in str(caught.value)
    assert all("secretvalue" not in line for line in make_client.lines)
    assert len(server.hits()) == 1


async def test_renamed_repository_redirect_is_followed(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    moved = {"location": f"{server.api_url}/repos/{REPO}"}
    server.script("GET", "/api/v3/repos/octo/old-name", Reply(301, {"message": "Moved"}, moved))
    repo = await make_client().repo("octo/old-name")
    assert repo.full_name == REPO
    assert [h.status for h in server.hits()] == [301, 200]


@pytest.mark.parametrize(
    ("q", "per_page", "page"),
    [
        ("x" * 257, 30, 1),
        ("   ", 30, 1),
        ("ok", 101, 1),
        ("ok", 100, 11),
        ("ok", 30, 34),
        ("ok", 30, 0),
    ],
)
async def test_search_refuses_locally_what_github_would_refuse(
    server: GitHubServer, make_client: ClientFactory, q: str, per_page: int, page: int
) -> None:
    with pytest.raises(ValidationFailed):
        await make_client().search_repositories(q, per_page=per_page, page=page)
    assert server.hits() == []


async def test_search_422_carries_githubs_message(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await make_client().search_repositories("widgets user:nobody-at-all")
    assert "cannot be searched" in caught.value.user_message
    assert len(server.hits()) == 1


async def test_search_pages_follow_link_and_the_1000_cap(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    for n in range(5):
        server.add_repo(f"octo/thing{n}", stargazers_count=n)
    client = make_client()
    first = await client.search_repositories("thing", per_page=2, sort="stars", order="desc")
    last = await client.search_repositories("thing", per_page=2, page=3)
    assert first.has_next
    assert not last.has_next
    assert first.total_count == 5
    assert [r.stars for r in first.items] == [4, 3]
    assert [r.full_name for r in last.items] == ["octo/thing0"]
    sent = server.hits("/api/v3/search/")[0].query
    assert sent == {"q": "thing", "per_page": "2", "page": "1", "sort": "stars", "order": "desc"}
    server.script("GET", "/api/v3/search/repositories", _full_page(server), sticky=True)
    capped = await client.search_repositories("thing more", per_page=100, page=10)
    assert not capped.has_next  # GitHub links a page 11 that it would refuse


def _full_page(server: GitHubServer) -> Reply:
    body: dict[str, Any] = {"total_count": 5000, "incomplete_results": True, "items": []}
    link = f'<{server.api_url}/search/repositories?q=x&page=11>; rel="next"'
    return Reply(200, body, {"link": link})


@pytest.mark.parametrize("name", ["octo", "octo/a/b", "../etc", "octo/..", "octo/wid gets", ""])
async def test_bad_repository_names_never_reach_the_network(
    server: GitHubServer, make_client: ClientFactory, name: str
) -> None:
    with pytest.raises(ValidationFailed):
        await make_client().repo(name)
    assert server.hits() == []
