"""``repolens auth`` names the gh command that really finds a token for the host in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.cli import run, without_token


@pytest.mark.parametrize(
    ("api_url", "variables", "gh_command", "login"),
    [
        ("https://api.github.com", "GH_TOKEN, then GITHUB_TOKEN",
         "gh auth token --hostname github.com", "`gh auth login`"),
        ("https://ghe.example.com/api/v3", "GH_ENTERPRISE_TOKEN, then GITHUB_ENTERPRISE_TOKEN",
         "gh auth token --hostname ghe.example.com", "`gh auth login --hostname ghe.example.com`"),
    ],
)  # fmt: skip
def test_auth_without_a_token_says_where_it_looked(
    api_url: str, variables: str, gh_command: str, login: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    without_token(monkeypatch, tmp_path)
    code, out, _ = run(capsys, "--api-url", api_url, "auth")
    assert code == 0
    assert f"Looked for {variables}, then `{gh_command}`." in out
    assert login in out
