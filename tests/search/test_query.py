"""Offline search: GitHub's query syntax over RepoInfo objects, qualifier by qualifier."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.analysis.report import RepoInfo
from tui.search.query import QuerySyntaxError, parse_query, relevance, search_repos


def _repo(full_name: str, **fields: object) -> RepoInfo:
    return RepoInfo(full_name=full_name, **fields)  # type: ignore[arg-type]  # test data


REPOS = [
    _repo(
        "acme/rocket",
        description="A web framework for Rust",
        stars=500,
        forks=40,
        primary_language="Rust",
        topics=("web", "framework"),
        license="MIT",
        size_kb=900,
        pushed_at=datetime(2026, 3, 1, tzinfo=UTC),
        created_at=datetime(2019, 1, 1, tzinfo=UTC),
    ),
    _repo(
        "Acme/notebooks",
        description="Machine learning tutorials",
        stars=50,
        forks=300,
        primary_language="Jupyter Notebook",
        topics=("ml",),
        license="Apache-2.0",
        size_kb=40_000,
        pushed_at=datetime(2023, 6, 30, 23, 0, tzinfo=UTC),
        archived=True,
    ),
    _repo(
        "bob/webkit-tools",
        description=None,
        stars=None,
        forks=None,
        primary_language="Python",
        topics=(),
        pushed_at=None,
    ),
    _repo(
        "carol/rocket",
        description="fork of acme/rocket",
        stars=3,
        forks=0,
        primary_language="Rust",
        fork=True,
        pushed_at=datetime(2026, 5, 5, tzinfo=UTC),
    ),
]


def _names(query: str, **kwargs: str | None) -> list[str]:
    return [repo.full_name for repo in search_repos(query, REPOS, **kwargs)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rocket", {"acme/rocket"}),
        ("ROCKET", {"acme/rocket"}),
        ("web", {"acme/rocket", "bob/webkit-tools"}),
        ("learning", {"Acme/notebooks"}),
        ("ml", {"Acme/notebooks"}),
        ('"machine learning"', {"Acme/notebooks"}),
        ('"learning machine"', set()),
        ("web in:name", {"bob/webkit-tools"}),
        ("framework in:description", {"acme/rocket"}),
        ("framework in:name", set()),
        ("ml in:topics", {"Acme/notebooks"}),
        ("language:rust", {"acme/rocket"}),
        ("language:Python", {"bob/webkit-tools"}),
        ("language:jupyter-notebook", {"Acme/notebooks"}),
        ('language:"jupyter notebook"', {"Acme/notebooks"}),
        ("language:rust language:python", {"acme/rocket", "bob/webkit-tools"}),
        ("stars:>50", {"acme/rocket"}),
        ("stars:>=50", {"acme/rocket", "Acme/notebooks"}),
        ("stars:<50", set()),
        ("stars:<=50", {"Acme/notebooks"}),
        ("stars:50", {"Acme/notebooks"}),
        ("stars:10..100", {"Acme/notebooks"}),
        ("stars:100..*", {"acme/rocket"}),
        ("stars:*..100", {"Acme/notebooks"}),
        ("forks:>100", {"Acme/notebooks"}),
        ("size:<1000", {"acme/rocket"}),
        ("topic:web", {"acme/rocket"}),
        ("topic:WEB topic:framework", {"acme/rocket"}),
        ("topic:web topic:ml", set()),
        ("topics:0", {"bob/webkit-tools"}),
        ("user:acme", {"acme/rocket", "Acme/notebooks"}),
        ("org:ACME", {"acme/rocket", "Acme/notebooks"}),
        ("user:acme user:bob", {"acme/rocket", "Acme/notebooks", "bob/webkit-tools"}),
        ("repo:acme/rocket", {"acme/rocket"}),
        ("repo:acme/rocket repo:bob/webkit-tools", {"acme/rocket", "bob/webkit-tools"}),
        ("license:mit", {"acme/rocket"}),
        ("archived:true", {"Acme/notebooks"}),
        ("archived:false", {"acme/rocket", "bob/webkit-tools"}),
        ("pushed:>2024-01-01", {"acme/rocket"}),
        ("pushed:<=2023-06-30", {"Acme/notebooks"}),
        ("pushed:2023-06-30", {"Acme/notebooks"}),
        ("pushed:2023-01-01..2023-12-31", {"Acme/notebooks"}),
        ("created:<2020-01-01", {"acme/rocket"}),
        ("is:public", {"acme/rocket", "Acme/notebooks", "bob/webkit-tools"}),
        ("is:private", set()),
        ("fork:true rocket", {"acme/rocket", "carol/rocket"}),
        ("fork:only", {"carol/rocket"}),
        ("fork:false rocket", {"acme/rocket"}),
    ],
)
def test_qualifiers_select_the_matching_repositories(query: str, expected: set[str]) -> None:
    assert set(_names(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("-language:rust", {"Acme/notebooks", "bob/webkit-tools"}),
        ("NOT language:rust", {"Acme/notebooks", "bob/webkit-tools"}),
        ("web -rocket", {"bob/webkit-tools"}),
        ("web NOT rocket", {"bob/webkit-tools"}),
        ("user:acme -topic:ml", {"acme/rocket"}),
        ('-"machine learning"', {"acme/rocket", "bob/webkit-tools"}),
        ("rocket OR notebooks", {"acme/rocket", "Acme/notebooks"}),
        ("rocket AND web", {"acme/rocket"}),
        ("user:acme language:rust stars:>100", {"acme/rocket"}),
        ("user:acme language:rust stars:>1000", set()),
        ("web language:python", {"bob/webkit-tools"}),
    ],
)
def test_negation_and_combinations(query: str, expected: set[str]) -> None:
    assert set(_names(query)) == expected


@pytest.mark.parametrize("query", ["stars:>0", "-stars:>0", "forks:<1000", "-forks:<1000"])
def test_a_missing_figure_matches_no_condition_on_it(query: str) -> None:
    assert "bob/webkit-tools" not in _names(query)


@pytest.mark.parametrize(
    ("query", "sort", "order", "expected"),
    [
        ("user:acme", "stars", "desc", ["acme/rocket", "Acme/notebooks"]),
        ("user:acme", "stars", "asc", ["Acme/notebooks", "acme/rocket"]),
        ("user:acme", "forks", None, ["Acme/notebooks", "acme/rocket"]),
        ("user:acme", "updated", "desc", ["acme/rocket", "Acme/notebooks"]),
        ("user:acme sort:stars-asc", None, None, ["Acme/notebooks", "acme/rocket"]),
        ("user:acme sort:stars-asc", "stars", "desc", ["acme/rocket", "Acme/notebooks"]),
        ("is:public", "stars", "desc", ["acme/rocket", "Acme/notebooks", "bob/webkit-tools"]),
        ("is:public", "stars", "asc", ["Acme/notebooks", "acme/rocket", "bob/webkit-tools"]),
    ],
)
def test_sort_and_order_put_missing_figures_last(
    query: str, sort: str | None, order: str | None, expected: list[str]
) -> None:
    assert _names(query, sort=sort, order=order) == expected


def test_best_match_ranks_a_name_hit_above_a_description_hit() -> None:
    repos = [
        _repo("x/tools", description="rocket tools", stars=10_000),
        _repo("y/rocket", description="something", stars=1),
    ]
    found = search_repos("rocket", repos)
    assert [repo.full_name for repo in found] == ["y/rocket", "x/tools"]
    parsed = parse_query("rocket")
    assert relevance(parsed, repos[1]) > relevance(parsed, repos[0]) >= 1.0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unbalanced', "Unbalanced quote"),
        ('language:"jupyter notebook', "Unbalanced quote"),
        ("colour:red", "Unknown search qualifier colour:"),
        ("-colour:red", "Unknown search qualifier colour:"),
        ("followers:>10", "not supported offline"),
        ("language:", "needs a value"),
        ("stars:>many", "stars: expects numbers"),
        ("stars:1..x", "stars: expects numbers"),
        ("pushed:>yesterday", "pushed: expects dates"),
        ("pushed:>2024-13-01", "pushed: expects dates"),
        ("archived:maybe", "archived: expects true or false"),
        ("fork:sometimes", "fork:sometimes"),
        ("in:body", "in:body"),
        ("sort:name", "sort:name"),
        ("is:template", "is:template"),
    ],
)
def test_bad_syntax_is_one_clear_error(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message) as caught:
        search_repos(query, REPOS)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("sort", "order"), [("help-wanted-issues", None), ("stars", "up")])
def test_unknown_sort_or_order_is_refused(sort: str, order: str | None) -> None:
    with pytest.raises(QuerySyntaxError):
        search_repos("rocket", REPOS, sort=sort, order=order)


def test_repository_text_is_matched_literally_not_as_a_pattern() -> None:
    repos = [_repo("x/a", description="uses [brackets] and .* here"), _repo("x/b", description="b")]
    assert [r.full_name for r in search_repos('".*"', repos)] == ["x/a"]
    assert [r.full_name for r in search_repos("[brackets]", repos)] == ["x/a"]
