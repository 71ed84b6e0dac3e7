"""Build the client and the source that the command line asked for (flags and environment)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tui.github.auth import Token, discover_token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.base import SourceStatus
from tui.sources.github import GitHubSource

DEFAULT_API_URL = "https://api.github.com"


@dataclass(frozen=True, slots=True)
class Options:
    """The global flags, after the environment has filled in what the flags left out."""

    api_url: str = DEFAULT_API_URL
    cache_dir: Path | None = None
    offline: bool = False
    no_cache: bool = False
    verbose: bool = False
    demo: bool = False

    @classmethod
    def from_flags(
        cls,
        *,
        api_url: str | None,
        cache_dir: str | None,
        offline: bool,
        no_cache: bool,
        verbose: bool,
        demo: bool,
        env: Mapping[str, str] | None = None,
    ) -> Options:
        """Flags win over ``REPOLENS_API_URL`` / ``REPOLENS_CACHE_DIR``, which win over defaults."""
        env = os.environ if env is None else env
        api = api_url or env.get("REPOLENS_API_URL") or DEFAULT_API_URL
        cache = cache_dir or env.get("REPOLENS_CACHE_DIR")
        return cls(
            api_url=api.rstrip("/"),
            cache_dir=Path(cache).expanduser() if cache else None,
            offline=offline,
            no_cache=no_cache,
            verbose=verbose,
            demo=demo,
        )


def find_token(options: Options) -> Token | None:
    """The token to use, discovered the way ``gh`` does; none in demo mode."""
    if options.demo:
        return None
    return discover_token(ClientSettings(api_url=options.api_url).host)


def build_client(
    options: Options, *, log: Callable[[str], None] | None = None, token: Token | None = None
) -> GitHubClient:
    """A client for the real API, or for the bundled catalog when ``--demo`` is on."""
    if options.demo:
        from tui.sources.catalog import catalog_client

        # the catalog has its own API host, so its answers never mix with GitHub's in the cache
        return catalog_client(
            ClientSettings(cache_dir=options.cache_dir, no_cache=options.no_cache, log=log)
        )
    settings = ClientSettings(
        api_url=options.api_url,
        cache_dir=options.cache_dir,
        offline=options.offline,
        no_cache=options.no_cache,
        log=log,
    )
    return GitHubClient(settings, token=token)


def build_source(options: Options, client: GitHubClient) -> GitHubSource:
    """The source the UI and ``show``/``search`` read from."""
    return GitHubSource(client, kind="catalog" if options.demo else "github")


def source_status(options: Options, client: GitHubClient, token: Token | None) -> SourceStatus:
    """What the badges say about this session."""
    demo_date = None
    if options.demo:
        from tui.sources.catalog import load_catalog

        demo_date = load_catalog().data_date
    return SourceStatus(
        authenticated=token is not None,
        token_source=token.source if token else None,
        offline=options.offline,
        demo=options.demo,
        demo_date=demo_date,
        host=urlsplit(options.api_url).netloc or options.api_url,
    )
