"""The census's repositories: frameworks found while it runs widen their column, not get cut."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.present.census import CensusRow
from tui.ui.widgets.census_tables import CensusMembers


def row(name: str, frameworks: tuple[tuple[str, str], ...] | None) -> CensusRow:
    return CensusRow(name, 1200, None, "Python", "Python", 99.0, frameworks)


class Members(App[None]):
    def compose(self) -> ComposeResult:
        yield CensusMembers(id="members")


async def test_frameworks_known_later_are_shown_whole() -> None:
    names = ["karpathy/nanoGPT", "acme/other"]
    found = (("ml", "PyTorch"), ("ml", "Hugging Face Transformers"), ("data", "NumPy"))
    app = Members()
    async with app.run_test(size=(120, 12)) as pilot:
        table = app.query_one(CensusMembers)
        table.show([row(n, None) for n in names])  # while running: "…"
        await pilot.pause()
        table.show([row(names[0], found), row(names[1], None)])  # the same list, now known
        await pilot.pause()
        lines = [table.render_line(y).text for y in range(table.size.height)]
        assert any("PyTorch, Hugging Face Transformers, NumPy" in line for line in lines), lines
