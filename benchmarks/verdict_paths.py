"""The verdict through each online path, for every corpus repository: does a token change it?

Usage::

    uv run python -m benchmarks.verdict_paths

Each repository of ``../shared/corpus/dev`` and ``dev2`` is served by the fake GitHub of
``tests/doubles`` (its real tree, manifests and languages; GraphQL from ``graphql_route``) and
judged three ways through the real client and ``GitHubSource``, each cold (new client, empty
cache): ``show`` without a token (REST: root manifests, then the recursive tree when needed),
``show`` with one (one GraphQL query, then follow-ups), and a GraphQL search page followed by
the report (the TUI's path). Without a token the language shares may be estimated from the
listing (``≈``); the comparison is of the verdict as a whole with the token's shares put in,
so it says whether the frameworks named, and their order, agree. ``benchmarks.verdicts`` prints
the result as its last column.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import serve_corpora
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import install
from tui.analysis.report import RepoReport
from tui.github.auth import Token
from tui.github.client import GitHubClient
from tui.github.settings import ClientSettings
from tui.present.verdict import verdict_text
from tui.sources.github import GitHubSource


@dataclass(frozen=True)
class Paths:
    """One repository's verdict by each path, and what the token ``show`` sent."""

    rest: str
    token: str
    page: str
    graphql_posts: int
    rest_requests: int

    @property
    def agree(self) -> bool:
        """Whether all three paths gave the same verdict."""
        return self.rest == self.token == self.page


def _shares_of(report: RepoReport, like: RepoReport) -> RepoReport:
    """``report`` with ``like``'s language shares (a listing's estimate is not compared)."""
    return report._replace(
        languages=like.languages,
        languages_estimated=like.languages_estimated,
        notebook_view=like.notebook_view,
        notebook_label=like.notebook_label,
        notebook_bytes=like.notebook_bytes,
    )


async def _report(
    server: GitHubServer, name: str, token: str | None, search: str | None = None
) -> tuple[RepoReport, list[str]]:
    """One cold report: the last one, and the paths of the requests sent for it."""
    server.buckets.clear()  # a fresh hour each time: the budget is not what is compared
    with tempfile.TemporaryDirectory() as cache:
        settings = ClientSettings(api_url=server.api_url, cache_dir=Path(cache))
        secret = Token(token, "GH_TOKEN") if token else None
        async with GitHubClient(settings, token=secret) as client:
            source = GitHubSource(client)
            if search is not None:
                await source.search(search)
            before = len(server.hits())
            last = None
            async for report in source.report(name):
                last = report
            sent = [h.path for h in server.hits()[before:]]
    if last is None or last.frameworks is None:
        raise SystemExit(f"{name}: no verdict")
    return last, sent


def _paths(server: GitHubServer, name: str, group: str) -> Paths:
    rest, _ = asyncio.run(_report(server, name, None))
    token, sent = asyncio.run(_report(server, name, "bench-token"))
    page, _ = asyncio.run(_report(server, name, "bench-token", search=group))
    posts = sum(1 for path in sent if path == "/api/graphql")
    return Paths(
        rest=verdict_text(_shares_of(rest, token)),
        token=verdict_text(token),
        page=verdict_text(page),
        graphql_posts=posts,
        rest_requests=len(sent) - posts,
    )


def measure() -> dict[str, Paths]:
    """Every corpus repository's verdict by each path, by lower-case ``owner/name``."""
    with GitHubServer().serving() as server:
        served = serve_corpora(server, pending_stats=0)
        install(server)
        return {
            name.lower(): _paths(server, name, group)
            for group, names in served.items()
            for name in names
        }


def mismatches(found: dict[str, Paths]) -> list[str]:
    """Lines describing every repository whose paths disagree."""
    lines = []
    for name, paths in sorted(found.items()):
        if not paths.agree:
            lines += [f"{name}:", f"  no token: {paths.rest}", f"  token:    {paths.token}"]
            if paths.page != paths.token:
                lines.append(f"  page:     {paths.page}")
    return lines


def main() -> None:
    """Print one line per repository, then the mismatches."""
    found = measure()
    for name, paths in sorted(found.items()):
        mark = "same" if paths.agree else "DIFFERS"
        sent = f"{paths.graphql_posts} GraphQL + {paths.rest_requests} REST"
        print(f"{name:<36} {mark:<8} token show sent {sent}")
    agree = sum(1 for p in found.values() if p.agree)
    print(f"\n{agree}/{len(found)} repositories: the same verdict with and without a token")
    print("\n".join(mismatches(found)))


if __name__ == "__main__":
    main()
