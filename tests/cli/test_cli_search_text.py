"""``repolens search`` lines up its columns whatever the names and languages are."""

from __future__ import annotations

from tui.analysis.report import RepoInfo
from tui.cli.text import search_text
from tui.sources.base import SearchResults


def page(*items: RepoInfo) -> SearchResults:
    return SearchResults("q", items, len(items), incomplete=False, page=1, has_next=False)


def test_columns_stay_aligned_with_a_long_language_and_a_long_name() -> None:
    text = search_text(page(
        RepoInfo("a/b", stars=5, primary_language="Go", description="short one"),
        RepoInfo("langchain-ai/opengpts", stars=None, primary_language="Rich Text Format",
                 description="GPTs"),
        RepoInfo("an-owner-with-a-long-name/and-an-even-longer-repository-name", stars=101_745,
                 primary_language="Python", description="x\x1b[31m"),
    ))  # fmt: skip
    head, *lines = text.splitlines()
    assert head == "3 repositories match; showing 3"
    assert len({line.index("★") for line in lines}) == 1
    descriptions = {
        line.index(word) for line, word in zip(lines, ("short", "GPTs", "x"), strict=True)
    }
    assert len(descriptions) == 1
    assert "\x1b" not in text


def test_no_results_is_the_count_alone() -> None:
    assert search_text(page()) == "0 repositories match; showing 0"
