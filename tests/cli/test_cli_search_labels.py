"""``repolens search`` says where an answer comes from, and cuts descriptions with …."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.cli import run
from tui.present.format import shorten


@pytest.fixture(autouse=True)
def _nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A GitHub that refuses every connection (the discard port), and a cache of the test's own."""
    monkeypatch.setenv("REPOLENS_API_URL", "http://127.0.0.1:9/api/v3")
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))


def test_the_demo_says_its_answers_come_from_the_catalog(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--demo", "search", "flask")
    assert code == 0
    head, first, *_ = out.splitlines()
    assert head.endswith("(demo catalog)")
    assert "offline" not in out + err
    assert first.startswith("pallets/flask")
    assert first.endswith("…")  # its description is longer than the line leaves


def test_unreachable_github_still_says_offline_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "search", "flask")  # GitHub out of reach: the catalog answers
    assert code == 0
    assert out.splitlines()[0].endswith("(offline results)")
    assert "offline results from the cache and the bundled catalog" in err


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [("short", 10, "short"), ("exactly10!", 10, "exactly10!"), ("a long description", 7, "a long…"),
     ("ab cd", 4, "ab…")],
)  # fmt: skip
def test_shorten_ends_in_an_ellipsis_where_it_cuts(text: str, width: int, shown: str) -> None:
    assert shorten(text, width) == shown
    assert len(shorten(text, width)) <= width
