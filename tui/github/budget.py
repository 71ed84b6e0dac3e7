"""The rate-limit budget: what GitHub said of each resource, observable by the UI.

Fed by every response's ``X-RateLimit-*`` headers (304s and errors included) and by
``/rate_limit``; consulted before each request so that a request the budget says will be refused
is never sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from tui.github.models import RateBucket

Listener = Callable[[dict[str, RateBucket]], None]


class Budget:
    """Rate-limit state per resource (``core``, ``search``, ``graphql``, ...), with listeners."""

    def __init__(self) -> None:
        self._buckets: dict[str, RateBucket] = {}
        self._listeners: list[Listener] = []

    @property
    def buckets(self) -> dict[str, RateBucket]:
        """A snapshot of every known bucket."""
        return dict(self._buckets)

    def get(self, resource: str) -> RateBucket | None:
        """The last known state of one resource, or None when GitHub has not said yet."""
        return self._buckets.get(resource)

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
        now = now or datetime.now(UTC)
        if bucket is not None and bucket.remaining <= 0 and bucket.reset_at > now:
            return bucket
        return None
