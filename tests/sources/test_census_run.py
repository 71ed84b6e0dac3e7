"""A census against the tests' GitHub: hundreds of generated repositories, within the budget."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.generated_repos import CensusGraphQL, Generated, install, populate
from tests.doubles.github_server import GitHubServer
from tui.present.census import aggregate, census_frameworks
from tui.sources.census import CensusProgress, CensusResult, CensusRunner
from tui.sources.github import GitHubSource


@pytest.fixture
def generated(github_server: GitHubServer) -> Generated:
    made = populate(github_server, 1200)
    install(github_server)
    return made


async def _census(
    make_client: ClientFactory,
    token: str | None,
    limit: int,
    on_progress: Callable[[CensusProgress], None] | None = None,
) -> tuple[CensusRunner, CensusResult]:
    source = GitHubSource(make_client(token))
    runner = CensusRunner(
        source, clock=make_client.clock, sleep=make_client.sleep, on_progress=on_progress
    )
    plan = await runner.plan(limit)
    return runner, await runner.run_query("census", plan)


def _refused(server: GitHubServer) -> list[str]:
    return [h.path for h in server.hits() if h.status in (403, 422, 429)]


async def test_a_thousand_with_a_token_in_at_most_forty_requests(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    _, result = await _census(make_client, "tok", 1000)
    assert len(result.entries) == 1000
    api = [h for h in github_server.hits() if not h.path.startswith("/raw/")]
    charged = [h for h in api if h.charged]
    assert len(charged) <= 40
    assert all(e.report is not None and e.report.frameworks is not None for e in result.entries)
    for entry in result.entries:  # every verdict is the one its manifests call for
        assert entry.report is not None
        found = {f.name for f in census_frameworks(entry.report)}
        assert set(generated.expected[entry.info.full_name]) <= found, entry.info.full_name
    stars = [e.info.stars or 0 for e in result.entries]
    assert stars == sorted(stars, reverse=True)  # the most starred thousand
    assert _refused(github_server) == []


def _core_left(make_client: ClientFactory) -> int:
    """What the core bucket has left, as the last client saw it."""
    core = make_client.clients[-1].budget.get("core")
    assert core is not None
    return core.remaining


async def test_without_a_token_no_request_is_refused_and_coverage_is_honest(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    _, result = await _census(make_client, None, 1000)
    searches = github_server.hits("/api/v3/search/")
    assert len(searches) == 10
    assert _refused(github_server) == []
    assert all(e.info.primary_language for e in result.entries)
    detailed = [e for e in result.entries if e.report is not None]
    # the plan promised 30 (two requests each); most reports cost one, and the rest of the hour's
    # 60 is spent too, on more repositories, until less than a report's cost is left
    assert 30 < len(detailed) < 60
    assert _core_left(make_client) < 2
    census = aggregate(result)
    assert census.coverage.with_frameworks == len(detailed)
    assert sum(s.value for s in census.by_repos) == 1000
    expected = f"frameworks for {len(detailed)} of 1,000; the rest after the reset at"
    assert expected in census.coverage.text()
    assert result.reset_at is not None


async def test_a_second_run_takes_everything_fetched_from_the_cache(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    _, first = await _census(make_client, None, 200)
    done = {e.info.full_name for e in first.entries if e.report is not None}
    make_client.clock.advance(minutes=61)  # the core budget refills; cached answers age
    before = len(github_server.hits())
    _, second = await _census(make_client, None, 200)
    again = [h.path for h in github_server.hits()[before:] if h.path.startswith("/api/v3/repos/")]
    assert not [p for p in again if any(f"/repos/{n}/" in p for n in done)]
    cached = {e.info.full_name for e in second.entries if e.from_cache}
    assert cached == done
    fresh = [e for e in second.entries if e.report is not None and not e.from_cache]
    assert len(fresh) > 30  # a second hour's budget, on repositories not seen yet
    assert _refused(github_server) == []


async def test_within_the_hour_a_rerun_spends_nothing(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    await _census(make_client, None, 100)
    charged = github_server.charged()
    _, second = await _census(make_client, None, 100)
    assert github_server.charged() == charged
    first_done = [e for e in second.entries if e.from_cache]
    assert len(first_done) == len([e for e in second.entries if e.report is not None]) > 30


async def test_a_cancelled_census_resumes_from_the_cache(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    task: asyncio.Task[object] | None = None

    def cancel_midway(progress: CensusProgress) -> None:
        if progress.phase == "details" and progress.done == 150 and task is not None:
            task.cancel()

    source = GitHubSource(make_client("tok"))
    runner = CensusRunner(source, clock=make_client.clock, on_progress=cancel_midway)
    plan = await runner.plan(300)
    task = asyncio.ensure_future(runner.run_query("census", plan))
    with pytest.raises(asyncio.CancelledError):
        await task
    partial = [e for e in runner.entries.values() if e.report is not None]
    assert 150 <= len(partial) < 300
    route = github_server.sticky[("POST", "/api/graphql")]
    assert isinstance(route, CensusGraphQL)
    searched = len(route.calls)
    repos_asked = len(github_server.hits("/api/v3/repos/"))
    _, result = await _census(make_client, "tok", 300)
    assert all(e.report is not None for e in result.entries)
    # the search pages come from the cache; only follow-ups the cancel cut short are sent
    assert not [c for c in route.calls[searched:] if "q" in c]
    assert len(github_server.hits("/api/v3/repos/")) == repos_asked


async def test_past_a_thousand_the_query_is_sliced_by_creation_date(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    _, result = await _census(make_client, "tok", 1150)
    names = [e.info.full_name for e in result.entries]
    assert len(names) == len(set(names)) == 1150
    assert len(result.ranges) >= 2
    assert all(r.startswith("created:") for r in result.ranges)
    assert _refused(github_server) == []


async def test_the_server_refuses_a_page_past_the_thousandth_result(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    import httpx

    async with httpx.AsyncClient() as http:
        url = f"{github_server.api_url}/search/repositories"
        answer = await http.get(url, params={"q": "census", "per_page": 100, "page": 11})
        last = await http.get(url, params={"q": "census", "per_page": 100, "page": 10})
    assert answer.status_code == 422
    assert "first 1000" in answer.json()["message"]
    assert 'rel="next"' not in last.headers.get("link", "")


async def test_a_framework_filter_narrows_the_census(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    from tui.search.framework_filter import parse_framework_filter

    _, result = await _census(make_client, "tok", 300)
    flt = parse_framework_filter("census framework:react -framework:nextjs")
    census = aggregate(result, flt)
    assert census.rows
    for row in census.rows:
        names = {n for _, n in row.frameworks or ()}
        assert "React" in names
        assert "Next.js" not in names
    expected = [
        n for n, fws in generated.expected.items() if "React" in fws and "Next.js" not in fws
    ]
    listed = {e.info.full_name for e in result.entries}
    assert {r.full_name for r in census.rows} == {n for n in expected if n in listed}


async def test_budget_spent_elsewhere_mid_census_is_said_and_not_fought(
    github_server: GitHubServer, make_client: ClientFactory, generated: Generated
) -> None:
    def someone_else_spends(progress: CensusProgress) -> None:
        if progress.phase == "details" and progress.done == 10:
            github_server.exhaust("core", reset_in=1800)

    _, result = await _census(make_client, None, 100, someone_else_spends)
    refused = [h for h in github_server.hits("/api/v3/repos/") if h.status == 403]
    assert len(refused) <= 8  # only those already in flight; none sent after GitHub said so
    census = aggregate(result)
    assert 10 <= census.coverage.with_frameworks < 30
    assert census.coverage.with_languages >= census.coverage.with_frameworks
    assert all(e.info.primary_language for e in result.entries)  # the listing stands
    assert "the rest after the reset at" in census.coverage.text()
