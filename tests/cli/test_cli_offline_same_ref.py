"""``show --offline`` reads what the app cached, and the app reads what ``show`` cached.

The app knows a repository's default branch from its search item; ``show`` learns it from the
repository's answer. Both probe the root manifests at ``HEAD`` (``/raw/OWNER/NAME/HEAD/...``) and
read the tree at the branch. Offline, the same repository must read the same from one cache
whichever front end fetched it, without the bundled catalog standing in.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.doubles.cli import point_at, run, without_token
from tests.doubles.clients import ClientFactory
from tests.doubles.corpus import manifest_files
from tests.doubles.github_server import GitHubServer
from tests.doubles.graphql_route import names
from tui.analysis.report import RepoReport
from tui.sources.convert import repo_info
from tui.sources.github import GitHubSource

FLASK = Path(__file__).parents[2] / "../shared/corpus/dev/pallets__flask"


@pytest.fixture
def served(
    github_server: GitHubServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> GitHubServer:
    """Flask (from the corpus: the bundled catalog describes it too) and a repository it does
    not, both answered by the test server; ``repolens`` and the clients share one cache."""
    without_token(monkeypatch, tmp_path)
    github_server.add_repo(
        "pallets/flask",
        files=manifest_files(FLASK, ["pyproject.toml"]),
        languages={"Python": 566_541, "HTML": 405},
        description="Lightweight WSGI web application framework",
    )
    github_server.add_repo(
        "acme/ledger",
        files={"requirements.txt": b"Django==5.0.6\npsycopg==3.1.19\n", "manage.py": b""},
        languages={"Python": 12_000},
        description="books for a shop",
    )
    point_at(monkeypatch, github_server, tmp_path)
    return github_server


async def shown(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``repolens ARGV`` (its own event loop: in a thread, beside the test's)."""
    return await asyncio.to_thread(run, capsys, *argv)


async def opened_in_the_app(make_client: ClientFactory, query: str, full_name: str) -> RepoReport:
    """Search, then open one result with its search item as the hint, as the app does."""
    source = GitHubSource(make_client())
    try:
        found = await source.search(query)
        hint = next(i for i in found.items if i.full_name == full_name)
        return [r async for r in source.report(full_name, hint=hint)][-1]
    finally:
        await source.aclose()


@pytest.mark.parametrize(
    ("query", "full_name", "framework"),
    [("flask", "pallets/flask", "Flask"), ("ledger", "acme/ledger", "Django")],
)
async def test_offline_show_reads_what_the_app_opened(
    served: GitHubServer,
    make_client: ClientFactory,
    capsys: pytest.CaptureFixture[str],
    query: str,
    full_name: str,
    framework: str,
) -> None:
    opened = await opened_in_the_app(make_client, query, full_name)
    assert framework in names(opened)
    assert served.hits(f"/raw/{full_name}/HEAD/")  # the app probed the root where show does
    sent = len(served.hits())
    code, out, err = await shown(capsys, "--offline", "show", full_name)
    assert code == 0, err
    assert "catalog" not in err
    assert "not in the cache" not in out
    assert framework in out
    assert len(served.hits()) == sent


async def test_the_app_offline_reads_what_show_fetched(
    served: GitHubServer, make_client: ClientFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = await shown(capsys, "show", "acme/ledger")
    assert code == 0, err
    assert "Django" in out
    sent = len(served.hits())
    source = GitHubSource(make_client(offline=True))
    hint = repo_info(await source.client.repo("acme/ledger"))  # what the app's item says
    assert hint.default_branch == "main"
    last = [r async for r in source.report("acme/ledger", hint=hint)][-1]
    await source.aclose()
    assert "Django" in names(last)
    assert len(served.hits()) == sent
