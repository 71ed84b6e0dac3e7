"""Escape leaves the search box even when there are no results, so the next key is a key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tests.ui.test_ui_fallback import DemoFactory


class Unreachable(FakeSource):
    """GitHub out of reach: the probe fails and searches fall back to an empty cache."""

    def __init__(self) -> None:
        super().__init__(offline=True)

    async def probe(self) -> bool:
        return False


async def test_escape_after_an_empty_search_lets_d_take_the_demo(tmp_path: Path) -> None:
    demo = DemoFactory()
    app = app_for(Unreachable(), tmp_path, demo=demo)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press(*"sqlite", "enter")
        await settle(app, pilot)
        box = app.screen.query_one("#query", Input)
        assert app.focused is box
        await pilot.press("escape")
        assert app.focused is not box
        await pilot.press("d")
        await settle(app, pilot)
        assert box.value != "sqlited"
        assert app.context.source is demo.source


async def test_escape_with_no_results_yet_leaves_the_box_and_letters_come_back() -> None:
    app = app_for(FakeSource())
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        box = app.screen.query_one("#query", Input)
        await pilot.press(*"nosuchthing", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        assert app.focused is not box
        await pilot.press("slash")
        assert app.focused is box


async def test_escape_before_any_search_lets_go_and_letters_return_to_the_box() -> None:
    app = app_for(FakeSource())
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        box = app.screen.query_one("#query", Input)
        await pilot.press(*"fla", "escape")
        assert app.focused is None
        await pilot.press(*"sk")
        assert app.focused is box
        assert box.value == "flask"
