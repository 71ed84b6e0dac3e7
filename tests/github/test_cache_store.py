"""The disk cache on its own: entry format, damage, rebuild, permissions."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import diskcache
import pytest

from tui.github.cache import CacheEntry, HttpCache, decode_entry, encode_entry, is_damage

WHEN = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def _entry(body: bytes = b'{"a": 1}\n\nmore') -> CacheEntry:
    return CacheEntry(200, body, 'W/"abc"', "Wed, 01 Jan 2026 12:00:00 GMT", WHEN, {"link": "<x>"})


def test_entries_round_trip_with_their_validators() -> None:
    entry = _entry()
    assert decode_entry(encode_entry(entry)) == entry


@pytest.mark.parametrize(
    "raw",
    [
        None,
        42,
        "text",
        b"",
        b"garbage",
        b"repolens-cache-1\n{not json\nbody",
        b"repolens-cache-1\n[]\nx",
    ],
)
def test_damaged_entries_are_misses(raw: object) -> None:
    assert decode_entry(raw) is None


def test_a_damaged_entry_is_dropped(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path / "c")
    raw = diskcache.Cache(str(tmp_path / "c"))
    raw.set("k", b"\x00\x01 definitely not an entry")
    assert cache.get("k") is None
    assert "k" not in raw
    raw.close()
    cache.close()


def test_directory_is_created_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        cache = HttpCache(tmp_path / "deep" / "cache")
    finally:
        os.umask(old)
    assert (cache.directory.stat().st_mode & 0o777) == 0o700
    cache.close()


def test_garbage_database_is_rebuilt(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    first = HttpCache(directory)
    first.set("k", _entry())
    first.close()
    (directory / "cache.db").write_bytes(os.urandom(8192))
    cache = HttpCache(directory)
    assert cache.enabled
    assert cache.rebuilt
    assert cache.get("k") is None
    cache.set("k", _entry())
    assert cache.get("k") == _entry()
    assert cache.info().entries == 1
    cache.close()


def test_an_unusable_directory_turns_the_cache_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = HttpCache(blocker / "cache")
    assert not cache.enabled
    cache.set("k", _entry())
    assert cache.get("k") is None
    assert cache.info().enabled is False
    assert cache.clear() == 0


def test_rebuilding_removes_only_the_stores_own_files(tmp_path: Path) -> None:
    directory = tmp_path / "chosen-by-the-user"
    directory.mkdir()
    (directory / "notes.txt").write_text("keep me")
    (directory / "src").mkdir()
    (directory / "src" / "main.py").write_text("keep me too")
    (directory / "cache.db").write_bytes(b"garbage" * 1000)
    cache = HttpCache(directory)
    assert cache.rebuilt
    assert cache.enabled
    assert (directory / "notes.txt").read_text() == "keep me"
    assert (directory / "src" / "main.py").exists()
    cache.close()


@pytest.mark.parametrize(
    ("error", "damage"),
    [
        (sqlite3.DatabaseError("file is not a database"), True),
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (sqlite3.OperationalError("database is locked"), False),
        (sqlite3.OperationalError("unable to open database file"), False),
        (OSError("disk full"), False),
    ],
)
def test_only_a_damaged_store_is_rebuilt(error: Exception, damage: bool) -> None:
    assert is_damage(error) is damage
