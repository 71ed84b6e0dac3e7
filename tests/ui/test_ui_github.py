"""The UI over the real client and GitHub source, against the tests' own GitHub-like server."""

from __future__ import annotations

from pathlib import Path

from tests.doubles.apps import app_for
from tests.doubles.clients import ClientFactory
from tests.doubles.fake_source import settle
from tests.doubles.github_server import FakeClock, GitHubServer
from tui.sources.github import GitHubSource
from tui.ui.app import RepoLensApp
from tui.ui.widgets.framework_list import FrameworkList
from tui.ui.widgets.language_bar import LanguageBar
from tui.ui.widgets.rate_meter import RateLimitMeter
from tui.ui.widgets.repo_detail import RepoDetail
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)


def serve_two(server: GitHubServer) -> None:
    """Two repositories a search for ``tool`` finds, with languages and a manifest."""
    server.add_repo(
        "acme/tool",
        files={"requirements.txt": b"torch==2.1.0\n", "train.py": b"import torch\n"},
        languages={"Python": 9000, "Shell": 1000},
        description="A tool [@click=app.quit]x[/]",
        stargazers_count=500,
    )
    server.add_repo("acme/tool-web", languages={"TypeScript": 4000}, stargazers_count=20)


def github_app(make_client: ClientFactory, clock: FakeClock, tmp_path: Path) -> RepoLensApp:
    """The app (``app_for``) over the real client, its budget and the GitHub source."""
    client = make_client()
    source = GitHubSource(client, graphql=False)
    return app_for(source, tmp_path, budget=client.budget, now=clock, initial_query="tool")


async def test_search_and_detail_over_http(
    github_server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock, tmp_path: Path
) -> None:
    serve_two(github_server)
    app = github_app(make_client, fake_clock, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=5)
        table = app.screen.query_one(ResultsTable)
        assert {repo.full_name for repo in table.repos} == {"acme/tool", "acme/tool-web"}
        detail = app.screen.query_one(RepoDetail)
        report = detail.report
        assert report is not None
        assert report.info.full_name == "acme/tool"
        bar = detail.query_one(LanguageBar)
        assert bar.shares is not None
        assert [s.name for s in bar.shares] == ["Python", "Shell"]
        assert detail.query_one(FrameworkList).frameworks is not None
        assert "core" in str(app.screen.query_one(RateLimitMeter).render())
        assert app.is_running


async def test_rate_limit_from_the_server(
    github_server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock, tmp_path: Path
) -> None:
    serve_two(github_server)
    app = github_app(make_client, fake_clock, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=5)
        github_server.exhaust("core", reset_in=600)
        app.context.reports.clear()  # forget what the session saw: ask the server again
        await pilot.press("down")
        await settle(app, pilot, rounds=5)
        assert app.is_running
        messages = [str(n.message) for n in app._notifications]
        assert any("Rate limit" in m for m in messages), messages
        assert "core 0/" in str(app.screen.query_one(RateLimitMeter).render())
