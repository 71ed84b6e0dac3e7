"""What each user flow costs on the wire: requests sent, requests charged, bytes transferred.

Two flows run against the fake GitHub server from ``tests/github_server.py`` (serving the
development corpus in ``../shared/corpus/dev`` when present, synthetic repositories otherwise),
through the real client and its disk cache, for: the first view, a repeat view within freshness,
and a view after the freshness windows expired (revalidation); without and with a token.

1. Client level: "search, then view repo + languages + tree + 2 raw manifests of the top N".
2. Issue 6, through ``GitHubSource``: "search, then view languages and frameworks of the top N"
   (REST without a token; one GraphQL query per page with one, answered by
   ``tests/graphql_route.py``).

Usage: ``uv run python -m benchmarks.requests [--top N] [--source-top N]``
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.doubles.github_server import FakeClock, GitHubServer, Logged
from tests.doubles.graphql_route import install
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.errors import NotFound
from tui.github.settings import ClientSettings
from tui.sources.github import GitHubSource

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
MANIFESTS = ("requirements.txt", "pyproject.toml", "setup.py", "package.json", "go.mod",
             "Cargo.toml", "pom.xml", "build.gradle", "Gemfile", "composer.json")  # fmt: skip
QUERY = "the"


@dataclass(frozen=True)
class Cost:
    """What one flow cost, as the server saw it."""

    sent: int
    charged: int
    bytes_in: int


def load_repos(server: GitHubServer) -> str:
    """Serve the corpus (or synthetic repos); returns where the data came from."""
    if not CORPUS.is_dir():
        for n in range(10):
            files = {"README.md": b"# the thing\n", "pyproject.toml": b"[project]\nname='x'\n" * 20}
            server.add_repo(f"bench/the-thing-{n}", files=files, languages={"Python": 1000 * n})
        return "synthetic repositories (corpus absent)"
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        meta = json.loads((folder / "repo.json").read_text())
        meta = {k: v for k, v in meta.items() if not k.startswith("_")}
        meta["description"] = f"the {meta.get('description') or ''}"  # so one query finds all
        files_dir = folder / "files"
        files = {
            str(p.relative_to(files_dir)): p.read_bytes()
            for p in files_dir.rglob("*")
            if p.is_file()
        }
        files.update(sampled_sources(folder))
        tree = json.loads((folder / "tree.json").read_text())["tree"]
        server.add_repo(
            meta.pop("full_name"),
            files=files,
            languages=json.loads((folder / "languages.json").read_text()),
            sha=(folder / "commit.txt").read_text().strip(),
            tree=tree,
            **meta,
        )
    return f"the development corpus ({CORPUS})"


def sampled_sources(folder: Path) -> dict[str, bytes]:
    """Stand-ins for source files the corpus lists only as import facts (nanoGPT's ``*.py``).

    Each holds its import lines at their line numbers, as the corpus README allows, so that a
    flow sampling sources for imports reads what the real files would tell it.
    """
    facts = folder / "source-imports.json"
    if not facts.is_file():
        return {}
    out: dict[str, bytes] = {}
    for path, fact in json.loads(facts.read_text())["files"].items():
        lines: dict[int, str] = {i["line"]: i["text"] for i in fact.get("imports", [])}
        text = "\n".join(lines.get(n, "") for n in range(1, max(lines, default=0) + 1))
        out[path] = (text + "\n").encode()
    return out


async def view(client: GitHubClient, top: int) -> None:
    """The flow: one search, then the top results' metadata, languages, tree, two manifests."""
    page = await client.search_repositories(QUERY, per_page=top, sort="stars")
    for item in page.items[:top]:
        repo = await client.repo(item.full_name)
        await client.languages(item.full_name)
        branch = repo.default_branch or "main"
        tree = await client.tree(item.full_name, branch)
        roots = [e.path for e in tree.entries if e.type == "blob" and e.path in MANIFESTS]
        for path in roots[:2]:  # a repository without manifests (nanoGPT) costs no file request
            with contextlib.suppress(NotFound):  # the corpus holds a few files, not all of them
                await client.file(item.full_name, branch, path)


def measure(server: GitHubServer, before: int) -> Cost:
    """The cost of everything the server saw since log entry ``before``."""
    seen = server.hits()[before:]
    return Cost(len(seen), sum(1 for h in seen if h.charged), sum(h.bytes_out for h in seen))


async def run(top: int, token: str | None) -> list[tuple[str, Cost]]:
    """The three flows, in order, with one cache directory."""
    clock = FakeClock()
    rows: list[tuple[str, Cost]] = []
    with tempfile.TemporaryDirectory() as cache, GitHubServer(clock).serving() as server:
        load_repos(server)
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(cache))
        steps = (("first view", 0), ("repeat view (+5 min)", 5), ("after expiry (+2 h)", 115))
        for label, minutes in steps:
            clock.advance(minutes=minutes)
            before = len(server.hits())
            secret = Token(token, "GH_TOKEN") if token else None
            async with GitHubClient(settings, token=secret, clock=clock) as client:
                await view(client, top)
            rows.append((label, measure(server, before)))
    return rows


