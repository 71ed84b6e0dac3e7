"""Up after a search brings the search before it, not the one still in the box."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle


async def test_the_first_up_after_a_search_goes_to_the_previous_query(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 32)) as pilot:
        box = app.screen.query_one("#query", Input)
        for query in ("language:go", "language:rust", "flask"):
            box.value = query
            box.focus()
            await pilot.press("enter")
            await settle(app, pilot)
        box.focus()
        assert box.value == "flask"
        await pilot.press("up")
        assert box.value == "language:rust"
        await pilot.press("up")
        assert box.value == "language:go"
        await pilot.press("up")  # the oldest stays
        assert box.value == "language:go"
        await pilot.press("down")
        assert box.value == "language:rust"
        await pilot.press("down")
        assert box.value == "flask"  # back to what the box held
        assert app.screen.focused is box


async def test_an_earlier_query_typed_again_is_skipped_too(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, state_path=tmp_path / "state.json")
    async with app.run_test(size=(100, 32)) as pilot:
        box = app.screen.query_one("#query", Input)
        for query in ("language:go", "language:rust"):
            box.value = query
            box.focus()
            await pilot.press("enter")
            await settle(app, pilot)
        box.value = "language:go"  # typed again, not searched yet
        box.focus()
        await pilot.press("up")
        assert box.value == "language:rust"
        await pilot.press("up")  # nothing older that differs: it stays
        assert box.value == "language:rust"
