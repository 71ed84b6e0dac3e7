"""Build the client and the source that the command line asked for (flags and environment)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tui.github.auth import Token, discover_token
from tui.github.client import GitHubClient
from tui.github.errors import AuthFailed
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


def api_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be an API base, or None when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it validates it (ValueError when out of range)
    except ValueError:
        return f"not a valid URL: {url!r}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"the API URL must be http(s)://HOST[/api/v3], not {url!r}"
    return None


def find_token(options: Options) -> Token | None:
    """The token to use, discovered the way ``gh`` does; none in demo mode.

    Raises:
        AuthFailed: The token holds characters no GitHub token has (a pasted newline, say).
    """
    if options.demo:
        return None
    token = discover_token(ClientSettings(api_url=options.api_url).host)
    if token is not None and not all("!" <= ch <= "~" for ch in token.value):
        raise AuthFailed(
            f"The token in {token.source} is not valid: it holds spaces or characters a "
            "token cannot have."
        )
    return token


def build_client(
    options: Options, *, log: Callable[[str], None] | None = None, token: Token | None = None
) -> GitHubClient:
    """A client for the real API, or for the bundled catalog when ``--demo`` is on."""
    if options.demo:
        from tui.sources.catalog import catalog_client

        # the catalog has its own API host, so its answers never mix with GitHub's in the cache
        # a cache of its own, so clearing the demo's cache leaves GitHub's answers alone
        demo_cache = ClientSettings(cache_dir=options.cache_dir).resolved_cache_dir / "demo"
        return catalog_client(
            ClientSettings(cache_dir=demo_cache, no_cache=options.no_cache, log=log)
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
    if options.demo:
        return GitHubSource(client, kind="catalog")
    # offline search lists catalog repositories, so opening one must work offline too
    return GitHubSource(client, kind="github", catalog_fallback=True)


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
        web_url=web_url(options.api_url),
    )


def web_url(api_url: str) -> str:
    """The web base of an API base: ``https://github.com``, or ``https://HOST`` for Enterprise."""
    parts = urlsplit(api_url)
    if parts.netloc == "api.github.com":
        return "https://github.com"
    return f"{parts.scheme or 'https'}://{parts.netloc}"
