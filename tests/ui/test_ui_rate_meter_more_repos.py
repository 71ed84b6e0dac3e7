"""Without a token, "≈ N more repos" stays on the meter when core runs low, at every width."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.doubles.fake_source import FakeSource, settle
from tui.github.budget import Budget
from tui.github.models import RateBucket
from tui.sources.base import SourceStatus
from tui.ui.app import make_app
from tui.ui.widgets.rate_meter import RateLimitMeter, variants
from tui.ui.widgets.status_bar import StatusBar

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def anonymous(core_left: int, now: datetime = NOW) -> dict[str, RateBucket]:
    return {
        "core": RateBucket("core", 60, core_left, 60 - core_left, now + timedelta(minutes=41)),
        "search": RateBucket("search", 10, 9, 1, now + timedelta(minutes=1)),
    }


def test_the_estimate_outlasts_the_search_bucket_but_not_core() -> None:
    shown = [v.plain for v in variants(anonymous(core_left=10), NOW)]
    with_estimate = [v for v in shown if "≈ 8 more repos" in v]
    assert "core 10/60 ↻ 41:00 · ≈ 8 more repos" in with_estimate  # search gave way first
    assert shown[-1] == "core 10/60 ↻ 41:00"  # the narrowest: core alone, with its countdown


def test_a_bucket_running_low_goes_after_the_estimate() -> None:
    """A low search bucket explains the meter's warning colour: it stays longer."""
    low = RateBucket("search", 10, 2, 8, NOW + timedelta(seconds=50))
    shown = [v.plain for v in variants(dict(anonymous(core_left=48), search=low), NOW)]
    fitting = next(v for v in shown if len(v) <= len("core 48/60 · search 2/10 ↻ 0:50 · ≈"))
    assert fitting == "core 48/60 · search 2/10 ↻ 0:50"
    assert shown[2] == "core 48/60 · search 2/10 ↻ 0:50 · ≈ 40 more repos"  # room enough


@pytest.mark.parametrize(
    ("host", "stale", "core_left"),
    [("github.com", False, 10), ("github.com", True, 10), ("ghe.example.com", False, 10),
     ("ghe.example.com", True, 10), ("ghe.example.com", True, 48)],
)  # fmt: skip
async def test_more_repos_at_every_width_from_100(
    host: str, stale: bool, core_left: int, tmp_path: Path
) -> None:
    """From 100 columns up (from 80 with github.com's shorter badge) the estimate is shown
    whole, whatever the badges; resizing one column at a time never cuts the meter."""
    budget = Budget()
    status = SourceStatus(authenticated=False, host=host)
    app = make_app(FakeSource(budget=budget), budget=budget, status=status, blink=False,
                   export_dir=tmp_path)  # fmt: skip
    async with app.run_test(size=(200, 24)) as pilot:
        for value in anonymous(core_left, datetime.now(UTC)).values():
            budget.update(value)
        app.screen.query_one(StatusBar).badges.stale = stale
        for width in range(200, 79, -1):
            await pilot.resize_terminal(width, 24)
            await settle(app, pilot, rounds=1)
            meter = app.screen.query_one(RateLimitMeter)
            shown = meter.render().plain
            assert meter.region.right <= width, (width, meter.region)
            assert meter.size.width >= len(shown), (width, shown)  # nothing of it cut
            if width >= 100 or (host == "github.com" and not stale):
                assert f"≈ {int(core_left / 1.2)} more repos" in shown, (width, shown)
