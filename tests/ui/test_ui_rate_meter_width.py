"""The rate meter fits the status bar: every bucket GitHub reports stays readable at 80 columns."""

from __future__ import annotations

from dataclasses import replace
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


def bucket(resource: str, remaining: int, limit: int, minutes: int = 41) -> RateBucket:
    return RateBucket(
        resource, limit, remaining, limit - remaining, NOW + timedelta(minutes=minutes)
    )


def token_buckets(core_left: int = 4990) -> dict[str, RateBucket]:
    return {"core": bucket("core", core_left, 5000), "search": bucket("search", 29, 30, 1),
            "graphql": bucket("graphql", 4988, 5000)}  # fmt: skip


def test_variants_narrow_down_but_keep_core_and_what_runs_low() -> None:
    full, short, _, tight, _, alone = (v.plain for v in variants(token_buckets(core_left=400), NOW))
    assert full == "core 400/5000 ↻ 41:00 · search 29/30 ↻ 1:00 · graphql 4988/5000 ↻ 41:00"
    assert short == "core 400/5000 ↻ 41:00 · search 29/30 · graphql 4988/5000"  # core is low
    assert tight == alone == "core 400/5000 ↻ 41:00"
    low_search = dict(token_buckets(), search=bucket("search", 2, 30, 1))
    assert variants(low_search, NOW)[3].plain == "core 4990/5000 · search 2/30 ↻ 1:00"
    assert variants(low_search, NOW)[-1].plain == "core 4990/5000"


def test_without_a_token_the_short_form_still_says_what_the_budget_buys() -> None:
    buckets = {"core": bucket("core", 48, 60), "search": bucket("search", 9, 10, 1)}
    full, short, *_ = (v.plain for v in variants(buckets, NOW))
    assert full.endswith("≈ 40 more repositories this hour")
    assert short.endswith("≈ 40 more repos")


@pytest.mark.parametrize(("width", "countdowns"), [(80, False), (160, True)])
async def test_meter_is_whole_on_screen(width: int, countdowns: bool, tmp_path: Path) -> None:
    budget = Budget()
    status = SourceStatus(authenticated=True, token_source="GH_TOKEN")  # a token: three buckets
    app = make_app(FakeSource(budget=budget), budget=budget, status=status, blink=False,
                   export_dir=tmp_path)  # fmt: skip
    async with app.run_test(size=(width, 24)) as pilot:
        for value in token_buckets().values():
            budget.update(replace(value, reset_at=datetime.now(UTC) + timedelta(minutes=30)))
        await settle(app, pilot)
        meter = app.screen.query_one(RateLimitMeter)
        shown = str(meter.render())
        assert meter.region.right <= width, meter.region
        assert meter.size.width >= len(shown)  # nothing of it cut
        for name in ("core 4990/5000", "search 29/30", "graphql 4988/5000"):
            assert name in shown, shown
        assert ("↻" in shown) is countdowns, shown


async def test_at_80_columns_offline_without_a_token_nothing_is_cut(tmp_path: Path) -> None:
    """Title, "offline", the no-token hint and the meter all fit: the long forms give way."""
    status = SourceStatus(offline=True, host="ghe.example.com")
    app = make_app(FakeSource(), budget=Budget(), status=status, blink=False,
                   export_dir=tmp_path)  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        line = app.screen.query_one(StatusBar)
        texts = [str(w.render()) for w in line.query("Label, RateLimitMeter") if w.display]
        assert "search" in texts[0]
        assert "repolens" not in texts[0]
        assert "no token — set GH_ENTERPRISE_TOKEN" in texts
        meter = app.screen.query_one(RateLimitMeter)
        assert str(meter.render()).startswith("core ?")
        assert meter.region.right <= 80
        assert meter.size.width >= len(str(meter.render()))
    app = make_app(FakeSource(), budget=Budget(), status=status, blink=False,
                   export_dir=tmp_path)  # fmt: skip
    async with app.run_test(size=(160, 24)) as pilot:  # room enough: the long forms
        await settle(app, pilot)
        texts = [str(w.render()) for w in app.screen.query_one(StatusBar).query("Label")]
        assert "repolens · search" in texts[0]
        assert "no token: 60 req/h — set GH_ENTERPRISE_TOKEN" in texts
