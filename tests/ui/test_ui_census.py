"""The census screen: opened from a search, planned before spending, drilled down."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from tests.doubles.clients import ClientFactory
from tests.doubles.fake_source import settle
from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import GitHubServer
from tui.sources.base import SourceStatus
from tui.sources.catalog import CatalogSource
from tui.sources.github import GitHubSource
from tui.sources.router import Router
from tui.ui.app import make_app
from tui.ui.screens.census import CensusScreen
from tui.ui.widgets.census_tables import CensusMembers, CensusNumbers


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_census_of_a_search_plans_runs_and_drills_down(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    made = populate(github_server, 240)
    install(github_server)
    client = make_client("tok")
    status = SourceStatus(authenticated=True, token_source="GH_TOKEN")
    app = make_app(
        Router(GitHubSource(client), CatalogSource()),  # as the app is wired for real
        budget=client.budget,
        status=status,
        initial_query="census",
        now=make_client.clock,
        blink=False,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        searched = len(github_server.hits("/api/graphql"))
        await pilot.press("C")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CensusScreen)
        # the search said 240 match: that is what is planned (its count is free)
        summary = _text(screen, "#census-summary")
        assert "240 repositories: 3 searches and about 9 GraphQL points" in summary
        assert len(github_server.hits("/api/graphql")) == searched  # nothing spent before r

        await pilot.press("r")
        await settle(app, pilot, rounds=5)
        census = screen.census
        assert census is not None
        assert census.coverage.counted == 240
        assert census.coverage.with_frameworks == 240
        assert "240 repositories (done)" in _text(screen, "#census-summary")

        numbers = screen.query_one(CensusNumbers)
        row = next(i for i, n in enumerate(numbers.rows_shown) if n.share.name == "PyTorch")
        numbers.focus()
        numbers.move_cursor(row=row)
        await settle(app, pilot)
        members = screen.query_one(CensusMembers)
        expected = {n for n, fws in made.expected.items() if "PyTorch" in fws}
        assert {r.full_name for r in members.rows_shown} == expected

        members.focus()
        await pilot.press("space")
        assert [r.full_name for r in screen.context.marked] == [members.rows_shown[0].full_name]
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DetailScreen"
