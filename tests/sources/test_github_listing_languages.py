"""Without a token, a repository whose tree is fetched anyway costs one request, not two.

Its language shares are counted from the tree's listing (paths and sizes, Linguist's rules and
the repository's ``.gitattributes``) instead of asking ``/languages``, and the report says they
are estimated. When the root alone tells the frameworks, GitHub's own figures are asked for
(the one request), and with a token nothing changes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import collect, names
from tui.analysis.report import RepoInfo, RepoReport
from tui.present.schema import report_json
from tui.present.verdict import verdict_brief, verdict_text
from tui.sources.github import GitHubSource

ROOT = {"name": "shop", "private": True, "workspaces": ["packages/*"]}
FILES = {
    "package.json": json.dumps(ROOT).encode(),
    "packages/web/package.json": b'{"name": "web", "dependencies": {"svelte": "^4.2.0"}}',
    ".gitattributes": b"# keep the bundled copy out of the statistics\n"
    b"packages/web/static/** linguist-vendored\n",
}
SIZES = {  # sources are listed, never read: only their names and sizes count
    "packages/web/src/App.svelte": 30_000,
    "packages/web/src/lib/api.ts": 60_000,
    "packages/web/src/lib/cart.ts": 10_000,
    "packages/web/static/chart.min.js": 900_000,  # vendored by .gitattributes
    "README.md": 4_000,  # prose: not counted
}
GITHUB_SAYS = {"TypeScript": 71_234, "Svelte": 29_876}


def _tree(files: dict[str, bytes], sizes: dict[str, int]) -> list[dict[str, Any]]:
    paths = {**{p: len(b) for p, b in files.items()}, **sizes}
    dirs = {"/".join(p.split("/")[:i]) for p in paths for i in range(1, p.count("/") + 1)}
    entries: list[dict[str, Any]] = [{"path": d, "type": "tree", "sha": _sha(d)} for d in dirs]
    entries += [{"path": p, "type": "blob", "size": n, "sha": _sha(p)} for p, n in paths.items()]
    return sorted(entries, key=lambda e: str(e["path"]))


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@pytest.fixture
def served(github_server: GitHubServer) -> GitHubServer:
    """A workspace (the tree is needed) and a plain repository (the root says it all)."""
    github_server.add_repo(
        "acme/shop", files=FILES, tree=_tree(FILES, SIZES), languages=GITHUB_SAYS
    )
    github_server.add_repo(
        "acme/blog",
        files={"requirements.txt": b"Django==5.0.6\n", "manage.py": b"import django\n"},
        languages={"Python": 9_000, "HTML": 1_000},
    )
    return github_server


def core_paths(server: GitHubServer) -> list[str]:
    """The counted API requests, by their last path segments (``languages``, ``trees/main``)."""
    return [
        "/".join(h.path.split("/")[6:]) or "repo"
        for h in server.hits()
        if h.charged and h.path.startswith("/api/v3/repos/")
    ]


def shares(report: RepoReport) -> dict[str, float]:
    return {s.name: s.percent for s in report.languages or ()}


async def test_a_workspace_costs_the_tree_alone_and_says_its_shares_are_estimated(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    report = await collect(GitHubSource(make_client()), "acme/shop")
    assert "Svelte" in names(report)  # from the member's manifest, which the tree listed
    assert core_paths(served) == ["repo", "git/trees/main"]  # no /languages
    assert report.languages_estimated
    assert shares(report) == {"TypeScript": 70.0, "Svelte": 30.0}  # vendored JS left out
    assert "(≈ 70.0 %)" in verdict_text(report)
    assert verdict_brief(report)[0].startswith("TypeScript ≈ 70.0 %")
    assert report_json(report)["languages_estimated"] is True


async def test_a_search_item_leaves_only_the_tree_to_ask(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    hint = RepoInfo(full_name="acme/shop", default_branch="main", primary_language="TypeScript")
    async for _ in GitHubSource(make_client()).report("acme/shop", hint=hint):
        pass
    assert core_paths(served) == ["git/trees/main"]


async def test_a_plain_repository_gets_githubs_own_figures(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    report = await collect(GitHubSource(make_client()), "acme/blog")
    assert "Django" in names(report)
    assert sorted(core_paths(served)) == ["languages", "repo"]  # no tree
    assert not report.languages_estimated
    assert shares(report) == {"Python": 90.0, "HTML": 10.0}
    assert "≈" not in verdict_text(report)
    assert "languages_estimated" not in report_json(report)


async def test_with_a_token_the_figures_stay_githubs(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    report = await collect(GitHubSource(make_client("tok"), graphql=False), "acme/shop")
    assert "languages" in core_paths(served)
    assert not report.languages_estimated
    assert shares(report) == {"TypeScript": 70.5, "Svelte": 29.5}


async def test_a_truncated_listing_asks_github_instead(
    served: GitHubServer, make_client: ClientFactory
) -> None:
    cut = {"sha": "f" * 40, "truncated": True, "tree": _tree(FILES, SIZES)[:6]}
    served.script("GET", "/api/v3/repos/acme/shop/git/trees/main", Reply(200, cut))
    report = await collect(GitHubSource(make_client()), "acme/shop")
    assert "languages" in core_paths(served)
    assert not report.languages_estimated
    assert shares(report) == {"TypeScript": 70.5, "Svelte": 29.5}


async def test_an_estimate_whose_largest_language_is_not_githubs_primary_asks_github(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    files = {"package.json": json.dumps(ROOT).encode()}
    sizes = {"static/logo.eps": 700_000, "src/index.html": 90_000, "src/site.js": 10_000}
    github_server.add_repo(
        "acme/site",
        files=files,
        tree=_tree(files, sizes),
        languages={"HTML": 90_000, "JavaScript": 10_000},  # GitHub saw the logo is binary
    )
    report = await collect(GitHubSource(make_client()), "acme/site")
    assert "languages" in core_paths(github_server)
    assert not report.languages_estimated
    assert shares(report) == {"HTML": 90.0, "JavaScript": 10.0}


async def test_a_listing_that_counts_nothing_asks_github(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    files = {"package.json": json.dumps(ROOT).encode(), "bin/deploy": b"#!/bin/sh\necho\n"}
    github_server.add_repo("acme/tools", files=files, languages={"Shell": 15})
    report = await collect(GitHubSource(make_client()), "acme/tools")
    assert "languages" in core_paths(github_server)
    assert shares(report) == {"Shell": 100.0}
    assert not report.languages_estimated
