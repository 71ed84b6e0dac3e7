"""``?`` lists the census's keys, opened from the census screen or anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from tests.doubles.fake_source import NOW, catalog_source, settle
from tui.ui.app import all_bindings, make_app
from tui.ui.screens.census import CensusScreen
from tui.ui.screens.keys import KeysScreen, key_groups

CENSUS_IDS = {"census.run", "census.stop", "census.mark", "census.compare", "census.back",
              "census.trend"}  # fmt: skip


def _lines_under(text: str, heading: str) -> list[str]:
    """The table's lines from ``heading`` to the next heading (a row of one word)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    block = []
    for line in lines[start + 1 :]:
        if len(line.split()) <= 1:
            break
        block.append(line)
    return block


async def test_keys_opened_from_the_census_list_the_census_keys() -> None:
    source, budget, status = catalog_source()
    app = make_app(source, budget=budget, status=status, now=NOW, blink=False,
                   export_dir=Path("/nonexistent"))  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "C")
        await settle(app, pilot)
        assert isinstance(app.screen, CensusScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.keys_table())
        census = _lines_under(console.export_text(), "Census")
    keys = {line.split()[0] for line in census}
    assert {"r", "x", "space", "c", "esc"} <= keys, census
    assert {line.split()[-1] for line in census} == CENSUS_IDS


def test_every_screen_with_keys_has_a_heading_and_every_key_is_remappable() -> None:
    groups = dict(key_groups())
    assert ["Everywhere", "Search", "Detail", "Compare", "Census", "Dialogs"] == list(groups)
    assert {b.id for b in groups["Census"]} == CENSUS_IDS
    assert CENSUS_IDS <= set(all_bindings())  # a keymap may remap them without a warning
