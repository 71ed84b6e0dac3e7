"""Pilot tests of the search screen: searching, sorting, paging, the detail pane, prefetch."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.doubles.apps import app_for
from tests.doubles.fake_source import NOW, FakeSource, settle
from tui.github.budget import Budget
from tui.sources.base import SourceStatus
from tui.ui.app import RepoLensApp, make_app
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.framework_list import FrameworkList
from tui.ui.widgets.language_bar import LanguageBar
from tui.ui.widgets.repo_detail import RepoDetail
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)


def names(app: RepoLensApp) -> list[str]:
    """The repositories the results table shows, top to bottom."""
    return [repo.full_name for repo in app.screen.query_one(ResultsTable).repos]


async def test_typing_spends_nothing_enter_sends_one_search(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"language:python")
        await pilot.pause(0.6)  # a pause in typing is not a request for a search
        await settle(app, pilot)
        assert not [call for call in source.calls if call.startswith("search:")]
        await pilot.press("enter")
        await settle(app, pilot)
        searches = [call for call in source.calls if call.startswith("search:")]
        assert searches == ["search:language:python:None:1"]
        assert set(names(app)) == {
            "fastapi/fastapi", "pallets/flask", "karpathy/nanoGPT",
            "google-research/bert", "microsoft/BioGPT",
        }  # fmt: skip


async def test_new_search_replaces_slow_one(tmp_path: Path) -> None:
    source = FakeSource(delay=0.2)
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        query = app.screen.query_one("#query", Input)
        query.value = "rust"
        await pilot.press("enter")
        await pilot.pause()  # the slow search is under way (a pending worker cancelled raises)
        query.value = "language:go"
        query.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert names(app) == ["gin-gonic/gin"]


async def test_detail_follows_cursor_and_fills_in(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert detail.report is not None
        first = detail.report.info.full_name
        await pilot.press("down")
        await settle(app, pilot)
        report = detail.report
        assert report is not None
        assert report.info.full_name != first
        assert report.info.full_name == app.screen.query_one(ResultsTable).current.full_name  # type: ignore[union-attr]
        bar = detail.query_one(LanguageBar)
        assert bar.shares is not None
        assert bar.shares[0].name == "Python"
        assert not bar.has_class("-loading")
        assert detail.query_one(FrameworkList).frameworks is not None
        assert f"report:{report.info.full_name}" in source.calls


async def test_placeholders_show_while_loading(tmp_path: Path) -> None:
    source = FakeSource(report_delay=30.0)  # metadata is known, the rest never arrives
    app = app_for(source, tmp_path, initial_query="flask")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        detail = app.screen.query_one(RepoDetail)
        assert detail.has_class("-loading")
        assert detail.query_one(LanguageBar).has_class("-loading")
        assert detail.query_one(FrameworkList).has_class("-loading")
        assert "pallets/flask" in str(detail.query_one("#detail-title").render())
        assert "languages loading" in str(detail.query_one(LanguageBar).render())
        app.workers.cancel_all()


async def test_sort_cycles_and_searches_again(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert source.calls.count("search:language:python:stars:1") == 1
        assert names(app)[0] == "fastapi/fastapi"
        await pilot.press("s")
        await settle(app, pilot)
        assert names(app)[0] == "pallets/flask"  # most forks of the Python ones
        assert "sort forks" in str(app.screen.query_one("#hint").render())


async def test_paging(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, initial_query="a")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await settle(app, pilot)
        first_page = names(app)
        assert len(first_page) == 10  # all ten fit on one page of 30
        await pilot.press("n")  # no next page: nothing is sent
        await settle(app, pilot)
        assert [c for c in source.calls if c.startswith("search:")] == ["search:a:None:1"]
        source.add(FakeSource.many(40))
        await pilot.press("s", "s", "s", "s")  # a full cycle of sorts searches again
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert screen.page == 2
        assert "search:a:None:2" in source.calls
        assert names(app) != first_page
        await pilot.press("p")
        await settle(app, pilot)
        assert screen.page == 1


async def test_evidence_toggles(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="flask")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        frameworks = app.screen.query_one(FrameworkList)
        assert "pyproject.toml" not in str(frameworks.render())
        await pilot.press("e")
        assert frameworks.show_evidence
        assert "pyproject.toml" in str(frameworks.render())


async def test_prefetch_only_while_budget_is_healthy(tmp_path: Path) -> None:
    budget = Budget()
    source = FakeSource(budget=budget)
    token = SourceStatus(authenticated=True, token_source="GH_TOKEN")
    app = app_for(source, tmp_path, budget=budget, initial_query="language:python", status=token)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reports = [c for c in source.calls if c.startswith("report:")]
        assert len(reports) > 1  # the row under the cursor and its neighbour
    budget = Budget()
    source = FakeSource(budget=budget)
    core = budget.get("core")
    assert core is not None
    from dataclasses import replace

    budget.update(replace(core, remaining=20))
    app = app_for(source, tmp_path, budget=budget, initial_query="language:python", status=token)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reports = [c for c in source.calls if c.startswith("report:")]
        assert reports == ["report:fastapi/fastapi"]


async def test_no_budget_info_prefetches_only_with_token(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len([c for c in source.calls if c.startswith("report:")]) == 1
    source = FakeSource()
    status = SourceStatus(authenticated=True, token_source="GH_TOKEN")
    app = app_for(source, tmp_path, status=status, initial_query="language:python")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len([c for c in source.calls if c.startswith("report:")]) > 1


async def test_enter_opens_detail_and_escape_returns(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, initial_query="gin")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.info.full_name == "gin-gonic/gin"
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("slash")
        assert app.screen.focused is app.screen.query_one("#query", Input)


async def test_one_repo_on_command_line_opens_its_detail(tmp_path: Path) -> None:
    app = app_for(FakeSource(), tmp_path, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        report = app.screen.query_one(RepoDetail).report
        assert report is not None
        assert report.frameworks is not None
        assert report.info.stars == 72133


async def test_bare_name_says_loading_not_none(tmp_path: Path) -> None:
    source = FakeSource(report_delay=30.0)  # the facts never arrive
    app = app_for(source, tmp_path, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = app.screen.query_one(RepoDetail)
        assert detail.pending
        assert str(detail.query_one("#detail-description").render()) == "loading…"
        assert "licence" not in str(detail.query_one("#detail-meta").render())
        app.workers.cancel_all()
    app = app_for(FakeSource(), tmp_path, open_repos=["pallets/flask"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = app.screen.query_one(RepoDetail)
        assert not detail.pending
        assert "BSD-3-Clause" in str(detail.query_one("#detail-meta").render())


async def test_no_results_leave_no_detail_pane_loading(tmp_path: Path) -> None:
    source = FakeSource()
    app = app_for(source, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#query", Input).value = "language:cobol"
        await pilot.press("enter")
        await settle(app, pilot)
        assert names(app) == []
        assert not app.screen.query_one(RepoDetail).display
        app.screen.query_one("#query", Input).value = "language:go"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one(RepoDetail).display


async def test_activity_still_being_computed_is_not_asked_for_on_every_visit(
    tmp_path: Path,
) -> None:
    from dataclasses import replace
    from datetime import timedelta

    source = FakeSource()
    source.repos["pallets/flask"] = replace(source.repos["pallets/flask"], weekly=())
    clock = [NOW]
    token = SourceStatus(authenticated=True, token_source="GH_TOKEN")  # activity by itself
    app = make_app(source, now=lambda: clock[0], blink=False, export_dir=tmp_path, status=token)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#query", Input).value = "language:python"
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one(ResultsTable)
        table.focus()
        row = names(app).index("pallets/flask")
        for _ in range(3):  # to the repository and away again, three times
            table.move_cursor(row=row)
            await settle(app, pilot)
            table.move_cursor(row=0 if row else 1)
            await settle(app, pilot)
        assert source.calls.count("activity:pallets/flask") == 1  # each ask would cost a request
        clock[0] = NOW + timedelta(minutes=3)
        table.move_cursor(row=row)
        await settle(app, pilot)
        assert source.calls.count("activity:pallets/flask") == 2  # worth asking again by now
