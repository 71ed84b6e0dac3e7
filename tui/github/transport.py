"""The HTTP client, built when the first request goes out rather than with ``GitHubClient``.

Importing httpx (with http.client, ssl, h11, anyio), creating its SSL context (it reads the CA
bundle) and closing its pool are a sizeable share of a command's start-up. A command answered
from the disk cache (``repolens show`` of a repository seen within the hour) sends nothing, so
it pays for none of them: this module imports httpx only for type checking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


class LazyHttpClient:
    """What the fetcher uses of ``httpx.AsyncClient``; the real client is built on first use."""

    def __init__(self, build: Callable[[], httpx.AsyncClient]) -> None:
        """Remember how to build the client; nothing is built (or imported) yet."""
        self._build = build
        self._client: httpx.AsyncClient | None = None

    @property
    def started(self) -> bool:
        """Whether a request has been built (and the real client exists)."""
        return self._client is not None

    def _real(self) -> httpx.AsyncClient:
        if self._client is None:  # synchronous: two requests cannot both build one
            self._client = self._build()
        return self._client

    def build_request(
        self, method: str, url: str, *, headers: dict[str, str], content: bytes | None
    ) -> httpx.Request:
        """``AsyncClient.build_request``, building the client the first time."""
        return self._real().build_request(method, url, headers=headers, content=content)

    async def send(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        """``AsyncClient.send`` (``stream``: the body is read by the caller, within its cap)."""
        return await self._real().send(request, stream=stream)

    async def aclose(self) -> None:
        """Close the real client's connections, if it was ever built."""
        if self._client is not None:
            await self._client.aclose()
