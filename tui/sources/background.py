"""Blocking work (scanning a checkout) in a daemon thread, so quitting never waits for it.

``asyncio.to_thread`` uses the loop's executor, whose threads the interpreter joins at exit: a
scan stuck on a slow disk would keep the process alive after ``q``. A daemon thread does not,
and cancelling the awaiting task sets ``stop``, which the work checks between files.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _settle(future: asyncio.Future[T], result: T | None, error: BaseException | None) -> None:
    if future.done():  # the awaiting task was cancelled meanwhile
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)  # type: ignore[arg-type]  # result is a T when error is None


async def in_daemon_thread(work: Callable[[], T], stop: threading.Event | None = None) -> T:
    """Run ``work()`` in a daemon thread and return its result; cancelling sets ``stop``."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def run() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting task, which re-raises it
            error = exc
        try:
            loop.call_soon_threadsafe(_settle, future, result, error)
        except RuntimeError:
            pass  # the loop has closed: nobody is waiting any more

    threading.Thread(target=run, name="repolens-background", daemon=True).start()
    try:
        return await future
    except asyncio.CancelledError:
        if stop is not None:
            stop.set()
        raise
