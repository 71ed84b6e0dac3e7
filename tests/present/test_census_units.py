"""Census sizes are in the binary units the detail and compare screens use, in every output."""

from __future__ import annotations

import re

from tui.present.census import Census, Coverage, Share
from tui.present.census_output import census_markdown, census_text
from tui.present.format import size_bytes
from tui.ui.widgets.census_tables import _cells, numbers

BYTES = 12_058_624  # 11.5 MiB, 12.1 MB: the two unit systems disagree


def _census() -> Census:
    coverage = Coverage(listed=3, matched=3, counted=3, with_languages=3, with_frameworks=3,
                        from_cache=0)  # fmt: skip
    return Census(
        query="beta",
        coverage=coverage,
        by_repos=(Share("Python", 2, 66.7, ("a/x", "a/y")), Share("Go", 1, 33.3, ("a/z",))),
        by_bytes=(Share("Python", BYTES, 90.0, ("a/x",)), Share("Go", 1_340, 10.0, ("a/z",))),
        frameworks=(),
        years=(),
        trend_languages=(),
        rows=(),
    )


def _decimal(text: str) -> list[str]:
    """Sizes written in decimal units or as bare byte counts."""
    return re.findall(r"\d[\d,.]* (?:kB|KB|MB|GB|B)\b", text)


def test_text_and_markdown_write_sizes_as_the_detail_does() -> None:
    for text in (census_text(_census()), census_markdown(_census())):
        assert size_bytes(BYTES) in text  # 11.5 MiB
        assert size_bytes(1_340) in text  # 1.3 KiB
        assert _decimal(text) == [], text


def test_the_screen_writes_sizes_as_the_detail_does() -> None:
    rows = [n for n in numbers(_census()) if n.section.endswith("bytes")]
    shown = [_cells(n, heading=False)[3].plain for n in rows]
    assert shown == [size_bytes(BYTES), size_bytes(1_340)]


def test_a_census_of_one_repository_says_repository() -> None:
    one = Coverage(listed=1, matched=1, counted=1, with_languages=1, with_frameworks=1,
                   from_cache=0)  # fmt: skip
    census = Census("beta", one, (), (), (), (), (), (), ranges=("created:<2020",))
    for text in (census_text(census), census_markdown(census)):
        assert "1 repository" in text
        assert "1 repositories" not in text
    assert "1 range." in census_markdown(census)
