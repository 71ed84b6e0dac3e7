"""At 80 columns the footer goes compact and leaves out a key the edge would cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.app import RepoLensApp
from tui.ui.widgets.keys_footer import KeysFooter


def shown(app: RepoLensApp) -> tuple[list[FooterKey], FooterKey]:
    """The keys on screen, and the palette's key (docked at the right)."""
    footer = app.screen.query_one(KeysFooter)
    keys = [k for k in footer.query(FooterKey) if k.display]
    palette = next(k for k in keys if k.has_class("-command-palette"))
    return [k for k in keys if k is not palette], palette


def whole(app: RepoLensApp) -> list[str]:
    """The names of the keys shown, each asserted whole (not under the palette's key)."""
    keys, palette = shown(app)
    blank = 0 if app.screen.query_one(KeysFooter).compact else 1  # a trailing blank cell
    for key in keys:
        assert key.region.right - blank <= palette.region.x, (key.description, key.region)
    return [k.description for k in keys]


@pytest.mark.parametrize(
    ("opened", "keys"),
    [({"open_repos": ["fastapi/fastapi"]}, "Quit"), ({"initial_query": "flask"}, "Evidence")],
)
async def test_keys_whole_at_80_and_all_back_when_wide(
    opened: dict[str, Any], keys: str, tmp_path: Path
) -> None:
    app = app_for(FakeSource(), tmp_path, **opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        if "initial_query" in opened:
            await pilot.press("tab")  # to the results: their keys
            await settle(app, pilot)
        narrow = whole(app)
        assert keys in narrow  # what the compact footer makes room for
        assert app.screen.query_one(KeysFooter).compact
        await pilot.resize_terminal(200, 24)
        await settle(app, pilot)
        wide = whole(app)
        assert set(narrow) <= set(wide)  # any key left out comes back
        assert "Quit" in wide
        assert not app.screen.query_one(KeysFooter).compact
