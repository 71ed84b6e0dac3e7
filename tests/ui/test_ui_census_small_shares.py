"""The census table writes a present share too small for one decimal as ``<0.1 %``, never 0.0 %."""

from __future__ import annotations

from tests.doubles.apps import app_for
from tests.doubles.fake_source import catalog_source, settle
from tui.ui.screens.census import CensusScreen
from tui.ui.widgets.census_tables import CensusNumbers


async def test_tiny_byte_shares_read_less_than_a_tenth() -> None:
    source, budget, status = catalog_source()
    app = app_for(source, budget=budget, status=status, initial_query="language:python")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "C")
        await settle(app, pilot)
        assert isinstance(app.screen, CensusScreen)
        await pilot.press("r")
        await settle(app, pilot, rounds=5)
        table = app.screen.query_one(CensusNumbers)
        shares = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert "<0.1 %" in shares  # the catalog's Python repositories hold a few bytes of CSS
        assert "0.0 %" not in shares
