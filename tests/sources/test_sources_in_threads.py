"""The scan's thread helper: results come back in chunk order, and a failure is not lost."""

from __future__ import annotations

import threading
import time

import pytest

from tui.sources.in_threads import in_threads


def test_results_come_in_chunk_order_whatever_finishes_first() -> None:
    """The first chunk is the slowest; the results are still in order, from several threads."""
    seen: set[str] = set()

    def work(chunk: list[int]) -> list[int]:
        seen.add(threading.current_thread().name)
        if chunk[0] == 0:
            time.sleep(0.05)
        return [n * 2 for n in chunk]

    chunks = [[i, i + 1] for i in range(0, 20, 2)]
    assert list(in_threads(work, chunks, 4)) == [[n * 2 for n in c] for c in chunks]
    assert len(seen) > 1


def test_a_failing_chunk_raises_in_the_caller() -> None:
    def work(chunk: int) -> int:
        if chunk == 3:
            raise ValueError("chunk 3")
        return chunk

    with pytest.raises(ValueError, match="chunk 3"):
        list(in_threads(work, list(range(6)), 2))


def test_no_chunks_no_results() -> None:
    assert list(in_threads(lambda chunk: chunk, [], 4)) == []
