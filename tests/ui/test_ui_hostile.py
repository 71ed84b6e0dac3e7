"""Pilot tests of hostile data in the TUI: URLs to open, odd targets, FIFOs, a damaged cache."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.doubles.fake_source import NOW, FakeSource, default_repos, settle
from tui.sources.base import SourceStatus
from tui.sources.local import LocalSource
from tui.ui.app import RepoLensApp, make_app
from tui.ui.widgets.repo_detail import RepoDetail

SIZE = (100, 32)
CONTROL = [chr(c) for c in range(0x20)] + ["\x7f", "\u202e", "\u2066"]


def app_for(source: object, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    """The app over ``source`` with a frozen clock."""
    return make_app(source, now=NOW, blink=False, export_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


def messages(app: RepoLensApp) -> list[str]:
    """Every notification shown so far."""
    return [str(n.message) for n in app._notifications]


def source_with_url(url: str) -> FakeSource:
    """The fake source, its ``fastapi/fastapi`` carrying ``url`` as its ``html_url``."""
    repos = {}
    for repo in default_repos():
        if repo.info.full_name == "fastapi/fastapi":
            repo = replace(repo, info=repo.info._replace(html_url=url))
        repos[repo.info.full_name] = repo
    return FakeSource(repos=repos)


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://github.com/fastapi/fastapi", "https://github.com/fastapi/fastapi"),
        ("file:///etc/passwd", "https://github.com/fastapi/fastapi"),
        ("https://github.com/x\x1b]0;pwn\x07", "https://github.com/fastapi/fastapi"),
        ("https://github.com/fastapi/\u202efastapi", "https://github.com/fastapi/fastapi"),
        ("https://evil.example/fastapi/fastapi", "https://github.com/fastapi/fastapi"),
        ("https://user@github.com/fastapi/fastapi", "https://github.com/fastapi/fastapi"),
        ("javascript:alert(1)", "https://github.com/fastapi/fastapi"),
    ],
)
async def test_o_opens_only_https_pages_on_the_web_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, opened: str
) -> None:
    seen: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda target, *a, **k: seen.append(target))
    app = app_for(source_with_url(url), tmp_path, initial_query="fastapi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert seen == [opened]
        said = [m for m in messages(app) if m.startswith("Opening")]
        assert said == [f"Opening {opened}"]
        assert not any(ch in m for m in messages(app) for ch in CONTROL)


@pytest.mark.parametrize("target", ["http://[::1/a/b", "a" * 300 + "/x/y", "evil/../../x"])
async def test_an_impossible_target_is_one_line_and_the_app_goes_on(
    tmp_path: Path, target: str
) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, open_repos=[target])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert [m for m in messages(app) if m.startswith("Not a repository")] != []
        assert not [c for c in source.calls if c.startswith("report:")]


async def test_a_cache_problem_is_said_once(tmp_path: Path) -> None:
    problem = "The cache at /x was damaged; it was emptied and rebuilt."
    app = app_for(FakeSource(), tmp_path, status=SourceStatus(cache_problem=problem))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")
        await settle(app, pilot)
        assert messages(app).count(problem) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
async def test_a_fifo_in_a_checkout_neither_hangs_the_scan_nor_the_quit(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "app.py").write_text("import flask\nprint('hi')\n")
    os.mkfifo(checkout / "requirements.txt")  # nobody ever writes to these
    os.mkfifo(checkout / ".gitignore")
    os.mkfifo(checkout / ".gitattributes")
    app = app_for(LocalSource(checkout), tmp_path, open_repos=[str(checkout)])
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(settle(app, pilot), timeout=60)  # a hang fails, not blocks
        report = app.screen.query_one(RepoDetail).report
        assert report is not None
        assert report.languages
        assert report.languages[0].name == "Python"
        await pilot.press("q")
    assert not app.is_running
