"""What a census costs: requests by kind, GraphQL points, wall time, memory.

A census of the top 100 and 1,000 of 1,200 generated repositories (``tests/doubles/
generated_repos.py``: real manifests of a dozen ecosystems, languages, stars, creation dates)
runs through the real ``GitHubClient`` and ``CensusRunner`` against the fake GitHub on
127.0.0.1, with and without a token, at 0 and 100 ms of latency per answer (added on the client
side by a transport that waits before each exchange). Each case runs in a fresh process, so the
peak RSS is its own; "grew" is the census's share (peak minus the size before it started, the
server's 1,200 repositories included in neither).

Usage: ``uv run python -m benchmarks.census`` (all cases) or ``--one N TOKEN LATENCY_MS``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import FakeClock, GitHubServer
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.present.census import aggregate
from tui.sources.census import CensusRunner
from tui.sources.github import GitHubSource


class Latency(httpx.AsyncBaseTransport):
    """Wait ``seconds`` before each exchange, like a distant server."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Delay, then send."""
        await asyncio.sleep(self.seconds)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        """Close the real transport."""
        await self.inner.aclose()


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _kind(path: str) -> str:
    if path.startswith("/raw/"):
        return "raw"
    if path == "/api/graphql":
        return "graphql"
    if path.startswith("/api/v3/search/"):
        return "search"
    return "rate_limit" if path.endswith("/rate_limit") else "core"


async def one(count: int, token: bool, latency_ms: int) -> dict[str, object]:
    """One census; its figures as a dict."""
    clock = FakeClock()
    with GitHubServer(clock).serving() as server:
        populate(server, 1200)
        install(server)
        before = _rss_mb()
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(tempfile.mkdtemp()))
        client = GitHubClient(
            settings,
            token=Token("bench", "GH_TOKEN") if token else None,
            transport=Latency(latency_ms / 1000),
            clock=clock,
        )
        source = GitHubSource(client)
        runner = CensusRunner(source, clock=clock)
        started = time.perf_counter()
        plan = await runner.plan(count)
        result = await runner.run_query("census", plan)
        wall = time.perf_counter() - started
        census = aggregate(result)
        await source.aclose()
        kinds = Counter(_kind(h.path) for h in server.hits())
        points = server.bucket("bench" if token else None, "graphql")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "repos": count,
        "token": token,
        "latency_ms": latency_ms,
        "kinds": dict(kinds),
        "points": (5000 - points[0]) if token else 0,
        "wall_s": round(wall, 2),
        "frameworks": census.coverage.with_frameworks,
        "peak_mb": round(peak, 1),
        "grew_mb": round(peak - before, 1),
    }


def main() -> None:
    """Run every case in its own process and print one table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=3, type=int, metavar=("N", "TOKEN", "LATENCY_MS"))
    args = parser.parse_args()
    if args.one:
        n, token, latency = args.one
        print(json.dumps(asyncio.run(one(n, bool(token), latency))))
        return
    head = f"{'repos':>5} {'token':>5} {'lat':>4} {'search':>6} {'gql':>4} {'core':>4} "
    head += f"{'raw':>4} {'points':>6} {'wall s':>7} {'fw':>5} {'peak MB':>7} {'grew MB':>7}"
    print(head)
    for n in (100, 1000):
        for token in (1, 0):
            for latency in (0, 100):
                cmd = [sys.executable, "-m", "benchmarks.census", "--one", str(n), str(token)]
                out = subprocess.run([*cmd, str(latency)], capture_output=True, text=True)
                row = json.loads(out.stdout)
                k = row["kinds"]
                print(
                    f"{n:>5} {'yes' if token else 'no':>5} {latency:>4} {k.get('search', 0):>6} "
                    f"{k.get('graphql', 0):>4} {k.get('core', 0):>4} {k.get('raw', 0):>4} "
                    f"{row['points']:>6} {row['wall_s']:>7} {row['frameworks']:>5} "
                    f"{row['peak_mb']:>7} {row['grew_mb']:>7}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
