"""An unreachable GitHub fails fast and says so in words a person understands."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tui.github.client import GitHubClient
from tui.github.errors import ApiUnavailable
from tui.github.request import RetryPolicy
from tui.github.settings import ClientSettings


def _client(tmp_path: Path, error: Exception, calls: list[str]) -> GitHubClient:
    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        raise error

    async def no_sleep(seconds: float) -> None:
        return None

    return GitHubClient(
        ClientSettings(cache_dir=tmp_path),
        transport=httpx.MockTransport(refuse),
        sleep=no_sleep,
        retry=RetryPolicy(tries=4, base=0.01, max_total=5.0),
    )


async def test_a_failed_name_lookup_is_retried_once_not_four_times(tmp_path: Path) -> None:
    calls: list[str] = []
    lookup = httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
    async with _client(tmp_path, lookup, calls) as client:
        with pytest.raises(ApiUnavailable) as raised:
            await client.repo("microsoft/BioGPT")
    assert len(calls) == 2
    assert "host name not found" in raised.value.user_message
    assert "--offline" in raised.value.user_message


async def test_a_refused_connection_is_retried_once_not_four_times(tmp_path: Path) -> None:
    calls: list[str] = []
    async with _client(tmp_path, httpx.ConnectError("refused"), calls) as client:
        with pytest.raises(ApiUnavailable) as raised:
            await client.repo("microsoft/BioGPT")
    assert len(calls) == 2  # nothing listens there: waiting 20 s for it helps no one
    assert "connection refused" in raised.value.user_message


async def test_another_connect_failure_uses_every_try(tmp_path: Path) -> None:
    calls: list[str] = []
    async with _client(tmp_path, httpx.ConnectError("network is unreachable"), calls) as client:
        with pytest.raises(ApiUnavailable) as raised:
            await client.repo("microsoft/BioGPT")
    assert len(calls) == 4
    assert "connection failed" in raised.value.user_message


async def test_a_timeout_is_named_as_such(tmp_path: Path) -> None:
    calls: list[str] = []
    async with _client(tmp_path, httpx.ReadTimeout("slow"), calls) as client:
        with pytest.raises(ApiUnavailable, match="timed out"):
            await client.languages("microsoft/BioGPT")
