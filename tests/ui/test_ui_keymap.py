"""Tests of the user keymap (file, environment, remapped keys) and of the TUI's exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.apps import app_for
from tests.doubles.fake_source import FakeSource, settle
from tui.ui.app import RepoLensApp, all_bindings
from tui.ui.keymap import ENV_VAR, UserKeymap, keymap_path, parse_keymap, read_keymap, user_keymap
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.search import SearchScreen

SIZE = (100, 32)


def keymap_app(tmp_path: Path, keymap: UserKeymap | None = None) -> RepoLensApp:
    """The app searching for Python repositories, with ``keymap`` (``app_for``)."""
    return app_for(FakeSource(), tmp_path, keymap=keymap, initial_query="language:python")


def messages(app: RepoLensApp) -> list[str]:
    """Every notification shown so far."""
    return [str(n.message) for n in app._notifications]


def test_parse_reads_the_keys_table() -> None:
    text = '[keys]\n"search.compare" = "ctrl+k"\n"app.quit" = " ctrl+q,q "\n'
    assert parse_keymap(text) == {"search.compare": "ctrl+k", "app.quit": "ctrl+q,q"}


@pytest.mark.parametrize(
    "text",
    ['"search.compare" = "ctrl+k"', "[keys]\nx = 1", '[keys]\nx = "  "', "[keys", "keys = 3"],
)
def test_parse_refuses_what_is_not_a_keymap(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (each reason has its own message)
        parse_keymap(text)


def test_path_from_environment_or_config_dir(tmp_path: Path) -> None:
    named = tmp_path / "keys.toml"
    assert keymap_path({ENV_VAR: str(named)}) == named
    default = keymap_path({})
    assert default.name == "keymap.toml"
    assert "repolens" in default.parts


def test_missing_default_file_is_silent_but_a_named_one_is_not(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert read_keymap(missing, required=False) == UserKeymap()
    problem = user_keymap({ENV_VAR: str(missing)}).problem
    assert problem is not None
    assert "not found" in problem


def test_broken_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text("[keys\nbroken = ", encoding="utf-8")
    keymap = read_keymap(path, required=True)
    assert keymap.keys == {}
    assert keymap.problem is not None
    assert "\n" not in keymap.problem
    assert keymap.problem.endswith("default keys kept.")


def test_every_binding_has_a_distinct_id() -> None:
    bindings = all_bindings()
    assert {"app.quit", "search.compare", "compare.export_json", "detail.mark"} <= set(bindings)
    assert all("." in binding_id for binding_id in bindings)


async def test_remapped_key_works_and_the_old_one_does_not(tmp_path: Path) -> None:
    app = keymap_app(tmp_path, UserKeymap({"search.compare": "ctrl+k"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_file_from_environment_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"search.compare" = "ctrl+k"\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    app = keymap_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "down", "space", "ctrl+k")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)
        assert messages(app) == []


async def test_broken_file_keeps_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"search.compare" = 5\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    app = keymap_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len(messages(app)) == 1
        assert messages(app)[0].startswith(f"Keymap {path} ignored")
        await pilot.press("space", "down", "space", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_unknown_ids_are_named(tmp_path: Path) -> None:
    app = keymap_app(tmp_path, UserKeymap({"search.compair": "ctrl+k", "search.compare": "ctrl+j"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert messages(app) == ["Keymap: no binding has the id search.compair; ignored."]
        await pilot.press("space", "down", "space", "ctrl+j")
        await settle(app, pilot)
        assert isinstance(app.screen, CompareScreen)


class CrashedApp:
    """Stands in for the app: ``run`` returns after a crash set the return code."""

    def __init__(self, return_code: int | None) -> None:
        self.return_code = return_code
        self.ran = False

    def run(self) -> None:
        self.ran = True


@pytest.mark.parametrize(("return_code", "exit_code"), [(1, 1), (0, 0), (None, 0)])
def test_tui_exit_code_follows_the_app(
    return_code: int | None, exit_code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.cli.run_app
    import tui.ui.app
    from tui.sources.factory import Options

    app = CrashedApp(return_code)
    monkeypatch.setattr(tui.ui.app, "make_app", lambda *args, **kwargs: app)
    monkeypatch.setattr(tui.cli.run_app, "find_token", lambda options, **_: None)
    options = Options(cache_dir=tmp_path / "cache", no_cache=True)
    assert tui.cli.run_app.run_tui(options, []) == exit_code
    assert app.ran
