"""Pilot tests of searching again: retry after a failure, offline results, marks made elsewhere."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.github.errors import ApiUnavailable, BadResponse
from tui.sources.base import RepoSource, SourceStatus
from tui.ui.app import FALLBACK, RepoLensApp
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)
DOWN = ApiUnavailable("Cannot reach GitHub (ConnectError).")


def searches(source: FakeSource) -> list[str]:
    """The searches sent so far."""
    return [call for call in source.calls if call.startswith("search:")]


def messages(app: RepoLensApp) -> list[str]:
    """Every notification shown so far."""
    return [str(n.message) for n in app._notifications]


def hint(app: RepoLensApp) -> str:
    """The hint line under the search box."""
    return str(app.screen.query_one("#hint", Static).render())


async def search(app: RepoLensApp, pilot: Pilot[None], query: str) -> None:
    """Type ``query``, press enter and wait for the answer."""
    app.screen.query_one("#query", Input).value = query
    await pilot.press("enter")
    await settle(app, pilot)


async def test_enter_retries_a_failed_search(tmp_path: Path) -> None:
    source = FakeSource(errors={"search": BadResponse("GitHub sent a broken answer.")})
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:go")
        assert messages(app) == ["GitHub sent a broken answer."]
        assert not app.screen.has_class("-searching")
        del source.errors["search"]
        await pilot.press("enter")  # the same query again: it must go out
        await settle(app, pilot)
        assert len(searches(source)) == 2
        assert [r.full_name for r in app.screen.query_one(ResultsTable).repos] == ["gin-gonic/gin"]


async def test_enter_refreshes_the_same_query(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:go")
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(searches(source)) == 2


async def test_offline_results_say_so(tmp_path: Path) -> None:
    app = app_for(FakeSource(fallback=True), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#badge-offline", Label).display
        await search(app, pilot, "language:go")
        assert hint(app).startswith("offline results")
        assert app.screen.query_one("#badge-offline", Label).display


async def test_online_results_do_not_say_offline(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:go")
        assert "offline" not in hint(app)
        assert not app.screen.query_one("#badge-offline", Label).display


def demo() -> tuple[RepoSource, None, SourceStatus]:
    """A demo catalog (never built in these tests)."""
    return FakeSource(), None, SourceStatus(demo=True)


async def test_the_offer_replaces_the_unreachable_error(tmp_path: Path) -> None:
    # the search falls back to the catalog; opening the repository under the cursor then fails
    source = FakeSource(fallback=True, errors={"gin-gonic/gin": DOWN})
    app = app_for(source, tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:go")
        assert app.demo_offered
        assert messages(app) == [FALLBACK]


async def test_the_offer_removes_an_earlier_unreachable_error(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        app.notify(DOWN.user_message, severity="error", markup=False)
        app._unreachable.add(DOWN.user_message)  # as the worker handler records it
        await pilot.pause()
        assert messages(app) == [DOWN.user_message]
        assert app.offer_demo()
        await pilot.pause()
        assert messages(app) == []  # the offer stands where the results would be
        assert str(app.screen.query_one("#welcome", Static).render()) == FALLBACK


async def test_marks_made_in_detail_show_back_in_search(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        name = app.screen.info.full_name
        await pilot.press("space", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(ResultsTable).marked == {name}
        assert "1 marked" in hint(app)
