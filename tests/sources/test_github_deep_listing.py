"""With a token, manifests deeper than the GraphQL listing still reach the verdict.

GraphQL lists a repository three levels down. When that listing was cut (folders at its last
level, contents unknown), the recursive tree completes it: the one ``show`` sent at ``HEAD``
beside its query, else by commit. The token answer then equals the one without a token, which
always reads the recursive tree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.corpus import load
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import GraphQLRoute, collect, install, names
from tui.github.models import TreeEntry
from tui.present.verdict import verdict_text
from tui.sources.github import GitHubSource
from tui.sources.github_deepen import listing_cut

CLEAN = Path(__file__).parents[2] / "../shared/corpus/dev2/jasontaylordev__CleanArchitecture"
DASHBOARD = {
    "name": "dashboard",
    "private": True,
    "dependencies": {"@angular/core": "^17.3.0", "@angular/router": "^17.3.0", "rxjs": "~7.8.0"},
    "devDependencies": {"@angular/cli": "^17.3.0", "typescript": "~5.4.2"},
}
PYPROJECT = b"""[project]
name = "ledger-api"
version = "0.4.0"
dependencies = ["fastapi>=0.110", "uvicorn[standard]>=0.29", "sqlalchemy>=2.0"]
"""


@pytest.fixture
def route(github_server: GitHubServer) -> GraphQLRoute:
    """A Python API beside an Angular client four levels down (no manifest at the root)."""
    github_server.add_repo(
        "acme/ledger",
        files={
            "README.md": b"# Ledger\n\nAPI and dashboard.\n",
            "docker-compose.yml": b"services:\n  api:\n    build: backend\n",
            "backend/pyproject.toml": PYPROJECT,
            "backend/ledger/main.py": b"from fastapi import FastAPI\napp = FastAPI()\n",
            "frontend/apps/dashboard/web/package.json": json.dumps(DASHBOARD).encode(),
            "frontend/apps/dashboard/web/angular.json": b'{"version": 1, "projects": {}}',
            "frontend/apps/dashboard/web/src/main.ts": b"import { bootstrapApplication }"
            b" from '@angular/platform-browser';\n",
        },
        languages={"TypeScript": 61_000, "Python": 24_000, "HTML": 3_000},
    )
    return install(github_server)


def posts(server: GitHubServer) -> list[str]:
    return [h.path for h in server.hits() if h.path == "/api/graphql"]


def rest(server: GitHubServer) -> list[str]:
    return [h.path for h in server.hits() if h.path.startswith("/api/v3/")]


async def test_a_manifest_four_levels_down_names_its_framework_with_a_token(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    report = await collect(GitHubSource(make_client("tok")), "acme/ledger")
    assert {"Angular", "FastAPI"} <= names(report)
    sha = github_server.repos["acme/ledger"].sha
    # the tree went beside the repository's query; the files chosen from it in one more
    assert rest(github_server) == ["/api/v3/repos/acme/ledger/git/trees/HEAD"]
    assert len(posts(github_server)) == 2
    assert f"{sha}:frontend/apps/dashboard/web/package.json" in route.calls[-1].values()


async def test_the_token_verdict_is_the_one_without_a_token(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    with_token = await collect(GitHubSource(make_client("tok")), "acme/ledger")
    without = await collect(GitHubSource(make_client(None)), "acme/ledger")
    assert names(with_token) == names(without)
    assert [f.name for f in with_token.frameworks or ()] == [
        f.name for f in without.frameworks or ()
    ]


async def test_a_search_page_reads_as_deep(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    source = GitHubSource(make_client("tok"))
    await source.search("ledger")
    assert "Angular" in names(await collect(source, "acme/ledger"))
    sha = github_server.repos["acme/ledger"].sha
    assert rest(github_server) == [f"/api/v3/repos/acme/ledger/git/trees/{sha}"]


async def test_the_tree_is_kept_so_offline_show_says_the_same(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    online = await collect(GitHubSource(make_client("tok")), "acme/ledger")
    sent = len(github_server.hits())
    offline = await collect(GitHubSource(make_client("tok", offline=True)), "acme/ledger")
    assert len(github_server.hits()) == sent
    assert verdict_text(offline) == verdict_text(online)


async def test_a_truncated_tree_is_used_and_said_so(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    repo = github_server.repos["acme/ledger"]
    kept = [e for e in repo.tree if "dashboard" in e["path"] or e["path"] == "frontend"]
    github_server.script(
        "GET",
        "/api/v3/repos/acme/ledger/git/trees/HEAD",
        Reply(200, {"sha": repo.tree_sha, "tree": kept, "truncated": True}),
    )
    report = await collect(GitHubSource(make_client("tok")), "acme/ledger")
    # what GitHub listed and what the three levels showed are both read
    assert {"Angular", "FastAPI"} <= names(report)
    assert any("truncated the file listing" in e for e in report.errors)


async def test_without_core_budget_the_three_levels_still_answer(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    github_server.exhaust("core", "tok")
    report = await collect(GitHubSource(make_client("tok")), "acme/ledger")
    assert "FastAPI" in names(report)
    assert any("3 levels deep only" in e for e in report.errors)


async def test_a_listing_that_ends_above_its_last_level_needs_no_tree_by_commit(
    github_server: GitHubServer, route: GraphQLRoute, make_client: ClientFactory
) -> None:
    github_server.add_repo(
        "acme/flat-api",
        files={
            "README.md": b"# flat\n",
            "api/pyproject.toml": PYPROJECT,
            "api/app/main.py": b"from fastapi import FastAPI\n",
            "web/node_modules/left-pad/index.js": b"module.exports = 1\n",  # vendored: not read
        },
        languages={"Python": 5_000},
    )
    report = await collect(GitHubSource(make_client("tok")), "acme/flat-api")
    assert "FastAPI" in names(report)
    # only the tree sent beside the query (before its listing was known), and no third query
    assert rest(github_server) == ["/api/v3/repos/acme/flat-api/git/trees/HEAD"]
    assert len(posts(github_server)) == 2


def test_listing_cut_looks_at_the_last_level_only() -> None:
    def tree(path: str) -> TreeEntry:
        return TreeEntry(path, "tree", "")

    assert listing_cut([tree("src"), tree("src/Web"), tree("src/Web/ClientApp")])
    assert not listing_cut([tree("src"), tree("src/Web")])
    assert not listing_cut([tree("web/node_modules/react")])  # vendored: never read
    assert not listing_cut([TreeEntry("libs/vendor/sub", "commit", "")])  # a submodule


@pytest.mark.skipif(not CLEAN.is_dir(), reason=f"corpus dev2 not found at {CLEAN}")
async def test_clean_architecture_names_both_clients_with_a_token(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    files_dir = CLEAN / "files"
    github_server.add_repo(
        "jasontaylordev/CleanArchitecture",
        files={
            str(p.relative_to(files_dir)): p.read_bytes()
            for p in files_dir.rglob("*")
            if p.is_file()
        },
        tree=load(CLEAN, "tree.json")["tree"],
        languages=load(CLEAN, "languages.json"),
        sha=(CLEAN / "commit.txt").read_text().strip(),
    )
    install(github_server)
    name = "jasontaylordev/CleanArchitecture"
    with_token = await collect(GitHubSource(make_client("tok")), name)
    without = await collect(GitHubSource(make_client(None)), name)
    assert {"ASP.NET Core", "Angular", "React"} <= names(with_token)
    assert [f.name for f in with_token.frameworks or ()] == [
        f.name for f in without.frameworks or ()
    ]
