"""Context: what every screen shares: source, budget, status, clock, marks, known reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from tui.analysis.report import RepoInfo, RepoReport
from tui.github.budget import Budget
from tui.sources.base import Activity, RepoSource, SourceStatus
from tui.ui.prefs import Prefs

MAX_MARKED = 6
"""The most repositories a comparison takes: a 7th cannot be marked."""

HEALTHY_SHARE = 0.5
"""Prefetch neighbours only while more than this share of the core budget is left."""


#: How long a "GitHub is computing it" answer stands before the chart asks again.
RECOMPUTE_AFTER = timedelta(minutes=2)


@dataclass
class Context:
    """Shared state handed to each screen's constructor.

    Attributes:
        source: Where repositories come from.
        budget: GitHub's rate-limit state, when the source has one.
        status: What the badges show (token, offline, demo).
        clock: "Now", injectable so tests and screenshots do not drift.
        export_dir: Where comparisons are exported; ``None``: ``default_export_dir()``.
        blink: Blink text cursors (off in snapshot tests).
        reports: The most complete report seen per repository in this session.
        marked: Repositories marked for comparison, in marking order.
        answered: Some search or report has been answered (not from the offline fallback).
        activity: Commit activity seen per repository, with when it was seen: while GitHub is
            still computing it each ask costs a request, so asking again waits a while.
        prefs: What is remembered between runs (theme, search history).
    """

    source: RepoSource
    budget: Budget | None
    status: SourceStatus
    clock: Callable[[], datetime]
    export_dir: Path | None
    blink: bool = True
    reports: dict[str, RepoReport] = field(default_factory=dict)
    marked: list[RepoInfo] = field(default_factory=list)
    answered: bool = False
    activity: dict[str, tuple[Activity, datetime]] = field(default_factory=dict)
    prefs: Prefs = field(default_factory=Prefs)

    def known_activity(self, full_name: str) -> Activity | None:
        """Activity seen before, unless it was still being computed a while ago."""
        seen = self.activity.get(full_name)
        if seen is None:
            return None
        activity, when = seen
        if activity.computing and self.clock() - when > RECOMPUTE_AFTER:
            return None
        return activity

    def remember(self, report: RepoReport) -> None:
        """Keep ``report`` unless a more complete one is already known."""
        known = self.reports.get(report.info.full_name)
        if known is None or completeness(report) >= completeness(known):
            self.reports[report.info.full_name] = report

    def budget_healthy(self) -> bool:
        """Whether speculative requests (prefetch) are affordable right now."""
        core = self.budget.get("core") if self.budget is not None else None
        if core is None:
            return self.status.authenticated and not self.status.offline
        return core.limit > 0 and core.remaining / core.limit > HEALTHY_SHARE

    def prefetch_affordable(self) -> bool:
        """Prefetch neighbours only with a token and a healthy budget; never without a token.

        Without a token each prefetched repository spends a share of 60 requests an hour on
        something the user may never look at.
        """
        return self.status.authenticated and not self.status.offline and self.budget_healthy()

    def toggle_mark(self, info: RepoInfo) -> bool | None:
        """Mark or unmark ``info``; returns whether it is now marked, ``None`` when refused.

        A 7th repository is refused: compare takes at most ``MAX_MARKED``.
        """
        if self.unmark(info.full_name):
            return False
        if len(self.marked) >= MAX_MARKED:
            return None
        self.marked.append(info)
        return True

    def unmark(self, full_name: str) -> bool:
        """Forget the mark on ``full_name``; returns whether it was marked."""
        kept = [repo for repo in self.marked if repo.full_name != full_name]
        removed = len(kept) != len(self.marked)
        self.marked[:] = kept  # the same list: screens hold it
        return removed


def completeness(report: RepoReport) -> int:
    """How many of the parts that arrive later a report already has (0 to 2)."""
    return (report.languages is not None) + (report.frameworks is not None)


def default_export_dir() -> Path:
    """``<documents>/repolens``: where comparisons go unless a directory is given."""
    import platformdirs  # only needed here

    return Path(platformdirs.user_documents_dir()) / "repolens"
