"""Compare at its edges: a 7th mark, removing a column, ties that read alike, sorting columns."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.binding import Binding

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.analysis.report import RepoInfo, RepoReport
from tui.present.compare_rows import best_first, compare_rows
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.search import SearchScreen

SIZE = (120, 36)


def app_for(source: FakeSource, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    return make_app(source, now=NOW, blink=False, export_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


def columns(app: RepoLensApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return [report.info.full_name for report in screen.reports]


def notices(app: RepoLensApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_seventh_repository_cannot_be_marked_and_says_why(tmp_path: Path) -> None:
    source = FakeSource()
    source.add(FakeSource.many(8))
    app = app_for(source, tmp_path, initial_query="library")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for _ in range(7):
            await pilot.press("space", "down")
        await pilot.pause()
        assert len(app.context.marked) == 6
        assert any("at most 6" in text for text in notices(app))
        await pilot.press("c")
        await settle(app, pilot)
        assert len(columns(app)) == 6


async def test_removing_a_column_also_unmarks_it(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "down", "space", "c")
        await settle(app, pilot)
        first = columns(app)[0]
        await pilot.press("x")
        await pilot.pause()
        assert first not in columns(app)
        assert first not in [r.full_name for r in app.context.marked]
        assert len(app.context.marked) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        table = app.screen.table
        assert table is not None
        assert first not in table.marked


def _report(name: str, pushed_days_ago: float, stars: int) -> RepoReport:
    pushed = NOW - timedelta(days=pushed_days_ago)
    return RepoReport(RepoInfo(name, pushed_at=pushed, created_at=pushed, stars=stars))


def test_ages_that_read_the_same_are_neither_best_nor_worst() -> None:
    rows = compare_rows([_report("a/one", 90, 1), _report("a/two", 91, 2)], NOW)
    for key in ("age", "pushed"):
        row = next(r for r in rows if r.key == key)
        assert row.values[0] == row.values[1]
        assert (row.best, row.worst) == (frozenset(), frozenset())


def test_columns_reading_alike_are_marked_alike() -> None:
    reports = [_report("a/one", 90, 1), _report("a/two", 91, 2), _report("a/old", 800, 3)]
    pushed = next(r for r in compare_rows(reports, NOW) if r.key == "pushed")
    assert pushed.values[0] == pushed.values[1] != pushed.values[2]
    assert pushed.best == {0, 1}
    assert pushed.worst == {2}


def test_best_first_puts_unknown_last() -> None:
    reports = [_report("a/one", 9, 5), RepoReport(RepoInfo("a/none")), _report("a/two", 3, 50)]
    rows = {r.key: r for r in compare_rows(reports, NOW)}
    assert best_first(rows["stars"]) == [2, 0, 1]
    assert best_first(rows["pushed"]) == [2, 0, 1]  # the most recent push first
    assert best_first(rows["age"]) == [0, 2, 1]  # the oldest repository first


async def test_s_orders_the_columns_best_first_row_after_row(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "down", "space", "c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("s")
        await pilot.pause()
        stars = [r.info.stars or 0 for r in screen.reports]
        assert stars == sorted(stars, reverse=True)
        assert any("by stars" in text for text in notices(app))
        await pilot.press("s")
        await pilot.pause()
        forks = [r.info.forks or 0 for r in screen.reports]
        assert forks == sorted(forks, reverse=True)
        sort = [b for b in screen.BINDINGS if isinstance(b, Binding) and b.id == "compare.sort"]
        assert sort
        assert sort[0].tooltip
