"""The weekly-commit chart counts whole commits: its y axis never reads 111.7."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.doubles.fake_source import NOW, FakeRepo, FakeSource, settle
from tui.analysis.report import RepoInfo
from tui.ui.app import make_app
from tui.ui.widgets.charts import ActivityChart, whole_ticks


@pytest.mark.parametrize("top", [1, 2, 3, 7, 13, 134, 999, 5234])
def test_ticks_are_whole_round_and_reach_the_top(top: int) -> None:
    ticks = whole_ticks(top)
    assert ticks[0] == 0
    assert ticks[-1] >= top
    assert len(ticks) <= 5
    steps = {b - a for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    assert steps.pop() in {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000}


async def test_the_drawn_axis_has_no_fractions(tmp_path: Path) -> None:
    source = FakeSource()
    busy = tuple(week % 4 for week in range(52))  # 0 to 3 a week: a default axis reads 0.5, 1.5
    info = RepoInfo("acme/busy", description="Busy", stars=1)
    source.add([FakeRepo(info, {"Python": 1000}, weekly=busy)])
    app = make_app(source, now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["acme/busy"])  # fmt: skip
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")  # without a token, commit activity loads on request
        await settle(app, pilot)
        chart = app.screen.query_one(ActivityChart)
        drawn = chart.plt.build()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    axis = [line.split("┤")[0].strip() for line in plain.splitlines() if "┤" in line]
    assert axis, plain
    assert all(re.fullmatch(r"\d+", label) for label in axis if label), axis
