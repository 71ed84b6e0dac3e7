"""Whatever bytes arrive, the parsers answer with typed data or ``BadResponse``, never a crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tui.github import parse
from tui.github.errors import BadResponse
from tui.github.graphql_search import parse_search
from tui.github.limits import bucket_from_headers

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    -1,
    10**20,
    -(10**20),
    1.5e308,
    "x",
    "",
    [],
    {},
    [1, 2],
    {"a": None},
    "\x00\x1b[31m",
]

PARSERS: list[tuple[str, Callable[[bytes], object]]] = [
    ("parse_repo", parse.parse_repo),
    ("parse_languages", parse.parse_languages),
    ("parse_tree", parse.parse_tree),
    ("parse_readme", parse.parse_readme),
    ("parse_commit_activity", parse.parse_commit_activity),
    ("parse_rate_limit", parse.parse_rate_limit),
    ("parse_graphql", parse.parse_graphql),
    ("parse_search", lambda body: parse.parse_search(body, page=1, per_page=30, has_next=False)),
]


def _shapes() -> list[bytes]:
    shapes: list[Any] = [*HOSTILE_VALUES]
    for value in HOSTILE_VALUES:
        shapes.append([{"week": value, "total": value, "days": value}])
        shapes.append({"resources": {"core": {"limit": value, "remaining": value, "reset": value}}})
        shapes.append({"total_count": value, "incomplete_results": value, "items": [value]})
        shapes.append({"full_name": value, "stargazers_count": value, "pushed_at": value})
        shapes.append({"sha": value, "tree": [{"path": value, "type": value, "size": value}]})
        shapes.append({"content": value, "encoding": "base64"})
        shapes.append({"Python": value})
    raw = [json.dumps(shape).encode() for shape in shapes]
    return [*raw, b"", b"{", b"\xff\xfe", b"<html>oops</html>", b"[" * 5000 + b"]" * 5000]


@pytest.mark.parametrize(("name", "parser"), PARSERS, ids=[n for n, _ in PARSERS])
def test_parsers_never_raise_anything_but_bad_response(
    name: str, parser: Callable[[bytes], object]
) -> None:
    for body in _shapes():
        try:
            parser(body)
        except BadResponse:
            pass


@pytest.mark.parametrize("reset", ["10" + "0" * 30, "-99999999999999", "soon", ""])
def test_absurd_rate_headers_are_ignored(reset: str) -> None:
    headers = {"x-ratelimit-limit": "60", "x-ratelimit-remaining": "1", "x-ratelimit-reset": reset}
    assert bucket_from_headers(headers, "core") is None


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_graphql_search_answers_are_typed_or_refused(value: Any) -> None:
    node = {
        "nameWithOwner": "a/b",
        "description": value,
        "url": value,
        "stargazerCount": value,
        "forkCount": value,
        "issues": {"totalCount": value},
        "licenseInfo": {"spdxId": value},
        "defaultBranchRef": {"name": value},
        "primaryLanguage": value,
        "languages": value,
        "root": {"entries": [value]},
        "repositoryTopics": {"nodes": [value]},
        "diskUsage": value,
    }
    data = {
        "search": {"nodes": [node], "repositoryCount": value, "pageInfo": value},
        "rateLimit": {"limit": value, "remaining": value, "resetAt": value},
    }
    try:
        page = parse_search(data, page=1, per_page=30)
    except BadResponse:
        return
    repo = page.page.items[0]
    for text in (repo.description, repo.html_url, repo.license, repo.primary_language):
        assert text is None or isinstance(text, str)
    for number in (repo.stars, repo.forks, repo.open_issues, repo.size_kb, page.page.total_count):
        assert number is None or isinstance(number, int)


def test_timestamps_without_a_zone_are_taken_as_utc() -> None:
    body = json.dumps({"full_name": "o/r", "pushed_at": "2023-11-13T15:41:16"}).encode()
    pushed = parse.parse_repo(body).pushed_at
    assert pushed is not None
    assert pushed.utcoffset() is not None  # aware: comparable with the clock, no TypeError
