"""StatusBar: the always-visible top line: app name, source badges and the rate-limit meter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label

from tui.github.budget import Budget
from tui.sources.base import SourceStatus
from tui.ui.widgets.rate_meter import RateLimitMeter
from tui.ui.widgets.source_badges import SourceBadges


class StatusBar(Horizontal):
    """``repolens · <screen>  [badges]  core 58/60 ↻ 41:07 · search 9/10 ↻ 0:50``."""

    DEFAULT_CSS = "StatusBar { height: 1; }"

    def __init__(
        self,
        title: str,
        *,
        budget: Budget | None,
        status: SourceStatus,
        clock: Callable[[], datetime],
    ) -> None:
        """Show ``title`` (trusted: a screen name) and watch ``budget``."""
        super().__init__()
        self._title = title
        self._budget = budget
        self._status = status
        self._clock = clock

    def compose(self) -> ComposeResult:
        """Title, badges, a spacer and the meter."""
        yield Label(f"repolens · {self._title}", id="status-title", markup=False)
        badges = SourceBadges(id="badges")
        badges.status = self._status
        yield badges
        yield Label("", id="status-spacer")
        if not self._status.demo:  # the demo catalog spends no GitHub budget: nothing to meter
            yield RateLimitMeter(self._budget, clock=self._clock, id="rate-meter")

    def on_resize(self) -> None:
        """Fit the parts to the new width."""
        self._fit()

    def on_rate_limit_meter_need_changed(self) -> None:
        """Fit the parts to what the meter has to say now."""
        self._fit()

    def on_source_badges_changed(self) -> None:
        """Fit the parts to the badges now shown."""
        self._fit()

    def _fit(self) -> None:
        """Short forms where the long ones would leave the meter no room: the title drops
        "repolens ·" and the no-token badge its figures, so the meter is never cut (and,
        without a token, keeps "≈ 40 more repos")."""
        long_title = f"repolens · {self._title}"
        room = max((meter.needed() for meter in self.query(RateLimitMeter)), default=0)
        needed = len(long_title) + 2 + self.badges.width_needed(compact=False) + room
        inside = self.size.width  # inside the padding
        narrow = needed > inside
        title = self._title if narrow else long_title
        self.query_one("#status-title", Label).update(Content(title))
        self.badges.compact = narrow
        for meter in self.query(RateLimitMeter):  # the title keeps 2 columns from the badges
            meter.room = max(0, inside - len(title) - 2 - self.badges.width_needed(compact=narrow))

    @property
    def badges(self) -> SourceBadges:
        """The badges, for screens to flag stale data."""
        return self.query_one(SourceBadges)
