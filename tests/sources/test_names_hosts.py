"""A repository URL names a repository of the API in use only when it is on that API's web host."""

from __future__ import annotations

import pytest

from tui.sources.names import TargetError, parse_target, url_host, web_hosts

GITHUB = web_hosts("https://api.github.com")
ENTERPRISE = web_hosts("https://ghe.example.com/api/v3")


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("pallets/flask", None),
        ("https://github.com/pallets/flask", "github.com"),
        ("https://GitHub.com/pallets/flask.git", "github.com"),
        ("git@github.com:pallets/flask.git", "github.com"),
        ("http://127.0.0.1:8080/pallets/flask", "127.0.0.1:8080"),
        ("ftp://x/y/z", ""),
        ("file:///etc/pallets/flask", ""),
        ("http://[::1/a/b", ""),
    ],
)
def test_url_host(text: str, host: str | None) -> None:
    assert url_host(text) == host


@pytest.mark.parametrize(
    ("text", "hosts", "name"),
    [
        ("https://github.com/pallets/flask/tree/main", GITHUB, "pallets/flask"),
        ("https://www.github.com/pallets/flask", GITHUB, "pallets/flask"),
        ("git@github.com:pallets/flask.git", GITHUB, "pallets/flask"),
        ("https://ghe.example.com/team/app", ENTERPRISE, "team/app"),
        ("pallets/flask", ENTERPRISE, "pallets/flask"),
    ],
)
def test_urls_on_the_apis_web_host_name_its_repositories(
    text: str, hosts: frozenset[str], name: str
) -> None:
    assert parse_target(text, hosts=hosts).full_name == name


@pytest.mark.parametrize(
    ("text", "hosts", "said"),
    [
        (
            "https://evil.example.com/pallets/flask",
            GITHUB,
            "is on evil.example.com, not on github.com",
        ),
        ("https://github.com/pallets/flask", ENTERPRISE, "is on github.com, not on"),
        ("ftp://x/y/z", GITHUB, "not a repository URL"),
        ("ftp://x/y/z", None, "not a repository URL"),
    ],
)
def test_other_hosts_and_schemes_are_one_line_errors(
    text: str, hosts: frozenset[str] | None, said: str
) -> None:
    with pytest.raises(TargetError, match=said):
        parse_target(text, hosts=hosts)
