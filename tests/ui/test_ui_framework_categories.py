"""Framework groups are named as people say them ("web back end", "ML"), not by rule ids."""

from __future__ import annotations

from pathlib import Path

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.framework_list import FrameworkList


async def test_the_detail_names_its_categories(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["fastapi/fastapi"])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        shown = app.screen.query_one(FrameworkList).render().plain.splitlines()
    assert "web back end" in shown
    assert "web-backend" not in shown


async def test_the_compare_matrix_names_them_too(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["fastapi/fastapi", "microsoft/BioGPT"])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(CompareTable)
        labels = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
    assert "fw · web back end" in labels
    assert "fw · ML" in labels
    assert not any("web-backend" in label for label in labels)
