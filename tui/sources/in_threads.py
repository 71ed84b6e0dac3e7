"""Work over chunks in a few plain threads, results in order (no ``concurrent.futures``).

``concurrent.futures`` imports logging and more, a cost every ``repolens scan`` would pay for a
thread pool used once; a scan's chunks need no more than this. A single chunk (a tree of up to
``SCAN_CHUNK`` files) is worked in the calling thread: a worker would only be waited for, and
``threading`` is not even imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

C = TypeVar("C")
R = TypeVar("R")


def in_threads(work: Callable[[C], R], chunks: Sequence[C], threads: int) -> Iterator[R]:
    """``work`` of each chunk, in chunk order, run by up to ``threads`` daemon threads.

    Each thread takes the next chunk nobody has taken; a result is yielded once it and those
    before it are done. The first failure is re-raised here. One chunk is worked here.
    """
    if len(chunks) <= 1:
        yield from map(work, chunks)
        return
    import threading

    results: dict[int, R] = {}
    done = [threading.Event() for _ in chunks]
    taken = iter(range(len(chunks)))
    lock = threading.Lock()
    failure: list[BaseException] = []

    def worker() -> None:
        while True:
            with lock:
                index = next(taken, None)
            if index is None:
                return
            try:
                results[index] = work(chunks[index])
            except BaseException as exc:  # handed to the caller, which re-raises it
                failure.append(exc)
            finally:
                done[index].set()

    for _ in range(max(1, min(threads, len(chunks)))):
        threading.Thread(target=worker, daemon=True).start()
    for index, event in enumerate(done):
        event.wait()
        if failure:
            raise failure[0]
        yield results.pop(index)  # set by its worker before the event
