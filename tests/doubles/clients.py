"""ClientFactory: real GitHubClients wired to the test server, one cache dir and a fake clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.doubles.github_server import FakeClock, GitHubServer
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.request import RetryPolicy
from tui.github.settings import ClientSettings


class ClientFactory:
    """Builds ``GitHubClient``s wired to ``github_server``, a shared cache dir and ``fake_clock``.

    Sleeps are recorded in ``sleeps`` and move the fake clock instead of waiting.
    """

    def __init__(self, server: GitHubServer, clock: FakeClock, cache_dir: Path) -> None:
        self.server, self.clock, self.cache_dir = server, clock, cache_dir
        self.sleeps: list[float] = []
        self.clients: list[GitHubClient] = []
        self.lines: list[str] = []

    async def sleep(self, seconds: float) -> None:
        """Record a pause and let fake time pass instead."""
        self.sleeps.append(seconds)
        self.clock.advance(seconds=seconds)

    def __call__(self, token: str | None = None, **settings: Any) -> GitHubClient:
        """A new client; ``settings`` override ``ClientSettings`` fields."""
        settings.setdefault("cache_dir", self.cache_dir)
        settings.setdefault("log", self.lines.append)
        client = GitHubClient(
            ClientSettings(api_url=self.server.api_url, **settings),
            token=Token(token, "GH_TOKEN") if token else None,
            clock=self.clock,
            sleep=self.sleep,
            retry=RetryPolicy(tries=4, base=0.5, max_total=20.0),
        )
        self.clients.append(client)
        return client
