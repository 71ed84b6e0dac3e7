"""A repository seen only in a search answers ``show --offline`` with what the search said."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.doubles.cli import cli_server, run
from tests.doubles.github_server import GitHubServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    with cli_server(monkeypatch, tmp_path) as srv:
        files = {"requirements.txt": b"flask==3.0.0\n"}
        srv.add_repo("acme/shop", files=files, languages={"Python": 9000},
                     description="A shop", stargazers_count=77)  # fmt: skip
        yield srv


def test_offline_show_of_a_searched_repository_prints_its_metadata_and_what_is_missing(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "search", "shop")[0] == 0
    sent = len(server.hits())
    code, out, err = run(capsys, "--offline", "show", "acme/shop")
    assert code == 0, err
    assert "A shop" in out
    assert "★ 77" in out
    assert "! Offline: its languages and frameworks are not in the cache" in out
    code, out, _ = run(capsys, "--offline", "show", "acme/shop", "--json")
    data = json.loads(out)
    assert data["stars"] == 77
    assert data["languages"] == []
    assert any("not in the cache" in p for p in data["problems"])
    assert len(server.hits()) == sent  # offline: nothing sent


def test_offline_show_of_an_unseen_repository_still_fails_in_one_line(
    server: GitHubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--offline", "show", "acme/shop")
    assert code == 5
    assert out == ""
    assert err.count("\n") == 1
