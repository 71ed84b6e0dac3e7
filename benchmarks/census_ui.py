"""Does the app stay responsive while a census runs? Event-loop stalls and key-to-redraw latency.

The census screen runs, headless, over the tests' fake GitHub serving 1,200 generated
repositories (``tests/doubles/generated_repos.py``) with a token, 1,000 of them listed and
analysed, with latency injected on the client side (``benchmarks.census.Latency``). Meanwhile:

- a monitor task asks the event loop to wake it every 10 ms and records how late it wakes: the
  worst lateness is the longest the loop was busy (a stall: no key, no redraw), and how much
  CPU the loop's thread used meanwhile (on a loaded machine, lateness includes other processes);
- every 200 ms a Down or Up key is posted to the app (as the terminal driver posts them) while
  the numbers table has focus, and the time until the next frame the compositor renders after
  the cursor moved is recorded (key press to redraw).

Usage: ``uv run python -m benchmarks.census_ui [--latency MS] [--repos N]``. Figures are
printed, never asserted (a shared machine's timings vary).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from textual import events

from benchmarks.census import Latency
from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import FakeClock, GitHubServer
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.base import SourceStatus
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.router import Router
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.census import CensusScreen
from tui.ui.widgets.census_tables import CensusNumbers

TICK = 0.010
"""The monitor's wake-up interval, seconds."""

PROBE_EVERY = 0.200
"""Seconds between key presses."""

IDLE_SECONDS = 4.0
"""After the census, the same key presses for this long, with nothing running."""


class Frames:
    """Frames the compositor produced (``App._display`` with an update), and the cursor row each
    showed: the redraw after a key is the first frame that shows the moved cursor."""

    def __init__(self, app: RepoLensApp, numbers: CensusNumbers) -> None:
        self.shown: list[tuple[float, int]] = []
        display = app._display

        def recorded(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.shown.append((time.perf_counter(), numbers.cursor_row))
            display(screen, renderable)

        app._display = recorded  # type: ignore[method-assign]  # a probe, for this run only

    def showing(self, row: int, since: float) -> float | None:
        """When a frame after ``since`` first showed the cursor on ``row``."""
        return next((t for t, r in reversed(self.shown) if t > since and r == row), None)


async def monitor(stalls: list[float], busy: list[float], stop: asyncio.Event) -> None:
    """Record how late each 10 ms wake-up comes, and the loop thread's CPU time meanwhile.

    On a shared machine a late wake-up may be the OS running someone else; the CPU time the
    event loop's own thread spent in the gap is what the app itself kept the loop busy with.
    """
    while not stop.is_set():
        start, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(TICK)
        stalls.append(time.perf_counter() - start - TICK)
        busy.append(time.thread_time() - cpu)


async def probe(
    numbers: CensusNumbers, frames: Frames, waits: list[float], stop: asyncio.Event
) -> None:
    """Press Down/Up on the numbers table every 200 ms; record key press to redraw."""
    app, step = numbers.app, 0
    while not stop.is_set():
        await asyncio.sleep(PROBE_EVERY)
        if numbers.row_count < 3:
            continue
        numbers.focus()
        before = numbers.cursor_row
        target = before + 1 if before == 0 or step % 2 == 0 else before - 1
        step += 1
        pressed = time.perf_counter()
        app.post_message(events.Key("down" if target > before else "up", None))
        while (drawn := frames.showing(target, pressed)) is None:
            if time.perf_counter() - pressed > 10 or stop.is_set():
                break
            await asyncio.sleep(0.002)
        if drawn is not None:
            waits.append(drawn - pressed)


def _app(api_url: str, clock: FakeClock, latency_ms: int) -> RepoLensApp:
    settings = ClientSettings(api_url=api_url, cache_dir=Path(tempfile.mkdtemp()))
    client = GitHubClient(
        settings,
        token=Token("bench", "GH_TOKEN"),
        transport=Latency(latency_ms / 1000),
        clock=clock,
    )
    status = SourceStatus(authenticated=True, token_source="GH_TOKEN")
    source = Router(GitHubSource(client), CatalogSource())
    return make_app(source, budget=client.budget, status=status, initial_query="census",
                    now=clock, blink=False, export_dir=Path(tempfile.mkdtemp()))  # fmt: skip


def serve(count: int) -> None:
    """The fake GitHub with ``count`` generated repositories, until stdin closes (a child process:
    in the app's process its threads and its heap would be counted as the app's stalls)."""
    with GitHubServer(FakeClock()).serving() as server:
        populate(server, count)
        install(server)
        print(server.api_url, flush=True)
        sys.stdin.read()


@contextmanager
def served(count: int) -> Iterator[str]:
    """The API address of a fake GitHub running in a child process."""
    cmd = [sys.executable, "-m", "benchmarks.census_ui", "--serve", str(count)]
    child = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        yield child.stdout.readline().strip()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)


