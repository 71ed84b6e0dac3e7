"""Start-up: the first frame comes before the source exists; the source is built in a worker.

``repolens`` hands the app a ``connect`` that finds the token (maybe running ``gh``), opens the
disk cache and builds the GitHub source. The app draws first, then connects; what the user does
meanwhile waits for the source instead of failing.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label

from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.github.budget import Budget
from tui.github.errors import AuthFailed
from tui.sources.base import RepoSource, SourceStatus
from tui.sources.pending import PendingSource
from tui.ui.app import SETTLE_SECONDS, RepoLensApp, make_app
from tui.ui.screens.detail import DetailScreen
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)


class GatedConnect:
    """A ``connect`` that blocks (in the app's worker thread) until the test opens the gate."""

    def __init__(self, source: RepoSource, status: SourceStatus) -> None:
        self.source, self.status = source, status
        self.gate = threading.Event()
        self.calls = 0

    def __call__(self) -> tuple[RepoSource, SourceStatus]:
        self.calls += 1
        if not self.gate.wait(timeout=10):
            raise TimeoutError("the test never opened the gate")
        return self.source, self.status


async def connected(app: RepoLensApp, pilot: Pilot[None]) -> None:
    """Let the app start connecting (it waits for its first screen to settle), then finish."""
    await pilot.pause(SETTLE_SECONDS + 0.05)
    await settle(app, pilot)


def app_for(connect: object, tmp_path: Path, **kwargs: object) -> RepoLensApp:
    """The app as ``repolens`` builds it: no source yet, a connect, the rate meter's budget."""
    return make_app(
        None,
        connect=connect,  # type: ignore[arg-type]
        budget=Budget(),
        now=NOW,
        blink=False,
        export_dir=tmp_path,
        **kwargs,  # type: ignore[arg-type]
    )


async def test_first_screen_is_up_before_the_source_is_built(tmp_path: Path) -> None:
    connect = GatedConnect(FakeSource(), SourceStatus(authenticated=True, token_source="gh"))
    app = app_for(connect, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#query", Input).has_focus  # usable while connecting
        assert isinstance(app.context.source, PendingSource)
        connect.gate.set()
        await connected(app, pilot)
        assert connect.calls == 1
        assert app.context.source is connect.source


async def test_a_search_typed_while_connecting_is_answered(tmp_path: Path) -> None:
    source = FakeSource()
    connect = GatedConnect(source, SourceStatus())
    app = app_for(connect, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#query", Input).value = "language:go"
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert source.calls == []  # nothing to ask yet: the search waits
        connect.gate.set()
        await connected(app, pilot)
        table = app.screen.query_one(ResultsTable)
        assert [repo.full_name for repo in table.repos] == ["gin-gonic/gin"]


async def test_the_status_found_while_connecting_reaches_the_badges(tmp_path: Path) -> None:
    connect = GatedConnect(FakeSource(), SourceStatus(authenticated=True, token_source="gh"))
    app = app_for(connect, tmp_path, status=SourceStatus())  # no token known at first
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        unauth = app.screen.query_one("#badge-unauth", Label)
        assert unauth.display  # no token yet: the badge says so
        connect.gate.set()
        await connected(app, pilot)
        assert not unauth.display  # gh had one
        assert app.context.status.token_source == "gh"


async def test_a_repository_opened_at_launch_waits_for_the_source(tmp_path: Path) -> None:
    source = FakeSource()
    connect = GatedConnect(source, SourceStatus())
    app = app_for(connect, tmp_path, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        connect.gate.set()
        await connected(app, pilot)
        assert any(call.startswith("report:pallets/flask") for call in source.calls)
        assert app.context.reports["pallets/flask"].languages


async def test_a_failed_connect_is_one_line_and_the_app_keeps_running(tmp_path: Path) -> None:
    def refused() -> tuple[RepoSource, SourceStatus]:
        raise AuthFailed("The token in gh auth token is not valid.")

    app = app_for(refused, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await connected(app, pilot)
        app.screen.query_one("#query", Input).value = "flask"
        await pilot.press("enter")
        await settle(app, pilot)
        shown = [str(n.message) for n in app._notifications]
        assert "The token in gh auth token is not valid." in shown
        assert app.is_running
