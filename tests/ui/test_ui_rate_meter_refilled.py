"""A bucket whose reset has passed shows refilled on the meter, not spent at ``↻ 0:00``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.github.budget import Budget
from tui.github.models import RateBucket
from tui.sources.base import SourceStatus
from tui.ui.app import make_app
from tui.ui.widgets.rate_meter import RateLimitMeter, variants


def spent(resource: str = "core", limit: int = 60, minutes: int = 5) -> RateBucket:
    return RateBucket(resource, limit, 0, limit, NOW + timedelta(minutes=minutes))


def test_variants_show_a_passed_reset_as_a_full_bucket() -> None:
    buckets = {"core": spent(), "search": spent("search", 10, 1)}
    before = variants(buckets, NOW)[0].plain
    assert before.startswith("core 0/60 ↻ 5:00 · search 0/10 ↻ 1:00")
    after = variants(buckets, NOW + timedelta(minutes=2))[0].plain
    assert after.startswith("core 0/60 ↻ 3:00 · search 10/10 ·")  # search's minute is over
    later = variants(buckets, NOW + timedelta(minutes=6))[0].plain
    assert "0:00" not in later
    assert later.startswith("core 60/60 · search 10/10")


async def test_the_meter_turns_from_spent_to_full_when_the_hour_resets(tmp_path: Path) -> None:
    clock = [NOW]
    budget = Budget()
    status = SourceStatus(authenticated=False)
    app = make_app(FakeSource(budget=budget), budget=budget, now=lambda: clock[0], blink=False,
                   export_dir=tmp_path, status=status)  # fmt: skip
    async with app.run_test(size=(120, 24)) as pilot:
        budget.update(spent())
        await settle(app, pilot)
        meter = app.screen.query_one(RateLimitMeter)
        assert meter.has_class("-error")
        clock[0] = NOW + timedelta(minutes=6)
        meter._tick()  # the once-a-second tick, without waiting for it
        await settle(app, pilot)
        assert meter.has_class("-ok")
        assert "core 60/60" in meter.render().plain
        assert "↻" not in meter.render().plain.split("·")[0]
