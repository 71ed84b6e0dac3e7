"""The command palette lists each action once, and no Textual command repolens replaces."""

from __future__ import annotations

from textual.command import Command, CommandList, CommandPalette
from textual.pilot import Pilot

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.app import RepoLensApp
from tui.ui.screens.keys import KeysScreen
from tui.ui.screens.search import SearchScreen


async def _listed(app: RepoLensApp, pilot: Pilot[None], typed: str) -> list[str]:
    """What the palette lists once ``typed`` is typed into it."""
    await pilot.press("ctrl+p", *typed)
    await pilot.pause(0.6)
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(CommandList).options
    return [str(option.hit.text) for option in options if isinstance(option, Command)]


async def test_a_typed_name_in_the_results_is_listed_once() -> None:
    app = app_for(FakeSource(), initial_query="nanoGPT")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        listed = await _listed(app, pilot, "karpathy/nanoGPT")
    assert listed.count("Open repository: karpathy/nanoGPT") == 1


async def test_a_typed_name_not_in_the_results_can_still_be_opened() -> None:
    app = app_for(FakeSource(), initial_query="nanoGPT")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        listed = await _listed(app, pilot, "someone/elsewhere")
    assert listed.count("Open repository: someone/elsewhere") == 1


async def test_textual_commands_repolens_replaces_are_not_listed() -> None:
    app = app_for(FakeSource(), initial_query="nanoGPT")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.table is not None
        screen.table.focus()  # a focused table is what Textual offers "Maximize" for
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(screen)]
        theme = await _listed(app, pilot, "theme")
        await pilot.press("escape")
        keys = await _listed(app, pilot, "keys")
    assert "Quit" in titles
    assert not {"Theme", "Keys", "Screenshot", "Maximize"} & set(titles)
    assert theme == ["Switch theme"]
    assert keys == ["Show all keys"]


async def test_show_all_keys_opens_repolens_keys_screen() -> None:
    app = app_for(FakeSource())
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await _listed(app, pilot, "Show all keys")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, KeysScreen)