@dataclass(frozen=True)
class Spend:
    """What one issue-6 flow cost: requests, budget by bucket, and revalidations."""

    sent: int
    core: int
    search: int
    graphql: int
    revalidated: int  # 304s
    revalidated_charged: int  # 304s that still cost a request (no token)


def _bucket(hit: Logged) -> str:
    if hit.path == "/api/graphql":
        return "graphql"
    return "search" if hit.path.startswith("/api/v3/search/") else "core"


def spend(server: GitHubServer, before: int) -> Spend:
    """The issue-6 cost of everything the server saw since log entry ``before``."""
    seen = server.hits()[before:]
    charged = [_bucket(h) for h in seen if h.charged]
    not_modified = [h for h in seen if h.status == 304]
    return Spend(
        sent=len(seen),
        core=charged.count("core"),
        search=charged.count("search"),
        graphql=charged.count("graphql"),  # each query here costs 1 point (rateLimit.cost)
        revalidated=len(not_modified),
        revalidated_charged=sum(1 for h in not_modified if h.charged),
    )


async def languages_and_frameworks(source: GitHubSource, top: int) -> int:
    """Issue 6's flow: one search, then the complete report of each of the top results."""
    results = await source.search(QUERY, sort="stars", per_page=top)
    found = 0
    for item in results.items[:top]:
        async for report in source.report(item.full_name, hint=item):
            found = found + 1 if report.frameworks is not None else found
    return found


async def run_source(top: int, token: str | None, graphql: bool) -> list[tuple[str, Spend]]:
    """Issue 6's flow three times with one cache directory; each run is a new process's client."""
    clock = FakeClock()
    rows: list[tuple[str, Spend]] = []
    with tempfile.TemporaryDirectory() as cache, GitHubServer(clock).serving() as server:
        load_repos(server)
        install(server)
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(cache))
        steps = (("first view", 0), ("repeat view (+5 min)", 5), ("after expiry (+2 h)", 115))
        for label, minutes in steps:
            clock.advance(minutes=minutes)
            before = len(server.hits())
            secret = Token(token, "GH_TOKEN") if token else None
            async with GitHubClient(settings, token=secret, clock=clock) as client:
                done = await languages_and_frameworks(GitHubSource(client, graphql=graphql), top)
            if done != min(top, len(server.repos)):
                raise SystemExit(f"{label}: only {done} reports completed")
            rows.append((label, spend(server, before)))
    return rows


def print_source_table(top: int) -> None:
    """Print issue 6's table: REST without a token against GraphQL with one."""
    print(
        f"\nFlow (issue 6): search, then languages + frameworks of the top {top}, via GitHubSource."
    )
    head = f"{'flow':<22} {'path':<14} {'sent':>5} {'core':>5} {'search':>7} {'graphql':>8}"
    print(f"{head} {'304s':>5} {'charged 304s':>13}")
    paths = (
        (None, False, "REST, no token"),
        ("bench-token", False, "REST+token"),
        ("bench-token", True, "GraphQL+token"),
    )
    for token, graphql, path in paths:
        for label, c in asyncio.run(run_source(top, token, graphql)):
            row = f"{label:<22} {path:<14} {c.sent:>5} {c.core:>5} {c.search:>7} {c.graphql:>8}"
            print(f"{row} {c.revalidated:>5} {c.revalidated_charged:>13}")


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5, help="how many search results to view")
    parser.add_argument("--source-top", type=int, default=10, help="the same, for issue 6's flow")
    args = parser.parse_args()
    top = args.top
    with GitHubServer().serving() as probe:
        source = load_repos(probe)
    print(f"Flow: search, then repo + languages + tree + 2 raw manifests of the top {top}.")
    print(f"Data: {source}. Bytes are response bodies.\n")
    print(f"{'flow':<22} {'token':<6} {'sent':>5} {'charged':>8} {'bytes':>10}")
    for token in (None, "bench-token"):
        for label, cost in asyncio.run(run(top, token)):
            mark = "yes" if token else "no"
            print(f"{label:<22} {mark:<6} {cost.sent:>5} {cost.charged:>8} {cost.bytes_in:>10,}")
    print_source_table(args.source_top)


if __name__ == "__main__":
    main()
