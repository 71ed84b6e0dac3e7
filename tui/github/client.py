"""``GitHubClient``: typed GitHub answers over one keep-alive connection, cached and budgeted.

Nothing outside ``tui.github`` builds GitHub URLs or reads response headers: callers ask for a
repository, its languages, tree or files, and get frozen models with a ``FetchInfo`` saying
whether the answer came from the network, a fresh cache entry, a 304, or a stale entry.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Self
from urllib.parse import quote, urlencode, urlsplit

from tui import __version__
from tui.github.auth import Token, identity, token_variables
from tui.github.budget import Budget
from tui.github.budget_store import budget_path, persist
from tui.github.cache import STORE_DIR as STORE_DIR  # where it always was, for callers
from tui.github.cache import CacheEntry, CacheInfo, HttpCache
from tui.github.errors import (
    ApiUnavailable,
    BadResponse,
    Forbidden,
    GitHubError,
    NotFound,
    RateLimited,
)
from tui.github.fetch import Fetcher, utc_now
from tui.github.graphql_calls import GraphQLCalls
from tui.github.models import (
    CommitActivity,
    FileContent,
    Languages,
    RateBucket,
    Repo,
    SearchPage,
    Tree,
)
from tui.github.parse import (
    parse_activity_reply,
    parse_languages,
    parse_rate_limit,
    parse_readme,
    parse_repo,
    parse_search,
    parse_tree,
)
from tui.github.reads import ReadLog
from tui.github.request import (
    API_VERSION,
    JSON,
    SEARCH_TTL,
    Limits,
    Reply,
    Request,
    RetryPolicy,
    Sleep,
)
from tui.github.seed import items_of, seed_answers, tree_body
from tui.github.settings import ClientSettings
from tui.github.transport import LazyHttpClient

if TYPE_CHECKING:  # httpx loads with the first request (see tui.github.transport)
    import httpx
from tui.github.urls import check_search, file_path, has_next, is_sha, ref_path, repo_path

RAW_JSON = "application/vnd.github.raw+json"
META_TTL = timedelta(hours=1)
ACTIVITY_WAITS = (3.0,)  # each 202 is charged: one spaced retry, then "still computing"
RAW_CONCURRENCY = 48
"""Raw-host fetches in flight at once: the raw host is not the API (its own bound). Every root
manifest probe (``root_manifests``, 36 names) fits in one wave: at 16 they took three round
trips, and without a token ``/languages`` waits for them."""


def _ttl(ref: str) -> timedelta | None:
    return None if is_sha(ref) else META_TTL


def _http_client(
    settings: ClientSettings, token: Token | None, transport: httpx.AsyncBaseTransport | None
) -> httpx.AsyncClient:
    """One keep-alive HTTP/1.1 pool with GitHub's headers (the token only when there is one)."""
    import httpx

    headers = {
        "User-Agent": f"repolens/{__version__}",
        "Accept": JSON,
        "X-GitHub-Api-Version": API_VERSION,
    }
    if token is not None:
        headers["Authorization"] = f"Bearer {token.value}"
    return httpx.AsyncClient(
        headers=headers,
        transport=transport,
        timeout=httpx.Timeout(15.0, connect=5.0),
        follow_redirects=True,
        limits=httpx.Limits(max_connections=max(1, settings.max_concurrency) + RAW_CONCURRENCY),
    )


