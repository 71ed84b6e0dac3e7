"""Pilot tests of keyboard flow: focus stays put, every footer key works, demo listing, plurals."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.actions import parse
from textual.widgets import DataTable, Input

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeRepo, FakeSource, settle
from tui.analysis.report import RepoInfo
from tui.sources.base import SourceStatus
from tui.ui.app import RepoLensApp
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.keys import KeysScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.repo_detail import RepoDetail
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)


def hint(app: RepoLensApp) -> str:
    """The hint line under the search box."""
    return str(app.screen.query_one("#hint").render())


async def test_tab_space_down_space_c_compares_two(tmp_path: Path) -> None:
    app = app_for(FakeSource(report_delay=0.05), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"language:python", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen.focused, Input)  # enter searches; focus stays in the box
        await pilot.press("tab", "space")
        await settle(app, pilot)  # the detail pane fills in meanwhile
        assert isinstance(app.screen.focused, ResultsTable)
        await pilot.press("down", "space")
        await settle(app, pilot)
        assert isinstance(app.screen.focused, ResultsTable)
        await pilot.press("c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [r.info.full_name for r in screen.reports] == ["fastapi/fastapi", "pallets/flask"]


async def test_focus_stays_on_results_while_detail_fills_in(tmp_path: Path) -> None:
    app = app_for(FakeSource(report_delay=0.05), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        assert app.screen.focused is table
        for _ in range(3):
            await pilot.press("down")
            await settle(app, pilot)
            assert app.screen.focused is table
        assert table.cursor_row == 3
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        assert detail.report.info.full_name == "google-research/bert"


async def test_down_from_search_box_goes_to_results(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"language:go", "enter")
        await settle(app, pilot)
        app.screen.query_one("#query", Input).focus()
        await pilot.press("down")
        assert isinstance(app.screen.focused, ResultsTable)
        await pilot.press("slash")
        assert isinstance(app.screen.focused, Input)
        await pilot.press("escape")
        assert isinstance(app.screen.focused, DataTable)


async def test_one_result_is_singular(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:go")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "page 1 · 1 result ·" in hint(app)
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "language:python"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "page 1 · 5 results ·" in hint(app)


async def test_demo_lists_every_repository_by_stars(tmp_path: Path) -> None:
    source = FakeSource()
    status = SourceStatus(demo=True, demo_date="2026-08-21")
    app = app_for(source, tmp_path, status=status)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        shown = screen.query_one(ResultsTable).repos
        assert {r.full_name for r in shown} == set(source.repos)
        stars = [r.stars or 0 for r in shown]
        assert stars == sorted(stars, reverse=True)
        assert "demo catalog (2026-08-21)" in hint(app)
        assert "sort stars" in hint(app)
        assert isinstance(screen.focused, Input)  # ready for a search of one's own


async def test_outside_demo_the_screen_waits_for_a_query(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert source.calls == []
        assert "demo catalog" not in hint(app)
        assert "try language:python" in hint(app)


async def visit(app: RepoLensApp, pilot: object, *keys: str) -> None:
    """Press ``keys`` and wait for what they started."""
    await pilot.press(*keys)  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]


def assert_footer_keys_resolve(app: RepoLensApp) -> int:
    """Every key the footer shows names an action its node really has; returns how many."""
    shown = [b for b in app.active_bindings.values() if b.binding.show]
    for active in shown:
        _, name, _ = parse(active.binding.action)
        assert callable(getattr(active.node, f"action_{name}", None)), active.binding.action
    return len(shown)


async def assert_help_toggles(app: RepoLensApp, pilot: object) -> None:
    """``?`` shows the list of every key, and hides it again."""
    before = app.screen
    await visit(app, pilot, "question_mark")
    assert isinstance(app.screen, KeysScreen)
    await visit(app, pilot, "question_mark")
    assert app.screen is before


async def test_footer_keys_help_escape_and_slash_on_every_screen(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert assert_footer_keys_resolve(app) >= 6
        await assert_help_toggles(app, pilot)
        await visit(app, pilot, "enter")
        assert isinstance(app.screen, DetailScreen)
        assert assert_footer_keys_resolve(app) >= 4
        await assert_help_toggles(app, pilot)
        await visit(app, pilot, "slash")  # from the detail straight back to the search box
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.screen.focused, Input)
        await visit(app, pilot, "escape", "space", "down", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        assert assert_footer_keys_resolve(app) >= 6
        await assert_help_toggles(app, pilot)
        await visit(app, pilot, "enter")
        assert isinstance(app.screen, DetailScreen)
        await visit(app, pilot, "escape")
        assert isinstance(app.screen, CompareScreen)
        await visit(app, pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.screen.focused, Input)


async def test_f1_shows_keys_even_from_the_search_box(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await visit(app, pilot, "f1")
        assert isinstance(app.screen, KeysScreen)
        await visit(app, pilot, "escape")
        assert isinstance(app.screen.focused, Input)  # back in the box, as before


LONG = "an-organisation-with-a-long-name/and-a-repository-with-a-longer-one"


def compare_app(tmp_path: Path, names: list[str]) -> RepoLensApp:
    """The compare view over ``names`` (a long-named repository is known too)."""
    source = FakeSource()
    source.add([FakeRepo(RepoInfo(LONG, stars=1, forks=1), {"Python": 10, "C": 5})])
    return app_for(source, tmp_path, open_repos=names)


async def test_three_columns_share_100_cells(tmp_path: Path) -> None:
    app = compare_app(tmp_path, ["pallets/flask", LONG, "gin-gonic/gin"])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(CompareTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        header = table.columns[table.ordered_columns[2].key].label.plain
        assert header.endswith("…")
        assert LONG.startswith(header[:-1])
        for row in range(table.row_count):
            for cell in table.get_row_at(row)[1:]:
                widest = max(Text(line).cell_len for line in cell.plain.split("\n"))
                assert widest <= table.width_each


async def test_six_columns_scroll_sideways_to_the_current_one(tmp_path: Path) -> None:
    names = ["pallets/flask", LONG, "gin-gonic/gin", "fastapi/fastapi",
             "google-research/bert", "karpathy/nanoGPT"]  # fmt: skip
    app = compare_app(tmp_path, names)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(CompareTable)
        assert table.virtual_size.width > table.scrollable_content_region.width
        assert table.scroll_x == 0
        await visit(app, pilot, *["right"] * 5)
        assert table.current_index == 5
        assert table.scroll_x > 0
        assert table.scroll_x == table.max_scroll_x  # the last column is in full view
        await visit(app, pilot, *["left"] * 5)
        assert table.scroll_x == 0
