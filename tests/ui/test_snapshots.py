"""Snapshot tests, one class per feature; the clock is frozen and the cursor does not blink.

Accept a new baseline only after reading its diff:
``uv run pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, catalog_source, settle
from tui.github.budget import Budget
from tui.github.errors import ApiUnavailable
from tui.sources.base import RepoSource, SourceStatus
from tui.ui.app import RepoLensApp

SIZE = (100, 32)
Snap = Callable[..., bool]


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC: the rate-limit message gives its reset time in local time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def snap_app(source: RepoSource, **kwargs: Any) -> RepoLensApp:
    """The app as the CLI builds it (``app_for``), its toasts kept for the picture."""
    app = app_for(source, **kwargs)
    # toasts expire on the real clock: keep them for the picture (a class variable, set per app)
    setattr(app, "NOTIFICATION_TIMEOUT", 600)  # noqa: B010
    return app


def keys_then_settle(*keys: str) -> Callable[[Pilot[None]], Any]:
    """A ``run_before`` that waits for the first load, presses ``keys`` and waits again."""

    async def run_before(pilot: Pilot[None]) -> None:
        app: Any = pilot.app
        app.animation_level = "none"  # a scroll caught mid-animation made snapshots flaky
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)  # Markdown mounts its blocks after its worker ends

    return run_before


class TestSearch:
    """The search screen: results, the detail pane beside them."""

    def test_results_and_detail(self, snap_compare: Snap) -> None:
        app = snap_app(FakeSource(), initial_query="language:python")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle("down"))

    def test_sorted_by_stars_with_marks(self, snap_compare: Snap) -> None:
        app = snap_app(FakeSource(), initial_query="web")
        run_before = keys_then_settle("s", "space", "down", "space")
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

    def test_empty(self, snap_compare: Snap) -> None:
        assert snap_compare(snap_app(FakeSource()), terminal_size=SIZE)


class TestDetail:
    """One repository full screen, frameworks with their evidence."""

    def test_detail_with_evidence(self, snap_compare: Snap) -> None:
        # no README here: its Markdown lays out late and moved where "e" scrolls to (flaky);
        # the README preview has its own tests and the 80x24/200x60 snapshots
        app = snap_app(FakeSource(readmes={}), open_repos=["fastapi/fastapi"])
        # pressed inside run_before, so the snapshot waits for what "e" starts (it was flaky
        # when pressed after: the README's Markdown could still be rendering)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle("e"))

    def test_detail_with_notebooks(self, snap_compare: Snap) -> None:
        app = snap_app(FakeSource(), open_repos=["google-research/bert"])
        assert snap_compare(app, terminal_size=(100, 40), run_before=keys_then_settle())

    def test_detail_placeholders(self, snap_compare: Snap) -> None:
        app = snap_app(FakeSource(delay=30.0), open_repos=["vuejs/core"])
        assert snap_compare(app, terminal_size=SIZE)


class TestCompare:
    """Side by side, best and worst highlighted."""

    def test_three_columns(self, snap_compare: Snap) -> None:
        repos = ["pallets/flask", "fastapi/fastapi", "gin-gonic/gin"]
        app = snap_app(FakeSource(), open_repos=repos)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle())

    def test_reordered(self, snap_compare: Snap) -> None:
        repos = ["shadcn-ui/taxonomy", "vuejs/core"]
        app = snap_app(FakeSource(), open_repos=repos)
        run_before = keys_then_settle("greater_than_sign")
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

    def test_six_columns_scroll_to_the_current(self, snap_compare: Snap) -> None:
        repos = ["pallets/flask", "fastapi/fastapi", "gin-gonic/gin", "google-research/bert",
                 "microsoft/BioGPT", "karpathy/nanoGPT"]  # fmt: skip
        app = snap_app(FakeSource(), open_repos=repos)
        run_before = keys_then_settle("right", "right", "right", "right")
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


class TestDemo:
    """The demo catalog as `--demo` routes it, and the offer of it when GitHub is out of reach."""

    def test_demo_lists_the_catalog(self, snap_compare: Snap) -> None:
        source, budget, status = catalog_source()
        app = snap_app(source, budget=budget, status=status)
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle("tab", "down"))

    def test_first_run_offers_the_demo(self, snap_compare: Snap) -> None:
        down = ApiUnavailable("Cannot reach GitHub (ConnectError).")
        app = snap_app(FakeSource(errors={"search": down}), demo=catalog_source)
        run_before = keys_then_settle(*"llm", "enter")
        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


class TestRateLimited:
    """The budget runs out mid-session: the meter is red and a notification says when it resets."""

    @pytest.mark.usefixtures("utc")
    def test_rate_limited(self, snap_compare: Snap) -> None:
        budget = Budget()
        source = FakeSource(budget=budget)
        core = budget.get("core")
        assert core is not None
        budget.update(replace(core, remaining=4))
        app = snap_app(source, budget=budget, initial_query="language:python")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle("down"))


class TestOffline:
    """No network, a warm cache: offline and stale badges, the cached age in the detail."""

    def test_offline_warm_cache(self, snap_compare: Snap) -> None:
        source = FakeSource(offline=True, cached={"flask", "pallets/flask"})
        status = SourceStatus(offline=True, authenticated=True, token_source="GH_TOKEN")
        app = snap_app(source, status=status, initial_query="flask")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle())

    def test_fallback_results(self, snap_compare: Snap) -> None:
        app = snap_app(FakeSource(fallback=True), initial_query="language:go")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle())

    def test_demo_badge(self, snap_compare: Snap) -> None:
        status = SourceStatus(demo=True, demo_date="2026-08-22")
        app = snap_app(FakeSource(cached={"rust"}), status=status, initial_query="rust")
        assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_settle())
