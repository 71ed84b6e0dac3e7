"""The request engine's vocabulary: a request, a reply, and the retry policy."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

T = TypeVar("T")
API_VERSION = "2022-11-28"

JSON = "application/vnd.github+json"
"""GitHub's JSON media type, the ``Accept`` of most requests."""

SEARCH_TTL = timedelta(minutes=10)
"""How long a search page (and a GraphQL answer) stays fresh."""


@dataclass(frozen=True, slots=True)
class Request:
    """One GitHub request as the engine sees it.

    Attributes:
        method: ``GET`` or ``POST`` (GraphQL).
        url: The absolute URL, query included.
        accept: The ``Accept`` header; part of the cache key.
        what: What is asked for, for error messages (``repository o/r``).
        resource: The rate-limit bucket, or None for the raw host (not counted, no headers).
        ttl: How long an answer stays fresh; None means forever (SHA-addressed).
        cacheable: False for answers that must always be asked (``/rate_limit``).
        content: The request body (GraphQL), part of the cache key.
        authorize: Send the token (never to the raw host).
        kind: Which size cap the body gets (``json``, ``tree`` or ``file``; see ``Limits``).
        keep: Whether a good body may be cached; False keeps it out (a manifest that does
            not parse is used once, never kept as fresh truth). None keeps every good body.
        revalidate: Ask again even when the cached answer is fresh (with its validators, so
            an unchanged answer is a 304): the caller knows the cached one is out of date.
    """

    method: str
    url: str
    accept: str
    what: str
    resource: str | None
    ttl: timedelta | None
    cacheable: bool = True
    content: bytes | None = None
    authorize: bool = True
    kind: str = "json"
    keep: Callable[[bytes], bool] | None = None
    revalidate: bool = False


@dataclass(frozen=True, slots=True)
class Reply:
    """A response (or a cache entry standing in for one) handed to a parser."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded exponential backoff with jitter for network failures and 502/503/504.

    Attributes:
        tries: At most this many attempts.
        base: The first delay in seconds; each next one doubles.
        max_total: Give up rather than sleep past this many seconds in all.
        max_retry_after: Wait out a secondary limit only when it asks for at most this long.
    """

    tries: int = 4
    base: float = 0.5
    max_total: float = 20.0
    max_retry_after: float = 10.0

    def delay(self, attempt: int) -> float:
        """The pause before retry ``attempt`` (0-based): doubling, with full jitter on top."""
        step = self.base * 2.0**attempt
        return step + random.uniform(0, step)  # jitter spreads retries; not security


MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How long one request may take and how large its body may be, by kind.

    The caps are checked while the body streams in, after decompression, so neither an endless
    body nor a gzip bomb grows memory past them; an answer over its cap is an error and is
    never cached.

    Attributes:
        deadline: Seconds one request may take in all: connecting, every retry and backoff,
            and reading the whole body (httpx's own timeouts are per read only).
        json: API answers (repositories, search pages, languages, GraphQL): the largest real
            ones, a GraphQL page of 100 repositories with their manifests, are a few MB.
        tree: A recursive tree; GitHub stops at 100,000 entries (about 7 MB in its docs),
            repositories with long paths go somewhat past it.
        file: A file from the raw host or the contents API: manifests are parsed up to 2 MB
            (``tui.analysis.manifests.MAX_BYTES``); twice that leaves room for the parser to
            report "too large" itself.
    """

    deadline: float = 60.0
    json: int = 32 * MIB
    tree: int = 64 * MIB
    file: int = 4 * MIB

    def cap(self, kind: str) -> int:
        """The size cap in bytes for a body of ``kind``."""
        return {"tree": self.tree, "file": self.file}.get(kind, self.json)


Sleep = Callable[[float], Awaitable[None]]
Parser = Callable[[Reply], T]


@dataclass
class Attempts:
    """How many tries and seconds of sleep one request has used."""

    tries: int = 0
    slept: float = 0.0
