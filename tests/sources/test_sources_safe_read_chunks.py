"""``read_regular`` reads with plain reads: the same bytes a file object's ``read(limit)`` gave."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.sources import safe_read
from tui.sources.safe_read import read_regular


@pytest.mark.parametrize("size", [0, 1, 8191, 8192, 8193, 3 * (1 << 20) + 5])
@pytest.mark.parametrize("limit", [0, 1, 8192, 2 * (1 << 20) + 3, 64 * (1 << 20)])
def test_same_bytes_as_a_file_read(tmp_path: Path, size: int, limit: int) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    with path.open("rb") as handle:
        expected = handle.read(limit)
    assert read_regular(path, limit) == expected
    assert read_regular(str(path), limit) == expected


def test_large_limits_are_read_in_bounded_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = os.read

    def reading(fd: int, n: int) -> bytes:
        asked.append(n)
        return real(fd, n)

    path = tmp_path / "f.bin"
    path.write_bytes(b"a" * 100)
    monkeypatch.setattr(os, "read", reading)
    assert read_regular(path, 64 * (1 << 20)) == b"a" * 100
    assert max(asked) <= safe_read._CHUNK


def test_fifo_and_missing_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "requirements.txt"
    os.mkfifo(fifo)
    assert read_regular(fifo, 8192) is None  # no writer: it must not block
    assert read_regular(tmp_path / "absent", 8192) is None
    assert read_regular(tmp_path, 8192) is None
