"""Token discovery in the GitHub CLI's order, with a fake ``gh`` on PATH."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.github import auth
from tui.github.auth import Token, discover_token
from tui.github.settings import ClientSettings


def _fake_gh(folder: Path, body: str) -> dict[str, str]:
    """Put a ``gh`` shell script in ``folder`` and return an environment whose PATH finds it."""
    script = folder / "gh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {"PATH": f"{folder}{os.pathsep}/usr/bin:/bin"}


@pytest.mark.parametrize(
    ("host", "env", "expected"),
    [
        ("api.github.com", {"GH_TOKEN": "a", "GITHUB_TOKEN": "b"}, Token("a", "GH_TOKEN")),
        ("api.github.com", {"GITHUB_TOKEN": "b"}, Token("b", "GITHUB_TOKEN")),
        ("api.github.com", {"GH_TOKEN": "  ", "GITHUB_TOKEN": "b"}, Token("b", "GITHUB_TOKEN")),
        ("api.octo.ghe.com", {"GH_TOKEN": "a"}, Token("a", "GH_TOKEN")),
        (
            "ghe.corp",
            {"GH_TOKEN": "a", "GH_ENTERPRISE_TOKEN": "e", "GITHUB_ENTERPRISE_TOKEN": "f"},
            Token("e", "GH_ENTERPRISE_TOKEN"),
        ),
        ("ghe.corp", {"GITHUB_ENTERPRISE_TOKEN": "f"}, Token("f", "GITHUB_ENTERPRISE_TOKEN")),
        ("ghe.corp", {"GH_TOKEN": "a"}, None),  # gh does not fall back to GH_TOKEN there
        ("api.github.com", {"GH_ENTERPRISE_TOKEN": "e"}, None),
    ],
)
def test_environment_follows_ghs_order(
    host: str, env: dict[str, str], expected: Token | None
) -> None:
    assert discover_token(host, env, use_gh=False) == expected


def test_gh_is_asked_for_the_right_host(tmp_path: Path) -> None:
    env = _fake_gh(tmp_path, 'echo "$@" > "$(dirname "$0")/args"; echo gho_fromgh')
    assert discover_token("api.github.com", env) == Token("gho_fromgh", "gh auth token")
    assert (tmp_path / "args").read_text().split() == ["auth", "token", "--hostname", "github.com"]
    discover_token("ghe.corp", env)
    assert (tmp_path / "args").read_text().split()[-1] == "ghe.corp"


def test_environment_wins_over_gh(tmp_path: Path) -> None:
    env = _fake_gh(tmp_path, "echo gho_fromgh") | {"GH_TOKEN": "env"}
    assert discover_token("api.github.com", env) == Token("env", "GH_TOKEN")


@pytest.mark.parametrize(
    "body",
    ["echo 'no oauth token' >&2; exit 1", "exit 0", "echo two words", "sleep 5; echo late"],
)
def test_gh_failures_mean_no_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    monkeypatch.setattr(auth, "GH_TIMEOUT_SECONDS", 0.5)
    assert discover_token("api.github.com", _fake_gh(tmp_path, body)) is None


def test_no_gh_on_path_means_no_token(tmp_path: Path) -> None:
    assert discover_token("api.github.com", {"PATH": str(tmp_path)}) is None


def test_the_host_is_never_interpreted_by_a_shell(tmp_path: Path) -> None:
    env = _fake_gh(tmp_path, 'printf "%s" "$4" > "$(dirname "$0")/host"; echo tok')
    hostile = "ghe.corp; touch pwned"
    discover_token(hostile, env)
    assert (tmp_path / "host").read_text() == hostile
    assert not (tmp_path / "pwned").exists()
    assert not Path("pwned").exists()


def test_the_value_never_shows_in_repr_or_str() -> None:
    token = Token("ghp_supersecret", "GH_TOKEN")
    assert "supersecret" not in repr(token)
    assert "supersecret" not in str(token)
    assert "GH_TOKEN" in repr(token)


@pytest.mark.parametrize(
    ("api_url", "host", "public"),
    [
        ("https://api.github.com", "api.github.com", True),
        ("https://api.octo.ghe.com", "api.octo.ghe.com", True),
        ("https://ghe.corp/api/v3", "ghe.corp", False),
        ("http://127.0.0.1:9000/api/v3", "127.0.0.1", False),
    ],
)
def test_the_settings_host_picks_the_token_variables(api_url: str, host: str, public: bool) -> None:
    settings = ClientSettings(api_url=api_url)
    assert settings.host == host
    assert auth.is_public_host(settings.host) is public
