"""Pilot tests of marking and the compare view: columns, reorder, remove, open, export."""

from __future__ import annotations

import json
from pathlib import Path

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.app import RepoLensApp
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.compare_table import CompareTable

SIZE = (100, 32)


def columns(app: RepoLensApp) -> list[str]:
    """The compared repositories, left to right."""
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return [report.info.full_name for report in screen.reports]


async def open_compare(app: RepoLensApp, pilot: object) -> None:
    """Mark the first two results and open the compare view."""
    await pilot.press("space", "down", "space", "c")  # type: ignore[attr-defined]


async def test_mark_two_and_compare(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_compare(app, pilot)
        await settle(app, pilot)
        assert columns(app) == ["fastapi/fastapi", "pallets/flask"]
        table = app.screen.query_one(CompareTable)
        assert table.rows_shown[0].key == "verdict"  # the verdict leads, then the facts
        stars = table.rows_shown[1]
        assert stars.key == "stars"
        assert stars.best == {0}
        assert stars.worst == {1}
        keys = [row.key for row in table.rows_shown]
        assert "fw:FastAPI" in keys
        assert "fw:Flask" in keys
        flask_row = next(row for row in table.rows_shown if row.key == "fw:Flask")
        assert flask_row.values == ("·", "★")  # flask is the Flask framework itself


async def test_compare_needs_two(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "c")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert any("Mark 2 to 6" in str(n.message) for n in app._notifications)


async def test_reorder_remove_and_open(tmp_path: Path) -> None:
    repos = ["pallets/flask", "fastapi/fastapi", "gin-gonic/gin"]
    app = app_for(FakeSource(), tmp_path, open_repos=repos)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert columns(app) == repos
        await pilot.press("greater_than_sign")
        assert columns(app) == ["fastapi/fastapi", "pallets/flask", "gin-gonic/gin"]
        assert app.screen.query_one(CompareTable).current_index == 1
        await pilot.press("right", "less_than_sign")
        assert columns(app) == ["fastapi/fastapi", "gin-gonic/gin", "pallets/flask"]
        await pilot.press("x")
        assert columns(app) == ["fastapi/fastapi", "pallets/flask"]
        await pilot.press("left", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.info.full_name == "fastapi/fastapi"
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_export_markdown_and_json(tmp_path: Path) -> None:
    repos = ["pallets/flask", "gin-gonic/gin"]
    app = app_for(FakeSource(), tmp_path, open_repos=repos)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        markdown = tmp_path / "repolens-compare-20260901-120000.md"
        assert markdown.exists()
        text = markdown.read_text(encoding="utf-8")
        assert (
            "| | [pallets/flask](<https://github.com/pallets/flask>) "
            "| [gin-gonic/gin](<https://github.com/gin-gonic/gin>) |"
        ) in text
        assert "| Stars | 72.1k ▼ | 89.1k ▲ |" in text
        assert "| Gin (web-backend) | · | ★ |" in text
        assert "Python 99.9%" in text
        assert any(str(markdown) in str(n.message) for n in app._notifications)
        await pilot.press("j")
        await settle(app, pilot)
        document = json.loads((tmp_path / "repolens-compare-20260901-120000.json").read_text())
        assert document["repositories"] == repos
        forks = next(row for row in document["rows"] if row["key"] == "forks")
        assert forks["values"] == [16944, 8670]
        assert forks["best"] == [0]
        assert document["languages"]["gin-gonic/gin"][0]["name"] == "Go"


async def test_marks_survive_new_search(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:go")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "slash")
        app.screen.query_one("#query").value = "language:rust"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("tab", "space", "c")  # enter searches; tab goes to the results
        await settle(app, pilot)
        assert columns(app) == ["gin-gonic/gin", "BurntSushi/ripgrep"]
