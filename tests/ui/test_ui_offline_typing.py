"""Offline first run: typed letters reach the search box; a new search shows it is working."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.doubles.fake_source import NOW, FakeSource, settle
from tests.ui.test_ui_fallback import DOWN, DemoFactory, search
from tui.ui.app import FALLBACK, RepoLensApp, make_app
from tui.ui.screens.search import SearchScreen

SIZE = (100, 32)


def app_for(source: FakeSource, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    return make_app(source, now=NOW, blink=False, export_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


async def test_after_the_offer_typing_goes_to_the_box_not_to_keys(tmp_path: Path) -> None:
    demo = DemoFactory()
    app = app_for(FakeSource(errors={"search": DOWN}), tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "x")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert str(screen.query_one("#welcome", Static).render()) == FALLBACK
        box = screen.query_one("#query", Input)
        box.value = ""
        await pilot.press(*"sqlite")
        await pilot.pause()
        assert box.value == "sqlite"
        assert screen.sort is None  # s did not switch the sort
        assert app.is_running  # q did not quit
        assert demo.built == 0


async def test_d_still_takes_the_offer(tmp_path: Path) -> None:
    demo = DemoFactory()
    app = app_for(FakeSource(errors={"search": DOWN}), tmp_path, demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await search(app, pilot, "x")
        await pilot.press("d")
        await settle(app, pilot)
        assert demo.built == 1


async def test_a_new_search_shows_progress_at_once_and_dims_the_old_results(
    tmp_path: Path,
) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        source.delay = 30.0  # in flight for the whole check, however loaded the machine is
        box = screen.query_one("#query", Input)
        box.focus()
        box.value = "language:go"
        await pilot.press("enter")
        await pilot.pause()
        hint = str(screen.query_one("#hint", Static).render())
        assert "searching language:go" in hint
        assert screen.has_class("-searching")
        assert screen.query_one("#results").styles.text_opacity < 1
        source.delay = 0.0
        box.value = "language:rust"  # a new search cancels the slow one and answers at once
        box.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert not screen.has_class("-searching")
        assert "searching" not in str(screen.query_one("#hint", Static).render())
