"""Pilot tests of the first-run fallback: GitHub unreachable, nothing cached, demo offered."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Label, Static

from tests.doubles.apps import app_for
from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.github.budget import Budget
from tui.github.errors import ApiUnavailable
from tui.github.models import RateBucket
from tui.sources.base import RepoSource, SourceStatus
from tui.ui.app import FALLBACK, RepoLensApp
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.rate_meter import RateLimitMeter
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)
DOWN = ApiUnavailable("Cannot reach GitHub (ConnectError).")
DEMO_STATUS = SourceStatus(demo=True, demo_date="2026-08-21")


class DemoFactory:
    """Builds a demo source with its own budget, and counts how often it was asked to."""

    def __init__(self) -> None:
        self.built = 0
        self.source = FakeSource()
        self.budget = Budget()
        self.budget.update(RateBucket("core", 5000, 4321, 679, NOW + timedelta(minutes=30)))

    def __call__(self) -> tuple[RepoSource, Budget | None, SourceStatus]:
        self.built += 1
        return self.source, self.budget, DEMO_STATUS


def messages(app: RepoLensApp) -> list[str]:
    """Every notification shown so far."""
    return [str(n.message) for n in app._notifications]


async def search(app: RepoLensApp, pilot: object, query: str) -> None:
    """Type ``query`` in the search box, press enter and wait for the answer."""
    app.screen.query_one("#query", Input).value = query
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]


async def test_unreachable_first_search_offers_the_demo(tmp_path: Path) -> None:
    demo = DemoFactory()
    app = app_for(FakeSource(errors={"search": DOWN}), tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:python")
        # one line where the results would be, instead of the raw error
        assert str(app.screen.query_one("#welcome", Static).render()) == FALLBACK
        assert messages(app) == []
        assert demo.built == 0
        assert app.screen.focused is None  # the box lets go, so that d is a key, not a letter
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert demo.built == 1
        assert app.context.source is demo.source
        assert screen.query_one("#badge-demo", Label).display
        assert not screen.query_one("#badge-unauth", Label).display
        assert not screen.query(RateLimitMeter)  # the demo spends no budget: no meter
        names = {r.full_name for r in screen.query_one(ResultsTable).repos}
        assert names == set(demo.source.repos)
        await pilot.press("d")  # already on the demo: nothing is rebuilt
        await settle(app, pilot)
        assert demo.built == 1


async def test_unreachable_first_detail_offers_the_demo(tmp_path: Path) -> None:
    demo = DemoFactory()
    source = FakeSource(errors={"pallets/flask": DOWN})
    app = app_for(source, tmp_path, demo=demo, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        assert messages(app) == [FALLBACK]
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert len(app.screen_stack) == 1
        assert app.context.status.demo


async def test_no_offer_once_github_has_answered(tmp_path: Path) -> None:
    demo = DemoFactory()
    source = FakeSource()
    app = app_for(source, tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:go")
        source.errors["search"] = DOWN
        await search(app, pilot, "language:rust")
        assert FALLBACK not in messages(app)
        assert any("Cannot reach GitHub" in m for m in messages(app))
        await pilot.press("tab", "d")
        await settle(app, pilot)
        assert demo.built == 0
        assert not app.context.status.demo


async def test_without_a_demo_the_error_is_reported(tmp_path: Path) -> None:
    app = app_for(FakeSource(errors={"search": DOWN}), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "language:python")
        assert messages(app) == ["Cannot reach GitHub (ConnectError)."]


async def test_palette_offers_the_demo(tmp_path: Path) -> None:
    demo = DemoFactory()
    app = app_for(FakeSource(), tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"demo catalog")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert demo.built == 1
        assert app.context.status.demo


async def test_search_answered_offline_by_fallback_offers_the_demo(tmp_path: Path) -> None:
    demo = DemoFactory()
    source = FakeSource(offline=True, cached={"flask"})  # the source fell back to its cache
    app = app_for(source, tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "flask")
        assert messages(app)[0] == FALLBACK
        assert messages(app).count(FALLBACK) == 1  # later misses say only what they are
        await pilot.press("d")
        await settle(app, pilot)
        assert app.context.status.demo


async def test_chosen_offline_mode_is_not_second_guessed(tmp_path: Path) -> None:
    demo = DemoFactory()
    source = FakeSource(offline=True, cached={"flask", "pallets/flask"})
    status = SourceStatus(offline=True)
    app = app_for(source, tmp_path, demo=demo, status=status)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "flask")
        assert FALLBACK not in messages(app)


async def test_cli_demo_factory_serves_the_catalog(tmp_path: Path) -> None:
    from tui.cli.run_app import demo_factory
    from tui.sources.factory import Options
    from tui.sources.router import Router

    source, budget, status = demo_factory(Options(api_url="http://127.0.0.1:9", no_cache=True))
    assert isinstance(source, Router)
    try:
        assert source.github is None  # nothing is sent: the catalog answers everything
        assert status.demo
        assert status.demo_date
        assert not status.authenticated
        assert budget is None  # it spends none
        found = await source.search("is:public", sort="stars")
        assert found.total_count == len(found.items) > 1
    finally:
        await source.aclose()


class ProbedSource(FakeSource):
    """A fake source that answers the start-up probe as told."""

    def __init__(self, reachable: bool) -> None:
        super().__init__()
        self.reachable = reachable
        self.probed = 0

    async def probe(self) -> bool:
        self.probed += 1
        return self.reachable


async def test_no_network_and_no_cache_offers_the_demo_at_start(tmp_path: Path) -> None:
    demo = DemoFactory()
    source = ProbedSource(reachable=False)
    app = app_for(source, tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert source.probed == 1
        # before any search: the first screen already says so, and offers the catalog
        assert str(app.screen.query_one("#welcome", Static).render()) == FALLBACK
        assert [c for c in source.calls if c.startswith("search:")] == []
        await pilot.press("d")
        await settle(app, pilot)
        assert app.context.source is demo.source
        assert {r.full_name for r in app.screen.query_one(ResultsTable).repos}


async def test_a_reachable_github_offers_nothing(tmp_path: Path) -> None:
    source = ProbedSource(reachable=True)
    app = app_for(source, tmp_path, demo=DemoFactory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert source.probed == 1
        assert str(app.screen.query_one("#welcome", Static).render()) != FALLBACK
        assert not app.demo_offered


async def test_offline_on_purpose_is_not_probed(tmp_path: Path) -> None:
    source = ProbedSource(reachable=False)
    app = app_for(source, tmp_path, demo=DemoFactory(), status=SourceStatus(offline=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert source.probed == 0
