"""Budget stewardship in the real app over the real client: what previews cost, the meter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.doubles.clients import ClientFactory
from tests.doubles.fake_source import settle
from tests.doubles.github_server import FakeClock, GitHubServer
from tui.github.budget import Budget
from tui.sources.github import GitHubSource
from tui.ui.app import make_app
from tui.ui.widgets.rate_meter import RateLimitMeter
from tui.ui.widgets.repo_detail import RepoDetail
from tui.ui.widgets.results_table import ResultsTable

SIZE = (100, 32)
MANIFESTS = [
    {"requirements.txt": b"django==5.0\n"},
    {"pyproject.toml": b'[project]\nname = "svc"\ndependencies = ["fastapi>=0.110"]\n'},
    {"package.json": b'{"dependencies": {"next": "14.1.0", "react": "18.2.0"}}'},
    {"go.mod": b"module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n"},
    {"package.json": b'{"private": true, "workspaces": ["packages/*"]}',
     "packages/ui/package.json": b'{"name": "ui", "dependencies": {"vue": "3.4.0"}}'},
]  # fmt: skip


def serve(server: GitHubServer) -> None:
    """Five repositories a search for ``kit`` finds; one is a workspace (it needs the tree)."""
    for n, files in enumerate(MANIFESTS):
        repo = server.add_repo(f"kit/app{n}", files=files, languages={"Python": 100 + n},
                               description="kit", stargazers_count=100 - n)  # fmt: skip
        repo.pending_stats = 1  # cold statistics: GitHub says "computing" first


def core_spent(server: GitHubServer) -> int:
    return sum(1 for h in server.hits() if h.charged and "/search/" not in h.path)


async def test_previews_without_a_token_cost_at_most_1_2_requests_each_and_revisits_none(
    github_server: GitHubServer, make_client: ClientFactory, fake_clock: FakeClock, tmp_path: Path
) -> None:
    serve(github_server)
    client = make_client()
    source = GitHubSource(client)
    app = make_app(source, budget=client.budget, now=fake_clock, blink=False,
                   export_dir=tmp_path, initial_query="kit")  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, rounds=4)
        table = app.screen.query_one(ResultsTable)
        for row in range(1, len(MANIFESTS)):
            table.move_cursor(row=row)
            await settle(app, pilot, rounds=4)
            report = app.screen.query_one(RepoDetail).report
            assert report is not None
            assert report.frameworks is not None
        spent = core_spent(github_server)
        assert spent / len(MANIFESTS) <= 1.2  # languages each, one tree for the workspace
        assert not [h for h in github_server.hits() if "/stats/" in h.path]  # not asked for
        for row in range(len(MANIFESTS)):  # revisits
            table.move_cursor(row=row)
            await settle(app, pilot, rounds=2)
        assert core_spent(github_server) == spent
        await pilot.press("a")  # the user asks for the activity: 202, one spaced retry
        await settle(app, pilot, rounds=4)
        assert len([h for h in github_server.hits() if "/stats/" in h.path]) == 2


async def test_meter_colours_follow_what_is_left(tmp_path: Path) -> None:
    from tests.doubles.fake_source import NOW, FakeSource

    budget = Budget()
    source = FakeSource(budget=budget)
    core = budget.get("core")
    assert core is not None
    # the fake source's resets are NOW + 42 min: the meter counts down on the same clock
    app = make_app(source, budget=budget, now=lambda: NOW, blink=False, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        meter = app.screen.query_one(RateLimitMeter)
        for remaining, colour in ((60, "-ok"), (12, "-warning"), (0, "-error")):
            budget.update(replace(core, limit=60, remaining=remaining))
            await pilot.pause()
            assert meter.has_class(colour), (remaining, meter.classes)
            assert sum(meter.has_class(c) for c in ("-ok", "-warning", "-error")) == 1
        budget.update(replace(core, limit=60, remaining=48))
        budget.update(replace(core, resource="graphql", limit=0, remaining=0))  # no token
        await pilot.pause()
        text = str(meter.render())
        assert meter.has_class("-ok")  # graphql 0/0 is not "spent": it is not ours
        assert "graphql" not in text
        assert "≈ 40 more repo" in text  # "repositories this hour" where the bar is wide
