"""The HTTP transport, built when the first request goes out rather than with the client.

Building httpx's default transport creates an SSL context (it reads the CA bundle) and closing
one, even unused, imports anyio's asyncio backend: together a sizeable share of a command's
start-up. A command answered from the disk cache (``repolens show`` of a repository seen within
the hour) sends nothing, so it pays for neither.
"""

from __future__ import annotations

import httpx


class LazyTransport(httpx.AsyncBaseTransport):
    """httpx's ``AsyncHTTPTransport``, created on the first request with the given options."""

    def __init__(self, *, limits: httpx.Limits) -> None:
        """Remember the pool limits; nothing is built yet."""
        self._limits = limits
        self._transport: httpx.AsyncHTTPTransport | None = None

    @property
    def started(self) -> bool:
        """Whether a request has gone out (and the real transport exists)."""
        return self._transport is not None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the real transport, building it the first time."""
        if self._transport is None:  # no await before this: two requests cannot both build one
            self._transport = httpx.AsyncHTTPTransport(limits=self._limits)
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        """Close the real transport's connections, if it was ever built."""
        if self._transport is not None:
            await self._transport.aclose()
