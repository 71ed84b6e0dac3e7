"""Small things a person expects: every key listed, Home/End, the theme and searches remembered,
copy to the clipboard, and a question before the cache is cleared."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Input

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.ui.app import RepoLensApp, all_bindings, make_app
from tui.ui.screens.keys import KeysScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)


def app_for(source: FakeSource, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    return make_app(source, now=NOW, blink=False, export_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


async def test_question_mark_lists_every_key_of_every_screen(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen.keys_table())
        text = console.export_text()
        for binding_id in all_bindings():
            assert binding_id in text, binding_id
        for where in ("Search", "Detail", "Compare", "Everywhere", "Dialogs"):
            assert where in text
        await pilot.press("pagedown")  # the list scrolls from the keyboard
        await pilot.pause()
        assert app.screen.query_one("#keys-scroll").scroll_y > 0
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_home_and_end_go_to_the_first_and_last_row(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1 > 0
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0


async def test_the_theme_is_remembered_across_runs(tmp_path: Path) -> None:
    state = tmp_path / "config" / "state.json"
    first = app_for(FakeSource(), tmp_path, state_path=state)
    async with first.run_test(size=SIZE) as pilot:
        first.theme = "gruvbox"
        await pilot.pause()
    second = app_for(FakeSource(), tmp_path, state_path=state)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.theme == "gruvbox"
    unconfigured = app_for(FakeSource(), tmp_path)
    async with unconfigured.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert unconfigured.theme != "gruvbox"


async def test_searches_are_remembered_and_walked_with_up_and_down(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    first = app_for(FakeSource(), tmp_path, state_path=state)
    async with first.run_test(size=SIZE) as pilot:
        for query in ("language:go", "language:rust"):
            first.screen.query_one("#query", Input).value = query
            await pilot.press("enter")
            await settle(first, pilot)
    second = app_for(FakeSource(), tmp_path, state_path=state)
    async with second.run_test(size=SIZE) as pilot:
        box = second.screen.query_one("#query", Input)
        box.focus()
        await pilot.press(*"fla")
        await pilot.press("up")
        assert box.value == "language:rust"
        await pilot.press("up")
        assert box.value == "language:go"
        await pilot.press("up")  # the oldest stays
        assert box.value == "language:go"
        await pilot.press("down", "down")
        assert box.value == "fla"  # back to what was being typed
        assert second.screen.focused is box


async def test_y_copies_the_name_and_shift_y_the_url(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        assert app.clipboard == "pallets/flask"
        await pilot.press("Y")
        assert app.clipboard == "https://github.com/pallets/flask"


async def test_clearing_the_cache_asks_first(tmp_path: Path) -> None:
    source = FakeSource(cached={"flask"})
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("clear_cache")
        await pilot.pause()
        await pilot.press("n")
        await settle(app, pilot)
        assert source.cache_cleared == 0
        await app.run_action("clear_cache")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert source.cache_cleared == 1
