"""Census aggregation is pure: shares by repositories, by bytes, per category, per year."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.analysis.languages import shares
from tui.analysis.report import Framework, RepoInfo, RepoReport
from tui.present.census import aggregate, census_frameworks
from tui.search.framework_filter import parse_framework_filter
from tui.sources.census import CensusEntry, CensusResult
from tui.sources.census_plan import CensusPlan

PLAN = CensusPlan(4, True, 1, 3, 0, 4, 1.0)


def _entry(
    name: str, year: int, languages: dict[str, int], frameworks: list[Framework] | None
) -> CensusEntry:
    info = RepoInfo(
        full_name=name,
        stars=10,
        created_at=datetime(year, 5, 1, tzinfo=UTC),
        primary_language=max(languages, key=lambda k: languages[k]),
    )
    fws = None if frameworks is None else tuple(frameworks)
    report = RepoReport(info=info, languages=shares(languages), frameworks=fws)
    return CensusEntry(info, report if frameworks is not None else None)


TORCH = Framework("PyTorch", "ml", 0.9)
TF = Framework("TensorFlow", "ml", 0.9)
REACT = Framework("React", "web-frontend", 0.9)


def _result() -> CensusResult:
    entries = [
        _entry("a/torch", 2019, {"Python": 900, "Shell": 100}, [TORCH]),
        _entry("b/tf", 2019, {"Python": 500}, [TF, Framework("pytest", "test", 1.0)]),
        _entry("c/web", 2021, {"TypeScript": 3000, "Python": 100}, [REACT]),
        _entry("d/later", 2021, {"Go": 700}, None),
    ]
    return CensusResult(query="q", entries=entries, matched=10, plan=PLAN)


def test_languages_by_repositories_and_by_bytes_differ() -> None:
    census = aggregate(_result())
    by_repos = {s.name: (s.value, s.percent) for s in census.by_repos}
    assert by_repos["Python"] == (2, 50.0)
    assert by_repos["Go"] == (1, 25.0)
    by_bytes = {s.name: s.value for s in census.by_bytes}
    assert by_bytes == {"TypeScript": 3000, "Python": 1500, "Shell": 100}  # d/later not fetched
    assert census.by_bytes[0].name == "TypeScript"


def test_framework_shares_count_only_repositories_whose_frameworks_are_known() -> None:
    census = aggregate(_result())
    categories = dict(census.frameworks)
    assert "test" not in categories  # tooling is left out
    ml = {s.name: (s.value, s.percent, s.members) for s in categories["ml"]}
    assert ml["PyTorch"] == (1, 33.3, ("a/torch",))
    assert census.coverage.with_frameworks == 3
    assert census.coverage.counted == 4


def test_years_keep_the_repositories_behind_them() -> None:
    census = aggregate(_result())
    assert [(y.year, y.total) for y in census.years] == [(2019, 2), (2021, 2)]
    assert census.years[1].members == ("c/web", "d/later")


def test_a_filter_leaves_out_what_it_cannot_judge_and_says_so() -> None:
    census = aggregate(_result(), parse_framework_filter("q -framework:tensorflow"))
    assert [r.full_name for r in census.rows] == ["a/torch", "c/web"]
    assert census.coverage.unjudged == 1
    assert "1 not yet judged" in census.coverage.text()


def test_the_census_counts_weak_and_example_only_frameworks_out() -> None:
    report = RepoReport(
        info=RepoInfo("x/y"),
        frameworks=(
            Framework("PyTorch", "ml", 0.3),
            Framework("Flask", "web-backend", 0.9, only_in="examples"),
            Framework("NumPy", "data", 0.9, support=True),
            Framework("Django", "web-backend", 0.8),
        ),
    )
    assert [f.name for f in census_frameworks(report)] == ["Django"]
