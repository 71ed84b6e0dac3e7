"""What browsing costs in GitHub's budget: counted requests per repository previewed.

A scripted session drives the real app (Textual's Pilot, headless) over the real client, disk
cache and ``GitHubSource`` against the fake GitHub of ``tests/doubles`` serving the development
corpora (``../shared/corpus/dev`` and ``dev2``) plus three small hand-written repositories:

1. search ``alpha`` (Enter), pause on each of its 10 results (the preview follows the cursor);
2. search ``beta``, pause on each of its 12 results;
3. search ``gamma``, pause on each of its 3 results (25 repositories previewed in all);
4. mark 3 of them and compare, then back;
5. revisits: search ``alpha`` again and pause on each result again (4 minutes later).

Like GitHub, the server answers cold commit statistics with 202 ("computing") once first, a 304
is charged without a token, raw files are never charged. It prints the counted requests per
endpoint, per repository previewed, and how many repositories an hour's budget buys; without a
token and with one (GraphQL on).

Usage: ``uv run python -m benchmarks.browsing``
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import serve_corpora
from tests.doubles.github_server import FakeClock, GitHubServer, Logged
from tests.doubles.graphql_route import install
from tui.analysis.languages import shares
from tui.analysis.report import RepoReport
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

HOURLY = {"core": 60, "graphql": 5000}
"""The budget an hour buys (no token: core; with a token the REST core is 5,000 too)."""

GAMMA: dict[str, dict[str, bytes]] = {
    "gamma-labs/ledger": {
        "requirements.txt": b"Django==5.0.6\ndjangorestframework==3.15.1\n"
        b"psycopg[binary]==3.1.19\n",
        "manage.py": b"import os\nimport sys\n\n"
        b"from django.core.management import execute_from_command_line\n",
        "Dockerfile": b"FROM python:3.12-slim\n",
    },
    "gamma-labs/storefront": {
        "Gemfile": b'source "https://rubygems.org"\n\ngem "rails", "~> 7.1.3"\ngem "pg", "~> 1.5"\n'
        b'gem "puma", ">= 5.0"\n\ngroup :development, :test do\n  gem "rspec-rails"\nend\n',
        "config.ru": b"require_relative 'config/environment'\nrun Rails.application\n",
    },
    "gamma-labs/billing": {
        "composer.json": b'{\n  "name": "gamma-labs/billing",\n  "require": {\n'
        b'    "php": "^8.2",\n    "laravel/framework": "^11.0"\n  },\n'
        b'  "require-dev": {"phpunit/phpunit": "^10.5"}\n}\n',
        "artisan": b"#!/usr/bin/env php\n<?php\n",
    },
}  # fmt: skip


def serve(server: GitHubServer) -> int:
    """The corpora and the three ``gamma`` repositories; returns how many there are."""
    served = serve_corpora(server, pending_stats=1)
    languages = {"gamma-labs/ledger": {"Python": 48_000, "HTML": 9_000},
                 "gamma-labs/storefront": {"Ruby": 61_000, "JavaScript": 4_000},
                 "gamma-labs/billing": {"PHP": 75_000, "Blade": 12_000}}  # fmt: skip
    for name, files in GAMMA.items():
        repo = server.add_repo(name, files=files, languages=languages[name],
                               description="gamma service", stargazers_count=42)  # fmt: skip
        repo.pending_stats = 1
    return sum(len(v) for v in served.values()) + len(GAMMA)


def endpoint(hit: Logged) -> str:
    """The kind of request a log entry was: search, repository, languages, tree, stats, ..."""
    path = hit.path
    if path == "/api/graphql":
        return "graphql"
    if path.startswith("/raw/"):
        return "raw file"
    if path.startswith("/api/v3/search/"):
        return "search"
    for part, name in (("/languages", "languages"), ("/git/trees/", "tree"),
                       ("/stats/", "commit activity"), ("/contents/", "contents"),
                       ("/readme", "readme")):  # fmt: skip
        if part in path:
            return name
    return "repository" if path.count("/") == 5 else path


async def _settle(app: Any, pilot: Any, rounds: int = 4) -> None:
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def _search(app: Any, pilot: Any, query: str) -> int:
    """Put ``query`` in the search box and press Enter; returns how many results came."""
    from textual.widgets import Input

    box = app.screen.query_one("#query", Input)
    box.focus()
    box.value = ""
    await pilot.pause()
    await pilot.press(*query, "enter")
    await _settle(app, pilot)
    results = app.screen.results
    return len(results.items) if results else 0


async def _walk(
    app: Any, pilot: Any, count: int, clock: FakeClock, seen: list[RepoReport | None]
) -> None:
    """Move the cursor over ``count`` results, pausing (20 s of reading) on each.

    ``seen`` gets, per preview, the report it showed when the reader moved on.
    """
    from tui.ui.widgets.repo_detail import RepoDetail
    from tui.ui.widgets.results_table import ResultsTable

    table = app.screen.query_one(ResultsTable)
    table.focus()
    table.move_cursor(row=0)
    for step in range(count):
        if step:
            clock.advance(seconds=20)
            await pilot.press("down")
        await _settle(app, pilot)
        seen.append(app.screen.query_one(RepoDetail).report)


async def session(
    server: GitHubServer, clock: FakeClock, cache: Path, token: str | None
) -> list[RepoReport | None]:
    """The scripted session; returns the report each first preview showed."""
    from tui.ui.app import make_app

    async def no_wait(seconds: float) -> None:
        clock.advance(seconds=seconds)  # the client's pauses pass in fake time

    settings = ClientSettings(api_url=server.api_url, cache_dir=cache)
    secret = Token(token, "GH_TOKEN") if token else None
    client = GitHubClient(settings, token=secret, clock=clock, sleep=no_wait)
    source = GitHubSource(client, graphql=True)
    app = make_app(source, budget=client.budget, now=clock, blink=False, export_dir=cache)
    whole: list[RepoReport | None] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for query in ("alpha", "beta", "gamma"):
            found = await _search(app, pilot, query)
            await _walk(app, pilot, found, clock, whole)
        for _ in range(3):  # mark the last three, compare them, come back
            await pilot.press("space", "up")
        await pilot.press("c")
        await _settle(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        clock.advance(minutes=4)
        found = await _search(app, pilot, "alpha")
        await _walk(app, pilot, found, clock, [])
    return whole


def _table(rows: Sequence[tuple[str, int, int, int, int]]) -> str:
    lines = [f"{'endpoint':<17} {'sent':>5} {'refused':>8} {'charged':>8} {'per repo':>9}"]
    for name, sent, refused, charged, previewed in rows:
        per = charged / previewed
        lines.append(f"{name:<17} {sent:>5} {refused:>8} {charged:>8} {per:>9.2f}")
    return "\n".join(lines)


async def run(token: str | None) -> None:
    """One session on a fresh server and cache; print its cost."""
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as cache, GitHubServer(clock).serving() as server:
        served = serve(server)
        install(server)
        shown = await session(server, clock, Path(cache), token)
        hits = server.hits()
        truth = {name: dict(repo.languages) for name, repo in server.repos.items()}
    whole = [r is not None and None not in (r.languages, r.frameworks) for r in shown]
    previewed = len(whole)
    sent = Counter(endpoint(h) for h in hits)
    refused = Counter(endpoint(h) for h in hits if h.status in (403, 429))
    charged = Counter(endpoint(h) for h in hits if h.charged)
    rows = [(n, sent[n], refused[n], charged[n], previewed) for n in sorted(sent)]
    core = sum(n for name, n in charged.items() if name not in ("search", "graphql"))
    points = charged["graphql"]
    who = "with a token (GraphQL on)" if token else "without a token"
    print(f"\nBrowsing {who}: {previewed} repositories previewed of {served} served, "
          "a compare of 3, 10 revisits")  # fmt: skip
    print(_table(rows))
    print(f"previews answered whole (languages and frameworks): {sum(whole)} of {previewed}")
    answered = sum(whole) or 1
    print(f"core requests per repository previewed: {core / previewed:.2f}; "
          f"per repository answered whole: {core / answered:.2f}")  # fmt: skip
    if token:
        print(f"graphql points per repository previewed: {points / previewed:.2f}")
        print(f"core requests left for other work: {5000 - core}")
        return
    per_repo = core / answered
    bought = HOURLY["core"] / per_repo if per_repo else float("inf")
    print(f"repositories an hour without a token at this rate: {bought:.0f}")
    _estimates([r for r in shown if r is not None and r.languages_estimated], truth)


def _estimates(reports: Sequence[RepoReport], truth: dict[str, dict[str, int]]) -> None:
    """How far the shares estimated from a listing are from GitHub's figures, in points."""
    gaps = []
    for report in reports:
        exact = {s.name: s.percent for s in shares(truth[report.info.full_name.lower()])}
        guess = {s.name: s.percent for s in report.languages or ()}
        gap = max(abs(exact.get(n, 0.0) - guess.get(n, 0.0)) for n in exact.keys() | guess)
        gaps.append((gap, report.info.full_name))
    if not gaps:
        return
    worst, name = max(gaps)
    print(f"shares estimated from the file listing: {len(gaps)} previews; largest gap from "
          f"GitHub's figures {worst:.1f} points ({name}), median "
          f"{statistics.median(g for g, _ in gaps):.1f}")  # fmt: skip


def main() -> None:
    """Print both sessions."""
    for token in (None, "bench-token"):
        asyncio.run(run(token))


if __name__ == "__main__":
    main()
