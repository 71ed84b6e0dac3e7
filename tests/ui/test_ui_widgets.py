"""Unit tests of the UI's pure parts: formatting, bar widths, comparison rows, palette commands."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.command import CommandPalette

from tests.doubles.fake_source import NOW, FakeSource, settle, shares
from tui.analysis.report import LanguageShare, RepoInfo, RepoReport
from tui.present.compare_rows import compare_rows, extremes
from tui.present.format import (
    UNKNOWN,
    age,
    count,
    countdown,
    language_color,
    plural,
    size_bytes,
)
from tui.present.verdict import grouped
from tui.ui.app import make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.compare_table import COLUMN_WIDTH, LABEL_WIDTH, column_width
from tui.ui.widgets.language_bar import bar_text, legend_text, segment_widths


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, UNKNOWN), (0, "0"), (999, "999"), (1000, "1k"), (12345, "12.3k"), (2_500_000, "2.5M")],
)
def test_count(value: int | None, shown: str) -> None:
    assert count(value) == shown


@pytest.mark.parametrize(
    ("delta", "shown"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=5), "5m ago"),
        (timedelta(hours=3), "3h ago"),
        (timedelta(days=3), "3d ago"),
        (timedelta(days=65), "2mo ago"),
        (timedelta(days=800), "2y ago"),
    ],
)
def test_age(delta: timedelta, shown: str) -> None:
    assert age(NOW - delta, NOW) == shown


def test_countdown_and_sizes() -> None:
    assert countdown(NOW + timedelta(minutes=41, seconds=7), NOW) == "41:07"
    assert countdown(NOW + timedelta(hours=1, seconds=1), NOW) == "1:00:01"
    assert countdown(NOW - timedelta(minutes=1), NOW) == "0:00"
    assert size_bytes(780) == "780 B"
    assert size_bytes(63833) == "62.3 KiB"


def test_language_colours_come_from_linguist() -> None:
    assert language_color("Python").lower() == "#3572a5"
    assert language_color("Go").lower() == "#00add8"
    assert language_color("No Such Language") == language_color(None)


@pytest.mark.parametrize("width", [1, 7, 40, 83])
def test_segments_fill_the_width_and_keep_tiny_shares_visible(width: int) -> None:
    langs = shares({"Python": 3971980, "JavaScript": 1066, "Shell": 574})
    widths = segment_widths(langs, width)
    assert sum(widths) == width
    if width >= len(langs) + 1:
        assert all(w >= 1 for w in widths)
    assert widths[0] == max(widths)
    assert bar_text(langs, width).cell_len == width


def test_legend_has_percent_and_bytes() -> None:
    legend = legend_text(shares({"Python": 63833, "Shell": 780})).plain
    assert "Python 98.8% (62.3 KiB)" in legend
    assert "Shell 1.2% (780 B)" in legend
    tiny = legend_text((LanguageShare("CSS", 18, 0.0, None),)).plain
    assert "CSS <0.1%" in tiny


def test_extremes() -> None:
    none: frozenset[int] = frozenset()
    assert extremes([3.0, 1.0, 2.0], higher_is_better=True) == (frozenset({0}), frozenset({1}))
    assert extremes([3.0, 1.0, 2.0], higher_is_better=False) == (frozenset({1}), frozenset({0}))
    assert extremes([None, 2.0, 2.0], higher_is_better=True) == (none, none)
    assert extremes([None, 2.0], higher_is_better=True) == (none, none)


def test_compare_rows_align_and_group() -> None:
    source = FakeSource()
    reports = [
        RepoReport(r.info, shares(r.languages), r.frameworks)
        for r in (source.repos["shadcn-ui/taxonomy"], source.repos["microsoft/BioGPT"])
    ]
    rows = compare_rows(reports, NOW)
    assert all(len(row.values) == 2 for row in rows)
    assert rows[0].key == "verdict"
    stars = rows[1]
    assert stars.values == ("16.6k", UNKNOWN)
    assert not stars.best  # one known value is no contest
    groups = [row.group for row in rows if row.key.startswith("fw:")]
    # categories in the one order of tui.present.verdict, each in one block
    everything = [f for r in reports for f in r.frameworks or ()]
    assert list(dict.fromkeys(groups)) == [f"frameworks: {c}" for c, _ in grouped(everything)]
    assert groups == sorted(groups, key=groups.index)  # each category's rows together
    react = next(row for row in rows if row.key == "fw:React")
    assert react.values == ("✓", "·")
    loading = compare_rows([RepoReport(RepoInfo("a/b")), reports[0]], NOW)
    assert next(row for row in loading if row.key == "fw:React").values == ("…", "✓")


async def test_palette_offers_the_screen_actions(tmp_path: Path) -> None:
    app = make_app(FakeSource(), now=NOW, blink=False, initial_query="language:go")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Sort by stars")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.sort == "stars"
        await pilot.press("ctrl+p", *"vuejs/core")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.info.full_name == "vuejs/core"


async def test_two_to_six_repos_open_compare(tmp_path: Path) -> None:
    names = [r.info.full_name for r in FakeSource().repos.values()]
    app = make_app(FakeSource(), now=NOW, blink=False, open_repos=names[:7])
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [r.info.full_name for r in screen.reports] == names[:6]


@pytest.mark.parametrize(
    ("n", "shown"), [(0, "0 results"), (1, "1 result"), (2, "2 results"), (1234, "1,234 results")]
)
def test_plural(n: int, shown: str) -> None:
    assert plural(n, "result") == shown


def test_compare_columns_share_the_width() -> None:
    three = column_width(96, 3)
    assert LABEL_WIDTH + 2 + 3 * (three + 2) <= 96
    assert column_width(96, 6) == COLUMN_WIDTH[0]  # too narrow for six: they scroll instead
    assert column_width(400, 2) == COLUMN_WIDTH[1]


async def test_activity_chart_says_when_a_year_had_no_commits() -> None:
    from textual.app import App, ComposeResult

    from tui.sources.base import Activity
    from tui.ui.widgets.charts import ActivityChart

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ActivityChart()

    async with Host().run_test(size=(80, 20)) as pilot:
        chart = pilot.app.query_one(ActivityChart)
        chart.show(Activity(tuple((f"2026-01-{d:02d}", 0) for d in range(1, 8))))
        await pilot.pause()
        assert "No commits in the last year" in chart.plt.build()
        chart.show(Activity((("2026-01-01", 3), ("2026-01-08", 0))))
        await pilot.pause()
        assert "No commits in the last year" not in chart.plt.build()
