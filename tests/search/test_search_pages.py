"""tui.search: candidates from several sources merge (earlier wins) and come back by the page."""

from __future__ import annotations

import pytest

from tui.analysis.report import RepoInfo
from tui.search import QuerySyntaxError, merge, search


def _info(name: str, stars: int, description: str = "") -> RepoInfo:
    return RepoInfo(full_name=name, stars=stars, description=description)


def test_merge_keeps_one_per_name_and_the_first_source_wins() -> None:
    cached = [_info("Acme/Tool", 9, "fresh")]
    bundled = [_info("acme/tool", 1, "old"), _info("zed/other", 5)]
    merged = merge(cached, bundled)
    assert sorted(r.full_name.lower() for r in merged) == ["acme/tool", "zed/other"]
    assert next(r for r in merged if r.full_name.lower() == "acme/tool").description == "fresh"


def test_pages_split_the_ordered_matches() -> None:
    repos = [_info(f"acme/lib-{i}", stars=i) for i in range(5)]
    first = search("user:acme", repos, sort="stars", page=1, per_page=2)
    third = search("user:acme", repos, sort="stars", page=3, per_page=2)
    assert [r.stars for r in first.items] == [4, 3]
    assert (first.total_count, first.has_next) == (5, True)
    assert [r.stars for r in third.items] == [0]
    assert not third.has_next


def test_a_malformed_query_is_refused() -> None:
    with pytest.raises(QuerySyntaxError):
        search("stars:lots", [], sort=None, page=1, per_page=30)
