"""Snapshot of the census screen in the demo: a census of the catalog, labelled as demo data.

Accept a new baseline only after reading its diff:
``uv run pytest tests/ui/test_snapshots_census.py --snapshot-update``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.doubles.fake_source import NOW, catalog_source, settle
from tui.ui.app import RepoLensApp, make_app

SIZE = (110, 36)
Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC: reset times are shown in local time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def census_app() -> RepoLensApp:
    """The demo catalog's search screen, as the CLI builds it, on a frozen clock."""
    source, budget, status = catalog_source()
    return make_app(
        source, budget=budget, status=status, now=NOW, blink=False, export_dir=Path("/nonexistent")
    )


async def open_and_run(pilot: Pilot[None]) -> None:
    """From the results, open the census, run it, and drill into the second number."""
    app: Any = pilot.app
    await settle(app, pilot)
    await pilot.press("tab", "C")
    await settle(app, pilot)
    await pilot.press("r")
    await settle(app, pilot, rounds=5)
    await pilot.press("down")
    await settle(app, pilot)


class TestCensus:
    """The census screen."""

    def test_census_of_the_demo_catalog_is_labelled_demo_data(self, snap_compare: Snap) -> None:
        assert snap_compare(census_app(), terminal_size=SIZE, run_before=open_and_run)

    def test_census_at_80x24_keeps_every_number_in_view(self, snap_compare: Snap) -> None:
        assert snap_compare(census_app(), terminal_size=(80, 24), run_before=open_and_run)
