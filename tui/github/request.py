"""The request engine's vocabulary: a request, a reply, and the retry policy."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

T = TypeVar("T")
API_VERSION = "2022-11-28"


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


Sleep = Callable[[float], Awaitable[None]]
Parser = Callable[[Reply], T]


@dataclass
class Attempts:
    """How many tries and seconds of sleep one request has used."""

    tries: int = 0
    slept: float = 0.0
