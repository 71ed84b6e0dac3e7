"""Which fresh cache entries a client's answers came from, and whether they still stand.

A client notes every answer it served from a fresh cache entry (a ``Served``: the key, the
entry's fetch time, a digest of its body, and when it stops being fresh), and whether any
answer came from anywhere else (the network, a 304, a stale entry, a miss). Something derived
from answers that all came fresh from the cache (``repolens show``'s printed report) can be
kept beside them (``derived_body``) and reused (``recall_derived``) for as long as every one of
those entries is still in the store, unchanged and fresh: then the client would serve exactly
the same answers again, so whatever was derived from them would come out the same.

``recall_derived`` reads through the ``HttpCache`` the client then goes on to use (one store
opened per process): an entry that no longer decodes, or a store that cannot be read, is simply
"no", and the normal path runs on the same store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.github.cache import CacheEntry, HttpCache
from tui.github.digests import sha256


@dataclass(frozen=True, slots=True)
class Served:
    """One answer served from a fresh cache entry.

    Attributes:
        key: The cache key.
        fetched_at: The entry's fetch time (POSIX seconds): a refreshed or replaced entry differs.
        digest: SHA-256 of the entry's status and body.
        fresh_until: POSIX seconds after which the entry would be revalidated; None: never.
    """

    key: str
    fetched_at: float
    digest: str
    fresh_until: float | None

    def as_list(self) -> list[object]:
        """A JSON-ready form (see ``from_list``)."""
        return [self.key, self.fetched_at, self.digest, self.fresh_until]

    @classmethod
    def from_list(cls, item: object) -> Served | None:
        """The ``as_list`` form read back; None when it is not one."""
        if not isinstance(item, list) or len(item) != 4:
            return None
        key, fetched_at, digest, fresh_until = item
        if not (isinstance(key, str) and isinstance(fetched_at, int | float)):
            return None
        if not isinstance(digest, str) or not isinstance(fresh_until, int | float | None):
            return None
        return cls(key, float(fetched_at), digest, fresh_until)


def digest(entry: CacheEntry) -> str:
    """What identifies an entry's content: its status and its body."""
    return sha256(b"%d\n" % entry.status + entry.body).hexdigest()


class ReadLog:
    """What one client served from fresh cache entries, and whether that was all it served."""

    def __init__(self) -> None:
        self.served: dict[str, Served] = {}
        self.fresh_only = True
        """False once any answer came from elsewhere (network, 304, stale, offline miss)."""

    def fresh(self, key: str, entry: CacheEntry, ttl: timedelta | None) -> None:
        """Note an answer served from ``entry``, fresh for ``ttl`` after its fetch (None: ever)."""
        until = None if ttl is None else (entry.fetched_at + ttl).timestamp()
        self.served[key] = Served(key, entry.fetched_at.timestamp(), digest(entry), until)

    def elsewhere(self) -> None:
        """Note an answer (or a failure) that did not come from a fresh cache entry."""
        self.fresh_only = False


def _still_served(store: HttpCache, served: Iterable[Served | None], moment: float) -> bool:
    """Whether ``store`` holds each of ``served``, unchanged and fresh at ``moment``."""
    for item in served:
        if item is None or (item.fresh_until is not None and moment >= item.fresh_until):
            return False
        entry = store.get(item.key)
        if entry is None or entry.fetched_at.timestamp() != item.fetched_at:
            return False
        if digest(entry) != item.digest:
            return False
    return True


def derived_body(value: str, log: ReadLog) -> bytes | None:
    """``value`` with the entries it was derived from, for ``keep_derived``; None when some
    answer behind it did not come fresh from the cache (or none did), so it must not be kept."""
    if not log.fresh_only or not log.served:
        return None
    served = [item.as_list() for item in log.served.values()]
    return json.dumps({"served": served, "value": value}).encode()


def recall_derived(store: HttpCache, key: str, now: datetime) -> str | None:
    """The value kept under ``key`` if every entry it was derived from is still served (see
    ``_still_served``); else None. Never raises: ``HttpCache`` turns a busy, missing or damaged
    store into a miss."""
    kept = store.get(key)
    try:
        data = json.loads(kept.body) if kept is not None else None
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("value"), str):
        return None
    served = [Served.from_list(item) for item in data.get("served") or ()]
    if not served or not _still_served(store, served, now.timestamp()):
        return None
    return str(data["value"])
