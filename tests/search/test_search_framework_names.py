"""``framework:`` names must be ones repolens detects; a wrong one is refused with the nearest."""

from __future__ import annotations

import pytest

from tui.analysis.rules import load_rules
from tui.search import QuerySyntaxError
from tui.search.framework_filter import closest, parse_framework_filter, slug


@pytest.mark.parametrize(
    ("written", "nearest"),
    [
        ("pytroch", "PyTorch"),
        ("tensorflw", "TensorFlow"),
        ("transformers", "Hugging Face Transformers"),
        ("next", "Next.js"),
    ],
)
def test_a_misspelt_name_is_refused_with_the_closest_known_ones(written: str, nearest: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_framework_filter(f"topic:llm framework:{written}")
    message = str(caught.value)
    assert "\n" not in message
    assert f"Unknown framework {written!r}" in message
    assert f"{nearest} ({slug(nearest)})" in message


def test_a_negated_or_listed_name_is_checked_too() -> None:
    with pytest.raises(QuerySyntaxError, match="'djnago'"):
        parse_framework_filter("q framework:flask,djnago")
    with pytest.raises(QuerySyntaxError, match="'tensorflo'"):
        parse_framework_filter("q -framework:tensorflo")


def test_every_rule_name_is_accepted_as_its_slug() -> None:
    for rule in load_rules():
        assert parse_framework_filter(f"x framework:{slug(rule.name)}").active


def test_even_a_name_far_from_all_gets_suggestions() -> None:
    assert len(closest("zzzzqqqq")) == 3
