"""``--demo`` on the command line: the catalog answers, nothing is sent, nothing is metered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.doubles.cli import run


@pytest.fixture(autouse=True)
def _nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A GitHub that refuses every connection (the discard port), and a cache of the test's own."""
    monkeypatch.setenv("REPOLENS_API_URL", "http://127.0.0.1:9/api/v3")
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))


def test_another_repository_is_not_in_the_demo_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--demo", "show", "torvalds/linux")
    assert code == 3  # not found
    assert out == ""
    assert err.strip() == "repolens: torvalds/linux is not in the demo catalog."


def test_the_demo_spends_no_budget(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--demo", "rate-limit")
    assert code == 0
    assert "no rate limit" in out
    code, out, _ = run(capsys, "--demo", "show", "pallets/flask", "--json")
    assert code == 0
    assert json.loads(out)["source"] == {
        "kind": "catalog",
        "from_cache": False,
        "stale": False,
        "fetched_at": None,
    }
    assert not (tmp_path / "cache").exists()  # no answer was cached: none was asked for
