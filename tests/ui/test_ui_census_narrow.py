"""The census at 80x24: every column of the numbers in view, the trend one key away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from tests.doubles.fake_source import NOW, catalog_source, settle
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.census import CensusScreen
from tui.ui.widgets.census_chart import CensusTrend
from tui.ui.widgets.census_tables import CensusMembers, CensusNumbers


def census_app() -> RepoLensApp:
    source, budget, status = catalog_source()
    return make_app(source, budget=budget, status=status, now=NOW, blink=False,
                    export_dir=Path("/nonexistent"))  # fmt: skip


def _columns_in_view(table: DataTable[Any]) -> list[str]:
    """The labels of the columns whose cells lie wholly inside the table's visible width."""
    shown, x = [], 0
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        if x + width <= table.scrollable_content_region.width:
            shown.append(str(column.label))
        x += width
    return shown


async def test_at_80x24_the_numbers_show_every_column_and_t_shows_the_trend() -> None:
    app = census_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "C")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot, rounds=5)
        screen = app.screen
        assert isinstance(screen, CensusScreen)
        numbers = screen.query_one(CensusNumbers)
        assert _columns_in_view(numbers) == ["Of", "Name", "Share", "Count"]
        members, trend = screen.query_one(CensusMembers), screen.query_one(CensusTrend)
        assert members.display
        assert members.region.height >= 6
        assert not trend.display
        await pilot.press("t")
        await pilot.pause()
        assert trend.display
        assert not members.display
        title = str(trend.border_title)
        assert len(title) + 4 <= trend.region.width  # the title is read whole
        assert title.endswith("no dates known")  # the demo catalog has no creation dates
        await pilot.press("t")
        await pilot.pause()
        assert members.display
        assert not trend.display


async def test_a_wide_census_shows_every_pane_and_no_trend_key() -> None:
    app = census_app()
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "C")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CensusScreen)
        assert screen.query_one(CensusTrend).display
        assert screen.query_one(CensusMembers).display
        assert screen.check_action("trend", ()) is False  # not in the footer: nothing to switch
