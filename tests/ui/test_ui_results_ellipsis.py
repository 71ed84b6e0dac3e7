"""Results table cells cut to fit end in …; the description takes the width that is left."""

from __future__ import annotations

import pytest

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.widgets.results_table import DESCRIPTION_WIDTH, ResultsTable


def _cells(table: ResultsTable, column: str) -> list[str]:
    return [table.get_cell(repo.full_name, column).plain for repo in table.repos]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_descriptions_fit_the_table_and_end_in_an_ellipsis(size: tuple[int, int]) -> None:
    app = app_for(FakeSource(), initial_query="language:python")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        assert table.repos
        width = table.columns[next(k for k in table.columns if k == "description")].width
        total = sum(column.get_render_width(table) for column in table.columns.values())
        if width > DESCRIPTION_WIDTH[0]:  # room enough: nothing runs past the table's edge
            assert total <= table.scrollable_content_region.width
        cut = 0
        for repo, shown in zip(table.repos, _cells(table, "description"), strict=True):
            whole = " ".join((repo.description or "").split())
            assert len(shown) <= width
            if shown != whole:
                assert shown.endswith("…")
                assert whole.startswith(shown[:-1])
                cut += 1
        if size[0] == 80:
            assert cut  # the fake's descriptions are longer than 80 columns leave


async def test_a_narrower_terminal_cuts_the_descriptions_again() -> None:
    app = app_for(FakeSource(), initial_query="language:python")
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        wide = _cells(table, "description")
        await pilot.resize_terminal(90, 40)
        await settle(app, pilot)
        narrow = _cells(table, "description")
        assert narrow != wide
        assert all(n == w or n.endswith("…") for n, w in zip(narrow, wide, strict=True))
