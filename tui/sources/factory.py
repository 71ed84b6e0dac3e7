"""Build the client and the source that the command line asked for (flags and environment)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the client (httpx, the disk cache) and the sources load when first built
    from tui.github.auth import Token
    from tui.github.budget import Budget
    from tui.github.cache import HttpCache
    from tui.github.client import GitHubClient
    from tui.sources.base import SourceStatus
    from tui.sources.router import Router

DEFAULT_API_URL = "https://api.github.com"


class Options(NamedTuple):
    """The global flags, after the environment has filled in what the flags left out.

    A named tuple, not a dataclass: ``show PATH`` builds one and otherwise needs nothing of
    ``dataclasses`` (which loads ``inspect``); ``options._replace(demo=True)`` copies it.
    """

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


def find_token(options: Options, *, use_gh: bool = True) -> Token | None:
    """The token to use, discovered the way ``gh`` does; none in demo mode.

    Args:
        options: The flags.
        use_gh: Ask ``gh auth token`` when no variable holds a token (a subprocess).

    Raises:
        AuthFailed: The token holds characters no GitHub token has (a pasted newline, say).
    """
    if options.demo:
        return None
    # a subprocess, paths: loaded by the commands that look for a token, not by `scan`
    from tui.github.auth import discover_token
    from tui.github.errors import AuthFailed
    from tui.github.settings import ClientSettings

    token = discover_token(ClientSettings(api_url=options.api_url).host, use_gh=use_gh)
    if token is not None and not all("!" <= ch <= "~" for ch in token.value):
        raise AuthFailed(
            f"The token in {token.source} is not valid: it holds spaces or characters a "
            "token cannot have."
        )
    return token


def build_client(
    options: Options,
    *,
    log: Callable[[str], None] | None = None,
    token: Token | None = None,
    budget: Budget | None = None,
    cache_on_loop: bool = False,
    store: HttpCache | None = None,
) -> GitHubClient:
    """A client for GitHub (or an Enterprise host) as the flags ask (feeding ``budget``, if
    given); the demo sends nothing, so it needs none. ``cache_on_loop``: the command line's
    (see ``ClientSettings``); ``store``: the HTTP store, if already open (the client takes it
    over)."""
    from tui.github.client import GitHubClient
    from tui.github.settings import ClientSettings

    settings = ClientSettings(
        api_url=options.api_url,
        cache_dir=options.cache_dir,
        offline=options.offline,
        no_cache=options.no_cache,
        log=log,
        cache_on_loop=cache_on_loop,
    )
    return GitHubClient(settings, token=token, budget=budget, store=store)


def build_source(options: Options, client: GitHubClient | None) -> Router:
    """The one source the UI and ``show``/``search`` read from: the router over the peers.

    The demo routes to the catalog alone; otherwise GitHub answers, with the cache and the catalog
    behind it when GitHub cannot be reached (offline search lists catalog repositories, so opening
    one must work offline too).
    """
    from tui.sources.catalog import CatalogSource
    from tui.sources.github import GitHubSource
    from tui.sources.router import Router

    catalog = CatalogSource()
    if options.demo or client is None:
        return Router(None, catalog)
    return Router(GitHubSource(client), catalog)


def source_status(
    options: Options, token: Token | None, client: GitHubClient | None = None
) -> SourceStatus:
    """What the badges say about this session (and the cache's trouble, if ``client`` met any)."""
    from tui.sources.base import SourceStatus  # the sources' types load with the sources

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
        cache_problem=client.cache_problem if client is not None else None,
        web_url=web_url(options.api_url),
    )


def web_url(api_url: str) -> str:
    """The web base of an API base: ``https://github.com``, or ``https://HOST`` for Enterprise."""
    parts = urlsplit(api_url)
    if parts.netloc == "api.github.com":
        return "https://github.com"
    return f"{parts.scheme or 'https'}://{parts.netloc}"
