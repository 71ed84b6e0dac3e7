"""Pilot tests of the detail pane's extras: the notebook view, problems met reading a repo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Static

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.app import RepoLensApp
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.language_bar import LanguageBar
from tui.ui.widgets.repo_detail import RepoDetail

SIZE = (100, 40)
HOSTILE = "[@click=app.quit]x[/]"


def detail_app(source: FakeSource, tmp_path: Path, repo: str) -> RepoLensApp:
    """The app opening ``repo``'s detail (``app_for``)."""
    return app_for(source, tmp_path, open_repos=[repo])


def shown(detail: RepoDetail, selector: str) -> str:
    """What a part of the detail pane says."""
    return str(detail.query_one(selector, Static).render())


async def test_notebooks_get_a_second_bar(tmp_path: Path) -> None:
    app = detail_app(FakeSource(), tmp_path, "google-research/bert")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.query_one(RepoDetail)
        github = detail.query_one("#detail-languages", LanguageBar)
        assert github.shares is not None
        assert "Jupyter Notebook" in [s.name for s in github.shares]
        label = detail.query_one("#detail-notebook-label", Static)
        bar = detail.query_one("#detail-notebook-view", LanguageBar)
        assert label.display
        assert bar.display
        assert "GitHub's view with notebooks set apart" in shown(detail, "#detail-notebook-label")
        assert bar.shares is not None
        assert [s.name for s in bar.shares] == ["Python"]
        assert "Jupyter Notebook" not in str(bar.render())


async def test_no_notebooks_no_second_bar(tmp_path: Path) -> None:
    app = detail_app(FakeSource(), tmp_path, "pallets/flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert not detail.query_one("#detail-notebook-label", Static).display
        assert not detail.query_one("#detail-notebook-view", LanguageBar).display


async def test_problems_show_under_frameworks_as_text(tmp_path: Path) -> None:
    source = FakeSource()
    flask = source.repos["pallets/flask"]
    problems = ("pyproject.toml: not valid TOML (line 3)", f"tree truncated {HOSTILE}")
    source.add([replace(flask, problems=problems)])
    app = detail_app(source, tmp_path, "pallets/flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        box = detail.query_one("#detail-problems", Static)
        assert box.display
        text = shown(detail, "#detail-problems")
        assert text.splitlines() == [f"⚠ {p}" for p in problems]  # the markup stays literal
        assert box.region.y > detail.query_one("#detail-frameworks").region.y
        await pilot.click(box)
        assert app.is_running


async def test_no_problems_no_lines(tmp_path: Path) -> None:
    app = detail_app(FakeSource(), tmp_path, "pallets/flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert not detail.query_one("#detail-problems", Static).display
