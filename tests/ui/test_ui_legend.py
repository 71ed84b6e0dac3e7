"""Language legends fold shares under 1 % into "Other"; ``l`` lists every language."""

from __future__ import annotations

from pathlib import Path

from tests.doubles.fake_source import NOW, FakeRepo, FakeSource, settle, shares
from tui.analysis.report import RepoInfo
from tui.present.legend import MAX_NAMED, fold
from tui.ui.app import make_app
from tui.ui.widgets.language_bar import LanguageBar

THIRTEEN = {
    "Python": 900_000, "C++": 60_000, "Cuda": 20_000, "Shell": 9_000, "CMake": 4_000,
    "C": 2_500, "Dockerfile": 1_200, "Makefile": 900, "Jupyter Notebook": 700,
    "Batchfile": 400, "PowerShell": 300, "Starlark": 200, "HTML": 114,
}  # fmt: skip


def test_shares_under_one_percent_fold_into_other() -> None:
    folded = fold(shares(THIRTEEN))
    assert [s.name for s in folded.named] == ["Python", "C++", "Cuda"]
    assert len(folded.other) == 10
    assert round(folded.other_percent, 1) == round(100 - sum(s.percent for s in folded.named), 1)
    assert fold(shares(THIRTEEN), expanded=True).other == ()


def test_a_single_small_share_is_not_folded_alone() -> None:
    folded = fold(shares({"Python": 99_500, "Shell": 500}))
    assert [s.name for s in folded.named] == ["Python", "Shell"]
    assert folded.other == ()


def test_a_300_language_repository_names_at_most_a_few() -> None:
    many = {f"Lang{i}": 1_000 + i for i in range(300)}  # every share about 0.33 %
    folded = fold(shares(many))
    assert len(folded.named) == 1
    even = fold(shares({f"Lang{i}": 100 for i in range(50)} | {"Big": 10_000_000}))
    assert len(even.named) <= MAX_NAMED


def _source(languages: dict[str, int]) -> FakeSource:
    source = FakeSource()
    info = RepoInfo("acme/polyglot", description="Many languages", stars=5)
    source.add([FakeRepo(info, languages)])
    return source


async def _legend_after(languages: dict[str, int], tmp_path: Path, *keys: str) -> str:
    app = make_app(_source(languages), now=NOW, blink=False, export_dir=tmp_path,
                   open_repos=["acme/polyglot"])  # fmt: skip
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        bar = app.screen.query_one("#detail-languages", LanguageBar)
        bar_width = bar.content_size.width
        rendered = bar.render()
        lines = rendered.wrap(app.console, bar_width)
        return "\n".join(line.plain for line in lines)


async def test_the_detail_legend_folds_and_l_expands_it(tmp_path: Path) -> None:
    folded = await _legend_after(THIRTEEN, tmp_path)
    assert "Other" in folded
    assert "(10" in folded
    assert "Starlark" not in folded
    expanded = await _legend_after(THIRTEEN, tmp_path, "l")
    assert "Starlark" in expanded
    assert "HTML" in expanded
    assert "Other" not in expanded


async def test_300_languages_give_a_short_legend(tmp_path: Path) -> None:
    legend = await _legend_after({f"Lang{i}": 1_000 + i for i in range(300)}, tmp_path)
    assert len(legend.splitlines()) <= 3  # the bar and a line or two of legend
    assert "(299" in legend