async def run(latency_ms: int, repos: int) -> dict[str, Any]:
    """One census of ``repos`` repositories on the census screen; its figures."""
    clock = FakeClock()  # the child's clock reads the same fixed moment
    with served(max(1200, repos)) as api_url:
        app = _app(api_url, clock, latency_ms)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            await pilot.press("tab", "C")
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CensusScreen)
            screen.limit = repos
            screen.make_plan()
            await app.workers.wait_for_complete()
            numbers = screen.query_one(CensusNumbers)
            frames, stop = Frames(app, numbers), asyncio.Event()
            stalls: list[float] = []
            busy: list[float] = []
            waits: list[float] = []
            started = time.perf_counter()
            tasks = [
                asyncio.create_task(monitor(stalls, busy, stop)),
                asyncio.create_task(probe(numbers, frames, waits, stop)),
            ]
            await pilot.press("r")
            await app.workers.wait_for_complete()  # the census's worker, and any other
            wall = time.perf_counter() - started
            stop.set()
            await asyncio.gather(*tasks)
            census = screen.census
            assert census is not None
            idle_stop, idle_waits = asyncio.Event(), list[float]()
            idle = asyncio.create_task(probe(numbers, frames, idle_waits, idle_stop))
            await asyncio.sleep(IDLE_SECONDS)  # the same keys with nothing running, to compare
            idle_stop.set()
            await idle
    return {
        "latency_ms": latency_ms,
        "repos": census.coverage.counted,
        "frameworks": census.coverage.with_frameworks,
        "wall_s": wall,
        "stalls": stalls,
        "busy": busy,
        "waits": waits,
        "idle_waits": idle_waits,
    }


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}"


def report(row: dict[str, Any]) -> None:
    """Print one run's figures."""
    stalls, waits, busy = row["stalls"], row["waits"], row["busy"]
    over = sum(1 for s in stalls if s > 0.1)
    busy_over = sum(1 for s in busy if s > 0.1)
    print(
        f"latency {row['latency_ms']} ms: {row['repos']:,} repositories "
        f"({row['frameworks']:,} with frameworks) in {row['wall_s']:.1f} s"
    )
    print(
        f"  event loop: worst stall {_ms(stalls, 1.0)} ms, p99 {_ms(stalls, 0.99)} ms, "
        f"median {_ms(stalls, 0.5)} ms; {over} stalls over 100 ms in {len(stalls):,} wake-ups"
    )
    print(
        f"  of which the loop's own CPU: worst {_ms(busy, 1.0)} ms, p99 {_ms(busy, 0.99)} ms, "
        f"median {_ms(busy, 0.5)} ms; {busy_over} over 100 ms (the rest: other processes)"
    )
    for label, values in (("while it runs", waits), ("idle after it", row["idle_waits"])):
        mean = f"{1000 * statistics.mean(values):.0f}" if values else "-"
        print(
            f"  key press to redraw, {label}: worst {_ms(values, 1.0)} ms, "
            f"p95 {_ms(values, 0.95)} ms, median {_ms(values, 0.5)} ms, mean {mean} ms "
            f"over {len(values)} presses"
        )


def main() -> None:
    """Run the census screen at the latencies asked for and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=int, action="append", metavar="MS")
    parser.add_argument("--repos", type=int, default=1000)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    for latency in args.latency or [0, 100]:
        report(asyncio.run(run(latency, args.repos)))


if __name__ == "__main__":
    main()
