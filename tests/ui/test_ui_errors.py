"""Pilot tests of failure: rate limit mid-session, offline with a warm cache, bugs, badges."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Label

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.github.budget import Budget
from tui.github.errors import NotFound
from tui.sources.base import SourceStatus
from tui.ui.app import RepoLensApp
from tui.ui.widgets.language_bar import LanguageBar
from tui.ui.widgets.rate_meter import RateLimitMeter
from tui.ui.widgets.repo_detail import RepoDetail

SIZE = (100, 32)


def messages(app: RepoLensApp) -> list[str]:
    """Every notification shown so far."""
    return [str(n.message) for n in app._notifications]


def badge(app: RepoLensApp, name: str) -> Label:
    """One badge of the current screen."""
    return app.screen.query_one(f"#badge-{name}", Label)


async def test_rate_limit_reached_mid_session(tmp_path: Path) -> None:
    budget = Budget()
    source = FakeSource(budget=budget)
    core = budget.get("core")
    assert core is not None
    budget.update(replace(core, remaining=3))  # one repository's three steps (no activity)
    app = app_for(source, tmp_path, budget=budget, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        meter = app.screen.query_one(RateLimitMeter)
        assert "core 0/60" in str(meter.render())
        await pilot.press("down")
        await settle(app, pilot)
        assert app.is_running
        assert any(m.startswith("Rate limit reached for GitHub core") for m in messages(app))
        assert meter.has_class("-error")
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        assert detail.report.info.full_name == "pallets/flask"
        assert detail.has_class("-failed")
        assert "languages unavailable" in str(detail.query_one(LanguageBar).render())
        await pilot.press("up")  # what was seen before still shows, from memory
        await settle(app, pilot)
        assert detail.report.frameworks is not None


async def test_meter_warns_when_low(tmp_path: Path) -> None:
    budget = Budget()
    source = FakeSource(budget=budget)
    search = budget.get("search")
    assert search is not None
    budget.update(replace(search, remaining=2))
    app = app_for(source, tmp_path, budget=budget)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        meter = app.screen.query_one(RateLimitMeter)
        assert meter.has_class("-warning")
        assert not meter.has_class("-error")
        assert "search 2/10 ↻ 0:50" in str(meter.render())


async def test_offline_with_warm_cache(tmp_path: Path) -> None:
    source = FakeSource(offline=True, cached={"flask", "pallets/flask"})
    status = SourceStatus(offline=True)
    app = app_for(source, tmp_path, status=status, initial_query="flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert badge(app, "offline").display
        assert badge(app, "stale").display
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        assert detail.report.frameworks is not None
        assert "stale · 3h ago" in str(detail.query_one("#detail-title").render())
        assert detail.has_class("-stale")
        assert not messages(app)


async def test_offline_miss_is_one_line_notification(tmp_path: Path) -> None:
    source = FakeSource(offline=True)
    app = app_for(source, tmp_path, status=SourceStatus(offline=True), initial_query="vue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert messages(app) == ["Offline and this search is not cached."]
        assert app.is_running


async def test_not_found_from_command_line(tmp_path: Path) -> None:
    source = FakeSource(errors={"nobody/nothing": NotFound("No repository nobody/nothing.")})
    app = app_for(source, tmp_path, open_repos=["nobody/nothing"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "No repository nobody/nothing." in messages(app)
        assert app.is_running


async def test_badges_follow_status(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert badge(app, "unauth").display
        assert "set GH_TOKEN" in str(badge(app, "unauth").render())
        assert not badge(app, "offline").display
        assert not badge(app, "demo").display
    status = SourceStatus(demo=True, demo_date="2026-08-22")
    app = app_for(FakeSource(), tmp_path, status=status)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert badge(app, "demo").display
        assert str(badge(app, "demo").render()) == "demo data · 2026-08-22"
        assert not badge(app, "unauth").display


async def test_a_bug_is_not_swallowed(tmp_path: Path) -> None:
    class Broken(FakeSource):
        async def search(self, query: str, **kwargs: object) -> object:  # type: ignore[override]
            raise ZeroDivisionError("a bug")

    app = app_for(Broken(), tmp_path, initial_query="x")  # type: ignore[arg-type]  # a bug on purpose
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)


async def test_clear_cache_from_palette_action(tmp_path: Path) -> None:
    source = FakeSource(cached={"flask"})
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("clear_cache")
        await pilot.press("y")  # it asks first
        await settle(app, pilot)
        assert source.cache_cleared == 1
        assert not source.cached
        assert "Cache cleared." in messages(app)
