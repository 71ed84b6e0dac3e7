"""The plan before spending: what a census costs and what this hour's budget covers."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.github.models import RateBucket
from tui.sources.census_plan import plan_named, plan_search, plan_text

RESET = datetime(2026, 1, 1, 13, 0, tzinfo=UTC)


def _core(remaining: int, limit: int = 60) -> dict[str, RateBucket]:
    return {"core": RateBucket("core", limit, remaining, limit - remaining, RESET)}


def test_with_a_token_a_thousand_cost_ten_searches_and_few_points() -> None:
    plan = plan_search(1000, _core(5000, 5000), token=True)
    assert plan.searches == 10
    assert plan.searches + plan.graphql_points <= 40 + 10  # searches are points too
    assert plan.detailed == 1000
    assert "10 searches" in plan_text(plan)
    assert "GraphQL points" in plan_text(plan)


def test_without_a_token_details_stop_where_the_core_budget_does() -> None:
    plan = plan_search(1000, _core(55), token=False)
    assert plan.searches == 10
    assert plan.detailed == 27  # two core requests each: 54 of the 55 left
    assert plan.core_requests == 54
    assert plan.reset_at == RESET
    text = plan_text(plan)
    assert "primary languages for up to 1,000" in text  # how many match is not known yet
    assert "first 27 this hour" in text


def test_a_small_census_is_all_affordable() -> None:
    plan = plan_search(20, _core(60), token=False)
    assert (plan.searches, plan.detailed, plan.reset_at) == (1, 20, None)
    assert "for all of them (40 requests)" in plan_text(plan)


def test_past_a_thousand_without_a_token_is_capped_and_said() -> None:
    plan = plan_search(2500, _core(60), token=False)
    assert plan.repos == 1000
    assert plan.capped_from == 2500
    assert "stops at 1,000" in plan_text(plan)


def test_past_a_thousand_with_a_token_is_sliced_up_to_ten_thousand() -> None:
    plan = plan_search(25_000, _core(5000, 5000), token=True)
    assert plan.repos == 10_000
    assert plan.sliced
    assert plan.searches == 100 + 10
    assert "sliced by creation date" in plan_text(plan)


def test_named_repositories_cost_their_metadata_too() -> None:
    plan = plan_named(40, _core(60), token=False)
    assert plan.detailed == 20
    assert plan.searches == 0


def test_no_limits_known_means_everything_is_planned() -> None:
    plan = plan_search(300, {}, token=False)
    assert plan.detailed == 300
