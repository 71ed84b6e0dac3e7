"""A single chunk is worked in the calling thread: a worker thread would only be waited for."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tui.sources.in_threads import in_threads
from tui.sources.scan import SCAN_CHUNK, scan_checkout


def test_one_chunk_runs_here_with_the_same_result() -> None:
    seen: list[str] = []

    def work(chunk: list[int]) -> list[int]:
        seen.append(threading.current_thread().name)
        return [n + 1 for n in chunk]

    assert list(in_threads(work, [[1, 2, 3]], 8)) == [[2, 3, 4]]
    assert seen == [threading.current_thread().name]


def test_one_failing_chunk_raises_here() -> None:
    def work(chunk: int) -> int:
        raise ValueError(f"chunk {chunk}")

    with pytest.raises(ValueError, match="chunk 7"):
        list(in_threads(work, [7], 4))


def test_a_scan_counts_the_same_in_one_chunk_or_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(30):
        (tmp_path / f"m{n}.py").write_text("x = 1\n" * (n + 1))
        (tmp_path / f"s{n}.sh").write_text("#!/bin/sh\necho hi\n" * (n + 1))
    whole = scan_checkout(tmp_path)
    assert SCAN_CHUNK > 60  # the tree above is one chunk
    monkeypatch.setattr("tui.sources.scan.SCAN_CHUNK", 7)
    chunked = scan_checkout(tmp_path)
    assert chunked == whole
    assert whole.files_counted == 60
