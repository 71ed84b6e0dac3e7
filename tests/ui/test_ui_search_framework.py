"""The search box's ``framework:`` qualifier: judged after GitHub's answer, pending rows marked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from tests.doubles.apps import app_for
from tests.doubles.clients import ClientFactory
from tests.doubles.fake_source import settle
from tests.doubles.generated_repos import Generated, install, populate
from tests.doubles.github_server import GitHubServer
from tui.sources.base import SourceStatus
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.router import Router
from tui.ui.app import RepoLensApp
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.results_table import ResultsTable

SIZE = (120, 36)


def _app(client: Any, tmp_path: Path, query: str, *, token: bool) -> RepoLensApp:
    status = SourceStatus(authenticated=token, token_source="GH_TOKEN" if token else None)
    source = Router(GitHubSource(client), CatalogSource())  # as the app is wired for real
    return app_for(source, tmp_path, budget=client.budget, status=status, initial_query=query)


def _hint(app: RepoLensApp) -> str:
    return str(app.screen.query_one("#hint", Static).render())


def _marks(table: ResultsTable) -> dict[str, str]:
    return {r.full_name: str(table.get_cell(r.full_name, "mark")) for r in table.repos}


async def test_with_a_token_the_page_is_judged_and_only_matches_remain(
    github_server: GitHubServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    made: Generated = populate(github_server, 90)
    install(github_server)
    app = _app(make_client("tok"), tmp_path, "census framework:pytorch", token=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        table = screen.query_one(ResultsTable)
        shown = [r.full_name for r in table.repos]
        assert shown
        assert all("PyTorch" in made.expected[name] for name in shown)
        assert screen.judged is not None
        assert screen.judged.pending == ()
        assert len(shown) + screen.judged.dropped == 30  # one page of GitHub's answer
        assert "framework:pytorch " in _hint(app)
        assert f"{len(shown)} match" in _hint(app)
        assert "?" not in _marks(table).values()


async def test_without_budget_results_stay_pending_marked_and_counted(
    github_server: GitHubServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    populate(github_server, 90)
    install(github_server)
    github_server.exhaust("core", reset_in=1800)  # spent elsewhere this hour
    app = _app(make_client(None), tmp_path, "census framework:react", token=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        assert len(table.repos) == 30  # none dropped unjudged, none passed off as a match
        assert set(_marks(table).values()) == {"?"}
        assert "framework:react 0 match, 30 pending ?, 0 not" in _hint(app)
        assert "resets " in _hint(app)
        refused = [h for h in github_server.hits() if h.status in (403, 429)]
        assert not refused  # nothing was sent that the budget said would be refused


async def test_a_misspelt_framework_is_one_notification_and_no_search(
    github_server: GitHubServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    populate(github_server, 10)
    install(github_server)
    app = _app(make_client(None), tmp_path, "", token=False)
    async with app.run_test(size=SIZE) as pilot:
        box = app.screen.query_one("#query", Input)
        box.value = "census framework:djnago"
        await pilot.press("enter")
        await settle(app, pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("Unknown framework 'djnago'" in n and "Django (django)" in n for n in notes)
        assert not github_server.hits("/api/v3/search")
        assert app.screen.query("#welcome")  # no results table: nothing was searched
