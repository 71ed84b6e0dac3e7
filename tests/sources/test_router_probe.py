"""The start-up probe: is there anything to show (GitHub answers, or the cache holds something)?"""

from __future__ import annotations

from pathlib import Path

from tests.doubles.github_server import GitHubServer
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.router import Router


def _source(api_url: str, cache: Path) -> Router:
    github = GitHubSource(GitHubClient(ClientSettings(api_url=api_url, cache_dir=cache)))
    return Router(github, CatalogSource())


async def test_a_reachable_github_is_something_to_show_and_costs_nothing(
    github_server: GitHubServer, tmp_path: Path
) -> None:
    source = _source(github_server.api_url, tmp_path)
    assert await source.probe()
    assert github_server.charged() == 0  # /rate_limit is free
    assert source.github is not None
    assert source.github.client.budget.get("core") is not None  # and it fills the meter
    await source.aclose()


async def test_unreachable_with_an_empty_cache_is_nothing(tmp_path: Path) -> None:
    source = _source("http://127.0.0.1:9/api/v3", tmp_path)  # the discard port: refused
    assert not await source.probe()
    await source.aclose()


async def test_unreachable_with_a_warm_cache_still_has_something(tmp_path: Path) -> None:
    server = GitHubServer()
    with server.serving():
        server.add_repo("acme/tool", languages={"Go": 10})
        warm = _source(server.api_url, tmp_path)
        await warm.search("tool")
        await warm.aclose()
    # the same GitHub, now out of reach: the cached answers are still something to show
    cold = _source(server.api_url, tmp_path)
    assert await cold.probe()
    await cold.aclose()
    empty = _source(server.api_url, tmp_path / "other")
    assert not await empty.probe()
    await empty.aclose()


async def test_the_demo_has_always_something_to_show() -> None:
    assert await Router(None, CatalogSource()).probe()
