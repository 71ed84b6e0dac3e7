"""The census screen in the demo: a census of the bundled catalog, labelled as demo data."""

from __future__ import annotations

from textual.widgets import Static

from tests.doubles.apps import app_for
from tests.doubles.fake_source import catalog_source, settle
from tui.sources.catalog import load_catalog
from tui.ui.screens.census import CensusScreen
from tui.ui.widgets.census_tables import CensusNumbers


async def test_the_demo_census_counts_the_catalog_and_says_it_is_demo_data() -> None:
    source, budget, status = catalog_source()
    app = app_for(source, budget=budget, status=status, initial_query="language:python")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "C")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CensusScreen)
        summary = screen.query_one("#census-summary", Static)
        assert "nothing is sent to GitHub" in str(summary.render())
        await pilot.press("r")
        await settle(app, pilot, rounds=5)
        census = screen.census
        assert census is not None
        python = [r for r in load_catalog().repos if r.info.primary_language == "Python"]
        assert census.coverage.counted == len(python)
        assert census.coverage.with_frameworks == len(python)
        text = str(summary.render())
        assert f"demo data: the bundled catalog, {load_catalog().data_date}" in text
        names = [n.share.name for n in screen.query_one(CensusNumbers).rows_shown]
        assert "PyTorch" in names