async def _real_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class GitHubClient(GraphQLCalls):
    """The one async GitHub client: cache, budget, retries, coalescing, typed answers.

    Attributes:
        budget: The rate-limit ledger, updated from every response; the UI subscribes to it.
        token_source: Where the token came from (``GH_TOKEN``, ``gh auth token``, ...), or None.
        authenticated: A token is in use.
    """

    def __init__(
        self,
        settings: ClientSettings,
        *,
        token: Token | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], datetime] | None = None,
        sleep: Sleep | None = None,
        retry: RetryPolicy | None = None,
        limits: Limits | None = None,
        budget: Budget | None = None,
        store: HttpCache | None = None,
    ) -> None:
        """``store``: the disk cache, if the caller opened it already (the client closes it)."""
        self.settings = settings
        # a UI may hand in the budget its meter already watches (it draws before the client exists)
        self.budget = budget if budget is not None else Budget()
        if self.budget.clock is None:  # whether a bucket's reset has passed is judged by our time
            self.budget.clock = clock or utc_now
        self.token_source = token.source if token else None
        self.authenticated = token is not None
        self._api = settings.api_base
        self._raw = settings.resolved_raw_url
        self._graphql = settings.resolved_graphql_url
        self._sleep = sleep or _real_sleep
        self._store: HttpCache | None = store
        # built by the first request: an answer from the disk cache needs no httpx at all
        self._http = LazyHttpClient(lambda: _http_client(settings, token, transport))
        fingerprint = identity(token)
        self._unpersist: Callable[[], None] | None = None
        if not settings.no_cache:  # the budget outlives the process, per host and identity
            where = budget_path(
                settings.resolved_cache_dir, urlsplit(self._api).netloc, fingerprint
            )
            self._unpersist = persist(self.budget, where, clock or utc_now)
        self._fetcher = Fetcher(
            self._http,
            None if settings.no_cache else self._cache(),
            self.budget,
            token_fingerprint=fingerprint,
            token_source=self.token_source,
            offline=settings.offline,
            max_concurrency=settings.max_concurrency,
            clock=clock or utc_now,
            sleep=self._sleep,
            retry=retry or RetryPolicy(),
            log=settings.log,
            limits=limits,
        )
        self._fetcher.cache_on_loop = settings.cache_on_loop
        self._fetcher.token_hint = self.token_hint
        self._fetcher.raw_semaphore = asyncio.Semaphore(RAW_CONCURRENCY)

    def _cache(self) -> HttpCache:
        """The disk cache, opened on first use."""
        if self._store is None:
            # a folder of our own inside the chosen one: only it is chmod-ed, wiped or cleared
            self._store = HttpCache(self.settings.resolved_cache_dir / STORE_DIR)
        return self._store

    @property
    def token_hint(self) -> str:
        """The variable that gives this host a token (``GH_TOKEN``, or ``GH_ENTERPRISE_TOKEN``)."""
        return token_variables(self.settings.host)[0]

    @property
    def requests_sent(self) -> int:
        """How many HTTP requests this client has put on the wire (retries included)."""
        return self._fetcher.sent

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Stop requests in flight, then close the connection pool and the cache."""
        await self._fetcher.cancel_all()
        if self._unpersist is not None:
            self._unpersist()
            self._unpersist = None
        await self._http.aclose()
        if self._store is None:
            return
        if self.settings.cache_on_loop:  # as every read was: no thread for the command line
            self._store.close()
        else:
            await asyncio.to_thread(self._store.close)

    def _api_request(
        self,
        path: str,
        what: str,
        ttl: timedelta | None,
        *,
        accept: str = JSON,
        kind: str = "json",
        keep: Callable[[bytes], bool] | None = None,
    ) -> Request:
        resource = "search" if path.startswith("/search/") else "core"
        return Request(
            "GET", f"{self._api}{path}", accept, what, resource, ttl, kind=kind, keep=keep
        )

    async def search_repositories(
        self,
        q: str,
        *,
        sort: str | None = None,
        order: str | None = None,
        per_page: int = 30,
        page: int = 1,
    ) -> SearchPage:
        """One page of repositories matching ``q`` (GitHub's syntax: keywords and qualifiers).

        Raises:
            ValidationFailed: Locally for what GitHub would refuse (empty or over-long ``q``,
                ``per_page`` over 100, a page past the 1,000th result), or GitHub's 422.
        """
        check_search(q, per_page, page)
        params = {"q": q.strip(), "per_page": str(per_page), "page": str(page)}
        if sort:
            params["sort"] = sort
            if order:
                params["order"] = order
        req = self._api_request(f"/search/repositories?{urlencode(params)}", "search", SEARCH_TTL)

        bodies: list[bytes] = []

        def parse(reply: Reply) -> SearchPage:
            more = has_next(reply.headers.get("link", ""), page=page, per_page=per_page)
            found = parse_search(reply.body, page=page, per_page=per_page, has_next=more)
            bodies.append(reply.body)
            return found

        result, info = await self._fetcher.fetch(req, parse)
        if bodies and not info.from_cache:  # each item is its repository's answer too
            await self._seed(bodies[0], info.fetched_at)
        return replace(result, info=info)

    async def _seed(self, body: bytes, fetched_at: datetime) -> None:
        """Store a search page's items as the answers of ``repo()`` for each of them."""
        pairs = [
            (self._repo_request(str(item["full_name"])), json.dumps(item).encode())
            for item in items_of(body)
        ]
        await seed_answers(self._fetcher, pairs, fetched_at)

    def _repo_request(self, full_name: str) -> Request:
        return self._api_request(
            f"/repos/{repo_path(full_name)}", f"repository {full_name}", META_TTL
        )

    async def repo(self, full_name: str) -> Repo:
        """``GET /repos/{owner}/{repo}`` (renames are followed; a search item may answer)."""
        req = self._repo_request(full_name)
        result, info = await self._fetcher.fetch(req, lambda r: parse_repo(r.body))
        return replace(result, info=info)

    async def languages(self, full_name: str) -> Languages:
        """Bytes per language (``{}`` while GitHub has not analysed the repository)."""
        path = f"/repos/{repo_path(full_name)}/languages"
        req = self._api_request(path, f"languages of {full_name}", META_TTL)
        result, info = await self._fetcher.fetch(req, lambda r: parse_languages(r.body))
        return replace(result, info=info)

    async def tree(self, full_name: str, ref: str, *, recursive: bool = True) -> Tree:
        """The git tree at ``ref``; by commit SHA it is cached forever."""
        req = self._tree_request(full_name, ref, recursive=recursive)
        result, info = await self._fetcher.fetch(req, lambda r: parse_tree(r.body))
        return replace(result, info=info)

    def _tree_request(self, full_name: str, ref: str, *, recursive: bool = True) -> Request:
        path = f"/repos/{repo_path(full_name)}/git/trees/{quote(ref, safe='')}"
        if recursive:
            path += "?recursive=1"  # any value turns recursion on; omit it for one level
        return self._api_request(path, f"the tree of {full_name} at {ref}", _ttl(ref), kind="tree")

    async def tree_cached(self, full_name: str, ref: str) -> bool:
        """Whether ``tree`` would be answered from the cache, sending nothing."""
        return await self._fetcher.fresh(self._tree_request(full_name, ref))

    async def pin_tree(self, full_name: str, commit: str, tree: Tree) -> None:
        """Store a recursive ``tree`` asked at a branch (or ``HEAD``) as ``commit``'s answer.

        The caller knows it is that commit's (its root tree SHA says so): asked by SHA later,
        ``--offline`` too, it is found without a request, and kept forever.
        """
        if tree.info is not None and not tree.info.from_cache:
            req = self._tree_request(full_name, commit)
            # 100,000 entries take a quarter of a second to write out: not on the event loop
            body = await asyncio.to_thread(tree_body, tree)
            await seed_answers(self._fetcher, [(req, body)], tree.info.fetched_at)

    async def file(
        self,
        full_name: str,
        ref: str,
        path: str,
        *,
        keep: Callable[[bytes], bool] | None = None,
        probe: bool = False,
        revalidate: bool = False,
    ) -> FileContent:
        """A file's bytes at ``ref``: the raw host first (no API budget), the contents API after.

        Without a token a raw-host 404 is final (the file is missing; a private repository would
        be invisible anyway); with one, the contents API is asked too, since it sees private
        repositories. Raw-host failures (429, 5xx, network) also fall back. ``keep`` says
        whether a body may be cached (a manifest that does not parse is used, not kept). A
        ``probe`` (a name guessed, not read from a listing) never falls back: each miss would
        cost the API budget. ``revalidate``: the cached copy is known to be out of date (it is
        not the blob a listing names), so the raw host is asked again even within freshness.

        Raises:
            BadResponse: The raw host sent something that is not the file (an HTML page, a
                body past its cap) and the contents API could not stand in.
        """
        where = f"{repo_path(full_name)}/{ref_path(ref)}/{file_path(path)}"
        what = f"{path} in {full_name} at {ref}"
        raw = Request("GET", f"{self._raw}/{where}", "*/*", what, None, _ttl(ref),
                      authorize=False, kind="file", keep=keep, revalidate=revalidate)  # fmt: skip
        not_the_file: BadResponse | None = None
        try:
            data, info = await self._fetcher.fetch(raw, _raw_body)
        except NotFound:
            if probe or not self.authenticated:
                raise
        except BadResponse as exc:
            if probe:
                raise
            not_the_file = exc
        except (ApiUnavailable, RateLimited, Forbidden):
            if probe:
                raise
        else:
            return FileContent(path, ref, data, info)
        api = f"/repos/{repo_path(full_name)}/contents/{file_path(path)}?{urlencode({'ref': ref})}"
        req = self._api_request(api, what, _ttl(ref), accept=RAW_JSON, kind="file", keep=keep)
        req = replace(req, revalidate=revalidate)  # with a token: an unchanged file's 304 is free
        try:
            # a web page here is a proxy's or a login wall's too, never the file (raw media type)
            data, info = await self._fetcher.fetch(req, _raw_body)
        except GitHubError as exc:
            if not_the_file is not None:  # the raw host's failure is the one worth telling
                raise not_the_file from exc
            raise
        return FileContent(path, ref, data, info)

    async def raw_file(self, full_name: str, ref: str, path: str) -> FileContent:
        """A file's bytes at ``ref`` from the raw host only: never the API budget (README preview).

        Raises:
            NotFound: No such file (or a private repository).
        """
        where = f"{repo_path(full_name)}/{ref_path(ref)}/{file_path(path)}"
        what = f"{path} in {full_name} at {ref}"
        raw = Request("GET", f"{self._raw}/{where}", "*/*", what, None, _ttl(ref), authorize=False)
        data, info = await self._fetcher.fetch(raw, _raw_body)
        return FileContent(path, ref, data, info)

    async def readme(self, full_name: str) -> FileContent:
        """The repository's README on its default branch (``ref`` is ``HEAD``)."""
        req = self._api_request(
            f"/repos/{repo_path(full_name)}/readme", f"README of {full_name}", META_TTL
        )
        (path, data), info = await self._fetcher.fetch(req, lambda r: parse_readme(r.body))
        return FileContent(path, "HEAD", data, info)

    async def commit_activity(self, full_name: str) -> CommitActivity:
        """Weekly commits for the last year; ``computing=True`` if GitHub is still working on it.

        GitHub answers 202 while it computes; each 202 is charged, so only a few spaced retries.
        """
        path = f"/repos/{repo_path(full_name)}/stats/commit_activity"
        req = self._api_request(path, f"commit activity of {full_name}", META_TTL)
        for wait in (*ACTIVITY_WAITS, None):
            result, info = await self._fetcher.fetch(
                req, lambda r: parse_activity_reply(r.status, r.body)
            )
            if not result.computing or wait is None:
                return replace(result, info=info)
            await self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def rate_limit(self) -> dict[str, RateBucket]:
        """Every bucket from ``/rate_limit`` (free, never cached); updates the budget.

        Returns ``{}`` on an Enterprise server with rate limiting turned off.
        """
        req = Request(
            "GET", f"{self._api}/rate_limit", JSON, "rate limits", None, None, cacheable=False
        )
        try:
            buckets, _ = await self._fetcher.fetch(req, lambda r: parse_rate_limit(r.body))
        except NotFound:
            return {}
        for bucket in buckets.values():
            self.budget.update(bucket)
        return buckets

    async def cached_repos(self) -> list[Repo]:
        """Every repository the cache holds for this identity (search pages, repository answers).

        For offline search: the newest answer about a repository wins; nothing is sent.
        """
        if self.settings.no_cache:
            return []
        from tui.github.cache_index import CacheIndex  # offline search's, not every command's

        index = CacheIndex(self._api, self._graphql, self._fetcher.fingerprint)
        return await asyncio.to_thread(index.repos, self._cache())

    @property
    def reads(self) -> ReadLog:
        """What this client served from fresh cache entries (see ``tui.github.reads``)."""
        return self._fetcher.reads

    def keep_derived(self, key: str, body: bytes) -> None:
        """Store ``body`` (derived from this client's answers) under ``key`` in the disk cache.

        Synchronous (run it in a thread). ``key`` must not look like a request's key (those begin
        with the HTTP method), so offline search and revalidation never meet it. Nothing is
        stored with ``--no-cache``.
        """
        if self.settings.no_cache or key.startswith(("GET ", "POST ")):
            return
        self._cache().set(key, CacheEntry(200, body, None, None, utc_now(), {}))

    @property
    def cache_problem(self) -> str | None:
        """One line when the disk cache was damaged and rebuilt, or cannot be used; else None."""
        return self._store.problem if self._store is not None else None

    def cache_info(self) -> CacheInfo:
        """Where the cache is and how much it holds (synchronous: for the CLI)."""
        return self._cache().info()

    def cache_clear(self) -> int:
        """Empty the cache; returns how many entries were removed (synchronous: for the CLI)."""
        return self._cache().clear()


def _raw_body(reply: Reply) -> bytes:
    """A file's bytes (raw host, or the contents API's raw media type); an HTML page instead (a
    proxy or a login wall) is not the file."""
    if reply.headers.get("content-type", "").lower().startswith("text/html"):
        raise BadResponse(
            f"The raw-file host answered {reply.headers.get('content-type', '')[:40]!r} "
            "(a web page), not the file."
        )
    return reply.body
