"""The bundled offline catalog and ``CatalogTransport``, which serves it as GitHub would.

The catalog (``tui/data/catalog.json``, built by ``scripts/build_catalog.py``) holds facts about
real repositories: metadata, Linguist byte counts, recursive trees, dependency names, import lines.
``CatalogTransport`` is an ``httpx.AsyncBaseTransport`` that answers GitHub-shaped requests from it,
for the API and the raw host alike (any host, routed on the path, Enterprise prefixes ``/api/v3``
and ``/raw`` accepted), so the real client, cache and detectors run on it unchanged::

    client = GitHubClient(settings, transport=CatalogTransport())
"""

from __future__ import annotations

from dataclasses import replace

import httpx

from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.catalog_api import CATALOG_HEADER, CatalogServer
from tui.sources.catalog_data import Catalog, CatalogRepo, load_catalog, parse_catalog

__all__ = [
    "CATALOG_API_URL",
    "CATALOG_HEADER",
    "CATALOG_RAW_URL",
    "Catalog",
    "CatalogRepo",
    "CatalogTransport",
    "catalog_client",
    "catalog_settings",
    "load_catalog",
    "parse_catalog",
]

CATALOG_API_URL = "https://catalog.repolens.invalid/api/v3"
"""The API base URL for a client on the catalog (Enterprise layout, a host that never resolves).

The transport answers any host, but a host of its own keeps catalog answers apart from GitHub's
in the disk cache, whose keys include the host.
"""

CATALOG_RAW_URL = "https://catalog.repolens.invalid/raw"
"""The matching raw-content base URL."""


class CatalogTransport(httpx.AsyncBaseTransport):
    """Answers GitHub REST and raw-host requests from the offline catalog, in process.

    Answers carry what GitHub's do: JSON bodies of the same shape, ETags (a matching
    ``If-None-Match`` gets a 304), ``x-ratelimit-*`` headers for a generous budget that never
    runs out, ``Link`` paging on search, GitHub's JSON error shape for unknown repositories.
    """

    def __init__(self, catalog: Catalog | None = None) -> None:
        """Serve ``catalog``, by default the bundled one."""
        self.catalog = catalog or load_catalog()
        self._server = CatalogServer(self.catalog)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request without any I/O."""
        return self._server.answer(request)


def catalog_settings(settings: ClientSettings | None = None) -> ClientSettings:
    """``settings`` (cache directory, concurrency, log) pointed at the catalog instead of GitHub.

    ``offline`` is turned off: the catalog is in process, so it is always reachable.
    """
    return replace(
        settings or ClientSettings(),
        api_url=CATALOG_API_URL,
        raw_url=CATALOG_RAW_URL,
        graphql_url=None,
        offline=False,
    )


def catalog_client(
    settings: ClientSettings | None = None, catalog: Catalog | None = None
) -> GitHubClient:
    """A ``GitHubClient`` (no token) whose every request the offline catalog answers."""
    return GitHubClient(catalog_settings(settings), transport=CatalogTransport(catalog))
