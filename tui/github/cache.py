"""The on-disk HTTP cache: validated GitHub answers with their validators, safe across processes.

An entry is stored as bytes (a JSON header line, then the body), never pickled, so a damaged
entry is just a miss. The header holds the body's SHA-256, checked on every read: a body cut
short or altered on disk is a miss too (and is deleted), never a body to revalidate.

A damaged cache directory (garbage in the SQLite file) is rebuilt; if even that fails the cache
turns itself off rather than break the app. Either way ``HttpCache.problem`` says so in one
line, for the front ends to show once and for ``repolens cache info``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import diskcache

from tui.github.digests import sha256

#: The subfolder of the cache directory that holds repolens's HTTP store.
STORE_DIR = "http-v1"

_FORMAT = b"repolens-cache-1"
_CACHE_ERRORS = (sqlite3.Error, OSError, diskcache.Timeout)
_STORE_FILES = ("cache.db", "cache.db-wal", "cache.db-shm")
_VALUE_DIR = re.compile(r"[0-9a-f]{2}")


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the store itself is broken (not merely busy or unreachable)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    said = str(exc).lower()
    return not ("locked" in said or "busy" in said or "unable to open" in said)


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """One stored answer.

    Attributes:
        status: The HTTP status of the stored answer (200 for every entry today).
        body: The response body, already validated when it was stored.
        etag: The ``ETag`` to send back as ``If-None-Match``, verbatim (``W/`` included).
        last_modified: The ``Last-Modified`` to send back as ``If-Modified-Since``.
        fetched_at: When GitHub last confirmed this body (a 200 or a 304), UTC.
        headers: The few response headers worth keeping (``link``, ``content-type``).
    """

    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    headers: dict[str, str]

    def refreshed(self, at: datetime) -> CacheEntry:
        """This entry, confirmed again by a 304 at ``at``."""
        return replace(self, fetched_at=at)


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What ``repolens cache info`` shows."""

    directory: Path
    entries: int
    size_bytes: int
    enabled: bool = True
    problem: str | None = None


def encode_entry(entry: CacheEntry) -> bytes:
    """Serialise an entry as a header line and the body."""
    head = {
        "status": entry.status,
        "etag": entry.etag,
        "last_modified": entry.last_modified,
        "fetched_at": entry.fetched_at.timestamp(),
        "headers": entry.headers,
        "sha256": sha256(entry.body).hexdigest(),
    }
    return _FORMAT + b"\n" + json.dumps(head).encode() + b"\n" + entry.body


def decode_entry(raw: object) -> CacheEntry | None:
    """Read an entry back; anything damaged or foreign is None (a miss), never an exception."""
    if not isinstance(raw, bytes):
        return None
    parts = raw.split(b"\n", 2)
    if len(parts) != 3 or parts[0] != _FORMAT:
        return None
    try:
        head: dict[str, Any] = json.loads(parts[1])
        digest = head["sha256"] if "sha256" in head else None
        # entries written before the digest existed have none: the parsers still check those
        if digest is not None and digest != sha256(parts[2]).hexdigest():
            return None
        return CacheEntry(
            status=int(head["status"]),
            body=parts[2],
            etag=head.get("etag"),
            last_modified=head.get("last_modified"),
            fetched_at=datetime.fromtimestamp(float(head["fetched_at"]), UTC),
            headers={str(k): str(v) for k, v in dict(head.get("headers") or {}).items()},
        )
    except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
        return None


