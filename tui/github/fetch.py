"""The request engine under ``GitHubClient``: cache, budget, retries, coalescing, concurrency.

Every GitHub request goes through ``Fetcher.fetch``, which in order: serves a fresh cache entry;
refuses what the budget says will be refused (serving stale where there is stale); sends the
request with the cached validators; retries network failures and 502/503/504 with backoff; waits
out a short secondary limit; validates the body (``parse``) *before* storing it; and maps any
failure to a ``GitHubError``, falling back to the stale entry when the failure is transient.

Every request is bounded: one deadline for all its tries (``Limits.deadline``), and a size cap
on its body by kind, checked while it streams in (``tui.github.body``). A stored answer that no
longer parses is dropped and asked for again without validators, once: a 304 must never
confirm a body we no longer hold intact.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tui.github.body import ACCEPT_ENCODING, Received, read_capped
from tui.github.budget import Budget
from tui.github.cache import CacheEntry, HttpCache
from tui.github.digests import sha256
from tui.github.errors import (
    ApiUnavailable,
    BadResponse,
    GitHubError,
    NotFound,
    OfflineMiss,
    RateLimited,
)
from tui.github.limits import (
    bucket_from_headers,
    error_message,
    is_primary_limit,
    is_secondary_limit,
    retry_after,
)
from tui.github.models import FetchInfo
from tui.github.reads import ReadLog
from tui.github.request import (
    API_VERSION,
    Attempts,
    Limits,
    Parser,
    Reply,
    Request,
    RetryPolicy,
    Sleep,
    T,
)
from tui.github.statuses import error_for
from tui.github.transport import LazyHttpClient

if TYPE_CHECKING:  # imported by the first request (_send): cached answers never need it
    pass

NEGATIVE_TTL = timedelta(minutes=10)  # GitHub's advice for a 404: remember it, briefly
RETRY_STATUSES = frozenset({502, 503, 504})
_KEPT_HEADERS = ("link", "content-type")


class Fetcher:
    """Shared state for every request of one client; see the module docstring for the flow."""

    def __init__(
        self,
        http: LazyHttpClient,
        cache: HttpCache | None,
        budget: Budget,
        *,
        token_fingerprint: str,
        token_source: str | None,
        offline: bool,
        max_concurrency: int,
        clock: Callable[[], datetime],
        sleep: Sleep,
        retry: RetryPolicy,
        log: Callable[[str], None] | None,
        limits: Limits | None = None,
    ) -> None:
        self.http, self.cache, self.budget = http, cache, budget
        self.limits = limits or Limits()
        self.fingerprint, self.token_source, self.offline = token_fingerprint, token_source, offline
        self.clock, self.sleep, self.retry, self.log = clock, sleep, retry, log
        self._semaphore = asyncio.Semaphore(max(1, max_concurrency))
        self._inflight: dict[str, asyncio.Future[Any]] = {}
        self._secondary_until: dict[str, datetime] = {}
        self.sent = 0
        self.token_hint = "GH_TOKEN"  # the variable a limit message names (set per host)
        self.raw_semaphore: asyncio.Semaphore | None = None  # the raw host's own bound, if set
        self.reads = ReadLog()  # what was served fresh from the cache (the CLI's memo reads it)
        self.cache_on_loop = False  # read the cache in this thread (``ClientSettings``)

    def key(self, req: Request) -> str:
        """The cache key: method, URL with query, Accept, API version, token identity, body."""
        body = sha256(req.content).hexdigest()[:16] if req.content is not None else "-"
        fingerprint = self.fingerprint if req.authorize else "anon"
        return (
            f"{req.method} {req.url} accept={req.accept} v={API_VERSION} id={fingerprint} b={body}"
        )

    async def fetch(self, req: Request, parse: Callable[[Reply], T]) -> tuple[T, FetchInfo]:
        """Answer ``req`` from the cache or GitHub; concurrent twins share one exchange."""
        key = self.key(req)
        # a revalidation must not be answered by a twin that a fresh cache entry may serve
        twin = f"{key} revalidate" if req.revalidate else key
        shared = self._inflight.get(twin)
        if shared is None:
            task: asyncio.Future[Any] = asyncio.ensure_future(self._fetch(req, key, parse))
            self._inflight[twin] = task
            task.add_done_callback(lambda done: self._settled(twin, done))
            shared = task
        # shield: one caller giving up must not cancel the exchange the others wait for
        value, info = await asyncio.shield(shared)
        return value, info  # same key -> same parser -> same T

    async def fresh(self, req: Request) -> bool:
        """Whether the cache holds an answer to ``req`` that ``fetch`` would use as it is."""
        entry = await self._cache_get(self.key(req)) if req.cacheable else None
        return entry is not None and entry.status == 200 and _fresh(entry, req.ttl, self.clock())

    def _settled(self, key: str, task: asyncio.Future[Any]) -> None:
        """Forget a finished exchange; mark its error seen (every waiter may have gone)."""
        self._inflight.pop(key, None)
        if not task.cancelled():
            task.exception()

    async def cancel_all(self) -> None:
        """Stop every exchange in flight (the client is closing)."""
        pending = list(self._inflight.values())
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _fetch(self, req: Request, key: str, parse: Parser[T]) -> tuple[T, FetchInfo]:
        now = self.clock()
        entry = await self._cache_get(key) if req.cacheable else None
        missing = entry is not None and entry.status == 404
        if missing and entry is not None and not req.revalidate:
            negative_ttl = min(req.ttl or NEGATIVE_TTL, NEGATIVE_TTL)
            if now - entry.fetched_at < negative_ttl:
                self._log(req, 404, "cache")
                self.reads.fresh(key, entry, negative_ttl)
                raise NotFound(f"Not found on GitHub: {req.what}.")
            entry = None
        if entry is not None and not req.revalidate and _fresh(entry, req.ttl, now):
            found = await self._from_entry(entry, parse, key, stale=False)
            if found is not None:
                self._log(req, entry.status, "cache")
                self.reads.fresh(key, entry, req.ttl)
                return found
        self.reads.elsewhere()
        try:
            return await self._from_network(req, key, parse, entry)
        except (ApiUnavailable, RateLimited):
            if missing:  # missing when last asked: offline (or out of budget) it still is
                self._log(req, 404, "stale")
                raise NotFound(f"Not found on GitHub: {req.what}.") from None
            stale = await self._from_entry(entry, parse, key, stale=True) if entry else None
            if stale is None:
                raise
            self._log(req, entry.status if entry else 0, "stale")
            return stale

    async def _from_entry(
        self, entry: CacheEntry, parse: Parser[T], key: str, *, stale: bool
    ) -> tuple[T, FetchInfo] | None:
        """Parse a stored answer; one that no longer parses is dropped (a miss)."""
        try:
            value = parse(Reply(entry.status, entry.body, entry.headers))
        except BadResponse:
            await self._cache_delete(key)  # SQLite: not on the event loop
            return None
        return value, FetchInfo(from_cache=True, stale=stale, fetched_at=entry.fetched_at)

    async def _from_network(
        self, req: Request, key: str, parse: Parser[T], entry: CacheEntry | None
    ) -> tuple[T, FetchInfo]:
        if self.offline:
            raise OfflineMiss(f"Offline, and {req.what} is not in the cache.")
        self._refuse_if_doomed(req)
        response = await self._send(req, entry)
        now = self.clock()
        if response.status_code == 304 and entry is not None:
            self._log(req, entry.status, "304")
            try:
                value = parse(Reply(entry.status, entry.body, entry.headers))
            except BadResponse:
                # GitHub vouched for a body we no longer hold intact: drop it, ask afresh once
                await self._cache_delete(key)
                return await self._from_network(req, key, parse, None)
            await self._cache_set(key, req, entry.refreshed(now))
            return value, FetchInfo(from_cache=True, stale=False, fetched_at=now, revalidated=True)
        self._log(req, response.status_code, "network")
        if not 200 <= response.status_code < 300:
            error = self._error(req, response, now)
            if type(error) is NotFound:
                await self._cache_set(key, req, _entry(Reply(404, b"", {}), now))
            raise error
        reply = Reply(response.status_code, response.content, dict(response.headers))
        value = parse(reply)  # raises BadResponse: a malformed body never reaches the cache
        if response.status_code == 200 and (req.keep is None or req.keep(reply.body)):
            await self._cache_set(key, req, _entry(reply, now))
        return value, FetchInfo(from_cache=False, stale=False, fetched_at=now)

    def _refuse_if_doomed(self, req: Request) -> None:
        """Raise ``RateLimited`` instead of sending what GitHub would refuse anyway."""
        if req.resource is None:
            return
        now = self.clock()
        until = self._secondary_until.get(req.resource)
        authenticated = self.token_source is not None
        if until is not None and until > now:
            error = RateLimited(
                req.resource, until, secondary=True, authenticated=authenticated, now=now
            )
            raise error.hinting(self.token_hint)
        bucket = self.budget.exhausted(req.resource, now)
        if bucket is not None:
            error = RateLimited(req.resource, bucket.reset_at, authenticated=authenticated, now=now)
            raise error.hinting(self.token_hint)

    def _error(self, req: Request, response: Received, now: datetime) -> GitHubError:
        error = error_for(
            response.status_code,
            response.headers,
            response.content,
            what=req.what,
            resource=req.resource or "raw",
            token_source=self.token_source if req.authorize else None,
            now=now,
        )
        if isinstance(error, RateLimited):
            error.hinting(self.token_hint)
            if error.secondary and error.reset_at:
                self._secondary_until[error.resource] = error.reset_at
        return error

    async def _send(self, req: Request, entry: CacheEntry | None) -> Received:
        """Send with retries, all within one deadline; returns the final response."""
        try:
            async with asyncio.timeout(self.limits.deadline):
                return await self._send_tries(req, entry)
        except TimeoutError as exc:
            raise ApiUnavailable(
                f"GitHub took longer than {self.limits.deadline:g} s to answer for {req.what}; "
                "try again later."
            ) from exc

    async def _send_tries(self, req: Request, entry: CacheEntry | None) -> Received:
        import httpx  # the first request is the first thing here that needs it

        headers = {"Accept": req.accept, "Accept-Encoding": ACCEPT_ENCODING}
        if entry is not None:
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        attempts = Attempts()
        while True:
            try:
                response = await self._send_once(req, headers)
            except httpx.TransportError as exc:
                # a failed name lookup or a refused connection rarely heals within seconds: one
                # retry, not the full budget (a person is waiting on the first screen)
                hopeless = _is_lookup_failure(exc) or _is_refused(exc)
                gave_up = hopeless and attempts.tries >= 1
                if gave_up or not await self._backoff(attempts):
                    raise ApiUnavailable(
                        f"Cannot reach GitHub ({_reason(exc)}). Check the network; "
                        "cached answers stay available with --offline."
                    ) from exc
                continue
            except httpx.HTTPError as exc:
                raise BadResponse(f"GitHub's answer could not be read ({_reason(exc)}).") from exc
            self._observe(req, response)
            if response.status_code in RETRY_STATUSES and await self._backoff(attempts):
                continue
            if await self._wait_secondary(response, attempts):
                continue
            return response

    async def _send_once(self, req: Request, headers: dict[str, str]) -> Received:
        # the raw host is not the API: it has its own, wider bound (one wave of manifests)
        raw = not req.authorize and self.raw_semaphore is not None
        async with self.raw_semaphore if raw and self.raw_semaphore else self._semaphore:
            self.sent += 1
            request = self.http.build_request(
                req.method, req.url, headers=headers, content=req.content
            )
            if not req.authorize:
                request.headers.pop("Authorization", None)
            response = await self.http.send(request, stream=True)
            try:
                body = await read_capped(response, self.limits.cap(req.kind), req.what)
            finally:
                await response.aclose()
            return Received(response.status_code, response.headers, body)

    async def _backoff(self, attempts: Attempts) -> bool:
        """Sleep before the next try, or return False when tries or time are used up."""
        delay = self.retry.delay(attempts.tries)
        attempts.tries += 1
        if attempts.tries >= self.retry.tries or attempts.slept + delay > self.retry.max_total:
            return False
        attempts.slept += delay
        await self.sleep(delay)
        return True

    async def _wait_secondary(self, response: Received, attempts: Attempts) -> bool:
        """Wait out a short secondary limit (``Retry-After`` of a few seconds) and say so."""
        status, message = response.status_code, error_message(response.content)
        if is_primary_limit(status, response.headers, message):
            return False  # the budget is spent until its reset: waiting seconds will not help
        if not is_secondary_limit(status, response.headers, message):
            return False
        wait = retry_after(response.headers, self.clock())
        if wait is None or wait.total_seconds() > self.retry.max_retry_after:
            return False
        attempts.tries += 1
        if attempts.tries >= self.retry.tries:
            return False
        await self.sleep(wait.total_seconds())
        return True

    def _observe(self, req: Request, response: Received) -> None:
        """Feed the budget from any response that reports its bucket (304s and errors too)."""
        if req.resource is None:
            return
        bucket = bucket_from_headers(response.headers, req.resource)
        if bucket is not None:
            self.budget.update(bucket)

    async def _cache_get(self, key: str) -> CacheEntry | None:
        if self.cache is None:
            return None
        if self.cache_on_loop:
            return self.cache.get(key)
        return await asyncio.to_thread(self.cache.get, key)

    async def _cache_delete(self, key: str) -> None:
        if self.cache is not None:
            await asyncio.to_thread(self.cache.delete, key)

    async def _cache_set(self, key: str, req: Request, entry: CacheEntry) -> None:
        if self.cache is not None and req.cacheable:
            await asyncio.to_thread(self.cache.set, key, entry)

    def _log(self, req: Request, status: int, how: str) -> None:
        if self.log is None:
            return
        parts = urlsplit(req.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        bucket = self.budget.get(req.resource) if req.resource else None
        left = f" {bucket.resource} {bucket.remaining}/{bucket.limit}" if bucket else ""
        self.log(f"{req.method} {path} {status} {how}{left}")


def _fresh(entry: CacheEntry, ttl: timedelta | None, now: datetime) -> bool:
    return ttl is None or now - entry.fetched_at < ttl


def _entry(reply: Reply, now: datetime) -> CacheEntry:
    kept = {name: reply.headers[name] for name in _KEPT_HEADERS if name in reply.headers}
    return CacheEntry(
        status=reply.status,
        body=reply.body,
        etag=reply.headers.get("etag"),
        last_modified=reply.headers.get("last-modified"),
        fetched_at=now,
        headers=kept,
    )


def _reason(exc: Exception) -> str:
    """A short, token-free description of an httpx failure."""
    import httpx

    reasons: tuple[tuple[type[Exception], str], ...] = (
        (httpx.TimeoutException, "timed out"),
        (httpx.ConnectError, "connection failed"),
        (httpx.RemoteProtocolError, "connection dropped"),
        (httpx.ReadError, "connection reset"),
    )
    if _is_lookup_failure(exc):
        return "host name not found"
    if isinstance(exc, httpx.ConnectError) and _is_refused(exc):
        return "connection refused"
    for kind, reason in reasons:
        if isinstance(exc, kind):
            return reason
    return type(exc).__name__


def _is_lookup_failure(exc: Exception) -> bool:
    """True for a DNS failure (no network, or a mistyped host)."""
    import httpx

    text = str(exc).lower()
    return isinstance(exc, httpx.ConnectError) and (
        "name resolution" in text or "name or service not known" in text or "nodename" in text
    )


def _is_refused(exc: BaseException) -> bool:
    """True when nothing listens at the address (the host is up, the service is not)."""
    seen: BaseException | None = exc
    for _ in range(8):  # httpx -> httpcore -> OSError -> ConnectionRefusedError
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError) or "refused" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)
