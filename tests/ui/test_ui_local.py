"""Pilot tests of local checkouts in the UI: compare columns keyed by path, titled by folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.doubles.fake_source import NOW, settle
from tui.sources.factory import Options, build_source
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.compare_table import CompareTable, header_text

SIZE = (120, 40)


def checkout(root: Path, requirements: str) -> Path:
    """A small git work tree with a script and a requirements file."""
    root.mkdir(parents=True)
    (root / "app.py").write_text("import flask\n\nprint('hello')\n" * 10)
    (root / "requirements.txt").write_text(requirements)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


def demo_app(tmp_path: Path, targets: list[str]) -> RepoLensApp:
    """The app as ``repolens --demo TARGET...`` builds it (catalog for names, scans for paths)."""
    options = Options(demo=True, cache_dir=tmp_path / "cache", no_cache=True)
    return make_app(build_source(options, None), open_repos=targets, now=NOW, blink=False,
                    export_dir=tmp_path / "out")  # fmt: skip


@pytest.fixture
def two_apps(tmp_path: Path) -> tuple[Path, Path]:
    """Two checkouts with the same folder name, ``app``, in different places."""
    one = checkout(tmp_path / "work" / "app", "flask>=3\n")
    two = checkout(tmp_path / "play" / "app", "django>=5\n")
    return one.resolve(), two.resolve()


async def test_checkouts_fill_their_columns(tmp_path: Path, two_apps: tuple[Path, Path]) -> None:
    one, two = two_apps
    app = demo_app(tmp_path, ["pallets/flask", str(one), str(two)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=5)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        names = [r.info.full_name for r in screen.reports]
        assert names == ["pallets/flask", str(one), str(two)]  # same folder name, no collision
        for report in screen.reports[1:]:
            assert report.languages is not None
            assert report.languages[0].name == "Python"
            assert report.frameworks is not None
        frameworks = [{f.name for f in r.frameworks or ()} for r in screen.reports[1:]]
        assert "Flask" in frameworks[0]
        assert "Django" in frameworks[1]
        table = screen.query_one(CompareTable)
        assert table.header_height == 2  # the folder name over its path
        language = next(row for row in table.rows_shown if row.key == "primary_language")
        assert language.values[1:] == ("Python", "Python")


async def test_checkout_detail_is_titled_by_folder(
    tmp_path: Path, two_apps: tuple[Path, Path]
) -> None:
    one, _ = two_apps
    app = demo_app(tmp_path, [str(one)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=5)
        assert isinstance(app.screen, DetailScreen)
        title = str(app.screen.query_one("#detail-title").render())
        first, second = title.split("\n")[:2]
        assert first.startswith("app")
        assert str(one) not in first
        assert second.strip() == str(one)


def test_header_shows_folder_over_path() -> None:
    header = header_text("/home/me/code/app", 15)
    title, path = header.plain.split("\n")
    assert title == "app"
    assert path == "…me/me/code/app"  # the end of a path is the telling part
    assert header_text("pallets/flask", 15).plain == "pallets/flask"
