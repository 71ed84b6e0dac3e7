"""Snapshots of the three main screens at the smallest usual terminal and a wide one.

80x24 is what a fresh terminal (or tmux pane) opens at; 200x60 a maximised one. Accept a new
baseline only after looking at it: ``uv run pytest tests/ui/test_snapshots_sizes.py
--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.ui.app import RepoLensApp, make_app

Snap = Callable[..., bool]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((200, 60), id="200x60")]


def app_for(**kwargs: Any) -> RepoLensApp:
    """The app over the fake source, frozen clock, no blinking cursor, toasts kept."""
    app = make_app(FakeSource(), now=NOW, blink=False, export_dir=Path("/nonexistent"), **kwargs)
    setattr(app, "NOTIFICATION_TIMEOUT", 600)  # noqa: B010
    return app


async def _settled(pilot: Pilot[None]) -> None:
    await settle(pilot.app, pilot)


class TestSizes:
    """Search, detail and compare, small and large."""

    @pytest.mark.parametrize("size", SIZES)
    def test_search(self, snap_compare: Snap, size: tuple[int, int]) -> None:
        app = app_for(initial_query="language:python")
        assert snap_compare(app, terminal_size=size, run_before=_settled)

    @pytest.mark.parametrize("size", SIZES)
    def test_detail(self, snap_compare: Snap, size: tuple[int, int]) -> None:
        app = app_for(open_repos=["fastapi/fastapi"])
        assert snap_compare(app, terminal_size=size, run_before=_settled)

    @pytest.mark.parametrize("size", SIZES)
    def test_compare(self, snap_compare: Snap, size: tuple[int, int]) -> None:
        app = app_for(open_repos=["pallets/flask", "fastapi/fastapi", "gin-gonic/gin"])
        assert snap_compare(app, terminal_size=size, run_before=_settled)
