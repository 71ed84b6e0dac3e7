"""``search --offline`` that finds nothing cached fails clearly, as when GitHub is unreachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.cli import run


def test_nothing_cached_matches_is_exit_5(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, out, err = run(capsys, "--offline", "search", "zzqqzz")
    assert code == 5
    assert out == ""
    assert err == "repolens: Offline, and nothing in the cache or the bundled catalog matches.\n"
    code, out, _ = run(capsys, "--offline", "search", "flask")  # the catalog answers offline
    assert code == 0
    assert "pallets/flask" in out


def test_the_demo_answers_an_empty_search_with_no_results(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
    code, out, _ = run(capsys, "--demo", "search", "zzqqzz")
    assert code == 0
    assert out.startswith("0 repositories match")
