"""The hint under the search box drops whole parts that do not fit, never half of one."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.sources.base import SourceStatus
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.search_hint import TIPS, HintLine, hint_line

PARTS = ("sort", "page", "marked", "try")


def _whole_parts(shown: str, full: str) -> None:
    """``shown`` is ``full`` less whole parts at its end (and tips, each whole)."""
    assert not shown.rstrip().endswith(("·", "try")), shown
    shown_parts = shown.split(" · ")
    full_parts = full.split(" · ")
    assert shown_parts[:-1] == full_parts[: len(shown_parts) - 1]
    last, whole = shown_parts[-1], full_parts[len(shown_parts) - 1]
    if last.startswith("try "):  # the tips are cut a whole qualifier at a time
        assert last.removeprefix("try ").split("  ") == list(TIPS[: len(last.split("  "))])
    else:
        assert last == whole


@pytest.mark.parametrize("width", [20, 30, 40, 55, 60, 76, 90, 120, 200])
def test_a_hint_fits_in_whole_parts(width: int) -> None:
    hint = hint_line("stars", None, 3, SourceStatus(demo=True, demo_date="2026-08-21"))
    full = hint.fitted(0).plain
    shown = hint.fitted(width).plain
    assert len(shown) <= width or " · " not in shown  # only the first part may be cut
    _whole_parts(shown, full)
    if len(full) <= width:
        assert shown == full


async def test_the_hint_at_80_columns_ends_with_a_whole_part() -> None:
    app = app_for(FakeSource())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#query", Input).value = "nosuchthing"
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        hint = screen.query_one("#hint", HintLine)
        shown = str(hint.render())
        assert "0 results" in shown
        assert len(shown) <= hint.content_size.width
        _whole_parts(shown, str(hint_line(None, screen.results, 0, SourceStatus()).fitted(0)))
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        assert str(hint.render()).endswith("  ".join(TIPS))  # wider: the whole line again
