"""The repository's facts wrap between facts, never inside one: "issues" keeps its count."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.text import Text

from tests.doubles.apps import app_for
from tests.doubles.fake_source import NOW, FakeRepo, FakeSource, settle
from tui.analysis.report import RepoInfo, RepoReport, SourceInfo
from tui.ui.widgets.fact_flow import Fact, FactFlow, flow
from tui.ui.widgets.repo_detail import meta_text, title_facts

INFO = RepoInfo(
    full_name="acme/widgets", description="Widgets.", homepage="https://acme.example/widgets",
    stars=123_456, forks=98_765, open_issues=12_345, license="Apache-2.0",
    topics=("machine-learning", "web", "command-line-tool", "a"),
    created_at=datetime(2019, 3, 1, tzinfo=UTC), pushed_at=datetime(2026, 6, 30, tzinfo=UTC),
)  # fmt: skip
NUMBERS = ("★ 123.5k", "forks 98.8k", "issues 12.3k", "created 2019-03-01",
           "pushed 2026-06-30", "(2mo ago)")  # fmt: skip
"""Each a number with its unit or label: whole on one line at any width."""
OTHERS = ("licence Apache-2.0", "homepage https://acme.example/widgets", "machine-learning",
          "command-line-tool")  # fmt: skip
"""Whole wherever the pane is wide enough for them."""


def on_screen(widget: FactFlow) -> list[str]:
    """The lines the widget draws, as the terminal shows them."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def test_flow_breaks_between_facts() -> None:
    facts = [[Fact(Text("forks 9.8k")), Fact(Text("issues 12")), Fact(Text("(3mo)"), " ")]]
    assert flow(facts, 40).plain == "forks 9.8k   issues 12 (3mo)"
    assert flow(facts, 22).plain == "forks 9.8k   issues 12\n(3mo)"
    assert flow(facts, 21).plain == "forks 9.8k\nissues 12 (3mo)"
    assert flow(facts, 5).plain == "forks 9.8k\nissues 12\n(3mo)"  # too narrow: one per line


@pytest.mark.parametrize(
    ("full_screen", "widths"),
    [(False, range(200, 59, -1)), (True, (*range(200, 59, -10), 97, 81, 80, 79, 61))],
)
async def test_no_fact_is_split_at_any_width_from_60_to_200(
    full_screen: bool, widths: Iterable[int], tmp_path: Path
) -> None:
    """In the preview beside the results (every width) and full screen (a sample)."""
    source = FakeSource(repos={INFO.full_name: FakeRepo(INFO, {"Python": 1000})})
    opened = {"open_repos": [INFO.full_name]} if full_screen else {"initial_query": "widgets"}
    app = app_for(source, tmp_path, **opened)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        for width in widths:
            await pilot.resize_terminal(width, 50)
            await pilot.pause()
            meta = app.screen.query_one("#detail-meta", FactFlow)
            lines = on_screen(meta)
            fitting = [f for f in OTHERS if len(f) <= meta.size.width]
            for fact in (*NUMBERS, *fitting):
                assert any(fact in line for line in lines), (width, fact, lines)


def test_an_unknown_push_is_one_dash_without_an_age() -> None:
    unknown = meta_text(RepoInfo("acme/new"), NOW).plain
    assert "pushed \u2013" in unknown
    assert "(" not in unknown  # no age in brackets after the dash
    assert "pushed 2026-06-30 (2mo ago)" in meta_text(INFO, NOW).plain


def test_the_cache_badge_keeps_its_age() -> None:
    """``cached 10m ago`` moves below a long name whole, not "cached" on one line."""
    report = RepoReport(
        INFO, source=SourceInfo("github", from_cache=True, fetched_at=NOW - timedelta(minutes=10))
    )
    for width in range(14, 40):
        lines = flow(title_facts(report, NOW), width).plain.splitlines()
        assert any("cached 10m ago" in line for line in lines), (width, lines)
