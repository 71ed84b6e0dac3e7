"""A preview whose loading failed says the verdict is unavailable, not "loading…" forever."""

from __future__ import annotations

from tui.analysis.report import RepoInfo, RepoReport
from tui.ui.widgets.repo_detail import verdict_line


def test_nothing_known_reads_loading_until_it_fails() -> None:
    report = RepoReport(RepoInfo(full_name="acme/app"))
    assert str(verdict_line(report)) == "verdict: loading…"
    failed = str(verdict_line(report, failed=True))
    assert failed.startswith("verdict: unavailable")
    assert "loading" not in failed
