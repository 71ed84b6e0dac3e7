"""A real refused connection (nothing listens on the port) fails after one retry."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tui.github.client import GitHubClient
from tui.github.errors import ApiUnavailable
from tui.github.request import RetryPolicy
from tui.github.settings import ClientSettings


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


async def test_nothing_listening_fails_after_two_tries_and_names_it(tmp_path: Path) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    api = f"http://127.0.0.1:{_closed_port()}/api/v3"
    client = GitHubClient(
        ClientSettings(api_url=api, cache_dir=tmp_path),
        sleep=sleep,
        retry=RetryPolicy(tries=4, base=0.5, max_total=20.0),
    )
    async with client:
        with pytest.raises(ApiUnavailable) as raised:
            await client.repo("microsoft/BioGPT")
    assert len(slept) == 1  # one pause, one retry, then the answer
    assert "connection refused" in raised.value.user_message
