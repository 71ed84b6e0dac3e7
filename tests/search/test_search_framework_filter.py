"""The ``framework:`` qualifier: taken out of the query GitHub sees, applied to detections."""

from __future__ import annotations

import pytest

from tui.search.framework_filter import parse_framework_filter


def test_the_qualifier_never_reaches_github() -> None:
    flt = parse_framework_filter("topic:llm framework:pytorch -framework:tensorflow stars:>10")
    assert flt.query == "topic:llm stars:>10"
    assert flt.active


@pytest.mark.parametrize(
    ("query", "frameworks", "kept"),
    [
        ("framework:pytorch", ["PyTorch", "NumPy"], True),
        ("framework:pytorch", ["TensorFlow"], False),
        ("framework:pytorch -framework:tensorflow", ["PyTorch", "TensorFlow"], False),
        ("-framework:tensorflow", [], True),
        ("framework:nextjs", ["Next.js", "React"], True),
        ("framework:Spring-Boot", ["Spring Boot"], True),
        ("framework:flask,django", ["Django"], True),
        ("framework:flask,django framework:celery", ["Django"], False),
    ],
)
def test_names_match_without_case_or_punctuation(
    query: str, frameworks: list[str], kept: bool
) -> None:
    assert parse_framework_filter(query).matches(frameworks) is kept


def test_a_query_without_the_qualifier_is_left_alone() -> None:
    flt = parse_framework_filter("language:python  machine learning")
    assert flt.query == "language:python machine learning"
    assert not flt.active
    assert flt.matches([])


def test_an_empty_qualifier_is_github_s_to_read() -> None:
    assert parse_framework_filter("framework: x").query == "framework: x"


def test_describe_writes_the_terms_back() -> None:
    flt = parse_framework_filter("a FRAMEWORK:PyTorch -framework:jax")
    assert flt.describe() == "framework:pytorch -framework:jax"
