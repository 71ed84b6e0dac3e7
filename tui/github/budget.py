"""The rate-limit budget: what GitHub said of each resource, observable by the UI.

Fed by every response's ``X-RateLimit-*`` headers (304s and errors included) and by
``/rate_limit``; consulted before each request so that a request the budget says will be refused
is never sent.

A bucket whose reset time has passed is GitHub's refilled one: ``get`` and ``buckets`` give it
full (``remaining == limit``) until the next answer says otherwise, so nothing that reads the
budget (the census plan, prefetching, the meter) takes a past hour's zero for the present. That
needs the time: the clock given, or the client's that feeds the budget (``GitHubClient`` sets
it); a budget with no clock yet keeps what it was told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from tui.github.models import RateBucket

Listener = Callable[[dict[str, RateBucket]], None]


def refilled(bucket: RateBucket, now: datetime | None) -> RateBucket:
    """``bucket`` as it stands at ``now``: full once its reset time has passed (as told when
    ``now`` is not known)."""
    if now is None or bucket.reset_at > now:
        return bucket
    return RateBucket(bucket.resource, bucket.limit, bucket.limit, 0, bucket.reset_at)


class Budget:
    """Rate-limit state per resource (``core``, ``search``, ``graphql``, ...), with listeners."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._buckets: dict[str, RateBucket] = {}
        self._listeners: list[Listener] = []
        self.clock = clock  # None: not known yet (the client that feeds the budget sets it)

    def _now(self) -> datetime | None:
        return self.clock() if self.clock is not None else None

    @property
    def buckets(self) -> dict[str, RateBucket]:
        """A snapshot of every known bucket (refilled where the reset has passed)."""
        now = self._now()
        return {name: refilled(b, now) for name, b in self._buckets.items()}

    def get(self, resource: str) -> RateBucket | None:
        """The state of one resource now (refilled if its reset has passed), or None when
        GitHub has not said yet."""
        bucket = self._buckets.get(resource)
        return None if bucket is None else refilled(bucket, self._now())

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with a snapshot after every change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def update(self, bucket: RateBucket) -> None:
        """Record what GitHub said of one resource and tell the listeners."""
        self._buckets[bucket.resource] = bucket
        snapshot = self.buckets
        for listener in list(self._listeners):
            listener(snapshot)

    def exhausted(self, resource: str, now: datetime | None = None) -> RateBucket | None:
        """The bucket if it is at zero and not yet reset, else None."""
        bucket = self._buckets.get(resource)
        now = now or self._now() or datetime.now(UTC)
        if bucket is not None and bucket.remaining <= 0 and bucket.reset_at > now:
            return bucket
        return None
