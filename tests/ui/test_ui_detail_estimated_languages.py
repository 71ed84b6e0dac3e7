"""Shares counted from the file listing say so above the bar, as the verdict's "≈" and `show` do."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeRepo, FakeSource, settle
from tui.analysis.report import LanguageShare, RepoInfo, RepoReport
from tui.ui.widgets.repo_detail import RepoDetail

INFO = RepoInfo(full_name="acme/shop", description="A shop.")


async def test_the_heading_says_when_shares_are_estimated(tmp_path: Path) -> None:
    source = FakeSource(repos={INFO.full_name: FakeRepo(INFO, {"C#": 900, "TypeScript": 100})})
    app = app_for(source, tmp_path, open_repos=[INFO.full_name])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        heading = detail.query_one("#detail-languages-heading", Label)
        assert str(heading.render()) == "Languages"  # GitHub's own figures
        report = detail.report
        assert isinstance(report, RepoReport)
        shares = (
            LanguageShare("C#", 900, 90.0, None),
            LanguageShare("TypeScript", 100, 10.0, None),
        )
        detail.report = report._replace(languages=shares, languages_estimated=True)
        await pilot.pause()
        assert str(heading.render()) == "Languages, estimated from the file listing"
        assert "≈ 90" in str(detail.query_one("#detail-verdict").render())