class HttpCache:
    """A synchronous store of ``CacheEntry`` by key; call it through ``asyncio.to_thread``.

    Failures never escape: a busy or unreachable store is a miss, a damaged one (garbage in the
    SQLite file) is rebuilt once. Only diskcache's own files are ever removed, since the
    directory may be one the user chose.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._cache: diskcache.Cache | None = None
        self.rebuilt = False
        self.problem: str | None = None
        """What went wrong with the store, in one line (rebuilt, or switched off), or None."""
        self._open(rebuild=True)

    def _open(self, *, rebuild: bool) -> None:
        """Open the store; if it is damaged, rebuild it (once) or give up (cache disabled)."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(self.directory, 0o700)  # mkdir's mode is masked by umask
            self._cache = diskcache.Cache(str(self.directory), timeout=5)
            len(self._cache)  # touches the SQLite file: garbage there fails here, not later
            # owner-only: SQLite gives its -wal and -shm files the database file's mode
            os.chmod(self.directory / "cache.db", 0o600)
        except _CACHE_ERRORS as exc:
            self._close_quietly()
            if rebuild and is_damage(exc):
                self._wipe()
                self._open(rebuild=False)
            else:
                self._switched_off(exc)

    def _switched_off(self, exc: BaseException) -> None:
        """Record, in one line, that the cache could not be used."""
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        self.problem = (
            f"The cache at {self.directory} cannot be used ({reason}); "
            "answers are not being cached."
        )

    def _wipe(self) -> None:
        """Remove the damaged store's files so that a fresh one can be built in their place."""
        self.rebuilt = True
        self.problem = f"The cache at {self.directory} was damaged; it was emptied and rebuilt."
        for name in _STORE_FILES:
            (self.directory / name).unlink(missing_ok=True)
        for child in self.directory.iterdir():
            if child.is_dir() and _VALUE_DIR.fullmatch(child.name):
                shutil.rmtree(child, ignore_errors=True)  # diskcache's large values

    def _close_quietly(self) -> None:
        try:
            if self._cache is not None:
                self._cache.close()
        except _CACHE_ERRORS:
            pass
        self._cache = None

    def _failed(self, exc: BaseException) -> None:
        """A store operation failed: rebuild a damaged store; a busy one is just a miss."""
        if is_damage(exc) and not self.rebuilt:
            self._close_quietly()
            try:
                self._wipe()
            except OSError as wipe_failed:
                self._switched_off(wipe_failed)
                return
            self._open(rebuild=False)

    @property
    def enabled(self) -> bool:
        """False when the cache could not be opened or rebuilt."""
        return self._cache is not None

    def get(self, key: str) -> CacheEntry | None:
        """The entry under ``key``, or None (missing, damaged, or cache unusable)."""
        if self._cache is None:
            return None
        try:
            raw = self._cache.get(key)
        except _CACHE_ERRORS as exc:
            self._failed(exc)
            return None
        entry = decode_entry(raw)
        if raw is not None and entry is None:
            self.delete(key)
        return entry

    def set(self, key: str, entry: CacheEntry) -> None:
        """Store ``entry`` under ``key``; a failed write is dropped (the answer stays in memory)."""
        if self._cache is None:
            return
        try:
            self._cache.set(key, encode_entry(entry))
        except _CACHE_ERRORS as exc:
            self._failed(exc)

    def delete(self, key: str) -> None:
        """Forget one entry."""
        if self._cache is None:
            return
        try:
            self._cache.delete(key)
        except _CACHE_ERRORS as exc:
            self._failed(exc)

    def entries(
        self, prefixes: tuple[str, ...], keep: Callable[[str], bool] | None = None
    ) -> list[tuple[str, CacheEntry]]:
        """Every readable entry whose key starts with one of ``prefixes`` (for offline search).

        ``keep`` looks at a key before its entry is read, so that big answers nobody wants
        (trees, files) are never loaded from disk.
        """
        if self._cache is None:
            return []
        found: list[tuple[str, CacheEntry]] = []
        try:
            for key in self._cache.iterkeys():
                if (
                    isinstance(key, str)
                    and key.startswith(prefixes)
                    and (keep is None or keep(key))
                ):
                    entry = decode_entry(self._cache.get(key))
                    if entry is not None:
                        found.append((key, entry))
        except _CACHE_ERRORS as exc:
            self._failed(exc)
        return found

    def info(self) -> CacheInfo:
        """How many entries and bytes the cache holds."""
        if self._cache is None:
            return CacheInfo(self.directory, 0, 0, enabled=False, problem=self.problem)
        try:
            entries, size = len(self._cache), int(self._cache.volume())
        except _CACHE_ERRORS as exc:
            self._failed(exc)
            return CacheInfo(self.directory, 0, 0, enabled=self.enabled, problem=self.problem)
        return CacheInfo(self.directory, entries, size, problem=self.problem)

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        if self._cache is None:
            return 0
        try:
            return int(self._cache.clear())
        except _CACHE_ERRORS as exc:
            self._failed(exc)
            return 0

    def close(self) -> None:
        """Close the underlying store."""
        self._close_quietly()
