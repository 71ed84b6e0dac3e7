"""Pilot tests: the verdict is the first line of the preview pane, the detail screen and compare."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.present.verdict import verdict_text
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.compare_table import CompareTable
from tui.ui.widgets.repo_detail import RepoDetail

SIZE = (100, 32)


def app_for(source: FakeSource, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    """The app as the CLI builds it, over ``source``, with a frozen clock."""
    return make_app(source, now=NOW, blink=False, export_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


def first_line(detail: RepoDetail) -> str:
    """The text of the pane's top-most visible part (the verdict), its lines joined."""
    parts = [w for w in detail.query(Static) if w.display and w.region.height]
    top = min(parts, key=lambda w: (w.region.y, w.region.x))
    return " ".join(str(top.render()).splitlines())  # the sentence, as the pane broke it


async def test_preview_pane_opens_with_the_verdict(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        assert detail.report.info.full_name == "pallets/flask"
        line = first_line(detail)
        assert line == verdict_text(detail.report)
        assert line.startswith("pallets/flask is Flask itself, written in Python (")


async def test_detail_screen_opens_with_the_verdict(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["microsoft/BioGPT"])
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.query_one(RepoDetail)
        line = first_line(detail)
        assert line.startswith("microsoft/BioGPT is written in Python (98.8 %), built with")
        assert "PyTorch" in line
        assert "GitHub Actions" not in line


async def test_compare_opens_with_the_verdict_row(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["pallets/flask", "microsoft/BioGPT"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(CompareTable)
        first = table.rows_shown[0]
        assert first.key == "verdict"
        assert first.values[0].splitlines() == ["Python 99.9 %", "is Flask"]
        assert "PyTorch" in first.values[1].splitlines()[1]
        raw = first.raw[1]
        assert isinstance(raw, dict)
        assert raw["text"].startswith("microsoft/BioGPT is written in Python")
