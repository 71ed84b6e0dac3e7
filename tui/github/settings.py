"""Client settings and the three base URLs (REST, GraphQL, raw files) derived from one API URL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

DEFAULT_API_URL = "https://api.github.com"


@dataclass(frozen=True)
class ClientSettings:
    """How the client reaches GitHub and where it keeps its cache.

    Attributes:
        api_url: The REST base (``https://api.github.com`` or an Enterprise ``.../api/v3``).
        cache_dir: Where the disk cache lives; None means the platform's user cache dir.
        offline: Never touch the network: answer from the cache or raise ``OfflineMiss``.
        no_cache: Neither read nor write the cache.
        max_concurrency: How many requests may be in flight at once.
        raw_url: The raw-file host; derived from ``api_url`` when None.
        graphql_url: The GraphQL endpoint; derived from ``api_url`` when None.
        log: Called with one line per request (``-v``); never given a token.
        cache_on_loop: Read the disk cache on the event loop's own thread. For the command
            line, whose loop has no screen to keep drawing: a warm ``show`` makes some 40 reads
            of well under a millisecond each, and handing each to a thread and back cost more
            than the reads (10 ms in all). The TUI leaves it off: a busy store must not freeze it.
    """

    api_url: str = DEFAULT_API_URL
    cache_dir: Path | None = None
    offline: bool = False
    no_cache: bool = False
    max_concurrency: int = 4
    raw_url: str | None = None
    graphql_url: str | None = None
    log: Callable[[str], None] | None = None
    cache_on_loop: bool = False

    @property
    def api_base(self) -> str:
        """The REST base URL without a trailing slash."""
        return self.api_url.rstrip("/")

    @property
    def host(self) -> str:
        """The API host name, as token discovery and the cache key know it."""
        return urlsplit(self.api_base).hostname or "api.github.com"

    @property
    def resolved_raw_url(self) -> str:
        """The raw-file base: explicit, or derived from the API URL."""
        return (self.raw_url or derive_urls(self.api_base)[1]).rstrip("/")

    @property
    def resolved_graphql_url(self) -> str:
        """The GraphQL endpoint: explicit, or derived from the API URL."""
        return self.graphql_url or derive_urls(self.api_base)[0]

    @property
    def resolved_cache_dir(self) -> Path:
        """The cache directory: explicit, or the platform's user cache dir for repolens."""
        return self.cache_dir or Path(platformdirs.user_cache_dir("repolens"))


def derive_urls(api_url: str) -> tuple[str, str]:
    """The GraphQL endpoint and the raw-file base that go with a REST base URL.

    Args:
        api_url: ``https://api.github.com``, an Enterprise ``http(s)://HOST/api/v3`` or
            a ``https://api.HOST`` (GHE.com) base.

    Returns:
        ``(graphql_url, raw_url)``.
    """
    base = api_url.rstrip("/")
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    if parts.path.endswith("/api/v3"):
        root = origin + parts.path[: -len("/api/v3")]
        return f"{root}/api/graphql", f"{root}/raw"
    if parts.hostname == "api.github.com":
        return f"{base}/graphql", "https://raw.githubusercontent.com"
    # GHE.com (api.HOST) has no documented raw host; the contents API is the fallback there
    return f"{base}/graphql", f"{origin}/raw"
