"""Escape sequences in a README never reach the terminal (a colour, a window title, a wiped
screen): the preview shows the text without them, Markdown or plain."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, Static

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.sources.base import Readme
from tui.ui.app import make_app
from tui.ui.widgets.readme_preview import ReadmePreview

EVIL = (
    "# Title\n\nplain \x1b[41mREDBG\x1b[0m after\n\n- item \x1b]0;PWNED\x07 x\n\n"
    "some text \x1b[2Jhere\r\n\x07bell \x9bcsi\n"
)


class EvilReadme(FakeSource):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        return Readme(self.path + "\x1b[31m", EVIL)


@pytest.mark.parametrize("path", ["README.md", "README.rst"])
async def test_escape_sequences_are_removed_before_the_text_is_shown(
    path: str, tmp_path: Path
) -> None:
    app = make_app(EvilReadme(path), now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["pallets/flask"])  # fmt: skip
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        preview = app.screen.query_one(ReadmePreview)
        assert str(preview.query_one("#readme-title", Static).render()) == path
        if path.endswith(".md"):
            shown = preview.query_one(Markdown).source
        else:
            shown = str(preview.query_one("#readme-body", Static).render())
        assert "REDBG" in shown
        assert "here" in shown
        assert "PWNED" not in shown  # the title an OSC sequence would have set
        for control in ("\x1b", "\x07", "\x9b", "\r"):
            assert control not in shown
