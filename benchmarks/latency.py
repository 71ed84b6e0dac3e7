"""Time to verdict over a slow network: round trips and wall time of ``show OWNER/REPO``.

For each of the 10 repositories of the development corpus (``../shared/corpus/dev``), a cold
``show`` (new client, empty cache, no search hint: what ``repolens show`` does) runs through the
real client and ``GitHubSource`` against the fake GitHub of ``tests/doubles``, which adds a fixed
latency to every answer (0, 50 and 100 ms), REST without a token and GraphQL with one.

"Round trips" is derived, not counted: (time at L ms - time at 0 ms) / L, so it is the length of
the chain of requests that had to wait for one another, whatever ran beside them. The goal of
issue 15: at most 3 round trips + 0.15 s without a token, at most 2 with one.

Usage: ``uv run python -m benchmarks.latency [--repeat N]``
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import CORPORA, serve_folder
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import install
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

LATENCIES = (0.0, 0.05, 0.1)
PATHS = (("REST, no token", None), ("GraphQL, token", "bench-token"))


async def show(server: GitHubServer, full_name: str, token: str | None) -> tuple[float, int]:
    """One cold ``show``: seconds to the final report, and the requests it sent."""
    before = len(server.hits())
    server.buckets.clear()  # a fresh hour each time: the budget is not what is measured here
    with tempfile.TemporaryDirectory() as cache:
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(cache))
        secret = Token(token, "GH_TOKEN") if token else None
        async with GitHubClient(settings, token=secret) as client:
            source = GitHubSource(client)
            start = time.perf_counter()
            last = None
            async for report in source.report(full_name):
                last = report
            elapsed = time.perf_counter() - start
    if last is None or last.frameworks is None:
        raise SystemExit(f"{full_name}: no verdict")
    return elapsed, len(server.hits()) - before


def measure(repeat: int) -> dict[tuple[str, str, float], tuple[float, int]]:
    """Median seconds and requests per (path, repository, latency)."""
    out: dict[tuple[str, str, float], tuple[float, int]] = {}
    with GitHubServer().serving() as server:
        folders = sorted(p for p in CORPORA["alpha"].iterdir() if p.is_dir())
        names = [serve_folder(server, f, "alpha", pending_stats=0) for f in folders]
        install(server)
        for latency in LATENCIES:
            server.latency = latency
            for label, token in PATHS:
                for name in names:
                    runs = [asyncio.run(show(server, name, token)) for _ in range(repeat)]
                    seconds = statistics.median(r[0] for r in runs)
                    out[(label, name, latency)] = (seconds, runs[0][1])
    return out


def main() -> None:
    """Print one table per path: seconds at each latency, requests, round trips."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell (median)")
    args = parser.parse_args()
    out = measure(args.repeat)
    names = sorted({name for _, name, _ in out}, key=str.lower)
    for label, _ in PATHS:
        print(f"\n{label}: cold show, seconds to the verdict at added latency (median of "
              f"{args.repeat})")  # fmt: skip
        print(f"{'repository':<34} {'sent':>4} {'0 ms':>6} {'50 ms':>6} {'100 ms':>7} {'trips':>6}")
        trips_all = []
        for name in names:
            t0, sent = out[(label, name, 0.0)]
            t50, t100 = out[(label, name, 0.05)][0], out[(label, name, 0.1)][0]
            trips = (t100 - t0) / 0.1
            trips_all.append(trips)
            print(f"{name:<34} {sent:>4} {t0:>6.3f} {t50:>6.3f} {t100:>7.3f} {trips:>6.1f}")
        print(f"{'median round trips':<34} {'':>4} {'':>6} {'':>6} {'':>7} "
              f"{statistics.median(trips_all):>6.1f}  (max {max(trips_all):.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
