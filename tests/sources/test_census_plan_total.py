"""A census of a query that matches few repositories plans for those, not for its limit."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.doubles.clients import ClientFactory
from tests.doubles.generated_repos import install, populate
from tests.doubles.github_server import GitHubServer
from tui.github.models import RateBucket
from tui.sources.census import CensusRunner
from tui.sources.census_plan import plan_named, plan_search, plan_text
from tui.sources.github import GitHubSource

RESET = datetime(2026, 1, 1, 13, 0, tzinfo=UTC)
CORE = {"core": RateBucket("core", 5000, 5000, 0, RESET)}


def test_a_known_total_below_the_limit_is_what_is_planned() -> None:
    plan = plan_search(1000, CORE, token=True, total=12)
    assert (plan.repos, plan.searches, plan.detailed) == (12, 1, 12)
    assert plan_text(plan).startswith("12 repositories: 1 search and about 3 GraphQL points")


def test_a_total_above_the_limit_leaves_the_limit() -> None:
    plan = plan_search(300, CORE, token=True, total=50_000)
    assert (plan.repos, plan.searches, plan.capped_from) == (300, 3, None)


def test_counts_of_one_are_singular_in_every_plan() -> None:
    one = {"core": RateBucket("core", 60, 3, 57, RESET)}
    texts = [
        plan_text(plan_search(1, CORE, token=True)),
        plan_text(plan_search(1, one, token=False)),
        plan_text(plan_named(1, one, token=False)),
    ]
    for text in texts:
        assert "1 repository" in text, text
        for wrong in ("1 searches", "1 repositories", "1 GraphQL points", "1 requests"):
            assert wrong not in text, text


async def test_the_runner_plans_for_what_the_first_page_says_and_reuses_it(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    populate(github_server, 12, word="beta")
    install(github_server)
    runner = CensusRunner(GitHubSource(make_client("tok")), clock=make_client.clock)
    plan = await runner.plan(1000, query="beta")
    assert (plan.repos, plan.searches) == (12, 1)
    searched = len([h for h in github_server.hits() if h.charged])
    result = await runner.run_query("beta", plan)
    assert len(result.entries) == 12
    assert result.matched == 12
    charged = len([h for h in github_server.hits() if h.charged])
    # the plan read the one search page; the run takes it from the cache and spends only the
    # follow-up queries (a second search would cost one point more)
    assert searched == plan.searches
    assert charged - searched == plan.graphql_points - plan.searches
