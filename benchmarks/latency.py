"""Time to verdict over a slow network: round trips and wall time of ``show OWNER/REPO``.

For each repository of the development corpora (``../shared/corpus/dev`` and ``dev2``; one of
them with ``--corpus alpha`` or ``--corpus beta``), a cold
``show`` (new client, empty cache, no search hint: what ``repolens show`` does) runs through the
real client and ``GitHubSource`` against the fake GitHub of ``tests/doubles``, which adds a fixed
latency to every answer (0, 50 and 100 ms), REST without a token and GraphQL with one.

"Round trips" is derived, not counted: (time at L ms - time at 0 ms) / L, so it is the length of
the chain of requests that had to wait for one another, whatever ran beside them. The goal of
issue 15: at most 3 round trips + 0.15 s without a token, at most 2 with one. On a loaded machine
that difference is noisy, so "waves" counts the same chain from the client's side at 100 ms: a
request is one wave after the latest one that had answered before it was sent.

With a token, the recursive tree at ``HEAD`` (REST) goes beside the repository's query, so a
repository whose three-level GraphQL listing was cut chooses its files from the whole tree and
asks for them in a second wave, never a third (``tui/sources/github_deepen.py``).

Usage: ``uv run python -m benchmarks.latency [--repeat N] [--corpus alpha|beta|both]``
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.corpus import CORPORA, serve_folder
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import install
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

LATENCIES = (0.0, 0.05, 0.1)
PATHS = (("REST, no token", None), ("GraphQL, token", "bench-token"))


class _Spans(httpx.AsyncBaseTransport):
    """The real transport, noting when each exchange was sent and when its answer came."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.spans: list[tuple[float, float]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        start = time.perf_counter()
        response = await self.inner.handle_async_request(request)
        self.spans.append((start, time.perf_counter()))
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def waves(spans: list[tuple[float, float]]) -> int:
    """The longest chain of exchanges each sent after the one before had answered."""
    done: list[tuple[float, int]] = []
    for start, end in sorted(spans):
        wave = 1 + max((w for answered, w in done if answered <= start), default=0)
        done.append((end, wave))
    return max((w for _, w in done), default=0)


async def show(server: GitHubServer, full_name: str, token: str | None) -> tuple[float, int, int]:
    """One cold ``show``: seconds to the final report, the requests it sent, and its waves."""
    before = len(server.hits())
    server.buckets.clear()  # a fresh hour each time: the budget is not what is measured here
    transport = _Spans()
    with tempfile.TemporaryDirectory() as cache:
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(cache))
        secret = Token(token, "GH_TOKEN") if token else None
        async with GitHubClient(settings, token=secret, transport=transport) as client:
            source = GitHubSource(client)
            start = time.perf_counter()
            last = None
            async for report in source.report(full_name):
                last = report
            elapsed = time.perf_counter() - start
    if last is None or last.frameworks is None:
        raise SystemExit(f"{full_name}: no verdict")
    return elapsed, len(server.hits()) - before, waves(transport.spans)


def measure(
    repeat: int, groups: tuple[str, ...] = ("alpha",)
) -> dict[tuple[str, str, float], tuple[float, int, int]]:
    """Median seconds, requests and median waves per (path, repository, latency)."""
    out: dict[tuple[str, str, float], tuple[float, int, int]] = {}
    with GitHubServer().serving() as server:
        names = [
            serve_folder(server, folder, group, pending_stats=0)
            for group in groups
            if CORPORA[group].is_dir()
            for folder in sorted(p for p in CORPORA[group].iterdir() if p.is_dir())
        ]
        install(server)
        for latency in LATENCIES:
            server.latency = latency
            for label, token in PATHS:
                for name in names:
                    runs = [asyncio.run(show(server, name, token)) for _ in range(repeat)]
                    seconds = statistics.median(r[0] for r in runs)
                    chain = round(statistics.median(r[2] for r in runs))
                    out[(label, name, latency)] = (seconds, runs[0][1], chain)
    return out


def main() -> None:
    """Print one table per path: seconds at each latency, requests, round trips."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell (median)")
    parser.add_argument(
        "--corpus", choices=("alpha", "beta", "both"), default="both", help="dev, dev2 or both"
    )
    args = parser.parse_args()
    groups = ("alpha", "beta") if args.corpus == "both" else (args.corpus,)
    out = measure(args.repeat, groups)
    names = sorted({name for _, name, _ in out}, key=str.lower)
    for label, _ in PATHS:
        print(f"\n{label}: cold show, seconds to the verdict at added latency (median of "
              f"{args.repeat})")  # fmt: skip
        print(f"{'repository':<34} {'sent':>4} {'0 ms':>6} {'50 ms':>6} {'100 ms':>7} {'trips':>6}"
              f" {'waves':>6}")  # fmt: skip
        trips_all, waves_all = [], []
        for name in names:
            t0, sent, _ = out[(label, name, 0.0)]
            t50 = out[(label, name, 0.05)][0]
            t100, _, chain = out[(label, name, 0.1)]
            trips = (t100 - t0) / 0.1
            trips_all.append(trips)
            waves_all.append(chain)
            print(f"{name:<34} {sent:>4} {t0:>6.3f} {t50:>6.3f} {t100:>7.3f} {trips:>6.1f}"
                  f" {chain:>6}")  # fmt: skip
        print(f"{'median round trips':<34} {'':>4} {'':>6} {'':>6} {'':>7} "
              f"{statistics.median(trips_all):>6.1f} {statistics.median(waves_all):>6.1f}"
              f"  (max {max(trips_all):.1f} timed, {max(waves_all)} waves)")  # fmt: skip


if __name__ == "__main__":
    main()
